"""Wire-origin clusters and the per-article summary of reuse.

**Clusters.** Passages that share text form one cluster: two passages are joined when they cover
overlapping stretches (half of the shorter one or more) of the same article. The same wire story in
three outlets is one cluster of three passages (a-b, a-c, b-c), not three separate thefts.

**Origin.** Each cluster gets an ``origin``: the wire agency when any of its articles credits one (in
its byline/credit field, dateline or closing line) or is published by one (on a tie between agencies,
the one whose own article is in the cluster); else the outlet of its
earliest dated article (when only one article has that date); else ``"unknown"``.

**Dates.** A publication given as a calendar date only (read as midnight) says nothing about the
time of day: it is neither earlier nor later than another publication of the same day
(:func:`earlier_of`).


Example:
    >>> p = pd.DataFrame({"article_a": ["x", "x", "y"], "a_start": [0, 0, 0], "a_end": [90, 90, 90],
    ...                   "article_b": ["y", "z", "z"], "b_start": [0, 5, 5], "b_end": [90, 95, 95]})
    >>> passage_clusters(p).tolist()
    [0, 0, 0]
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .credit import canonical, is_agency

__all__ = ["passage_clusters", "cluster_origins", "earlier_of", "date_only"]

#: Two passages in one article are the same text when they overlap by this share of the shorter.
MIN_OVERLAP = 0.5


def date_only(when: Any) -> bool:
    """True when a publication time is a calendar date without a time of day (midnight exactly).

    Example:
        >>> date_only(pd.Timestamp("2024-07-19")), date_only(pd.Timestamp("2024-07-19 08:15"))
        (True, False)
    """
    return not pd.isna(when) and pd.Timestamp(when) == pd.Timestamp(when).normalize()


def earlier_of(pub_a: Any, pub_b: Any) -> str:
    """``"a"`` or ``"b"`` (the one published first), or ``"unknown"``.

    Unknown when a date is missing, when both are the same time, or when both fall on the same
    calendar day and one of them has no time of day (a date-only value read as midnight is not
    earlier than 08:15 that day).

    Example:
        >>> t = pd.Timestamp
        >>> earlier_of(t("2024-07-19"), t("2024-07-19 08:15")), earlier_of(t("2024-07-18"), t("2024-07-19 08:15"))
        ('unknown', 'a')
    """
    if pd.isna(pub_a) or pd.isna(pub_b):
        return "unknown"
    pa, pb = pd.Timestamp(pub_a), pd.Timestamp(pub_b)
    if pa == pb or (pa.normalize() == pb.normalize() and (date_only(pa) or date_only(pb))):
        return "unknown"
    return "a" if pa < pb else "b"


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)


def passage_clusters(passages: pd.DataFrame) -> pd.Series:
    """Cluster number of each passage (0, 1, ... in order of first passage), by shared article text.

    Args:
        passages: Frame with ``article_a``, ``a_start``, ``a_end``, ``article_b``, ``b_start``, ``b_end``.

    Returns:
        int64 Series aligned with ``passages``.
    """
    n = len(passages)
    uf = _UnionFind(n)
    by_article: dict[str, list[tuple[int, int, int]]] = {}
    for side in ("a", "b"):
        arts = passages[f"article_{side}"].astype(str).tolist()
        starts, ends = passages[f"{side}_start"].tolist(), passages[f"{side}_end"].tolist()
        for row, (art, s, e) in enumerate(zip(arts, starts, ends)):
            by_article.setdefault(art, []).append((s, e, row))
    for spans in by_article.values():
        if len(spans) < 2:
            continue
        spans.sort()
        open_: list[tuple[int, int, int]] = []     # spans that may still overlap later ones
        for s, e, r in spans:
            open_ = [o for o in open_ if o[1] > s]
            for os_, oe, orow in open_:
                if min(e, oe) - max(s, os_) >= MIN_OVERLAP * min(e - s, oe - os_):
                    uf.union(r, orow)
            open_.append((s, e, r))
    roots = [uf.find(k) for k in range(n)]
    order = {}
    for root in roots:                 # number clusters by first appearance
        order.setdefault(root, len(order))
    return pd.Series([order[r] for r in roots], index=passages.index, dtype="int64")


def cluster_origins(passages: pd.DataFrame, cluster: pd.Series, outlet_of: dict[Any, str],
                    date_of: dict[Any, Any], credits_of: dict[Any, dict[str, str]]) -> dict[int, str]:
    """Origin of each cluster: credited wire agency, else earliest dated article's outlet, else unknown.

    Args:
        passages: The passage frame.
        cluster: :func:`passage_clusters` of it.
        outlet_of: Article id → outlet.
        date_of: Article id → publication time (NaT when unknown).
        credits_of: Article id → names it credits (``credit.article_credits``).

    Returns:
        Dict cluster → origin name (an agency's name from ``rules/outlets.csv``, an outlet, or ``"unknown"``).
    """
    members: dict[int, set] = {}
    for c, a, b in zip(cluster.tolist(), passages["article_a"].tolist(), passages["article_b"].tolist()):
        members.setdefault(c, set()).update((a, b))
    out = {}
    for c, arts in members.items():
        out[c] = _origin(sorted(arts, key=str), outlet_of, date_of, credits_of)
    return out


def _origin(arts: list, outlet_of: dict, date_of: dict, credits_of: dict) -> str:
    votes: dict[str, int] = {}
    own: set[str] = set()      # agencies publishing one of the cluster's articles themselves
    for a in arts:
        names = [n for n in credits_of.get(a, {}) if is_agency(n)]
        if is_agency(outlet_of.get(a, "")):
            own.add(canonical(outlet_of[a]))
            names.append(canonical(outlet_of[a]))
        for n in set(names):
            votes[n] = votes.get(n, 0) + 1
    if votes:   # most votes; on a tie the agency whose own article is in the cluster
        return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0] not in own, kv[0]))[0][0]
    dated = [(pd.Timestamp(date_of[a]), a) for a in arts if not pd.isna(date_of.get(a, pd.NaT))]
    if not dated:
        return "unknown"
    first = min(d for d, _ in dated)
    # every article not known to come after the first (same time, or same day without a time of day)
    firsts = {canonical(outlet_of.get(a, "")) for d, a in dated if earlier_of(first, d) == "unknown"}
    if len(firsts) != 1 or "" in firsts:
        return "unknown"
    return firsts.pop()

"""reuse_summary: per article, words taken (each counted once) and from where; per outlet; per cluster.

Example:
    >>> import pandas as pd
    >>> from srcanalysis.reuse import find_reuse
    >>> t = "Officials said the bridge would stay closed for at least two more weeks while engineers inspect it."
    >>> arts = pd.DataFrame({"article_id": [1, 2], "outlet": ["Herald", "Courier"],
    ...     "published": pd.to_datetime(["2021-05-01", "2021-05-02"]), "text": [t, t + " (Herald)"]})
    >>> s = reuse_summary(arts, find_reuse(arts))
    >>> s.articles[["article_id", "reused_share", "credited_share", "sources"]].to_dict("records")
    [{'article_id': 1, 'reused_share': 0.0, 'credited_share': 0.0, 'sources': ''}, {'article_id': 2, 'reused_share': 0.9444, 'credited_share': 0.9444, 'sources': 'Herald'}]
    >>> int(s.matrix.loc["Courier", "Herald"])
    17
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..sources.headline import UNKNOWN_GROUP
from .credit import article_credits, canonical, is_agency
from .find import Columns, prepare, side_credit
from .options import DEFAULTS
from .text import _WORD

__all__ = ["ReuseSummary", "reuse_summary"]


class ReuseSummary(dict):
    """What :func:`reuse_summary` returns: a dict of four DataFrames, also readable as attributes.

    Keys / attributes:
        articles: One row per article: ``article_id``, ``outlet``, ``words``, ``reused_words`` (words
            taken, each counted once however many copies it matches), ``credited_words``,
            ``uncredited_words`` (taken in passages whose credit is ``not_credited``),
            ``unknown_credit_words`` (the rest: the source's outlet is unknown, or one outlet
            repeats its own text), ``reused_share``, ``credited_share``, ``shared_words`` (in passages
            whose direction is unknown), ``shared_share``, ``quoted_words`` (in shared quotations:
            listed, not counted as taken), ``sources`` (where the taken words came from: a wire
            agency or the earlier outlet, ``"; "``-joined).
        outlets: Long table ``taker``, ``source``, ``direction`` (``wire``: a copy of a wire story;
            ``dated``; ``credit``: undated, the taker names the source; ``unknown``), ``articles``,
            ``passages``, ``words`` (per taking article counted once, summed), ``credited_words``.
        matrix: Outlet × source words taken (rows: taker, columns: source outlet or agency), known
            direction only. A blank outlet is named ``"(unknown outlet)"`` here and in ``outlets``
            (the package's ``UNKNOWN_GROUP``).
        clusters: One row per cluster: ``cluster``, ``origin``, ``articles``, ``outlets``,
            ``passages``, ``credited``, ``not_credited``, ``unknown``, ``shared_quote`` (passages).
    """

    def __init__(self, articles: pd.DataFrame, outlets: pd.DataFrame, matrix: pd.DataFrame,
                 clusters: pd.DataFrame | None = None):
        super().__init__(articles=articles, outlets=outlets, matrix=matrix,
                         clusters=pd.DataFrame() if clusters is None else clusters)

    articles = property(lambda self: self["articles"])
    outlets = property(lambda self: self["outlets"])
    matrix = property(lambda self: self["matrix"])
    clusters = property(lambda self: self["clusters"])


def _union_words(text: str, spans: list[tuple[int, int]]) -> int:
    if not spans:
        return 0
    mask = np.zeros(len(text) + 1, dtype=np.int32)
    for s, e in spans:
        mask[s] += 1
        mask[e] -= 1
    covered = np.cumsum(mask)[:-1] > 0
    return sum(1 for m in _WORD.finditer(text) if covered[m.start()])


def _direction(r: Any) -> str:
    if r.earlier in ("a", "b"):
        return "dated"
    return "credit" if r.taker in ("a", "b", "both") else "unknown"


def _outlet_label(outlet: Any) -> str:
    """An outlet as named in the outlet tables and charts: ``UNKNOWN_GROUP`` ("(unknown outlet)") when blank."""
    name = "" if outlet is None or (isinstance(outlet, float) and pd.isna(outlet)) else str(outlet).strip()
    return name or UNKNOWN_GROUP


def _taker(r: Any, has_taker: bool, wire: bool, outlets: list[str], origin: str) -> str:
    """The passage's ``taker`` column; for a frame without one, the later side or every copy of a wire story."""
    if has_taker:
        return r.taker
    if wire:        # every copy of a wire story took it from the agency, whatever their dates
        sides = [s for s, o in zip("ab", outlets) if o != origin]
        return "both" if len(sides) == 2 else sides[0] if sides else "unknown"
    return {"a": "b", "b": "a"}.get(r.earlier, "unknown")


def _clusters(passages: pd.DataFrame, outlet_of: dict) -> pd.DataFrame:
    cols = ["cluster", "origin", "articles", "outlets", "passages", "credited", "not_credited", "unknown",
            "shared_quote"]
    if passages.empty or "cluster" not in passages:
        return pd.DataFrame(columns=cols)
    rows = []
    for c, g in passages.groupby("cluster", sort=True):
        arts = sorted(set(g["article_a"]) | set(g["article_b"]), key=str)
        taking = g[g["kind"] != "shared_quote"]
        rows.append({"cluster": int(c), "origin": g["origin"].iat[0], "articles": len(arts),
                     "outlets": "; ".join(sorted({str(outlet_of.get(a, "")) for a in arts})),
                     "passages": len(g), **{v: int((taking["credit"] == v).sum()) for v in
                                            ("credited", "not_credited", "unknown")},
                     "shared_quote": int((g["kind"] == "shared_quote").sum())})
    return pd.DataFrame(rows, columns=cols)


def reuse_summary(articles: pd.DataFrame, passages: pd.DataFrame, *,
                  credit_window: int = DEFAULTS["credit_window"]) -> ReuseSummary:
    """Per-article share of words taken from elsewhere (each word once), by outlet, and per cluster.

    A passage's taker comes from :func:`~srcanalysis.reuse.find_reuse` (``taker``): the later
    article, every copy of a wire story (origin an agency) other than the agency's own, or the
    undated side that names the other. A taker's words count as credited when that article credits
    the source (its byline, dateline, closing line or the passage's surroundings). Shared quotations
    are listed as ``quoted_words``, never as taken.

    Args:
        articles: The frame given to :func:`find_reuse`.
        passages: Its result.
        credit_window: Characters around a passage searched for a credit.

    Returns:
        A :class:`ReuseSummary` of ``articles``, ``outlets``, ``matrix`` and ``clusters``.
    """
    arts = prepare(articles)
    by_id = {aid: k for k, aid in enumerate(arts["article_id"].tolist())}
    texts, outlets = arts["text"].tolist(), arts["outlet"].tolist()
    spans: dict[str, dict[int, list]] = {k: {} for k in ("taken", "credited", "uncredited", "shared", "quoted")}
    per_source: dict[tuple[int, str, str], list] = {}     # (taker, source, direction) -> [spans, credited spans, passages]
    sources: dict[int, set] = {}
    level: dict[int, dict[str, str]] = {}
    cols = Columns.of(arts)
    has_taker = "taker" in passages
    for r in passages.itertuples(index=False):
        a, b = by_id.get(r.article_a), by_id.get(r.article_b)
        if a is None or b is None:
            continue
        span = {"a": (r.a_start, r.a_end), "b": (r.b_start, r.b_end)}
        pos = {"a": a, "b": b}
        if r.kind == "shared_quote":
            for s in "ab":
                spans["quoted"].setdefault(pos[s], []).append(span[s])
            continue
        origin = getattr(r, "origin", "unknown")
        wire = is_agency(origin) and not r.same_outlet
        taker = _taker(r, has_taker, wire, [canonical(outlets[pos[s]]) for s in "ab"], origin)
        # the article charged is the passage's taker, nobody else
        sides = ["a", "b"] if taker == "both" else [taker] if taker in ("a", "b") else []
        if not sides:
            for s in "ab":
                spans["shared"].setdefault(pos[s], []).append(span[s])
            continue
        direction = "wire" if wire else _direction(r) if has_taker else "dated"
        for s in sides:
            k, other = pos[s], pos["b" if s == "a" else "a"]
            source = origin if wire else outlets[other]
            status = getattr(r, "credit", "not_credited") if has_taker else "not_credited"
            if taker == "both" and (wire or status != "credited"):    # each copy answers for itself
                if k not in level:
                    level[k] = article_credits(texts[k], arts["byline"].iat[k])
                found = side_credit(cols, k, other, span[s][0], span[s][1], origin, level[k], credit_window,
                                    copied=texts[other][slice(*span["b" if s == "a" else "a"])])
                status = "credited" if found else "not_credited"
            ok = status == "credited"
            if status == "not_credited":
                spans["uncredited"].setdefault(k, []).append(span[s])
            spans["taken"].setdefault(k, []).append(span[s])
            entry = per_source.setdefault((k, source, direction), [[], [], 0])
            entry[0].append(span[s])
            entry[2] += 1
            if ok:
                spans["credited"].setdefault(k, []).append(span[s])
                entry[1].append(span[s])
            sources.setdefault(k, set()).add(source)
    rows = []
    for k, aid in enumerate(arts["article_id"].tolist()):
        words = len(_WORD.findall(texts[k]))
        n = {name: _union_words(texts[k], spans[name].get(k, [])) for name in spans}
        # a word credited in one passage is credited; one only in passages of unknown credit is unknown
        n["uncredited"] = _union_words(texts[k], spans["credited"].get(k, []) + spans["uncredited"].get(k, [])) - n["credited"]
        share = (lambda x: round(x / words, 4) if words else 0.0)
        rows.append({"article_id": aid, "outlet": outlets[k], "words": words, "reused_words": n["taken"],
                     "credited_words": n["credited"], "uncredited_words": n["uncredited"],
                     "unknown_credit_words": n["taken"] - n["credited"] - n["uncredited"],
                     "reused_share": share(n["taken"]), "credited_share": share(n["credited"]),
                     "shared_words": n["shared"], "shared_share": share(n["shared"]), "quoted_words": n["quoted"],
                     "sources": "; ".join(sorted(sources.get(k, set())))})
    per_article = pd.DataFrame(rows, columns=["article_id", "outlet", "words", "reused_words", "credited_words",
                                              "uncredited_words", "unknown_credit_words", "reused_share", "credited_share", "shared_words",
                                              "shared_share", "quoted_words", "sources"])
    label = _outlet_label
    links = [(label(outlets[k]), label(src), d, 1, n_p, _union_words(texts[k], sp), _union_words(texts[k], cr))
             for (k, src, d), (sp, cr, n_p) in per_source.items()]
    cols = ["taker", "source", "direction", "articles", "passages", "words", "credited_words"]
    links_df = pd.DataFrame(links, columns=cols)
    if len(links_df):
        links_df = links_df.groupby(["taker", "source", "direction"], as_index=False)[cols[3:]].sum()
    known = links_df[links_df["direction"] != "unknown"]
    takers = sorted({label(o) for o in outlets})
    srcs = sorted(set(takers) | set(known["source"]))
    matrix = (known.pivot_table(index="taker", columns="source", values="words", aggfunc="sum", fill_value=0)
              .reindex(index=takers, columns=srcs, fill_value=0).astype("int64"))
    matrix.index.name, matrix.columns.name = "taker", "source"
    clusters = _clusters(passages, dict(zip(arts["article_id"], outlets)))
    return ReuseSummary(per_article, links_df, matrix, clusters)

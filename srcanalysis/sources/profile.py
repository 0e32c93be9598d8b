"""Source profiles: how much of each article (or outlet) rests on which kind of source.

The anonymous-source share counts only ``anonymous`` (an identity the article deliberately withholds,
as the sourcing codebook defines it); unnamed people ("a neighbor said") and groups ("residents
said") have their own columns and are never in it. Every share carries its 95 % Wilson interval
(:func:`srcanalysis.stats.add_share`) and a ``_small`` flag for groups under
:data:`srcanalysis.stats.MIN_GROUP` sentences.

Example:
    >>> import srcanalysis as sa
    >>> sents = sa.sentences(sa.read_articles(pd.DataFrame({"text": [
    ...     "A senior official said the plan failed. It rained. Residents said so. Jim Mattis said no."]})))
    >>> row = source_profile(sents).iloc[0]
    >>> int(row["sentences"]), int(row["anonymous"]), int(row["unnamed_group"]), float(row["anonymous_of_all"])
    (4, 1, 1, 0.25)
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..schema import SOURCE_TYPES
from ..stats import add_share

#: How a sentence whose outlet (or other group) is unknown is named in tables and answers.
UNKNOWN_GROUP = "(unknown outlet)"

__all__ = ["source_profile", "anonymous_by_position", "add_position", "POSITIONS",
           "SOURCED_TYPES"]

#: Types that make a sentence sourced (codebook section 1: not ``no_comment``, not ``unattributed``).
SOURCED_TYPES = [t for t in SOURCE_TYPES if t not in ("unattributed", "no_comment")]

#: Labels of the three article parts used by :func:`add_position`.
POSITIONS = ["first third", "middle third", "last third"]


def add_position(sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``position`` (first / middle / last third of the article) to a sentence frame.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a"] * 3, "sentence": [0, 1, 2]})
        >>> add_position(f)["position"].tolist()
        ['first third', 'middle third', 'last third']
    """
    out = sentences.copy()
    n = out.groupby("article_id")["sentence"].transform("size")
    rank = out.groupby("article_id").cumcount()
    third = np.minimum((rank * 3) // n.clip(lower=1), 2)
    out["position"] = pd.Categorical.from_codes(third.astype(int), categories=POSITIONS, ordered=True)
    return out


def source_profile(sentences: pd.DataFrame, by: str = "article_id") -> pd.DataFrame:
    """Counts by source type and anonymous-source measures per article or per outlet.

    Args:
        sentences: A tagged sentence frame from :func:`srcanalysis.sentences`.
        by: ``"article_id"`` (one row per article, with its outlet) or ``"outlet"``.

    Returns:
        One row per group with ``sentences``, ``words``, one count column per source type (the
        codebook types: ``anonymous`` for withheld identities only, ``unnamed_person`` and
        ``unnamed_group`` apart), ``sourced`` (sourced sentences: every type but ``no_comment`` and
        ``unattributed``), ``anonymous_of_all`` (of all sentences) and ``anonymous_of_sourced``
        (of sourced sentences), each with 95 % Wilson bounds ``_low`` / ``_high`` and a ``_small`` flag
        (fewer than :data:`srcanalysis.stats.MIN_GROUP` cases in the denominator),
        ``anonymous_with_reason`` / ``anonymous_without_reason`` (anonymous sentences whose article
        does or does not state why the name is withheld) and ``anonymous_per_1000_words``. Shares are
        rounded to three decimals; groups are sorted by ``anonymous_of_sourced`` (the headline
        share, :func:`srcanalysis.anonymous_headline`), highest first.

    Raises:
        ValueError: ``by`` is not a column, or the frame lacks the source columns.
    """
    needed = {"text", "source_type", by}
    missing = needed - set(sentences.columns)
    if missing:
        raise ValueError(f"source_profile needs a tagged sentence frame; missing columns {sorted(missing)}")
    frame = sentences.copy()
    frame["words"] = frame["text"].astype(str).str.split().str.len()
    frame["source_type"] = frame["source_type"].astype(str)
    keys = [by] if by != "article_id" or "outlet" not in frame else ["article_id", "outlet"]
    for key in keys:  # a blank or missing group is named, never dropped (pandas drops NaN keys)
        if key != "article_id":
            frame[key] = frame[key].fillna("").astype(str).replace("", UNKNOWN_GROUP)
    counts = pd.crosstab([frame[k] for k in keys], frame["source_type"]).reindex(columns=SOURCE_TYPES, fill_value=0)
    anon = frame["source_type"] == "anonymous"
    has_reason = frame.get("anonymity_reason", pd.Series("", index=frame.index)).fillna("").astype(str) != ""
    frame["_reason"] = anon & has_reason
    frame["_noreason"] = anon & ~has_reason
    grouped = frame.groupby(keys, sort=False)
    out = pd.DataFrame({
        "sentences": grouped.size(),
        "words": grouped["words"].sum(),
        "anonymous_with_reason": grouped["_reason"].sum(),
        "anonymous_without_reason": grouped["_noreason"].sum(),
    }).join(counts)
    out["sourced"] = out[SOURCED_TYPES].sum(axis=1)
    out = add_share(out, "anonymous_of_all", "anonymous", "sentences")
    out = add_share(out, "anonymous_of_sourced", "anonymous", "sourced")
    out["anonymous_per_1000_words"] = (1000 * out["anonymous"] / out["words"].replace(0, np.nan)).round(2)
    shares = [f"anonymous_of_{x}{y}" for x in ("all", "sourced") for y in ("", "_low", "_high")]
    out[shares] = out[shares].round(3)
    order = ["sentences", "words", *SOURCE_TYPES, "sourced", "anonymous_of_all", "anonymous_of_all_low",
             "anonymous_of_all_high", "anonymous_of_sourced", "anonymous_of_sourced_low",
             "anonymous_of_sourced_high", "anonymous_of_all_small", "anonymous_of_sourced_small",
             "anonymous_with_reason", "anonymous_without_reason", "anonymous_per_1000_words"]
    out = out[order].astype({c: "int64" for c in ["sentences", "words", *SOURCE_TYPES, "sourced",
                                                   "anonymous_with_reason", "anonymous_without_reason"]})
    out = out.reset_index().sort_values(["anonymous_of_sourced", keys[0]], ascending=[False, True], kind="stable",
                                        na_position="last")
    return out.reset_index(drop=True)


def anonymous_by_position(sentences: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Share of sentences resting on anonymous sources in each third of the articles.

    Args:
        sentences: A tagged sentence frame.
        by: Optional grouping column (e.g. ``"outlet"``).

    Returns:
        Columns ``position``, (``by``), ``sentences``, ``anonymous``, ``anonymous_of_all`` with its 95 %
        Wilson bounds ``anonymous_of_all_low`` / ``_high`` and ``anonymous_of_all_small`` (fewer than
        :data:`srcanalysis.stats.MIN_GROUP` sentences). Only ``anonymous`` counts.
    """
    frame = add_position(sentences)
    frame["anon"] = frame["source_type"].astype(str) == "anonymous"
    keys = ["position"] if by is None else [by, "position"]
    out = frame.groupby(keys, observed=False).agg(sentences=("anon", "size"), anonymous=("anon", "sum")).reset_index()
    out = add_share(out, "anonymous_of_all", "anonymous", "sentences")
    cols = ["anonymous_of_all", "anonymous_of_all_low", "anonymous_of_all_high"]
    out[cols] = out[cols].round(3)
    return out

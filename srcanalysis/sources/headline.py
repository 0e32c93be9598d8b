"""Headline figures in words: each share says what it divides by, in the same wording everywhere.

The report's lede and the quickstart notebook state the anonymous-source share with these
functions, so a reader never meets two unlabelled figures for the same thing. Definitions follow
the sourcing codebook (``shared/sourcing-codebook.md`` §5): the anonymous-source share is
``anonymous`` sentences over *sourced* sentences (any source type but ``unattributed`` and
``no_comment``), and also over *all* sentences; ``unnamed_person`` and ``unnamed_group`` are never
counted as anonymous. Every share and its 95 % Wilson interval come from
:func:`srcanalysis.stats.add_share`.

Example:
    >>> import pandas as pd
    >>> sents = pd.DataFrame({"outlet": ["A"] * 4, "source_type": ["anonymous", "named_person", "unattributed",
    ...                                                              "unattributed"]})
    >>> anonymous_headline(sents)
    'All articles: anonymous sources make up 50% of sourced sentences (1 of 2; 95% interval 9.5%–91%) and 25% of all sentences (1 of 4).'
"""
from __future__ import annotations

import pandas as pd

from ..stats import MIN_GROUP, add_share
from .profile import SOURCED_TYPES, UNKNOWN_GROUP

__all__ = ["anonymous_shares", "anonymous_headline", "anonymous_answer", "plot_anonymous_shares",
           "percent"]



def percent(share: float) -> str:
    """A share as a percentage: whole numbers from 10 %, one decimal below (``0.0912 -> '9.1%'``).

    Example:
        >>> percent(0.0912), percent(0.231), percent(float("nan"))
        ('9.1%', '23%', 'n/a')
    """
    if pd.isna(share):
        return "n/a"
    return f"{share:.0%}" if share >= 0.095 else f"{share:.1%}"


def anonymous_shares(sentences: pd.DataFrame, by: str | None = None, *, min_group: int = MIN_GROUP) -> pd.DataFrame:
    """Anonymous, sourced and all sentences per group, with both shares and their 95 % intervals.

    Args:
        sentences: A tagged sentence frame (``source_type``; ``by`` when grouping).
        by: Column to group by (``"outlet"``, ``"article_id"``), or ``None`` for one total row.
        min_group: Groups with fewer *sourced* sentences than this are marked ``small``.

    Returns:
        One row per group with ``anonymous``, ``sourced``, ``sentences`` (counts),
        ``anonymous_of_sourced`` and ``anonymous_of_all`` (shares, 0-1) each with ``_low``,
        ``_high`` (95 % Wilson) and ``_small``; sorted by ``anonymous_of_sourced``, highest
        first, with small groups last.

    Raises:
        ValueError: ``source_type`` (or ``by``) is missing.

    Example:
        >>> s = pd.DataFrame({"source_type": ["anonymous", "named_person", "unattributed"]})
        >>> anonymous_shares(s)[["anonymous", "sourced", "sentences", "anonymous_of_sourced"]].to_dict("records")
        [{'anonymous': 1, 'sourced': 2, 'sentences': 3, 'anonymous_of_sourced': 0.5}]
    """
    needed = {"source_type"} | ({by} if by else set())
    if not needed <= set(sentences.columns):
        raise ValueError(f"anonymous_shares needs columns {sorted(needed - set(sentences.columns))}")
    types = sentences["source_type"].astype(str)
    frame = pd.DataFrame({"anonymous": types == "anonymous", "sourced": types.isin(SOURCED_TYPES), "sentences": 1},
                         index=sentences.index)
    if by:
        frame[by] = sentences[by].fillna("").astype(str).replace("", UNKNOWN_GROUP)
        counts = frame.groupby(by, sort=False)[["anonymous", "sourced", "sentences"]].sum().reset_index()
    else:
        counts = frame[["anonymous", "sourced", "sentences"]].sum().to_frame().T
    counts = counts.astype({c: "int64" for c in ("anonymous", "sourced", "sentences")})
    out = add_share(counts, "anonymous_of_sourced", "anonymous", "sourced", min_group=min_group)
    out = add_share(out, "anonymous_of_all", "anonymous", "sentences", min_group=min_group)
    return out.sort_values(["anonymous_of_sourced_small", "anonymous_of_sourced"], ascending=[True, False],
                           kind="stable", na_position="last").reset_index(drop=True)


def anonymous_headline(sentences: pd.DataFrame, scope: str = "All articles") -> str:
    """One sentence stating the anonymous-source share over sourced and over all sentences.

    Args:
        sentences: A tagged sentence frame.
        scope: What the sentences are, said first ("All articles", "Across all outlets", an outlet).

    Returns:
        E.g. ``"All articles: anonymous sources make up 9.1% of sourced sentences (45 of 494; 95%
        interval 6.9%–12%) and 2.3% of all sentences (45 of 1,969)."``
    """
    row = anonymous_shares(sentences).iloc[0]
    if row["sourced"] == 0:
        return f"{scope}: no sourced sentences among {row['sentences']:,} sentences."
    return (f"{scope}: anonymous sources make up {percent(row['anonymous_of_sourced'])} of sourced sentences "
            f"({row['anonymous']:,} of {row['sourced']:,}; 95% interval {_interval(row)}) and "
            f"{percent(row['anonymous_of_all'])} of all sentences ({row['anonymous']:,} of {row['sentences']:,}).")


def _interval(row: pd.Series) -> str:
    return f"{percent(row['anonymous_of_sourced_low'])}–{percent(row['anonymous_of_sourced_high'])}"


def anonymous_answer(sentences: pd.DataFrame, *, min_group: int = MIN_GROUP) -> str:
    """The one-paragraph answer to "which outlets lean most on anonymous sources, and how sure are we".

    Outlets with fewer than ``min_group`` sourced sentences are named but not ranked. The leader's
    lead is called clear only when its 95 % interval does not overlap the runner-up's.

    Args:
        sentences: A tagged sentence frame with ``outlet`` and ``source_type``.
        min_group: Fewest sourced sentences for an outlet to be ranked.

    Returns:
        Plain text, a few sentences.

    Example:
        >>> s = pd.DataFrame({"outlet": ["A"] * 40 + ["B"] * 50 + ["C"] * 3,
        ...                   "source_type": ["anonymous"] * 10 + ["named_person"] * 30 + ["anonymous"] * 5
        ...                                  + ["unattributed"] * 5 + ["named_org"] * 40 + ["anonymous"] * 3})
        >>> print(anonymous_answer(s))  # doctest: +NORMALIZE_WHITESPACE
        Of 2 outlets with at least 30 sourced sentences, A leans most on anonymous sources: 25% of its sourced
        sentences (10 of 40; 95% interval 14%–40%). Next is B at 11% (4.8%–23%); the intervals overlap, so this
        ranking could change with more articles. Across all outlets: anonymous sources make up 20% of sourced
        sentences (18 of 88; 95% interval 13%–30%) and 19% of all sentences (18 of 93). Too few sourced sentences to rank (under 30):
        C 100% (3 of 3; 44%–100%).
    """
    table = anonymous_shares(sentences, by="outlet", min_group=min_group)
    ranked = table[~table["anonymous_of_sourced_small"]]
    small = table[table["anonymous_of_sourced_small"]]
    parts = []
    if ranked.empty:
        parts.append(f"No outlet has {min_group} or more sourced sentences, so none is ranked.")
    elif len(ranked) == 1:
        top = ranked.iloc[0]
        parts.append(f"Only {top['outlet']} has {min_group} or more sourced sentences, so there is no ranking: "
                     f"{percent(top['anonymous_of_sourced'])} of its sourced sentences rest on anonymous sources "
                     f"({top['anonymous']:,} of {top['sourced']:,}; 95% interval {_interval(top)}).")
    else:
        top = ranked.iloc[0]
        parts.append(f"Of {len(ranked)} outlets with at least {min_group} sourced sentences, {top['outlet']} leans most "
                     f"on anonymous sources: {percent(top['anonymous_of_sourced'])} of its sourced sentences "
                     f"({top['anonymous']:,} of {top['sourced']:,}; 95% interval {_interval(top)}).")
        if len(ranked) > 1:
            second = ranked.iloc[1]
            clear = top["anonymous_of_sourced_low"] > second["anonymous_of_sourced_high"]
            parts.append(f"Next is {second['outlet']} at {percent(second['anonymous_of_sourced'])} "
                         f"({_interval(second)}); " + ("the intervals do not overlap, so the lead is clear."
                                                      if clear else "the intervals overlap, so this ranking could "
                                                      "change with more articles."))
    parts.append(anonymous_headline(sentences, scope="Across all outlets"))
    if len(small):
        names = "; ".join(f"{r['outlet']} {percent(r['anonymous_of_sourced'])} ({r['anonymous']:,} of "
                          f"{r['sourced']:,}; {_interval(r)})" for _, r in small.iterrows())
        parts.append(f"Too few sourced sentences to rank (under {min_group}): {names}.")
    return " ".join(parts)


def plot_anonymous_shares(sentences: pd.DataFrame, *, min_group: int = MIN_GROUP, ax=None):
    """Anonymous share of sourced sentences per outlet, with its 95 % interval, highest first.

    Outlets under ``min_group`` sourced sentences are drawn in grey below the ranked ones and
    labelled "too few to rank". The title states the answer of :func:`anonymous_answer`.

    Args:
        sentences: A tagged sentence frame with ``outlet`` and ``source_type``.
        min_group: Fewest sourced sentences for an outlet to be ranked.
        ax: Axes to draw on (a new figure when ``None``).

    Returns:
        The matplotlib ``Axes``.

    Example:
        >>> s = pd.DataFrame({"outlet": ["A"] * 40, "source_type": ["anonymous"] * 10 + ["named_person"] * 30})
        >>> ax = plot_anonymous_shares(s)
        >>> ax.get_title(loc="left")
        'Only A has 30+ sourced sentences: 25% of them rest on anonymous sources (10 of 40)'
        >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    from ..style import ACCENT, MUTED, finish, new_axes, style

    table = anonymous_shares(sentences, by="outlet", min_group=min_group).iloc[::-1].reset_index(drop=True)
    fig, ax = new_axes(ax, figsize=(8, 1.2 + 0.45 * max(len(table), 1)))
    with style():
        for y, row in table.iterrows():
            colour = MUTED if row["anonymous_of_sourced_small"] else ACCENT
            low, high = row["anonymous_of_sourced_low"], row["anonymous_of_sourced_high"]
            ax.plot([100 * low, 100 * high], [y, y], color=colour, linewidth=2.5, alpha=0.6, solid_capstyle="round")
            ax.plot([100 * row["anonymous_of_sourced"]], [y], "o", color=colour, markersize=7)
        labels = [f"{o} ({n:,}{', too few to rank' if small else ''})" for o, n, small in
                  zip(table["outlet"], table["sourced"], table["anonymous_of_sourced_small"])]
        ax.set_yticks(range(len(table)), labels)
        ax.set_xlim(0, 100)
        ax.set_ylim(-0.6, len(table) - 0.4)
    from .plot import _mix_title  # the one title rule: a leader is named only when its interval clears the next

    ranked = table[~table["anonymous_of_sourced_small"]].iloc[::-1]
    if len(ranked):
        title = _mix_title(ranked.reset_index(drop=True), "outlet")
    else:
        title = f"No outlet has {min_group} sourced sentences: shares shown, not ranked"
    return finish(ax, title, xlabel="anonymous share of sourced sentences (%), dot and 95% interval",
                  subtitle=f"In brackets: sourced sentences. Grey: fewer than {min_group}, not ranked.",
                  source="Source: srcanalysis source tagger; Wilson 95% intervals", grid_axis="x")

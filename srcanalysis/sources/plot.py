"""Charts of who the sentences rest on, in the shared house style (each returns the Axes)."""
from __future__ import annotations

from typing import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from .headline import anonymous_shares, percent
from .profile import POSITIONS, anonymous_by_position, source_profile
from ..schema import SOURCE_TYPES
from ..stats import MIN_GROUP
from ..style import SOURCE_COLORS, finish, new_axes

LABELS = {t: t.replace("_", " ") for t in SOURCE_TYPES}


def _legend(ax: plt.Axes, types: list[str]) -> None:
    handles = [Patch(color=SOURCE_COLORS.get(t, "#BBBBBB"), label=LABELS[t]) for t in types]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)


def plot_source_strip(sentences: pd.DataFrame, article_id: str | list[str] | None = None, *,
                      max_articles: int = 15, titles: Mapping[str, str] | pd.Series | None = None,
                      ax: plt.Axes | None = None) -> plt.Axes:
    """One row per article, one cell per sentence, coloured by source type; paragraph starts ticked.

    Args:
        sentences: Tagged sentence frame.
        article_id: One article id, a list of ids, or ``None`` for the articles with the most
            anonymous sentences (up to ``max_articles``; only those with any, when some have).
        max_articles: Most rows drawn when ``article_id`` is ``None``.
        titles: Article titles by article id (e.g. ``articles.set_index("article_id")["title"]``):
            rows are labelled with the shortened title instead of the id.
        ax: Axes to draw on.

    Returns:
        The Axes.
    """
    if isinstance(article_id, str):
        ids = [article_id]
    elif article_id is not None:
        ids = list(article_id)
    else:
        anon = sentences.assign(a=sentences["source_type"].astype(str) == "anonymous").groupby("article_id")["a"].sum()
        ranked = anon.sort_values(ascending=False, kind="stable")
        with_anon = ranked[ranked > 0]  # only articles that have anonymous sources, when any do
        ids = (with_anon if len(with_anon) else ranked).index[:max_articles].tolist()
    fig, ax = new_axes(ax, figsize=(9, 0.45 * len(ids) + 1.6))
    longest = 1
    for row, ident in enumerate(ids):
        art = sentences[sentences["article_id"] == ident].sort_values("sentence")
        colors = [SOURCE_COLORS.get(str(t), "#DDDDDD") for t in art["source_type"]]  # every codebook type
        longest = max(longest, len(art))
        ax.barh([row] * len(art), [1] * len(art), left=np.arange(len(art)), color=colors, height=0.8,
                edgecolor="white", linewidth=0.4)
        starts = art["sentence"][art["paragraph"].diff().fillna(1) != 0].to_numpy()
        ax.scatter(starts, [row - 0.5] * len(starts), marker="|", color="#555555", s=18, linewidths=0.8)
    labels = _row_labels(sentences, ids, titles)
    ax.set_yticks(range(len(ids)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, longest)
    present = [t for t in SOURCE_TYPES if (sentences["source_type"].astype(str) == t).any()]
    _legend(ax, present or ["unattributed"])
    shown = sentences[sentences["article_id"].isin(ids)]
    return finish(ax, _strip_title(shown, len(ids)),
                  xlabel="sentence number (ticks mark paragraph starts)", ylabel="",
                  source="Source: srcanalysis source tagger (rule based; see the rule column for each sentence)")


def _row_labels(sentences: pd.DataFrame, ids: list, titles: Mapping[str, str] | pd.Series | None) -> list[str]:
    """Outlet and shortened title (or id, without titles) for each article row."""
    outlet = sentences.drop_duplicates("article_id").set_index("article_id")["outlet"]
    titles = dict(titles) if titles is not None else {}
    labels = []
    for ident in ids:
        name = str(outlet.get(ident, "") or "")[:22]
        title = str(titles.get(ident, "") or "")
        tail = (title[:38] + "…" if len(title) > 39 else title) if title else str(ident)[:10]
        labels.append(f"{name} · {tail}" if name else tail)
    return labels


def _strip_title(shown: pd.DataFrame, n_articles: int) -> str:
    """The strip chart's finding, with the headline's denominator (sourced sentences)."""
    share = anonymous_shares(shown).iloc[0]
    if share["sourced"] == 0:
        return f"No sourced sentences in these {n_articles} articles"
    return (f"Anonymous sources: {percent(share['anonymous_of_sourced'])} of sourced sentences in these "
            f"{n_articles} articles ({share['anonymous']:,} of {share['sourced']:,})")


#: Order of the stacked segments: the anonymous share first, so its bar and error bar start at zero.
MIX_ORDER = ["anonymous", "unnamed_person", "unnamed_group", "named_person", "named_org", "media", "document"]


def _group_labels(prof: pd.DataFrame, by: str) -> list[str]:
    """Group names, with groups under the minimum size marked rather than ranked."""
    return [f"{str(name)[:28]} (n={n}, too few to rank)" if small else f"{str(name)[:28]} (n={n})"
            for name, n, small in zip(prof[by], prof["sourced"], prof["anonymous_of_sourced_small"])]


def plot_source_mix(sentences: pd.DataFrame, by: str = "outlet", *, top: int = 20,
                    ax: plt.Axes | None = None) -> plt.Axes:
    """Stacked horizontal bars: the share of *sourced* sentences resting on each source type, per
    outlet or article, sorted by the anonymous share of sourced sentences (the quantity the title
    names, the same definition as :func:`srcanalysis.anonymous_headline`), with its 95 % Wilson
    interval as an error bar. Groups with fewer than :data:`srcanalysis.stats.MIN_GROUP` sourced
    sentences are drawn last, marked "too few to rank" and never named in the title.

    Args:
        sentences: Tagged sentence frame.
        by: ``"outlet"`` or ``"article_id"``.
        top: Most bars.
        ax: Axes to draw on.

    Returns:
        The Axes.
    """
    prof = source_profile(sentences, by=by)
    key = "anonymous_of_sourced"
    prof = prof.sort_values([f"{key}_small", key], ascending=[True, False], kind="stable").head(top)
    types = [t for t in MIX_ORDER if t in SOURCE_TYPES]
    shares = prof[types].div(prof["sourced"].replace(0, np.nan), axis=0).fillna(0)
    fig, ax = new_axes(ax, figsize=(9, 0.4 * len(prof) + 1.8))
    left = np.zeros(len(prof))
    y = np.arange(len(prof))
    for t in types:
        ax.barh(y, shares[t], left=left, color=SOURCE_COLORS.get(t, "#BBBBBB"), label=LABELS[t], height=0.7,
                hatch=None)
        left += shares[t].to_numpy()
    share = prof[key].fillna(0).to_numpy()
    err = np.vstack([share - prof[f"{key}_low"].fillna(0).to_numpy(),
                     prof[f"{key}_high"].fillna(0).to_numpy() - share])
    ax.errorbar(share, y, xerr=np.clip(err, 0, None), fmt="none", ecolor="#222222", elinewidth=1, capsize=3)
    ax.set_yticks(y, _group_labels(prof, by), fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    _legend(ax, types)
    ranked = prof[~prof[f"{key}_small"]]
    best = ranked.iloc[0] if len(ranked) else None
    title = (f"{best[by]} leans most on anonymous sources ({percent(best[key])} of sourced sentences)"
             if best is not None and best[key] > 0 else
             f"Too few sourced sentences to rank these {'outlets' if by == 'outlet' else 'groups'} on anonymous "
             "sources" if best is None else
             f"No {'outlet' if by == 'outlet' else 'group'} with {MIN_GROUP}+ sourced sentences rests on anonymous "
             "sources" if prof[key].fillna(0).max() > 0 else
             "No sentence rests on an anonymous source")
    return finish(ax, title, xlabel="share of sourced sentences (black bar: 95 % interval of the anonymous share)",
                  ylabel="",
                  source="Source: srcanalysis source tagger; anonymous = identity withheld (unnamed people and "
                         "groups not counted)")


def _position_title(ranked: pd.DataFrame) -> str:
    """Name the third with the highest anonymous share only when its 95 % interval clears the others'.

    Example:
        >>> t = pd.DataFrame({"position": POSITIONS, "anonymous_of_all": [0.3, 0.05, 0.04],
        ...                   "anonymous_of_all_low": [0.25, 0.02, 0.01], "anonymous_of_all_high": [0.35, 0.09, 0.08]})
        >>> _position_title(t)
        'Anonymous sources cluster in the first third of articles'
        >>> _position_title(t.assign(anonymous_of_all_low=[0.05, 0.02, 0.01]))
        'Anonymous sources by part of the article: the differences are within the margin of error'
    """
    if not len(ranked):
        return "Too few sentences to compare the parts of these articles"
    if ranked["anonymous_of_all"].max() <= 0:
        return "No anonymous sources in any part of these articles"
    top = ranked.loc[ranked["anonymous_of_all"].idxmax()]
    others = ranked.drop(index=top.name)
    if len(others) and top["anonymous_of_all_low"] > others["anonymous_of_all_high"].max():
        return f"Anonymous sources cluster in the {top['position']} of articles"
    if not len(others):
        return f"Anonymous sources: {percent(top['anonymous_of_all'])} of sentences in the {top['position']}"
    return "Anonymous sources by part of the article: the differences are within the margin of error"


def plot_anonymous_by_position(sentences: pd.DataFrame, by: str | None = None, *,
                               ax: plt.Axes | None = None) -> plt.Axes:
    """Anonymous-source share of sentences in the first, middle and last third of articles, with 95 %
    Wilson intervals as error bars; thirds with fewer than :data:`srcanalysis.stats.MIN_GROUP`
    sentences are drawn hatched and not named in the title.

    Args:
        sentences: Tagged sentence frame.
        by: Optional column to compare (e.g. ``"outlet"``): one bar per group in each third.
        ax: Axes to draw on.

    Returns:
        The Axes.
    """
    data = anonymous_by_position(sentences, by=by)
    fig, ax = new_axes(ax, figsize=(8, 4.5))
    x = np.arange(len(POSITIONS))

    def bars(part: pd.DataFrame, xs: np.ndarray, width: float, **kw) -> None:
        share = part["anonymous_of_all"].fillna(0).to_numpy()
        err = np.vstack([share - part["anonymous_of_all_low"].fillna(0).to_numpy(),
                         part["anonymous_of_all_high"].fillna(0).to_numpy() - share])
        hatch = ["//" if small else None for small in part["anonymous_of_all_small"].fillna(True)]
        drawn = ax.bar(xs, share, width=width, **kw)
        for patch, h in zip(drawn, hatch):
            patch.set_hatch(h)
        ax.errorbar(xs, share, yerr=np.clip(err, 0, None), fmt="none", ecolor="#222222", elinewidth=1, capsize=3)

    if by is None:
        bars(data.set_index("position").reindex(POSITIONS), x, 0.6, color=SOURCE_COLORS["anonymous"])
    else:
        groups = data[by].drop_duplicates().tolist()
        width = 0.8 / max(len(groups), 1)
        for k, g in enumerate(groups):
            part = data[data[by] == g].set_index("position").reindex(POSITIONS)
            bars(part, x - 0.4 + width * (k + 0.5), width, label=str(g)[:24])
        ax.legend(frameon=False, fontsize=8)
    ax.set_xticks(x, POSITIONS)
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=None))
    overall = anonymous_by_position(sentences)
    ranked = overall[~overall["anonymous_of_all_small"]]
    title = _position_title(ranked)
    return finish(ax, title, xlabel="part of the article",
                  ylabel="share of sentences resting on anonymous sources",
                  source="Source: srcanalysis source tagger; thirds of each article's sentences; bars: 95 % "
                         "Wilson interval; hatched: fewer than 30 sentences", grid_axis="y")

"""Charts of who the sentences rest on, in the shared house style (each returns the Axes)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from .profile import POSITIONS, anonymous_by_position, source_profile
from ..schema import SOURCE_TYPES
from ..style import SOURCE_COLORS, finish, new_axes

LABELS = {t: t.replace("_", " ") for t in SOURCE_TYPES}


def _legend(ax: plt.Axes, types: list[str]) -> None:
    handles = [Patch(color=SOURCE_COLORS[t], label=LABELS[t]) for t in types]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)


def plot_source_strip(sentences: pd.DataFrame, article_id: str | list[str] | None = None, *,
                      max_articles: int = 15, ax: plt.Axes | None = None) -> plt.Axes:
    """One row per article, one cell per sentence, coloured by source type; paragraph starts ticked.

    Args:
        sentences: Tagged sentence frame.
        article_id: One article id, a list of ids, or ``None`` for the articles with the most
            anonymous sentences (up to ``max_articles``).
        max_articles: Most rows drawn when ``article_id`` is ``None``.
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
        ids = anon.sort_values(ascending=False, kind="stable").index[:max_articles].tolist()
    fig, ax = new_axes(ax, figsize=(9, 0.45 * len(ids) + 1.6))
    longest = 1
    for row, ident in enumerate(ids):
        art = sentences[sentences["article_id"] == ident].sort_values("sentence")
        colors = [SOURCE_COLORS.get(str(t), "#DDDDDD") for t in art["source_type"]]
        longest = max(longest, len(art))
        ax.barh([row] * len(art), [1] * len(art), left=np.arange(len(art)), color=colors, height=0.8,
                edgecolor="white", linewidth=0.4)
        starts = art["sentence"][art["paragraph"].diff().fillna(1) != 0].to_numpy()
        ax.scatter(starts, [row - 0.5] * len(starts), marker="|", color="#555555", s=18, linewidths=0.8)
    labels = []
    outlet = sentences.drop_duplicates("article_id").set_index("article_id")["outlet"]
    for ident in ids:
        label = str(outlet.get(ident, ""))[:22]
        labels.append(f"{label} · {str(ident)[:10]}" if label else str(ident)[:16])
    ax.set_yticks(range(len(ids)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, longest)
    present = [t for t in SOURCE_TYPES if (sentences["source_type"].astype(str) == t).any()]
    _legend(ax, present or ["unattributed"])
    share = (sentences[sentences["article_id"].isin(ids)]["source_type"].astype(str) == "anonymous").mean()
    return finish(ax, f"{share:.0%} of these sentences rest on anonymous sources",
                  xlabel="sentence number (ticks mark paragraph starts)", ylabel="",
                  source="Source: srcanalysis source tagger (rule based; see the rule column for each sentence)")


def plot_source_mix(sentences: pd.DataFrame, by: str = "outlet", *, top: int = 20,
                    ax: plt.Axes | None = None) -> plt.Axes:
    """Stacked horizontal bars: the share of sentences of each source type, per outlet or article.

    Args:
        sentences: Tagged sentence frame.
        by: ``"outlet"`` or ``"article_id"``.
        top: Most bars, the groups with the highest attributed share first.
        ax: Axes to draw on.
    """
    prof = source_profile(sentences, by=by)
    prof = prof.assign(_attr=prof["attributed"] / prof["sentences"]).sort_values("_attr", ascending=False).head(top)
    shares = prof[SOURCE_TYPES].div(prof["sentences"], axis=0)
    fig, ax = new_axes(ax, figsize=(9, 0.4 * len(prof) + 1.8))
    left = np.zeros(len(prof))
    for t in SOURCE_TYPES:
        ax.barh(range(len(prof)), shares[t], left=left, color=SOURCE_COLORS[t], label=LABELS[t], height=0.7)
        left += shares[t].to_numpy()
    names = prof[by].astype(str).str.slice(0, 28).tolist()
    ax.set_yticks(range(len(prof)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    _legend(ax, SOURCE_TYPES)
    best = prof.sort_values("anonymous_share", ascending=False).iloc[0] if len(prof) else None
    title = (f"{best[by]} leans most on anonymous sources ({best['anonymous_share']:.0%} of sentences)"
             if best is not None and best["anonymous_share"] > 0 else "No sentence rests on an anonymous source")
    return finish(ax, title, xlabel="share of sentences", ylabel="",
                  source="Source: srcanalysis source tagger")


def plot_anonymous_by_position(sentences: pd.DataFrame, by: str | None = None, *,
                               ax: plt.Axes | None = None) -> plt.Axes:
    """Anonymous-source share of sentences in the first, middle and last third of articles.

    Args:
        sentences: Tagged sentence frame.
        by: Optional column to compare (e.g. ``"outlet"``): one bar per group in each third.
        ax: Axes to draw on.
    """
    data = anonymous_by_position(sentences, by=by)
    fig, ax = new_axes(ax, figsize=(8, 4.5))
    x = np.arange(len(POSITIONS))
    if by is None:
        ax.bar(x, data["anonymous_share"].fillna(0), color=SOURCE_COLORS["anonymous"], width=0.6)
        groups = [None]
    else:
        groups = data[by].drop_duplicates().tolist()
        width = 0.8 / max(len(groups), 1)
        for k, g in enumerate(groups):
            part = data[data[by] == g].set_index("position").reindex(POSITIONS)
            ax.bar(x - 0.4 + width * (k + 0.5), part["anonymous_share"].fillna(0), width=width, label=str(g)[:24])
        ax.legend(frameon=False, fontsize=8)
    ax.set_xticks(x, POSITIONS)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    overall = data.groupby("position", observed=False)[["anonymous", "sentences"]].sum()
    share = (overall["anonymous"] / overall["sentences"].replace(0, np.nan)).fillna(0)
    peak = share.idxmax() if share.max() > 0 else None
    title = (f"Anonymous sources cluster in the {peak} of articles" if peak else
             "No anonymous sources in any part of these articles")
    return finish(ax, title, xlabel="part of the article", ylabel="share of sentences resting on anonymous sources",
                  source="Source: srcanalysis source tagger; parts are thirds of each article's sentences",
                  grid_axis="y")

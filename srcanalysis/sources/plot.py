"""Charts of who the sentences rest on, in the shared house style (each returns the Axes)."""
from __future__ import annotations

from typing import Mapping

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter

from .headline import anonymous_shares, percent
from .profile import POSITIONS, SOURCED_TYPES, add_position, source_profile
from ..schema import SOURCE_TYPES
from ..stats import MIN_GROUP
from ..style import SOURCE_COLORS, finish, new_axes, plural

__all__ = ["plot_source_strip", "plot_source_mix", "plot_anonymous_by_position", "position_shares"]

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
    picked = article_id is None and sentences["article_id"].nunique() > len(ids)
    return finish(ax, _strip_title(shown, len(ids), picked),
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


def _strip_title(shown: pd.DataFrame, n_articles: int, picked: bool = False) -> str:
    """The strip chart's finding, with the headline's denominator (sourced sentences).

    When the rows are the articles picked for having the most anonymous sentences (``picked``), the
    title says so: their share is not the corpus's headline share.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a"] * 4, "source_type": ["anonymous", "named_person", "unattributed",
        ...                   "named_org"]})
        >>> _strip_title(f, 1)
        'Anonymous sources: 33% of sourced sentences in this article (1 of 3)'
        >>> _strip_title(f, 1, picked=True)
        'The article leaning most on anonymous sources: 33% of its sourced sentences (1 of 3)'
    """
    share = anonymous_shares(shown).iloc[0]
    where = "this article" if n_articles == 1 else f"these {plural(n_articles, 'article')}"
    if share["sourced"] == 0:
        return f"No sourced sentences in {where}"
    counts = f"({share['anonymous']:,} of {share['sourced']:,})"
    if picked:
        which = ("The article leaning most on anonymous sources" if n_articles == 1 else
                 f"The {plural(n_articles, 'article')} leaning most on anonymous sources")
        return f"{which}: {percent(share['anonymous_of_sourced'])} of {'its' if n_articles == 1 else 'their'} sourced sentences {counts}"
    return f"Anonymous sources: {percent(share['anonymous_of_sourced'])} of sourced sentences in {where} {counts}"


#: Order of the stacked segments: the anonymous share first, so its bar and error bar start at zero.
MIX_ORDER = ["anonymous", "unnamed_person", "unnamed_group", "named_person", "named_org", "media", "document"]


def _group_labels(prof: pd.DataFrame, by: str) -> list[str]:
    """Group names, with groups under the minimum size marked rather than ranked."""
    return [f"{str(name)[:28]} (n={n}, too few to rank)" if small else f"{str(name)[:28]} (n={n})"
            for name, n, small in zip(prof[by], prof["sourced"], prof["anonymous_of_sourced_small"])]


def _mix_title(ranked: pd.DataFrame, by: str) -> str:
    """Name the group leaning most on anonymous sources only when its interval clears the runner-up's.

    Args:
        ranked: :func:`~srcanalysis.sources.profile.source_profile` rows with enough sourced sentences,
            highest anonymous share first.
        by: The grouping column (``"outlet"`` or another).

    Example:
        >>> t = pd.DataFrame({"outlet": ["A", "B"], "anonymous": [30, 5], "sourced": [100, 100],
        ...     "anonymous_of_sourced": [0.3, 0.05], "anonymous_of_sourced_low": [0.22, 0.02],
        ...     "anonymous_of_sourced_high": [0.4, 0.11]})
        >>> _mix_title(t, "outlet")
        'A leans most on anonymous sources (30% of sourced sentences)'
        >>> _mix_title(t.assign(anonymous_of_sourced_high=[0.4, 0.25]), "outlet")
        'A has the highest anonymous share (30% of sourced sentences), within the margin of error of B'
        >>> _mix_title(t.iloc[1:], "outlet")
        'Only B has 30+ sourced sentences: 5.0% of them rest on anonymous sources (5 of 100)'
    """
    noun = "outlet" if by == "outlet" else "group"
    key = "anonymous_of_sourced"
    if not len(ranked):
        return f"Too few sourced sentences to rank these {noun}s on anonymous sources"
    top = ranked.iloc[0]
    if len(ranked) == 1:
        return (f"Only {top[by]} has {MIN_GROUP}+ sourced sentences: {percent(top[key])} of them rest on anonymous "
                f"sources ({top['anonymous']:,} of {top['sourced']:,})")
    if not top[key] > 0:
        return f"None of the {plural(len(ranked), noun)} with {MIN_GROUP}+ sourced sentences cites an anonymous source"
    second = ranked.iloc[1]
    if top[f"{key}_low"] > second[f"{key}_high"]:
        return f"{top[by]} leans most on anonymous sources ({percent(top[key])} of sourced sentences)"
    return (f"{top[by]} has the highest anonymous share ({percent(top[key])} of sourced sentences), within the "
            f"margin of error of {second[by]}")


def plot_source_mix(sentences: pd.DataFrame, by: str = "outlet", *, top: int = 20,
                    ax: plt.Axes | None = None) -> plt.Axes:
    """Stacked horizontal bars: the share of *sourced* sentences resting on each source type, per
    outlet or article, sorted by the anonymous share of sourced sentences (the quantity the title
    names, the same definition as :func:`srcanalysis.anonymous_headline`), with its 95 % Wilson
    interval as an error bar. Groups with fewer than :data:`srcanalysis.stats.MIN_GROUP` sourced
    sentences are drawn last, marked "too few to rank" and never named in the title; the leader is
    said to lean most on anonymous sources only when its interval clears the runner-up's.

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
    title = _mix_title(prof[~prof[f"{key}_small"]], by)
    return finish(ax, title, xlabel="share of sourced sentences (black bar: 95 % interval of the anonymous share)",
                  ylabel="",
                  source="Source: srcanalysis source tagger; anonymous = identity withheld (unnamed people and "
                         "groups not counted)")


#: Fewest articles with an anonymous source before the position chart states where they fall: a share
#: pooled from one or two articles describes those articles, not where anonymous sources sit in articles.
MIN_ANON_ARTICLES = 5


def position_shares(sentences: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Anonymous share of *sourced* sentences in the first, middle and last third of the articles.

    Each article is cut into thirds of its sentences (:func:`~srcanalysis.sources.profile.add_position`);
    the share is the project's headline share, :func:`~srcanalysis.sources.headline.anonymous_shares`
    (anonymous over sourced sentences, 95 % Wilson interval), computed per third, so articles
    without a sourced sentence add nothing to it.

    Args:
        sentences: A tagged sentence frame (``article_id``, ``sentence``, ``source_type``).
        by: Optional column to split by (e.g. ``"outlet"``).

    Returns:
        One row per third (per group) in :data:`POSITIONS` order: ``position``, (``by``),
        ``anonymous``, ``sourced``, ``sentences`` and ``anonymous_of_sourced`` with ``_low``,
        ``_high`` and ``_small`` (fewer than :data:`srcanalysis.stats.MIN_GROUP` sourced sentences),
        plus the ``anonymous_of_all`` columns.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a"] * 6, "sentence": range(6), "source_type": [
        ...     "anonymous", "named_person", "unattributed", "unattributed", "named_org", "unattributed"]})
        >>> position_shares(f)[["position", "anonymous", "sourced", "anonymous_of_sourced"]].values.tolist()
        [['first third', 1, 2, 0.5], ['middle third', 0, 0, nan], ['last third', 0, 1, 0.0]]
    """
    frame = add_position(sentences).astype({"position": str}) if len(sentences) else \
        sentences.assign(position=pd.Series(dtype=str))
    parts = [(None, frame)] if by is None else list(frame.groupby(by, sort=False))
    tables = []
    for name, part in parts:
        table = anonymous_shares(part, by="position").set_index("position").reindex(POSITIONS)
        counts = ["anonymous", "sourced", "sentences"]
        table[counts] = table[counts].fillna(0).astype("int64")
        for share in ("anonymous_of_sourced", "anonymous_of_all"):
            table[f"{share}_small"] = table[f"{share}_small"].fillna(True).astype(bool)
        table = table.reset_index()
        tables.append(table if by is None else table.assign(**{by: name}))
    out = pd.concat(tables, ignore_index=True)
    return out if by is None else out[[by, *[c for c in out.columns if c != by]]]


def _position_title(ranked: pd.DataFrame, n_articles: int, with_anonymous: int) -> str:
    """Name a third only when anonymous sources come from enough articles and its interval clears the others'.

    Args:
        ranked: :func:`position_shares` rows with enough sourced sentences to be compared.
        n_articles: Articles with at least one sourced sentence.
        with_anonymous: Articles with at least one anonymous sentence.

    Example:
        >>> t = pd.DataFrame({"position": POSITIONS, "anonymous_of_sourced": [0.3, 0.05, 0.04],
        ...     "anonymous_of_sourced_low": [0.25, 0.02, 0.01], "anonymous_of_sourced_high": [0.35, 0.09, 0.08]})
        >>> _position_title(t, 40, 12)
        'Anonymous sources cluster in the first third of articles'
        >>> _position_title(t.assign(anonymous_of_sourced_low=[0.05, 0.02, 0.01]), 40, 12)
        'Where anonymous sources fall in an article: the differences are within the margin of error'
        >>> _position_title(t, 52, 2)
        'Anonymous sources appear in only 2 of 52 articles: too few to say where they fall'
    """
    if n_articles == 0:
        return "No sourced sentences in these articles"
    if with_anonymous == 0:
        return f"No anonymous sources in these {plural(n_articles, 'article')} with sourced sentences"
    if with_anonymous < MIN_ANON_ARTICLES:
        return (f"Anonymous sources appear in only {with_anonymous:,} of {plural(n_articles, 'article')}: "
                "too few to say where they fall")
    if len(ranked) < 2:
        return "Too few sourced sentences in each third of these articles to compare them"
    top = ranked.loc[ranked["anonymous_of_sourced"].idxmax()]
    others = ranked.drop(index=top.name)
    if top["anonymous_of_sourced_low"] > others["anonymous_of_sourced_high"].max():
        return f"Anonymous sources cluster in the {top['position']} of articles"
    return "Where anonymous sources fall in an article: the differences are within the margin of error"


def plot_anonymous_by_position(sentences: pd.DataFrame, by: str | None = None, *,
                               ax: plt.Axes | None = None) -> plt.Axes:
    """Anonymous share of *sourced* sentences (the headline's share) in the first, middle and last third
    of the articles, with 95 % Wilson intervals as error bars (see :func:`position_shares`).

    Thirds with fewer than :data:`srcanalysis.stats.MIN_GROUP` sourced sentences are drawn hatched and
    not compared. The title names a third only when anonymous sources come from at least
    :data:`MIN_ANON_ARTICLES` articles and that third's interval clears the others'; otherwise it
    says why no part can be named. The subtitle says what the share divides by and over how many
    articles.

    Args:
        sentences: Tagged sentence frame.
        by: Optional column to compare (e.g. ``"outlet"``): one bar per group in each third.
        ax: Axes to draw on.

    Returns:
        The Axes.
    """
    fig, ax = new_axes(ax, figsize=(8, 4.5))
    x = np.arange(len(POSITIONS))

    def bars(part: pd.DataFrame, xs: np.ndarray, width: float, **kw) -> None:
        share = part["anonymous_of_sourced"].fillna(0).to_numpy()
        err = np.vstack([share - part["anonymous_of_sourced_low"].fillna(0).to_numpy(),
                         part["anonymous_of_sourced_high"].fillna(0).to_numpy() - share])
        drawn = ax.bar(xs, share, width=width, **kw)
        for patch, small in zip(drawn, part["anonymous_of_sourced_small"]):
            patch.set_hatch("//" if small else None)
        ax.errorbar(xs, share, yerr=np.clip(err, 0, None), fmt="none", ecolor="#222222", elinewidth=1, capsize=3)

    overall = position_shares(sentences)
    if by is None:
        bars(overall, x, 0.6, color=SOURCE_COLORS["anonymous"])
    else:
        data = position_shares(sentences, by=by)
        groups = data[by].drop_duplicates().tolist()
        width = 0.8 / max(len(groups), 1)
        for k, g in enumerate(groups):
            bars(data[data[by] == g], x - 0.4 + width * (k + 0.5), width, label=str(g)[:24])
        ax.legend(frameon=False, fontsize=8)
    ax.set_xticks(x, POSITIONS)
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=None))
    n_articles, with_anonymous = _article_counts(sentences)
    title = _position_title(overall[~overall["anonymous_of_sourced_small"]], n_articles, with_anonymous)
    subtitle = (f"Anonymous ÷ sourced sentences in each third, {plural(n_articles, 'article')} with sourced "
                f"sentences ({with_anonymous:,} with an anonymous source)")
    return finish(ax, title, xlabel="part of the article", ylabel="share of sentences with a source\nthat is anonymous",
                  subtitle=subtitle,
                  source=f"Source: srcanalysis source tagger; thirds of each article's sentences; bars: 95 % Wilson "
                         f"interval; hatched: fewer than {MIN_GROUP} sourced sentences", grid_axis="y")


def _article_counts(sentences: pd.DataFrame) -> tuple[int, int]:
    """Articles with a sourced sentence, and articles with an anonymous one."""
    if not len(sentences):
        return 0, 0
    types = sentences["source_type"].astype(str)
    ids = sentences["article_id"]
    return int(ids[types.isin(SOURCED_TYPES)].nunique()), int(ids[types == "anonymous"].nunique())

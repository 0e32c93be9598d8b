"""Charts for timelines: event intervals with coverage gaps, and reporting lag per outlet.

Both functions take the frame returned by :func:`srcanalysis.time.timeline`, draw in the shared
house style (:mod:`srcanalysis.style`) and return the matplotlib Axes.

Example:
    >>> import pandas as pd, matplotlib.pyplot as plt
    >>> tl = pd.DataFrame({"article_id": ["a"] * 3, "outlet": ["Beast"] * 3,
    ...     "published": pd.to_datetime(["2017-04-01"] * 3), "expression": ["early December", "February", "Feb. 14"],
    ...     "type": ["DATE"] * 3, "value": ["2016-12", "2017-02", "2017-02-14"], "mod": ["START", "", ""],
    ...     "granularity": ["month", "month", "day"],
    ...     "begin": pd.to_datetime(["2016-12-01", "2017-02-01", "2017-02-14"]),
    ...     "end": pd.to_datetime(["2016-12-10", "2017-02-28", "2017-02-14"])})
    >>> tl["lag"] = tl["published"] - tl["end"]
    >>> ax = plot_timeline(tl)
    >>> ax.get_title(loc="left")
    'Article a (Beast)\\nLongest gap between dated events: 52 days (Dec 2016 to Jan 2017)'
    >>> plt.close("all")
"""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from typing import Mapping

from ..style import ACCENT, MUTED, PALETTE, finish, new_axes, plural
from .timeline import GRANULARITY_ORDER, as_events, timeline_gaps

BAR = "#0072B2"
GAP = "#F2D7C9"


def _source_line(tl: pd.DataFrame) -> str:
    """Which function made the dates, for how many articles and outlets (a sentence-dates frame says so)."""
    maker = "srcanalysis.date_sentences" if "event_basis" in tl.columns else "srcanalysis.time.timeline"
    n_art = tl["article_id"].nunique() if "article_id" in tl.columns else 0
    outlets = sorted({str(o) for o in tl.get("outlet", pd.Series(dtype=object)).dropna() if str(o)})
    who = ", ".join(outlets[:3]) + (" and others" if len(outlets) > 3 else "")
    return f"Source: {maker} of {plural(n_art, 'article')}" + (f" ({who})" if who else "")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _scope(frame: pd.DataFrame, titles: Mapping[str, str] | pd.Series | None = None) -> str:
    """What a timeline chart covers, to lead its title: one article by title (or id) and outlet, or a count.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a1", "a1"], "outlet": ["Herald", "Herald"]})
        >>> _scope(f), _scope(f, {"a1": "Bridge shut after flood"}), _scope(f.assign(article_id=["a1", "a2"]))
        ('Article a1 (Herald)', '“Bridge shut after flood” (Herald)', '2 articles from Herald')
    """
    if "article_id" not in frame.columns or frame["article_id"].dropna().empty:
        return "These events"
    ids = frame["article_id"].dropna().astype(str).unique()
    outlets = sorted({str(o) for o in frame.get("outlet", pd.Series(dtype=object)).dropna() if str(o)})
    if len(ids) > 1:
        return plural(len(ids), "article") + (f" from {outlets[0]}" if len(outlets) == 1 else "")
    names = dict(titles) if titles is not None else {}
    if not names and "title" in frame.columns:
        names = {ids[0]: frame["title"].dropna().astype(str).iloc[0] if frame["title"].notna().any() else ""}
    name = str(names.get(ids[0], "") or "").strip()
    label = f"“{_short(name)}”" if name else f"Article {_short(ids[0], 24)}"
    return label + (f" ({_short(outlets[0], 24)})" if outlets else "")


def _span(start: pd.Timestamp, end: pd.Timestamp) -> str:
    """``Nov 2017 to Sep 2019``; days are given when both ends fall in one month."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}" if start != end else f"{start.day} {start:%b %Y}"
    return f"{start:%b %Y} to {end:%b %Y}"


#: Longest one-line chart title (characters); a longer one puts its scope on a line of its own.
TITLE_CHARS = 80


def _scoped(scope: str, finding: str) -> str:
    """``scope: finding`` on one line, or on two when that would run wider than the chart.

    Example:
        >>> _scoped("Article a1 (Herald)", "no event could be dated")
        'Article a1 (Herald): no event could be dated'
    """
    if len(scope) + len(finding) + 2 <= TITLE_CHARS:
        return f"{scope}: {finding}"
    return f"{scope}\n{finding[:1].upper()}{finding[1:]}"


def _timeline_title(scope: str, ev: pd.DataFrame, gaps: pd.DataFrame, unit: str, min_gap: str,
                    titles: Mapping[str, str] | pd.Series | None) -> str:
    """The finding for the shown articles only: their longest uncovered stretch, or that there is none."""
    if not len(gaps):
        return _scoped(scope, f"{plural(len(ev), unit)} ({_span(ev['begin'].min(), ev['end'].max())}), "
                              f"no gap of {plural(pd.Timedelta(min_gap).days, 'day')} or more")
    g = gaps.loc[gaps["days"].idxmax()]
    where = ""
    if "article_id" in gaps.columns and gaps["article_id"].nunique() > 1:  # per-article gaps: say whose
        where = f", in {_scope(ev[ev['article_id'].astype(str) == str(g['article_id'])], titles)}"
    return _scoped(scope, f"longest gap between dated events: {plural(g['days'], 'day')} "
                          f"({_span(g['start'], g['end'])}{where})")


def plot_timeline(
    timeline: pd.DataFrame,
    gaps: pd.DataFrame | None = None,
    *,
    min_gap: str = "30D",
    max_granularity: str = "quarter",
    max_rows: int = 40,
    titles: Mapping[str, str] | pd.Series | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Draw dated events as interval bars, publication dates as markers and gaps as shaded bands.

    Mentions resolving to the same interval (same value and mod) share one bar, labelled with
    the first expression and the number of mentions. Fuzzy dates ("late January", "last fall")
    are drawn as their whole interval. Events coarser than ``max_granularity`` are left out.

    Args:
        timeline: Output of :func:`srcanalysis.time.timeline` (one bar per mentioned interval) or
            of :func:`srcanalysis.date_sentences` (the date of what each sentence reports).
        gaps: Output of :func:`srcanalysis.time.timeline_gaps`; computed with ``min_gap`` when None.
            Gaps computed per article (``by="article_id"``) are kept for the articles drawn only.
        min_gap: Shortest gap to shade when ``gaps`` is None.
        max_granularity: Coarsest granularity drawn (and used for gaps).
        max_rows: Draw at most this many bars (the most mentioned intervals, then the latest).
        titles: Article titles by article id (e.g. ``articles.set_index("article_id")["title"]``):
            the chart title names one article by its title rather than its id.
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes. The title leads with what it covers (the article, or how many articles) and
        states the longest stretch without a dated event in those articles only.
    """
    unit = "dated sentence" if "event_begin" in timeline.columns else "dated mention"
    scope = _scope(timeline, titles)
    timeline = as_events(timeline)
    fig, ax = new_axes(ax, figsize=(9, 5.5))
    keep = GRANULARITY_ORDER[: GRANULARITY_ORDER.index(max_granularity) + 1]
    ev = timeline[timeline["begin"].notna() & timeline["end"].notna() & timeline["granularity"].isin(keep)
                  & timeline["type"].isin(["DATE", "TIME"])] if len(timeline) else timeline
    if gaps is None:
        gaps = timeline_gaps(timeline, min_gap, max_granularity=max_granularity)
    elif "article_id" in gaps.columns and "article_id" in timeline.columns:
        gaps = gaps[gaps["article_id"].astype(str).isin(timeline["article_id"].astype(str))]
    if len(ev) == 0:
        ax.text(0.5, 0.5, "No dated events found", transform=ax.transAxes, ha="center", va="center", color=MUTED)
        ax.set_yticks([])
        return finish(ax, _scoped(scope, "no event could be dated"), xlabel="Event date",
                      ylabel="Time expression", source=_source_line(timeline))
    bars = (ev.assign(_n=1)
            .groupby(["begin", "end", "value", "mod"], as_index=False, sort=False)
            .agg(expression=("expression", "first"), n=("_n", "sum")))
    if len(bars) > max_rows:
        bars = bars.sort_values(["n", "begin"], ascending=[False, False]).head(max_rows)
    bars = bars.sort_values(["begin", "end"], ascending=[False, False]).reset_index(drop=True)
    y = np.arange(len(bars))
    one = pd.Timedelta(days=1)
    starts = mdates.date2num(bars["begin"])
    widths = mdates.date2num(bars["end"] + one) - starts
    ax.barh(y, widths, left=starts, height=0.6, color=BAR, alpha=0.85, label="event interval")
    labels = [(str(x) if len(str(x)) <= 26 else str(x)[:25] + "…") + (f" ×{n}" if n > 1 else "")
              for x, n in zip(bars["expression"], bars["n"])]
    ax.set_yticks(y, labels, fontsize=8)
    lo = min(bars["begin"].min(), ev["begin"].min())
    hi = max(bars["end"].max(), ev["end"].max())
    pubs = pd.Series(timeline.get("published", pd.Series(dtype="datetime64[ns]"))).dropna().unique()
    for i, p in enumerate(sorted(pubs)):
        ax.axvline(mdates.date2num(pd.Timestamp(p)), color=ACCENT, linestyle="--", linewidth=1,
                   label="publication date" if i == 0 else None)
        hi = max(hi, pd.Timestamp(p))
    for _, g in gaps.iterrows():
        ax.axvspan(mdates.date2num(g["start"]), mdates.date2num(g["end"] + one), color=GAP, zorder=0,
                   label="gap in coverage" if _ == gaps.index[0] else None)
        mid = g["start"] + (g["end"] - g["start"]) / 2
        ax.text(mdates.date2num(mid), len(bars) - 0.4, f"{plural(g['days'], 'day')}\nno dated event", ha="center",
                va="top", fontsize=7.5, color="#8A4B2A")
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=2))
    ax.set_xlim(mdates.date2num(lo - pad), mdates.date2num(hi + pad))
    ax.set_ylim(-0.8, len(bars) - 0.2)
    loc = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    title = _timeline_title(scope, ev, gaps, unit, min_gap, titles)
    return finish(ax, title, xlabel="Event date", ylabel="Time expression", source=_source_line(timeline),
                  subtitle="Bars: resolved interval of each time expression; shaded: no event mentioned", grid_axis="x")


def plot_reporting_lag(
    timeline: pd.DataFrame,
    *,
    bins: int | str = "auto",
    max_days: float | None = None,
    ax: plt.Axes | None = None,
) -> plt.Axes:
    """Histogram of reporting lag (days from event end to publication), one step line per outlet.

    What is counted is said on the chart: time expressions ("dated mentions") for a
    :func:`srcanalysis.time.timeline` frame, sentences ("dated sentences", one lag each, whether the
    sentence dates itself or keeps the date of the narrative before it) for a
    :func:`srcanalysis.date_sentences` frame; the subtitle says how many dates were carried.

    Args:
        timeline: Output of :func:`srcanalysis.time.timeline` (needs ``lag`` and ``outlet``) or of
            :func:`srcanalysis.date_sentences` (one lag per dated sentence).
        bins: Histogram bins (numpy spec) shared by all outlets.
        max_days: Clip the x axis at this many days (lags beyond are counted in the last bin). By
            default a long tail (background dates decades back) is clipped at a round number of
            days above the 95th percentile, and the subtitle says how many mentions lie beyond.
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes. The title names the outlet with the shorter median lag when two or more outlets
        have :data:`MIN_LAG_EVENTS` cases each and the 95 % intervals of their medians
        (:func:`median_interval`) do not overlap, otherwise the overall median; with fewer than
        :data:`MIN_LAG_EVENTS` cases in all it states no lag, only that there are too few.

    Example:
        >>> import pandas as pd, matplotlib.pyplot as plt
        >>> tl = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 10, "lag": pd.to_timedelta([2] * 10 + [40] * 10, unit="D")})
        >>> plot_reporting_lag(tl).get_title(loc="left")
        'A reports sooner: median lag 2 vs 40 days (B), per dated mention'
        >>> plot_reporting_lag(tl.iloc[8:]).get_title(loc="left")  # A has 2 events: too few to compare
        'Median lag from event to publication: 40 days over 12 dated mentions (too few per outlet to compare)'
        >>> plot_reporting_lag(tl.iloc[:3]).get_title(loc="left")
        'Only 3 dated mentions with a reporting lag: too few to state a typical lag'
        >>> plt.close("all")
    """
    fig, ax = new_axes(ax)
    unit = "dated sentence" if "event_begin" in timeline.columns else "dated mention"
    ylabel = "Dated sentences" if unit == "dated sentence" else "Event mentions"
    timeline = as_events(timeline)
    t = timeline[timeline["lag"].notna()] if len(timeline) and "lag" in timeline.columns else timeline.iloc[0:0]
    if len(t) == 0:
        ax.text(0.5, 0.5, "No event with both a date and a publication date", transform=ax.transAxes,
                ha="center", va="center", color=MUTED)
        return finish(ax, "Reporting lag unknown: no publication dates or dated events",
                      xlabel="Days from event to publication", ylabel=ylabel, source=_source_line(timeline))
    days = t["lag"].dt.total_seconds() / 86400.0
    if max_days is None:
        max_days = _tail_cut(days)
    beyond = int((days > max_days).sum()) if max_days is not None else 0
    if max_days is not None:
        days = days.clip(upper=max_days)
    outlets = t["outlet"].fillna("").astype(str).replace("", "unknown outlet") if "outlet" in t.columns \
        else pd.Series("all", index=t.index)
    edges = np.histogram_bin_edges(days, bins=bins)
    medians = days.groupby(outlets).median().sort_values()
    for i, (name, med) in enumerate(medians.items()):
        d = days[outlets == name]
        color = PALETTE[i % len(PALETTE)]
        ax.hist(d, bins=edges, histtype="step", linewidth=1.8, color=color, label=f"{name} (n={len(d):,})")
        ax.axvline(med, color=color, linestyle=":", linewidth=1)
    ax.legend(fontsize=8)
    title = _lag_title(days, outlets, unit)
    subtitle = "Dotted lines: median per outlet; events after publication (plans) have no lag"
    if "event_basis" in t.columns:
        carried = int((t["event_basis"] == "carried").sum())
        subtitle = (f"One lag per sentence; {carried:,} of {plural(len(t), 'sentence')} "
                    f"{'keeps' if carried == 1 else 'keep'} the date of an earlier sentence.\n{subtitle}")
    if beyond:
        subtitle += f"; {plural(beyond, unit)} over {plural(max_days, 'day')} counted in the last bin"
    return finish(ax, title, xlabel="Days from event (end of its interval) to publication", ylabel=ylabel,
                  source=_source_line(t), subtitle=subtitle, grid_axis="y")


def median_interval(values: pd.Series) -> tuple[float, float]:
    """A distribution-free 95 % interval for the median: the order statistics at ranks n/2 - 0.98·√n and
    n/2 + 1 + 0.98·√n (normal approximation to the binomial; ranks 40 and 61 for n = 100).

    Args:
        values: The sample (missing values dropped).

    Returns:
        ``(low, high)``; ``(nan, nan)`` for an empty sample.

    Example:
        >>> median_interval(pd.Series(range(1, 101)))
        (40, 61)
    """
    v = np.sort(pd.Series(values).dropna().to_numpy())
    n = len(v)
    if not n:
        return float("nan"), float("nan")
    half = 0.98 * np.sqrt(n)
    low, high = int(np.floor(n / 2 - half)), int(np.ceil(n / 2 + 1 + half))
    return v[max(low, 1) - 1].item(), v[min(high, n) - 1].item()


def _lag_title(days: pd.Series, outlets: pd.Series, unit: str) -> str:
    """The lag chart's finding. Outlets are compared only with :data:`MIN_LAG_EVENTS` cases each, and
    one is said to report sooner only when the 95 % intervals of the medians do not overlap.

    Example:
        >>> d = pd.Series([1.0] * 12)
        >>> _lag_title(d, pd.Series("X", index=d.index), "dated sentence")
        'Median lag from event to publication: 1 day over 12 dated sentences'
        >>> d = pd.Series([0, 1, 2, 30, 40] * 4 + [1, 2, 3, 25, 45] * 4)
        >>> _lag_title(d, pd.Series(["A"] * 20 + ["B"] * 20), "dated mention")
        'Median lag 2 days (A) to 3 days (B), per dated mention: within the margin of error'
        >>> d = pd.Series([1.0] * 24 + [0.0] * 4)
        >>> _lag_title(d, pd.Series(["A"] * 12 + ["B"] * 12 + ["C"] * 4), "dated sentence")
        'The 2 outlets with 10+ cases (of 3 drawn) share a median lag of 1 day, per dated sentence; the others have too few cases to compare'
    """
    if len(days) < MIN_LAG_EVENTS:
        return f"Only {plural(len(days), unit)} with a reporting lag: too few to state a typical lag"
    counts = outlets.value_counts()
    medians = days.groupby(outlets).median().sort_values()
    compared = medians[counts.reindex(medians.index) >= MIN_LAG_EVENTS]  # a handful of cases is not compared
    if len(compared) < 2:
        overall = (f"Median lag from event to publication: {plural(days.median(), 'day')} over "
                   f"{plural(len(days), unit)}")
        return overall if len(medians) == 1 else overall + " (too few per outlet to compare)"
    fast, slow = compared.index[0], compared.index[-1]
    if round(compared.iloc[0]) == round(compared.iloc[-1]):  # a tie names no outlet as faster
        if len(compared) == len(medians):
            return f"Every outlet's median lag is {plural(compared.iloc[0], 'day')}, per {unit}"
        return (f"The {len(compared)} outlets with {MIN_LAG_EVENTS}+ cases (of {len(medians)} drawn) share a median lag "
                f"of {plural(compared.iloc[0], 'day')}, per {unit}; the others have too few cases to compare")
    if median_interval(days[outlets == fast])[1] < median_interval(days[outlets == slow])[0]:
        return (f"{fast} reports sooner: median lag {round(compared.iloc[0]):,} "
                f"vs {plural(compared.iloc[-1], 'day')} ({slow}), per {unit}")
    return (f"Median lag {plural(compared.iloc[0], 'day')} ({fast}) to {plural(compared.iloc[-1], 'day')} ({slow}), "
            f"per {unit}: within the margin of error")


#: Fewest dated events an outlet needs before the lag chart's title compares it with another.
MIN_LAG_EVENTS = 10

#: Round cut-offs (days) for a long lag tail: a week, two weeks, a month, ... ten years.
_ROUND_DAYS = (7, 14, 30, 60, 90, 180, 365, 730, 1825, 3650)


def _tail_cut(days: pd.Series) -> float | None:
    """A round number of days above the 95th percentile when the longest lag lies far beyond it.

    Example:
        >>> _tail_cut(pd.Series([0, 1, 2, 3] * 30 + [20000])), _tail_cut(pd.Series([0, 1, 2, 40]))
        (7, None)
    """
    q = float(days.quantile(0.95))
    if len(days) < 20 or days.max() <= 3 * max(q, 7):
        return None
    return next((d for d in _ROUND_DAYS if d >= q), None)


__all__ = ["plot_timeline", "plot_reporting_lag", "median_interval"]

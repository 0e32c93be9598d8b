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
    'Longest stretch without a dated event: 52 days (Dec 2016 to Jan 2017)'
    >>> plt.close("all")
"""
from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..style import ACCENT, MUTED, PALETTE, finish, new_axes
from .timeline import GRANULARITY_ORDER, as_events, timeline_gaps

BAR = "#0072B2"
GAP = "#F2D7C9"


def _source_line(tl: pd.DataFrame) -> str:
    n_art = tl["article_id"].nunique() if "article_id" in tl.columns else 0
    outlets = sorted({str(o) for o in tl.get("outlet", pd.Series(dtype=object)).dropna() if str(o)})
    who = ", ".join(outlets[:3]) + (" and others" if len(outlets) > 3 else "")
    return f"Source: srcanalysis.time.timeline of {n_art} article{'s' if n_art != 1 else ''}" + (f" ({who})" if who else "")


def plot_timeline(
    timeline: pd.DataFrame,
    gaps: pd.DataFrame | None = None,
    *,
    min_gap: str = "30D",
    max_granularity: str = "quarter",
    max_rows: int = 40,
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
        min_gap: Shortest gap to shade when ``gaps`` is None.
        max_granularity: Coarsest granularity drawn (and used for gaps).
        max_rows: Draw at most this many bars (the most mentioned intervals, then the latest).
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes.
    """
    timeline = as_events(timeline)
    fig, ax = new_axes(ax, figsize=(9, 5.5))
    keep = GRANULARITY_ORDER[: GRANULARITY_ORDER.index(max_granularity) + 1]
    ev = timeline[timeline["begin"].notna() & timeline["end"].notna() & timeline["granularity"].isin(keep)
                  & timeline["type"].isin(["DATE", "TIME"])] if len(timeline) else timeline
    if gaps is None:
        gaps = timeline_gaps(timeline, min_gap, max_granularity=max_granularity)
    if len(ev) == 0:
        ax.text(0.5, 0.5, "No dated events found", transform=ax.transAxes, ha="center", va="center", color=MUTED)
        ax.set_yticks([])
        return finish(ax, "No event in these articles could be dated", xlabel="Event date",
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
        ax.text(mdates.date2num(mid), len(bars) - 0.4, f"{g['days']} days\nno dated event", ha="center",
                va="top", fontsize=7.5, color="#8A4B2A")
    pad = max((hi - lo) * 0.03, pd.Timedelta(days=2))
    ax.set_xlim(mdates.date2num(lo - pad), mdates.date2num(hi + pad))
    ax.set_ylim(-0.8, len(bars) - 0.2)
    loc = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(loc)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
    ax.legend(loc="lower left", fontsize=8, frameon=False)
    if len(gaps):
        g = gaps.iloc[0]
        title = (f"Longest stretch without a dated event: {g['days']} days "
                 f"({g['start']:%b %Y} to {g['end']:%b %Y})")
    else:
        title = (f"{len(ev)} dated mentions from {lo:%b %Y} to {ev['end'].max():%b %Y}, "
                 f"no gap of {pd.Timedelta(min_gap).days}+ days")
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

    Args:
        timeline: Output of :func:`srcanalysis.time.timeline` (needs ``lag`` and ``outlet``) or of
            :func:`srcanalysis.date_sentences` (one lag per dated sentence).
        bins: Histogram bins (numpy spec) shared by all outlets.
        max_days: Clip the x axis at this many days (lags beyond are counted in the last bin). By
            default a long tail (background dates decades back) is clipped at a round number of
            days above the 95th percentile, and the subtitle says how many mentions lie beyond.
        ax: Axes to draw on; a new figure when None.

    Returns:
        The Axes. The title names the outlet with the shortest median lag, or the overall median.

    Example:
        >>> import pandas as pd, matplotlib.pyplot as plt
        >>> tl = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 10, "lag": pd.to_timedelta([2] * 10 + [40] * 10, unit="D")})
        >>> plot_reporting_lag(tl).get_title(loc="left")
        'A reports sooner: median lag 2 vs 40 days (B)'
        >>> plot_reporting_lag(tl.iloc[8:]).get_title(loc="left")  # A has 2 events: too few to compare
        'Half of the dated events were published within 40 days (too few per outlet to compare)'
        >>> plt.close("all")
    """
    fig, ax = new_axes(ax)
    timeline = as_events(timeline)
    t = timeline[timeline["lag"].notna()] if len(timeline) and "lag" in timeline.columns else timeline.iloc[0:0]
    if len(t) == 0:
        ax.text(0.5, 0.5, "No event with both a date and a publication date", transform=ax.transAxes,
                ha="center", va="center", color=MUTED)
        return finish(ax, "Reporting lag unknown: no publication dates or dated events", xlabel="Days from event to publication",
                      ylabel="Event mentions", source=_source_line(timeline))
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
        ax.hist(d, bins=edges, histtype="step", linewidth=1.8, color=color, label=f"{name} (n={len(d)})")
        ax.axvline(med, color=color, linestyle=":", linewidth=1)
    counts = outlets.value_counts()
    single = len(medians) == 1
    medians = medians[counts.reindex(medians.index) >= MIN_LAG_EVENTS]  # a handful of events is not compared
    if len(medians) > 1 and round(medians.iloc[0]) < round(medians.iloc[-1]):
        title = (f"{medians.index[0]} reports sooner: median lag {medians.iloc[0]:.0f} "
                 f"vs {medians.iloc[-1]:.0f} days ({medians.index[-1]})")
    elif len(medians) > 1:  # a tie names no outlet as faster
        title = f"Every outlet's median lag is {medians.iloc[0]:.0f} days"
    elif single:
        title = f"Half of the dated events were published within {days.median():.0f} days"
    else:
        overall = days.median()
        title = f"Half of the dated events were published within {overall:.0f} days (too few per outlet to compare)"
    ax.legend(fontsize=8)
    subtitle = "Dotted lines: median per outlet; negative = announced ahead"
    if beyond:
        subtitle += f"; {beyond} mention(s) over {max_days:,.0f} days counted in the last bin"
    return finish(ax, title, xlabel="Days from event (end of its interval) to publication", ylabel="Event mentions",
                  source=_source_line(t), subtitle=subtitle, grid_axis="y")


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


__all__ = ["plot_timeline", "plot_reporting_lag"]

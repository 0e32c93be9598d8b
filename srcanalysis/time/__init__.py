"""Time: TIMEX3 expressions resolved against the publication date, timelines, gaps and charts.

Modules: :mod:`.timex` (finder and resolver, tables in ``rules/``), :mod:`.sentences` (the date
of what each sentence reports), :mod:`.timeline` (event mentions on a calendar, gaps, reporting
lag), :mod:`.plot` (the charts).
"""
from __future__ import annotations

from .plot import plot_reporting_lag, plot_timeline
from .timeline import lag_summary, timeline, timeline_gaps
from .sentences import date_sentences
from .timex import find_timexes, infer_published

__all__ = [
    "find_timexes",
    "date_sentences",
    "infer_published",
    "timeline",
    "timeline_gaps",
    "lag_summary",
    "plot_timeline",
    "plot_reporting_lag",
]

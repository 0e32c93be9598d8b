"""srcanalysis: study how news is sourced, as pandas DataFrames.

Load articles, split them into sentences tagged by the kind of source they rest on,
resolve time expressions onto a timeline, and find passages one outlet reused from another.

Example:
    >>> import srcanalysis as sa
    >>> tagged = sa.tag_sentences(["Mattis said the plan was dead."])
    >>> list(tagged.columns)[:2]
    ['text', 'source_type']
"""
from __future__ import annotations

from . import accessor as _accessor  # noqa: F401  (registers DataFrame.src)
from .errors import errors
from .sources.attribution import tag_sentences
from .loading import read_articles, skipped
from .sources.plot import plot_anonymous_by_position, plot_source_mix, plot_source_strip, position_shares
from .sources.headline import anonymous_answer, anonymous_headline, anonymous_shares
from .sources.profile import anonymous_by_position, source_profile
from .reuse import find_reuse, reuse_summary
from .segment import sentences
from .reuse.plot import plot_reuse_matrix, plot_reused_share, reuse_html
from .time.plot import plot_reporting_lag, plot_timeline
from .time.timeline import lag_summary, timeline, timeline_gaps
from .time.sentences import date_sentences
from .time.timex import find_timexes, infer_published

__version__ = "0.1.0"

__all__ = [
    "read_articles",
    "skipped",
    "errors",
    "sentences",
    "tag_sentences",
    "source_profile",
    "anonymous_by_position",
    "anonymous_headline",
    "anonymous_shares",
    "anonymous_answer",
    "plot_source_strip",
    "plot_source_mix",
    "plot_anonymous_by_position",
    "position_shares",
    "find_timexes",
    "date_sentences",
    "infer_published",
    "timeline",
    "timeline_gaps",
    "lag_summary",
    "plot_timeline",
    "plot_reporting_lag",
    "find_reuse",
    "reuse_summary",
    "plot_reuse_matrix",
    "plot_reused_share",
    "reuse_html",
    "__version__",
]

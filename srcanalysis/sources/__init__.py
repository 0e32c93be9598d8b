"""Sourcing: tag each sentence by the kind of source it rests on, profile and chart the result.

Modules: :mod:`.attribution` (the rule tagger and its tables in ``rules/``), :mod:`.profile`
(counts and shares per article or outlet), :mod:`.plot` (the charts).
"""
from __future__ import annotations

from .attribution import classify_source, tag_frame, tag_sentences
from .plot import plot_anonymous_by_position, plot_source_mix, plot_source_strip
from .headline import anonymous_answer, anonymous_headline, anonymous_shares
from .profile import anonymous_by_position, source_profile

__all__ = [
    "tag_sentences",
    "tag_frame",
    "classify_source",
    "source_profile",
    "anonymous_by_position",
    "anonymous_headline",
    "anonymous_shares",
    "anonymous_answer",
    "plot_source_strip",
    "plot_source_mix",
    "plot_anonymous_by_position",
]

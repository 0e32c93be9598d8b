"""Timelines and gaps (placeholder until the timeline issue lands)."""
from __future__ import annotations


def timeline(sentences):
    raise NotImplementedError("timeline lands with the timeline issue")


def timeline_gaps(timeline, min_gap=None):
    raise NotImplementedError("timeline_gaps lands with the timeline issue")

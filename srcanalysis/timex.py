"""Time expressions (placeholder until the timeline issue lands)."""
from __future__ import annotations


def find_timexes(text, published=None):
    raise NotImplementedError("find_timexes lands with the timeline issue")


def infer_published(text):
    raise NotImplementedError("infer_published lands with the timeline issue")

"""Source profiles (placeholder until the attribution issue lands)."""
from __future__ import annotations


def source_profile(sentences, by="article_id"):
    raise NotImplementedError("source_profile lands with the attribution issue")

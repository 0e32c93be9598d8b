"""Cross-outlet reuse (placeholder until the reuse issue lands)."""
from __future__ import annotations


def find_reuse(articles, **options):
    raise NotImplementedError("find_reuse lands with the reuse issue")


def reuse_summary(articles, passages):
    raise NotImplementedError("reuse_summary lands with the reuse issue")

"""Reuse: passages one article copied from another, found with an n-gram index and aligned.

Modules: :mod:`.core` (index, candidate pairs, alignment, summary), :mod:`.spark` (the same on
Spark), :mod:`.plot` (charts and the side-by-side passage view).
"""
from __future__ import annotations

from .core import (PASSAGE_COLUMNS, ReuseSummary, align_texts, candidate_pairs, find_reuse, reuse_summary,
                   token_hash, tokens)
from .plot import plot_reuse_matrix, plot_reused_share, reuse_html

__all__ = [
    "find_reuse",
    "reuse_summary",
    "align_texts",
    "candidate_pairs",
    "token_hash",
    "tokens",
    "ReuseSummary",
    "PASSAGE_COLUMNS",
    "plot_reuse_matrix",
    "plot_reused_share",
    "reuse_html",
]

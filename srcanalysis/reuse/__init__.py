"""Reuse: passages one article copied from another, who took them, from where, and whether they said so.

Modules by job: :mod:`.text` (Unicode-normalised tokens and hashes), :mod:`.index` (n-gram index,
candidate pairs), :mod:`.alignment` (passages of a pair), :mod:`.credit` (credit rules, kept as data in
``rules/``), :mod:`.clusters` (wire-origin clusters), :mod:`.quotes` (shared quotations),
:mod:`.find` (:func:`find_reuse`), :mod:`.summary` (:func:`reuse_summary`), :mod:`.spark` (the same on
Spark), :mod:`.plot` (charts and the side-by-side passage view).
"""
from __future__ import annotations

from .alignment import align_texts
from .find import CREDIT_VALUES, PASSAGE_COLUMNS, find_reuse
from .index import candidate_pairs
from .options import DEFAULTS
from .plot import plot_reuse_matrix, plot_reused_share, reuse_html
from .summary import ReuseSummary, reuse_summary
from .text import token_hash, tokens

__all__ = [
    "find_reuse",
    "reuse_summary",
    "align_texts",
    "candidate_pairs",
    "token_hash",
    "tokens",
    "ReuseSummary",
    "PASSAGE_COLUMNS",
    "CREDIT_VALUES",
    "DEFAULTS",
    "plot_reuse_matrix",
    "plot_reused_share",
    "reuse_html",
]

"""Default options of :func:`srcanalysis.find_reuse`, chosen by measurement with ``bench/bench_reuse.py``."""
from __future__ import annotations

from typing import Any

__all__ = ["DEFAULTS"]

#: Default options of :func:`srcanalysis.find_reuse` (see its docstring for the measurements).
DEFAULTS: dict[str, Any] = {
    "ngram": 5,            # words per indexed n-gram
    "max_df": 50,          # n-grams in more articles than this are boilerplate
    "min_shared": 3,       # rare n-grams two articles must share to be aligned
    "short_text": 0,       # > 0: pairs need only 2 when the shorter has at most this many n-grams (off)
    "seed_ngram": 3,       # words per alignment seed
    "gap": 40,             # largest unmatched stretch (words) inside one passage
    "min_match": 12,       # matching words a passage needs
    "min_similarity": 0.6,  # difflib ratio a passage needs (0-1); passages under 2*min_match words need (1+x)/2
    "credit_window": 250,  # characters around a passage searched for the credited outlet
    "min_containment": 0.2,  # paraphrase fallback: share of the shorter text covered by seeds
    "min_quoted": 0.6,     # share of a passage's words inside quotation marks for a shared quotation
}

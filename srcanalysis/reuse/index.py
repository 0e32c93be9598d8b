"""The n-gram index: which pairs of articles share enough rare word n-grams to be aligned.

Word n-grams (``ngram`` = 5 folded tokens, see :mod:`.text`) are hashed from deterministic token
hashes with a fixed polynomial. An n-gram found in more than ``max_df`` articles is boilerplate
(taglines, disclaimers, stock phrases) and is ignored; two articles become a candidate pair when
they share at least ``min_shared`` of the rest. Pairs are generated per n-gram group, so the work
grows with the amount of reuse, not with the square of the corpus.

Example:
    >>> s = "the cat sat on the mat while the dog slept by the door all day long"
    >>> candidate_pairs([s, "x y z", "so " + s]).to_dict("records")
    [{'a': 0, 'b': 2, 'shared': 12}]
"""
from __future__ import annotations

import itertools
from typing import Callable, Sequence

import numpy as np
import pandas as pd

from .options import DEFAULTS
from .text import _MULT, token_hash, tokens

__all__ = ["candidate_pairs", "common_ngrams"]

#: Called with (position, exception) when one text cannot be tokenised; that text is then empty.
OnError = Callable[[int, BaseException], None]


def _tokens_or_empty(texts: Sequence[str], first_doc: int, on_error: OnError | None) -> list[list[str]]:
    out = []
    for k, t in enumerate(texts):
        try:
            out.append(tokens(t))
        except Exception as exc:  # noqa: BLE001  one article never sinks a run
            if on_error is None:
                raise
            on_error(first_doc + k, exc)
            out.append([])
    return out


def _chunk_ngrams(texts: Sequence[str], first_doc: int, n: int, vocab: dict[str, int],
                  on_error: OnError | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (n-gram hash, doc) of a chunk of texts, sorted by (hash, doc)."""
    toks = _tokens_or_empty(texts, first_doc, on_error)
    lengths = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
    flat = list(itertools.chain.from_iterable(toks))
    del toks
    m = len(flat) - n + 1
    if m <= 0:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    codes, uniques = pd.factorize(pd.Series(flat, dtype=object), sort=False)
    del flat
    uh = np.fromiter((vocab[t] if t in vocab else vocab.setdefault(t, token_hash(t)) for t in uniques),
                     dtype=np.uint64, count=len(uniques))
    h = uh[codes]
    del codes
    g = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        g += h[k:k + m] * _MULT[k]
    del h
    doc = np.repeat(np.arange(len(lengths), dtype=np.int32), lengths)[:m]
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    local = np.arange(m, dtype=np.int64) - starts[doc]
    keep = local <= (lengths[doc] - n)
    g, doc = g[keep], doc[keep]
    order = np.lexsort((doc, g))
    g, doc = g[order], doc[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = (g[1:] != g[:-1]) | (doc[1:] != doc[:-1])
    return g[first], (doc[first] + first_doc).astype(np.int32)


def _corpus_ngrams(texts: Sequence[str], n: int, chunk: int = 5000, on_error: OnError | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (n-gram hash, document index) pairs of a corpus, sorted by (hash, doc).

    Texts are tokenised in chunks (token strings never all live at once); per token 4-8 bytes of
    numpy arrays remain, so memory grows linearly and slowly with the corpus.
    """
    vocab: dict[str, int] = {}
    parts_g, parts_d = [], []
    for lo in range(0, len(texts), chunk):
        g, d = _chunk_ngrams(texts[lo:lo + chunk], lo, n, vocab, on_error)
        parts_g.append(g)
        parts_d.append(d)
    vocab.clear()
    if not parts_g:
        return np.empty(0, np.uint64), np.empty(0, np.int32)
    g = np.concatenate(parts_g)
    del parts_g
    doc = np.concatenate(parts_d)
    del parts_d
    order = np.argsort(g, kind="stable")   # chunks are in doc order, so ties stay sorted by doc
    return g[order], doc[order]


def candidate_pairs(texts: Sequence[str], *, ngram: int = DEFAULTS["ngram"], max_df: int = DEFAULTS["max_df"],
                    min_shared: int = DEFAULTS["min_shared"], short_text: int = DEFAULTS["short_text"],
                    return_common: bool = False,
                    on_error: OnError | None = None) -> pd.DataFrame:
    """Pairs of texts (by position) sharing at least ``min_shared`` n-grams found in ≤ ``max_df`` texts.

    Returns:
        DataFrame ``a``, ``b`` (positions, ``a < b``), ``shared`` (number of rare n-grams in common);
        with ``return_common``, also the sorted uint64 array of boilerplate n-gram hashes (df > max_df).

    Example:
        >>> s = "the cat sat on the mat while the dog slept by the door all day long"
        >>> candidate_pairs([s, "x y z", "so " + s]).to_dict("records")
        [{'a': 0, 'b': 2, 'shared': 12}]
    """
    g, doc = _corpus_ngrams(texts, ngram, on_error=on_error)
    pairs = _pairs_from_index(g, doc, max_df=max_df, min_shared=min_shared, short_text=short_text)
    if not return_common:
        return pairs
    return pairs, common_ngrams(g, max_df)


def common_ngrams(g: np.ndarray, max_df: int) -> np.ndarray:
    """Sorted distinct hashes occurring more than ``max_df`` times in sorted ``g`` (one per article)."""
    if len(g) == 0:
        return np.empty(0, np.uint64)
    bounds = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1], [True]]))
    return g[bounds[:-1][np.diff(bounds) > max_df]]


def _pairs_from_index(g: np.ndarray, doc: np.ndarray, *, max_df: int, min_shared: int,
                      short_text: int = 0) -> pd.DataFrame:
    empty = pd.DataFrame({"a": pd.Series(dtype="int64"), "b": pd.Series(dtype="int64"),
                          "shared": pd.Series(dtype="int64")})
    if len(g) == 0:
        return empty
    bounds = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1], [True]]))
    run_start, run_len = bounds[:-1], np.diff(bounds)
    keep = (run_len >= 2) & (run_len <= max_df)
    run_start, run_len = run_start[keep], run_len[keep]
    keys = []
    for k in np.unique(run_len):
        starts = run_start[run_len == k]
        block = doc[starts[:, None] + np.arange(k)].astype(np.int64)   # (groups, k), sorted in each row
        ii, jj = np.triu_indices(int(k), 1)
        keys.append((block[:, ii] << 32 | block[:, jj]).ravel())
    if not keys:
        return empty
    key, count = np.unique(np.concatenate(keys), return_counts=True)
    sel = count >= min_shared
    if short_text and min_shared > 2:     # a short text shares fewer n-grams with a heavy rewrite of it
        sizes = np.bincount(doc, minlength=int(doc.max()) + 1)
        shorter = np.minimum(sizes[key >> 32], sizes[key & 0xFFFFFFFF])
        sel |= (count >= 2) & (shorter <= short_text)
    key, count = key[sel], count[sel]
    return pd.DataFrame({"a": key >> 32, "b": key & 0xFFFFFFFF, "shared": count.astype("int64")})



"""The n-gram index: which pairs of articles share enough rare word n-grams to be aligned.

Word n-grams (``ngram`` = 5 folded tokens, see :mod:`.text`) are hashed from deterministic token
hashes with a fixed polynomial. Two articles become a candidate pair when they share at least
``min_shared`` n-grams found in at most ``max_df`` articles. Pairs are generated per n-gram group,
so the work grows with the amount of reuse, not with the square of the corpus.

An n-gram found in more than ``max_df`` articles is one of two things:

* **boilerplate** (taglines, footers, disclaimers, templated briefs) when one outlet holds more
  than ``max_df`` of its articles or more than half of them (articles without an outlet count as
  one outlet): it is ignored, and never seeds an alignment;
* a **hub** (one wire story run by many outlets) otherwise. Pairing every copy with every other
  would cost the square of the copies, so each copy is paired with the hub's *anchor* only: among the
  articles holding the n-gram, an agency's own article first, then the earliest published, then
  the first in the corpus. A copy and its anchor become a pair when they share ``hub_shared``
  (30) hub n-grams, about two sentences: a cross-outlet tagline of one sentence does not pair.

Without ``outlets`` every n-gram in more than ``max_df`` articles is boilerplate.

Example:
    >>> s = "the cat sat on the mat while the dog slept by the door all day long"
    >>> candidate_pairs([s, "x y z", "so " + s]).to_dict("records")
    [{'a': 0, 'b': 2, 'shared': 12}]
"""
from __future__ import annotations

import itertools
from typing import Callable, NamedTuple, Sequence

import numpy as np
import pandas as pd

from .options import DEFAULTS
from .text import _MULT, token_hash, tokens

__all__ = ["candidate_pairs", "common_ngrams", "HUB_SHARED", "HubReport"]

#: Hub n-grams a copy must share with its hub's anchor to be paired with it.
HUB_SHARED = 30
#: Largest share of a hub n-gram's articles one outlet may hold (more: that outlet's template).
HUB_TOP_SHARE = 0.5

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


class HubReport(NamedTuple):
    """What the index did with n-grams in more than ``max_df`` articles.

    Attributes:
        hub_ngrams: N-grams of hub stories (many outlets), searched through their anchors.
        hub_pairs: Copy-anchor pairs they gave.
        boilerplate_ngrams: N-grams left out as one outlet's boilerplate.
        other_outlet_articles: Articles of *other* outlets sharing at least ``min_shared`` of those
            boilerplate n-grams: their copies of that text were not searched through them.
    """

    hub_ngrams: int = 0
    hub_pairs: int = 0
    boilerplate_ngrams: int = 0
    other_outlet_articles: int = 0


def candidate_pairs(texts: Sequence[str], *, ngram: int = DEFAULTS["ngram"], max_df: int = DEFAULTS["max_df"],
                    min_shared: int = DEFAULTS["min_shared"], short_text: int = DEFAULTS["short_text"],
                    return_common: bool = False, on_error: OnError | None = None,
                    outlets: Sequence[int] | None = None, rank: Sequence[int] | None = None,
                    hub_shared: int = HUB_SHARED, return_report: bool = False):
    """Pairs of texts (by position) sharing at least ``min_shared`` n-grams found in ≤ ``max_df`` texts.

    Args:
        texts: The texts.
        ngram: Words per n-gram.
        max_df: N-grams in more texts are boilerplate or hubs (see the module docstring).
        min_shared: Rare n-grams a pair must share.
        short_text: See :func:`srcanalysis.find_reuse`.
        return_common: Also return the sorted boilerplate hashes.
        on_error: Called with ``(position, exception)`` for a text that cannot be tokenised.
        outlets: Integer outlet code per text (same code, same outlet); ``None``: no hub search.
        rank: Anchor preference per text (a permutation of ``range(len(texts))``, lowest first);
            ``None``: corpus order.
        hub_shared: Hub n-grams a copy must share with its anchor.
        return_report: With ``return_common``, also return a :class:`HubReport`.

    Returns:
        DataFrame ``a``, ``b`` (positions, ``a < b``), ``shared`` (n-grams in common: rare ones, plus
        hub ones for a copy-anchor pair); with ``return_common``, also the sorted uint64 array of
        boilerplate n-gram hashes, and with ``return_report`` then a :class:`HubReport`.

    Example:
        >>> s = "the cat sat on the mat while the dog slept by the door all day long"
        >>> candidate_pairs([s, "x y z", "so " + s]).to_dict("records")
        [{'a': 0, 'b': 2, 'shared': 12}]
    """
    g, doc = _corpus_ngrams(texts, ngram, on_error=on_error)
    pairs = _pairs_from_index(g, doc, max_df=max_df, min_shared=min_shared, short_text=short_text)
    if outlets is None or len(g) == 0:
        common, report = common_ngrams(g, max_df), HubReport()
    else:
        hub, common, report = _hub_pairs(g, doc, np.asarray(outlets, dtype=np.int64),
                                         np.arange(len(texts)) if rank is None else np.asarray(rank, dtype=np.int64),
                                         max_df, min_shared, hub_shared)
        if len(hub):
            pairs = (pd.concat([pairs, hub], ignore_index=True).groupby(["a", "b"], as_index=False)["shared"].sum()
                     .astype("int64"))
    if not return_common:
        return pairs
    return (pairs, common, report) if return_report else (pairs, common)


def _runs(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    bounds = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1], [True]]))
    return bounds[:-1], np.diff(bounds)


def _hub_pairs(g: np.ndarray, doc: np.ndarray, outlets: np.ndarray, rank: np.ndarray, max_df: int,
               min_shared: int, hub_shared: int) -> tuple[pd.DataFrame, np.ndarray, HubReport]:
    """Copy-anchor pairs of hub n-grams, boilerplate hashes and the report (see the module docstring)."""
    empty = pd.DataFrame({"a": pd.Series(dtype="int64"), "b": pd.Series(dtype="int64"),
                          "shared": pd.Series(dtype="int64")})
    run_start, run_len = _runs(g)
    big = run_len > max_df
    if not big.any():
        return empty, np.empty(0, np.uint64), HubReport()
    entry_run = np.repeat(np.arange(len(run_len)), run_len)
    sel = big[entry_run]
    e_run, e_doc = entry_run[sel], doc[sel].astype(np.int64)
    e_out = outlets[e_doc]
    n_out = int(outlets.max()) + 1
    key, cnt = np.unique(e_run * n_out + e_out, return_counts=True)
    top = np.zeros(len(run_len), dtype=np.int64)
    np.maximum.at(top, key // n_out, cnt)
    top_out = np.full(len(run_len), -1, dtype=np.int64)
    best = (cnt == top[key // n_out])
    top_out[(key // n_out)[best]] = (key % n_out)[best]      # one of the largest outlets of the run
    boiler = big & ((top > max_df) | (top > HUB_TOP_SHARE * run_len))
    hub = big & ~boiler
    # articles of other outlets sharing a boilerplate n-gram: their copies are only found by rarer words
    in_boiler = boiler[e_run] & (e_out != top_out[e_run])
    other_docs, other_cnt = np.unique(e_doc[in_boiler], return_counts=True)
    report = dict(boilerplate_ngrams=int(boiler.sum()), other_outlet_articles=int((other_cnt >= min_shared).sum()),
                  hub_ngrams=int(hub.sum()))
    common = np.sort(g[run_start[boiler]])
    h = hub[e_run]
    if not h.any():
        return empty, common, HubReport(**report)
    h_run, h_doc = e_run[h], e_doc[h]
    first = np.flatnonzero(np.concatenate([[True], h_run[1:] != h_run[:-1]]))
    inverse = np.empty(len(rank), dtype=np.int64)
    inverse[rank] = np.arange(len(rank))
    anchor = inverse[np.minimum.reduceat(rank[h_doc], first)]
    anchor = np.repeat(anchor, np.diff(np.concatenate([first, [len(h_doc)]])))
    other = h_doc != anchor
    lo, hi = np.minimum(anchor, h_doc)[other], np.maximum(anchor, h_doc)[other]
    pk, pc = np.unique(lo << 32 | hi, return_counts=True)
    keep = pc >= hub_shared
    pairs = pd.DataFrame({"a": pk[keep] >> 32, "b": pk[keep] & 0xFFFFFFFF, "shared": pc[keep].astype("int64")})
    return pairs, common, HubReport(hub_pairs=len(pairs), **report)


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



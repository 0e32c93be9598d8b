"""Alignment: the passages two texts share, verbatim or edited, with character offsets.

In a candidate pair, every shared word ``seed_ngram``-gram (3) is a seed. Seeds are chained along the
diagonal, allowing gaps of up to ``gap`` words on either side (a dropped sentence, a few changed
words), so a lightly edited copy comes out as one passage. Each chain becomes a passage when it
covers at least ``min_match`` matching words and its word-level similarity (difflib ratio on the two
token spans) is at least ``min_similarity`` (short passages, under ``2 * min_match`` words, need
``(1 + min_similarity) / 2``: stock phrases match loosely). Seeds made only of boilerplate n-grams are
never used. Heavier rewrites, which keep many short phrases but no close-copy stretch, are caught by
a containment fallback: when the seed chains of a pair cover ``min_containment`` of the shorter text
on both sides, their whole stretch is reported as one ``edited`` passage.

Example:
    >>> a = "Rain fell on the old town all night, and by morning the river had burst its banks."
    >>> b = "Locals said rain fell on the old town all night and, by morning, the river burst its banks."
    >>> [(x[0], x[2], x[4], x[6]) for x in align_texts(a, b, min_match=8)]
    [(0, 12, 16, False)]
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .options import DEFAULTS
from .text import _UNSPACED, hash_tokens, ngram_hashes, token_spans

_UNSPACED_RE = re.compile(f"[{_UNSPACED}]")

__all__ = ["align_texts", "align_pairs", "DocInfo"]


def _chains(seeds_i: np.ndarray, seeds_j: np.ndarray, gap: int) -> list[list[tuple[int, int]]]:
    """Greedy monotone chaining of seed positions, closest diagonal first."""
    chains: list[list[tuple[int, int]]] = []
    for i, j in zip(seeds_i.tolist(), seeds_j.tolist()):
        best, best_cost = None, None
        for c in chains:
            li, lj = c[-1]
            di, dj = i - li, j - lj
            if 0 < di <= gap + 1 and 0 < dj <= gap + 1:
                cost = abs(di - dj) + min(di, dj)
                if best_cost is None or cost < best_cost:
                    best, best_cost = c, cost
        if best is None:
            chains.append([(i, j)])
        else:
            best.append((i, j))
    return chains


class DocInfo(tuple):
    """Per-text data the aligner needs: tokens, their offsets and sorted seed n-gram hashes.

    Seeds lying wholly inside boilerplate (an indexed ``ngram`` whose hash is in ``common``, the
    n-grams found in more than ``max_df`` articles) are left out, so a shared tagline never becomes
    or joins a passage.
    """

    __slots__ = ()

    def __new__(cls, text: str, seed_ngram: int, cache: dict[str, int] | None = None,
                common: np.ndarray | None = None, ngram: int = DEFAULTS["ngram"]):
        toks, starts, ends = token_spans(text)
        h = hash_tokens(toks, {} if cache is None else cache)
        g = ngram_hashes(h, seed_ngram)
        keep = np.arange(len(g))
        if common is not None and len(common) and len(toks) >= ngram:
            grams = ngram_hashes(h, ngram)
            at = np.minimum(np.searchsorted(common, grams), len(common) - 1)
            hit = common[at] == grams          # ``common`` is sorted
            if hit.any():
                covered = np.zeros(len(toks) + 1, dtype=np.int64)
                idx = np.flatnonzero(hit)
                np.add.at(covered, idx, 1)
                np.add.at(covered, idx + ngram, -1)
                boiler = np.cumsum(covered)[:len(toks)] > 0
                # a seed is boilerplate when all its words are
                run = np.convolve(boiler.astype(np.int64), np.ones(seed_ngram, dtype=np.int64), "valid")
                keep = np.flatnonzero(run[:len(g)] < seed_ngram)
        order = keep[np.argsort(g[keep], kind="stable")]
        return super().__new__(cls, (toks, starts, ends, order, g[order]))


def _seeds(info_a: DocInfo, info_b: DocInfo, max_repeat: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """Positions (i in a, j in b) where the two texts share a seed n-gram, sorted by (i, j)."""
    _, _, _, order_a, ga = info_a
    _, _, _, order_b, gb = info_b
    if len(ga) == 0 or len(gb) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    left = np.searchsorted(ga, gb, "left")
    cnt = np.searchsorted(ga, gb, "right") - left
    ok = (cnt >= 1) & (cnt <= max_repeat)
    jpos = order_b[ok]
    left, cnt = left[ok], cnt[ok]
    if len(jpos) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    rep = np.repeat(np.arange(len(cnt)), cnt)
    within = np.arange(len(rep)) - np.repeat(np.cumsum(cnt) - cnt, cnt)
    si = order_a[left[rep] + within].astype(np.int64)
    sj = jpos[rep].astype(np.int64)
    o = np.lexsort((sj, si))
    return si[o], sj[o]


def align_texts(text_a: str, text_b: str, *, seed_ngram: int = DEFAULTS["seed_ngram"], gap: int = DEFAULTS["gap"],
                min_match: int = DEFAULTS["min_match"], min_similarity: float = DEFAULTS["min_similarity"],
                min_containment: float = DEFAULTS["min_containment"],
                info_a: DocInfo | None = None, info_b: DocInfo | None = None, **_: Any) -> list[tuple]:
    """Aligned passages between two texts.

    Args:
        text_a: First text.
        text_b: Second text.
        seed_ngram: Words per seed (shared word n-gram).
        gap: Largest unmatched stretch, in words, tolerated inside a passage.
        min_match: Matching words a passage needs.
        min_similarity: Smallest difflib ratio (0–1) of the two token spans.
        min_containment: Paraphrase fallback. When no passage qualifies but the seed chains (two or
            more seeds) together cover this share of the shorter text's words (and ``min_match``
            words) on both sides, the stretch from the first to the last of them is returned as one
            (edited) passage: a heavy rewrite keeps many short phrases, reordered, without any
            close-copy stretch. ``None`` switches it off.
        info_a: Pre-computed :class:`DocInfo` of ``text_a`` (optional, saves work across pairs).
        info_b: Pre-computed :class:`DocInfo` of ``text_b``.

    Returns:
        List of ``(a_start, a_end, b_start, b_end, words, similarity, verbatim)`` tuples, character
        offsets into the original texts, ordered by ``a_start``.

    Example:
        >>> a = "Rain fell on the old town all night, and by morning the river had burst its banks."
        >>> b = "Locals said rain fell on the old town all night and, by morning, the river burst its banks."
        >>> [(x[0], x[2], x[4], round(x[5], 2), x[6]) for x in align_texts(a, b, min_match=8)]
        [(0, 12, 16, 0.97, False)]
    """
    n = seed_ngram
    info_a = info_a if info_a is not None else DocInfo(text_a, n)
    info_b = info_b if info_b is not None else DocInfo(text_b, n)
    ta, sa, ea = info_a[:3]
    tb, sb, eb = info_b[:3]
    seeds_i, seeds_j = _seeds(info_a, info_b)
    if len(seeds_i) == 0:
        return []
    out = []
    loose: list[list[tuple[int, int]]] = []
    for chain in _chains(seeds_i, seeds_j, gap):
        chain = _trim(chain, n)
        if not chain:
            continue
        loose.append(chain)
        cov_a = len({i + k for i, _ in chain for k in range(n)})
        if cov_a < min_match:
            continue
        i0, i1 = chain[0][0], chain[-1][0] + n
        j0, j1 = chain[0][1], chain[-1][1] + n
        span_a, span_b = ta[i0:i1], tb[j0:j1]
        need = min_match * _char_weight(span_a)   # a Chinese/Japanese character is about half a word
        if cov_a < need:
            continue
        verbatim = span_a == span_b
        if verbatim:
            sim = 1.0
        elif len(span_a) + len(span_b) > 6000:
            cov_b = len({j + k for _, j in chain for k in range(n)})
            sim = (cov_a + cov_b) / (len(span_a) + len(span_b))
        else:
            sim = SequenceMatcher(None, span_a, span_b, autojunk=False).ratio()
        # Short passages must be closer copies: stock phrases and templates match loosely.
        if sim < min_similarity or (min(len(span_a), len(span_b)) < 2 * need and sim < (1 + min_similarity) / 2):
            continue
        a0, a1 = _widen(text_a, int(sa[i0]), int(ea[i1 - 1]))
        b0, b1 = _widen(text_b, int(sb[j0]), int(eb[j1 - 1]))
        out.append((a0, a1, b0, b1,
                    int(min(len(span_a), len(span_b))), float(round(sim, 4)), bool(verbatim)))
    if not out and loose and min_containment is not None:
        para = _paraphrase(loose, n, ta, tb, min_containment, min_match)
        if para is not None:
            i0, i1, j0, j1, sim = para
            a0, a1 = _widen(text_a, int(sa[i0]), int(ea[i1 - 1]))
            b0, b1 = _widen(text_b, int(sb[j0]), int(eb[j1 - 1]))
            out.append((a0, a1, b0, b1, int(min(i1 - i0, j1 - j0)), float(round(sim, 4)), False))
    out.sort()
    return out


def _char_weight(span: list[str]) -> float:
    """1 for words, up to 2 when the span's tokens are characters of a script without spaces (see :mod:`.text`)."""
    if not span:
        return 1.0
    chars = sum(1 for t in span if len(t) == 1 and _UNSPACED_RE.match(t))
    return 1.0 + chars / len(span)


def _paraphrase(chains: list[list[tuple[int, int]]], n: int, ta: list[str], tb: list[str],
                min_containment: float, min_match: int) -> tuple[int, int, int, int, float] | None:
    """Hull of all seed chains when together they cover enough of the shorter text (a rewrite)."""
    cov_a = len({i + k for c in chains for i, _ in c for k in range(n)})
    cov_b = len({j + k for c in chains for _, j in c for k in range(n)})
    shorter = min(len(ta), len(tb))
    if min(cov_a, cov_b) < max(min_containment * shorter, min_match):
        return None
    i0 = min(c[0][0] for c in chains)
    i1 = max(c[-1][0] for c in chains) + n
    if min(cov_a, cov_b) < min_match * _char_weight(ta[i0:i1]):
        return None
    j0 = min(min(j for _, j in c) for c in chains)
    j1 = max(max(j for _, j in c) for c in chains) + n
    # similarity of a rewrite: share of the stretch's words inside shared seeds (difflib on two long,
    # reordered stretches costs much and says little more)
    sim = (cov_a + cov_b) / max(1, (i1 - i0) + (j1 - j0))
    return i0, i1, j0, j1, sim


_OPENERS = "\"'“‘([«"
_CLOSERS = ".,;:!?\"'”’)]»…"


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in an opening quote/bracket before and closing punctuation after a word span."""
    while start > 0 and text[start - 1] in _OPENERS:
        start -= 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return start, end


def _close(p: tuple[int, int], q: tuple[int, int], d: int) -> bool:
    return q[0] - p[0] <= d and q[1] - p[1] <= d


def _trim(chain: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    """Drop isolated seeds at either end of a chain (stray short matches next to a passage)."""
    # Split into runs of seeds that overlap or touch on both sides.
    runs: list[list[tuple[int, int]]] = [[chain[0]]]
    for (i, j) in chain[1:]:
        li, lj = runs[-1][-1]
        if i - li <= n and j - lj <= n:
            runs[-1].append((i, j))
        else:
            runs.append([(i, j)])
    strong = [k for k, r in enumerate(runs) if len(r) >= 2
              or (k > 0 and _close(runs[k - 1][-1], r[0], 2 * n))
              or (k + 1 < len(runs) and _close(r[-1], runs[k + 1][0], 2 * n))]
    if not strong:
        return chain if len(runs) == 1 and len(chain) >= 2 else []
    return [s for r in runs[strong[0]:strong[-1] + 1] for s in r]




def align_pairs(texts: Sequence[str], pairs: Iterable[tuple[int, int]], options: dict[str, Any],
                common: np.ndarray | None = None,
                on_error: Callable[[int, BaseException], None] | None = None) -> list[tuple]:
    """Align ``(a, b)`` pairs of positions into ``texts``; raw passages are ``(a, b, *passage)``.

    ``common`` holds the boilerplate n-gram hashes (see :func:`srcanalysis.reuse.index.common_ngrams`),
    never used as seeds. When ``on_error`` is given, a text that cannot be read is reported once
    (``on_error(position, exception)``) and its pairs are skipped; otherwise the error is raised.
    """
    cache: dict[Any, DocInfo | None] = {}
    vocab: dict[str, int] = {}
    failed: set[int] = set()
    n = options.get("seed_ngram", DEFAULTS["seed_ngram"])

    def info(k: Any) -> DocInfo | None:
        if k not in cache:
            if len(cache) > 20000:
                cache.clear()
            try:
                cache[k] = DocInfo(texts[k], n, vocab, common, options.get("ngram", DEFAULTS["ngram"]))
            except Exception as exc:  # noqa: BLE001  one article never sinks a run
                if on_error is None:
                    raise
                cache[k] = None
                if k not in failed:
                    failed.add(k)
                    on_error(k, exc)
        return cache[k]

    out = []
    for a, b in pairs:
        ia, ib = info(a), info(b)
        if ia is None or ib is None:
            continue
        for p in align_texts(texts[a], texts[b], info_a=ia, info_b=ib, **options):
            out.append((int(a), int(b), *p))
    return out

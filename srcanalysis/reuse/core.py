"""Cross-outlet reuse: find passages one article copied from another, verbatim or lightly edited.

The algorithm is the one passim popularised, written so that the index is vectorised with numpy:

1. **Tokens.** Each text is lower-cased and cut into word tokens (``\\w+``), so curly and straight
   quotes, dashes and other punctuation never break a match. Every distinct token gets a
   deterministic 64-bit hash (BLAKE2b, the same in every process and on every Spark worker).
2. **Index.** Word n-grams (``ngram`` = 5) are hashed from the token hashes with a fixed polynomial.
   An n-gram found in more than ``max_df`` articles is boilerplate (taglines, disclaimers, stock
   phrases) and is ignored; the rest are rare enough to point at reuse.
3. **Candidates.** Two articles are compared only when they share at least ``min_shared`` rare
   n-grams. Pairs are generated per n-gram group, so the work grows with the amount of reuse, not with
   the square of the corpus.
4. **Alignment.** In a candidate pair, every shared word ``seed_ngram``-gram (3) is a seed. Seeds are
   chained along the diagonal, allowing gaps of up to ``gap`` words on either side (a dropped sentence,
   a few changed words), so a lightly edited copy comes out as one passage. Each chain becomes a
   passage when it covers at least ``min_match`` matching words and its word-level similarity
   (difflib ratio on the two token spans) is at least ``min_similarity`` (short passages, under
   ``2 * min_match`` words, need ``(1 + min_similarity) / 2``: stock phrases match loosely).
   Seeds made only of boilerplate n-grams are never used. Heavier rewrites, which keep many short
   phrases but no close-copy stretch, are caught by a containment fallback: when the seed chains
   of a candidate pair cover ``min_containment`` of the shorter text on both sides, their whole
   stretch is reported as one ``edited`` passage.
5. **Direction and credit.** ``earlier`` comes from ``published``; ``credited`` tells whether the
   later article names the earlier one's outlet inside or within ``credit_window`` characters of the
   passage. When dates are missing or equal, the side that names the other's outlet near the passage
   is taken as the copier, and ``credited`` is true when either side does so (``earlier`` stays
   ``"unknown"``). Pairs inside one outlet are never ``credited`` (an outlet naming itself is no credit).

The Spark engine (:mod:`srcanalysis.reuse.spark`) runs steps 1–3 with Spark DataFrames and calls the
same :func:`align_texts` for step 4, so both engines return the same passages.

Example:
    >>> import pandas as pd
    >>> para = ("The committee voted on Tuesday to delay the measure until the spring, citing "
    ...         "unresolved questions about its cost and the lack of a plan to pay for it.")
    >>> arts = pd.DataFrame({
    ...     "article_id": ["a", "b", "c"], "outlet": ["Herald", "Courier", "Gazette"],
    ...     "published": pd.to_datetime(["2020-01-01", "2020-01-02", None]),
    ...     "text": ["Opening line. " + para, para.replace("Tuesday", "Tuesday night") + " (Herald)",
    ...              "A story about something else entirely, told in other words."]})
    >>> p = find_reuse(arts)
    >>> p[["article_a", "article_b", "kind", "earlier", "credited"]].to_dict("records")
    [{'article_a': 'a', 'article_b': 'b', 'kind': 'edited', 'earlier': 'a', 'credited': True}]
"""
from __future__ import annotations

import hashlib
import itertools
import re
from difflib import SequenceMatcher
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

#: Columns of the passage frame returned by :func:`find_reuse`, in order.
PASSAGE_COLUMNS = ["article_a", "a_start", "a_end", "article_b", "b_start", "b_end", "words",
                   "similarity", "kind", "earlier", "credited", "same_outlet", "text_a", "text_b"]

#: Default options of :func:`find_reuse`, chosen by measurement with ``bench/bench_reuse.py``.
DEFAULTS: dict[str, Any] = {
    "ngram": 5,            # words per indexed n-gram
    "max_df": 50,          # n-grams in more articles than this are boilerplate
    "min_shared": 3,       # rare n-grams two articles must share to be aligned
    "seed_ngram": 3,       # words per alignment seed
    "gap": 40,             # largest unmatched stretch (words) inside one passage
    "min_match": 12,       # matching words a passage needs
    "min_similarity": 0.6,  # difflib ratio a passage needs (0-1); passages under 2*min_match words need (1+x)/2
    "credit_window": 250,  # characters around a passage searched for the credited outlet
    "min_containment": 0.3,  # paraphrase fallback: share of the shorter text covered by seeds
}

_TOKEN = re.compile(r"\w+")
_MASK64 = (1 << 64) - 1
# Odd multipliers of the n-gram hash (position k in the n-gram uses _MULT[k]).
_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                  0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
                  0x2545F4914F6CDD1D, 0x9FB21C651E98DF25], dtype=np.uint64)


# --------------------------------------------------------------------------- tokens and hashes
def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (punctuation and quote marks dropped).

    Example:
        >>> tokens("“Everyone knew,” he said—then left.")
        ['everyone', 'knew', 'he', 'said', 'then', 'left']
    """
    return _TOKEN.findall(text.lower()) if text else []


def token_spans(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Tokens of ``text`` with their start and end character offsets in the original text.

    Example:
        >>> toks, starts, ends = token_spans("“Hi,” she said.")
        >>> toks, starts.tolist(), ends.tolist()
        (['hi', 'she', 'said'], [1, 6, 10], [3, 9, 14])
    """
    lower = text.lower()
    if len(lower) != len(text):       # a few characters change length when lower-cased ('İ')
        toks = [m.group().lower() for m in _TOKEN.finditer(text)]
        spans = [m.span() for m in _TOKEN.finditer(text)]
    else:
        toks = _TOKEN.findall(lower)
        spans = [m.span() for m in _TOKEN.finditer(lower)]
    arr = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    return toks, arr[:, 0], arr[:, 1]


def token_hash(token: str) -> int:
    """Deterministic 64-bit hash of one token (identical across processes and machines)."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


def ngram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """Hashes of all word n-grams of one document, from its token hashes (uint64)."""
    hashes = np.asarray(hashes, dtype=np.uint64)
    m = len(hashes) - n + 1
    if m <= 0:
        return np.empty(0, dtype=np.uint64)
    out = np.zeros(m, dtype=np.uint64)
    for k in range(n):
        out += hashes[k:k + m] * _MULT[k]
    return out


def doc_ngram_hashes(text: str, n: int, cache: dict[str, int] | None = None) -> np.ndarray:
    """Distinct n-gram hashes of one text (what the Spark engine computes per article)."""
    cache = {} if cache is None else cache
    toks = tokens(text)
    h = np.fromiter((cache[t] if t in cache else cache.setdefault(t, token_hash(t)) for t in toks),
                    dtype=np.uint64, count=len(toks))
    return np.unique(ngram_hashes(h, n))


def _chunk_ngrams(texts: Sequence[str], first_doc: int, n: int, vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (n-gram hash, doc) of a chunk of texts, sorted by (hash, doc)."""
    toks = [tokens(t) for t in texts]
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


def _corpus_ngrams(texts: Sequence[str], n: int, chunk: int = 5000) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (n-gram hash, document index) pairs of a corpus, sorted by (hash, doc).

    Texts are tokenised in chunks (token strings never all live at once); per token 4-8 bytes of
    numpy arrays remain, so memory grows linearly and slowly with the corpus.
    """
    vocab: dict[str, int] = {}
    parts_g, parts_d = [], []
    for lo in range(0, len(texts), chunk):
        g, d = _chunk_ngrams(texts[lo:lo + chunk], lo, n, vocab)
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
                    min_shared: int = DEFAULTS["min_shared"], return_common: bool = False) -> pd.DataFrame:
    """Pairs of texts (by position) sharing at least ``min_shared`` n-grams found in ≤ ``max_df`` texts.

    Returns:
        DataFrame ``a``, ``b`` (positions, ``a < b``), ``shared`` (number of rare n-grams in common);
        with ``return_common``, also the sorted uint64 array of boilerplate n-gram hashes (df > max_df).

    Example:
        >>> s = "the cat sat on the mat while the dog slept by the door all day long"
        >>> candidate_pairs([s, "x y z", "so " + s]).to_dict("records")
        [{'a': 0, 'b': 2, 'shared': 12}]
    """
    g, doc = _corpus_ngrams(texts, ngram)
    pairs = _pairs_from_index(g, doc, max_df=max_df, min_shared=min_shared)
    if not return_common:
        return pairs
    return pairs, common_ngrams(g, max_df)


def common_ngrams(g: np.ndarray, max_df: int) -> np.ndarray:
    """Sorted distinct hashes occurring more than ``max_df`` times in sorted ``g`` (one per article)."""
    if len(g) == 0:
        return np.empty(0, np.uint64)
    bounds = np.flatnonzero(np.concatenate([[True], g[1:] != g[:-1], [True]]))
    return g[bounds[:-1][np.diff(bounds) > max_df]]


def _pairs_from_index(g: np.ndarray, doc: np.ndarray, *, max_df: int, min_shared: int) -> pd.DataFrame:
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
    key, count = key[sel], count[sel]
    return pd.DataFrame({"a": key >> 32, "b": key & 0xFFFFFFFF, "shared": count.astype("int64")})


# --------------------------------------------------------------------------- alignment
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
        cache = {} if cache is None else cache
        h = np.fromiter((cache[t] if t in cache else cache.setdefault(t, token_hash(t)) for t in toks),
                        dtype=np.uint64, count=len(toks))
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
        verbatim = span_a == span_b
        if verbatim:
            sim = 1.0
        elif len(span_a) + len(span_b) > 6000:
            cov_b = len({j + k for _, j in chain for k in range(n)})
            sim = (cov_a + cov_b) / (len(span_a) + len(span_b))
        else:
            sim = SequenceMatcher(None, span_a, span_b, autojunk=False).ratio()
        # Short passages must be closer copies: stock phrases and templates match loosely.
        if sim < min_similarity or (min(len(span_a), len(span_b)) < 2 * min_match and sim < (1 + min_similarity) / 2):
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
    j0 = min(min(j for _, j in c) for c in chains)
    j1 = max(max(j for _, j in c) for c in chains) + n
    sim = SequenceMatcher(None, ta[i0:i1], tb[j0:j1], autojunk=False).ratio()
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


# --------------------------------------------------------------------------- direction and credit
def _outlet_pattern(outlet: str) -> re.Pattern | None:
    name = re.sub(r"^\s*the\s+", "", str(outlet or ""), flags=re.I).strip()
    if len(name) < 2:
        return None
    words = [re.escape(w) for w in re.findall(r"\w+", name)]
    if not words:
        return None
    return re.compile(r"(?<!\w)" + r"\W+".join(words) + r"(?!\w)", re.I)


def _names(text: str, start: int, end: int, outlet: str, window: int) -> bool:
    pat = _outlet_pattern(outlet)
    if pat is None:
        return False
    return pat.search(text, max(0, start - window), min(len(text), end + window)) is not None


def _direction(pub_a, pub_b) -> str:
    if pd.isna(pub_a) or pd.isna(pub_b) or pub_a == pub_b:
        return "unknown"
    return "a" if pub_a < pub_b else "b"


def credit_side(row: pd.Series | dict, text_a: str, text_b: str, outlet_a: str, outlet_b: str,
                window: int = DEFAULTS["credit_window"]) -> str | None:
    """Which side of a passage credits the other: ``"a"`` (a names b's outlet), ``"b"``, or ``None``.

    With a known ``earlier`` side only the later article is checked; otherwise both are.
    """
    if outlet_a == outlet_b:
        return None
    earlier = row["earlier"]
    a_names = earlier in ("b", "unknown") and _names(text_a, row["a_start"], row["a_end"], outlet_b, window)
    b_names = earlier in ("a", "unknown") and _names(text_b, row["b_start"], row["b_end"], outlet_a, window)
    if a_names and not b_names:
        return "a"
    if b_names and not a_names:
        return "b"
    if a_names and b_names:
        return "both"
    return None


# --------------------------------------------------------------------------- public API
def _empty_passages() -> pd.DataFrame:
    return pd.DataFrame({
        "article_a": pd.Series(dtype=object), "a_start": pd.Series(dtype="int64"),
        "a_end": pd.Series(dtype="int64"), "article_b": pd.Series(dtype=object),
        "b_start": pd.Series(dtype="int64"), "b_end": pd.Series(dtype="int64"),
        "words": pd.Series(dtype="int64"), "similarity": pd.Series(dtype="float64"),
        "kind": pd.Series(dtype=object), "earlier": pd.Series(dtype=object),
        "credited": pd.Series(dtype=bool), "same_outlet": pd.Series(dtype=bool),
        "text_a": pd.Series(dtype=object), "text_b": pd.Series(dtype=object)})


def _prepare(articles: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("article_id", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"find_reuse needs columns {missing} (pass the read_articles frame)")
    arts = pd.DataFrame({
        "article_id": articles["article_id"].astype(object).to_numpy(),
        "outlet": (articles["outlet"].astype(object).where(articles["outlet"].notna(), "").to_numpy()
                   if "outlet" in articles else ""),
        "published": (pd.to_datetime(articles["published"], errors="coerce").to_numpy()
                      if "published" in articles else pd.NaT),
        "text": articles["text"].astype(object).where(articles["text"].notna(), "").to_numpy(),
    })
    arts["text"] = arts["text"].map(str)
    return arts


def align_candidates(arts: pd.DataFrame, pairs: Iterable[tuple[int, int]], options: dict[str, Any],
                     common: np.ndarray | None = None) -> list[tuple]:
    """Align candidate pairs (positions into ``arts``) and return raw passages ``(a, b, *passage)``."""
    texts = arts["text"].tolist()
    return align_pairs(texts, pairs, options, common)


def align_pairs(texts: Sequence[str], pairs: Iterable[tuple[int, int]], options: dict[str, Any],
                common: np.ndarray | None = None) -> list[tuple]:
    """Align ``(a, b)`` pairs of positions into ``texts``; raw passages are ``(a, b, *passage)``.

    ``common`` holds the boilerplate n-gram hashes (see :func:`common_ngrams`), never used as seeds.
    """
    cache: dict[Any, DocInfo] = {}
    vocab: dict[str, int] = {}
    n = options.get("seed_ngram", DEFAULTS["seed_ngram"])

    def info(k: Any) -> DocInfo:
        if k not in cache:
            if len(cache) > 20000:
                cache.clear()
            cache[k] = DocInfo(texts[k], n, vocab, common, options.get("ngram", DEFAULTS["ngram"]))
        return cache[k]

    out = []
    for a, b in pairs:
        for p in align_texts(texts[a], texts[b], info_a=info(a), info_b=info(b), **options):
            out.append((int(a), int(b), *p))
    return out


def passage_record(id_a: Any, id_b: Any, text_a: str, text_b: str, outlet_a: str, outlet_b: str,
                   pub_a: Any, pub_b: Any, raw: tuple, window: int = DEFAULTS["credit_window"]) -> tuple:
    """One public passage row (in :data:`PASSAGE_COLUMNS` order) from a raw :func:`align_texts` tuple."""
    a_start, a_end, b_start, b_end, words, sim, verbatim = raw
    e = _direction(pub_a, pub_b)
    row = {"earlier": e, "a_start": a_start, "a_end": a_end, "b_start": b_start, "b_end": b_end}
    credited = credit_side(row, text_a, text_b, outlet_a, outlet_b, window) is not None
    return (id_a, int(a_start), int(a_end), id_b, int(b_start), int(b_end), int(words), float(sim),
            "verbatim" if verbatim else "edited", e, bool(credited), bool(outlet_a == outlet_b),
            text_a[a_start:a_end], text_b[b_start:b_end])


def records_frame(records: list[tuple]) -> pd.DataFrame:
    """The passage DataFrame (typed, in :data:`PASSAGE_COLUMNS` order) from passage records."""
    if not records:
        return _empty_passages()
    out = pd.DataFrame.from_records(records, columns=PASSAGE_COLUMNS)
    for c in ("a_start", "a_end", "b_start", "b_end", "words"):
        out[c] = out[c].astype("int64")
    out["similarity"] = out["similarity"].astype("float64")
    for c in ("credited", "same_outlet"):
        out[c] = out[c].astype(bool)
    for c in ("article_a", "article_b", "kind", "earlier", "text_a", "text_b"):
        out[c] = out[c].astype(object)
    return out


def passages_frame(arts: pd.DataFrame, raw: list[tuple], options: dict[str, Any]) -> pd.DataFrame:
    """Turn raw aligned passages ``(a, b, *passage)`` into the public passage frame."""
    ids, outlets = arts["article_id"].tolist(), arts["outlet"].tolist()
    pubs, texts = list(arts["published"]), arts["text"].tolist()
    window = options.get("credit_window", DEFAULTS["credit_window"])
    records = [passage_record(ids[a], ids[b], texts[a], texts[b], outlets[a], outlets[b], pubs[a], pubs[b],
                              tuple(rest), window) for a, b, *rest in sorted(raw)]
    return records_frame(records)


def find_reuse(articles: pd.DataFrame, *, engine: str = "python", **options: Any) -> pd.DataFrame:
    """Find passages reused between articles (verbatim or lightly edited), at scale.

    Args:
        articles: The :func:`srcanalysis.read_articles` frame (``article_id``, ``outlet``,
            ``published``, ``text``; other columns are ignored).
        engine: ``"python"`` (in process, numpy-vectorised index) or ``"spark"`` (pyspark, for
            corpora beyond one machine; needs the ``spark`` extra). Both return the same passages.
        **options: Tuning knobs, defaults in :data:`DEFAULTS`, measured with ``bench/bench_reuse.py``
            (first 10k Reuters-21578 bodies + 1,000 planted copies with 0/3/8 % of words edited; the
            defaults give pair recall 1.000, precision 0.996, span F1 0.995 there and recall 0.9997,
            precision 0.9994, span F1 0.995 at 2,300 articles/s on 100k articles):

            * ``ngram`` (5): words per indexed n-gram. 4: same recall, precision 0.994, 35 % slower;
              6: recall 0.998 (8 %-edited copies 0.994), 30 % faster.
            * ``max_df`` (50): n-grams in more articles are boilerplate and ignored. 20 is 15 %
              faster with 40 % fewer Reuters-internal template pairs and the same recall, but a
              story syndicated to more than ``max_df`` articles is then only found through its
              rarer n-grams (passim uses 100); raise it for wire-heavy corpora.
            * ``min_shared`` (3): rare n-grams two articles must share before they are aligned
              (2: no recall gained, 45 % slower).
            * ``seed_ngram`` (3): words per alignment seed; 3 keeps edited passages together.
            * ``gap`` (40): largest unmatched stretch (words) inside one passage — a dropped
              sentence (20: span F1 0.989 instead of 0.995).
            * ``min_match`` (12): matching words a passage needs (shorter overlaps are stock phrases).
            * ``min_similarity`` (0.6): difflib ratio of the two token spans a passage needs;
              passages shorter than ``2 * min_match`` words need ``(1 + min_similarity) / 2`` (0.8).
              0.5 found 76 % more Reuters-internal pairs (mostly templated market reports) and no
              more planted copies.
            * ``credit_window`` (250): characters before/after a passage searched for the outlet name.
            * ``min_containment`` (0.3): paraphrase fallback for a candidate pair with no close
              passage — when its seed chains cover this share of the shorter text on both sides
              (and ``min_match`` words), their whole stretch is one ``edited`` passage (heavy
              rewrites; similarity then is that of the whole stretch and may be low). It adds
              about 25 % Reuters-internal pairs (templated bond and earnings reports) on 10k
              Reuters bodies; ``None`` turns it off.
            * ``spark`` (SparkSession, spark engine only): session to use (default: get or create).

    Returns:
        One row per aligned passage: ``article_a``, ``a_start``, ``a_end``, ``article_b``, ``b_start``,
        ``b_end`` (character offsets: ``text[a_start:a_end]``), ``words`` (words in the shorter side),
        ``similarity`` (0–1), ``kind`` (``verbatim`` when the word sequences are identical, else
        ``edited``), ``earlier`` (``a``, ``b`` or ``unknown``), ``credited``, ``same_outlet``,
        ``text_a``, ``text_b``. ``article_a`` is the article that comes first in ``articles``.

    Example:
        >>> import pandas as pd
        >>> t = "Officials said the bridge would stay closed for at least two more weeks while engineers inspect it."
        >>> arts = pd.DataFrame({"article_id": [1, 2], "outlet": ["A", "B"],
        ...                      "published": pd.NaT, "text": [t, "Update: " + t]})
        >>> find_reuse(arts)[["article_a", "article_b", "kind", "words", "earlier"]].to_dict("records")
        [{'article_a': 1, 'article_b': 2, 'kind': 'verbatim', 'words': 17, 'earlier': 'unknown'}]
    """
    unknown = set(options) - set(DEFAULTS) - {"spark"}
    if unknown:
        raise TypeError(f"unknown find_reuse options: {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    opts = {**DEFAULTS, **{k: v for k, v in options.items() if k != "spark"}}
    arts = _prepare(articles)
    if engine == "spark":
        from .spark import spark_find_reuse
        return spark_find_reuse(arts, opts, spark=options.get("spark"))
    if engine == "python":
        pairs, common = candidate_pairs(arts["text"].tolist(), ngram=opts["ngram"], max_df=opts["max_df"],
                                        min_shared=opts["min_shared"], return_common=True)
        raw = align_candidates(arts, zip(pairs["a"].tolist(), pairs["b"].tolist()), opts, common)
    else:
        raise ValueError(f"engine must be 'python' or 'spark', not {engine!r}")
    return passages_frame(arts, raw, opts)


# --------------------------------------------------------------------------- summary
class ReuseSummary(dict):
    """What :func:`reuse_summary` returns: a dict of three DataFrames, also readable as attributes.

    Keys / attributes:
        articles: One row per article: ``article_id``, ``outlet``, ``words``, ``reused_words`` (words
            taken from articles known to be earlier, by date or by credit), ``credited_words``,
            ``uncredited_words``, ``reused_share``, ``credited_share``, ``shared_words`` (words in
            passages whose direction is unknown), ``shared_share``, ``sources`` (outlets taken from,
            ``"; "``-joined).
        outlets: Long table ``taker``, ``source``, ``direction`` (``dated``, ``credit`` or
            ``unknown``), ``passages``, ``words``, ``credited_words``. A passage of unknown direction
            is listed once each way.
        matrix: Outlet × outlet words taken (rows: taker, columns: source), from passages of known
            direction only.
    """

    def __init__(self, articles: pd.DataFrame, outlets: pd.DataFrame, matrix: pd.DataFrame):
        super().__init__(articles=articles, outlets=outlets, matrix=matrix)

    articles = property(lambda self: self["articles"])
    outlets = property(lambda self: self["outlets"])
    matrix = property(lambda self: self["matrix"])


def _union_words(text: str, spans: list[tuple[int, int]]) -> int:
    if not spans:
        return 0
    mask = np.zeros(len(text) + 1, dtype=np.int32)
    for s, e in spans:
        mask[s] += 1
        mask[e] -= 1
    covered = np.cumsum(mask)[:-1] > 0
    return sum(1 for m in _TOKEN.finditer(text) if covered[m.start()])


def reuse_summary(articles: pd.DataFrame, passages: pd.DataFrame, *,
                  credit_window: int = DEFAULTS["credit_window"]) -> ReuseSummary:
    """Per-article share of words taken from earlier articles, and an outlet × outlet matrix.

    Direction comes from ``earlier``; when it is ``unknown`` and exactly one side names the other's
    outlet near the passage, that side is taken as the copier (direction ``credit``). Passages with
    no direction count as ``shared_words`` for both articles.

    Args:
        articles: The frame given to :func:`find_reuse`.
        passages: Its result.
        credit_window: Characters around a passage searched for an outlet name.

    Returns:
        A :class:`ReuseSummary`: a dict of ``articles``, ``outlets`` and ``matrix`` DataFrames (also
        attributes).

    Example:
        >>> import pandas as pd
        >>> t = "Officials said the bridge would stay closed for at least two more weeks while engineers inspect it."
        >>> arts = pd.DataFrame({"article_id": [1, 2], "outlet": ["Herald", "Courier"],
        ...     "published": pd.to_datetime(["2021-05-01", "2021-05-02"]), "text": [t, t + " (Herald)"]})
        >>> s = reuse_summary(arts, find_reuse(arts))
        >>> s.articles[["article_id", "reused_share", "credited_share"]].to_dict("records")
        [{'article_id': 1, 'reused_share': 0.0, 'credited_share': 0.0}, {'article_id': 2, 'reused_share': 0.9444, 'credited_share': 0.9444}]
        >>> int(s.matrix.loc["Courier", "Herald"])
        17
    """
    arts = _prepare(articles)
    by_id = {aid: k for k, aid in enumerate(arts["article_id"].tolist())}
    texts, outlets = arts["text"].tolist(), arts["outlet"].tolist()
    taken: dict[int, list] = {}
    cred: dict[int, list] = {}
    shared: dict[int, list] = {}
    sources: dict[int, set] = {}
    links = []
    for r in passages.itertuples(index=False):
        a, b = by_id.get(r.article_a), by_id.get(r.article_b)
        if a is None or b is None:
            continue
        direction = "dated"
        if r.earlier == "a":
            taker, source = b, a
        elif r.earlier == "b":
            taker, source = a, b
        else:
            side = credit_side(r._asdict(), texts[a], texts[b], outlets[a], outlets[b], credit_window)
            if side in ("a", "b"):
                direction = "credit"
                taker, source = (a, b) if side == "a" else (b, a)
            else:
                direction = "unknown"
                taker = source = None
        span = {a: (r.a_start, r.a_end), b: (r.b_start, r.b_end)}
        if taker is None:
            shared.setdefault(a, []).append(span[a])
            shared.setdefault(b, []).append(span[b])
            for x, y in ((a, b), (b, a)):
                links.append((outlets[x], outlets[y], direction, 1, r.words, 0))
            continue
        taken.setdefault(taker, []).append(span[taker])
        if r.credited:
            cred.setdefault(taker, []).append(span[taker])
        sources.setdefault(taker, set()).add(outlets[source])
        links.append((outlets[taker], outlets[source], direction, 1, r.words, r.words if r.credited else 0))
    rows = []
    for k, aid in enumerate(arts["article_id"].tolist()):
        words = len(_TOKEN.findall(texts[k]))
        reused = _union_words(texts[k], taken.get(k, []))
        credited = _union_words(texts[k], cred.get(k, []))
        sh = _union_words(texts[k], shared.get(k, []))
        rows.append({"article_id": aid, "outlet": outlets[k], "words": words, "reused_words": reused,
                     "credited_words": credited, "uncredited_words": reused - credited,
                     "reused_share": round(reused / words, 4) if words else 0.0,
                     "credited_share": round(credited / words, 4) if words else 0.0,
                     "shared_words": sh, "shared_share": round(sh / words, 4) if words else 0.0,
                     "sources": "; ".join(sorted(sources.get(k, set())))})
    per_article = pd.DataFrame(rows)
    cols = ["taker", "source", "direction", "passages", "words", "credited_words"]
    links_df = pd.DataFrame(links, columns=cols)
    if len(links_df):
        links_df = links_df.groupby(["taker", "source", "direction"], as_index=False)[
            ["passages", "words", "credited_words"]].sum()
    known = links_df[links_df["direction"] != "unknown"]
    names = sorted(set(arts["outlet"].tolist()))
    matrix = (known.pivot_table(index="taker", columns="source", values="words", aggfunc="sum", fill_value=0)
              .reindex(index=names, columns=names, fill_value=0).astype("int64"))
    matrix.index.name, matrix.columns.name = "taker", "source"
    return ReuseSummary(per_article, links_df, matrix)

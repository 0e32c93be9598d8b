"""Tokens and hashes: Unicode-normalised word tokens with offsets into the original text.

Every text is tokenised the same way everywhere (index, alignment, Spark workers):

* a token is a run of word characters together with any combining marks that follow them, so a
  decomposed accent (``e`` + U+0301) stays inside its word;
* each token is folded: compatibility forms (NFKD: ligatures, full-width letters, superscripts),
  accents dropped, lower-cased. "Café", "cafe\\u0301", "ＣＡＦＥ" and "cafe" are the same token;
* punctuation, quote marks (curly or straight), dashes and spaces (non-breaking or not) separate
  tokens and never take part in a match;
* in scripts written without spaces (Chinese, Japanese kana and kanji) every character is a token:
  a whole clause would otherwise be one "word" and no n-gram could match. Lengths (``min_match``,
  ``words``) then count characters there.

The token's start and end offsets always point into the original, unnormalised text.

Example:
    >>> tokens("“Cafe\\u0301 owners,” she said—then left.")
    ['cafe', 'owners', 'she', 'said', 'then', 'left']
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np

__all__ = ["tokens", "token_spans", "fold", "token_hash", "ngram_hashes", "doc_ngram_hashes", "count_words"]

#: Scripts written without spaces between words (Han, Hiragana, Katakana): each character is a token.
_UNSPACED = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"


def _mark_class() -> str:
    """Regex class body of every combining mark of the Basic Multilingual Plane (categories Mn, Mc, Me)."""
    marks = [c for c in range(0x300, 0x10000) if not 0xD800 <= c < 0xE000
             and unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    ranges, start, prev = [], marks[0], marks[0]
    for c in marks[1:] + [-1]:
        if c != prev + 1:
            ranges.append(f"\\u{start:04x}" + (f"-\\u{prev:04x}" if prev > start else ""))
            start = c
        prev = c
    return "".join(ranges)


#: Combining marks: accents, Arabic vowel signs (harakat), Hebrew points, Indic vowel signs and viramas.
_MARKS = _mark_class()
#: A word: word characters, each optionally followed by combining marks (a vowel sign never splits a
#: word: "كَتَبَ" is one word, the same as "كتب" once folded); or one unspaced-script character.
_WORD = re.compile(rf"[{_UNSPACED}]|(?:[^\W{_UNSPACED}][{_MARKS}]*)+")
_ASCII_WORD = re.compile(r"\w+")
_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                  0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9,
                  0x2545F4914F6CDD1D, 0x9FB21C651E98DF25], dtype=np.uint64)


@lru_cache(maxsize=200_000)
def fold(token: str) -> str:
    """One token folded for matching: compatibility form, no accents, lower case.

    Example:
        >>> fold("Ré\\u0301sumé"), fold("ﬁnal"), fold("ＵＮ")
        ('resume', 'final', 'un')
    """
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def tokens(text: str) -> list[str]:
    """Folded word tokens of ``text`` (punctuation and quote marks dropped).

    Example:
        >>> tokens("“Everyone knew,” he said—then left.")
        ['everyone', 'knew', 'he', 'said', 'then', 'left']
        >>> tokens("新华社北京电 GDP增长")
        ['新', '华', '社', '北', '京', '电', 'gdp', '增', '长']
    """
    if not text:
        return []
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return [fold(w) for w in _WORD.findall(text)]


def token_spans(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Folded tokens of ``text`` with their start and end character offsets in the original text.

    Example:
        >>> toks, starts, ends = token_spans("“Hi,” said Zoe\\u0308.")
        >>> toks, starts.tolist(), ends.tolist()
        (['hi', 'said', 'zoe'], [1, 6, 11], [3, 10, 15])
    """
    if text.isascii():
        lower = text.lower()
        toks = _ASCII_WORD.findall(lower)
        spans = [m.span() for m in _ASCII_WORD.finditer(lower)]
    else:
        found = list(_WORD.finditer(text))
        toks = [fold(m.group()) for m in found]
        spans = [m.span() for m in found]
    arr = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    return toks, arr[:, 0], arr[:, 1]


def count_words(text: str) -> int:
    """Number of word tokens in ``text`` (as :func:`tokens` counts them)."""
    return len(tokens(text))


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


def hash_tokens(toks: list[str], cache: dict[str, int]) -> np.ndarray:
    """uint64 hashes of ``toks``, memoised in ``cache``."""
    return np.fromiter((cache[t] if t in cache else cache.setdefault(t, token_hash(t)) for t in toks),
                       dtype=np.uint64, count=len(toks))


def doc_ngram_hashes(text: str, n: int, cache: dict[str, int] | None = None) -> np.ndarray:
    """Distinct n-gram hashes of one text (what the Spark engine computes per article)."""
    return np.unique(ngram_hashes(hash_tokens(tokens(text), {} if cache is None else cache), n))

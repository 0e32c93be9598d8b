"""Remove boilerplate from plain-text articles: promos, consent text, navigation, photo credits.

Three mechanisms, all driven by data in ``rules/boilerplate.csv``:

1. *Line patterns* (``kind=line``): whole lines that are never reporting ("Related Topics",
   "Photo: Public Domain", "Share on Facebook").
2. *Promo blocks*: a newsletter box spans several short lines ("Get The Beast In Your Inbox!",
   "Daily Digest", a blurb, "By clicking “Subscribe,” ..."). A block opens on a line matching a
   ``promo_start`` pattern and closes on the last ``promo_end`` line within a few short lines;
   everything between is dropped, but only when every line in it is short and none reads
   like reporting (has a reporting verb and is long).
3. *Repeated lines*: lines found in several articles of one outlet (site chrome the pattern
   table does not know), see :func:`repeated_lines`.
4. *Byline lines* near the top or bottom ("By SETH BORENSTEIN", "By Ann Lee - Mar 21, 2017 - Last
   updated ...": only names, agencies and timestamps after "By"), see :func:`is_byline_line`.
5. *A paragraph printed twice* (a lede repeated as a standfirst or caption): later exact copies
   of a paragraph of 4+ words are dropped; the first stays.

A line of reporting is never dropped by mechanisms 2 to 5: those only remove short lines, lines
made only of names and dates, or exact copies of a paragraph that is kept.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

import pandas as pd

#: Longest line (characters) mechanisms 2 and 3 may remove.
MAX_CHROME_CHARS = 160
#: Most lines a promo block may span.
MAX_PROMO_LINES = 12


try:  # the regex parser of the standard library (re._parser from 3.11, sre_parse before)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_ASCII_SPACE = " \t\n\r\f\v"
#: Largest character range in a pattern's first position that is spelled out as a set of characters.
_MAX_RANGE = 128


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """``(chars, nullable)``: the lower-cased ASCII characters a match of the parsed pattern
    ``items`` can start with (None: any character), and whether it can match the empty string.

    Sound over-approximation for lines of ASCII text matched case-insensitively: zero-width items
    (anchors, ``\\b``, negative lookaheads) are stepped over, a positive lookahead constrains the
    first character like the item it looks at, and anything not understood means "any character".
    """
    first: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "AT" or name == "ASSERT_NOT":
            continue
        if name == "LITERAL":
            first.add(chr(av).lower())
            return first, False
        if name == "IN":
            chars = _set_chars(av)
            if chars is None:
                return None, False
            return first | chars, False
        if name == "BRANCH":
            sub = [_first_chars(branch) for branch in av[1]]
            if any(chars is None for chars, _ in sub):
                return None, False
            first.update(*(chars for chars, _ in sub))
            if not any(nullable for _, nullable in sub):
                return first, False
            continue
        if name == "SUBPATTERN":
            chars, nullable = _first_chars(av[-1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            chars, nullable = _first_chars(av[2])
            nullable = nullable or av[0] == 0
        elif name == "ASSERT" and av[0] == 1:  # positive lookahead: its first char is the match's
            chars, nullable = _first_chars(av[1])
        else:
            return None, False
        if chars is None:
            return None, False
        first |= chars
        if not nullable:
            return first, False
    return first, True


def _set_chars(av: Any) -> set[str] | None:
    """Characters of a ``[...]`` set or a class (``\\d``, ``\\s``) in ``_first_chars``' terms."""
    chars: set[str] = set()
    for op, value in av:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(value).lower())
        elif name == "RANGE" and value[1] - value[0] <= _MAX_RANGE:
            chars.update(chr(c).lower() for c in range(value[0], value[1] + 1))
        elif name == "CATEGORY" and str(value) == "CATEGORY_DIGIT":
            chars.update("0123456789")
        elif name == "CATEGORY" and str(value) == "CATEGORY_SPACE":
            chars.update(_ASCII_SPACE)
        else:
            return None
    return chars


def _required_literals(items: Any) -> list[str] | None:
    """Lower-cased ASCII words one of which every match of the parsed pattern ``items`` contains
    (the longest run of literal characters of each alternative, 3+ characters), or None when some
    alternative has none. A line of ASCII text holding none of them cannot match."""
    items = [(op, av) for op, av in items if str(op) != "AT"]
    run, best = "", ""
    for op, av in items:
        if str(op) == "LITERAL" and av < 128:
            run += chr(av).lower()
            best = max(best, run, key=len)
        else:
            run = ""
    if len(best) >= 3:
        return [best]
    if len(items) == 1 and str(items[0][0]) in ("SUBPATTERN", "BRANCH"):
        op, av = items[0]
        if str(op) == "SUBPATTERN":
            return _required_literals(av[-1])
        found = [_required_literals(branch) for branch in av[1]]
        return None if any(f is None for f in found) else [w for f in found for w in f]
    return None


class _Patterns:
    """One kind's patterns: those anchored at the line start are tried once, at position 0
    (``match``); the few others are searched. Same result as one alternation, several times faster.

    The anchored ones are also grouped by the characters they can start with (read from the parsed
    patterns): a line is matched only against the patterns that can start with its first character
    (a cheap pre-filter; same patterns in the same order, so the same match). Lines that start with
    a non-ASCII character, and every line when the patterns cannot be analysed, get them all.
    The searched ones are skipped on an ASCII line that holds none of the literal words every
    match needs ("newsletter", "sign up" in the promo patterns).
    """

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self._anchored = self._alternation(anchored)
        self._floating = self._alternation(floating)
        self._by_first: dict[str, re.Pattern[str] | None] = {}
        self._words: tuple[str, ...] | None = None
        try:
            firsts = [_first_chars(_sre_parse.parse(p, re.I)) for p in anchored]
            words = [_required_literals(_sre_parse.parse(p, re.I)) for p in floating]
        except Exception:  # noqa: BLE001  (an unexpected parser: no pre-filter, same results)
            return
        if words and all(w is not None for w in words):
            self._words = tuple(dict.fromkeys(x for w in words for x in w))
        compiled: dict[tuple[str, ...], re.Pattern[str] | None] = {}
        for c in map(chr, range(128)):
            key = c.lower()  # case-insensitive patterns: first characters are kept lower-cased
            subset = tuple(p for p, (chars, nullable) in zip(anchored, firsts)
                           if chars is None or nullable or key in chars)
            if subset not in compiled:
                compiled[subset] = self._alternation(list(subset))
            self._by_first[c] = compiled[subset]

    @staticmethod
    def _alternation(patterns: list[str]) -> re.Pattern[str] | None:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None

    def search(self, text: str) -> re.Match[str] | None:
        anchored = self._by_first.get(text[:1], self._anchored) if self._by_first else self._anchored
        found = anchored.match(text) if anchored is not None else None
        if found is None and self._floating is not None:
            if self._words and text.isascii():  # cheap literal pre-filter (ASCII: lower() is exact)
                low = text.lower()
                if not any(word in low for word in self._words):
                    return None
            found = self._floating.search(text)
        return found


@lru_cache(maxsize=1)
def _rules() -> dict[str, _Patterns]:
    table = pd.read_csv(files("srcanalysis").joinpath("rules/boilerplate.csv"), dtype=str)
    return {kind: _Patterns(group["pattern"].tolist()) for kind, group in table.groupby("kind")}


_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"})
#: Lines longer than this are never matched against the line patterns (all of them are short).
MAX_PATTERN_CHARS = 300


def _norm_line(line: str) -> str:
    line = line.strip()
    if not line.isascii():  # O(1) in CPython; curly quotes are rare and translate() is slow
        line = line.translate(_QUOTES)
    return _SPACES.sub(" ", line) if "  " in line or "\t" in line or "\n" in line else line


def is_boilerplate_line(line: str) -> bool:
    """True when a single line matches the boilerplate line-pattern table.

    Example:
        >>> is_boilerplate_line("Photo: Public Domain")
        True
        >>> is_boilerplate_line("Mattis refused to issue the waiver.")
        False
    """
    if len(line) > MAX_PATTERN_CHARS:
        return False
    return bool(_rules()["line"].search(_norm_line(line)))


_BYLINE = re.compile(r"^\s*(?:by|written by|story by|words by)\s*:?\s+(.{2,200})$", re.I)
_SEGMENTS = re.compile(r"\s+[-–—|•·/]\s+|\s*[|•·]\s*|,\s+|\s+and\s+|\s+&\s+")
_NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'’.-]*|of|the|de|van|von|da|del|la|le|bin|al|el|[A-Z]\.)$")
#: Words of a date or timestamp segment in a byline ("Mar 21,2017", "Last updated at 2 p.m.").
_DATE_WORDS = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|"
                         r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?|"
                         r"\b(?:last|updated|published|posted|at|on|[ap]\.?m\.?)(?=\W|$)|[\d\s,:/.-]")
#: Lines from the top and the bottom of an article searched for byline lines.
BYLINE_WINDOW = 6


def is_byline_line(line: str) -> bool:
    """True for a byline: "By" followed only by names, roles, agencies and timestamps.

    Example:
        >>> is_byline_line("By SETH BORENSTEIN"), is_byline_line("By Ann Lee - Mar 21,2017 - Last updated at Mar 21,2017")
        (True, True)
        >>> is_byline_line("By the end of the day, the bridge was shut.")
        False
    """
    m = _BYLINE.match(line.strip())
    if not m or len(line) > 200:
        return False
    for segment in _SEGMENTS.split(m.group(1).strip().rstrip(".")):
        segment = segment.strip()
        if not segment or _rules()["line"].search(segment) or not _DATE_WORDS.sub("", segment).strip():
            continue
        words = segment.split()
        if len(words) > 6 or not all(_NAME_TOKEN.match(w) for w in words):
            return False
    return True


def _promo_blocks(lines: list[str]) -> set[int]:
    """Indices of lines inside newsletter/consent blocks."""
    rules = _rules()
    drop: set[int] = set()
    content = [i for i, line in enumerate(lines) if line.strip()]
    for pos, i in enumerate(content):
        if i in drop or len(lines[i]) > MAX_CHROME_CHARS + 20:
            continue
        if not rules["promo_start"].search(_norm_line(lines[i])):
            continue
        end = None
        for j in content[pos: pos + MAX_PROMO_LINES]:
            text = lines[j].strip()
            if len(text) > 2 * MAX_CHROME_CHARS:
                break
            if rules["promo_end"].search(_norm_line(text)):
                end = j
        if end is not None:
            drop.update(j for j in content if i <= j <= end)
    return drop


def clean_lines(lines: list[str], extra: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Drop boilerplate lines from one article.

    Args:
        lines: The article's lines (paragraphs), in order.
        extra: Normalised lines known to be chrome for this outlet (from :func:`repeated_lines`).

    Returns:
        The kept lines, in order.

    Example:
        >>> clean_lines(["Flynn was fired.", "Related Topics", "Get More Trump Secrets in Your Inbox"])
        ['Flynn was fired.']
    """
    promo = _promo_blocks(lines)
    kept = []
    pattern = _rules()["line"]
    seen: set[str] = set()
    edge = {i for i in range(len(lines)) if i < BYLINE_WINDOW or i >= len(lines) - BYLINE_WINDOW}
    for i, line in enumerate(lines):
        if i in promo:
            continue
        if len(line) <= MAX_PATTERN_CHARS:
            norm = _norm_line(line)
            if not norm or pattern.search(norm) or (extra and norm.lower() in extra):
                continue
            if i in edge and is_byline_line(norm):
                continue
        key = line.strip().lower()  # lines arrive with white space already normalised
        if key.count(" ") >= 3:
            if key in seen:
                continue
            seen.add(key)
        kept.append(line)
    return kept


def repeated_lines(texts: Iterable[str], min_articles: int = 3, min_share: float = 0.05) -> frozenset[str]:
    """Short lines that recur in several articles of one outlet: site chrome.

    A line counts once per article, and identical texts (the same story loaded twice, a
    duplicated corpus row) count as one article. It is chrome when it is at most
    :data:`MAX_CHROME_CHARS` long, has at most 12 words, and appears in at least
    ``max(min_articles, min_share * n_articles)`` articles.

    Args:
        texts: The texts of one outlet's articles.
        min_articles: Fewest articles a line must appear in.
        min_share: Smallest share of the outlet's articles it must appear in.

    Returns:
        Lower-cased normalised lines to drop.

    Example:
        >>> texts = [f"Story {i} is here.\\nFollow the Gazette for more" for i in range(4)]
        >>> sorted(repeated_lines(texts))
        ['follow the gazette for more']
    """
    texts = list(dict.fromkeys(texts))  # an article loaded twice is one article, not a recurrence
    threshold = max(min_articles, min_share * len(texts))
    if len(texts) < min_articles:
        return frozenset()
    counts: Counter[str] = Counter()
    original: dict[str, str] = {}
    for text in texts:
        seen = {}
        for line in text.split("\n"):
            if len(line) > MAX_CHROME_CHARS + 20:
                continue
            norm = _norm_line(line)
            if norm and len(norm) <= MAX_CHROME_CHARS and norm.count(" ") < 12:
                seen.setdefault(norm.lower(), norm)
        counts.update(seen.keys())
        for key, norm in seen.items():
            original.setdefault(key, norm)
    return frozenset(key for key, n in counts.items()
                     if n >= threshold and not _NAME_LINE.match(original[key]))


#: A line that is only a capitalised name ("The Daily Beast", "Reuters"): a credit or byline
#: that carries meaning (it says who is credited), so repetition alone never removes it.
_NAME_LINE = re.compile(r"^(?:(?:the|of|and|for|de|la|el|by|in|&)\s+|[A-Z0-9][\w'&.-]*\s*){1,6}$")

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
from typing import Iterable

import pandas as pd

#: Longest line (characters) mechanisms 2 and 3 may remove.
MAX_CHROME_CHARS = 160
#: Most lines a promo block may span.
MAX_PROMO_LINES = 12


class _Patterns:
    """One kind's patterns: those anchored at the line start are tried once, at position 0
    (``match``); the few others are searched. Same result as one alternation, several times faster."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [p[1:] for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self._anchored = re.compile("|".join(f"(?:{p})" for p in anchored), re.I) if anchored else None
        self._floating = re.compile("|".join(f"(?:{p})" for p in floating), re.I) if floating else None

    def search(self, text: str) -> re.Match[str] | None:
        found = self._anchored.match(text) if self._anchored else None
        if found is None and self._floating is not None:
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
    line = line.strip().translate(_QUOTES)
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

    A line counts once per article. It is chrome when it is at most
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
    texts = list(texts)
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

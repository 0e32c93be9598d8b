"""Shared quotations: two articles quoting the same third source are not one taking from the other.

A passage is a *shared quotation* when most of its words (``min_quoted``, 0.6) lie inside quotation
marks on both sides and both articles attribute those sentences to the same source (a person, a
report, a statement), who is neither article's outlet. The attribution comes from the sourcing
columns of :func:`srcanalysis.sentences` (``source_name`` when present, else ``source``; anonymous
sources and bare pronouns never match, since "officials" in two stories need not be the same people).

Example:
    >>> t = 'Gov. Ann Reyes said: "We will rebuild every school that the flood destroyed this spring."'
    >>> quoted_share(t, 20, len(t))
    1.0
    >>> same_source(["Gov. Ann Reyes"], ["Reyes"], set())
    'Gov. Ann Reyes'
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Iterable

import numpy as np
import pandas as pd

from .text import token_spans

__all__ = ["quote_spans", "quoted_share", "same_source", "sentence_sources", "one_sentence"]

_MARKS = re.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]|\n\s*\n")
_OPENERS = "\"\u201c\u201e\u201f\u00ab"
_CLOSERS = "\"\u201d\u201c\u00bb"
#: Words that never identify a source by themselves: titles, determiners, pronouns, generic nouns.
_GENERIC = frozenset("""a an the this that these those he she they it we i you him her them his its their
mr mrs ms miss dr prof sir gov governor sen senator rep representative president minister mayor chief
secretary spokesman spokeswoman spokesperson official officials source sources aide aides person people
someone police lawyer lawyers attorney judge statement report study analysis letter said says""".split())
_ANONYMOUS = {"anonymous", "unattributed"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks (curly, straight, guillemets); a paragraph break closes one.

    Example:
        >>> t = 'He said “no” and left. She said "yes".'
        >>> [t[s:e] for s, e in quote_spans(t)]
        ['no', 'yes']
    """
    spans, open_at = [], None
    for m in _MARKS.finditer(text):
        ch = m.group()
        if ch.strip() == "":          # paragraph break
            if open_at is not None:
                spans.append((open_at, m.start()))
            open_at = None
        elif open_at is None and ch in _OPENERS:
            open_at = m.end()
        elif open_at is not None and ch in _CLOSERS:
            spans.append((open_at, m.start()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def quoted_share(text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None) -> float:
    """Share of the words of ``text[start:end]`` that lie inside quotation marks (0-1)."""
    spans = quote_spans(text) if spans is None else spans
    _, starts, _ = token_spans(text[start:end])
    if len(starts) == 0:
        return 0.0
    inside = np.zeros(len(starts), dtype=bool)
    pos = starts + start
    for s, e in spans:
        inside |= (pos >= s) & (pos < e)
    return float(inside.mean())


_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019')\]]*\s+[\"\u201c\u2018(\[]*[A-Z0-9]|\n\s*\n")

_LAST_WORD = re.compile(r"(?<![\w.])(?:[A-Za-z]\.)*[\w]+$")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Title abbreviations ("Gov", "Sen", "Dr"): the ``title`` rows of the package's ``rules/abbreviations.csv``."""
    table = pd.read_csv(files("srcanalysis").joinpath("rules/abbreviations.csv"), dtype=str)
    return frozenset(table.loc[table["kind"] == "title", "abbrev"].str.lower())


def _abbreviation(before: str) -> bool:
    """True when the word ending ``before`` is an initial ("U.S", "J") or a title abbreviation ("Gov")."""
    m = _LAST_WORD.search(before)
    if not m:
        return False
    word = m.group()
    return len(word) == 1 or "." in word or word.lower() in _titles()


def one_sentence(text: str) -> bool:
    """True when ``text`` holds no sentence break (a full stop, ``?`` or ``!`` before a capital, or a paragraph break).

    A full stop after a title of ``srcanalysis/rules/abbreviations.csv`` ("Gov.", "Sen.") or an
    initial ("U.S.", "J.") is an abbreviation, not a break.

    Example:
        >>> one_sentence('"We will rebuild," said Gov. Ann Lopez at a news conference in Dayton.')
        True
        >>> one_sentence('The vote was close. "We will rebuild," Lopez said.')
        False
        >>> one_sentence('The bond vote is in May. "We will rebuild," Lopez said.')
        False
    """
    t = text.strip()
    for m in _SENTENCE_BREAK.finditer(t):
        if t[m.start()] == "." and _abbreviation(t[max(0, m.start() - 20):m.start()]):
            continue
        return False
    return True


@lru_cache(maxsize=4096)
def _keys(name: str) -> frozenset[str]:
    words = re.findall(r"[\w'’.-]+", name)
    caps = {w.strip(".'’-").lower() for w in words if w[:1].isupper() and len(w.strip(".'’-")) >= 3}
    caps -= _GENERIC
    if caps:
        return frozenset(caps)
    rest = [w.lower() for w in words if w.lower() not in {"a", "an", "the", "this", "that", "his", "her", "their", "its"}]
    if not rest or all(w in _GENERIC - {"statement", "report", "study", "analysis", "letter"} for w in rest):
        return frozenset()
    return frozenset({" ".join(rest)})


def same_source(names_a: Iterable[str], names_b: Iterable[str], outlets: set[str]) -> str | None:
    """A source both lists name (by a shared surname/proper name, or the same document noun), or ``None``.

    ``outlets`` (lower-case) are excluded: an article naming its own outlet is no third source.
    """
    keys_b: dict[str, str] = {}
    for nb in names_b:
        for k in _keys(nb):
            keys_b.setdefault(k, nb)
    for na in names_a:
        for k in _keys(na):
            if k in keys_b and k not in outlets:
                return na.strip()  # the name as side a writes it ("Mike DeWine"), not the match key
    return None


def sentence_sources(sents: pd.DataFrame, start: int, end: int) -> list[str]:
    """Source names of the sentences overlapping ``[start, end)`` and the one after (an article's rows)."""
    if sents is None or sents.empty:
        return []
    hit = np.flatnonzero((sents["start"].to_numpy() < end) & (sents["end"].to_numpy() > start))
    if len(hit) == 0:
        return []
    rows = sents.iloc[list(range(hit[0], min(hit[-1] + 2, len(sents))))]
    col = "source_name" if "source_name" in rows else "source"
    names = rows[col].astype(object).where(rows[col].notna(), None)
    if col == "source_name":    # fall back to the span as written where no name was resolved
        names = names.where(names.astype(bool), rows["source"].astype(object))
    types = rows["source_type"].astype(str) if "source_type" in rows else pd.Series("", index=rows.index)
    return [str(n) for n, t in zip(names, types) if n is not None and str(n) and t not in _ANONYMOUS]

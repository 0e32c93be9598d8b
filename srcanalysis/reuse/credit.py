"""Credit: does the article that took a passage name where it came from?

The rules are data: ``rules/outlets.csv`` lists outlets and wire agencies with their names and short
forms ("AP", "The Associated Press"); ``rules/credit_formulas.csv`` lists the places and wordings
that make a credit ("WASHINGTON (AP) —" dateline, a closing "AP" line, "Reuters contributed to this
report", "according to AFP" next to the passage). A short form in capitals (``case=exact``) counts
only inside a formula or a byline/credit field, never as a bare word in the story.

Words that name an outlet without crediting the text (``where=not``: photo and video credits such
as "REUTERS/Jane Doe" or "(AP Photo/John Smith)", "More from Reuters" promos, "Related:" lines) are
blanked first, keeping offsets. An unnamed wire credit (``where=generic``: "With wires", "Wire
services contributed to this report") credits a wire agency, never another outlet.

Credit is looked for in four places:

* **byline**: the article's ``credit`` column (the wire agency of the byline) when present, and its
  ``author`` column;
* **dateline**: the start of one of the first three paragraphs;
* **closing**: one of the last three short lines (at most 25 words);
* **near**: ``credit_window`` characters before and after the passage.

Example:
    >>> text = "WASHINGTON (AP) — The Senate voted on Tuesday.\\n\\nMore details followed."
    >>> article_credits(text)
    {'Associated Press': 'WASHINGTON (AP) —'}
    >>> canonical("nytimes.com"), is_agency("Reuters"), is_agency("The Daily Beast")
    ('The New York Times', True, False)
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

import pandas as pd

__all__ = ["alias_table", "canonical", "is_agency", "article_credits", "credits_near", "credits_target",
           "generic_wire_credit", "not_credit_masked", "CLOSING_LINES", "MAX_CLOSING_WORDS"]

#: How many paragraphs at the start are searched for a dateline, and lines at the end for a credit.
DATELINE_PARAGRAPHS = 3
CLOSING_LINES = 3
_WORDS = re.compile(r"\w+")
_DATELINE_HINT = re.compile(r"[(\-\u2013\u2014]")
#: A closing credit line is short.
MAX_CLOSING_WORDS = 25


def _read(name: str) -> pd.DataFrame:
    table = pd.read_csv(files("srcanalysis.reuse").joinpath(f"rules/{name}"), dtype=str, keep_default_na=False)
    return table[~table.iloc[:, 0].str.startswith("#")].reset_index(drop=True)


@lru_cache(maxsize=None)
def alias_table() -> pd.DataFrame:
    """The outlet and agency names of ``rules/outlets.csv``: ``name``, ``alias``, ``kind``, ``case``.

    Example:
        >>> t = alias_table()
        >>> sorted(t.loc[t["name"] == "Agence France-Presse", "alias"])
        ['AFP', 'Agence France Presse', 'Agence France-Presse', 'afp.com']
    """
    return _read("outlets.csv")


@lru_cache(maxsize=None)
def _formulas() -> dict[str, list[str]]:
    table = _read("credit_formulas.csv")
    return {w: g["pattern"].tolist() for w, g in table.groupby("where", sort=False)}


@lru_cache(maxsize=None)
def _lookup() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    t = alias_table()
    exact = dict(zip(t["alias"], t["name"]))
    lower = {a.lower(): n for a, n, c in zip(t["alias"], t["name"], t["case"]) if c == "any"}
    lower.update({n.lower(): n for n in t["name"]})
    agencies = frozenset(t.loc[t["kind"] == "agency", "name"])
    return exact, lower, agencies


def canonical(outlet: object) -> str:
    """The table's name for an outlet as written (its own stripped string when not in the table).

    Example:
        >>> canonical("The Associated Press"), canonical("AP"), canonical(" Herald ")
        ('Associated Press', 'Associated Press', 'Herald')
    """
    s = "" if outlet is None or (isinstance(outlet, float) and pd.isna(outlet)) else str(outlet).strip()
    if not s:
        return ""
    exact, lower, _ = _lookup()
    bare = re.sub(r"^the\s+", "", s, flags=re.I)
    return exact.get(s) or lower.get(s.lower()) or lower.get(bare.lower()) or s


def is_agency(name: str) -> bool:
    """True when ``name`` (any form) is a wire agency of the table."""
    return canonical(name) in _lookup()[2]


def _alias_regex(any_case: list[str], exact: list[str]) -> str:
    def one(a: str) -> str:
        return r"\s+".join(re.escape(w) for w in a.split())
    alts = [one(a) for a in sorted(set(any_case), key=len, reverse=True) if a]
    alts += [f"(?-i:{one(a)})" for a in sorted(set(exact), key=len, reverse=True) if a]
    if not alts:
        return r"(?!x)x"
    return r"(?<!\w)(?P<alias>" + "|".join(alts) + r")(?!\w)"


@lru_cache(maxsize=4096)
def _aliases_of(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(any-case, exact-case) aliases of one outlet's canonical name, plus the name as written."""
    t = alias_table()
    rows = t[t["name"] == canonical(name)]
    any_case = [a for a, c in zip(rows["alias"], rows["case"]) if c == "any"]
    exact = [a for a, c in zip(rows["alias"], rows["case"]) if c == "exact"]
    written = str(name).strip()
    bare = re.sub(r"^the\s+", "", written, flags=re.I)
    if len(bare) >= 2 and written not in exact:
        any_case += [written, bare] if bare.lower() not in {"ap"} else []
    return tuple(any_case), tuple(exact)


@lru_cache(maxsize=4096)
def _patterns(where: str, target: str | None) -> tuple[re.Pattern, ...]:
    """Compiled formulas of one place, for every table name (``target=None``) or for one outlet."""
    if target is None:
        t = alias_table()
        names = _alias_regex(t.loc[t["case"] == "any", "alias"].tolist(), t.loc[t["case"] == "exact", "alias"].tolist())
    else:
        names = _alias_regex(*map(list, _aliases_of(target)))
    flags = re.I | re.M
    return tuple(re.compile(p.replace("{alias}", names), flags) for p in _formulas().get(where, []))


def _name_of(match: re.Match) -> str:
    return canonical(re.sub(r"\s+", " ", match.group("alias")))


def _search(where: str, chunks: list[str], target: str | None) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk in chunks:
        for pat in _patterns(where, target):
            for m in pat.finditer(chunk):
                found.setdefault(_name_of(m) if target is None else canonical(target), m.group(0).strip())
    return found


@lru_cache(maxsize=20000)
def not_credit_masked(text: str) -> str:
    """``text`` with the words that name an outlet without crediting it blanked (same length).

    The ``not`` formulas of ``rules/credit_formulas.csv``: photo and video credits, promo and
    related-link lines. Offsets stay valid.

    Example:
        >>> not_credit_masked("Vote held. REUTERS/Jane Doe").rstrip()
        'Vote held.'
    """
    pats = _patterns("not", None)
    if not text or not pats:
        return text
    spans = [m.span() for pat in pats for m in pat.finditer(text) if m.end() > m.start()]
    if not spans:
        return text
    chars = list(text)
    for s, e in spans:
        chars[s:e] = [c if c == "\n" else " " for c in text[s:e]]
    return "".join(chars)


def _dateline_chunks(text: str) -> list[str]:
    paras = [p for p in re.split(r"\n\s*\n|\n(?=\s{2,})", text[:3000]) if p.strip()]
    chunks = [p.strip()[:200] for p in paras[:DATELINE_PARAGRAPHS]]
    # every dateline formula has a bracket or a dash near the start: skip the regexes otherwise
    return [c for c in chunks if _DATELINE_HINT.search(c, 0, 120)]


def _closing_chunks(text: str) -> list[str]:
    lines = [ln.strip() for ln in text[-2000:].splitlines() if ln.strip()]
    out = []
    for ln in lines[-CLOSING_LINES:]:
        if len(ln.split()) <= MAX_CLOSING_WORDS:
            out.append(ln)
        else:   # a credit sentence closing a long paragraph
            last = re.split(r"(?<=[.!?])\s+", ln)[-1]
            if len(last.split()) <= MAX_CLOSING_WORDS:
                out.append(last)
    return out


@lru_cache(maxsize=20000)
def article_credits(text: str, byline: str = "", target: str | None = None) -> dict[str, str]:
    """Names an article credits in its byline, dateline and closing lines, with the words found.

    Args:
        text: Article text.
        byline: The article's ``credit`` and ``author`` fields, joined (may be empty).
        target: Look only for this outlet (any form, also names outside the table); ``None`` looks
            for every name of ``rules/outlets.csv``.

    Returns:
        Dict of canonical name → ``credit_text`` (the words that gave the credit); cached, do not
        change it.

    Example:
        >>> article_credits("The vote was close.\\nThe Associated Press contributed to this report.")
        {'Associated Press': 'The Associated Press contributed'}
        >>> article_credits("A story.", byline="By Ann Lee, Reuters")
        {'Reuters': 'Reuters'}
    """
    found: dict[str, str] = {}
    if byline:
        found.update(_search("byline", [byline], target))   # a byline names the text's authors: nothing to blank
    # a dateline formula needs "(AP)" or "AFP —" at a paragraph start, which no photo credit looks like
    for where, chunks in (("dateline", _dateline_chunks(text)), ("closing", _closing_chunks(not_credit_masked(text)))):
        for name, words in _search(where, chunks, target).items():
            found.setdefault(name, words)
    return found


@lru_cache(maxsize=4096)
def _names_pattern(target: str) -> re.Pattern:
    """Full names of ``target`` as proper names, matched anywhere near a passage.

    Written as in the table or in capitals, with or without a leading "the": "The Hill" names the
    outlet, "up the hill" does not.
    """
    forms = set()
    for alias in _aliases_of(target)[0]:
        bare = re.sub(r"^the\s+", "", alias, flags=re.I)
        if bare[:1].isupper() or "." in bare:
            forms.update({bare, bare.upper()})
    if not forms:
        return re.compile(r"(?!x)x")
    alts = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:(?i:the)\s+)?(?:" + alts + r")(?!\w)")


def _blank_copied(chunk: str, start: int, end: int, copied: str) -> str:
    """``chunk`` with the words of ``chunk[start:end]`` that ``copied`` also holds blanked (same length)."""
    words = {w.casefold() for w in _WORDS.findall(copied)}
    inner = _WORDS.sub(lambda m: " " * len(m.group()) if m.group().casefold() in words else m.group(),
                       chunk[start:end])
    return chunk[:start] + inner + chunk[end:]


def _near_match(chunk: str, target: str, names: bool = True) -> re.Match | None:
    m = _names_pattern(target).search(chunk) if names else None
    if m:
        return m
    for pat in _patterns("near", target):
        m = pat.search(chunk)
        if m:
            return m
    return None


def credits_near(text: str, start: int, end: int, target: str, window: int, copied: str = "") -> str | None:
    """The words naming ``target`` within ``window`` characters of ``text[start:end]``, or ``None``.

    Full names match anywhere in the window; short forms ("AP") only inside a formula ("(AP)",
    "according to AP"). ``copied`` is the source's text of the passage: the words of the passage
    it also holds are the story's, not the taker's, and never credit ("a draft obtained by The
    Associated Press" copied from the agency is no credit line). Inside the passage only a credit
    formula ("(AP)", "according to AP") the taker added counts, never a bare name.

    Example:
        >>> t = "Officials said the bridge would close. (AP)"
        >>> credits_near(t, 0, 38, "Associated Press", 100), credits_near(t, 0, 38, "Reuters", 100)
        ('(AP)', None)
        >>> t = "A draft obtained by The Associated Press shows the cuts."
        >>> credits_near(t, 0, len(t), "Associated Press", 100, copied=t) is None
        True
    """
    if not canonical(target):
        return None
    lo, hi = max(0, start - window), min(len(text), end + window)
    chunk = not_credit_masked(text)[lo:hi]
    m = _near_match(chunk, target)
    if m and copied and m.start() < end - lo and m.end() > start - lo:   # inside the passage: the taker's words?
        s, e = start - lo, end - lo
        # around the passage any credit counts; inside it only a formula of words the source lacks
        m = (_near_match(chunk[:s] + " " * (e - s) + chunk[e:], target)
             or _near_match(_blank_copied(chunk, s, e, copied), target, names=False))
    return m.group(0).strip() if m else None


def credits_target(text: str, start: int, end: int, target: str, window: int,
                   article_level: dict[str, str], byline: str = "", copied: str = "") -> str | None:
    """``credit_text`` when an article credits ``target`` anywhere it may (byline, dateline, closing, near).

    ``copied``: the source's text of the passage (see :func:`credits_near`).

    Example:
        >>> credits_target("Text of the story.\\n\\nThe Daily Beast", 0, 18, "The Daily Beast", 0, {})
        'The Daily Beast'
    """
    name = canonical(target)
    if not name:
        return None
    if name in article_level:
        return article_level[name]
    near = credits_near(text, start, end, target, window, copied)
    if near:
        return near
    found = article_credits(text, byline, target=target)
    if found:
        return next(iter(found.values()))
    return generic_wire_credit(text, start, end, window, byline) if name in _lookup()[2] else None


def generic_wire_credit(text: str, start: int, end: int, window: int, byline: str = "") -> str | None:
    """Words of an unnamed wire credit ("With wires") in the byline or closing lines, or bracketed near a passage.

    Such a credit names no agency: callers use it only when the passage's source is a wire agency.

    Example:
        >>> generic_wire_credit("The vote was close.\\n\\n- With wires", 0, 19, 0)
        'With wires'
        >>> generic_wire_credit("The vote was close.", 0, 19, 0) is None
        True
    """
    masked = not_credit_masked(text)
    lo, hi = max(0, start - window), min(len(text), end + window)
    # unbracketed "from agencies" may be story text ("funding from agencies"): only in a byline or closing line
    for where, chunks in (("generic", [byline] * bool(byline) + _closing_chunks(masked)), ("generic_near", [masked[lo:hi]])):
        for chunk in chunks:
            for pat in _patterns(where, None):
                m = pat.search(chunk)
                if m:
                    return m.group(0).strip(" \t-\u2013\u2014")
    return None

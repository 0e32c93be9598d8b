"""One saved or downloaded news web page: main text, metadata, and whether it is an article at all.

The main text comes from trafilatura (``favor_precision``; its fast path first, the full path with
its fallback extractors when the fast path finds less than :data:`MIN_FAST_CHARS`). This choice was
measured on 150 real pages (``bench/eval_loading.py``): ``favor_precision`` gave the best token F1
and the fewest pages with boilerplate left among trafilatura's own options.

Metadata is read from the page's own markup, with rule tables kept as data in ``rules/``:

* ``page_meta.csv``: which ``<meta>`` names give the publication date, author, site name, language
  and page type; JSON-LD (``datePublished``, ``author``, ``publisher``) is read too;
* ``author_rejects.csv``: UI strings and labels that are never an author ("Sign In", "Staff");
* ``wire_agencies.csv``: wire bylines ("AP", "Reuters"), exposed as ``credit``: words matched in
  any case, acronyms ("AP", "AFP") only in capitals;
* ``outlets.csv``: outlet names by domain, used when the page names no site;
* ``outlet_words.csv``: newspaper words ("Gazette", "Times") and section words ("Local", "Politics")
  by which a saved page without URL or site name gets its outlet from its ``<title>``;
* ``date_order.csv``: day/month order by language and country domain.

The publication date is never taken from a copyright line, a footer or a number in the body: only
from page metadata, the URL, a byline line at the top of the text, or a visible date line between
the headline and the body (an element whose class names a date: ``date_class`` rows of
``page_meta.csv``; never an "Updated" part) (``published_from`` says which). An ambiguous numeric
date (04/07/2017) is resolved from the page's language, its other dates or its domain, or left
NaT with the reason recorded.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable
from urllib.parse import urlsplit

import pandas as pd

__all__ = ["Page", "extract_page", "page_domain", "registered_domain", "clean_author", "wire_credit",
           "resolve_numeric_date"]

#: Fewest characters trafilatura's fast path must find before its slower fallbacks are skipped.
MIN_FAST_CHARS = 1500


@dataclass
class Page:
    """What one HTML page yields.

    Attributes:
        text: Main text, one paragraph per line (empty when none was found).
        title, outlet, author, credit, url: Metadata strings ('' when unknown).
        published: Publication date (NaT when unknown); ``published_from`` says where it came from:
            ``page metadata``, ``url``, ``byline``, ``date line`` (a visible date element under the
            headline) or ``none``.
        outlet_from: Where ``outlet`` came from: ``site name``, ``domain table``, ``domain``,
            ``page title`` (a saved page without URL) or '' when unknown.
        page_type: ``article``, ``listing`` or ``video``.
        notes: Reasons worth reporting (ambiguous date left empty, non-article evidence).
        domain: Host of the page's URL without ``www.``.
        lang: The language the page declares (``<html lang>``, a language meta tag), '' when none.
    """

    text: str = ""
    title: str = ""
    outlet: str = ""
    author: str = ""
    credit: str = ""
    url: str = ""
    published: Any = pd.NaT
    published_from: str = "none"
    page_type: str = "article"
    domain: str = ""
    outlet_from: str = ""
    notes: list[str] = field(default_factory=list)
    lang: str = ""


# --------------------------------------------------------------------------- rule tables

def _table(name: str) -> pd.DataFrame:
    return pd.read_csv(files("srcanalysis").joinpath(f"rules/{name}"), dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def _meta_names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rec in _table("page_meta.csv").itertuples():
        out.setdefault(rec.field, []).append(rec.name.lower())
    return out


@lru_cache(maxsize=1)
def _agencies() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for r in _table("wire_agencies.csv").itertuples():
        parts = [rf"(?i:\b(?:{r.words})\b)"] if r.words else []
        parts += [rf"\b(?:{r.acronyms})\b"] if r.acronyms else []
        out.append((r.agency, re.compile("|".join(parts))))
    return out


@lru_cache(maxsize=1)
def _author_rejects() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _table("author_rejects.csv")["pattern"]), re.I)


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    table = _table("outlets.csv")
    return dict(zip(table["domain"].str.lower(), table["outlet"]))


@lru_cache(maxsize=1)
def _date_orders() -> dict[str, str]:
    table = _table("date_order.csv")
    return dict(zip(table["key"].str.lower(), table["order"]))


# --------------------------------------------------------------------------- domains and outlets

def page_domain(url: str) -> str:
    """Host of a URL, lower-cased, without ``www.``; Wayback snapshots give the archived host.

    Example:
        >>> page_domain("https://web.archive.org/web/2017/http://www.latimes.com/x")
        'latimes.com'
    """
    m = re.match(r"https?://[\w.-]*archive\.org/web/[^/]+/(https?://.*)", url or "")
    if m:
        url = m.group(1)
    host = urlsplit(url or "").netloc.lower().split("@")[-1].split(":")[0]
    return host[4:] if host.startswith("www.") else host


_TWO_LEVEL = re.compile(r"^(co|com|net|org|gov|ac|edu|nic|ne|or|go)\.[a-z]{2}$")


def registered_domain(host: str) -> str:
    """The registrable part of a host (``gadgets.ndtv.com`` → ``ndtv.com``, ``abc.net.au`` kept).

    Example:
        >>> registered_domain("www.news.bbc.co.uk"), registered_domain("abcnews.go.com")
        ('bbc.co.uk', 'go.com')
    """
    parts = host.lower().strip(".").split(".")
    if len(parts) >= 3 and _TWO_LEVEL.match(".".join(parts[-2:])):
        return ".".join(parts[-3:])
    return ".".join(parts[-2:])


def outlet_for_domain(host: str) -> str:
    """Outlet name from ``rules/outlets.csv`` for a host or any of its parent domains, else ''.

    Example:
        >>> outlet_for_domain("www.abc.net.au"), outlet_for_domain("abcnews.go.com")
        ('ABC News (Australia)', 'ABC News')
    """
    table = _outlet_table()
    parts = host.lower().removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return ""


# --------------------------------------------------------------------------- authors and credits

_TAGLINE = re.compile(r"\bcontributed\b|\b(?:reporting|writing|editing) by\b|^[-—–]\s*\w|^\(?(?:source|via|credit)\s*:", re.I)
#: Job titles and profile links that trail a byline ("AP Sports Writer", "Staff Writer", "Twitter").
_ROLES = re.compile(r"(?i:\b(?:(?:ap|afp|upi|senior|chief|staff|sports|political|special|contributing|business|"
                    r"science|technology|tech|health|foreign|national|white house|washington|senior staff|syndicated)\s+)*"
                    r"(?:writer|reporter|correspondent|editor|columnist|contributor|producer|photographer)s?\b"
                    r"|\b(?:twitter|facebook|instagram|linkedin|email|e-mail|bio|profile|tweet|btn|follow)\b"
                    r"|\babout (?:the )?authors?\b)")
_GLUED_ROLE = re.compile(r"([a-z])((?:Staff|Senior|Sports|Chief|Syndicated)?\s?(?:Writer|Reporter|Correspondent|Editor|Columnist))")
#: A dateline with a wire credit opening the text: "LONDON (Reuters) -", "WASHINGTON (AP) —".
_DATELINE = re.compile(r"^[A-Z][\w .,'’/-]{1,50}?\s*\(([A-Za-z .-]{2,40})\)\s*[-–—:]")
_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
_BY = re.compile(r"^\s*(by|written by|story by|words by|from)\s*[:\-]?\s+", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|[A-Z]\.|van|von|de|del|da|bin|al|el|la|le)$")


def wire_credit(text: str) -> str:
    """The wire agency a byline or credit line names, else ''.

    Example:
        >>> wire_credit("By JOHN SMITH, Associated Press"), wire_credit("Reuters staff"), wire_credit("Apple")
        ('Associated Press', 'Reuters', '')
    """
    for agency, pattern in _agencies():
        if pattern.search(text or ""):
            return agency
    return ""


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    return {_squash(name): name for name in _outlet_table().values()}


def _outlet_name(text: str) -> str:
    """The outlet a byline part names ("USA Today" on a syndicated page), else ''."""
    squashed = _squash(text)
    return _outlet_names().get(squashed) or _outlet_names().get(_squash(re.sub(r"(?i)^the\s+", "", text)), "")


def _split_trailing_outlet(part: str) -> tuple[str, str]:
    """``("Jane Roe", "The New York Times")`` for "Jane Roe New York Times"; unchanged otherwise."""
    low = part.lower()
    for form, name in _outlet_forms():
        if low.endswith(" " + form) and len(low) > len(form) + 3:
            return part[: len(part) - len(form)].strip(" ,-|"), name
    return part, ""


@lru_cache(maxsize=1)
def _outlet_forms() -> list[tuple[str, str]]:
    """Lower-cased outlet names from ``rules/outlets.csv``, with and without a leading "The"."""
    return [(form, name) for name in set(_outlet_table().values())
            for form in {name.lower(), re.sub(r"(?i)^the\s+", "", name).lower()}]


def _person(name: str) -> bool:
    """True when ``name`` reads as a person's name: 2 to 5 name words, no UI vocabulary."""
    words = name.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or _author_rejects().search(name) or words[0].lower() in ("the", "a", "an"):
        return False
    return all(_NAME_WORD.match(w) for w in words) and sum(w[:1].isupper() for w in words) >= 2


def clean_author(raw: str, site_names: tuple[str, ...] = ()) -> tuple[str, str]:
    """Author and wire credit from a raw byline: ``(author, credit)``.

    The author is one or more people's names (joined by ``; ``) or a wire agency, else ''. UI
    strings ("Sign In"), desk labels ("Staff"), the site's own name or domain and anything with
    digits, URLs or handles are rejected (``rules/author_rejects.csv``).

    Example:
        >>> clean_author("By Jane Doe and Omar Ali | AP")
        ('Jane Doe; Omar Ali', 'Associated Press')
        >>> clean_author("Sign In"), clean_author("FoxNews com", ("Fox News",))
        (('', ''), ('', ''))
        >>> clean_author("Reuters")
        ('Reuters', 'Reuters')
    """
    raw = re.sub(r"\s+", " ", raw or "").strip()
    if not raw or len(raw) > 200 or _COPYRIGHT.search(raw):  # a copyright notice is not a byline
        return "", ""
    credit = wire_credit(raw)
    wire = credit
    squashed = {re.sub(r"\W+", "", s.lower()) for s in site_names if s}
    people = []
    raw = _ROLES.sub(" ", _GLUED_ROLE.sub(r"\1 \2", raw))
    for part in re.split(r"\s*(?:;|\||,| and | & |\bwith\b)\s*", _BY.sub("", raw)):
        part = _BY.sub("", part).strip(" .-–—")
        if not part or wire_credit(part) or re.sub(r"\W+", "", part.lower()) in squashed:
            continue
        if any(s and s in re.sub(r"\W+", "", part.lower()) for s in squashed):
            continue
        if _outlet_name(part):
            credit = credit or _outlet_name(part)
            continue
        part, trailing = _split_trailing_outlet(part)
        credit = credit or trailing
        if _person(part.title() if part.isupper() else part):
            people.append(part.title() if part.isupper() else part)
    if people:
        return "; ".join(dict.fromkeys(people)), credit
    return (wire, wire) if wire else ("", credit)


# --------------------------------------------------------------------------- dates

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for m in names}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b")
_WRITTEN = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+((?:19|20)\d{{2}})"
                      rf"|({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s*((?:19|20)\d{{2}}))\b", re.I)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d]|$)")
_NOT_PUBLISHED = re.compile(r"©|\bcopyright\b|\ball rights reserved\b|\bupdated\b|\bmodified\b", re.I)
_BYLINE_HINT = re.compile(r"\b(by|published|posted|first published|on)\b|^\W*(?:\w+\W+){0,3}\d", re.I)


def _order_for(lang: str, domain: str, other_orders: set[str]) -> tuple[str, str]:
    """Day/month order from the page's language, its other dates, then its domain: ``(order, why)``."""
    orders = _date_orders()
    lang = lang.lower().replace("_", "-")
    for key in (f"lang:{lang}", f"lang:{lang.split('-')[0]}" if "-" not in lang else ""):
        if key and orders.get(key):
            return orders[key], f"page language {lang}"
    if len(other_orders) == 1:
        return next(iter(other_orders)), "other dates on the page"
    tld = domain.rsplit(".", 1)[-1] if domain else ""
    if orders.get(f"tld:{tld}"):
        return orders[f"tld:{tld}"], f"domain .{tld}"
    return "", ""


def resolve_numeric_date(day_or_month: int, month_or_day: int, year: int, order: str) -> pd.Timestamp:
    """A numeric date in the given order (``dmy`` or ``mdy``); NaT when impossible.

    Example:
        >>> resolve_numeric_date(4, 7, 2017, "dmy"), resolve_numeric_date(4, 7, 2017, "mdy")
        (Timestamp('2017-07-04 00:00:00'), Timestamp('2017-04-07 00:00:00'))
    """
    day, month = (day_or_month, month_or_day) if order == "dmy" else (month_or_day, day_or_month)
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return pd.NaT


def _numeric_orders(text: str) -> set[str]:
    """Orders proven by unambiguous numeric dates in ``text`` (a field above 12)."""
    found = set()
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b >= 1:
            found.add("dmy")
        elif b > 12 >= a >= 1:
            found.add("mdy")
    return found


def _parse_value(value: str, lang: str, domain: str, page_text: str, notes: list[str]) -> pd.Timestamp:
    """Parse one date value: ISO and written dates directly, numeric ones by the page's conventions."""
    from .loading import parse_date

    value = value.strip()
    m = _NUMERIC.search(value)
    if m and not _ISO.search(value):
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        year += 2000 if year < 100 else 0
        if a > 12 or b > 12 or a == b:
            return resolve_numeric_date(a, b, year, "dmy" if a > 12 or a == b else "mdy")
        order, why = _order_for(lang, domain, _numeric_orders(page_text))
        if not order:
            notes.append(f"published left empty: {m.group(0)} could be day/month or month/day and the page "
                         "gives no language, other dates or country domain to tell")
            return pd.NaT
        notes.append(f"{m.group(0)} read as {'day/month' if order == 'dmy' else 'month/day'} ({why})")
        return resolve_numeric_date(a, b, year, order)
    return parse_date(value)


def _written_date(line: str) -> pd.Timestamp:
    m = _WRITTEN.search(line)
    if not m:
        return pd.NaT
    if m.group(1):
        day, month, year = int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3))
    else:
        month, day, year = _MONTHS[m.group(4).lower()], int(m.group(5)), int(m.group(6))
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return pd.NaT


def _byline_date(lines: list[str], lang: str, domain: str, notes: list[str]) -> pd.Timestamp:
    """A date on a short byline/dateline line among the first lines of the text (never a © line)."""
    for line in lines[:6]:
        if len(line) > 160 or _NOT_PUBLISHED.search(line) or not _BYLINE_HINT.search(line):
            continue
        ts = _written_date(line)
        if pd.isna(ts) and (_NUMERIC.search(line) or _ISO.search(line)):
            ts = _parse_value((_ISO.search(line) or _NUMERIC.search(line)).group(0), lang, domain,
                              "\n".join(lines), notes)
        if not pd.isna(ts):
            return ts
    return pd.NaT


#: Where an "Updated ..." part starts on a date line ("Published March 4, 2024 | Updated March 5").
_UPDATED_PART = re.compile(r"\b(?:last\s+)?(?:updated|modified|edited)\b", re.I)
#: Words a date line may carry besides its date ("Published", "Posted on", a weekday, a clock time).
_DATE_LINE_WORDS = re.compile(r"(?i)\b(?:published|posted|first|on|at|date|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                              r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|[ap]\.?m\.?|utc|gmt|(?-i:[A-Z]{1,3}[SD]T))\b"
                              r"|\d{1,2}[:.]\d{2}|[^\w\s]")

#: A short byline a date line may carry ("Posted By Ann Lee on ...").
_DATE_LINE_BYLINE = re.compile(r"\b[Bb]y\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")


def _parse_line_date(text: str, lang: str, domain: str, page_text: str, notes: list[str]) -> pd.Timestamp:
    """The date of a visible date line when the line is only a date (with "Published", a weekday or
    a time); the part after "Updated" is cut; NaT for anything else (a copyright line, a sentence)."""
    text = _UPDATED_PART.split(" ".join(text.split()), maxsplit=1)[0]
    if not text or len(text) > 80 or _COPYRIGHT.search(text):
        return pd.NaT
    m = _WRITTEN.search(text) or _ISO.search(text) or _NUMERIC.search(text)
    rest = _DATE_LINE_BYLINE.sub(" ", text[:m.start()] + " " + text[m.end():]) if m else ""
    if not m or _DATE_LINE_WORDS.sub(" ", rest).split():
        return pd.NaT
    ts = _written_date(m.group(0))
    return ts if not pd.isna(ts) else _parse_value(m.group(0), lang, domain, page_text, notes)


#: Candidates for a visible date line: elements with a class or id, and ``<time>`` without datetime,
#: after the headline or beside it (a "today's date" in the site header comes before it), outside
#: footers, navigation, asides and links (a teaser card's date is another story's).
_DATE_LINE_XPATH = ("(following::* | ../descendant::*)[@class or @id or self::time[not(@datetime)] or self::p]"
                    "[not(ancestor-or-self::footer or ancestor::nav or ancestor::aside or ancestor-or-self::a"
                    " or ancestor::header[not(ancestor::article)])]")
#: A ``<p>`` of this many words is prose: the date line search stops there.
_PROSE_WORDS = 15
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted)\b", re.I)


def _class_words(el: Any) -> set[str]:
    """Lower-cased words of an element's class and id ("article-date" -> article, date)."""
    value = f"{el.get('class') or ''} {el.get('id') or ''}"
    value = re.sub(r"([a-z])([A-Z])", r"\1 \2", value)
    return set(re.split(r"[\W_]+", value.lower())) - {""}


def _date_line_texts(tree: Any, limit: int = 3) -> list[str]:
    """Texts of the first visible date lines between the headline ``<h1>`` and the first body
    paragraph (document order; a line saying "Published" or "Posted" first, then lines named as
    dates): an element whose class or id names a date ("date", "date-line", "pubdate",
    "timestamp": ``date_class`` rows of ``rules/page_meta.csv``), a ``<time>`` without datetime,
    or a short ``<p>`` with a written date (whether it is only a date is checked by the caller);
    not inside an element whose class names an update, a related-stories box or comments
    (``not_date_class`` rows). Without an ``<h1>`` the search starts at the top of the page's
    ``<article>``; empty when it has neither."""
    names = _meta_names()
    wanted, unwanted = set(names.get("date_class", [])), set(names.get("not_date_class", []))
    anchor = next((h for h in _xpath(_HEADLINE_H1)(tree) if h.text_content().strip()), None)
    if anchor is None:  # no <h1>: the top of the page's <article>
        anchor = next(iter(_xpath("//article[1]/*[1]")(tree)), None)
    found: list[tuple[bool, bool, str]] = []
    for el in (_xpath(_DATE_LINE_XPATH)(anchor) if anchor is not None else []):
        text = " ".join(el.text_content().split())
        if len(found) >= limit or (el.tag == "p" and len(text.split()) >= _PROSE_WORDS):
            break  # the body has begun: later dates belong to the story or to other stories
        words = _class_words(el)
        named = bool(words & wanted) or (el.tag == "time" and not el.get("datetime"))
        plain = el.tag == "p" and len(text) <= 60 and bool(_WRITTEN.search(text) or _ISO.search(text))
        if not (named or plain) or words & unwanted or any(_class_words(a) & unwanted for a in el.iterancestors()):
            continue
        if text and len(text) <= 120 and text not in (f[2] for f in found):
            found.append((not _PUBLISHED_WORD.search(text), not named, text))
    return [text for *_, text in sorted(found, key=lambda f: f[:2])]


# --------------------------------------------------------------------------- page markup

def _metas(tree: Any) -> dict[str, str]:
    """First value of each ``<meta>`` name/property/itemprop/http-equiv, lower-cased keys."""
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
        value = el.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), value.strip())
    for el in tree.xpath("//*[@itemprop='datePublished'][@datetime]"):
        out.setdefault("datepublished", el.get("datetime"))
    return out


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    """JSON-LD objects of the page (``@graph`` flattened); malformed blocks are ignored."""
    out: list[dict[str, Any]] = []
    for el in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(el.text or "")
        except (ValueError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return out


def _ld_types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type", "")
    return {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "report", "liveblogposting"}
_LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage"}


def _page_url(tree: Any, metas: dict[str, str], hint: str) -> str:
    if re.match(r"https?://", hint or ""):
        return hint
    for where in (lambda: [metas.get("og:url")], lambda: tree.xpath("//link[@rel='canonical']/@href")[:1],
                  lambda: tree.xpath("//base/@href")[:1]):  # each looked up only when needed
        for value in where():
            if value and re.match(r"https?://", value.strip()):
                return value.strip()
    return ""


#: The first ``<time datetime>`` of the article's header or byline block; never one in a footer,
#: an aside, navigation, comments or a related-stories box.
_HEADER_TIME = ("//time[@datetime][ancestor::article or ancestor::header or ancestor::*[contains(@class,'byline') "
                "or contains(@class,'meta') or contains(@class,'dateline')]][not(ancestor::footer or ancestor::aside "
                "or ancestor::nav or ancestor::*[contains(@class,'related') or contains(@class,'comment') "
                "or contains(@class,'footer') or contains(@class,'sidebar')])]")
_XML_PROLOG = re.compile(r"^\s*<\?xml[^>]*\?>")
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^ >]+?)\s*-->", re.I)


# --------------------------------------------------------------------------- not an article

#: A teaser card: a heading whose text is a link (section fronts have many).
MIN_TEASERS = 4
#: Words a paragraph needs to count as body text when telling articles from listings.
BODY_PARAGRAPH_WORDS = 40
#: Longest text (characters) of a teaser card's container; longer containers are page sections.
MAX_CARD_CHARS = 1000
#: Share of the extracted words that must be teaser cards for a page to be a listing.
TEASER_SHARE = 0.5


def _link_texts(tree: Any) -> set[str]:
    """Normalised texts of the page's links with 3+ words (teaser headlines among them)."""
    out = set()
    for a in tree.iter("a"):
        words = " ".join(a.text_content().split()).lower()
        if words.count(" ") >= 2:
            out.add(words)
    return out


def _cards(tree: Any) -> list[str]:
    """Texts of teaser cards: the containers of headings whose text is a link (normalised, lower-case)."""
    out = []
    for heading in _xpath("//*[self::h1 or self::h2 or self::h3 or self::h4][.//a[@href]]"
                                "[string-length(normalize-space(.)) > 15]")(tree):
        parent = heading.getparent()
        text = " ".join((parent if parent is not None else heading).text_content().split()).lower()
        if len(text) <= MAX_CARD_CHARS:
            out.append(text)
    return out


def _page_kind(metas: dict[str, str], ld: list[dict[str, Any]], tree: Any, text: str) -> tuple[str, str]:
    """``("article"|"listing"|"video", reason)`` from the markup and the extracted text.

    A listing (section front, tag or search page) is a page that does not call itself an
    article and whose extracted text is mostly teaser cards: at least :data:`MIN_TEASERS`
    linked headlines or cards (a linked headline's container), whose lines make up at least
    :data:`TEASER_SHARE` of the words. A page that calls itself an article (some sites tag every
    page so) is a listing only when twice as many cards make up 80 % of its words and it has no
    body paragraph.
    """
    og_type = metas.get("og:type", "").lower()
    types = set().union(*(_ld_types(i) for i in ld)) if ld else set()
    says_article = og_type == "article" or bool(types & _ARTICLE_TYPES)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    paragraphs = [p for p in lines if len(p.split()) >= BODY_PARAGRAPH_WORDS]
    if says_article and paragraphs:  # neither listing test can pass: the teaser cards need not be read
        return _video_kind(og_type, types, paragraphs, len(text.split()))
    links, cards = _link_texts(tree), _cards(tree)
    norm = [" ".join(line.split()).lower() for line in lines]
    linked = sum(1 for line in norm if line in links)
    in_cards = [next((i for i, card in enumerate(cards) if line in card), None) for line in norm] if cards else []
    card_lines = sum(1 for i in in_cards if i is not None)
    card_words = sum(len(line.split()) for line, i in zip(norm, in_cards) if i is not None)
    n_cards = len({i for i in in_cards if i is not None})
    words = len(text.split())
    teaser_words = sum(len(line.split()) for line, i in zip(norm, in_cards or [None] * len(norm))
                       if i is not None or line in links)
    teasers = max(linked, n_cards)
    mostly_teasers = teasers >= MIN_TEASERS and teaser_words >= TEASER_SHARE * words
    # some sites tag every page og:type=article: then only an all-teaser page with no body counts
    all_teasers = teasers >= 2 * MIN_TEASERS and teaser_words >= 0.8 * words and not paragraphs
    if (not says_article and (mostly_teasers or types & _LISTING_TYPES)) or all_teasers:
        return "listing", (f"listing or section page: {max(linked, card_lines)} of {len(lines)} text lines "
                           f"are teaser cards (linked headlines or their blurbs) from {n_cards} cards; "
                           f"{len(paragraphs)} body paragraph(s) of {BODY_PARAGRAPH_WORDS}+ words")
    return _video_kind(og_type, types, paragraphs, words)


def _video_kind(og_type: str, types: set[str], paragraphs: list[str], words: int) -> tuple[str, str]:
    """``("video", reason)`` for a video page with little text, else ``("article", "")``."""
    videos = og_type.startswith("video") or "videoobject" in types
    if videos and not paragraphs and words < 80:
        return "video", f"video page: og:type {og_type or 'VideoObject'} and only {words} words of text"
    return "article", ""


# --------------------------------------------------------------------------- extraction

def _trafilatura_text(tree: Any, url: str | None) -> str:
    """Main text: trafilatura ``favor_precision`` (fast path); when that finds less than
    :data:`MIN_FAST_CHARS`, ``favor_recall`` with its fallback extractors, whichever is longer.

    Both calls get the parsed tree (trafilatura works on its own copy), so a page is parsed once;
    the second call's text is the same as from the page's source (checked on the 150 pages of
    ``bench/eval_loading.py``)."""
    import trafilatura

    opts = {"url": url, "include_comments": False, "include_tables": False}
    doc = trafilatura.bare_extraction(tree, fast=True, favor_precision=True, **opts)
    text = (doc.text if doc is not None else "") or ""
    if len(text.strip()) < MIN_FAST_CHARS:
        full = trafilatura.bare_extraction(tree, favor_recall=True, **opts)
        if full is not None and len(full.text or "") > len(text):
            text = full.text or ""
    return text


def _trafilatura_author(tree: Any) -> str:
    """Byline found by trafilatura's author XPaths (on a copy of the tree), '' when none."""
    from trafilatura.metadata import extract_author

    return extract_author(tree) or ""


_TITLE_SPLIT = re.compile(r"\s+[|–—·:-]\s+|\s*[：|]\s*|\s+-\s*$")
_TAG = re.compile(r"<[^>]{1,200}>")
#: ``<h1>`` elements that can be the headline: not in the site header, navigation, footer or an aside.
_HEADLINE_H1 = "//h1[not(ancestor::header[not(ancestor::article)] or ancestor::nav or ancestor::footer or ancestor::aside)]"


def _title(tree: Any, metas: dict[str, str], articles: list[dict[str, Any]], site_names: list[str],
           domain: str = "") -> str:
    """Headline: the page's own ``<h1>`` (4+ words, outside the site header and navigation, not
    naming the site), else og/twitter title,
    JSON-LD headline, then ``<title>``; a part naming the site (" | Site name") is cut.

    The visible ``<h1>`` comes first because metadata titles are often rewritten for search and
    social media (measured on the 150 dev pages of ``bench/eval_loading.py``).
    """
    sites = {_squash(s) for s in site_names if s}
    h1 = next((t for t in (" ".join(h.text_content().split()) for h in _xpath(_HEADLINE_H1)(tree))
               if len(t.split()) >= 4 and not _COPYRIGHT.search(t)
               and not any(site and site in _squash(t) for site in sites | {_squash(domain)})), "")
    candidates = [h1, metas.get("og:title", ""), metas.get("twitter:title", ""),
                  *(str(i.get("headline") or "") for i in articles), (tree.findtext(".//title") or "")]
    for title in candidates:
        title = " ".join(_TAG.sub("", title or "").split())
        if not title:
            continue
        parts = _TITLE_SPLIT.split(title)
        if len(parts) > 1:
            kept = [p for p in parts if _squash(p) not in sites and not (domain and _site_name_fits(p, domain, ""))]
            title = " - ".join(kept) if kept and len(kept) < len(parts) else title
        if title:
            return title
    return ""


def _first_h1(tree: Any) -> str:
    """Text of the page's first headline ``<h1>`` (outside the site header), '' when none."""
    return next((t for t in (" ".join(h.text_content().split()) for h in _xpath(_HEADLINE_H1)(tree)) if t), "")


@lru_cache(maxsize=1)
def _html_parser() -> Any:
    """lxml's HTML parser without comments and processing instructions, as trafilatura parses a page
    itself: given a tree that keeps them, trafilatura's fast path drops the text after a comment
    inside a paragraph (a real page lost half its paragraphs so). Smaller trees are faster too."""
    from lxml import html as lxml_html

    return lxml_html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)


@lru_cache(maxsize=None)
def _xpath(expression: str) -> Any:
    """A compiled XPath (lxml), compiled once per process."""
    from lxml.etree import XPath

    return XPath(expression)


def _byline_elements(tree: Any) -> list[str]:
    """Texts of byline markup: ``rel=author``, ``itemprop=author``, classes naming a byline."""
    found = _xpath("/descendant::*[@rel='author' or @itemprop='author' or contains(@class,'byline')"
                   " or contains(@class,'author-name')][position() <= 3]")(tree)  # one pass, document order
    return [" ".join(el.text_content().split())[:200] for el in found]


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", (text or "").lower())


def _site_name_fits(name: str, domain: str, page_title: str) -> bool:
    """A site name is trusted when it matches the domain or the page's ``<title>`` names it.

    This rejects section names ("U.S." on a Reuters page), placeholders ("Name") and short
    codes ("men") that some pages put in ``og:site_name``.
    """
    squashed, label = _squash(name), _squash(domain.rsplit(".", 2)[0] if domain.count(".") >= 2 and
                                             _TWO_LEVEL.match(".".join(domain.split(".")[-2:]))
                                             else domain.rsplit(".", 1)[0])
    label = label.split(".")[-1] if label else ""
    if squashed and label and (squashed in _squash(domain) or label in squashed):
        return True
    words = re.findall(r"\w+", name.lower())
    if label and (any(len(w) >= 4 and w in label for w in words) or "".join(w[0] for w in words) == label):
        return True
    return len(name) > 3 and name.lower() in (page_title or "").lower()


_SITE_SPLIT = re.compile(r"\s+[|–—:-]\s+")


def _outlet(site_names: list[str], domain: str, page_title: str = "",
            headline: Callable[[], str] = str) -> tuple[str, str]:
    """Outlet name and its basis: the page's site name (when it fits the domain or the page's
    ``<title>``; a tagline after " | " or " - " is cut), else ``rules/outlets.csv``, else the domain;
    a saved page with neither a site name nor a URL: the publication its ``<title>`` names beside
    the ``headline`` (read only then; :func:`_title_outlet`).

    A wire agency named as the site of another outlet's page is its syndication source, not its
    outlet, and is passed over.
    """
    own = outlet_for_domain(domain)
    for raw in site_names:
        raw = re.sub(r"\s+", " ", raw or "").strip()
        if not raw or len(raw) > 120 or re.match(r"https?://|@", raw):
            continue
        parts = [p for p in _SITE_SPLIT.split(raw) if p.strip()]
        fitting = ([p for p in parts if _site_name_fits(p, domain, "")]
                   or [p for p in parts if _site_name_fits(p, domain, page_title)]) if domain else parts[:1]
        if not fitting:
            continue
        name = fitting[0].strip()
        if wire_credit(name) and own != wire_credit(name):
            continue
        if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name.lower()) and own:
            return own, "domain table"  # a bare domain as site name: the table's name is better
        return name, "site name"
    if own:
        return own, "domain table"
    if not domain and _title_outlet(page_title, headline()):
        return _title_outlet(page_title, headline()), "page title"
    return domain, "domain" if domain else ""


@lru_cache(maxsize=1)
def _outlet_words() -> dict[str, set[str]]:
    """Lower-cased words of ``rules/outlet_words.csv`` by kind (``newspaper``, ``section``)."""
    out: dict[str, set[str]] = {}
    for rec in _table("outlet_words.csv").itertuples():
        out.setdefault(rec.kind, set()).add(rec.word.lower())
    return out


_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_NAME_FILLERS = {"of", "the", "and", "&", "on", "in", "de", "la"}


def _title_outlet(page_title: str, headline: str = "") -> str:
    """The publication a saved page's ``<title>`` names after (or before) its headline, else ''.

    Only the first or last part of a title split at " - ", " | ", " – ", " — " is tried, never the
    headline (the page's ``<h1>`` when given, else the longest part). It is an outlet when
    ``rules/outlets.csv`` names it, or when it is a capitalised name of up to six words ending in a
    newspaper word ("Harbor City Gazette", "The Star": ``newspaper`` rows of
    ``rules/outlet_words.csv``) with a leading "The" or a word that is neither a newspaper nor a
    section word: "Local News" and "Politics" are sections, never outlets.

    Example:
        >>> _title_outlet("Council weighs rezoning - Harbor City Gazette"), _title_outlet("Vote set | Local News")
        ('Harbor City Gazette', '')
    """
    parts = [p.strip() for p in _TITLE_PARTS.split(" ".join((page_title or "").split())) if p.strip()]
    if len(parts) < 2:
        return ""
    longest = max(parts, key=len)
    for part in (parts[-1], parts[0]):
        if _squash(part) == _squash(headline) or (not headline and part is longest):
            continue
        if _outlet_name(part):
            return _outlet_name(part)
        words = part.split()
        kinds = _outlet_words()
        if not 1 <= len(words) <= 6 or words[-1].lower() not in kinds.get("newspaper", set()):
            continue
        if not all(w[:1].isupper() or w.lower() in _NAME_FILLERS for w in words):
            continue
        generic = kinds.get("newspaper", set()) | kinds.get("section", set()) | _NAME_FILLERS
        if words[0] == "The" or any(w.lower() not in generic for w in words):
            return part
    return ""


def extract_page(html: str, where: str = "") -> Page:
    """Main text and metadata of one HTML page.

    Args:
        html: The decoded page.
        where: Its URL or file path (a URL is used as the page URL).

    Returns:
        A :class:`Page`; ``text`` is empty when no main text was found.

    Raises:
        ImportError: when trafilatura or lxml is not installed.

    Example:
        >>> p = extract_page('<html lang="en-GB"><head><meta property="og:site_name" content="Echo">'
        ...   '<meta name="author" content="Sign In"></head><body><article><h1>Bridge shut</h1>'
        ...   '<p>By Ann Lee | PA Media</p><p>Published 04/07/2017</p>'
        ...   '<p>The old bridge was closed on Monday after engineers found cracks in two of its '
        ...   'piers, the council said, and it will stay shut until repairs are done next year.</p>'
        ...   '</article></body></html>')
        >>> p.outlet, p.author, p.credit, str(p.published.date()), p.published_from
        ('Echo', 'Ann Lee', 'PA Media', '2017-07-04', 'byline')
    """
    from lxml import html as lxml_html

    html = _XML_PROLOG.sub("", html, count=1)  # decoded text: its byte-level declaration no longer applies
    tree = lxml_html.fromstring(html, parser=_html_parser())
    mark = _read_markup(tree, html, where)
    _drop_inert(tree)
    page = Page(url=mark.url, domain=mark.domain, lang=mark.lang)
    page.outlet, page.outlet_from = _outlet(mark.site_names, mark.domain, tree.findtext(".//title") or "",
                                            lambda: _first_h1(tree))
    page.title = _title(tree, mark.metas, mark.articles, [page.outlet, *mark.site_names], mark.domain)
    own_names = tuple(n for n in (page.outlet, mark.domain, mark.domain.split(".")[0], *mark.site_names) if n)
    credits = _markup_authors(page, tree, mark.raw_authors, own_names)
    page.text = _trafilatura_text(tree, mark.url or None)  # trafilatura works on its own copy
    lines = [line.strip() for line in page.text.split("\n") if line.strip()]
    credits += _text_credits(page, lines, own_names)
    page.credit = next((c for c in credits if c), "")
    _publication(page, mark.time_values, mark.metas, mark.articles, lines, mark.lang, _meta_names(),
                 lambda: _date_line_texts(tree))
    page.page_type, reason = _page_kind(mark.metas, mark.ld, tree, page.text)  # trafilatura copied the tree
    if reason:
        page.notes.append(reason)
    return page


def _drop_inert(tree: Any) -> None:
    """Remove ``<template>`` elements: inert markup a browser never shows (cards, widgets filled in
    later by script), which trafilatura would otherwise read as article paragraphs."""
    if tree.find(".//template") is None:  # most pages have none: no tree walk
        return
    for el in tree.xpath("//template"):
        el.drop_tree()


@dataclass
class _Markup:
    """What the page's markup says (trafilatura copies the tree it is given, so it stays whole)."""

    metas: dict[str, str]
    ld: list[dict[str, Any]]
    articles: list[dict[str, Any]]
    url: str
    domain: str
    site_names: list[str]
    raw_authors: list[str]
    lang: str
    time_values: list[str]


def _read_markup(tree: Any, html: str, where: str) -> _Markup:
    metas, ld, names = _metas(tree), _json_ld(tree), _meta_names()
    url = _page_url(tree, metas, where if re.match(r"https?://", where or "") else "")
    if not url:
        m = _SAVED_FROM.search(html[:3000])
        url = m.group(1) if m else ""
    articles = [i for i in ld if _ld_types(i) & _ARTICLE_TYPES]
    site_names = [metas.get(n, "") for n in names["site"]]
    site_names += [n for i in articles for n in _names(i.get("publisher"))][:1]
    raw_authors = [metas.get(n, "") for n in names["author"] if not metas.get(n, "").startswith("http")]
    raw_authors += ["; ".join(_names(i.get("author"))) for i in articles]
    lang = (tree.get("lang") or tree.get("xml:lang") or "").strip()
    lang = lang or next((metas.get(n, "") for n in names["lang"] if metas.get(n)), "")
    time_values: list[str] = []
    if tree.find(".//time") is not None:  # most pages have no <time>: two document scans saved
        time_values = [el.get("datetime", "") for el in tree.xpath("//time[@pubdate or @itemprop='datePublished']")]
        time_values += [el.get("datetime", "") for el in _xpath(_HEADER_TIME)(tree)[:1]]
    return _Markup(metas, ld, articles, url, page_domain(url), site_names, raw_authors, lang, time_values)


def _markup_authors(page: Page, tree: Any, raw_authors: list[str], own_names: tuple[str, ...]) -> list[str]:
    """Set ``page.author`` from the markup's bylines: meta tags and JSON-LD, then byline elements,
    then trafilatura's author XPaths (the slowest, only when no one was found); return the credits
    seen (a byline element may name the wire when the meta tag names only the person)."""
    credits = []
    for candidates in (lambda: raw_authors, lambda: _byline_elements(tree)):
        for raw in candidates():
            author, credit = clean_author(raw, own_names)
            credits.append(credit)
            if author and not page.author:
                page.author = author
    if not page.author:  # trafilatura's byline search (slower), checked by the same rules
        author, credit = clean_author(_trafilatura_author(tree), own_names)
        page.author = author
        credits.append(credit)
    return credits


def _text_credits(page: Page, lines: list[str], own_names: tuple[str, ...]) -> list[str]:
    """Credits from the text: a byline or dateline at the top ("By Ann Lee | AP", "LONDON (Reuters) -")
    and taglines at either end ("Associated Press writer X contributed"); may set ``page.author``."""
    credits = []
    for line in lines[:4]:
        dateline = _DATELINE.match(line)
        if dateline or (len(line) < 120 and _BY.match(line)):
            author, credit = clean_author(dateline.group(1) if dateline else line, own_names)
            credits.append(credit)
            if author and not page.author and _BY.match(line):
                page.author = author
    credits += [wire_credit(line) for line in tagline_lines(lines)]
    return credits


def tagline_lines(lines: list[str], edge: int = 4, max_chars: int = 250) -> list[str]:
    """Lines among a text's first or last ``edge`` lines that read as a credit tagline ("Associated
    Press writer X contributed", "Reporting by ...", "— AP", "Source: ..."): the one tagline test the
    page reader and the plain-text loader share.

    Example:
        >>> tagline_lines(["The council met.", "The Associated Press contributed to this report."])
        ['The Associated Press contributed to this report.']
    """
    ends = sorted(set(range(min(edge, len(lines)))) | set(range(max(0, len(lines) - edge), len(lines))))
    return [lines[i] for i in ends if len(lines[i]) < max_chars and _TAGLINE.search(lines[i])]


def _publication(page: Page, time_values: list[str], metas: dict[str, str], articles: list[dict[str, Any]],
                 lines: list[str], lang: str, names: dict[str, list[str]],
                 date_lines: Callable[[], list[str]] = list) -> None:
    """Fill ``published``/``published_from``: page metadata, URL, byline line of the text, then a
    visible date line of the markup (``date_lines``, read only when nothing else gave a date);
    never footers, copyright or "Updated" lines."""
    page_text = "\n".join(lines)
    values = [metas.get(n, "") for n in names["published"]]
    values += [str(i.get("datePublished") or "") for i in articles]
    values += time_values
    for value in values:
        if value and not _NOT_PUBLISHED.search(value):
            ts = _parse_value(value, lang, page.domain, page_text, page.notes)
            if not pd.isna(ts):
                page.published, page.published_from = ts, "page metadata"
                return
    m = _URL_DATE.search(urlsplit(page.url).path) if page.url else None
    if m:
        try:
            page.published = pd.Timestamp(year=int(m.group(1)), month=int(m.group(2)), day=int(m.group(3)))
            page.published_from = "url"
            return
        except ValueError:
            pass
    ts = _byline_date(lines, lang, page.domain, page.notes)
    if not pd.isna(ts):
        page.published, page.published_from = ts, "byline"
        return
    ts = next((t for t in (_parse_line_date(v, lang, page.domain, page_text, page.notes) for v in date_lines())
               if not pd.isna(t)), pd.NaT)
    if not pd.isna(ts):
        page.published, page.published_from = ts, "date line"

"""Load news articles from files, folders, corpora and DataFrames into one article DataFrame.

Supported inputs (by extension, or forced with ``format=``):

* ``.txt`` / ``.md``: one article per file, with an optional ``key: value`` header block
  (title, outlet, url, published, author) or ``---`` front matter.
* ``.html`` / ``.htm``: main text by trafilatura, metadata from the page's own markup, pages that
  are not articles set aside (:mod:`srcanalysis.htmlpage`); bytes decoded by their own declared
  encoding first (:mod:`srcanalysis.decoding`).
* ``.csv`` / ``.tsv``: a corpus, one article per row, columns mapped by name (see
  :data:`COLUMN_ALIASES`); the separator (``,`` ``;`` tab ``|``) is read from the header line.
* ``.jsonl`` / ``.json``: a corpus, one object per line (or a JSON list of objects).
* Any of these gzip-compressed (``story.html.gz``, ``corpus.jsonl.gz``).
* A folder (recursive; hidden files and folders are listed as skipped), a list of any of these,
  or an existing DataFrame.

A file whose bytes are a PDF, ZIP, Office or image file is skipped as binary whatever its name.
An article that is clearly not English is loaded with a warning in ``df.attrs["warnings"]``.

A catalog file (``articles.csv`` or ``catalog.csv`` with a ``file`` column and no text column)
beside text files gives metadata per file.

Nothing is dropped silently: every input that is not loaded is listed, with the reason, in
``df.attrs["skipped"]`` and logged.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

from .boilerplate import clean_lines, repeated_lines
from .decoding import Decoded, decode_bytes, decode_document
from .schema import ARTICLE_COLUMNS

__all__ = ["read_articles", "skipped", "parse_date", "clean_text", "normalize_lines", "decode_bytes", "english_evidence",
           "HTML_INSTALL_HINT"]

log = logging.getLogger(__name__)

#: File extensions read as one article per file.
TEXT_EXTENSIONS = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html"}
#: File extensions read as corpora (many articles per file).
CORPUS_EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
#: Names of catalog files that describe the text files beside them.
CATALOG_NAMES = {"articles.csv", "catalog.csv", "metadata.csv"}
#: File names (without extension) in a folder that are documentation, not articles.
DOC_FILE_STEMS = {"README", "NOTICE", "LICENSE", "LICENCE", "CHANGELOG", "COPYING"}
#: Largest single-article file read (bytes); larger ones are skipped.
MAX_ARTICLE_BYTES = 20 * 2**20
#: Largest corpus file read (bytes).
MAX_CORPUS_BYTES = 2 * 2**30

#: Column names accepted for each article field in CSV/JSON corpora, in order of preference.
COLUMN_ALIASES: dict[str, list[str]] = {
    "article_id": ["article_id", "id", "doc_id", "stories_id", "guid"],
    "text": ["text", "body", "content", "article", "full_text", "fulltext", "story", "article_text", "maintext"],
    "title": ["title", "headline", "hed"],
    "outlet": ["outlet", "publisher", "source", "media", "media_name", "publication", "site", "sitename", "source_name", "domain"],
    "published": ["published", "date", "publish_date", "publication_date", "pub_date", "published_at", "datetime", "date_published", "publishedat", "timestamp", "time"],
    "url": ["url", "link", "permalink", "uri"],
    "author": ["author", "authors", "byline", "creator"],
    "credit": ["credit", "wire", "agency", "wire_credit"],
    "file": ["file", "filename", "path", "file_name"],
    "language": ["language", "lang", "language_code", "locale", "inlanguage"],
}
#: Keys recognised in the header block of a text file.
HEADER_KEYS = {"title", "headline", "outlet", "publisher", "source", "url", "link", "published", "date", "author", "byline", "id",
               "language", "lang"}
_HEADER_LINE = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")


@dataclass
class _Load:
    """Accumulates loaded rows and skipped inputs across one ``read_articles`` call."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    encodings: dict[str, str] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(default_factory=list)
    file_encoding: dict[str, str] = field(default_factory=dict)
    keep_non_articles: bool = False

    def skip(self, path: str | Path, reason: str) -> None:
        log.warning("skipped %s: %s", path, reason)
        self.skipped.append({"path": str(path), "reason": reason})

    def warn(self, path: str | Path, reason: str) -> None:
        log.warning("%s: %s", path, reason)
        self.warnings.append({"path": str(path), "reason": reason})

    def note_encoding(self, where: str, decoded: Decoded) -> None:
        self.file_encoding[where] = decoded.encoding
        if decoded.encoding != "utf-8":
            self.encodings[where] = decoded.encoding
            log.info("%s decoded as %s (%s)", where, decoded.encoding, decoded.basis)
        if decoded.warning:
            self.warn(where, f"encoding {decoded.encoding}: {decoded.warning}")


# --------------------------------------------------------------------------- decoding

#: What to install when the HTML extractor cannot be imported (said in ``attrs["skipped"]``).
HTML_INSTALL_HINT = "pip install trafilatura lxml_html_clean"


def _read_bytes(path: Path, limit: int, load: _Load) -> bytes | None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        load.skip(path, f"cannot read: {exc}")
        return None
    if size > limit:
        load.skip(path, f"file too large ({size:,} bytes > limit {limit:,})")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        load.skip(path, f"cannot read: {exc}")
        return None
    if path.suffix.lower() == ".gz":
        data = _gunzip(path, data, limit, load)
        if data is None:
            return None
    if not data.strip():
        load.skip(path, "empty file")
        return None
    return data


def _gunzip(path: Path, data: bytes, limit: int, load: _Load) -> bytes | None:
    """The content of a gzip-compressed file (``story.html.gz``), at most ``limit`` bytes of it."""
    import gzip
    import zlib
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        load.skip(path, f"cannot decompress (.gz): {exc}")
        return None
    if len(out) > limit:
        load.skip(path, f"file too large once decompressed (> limit {limit:,} bytes)")
        return None
    return out


#: The start of a whole HTML page (a page saved under a .txt name is still read as a page).
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.{0,500}?-->\s*)?(?:<!doctype\s+html\b|<html\b)", re.I | re.S)


def _read_text(path: Path, limit: int, load: _Load, markup: bool | None = False) -> str | None:
    """Decoded text of a file; ``markup=None`` looks for a charset declaration only when the
    file is an HTML page (:data:`_HTML_START`)."""
    data = _read_bytes(path, limit, load)
    if data is None:
        return None
    if markup is None:
        markup = bool(_HTML_START.match(data[:2000]))
    try:
        decoded = decode_document(data, markup=markup)
    except ValueError as exc:
        load.skip(path, str(exc))
        return None
    load.note_encoding(str(path), decoded)
    return decoded.text


# --------------------------------------------------------------------------- text cleaning

_WS = re.compile(r"[ \t\u00a0\u2009\u200a\u202f\ufeff]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060]")
#: Line ends other than "\n": old Mac "\r", Unicode line and paragraph separators, NEL, form feed,
#: vertical tab (what ``str.splitlines`` also breaks on).
_LINE_BREAK = re.compile(r"[\r\u2028\u2029\x85\x0b\x0c\x1c-\x1e]")
_TERMINAL = re.compile(r"[.!?…:;\"”’)\]]$")


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines into paragraphs when the text looks hard-wrapped.

    Hard-wrapped text has most lines of similar length (40 to 100 characters) that do not end a
    sentence. Paragraphs then start after a blank line or at an indented line.
    """
    raw = [line.rstrip() for line in lines]
    content = [line for line in raw if line.strip()]
    if len(content) < 3:
        return [line.strip() for line in raw]
    widths = [len(line) for line in content]
    max_width = max(widths)
    wrapped = sum(1 for line in content if 40 <= len(line) <= 100 and not _TERMINAL.search(line))
    if max_width > 100 or wrapped < 0.3 * len(content):
        return [line.strip() for line in raw]
    out: list[str] = []
    current: list[str] = []
    for line in raw:
        if not line.strip() or (line[:1].isspace() and current):
            if current:
                out.append(" ".join(current))
                current = []
            if not line.strip():
                out.append("")
                continue
        current.append(line.strip())
    if current:
        out.append(" ".join(current))
    return out


def normalize_lines(text: str) -> list[str]:
    """Normalise line ends and white space, unwrap hard-wrapped text; one paragraph per item.

    Example:
        >>> normalize_lines("A  line." + chr(13) + chr(10) + chr(10) + "Another" + chr(160) + "one.")
        ['A line.', 'Another one.']
        >>> normalize_lines("Headline" + chr(0x2029) + "Body." + chr(0x2028) + "More." + chr(12) + "End")
        ['Headline', 'Body.', 'More.', 'End']
    """
    text = _LINE_BREAK.sub("\n", text.replace("\r\n", "\n"))
    text = _WS.sub(" ", _ZERO_WIDTH.sub("", text))
    return [line for line in (x.strip() for x in _unwrap(text.split("\n"))) if line]


def clean_text(text: str, *, outlet: str | None = None, title: str | None = None,
               chrome: frozenset[str] = frozenset()) -> str:
    """Normalise whitespace, unwrap hard-wrapped lines and drop boilerplate lines.

    The result has one paragraph per line, paragraphs separated by one blank line.

    Args:
        text: Raw article text.
        outlet: The article's outlet; a masthead line equal to it near the top is dropped.
        title: The article's title; a line equal to it in the first lines is dropped.
        chrome: Extra lines (lower-cased, normalised) to drop, e.g. from
            :func:`srcanalysis.boilerplate.repeated_lines`.

    Returns:
        The clean body.

    Example:
        >>> clean_text("Flynn was fired." + 2 * chr(10) + "Related Topics" + chr(10) + "Photo: Public Domain")
        'Flynn was fired.'
    """
    return _clean_lines(normalize_lines(text), outlet, title, chrome)


def _clean_lines(lines: list[str], outlet: str | None, title: str | None, chrome: frozenset[str]) -> str:
    lines = clean_lines(lines, chrome)
    lines = _drop_masthead(lines, outlet, title)
    return "\n\n".join(lines)


_KICKER = re.compile(r"^[^.!?…]{1,60}$")


def _drop_masthead(lines: list[str], outlet: str | None, title: str | None) -> list[str]:
    """Drop the headline, the outlet's own masthead and a short kicker above the headline.

    Only the first five lines are looked at, and only lines equal to the title or the outlet,
    plus short lines without sentence punctuation standing before the title line.
    """
    heads = {h.strip().lower() for h in (outlet, title) if isinstance(h, str) and h.strip()}
    if not heads:
        return lines
    top = lines[:5]
    title_at = next((i for i, line in enumerate(top) if title and line.lower() == title.strip().lower()), None)
    drop = {i for i, line in enumerate(top) if line.lower() in heads}
    if title_at is not None:
        drop.update(i for i in range(title_at) if _KICKER.match(lines[i]) and len(lines[i].split()) <= 8)
    return [line for i, line in enumerate(lines) if i not in drop]


# --------------------------------------------------------------------------- metadata

def parse_date(value: Any) -> pd.Timestamp:
    """Parse a publication date into a tz-naive Timestamp (local wall time), NaT when unknown.

    Convention: a value with a UTC offset or zone keeps the outlet's own wall-clock date and time
    and drops the offset (relative words such as "yesterday" are said in the outlet's local
    calendar, so ``2024-05-01T23:30:00-04:00`` dates its article 1 May, not 2 May UTC); ``Z`` and
    ``GMT`` values are read as written. Epoch numbers have no zone and are read as UTC: 9 to 11
    digits are seconds, 13 digits milliseconds (JavaScript and most JSON APIs). A whole number is
    read like its digits: ``20240501`` (a CSV or JSON column parsed as numbers) is 1 May 2024, and
    a number under eight digits (a year alone, a count) is no publication day (NaT).

    Example:
        >>> parse_date("2017-04-03T09:30:00-04:00")
        Timestamp('2017-04-03 09:30:00')
        >>> parse_date("1714600000"), parse_date(1714600000000), parse_date(20240501)
        (Timestamp('2024-05-01 21:46:40'), Timestamp('2024-05-01 21:46:40'), Timestamp('2024-05-01 00:00:00'))
        >>> parse_date("unknown")
        NaT
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return pd.NaT
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) \
            and float(value).is_integer():
        value = str(int(value))  # a number reads like its digits: 20240501 is a day, 1714600000 epoch seconds
        if len(value) < 8 or (len(value) == 8 and not re.fullmatch(r"(?:19|20)\d{6}", value)):
            return pd.NaT  # a year (2017) or a small count is no publication day
    if isinstance(value, str):
        value = value.strip()
        if not value or value.lower() in {"nan", "none", "null", "unknown", "n/a", "na"}:
            return pd.NaT
        if re.fullmatch(r"(?:\d{9,11}|\d{13})(\.\d+)?", value):  # unix seconds or milliseconds (not 12-digit YYYYMMDDhhmm)
            value = float(value)
    try:
        if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            ts = pd.Timestamp(value, unit="ms" if abs(value) >= 1e11 else "s")
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ts = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError):
        try:
            from dateutil import parser as dparser
            with warnings.catch_warnings():  # unknown zone names (EST, ET) are dropped: wall time kept
                warnings.simplefilter("ignore")
                ts = pd.Timestamp(dparser.parse(str(value), fuzzy=False))
        except (ValueError, TypeError, OverflowError):
            return pd.NaT
    if ts is pd.NaT or pd.isna(ts):
        return pd.NaT
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    return ts


def _parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``key: value`` header block (or ``---`` front matter) from the body."""
    lines = text.lstrip("\ufeff").split("\n")
    start = 0
    fenced = lines and lines[0].strip() == "---"
    if fenced:
        start = 1
    meta: dict[str, str] = {}
    i = start
    while i < len(lines):
        line = lines[i]
        if fenced and line.strip() == "---":
            i += 1
            break
        if not line.strip():
            if meta:
                i += 1
                break
            i += 1
            continue
        m = _HEADER_LINE.match(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        meta[m.group(1).lower()] = m.group(2).strip().strip('"').strip("'")
        i += 1
    if not meta:
        return {}, text
    return meta, "\n".join(lines[i:])


def _canonical(meta: dict[str, Any]) -> dict[str, Any]:
    """Map header/column keys onto article fields."""
    out: dict[str, Any] = {}
    for fieldname, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in meta and meta[alias] not in (None, "") and not (isinstance(meta[alias], float) and pd.isna(meta[alias])):
                out[fieldname] = meta[alias]
                break
    return out


def _first_line_title(body: str) -> tuple[str, str]:
    """Take a short first line without a full stop as the title."""
    lines = body.strip().split("\n")
    first = lines[0].strip() if lines else ""
    if first and len(first) <= 200 and not first.endswith((".", "”", '"')) and len(lines) > 1:
        return first, "\n".join(lines[1:])
    return "", body


# --------------------------------------------------------------------------- readers

def _stem(path: Path) -> str:
    """A file's name without its extension, and without ``.gz`` first: ``story.html.gz`` -> ``story``."""
    return Path(path.stem).stem if path.suffix.lower() == ".gz" else path.stem


def _read_text_file(path: Path, load: _Load, catalog: dict[str, dict[str, Any]], limit: int) -> None:
    raw = _read_text(path, limit, load, markup=None)
    if raw is None:
        return
    if _HTML_START.match(raw[:2000].encode("utf-8", "replace")):
        load.warn(path, f"a {path.suffix or 'text'} file holding an HTML page: read as HTML")
        _extract_html(raw, str(path), load, _catalog_entry(catalog, path), stem=_stem(path))
        return
    header, body = _parse_header(_LINE_BREAK.sub("\n", raw.replace("\r\n", "\n")))
    meta = {**_canonical(header), **_catalog_entry(catalog, path)}
    title = meta.get("title") or ""
    if not title:
        title, body = _first_line_title(body)
    load.rows.append({**meta, "title": title, "text": body, "path": str(path), "_id": _stem(path),
                      "encoding": load.file_encoding.get(str(path), "")})


def _read_html_file(path: Path, load: _Load, catalog: dict[str, dict[str, Any]], limit: int) -> None:
    raw = _read_text(path, limit, load, markup=True)
    if raw is not None:
        _extract_html(raw, str(path), load, _catalog_entry(catalog, path), stem=_stem(path))


_FRAME_SRC = re.compile(r"""<i?frame\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)


def _extract_html(raw: str, where: str, load: _Load, overrides: dict[str, Any], stem: str) -> None:
    """Main text and metadata of one HTML page (:func:`srcanalysis.htmlpage.extract_page`).

    A missing extractor, or one that fails on this page, skips the page with the reason; the
    other inputs go on.
    """
    try:
        from .htmlpage import extract_page
        page = extract_page(raw, where)
    except ImportError as exc:
        load.skip(where, f"HTML extractor not available ({exc}); install it with: {HTML_INSTALL_HINT}")
        return
    except Exception as exc:  # one broken page never sinks a load  # noqa: BLE001
        load.skip(where, f"HTML extraction failed: {type(exc).__name__}: {str(exc)[:200]}")
        return
    for note in page.notes:
        if not note.startswith(("listing", "video")):
            load.warn(where, note)
    if not page.text.strip():
        framed = _FRAME_SRC.search(raw)
        load.skip(where, "no article text found in HTML" + (
            f" (the page only frames another: {framed.group(1)[:200]}; load that page)" if framed else ""))
        return
    if page.page_type != "article" and not load.keep_non_articles:
        load.skip(where, f"not an article: {next(n for n in page.notes if n.startswith(page.page_type))}"
                         " (read_articles(..., keep_non_articles=True) keeps it)")
        return
    meta = {"title": page.title, "outlet": page.outlet, "published": page.published, "url": page.url, "language": page.lang,
            "author": page.author, "credit": page.credit, "published_from": page.published_from,
            "page_type": page.page_type, "_domain": page.domain, "_outlet_from": page.outlet_from}
    meta = {k: v for k, v in meta.items() if not (v is None or v is pd.NaT or v == "")}
    if "published" in overrides:
        meta["published_from"] = "catalog"
    meta.update(overrides)
    load.rows.append({**meta, "text": page.text, "path": where, "_id": stem,
                      "encoding": load.file_encoding.get(where, "")})


def _rows_from_records(records: Iterable[tuple[str, dict[str, Any]]], path: Path, load: _Load) -> None:
    """Add corpus records (``(where, record)``), mapping columns and recording rows without text."""
    found_text = None
    n = 0
    for where, record in records:
        n += 1
        if not isinstance(record, dict):
            load.skip(where, "record is not an object")
            continue
        lowered = {str(k).strip().lower(): v for k, v in record.items()}
        meta = _canonical(lowered)
        if "text" not in meta:
            if found_text is None and not any(a in lowered for a in COLUMN_ALIASES["text"]):
                raise ValueError(
                    f"{path}: no text column; expected one of {COLUMN_ALIASES['text']}, "
                    f"found {sorted(lowered)}")
            load.skip(where, "empty text")
            continue
        found_text = True
        text = meta["text"]
        if not isinstance(text, str):
            text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
        if not text.strip():
            load.skip(where, "empty text")
            continue
        meta["text"] = text
        meta["path"] = where
        meta["encoding"] = load.file_encoding.get(str(path), "")
        load.rows.append(meta)
    if n == 0:
        load.skip(path, "no records")


#: Field separators a CSV corpus may use (spreadsheets in many locales write ";"; .tsv uses tabs).
CSV_DELIMITERS = (",", ";", "\t", "|")


#: Excel's separator hint, a first line ``sep=;`` above the header.
_EXCEL_SEP = re.compile(r"^sep=(.)\r?$")


def _csv_delimiter(raw: str) -> str:
    """The separator of a CSV corpus: Excel's ``sep=`` hint line, else the candidate found most
    often in its header line.

    Example:
        >>> _csv_delimiter("title;text;date\\nA;b, c;2024"), _csv_delimiter("title,text\\nA;b,c")
        (';', ',')
    """
    header = raw.lstrip("\ufeff").split("\n", 1)[0]
    hint = _EXCEL_SEP.match(header)
    if hint:
        return hint.group(1)
    counts = {d: header.count(d) for d in CSV_DELIMITERS}
    best = max(CSV_DELIMITERS, key=lambda d: counts[d])  # ties keep the earlier (",")
    return best if counts[best] else ","


def _read_csv(path: Path, load: _Load, limit: int) -> None:
    raw = _read_text(path, limit, load)
    if raw is None:
        return
    sep = _csv_delimiter(raw)
    if _EXCEL_SEP.match(raw.lstrip("\ufeff").split("\n", 1)[0]):
        raw = raw.lstrip("\ufeff").split("\n", 1)[-1]
    _warn_duplicate_columns(raw, sep, path, load)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            frame = pd.read_csv(io.StringIO(raw), dtype=str, keep_default_na=False,
                                on_bad_lines="warn", engine="c", sep=sep)
        except (pd.errors.ParserError, pd.errors.EmptyDataError, csv.Error, UnicodeError) as exc:
            load.skip(path, f"malformed CSV: {exc}")
            return
    for w in caught:
        for m in re.finditer(r"Skipping line (\d+): (.*)", str(w.message)):
            load.skip(f"{path}#line{m.group(1)}", f"malformed CSV row: {m.group(2).strip()}")
    frame.columns = [str(c) for c in frame.columns]
    records = ((f"{path}#row{i + 1}", rec) for i, rec in enumerate(frame.to_dict("records")))
    _rows_from_records(_without_header_rows(records, load), path, load)


def _warn_duplicate_columns(raw: str, sep: str, path: Path, load: _Load) -> None:
    """Warn when the header names a column twice: only the first of each is read."""
    try:
        header = next(csv.reader(io.StringIO(raw.lstrip("\ufeff").split("\n", 1)[0]), delimiter=sep), [])
    except csv.Error:
        return
    names = [h.strip().lower() for h in header]
    dups = sorted({n for n in names if n and names.count(n) > 1})
    if dups:
        load.warn(path, f"column(s) {', '.join(dups)} named twice in the header: only the first of each is read")


def _without_header_rows(records: Iterable[tuple[str, dict[str, Any]]],
                         load: _Load) -> Iterable[tuple[str, dict[str, Any]]]:
    """Corpus rows, less repeats of the header (files concatenated with their headers), listed as skipped."""
    for where, rec in records:
        if rec and all(str(v).strip().lower() == str(k).strip().lower() for k, v in rec.items()):
            load.skip(where, "repeated header row (files joined with their headers?), not an article")
            continue
        yield where, rec


def _read_jsonl(path: Path, load: _Load, limit: int) -> None:
    raw = _read_text(path, limit, load)
    if raw is None:
        return

    def records() -> Iterable[tuple[str, Any]]:
        for i, line in enumerate(raw.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                yield f"{path}#line{i}", json.loads(line)
            except json.JSONDecodeError as exc:
                load.skip(f"{path}#line{i}", f"malformed JSON: {exc.msg}")

    _rows_from_records(records(), path, load)


def _read_json(path: Path, load: _Load, limit: int) -> None:
    raw = _read_text(path, limit, load)
    if raw is None:
        return
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        # Many "JSON" exports are really JSON lines.
        if raw.lstrip().startswith("{") and "\n{" in raw:
            _read_jsonl(path, load, limit)
        else:
            load.skip(path, "malformed JSON")
        return
    if isinstance(data, dict):
        for key in ("articles", "data", "items", "results", "documents", "docs"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        load.skip(path, "JSON is neither an object nor a list of objects")
        return
    _rows_from_records(((f"{path}#item{i + 1}", rec) for i, rec in enumerate(data)), path, load)


# --------------------------------------------------------------------------- catalogs and discovery

def _is_catalog(path: Path) -> bool:
    if path.name.lower() not in CATALOG_NAMES:
        return False
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            header = next(csv.reader(fh), [])
    except (OSError, csv.Error):
        return False
    cols = {c.strip().lower() for c in header}
    return bool(cols & set(COLUMN_ALIASES["file"])) and not (cols & set(COLUMN_ALIASES["text"]))


def _read_catalog(path: Path, load: _Load) -> dict[str, dict[str, Any]]:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeError, OSError) as exc:
        load.skip(path, f"malformed catalog: {exc}")
        return {}
    entries = {}
    for rec in frame.to_dict("records"):
        lowered = {str(k).strip().lower(): v for k, v in rec.items()}
        meta = _canonical(lowered)
        name = meta.pop("file", "")
        if name:
            entries[str((path.parent / name).resolve())] = meta
    return entries


def _catalog_entry(catalog: dict[str, dict[str, Any]], path: Path) -> dict[str, Any]:
    return dict(catalog.get(str(path.resolve()), {}))


_URL = re.compile(r"^https?://", re.I)
#: Seconds to wait for a web page before recording it as skipped.
URL_TIMEOUT = 10


def _fetch_url(url: str, load: _Load) -> None:
    """Download one page and extract it like an HTML file; the HTTP charset header wins."""
    from copy import deepcopy

    try:
        import trafilatura.downloads as downloads
        from trafilatura.settings import DEFAULT_CONFIG
    except ImportError as exc:
        load.skip(url, f"downloader not available ({exc}); install it with: {HTML_INSTALL_HINT}")
        return
    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["DOWNLOAD_TIMEOUT"] = str(URL_TIMEOUT)
    config["DEFAULT"]["MAX_REDIRECTS"] = "3"
    try:
        response = downloads.fetch_response(url, with_headers=True, config=config)
    except Exception as exc:  # network errors vary by backend  # noqa: BLE001
        response = None
        log.info("fetching %s failed: %s", url, exc)
    if not response or not response.data or response.status != 200:
        load.skip(url, "could not download the page (offline, blocked or not found)")
        return
    header = (response.headers or {}).get("content-type")
    try:
        decoded = decode_document(response.data, markup=True, header=header)
    except ValueError as exc:
        load.skip(url, str(exc))
        return
    load.note_encoding(url, decoded)
    _extract_html(decoded.text, url, load, {}, stem=re.sub(r"\W+", "-", url.split("//", 1)[-1]).strip("-")[:60])


def _folder_files(folder: Path, hidden: list[Path]) -> list[Path]:
    """The files under ``folder``; hidden files and folders (``.DS_Store``, ``.git``) go to ``hidden``,
    one entry per hidden folder."""
    files = []
    for p in sorted(folder.rglob("*")):
        parts = p.relative_to(folder).parts
        dot = [i for i, part in enumerate(parts) if part.startswith(".")]
        if not dot:
            if p.is_file():
                files.append(p)
        elif dot[0] == len(parts) - 1 and (p.is_file() or p.is_dir()):
            hidden.append(p)
    return files


def _expand(source: Any, hidden: list[Path] | None = None) -> list[Path | str]:
    """The files and URLs of ``source``; hidden files and folders met in folders are added to ``hidden``."""
    hidden = [] if hidden is None else hidden
    if isinstance(source, (str, Path)):
        sources: Sequence[Any] = [source]
    else:
        sources = list(source)
    paths: list[Path | str] = []
    for item in sources:
        if isinstance(item, str) and _URL.match(item):
            paths.append(item)
            continue
        path = Path(item).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        if path.is_dir():
            paths.extend(_folder_files(path, hidden))
        else:
            paths.append(path)
    return paths


def _kind(path: Path, format: str | None) -> str | None:
    if format:
        fmt = format.lower().lstrip(".")
        aliases = {"txt": "text", "md": "text", "htm": "html", "ndjson": "jsonl"}
        fmt = aliases.get(fmt, fmt)
        if fmt not in {"text", "html", "csv", "jsonl", "json"}:
            raise ValueError(f"unknown format {format!r}; use one of text, html, csv, jsonl, json")
        return fmt
    suffix = path.suffix.lower()
    if suffix == ".gz":  # story.html.gz, corpus.jsonl.gz: the format of what is inside
        suffix = Path(path.stem).suffix.lower()
    return TEXT_EXTENSIONS.get(suffix) or CORPUS_EXTENSIONS.get(suffix)


# --------------------------------------------------------------------------- assembling

def _article_id(row: dict[str, Any]) -> str:
    key = "\x1f".join(str(row.get(k) or "") for k in ("outlet", "url", "title", "published"))
    key += "\x1f" + str(row.get("text") or "")[:2000]
    return hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:12]


#: A numeric date: day and month in either order, then the year (14/03/2024, 3.14.24, 05-11-2024).
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})(?!\d)")


def numeric_date_order(values: Sequence[Any]) -> str | None:
    """How one input writes numeric dates: ``"day"`` first, ``"month"`` first, ``"mixed"`` or ``None``.

    An input (one CSV file, one catalog) keeps one convention, so a date only one order can read
    (14/03/2024 is day first, 03/14/2024 month first) settles the order of its ambiguous ones
    (05/11/2024). ``None``: every numeric date is ambiguous, or there is none.

    Example:
        >>> numeric_date_order(["14/03/2024", "05/11/2024"]), numeric_date_order(["05/11/2024"])
        ('day', None)
        >>> numeric_date_order(["03/14/2024", "2024-01-02"]), numeric_date_order(["14/03/2024", "03/14/2024"])
        ('month', 'mixed')
    """
    day = month = False
    for value in values:
        m = _NUMERIC_DATE.match(value) if isinstance(value, str) else None
        if m:
            first, second = int(m[1]), int(m[2])
            day |= first > 12 >= second
            month |= second > 12 >= first
    return "mixed" if day and month else "day" if day else "month" if month else None


def _parse_in_order(value: Any, order: str | None) -> tuple[pd.Timestamp, str]:
    """``parse_date`` with the input's numeric order (see :func:`numeric_date_order`).

    Returns the date and, when an ambiguous numeric date was left NaT because the input does not
    settle its order, the reason.
    """
    m = _NUMERIC_DATE.match(value) if isinstance(value, str) else None
    if not m:
        date = parse_date(value)
        if pd.isna(date) and isinstance(value, str) and value.strip():
            return date, (f"publication date {value.strip()[:60]!r} is not a date; left empty, so this article's "
                          "relative dates ('last Tuesday') stay unresolved (write YYYY-MM-DD, or give the date: "
                          "read_articles(..., published=) or the command line's --published)")
        return date, ""
    first, second = int(m[1]), int(m[2])
    if first > 12 or second > 12 or first == second:  # one reading only (or the same both ways)
        return _dateutil(value, dayfirst=first > 12), ""
    if order in ("day", "month"):
        return _dateutil(value, dayfirst=order == "day"), ""
    return pd.NaT, (f"publication date {value.strip()!r}: day and month could be either way round and the "
                    "input's other dates do not settle it; left empty (write dates as YYYY-MM-DD, or give the date: "
                    "read_articles(..., published=) or the command line's --published)")


def _dateutil(value: str, *, dayfirst: bool) -> pd.Timestamp:
    from dateutil import parser as dparser
    try:
        return parse_date(pd.Timestamp(dparser.parse(value.strip(), dayfirst=dayfirst)))
    except (ValueError, TypeError, OverflowError):
        return pd.NaT


def _published(frame: pd.DataFrame, published: Any) -> tuple[list[Any], list[str]]:
    """Parsed dates and where each came from (``published_from``); ambiguous numeric dates each input
    cannot settle are left NaT and listed in ``frame.attrs["date_warnings"]``."""
    paths = frame["path"] if "path" in frame else pd.Series("", index=frame.index)
    paths = paths.astype(str).str.replace(r"#(row|line|item)\d+$", "", regex=True)  # one corpus file is one input
    orders = {p: numeric_date_order(values.tolist())  # one pass: a folder of 10,000 pages is 10,000 inputs
              for p, values in frame["published"].groupby(paths.to_numpy(), sort=False)}
    dates, notes = [], []
    for value, path, where in zip(frame["published"], paths, frame.get("path", paths)):
        date, why = _parse_in_order(value, orders[path])
        dates.append(date)
        if why:
            notes.append({"path": str(where), "reason": why})
    frame.attrs["date_warnings"] = notes
    given = frame["published_from"].tolist() if "published_from" in frame else [None] * len(frame)
    basis = [("input" if not isinstance(g, str) or not g else g) if not pd.isna(d) else "none"
             for d, g in zip(dates, given)]
    if published is not None:
        default = parse_date(published)
        if not pd.isna(default):
            basis = ["argument" if pd.isna(d) else b for d, b in zip(dates, basis)]
            dates = [default if pd.isna(d) else d for d in dates]
    return dates, basis


def _outlet_from_url(url: str) -> str:
    """An outlet name for an article whose input names none: the domain table's name for its url's
    host, else the registrable domain; '' without a url.

    Example:
        >>> _outlet_from_url("https://en.wikinews.org/wiki/Some_story"), _outlet_from_url("")
        ('Wikinews', '')
        >>> _outlet_from_url("https://www.example-gazette.com/2020/01/story")
        'example-gazette.com'
    """
    from urllib.parse import urlsplit

    from .htmlpage import outlet_for_domain, registered_domain

    host = urlsplit(url).hostname if isinstance(url, str) and "://" in url else None
    if not host:
        return ""
    return outlet_for_domain(host) or registered_domain(host)


def _separate_outlets(frame: pd.DataFrame) -> list[str]:
    """Outlet names, with one name used by pages of different domains told apart.

    Two sites that both call themselves "ABC News" (abc.net.au, abcnews.go.com) must not merge:
    each takes its name from ``rules/outlets.csv`` when listed there, else ``"Name (host)"``.
    """
    outlets = frame["outlet"].tolist()
    if "_domain" not in frame:
        return outlets
    from .htmlpage import outlet_for_domain, registered_domain

    hosts = [d if isinstance(d, str) else "" for d in frame["_domain"]]
    by_name: dict[str, set[str]] = {}
    for name, host in zip(outlets, hosts):
        if host:
            by_name.setdefault(name, set()).add(registered_domain(host))
    out = []
    for name, host in zip(outlets, hosts):
        if host and len(by_name.get(name, ())) > 1:
            listed = outlet_for_domain(host)
            name = listed if listed else f"{name} ({host})"
        out.append(name)
    return out


def _finish(rows: list[dict[str, Any]], outlet: str | None, published: Any, clean: bool,
            extra: Sequence[str] = ()) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=sorted({k for r in rows for k in r} | set(ARTICLE_COLUMNS) | {"_id"}))
    n = len(frame)
    for col in ("outlet", "title", "url", "author", "path", "text", "article_id", "_id", "credit", "encoding"):
        frame[col] = frame[col].astype(object).where(frame[col].notna(), "")
        frame[col] = [v if isinstance(v, str) else str(v) for v in frame[col]]
    frame["outlet"] = _separate_outlets(frame)
    if outlet is not None:
        frame["outlet"] = [o or outlet for o in frame["outlet"]]
    frame["outlet"] = [o or _outlet_from_url(u) for o, u in zip(frame["outlet"], frame["url"])]
    dates, basis = _published(frame, published)
    frame["published"] = pd.to_datetime(pd.Series(dates, index=frame.index, dtype="datetime64[ns]"))
    frame["published_from"] = basis
    frame["credit"] = [c or _credit_of(a) for c, a in zip(frame["credit"], frame["author"])]
    # ids: given ids, then file stems, then content hashes; made unique deterministically
    ids = []
    records = frame[["article_id", "_id", "outlet", "url", "title", "published", "text"]].to_dict("records")
    for rec in records:
        ids.append(rec["article_id"].strip() or rec["_id"] or _article_id(rec))
    seen: dict[str, int] = {}
    unique = []
    for ident in ids:
        seen[ident] = seen.get(ident, 0) + 1
        unique.append(ident if seen[ident] == 1 else f"{ident}-{seen[ident]}")
    frame["article_id"] = unique
    if clean and n:
        paragraphs = [normalize_lines(t) for t in frame["text"]]
        # a credit line the clean-up removes ("The Associated Press contributed to this report.") still
        # says who is credited: it goes to the credit column, or reuse would call the copy uncredited
        frame["credit"] = [c or _credit_line(lines) for c, lines in zip(frame["credit"], paragraphs)]
        chrome: dict[str, frozenset[str]] = {}
        outlets = frame["outlet"].tolist()
        by_outlet: dict[str, list[int]] = {}
        for i, name in enumerate(outlets):
            by_outlet.setdefault(name, []).append(i)
        for name, rows_of in by_outlet.items():
            chrome[name] = repeated_lines("\n".join(paragraphs[i]) for i in rows_of)
        frame["text"] = [_clean_lines(lines, o, ti, chrome.get(o, frozenset()))
                         for lines, o, ti in zip(paragraphs, outlets, frame["title"].tolist())]
    frame.attrs["language_warnings"] = _language_warnings(frame)
    for col in ("outlet", "title", "url", "author"):
        frame[col] = [re.sub(r"\s+", " ", v).strip() for v in frame[col]]
    if "page_type" in extra:
        frame["page_type"] = (frame["page_type"].where(frame["page_type"].notna(), "article")
                              if "page_type" in frame else "article")
    return frame[ARTICLE_COLUMNS + list(extra)].reset_index(drop=True)


#: Fewest words (letters) an article needs before its words (script) are taken as evidence of its language.
MIN_LANGUAGE_WORDS, MIN_LANGUAGE_LETTERS = 30, 40
#: Below this share of English function words (``rules/english_function_words.txt``) a text may not be English.
MAX_NON_ENGLISH_SHARE = 0.05
#: ...and it is not when at least this share are other languages' function words (``rules/other_function_words.csv``).
MIN_OTHER_SHARE = 0.15
#: Above this share of English function words a text reads as English whatever its page or column declares.
MIN_ENGLISH_SHARE = 0.09
#: Characters of an article looked at (its opening says its language; long texts cost no more).
LANGUAGE_SAMPLE_CHARS = 3000
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _function_word_tables() -> tuple[frozenset[str], dict[str, list[str]]]:
    """English function words, and other languages' function words with the languages they belong to."""
    from importlib.resources import files

    from .segment import _word_list
    table = pd.read_csv(files("srcanalysis").joinpath("rules/other_function_words.csv"), comment="#", dtype=str)
    other: dict[str, list[str]] = {}
    for word, language in zip(table["word"], table["language"]):
        other.setdefault(word.lower(), []).append(language)
    return _word_list("english_function_words.txt"), other


def english_evidence(text: str, declared: str = "") -> str:
    """Why ``text`` is clearly not English, '' when it may be English (or is too short to tell).

    Only the first :data:`LANGUAGE_SAMPLE_CHARS` characters are read. The evidence, in order:
    most letters are not Latin script (at least 40 letters); fewer than
    5 % of its words (at least 30) are common English function words
    (``rules/english_function_words.txt``: 10-30 % in English news, 0-3 % in French, German,
    Spanish or Dutch) while 15 % or more are other languages' (``rules/other_function_words.csv``;
    English tables of figures have neither, so they are not flagged); a declared language
    (``<html lang>``, a ``language`` column or header) that is not English, unless the words
    read as English (9 % or more, the lowest share among 295 English Wikinews articles).

    Example:
        >>> english_evidence("Le maire a dit que le plan coûterait environ quatre millions d'euros " * 3)
        "it reads as French: 0% of its words are English function words such as the, of, and; 25% are other languages' such as le, der, el"
        >>> english_evidence("The mayor said the plan would cost about four million dollars.", "fr")
        "its page or input declares language 'fr'"
        >>> english_evidence("Shr 34 cts vs 1.19 dlrs Net 3,345,000 vs 2,100,000 Revs 41.1 mln " * 4)
        ''
    """
    text = text[:LANGUAGE_SAMPLE_CHARS]
    code = declared.strip().lower().replace("_", "-") if isinstance(declared, str) else ""
    declared_english = not code or code.startswith(("en", "eng", "english"))
    n_the = text.lower().count(" the ")
    if declared_english and n_the and n_the >= 0.02 * text.count(" "):
        return ""  # fast path: "the" alone is 5-7 % of the words of English news
    other_script = 0 if text.isascii() else len(_NON_LATIN_LETTER.findall(text))
    if other_script >= MIN_LANGUAGE_LETTERS / 2:
        letters = len(_LETTER.findall(text))
        if letters >= MIN_LANGUAGE_LETTERS and other_script > 0.5 * letters:
            return f"{other_script / letters:.0%} of its letters are not Latin script"
    words = _WORD.findall(text.lower())
    english, other = _function_word_tables()
    share = sum(map(english.__contains__, words)) / len(words) if len(words) >= MIN_LANGUAGE_WORDS else None
    if share is not None and share < MAX_NON_ENGLISH_SHARE:
        hits = [other[w] for w in words if w in other]
        if len(hits) >= MIN_OTHER_SHARE * len(words):
            from collections import Counter
            top = Counter(lang for langs in hits for lang in langs).most_common(1)[0][0]
            return (f"it reads as {top}: {share:.0%} of its words are English function words such as the, of, "
                    f"and; {len(hits) / len(words):.0%} are other languages' such as le, der, el")
    if not declared_english and (share is None or share < MIN_ENGLISH_SHARE):
        return f"its page or input declares language {declared.strip()!r}"
    return ""


def _language_warnings(frame: pd.DataFrame) -> list[dict[str, str]]:
    """One warning per article that is clearly not English (:func:`english_evidence`)."""
    declared = frame["language"] if "language" in frame else pd.Series("", index=frame.index)
    out = []
    for text, lang, path, ident in zip(frame["text"], declared, frame["path"], frame["article_id"]):
        why = english_evidence(text, lang if isinstance(lang, str) else "") if isinstance(text, str) and text.strip() else ""
        if why:
            out.append({"path": path or ident, "reason": (
                f"not English ({why}): source types, cues and dates are read by English rules, so this "
                "article will get few or none")})
    return out


#: A syndication note at either end of a text ("This story originally appeared in ...").
_SYNDICATION = re.compile(r"\b(?:originally|first) (?:appeared|published)\b|\brepublished\b", re.I)


def _credit_line(lines: list[str], edge: int = 4) -> str:
    """The credit a text's first or last lines give: the wire agency a credit tagline names
    ("The Associated Press contributed to this report." -> "Associated Press"; taglines as the page
    reader finds them, :func:`srcanalysis.htmlpage.tagline_lines`), else a syndication note naming
    another outlet ("This story originally appeared in The Texas Tribune."), else ''.

    Example:
        >>> _credit_line(["The council met.", "The Associated Press contributed to this report."])
        'Associated Press'
        >>> _credit_line(["The council met.", "This story originally appeared in The Texas Tribune."])
        'This story originally appeared in The Texas Tribune.'
        >>> _credit_line(["Reporting by the council showed a deficit, which officials have contributed to for years."])
        ''
    """
    from .htmlpage import tagline_lines, wire_credit

    for line in tagline_lines(lines, edge, max_chars=200):
        agency = "" if re.search(r"\b(?:said|says|told)\b", line) else wire_credit(line)
        if agency:
            return agency
    return next((line.strip() for line in lines[:edge] + lines[-edge:]
                 if len(line) < 200 and _SYNDICATION.search(line)), "")


def _credit_of(author: str) -> str:
    """A wire agency named in an author field of a corpus (``"Reuters"``), else ''."""
    if not author:
        return ""
    try:
        from .htmlpage import wire_credit
    except ImportError:
        return ""
    return wire_credit(author)


def read_articles(
    source: str | Path | Sequence[str | Path] | pd.DataFrame,
    *,
    format: str | None = None,
    outlet: str | None = None,
    published: Any = None,
    clean: bool = True,
    max_bytes: int | None = None,
    keep_non_articles: bool = False,
) -> pd.DataFrame:
    """Load articles into a DataFrame, one row per article.

    Args:
        source: A file, a folder (read recursively), a list of paths or ``http(s)://`` URLs
            (downloaded with trafilatura; a page that cannot be fetched is recorded as skipped),
            or a DataFrame with at least a text column (``text``, ``body``, ``content``...).
        format: Force a format (``text``, ``html``, ``csv``, ``jsonl``, ``json``) instead of
            guessing from extensions.
        outlet: Outlet for articles whose input does not name one.
        published: Publication date for articles whose input gives none.
        clean: Remove boilerplate (promos, consent text, credits, navigation) and unwrap
            hard-wrapped lines. The clean body has one paragraph per line, separated by blank lines.
        max_bytes: Skip files larger than this (default 20 MiB for one-article files,
            2 GiB for corpora).
        keep_non_articles: Keep HTML pages that are not articles (section fronts and other
            listings of teaser cards, video-only pages) with a ``page_type`` column
            (``article``, ``listing``, ``video``); by default they are listed in
            ``attrs["skipped"]`` with the evidence.

    Returns:
        DataFrame with columns ``article_id`` (stable across runs), ``outlet``, ``title``,
        ``published`` (tz-naive datetime64, NaT when unknown), ``url``, ``author`` (people's
        names or a wire agency, '' when the page gives none), ``text``, ``path``, ``credit``
        (the wire agency a byline, dateline, tagline or author field names: "Associated Press",
        "Reuters"; or another outlet a byline credits, "USA Today" on a partner site; '' when
        none), ``published_from`` (``page metadata``, ``url``, ``byline``, ``date line`` (a visible
        date line under a page's headline), ``input`` for the
        input's own date (a text file's header, a corpus column), ``catalog`` for an ``articles.csv``
        catalog beside the files, ``argument`` for ``published=``, ``none``) and
        ``encoding`` (codec the file was decoded with; '' for DataFrames).
        ``df.attrs["skipped"]`` lists inputs not loaded (``path``, ``reason``);
        ``df.attrs["encodings"]`` names files not decoded as UTF-8; ``df.attrs["warnings"]``
        lists loaded inputs with something to check (mojibake, stray bytes, a day/month order
        read from the page's conventions or left empty, an article that is not English: see
        :func:`english_evidence`).

    Raises:
        FileNotFoundError: a path does not exist.
        ValueError: unknown format, or a corpus file without a text column given on its own (in
            a folder or a list it is listed in ``attrs["skipped"]`` and the other inputs load).

    Example:
        >>> df = read_articles(pd.DataFrame({"body": ["Mattis said no."], "source": ["Wire"]}))
        >>> df[["outlet", "text"]].values.tolist()
        [['Wire', 'Mattis said no.']]
    """
    load = _Load(keep_non_articles=keep_non_articles)
    if isinstance(source, pd.DataFrame):
        frame = source.reset_index(drop=True)
        records = ((f"<DataFrame>#row{i}", rec) for i, rec in enumerate(frame.to_dict("records")))
        _rows_from_records(records, Path("<DataFrame>"), load)
    else:
        hidden: list[Path] = []
        paths = _expand(source, hidden)
        for path in hidden:
            load.skip(path, f"hidden {'folder' if path.is_dir() else 'file'} (name starts with '.'), not read")
        catalog: dict[str, dict[str, Any]] = {}
        for folder in {p.parent for p in paths if isinstance(p, Path)}:
            for name in CATALOG_NAMES:
                candidate = folder / name
                if candidate.exists() and _is_catalog(candidate):
                    catalog.update(_read_catalog(candidate, load))
        for path in paths:
            if isinstance(path, str):
                _fetch_url(path, load)
                continue
            if _is_catalog(path):
                continue
            if path.stem.upper() in DOC_FILE_STEMS:
                load.skip(path, "documentation file (README/NOTICE/LICENSE), not an article")
                continue
            kind = _kind(path, format)
            if kind is None:
                if isinstance(source, (str, Path)) and Path(source).is_file():
                    raise ValueError(f"unknown format for {path}; pass format= (text, html, csv, jsonl, json)")
                load.skip(path, f"unsupported file type {path.suffix or '(no extension)'}")
                continue
            limit = max_bytes or (MAX_CORPUS_BYTES if kind in ("csv", "jsonl", "json") else MAX_ARTICLE_BYTES)
            reader = {"text": _read_text_file, "html": _read_html_file}.get(kind)
            try:
                if reader is not None:
                    reader(path, load, catalog, limit)
                else:
                    {"csv": _read_csv, "jsonl": _read_jsonl, "json": _read_json}[kind](path, load, limit)
            except ValueError as exc:  # a corpus without a text column
                if isinstance(source, (str, Path)) and Path(source).is_file():
                    raise
                load.skip(path, str(exc))
    frame = _finish(load.rows, outlet, published, clean, ("page_type",) if keep_non_articles else ())
    empty = [i for i, t in enumerate(frame["text"]) if not t.strip()]
    if empty:
        for i in empty:
            load.skip(frame.at[i, "path"] or frame.at[i, "article_id"], "no text left after removing boilerplate")
        frame = frame.drop(index=empty).reset_index(drop=True)
    frame.attrs["skipped"] = load.skipped
    frame.attrs["encodings"] = load.encodings
    frame.attrs["warnings"] = (load.warnings + frame.attrs.pop("date_warnings", [])
                               + frame.attrs.pop("language_warnings", []))
    return frame


def skipped(frame: pd.DataFrame) -> pd.DataFrame:
    """The inputs a :func:`read_articles` call did not load, as a DataFrame (``path``, ``reason``).

    Example:
        >>> skipped(read_articles(pd.DataFrame({"text": ["", "Hi."]})))["reason"].tolist()
        ['empty text']
    """
    return pd.DataFrame(frame.attrs.get("skipped", []), columns=["path", "reason"])

"""Split articles into paragraphs and sentences with exact character offsets.

The splitter is rule based and built for news text:

* candidate boundaries are ``.``, ``?``, ``!`` or ``…`` (plus closing quotes and brackets)
  followed by white space and an upper-case letter, a digit or an opening quote;
* after a known abbreviation the decision depends on its kind (``rules/abbreviations.csv``,
  one row per abbreviation with its family: titles, months, weekdays, numbering, scholarly
  citations "et al." (a two-word entry, so the name "Al." is not one) "cf." "ibid." "approx." "ca.", legal "v." "Art." "Sec." "Para.", measures,
  organisations, addresses, US states and Canadian provinces; checked against pysbd's English
  list, the Golden Rules set it comes from, the 150 real pages of ``bench/eval_loading.py`` and
  Reuters-21578, where unit words that usually end a sentence there, "pct." "lb." "lbs.", are left
  out):
  titles (``Lt.``, ``Gen.``, ``Mr.``, also prefixed: ``Ex-Gov.``) never end a sentence, month
  names (``Feb.``) end one unless a number follows, numbering
  words (``No.``) do not before a number (numbering words also not before a Roman numeral or a
  letter, "Vol. II", "No. A4"; written in lower case before any other word they end it: "he said
  no. Others"), clock times' ``a.m.``/``p.m.`` end one unless a weekday, month or time zone
  follows (``rules/after_clock.txt``: "9 a.m. Monday", "5 p.m. ET") or the sentence so far is
  only a fronted time phrase ("At 5 a.m. Mr. Smith left"), and other abbreviations (``U.S.``,
  ``Inc.``, ``Jr.``) end one only when the next word is a usual sentence opener
  (``rules/sentence_starters.txt``), so "U.S. officials" stays whole but "in the U.S. The next
  day" splits; single initials ("George W. Bush") behave the same way;
* a list marker on its own ("1.", "IV.", "b.") is not a sentence: it stays with the item it
  numbers ("1. The first point.");
* a paragraph break or a line break (newline, carriage return, Unicode line or paragraph separator) always
  ends a sentence, so headlines, bylines and datelines on their own lines are sentences of their own;
* ``?`` and ``!`` inside a quotation followed by a lower-case word ("“Stop!” he said.") do not,
  nor a quotation followed by its speaker and a speech verb ('“Why now?” Warren asked.'; the
  verbs that follow quotations, the ``inverts`` rows of ``sources/rules/attribution_cues.csv``).

``bench/bench_segment.py`` compares it with pysbd and syntok.
"""
from __future__ import annotations

import re
from functools import lru_cache, partial
from importlib.resources import files
from typing import Iterator

import pandas as pd

from .errors import carry_errors, per_article
from .schema import SENTENCE_COLUMNS

_BOUNDARY = re.compile(
    r"(?:[.!?]+|…)[\"”’'»)\]]*"      # terminal punctuation and closers
    r"(?=\s+[\"“‘'«(\[]?[A-Z0-9À-Ý])"   # followed by space and a capital, digit or opener
)
_PARAGRAPH = re.compile(r"[^\n\r\u2028\u2029\x85\x0b\x0c]+")  # a line: any line end ends it
_WORD_BEFORE = re.compile(r"([\w.'’&-]+)\.[\"”’'»)\]]*$")
_NEXT_DOTTED = re.compile(r"\s+[\"“‘'«(\[]?((?:[A-Za-z]\.){2,4})")
_NEXT_WORD = re.compile(r"\s+[\"“‘'«(\[]?([\w’'-]+)")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    table = pd.read_csv(files("srcanalysis").joinpath("rules/abbreviations.csv"), dtype=str)
    return dict(zip(table["abbrev"].str.lower(), table["kind"]))


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    text = files("srcanalysis").joinpath(f"rules/{name}").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _starters() -> frozenset[str]:
    return _word_list("sentence_starters.txt")


#: A numbering word's target that is not a digit: a Roman numeral or a letter, maybe with digits.
#: The bare "I" is left out: after "No." it is the pronoun ("No. I think so").
_NUMBER_LIKE = re.compile(r"(?!I(?![\w’']))(?:[IVXLC]+|[A-Z]\d*)(?![\w’'])")
#: A list marker standing alone: "1." "12." "IV." "b." (also in brackets, "(3).").
_LIST_MARKER = re.compile(r"\(?(?:\d{1,3}|[IVXLCivxlc]{1,5}|[A-Za-z])\)?\.")
#: A sentence opening that is only a fronted time phrase: "At 5 a.m." "Shortly after 9 p.m."
_FRONTED_TIME = re.compile(r"([A-Z]\w*)(?:\s+\w+){0,3}\s+\d{1,2}(?:[:.]\d\d)?\s*[ap]\.m", re.I)


def _clock_continues(text: str, match: re.Match[str], start: int, next_word: str) -> bool:
    """After "a.m."/"p.m.": does the sentence go on (a number, weekday, month, zone, "X time", fronted phrase)?"""
    dotted = _NEXT_DOTTED.match(text, match.end())  # "E.T." is "ET"
    zone = dotted.group(1).replace(".", "").lower() if dotted else ""
    if next_word[:1].isdigit() or {next_word.lower(), zone} & _word_list("after_clock.txt"):
        return True
    if "time" in re.findall(r"\w+", text[match.end(): match.end() + 40].lower())[:3]:
        return True
    fronted = _FRONTED_TIME.fullmatch(text, start, match.start())
    return bool(fronted) and fronted.group(1).lower() in _word_list("time_phrase_openers.txt")


@lru_cache(maxsize=1)
def _inverting_cues() -> frozenset[str]:
    """Speech verbs that follow a quotation ("said", "asked", "shouted"): the ``inverts`` rows of
    ``sources/rules/attribution_cues.csv``."""
    table = pd.read_csv(files("srcanalysis").joinpath("sources/rules/attribution_cues.csv"), dtype=str).fillna("")
    return frozenset(table.loc[table["flags"].str.contains("inverts"), "cue"].str.lower())


_QUOTE_CLOSERS = "\"”’'»"
_QUOTE_OPENERS = "\"“«‘"  # straight single quotes left out: they double as apostrophes
_ATTRIBUTION_WORD = re.compile(r"[\w'’.-]+|[^\w\s]")


def _quote_attribution(text: str, match: re.Match[str], start: int) -> bool:
    """A quotation that ends in ``.``/``?``/``!`` followed by its speaker and a speech verb: the
    attribution is part of the sentence ('“Why now?” Warren asked.', '“We won.” Ann Cole said.').
    The quotation must be all the sentence holds so far (it opens the sentence, or continues one
    opened in an earlier sentence).

    The speaker is one to six capitalised words (a title, a name); after a ``.`` the verb must
    also end the sentence ('“We won.” Ann Cole said.'), so '“We won.” Cole said the team...' and
    'He said, “...”' split.
    """
    punct = match.group(0)
    if not punct.rstrip(")]").endswith(tuple(_QUOTE_CLOSERS)):
        return False
    if any(q in text[start + 1: match.start()] for q in _QUOTE_OPENERS):
        return False  # the quotation is not all the sentence holds so far: 'He shouted “Stop!” Police said...'
    tokens = _ATTRIBUTION_WORD.findall(text, match.end(), match.end() + 80)
    for i, token in enumerate(tokens[:7]):
        if token.rstrip(".").lower() in _inverting_cues():
            after = "." if token.endswith(".") else tokens[i + 1] if i + 1 < len(tokens) else "."
            return i >= 1 and (not punct.startswith(".") or after == ".")
        if not token[:1].isupper():
            return False
    return False


def _is_boundary(text: str, match: re.Match[str], start: int = 0) -> bool:
    """Decide whether a candidate boundary really ends a sentence that began at ``start``."""
    punct = match.group(0)
    if _quote_attribution(text, match, start):
        return False
    if not punct.startswith("."):
        return True
    if punct.startswith(".."):
        return True
    head = text[max(0, match.start() - 40): match.start() + 1]
    before = _WORD_BEFORE.search(head)
    if not before:
        return True
    word = before.group(1).lstrip("'’(").lower()
    nxt = _NEXT_WORD.match(text, match.end())
    next_word = nxt.group(1) if nxt else ""
    pair = " ".join(head[:-1].lower().split()[-2:]).lstrip("'’(")  # two-word entries: "et al"
    kind = _abbreviations().get(pair) if " " in pair else None
    kind = kind or _abbreviations().get(word)
    if kind is None and "-" in word.strip("-"):  # a prefixed title: "Ex-Gov.", "Vice-Adm."
        kind = _abbreviations().get(word.rsplit("-", 1)[1])
        kind = kind if kind == "title" else None
    if kind is None:
        if len(word) == 1 and word.isalpha():  # an initial: "George W. Bush"
            kind = "common"
        elif "." in word and all(len(p) <= 2 for p in word.split(".")):  # "U.S", "a.m"
            kind = "common"
        else:
            return True
    if kind in ("title", "always"):
        return False
    if kind in ("month", "number") and next_word[:1].isdigit():
        return False
    if kind == "month":  # "in Oct. Nobody noticed": a month abbreviation only runs on before a number
        return True
    if kind == "number":
        if _NUMBER_LIKE.match(next_word):
            return False
        if before.group(1)[:1].islower():  # "he said no. Others", not "No. 1"
            return True
    if kind == "clock":
        return not _clock_continues(text, match, start, next_word)
    return next_word.lower() in _starters()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``.

    Spans exclude surrounding white space, so ``text[start:end]`` is the sentence.

    Example:
        >>> t = "Lt. Gen. Kenneth McKenzie Jr. spoke on Feb. 14. He said “Stop!” twice."
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['Lt. Gen. Kenneth McKenzie Jr. spoke on Feb. 14.', 'He said “Stop!” twice.']
    """
    return [span for _, spans in _paragraphs(text) for span in spans]


def _paragraphs(text: str) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """Yield ``(paragraph_index, sentence_spans)`` for each non-empty line of ``text``."""
    index = 0
    for para in _PARAGRAPH.finditer(text):
        start, end = para.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        spans = []
        cursor = start
        for m in _BOUNDARY.finditer(text, start, end):
            if _LIST_MARKER.fullmatch(text, cursor, m.end()):
                continue
            if _is_boundary(text, m, cursor):
                spans.append((cursor, m.end()))
                cursor = m.end()
                while cursor < end and text[cursor].isspace():
                    cursor += 1
        if cursor < end:
            spans.append((cursor, end))
        yield index, spans
        index += 1


def sentences(articles: pd.DataFrame, *, tag: bool = True, progress: bool = False,
              scope: str = "codebook") -> pd.DataFrame:
    """Split articles into one row per sentence, tagged by the kind of source it rests on.

    Args:
        articles: A :func:`srcanalysis.read_articles` DataFrame (or any DataFrame with a text
            column, which is passed through ``read_articles`` first).
        tag: Fill the source columns with :func:`srcanalysis.sources.attribution.tag_frame`; when
            ``False`` every sentence is ``unattributed``.
        progress: Show a progress bar (tqdm) over articles.
        scope: What counts as sourced: ``"codebook"`` (the sourcing codebook's sourced statement) or
            ``"polnear"`` (also beliefs and intentions, as PolNeAR annotates); see ``tag_frame``.

    Returns:
        DataFrame with ``article_id``, ``outlet``, ``published``, ``paragraph``, ``sentence``
        (index within the article), ``start``, ``end`` (offsets into the article text:
        ``text[start:end]`` is the sentence), ``text`` and the source columns
        (``source_type``, ``source``, ``cue``, ...).

    Example:
        >>> import srcanalysis as sa
        >>> arts = sa.read_articles(pd.DataFrame({"text": ["Flynn was fired. Mattis said no."]}))
        >>> sa.sentences(arts, tag=False)[["sentence", "start", "end", "text"]].values.tolist()
        [[0, 0, 16, 'Flynn was fired.'], [1, 17, 32, 'Mattis said no.']]
    """
    required = {"article_id", "outlet", "published", "text"}
    if not required <= set(articles.columns):
        from .loading import read_articles
        articles = read_articles(articles)
    log_rows: list[dict] = []
    rows = zip(articles["article_id"], articles["outlet"], articles["published"], articles["text"])
    if progress:
        from tqdm.auto import tqdm
        rows = tqdm(rows, total=len(articles), desc="sentences", unit="article")
    items = ((row[0], row) for row in rows if isinstance(row[3], str))
    parts = [part for _, part in per_article("sentences", items, _article_sentences, log_rows)]
    frame = _sentence_frame(parts)
    if tag:
        source = _tag_by_article(frame, log_rows, scope)
        frame = frame.loc[source.index]
    else:
        from .schema import empty_source_columns
        source = empty_source_columns(len(frame), frame.index)
    frame = pd.concat([frame, source], axis=1)[SENTENCE_COLUMNS].reset_index(drop=True)
    return carry_errors(frame, articles, new=log_rows)


def _article_sentences(row: tuple) -> list[tuple]:
    """The sentence rows of one article: ``(article_id, outlet, published, paragraph, sentence, start, end, text)``."""
    article_id, outlet, published, text = row
    out = []
    for p, spans in _paragraphs(text):
        for s, e in spans:
            out.append((article_id, outlet, published, p, len(out), s, e, text[s:e]))
    return out


def _sentence_frame(parts: list[list[tuple]]) -> pd.DataFrame:
    """One frame from the per-article sentence rows, with the sentence columns' dtypes."""
    from .time.timex import local_published

    flat = [r for part in parts for r in part]
    cols = list(zip(*flat)) if flat else [()] * 8
    return pd.DataFrame({
        "article_id": pd.Series(cols[0], dtype=object),
        "outlet": pd.Series(cols[1], dtype=object),
        "published": local_published(pd.Series(cols[2], dtype=object)),  # mixed offsets: each outlet's wall time
        "paragraph": pd.Series(cols[3], dtype="int64"),
        "sentence": pd.Series(cols[4], dtype="int64"),
        "start": pd.Series(cols[5], dtype="int64"),
        "end": pd.Series(cols[6], dtype="int64"),
        "text": pd.Series(cols[7], dtype=object),
    })


def _tag_by_article(frame: pd.DataFrame, log_rows: list[dict], scope: str = "codebook") -> pd.DataFrame:
    """Source columns for ``frame``; an article whose tagging fails is recorded and left out.

    All articles are tagged in one call; only if that raises are they tagged one by one, so
    the failing article is found, recorded in ``log_rows`` and dropped while the others keep
    their tags.
    """
    from .sources.attribution import tag_frame
    cols = ["article_id", "paragraph", "sentence", "text"]
    tag = partial(tag_frame, scope=scope)
    try:
        return tag(frame[cols])
    except Exception:  # noqa: BLE001  find the article that failed, below
        pass
    groups = ((aid, group) for aid, group in frame[cols].groupby("article_id", sort=False))
    parts = [part for _, part in per_article("tagging", groups, tag, log_rows)]
    if not parts:
        from .schema import empty_source_columns
        return empty_source_columns(0, frame.index[:0])
    return pd.concat(parts)

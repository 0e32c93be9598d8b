"""Sentence dates: which day (or month, or year) each sentence of a news article reports on.

:func:`date_sentences` runs the time-expression engine over each article's sentences in order and
gives every sentence one event interval and where it came from:

* ``own``: the sentence dates itself. Of its resolved DATE/TIME expressions the one dating what it
  reports is chosen: expressions in background clauses ("Apple, which was founded in 1976,") or in
  parentheses come last, then expressions inside quotation marks, then the finest granularity,
  then the first in the sentence. A cited document's publication ("according to a study
  published yesterday") is background too, and the "since" of a relative or participial clause
  ("Marsh, who has swum there since 1998") dates nothing. When the sentence reports a plan ("it
  will cut releases starting Oct. 1, the agency said Thursday") the date the plan takes effect,
  when after publication, comes after the statement's own date: the sentence reports the statement.
* ``carried``: no expression of its own, told in the past tense; news narrative keeps its
  reference time until a new anchor, so the sentence takes the reference time set by the last
  narrative sentence of the article (a present-tense sentence speaks at publication time). Only
  an unquoted, foreground expression at most ``carry`` coarse (a day) and not after publication
  sets it ("On Monday the board met. It voted to sell." - both Monday); quotes, background
  clauses and plans ("payable Dec. 15") do not move it. A foreground expression that leaves the
  reference day for another time too coarse to carry ("In 1986 he bought Pixar", "In the 1990s,
  he seized farms" - that sentence itself then takes no day) sends the
  narrative back to the lede's day (the article's first such day, not a dateline), and the
  sentence right after it that opens on a pronoun ("She said ...") is still in that other time,
  so it takes the publication date rather than the lede's day. A biography verb ("died",
  "founded") marks background only for dates more than a year old: "died yesterday" is the news.
* ``published``: neither: the publication date (the news peg). A sentence saying someone would
  not comment ("The White House declined to comment", "did not respond to a request for comment")
  speaks at publication time too: the reporter asked for the article, not on the narrative's day.
* ``none``: no publication date either, or the article failed (see ``attrs["errors"]``).

Relative expressions are never resolved against a guessed publication date: without one they
stay ``XXXX`` and date nothing.

Example:
    >>> import pandas as pd
    >>> sents = pd.DataFrame({"article_id": "a", "published": pd.Timestamp("2017-04-05"),
    ...     "sentence": [0, 1, 2],
    ...     "text": ["The board met on Monday.", "It voted to sell the unit.", "The unit has 300 staff."]})
    >>> d = date_sentences(sents)
    >>> d[["event_basis", "event_expression"]].values.tolist()
    [['own', 'Monday'], ['carried', 'Monday'], ['published', '']]
    >>> str(d.loc[1, "event_begin"].date()), d.loc[1, "event_granularity"]
    ('2017-04-03', 'day')
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from ..errors import carry_errors, per_article
from .timex import GRAN_ORDER, _extract, _rules, _State, _to_date, day_first, local_published, _month_not_modal, _past_cue

__all__ = ["date_sentences", "SENTENCE_DATE_COLUMNS", "choose_expression", "reporting_lag", "LAG_WINDOW_DAYS"]

#: Columns :func:`date_sentences` adds.
SENTENCE_DATE_COLUMNS = ["event_begin", "event_end", "event_granularity", "event_basis", "event_expression",
                         "event_lag"]

# "three days later": a duration whose row carries the day it reaches dates the sentence like a date
_LATER = re.compile(r"\s*later\b", re.I)
_QUOTE = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    """Patterns built from ``rules/sentence_cues.csv`` (relative pronouns and background words
    that open a background clause, present-tense and modal verbs)."""
    with resources.files("srcanalysis.time").joinpath("rules/sentence_cues.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    words = {k: "|".join(sorted((re.escape(r["cue"]).replace("'", "['’]") for r in rows if r["kind"] == k),
                                key=len, reverse=True)) for k in ("relative", "background", "biography", "present", "anaphor", "no_comment", "document", "publication",
                      "plan", "plan_start")}
    return {
        # a clause giving background: a relative or parenthetical clause, or a since/until span
        "background": re.compile(rf"(?i)(?:,\s*(?:{words['relative']})\b[^,;]*|\([^)]*|\b(?:{words['background']})\b[^,;.]*)$"),
        # a biography or history verb ("born in 1955", "founded in 1976"): background for old dates only
        "biography": re.compile(rf"(?i)\b(?:{words['biography']})\b[^,;.]*$"),
        # a present cue, or a third-person pronoun with an -s verb ("it expects", "he still plans")
        "present": re.compile(rf"(?i)\b(?:{words['present']})(?!\w)|\b(?:he|she|it)\s+(?:(?:also|still|now|only|already)\s+)?"
                              r"(?!(?:was|always|perhaps|sometimes|thus|its|as|this|is)\b)[a-z]{2,}[^s\W]s\b"),
        # a sentence opening on a pronoun ("She said ...") goes on about the sentence before it
        "anaphor": re.compile(rf"(?i)^\W*(?:{words['anaphor']})\b"),
        # "a study published yesterday", "a report by the UN released on Tuesday" (not "the report was released")
        "citation": re.compile(rf"(?i)\b(?:{words['document']})s?\s+(?:(?!(?:was|were|is|are|has|have|had|been|be|will)\b)[\w'’-]+\s+){{0,4}}?"
                               rf"(?:{words['publication']})\s+(?:(?:on|in|at|earlier|early|late)\s+)?$"),
        # "Marsh, who has swum there since 1998", "Marsh, living there since 1998,": the start of a state, not an event
        "since_clause": re.compile(rf"(?i)(?:,\s*(?:{words['relative']})\b|,\s*(?:having\b|[a-z]+ing\b))[^,;]*\b(?:ever\s+)?since\s+$"),
        # "X declined to comment", "did not respond to a request for comment": said at publication time
        "no_comment": re.compile(rf"(?i)\b(?:{words['no_comment']})\b"),
        # "would cut releases ... starting Oct. 1", "plans to raise rates from Aug. 1": when a plan takes effect
        "plan": re.compile(rf"(?i)(?:\b|(?<=\w))(?:{words['plan']})\b"),
        "plan_start": re.compile(rf"(?i)\b(?:{words['plan_start']})\s+(?:on\s+)?$"),
    }


# "was/were" + a participle or a progressive: an event ("was taken to hospital", "were shot", "were fleeing")
_PARTICIPLE = re.compile(r"(?i)\b(?:was|were)\s+(?:(?:not|never|also|later|then|first|quickly|[a-z]+ly)\s+)?[a-z]+(?:en|ed|wn|rn|ght|t|ung|id|ot|ing)\b")


@lru_cache(maxsize=4)
def _cue_words(kind: str) -> frozenset[str]:
    """The cues of one kind in ``rules/sentence_cues.csv``."""
    with resources.files("srcanalysis.time").joinpath("rules/sentence_cues.csv").open(encoding="utf-8") as fh:
        return frozenset(r["cue"] for r in csv.DictReader(fh) if r["kind"] == kind)


def _reporting() -> frozenset[str]:
    """Reporting verbs ("said", "told"; kind ``reporting``)."""
    return _cue_words("reporting")


def _not_narrative() -> frozenset[str]:
    """Past-pointing adverbs that are no past verb ("since", "ago"; kind ``not_narrative``)."""
    return _cue_words("not_narrative")


def _quote_open_after(text: str, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of a sentence (a quote running over several
    sentences: '"We waited years. | Nobody believed it," she said.').

    Example:
        >>> _quote_open_after('"We waited years.', False), _quote_open_after('Nobody believed it," she said.', True)
        (True, False)
    """
    for ch in re.findall(r"[\"“”]", text):
        open_before = ch == "“" or (ch == '"' and not open_before)
    return open_before


def _quoted(text: str, start: int) -> bool:
    return any(m.start() < start < m.end() for m in _QUOTE.finditer(text))


def _background(text: str, start: int, old: bool = True) -> bool:
    """Whether the expression at ``start`` stands in a background clause; a biography verb ("died",
    "founded") makes background only of an ``old`` date: "died yesterday" is the news itself."""
    before = text[max(0, start - 80):start]
    return bool(_cues()["background"].search(before) or _cues()["citation"].search(before)
                or (old and _cues()["biography"].search(before)))


def _since_clause(text: str, start: int) -> bool:
    """Whether the expression at ``start`` is the "since" of a relative or participial clause
    ("said Helen Marsh, who has swum there since 1998"): it dates when a state began, not what the
    sentence reports, so it never dates the sentence.

    Example:
        >>> t = "said Ann Lee, who has lived there since 1998."
        >>> _since_clause(t, t.index("1998")), _since_clause("Sales rose since 1998.", 17)
        (True, False)
    """
    return bool(_cues()["since_clause"].search(text[max(0, start - 120):start]))


def _plan(text: str, start: int) -> bool:
    """Whether the expression at ``start`` says when a plan takes effect: a start word right
    before it ("starting", "beginning", "from"; ``rules/sentence_cues.csv`` kind ``plan_start``)
    in a sentence with a plan verb ("will", "would", "plans to"; kind ``plan``), both outside
    quotation marks. The sentence reports the statement of the plan, so a date of the statement
    ("said Thursday") dates it rather than the plan's date.

    Example:
        >>> t = "Starting Oct. 1, the agency said Thursday, it will cut releases."
        >>> u = "The agency said it would cut releases starting Oct. 1."
        >>> _plan(t, 9), _plan(u, u.index("Oct")), _plan("Sales rose starting May 2.", 20)
        (True, True, False)
    """
    bare = _QUOTE.sub(lambda m: " " * len(m.group(0)), text)
    return bool(_cues()["plan_start"].search(bare[max(0, start - 20):start]) and _cues()["plan"].search(bare))


def _before(r: dict[str, Any], published: Any) -> bool:
    """Whether an expression's interval begins on or before publication (False when either is unknown)."""
    if published is None or pd.isna(published) or r.get("begin") is None:
        return False
    return pd.Timestamp(r["begin"]) <= pd.Timestamp(published)


def _old(r: dict[str, Any], published: Any) -> bool:
    """Whether an expression's interval ends more than :data:`LAG_WINDOW_DAYS` before publication
    (True when publication is unknown)."""
    if published is None or pd.isna(published) or r.get("end_date") is None:
        return True
    return (pd.Timestamp(published) - pd.Timestamp(r["end_date"])).days > LAG_WINDOW_DAYS


#: Granularities that can date what a sentence reports; a decade or a century ("out of place in
#: the 21st century") names an era, not an event.
_DATING = GRAN_ORDER[: GRAN_ORDER.index("year") + 1]


def _past(text: str) -> bool:
    """Whether a sentence narrates in the past: outside quotation marks, its first tense cue is a
    past one (``rules/timex_tense.csv`` or an -ed verb) rather than a present or future one. A
    present-tense statement ("The phone has two cameras", "..., says Ms. Helms") speaks at
    publication time, so only past-tense sentences carry the narrative's reference day.

    A sentence whose only past verb is "was"/"were" without a participle ("He was 95") states a
    condition, not an event on a day; a reporting verb ("said") leaves the decision to the clause
    it reports ("It said it expects ..." is present); "since"/"ago" are no past verbs.

    Example:
        >>> _past("It voted to sell."), _past("The phone has a frame, dubbed steel."), _past('"We tried," he says.')
        (True, False, False)
        >>> _past("He was 95."), _past("He was taken to hospital."), _past("It said it expects a loss.")
        (False, True, False)
    """
    bare = _QUOTE.sub(" ", text)
    cues = [m for m in _rules().future_re.finditer(bare)
            if m.group("past") and m.group(0).lower() not in _not_narrative() and _past_cue(bare, m)]
    if not cues:
        return False
    present = next((m for m in _cues()["present"].finditer(bare) if not _month_not_modal(bare, m.start(), m.group(0))), None)
    # a reporting verb is past because the saying is ("Acme said it expects ..."): the reported
    # clause's own tense decides, so a present cue after it wins unless a narrative past verb comes first
    if all(m.group(0).lower() in _cue_words("copula") for m in cues) and not _PARTICIPLE.search(bare):
        return False  # "He was a dictator", "Van Halen was a native of ...": a state, no event to date
    past = next((m.start() for m in cues if m.group(0).lower() not in _reporting()), None)
    if past is None and all(m.group(0).lower() in _not_narrative() for m in cues):
        return False  # "Since its launch the store has sold ...": no past verb at all
    return present is None or (past is not None and past < present.start())


def _no_comment(text: str) -> bool:
    """Whether a sentence, outside quotation marks, reports that someone would not comment ("The
    White House declined to comment", "did not respond to a request for comment";
    ``rules/sentence_cues.csv`` kind ``no_comment``): the reporter's request is made for the article,
    so the sentence speaks at publication time and never carries the narrative's day.

    Example:
        >>> _no_comment("The ministry did not immediately respond to a request for comment."), _no_comment("It declined.")
        (True, False)
    """
    return bool(_cues()["no_comment"].search(_QUOTE.sub(" ", text)))


def _dateline(text: str, r: dict[str, Any]) -> bool:
    """Whether a sentence is only its date (a dateline such as "June 8, 2010")."""
    return len(re.sub(r"[\W_]+", "", text)) <= len(re.sub(r"[\W_]+", "", r["text"]))


def _in_range(r: dict[str, Any]) -> bool:
    """pandas Timestamps (nanoseconds) span 1678-2261: earlier dates ("the 16th century") date nothing here."""
    return all(getattr(r.get(k), "year", 2000) in range(1678, 2262) for k in ("begin", "end_date"))


def choose_expression(text: str, rows: list[dict[str, Any]], published: Any = None) -> tuple[dict[str, Any] | None, bool]:
    """Pick the expression that dates what a sentence reports.

    Args:
        text: The sentence.
        rows: Its resolved expressions (rows of the time-expression engine: ``start, text, type,
            begin, granularity``). Only DATE/TIME expressions with an interval at most a year wide
            are eligible (a decade or century names an era, not an event).
        published: The publication date, when known: a biography or history verb ("died",
            "founded", ``rules/sentence_cues.csv`` kind ``biography``) makes background only of a
            date more than :data:`LAG_WINDOW_DAYS` before it ("died in 1999", not "died yesterday").
            A plan's start after it ("will cut ... starting Oct. 1", see ``_plan``) ranks after the
            other expressions of the sentence (after quoted ones, before background).

    Returns:
        ``(row, narrative)``: the chosen row (None when no DATE/TIME expression has an interval)
        and whether it may move the narrative's reference time (not quoted, not background).

    Example:
        >>> rows = [{"start": 21, "text": "1976", "type": "DATE", "begin": 1, "granularity": "year", "value": "1976"},
        ...         {"start": 40, "text": "Monday", "type": "DATE", "begin": 1, "granularity": "day", "value": "x"}]
        >>> r, narrative = choose_expression("Apple, which began in 1976, sued on Monday.", rows)
        >>> r["text"], narrative
        ('Monday', True)
    """
    best, best_key, best_narr = None, None, False
    for r in rows:
        if (r["type"] not in ("DATE", "TIME") and not _LATER.match(text, r["end"])) or r["begin"] is None \
                or r["granularity"] not in _DATING \
                or str(r["value"]).endswith("_REF") or not _in_range(r) or _since_clause(text, r["start"]):
            continue
        bg, q = _background(text, r["start"], _old(r, published)), _quoted(text, r["start"])
        plan = _plan(text, r["start"]) and not _before(r, published)  # "from Jan. 1" in July is no plan
        key = (bg, q, plan, GRAN_ORDER.index(r["granularity"]), r["start"])
        if best_key is None or key < best_key:
            best, best_key, best_narr = r, key, not (bg or q)
    return best, best_narr


def _era(text: str, rows: list[dict[str, Any]], published: Any, day: Any) -> bool:
    """Whether a sentence stands in a decade or century of its own that leaves out the narrative's
    ``day`` ("in the 1960s"; not "in the last decade", which runs up to now, nor "out of place in
    the 21st century"), in the foreground: it tells of another time, so it takes no day from the
    narrative."""
    d = pd.Timestamp(day).date()
    return any(r["type"] == "DATE" and r["granularity"] in ("decade", "century") and r.get("anchor") != "published"
               and r["begin"] is not None and r["end_date"] is not None
               and not (pd.Timestamp(r["begin"]).date() <= d <= pd.Timestamp(r["end_date"]).date())
               and not _quoted(text, r["start"])
               and not _background(text, r["start"], _old(r, published)) for r in rows)


def _lag_end(begin: Any, end: Any, pub: Any, text: str) -> Any:
    """The end the reporting lag is measured from: a past-tense sentence dated by an interval that
    runs past publication ("This year the company lost money", written in September) reports
    something that happened before publication, so its lag is measured from publication (0 days,
    not -116). The same interval in a sentence not told in the past ("a big E3 this year") is a period
    still running: it has no lag (NaT), not a negative one. An event that begins after publication
    (a plan: "cuts starting Oct. 1" in a July article) has not happened, so it has no reporting lag
    either (NaT). ``event_end`` itself keeps the calendar interval (the TIMEX3 value "2019").

    Example:
        >>> p = pd.Timestamp("2019-09-06"); b, e = pd.Timestamp("2019-01-01"), pd.Timestamp("2019-12-31")
        >>> str(_lag_end(b, e, p, "This year it lost money.").date()), _lag_end(b, e, p, "This year it will lose.")
        ('2019-09-06', NaT)
        >>> _lag_end(pd.Timestamp("2019-10-01"), pd.Timestamp("2019-10-01"), p, "Cuts start Oct. 1.")
        NaT
    """
    if pub is pd.NaT or pd.isna(pub) or pd.isna(begin) or pd.isna(end):
        return end
    if begin > pub:
        return pd.NaT  # a planned event: nothing to have been late in reporting
    if not (begin <= pub < end):
        return end
    return pub if _past(text) else pd.NaT  # a period still running ("a big E3 this year"): no lag yet


#: Reporting lag is measured only for events within this many days of publication (either side):
#: older dates are history or background (a birth year in an obituary, "the 1867 Tenure of Office
#: Act"), not the delay with which news was reported. Measured with bench/eval_timeline.py: without
#: the window the mean lag error is 226 days (SemEval trial) and 157 (TimeBank), dominated by 21 and
#: 49 far-back sentences; within +-365 days it is 64 and 49, keeping 135/138 and 734/759 of the gold
#: events that lie within the window.
LAG_WINDOW_DAYS = 365


def reporting_lag(published: pd.Series, event_end: pd.Series) -> pd.Series:
    """Publication minus event end (Timedelta), NaT outside :data:`LAG_WINDOW_DAYS` either side.

    Counted in whole calendar days: the publication's time of day is dropped (an event on 30 April
    reported at 23:30 on 1 May has a lag of 1 day, not 1 day 23:30); ``published`` is read by
    :func:`~srcanalysis.time.timex.local_published` (the outlet's local date, offsets dropped).

    Example:
        >>> pub = pd.Series(pd.to_datetime(["2019-09-06", "2019-09-06"]))
        >>> reporting_lag(pub, pd.Series(pd.to_datetime(["2019-09-02", "1931-12-31"]))).dt.days.tolist()
        [4.0, nan]
    """
    lag = (local_published(published).dt.normalize().to_numpy()
           - pd.to_datetime(event_end, errors="coerce").astype("datetime64[ns]")).astype("timedelta64[ns]")
    return lag.where(lag.abs() <= pd.Timedelta(days=LAG_WINDOW_DAYS))


def _date_article(texts: list[str], pub: Any, carry: str, article_id: Any = "",
                  log: list[dict[str, Any]] | None = None, paragraphs: list[Any] | None = None) -> list[tuple]:
    """Event interval of each sentence of one article (in order)."""
    st = _State(_to_date(pub), article_id=article_id, dayfirst=day_first(" ".join(texts)))
    pub_ts = pd.Timestamp(st.dct) if st.dct is not None else pd.NaT
    limit = GRAN_ORDER.index(carry)
    ref: tuple | None = None
    peg: tuple | None = None
    shifted = False  # the sentence before moved the narrative to a time too coarse to carry
    out = []
    quote_open = False
    for k, text in enumerate(texts):
        rows = _extract(text, st)
        if paragraphs is not None and k and paragraphs[k] != paragraphs[k - 1]:
            quote_open = False  # a quote running on into the next paragraph opens again there
        opened, quote_open = quote_open, _quote_open_after(text, quote_open)
        if opened:  # the sentence goes on with a quote opened before it: read it with its opening mark
            text = '"' + text
            rows = [dict(x, start=x["start"] + 1, end=x["end"] + 1) for x in rows]
        r, narrative = choose_expression(text, rows, st.dct)
        if r is not None:
            b, e = pd.Timestamp(r["begin"]), pd.Timestamp(r["end_date"])
            item = (b, e, r["granularity"], "own", r["text"], _lag_end(b, e, pub_ts, text))
            ahead = pub_ts is not pd.NaT and item[0] > pub_ts  # a plan: past-tense narrative cannot stand there
            if narrative and GRAN_ORDER.index(r["granularity"]) <= limit and not ahead:
                ref = item
                peg = peg or (None if _dateline(text, r) else item)
            elif narrative and not ahead and ref is not None and not (b <= ref[0] and ref[1] <= e):
                ref = peg  # the narrative moved to another time ("In 1986 he bought Pixar"): back to the lede's day
                shifted = True
                out.append(item)
                continue
        elif ref is not None and _era(text, rows, st.dct, ref[0]):
            ref, item = peg, (pub_ts, pub_ts, "day", "published", "", pub_ts) if pub_ts is not pd.NaT else \
                (pd.NaT, pd.NaT, "", "none", "", pd.NaT)  # "The vaccine came in the 1960s": another time, no day
            shifted = True
            out.append(item)
            continue
        elif ref is not None and _past(text) and not (shifted and _cues()["anaphor"].match(text)) \
                and not _no_comment(text):
            # "In September, Diaz objected. She said ...": "She" still speaks in September, not on the lede's day
            item = ref[:3] + ("carried", ref[4], ref[5])
        elif pub_ts is not pd.NaT:
            item = (pub_ts, pub_ts, "day", "published", "", pub_ts)
        else:
            item = (pd.NaT, pd.NaT, "", "none", "", pd.NaT)
        shifted = False
        out.append(item)
    if log is not None:
        log.extend(st.errors)
    return out


def date_sentences(sentences: pd.DataFrame, *, carry: str = "day") -> pd.DataFrame:
    """Date every sentence by the event it reports.

    Args:
        sentences: Sentence frame with ``article_id`` and ``text``; ``published`` (the article's
            publication date, NaT when unknown) and ``sentence`` (order within the article) are
            used when present. Rows of one article are processed in ``sentence`` order.
        carry: Coarsest granularity of an expression that sets the narrative's reference time for
            the sentences after it (``"day"`` … ``"year"``; default ``"day"``: a month or a year
            names the context rather than the moment the narrative stands at).

    A quotation that runs over several sentences is followed across them (``paragraph``, when
    present, closes it at a paragraph break): a sentence inside it is the speaker's account,
    not the article's narrative, so it neither carries nor sets the reference day.

    Returns:
        The input rows (same index and order) plus ``event_begin``, ``event_end`` (Timestamps,
        first and last day of the interval, NaT when unknown), ``event_granularity`` (``day``,
        ``week``, ``month``, ``season``, ``quarter``, ``half``, ``year``, ``decade``,
        ``century``; empty when unknown), ``event_basis`` (``own``, ``carried``, ``published``,
        ``none``), ``event_expression`` (the expression used, empty for ``published``/``none``)
        and ``event_lag`` (publication minus ``event_end``, Timedelta, in whole days; measured
        from publication for a past-tense sentence dated by a period running past it; NaT for an
        event that begins after publication (a plan) or a period still running, and for events
        more than :data:`LAG_WINDOW_DAYS` days before publication, which are history or
        background, not reporting delay). An article that fails is recorded in ``attrs["errors"]`` (stage
        ``"date_sentences"``) and its sentences get basis ``none``; the others go on.

    Raises:
        ValueError: ``carry`` is not a granularity.

    Example:
        >>> import pandas as pd
        >>> s = pd.DataFrame({"article_id": ["a", "a"], "published": pd.NaT,
        ...                   "text": ["It rained last week.", "In March 2016 it snowed."]})
        >>> date_sentences(s)[["event_basis", "event_granularity"]].values.tolist()
        [['none', ''], ['own', 'month']]
    """
    if carry not in GRAN_ORDER:
        raise ValueError(f"carry={carry!r}: use one of {GRAN_ORDER}")
    df = sentences.copy()
    n = len(df)
    begin = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    end = begin.copy()
    gran = np.full(n, "", dtype=object)
    basis = np.full(n, "none", dtype=object)
    expr = np.full(n, "", dtype=object)
    lag_end = end.copy()
    log: list[dict[str, Any]] = []
    if n:
        aids = df["article_id"].tolist() if "article_id" in df.columns else [""] * n
        pubs = local_published(df["published"]).tolist() if "published" in df.columns else [pd.NaT] * n
        order = df["sentence"].tolist() if "sentence" in df.columns else list(range(n))
        paras = df["paragraph"].tolist() if "paragraph" in df.columns else [0] * n
        texts = ["" if not isinstance(t, str) and pd.isna(t) else str(t) for t in df["text"].tolist()]
        groups: dict[Any, list[int]] = {}
        for i, a in enumerate(aids):
            groups.setdefault(a, []).append(i)
        items = [(a, sorted(idx, key=lambda i: (order[i], i))) for a, idx in groups.items()]
        for _aid, (idx, res) in per_article(
                "date_sentences", [(a, (a, idx)) for a, idx in items],
                lambda a_idx: (a_idx[1], _date_article([texts[i] for i in a_idx[1]], pubs[a_idx[1][0]], carry,
                                                       a_idx[0], log, [paras[i] for i in a_idx[1]])), log):
            for i, (b, e, g, s, x, le) in zip(idx, res):
                begin[i], end[i], lag_end[i] = (np.datetime64(b, "ns") if b is not pd.NaT else begin[i]), \
                    (np.datetime64(e, "ns") if e is not pd.NaT else end[i]), \
                    (np.datetime64(le, "ns") if le is not pd.NaT else lag_end[i])
                gran[i], basis[i], expr[i] = g, s, x
    df["event_begin"] = begin
    df["event_end"] = end
    df["event_granularity"] = gran
    df["event_basis"] = basis
    df["event_expression"] = expr
    pub = local_published(df["published"]) if "published" in df.columns \
        else pd.Series(pd.NaT, index=df.index, dtype="datetime64[ns]")
    df["event_lag"] = reporting_lag(pub, pd.Series(lag_end, index=df.index))
    return carry_errors(df, sentences, new=log)

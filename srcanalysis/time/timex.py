"""Find time expressions in news text and resolve them to calendar intervals (TIMEX3 style).

A pure-Python rule engine: regular expressions built from word tables kept as data in
``srcanalysis/time/rules/timex_*.csv`` find the extents; the resolver of the expression's kind
(a table, :data:`_RESOLVERS`, of small functions ``_r_*``) turns each one into a TimeML
``TIMEX3`` value (``2017-02-14``, ``2017-01`` with mod ``END``, ``2016-FA``, ``P3M``,
``PRESENT_REF`` …) and a calendar interval, anchored on the publication date or on the
previous expression for anaphora such as "the following month".

Conventions (TimeML 1.2 / TempEval-3):
    * Extents include determiners and modifiers that belong to the expression
      ("the past three months", "early next year", "the end of 1998") but not prepositions.
    * ``begin`` is the first day of the interval, ``end_date`` the LAST day (inclusive, at
      midnight); a mod START/MID/END keeps the first/middle/last third of the interval. A
      current period pointed back from publication ("earlier this month", "so far this year";
      ``rules/timex_clause_cues.csv`` kind ``so_far``) ends at publication; ``value`` is kept.
    * Month-days, months, seasons and weekdays without a year resolve to the most recent
      instance on or before publication, unless the sentence is in the future tense.
    * "last week" is the ISO week before publication (``2017-W12``), "the 1990s" is ``199``,
      quarters are ``2017-Q1``, halves ``2017-H2``, seasons ``2016-FA`` (winter ``2016-WI`` is
      December 2016 to February 2017).

Example:
    >>> df = find_timexes("Sometime in late January, Flynn pushed. On Feb. 14, Trump fired him.",
    ...                   published="2017-04-01")
    >>> df[["text", "value", "mod"]].values.tolist()
    [['late January', '2017-01', 'END'], ['Feb. 14', '2017-02-14', '']]
    >>> str(df.loc[0, "begin"].date()), str(df.loc[0, "end_date"].date())
    ('2017-01-21', '2017-01-31')
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta

from ..errors import record_error

COLUMNS = ["start", "end", "text", "type", "value", "mod", "begin", "end_date", "granularity", "anchor"]

Date = dt.date

# ----------------------------------------------------------------------------- rule tables


def _table(name: str) -> list[dict[str, str]]:
    with resources.files("srcanalysis.time").joinpath(f"rules/timex_{name}.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _alt(words, ci: bool = False) -> str:
    """Regex alternation of ``words`` (longest first); spaces match any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts)
    return f"(?i:{body})" if ci else f"(?:{body})"


def _cases(word: str) -> list[str]:
    return [word, word.upper()]


@dataclass
class _Rules:
    months: dict[str, int]
    ambiguous_months: set[str]
    weekdays: dict[str, int]
    seasons: dict[str, tuple[str, int]]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, str]
    relative: dict[str, tuple[int, bool]]
    directions: dict[str, tuple[int, bool]]
    mods: dict[str, tuple[str, str]]
    refs: dict[str, tuple[str, str]]
    dayparts: dict[str, str]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, int, str]]
    future_re: re.Pattern
    year_blockers: set[str]
    year_context: set[str] = field(default_factory=set)
    year_verbs: set[str] = field(default_factory=set)
    patterns: list[tuple[str, re.Pattern]] = field(default_factory=list)
    keywords: dict[str, set[str]] = field(default_factory=dict)
    digit_gate: re.Pattern | None = None
    pattern_gates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mod_re: re.Pattern | None = None
    prefilter: re.Pattern | None = None


TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    months, amb = {}, set()
    for r in _table("months"):
        for w in _cases(r["word"]):
            months[w.lower()] = int(r["month"])
        if r["ambiguous"] == "1":
            amb.add(r["word"].lower())
    weekdays = {}
    for r in _table("weekdays"):
        weekdays[r["word"].lower()] = int(r["weekday"])
    R = _Rules(
        months=months,
        ambiguous_months=amb,
        weekdays=weekdays,
        seasons={r["word"]: (r["code"], int(r["start_month"])) for r in _table("seasons")},
        numbers={r["word"]: r["value"] for r in _table("numbers")},
        ordinals={r["word"]: int(r["value"]) for r in _table("ordinals")},
        units={r["word"]: r["unit"] for r in _table("units")},
        relative={r["word"]: (int(r["offset"]), r["anaphoric"] == "1") for r in _table("relative")},
        directions={r["phrase"]: (int(r["offset"]), r["anaphoric"] == "1") for r in _table("directions")},
        mods={r["phrase"]: (r["mod"], r["applies_to"]) for r in _table("mods")},
        refs={r["phrase"]: (r["type"], r["value"]) for r in _table("refs")},
        dayparts={r["word"]: r["code"] for r in _table("dayparts")},
        sets={r["phrase"]: r["value"] for r in _table("sets")},
        holidays={r["phrase"]: (int(r["month"]), int(r["day"]), r["rule"]) for r in _table("holidays")},
        future_re=re.compile(r"(?<!\w)(?:(?P<fut>" + _alt([r["cue"] for r in _table("tense") if r["tense"] == "future"], ci=True)
                             + r")|(?P<past>" + _alt([r["cue"] for r in _table("tense") if r["tense"] == "past"], ci=True)
                             + r"|[a-z]{3,}ed))(?!\w)"),
        year_blockers={r["word"].lower() for r in _table("year_blockers")},
        year_context={r["word"] for r in _table("year_plural") if r["role"] == "context"},
        year_verbs={r["word"] for r in _table("year_plural") if r["role"] == "verb"},
    )
    _build_patterns(R)
    return R


def _build_patterns(R: _Rules) -> None:
    mrows = _table("months")
    month_any = _alt([c for r in mrows for c in _cases(r["word"])])
    month_full = _alt([c for r in mrows if r["abbrev"] == "0" or r["word"] == "Sept." for c in _cases(r["word"])])
    wrows = _table("weekdays")
    wd_full = _alt([c for r in wrows if r["abbrev"] == "0" for c in _cases(r["word"])])
    wd_all = _alt([c for r in wrows for c in _cases(r["word"])])
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[5-9]\d\d|20\d\d)"
    compound = f"(?:{'|'.join(TENS)})(?:[\\s-](?:{'|'.join(ONES)}))?"
    num = rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2|½)?|(?i:{compound})|{_alt(R.numbers, ci=True)})"
    unit = _alt(R.units, ci=True)
    unit_sing = _alt([u for u, p in zip(R.units, [r["plural"] for r in _table("units")]) if p == "0"], ci=True)
    season = _alt(R.seasons, ci=True)
    part = _alt(["morning", "afternoon", "evening", "night"], ci=True)
    ordw = _alt(R.ordinals, ci=True)
    I = lambda s: f"(?i:{s})"  # noqa: E731
    B, E = r"(?<![\w'’])", r"(?!\w)"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    spelled = (rf"(?:{I('nineteen')}(?:\s+{I('hundred')}(?:\s+{I('and')})?)?\s+(?P<rest>(?i:{compound}|{teens}))"
               rf"|{I('two thousand')}(?:\s+(?:{I('and')}\s+)?(?P<rest2>(?i:{'|'.join(ONES)}|{teens}|twenty)))?)")
    P: list[tuple[str, str]] = [
        ("iso", rf"{B}(?P<y>{year})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<H>[01]\d|2[0-3]):(?P<M>[0-5]\d))?{E}"),
        ("numeric", rf"{B}(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)?\d\d){E}"),
        ("numeric_dm", rf"{B}(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)?\d\d){E}"),
        ("ymd_slash", rf"{B}(?P<y>{year})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01]){E}"),
        ("dotted", rf"{B}(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>{year}){E}"),
        ("compact_dmy", rf"{B}(?P<d>0?[1-9]|[12]\d|3[01])(?P<sep>[-/])(?P<mon>{month_any})(?P=sep)(?P<y>{year}|\d\d){E}"),
        ("compact_ymd", rf"{B}(?P<y>{year})(?P<sep>[-/])(?P<mon>{month_any})(?P=sep)(?P<d>0?[1-9]|[12]\d|3[01]){E}"),
        ("clock", rf"{B}(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>{I('a[.]m[.]?|p[.]m[.]?|am|pm')})(?![\w])"
                  rf"(?:\s+(?P<tz>(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)){E})?"
                  rf"(?:\s+(?:{I('on')}\s+)?(?P<day>{wd_full}|{I('today|yesterday|tomorrow|tonight')}){E})?"
                  rf"(?:\s*,?\s+(?:{I('on')}\s+)?(?P<mon>{month_any})\s*(?P<dd>{day})(?!\d)(?:\s*,\s*(?P<yy>{year})(?!\d))?)?"),
        ("clock24", rf"{B}(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)){E}"),
        ("dom", rf"(?<=\b[Oo]n\s)(?P<det>{I('the')})\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?=\s*[.,;:!?)]|\s*$|\s+(?:it|he|she|they|we|the|a|an|at|when|after|before)\b)"),
        ("noon", rf"{B}(?P<w>{I('noon|midnight|midday')})(?:\s+(?P<tz>(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T))(?=\s+{I('on')}\s|[\s.,;:!?]|$))?"
                 rf"(?:\s+(?:{I('on')}\s+)?(?P<day>{wd_full}|{I('today|yesterday|tomorrow')}){E})?{E}"),
        ("mdy", rf"{B}(?:(?P<wd>{wd_all})\s*,?\s+)?(?P<mon>{month_any})\s*(?P<d>{day})(?!\d|:\d|\s*,\d|[.,]\d)"
                rf"(?:(?:\s*,\s*|\s+)(?P<y>{year})(?!\d))?{E}"),
        ("dmy", rf"{B}(?:(?P<wd>{wd_all})\s*,?\s+)?(?:{I('the')}\s+)?(?P<d>{day})\s+(?:{I('of')}\s+)?(?P<mon>{month_any})"
                rf"(?:\s*,?\s*(?P<y>{year})(?!\d))?(?![\w])"),
        ("my", rf"{B}(?P<mon>{month_any})(?:\s*,\s*|\s+{I('of')}\s+|\s+)(?P<y>{year})(?!\d){E}"),
        ("month_rel", rf"{B}(?P<mon>{month_full}|{season})(?:\s+{I('of')})?\s+(?P<rely>{I('this|last|next')})\s+{I('year')}{E}"),
        ("month", rf"{B}(?:(?P<rel>{I('last|next|this|past|coming|that')})\s+)?(?P<mon>{month_full})(?![\w-])"),
        ("fiscal", rf"{B}(?:{I('the')}\s+)?(?:(?:{I('fiscal|calendar|financial')})(?:\s+{I('year')})?|{I('the year')})\s+"
                   rf"(?P<y>{year}){E}|{B}FY\s?(?P<y2>{year}|\d\d){E}"),
        ("year", rf"(?:(?<=[Mm]id-)|(?<=\d\d[-–])(?<=(?:1[5-9]|20)\d\d[-–])|(?<![\w$€£.,/:'’-]))(?P<y>{year})"
                 rf"(?![\w%]|[.,/:]\d|-(?!{year}(?!\d))\d)"),
        ("decade", rf"{B}(?:{I('the')}\s+)?(?:(?P<dec>1[0-9]\d0|20\d0)(?:['’]?s| ['’]s)"  # "1980 's": tokenised
                   rf"|['’](?P<d2>\d0)['’]?s)(?!\w)"
                   rf"|{B}{I('the')}\s+(?P<dw>{I('twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties')}){E}"),
        ("century", rf"{B}(?:(?P<the>{I('the')})\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordw})[-\s]{I('century')}{E}"),
        ("season", rf"{B}(?:(?P<rel>{I('this past|last|this|next|past|coming|that|the following|the previous|the same|the')})\s+)?"
                   rf"(?P<s>{season})(?:\s+(?:{I('of')}\s+)?(?P<y>{year})(?!\d))?{E}"),
        ("season_y", rf"{B}(?P<y>{year})\s+(?P<s>{season}){E}"),
        ("quarter", rf"{B}(?:(?P<det>{I('the|this|last|next|that|a')})\s+)?(?:(?P<y0>{year})\s+)?"
                    rf"(?:(?P<ypos>{I('this|last|next')})\s+{I('year')}['’]s\s+)?(?:(?P<ago>{I('year-ago|year-earlier|year-before')})\s+)?"
                    rf"(?:{I('fiscal|calendar')}\s+)?(?:(?P<q>{I('first|second|third|fourth|1st|2nd|3rd|4th|final|latest|last|current|next|previous|prior|past|year-earlier|year-ago|same|fiscal|recent|just-ended|just-completed')})[-\s]+)?"
                    rf"(?:{I('fiscal|calendar')}[-\s]+)?{I('quarter')}(?!s|\w|-\w)"
                    rf"(?:\s+{I('of')}\s+(?:(?P<y>{year})|(?P<rely>{I('this|last|next|the previous|the prior|the current|the')})\s+{I('year')}"
                    rf"|{I('fiscal')}\s+(?P<fy>{year})){E})?"),
        ("qnum", rf"{B}(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q)(?:\s*(?P<y>{year}))?{E}"),
        ("hnum", rf"{B}H(?P<hn>[12])\s*(?P<y>{year}){E}|{B}(?P<y2>{year})\s*H(?P<hn2>[12]){E}"),
        ("half", rf"{B}(?:(?P<det>{I('the|this|last|next')})\s+)?(?P<h>{I('first|second|latter|last|1st|2nd')})[-\s]{I('half')}"
                 rf"(?:\s+{I('of')}\s+(?:(?P<y>{year})|(?P<rely>{I('this|last|next|the')})\s+{I('year')}){E})?{E}"),
        ("relday", rf"{B}(?P<w>{I('yesterday|today|tomorrow|tonight')})(?:\s+(?P<part>{part}))?{E}"),
        ("relpart", rf"{B}(?:(?P<wd>{wd_full})\s+)?(?P<rel>{I('this|last|tomorrow|yesterday|the next|the following|that|the same')})\s+(?P<part>{part}){E}"
                    rf"|{B}(?P<ov>{I('overnight')}){E}"
                    rf"|{B}{I('mid')}\s*-?\s*(?P<mpart>{part})(?:\s+(?P<mday>{I('yesterday|today|tomorrow')}))?{E}"),
        ("weekday", rf"{B}(?:(?P<rel>{I('last|next|this|coming|past|previous|this past|this coming|the following|the previous|that')})\s+)?"
                    rf"(?P<wd>{wd_full})(?P<pl>s)?(?:\s+(?P<part>{part}s?))?(?![\w-])"),
        ("relunit", rf"{B}(?:(?P<det>{I('the')})\s+)?(?P<rel>{I('this past|last|this|next|coming|past|previous|preceding|prior|following|current|same|that|upcoming|present')})"
                    rf"\s+(?P<u>{I('week|weekend|month|year|decade|century|quarter|day|fiscal year')}){E}(?!-)"),
        ("theunit", rf"{B}(?P<det>{I('the')})\s+(?P<u>{I('week|weekend|month|year|quarter|day|night|morning|evening|afternoon')}){E}(?!-)"),
        ("beforeafter", rf"{B}{I('the')}\s+(?P<u>{I('day|week|month|year|night|morning|evening|weekend')})\s+(?P<dir>{I('before|after')})"
                        rf"(?=\s*[.,;:!?)]|\s*$|\s+{I('yesterday|today|tomorrow')})"),
        ("ago", rf"{B}(?P<n>{num})(?:\s+{I('or so|more')})?[\s-]+(?P<u>{unit})(?P<andhalf>\s+{I('and a half')})?\s+(?:{I('or so')}\s+)?(?P<dir>{_alt(R.directions, ci=True)}){E}"),
        ("dur", rf"{B}(?:(?P<det>{I('the|these|those|this|that|its|their|his|her|each of the|all')})\s+)?"
                rf"(?:(?P<rel>{I('past|last|next|first|coming|previous|final|latest|following|recent|remaining|same|initial|ensuing|preceding|prior|second|few|other')})\s+)?"
                rf"(?P<n>{num})(?:\s*(?:to|or|-|and)\s*(?P<n2>{num}))?(?:\s+(?P<more>{I('more|additional|straight|consecutive|full|long|successive')}))?"
                rf"[\s-]+(?P<u>{unit})(?:-(?P<long>{I('long|old')}))?(?:\s+(?P<orso>{I('or so|and a half')}))?{E}(?!-\w)"),
        ("bare", rf"{B}(?:(?P<rel>{I('recent|past|coming|next|last|previous|the past|the last|the next|the coming|the previous|the past few|the last few|the next few|the coming|the')})\s+)?"
                 rf"(?P<u>{I('years|months|weeks|days|decades|hours|minutes|centuries|quarters|months and years|weeks and months|days and weeks')})(?:\s+(?P<ahead>{I('ahead|to come')}))?{E}"),
        ("yearend", rf"{B}(?:{I('the')}\s+)?(?:{I('year')}[-\s]{I('end')}|(?i:year['’]s)\s+{I('end')}|{I('end of the year')}){E}(?!-\w)"),
        ("yearago", rf"{B}(?:(?P<det>{I('the')})\s+)?(?:{I('comparable|corresponding|same')}\s+)?(?P<w>{I('year-earlier|year-ago|year earlier|year ago')})"
                    rf"(?:\s+(?P<u>{I('period|quarter|nine months|six months|first half|second half|results|level|figure|figures')}))?{E}"),
        ("period", rf"{B}(?P<det>{I('the')})\s+(?:(?P<w>{I('latest|comparable|same|current|recent|just-ended|corresponding')})|(?P<y>{year}))\s+{I('period')}{E}"),
        ("fullyear", rf"{B}{I('the')}\s+(?:(?P<w>{I('latest|current|previous|prior|next|full|entire|whole')})\s+)?(?:{I('fiscal')}\s+)?{I('year')}{E}"),
        ("ref", rf"{B}(?P<w>{_alt(R.refs, ci=True)}){E}"),
        ("set", rf"{B}(?:{I('every|each')}\s+(?:{I('other')}\s+)?(?P<u>{unit_sing}|{wd_full}|{month_full}|{season}|{part})"
                rf"|(?P<w>{_alt(R.sets, ci=True)})|(?P<per>{I('a|an|per')})\s+(?P<u2>{I('day|week|month|year|hour|quarter|night')})){E}"),
        ("spelled", rf"{B}(?:(?P<the>{I('the year')})\s+)?{spelled}{E}"),
        ("month_spelled", rf"{B}(?:{I('the')}\s+)?(?P<mon>{month_full}|{season})(?:\s+{I('of')})?\s+{spelled}{E}"),
        ("holiday", rf"{B}(?:(?P<rel>{I('last|next|this|this past|the following|the previous')})\s+)?(?P<w>{_alt(R.holidays)}){E}"),
    ]
    R.patterns = [(k, re.compile(p)) for k, p in P]
    # cheap keyword gates: a pattern only runs when a word (or digit shape) of one of its gate
    # classes occurs in the text; words are looked up in a dict after one tokenising pass.
    kw: dict[str, set[str]] = {}

    def add(cls: str, words) -> None:
        for w in words:
            for tok in re.findall(r"[a-z]+", w.lower()):
                kw.setdefault(tok, set()).add(cls)

    add("month", [r["word"] for r in mrows])
    add("wd", [r["word"] for r in wrows] + [r["word"] + "s" for r in wrows if r["abbrev"] == "0"])
    add("unit", list(R.units) + ["century", "centuries"])
    add("season", R.seasons)
    add("relday", ["yesterday", "today", "tomorrow", "tonight", "overnight"])
    add("part", ["morning", "afternoon", "evening", "night", "mornings", "afternoons", "evenings", "nights"])
    add("ref", [w.split()[-1] for w in R.refs])
    add("set", ["every", "each"] + list(R.sets))
    add("spelled", ["nineteen", "thousand"])
    add("holiday", [h.split()[0] for h in R.holidays if h.split()[0].lower() != "the"] + ["fourth"])
    add("fy", ["fy", "fiscal", "calendar", "financial"])
    add("period", ["period", "year"])
    add("half", ["half"])
    add("q", ["quarter", "quarters"])
    add("clock", ["noon", "midnight", "midday", "am", "pm", "a", "p"])
    R.keywords = kw
    R.digit_gate = re.compile(r"(?P<num4>(?<!\d)(?:1[5-9]|20)\d\d(?!\d))|(?P<clock>\d[:.]\d\d)|(?P<slash>\d/\d)"
                              r"|(?P<decade>['’]\d0['’]?s\b)|(?P<q>\bQ[1-4]\b|\b[1-4]Q\b)|(?P<dom>\b\d\d?(?:st|nd|rd|th)\b)")
    R.pattern_gates = {
        "iso": ("num4",), "numeric": ("slash",), "numeric_dm": ("slash",), "ymd_slash": ("slash",), "dotted": ("num4",),
        "compact_dmy": ("month",), "compact_ymd": ("month",), "clock": ("clock",), "clock24": ("clock",), "noon": ("clock",), "dom": ("dom",),
        "mdy": ("month",), "dmy": ("month",), "month_rel": ("month", "season"), "my": ("month",), "month": ("month",), "fiscal": ("num4",),
        "year": ("num4",), "decade": ("decade", "num4", "unit"), "century": ("unit",), "season": ("season",),
        "season_y": ("season",), "quarter": ("q",), "qnum": ("q",), "hnum": ("num4",), "half": ("half",), "relday": ("relday",),
        "relpart": ("relday", "part"), "weekday": ("wd",), "relunit": ("unit", "part"), "theunit": ("unit", "part"),
        "beforeafter": ("unit", "part"), "ago": ("unit",), "dur": ("unit",), "bare": ("unit",),
        "yearend": ("unit",), "yearago": ("unit",), "period": ("period",), "fullyear": ("unit",), "ref": ("ref",),
        "set": ("set", "unit", "wd", "month", "season", "part"), "spelled": ("spelled",), "month_spelled": ("spelled",), "holiday": ("holiday",),
    }
    mods = sorted(R.mods, key=len, reverse=True)
    R.mod_re = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<the>(?i:the)\s+)?(?P<mod>" + "|".join(
        re.escape(m).replace(r"\ ", r"\s+") for m in mods) + r")(?:\s*-\s*|\s+)$", re.I)
    words = (list(R.months) + list(R.weekdays) + list(R.seasons) + list(R.units) + list(R.refs) + list(R.sets)
             + ["yesterday", "today", "tomorrow", "tonight", "noon", "midnight", "midday", "overnight", "morning",
                "afternoon", "evening", "night", "quarter", "half", "century", "nineteen", "thousand", "fiscal",
                "eve", "fourth", "am", "pm", "a.m", "p.m"])
    known = {w.lower() for w in words}
    # a holiday none of whose words passes already ("Thanksgiving", "Easter", "Halloween"; not "Labor Day")
    words += [h.split()[-1] for h in R.holidays if not known & {x.lower() for x in h.split()}]
    stems = sorted({w.lower().rstrip(".") for w in words if w}, key=len, reverse=True)
    R.prefilter = re.compile(r"\d|(?i:\b(?:" + "|".join(re.escape(s) for s in stems) + r"))")


# ----------------------------------------------------------------------------- calendar helpers

GRAN_ORDER = ["day", "week", "month", "season", "quarter", "half", "year", "decade", "century"]
UNIT_GRAN = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "year",
             "CE": "year", "H": "day", "MIN": "day", "S": "day", "2W": "week"}


def _floor(d: Date, gran: str) -> Date:
    if gran == "week":
        return d - dt.timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return Date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "half":
        return Date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "season":
        m = d.month
        if m in (1, 2):
            return Date(d.year - 1, 12, 1)
        return Date(d.year, {3: 3, 4: 3, 5: 3, 6: 6, 7: 6, 8: 6, 9: 9, 10: 9, 11: 9, 12: 12}[m], 1)
    if gran == "year":
        return Date(d.year, 1, 1)
    if gran == "decade":
        return Date(d.year // 10 * 10, 1, 1)
    if gran == "century":
        return Date(d.year // 100 * 100, 1, 1)
    return d


STEP = {"day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
        "season": relativedelta(months=3), "quarter": relativedelta(months=3), "half": relativedelta(months=6),
        "year": relativedelta(years=1), "decade": relativedelta(years=10), "century": relativedelta(years=100)}
SEASON_CODE = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def _fmt(gran: str, d: Date, weekend: bool = False) -> str:
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if weekend else "")
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "season":
        return f"{d.year:04d}-{SEASON_CODE[d.month]}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def _span(gran: str, d: Date, weekend: bool = False) -> tuple[Date, Date]:
    b = _floor(d, gran)
    if weekend:
        return b + dt.timedelta(days=5), b + dt.timedelta(days=6)
    return b, b + STEP[gran] - dt.timedelta(days=1)


def _narrow(b: Date, e: Date, mod: str, gran: str = "") -> tuple[Date, Date]:
    """Keep the START / MID / END third of the interval ``[b, e]`` (calendar-aware)."""
    if mod not in ("START", "MID", "END") or (e - b).days < 2:
        return b, e
    i = ("START", "MID", "END").index(mod)
    one = dt.timedelta(days=1)
    if gran == "month":
        cuts = [b, b.replace(day=11), b.replace(day=21), e + one]
    elif gran in ("year", "season", "quarter", "half"):
        months = 12 if gran == "year" else 6 if gran == "half" else 3
        step = months // 3
        cuts = [b + relativedelta(months=step * k) for k in range(3)] + [e + one]
    elif gran == "decade":
        cuts = [b, b.replace(year=b.year + 4), b.replace(year=b.year + 7), e + one]
    else:
        n = (e - b).days + 1
        cuts = [b, b + dt.timedelta(days=n // 3), b + dt.timedelta(days=n - n // 3), e + one]
    return cuts[i], cuts[i + 1] - one


def _to_date(published: Any) -> Date | None:
    if published is None:
        return None
    try:
        if pd.isna(published):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, Date):
        return published
    if isinstance(published, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", published):
        return Date.fromisoformat(published)
    try:
        ts = pd.Timestamp(published)
    except (ValueError, TypeError) as exc:
        ts = local_published([published]).iloc[0] if isinstance(published, str) else pd.NaT  # "Nov. 5, 2024 at 2 p.m. ET"
        if not pd.isna(ts):
            return ts.date()
        raise ValueError(f"published={published!r} is not a date; pass e.g. '2017-04-01', a datetime, "
                         "or None when unknown") from exc
    if ts is pd.NaT or pd.isna(ts):
        return None
    return ts.date()


def local_published(values: Any) -> pd.Series:
    """Publication dates as tz-naive Timestamps in the outlet's own wall-clock time.

    The convention of the whole package (and of :func:`srcanalysis.loading.parse_date`): a value
    with a UTC offset keeps its local date and time and drops the offset, because "yesterday" is
    said in the outlet's local calendar: ``2024-05-01T23:30:00-04:00`` is 1 May, not 2 May UTC.
    ``...Z``/``GMT`` values are read as written (UTC wall time); epoch numbers carry no zone and
    are read as UTC. A column mixing offsets, naive values, strings and blanks is converted value
    by value, so tz-aware and naive values never mix and nothing raises.

    Args:
        values: A Series or list of strings, datetimes, Timestamps (naive or tz-aware), epoch
            numbers or blanks.

    Returns:
        A ``datetime64[ns]`` Series (same index for a Series), NaT where a value is blank or no date.

    Example:
        >>> local_published(["2024-05-01T23:30:00-04:00", pd.Timestamp("2024-05-02T01:30Z"), None]).tolist()
        [Timestamp('2024-05-01 23:30:00'), Timestamp('2024-05-02 01:30:00'), NaT]
    """
    s = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return s.dt.tz_localize(None).astype("datetime64[ns]")
    if pd.api.types.is_datetime64_dtype(s.dtype):
        return s.astype("datetime64[ns]")
    from ..loading import parse_date  # the loader's parser: one convention for every entry point
    seen: dict[Any, Any] = {}
    out = []
    for v in s:  # one parse per distinct value: a sentence frame repeats its article's date
        try:
            out.append(seen[v] if v in seen else seen.setdefault(v, parse_date(v)))
        except TypeError:  # an unhashable value
            out.append(parse_date(v))
    return pd.Series(out, index=s.index, dtype="datetime64[ns]")


def _safe_date(y: int, m: int, d: int) -> Date | None:
    try:
        return Date(y, m, d)
    except ValueError:
        return None


# ----------------------------------------------------------------------------- extraction


@dataclass
class _Found:
    start: int
    end: int
    kind: str
    m: re.Match
    mod: str = ""


@dataclass
class _Res:
    type: str = "DATE"
    value: str = ""
    gran: str = ""
    point: Date | None = None      # start of the unmodified interval (anchor for anaphora)
    begin: Date | None = None
    end: Date | None = None
    anchor: str = ""
    weekend: bool = False
    dayless: bool = False          # a clock time with no day of its own ("3 p.m.")
    reached: bool = False          # a duration counted from an anchor ("three days later"): point = day reached


@dataclass
class _State:
    """Resolution state carried across the sentences of one article."""

    dct: Date | None
    last: tuple[str, Date, str] | None = None  # (granularity, point, text)
    last_pos: int = -10**9
    article_id: Any = ""
    errors: list[dict[str, Any]] = field(default_factory=list)  # expressions that failed to resolve
    dayfirst: bool = False  # the text writes numeric dates day first (see :func:`day_first`)
    period: tuple[str, Date, str] | None = None  # the quarter/half being reported (not a year-back comparison)
    period_pos: int = -10**9
    settled: tuple[str, Date, str] | None = None  # the last anchor not after publication
    text: str = ""  # the text being resolved (for the tense of an anaphor)
    quote_day: tuple[Date, str] | None = None  # the day an open quotation was said (see _quote_anchor)
    quote_left: int = 0  # sentences it may still run on for


def _word_before(text: str, pos: int, n: int = 1) -> list[str]:
    return re.findall(r"[A-Za-z]+", text[max(0, pos - 40):pos])[-n:]


PREP_BEFORE_MONTH = {"in", "since", "until", "till", "by", "during", "through", "throughout", "last", "next",
                     "this", "early", "late", "mid", "of", "before", "after", "from", "to", "between", "and",
                     "or", "on", "as", "that", "past", "coming", "end", "beginning", "start", "middle", "around",
                     "until", "into", "for", "earlier", "later", "each", "every", "in", "through", "than"}


# a month name followed by a range word ("from May to July", "May through June") is a month, not the modal
_RANGE_ON = re.compile(r"\s+(?:to|through|thru|until|till)\s+[A-Z]")


def _ok_month(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A bare month: an ambiguous one ("may", "march") needs a preposition or a relative word; no street names."""
    mon = g["mon"]
    if mon.lower() in R.ambiguous_months and not g.get("rel"):
        prev = _word_before(text, m.start())
        if not prev or prev[0].lower() not in PREP_BEFORE_MONTH:
            return False
        nxt = text[m.end():m.end() + 3]
        if mon.lower() == "may" and re.match(r"\s+[a-z]", nxt) and not _RANGE_ON.match(text, m.end()) and prev[0].lower() not in ("in", "since", "until", "of", "early", "late", "mid", "during", "by", "last", "next", "this"):
            return False
    if re.match(r"\s+(?:Street|St\.|Avenue|Ave\.|Road|Madness|Equinox)\b", text[m.end():m.end() + 12]):
        return False
    return True


def _ok_noon(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """Noon or midnight, but not "high noon"."""
    return not re.search(r"(?i)\bhigh\s+$", text[max(0, m.start() - 6):m.start()])


def _ok_mdy(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A month-day: a short lowercase abbreviation before a number is a word ("3 may"), not a date; no percentages."""
    if g["mon"].lower().rstrip(".") in ("may", "mar", "jan", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "feb", "apr", "sept") \
            and not g["mon"].endswith(".") and not g["mon"][0].isupper() and len(g["mon"]) <= 4 and kind == "dmy":
        return False
    if kind == "dmy" and re.match(r"\s*(?:%|percent)", text[m.end():m.end() + 8]):
        return False
    return True


def _count_before_plural(word: str, before: str, R: _Rules) -> bool:
    """Whether a four-digit number followed by ``word`` is a count ("1885 aftershocks", "2000 people"):
    the next word is a lower-case plural noun and no determiner, preposition, month or possessive
    before the number makes it a year ("the 1992 protests", "in 2000", "September 2015 deaths").
    Rule words: ``rules/timex_year_plural.csv``.

    Example:
        >>> R = _rules()
        >>> _count_before_plural("aftershocks", "on Wednesday, ", R), _count_before_plural("protests", "led the ", R)
        (True, False)
    """
    if not re.fullmatch(r"[a-z]{3,}[^su]s", word) or word in R.year_verbs:
        return False
    prev = re.search(r"([\w'’-]+)\s*$", before)
    if prev is None or re.search(r"[,;:.!?\"“(]\s*$", before):
        return True
    p = prev.group(1).lower()
    return not (p in R.year_context or p.rstrip("-") in R.year_context or p in R.months
                or re.search(r"['’]s$", p) or re.fullmatch(r"\d{4}", p))


def _ok_year(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A four-digit year: not a count, a number, a model or a range end; years before 1800 need a preposition."""
    y = int(g["y"])
    after = text[m.end():m.end() + 20]
    w = re.match(r"\s+([A-Za-z%]+)", after)
    if w and w.group(1).lower() in R.year_blockers:
        return False
    before = text[max(0, m.start() - 12):m.start()]
    if w and _count_before_plural(w.group(1), text[max(0, m.start() - 30):m.start()], R):
        return False
    if re.search(r"(?i)(?:\bno\.|\bnumber|#|\bpage|\broute|\bflight|\bversion|\bmodel|\bchapter|\bline)\s*$", before):
        return False
    if re.search(r"\d\s*(?:to|and|-|–)\s*$", before) and not re.search(r"(?:1[5-9]|20)\d\d\s*(?:to|and|-|–)\s*$", before):
        return False
    pw = re.search(r"([A-Z][\w.&-]*)\s+$", before)
    if pw and pw.group(1).lower().rstrip(".") not in PREP_BEFORE_MONTH | {"the", "but", "fiscal", "calendar", "spring", "summer", "fall", "autumn", "winter", "late", "early", "mid", "yet", "then", "while", "when", "circa", "about", "around"} \
            and pw.group(1).lower() not in R.months and not re.search(r"(?:^|[.!?\n\"“]\s*)" + re.escape(pw.group(1)) + r"\s+$", text[max(0, m.start() - 30):m.start()]):
        return False
    if y < 1800 and not re.search(r"(?i)\b(?:in|since|by|of|from|until)\s+$", before):
        return False
    return True


def _ok_season(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A season needs a year, a relative word or a preposition ("in spring"), and not "spring of"."""
    if g.get("y"):
        return True
    rel = (g.get("rel") or "").lower()
    after = text[m.end():m.end() + 10]
    if rel == "the":
        return not re.match(r"\s+(?:of|in|from|to|on|and)\b|\s*(?:'s|’s)", after) and g["s"].lower() != "spring" or \
            bool(re.search(r"(?i)\b(?:in|during|by|until|since|over|through|this|next)\s+$", text[max(0, m.start() - 12):m.start()])) \
            and not re.match(r"\s+of\b", after)
    if rel:
        return True
    prev = _word_before(text, m.start())
    return bool(prev) and prev[0].lower() in ("in", "during", "since", "until", "by", "through", "throughout",
                                               "early", "late", "mid", "last", "next", "this", "over") \
        and not re.match(r"\s+(?:of|in)\b", after)


def _ok_quarter(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A quarter needs an ordinal, a determiner or a year; not "a quarter of"."""
    if not (g.get("q") or g.get("det") or g.get("y0")):
        return False
    if (g.get("det") or "").lower() == "a" and not g.get("q"):
        return False
    if not g.get("q") and re.match(r"\s+(?:of|century|mile|inch|pound|point|hour)\b", text[m.end():m.end() + 10]) \
            and not (g.get("y") or g.get("rely") or g.get("fy")):
        return False
    if (g.get("q") or "").lower() in ("last", "past", "recent") and not g.get("det") and text[m.end():m.end() + 4].startswith(" of"):
        return False
    return True


def _ok_half(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A half year: not "the first half of the game" nor "the last half hour"."""
    if g.get("y") or g.get("rely"):
        return True
    return not re.match(r"(?i)\s+(?:of|hour|minute|mile|point|inning|time|dozen)\b", text[m.end():m.end() + 9])


def _ok_relunit(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A relative unit ("last week") is not a title-case name."""
    return not g["u"][0].isupper() or g["u"].isupper()


def _ok_theunit(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A unit after "the" ("the week", "the year") only after a preposition that makes it a time."""
    u = g["u"].lower()
    after = text[m.end():m.end() + 14]
    before = text[max(0, m.start() - 16):m.start()]
    if re.match(r"\s+(?:of|before|after|when|that|in\s+which|to\s+come|ahead)\b", after):
        return False
    if u == "day":
        return bool(re.search(r"(?i)\b(?:later|earlier)\s+in\s+$", before))
    if u in ("night", "morning", "evening", "afternoon"):
        return bool(re.search(r"(?i)\b(?:in|during|overnight|through)\s+$", before))
    if re.match(r"['’]s\b", after):
        return True
    return bool(re.search(r"(?i)\b(?:in|for|during|of|through|throughout|over|earlier|later|this|since|until|by|at|into|within)\s+$",
                          text[max(0, m.start() - 14):m.start()]))


def _ok_fullyear(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A full year ("the year") needs a qualifier ("the current year") or "fiscal"."""
    return bool(g.get("w")) or "fiscal" in m.group(0).lower()


def _ok_dur(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A duration: not an age ("53-year-old"), an amount, a clock time in hours or a percentage."""
    n, u = (g["n"] or "").lower(), g["u"].lower()
    after = text[m.end():m.end() + 8]
    if (g.get("long") or "").lower() == "old" or re.match(r"\s+old\b", after):
        return False
    if u.startswith("quarter") and re.match(r"\s+of\b", after):
        return False
    if re.fullmatch(r"[0-2]\d[0-5]0", n) and u.startswith("hour"):
        return False  # military clock time ("1800 hours")
    if n in ("a", "an") and not (g.get("det") or g.get("rel")) and \
            re.search(r"(?:\d|\bmillion|\bbillion|\bthousand|\bhundred|[a-z]{2,}s)\s+$", text[max(0, m.start() - 12):m.start()]):
        return False
    if u.startswith("second") and not re.match(r"\d", n) and n in ("a", "an", "one"):
        return False
    if u.startswith("night") and n in ("a", "an", "one") and not g.get("det"):
        return False
    if n in ("a", "an") and u.endswith("s") and u not in ("centuries",):
        return False
    if n in ("some",) and not u.endswith("s"):
        return False
    if re.match(r"\d", n) and re.search(r"[$€£]\s*$", text[max(0, m.start() - 2):m.start()]):
        return False
    if u == "quarter" and n in ("a", "an", "one") and not g.get("det"):
        return False
    if re.match(r"\s*(?:%|percent)", text[m.end():m.end() + 9]):
        return False
    return True


def _ok_ago(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """An offset: "before"/"after" only at a clause end ("the day before."); not "a second ago"."""
    d = g["dir"].lower()
    if g.get("andhalf") and d != "ago":
        return False  # "a minute and a half later": TimeBank marks the duration only
    if d in ("before", "after", "previously"):
        nxt = text[m.end():m.end() + 12]
        if not re.match(r"\s*(?:[.,;:!?)]|$)", nxt):
            return False
    if g["u"].lower().startswith("second") and g["n"].lower() in ("a", "an"):
        return False
    return True


def _ok_bare(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A bare plural unit ("years") needs a relative word or a preposition ("for years")."""
    if (g.get("rel") or "").lower() == "the":
        return bool(g.get("ahead")) or bool(re.search(r"(?i)\b(?:over|through|throughout|during)\s+$", text[max(0, m.start() - 12):m.start()]))
    if g.get("rel"):
        return True
    prev = text[max(0, m.start() - 16):m.start()]
    return bool(re.search(r"(?i)\b(?:for|in|within|over|took|take|takes|lasted|last|than)\s+$", prev)) \
        and not re.match(r"\s+(?:of|old|ago|before|after)\b", text[m.end():m.end() + 8])


def _ok_ref(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A reference word ("now", "current", "recent") used as a time, not "as soon as" or "current account"."""
    w = g["w"].lower()
    if w == "soon" and (re.match(r"\s+as\b", text[m.end():m.end() + 4]) or re.search(r"(?i)\bas\s+$", text[max(0, m.start() - 4):m.start()])):
        return False
    if w == "the past" and re.match(r"\s+(?:few|several|\d|two|three|four|five|six|seven|eight|nine|ten)\b", text[m.end():m.end() + 9]):
        return True
    if w in ("current", "recent", "future"):
        nxt = re.match(r"\s+([a-z][\w-]*)", text[m.end():m.end() + 20])
        if not nxt or nxt.group(1) in ("account", "accounts", "affairs", "events", "of", "and", "or", "to", "is", "was"):
            return False
        if w == "recent" and re.search(r"(?i)\bmost\s+$", text[max(0, m.start() - 6):m.start()]):
            return False
    if w == "the time":
        return bool(re.search(r"(?i)\bat\s+$", text[max(0, m.start() - 4):m.start()])) and \
            not re.match(r"\s+(?:of|when|that|being|to)\b", text[m.end():m.end() + 8])
    if w == "soon" and (re.match(r"\s+(?:after|afterwards?|thereafter|became|[a-z]+ed)\b", text[m.end():m.end() + 14])
                        or re.search(r"(?i)\b(?:was|were|had)\s+$", text[max(0, m.start() - 6):m.start()])):
        return False  # "killed soon after", "was soon released": past narrative sequence, no reference time
    return True


def _ok_set(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A set ("every week", "weekly", "twice a year"), not a title ("Weekly Standard")."""
    if g.get("w") and g["w"][0].isupper():
        if re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) or re.search(r"(?:\b[Tt]he|[A-Z]\w*)\s+$", text[max(0, m.start() - 6):m.start()]):
            return False
    if g.get("w") and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]) and not re.match(
            r"\s+(?:and|or|in|on|at|for|to|since|through|until|during|by|from|with|as|over|basis|but)\b", text[m.end():m.end() + 10]):
        return False
    if g.get("per"):
        prev = text[max(0, m.start() - 24):m.start()]
        return bool(re.search(r"(?i)(?:\bonce|\btwice|\bthrice|\btimes)\s+$", prev))
    return True


def _ok_spelled(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A year in words: a bare "two thousand" needs a preposition ("in two thousand")."""
    if g.get("rest2") is None and "thousand" in m.group(0).lower() and not g.get("the"):
        return bool(re.search(r"(?i)\b(?:in|since|by|until|of)\s+$", text[max(0, m.start() - 8):m.start()])) \
            and not re.match(r"\s+[a-z]", text[m.end():m.end() + 3])
    return True


#: Context check of each expression kind (kinds without one are always kept).
@lru_cache(maxsize=2)
def _name_words(after_the: bool) -> re.Pattern:
    """``rules/timex_name_words.csv``: words that make a capitalised day name a title ("The Sunday
    Times", "Saturday Night Live", "the Today show"), matched case-sensitively right after it;
    ``after_the`` rows only when "the" stands before the day name."""
    words = sorted((r["word"] for r in _table("name_words") if (r["after_the"] == "1") == after_the),
                   key=len, reverse=True)
    return re.compile(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?!\w)")


def _ok_name(kind: str, m: re.Match, text: str, R: _Rules, g: dict) -> bool:
    """A capitalised weekday or "Today" followed by a title word names a paper or a show, not a day.

    Example:
        >>> find_timexes("The Sunday Times and the Today show reported it on Monday.", "2017-04-05")["text"].tolist()
        ['Monday']
    """
    key = "wd" if g.get("wd") else "w"
    word, end = m.group(key) or "", m.end(key)
    if not word[:1].isupper() or word.isupper():
        return True
    the = re.search(r"\b[Tt]he\s+$", text[max(0, m.start(key) - 5):m.start(key)]) is not None
    return not (_name_words(False).match(text, end) or (the and _name_words(True).match(text, end)))


_CHECKS: dict[str, Any] = {
    "month": _ok_month,
    "noon": _ok_noon,
    "mdy": _ok_mdy,
    "dmy": _ok_mdy,
    "year": _ok_year,
    "season": _ok_season,
    "quarter": _ok_quarter,
    "half": _ok_half,
    "relunit": _ok_relunit,
    "theunit": _ok_theunit,
    "fullyear": _ok_fullyear,
    "dur": _ok_dur,
    "ago": _ok_ago,
    "bare": _ok_bare,
    "ref": _ok_ref,
    "set": _ok_set,
    "spelled": _ok_spelled,
    "weekday": _ok_name,
    "relday": _ok_name,
}


def _check(kind: str, m: re.Match, text: str, R: _Rules) -> bool:
    """Reject candidate extents that are not time expressions in context (:data:`_CHECKS`)."""
    ok = _CHECKS.get(kind)
    return ok(kind, m, text, R, m.groupdict()) if ok else True



_TOKEN = re.compile(r"[a-z]+")


_CHUNK_END = re.compile(r"\n\s*\n|(?<=[.!?])\s+(?=[\"“(]?[A-Z])")


def _chunks(text: str, size: int = 400) -> list[tuple[int, int]]:
    """Split long texts at sentence/paragraph ends into pieces of at least ``size`` characters
    (time expressions never cross a sentence end), so the keyword gates work per piece."""
    if len(text) <= size:
        return [(0, len(text))]
    out, start = [], 0
    for m in _CHUNK_END.finditer(text):
        if m.start() - start >= size:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(text)))
    return out


def _candidates(text: str, R: _Rules) -> list[_Found]:
    cands: list[tuple[int, int, int, str, re.Match]] = []
    kw = R.keywords
    for cs, ce in _chunks(text):
        chunk = text[cs:ce]
        present: set[str] = set()
        for tok in set(_TOKEN.findall(chunk.lower())):
            cls = kw.get(tok)
            if cls:
                present |= cls
        for m in R.digit_gate.finditer(chunk):
            present.add(m.lastgroup)
        if not present:
            continue
        for prio, (kind, rx) in enumerate(R.patterns):
            if present.isdisjoint(R.pattern_gates.get(kind, ())):
                continue
            for m in rx.finditer(text, cs, ce):
                if m.end() > m.start() and _check(kind, m, text, R):
                    cands.append((m.start(), m.end(), prio, kind, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[_Found] = []
    occupied = bytearray(len(text))
    for s, e, _p, kind, m in cands:
        if 1 in occupied[s:e]:
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(_Found(s, e, kind, m))
    taken.sort(key=lambda f: f.start)
    for f in taken:
        gd = f.m.groupdict()
        if f.kind in ("quarter", "dur") and gd.get("det") and not gd.get("rel") and not gd.get("ypos") \
                and re.search(r"\w-(?i:quarter|year|month|week|day|hour|minute)\b", f.m.group(0)):
            nxt = f.m.start("q") if f.kind == "quarter" and gd.get("q") else f.m.start("n") if f.kind == "dur" else -1
            if nxt > f.start:
                f.start = nxt
    # attach modifiers in front ("late January", "the end of 1998", "about two years ago")
    for idx, f in enumerate(taken):
        pre = text[max(0, f.start - 24):f.start]
        mm = R.mod_re.search(pre)
        if not mm:
            continue
        mod, applies = R.mods[re.sub(r"\s+", " ", mm.group("mod").lower())]
        is_dur = f.kind in ("dur", "bare", "ago")
        if applies == "duration" and not is_dur:
            continue
        if applies == "date" and f.kind in ("dur", "bare", "ref", "set", "clock", "clock24"):
            continue
        if applies == "any" and f.kind not in ("dur", "ago", "clock", "clock24", "noon", "mdy", "dmy", "iso", "numeric", "my", "year"):
            continue
        if mm.group("mod").lower() in ("earlier", "later") and not re.match(r"(?i)(?:this|that|today|tonight|tomorrow|yesterday|in)\b", text[f.start:f.end]):
            continue
        if mm.group("mod").lower() == "over" and f.kind != "dur":
            continue
        if f.kind == "dur" and f.m.group("det"):
            continue
        new_start = f.start - (len(pre) - mm.start("mod"))
        if mm.group("the") and mm.group("mod").lower() in ("early", "late", "mid"):
            new_start = f.start - (len(pre) - mm.start("the"))
        if idx > 0 and taken[idx - 1].end > new_start:
            continue
        f.start, f.mod = new_start, mod
    return taken


# ----------------------------------------------------------------------------- resolution


_SENT_END = re.compile(r"\n|(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr|Co|No|vs))(?<!\b(?:Mrs|Gen|Inc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Rep|Sen|Gov|Col|Lt\.))(?<!\bSept|\bCorp|\bLtd\.)[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")


def _clause_cues(kind: str) -> str:
    """Alternation of the ``rules/timex_clause_cues.csv`` words of one kind."""
    return "|".join(sorted((re.escape(r["cue"]) for r in _table("clause_cues") if r["kind"] == kind), key=len, reverse=True))


# "to" + a lowercase word that is not a determiner or one of the nouns news puts after "to"
# ("shot to death", "rose to power", "sent to prison")
_INFINITIVE = re.compile(rf"\b[Tt]o\s+(?!(?:{_clause_cues('not_infinitive')})\b)[a-z]+\b")
# a past-looking cue that is not a past verb here: a participle after "be" ("will be named"), an
# adjective after a determiner ("the reduced dividend", "a still unspecified date"), "-eed" verbs
_NOT_PAST_BEFORE = re.compile(rf"(?i)\b(?:{_clause_cues('not_past_before')})\s+(?:(?:still|now|newly|[a-z]+ly)\s+)?$")
_NOT_PAST = re.compile(rf"(?i)(?:{_clause_cues('not_past')})$")


# "postponed until Monday", "adjourned to Tuesday": the new day lies ahead of the decision
_POSTPONED = re.compile(rf"(?i)\b(?:{_clause_cues('postpone')})\s+(?:[\w'’-]+\s+){{0,4}}?(?:until|till|to|for)\s+$")


def _past_cue(text: str, m: re.Match) -> bool:
    """Whether a past-tense cue match really marks the past (not "will be named", "the reduced").

    Example:
        >>> R = _rules(); t = "He will be named in December."
        >>> [_past_cue(t, m) for m in R.future_re.finditer(t) if m.group("fut") is None]
        [False]
    """
    return not (_NOT_PAST.fullmatch(m.group(0)) or _NOT_PAST_BEFORE.search(text, max(0, m.start() - 30), m.start()))


def _month_not_modal(text: str, pos: int, word: str) -> bool:
    """Whether a tense cue that is also a month name ("may") is the month: capitalised and not
    opening a sentence ("from May to July", not "May I ask").

    Example:
        >>> _month_not_modal("It ran from May to July.", 12, "May"), _month_not_modal("May I ask?", 0, "May")
        (True, False)
    """
    return word[:1].isupper() and word.lower() in _rules().months and text[:pos].rstrip()[-1:] not in ("", ".", "!", "?", '"', "“")


def _future(text: str, f: _Found, R: _Rules) -> bool | None:
    """Tense of the expression's sentence: the nearest tense cue before it (else the first after
    it) within 80 characters; True future, False past, None when there is no cue or when an
    infinitive stands between a past cue and the expression ("decided to admit them in early
    March" looks ahead from a past decision); callers then pick the instance nearest to
    publication."""
    lo = max(0, f.start - 300)
    a = lo - 1
    for m in _SENT_END.finditer(text, lo, f.start):
        a = m.end() - 1
    m2 = _SENT_END.search(text, f.end, min(len(text), f.end + 300))
    b = m2.start() if m2 else min(len(text), f.end + 300)
    before, after, cue_end = None, None, 0
    for m in R.future_re.finditer(text, max(a + 1, f.start - 80), min(b, f.end + 80)):
        if (m.group("fut") is None and not _past_cue(text, m)) or _month_not_modal(text, m.start(), m.group(0)):
            continue
        if m.end() <= f.start:
            before, cue_end = m.group("fut") is not None, m.end()  # the last cue before the expression wins
        elif m.start() >= f.end and after is None:
            after = m.group("fut") is not None
    if before is False and _INFINITIVE.search(text, cue_end, f.start):
        return None  # "decided to admit them in early March": the infinitive looks ahead
    return before if before is not None else after


def _fronted(text: str, f: _Found) -> bool:
    """Whether an expression is the sentence's topic rather than a detail of its verb: fronted
    ("On Wednesday, ...") or possessive ("Wednesday's quake ..."): then the sentence's own tense
    says which instance is meant.

    Example:
        >>> t = "On Wednesday, as part of his campaign, the president pledged to act."
        >>> _fronted(t, _candidates(t, _rules())[0]), find_timexes(t, "2019-03-31")["value"].tolist()
        (True, ['2019-03-27'])
    """
    if re.match(r"['’]s\b", text[f.end:f.end + 3]):
        return True
    start = re.search(r"(?:^|[.!?]\s+|\n)(?:On\s+)?$", text[max(0, f.start - 40):f.start])
    return bool(start) and bool(re.match(r"\s*,", text[f.end:f.end + 3]))


def _sentence_tense(text: str, f: _Found, R: _Rules) -> bool | None:
    """Tense of the whole sentence holding the expression when no cue lies near it: its first
    tense cue (True future, False past, None when none). "On Wednesday, as part of his campaign,
    the president pledged ..." and "Wednesday's tremor damaged 143 buildings" are past.

    Example:
        >>> t = "Wednesday's tremor, the strongest in the province this year, damaged 143 buildings."
        >>> find_timexes(t, "2019-10-22")["value"].tolist()
        ['2019-10-16', '2019']
    """
    lo = max(0, f.start - 300)
    a = lo - 1
    for m in _SENT_END.finditer(text, lo, f.start):
        a = m.end() - 1
    m2 = _SENT_END.search(text, f.end, min(len(text), f.end + 300))
    b = m2.start() if m2 else min(len(text), f.end + 300)
    for m in R.future_re.finditer(text, a + 1, b):
        if _month_not_modal(text, m.start(), m.group(0)):
            continue
        if m.group("fut") is not None:
            return True
        if _past_cue(text, m):
            return False
    return None


def _num(s: str | None, R: _Rules) -> str | None:
    """Number word/digits -> numeric string, 'X' for vague quantities."""
    if s is None:
        return None
    w = re.sub(r"\s+", " ", s.lower()).replace("-", " ").strip()
    half = re.fullmatch(r"(\d+)\s*(?:1/2|½)", w)
    if half:
        return str(int(half.group(1)) + 0.5)
    if re.fullmatch(r"\d+(?:[.,]\d+)?", w):
        v = float(w.replace(",", "")) if "," not in w or len(w.split(",")[-1]) == 3 else float(w.replace(",", "."))
        return str(int(v)) if v == int(v) else str(v)
    if w in R.numbers:
        return R.numbers[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES:
        return str(int(R.numbers[parts[0]]) + int(R.numbers[parts[1]]))
    return R.numbers.get(w.replace(" ", "-"), "X")


def _unit_code(u: str, R: _Rules) -> str:
    return R.units.get(re.sub(r"\s+", " ", u.lower()), "D")


def _dur_value(n: str, code: str) -> str:
    if n != "X" and "." in n and code == "Y" and float(n) >= 1 and (float(n) * 12) % 1 == 0:
        f = float(n)
        return f"P{int(f)}Y{int(round((f - int(f)) * 12))}M"
    if n != "X" and "." in n and code in ("H", "MIN"):  # "a minute and a half" PT1M30S, "1.5 hours" PT1H30M
        f = float(n)
        big, small = int(f), int(round((f - int(f)) * 60))
        hi, lo = ("H", "M") if code == "H" else ("M", "S")
        return "PT" + (f"{big}{hi}" if big else "") + (f"{small}{lo}" if small or not big else "")
    if n != "X" and "." in n:
        f = float(n)
        conv = {"Y": (12, "M"), "M": (30, "D"), "D": (24, "H"), "H": (60, "MIN"), "W": (7, "D")}
        if code in conv:
            k, code = conv[code]
            n = str(int(round(f * k)))
    scaled = {"DE": (10, "Y", "PXDE"), "CE": (100, "Y", "PXCE"), "2W": (2, "W", "PXW"), "WE": (2, "D", "PXWE")}
    if code in scaled:  # "half a century" = P50Y, "1.5 centuries" = P150Y, "decades" = PXDE
        k, unit, vague = scaled[code]
        if n == "X":
            return vague
        v = float(n) * k
        return f"P{int(v)}{unit}" if v == int(v) else _dur_value(str(v), unit)
    if code in ("H", "MIN", "S"):
        c = {"H": "H", "MIN": "M", "S": "S"}[code]
        return f"PT{n}{c}"
    return f"P{n}{code}"


def _delta(n: int, code: str) -> relativedelta:
    return {"D": relativedelta(days=n), "W": relativedelta(weeks=n), "2W": relativedelta(weeks=2 * n),
            "WE": relativedelta(weeks=n), "M": relativedelta(months=n), "Q": relativedelta(months=3 * n),
            "Y": relativedelta(years=n), "DE": relativedelta(years=10 * n), "CE": relativedelta(years=100 * n),
            "H": relativedelta(hours=n), "MIN": relativedelta(minutes=n), "S": relativedelta(seconds=n)}[code]


def _point(gran: str, d: Date, anchor: str, weekend: bool = False) -> _Res:
    return _Res("DATE", _fmt(gran, d, weekend), gran, _floor(d, gran), *_span(gran, d, weekend), anchor, weekend)


def _month_year(mon: int, dct: Date | None, future: bool | None, rel: str = "") -> tuple[int | None, str]:
    if dct is None:
        return None, ""
    y = dct.year
    if rel in ("last", "past"):  # the most recent such month before this one (TimeBank)
        return (y if mon < dct.month else y - 1), "published"
    if rel in ("next", "coming"):
        return (y if mon > dct.month else y + 1), "published"
    if rel == "this":
        return y, "published"
    if future is None:
        diff = (mon - dct.month) % 12  # months ahead to the next instance
        return (y + (1 if mon < dct.month else 0) if 0 < diff <= 2 else (y if mon <= dct.month else y - 1)), "published"
    if future:
        return (y if mon >= dct.month else y + 1), "published"
    return (y if mon <= dct.month else y - 1), "published"


def _note_period(st: _State, r: _Res, text: str, pos: int) -> None:
    """Remember the quarter or half an earnings story reports; one exactly a year before it ("the
    year-earlier quarter", "the 1988 quarter") is a comparison and leaves it in place."""
    if r.gran not in ("quarter", "half") or r.point is None:
        return
    if st.period is not None and st.period[0] == r.gran and r.point == st.period[1] - relativedelta(years=1):
        return
    st.period, st.period_pos = (r.gran, r.point, text), pos


def _reported(st: _State, f: _Found, max_dist: int) -> tuple[str, Date, str] | None:
    """The period a bare "the quarter" or "a year earlier" refers to: the reported quarter/half if
    one was named within ``max_dist`` characters, else the previous expression if that is near.

    Example:
        >>> t = "Profit rose in the third quarter from the year-earlier quarter. The quarter had one-time gains."
        >>> find_timexes(t, "1989-11-02")["value"].tolist()
        ['1989-Q3', '1988-Q3', '1989-Q3']
    """
    if st.period is not None and f.start - st.period_pos < max_dist:
        return st.period
    if st.last is not None and f.start - st.last_pos < max_dist:
        return st.last
    return None


def _anchor_for(st: _State, f: _Found, max_dist: int = 10**9) -> tuple[Date | None, str, str]:
    """Anchor of an anaphoric expression: the previous expression, else publication. A past-tense
    anaphor ("the attack was on the same day") skips a previous expression that lies after
    publication (a court date, a deadline) for the last one that does not.

    Example:
        >>> t = "On March 15 a gunman attacked a mosque. He will appear in court on April 5. A second attack was on the same day."
        >>> find_timexes(t, "2019-03-17")["value"].tolist()
        ['2019-03-15', '2019-04-05', '2019-03-15']
    """
    if st.last is not None and f.start - st.last_pos < max_dist:
        if st.dct is not None and st.last[1] > st.dct and st.settled is not None \
                and _future(st.text, f, _rules()) is False:
            return st.settled[1], st.settled[2], st.settled[0]
        return st.last[1], st.last[2], st.last[0]
    return st.dct, "published", "day"


def _month_day(mon: int, day: int, wd: str | None, dct: Date | None, text: str, f: _Found, R: _Rules) -> _Res | None:
    """Resolve a yearless month-day: weekday if given, else tense, else the nearest instance."""
    if dct is None:
        return _Res("DATE", f"XXXX-{mon:02d}-{day:02d}", "day")
    cand = _safe_date(dct.year, mon, day)
    if cand is None:
        return None
    if wd:  # the weekday pins the year
        for yy in (dct.year, dct.year - 1, dct.year + 1):
            c = _safe_date(yy, mon, day)
            if c and c.isoweekday() == R.weekdays[wd.lower()]:
                return _point("day", c, "published")
    tense = _future(text, f, R)
    opts = [c for c in (_safe_date(dct.year - 1, mon, day), cand, _safe_date(dct.year + 1, mon, day)) if c]
    nearest = min(opts, key=lambda c: abs((c - dct).days))
    if tense is False and nearest > dct + dt.timedelta(days=1) and _past_event_on(text, f):
        cand = _safe_date(nearest.year - 1, mon, day) or nearest  # "approved the plan on January 12", 28 Dec
    elif tense is None or abs((nearest - dct).days) <= 45:
        cand = nearest
    elif tense is False and dct < cand <= dct + dt.timedelta(days=AHEAD_DAYS) and not _past_event_on(text, f):
        pass  # "payable Dec. 15", "extended to Jan. 12": a date weeks ahead is the coming one
    elif tense:
        if cand < dct - dt.timedelta(days=14):
            cand = _safe_date(dct.year + 1, mon, day) or cand
    elif cand > dct + dt.timedelta(days=1):
        cand = _safe_date(dct.year - 1, mon, day) or cand
    return _point("day", cand, "published")


AHEAD_DAYS = 90  # a month-day at most a quarter ahead, told in the past tense, is still the coming one
# an infinitive, a modal, a present-tense verb, a schedule or a deadline word before "on <date>"
_NOT_DONE = re.compile(rf"(?i)\b(?:to\s+[a-z]+|[a-z]+['’]ll|{_clause_cues('not_done')})\b")


def _past_event_on(text: str, f: _Found) -> bool:
    """Whether a month-day reads as the day a past event happened: "resigned on 7 Feb",
    "On 7 Feb the minister resigned" (an "on" right before it and no infinitive, modal or
    schedule word between the clause start and the date, which would make it a deadline).

    Example:
        >>> R = _rules(); t = "They voted to meet on Jan. 12."
        >>> f = [c for c in _candidates(t, R)][0]
        >>> _past_event_on(t, f)
        False
    """
    before = text[max(0, f.start - 80):f.start]
    if not re.search(r"(?i)(?:^|\W)on\s+$", before):
        return False
    clause = re.split(r"[.;:!?]\s|,\s+(?:but|and|while)\s", before)[-1]
    return not _NOT_DONE.search(clause)


def _r_numeric_date(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A date written with digits (ISO, US month/day/year, unambiguous day-first, dotted) or compact
    with a month abbreviation (19-Nov-12, 2019-Feb-21).

    Example:
        >>> find_timexes('Filed 2017-03-05, updated 03/07/2017 and 21.02.2019.', '2017-04-01')["value"].tolist()
        ['2017-03-05', '2017-03-07', '2019-02-21']
    """
    if g.get("mon"):  # compact: 19-Nov-12, 2019-Feb-21
        g["m"] = str(R.months[g["mon"].lower()])
    if f.kind == "numeric" and st.dayfirst:  # 04/07/2017 on a page that writes 21/02/2019
        g["m"], g["d"] = g["d"], g["m"]
    y = int(g["y"])
    if y < 100:
        y += 1900 if y > 30 else 2000
    d = _safe_date(y, int(g["m"]), int(g["d"]))
    if d is None:
        return None
    r = _point("day", d, "")
    if g.get("H"):
        r.type, r.value = "TIME", f"{r.value}T{g['H']}:{g['M']}"
    return r


def _r_month_day(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A month-day, with a year when written, else from weekday, tense and publication date.

    Example:
        >>> find_timexes('On Feb. 14, he left; on 3 March 2016 he came.', '2017-04-01')["value"].tolist()
        ['2017-02-14', '2016-03-03']
    """
    mon = R.months[g["mon"].lower()]
    day = int(re.match(r"\d+", g["d"]).group(0))
    if g.get("y"):
        d = _safe_date(int(g["y"]), mon, day)
        return _point("day", d, "") if d else None
    ref = _narrative_year(st, f, text, R, dct)
    if ref is not None and not g.get("wd"):
        d = _safe_date(ref, mon, day)
        return _point("day", d, st.last[2]) if d else None
    return _month_day(mon, day, g.get("wd"), dct, text, f, R)


NARRATIVE_GRANS = ("day",)  # a full date (a bare "August 1988" is often a modifier: "the August 1988 cease-fire"), written with its year, sets the narrative's year
NARRATIVE_CHARS = 2000  # how far back (characters) that anchor still holds


def _narrative_year(st: _State, f: _Found, text: str, R: _Rules, dct: Date | None) -> int | None:
    """The year a yearless month-day inherits from the narrative: the last day written with
    its own explicit year (a full date), when that year is not the publication year and the month-day is not
    told in the future tense ("On November 15, 2017, the army seized power. ... he resigned on
    November 21" is 2017-11-21). TempEval-3 guidelines: an underspecified date is resolved against the
    narrative's reference time. Measured on TimeBank/AQUAINT and the SemEval trial (bench/eval_timex.py).

    Example:
        >>> find_timexes("On November 15, 2017, the army seized power. He resigned on November 21.",
        ...              "2019-09-06")["value"].tolist()
        ['2017-11-15', '2017-11-21']
    """
    if dct is None or st.last is None or f.start - st.last_pos > NARRATIVE_CHARS:
        return None
    gran, point, written = st.last
    if gran not in NARRATIVE_GRANS or point.year == dct.year or not re.search(r"\b(?:1[6-9]|20)\d\d\b", written):
        return None
    if _future(text, f, R):
        return None
    return point.year


def _r_month_rel(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A month or season of this, last or next year ("March last year").

    Example:
        >>> find_timexes('In March last year sales fell.', '2017-04-01')["value"].tolist()
        ['2016-03']
    """
    off = {"this": 0, "last": -1, "next": 1}[g["rely"].lower()]
    if dct is None:
        return None
    w = g["mon"].lower()
    if w in R.seasons:
        return _point("season", Date(dct.year + off, R.seasons[w][1], 1), "published")
    return _point("month", Date(dct.year + off, R.months[w], 1), "published")


def _r_month_year(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A month with its year.

    Example:
        >>> find_timexes('In March 2016 sales fell.', '2017-04-01')["value"].tolist()
        ['2016-03']
    """
    return _point("month", Date(int(g["y"]), R.months[g["mon"].lower()], 1), "")


def _r_month(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A bare month: the instance the tense and any deadline word point to.

    Example:
        >>> find_timexes('Sales fell in January and will rise in May.', '2017-04-01')["value"].tolist()
        ['2017-01', '2017-05']
    """
    mon = R.months[g["mon"].lower()]
    rel = (g.get("rel") or "").lower()
    if rel == "that" and st.last is not None:
        return _point("month", Date(st.last[1].year, mon, 1), st.last[2])
    tense = _future(text, f, R)
    if not rel and dct is not None and re.search(r"(?i)\b(?:by|until|till|through|before)\s+(?:early\s+|mid-?|late\s+)?$",
                                                 text[max(0, f.start - 16):f.m.start()]):
        tense = 0 < (mon - dct.month) % 12 <= 6  # a deadline: the coming one if it is near
    y, anchor = _month_year(mon, dct, tense, rel)
    if y is None:
        return _Res("DATE", f"XXXX-{mon:02d}", "month")
    return _point("month", Date(y, mon, 1), anchor)


def _r_year(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A year, fiscal year or two-digit FY.

    Example:
        >>> find_timexes('In 2015 and in fiscal 2016 sales fell.', '2017-04-01')["value"].tolist()
        ['2015', '2016']
    """
    yy = g.get("y") or g.get("y2")
    y = int(yy)
    if y < 100:
        y += 1900 if y > 30 else 2000
    return _point("year", Date(y, 1, 1), "")


def _r_spelled_year(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A year in words.

    Example:
        >>> find_timexes('It happened in nineteen ninety-eight.', '2017-04-01')["value"].tolist()
        ['1998']
    """
    return _point("year", Date(_spelled_year(g, R), 1, 1), "")


def _spelled_year(g: dict, R: _Rules) -> int:
    if g.get("rest") is not None:
        return 1900 + int(_num(g["rest"], R))
    return 2000 + (int(_num(g["rest2"], R)) if g.get("rest2") else 0)


def _r_month_spelled(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A month or season with a year in words (broadcast transcripts).

    Example:
        >>> find_timexes("January nineteen ninety-seven; winter of nineteen ninety-four", "1998-02-27")["value"].tolist()
        ['1997-01', '1994-WI']
    """
    y, w = _spelled_year(g, R), g["mon"].lower()
    if w in R.seasons:
        return _point("season", Date(y, R.seasons[w][1], 1), "")
    return _point("month", Date(y, R.months[w], 1), "")


def _r_decade(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A decade (TIMEX3 value: its first three digits).

    Example:
        >>> find_timexes("In the 1990s and the '80s it grew.", '2017-04-01')["value"].tolist()
        ['199', '198']
    """
    if g.get("dec"):
        y = int(g["dec"])
    elif g.get("d2"):
        d2 = int(g["d2"])
        y = (1900 if d2 > 20 or dct is None or dct.year < 2000 + d2 else 2000) + d2
        if dct is not None and dct.year >= 2000 and d2 <= dct.year % 100:
            y = 2000 + d2 if d2 < 30 else 1900 + d2
    else:
        y = 1900 + {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                    "eighties": 80, "nineties": 90}[g["dw"].lower()]
    return _point("decade", Date(y, 1, 1), "")


def _r_century(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """An ordinal century (TIMEX3 value: its first two digits).

    Example:
        >>> find_timexes('In the 19th century it grew.', '2017-04-01')["value"].tolist()
        ['18']
    """
    o = g["ord"].lower()
    n = int(re.match(r"\d+", o).group(0)) if o[0].isdigit() else R.ordinals.get(o, 0)
    if n <= 0:
        return None
    return _point("century", Date(max(1, (n - 1) * 100), 1, 1), "")


def _r_season(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A season, with its year, relative to an earlier expression, or to publication.

    Example:
        >>> find_timexes('Last fall it fell; in summer 2015 it rose.', '2017-04-01')["value"].tolist()
        ['2016-FA', '2015-SU']
    """
    code, sm = R.seasons[g["s"].lower()]
    rel = (g.get("rel") or "").lower()
    if g.get("y"):
        return _point("season", Date(int(g["y"]), sm, 1), "")
    if rel in ("that", "the same", "the following", "the previous") and st.last is not None:
        a = st.last[1]
        y = a.year + (1 if rel == "the following" else -1 if rel == "the previous" else 0)
        return _point("season", Date(y, sm, 1), st.last[2])
    if dct is None:
        return _Res("DATE", f"XXXX-{code}", "season")
    cur = _floor(dct, "season")
    this = Date(dct.year if not (sm == 12 and dct.month <= 2) else dct.year - 1, sm, 1)
    if rel in ("last", "past", "this past"):
        d = this if this < cur else Date(this.year - 1, sm, 1)
    elif rel in ("next", "coming"):
        d = this if this > cur else Date(this.year + 1, sm, 1)
    elif rel == "this":
        d = Date(dct.year, sm, 1) if sm != 12 else this
    elif _future(text, f, R):
        d = this if this >= cur else Date(this.year + 1, sm, 1)
    else:
        d = this if this <= cur else Date(this.year - 1, sm, 1)
    return _point("season", d, "published")


def _r_quarter(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A quarter or half year: numbered, relative, or the one just reported.

    Example:
        >>> find_timexes('In the first quarter and the second half of 2016 it fell.', '2017-04-01')["value"].tolist()
        ['2017-Q1', '2016-H2']
    """
    gran = "half" if f.kind == "half" else "quarter"
    qword = (g.get("q") or g.get("h") or g.get("ago") or "").lower()
    n = _period_number(g, qword, gran, R)
    if n is None:
        return _relative_period(f, text, st, R, g, dct, gran, qword)
    if n > (4 if gran == "quarter" else 2):
        return None
    base_year, anchor = _period_year(g, st, dct)
    if base_year is None:
        return _Res("DATE", f"XXXX-{'Q' if gran == 'quarter' else 'H'}{n}", gran)
    d = Date(base_year, (n - 1) * (6 if gran == "half" else 3) + 1, 1)
    told = g.get("y") or g.get("y0") or g.get("fy") or g.get("rely") or g.get("ypos")
    if not told and dct is not None and d > dct and not _future(text, f, R) and gran == "quarter":
        d = Date(base_year - 1, d.month, 1)  # "sales rose in the third quarter", written in April
    if g.get("ago"):
        d = Date(d.year - 1, d.month, 1)
    return _point(gran, d, anchor)


def _period_number(g: dict, qword: str, gran: str, R: _Rules) -> int | None:
    """Which quarter (1-4) or half (1-2) a word or digit names; None for a relative one ("last quarter")."""
    if g.get("qn") or g.get("qn2"):
        return int(g.get("qn") or g.get("qn2"))
    if qword in R.ordinals and qword not in ("last", "latest", "final"):
        return R.ordinals[qword]
    if qword == "final":
        return 4 if gran == "quarter" else 2
    if qword in ("latter", "2nd") or (qword == "last" and gran == "half"):  # "the last half of 1989"
        return 2
    if qword == "1st":
        return 1
    if qword in ("3rd", "4th"):
        return int(qword[0])
    return None


def _period_year(g: dict, st: _State, dct: Date | None) -> tuple[int | None, str]:
    """Year of a numbered quarter or half: written, relative to publication, or the previous expression's."""
    year = g.get("y") or g.get("y0") or g.get("fy")
    rely = (g.get("rely") or "").lower()
    ypos = (g.get("ypos") or "").lower()
    if year:
        return int(year), ""
    if ypos and dct is not None:
        return dct.year + {"this": 0, "last": -1, "next": 1}[ypos], "published"
    if rely in ("last", "the previous", "the prior"):
        return (dct.year - 1 if dct else None), "published"
    if rely == "next":
        return (dct.year + 1 if dct else None), "published"
    if rely == "the" and st.last is not None:
        return st.last[1].year, st.last[2]
    return (dct.year if dct else None), "published"


def _relative_period(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None, gran: str,
                     qword: str) -> _Res | None:
    """The quarter/half, last quarter, the year-earlier quarter: from the previous such expression,
    else the one just ended before publication (news about a quarter reports the one just closed)."""
    det = (g.get("det") or "").lower()
    if g.get("y0"):  # "the 1988 quarter": the reported quarter's counterpart in that year
        rep = _reported(st, f, 600)
        if rep is not None and rep[0] == gran:
            return _point(gran, Date(int(g["y0"]), rep[1].month, 1), rep[2])
        return _point("year", Date(int(g["y0"]), 1, 1), "")
    if dct is None and st.last is None:
        return _Res("DATE", "XXXX-QX" if gran == "quarter" else "XXXX-HX", gran)
    rep = _reported(st, f, 10**9)
    if rep is not None and rep[0] == gran and qword in ("", "same", "current", "year-earlier", "year-ago",
                                                        "year-before", "fiscal"):
        ref, anchor = rep[1], rep[2]
    else:
        ref = dct or st.last[1]
        anchor = "published"
        if qword in ("", "latest", "recent", "just-ended", "just-completed", "fiscal") \
                and det in ("the", "its", "their", "that", "") and dct is not None:
            ref = _floor(dct, gran) - STEP[gran]  # news about a quarter: the one just ended
            if det == "the" and qword == "" and _future(text, f, R):
                ref = dct
    if qword in ("last", "previous", "prior", "past"):
        ref = _floor(ref, gran) - STEP[gran]
    elif qword == "next" or det == "next":
        ref = _floor(ref, gran) + STEP[gran]
    elif qword in ("year-earlier", "year-ago", "year-before"):
        ref = _floor(ref, gran) - relativedelta(years=1)
    return _point(gran, ref, anchor)


def _r_half_number(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A numbered half year with its year ("H1 2020", "2019 H2").

    Example:
        >>> find_timexes("Sales rose in H1 2020 and in 2019 H2.", "2020-09-01")["value"].tolist()
        ['2020-H1', '2019-H2']
    """
    n, y = int(g.get("hn") or g.get("hn2")), int(g.get("y") or g.get("y2"))
    return _point("half", Date(y, 1 if n == 1 else 7, 1), "")


def _r_relday(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """Yesterday, today, tomorrow, tonight (with a part of day).

    Example:
        >>> find_timexes('Yesterday it fell; tonight it may rise.', '2017-04-01')["value"].tolist()
        ['2017-03-31', '2017-04-01TNI']
    """
    if dct is None:
        return _Res("DATE", "XXXX-XX-XX", "day")
    w = g["w"].lower()
    d = dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[w])
    r = _point("day", d, "published")
    part = (g.get("part") or "").lower()
    if w == "tonight" or part:
        r.type, r.value = "TIME", f"{r.value}T{R.dayparts.get(part, 'NI')}"
    return r


def _r_relpart(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A part of day relative to publication or an earlier expression ("last night", "that evening").

    Example:
        >>> find_timexes('Last night it fell.', '2017-04-01')["value"].tolist()
        ['2017-03-31TNI']
    """
    if g.get("ov"):
        if dct is None:
            return _Res("TIME", "XXXX-XX-XXTNI", "day")
        r = _point("day", dct - dt.timedelta(days=1), "published")
        r.type, r.value = "TIME", r.value + "TNI"
        return r
    if g.get("mpart"):  # "mid-afternoon (yesterday)": that part of the day named, else of publication day
        f.mod = "MID"
        d = _day_ref(g.get("mday"), dct, text, f, R)
        code = R.dayparts[g["mpart"].lower()]
        if d is None:
            return _Res("TIME", "XXXX-XX-XXT" + code, "day")
        r = _point("day", d, "published")
        r.type, r.value = "TIME", f"{r.value}T{code}"
        return r
    rel = g["rel"].lower()
    part = g["part"].lower()
    if rel in ("that", "the same", "the next", "the following"):
        a, anchor, _ = _anchor_for(st, f)
        if a is None:
            return None
        d = a + dt.timedelta(days=0 if rel in ("that", "the same") else 1)
    else:
        if dct is None:
            return _Res("TIME", "XXXX-XX-XXT" + R.dayparts[part], "day")
        off = {"this": 0, "last": -1 if part in ("night", "evening") else 0, "tomorrow": 1, "yesterday": -1}[rel]
        d, anchor = dct + dt.timedelta(days=off), "published"
    if g.get("wd") and dct is not None:
        pass
    r = _point("day", d, anchor)
    r.type, r.value = "TIME", f"{r.value}T{R.dayparts[part]}"
    return r


def _r_weekday(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:  # noqa: C901
    """A weekday: the one the tense or relative word points to, or a recurring one.

    Example:
        >>> find_timexes('On Tuesday it fell and it will rise on Monday.', '2017-04-01')["value"].tolist()
        ['2017-03-28', '2017-04-03']
    """
    wd = R.weekdays[g["wd"].lower()]
    part = (g.get("part") or "").lower().rstrip("s")
    if g.get("pl") or (g.get("part") or "").lower().endswith("s"):
        return _Res("SET", f"XXXX-WXX-{wd}" + (f"T{R.dayparts[part]}" if part else ""), "")
    rel = (g.get("rel") or "").lower()
    if rel in ("that", "the following", "the previous") and st.last is not None:
        a, anchor = st.last[1], st.last[2]
        direction = -2 if rel == "the previous" else 2 if rel == "the following" else 1
    elif dct is None:
        return _Res("TIME", f"XXXX-WXX-{wd}T{R.dayparts[part]}", "day") if part else _Res("DATE", f"XXXX-WXX-{wd}", "day")
    else:
        a, anchor = dct, "published"
        if rel in ("last", "past", "previous", "this past"):
            direction = -2
        elif rel in ("next", "coming", "this coming"):
            direction = 2
        elif _POSTPONED.search(text[max(0, f.start - 60):f.start]):
            direction = 2  # "The talks were postponed until Monday": the coming Monday
        else:
            tense = _future(text, f, R)
            if re.match(r"['’]s\b", text[f.end:f.end + 3]):
                tense = None  # "Wednesday's ruling": the nearest such day
            if tense is None and _fronted(text, f):
                tense = _sentence_tense(text, f, R)
            if tense is None:
                diff0 = (wd - a.isoweekday()) % 7
                direction = 1 if 0 < diff0 <= 3 else -1
            else:
                direction = 1 if tense else -1
    diff = (wd - a.isoweekday()) % 7
    if direction == 1:
        d = a + dt.timedelta(days=diff)
    elif direction == 2:
        d = a + dt.timedelta(days=diff or 7)
    elif direction == -1:
        d = a - dt.timedelta(days=(7 - diff) % 7)
    else:
        d = a - dt.timedelta(days=((7 - diff) % 7) or 7)
    r = _point("day", d, anchor)
    if part:
        r.type, r.value = "TIME", f"{r.value}T{R.dayparts[part]}"
    return r


_UNIT_GRAN = {"week": "week", "weekend": "week", "month": "month", "year": "year", "decade": "decade",
              "century": "century", "quarter": "quarter", "day": "day", "morning": "day", "night": "day",
              "evening": "day", "afternoon": "day"}
_UNIT_UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "quarter": "XXXX-QX",
                 "decade": "XXX", "century": "XX"}


def _r_unit(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A calendar unit relative to publication or an earlier expression ("last week", "the
    following month").

    Example:
        >>> find_timexes('Last week it fell; next month it may rise.', '2017-04-01')["value"].tolist()
        ['2017-W12', '2017-05']
    """
    if f.kind == "theunit" and g["u"].lower() == "year" and re.search(
            r"(?i)\b(?:for|during|over|throughout)\s+$", text[max(0, f.start - 12):f.start]):
        return _Res("DURATION", "P1Y", "year")  # "for the year"
    u = re.sub(r"\s+", " ", g["u"].lower()).replace("fiscal year", "year")
    rel = re.sub(r"\s+", " ", (g.get("rel") or "the").lower())
    det = (g.get("det") or "").lower()
    weekend = u == "weekend"
    gran = _UNIT_GRAN[u]
    # "the past month", "the past year", "the last year": a period running up to publication (TIMEX3
    # duration anchored at the document time), like "the past 12 months"; "last year" is the calendar year
    # (TimeBank's gold has "the past year" as the calendar year 2 of 2 times: value accuracy -0.002, accepted)
    if det == "the" and ((rel == "past" and u not in ("weekend", "day")) or (rel == "last" and u in ("week", "month", "year"))):
        return _past_unit(u, gran, dct)
    off, anaphoric = R.relative.get(rel.replace("this past", "last"), (0, False))
    anaphoric = anaphoric or rel == "the" or (rel == "next" and det == "the")
    if anaphoric:
        a, anchor, within = _unit_anchor(st, f, rel, off, gran)
        if within is not None:
            return within
    else:
        a, anchor = dct, "published"
    if a is None:
        return _Res("DATE", _UNIT_UNKNOWN[gran], gran)
    d = _floor(a, gran) + STEP[gran] * off if off >= 0 else _floor(a, gran) - STEP[gran] * (-off)
    if weekend and off == 0 and a is dct and dct.isoweekday() < 6 and _future(text, f, R) is not True:
        d = d - STEP["week"]
    if u == "day" and rel in ("the", "that", "same", "this") and not anaphoric:
        d = a
    r = _point(gran, d, anchor, weekend)
    if u in ("morning", "night", "evening", "afternoon"):
        r.type, r.value = "TIME", f"{r.value}T{R.dayparts[u]}"
    if u == "century" and rel in ("this", "current"):
        r.value = _fmt("century", d)
    return r


def _past_unit(u: str, gran: str, dct: Date | None) -> _Res:
    """A duration ending at publication: "the past year" (TimeML)."""
    r = _Res("DURATION", _dur_value("1", {"week": "W", "month": "M", "year": "Y", "decade": "DE",
                                         "century": "CE", "quarter": "Q"}[u]), gran)
    if dct:
        r.begin, r.end, r.anchor = dct - STEP[gran], dct, "published"
    return r


def _unit_anchor(st: _State, f: _Found, rel: str, off: int, gran: str) -> tuple[Date | None, str, _Res | None]:
    """Anchor of an anaphoric unit ("the following month", "that day"): the previous expression,
    or publication when that one is coarser than "the <unit>"; a day or month inside a coarser
    anchor ("that day" after "in March 2016") is known only to lie within it (third item)."""
    a, anchor, agran = _anchor_for(st, f)
    if agran not in GRAN_ORDER:
        return a, anchor, None
    coarser = GRAN_ORDER.index(agran) > GRAN_ORDER.index(gran)
    if rel == "the" and coarser:
        return st.dct, "published", None
    if a is not None and anchor != "published" and off == 0 and coarser and gran in ("day", "month"):
        b, e = _span(agran, a)
        x = f"{a.year:04d}-{a.month:02d}-XX" if agran in ("month", "week") else f"{a.year:04d}-XX" + ("-XX" if gran == "day" else "")
        return a, anchor, _Res("DATE", x, agran, None, b, e, anchor)
    return a, anchor, None


def _r_beforeafter(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """The unit before or after the previous expression ("the day before").

    Example:
        >>> find_timexes('On Feb. 14 he left. He had arrived the day before.', '2017-04-01')["value"].tolist()
        ['2017-02-14', '2017-02-13']
    """
    u = g["u"].lower()
    gran = {"day": "day", "night": "day", "morning": "day", "evening": "day", "week": "week", "month": "month",
            "year": "year", "weekend": "week"}[u]
    a, anchor, _ = _anchor_for(st, f)
    if a is None:
        return None
    d = _floor(a, gran) + (STEP[gran] if g["dir"].lower() == "after" else -STEP[gran])
    return _point(gran, d, anchor)


def _r_ago(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """An offset from publication or from an earlier expression ("two years ago", "three days later").
    "<duration> later" is TimeML's duration with "later" as a signal outside it (TimeBank and AQUAINT
    mark "Three days", "A few days", "over an hour" before "later", 4 of 4); the row still carries
    the day the offset reaches in ``begin``/``end_date`` so the sentence can be dated by it.

    Example:
        >>> find_timexes('Two years ago it fell. Three days later it rose.', '2017-04-01')["value"].tolist()
        ['2015', 'P3D']
    """
    r = _ago_point(f, text, st, R, g, dct)
    if r is None or re.sub(r"\s+", " ", g["dir"].lower()) != "later":
        return r
    f.end = f.m.start("dir")
    while f.end > f.start and text[f.end - 1].isspace():
        f.end -= 1
    n = _num(g["n"], R)
    if g.get("andhalf") and n != "X":
        n = str(float(n) + 0.5)
    r.type, r.value, r.reached = "DURATION", _dur_value(n, _unit_code(g["u"], R)), True
    return r


def _ago_point(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """The point an offset expression reaches (see :func:`_r_ago`)."""
    n = _num(g["n"], R)
    if g.get("andhalf") and n != "X":
        n = str(float(n) + 0.5)  # "a decade and a half ago"
    code = _unit_code(g["u"], R)
    dirw = re.sub(r"\s+", " ", g["dir"].lower())
    sign, anaphoric = R.directions[dirw]
    gran = UNIT_GRAN.get(code, "day")
    if n == "X":
        if dirw == "ago":
            r = _Res("DATE", "PAST_REF", gran)
            return r
        return _Res("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", gran)
    if anaphoric:
        a, anchor, agran = _anchor_for(st, f)
        if code == "Y" and st.period is not None and st.last is not None and st.last[0] == st.period[0] \
                and st.last[1] == st.period[1] - relativedelta(years=1):
            a, anchor, agran = st.period[1], st.period[2], st.period[0]  # a year before the reported quarter
    else:
        a, anchor, agran = dct, "published", "day"
        rep = _reported(st, f, 300)
        if code == "Y" and rep is not None and rep[0] in ("quarter", "half"):
            a, anchor, agran = rep[1], rep[2], rep[0]
    if a is None:
        return _Res("DATE", "XXXX", gran)
    nn = float(n)
    if code in ("H", "MIN", "S"):
        return _Res("DATE", _fmt("day", a), "day", a, a, a, anchor)
    if nn != int(nn):
        d = a + sign * relativedelta(months=int(round(nn * {"CE": 1200, "DE": 120, "Y": 12, "Q": 3, "M": 1, "W": 0.25, "D": 1 / 30}.get(code, 1))))
    else:
        d = a + sign * _delta(int(nn), code)
    if agran in ("quarter", "half", "month", "day", "week") and GRAN_ORDER.index(agran) < GRAN_ORDER.index(gran) \
            and (anaphoric or agran in ("quarter", "half")):
        gran = agran
    return _point(gran, d, anchor)


def _r_duration(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A duration ("three months", "half a century", "decades"), anchored when it runs up to or
    from publication.

    Example:
        >>> find_timexes('It lasted three months, then half a century.', '2017-04-01')["value"].tolist()
        ['P3M', 'P50Y']
    """
    k = f.kind
    u = g["u"].lower().split()[0]
    code = _unit_code(u, R)
    n = _num(g.get("n"), R) if k == "dur" else "X"
    if k == "dur" and g.get("n2"):
        n = "X" if f.mod != "" else _num(g["n"], R)
        if re.fullmatch(r"(?i)a\s+half", g["n2"].strip()) and n not in ("X", None):
            n = str(float(n) + 0.5)  # "two and a half decades"
    if (g.get("orso") or "").lower().startswith("and a half") and n not in ("X", None):
        n = str(float(n) + 0.5)
    rel = (g.get("rel") or "").lower()
    rel = rel.replace("the ", "").replace(" few", "")
    if k == "bare" and rel == "recent" and u == "years":
        r = _Res("DATE", "PAST_REF", "year")
    else:
        r = _Res("DURATION", _dur_value(n, code), UNIT_GRAN.get(code, "day"))
    if dct is not None and rel in ("past", "last", "recent", "previous", "next", "coming", "following"):
        nn = 3 if n == "X" else float(n)
        span = _delta(max(1, int(round(nn))), code) if code not in ("H", "MIN", "S") else relativedelta(days=1)
        if rel in ("past", "last", "recent", "previous"):
            r.begin, r.end, r.anchor = dct - span, dct, "published"
        else:
            r.begin, r.anchor = _forward_start(st, f, text, R, dct)
            r.end = r.begin + span if r.begin is not None else None
    return r


def _forward_start(st: _State, f: _Found, text: str, R: _Rules, dct: Date) -> tuple[Date | None, str]:
    """Where "the next/following N units" starts: publication when told in the future or present
    tense; in a past narrative, the end of the narrative's last dated expression before publication
    ("In 1965 ... over the next five decades it grew" runs 1966-2015), else no interval (a bare
    duration). TempEval-3 guidelines: an anaphoric expression is anchored to the narrative's
    reference time, not to the document creation time.

    Example:
        >>> find_timexes("In 1965 it was founded, and over the next five decades it grew.",
        ...              "2019-09-06")[["value", "begin"]].astype(str).values.tolist()
        [['1965', '1965-01-01'], ['P50Y', '1966-01-01']]
    """
    if _future(text, f, R) is not False:
        return dct, "published"
    if st.last is not None and st.last[1] < dct:
        gran, point, written = st.last
        end = _span(gran, point)[1] if gran in GRAN_ORDER else point
        return min(end + dt.timedelta(days=1), dct), written
    return None, ""


def _r_yearend(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """The end of the current year or, early in a year told in the past, of the previous one.

    Example:
        >>> find_timexes('Sales fell by year-end.', '2017-04-01')["value"].tolist()
        ['2016']
    """
    if dct is None:
        return _Res("DATE", "XXXX", "year")
    tense = _future(text, f, R)
    y = dct.year - 1 if tense is False and dct.month <= 6 else dct.year
    r = _point("year", Date(y, 1, 1), "published")
    f.mod = f.mod or "END"
    return r


def _r_year_ago(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """The year-earlier or same period of the quarter or half just mentioned.

    Example:
        >>> find_timexes('Sales rose in the first quarter from the year-earlier period.', '2017-04-01')["value"].tolist()
        ['2017-Q1', '2016-Q1']
    """
    k = f.kind
    w = (g.get("w") or "").lower()
    last = _reported(st, f, 600)
    if k == "period" and g.get("y"):
        y = int(g["y"])
        if last and last[0] in ("quarter", "half"):
            return _point(last[0], Date(y, last[1].month, 1), last[2])
        return _point("year", Date(y, 1, 1), "")
    back = w.startswith("year") or w in ("comparable", "corresponding")
    if last and last[0] in ("quarter", "half", "month"):
        d = last[1] - relativedelta(years=1) if back else last[1]
        return _point(last[0], d, last[2])
    if dct is None:
        return _Res("DATE", "XXXX", "year")
    if back:
        return _point("year", Date(dct.year - 1, 1, 1), "published")
    return _point("quarter", _floor(dct, "quarter") - STEP["quarter"], "published")


def _r_fullyear(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """The current, previous or next (fiscal) year.

    Example:
        >>> find_timexes('Sales will rise in the current fiscal year.', '2017-04-01')["value"].tolist()
        ['2017']
    """
    if dct is None:
        return _Res("DATE", "XXXX", "year")
    w = (g.get("w") or "").lower()
    off = {"latest": -1, "previous": -1, "prior": -1, "next": 1}.get(w, 0)
    return _point("year", Date(dct.year + off, 1, 1), "published")


def _r_ref(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """Now, recently, the future: TIMEX3 reference values.

    Example:
        >>> find_timexes('Prices are rising now.', '2017-04-01')["value"].tolist()
        ['PRESENT_REF']
    """
    typ, val = R.refs[re.sub(r"\s+", " ", g["w"].lower())]
    r = _Res(typ, val, "")
    if val == "PRESENT_REF" and dct is not None:
        r.begin = r.end = dct
        r.gran, r.anchor = "day", "published"
    return r


def _r_set(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A recurring time ("every Tuesday", "annually", "twice a year").

    Example:
        >>> find_timexes('It meets every Tuesday.', '2017-04-01')["value"].tolist()
        ['XXXX-WXX-2']
    """
    if g.get("w"):
        return _Res("SET", R.sets[g["w"].lower()], "")
    u = (g.get("u") or g.get("u2") or "").lower()
    if u in R.weekdays:
        return _Res("SET", f"XXXX-WXX-{R.weekdays[u]}", "")
    if u in R.months:
        return _Res("SET", f"XXXX-{R.months[u]:02d}", "")
    if u in R.seasons:
        return _Res("SET", f"XXXX-{R.seasons[u][0]}", "")
    if u in R.dayparts:
        return _Res("SET", f"TXX{R.dayparts[u]}".replace("TXX", "T"), "")
    code = _unit_code(u, R)
    return _Res("SET", _dur_value("1", code), "")


def _r_noon(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """Noon or midnight, on the day written with it, else publication.

    Example:
        >>> find_timexes('The vote was at noon Tuesday.', '2017-04-01')["value"].tolist()
        ['2017-03-28T12:00']
    """
    w = g["w"].lower()
    hh = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[w]
    base = _day_ref(g.get("day"), dct, text, f, R)
    if base is None:
        return _Res("TIME", f"XXXX-XX-XXT{hh}", "day", dayless=not g.get("day"))
    return _Res("TIME", f"{base.isoformat()}T{hh}", "day", base, base, base, "published", dayless=not g.get("day"))


def _r_dom(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A day of the month without its month ("on the 5th"): in the month the story just named
    ("In March the board met twice. On the 5th it voted."), else the instance in this, the last or
    the next month the tense points to (the nearest without a tense cue).

    Example:
        >>> find_timexes("The hearing was held on the 5th.", "2024-05-15")["value"].tolist()
        ['2024-05-05']
        >>> find_timexes("The hearing will be held on the 5th.", "2024-05-15")["value"].tolist()
        ['2024-06-05']
    """
    d = int(re.match(r"\d+", g["d"]).group())
    if st.last is not None and st.last[0] in ("day", "month") and st.last[1] is not None:
        c = _safe_date(st.last[1].year, st.last[1].month, d)
        return _point("day", c, st.last[2]) if c else None
    if dct is None:
        return _Res("DATE", f"XXXX-XX-{d:02d}", "day")
    opts = [c for k in (-1, 0, 1) for m0 in [dct.replace(day=1) + relativedelta(months=k)]
            if (c := _safe_date(m0.year, m0.month, d))]
    tense = _future(text, f, R)
    if tense is None:
        pick = min(opts, key=lambda c: abs((c - dct).days))
    else:
        pick = (min if tense else max)((c for c in opts if (c >= dct) == bool(tense) or c == dct), default=None)
    return _point("day", pick, "published") if pick else None


def _r_clock(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A clock time, on the day written with it, else publication (see :func:`_clock_to_its_date`).

    Example:
        >>> find_timexes('At 3 p.m. on March 5 the talks ended.', '2017-04-01')["value"].tolist()
        ['2017-03-05T15:00']
    """
    h = int(g["h"])
    mi = int(g.get("mi") or 0)
    ap = (g.get("ap") or "").lower().replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    base = _day_ref(g.get("day"), dct, text, f, R)
    hh = f"{h:02d}:{mi:02d}"
    if g.get("mon") and g.get("dd"):
        mon, dd = R.months[g["mon"].lower()], int(re.match(r"\d+", g["dd"]).group(0))
        md = _point("day", d, "") if g.get("yy") and (d := _safe_date(int(g["yy"]), mon, dd)) else \
            _month_day(mon, dd, None, dct, text, f, R)
        if md is not None and md.point is None:
            return _Res("TIME", f"{md.value}T{hh}", "day")
        base = md.point if md is not None else base
    dayless = not g.get("day") and not (g.get("mon") and g.get("dd"))
    if base is None:
        return _Res("TIME", f"XXXX-XX-XXT{hh}", "day", dayless=dayless)
    return _Res("TIME", f"{base.isoformat()}T{hh}", "day", base, base, base, "published", dayless=dayless)


# "Election Day is two weeks away", "Christmas falls on a Friday": the day as subject of a present verb
_HOLIDAY_PRESENT = re.compile(rf"(?i)\s*(?:{_clause_cues('holiday_present')})(?!\w)(?!\s+(?:over|past|behind)\b)")


def _r_holiday(f: _Found, text: str, st: _State, R: _Rules, g: dict, dct: Date | None) -> _Res | None:
    """A holiday: the instance the relative word or tense points to.

    Example:
        >>> find_timexes('Sales fell at Christmas.', '2017-04-01')["value"].tolist()
        ['2016-12-25']
        >>> find_timexes('Election Day is near, voters said.', '2020-10-19')["value"].tolist()
        ['2020-11-03']
    """
    key = g["w"] if g["w"] in R.holidays else re.sub(r"\s+", " ", g["w"])
    if key not in R.holidays:
        return None
    rel = (g.get("rel") or "").lower()
    if dct is None:
        mon, day, rule = R.holidays[key]
        return _Res("DATE", f"XXXX-{mon:02d}-{day:02d}" if rule == "fixed" else "XXXX-XX-XX", "day")
    options = [d for d in (_holiday(key, y, R) for y in (dct.year - 1, dct.year, dct.year + 1)) if d]
    past = [d for d in options if d <= dct]
    future = [d for d in options if d >= dct]
    tense = True if _HOLIDAY_PRESENT.match(text, f.end) else _future(text, f, R)
    if rel in ("last", "this past", "the previous") or (not rel and tense is not True):
        if tense is None and future and past and (future[0] - dct).days < (dct - past[-1]).days and not rel:
            d = future[0]
        else:
            d = past[-1] if past else options[0]
    else:
        d = future[0] if future else options[-1]
    return _point("day", d, "published")


#: Resolver of each expression kind (the pattern names in :func:`_build_patterns`).
_RESOLVERS: dict[str, Any] = {
    "iso": _r_numeric_date,
    "numeric": _r_numeric_date,
    "numeric_dm": _r_numeric_date,
    "ymd_slash": _r_numeric_date,
    "dotted": _r_numeric_date,
    "compact_dmy": _r_numeric_date,
    "compact_ymd": _r_numeric_date,
    "mdy": _r_month_day,
    "dmy": _r_month_day,
    "month_rel": _r_month_rel,
    "my": _r_month_year,
    "month": _r_month,
    "fiscal": _r_year,
    "year": _r_year,
    "spelled": _r_spelled_year,
    "month_spelled": _r_month_spelled,
    "decade": _r_decade,
    "century": _r_century,
    "season": _r_season,
    "season_y": _r_season,
    "quarter": _r_quarter,
    "qnum": _r_quarter,
    "hnum": _r_half_number,
    "half": _r_quarter,
    "relday": _r_relday,
    "relpart": _r_relpart,
    "weekday": _r_weekday,
    "relunit": _r_unit,
    "theunit": _r_unit,
    "beforeafter": _r_beforeafter,
    "ago": _r_ago,
    "dur": _r_duration,
    "bare": _r_duration,
    "yearend": _r_yearend,
    "yearago": _r_year_ago,
    "period": _r_year_ago,
    "fullyear": _r_fullyear,
    "ref": _r_ref,
    "set": _r_set,
    "noon": _r_noon,
    "dom": _r_dom,
    "clock": _r_clock,
    "clock24": _r_clock,
    "holiday": _r_holiday,
}


def _resolve(f: _Found, text: str, st: _State, R: _Rules) -> _Res | None:
    """Resolve one found expression with the resolver of its kind (:data:`_RESOLVERS`)."""
    fn = _RESOLVERS.get(f.kind)
    return fn(f, text, st, R, dict(f.m.groupdict()), st.dct) if fn else None



def _holiday(key: str, year: int, R: _Rules) -> Date | None:
    """Date of a holiday in ``year`` from its rule in ``timex_holidays.csv``."""
    mon, day, rule = R.holidays[key]
    if rule == "fixed":
        return _safe_date(year, mon, day)
    if rule.startswith("nth_weekday"):
        n = int(rule.split(":")[1])
        first = Date(year, mon, 1)
        return first + dt.timedelta(days=(day - first.isoweekday()) % 7 + 7 * (n - 1))
    if rule == "last_weekday":  # last Monday of the month (Memorial Day)
        last = Date(year, mon, 31) if mon in (1, 3, 5, 7, 8, 10, 12) else Date(year, mon, 30)
        return last - dt.timedelta(days=(last.isoweekday() - 1) % 7)
    if rule == "us_election":  # Tuesday after the first Monday of November
        first = Date(year, 11, 1)
        monday = first + dt.timedelta(days=(1 - first.isoweekday()) % 7)
        return monday + dt.timedelta(days=1)
    if rule == "easter":
        from dateutil.easter import easter
        return easter(year) + dt.timedelta(days=day)
    return None


def _day_ref(day: str | None, dct: Date | None, text: str, f: _Found, R: _Rules) -> Date | None:
    if dct is None:
        return None
    if not day:
        return dct
    w = day.lower()
    if w in ("today", "tonight"):
        return dct
    if w == "yesterday":
        return dct - dt.timedelta(days=1)
    if w == "tomorrow":
        return dct + dt.timedelta(days=1)
    wd = R.weekdays.get(w)
    if wd is None:
        return dct
    diff = (wd - dct.isoweekday()) % 7
    tense = _future(text, f, R)
    if tense is None:
        tense = 0 < diff <= 2
    return dct + dt.timedelta(days=diff) if tense else dct - dt.timedelta(days=(7 - diff) % 7)


_DAY_FIRST = re.compile(r"(?<![\d/])(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)?\d\d(?![\d/])")
_MONTH_FIRST = re.compile(r"(?<![\d/])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)?\d\d(?![\d/])")


def day_first(text: str) -> bool:
    """Whether a text writes its numeric dates day first: it has a date only that order can
    read (21/02/2019) and none only month-first can (02/21/2019). Its ambiguous dates
    (04/07/2017) then follow the same convention; otherwise they are read month first.

    Example:
        >>> day_first("Filed 21/02/2019, heard 04/07/2019."), day_first("Filed 04/07/2019.")
        (True, False)
    """
    return bool(_DAY_FIRST.search(text)) and not _MONTH_FIRST.search(text)


@lru_cache(maxsize=1)
def _so_far_res() -> tuple[re.Pattern, re.Pattern]:
    """Past-pointing cues of ``rules/timex_clause_cues.csv`` (kind ``so_far``), as the start of an
    expression or right before it ("earlier this month", "so far this year") and right after it
    ("this year to date"), or opening the expression itself."""
    cues = _clause_cues("so_far").replace(r"\ ", r"\s+")
    return re.compile(rf"(?i)\b(?:{cues})\s*,?\s*(?:in\s+)?$"), re.compile(rf"(?i)^\s*,?\s*(?:{cues})\b")


def _so_far(text: str, start: int, end: int) -> bool:
    """Whether the expression at ``text[start:end]`` points back from publication: it opens with,
    or stands right after (also after "in") or before, a past-pointing cue ("earlier this month",
    "so far in 2024", "earlier in the week", "this week to date"; ``rules/timex_clause_cues.csv``
    kind ``so_far``). Such a current period ends at publication: "earlier this month" in an
    article of 7 November cannot reach 10 November.

    Example:
        >>> t = "Sales so far this year rose; the vote is later this month."
        >>> _so_far(t, 13, 22), _so_far(t, 40, 56)
        (True, False)
    """
    before, after = _so_far_res()
    return bool(before.search(text[max(0, start - 20):start]) or after.match(text[start:end])
                or after.match(text[end:end + 20]))


def _extract(text: str, st: _State) -> list[dict[str, Any]]:
    R = _rules()
    if not text or not R.prefilter.search(text):
        if st.quote_day is not None:
            _quote_anchor([], text or "", st)  # a quoted sentence with no time words still moves the quotation on
        return []
    rows: list[dict[str, Any]] = []
    dayless: list[int] = []
    st.text = text
    for f in _candidates(text, R):
        try:
            r = _resolve(f, text, st, R)
        except Exception as exc:  # noqa: BLE001  one odd expression never sinks the article
            record_error(st.errors, st.article_id, "timexes", ValueError(f"{text[f.start:f.end]!r}: {exc}"))
            continue
        if r is None:
            continue
        mod = f.mod
        begin, end = r.begin, r.end
        if begin is not None and end is not None and mod:
            begin, end = _narrow(begin, end, mod, r.gran)
        if st.dct is not None and begin is not None and end is not None and begin <= st.dct < end \
                and _so_far(text, f.start, f.end):
            end = st.dct  # "earlier this month", "so far this year": up to publication, not beyond
        if (r.type in ("DATE", "TIME") or r.reached) and r.point is not None and r.gran in GRAN_ORDER:
            st.last = (r.gran, r.point, text[f.start:f.end])
            st.last_pos = f.start
            if st.dct is None or r.point <= st.dct:
                st.settled = st.last
            _note_period(st, r, text[f.start:f.end], f.start)
        rows.append({
            "start": f.start, "end": f.end, "text": text[f.start:f.end], "type": r.type, "value": r.value,
            "mod": mod, "begin": begin, "end_date": end, "granularity": r.gran, "anchor": r.anchor,
        })
        if r.dayless:
            dayless.append(len(rows) - 1)
    for i in dayless:
        _clock_to_its_date(rows, i, text)
    if st.dct is not None:
        _quote_anchor(rows, text, st)
    return rows


@lru_cache(maxsize=1)
def _quote_cues() -> dict[str, re.Pattern]:
    """Patterns from ``rules/timex_quote_cues.csv``: deictic words, verbs of saying, clause breaks."""
    rows = _table("quote_cues")
    words = {k: _alt([r["cue"] for r in rows if r["kind"] == k], ci=True) for k in ("deictic", "speech", "break")}
    return {"deictic": re.compile(rf"(?<!\w){words['deictic']}$"),
            "speech": re.compile(rf"(?<!\w){words['speech']}(?!\w)"),
            "break": re.compile(rf"(?<!\w){words['break']}(?!\w)")}


_QUOTATION = re.compile(r"[\"“][^\"“”]*(?:[\"”]|$)")


def _quote_anchor(rows: list[dict[str, Any]], text: str, st: _State) -> None:
    """Re-anchor the deictic words of a quotation ("last night", "this morning", ``rules/timex_quote_cues.csv``)
    on the day the article says it was said: a day written outside the quotation, right before it
    ("On Monday, Sept. 9, Trump tweeted: "... last night ..."") or in its attribution right after it
    (""... tomorrow," she said on Monday"), with a verb of saying and no new clause ("and", "when")
    between them. Without such a day the words keep the publication anchor. A quotation left open
    at the end of a sentence keeps its day in the next sentences (at most :data:`_QUOTE_CARRY`)
    until its closing mark, so sentence-by-sentence callers anchor it the same way.

    Example:
        >>> t = 'On Monday, the senator tweeted: "We worked late last night."'
        >>> find_timexes(t, "2019-09-12")[["text", "value", "anchor"]].values.tolist()
        [['Monday', '2019-09-09', 'published'], ['late last night', '2019-09-08TNI', 'Monday']]
    """
    Q, dct = _quote_cues(), st.dct
    deictic = [r for r in rows if r["anchor"] == "published" and r["granularity"] == "day" and r["begin"] is not None
               and Q["deictic"].search(r["text"])]
    lo = 0
    if st.quote_day is not None:  # the sentence goes on with a quotation opened before it
        close = re.search(r"[\"”]", text)
        lo = close.end() if close else len(text)
        _shift(deictic, 0, lo, st.quote_day, dct)
        st.quote_day, st.quote_left = (None, 0) if close or st.quote_left <= 1 else (st.quote_day, st.quote_left - 1)
    quotes = list(_QUOTATION.finditer(text, lo))
    if not quotes:
        return
    days = [r for r in rows if r["granularity"] == "day" and r["type"] in ("DATE", "TIME") and r["begin"] is not None
            and not Q["deictic"].search(r["text"]) and not any(p.start() < r["start"] < p.end() for p in quotes)]
    for q in quotes:
        open_end = q.group(0)[-1:] not in ('"', "”") or len(q.group(0)) == 1
        if not (open_end or any(q.start() < r["start"] < q.end() for r in deictic)):
            continue
        day = _said_on(days, text, q) if days else None
        if day is not None:
            _shift(deictic, q.start(), q.end(), (day["begin"], day["text"]), dct)
        if open_end:
            st.quote_day, st.quote_left = ((day["begin"], day["text"]), _QUOTE_CARRY) if day is not None else (None, 0)


#: Sentences after the one a quotation opens in that may still be inside it (a quote of a few sentences).
_QUOTE_CARRY = 3


def _shift(deictic: list[dict[str, Any]], lo: int, hi: int, day: tuple[Date, str], dct: Date) -> None:
    """Move the deictic rows starting inside ``lo:hi`` from publication to the quotation's ``day``."""
    for r in deictic:
        if lo <= r["start"] < hi and r["anchor"] == "published":
            new = day[0] + (r["begin"] - dct)  # "last night" said on Monday: the night before Monday
            r.update(value=new.isoformat() + str(r["value"])[10:], begin=new, end_date=new, anchor=day[1])


def _said_on(days: list[dict[str, Any]], text: str, q: re.Match) -> dict[str, Any] | None:
    """The day a quotation was said: of the ``days`` (day expressions outside any quotation), the
    last before it or the first after it, joined to it by a verb of saying with no sentence end or
    new clause between."""
    Q = _quote_cues()
    before = [r for r in days if r["end"] <= q.start()]
    after = [r for r in days if r["start"] >= q.end()]
    if before:
        gap, lead = text[before[-1]["end"]:q.start()], re.split(r"[.!?]\s", text[max(0, before[-1]["start"] - 60):before[-1]["start"]])[-1]
        if len(gap) <= 80 and not re.search(r"[.!?\"“”]", gap) and re.search(r"[:,]\s*$", gap) and not Q["break"].search(gap) \
                and (Q["speech"].search(gap) or Q["speech"].search(lead)):
            return before[-1]
    if after:
        gap = text[q.end():after[0]["start"]]
        if len(gap) <= 60 and not re.search(r"[.!?\"“”]", gap) and not Q["break"].search(gap) and Q["speech"].search(gap):
            return after[0]
    return None


_NEXT_TO = re.compile(r"(?i)\s*(?:\([^()]{1,14}\)\s*)?(?:,\s*)?(?:(?:on|at|around|about|by|from|until|\(|-|–)\s+)?$")


def _clock_to_its_date(rows: list[dict[str, Any]], i: int, text: str) -> None:
    """Give a clock time with no day of its own the day written right next to it, before or after
    ("On March 5 at 3 p.m.", "3 p.m., March 5"): the date written beside a time is its day.

    Example:
        >>> find_timexes("On March 5 at 3 p.m. the talks ended.", "2018-12-28")["value"].tolist()
        ['2018-03-05', '2018-03-05T15:00']
    """
    clock = rows[i]
    for j in (i - 1, i + 1):
        if not 0 <= j < len(rows):
            continue
        o = rows[j]
        gap = text[o["end"]:clock["start"]] if j < i else text[clock["end"]:o["start"]]
        if o["granularity"] != "day" or o["type"] != "DATE" or len(gap) > 28 \
                or not _NEXT_TO.fullmatch(gap) or not re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", str(o["value"])):
            continue
        day = o["begin"]
        clock.update(value=f"{o['value']}T{clock['value'].split('T', 1)[1]}", begin=day, end_date=day,
                     anchor=o["anchor"] or o["text"])
        return


_NAT = np.datetime64("NaT", "ns")


def _dt64(v: Any) -> np.datetime64:
    if isinstance(v, Date) and 1678 <= v.year <= 2261:
        return np.datetime64(v.isoformat(), "ns") if not isinstance(v, dt.datetime) else np.datetime64(v.date().isoformat(), "ns")
    return _NAT


def _arrays(rows: list[dict[str, Any]]) -> list[np.ndarray]:
    out = []
    for c in COLUMNS:
        vals = [r[c] for r in rows]
        if c in ("start", "end"):
            out.append(np.array(vals, dtype="int64"))
        elif c in ("begin", "end_date"):
            out.append(np.array([_dt64(v) for v in vals], dtype="datetime64[ns]"))
        else:
            out.append(np.array(["" if v is None else str(v) for v in vals], dtype=object))
    return out


@lru_cache(maxsize=1)
def _empty() -> pd.DataFrame:
    return pd.DataFrame(dict(zip(COLUMNS, _arrays([])))).astype({c: object for c in COLUMNS if c not in (
        "start", "end", "begin", "end_date")})


def _frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Build the result frame (fast path: pandas' DataFrame constructor costs ~0.7 ms per call)."""
    if not rows:
        return _empty().copy(deep=False)  # safe: pandas copy-on-write
    arrays = _arrays(rows)
    try:
        return pd.DataFrame._from_arrays(arrays, columns=_empty().columns, index=pd.RangeIndex(len(rows)),
                                         verify_integrity=False)
    except (AttributeError, TypeError):  # private constructor changed: fall back to the public one
        return pd.DataFrame(dict(zip(COLUMNS, arrays)), columns=COLUMNS)


def find_timexes(text: str, published: Any = None, *, article_id: Any = "") -> pd.DataFrame:
    """Find time expressions in ``text`` and resolve them against ``published``.

    Args:
        text: Article or sentence text.
        published: Publication date (str, date, datetime, Timestamp) or None. Without it,
            absolute expressions are still resolved; relative ones get ``XXXX`` values and NaT.
        article_id: Named in the error rows (``attrs["errors"]``) of expressions that failed to
            resolve; such an expression is left out and the others are kept.

    Returns:
        One row per expression, columns ``start, end, text, type, value, mod, begin, end_date,
        granularity, anchor``. ``text[start:end]`` is the expression; ``begin``/``end_date`` is
        the resolved interval (first and last day, inclusive); ``anchor`` is ``"published"``, the
        text of the earlier expression an anaphor resolved from, or empty for absolute dates.
        An ambiguous numeric date (04/07/2017) is read day first when the text writes another
        date only that order can read (21/02/2019), else month first (:func:`day_first`).

    Raises:
        ValueError: ``published`` is given but is not a date.

    Example:
        >>> df = find_timexes("Last fall, before the election. In 2015 it was quiet.", "2017-04-01")
        >>> df[["text", "value", "granularity"]].values.tolist()
        [['Last fall', '2016-FA', 'season'], ['2015', '2015', 'year']]
    """
    if text is None or (isinstance(text, float) and pd.isna(text)):
        text = ""
    text = str(text)
    st = _State(_to_date(published), article_id=article_id, dayfirst=day_first(text))
    out = _frame(_extract(text, st))
    if st.errors:
        out.attrs["errors"] = st.errors
    return out


_ABSOLUTE = {"iso", "numeric", "numeric_dm", "ymd_slash", "dotted", "compact_dmy", "compact_ymd", "mdy", "dmy", "my",
             "year", "fiscal", "season", "quarter", "half", "decade"}
_COPYRIGHT = re.compile(r"(?i)(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:(?:1[5-9]|20)\d\d\s*[-–,/]\s*)?$")


def infer_published(text: str) -> pd.Timestamp:
    """Earliest publication date consistent with the absolute dates the text mentions.

    An article cannot be older than the latest past event it reports, so this returns the
    latest ``begin`` of an absolute (year-bearing) DATE found outside future-tense sentences,
    or ``NaT`` when the text has none. Years in a copyright line ("© 2024", "Copyright 2019-2024")
    say nothing about the article and are skipped. The result is a floor, not an estimate:
    :func:`srcanalysis.timeline` shows it only when asked and never resolves "last month" against it.

    Example:
        >>> infer_published("In December 2015 he spoke in Moscow. In a mid-2016 interview he said more.")
        Timestamp('2016-05-01 00:00:00')
        >>> infer_published("He left on Tuesday night. © 2024 Example Media")
        NaT
    """
    R = _rules()
    text = "" if text is None else str(text)
    st = _State(None)
    best: Date | None = None
    if not R.prefilter.search(text):
        return pd.NaT
    for f in _candidates(text, R):
        if f.kind not in _ABSOLUTE or _COPYRIGHT.search(text, max(0, f.start - 40), f.start):
            continue
        try:
            r = _resolve(f, text, st, R)
        except Exception:  # noqa: BLE001  an odd expression gives no floor
            continue
        if r is None or r.begin is None or r.anchor:
            continue
        if _future(text, f, R):
            continue
        b = _narrow(r.begin, r.end, f.mod, r.gran)[0] if f.mod else r.begin
        if best is None or b > best:
            best = b
    return pd.Timestamp(best) if best else pd.NaT


def extract_with_state(text: str, state: "_State") -> pd.DataFrame:
    """Like :func:`find_timexes` but carries anaphora ``state`` across calls (used by timeline)."""
    return _frame(_extract(text, state))


def new_state(published: Any = None) -> _State:
    """Fresh resolution state for one article (see :func:`extract_with_state`)."""
    return _State(_to_date(published))


__all__ = ["find_timexes", "infer_published", "day_first", "local_published", "COLUMNS"]

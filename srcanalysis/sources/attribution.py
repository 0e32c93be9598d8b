"""Tag each sentence by the kind of source it rests on, following the project's sourcing codebook.

The codebook (written the way journalism-ethics research codes sourcing) defines a *sourced
statement*: a sentence the reporter could not have written without a source. Each sourced sentence
gets one type: ``named_person``, ``named_org`` (including an organisation's unnamed spokesperson or
officials), ``media``, ``document``, ``anonymous`` (an identity the article deliberately withholds),
``unnamed_person``, ``unnamed_group``; plus ``no_comment`` disclosures and ``unattributed``.

A transparent rule tagger, fast enough for whole archives. For every sentence it

1. checks the *no comment* phrases ("declined to comment", "would not say"; not a fact left
   undisclosed, "something he did not disclose": ``fronted_object`` in
   ``rules/attribution_patterns.csv``), *credit lines* (a line that is only an outlet's name: ``media``
   with rule ``credit-line``, as the codebook's type table codes a credit line "AP"),
   transcript speakers ("WALLACE: ...") and headline labels ("Poll: ..."; label words such as
   "Headline:" or "Updated:" are no sources);
2. finds a *cue* outside quotation marks: "according to", a reporting verb ("said", "told", "wrote"),
   a verb of stance ("criticized", "called") or of finding ("showed", "found"), all listed with their
   kind in ``rules/attribution_cues.csv``. Verbs of belief ("believes") and intention ("wants",
   "plans to") are cues only in the PolNeAR reading (``scope="polnear"``). A cue word after a
   determiner ("an hourlong show") is a noun; actions are not statements (a passive with no agent:
   "were added to the committee"; a participle on a noun that is no published document: "a bill
   promised by Democrats"; an "-ing" form not set off: "signed legislation adding ..."). The main
   reporting verb decides: a credit closing the sentence (", the source added.") beats a verb in
   the reported content, a verb in a relative clause ("who wrote the rules") ranks last, and an
   opening "According to X," yields to the sentence's own reporting verb. An outlet that only relays
   a speaker the sentence names ("..., as reported by AP", "..., according to Reuters") yields to
   that speaker (codebook section 3). Idioms of revealing or depicting ("says a lot about", "tells
   the story of") are no statements, nor is a cue word after a possessive ("the regime's claims");
   a no-comment phrase beside a plain reporting verb ("said ... but declined to give details")
   leaves the sentence sourced;
3. takes the *source* span next to the cue: the noun phrase before it (back to the last comma, quote
   mark or colon; an appositive "Jeff Davis, a Pentagon spokesman," keeps its name, a relative "who"
   takes its antecedent, a party tag "(R)" or ", D-Ore.," stays with the name), the noun phrase after
   "according to" or after an inverted verb ("…,” said Sen. Warren"), the agent of a passive, or —
   when the cue is far from its subject — the sentence's subject; a plain reporting verb whose
   speaker none of these finds takes the source named just before it (``speech:speaker-not-found``),
   else a person the sentence names before its cue (``+name-in-sentence``), else none: a typed
   sentence always carries its span. A "who" clause after a speaker noun stays in the span ("A
   neighbor who lives across the street"); after "and" a second clause has its own subject ("Shares
   fell 4 percent and analysts expect" → "analysts"); a participial or "one of" clause set off by
   commas belongs to the noun before it ("The complaint, filed in March in Cook County Circuit Court,
   says" → "The complaint"); an opening "According to <record>," outranks every later subject
   ("According to minutes of the meeting, staff recommended" → the minutes), and an "according to"
   span ends before "obtained/reviewed/filed by" ("a draft summary obtained by AP" → "a draft summary");
4. classifies the span by its head noun with the word tables in ``rules/attribution_words.csv`` and
   ``rules/attribution_media.csv`` (a capitalised name ending in an organisation head noun,
   ``org_suffix`` or ``org_head``: "Southern Coast Water", is an organisation; a capitalised plural
   people noun before a place, "Swimmers at Brighton beach", a group): a document noun ("records",
   "a poll", "52 percent of voters") → ``document`` (so is the title of a work in quotation marks,
   "“The Last Harbor” shows ..."); an outlet or a news agency → ``media``; a proper name or an office of a named
   organisation ("Former DNC chairman") → ``named_person``; a source noun without a name goes by the
   codebook's hard lines (:func:`_unnamed_type`): a withholding mark ("familiar with", "sources",
   "senior ... officials", or in the sentence "on condition of anonymity") → ``anonymous``; an
   organisation's voice ("a Delta spokesperson", "officials", "campaign aides") → ``named_org`` —
   officials name their body by a level-of-government or service word ("county", "federal", "fire":
   ``org_service``), and officials that name none, in an article that named no organisation, are an
   unnamed group (``+no-organisation``); an organisation's statement ("a county statement",
   ``voice_record``) is the organisation; one
   person → ``unnamed_person``, several → ``unnamed_group``; an institution ("the Pentagon", "the
   county") → ``named_org``; a pronoun → the last fitting source named before it. The writer's own
   voice is no source: "I"/"we" outside a quotation and away from any source ("As I wrote last
   week"), and self-references ("this columnist", ``self_reference`` in
   ``rules/attribution_patterns.csv``); abstractions ("History shows") are no source, and a plain
   noun subject is never a person ("the thrift said" → ``named_org``, "the accounts showed" →
   ``document``, "the storm warned" → none);
5. lets sentences that plainly continue a statement inherit its source, and says so in ``rule``:
   ``inherit:quote-continues`` (a quotation running over several sentences or paragraphs, straight or
   curly quotes), ``inherit:after-colon`` (after "X said:"), ``inherit:quote`` (a quotation later in
   the article, from the last source named), ``inherit:first-person`` ("I", "we" next to an
   attribution in the same paragraph), ``inherit:quote-before-source`` (a quotation whose
   speaker is named in the next sentences) and ``inherit:figures`` (the figures that follow a
   document or an "according to" credit in the same paragraph: codebook section 1, continuation),
   ``inherit:between`` (a sentence with no source of its own between two credits to a withheld
   source in one paragraph);
6. applies anonymity declared elsewhere in the article: a withholding declaration ("Senior officials
   spoke only on the condition of anonymity") covers unnamed sources of the same kind cited just
   before it in its paragraph (``+withheld-kind-after``) and after it (``+withheld-kind``: not
   officials of a body the withheld ones did not name, "county officials"), and an
   article that grants a survey or panel anonymity makes its unnamed people and groups anonymous
   (``+declared-anonymous``).

Then ``source_name`` resolves the span (the person's full name for a surname or "he", the
organisation behind "a spokesman" — its own words first, "a fire department spokeswoman" → "fire
department", never an organisation named earlier when it has its own —, a poll's pollster; empty for
``anonymous``), and ``anonymity_reason`` keeps the reason the article states for withholding a name,
if any, up to the end of its clause.

The ``rule`` column says which step fired (``speech:subject``, ``according-to``,
``speech:sentence-subject``, ... with ``+pronoun``, ``+withheld``, ``+withheld-kind(-after)``,
``+declared-anonymous``,
``+refers-to:...``, ``+company`` or ``+single-name-not-a-person`` when a later step changed the
type), so a journalist can see why a sentence got its type.

Measured by ``bench/eval_sourcing.py`` (codebook labels) and ``bench/eval_attribution.py`` (PolNeAR,
``scope="polnear"``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable

import pandas as pd

from ..schema import SOURCE_COLUMNS, SOURCE_TYPE_DTYPE

_QUOTE_CHARS = "“”\"‘’"
_OPEN_QUOTES = "“\""
_CLAUSE_BREAK = re.compile(r"[,;:“”\"()\[\]—–]|''|\s-\s|\b(?:that|while|but|as|when|because)\b")
#: Punctuation only: the edges of an appositive or a relative clause set off by commas.
_PUNCT_BREAK = re.compile(r"[,;:“”\"()\[\]—–]|''|\s-\s")
#: A party tag that belongs to the name before it: "(R)", "(R-Miss.)", ", D-Ore.,".
_PARTY_TAG = re.compile(r"\s*\((?:[A-Z]|[A-Z][\w.]{0,3}[-–][\w. ]{1,20})\)|,\s*[A-Z][a-z]?-[A-Z][\w.]{1,12}(?:,|\s*$)")
#: Words that open a phrase set off by commas between a name and its verb: "Clinton, at a later
#: press gaggle, said".
_SET_OFF_PHRASE = re.compile(r"\s*(?:at|in|on|during|after|before|from|with|speaking|writing|asked|meanwhile|"
                             r"however|too|though|like)\b", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9][\w.’'&-]*")
_WORD = re.compile(r"\S+")
_AFTER_CUT = re.compile(r"\s(?:that|who|which|to|in|on|at|when|after|before|because|as|about|during)\s")
_CREDIT_PREFIX = re.compile(r"^(?:source|sources|via|credit|from)\s*:?\s*", re.I)
#: What may not follow a verb of belief for it to count as attribution: a bare pronoun object ("knows this").
_BARE_OBJECT = re.compile(r"(?:this|it|him|them|me|us|you|so|nothing|anything|everything|itself|himself|herself|"
                          r"themselves)\b[^\w]*(?:$|[.,;])")
_RELATIVE = re.compile(r"\s*(?:who|whose|which|whom|where)\b", re.I)
_NO_COMMENT_HINT = re.compile(r"comment|respon|repl|return|reached|elaborat|discuss|say more|specif|disclos|detail|"
                              r"answer question|interview|n[o’']t say|n[o’']t confirm|n[o’']t explain|n[o’']t reveal")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
_POSSESSOR = re.compile(r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*[’']s\s")
#: Endings of nouns for people ("organizers", "a neighbour", "the woman", "two residents").
_PERSON_NOUN = re.compile(r"(?:er|or|our|ist|ian|ant|ent|man|men|woman|women|eur|ee|ess|crat|arch|ard|"
                          r"ster|ie|ic|ite|ive|ary|ling|let|couple|family|folks|crowd|group|team)s?$")
_PLURAL = re.compile(r"[^su]s$|ers$|ists$|ians$")
_NOT_A_FINDING = re.compile(r"(?:a way|ways|time|himself|herself|itself|themselves|myself|ourselves|sanctuary|"
                            r"refuge|work|jobs?|guests|hosts?|business)\b", re.I)
_SHARE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)|^(?:about\s+|nearly\s+|almost\s+|some\s+|only\s+)?"
                    r"[A-Za-z]+(?:-[a-z]+)?\s+(?:percent|per cent)\b|\b(?:\w+) in (?:\d+|two|three|four|five|six|seven|"
                    r"eight|nine|ten)\b|^(?:(?:nearly|almost|about|roughly|more than|less than|over|just|only|a|one|"
                    r"two|large|small|slim|clear|narrow|wide|vast)\s+)*(?:half|third|thirds|quarter|quarters|fifth|"
                    r"fifths|majority|majorities|plurality|minority)(?:\s+of\b|\s*$)", re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1, "dozen": 12}
#: A quoted sentence needs at least this many words inside the quotes to count as a quote.
MIN_QUOTE_WORDS = 3
#: How many sentences back a pronoun ("he said") looks for the source it stands for.
PRONOUN_LOOKBACK = 6
#: How many cues of one sentence are tried (real sentences have a handful).
MAX_CUES = 12
#: How many sentences ahead a quotation with no source before it looks for its speaker.
LOOKAHEAD = 3


# --------------------------------------------------------------------------- rule tables

def _rules_path(name: str):
    return files("srcanalysis.sources").joinpath(f"rules/{name}")


@lru_cache(maxsize=1)
def _cue_table() -> pd.DataFrame:
    """``rules/attribution_cues.csv``: cue, kind and flags, read once."""
    table = pd.read_csv(_rules_path("attribution_cues.csv"), dtype=str).fillna("")
    return table.assign(cue=table["cue"].str.lower())


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    return dict(zip(_cue_table()["cue"], _cue_table()["kind"]))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    table = pd.read_csv(_rules_path("attribution_words.csv"), dtype=str)
    out: dict[str, set[str]] = {}
    for word, cls in zip(table["word"].str.lower(), table["class"]):
        out.setdefault(word, set()).add(cls)
    return {k: frozenset(v) for k, v in out.items()}


_NO_CLASSES: frozenset[str] = frozenset()


def _has(word: str, cls: str) -> bool:
    return cls in _WORD_CLASSES.get(word.lower(), _NO_CLASSES)


def _word_class(cls: str) -> frozenset[str]:
    """Every word of ``rules/attribution_words.csv`` in class ``cls``."""
    return frozenset(word for word, classes in _words().items() if cls in classes)


def _cues_flagged(flag: str) -> frozenset[str]:
    """The cues of ``rules/attribution_cues.csv`` with ``flag``: ``inverts`` (may stand before its speaker
    after a quote or comma), ``verb`` (never a noun or an adjective: "said", "believes"), ``core``
    (the plainest reporting verbs), ``question`` ("asked": the one asked answers) and ``only_inverted``
    (a cue only right after a quotation: "“...,” read the statement")."""
    table = _cue_table()
    return frozenset(table.loc[table["flags"].str.split().map(lambda flags: flag in flags), "cue"])


#: Word classes read from the tables (see ``rules/attribution_words.csv``): words that may end a
#: subject span and are dropped ("has", "also", "however"), conjunctions and prepositions that may open
#: one, auxiliaries a subject ends before, words that start a head noun's modifier ("officials *in*
#: Washington"), and participles that open sentences ("Having said that").
_WORD_CLASSES = _words()
_TRAILING_AUX = _word_class("trailing")
_LEADING_FUNCTION = _word_class("leading")
_AUXILIARIES = _word_class("auxiliary")
_MODIFIER_START = _word_class("modifier")
_ING_OPENERS = _word_class("opener")
_INVERTING = _cues_flagged("inverts")
_VERB_ONLY = _cues_flagged("verb")
_CORE_SPEECH = _cues_flagged("core")
_QUESTION = _cues_flagged("question")
#: First four letters of the writer's self-references ("this columnist", "the present writer", "your
#: correspondent", "yours truly"), a cheap test before the pattern.
_SELF_OPENERS = frozenset({"this", "the ", "your"})
_ONLY_INVERTED = _cues_flagged("only_inverted")
#: Plain reporting verbs ("said", "added", "noted": the core ones and those that may invert): "it" with
#: one of them and nothing to stand for is still an organisation's voice ("..., it added.").
_PLAIN_REPORTING = _CORE_SPEECH | _INVERTING


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    table = pd.read_csv(_rules_path("attribution_patterns.csv"), dtype=str)
    out = {}
    for name, group in table.groupby("name"):
        out[name] = re.compile("|".join(f"(?:{p})" for p in group["pattern"]), re.I)
    return out


@lru_cache(maxsize=1)
def _media() -> re.Pattern[str]:
    names = pd.read_csv(_rules_path("attribution_media.csv"), dtype=str)["outlet"].tolist()
    names = sorted({n.strip() for n in names if n.strip()})
    return re.compile(r"(?<![\w])" + trie_pattern(names) + r"(?![\w])")


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` folded into a prefix tree, much faster to search.

    Example:
        >>> trie_pattern(["said", "says", "told"])
        '(?:sa(?:id|ys)|told)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        parts = []
        for ch in sorted(k for k in node if k):
            sub = build(node[ch])
            piece = (r"\s+" if ch == " " else re.escape(ch)) + sub
            parts.append(piece)
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return "(?:" + "|".join((r"\s+" if ch == " " else re.escape(ch)) + build(trie[ch]) for ch in sorted(trie)) + ")"


@lru_cache(maxsize=1)
def _cue_regex() -> re.Pattern[str]:
    """Verbs match in lower case only ("States" in "United States" is no cue); phrases in any case."""
    verbs = [c for c in _cues() if _cues()[c] != "phrase"]
    phrases = [c for c in _cues() if _cues()[c] == "phrase"]
    return re.compile(r"(?<![\w-])(?:(?i:" + trie_pattern(phrases) + r")|" + trie_pattern(verbs) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _prefilter() -> re.Pattern[str]:
    """One search that rejects sentences with no cue, quote, comment phrase or speaker label at all
    (a capitalised cue is kept for title-case headlines: "Clinton Says ...")."""
    verbs = [c for c, kind in _cues().items() if kind != "phrase"]
    capitalised = trie_pattern(c[:1].upper() + c[1:] for c in verbs)
    return re.compile(_cue_regex().pattern + r"|\b" + capitalised + r"\b|[“”\"]|''|comment|respond|reached|anonymity"
                      r"|declined|refused|[Rr]eportedly|[Pp]urportedly"
                      r"|[A-Za-z]:\s|^\s*(?:(?:But|And|Still|Yet),?\s+)?(?:In|Per)\s")


# --------------------------------------------------------------------------- source spans

@dataclass
class _Source:
    type: str
    text: str
    start: int
    end: int
    cue: str
    rule: str
    count: int | None = None


def _tokens(span: str) -> list[str]:
    return [t.rstrip(".’'").removesuffix("’s").removesuffix("'s") if not t.endswith(".") or len(t) > 4 else t
            for t in _TOKEN.findall(span)]


def _is_name_token(tok: str) -> bool:
    if not tok[:1].isupper():
        return False
    low = tok.lower()
    classes = _words().get(low, frozenset())
    return not (classes & {"determiner", "quantifier", "number", "descriptor", "anonymous", "document",
                           "pronoun", "title", "function", "role", "time"})


_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X)$")


def _is_org_token(tok: str) -> bool:
    low = tok.lower()
    return (len(tok) >= 2 and tok.isupper() and tok.isalpha() and not _ROMAN.match(tok)) or _has(low, "org") \
        or _has(low, "org_suffix") or (tok[:1].isupper() and _has(low, "org_head"))


def _count(tokens: list[str]) -> int | None:
    for tok in tokens[:3]:
        low = tok.lower()
        if low.isdigit():
            return int(low)
        if low in _NUMBER_WORDS and low not in ("a", "an"):
            return _NUMBER_WORDS[low]
    if tokens and tokens[0].lower() in ("a", "an", "one"):
        return 1
    return None


@lru_cache(maxsize=1 << 16)
def classify_source(span: str) -> tuple[str, int | None] | None:
    """Classify the text of a source span; ``None`` when it does not look like a source.

    Example:
        >>> classify_source("two knowledgeable former senior defense officials")
        ('anonymous', 2)
        >>> classify_source("Defense Secretary James Mattis")
        ('named_person', None)
        >>> classify_source("The Washington Post")
        ('media', None)
    """
    span = span.strip(" ,.;:“”\"'’")
    if not span or (span[:4].lower() in _SELF_OPENERS and _patterns()["self_reference"].fullmatch(span)):
        return None  # "this columnist", "this newspaper": the writer, whose own view is no source
    first, conj, _ = span.partition(" and ")
    if conj and first[:1].isupper() and first.count(" ") <= 3:
        named = classify_source(first)  # "Cruz and his aides", "Mr. King and Mr. Morial": the first conjunct
        if named is not None and named[0] == "named_person":
            return named
    toks = _tokens(span)
    if not toks or len(toks) > 14:
        return None
    lows = [t.lower() for t in toks]
    if toks[0].islower() and (("n’t" in lows[0] or "n't" in lows[0]) or (len(lows) > 1 and _has(lows[1], "determiner")
                                                                          and not _has(lows[0], "quantifier"))):
        return None  # "released a statement", "wouldn't say": a verb phrase, not a noun phrase
    if len(toks) > 1 and lows[0] in ("he", "she", "it", "they", "we", "i", "you"):
        return None  # "He nearly tied Mrs. Clinton among voters": a clause, not a speaker
    if len(lows) > 1 and not _CORE_SPEECH.isdisjoint(lows[1:]):
        return None  # "The heads of both firms told AP they": a clause with its own reporting verb
    head_part = []
    for k, low in enumerate(lows):
        if low in _MODIFIER_START:
            break
        head_part.append(low)
        if k + 1 < len(lows) and lows[k + 1].endswith(("ed", "ing")) and toks[k + 1].islower() \
                and toks[k].islower() \
                and (lows[k + 1].endswith("ed") or not _WORD_CLASSES.get(lows[k + 1])) \
                and not any(_has(low, c) for c in ("determiner", "quantifier", "number", "descriptor")):
            break  # "a GAO report released last year", "averages measured by ...": the participle starts a modifier
    if any(w in _AUXILIARIES for w in head_part[1:]):
        return None  # "Republicans were also incensed ...": a clause, not a noun phrase
    head = head_part[-1] if head_part else lows[-1]
    if _has(head, "voice_record") and _names_org(toks, len(head_part) - 1, by_name=False):
        return "named_org", None  # "a statement from the county", "a county statement": the county speaks
    if 0 < len(head_part) < len(lows):  # "aides to Hillary Clinton", "officials in Washington": the head decides
        inner = classify_source(" ".join(toks[:len(head_part)]))
        if inner is not None and (inner[0] in UNNAMED_TYPES or (inner[0] == "named_org" and _has(head, "org_voice"))):
            return _unnamed_type(span, toks, head_part, _count(toks)), _count(toks)
        if inner is not None and inner[0] != "pronoun":
            return inner
    if _has(head, "abstract"):
        return None  # "History shows", "Experience teaches": no source
    if _has(head, "document"):
        return "document", None  # before media: "a Washington Post poll" is the poll
    if _SHARE.search(span):  # "52 percent of voters", "six in 10 Americans": poll results
        return "document", None
    head_toks = toks[:len(head_part)]
    if len(head_toks) >= 2 and all(_is_name_token(t) and not _is_org_token(t) for t in head_toks) \
            and not _media().search(" ".join(head_toks)):
        return "named_person", None  # "Jennifer Daskal of American University and contributor to Slate"
    outlet = _media().search(span)
    if outlet and not _name_after(toks, span[outlet.end():]):
        return "media", None  # but "In a Bloomberg interview Trump": the person after the outlet speaks
    if len(toks) == 1 and _has(lows[0], "pronoun"):
        return "pronoun", None
    # a proper name at the end of the span, or an appositive name first ("Jeff Davis, a spokesman")
    tail = []
    unnamed_member = len(toks) >= 3 and _has(toks[-1], "party_member") and lows[0] not in ("the", "this") \
        and (_has(lows[0], "determiner") or _has(lows[0], "number"))
    for k, tok in enumerate(reversed(toks)):
        if unnamed_member:
            break  # "a New Hampshire Republican", "one Iowa Democrat": a party member the story does not name
        # a surname that is also a title ("Charlie King", "Ann Bishop") follows a given name
        surname = k == 0 and len(toks) >= 2 and tok[:1].isupper() and (_has(tok, "title") or _has(tok, "role")) \
            and not _has(tok, "party_member") \
            and _is_name_token(toks[-2]) and not _is_org_token(toks[-2])
        if _is_name_token(tok) or surname:
            tail.append(tok)
        else:
            break
    if tail:
        if all(_is_org_token(t) for t in tail) or _is_org_token(tail[0]):
            return "named_org", None
        before = lows[len(toks) - len(tail) - 1] if len(toks) > len(tail) else ""
        if before == "the":  # "the Pentagon", "the Baltimore Sun": people's names take no article
            return "named_org", None
        return "named_person", None
    first_chunk = span.split(",")[0]
    if "," in span:
        head_toks = _tokens(first_chunk)
        if head_toks and all(_is_name_token(t) for t in head_toks) and len(head_toks) <= 4:
            if all(_is_org_token(t) for t in head_toks):
                return "named_org", None
            return "named_person", None
    if _has(head, "role") and not _has(head, "org_voice") and len(head_part) <= 7 and any(
            _is_org_token(t) and t[:1].isupper() for t in toks[:len(head_part) - 1]):
        return "named_person", None  # "Former DNC chairman", "the Fed chair": one office, so one named person
    if (lows[0] in ("the", "this") or _POSSESSOR.match(span)) and len(head_part) <= 6 \
            and (_has(head, "role") or _has(head, "title")):
        return "named_person", None  # "the Indiana governor", "the former secretary": a role someone named holds
    if len(head_part) <= 5 and (_has(lows[0], "determiner") or _has(lows[0], "number")) and lows[0] not in ("the", "this") \
            and (_has(head, "role") or _has(head, "anonymous")) and (unnamed_member or not any(
                _is_name_token(t) and not _has(t, "role") and not _is_org_token(t) for t in head_toks[1:])):
        # "a Democrat", "one senator", "a New Hampshire Republican": a person the story does not name
        return _unnamed_type(span, toks, head_part or lows, _count(toks)), _count(toks)
    if any(_has(w, "anonymous") for w in head_part or lows):
        if head == "police":
            return "named_org", None
        return _unnamed_type(span, toks, head_part or lows, _count(toks)), _count(toks)
    if any(_has(w, "named_org") or _has(w, "org") or _has(w, "org_suffix") for w in head_part):
        return "named_org", None
    if any(_is_org_token(t) for t in toks if t[:1].isupper()):
        return "named_org", None
    if lows[0] in ("some", "many", "others", "several", "most", "few", "critics"):
        return _unnamed_type(span, toks, head_part or lows, None, plural=True), None
    # a bare plural noun phrase ("hacking specialists", "economists"): unnamed people as a group
    # ... also with a capitalised first word, as at the start of a sentence ("Shop owners", "Local farmers")
    if len(toks) <= 3 and all(t.islower() for t in toks[1:]) and (toks[0].islower() or len(toks) > 1) \
            and _PLURAL.search(lows[-1]) and _PERSON_NOUN.search(lows[-1]) \
            and not any(_has(w, "pronoun") or _has(w, "function") or _has(w, "document") or w in _TRAILING_AUX
                        for w in lows):
        return _unnamed_type(span, toks, lows, None, plural=True), None
    # "the organizers", "a neighbour": an unnamed speaker the tables do not list
    if len(toks) <= 4 and (_has(lows[0], "determiner") or _has(lows[0], "quantifier") or _has(lows[0], "number")) \
            and toks[-1].islower() and _PERSON_NOUN.search(lows[-1]) and lows[-1] not in _TRAILING_AUX \
            and not any(_has(w, "pronoun") or _has(w, "function") or w in _TRAILING_AUX for w in lows[1:]):
        return _unnamed_type(span, toks, lows, _count(toks)), _count(toks)
    return None


def _name_after(toks: list[str], rest: str) -> bool:
    """Whether a span ends on a person's name after the outlet it mentions ("a Bloomberg interview
    Trump"): a capitalised last token, not the outlet's, with a lower-case word between them (an
    outlet's reporter, "The Daily Beast's Kim Dozier", stays the outlet's)."""
    after = [t for t in _tokens(rest) if len(t) > 1]  # not the possessive "s" ("The Daily Beast’s Kim Dozier")
    return len(after) >= 2 and any(t.islower() for t in after[:-1]) and _is_name_token(toks[-1]) \
        and not _is_org_token(toks[-1]) and not _media().search(after[-1])


#: The codebook's types for a source without a name (section 3 of the sourcing codebook).
UNNAMED_TYPES = frozenset({"anonymous", "unnamed_person", "unnamed_group"})
#: Types a later pronoun or quotation may refer back to.
_NAMEABLE = frozenset({"named_person", "named_org", "media", *UNNAMED_TYPES})


def _unnamed_type(span: str, toks: list[str], head_part: list[str], count: int | None, plural: bool = False) -> str:
    """The codebook type of a source noun phrase without a name (codebook section 3, "the hard lines").

    In order: a withholding mark in the span ("sources", "familiar with", "close to", "current and
    former", "senior ... officials": ``withheld`` in ``rules/attribution_patterns.csv``) makes it
    ``anonymous``; the voice of an organisation ("a spokeswoman", "officials", and staff named with
    their organisation: "Pentagon aides", "campaign aides", "Exxon lawyers") is ``named_org``; one unnamed insider ("a top aide", "one Clinton adviser") is
    ``anonymous`` (an insider quoted without a name is a withheld identity); otherwise one person is
    ``unnamed_person`` ("a police officer", "the judge") and several are ``unnamed_group``
    ("residents", "scientists", "some Democrats").

    Example:
        >>> [classify_source(s)[0] for s in ("a senior defense official", "a State Department spokesman",
        ...  "a neighbor", "scientists", "people familiar with the talks")]
        ['anonymous', 'named_org', 'unnamed_person', 'unnamed_group', 'anonymous']
    """
    if _patterns()["withheld"].search(span):
        return "anonymous"
    lows = [t.lower() for t in head_part]
    head = lows[-1] if lows else ""
    member = _has(head, "org_member") or _has(head, "inner_circle")
    if _has(head, "org_voice") or (member and any(_has(w, "org") or _has(w, "named_org") for w in lows[:-1])) \
            or (member and any(_is_org_token(t) and t[:1].isupper() for t in toks[:len(lows) - 1])):
        return "named_org"
    # "some of Clinton's allies", "many of whom": a quantifier head is several people
    several = plural or (count is not None and count > 1) or _has(head, "group") or lows[:1] == ["each"] \
        or _has(head, "quantifier") or head.endswith(("men", "people")) \
        or (_PLURAL.search(head) is not None and not head.endswith("ss"))
    if _has(head, "inner_circle") and not several:
        return "anonymous"
    return "unnamed_group" if several else "unnamed_person"


#: Word classes that name an organisation before or after a voice noun ("county officials", "fire
#: officials", "officials at the Pentagon"); ``org_service`` words ("fire", "health", "federal") do so
#: only there.
_ORG_CLASSES = ("org", "named_org", "org_suffix", "org_head", "org_service")


def _names_org(toks: list[str], head_at: int, by_name: bool = True) -> bool:
    """Whether a span whose head noun (at ``head_at``) is an official names the organisation the official
    speaks for (codebook section 3: unnamed officials *of a named organisation* are its voice): an
    organisation word or a capitalised name before the head ("county officials", "Caltrans officials",
    "federal officials", "U.S. officials") or after it ("officials at the Pentagon"). A word that names
    no body ("local", "senior": ``not_a_body`` in ``rules/attribution_words.csv``) or a bare
    "officials" names none. With ``by_name=False`` a capitalised name does not count (a statement:
    "Cornyn's statement" may be a person's).

    Example:
        >>> [_names_org(_tokens(s), 1) for s in ("fire officials", "local officials", "Caltrans officials")]
        [True, False, True]
    """
    for k, tok in enumerate(toks):
        if k == head_at:
            continue
        low = tok.lower()
        if any(_has(low, c) for c in _ORG_CLASSES) or _is_org_token(tok) or (
                by_name and tok[:1].isupper() and (_is_name_token(tok) or _has(low, "descriptor")) and not _has(low, "not_a_body")):
            return True
    return False


def _org_words(span: str) -> set[str]:
    """The words, lower case, by which a span of unnamed officials or staff names its own organisation
    ("Local county officials" -> {"county"}, "Pentagon aides" -> {"pentagon"}); empty for "officials".
    A withholding declared for sources of one kind covers another span of that kind only when it names
    no organisation those withheld sources did not (codebook section 3: anonymous only with withholding
    language). A former official ("former", "retired": ``no_voice`` in ``rules/attribution_words.csv``)
    speaks for none.

    Example:
        >>> sorted(_org_words("Local county officials")), sorted(_org_words("two senior officials"))
        (['county'], [])
    """
    toks = _tokens(span)
    if any(_has(t.lower(), "no_voice") for t in toks):
        return set()  # "a former U.S. official" speaks for no organisation (``no_voice``)
    return {t.lower() for k, t in enumerate(toks) if k < len(toks) - 1 and _names_org([t], -1)}


def _no_organisation(span: str) -> bool:
    """Whether a span of officials names no organisation of its own ("officials", "local officials";
    heads of class ``needs_org`` in ``rules/attribution_words.csv``): when the article has named no
    organisation they could speak for either, they are an unnamed group, not an organisation's voice
    (codebook section 3).

    Example:
        >>> _no_organisation("local officials"), _no_organisation("county officials")
        (True, False)
    """
    toks = _tokens(span)
    heads = [k for k, t in enumerate(toks) if _has(t.lower(), "needs_org")]
    return bool(heads) and not _names_org(toks, heads[0])


def _clip_before(text: str, cue_start: int) -> tuple[int, int] | None:
    """The noun phrase right before a cue: back to the last clause break, minus auxiliaries."""
    window_start = max(0, cue_start - 160)
    before = text[window_start:cue_start]
    if "(" in before or "-" in before:  # "Roger Wicker (R-Miss.) said", "Dana Wills, D-Ore., said": the tag is the name's
        before = _PARTY_TAG.sub(lambda m: " " * len(m.group(0)), before)
    breaks = list(_CLAUSE_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    segment = before[start:]
    rel = _RELATIVE.match(segment)
    if rel and all(w.lower() in _TRAILING_AUX or w.endswith("ly") for w in segment[rel.end():].split()):
        # "Democrats on Capitol Hill, who have argued": the relative pronoun is the subject
        word = re.search(r"\w+", segment)
        return window_start + start + word.start(), window_start + start + word.end()
    appositive = breaks and all(w.lower().strip(",") in _TRAILING_AUX or (w.endswith("ly") and w.islower())
                                for w in segment.split())
    if appositive:
        # appositive: "Jeff Davis, a Pentagon spokesman, said" -> look one clause further back
        prev = breaks[-1]
        earlier = list(_PUNCT_BREAK.finditer(before, 0, prev.start()))
        start = earlier[-1].end() if earlier else 0
        segment = before[start:prev.start()]
        if earlier and segment.split() and (all(w.lower() in _TRAILING_AUX for w in segment.split())
                                            or _SET_OFF_PHRASE.match(segment)):
            # "Others, however, say": an adverb set off by commas -> one clause further back
            prev = earlier[-1]
            earlier = earlier[:-1]
            start = earlier[-1].end() if earlier else 0
            segment = before[start:prev.start()]
        if _RELATIVE.match(segment) and earlier:
            # "The former governor, who dropped out last year, said": skip the relative clause
            prev = earlier[-1]
            earlier = list(_CLAUSE_BREAK.finditer(before, 0, prev.start()))
            start = earlier[-1].end() if earlier else 0
            segment = before[start:prev.start()]
        participial = _participial(segment) or (earlier and segment.split()[:2] == ["one", "of"])
        if participial and earlier:
            # "The complaint, filed in March in Cook County Circuit Court, says", "The lawsuit, one of several
            # against the firm, says": the clause is the subject's
            head_breaks = list(_CLAUSE_BREAK.finditer(before, 0, earlier[-1].start()))
            head_start = head_breaks[-1].end() if head_breaks else 0
            if classify_source(before[head_start:earlier[-1].start()]) is not None:
                start, segment = head_start, before[head_start:earlier[-1].start()]
            else:
                participial = False
        if not participial and earlier and before[earlier[-1].start()] == ",":
            name_breaks = list(_CLAUSE_BREAK.finditer(before, 0, earlier[-1].start()))
            name_start = name_breaks[-1].end() if name_breaks else 0
            name = before[name_start:earlier[-1].start()]
            name_toks = _tokens(name)
            if name_toks and len(name_toks) <= 5 and any(_is_name_token(t) for t in name_toks) \
                    and all(_is_name_token(t) or _has(t, "title") for t in name_toks):
                start, segment = name_start, before[name_start:earlier[-1].start()]
    inner = _INNER_RELATIVE.search(segment)
    verb_next = inner is not None and (inner.group(1).split()[0].lower().endswith("ed")
                                       or inner.group(1).split()[0].lower() in _AUXILIARIES)
    if inner and not verb_next and _speaker_before_who(segment, inner):
        inner = None  # "A neighbor who lives across the street said": the clause belongs to its head noun
    if inner and not verb_next and any(w.lower() not in _TRAILING_AUX for w in inner.group(1).split()):
        start += inner.start(1)  # "proclamations which analysts say": the speaker follows the relative pronoun
        segment = inner.group(1)
    when = _TRAILING_TIME.search(segment, max(0, len(segment) - 40))
    if when and when.start() > 0:  # "RNC spokesman Sean Spicer on Thursday evening said"
        segment = segment[:when.start()]
    words = list(_WORD.finditer(segment))
    while words and (words[-1].group(0).lower().strip(",") in _TRAILING_AUX
                     or (words[-1].group(0).endswith("ly") and words[-1].group(0).islower())):
        words.pop()
    while words and words[0].group(0).lower() in _LEADING_FUNCTION:
        words.pop(0)
    for k in range(1, len(words) if not appositive else 0):  # "The senator has struggled to win, claiming"
        if words[k].group(0).lower() in _AUXILIARIES:
            words = words[:k]
            while words and words[-1].group(0).lower().strip(",") in _TRAILING_AUX:
                words.pop()
            break
    if words and words[-1].group(0).lower() in ("and", "or", "but", "then"):
        return None  # "he visited Moscow and later boasted": the subject is further back
    words = _second_clause(segment, words)
    if not words or len(words) > 12:
        return None
    s = window_start + start + words[0].start()
    e = window_start + start + words[-1].end()
    return s, e


def _participial(segment: str) -> bool:
    """Whether a phrase set off by commas opens on a past participle ("filed in March in Cook County
    Circuit Court", "dated June 3", "written by two aides": a lower-case word ending in "-ed", or of
    class ``participle`` in ``rules/attribution_words.csv``): it describes the noun before it, which
    stays the subject and whose head noun decides the type.

    Example:
        >>> _participial(" filed in March in Cook County Circuit Court"), _participial(" a Pentagon spokesman")
        (True, False)
    """
    words = segment.split()
    if not words or not words[0].islower():
        return False
    first = words[0].strip(",")
    return (first.endswith("ed") and first not in _TRAILING_AUX and first not in _cues()) or _has(first, "participle")


def _speaker_before_who(segment: str, inner: re.Match) -> bool:
    """Whether a "who" clause inside the span before a cue describes the speaker named before it
    ("A neighbor who lives across the street"), rather than opening on the speaker of a relative
    clause ("proclamations which analysts say"): the pronoun is "who" and what precedes it is a
    person, a group or an anonymous source by :func:`classify_source`."""
    rel = segment[inner.start():inner.start(1)].strip().lower()
    if rel != "who":
        return False
    head = classify_source(segment[:inner.start()])
    return head is not None and head[0] in ("unnamed_person", "unnamed_group", "anonymous")


_COORDINATORS = frozenset({"and", "but", "yet", "so"})


def _second_clause(segment: str, words: list) -> list:
    """The words of the last of two coordinated clauses, when the cue's subject opens the second:
    "Shares fell 4 percent on Monday and analysts expect ..." -> "analysts". The second part must be
    a speaker by the word tables (in lower case), the first three words or more and no speaker
    itself (a clause, or a figure: "The bank's shares fell 4 percent"); otherwise ``words``
    unchanged ("Teachers and parents said", "Federal and state officials said" keep both)."""
    for k in range(len(words) - 2, 0, -1):
        if words[k].group(0).lower() not in _COORDINATORS:
            continue
        tail = segment[words[k + 1].start():words[-1].end()]
        left = segment[words[0].start():words[k - 1].end()]
        kind = classify_source(tail)
        if kind is None or kind[0] in ("document", "pronoun") or tail[:1].isupper():
            return words
        before = classify_source(left)
        if k < 3 or (before is not None and before[0] != "document"):
            return words  # "Federal and state officials", "Teachers and parents": one subject
        return words[k + 1:]
    return words


_INVERSION = re.compile(r"(?:[,”\"’]|''|(?<=[,.!?])'|—|–|\s-)\s*$")  # also 'single quotes,' said X
_AFTER = re.compile(r"\s+([^,;:!?“”\"()—–]{1,90})")
_AFTER_LONG = re.compile(r"\s+([^,;:!?“”\"()—–]{1,90}?)"
                         r"(?=\s+(?:conducted|released|published|obtained|reviewed|seen|filed|dated|prepared|issued|"
                         r"provided|leaked|by|for)\b|[,;:!?“”\"()—–]|$)")


_PARTY = re.compile(r"\s*\([A-Z][\w.]{0,3}[-–][\w. ]{1,20}\)\s*$")
_TRAILING_TIME = re.compile(
    r"\s+(?:(?:on|late|early|last|this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|today|tonight|week|month|year|morning|afternoon|evening|night)(?:\s+(?:morning|afternoon|evening|"
    r"night))?\s*$")
_NEGATED = re.compile(r"(?:n[’']t|\bnot|\bto|\b[Aa]s(?:\s+\w+ly)?|\b[Ii]f)\s+$")
_INNER_RELATIVE = re.compile(r"\b(?:which|who|whom)\s+(\S.*)$")
_RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\W*$")


def _antecedent(text: str, pos: int) -> tuple[int, int] | None:
    """The noun a relative pronoun at ``pos`` stands for: the nearest source noun among the six words
    before it ("nervous Democrats on Capitol Hill, who"), else the name right before it ("Sen. Lindsey
    Graham, who").

    Example:
        >>> t = "It may placate nervous Democrats on Capitol Hill, who have argued that it helps."
        >>> s = _antecedent(t, t.index("who")); t[s[0]:s[1]]
        'nervous Democrats'
    """
    words = list(_WORD.finditer(text, max(0, pos - 80), pos))[-6:]
    cleaned = [w.group(0).strip(",;:()“”\"") for w in words]
    for k in range(len(words) - 1, -1, -1):
        if _has(cleaned[k].lower(), "anonymous"):
            first = k - 1 if k > 0 and cleaned[k - 1][:1].islower() and cleaned[k - 1].lower() not in _LEADING_FUNCTION \
                and not _has(cleaned[k - 1].lower(), "function") else k
            if first > 0 and _has(cleaned[first - 1].lower(), "determiner"):
                first -= 1  # "The senator, who has said ...": the article says whom it means
            return words[first].start(), words[k].start() + len(cleaned[k])
    names = []
    for k in range(len(words) - 1, -1, -1):
        if cleaned[k] and (_is_name_token(cleaned[k]) or _has(cleaned[k].lower(), "title")) and len(names) < 4:
            names.append(k)
        else:
            break
    if names:
        return words[names[-1]].start(), words[names[0]].start() + len(cleaned[names[0]])
    return None


_COORDINATED = re.compile(r"\b(?:and|but|then|before|after)\s+(?:\w+ly\s+)?(?:also\s+)?$")
_OPENING_SKIP = re.compile(r"\s*(?:(?:But|And|Yet|So|Still|Meanwhile|However|Instead),?\s+)?"
                           r"(?:(?:[A-Z][a-z]+ing|In|On|At|As|After|Before|During|While|When|Although|Though|Since|"
                           r"Because|If|Later|Earlier|Asked|Speaking)\b[^,]{0,80},\s*)?")


def _opening_subject(text: str, cue_start: int, anywhere: bool = False) -> tuple[int, int] | None:
    """The sentence's subject, for a cue far from it: after a long clause set off by commas ("Federal
    officials familiar with the server, speaking on condition of anonymity because ..., said") or in a
    coordinated verb phrase ("A spokesman for the mayor defended the route and said ..."). An opening
    phrase ("Beyond the footage,") is passed over; the subject runs to its first modifier or verb.

    Example:
        >>> t = "A spokesman for the mayor defended the route and said the police were ready."
        >>> s = _opening_subject(t, t.index("said")); t[s[0]:s[1]]
        'A spokesman'
        >>> t = "Beyond the footage, the affidavit cited interviews and said she had bruises."
        >>> s = _opening_subject(t, t.index("said")); t[s[0]:s[1]]
        'the affidavit'
    """
    before = text[:cue_start].rstrip()
    if not (anywhere or before.endswith(",") or _COORDINATED.search(text, max(0, cue_start - 30), cue_start)):
        return None
    return _sentence_subject(text, cue_start)


def _sentence_subject(text: str, limit: int) -> tuple[int, int] | None:
    """The one way the tagger finds a sentence's subject (before ``limit``): an opening phrase ("In a
    statement,", "But", "Asked about it,") is passed over; then the first chunk up to a comma, if it is a
    source ("Large majorities of voters in six states, ..."), else the head noun phrase, which runs to
    its first modifier, auxiliary or verb, or to the end of a name ("Mattis met ...").

    Example:
        >>> t = "Nearly half of the voters said they had not decided."
        >>> s = _sentence_subject(t, t.index("said")); t[s[0]:s[1]]
        'Nearly half'
        >>> t = "Still, Mattis met the generals and later said the plan was dead."
        >>> s = _sentence_subject(t, t.index("said")); t[s[0]:s[1]]
        'Mattis'
    """
    skip = _OPENING_SKIP.match(text)
    begin = skip.end() if skip else 0
    comma = text.find(",", begin, limit)
    if comma > begin:
        first = text[begin:comma].split(None, 1)[0].lower()
        if not _has(first, "function") and classify_source(text[begin:comma]) is not None:
            return begin, comma
        if len(text[begin:comma].split()) <= 10:  # an opening phrase: start after it
            begin = comma + 1 + len(text[comma + 1:]) - len(text[comma + 1:].lstrip())
            comma = text.find(",", begin, limit)
            if comma > begin and classify_source(text[begin:comma]) is not None:
                return begin, comma
    words = list(_WORD.finditer(text, begin, comma if comma > begin else limit))[:8]
    end = None
    named = True  # every word so far is part of a name
    for k, word in enumerate(words):  # the head noun phrase: up to a modifier, an auxiliary or a verb
        raw = word.group(0).strip(",.;:’'")
        low = raw.lower()
        if k and (low in _MODIFIER_START or low in _TRAILING_AUX or low in _cues() or low.endswith("ed")):
            break
        if k and named and raw[:1].islower() and not _WORD_CLASSES.get(low) and not _SHARE.match(text, begin):
            break  # "Mattis met the generals": the name has ended at a word the tables do not know
        named = named and raw[:1].isupper() and (_is_name_token(raw) or _has(low, "pronoun") or _has(low, "title"))
        end = word.end()
    if end is not None and classify_source(text[begin:end]) is not None:
        return begin, end
    return None


def _clip_after(text: str, cue_end: int, long: bool = False) -> tuple[int, int] | None:
    m = (long and _AFTER_LONG.match(text, cue_end)) or _AFTER.match(text, cue_end)
    if not m:
        return None
    span = m.group(1)
    cut = _AFTER_CUT.search(" " + span + " ")
    if cut:
        span = span[: max(0, cut.start() - 1)]
    span = span.rstrip(" .")
    if not span:
        return None
    return m.start(1), m.start(1) + len(span)


# --------------------------------------------------------------------------- one sentence

def _credit_line(text: str) -> _Source | None:
    bare = text.strip().strip(" .:—–-()[]")
    bare = _CREDIT_PREFIX.sub("", bare)
    m = _media().fullmatch(bare)
    if m and len(bare.split()) <= 6:
        s = text.find(bare)
        return _Source("media", bare, s, s + len(bare), "", "credit-line")
    return None


def _norm_cue(cue: str) -> str:
    cue = cue.lower()
    return " ".join(cue.split()) if " " in cue or "\n" in cue else cue


#: A transcript line: "WALLACE: But, Governor Pence, ..." (a capitalised speaker label and a colon).
_TRANSCRIPT = re.compile(r"\s*[“\"]?((?:[A-Z][A-Z.’'-]+\s){0,2}[A-Z][A-Z.’'-]{2,}):\s")


#: A quotation credited after a dash: “…” ― Karen Bobadilla.
_DASH_CREDIT = re.compile(r"[”\"]\s*(?:[―—–]|--?)\s*([A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})\.?\s*$")
#: A headline's label naming who or what says it: "Poll: ...", "Lynch: ..." (up to three capitalised words).
_LABEL_TEXT = re.compile(r"[A-Za-z][a-z’']+")  # the words after a label: "Iowa: 1,769." is a tally, not a quote
_LABEL = re.compile(r"\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}):\s+\S")


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotation marks: a cue there belongs to the quoted speech.

    A sentence that closes a quotation opened in an earlier one starts inside it.

    Example:
        >>> t = 'Limbaugh continued: “The left is saying it again.”'
        >>> _inside_quote(t, t.index("saying")), _inside_quote(t, t.index("continued"))
        (True, False)
        >>> t = 'They were told to wait," she said.'
        >>> _inside_quote(t, t.index("told")), _inside_quote(t, t.index("said"))
        (True, False)
    """
    if "“" in text or "”" in text:
        opens, closes = text.count("“", 0, pos), text.count("”", 0, pos)
        if opens != closes or opens:
            return opens > closes
        next_close, next_open = text.find("”", pos), text.find("“", pos)
        straight = text.find('"', pos)
        if 0 <= straight < next_close:
            return False  # 'said, "We will not ...”': a straight mark opens what a curly one closes
        return next_close >= 0 and (next_open < 0 or next_open > next_close)
    before = text.count('"', 0, pos) + text.count("''", 0, pos)
    return (before % 2 == 1) != _starts_inside(text)


_STRAIGHT = re.compile(r"\"|''")


def _starts_inside(text: str) -> bool:
    """Whether a sentence with straight quotes begins inside a quotation opened earlier: its first
    mark closes (it follows a word or punctuation) rather than opens.

    Example:
        >>> _starts_inside('They were right," she said.'), _starts_inside("Mr. Daley said: ''Of course.")
        (True, False)
    """
    first = _STRAIGHT.search(text)
    if first is None or first.start() == 0 or text[first.start() - 1].isspace():
        return False
    return first.end() == len(text) or not text[first.end()].isalnum()


@dataclass
class _HeadlineMatch:
    """A cue found in a lowered headline, read back from the original text (a ``re.Match`` stand-in)."""

    text: str
    begin: int
    stop: int

    def group(self, _: int = 0) -> str:
        return self.text[self.begin:self.stop]

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop


def _is_headline(text: str) -> bool:
    """A title-case line: most words of four letters or more start with a capital.

    Example:
        >>> _is_headline("Glenn Beck Says Trump Poses A Threat To Democracy"), _is_headline("Glenn Beck says so.")
        (True, False)
    """
    words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


#: Readings of "sourced" (the ``scope`` argument): the codebook's sourced statement, or PolNeAR's
#: attribution, which also counts beliefs and intentions narrated without a statement.
SCOPES = ("codebook", "polnear")
#: Cue kinds that only the PolNeAR reading counts ("believes", "wants", "plans to").
_POLNEAR_ONLY = frozenset({"cognition", "intention"})


#: A credit closing the sentence: ", the source added.", ", sources who reviewed them told POLITICO."
_CLOSING_CREDIT = re.compile(r"[,”\"]\s+(?:[\w.’'-]+\s+){1,8}$")
_INVERTED_TAIL = re.compile(r"(?:\s+[\w.’'-]+){1,10}\s*[.!?]?[”\"]?\s*$")
_CLOSING_TAIL = re.compile(r"(?:\s+[\w.’'-]+){0,4}\s*[.!?]?[”\"]?\s*$")


def _closing_credit(text: str, m) -> bool:
    """Whether a cue credits the whole sentence from its end (", the source added."): the main reporting
    verb, which decides the sentence's source over a verb inside the reported content (codebook
    section 3, several sources).

    Example:
        >>> t = "Clinton had told police she did not want the escort, the source added."
        >>> _closing_credit(t, re.search("added", t)), _closing_credit(t, re.search("told", t))
        (True, False)
    """
    words_after = len(text[m.end():].split())  # cheap bounds first: the tails below hold at most 10 (or 6) tokens
    if words_after <= 12 and text[max(0, m.start() - 3):m.start()].rstrip().endswith((",", "”", '"')) \
            and _norm_cue(m.group(0)) in _INVERTING and _INVERTED_TAIL.fullmatch(text, m.end()):
        return True  # "..., said one GOP source in the room."
    return words_after <= 6 and _CLOSING_TAIL.fullmatch(text, m.end()) is not None and \
        _CLOSING_CREDIT.search(text, max(0, m.start() - 80), m.start()) is not None


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"})
_NOUN_BEFORE = re.compile(r"([a-z][\w-]*)\s+(?:\w+ly\s+)?$")
_RELATIVE_OPEN = re.compile(r"(?:^|[,(—–]\s*)(?:who|which|whom|whose)\b[^,;:“”\"()—–]*$", re.I)


#: The words that may open ``not_a_statement_after`` ("says *a lot* about", "tells *the* story of"): a cheap
#: test before the pattern.
_IDIOM_STARTS = (" a ", " much", " more", " less", " little", " some", " every", " noth", " volu", " plen", " so ",
                 " the ", " its ", " his ", " her ", " their ", " our ", " an ")


def _not_a_statement(text: str, m, cue: str, kind: str) -> bool:
    """Actions read as statements (issue 11): an idiom of revealing or depicting ("says a lot about",
    "tells the story of": ``not_a_statement_after`` in ``rules/attribution_patterns.csv``), a passive
    with no agent ("were added to the committee", "mosques have been attacked"), a participle modifying a noun that is no document ("legislation
    promised by Democrats"), and an "-ing" form that is not set off as a speech act ("signed legislation
    adding two judges" but not ", adding that ...").

    Example:
        >>> t = "Two Democrats were added to the committee."
        >>> _not_a_statement(t, re.search("added", t), "added", "speech")
        True
        >>> t = "He signed the bill, adding that more would follow."
        >>> _not_a_statement(t, re.search("adding", t), "adding", "speech")
        False
    """
    start, end = m.start(), m.end()
    if text.startswith(_IDIOM_STARTS, end) and _patterns()["not_a_statement_after"].match(text, end):
        return True  # "says a lot about", "tells the story of": what a thing reveals or depicts, not a statement
    window = text[max(0, start - 40):start]
    progressive = cue.endswith("ing")
    last = window.rsplit(None, 2)[-2:]
    aux = bool(last) and (last[-1].lower() in _PASSIVE_AUX or (
        len(last) == 2 and last[-1].endswith("ly") and last[0].lower() in _PASSIVE_AUX))
    by = text.startswith(" by ", end)
    if not progressive and aux and not by:
        return True
    if by and not aux and cue not in _CORE_SPEECH and cue != "reported":
        noun = _NOUN_BEFORE.search(window)
        set_off = "," in window and len(window[window.rindex(",") + 1:].split()) <= 2
        if noun and not set_off and not (_has(noun.group(1), "document") and _has(cue, "publishes")):
            return True  # "a report released by the agency" is a source; "a bill promised by Democrats" is not
    if cue.endswith("s") and cue not in _VERB_ONLY:
        nxt = _NEXT_WORD.match(text, end)
        if nxt and nxt.group(1) in ("have", "has", "had", "are", "were", "is", "was"):
            return True  # "Recent reports have revealed", "the claims are": a noun, the verb comes next
        if cue == "states":  # "the report states", never "in those states"
            noun = _NOUN_BEFORE.search(window)
            return not (noun and _has(noun.group(1), "document"))
    if progressive and not aux and kind in ("speech", "stance", "finding"):
        before = text[:start].rstrip()
        after = text[end:end + 8].lstrip()
        set_off = not before or before[-1] in ",—–:(\"“" or after[:1] in ("“", '"', ":") or after.startswith("that")
        if not set_off:
            return True
    return False


def _in_relative_clause(text: str, m) -> bool:
    """Whether a cue sits inside a relative clause ("Rosa Diaz, who wrote the rules, said"): the main
    verb decides the source, so such a cue ranks after the others."""
    return _RELATIVE_OPEN.search(text, max(0, m.start() - 80), m.start()) is not None


_CORE_WORD = re.compile(r"(?<![\w-])(?:said|says|told|tells)(?![\w-])")
_NEGATION_BEFORE = re.compile(r"(?:n[’']t|\bnot|\bto|\bnever)\s+(?:\w+ly\s+)?$")


def _states_too(text: str, nc) -> bool:
    """Whether a sentence with a no-comment phrase also relays a statement with a plain reporting verb
    outside that phrase and outside quotation marks ("He did not give details but said ...", "They said
    the talks went well but declined to give details"): then it is a sourced statement (codebook
    section 3, several sources: the main reporting verb decides). A verb whose content is the
    disclosure itself ("a spokesman said the company had no comment") leaves it a disclosure.

    Example:
        >>> t = "He did not give details but said the plan was useful."
        >>> _states_too(t, re.search("did not give details", t))
        True
    """
    for m in _CORE_WORD.finditer(text):
        if nc.start() <= m.start() < nc.end() or _NEGATION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        between = text[m.end():nc.start()]
        if m.start() < nc.start() and len(between.split()) < 6 and not any(c in between for c in ",;:"):
            continue  # "A spokesman said the company had no comment": the statement is the disclosure
        if not _inside_quote(text, m.start()):
            return True
    return False


def _tag_one(text: str, scope: str = "codebook", hits: frozenset[str] | None = None) -> _Source | None:
    """The source of one sentence (``None`` if it has none); ``hits``, when given, names the
    sentence-wide searches of :func:`_sentence_hits` that matched (computed for many sentences at once)."""
    credit = _credit_line(text) if len(text) <= 60 else None
    if credit:
        return credit
    pats = _patterns()
    if hits is None:
        hits = _sentence_hits([text])[0]
    nc = pats["no_comment"].search(text) if "no_comment" in hits else None
    if nc and _states_too(text, nc):
        nc = None  # "They said the talks went well but declined to give details": a statement first
    if nc:
        span = _clip_before(text, nc.start())
        src = text[span[0]:span[1]] if span else ""
        if pats["fronted_object"].search(text, max(0, nc.start() - 40), nc.start()):
            # "something he did not disclose", "which she would not say": a fact withheld, not a
            # responder declining to answer (codebook: no_comment is someone not commenting)
            nc = None
    if nc:
        return _Source("no_comment", src, span[0] if span else -1, span[1] if span else -1,
                       nc.group(0), "no-comment")
    if ("report" in text or "contribut" in text or "aid" in text or "say" in text) \
            and "not_attribution" in hits:
        return None  # "Fahrenthold reported from Washington.", "That said, ...": a byline note or an idiom
    dash = _DASH_CREDIT.search(text) if ("―" in text or "—" in text or "–" in text or "-" in text) else None
    if dash:  # “… a real disgrace.” ― Azucena Gonzàlez
        cls = classify_source(dash.group(1))
        if cls is not None and cls[0] != "pronoun":
            return _Source(cls[0], dash.group(1), dash.start(1), dash.end(1), dash.group(0)[:1], "quote:dash-credit",
                           cls[1])
    speaker = _TRANSCRIPT.match(text)
    if speaker and not any(_words().get(w.lower()) for w in speaker.group(1).split()):
        return _Source("named_person", speaker.group(1), speaker.start(1), speaker.end(1), ":", "transcript-speaker")
    label = _LABEL.match(text)
    if label and not any(_has(w, "not_source") or _has(w, "label") for w in label.group(1).lower().split()) \
            and len(_LABEL_TEXT.findall(text, label.end())) >= 3 and text.count(",", label.end()) <= 2:
        cls = classify_source(label.group(1))  # "Poll: Wealthy Voters Abandon...", "Lynch: No outside influence..."
        if cls is not None and cls[0] != "pronoun" and not (
                cls[0] == "named_person" and not all(_is_name_token(t) or _has(t, "title") for t in _tokens(label.group(1)))):
            # "Stealth Over Health: ..." is a title, not a speaker
            return _Source(cls[0], label.group(1), label.start(1), label.end(1), ":", "headline-label", cls[1])
    cues = list(_cue_regex().finditer(text))
    if cues and ('"' in text or "“" in text or "”" in text or "''" in text):
        cues = [m for m in cues if not _inside_quote(text, m.start())]
    if not cues and _is_headline(text):
        lowered = text.lower()  # "Clinton Says Russians Hacked DNC": a title-case headline's verbs
        if len(lowered) == len(text):
            cues = [m for m in _cue_regex().finditer(lowered) if m.start() > 0]
    if cues and scope == "codebook":  # "Lopez wants to expand the program": no statement cited
        kinds = _cues()
        cues = [m for m in cues if kinds.get(_norm_cue(m.group(0)), "speech") not in _POLNEAR_ONLY]
    if not cues:
        return _document_opening(text) or _quoted_subject(text) or _reportedly(text)
    cues = cues[:MAX_CUES]  # a run-on "sentence" (a table, a list) must not cost time quadratic in its length
    kinds = _cues()
    order = {"phrase": 0, "speech": 1, "finding": 2, "cognition": 3, "stance": 4, "intention": 5}
    kinds = _cues()
    # "were added to the committee", "legislation promised by Democrats", "signed legislation adding":
    # actions, not statements; such a cue is used nowhere, not even by the fallbacks
    cues = [m for m in cues if not _not_a_statement(text, m, _norm_cue(m.group(0)),
                                                    kinds.get(_norm_cue(m.group(0)), "speech"))]
    if not cues:
        return _document_opening(text) or _quoted_subject(text) or _reportedly(text)
    if "reportedly" in hits:  # "Lopez reportedly threatened to resign": rests on news reports, not on Lopez
        near = [m for m in cues if _REPORTEDLY.search(text, max(0, m.start() - 25), m.start())]
        if near:
            return _reportedly(text)
    record = _record_opening(text, cues[0]) if len(cues) > 1 else None

    def rank(m) -> tuple:
        kind = kinds.get(_norm_cue(m.group(0)), "speech")
        if m is record:  # "According to minutes of the meeting, staff recommended ...": the record is the source
            return (False, False, -1, m.start())
        # "According to Yahoo News, spokesman Jesse Lehrich said ...": the main reporting verb decides
        opening = kind == "phrase" and m.start() <= 12 and len(cues) > 1
        return (not _closing_credit(text, m), _in_relative_clause(text, m), 1.5 if opening else order[kind], m.start())

    ranked = sorted(cues, key=rank) if len(cues) > 1 else cues
    conduit: _Source | None = None  # an outlet relaying a speaker the sentence may name (_media_conduit)
    weak_it: _Source | None = None  # "it" with a cue that is no plain reporting verb: other cues first
    usable = []  # the cues that are verbs here, for the fallbacks below
    for m in ranked:
        cue = _norm_cue(m.group(0))
        if m.group(0) != text[m.start():m.end()]:  # matched in a lowered headline
            m = _HeadlineMatch(text, m.start(), m.end())
        kind = kinds.get(cue, "speech")
        prev = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        past = cue.endswith("ed") or cue in _VERB_ONLY  # "Many thought", "Some said": a verb, not a noun
        before = prev.group(1).lower() if prev else ""
        adjective = False
        if past and before.endswith("ly") and prev is not None:  # "One newly revealed step": an adjective
            prev2 = _WORD_BEFORE.search(text, max(0, prev.start() - 30), prev.start())
            first = prev2.group(1).lower() if prev2 else ""
            adjective = _has(first, "determiner") or _has(first, "number")
        if adjective or _has(before, "determiner") or (not past and _has(before, "quantifier")) \
                or (cue.endswith("s") and cue not in _VERB_ONLY and before.endswith(("'s", "’s"))
                    and before not in _CONTRACTIONS) \
                or (kind != "speech" and before == "to") \
                or (cue == "continued" and text[m.end():m.end() + 2].strip()[:1] not in (":", "“", '"', ",")):
            # "an hourlong show", "the estimated cost", "a newly released report", "North Korea's claims", "begins to show", "the pound
            # continued to gain": a noun, an adjective, an infinitive or a plain verb, not a cue
            continue
        if kind in ("cognition", "finding"):
            nxt = text[m.end(): m.end() + 30].lstrip()
            if (kind == "cognition" and _BARE_OBJECT.match(nxt)) or (kind == "finding" and _NOT_A_FINDING.match(nxt)):
                continue  # "knows this", "found a way", "found himself": not a finding
        if cue in _ONLY_INVERTED and _INVERSION.search(text, max(0, m.start() - 8), m.start()) is None:
            continue  # "read" credits only after a quotation ("“...,” read the statement"), never "read the book"
        usable.append(m)
        if kind == "phrase":
            spans = [(_clip_after(text, m.end(), long=True), "according-to")]
        elif text.startswith(" by ", m.end()) and (cue.endswith("ed") or cue in _VERB_ONLY
                                                    or _PASSIVE.search(text[max(0, m.start() - 40):m.start()])):
            agent = _clip_after(text, m.end() + 3)
            spans = [(agent, f"{kind}:passive-by")]
            named = _APPOSED_NAME.match(text, agent[1]) if agent else None
            if named:  # "confirmed by his son, Wolfgang Van Halen"
                spans.append(((named.start(1), named.end(1)), f"{kind}:passive-by"))
        else:
            spans = [(_clip_before(text, m.start()), f"{kind}:subject")]
            if spans[0][0] is not None and text[spans[0][0][0]:spans[0][0][0] + 4].lower() in _SELF_OPENERS \
                    and _patterns()["self_reference"].fullmatch(text[spans[0][0][0]:spans[0][0][1]].strip(" ,")):
                usable.pop()  # "This reporter asked ...": the writer, so no speaker to look further for
                continue
            inverted = kind == "speech" and cue in _INVERTING \
                and _INVERSION.search(text, max(0, m.start() - 8), m.start()) is not None
            if inverted:  # "..., said one GOP source in the room.": the speaker follows the verb
                spans.append((_clip_after(text, m.end()), f"{kind}:inverted"))
                if cue in _ONLY_INVERTED:
                    spans = spans[1:]
            if spans[0][0] is None or classify_source(text[spans[0][0][0]:spans[0][0][1]]) is None:
                opening = _opening_subject(text, m.start())
                if opening and not text[opening[0]:opening[1]].endswith(("’s", "'s")):
                    spans.append((opening, f"{kind}:sentence-opening"))
        for span, rule in spans:
            if not span:
                continue
            src = text[span[0]:span[1]]
            if rule.endswith(":subject") and src.lower() in _RELATIVE_PRONOUNS:
                span = _antecedent(text, span[0])  # "Democrats on Capitol Hill, who have argued": the antecedent
                if span is None:
                    continue
                src = text[span[0]:span[1]]
            if text[span[1]:span[1] + 1] in _AFTER_TITLE and ":subject" in rule \
                    and _quoted_title_span(text, span[0], span[1]):
                if len(spans) > 1:
                    continue  # “Never Again,” said Ruiz: the speaker follows the verb
                cls = ("document", None)  # “The Last Harbor” shows ...: a titled work the reporter uses
                rule = f"{rule}+title"
            else:
                cls = classify_source(src)
            if cls is not None and cls[0] in _UPGRADABLE and not rule.endswith(":subject") \
                    and _withheld_after(text, span):
                cls = ("anonymous", cls[1])  # "according to two people briefed on the plan": the mark ran past the cut
            if cls is None:
                continue
            typ, count = cls
            if kind in ("stance", "intention") and (typ == "document" or rule.endswith("inverted")
                                                    or len(src.split()) > 8):
                continue
            found = _Source(typ, src, span[0], span[1], m.group(0), rule, count)
            if typ == "media" and conduit is None and len(ranked) > 1 and _media_conduit(text, m, rule):
                conduit = found  # "..., as reported by AP": the outlet relays a speaker another cue names
                break
            if conduit is not None and typ in ("media", "document"):
                continue
            if typ == "pronoun" and src.lower() == "it" and cue not in _PLAIN_REPORTING and len(ranked) > 1:
                weak_it = weak_it or found  # "in which it disclosed its stake, Bryson said": the name decides
                break
            return found
    return conduit or weak_it or _far_subject(text, ranked, usable)


def _record_opening(text: str, m) -> "re.Match | None":
    """The cue ``m`` when it is an opening "According to <record>," (a document by
    :func:`classify_source`): the record the reporter used directly, which every later subject in the
    sentence only appears in ("According to minutes of the May 2 meeting, staff recommended approval";
    codebook section 2, ``document``), or an organisation's statement ("According to a county
    statement, officials said": the county). A person or outlet credited that way still yields to the
    sentence's own reporting verb.

    Example:
        >>> t = "According to minutes of the May 2 meeting, staff recommended approval."
        >>> _record_opening(t, _cue_regex().search(t)) is not None
        True
    """
    if _cues().get(_norm_cue(m.group(0))) != "phrase" or m.start() > 12:
        return None
    span = _clip_after(text, m.end(), long=True)
    cls = classify_source(text[span[0]:span[1]]) if span else None
    if cls is not None and cls[0] == "named_org":  # "According to a county statement, officials said"
        return m if _has(_head_noun(text[span[0]:span[1]]), "voice_record") else None
    return m if cls is not None and cls[0] == "document" else None


#: An outlet that only relays another speaker's words (codebook section 3: "four current and former
#: Pentagon officials told The Daily Beast" rests on the officials): "as (first) reported by AP".
_AS_BEFORE = re.compile(r"\bas\s+(?:\w+ly\s+)?(?:first\s+|earlier\s+|previously\s+)?$", re.I)


_CUT_PREPOSITION = re.compile(r"\s+(?:on|to|about|with|of)\b")


def _withheld_after(text: str, span: tuple[int, int]) -> bool:
    """Whether a withholding mark starts inside a source span cut short before its preposition
    ("two people briefed | on the plan", "people close | to the mayor": ``withheld`` in
    ``rules/attribution_patterns.csv``).

    Example:
        >>> t = "The mayor will resign, according to two people briefed on the plan."
        >>> _withheld_after(t, (t.index("two"), t.index(" on the")))
        True
    """
    if not _CUT_PREPOSITION.match(text, span[1]):
        return False
    m = _patterns()["withheld"].search(text, span[0], min(len(text), span[1] + 20))
    return m is not None and m.start() < span[1] < m.end()


def _media_conduit(text: str, m, rule: str) -> bool:
    """Whether a cue crediting an outlet may yield to a speaker another cue of the sentence names: an
    "according to" credit, or a subordinate "as reported by" (the outlet is then the conduit; the
    sentence rests on the person or withheld source it relays, if the sentence names one).

    Example:
        >>> t = 'In the words of one aide, the bill is "dead," as reported by AP.'
        >>> _media_conduit(t, re.search("reported", t), "speech:passive-by")
        True
    """
    if rule == "according-to":
        return True
    return rule.endswith("passive-by") and _AS_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None


def _far_subject(text: str, ranked: list, usable: list) -> _Source | None:
    """The fallbacks for a sentence whose cues found no source next to them, in order: the
    sentence's subject, its opening noun phrase, a document it opens on, a quoting subject, the
    story's current source for a plain reporting verb (``unresolved``, typed later from the last
    source named), and "reportedly"."""
    kinds = _cues()
    for m in usable:  # a reporting verb far from its subject: the sentence's subject ("He called X, and said Y")
        kind = kinds.get(_norm_cue(m.group(0)), "speech")
        if kind not in ("speech", "cognition", "phrase"):
            continue
        span = _sentence_subject(text, m.start())
        if span is None or text[span[0]:span[1]].endswith(("’s", "'s")):
            continue
        cls = classify_source(text[span[0]:span[1]])
        if cls is None or (cls[0] == "document" and _norm_cue(m.group(0)) not in _CORE_SPEECH) \
                or (cls[0] == "pronoun" and kind != "speech"):
            continue  # "Nearly half said": a poll's share is a document only with a plain reporting verb
        return _Source(cls[0], text[span[0]:span[1]], span[0], span[1], m.group(0), f"{kind}:sentence-subject",
                       cls[1])
    found = _document_opening(text) or _quoted_subject(text)
    if found is None:
        for m in usable:  # a reporting verb whose speaker the rules cannot find: the story's current source
            kind = kinds.get(_norm_cue(m.group(0)), "speech")
            if _PASSIVE.search(text, max(0, m.start() - 40), m.start()) or text[m.start() - 2:m.start()] == ", ":
                continue  # "no deaths were reported", "a plane, reported by local press as": no speaker to find
            cue = _norm_cue(m.group(0))
            if not (cue.endswith("ed") or cue in _VERB_ONLY) \
                    or _NEGATED.search(text, max(0, m.start() - 8), m.start()):
                continue  # "public calls for", "don't tell anyone": a noun or an imperative, not a report
            if _NOT_A_SPEAKER_BEFORE.search(text, max(0, m.start() - 20), m.start()) \
                    or _BARE_OBJECT.match(text, m.end() + 1) \
                    or (cue not in _CORE_SPEECH and _PREPOSITION_AFTER.match(text, m.end())):
                continue  # "this only explains", "the bond revealed itself", "a future projected along ..."
            subject = _clip_before(text, m.start())
            if subject is not None and _inanimate(text[subject[0]:subject[1]]):
                # "The guild said", "The storm warned residents": no person; an organisation named before, or
                # one saying something plainly, or nothing (resolved in tag_frame, _thing_subject)
                return _Source("unresolved", text[subject[0]:subject[1]], subject[0], subject[1], m.group(0),
                               f"{kind}:thing-subject")
            if kind in ("speech", "phrase") or (kind == "cognition" and text.startswith(" that ", m.end())):
                return _Source("unresolved", "", -1, -1, m.group(0), f"{kind}:speaker-not-found")
    return found or _reportedly(text)


#: First-person subjects of a cue: outside a quotation and away from any source, the writer speaking.
_WRITER_PRONOUNS = frozenset({"i", "we"})
#: Word classes that make a noun phrase a possible speaker (or the document a sentence rests on).
_SPEAKER_CLASSES = ("role", "title", "anonymous", "org_voice", "org_member", "group", "inner_circle", "party_member",
                    "document", "org", "org_suffix", "org_head", "named_org", "pronoun")
_INANIMATE_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "such"})


def _inanimate(span: str) -> bool:
    """Whether a subject is a plain thing, no speaker: a determiner and lower-case words of no source
    class, not ending on a noun for people ("the storm", "the move", "its silence"); "the heads of
    both firms" and "the organizers" may be speakers.

    Example:
        >>> _inanimate("The storm"), _inanimate("the neighbours"), _inanimate("Ana Ruiz")
        (True, False, False)
    """
    toks = _tokens(span)
    if not 2 <= len(toks) <= 5 or toks[0].lower() not in _INANIMATE_DETERMINERS \
            or not all(t.islower() for t in toks[1:]):
        return False
    return not _PERSON_NOUN.search(toks[-1]) and not any(_has(t, c) for t in toks[1:] for c in _SPEAKER_CLASSES)


#: Pronouns with "is" or "has" ("she's said"): no possessive before a cue.
_CONTRACTIONS = frozenset(f"{w}{a}s" for w in ("he", "she", "it", "that", "there", "who", "what", "here")
                          for a in ("'", "’"))
_NOT_A_SPEAKER_BEFORE = re.compile(r"\b(?:[Tt]his|[Tt]hat|[Ii]t|[Ww]hich|[Ww]hat|[Nn]obody|[Nn]o one)\s+(?:\w+ly\s+)?$")
_PREPOSITION_AFTER = re.compile(r"\s+(?:along|over|by|in|for|at|on|from|into|under|through|to|as|with)\b")
_APPOSED_NAME = re.compile(r",\s+((?:[A-Z][\w.’'-]+\s+){1,3}[A-Z][\w’'-]+)")
_REPORTEDLY = re.compile(r"\b(?:[Rr]eportedly|[Pp]urportedly|allegedly reported|[Ii]t (?:was|is|has been|had been) "
                         r"(?:widely |also |previously |first )?reported)\b")


def _reportedly(text: str) -> _Source | None:
    """A sentence whose only cue is "reportedly" rests on news reports it does not name.

    Example:
        >>> _reportedly("Google and Facebook have reportedly looked at Twitter and passed.").type
        'media'
    """
    m = _REPORTEDLY.search(text)
    # the span is the word itself: the codebook's "news reports" the sentence rests on, unnamed
    return _Source("media", m.group(0), m.start(), m.end(), m.group(0), "reportedly") if m else None


#: A sentence that opens on the document it reports: "In a new NBC News poll, 50 percent chose ...".
_DOC_OPENING = re.compile(r"\s*(?:(?:But|And|Still|Yet),?\s+)?(?:[Ii]n|[Pp]er)\s+((?:the|a|an|this|that|its|their|his|"
                          r"her|our|recent|new|latest|last|another)\s+(?:[\w/.’'-]+\s+){0,5}?(?:poll|polls|survey|"
                          r"surveys|study|studies|report|reports|analysis|analyses|data|census|filing|filings|records|"
                          r"documents|memo|audit|review|ranking|rankings|estimates?|projections?|forecast|tally)\b)"
                          r"[^,]{0,60},")


def _document_opening(text: str) -> _Source | None:
    """A sentence resting on the document its opening phrase names.

    Example:
        >>> _document_opening("In a Marist poll released Monday, 50 percent chose Clinton.").text
        'a Marist poll'
    """
    m = _DOC_OPENING.match(text)
    if m is None:
        return None
    return _Source("document", m.group(1), m.start(1), m.end(1), "", "document:opening-phrase")


def _quoted_subject(text: str) -> _Source | None:
    """A sentence quoting someone without a reporting verb ("Trump called the plan “a disaster.”")
    rests on its subject when the subject is a source."""
    if not _is_quote(text):
        return None
    quote = min((k for k in (text.find("“"), text.find('"'), text.find("''")) if k >= 0), default=-1)
    span = _sentence_subject(text, quote) if quote > 0 else None
    if span is None:
        return None
    src = text[span[0]:span[1]]
    after = text[span[1]:].split(None, 1)
    if src.endswith("ing") or (after and after[0].lower() in _LEADING_FUNCTION):
        return None  # "Beginning in 2015, ...": no subject, just an opening phrase
    cls = classify_source(src)
    if cls is None or cls[0] in ("document", "pronoun"):
        return None
    return _Source(cls[0], src, span[0], span[1], "", "quote:sentence-subject", cls[1])


def _last_source(found: _Source, last_named: _Source | None, distance: int) -> _Source | None:
    """A reporting verb whose speaker was not found rests on the last source named nearby; with none
    nearby, no source (``None``): a guessed speaker with no span would be a wrong number."""
    if last_named is not None and distance <= PRONOUN_LOOKBACK:
        return _Source(last_named.type, last_named.text, -1, -1, found.cue, f"{found.rule}+last-source",
                       last_named.count)
    return None  # no source to name: a typed sentence always carries its source span (unattributed otherwise)


def _name_in_sentence(found: _Source, text: str, persons: "_Persons", i: int) -> _Source | None:
    """A reporting verb whose speaker was not found, with no source named nearby: the person the
    article named last, when this sentence writes that name before its cue ("In a meeting with the
    Post Trump said"); the span is the name as written. ``None`` when the sentence does not name them."""
    cue_at = text.find(found.cue)
    name = persons.named_before(i, cue_at) if cue_at > 0 else ""
    surname = name.split()[-1] if name else ""
    m = re.search(r"\b" + re.escape(surname) + r"\b", text[:cue_at]) if surname else None
    if m is None:
        return None
    return _Source("named_person", surname, m.start(), m.end(), found.cue, f"{found.rule}+name-in-sentence")


def _thing_subject(found: _Source, last_thing: _Source | None, distance: int) -> _Source | None:
    """A cue whose subject is a plain noun of no source class, never a person (codebook section 2): a
    record for a verb of finding ("the accounts showed"); for a reporting verb the organisation,
    outlet or document named just before when the noun is part of its name ("the guild" after "the
    Writers Guild"), else an organisation for a plain "said"/"told" ("the thrift said"), else no source
    ("the storm warned")."""
    if found.rule.startswith("finding"):  # "The accounts showed a deficit": a record the reporter reads
        return _Source("document", found.text, found.start, found.end, found.cue, found.rule)
    head = _tokens(found.text)[-1].lower()
    if last_thing is not None and distance <= PRONOUN_LOOKBACK and head in last_thing.text.lower():
        return _Source(last_thing.type, found.text, found.start, found.end, found.cue,
                       f"{found.rule}+refers-to:{last_thing.text}", last_thing.count)
    if _norm_cue(found.cue) in _CORE_SPEECH and found.rule.startswith("speech"):
        return _Source("named_org", found.text, found.start, found.end, found.cue, found.rule)
    return None


def _resolve_pronoun(found: _Source, text: str, last_named: _Source | None, distance: int,
                     last_person: _Source | None = None, person_distance: int = 10**9,
                     last_thing: _Source | None = None, thing_distance: int = 10**9) -> _Source | None:
    """Give "he said" / "they said" a type: a name just before it, else the last source named
    ("he" and "she" only take a single person: a named one, or "a senior official"); "it" takes the
    last organisation, outlet or document named nearby ("The report came out Monday. It shows ...").
    An "it" with nothing to refer to and a cue that is not a plain reporting verb ("It was clear ...")
    is no source (``None``)."""
    low = found.text.lower()
    if low in ("he", "she", "i"):
        last_named, distance = last_person, person_distance
    before = text[:found.start] if found.start > 0 else ""
    if low == "it":
        if last_thing is not None and thing_distance <= PRONOUN_LOOKBACK:
            return _Source(last_thing.type, found.text, found.start, found.end, found.cue,
                           f"{found.rule}+pronoun:{last_thing.text}", last_thing.count)
        if not found.rule.startswith(("speech", "phrase")) or _norm_cue(found.cue) not in _PLAIN_REPORTING:
            return None  # "It demands that ...", "It was clear ...": nothing named for "it" to stand for
        return _Source("named_org", found.text, found.start, found.end, found.cue, f"{found.rule}+pronoun")
    if low in ("he", "she", "i") and any(_is_name_token(t) and not _is_org_token(t) for t in _tokens(before)[1:]):
        return _Source("named_person", found.text, found.start, found.end, found.cue, f"{found.rule}+pronoun:named-before")
    if last_named is not None and distance <= PRONOUN_LOOKBACK and not (
            low in ("he", "she", "i") and last_named.type not in ("named_person", "anonymous", "unnamed_person")):
        return _Source(last_named.type, found.text, found.start, found.end, found.cue,
                       f"{found.rule}+pronoun:{last_named.text}", last_named.count)
    typ = "unnamed_group" if low in ("they", "we") else "named_person"
    return _Source(typ, found.text, found.start, found.end, found.cue, f"{found.rule}+pronoun")


#: A full name ("Jim Mattis", "George W. Bush") or a title and surname ("Sen. Warren"); overlapping.
#: A capital letter, Latin-1 accented ones included ("Ángel", "Øyvind"), and a given name, hyphenated
#: ones included ("José", "Jean-Luc"): names the article introduces are read with them.
_UPPER = "[A-ZÀ-ÖØ-Þ]"
_GIVEN = _UPPER + "[a-zß-öø-ÿ]+(?:-" + _UPPER + "[a-zß-öø-ÿ]+)?"
_FULL_NAME = re.compile(r"\b(?=" + _UPPER + r")(?=(?:(" + _GIVEN + r")(?:\s+[A-Z]\.)?|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Adm|Prof)\.?)"
                        r"\s+(" + _UPPER + r"[\w’'-]+)\b)")


def _head_noun(span: str) -> str:
    """The head noun of an unnamed source, singular and lower case ("two senior officials" -> "official"),
    or "" when the span is a pronoun or has a name in it.

    Example:
        >>> _head_noun("another New Hampshire Republican"), _head_noun("two senior officials"), _head_noun("they")
        ('republican', 'official', '')
    """
    words = [w.strip(",.’'") for w in span.split()]
    for k, w in enumerate(words):
        if w.lower() in _MODIFIER_START:
            words = words[:k]
            break
    if not words or (len(words) == 1 and _has(words[0], "pronoun")):
        return ""
    head = words[-1].lower()
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") and len(head) > 3 else head
    return "" if head in ("people", "person", "source") else head


#: A figure a source supplied: a number, a percentage or a share ("most", "half").
_FIGURE = re.compile(r"\d|\b(?:percent|per cent|most|half|majority|minority|third|quarter)\b", re.I)
#: Openings that turn to something new rather than continue the figures ("But", "Meanwhile", "In 2015").
_FIGURE_BREAK = re.compile(r"\s*(?:But|Meanwhile|However|Still|Yet|Separately|Elsewhere)\b")
#: A definite description that points back ("the source", "these people", "the two officials").
_BACK_REFERENCE = re.compile(r"(?:the|these|those|that|this|both)\s+(?:[\w-]+\s+){0,2}[a-z]+$", re.I)
#: A singular definite description of a person ("the actress", "the real estate developer").
_DEFINITE_PERSON = re.compile(r"(?:the|The)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*(?<![^s]s)$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")
#: A company named with its legal suffix or stock ticker: "Western Digital Corp", "Texaco Inc <TX>".
_COMPANY_SUFFIX = re.compile(r"\s(?:(?:Inc|Corp|Co|Ltd|LLC|Plc|PLC|AG|SA|NV|Holdings|Corporation|Incorporated|"
                             r"Company)\b|<[A-Z.]+>)")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w&.’'-]*\s+){0,4}[A-Z][\w&.’'-]*)$")


#: A given name and surname, with an optional initial or quoted nickname between ("Kevin 'KJ' Mendes").
_GIVEN_NAME = re.compile(r"\b(?=" + _UPPER + r")(?=(" + _GIVEN + r")(?:\s+[A-Z]\.|\s+[“\"'‘][^”\"'’\x00]{1,15}[”\"'’])?\s+("
                         + _UPPER + r"[a-zß-öø-ÿ][\w’'-]*)\b)")


#: Word classes a given name cannot have ("Bill" may be a name although "bill" is a document word).
_NOT_A_GIVEN_NAME = frozenset({"determiner", "quantifier", "function", "descriptor", "org", "org_suffix", "org_head",
                               "named_org",
                               "anonymous", "pronoun", "number", "time", "label", "leading", "trailing", "modifier",
                               "not_source", "opener", "auxiliary"})


class _Persons:
    """What one article says about the names in it, read lazily and once: the surnames it introduces
    as people, the names it gives a company suffix, and the words it writes in lower case."""

    def __init__(self, texts: list[str], start: int, end: int) -> None:
        self.texts, self.start, self.end = texts, start, end
        self._joined: str | None = None
        self.names: set[str] | None = None
        self.companies: set[str] = set()
        self.lower_words: set[str] | None = None
        self.full: dict[str, str] | None = None
        self._interview: bool | None = None

    @property
    def joined(self) -> str:
        if self._joined is None:  # "\x00" between sentences: no name runs across them
            self._joined = "\x00".join(self.texts[self.start:self.end])
        return self._joined

    def _scan(self) -> set[str]:
        if self.names is None:
            self.names = set()
            for m in _FULL_NAME.finditer(self.joined):
                first = m.group(1)
                classes = _words().get(first.lower(), frozenset()) if first else frozenset()
                if first is None or not classes & _NOT_A_GIVEN_NAME or classes & {"title", "role"}:
                    self.names.add(m.group(2).removesuffix("’s").removesuffix("'s").replace("’", "'"))
            for m in _COMPANY_SUFFIX.finditer(self.joined):
                name = _NAME_BEFORE.search(self.joined, max(0, m.start() - 80), m.start())
                if name:
                    self.companies.add(name.group(1))
        return self.names

    def introduced(self, name: str) -> bool:
        name = name.replace("’", "'")
        return name in self._scan() or self.full_name(name) != name

    def named_before(self, i: int, pos: int) -> str:
        """The person named last before sentence ``i`` (or before ``pos`` in it), in full: whom an
        unresolved "he said" most likely refers to (codebook section 3, pronouns); "" if none."""
        here = self.texts[i][:pos] if pos > 0 else ""
        texts = [here, *(self.texts[k] for k in range(i - 1, max(self.start, i - PRONOUN_LOOKBACK) - 1, -1))]
        for text in texts:
            found = [m for m in _GIVEN_NAME.finditer(text) if not _words().get(m.group(1).lower())]
            if found:
                return self.full_name(found[-1].group(2).removesuffix("’s").removesuffix("'s"))
        return ""

    def full_name(self, surname: str) -> str:
        """The first full name the article gives ``surname`` ("Kevin 'KJ' Mendes" -> "Kevin Mendes"),
        else ``surname`` itself."""
        if self.full is None:
            self.full = {}
            for m in _GIVEN_NAME.finditer(self.joined):
                first, last = m.group(1), m.group(2).removesuffix("’s").removesuffix("'s").replace("’", "'")
                if not _words().get(first.lower(), frozenset()) & _NOT_A_GIVEN_NAME and last not in self.full:
                    self.full[last] = f"{first} {last}"
        return self.full.get(surname.replace("’", "'"), surname)

    def common_word(self, word: str) -> bool:
        """Whether the article also writes ``word`` in lower case (a common word, not a name)."""
        if self.lower_words is None:
            self.lower_words = set(_LOWER_WORD.findall(self.joined))
        return word.lower() in self.lower_words or _has(word, "quantifier") or _has(word, "function")

    def common_singular(self, word: str) -> bool:
        """Whether the article writes the singular of a plural ``word`` in lower case ("Beekeepers ..."
        and "every beekeeper")."""
        self.common_word(word)
        low = word.lower()
        return low.endswith("s") and not low.endswith("ss") and low[:-1] in self.lower_words

    def interview(self) -> bool:
        """Whether the article is an interview transcript: some line opens on a speaker label
        ("((Ana Ruiz)) I grew up ...", "Q: ...": ``speaker_label`` in ``rules/attribution_patterns.csv``),
        so its first person is the guest speaking, not the writer."""
        if self._interview is None:
            label = _patterns()["speaker_label"]
            self._interview = any(label.match(t) for t in self.texts[self.start:self.end])
        return self._interview

    def company(self, name: str) -> bool:
        self._scan()
        return name.removeprefix("the ").removeprefix("The ") in self.companies


def _plural_with_place(span: str, toks: list[str], persons: _Persons) -> bool:
    """Whether a capitalised plural people noun opens the span before a prepositional phrase
    ("Swimmers at Brighton beach", "Commuters in Leeds"): a group, however the place is written; a
    word the article gives as someone's name ("Sanders at a rally") stays a name."""
    if len(toks) < 3 or not toks[0][:1].isupper() or not span.startswith(toks[0]) \
            or toks[1].lower() not in _MODIFIER_START or not toks[1].islower() or persons.introduced(toks[0]):
        return False
    low = toks[0].lower()
    if not (_PLURAL.search(low) and _PERSON_NOUN.search(low)):
        return False
    as_noun = classify_source(low)
    return as_noun is not None and as_noun[0] == "unnamed_group"


def _single_name(found: _Source, persons: _Persons) -> _Source | None:
    """A name is a company when the article gives it a legal suffix or ticker ("Western Digital Corp");
    a lone capitalised word ("Texaco said") is a person only if the article named one that way, and no
    name at all when the article also writes it in lower case (``None``, or an unnamed group:
    "Terrorists mock ...").

    Example:
        >>> p = _Persons(["Western Digital Corp said sales rose.", "Chief executive Al Shugart resigned."], 0, 2)
        >>> [_single_name(_Source("named_person", n, 0, len(n), "said", "speech:subject"), p).type
        ...  for n in ("Western Digital", "Shugart", "Texaco")]
        ['named_org', 'named_person', 'named_org']
    """
    if persons.company(found.text):
        return _Source("named_org", found.text, found.start, found.end, found.cue, f"{found.rule}+company")
    toks = _tokens(found.text)
    if _plural_with_place(found.text, toks, persons):
        return _Source("unnamed_group", found.text, found.start, found.end, found.cue, f"{found.rule}+people-noun")
    if len(toks) != 1 or persons.introduced(toks[0]):
        return found
    if persons.common_word(toks[0]):  # "Terrorists mock bids ...": the article writes it in lower case too
        as_noun = classify_source(found.text.lower())
        if as_noun is not None and (as_noun[0] in UNNAMED_TYPES or as_noun[0] == "named_org"):
            return _Source(as_noun[0], found.text, found.start, found.end, found.cue, found.rule, as_noun[1])
        return None
    if persons.common_singular(toks[0]):  # "Beekeepers said ..." and "every beekeeper": people, if a people noun
        as_noun = classify_source(found.text.lower())
        if as_noun is not None and as_noun[0] == "unnamed_group":
            return _Source(as_noun[0], found.text, found.start, found.end, found.cue, found.rule, as_noun[1])
    return _Source("named_org", found.text, found.start, found.end, found.cue, f"{found.rule}+single-name-not-a-person")


def _quote_balance(text: str) -> int:
    """+1 when a sentence opens a quotation it does not close, -1 when it closes one it did not open.

    Curly quotes say which way they face; straight ones (``"`` and the doubled ``''`` some archives
    use) only toggle, so an odd number of them opens or closes a quotation.

    Example:
        >>> _quote_balance("“Nobody listened.")
        1
        >>> _quote_balance('He said: "It was over." Then he left.')
        0
    """
    opens = text.count("“")
    closes = text.count("”")
    if opens or closes:
        return (opens > closes) - (closes > opens)
    straight = text.count('"') + text.count("''")
    if straight % 2:
        return -1 if _starts_inside(text) else 1
    return 0


_STARTS_QUOTED = re.compile(r"\s*(?:[“\"]|'')")
_QUOTED = re.compile(r"[“\"]([^”\"]+)[”\"]?|''(.+?)(?:''|$)")
#: Words only a speaker uses of themselves: outside a quotation they mark speech (a quoted paragraph
#: without marks, an interviewee's answer). "I" must be followed by a lower-case word so that "World
#: War I" is not first person. "you" and "our" are left out: columnists use them for their readers.
_FIRST_PERSON = re.compile(r"\b(?:I(?=\s+[a-z])|I[’'](?:m|ve|d|ll)|[Ww]e|[Ww]e[’'](?:re|ve|d|ll)|[Mm]y|me)\b")
_ROMAN_AFTER = re.compile(r"\S\s+[A-Z][a-z]+\s$")  # "World War I", not "Then I" at the start


def _first_person(text: str) -> bool:
    """Whether a sentence speaks in the first person ("I", "we", "my", "me").

    Example:
        >>> _first_person("I have lived here."), _first_person("Then I left."), _first_person("World War I veterans met.")
        (True, True, False)
    """
    for m in _FIRST_PERSON.finditer(text):
        if m.group(0) != "I" or m.start() == 0 or not _ROMAN_AFTER.search(text, max(0, m.start() - 20), m.start()):
            return True
    return False


def _is_quote(text: str) -> bool:
    """Whether a sentence quotes at least :data:`MIN_QUOTE_WORDS` words, or opens with a quote mark;
    the title of a work in quotation marks ("“The Last Harbor” shows ...", see :func:`_is_title`) is
    no quotation.

    Example:
        >>> _is_quote("He called it “a disaster for everyone.”"), _is_quote("He backed the “Dream” act.")
        (True, False)
    """
    if "“" not in text and '"' not in text and "''" not in text:
        return False
    lead = len(text) - len(text.lstrip())
    for m in _QUOTED.finditer(text):
        content = m.group(1) or m.group(2) or ""
        long = len(content.split()) >= MIN_QUOTE_WORDS
        if not long and m.start() != lead:
            continue
        if _is_title(content, m.group(0)):  # “The Internet Explorer 6 Countdown”: a work's title, no quotation
            if m.start() == lead:
                return False  # “The Last Harbor” said more about grief ...: a title opens the sentence
            continue
        if long:
            return True
    return _STARTS_QUOTED.match(text) is not None and len(text.split()) >= MIN_QUOTE_WORDS


#: Small words a title keeps in lower case ("The Lord of the Rings").
_TITLE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
                          "vs", "vs.", "v.", "nor", "but", "as"})


def _is_title(content: str, whole: str = "") -> bool:
    """Whether quoted words are the title of a work ("The Last Harbor", "Silent Fields,"): closed
    quotation marks around two or more words, each capitalised but for a title's small words, and no
    sentence punctuation inside. Quoted speech ("Absolutely not,") is not a title.

    Example:
        >>> _is_title("The Lord of the Rings", "“The Lord of the Rings”"), _is_title("We will win,", "“We will win,”")
        (True, False)
    """
    if whole and whole[-1:] not in ("”", '"', "'"):
        return False
    words = content.strip().rstrip(",").split()
    if len(words) < 2 or any(ch in content for ch in ".!?;:"):
        return False
    return words[0][:1].isupper() and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL
                                          for w in words)


#: What may follow a quoted title used as a subject: its closing mark or a comma before it.
_AFTER_TITLE = ("”", '"', ",")


def _quoted_title_span(text: str, start: int, end: int) -> bool:
    """Whether a source span is the title of a work set in quotation marks ("“The Last Harbor” said"):
    a titled work is a document, never a speaker (codebook section 2, ``document``).

    Example:
        >>> t = '"Silent Fields," the documentary, shows it.'
        >>> _quoted_title_span(t, 1, 14), _quoted_title_span(t, 17, 31)
        (True, False)
    """
    k = start - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    if k < 0 or text[k] not in "“\"":
        return False
    after = text[end:end + 4].lstrip(" ,")
    return after[:1] in ("”", '"') and _is_title(text[start:end], "")


# --------------------------------------------------------------------------- frames

def _candidates(texts: pd.Series) -> list[bool]:
    """Which sentences may carry an attribution: one vectorised regex pass (RE2 via pyarrow when
    available, else Python's ``re``)."""
    return _search_all(_prefilter(), texts.fillna("").astype(str).tolist())


def _sentence_hits(texts: list[str]) -> list[frozenset[str]]:
    """For each sentence, which of the tagger's sentence-wide searches match: ``no_comment`` (a
    no-comment phrase, after its cheap hint), ``not_attribution`` (a byline note or an idiom),
    ``reportedly`` and ``withheld`` (a withholding mark); run over all sentences at once with
    :func:`_search_all`.

    Example:
        >>> [sorted(h) for h in _sentence_hits(["He declined to comment.", "She reportedly quit.", "Rain."])]
        [['no_comment'], ['reportedly'], []]
    """
    pats = _patterns()
    hint = _search_all(_NO_COMMENT_HINT, texts)
    no_comment = _search_all(pats["no_comment"], texts)
    idiom = _search_all(pats["not_attribution"], texts)
    reportedly = _search_all(_REPORTEDLY, texts)
    withheld = _search_all(pats["withheld_sentence"], texts)
    names = ("no_comment", "not_attribution", "reportedly", "withheld")
    return [frozenset(n for n, on in zip(names, (h and c, i, r, w)) if on)
            for h, c, i, r, w in zip(hint, no_comment, idiom, reportedly, withheld)]


def _search_all(pattern: re.Pattern[str], texts: list[str]) -> list[bool]:
    """``pattern.search(t) is not None`` for every text, fast: RE2 (pyarrow) first rejects the texts that
    cannot match, then Python's ``re`` confirms the few it kept, so the result is exactly ``re``'s.

    RE2 has no lookarounds and its ``\\b`` and ``\\w`` are ASCII: the lookarounds become word
    boundaries, which makes the RE2 pattern match a superset. Falls back to ``re`` alone when pyarrow is
    missing or RE2 cannot compile the pattern.

    Example:
        >>> _search_all(re.compile(r"(?<![\\w-])said(?![\\w-])"), ["He said so.", "unsaid", "x"])
        [True, False, False]
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        loose = pattern.pattern.replace(r"(?<![\w-])", r"\b").replace(r"(?![\w-])", r"\b")
        kept = pc.match_substring_regex(pa.array(texts, type=pa.large_string()), pattern=loose,
                                        ignore_case=bool(pattern.flags & re.I)).to_pylist()
    except Exception:  # pyarrow missing, or a pattern RE2 cannot compile  # noqa: BLE001
        kept = [True] * len(texts)
    return [bool(k) and isinstance(t, str) and pattern.search(t) is not None for k, t in zip(kept, texts)]


def tag_frame(frame: pd.DataFrame, scope: str = "codebook") -> pd.DataFrame:
    """Source columns for an ordered sentence frame.

    Args:
        frame: Columns ``article_id``, ``paragraph``, ``sentence``, ``text``, ordered by article
            then sentence (as :func:`srcanalysis.sentences` builds it).
        scope: ``"codebook"`` (default): the sourcing codebook's sourced statement; beliefs and
            intentions narrated without a statement ("Lopez wants ...") are not sources.
            ``"polnear"``: PolNeAR's attribution, which counts them.

    Returns:
        A DataFrame with the :data:`srcanalysis.schema.SOURCE_COLUMNS` and ``frame``'s index:
        ``source_type`` (codebook type), ``source`` (the span as written), ``source_name`` (whom it
        resolves to: a pronoun's antecedent, the organisation behind "a spokesman", a poll's
        pollster; empty for ``anonymous``), ``cue``, span offsets, ``source_count``,
        ``anonymity_reason`` (the reason the article states for withholding a name, only),
        ``is_quote`` and ``rule``.

    Raises:
        ValueError: ``scope`` is not one of :data:`SCOPES`.

    Example:
        >>> f = pd.DataFrame({"article_id": "a", "paragraph": [0, 0], "sentence": [0, 1],
        ...                   "text": ["“It was a mess,” a senior official said.", "“Nobody listened to us.”"]})
        >>> tag_frame(f)[["source_type", "source", "rule"]].values.tolist()
        [['anonymous', 'a senior official', 'speech:subject'], ['anonymous', 'a senior official', 'inherit:quote-continues']]
    """
    n = len(frame)
    types = ["unattributed"] * n
    sources = [""] * n
    cues = [""] * n
    s_start: list[object] = [pd.NA] * n
    s_end: list[object] = [pd.NA] * n
    counts: list[object] = [pd.NA] * n
    reasons = [""] * n
    quotes = [False] * n
    rules = [""] * n
    names = [""] * n
    candidates = _candidates(frame["text"])
    reason_re = _patterns()["reason"]
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")
    resolved: dict[str, str] = {}  # span as written -> resolved name, within the current article
    state = {"org": "", "person": ""}  # the last organisation and person named, for "a spokesman", "the mayor"

    def put(i: int, found: _Source) -> _Source:
        if not found.rule.startswith("inherit") and found.type in _UPGRADABLE \
                and _withheld_here(found, texts[i], ("withheld" in hits[i]) if candidates[i] else None):
            found = _Source("anonymous", found.text, found.start, found.end, found.cue, f"{found.rule}+withheld",
                            found.count)
        types[i] = found.type
        sources[i] = found.text
        names[i] = _name_for(found, resolved, persons, state)
        if found.type == "named_org" and not names[i] and found.start >= 0 and _no_organisation(found.text):
            found = _Source("unnamed_group" if _PLURAL.search(found.text) else "unnamed_person", found.text,
                            found.start, found.end, found.cue, f"{found.rule}+no-organisation", found.count)
            types[i] = found.type
        if not names[i] or (found.type == "named_person" and names[i].lower() in _PRONOUN_WORDS):
            names[i] = persons.named_before(i, found.start) if found.type == "named_person" else names[i]
        cues[i] = found.cue
        if found.start >= 0:
            s_start[i], s_end[i] = found.start, found.end
        if found.count is not None:
            counts[i] = found.count
        rules[i] = found.rule
        if found.type == "anonymous":
            m = reason_re.search(texts[i])
            if m:
                reasons[i] = _reason_clause(m.group(0))
        return found

    last_article = object()
    last_source: _Source | None = None
    last_named: _Source | None = None
    last_speaker: _Source | None = None  # the last source this article named, for speech without a cue
    pending: list[tuple[int, str]] = []  # speech before any source: takes the next source named
    last_named_at = -10
    last_person: _Source | None = None  # the last single person named ("Mattis", "a senior official"), for he/she
    last_person_at = -10
    withheld_heads: set[str] = set()  # head nouns of the sources this article has withheld ("official")
    withheld_orgs: set[str] = set()  # the organisations those withheld sources named ("pentagon")
    last_thing: _Source | None = None  # the last organisation, outlet or document, for "it"
    last_thing_at = -10
    last_anon: _Source | None = None  # the last withheld source, for "the source added"
    last_anon_at = -10
    last_source_at = -10
    last_paragraph = -1
    open_quote = False
    texts = [t if isinstance(t, str) else "" for t in frame["text"].tolist()]
    hits: list[frozenset[str]] = [frozenset()] * n  # sentence-wide searches, run once over all candidates
    rows = [i for i in range(n) if candidates[i]]
    for i, found_here in zip(rows, _sentence_hits([texts[i] for i in rows])):
        hits[i] = found_here
    articles = frame["article_id"].tolist()
    paragraphs = frame["paragraph"].tolist() if "paragraph" in frame else [0] * n
    for i in range(n):
        text = texts[i]
        if articles[i] != last_article:
            last_article, last_source, last_named, open_quote, last_named_at = articles[i], None, None, False, -10
            last_speaker, pending, last_person, last_person_at = None, [], None, -10
            last_anon, last_anon_at = None, -10
            last_thing, last_thing_at = None, -10
            withheld_heads = set()
            withheld_orgs = set()
            resolved.clear()
            state["org"], state["person"] = "", ""
            end = i + 1
            while end < n and articles[end] == articles[i]:
                end += 1
            persons = _Persons(texts, i, end)
        new_paragraph = paragraphs[i] != last_paragraph
        last_paragraph = paragraphs[i]
        if new_paragraph and open_quote and not _STARTS_QUOTED.match(text):
            open_quote = False  # a quotation running on into the next paragraph reopens it with a mark
        quotes[i] = _is_quote(text)
        found = _tag_one(text, scope, hits[i]) if candidates[i] else None
        if found is None and len(text) <= 60:
            found = _credit_line(text)
        writer = found is not None and found.type == "pronoun" and found.text.lower() in _WRITER_PRONOUNS \
            and not open_quote and (last_source is None or paragraphs[last_source_at] != paragraphs[i]) \
            and _norm_cue(found.cue) not in _QUESTION \
            and not persons.interview()  # "when I asked him": the writer asks; a transcript's "I" is the guest
        if writer:  # "As I wrote last week, ...", "I said so": the writer's own voice (codebook section 1)
            found = None
        elif found is not None and found.type == "pronoun":
            found = _resolve_pronoun(found, text, last_named, i - last_named_at, last_person, i - last_person_at,
                                     last_thing, i - last_thing_at)
        elif found is not None and found.type == "unresolved" and found.rule.endswith("thing-subject"):
            found = _thing_subject(found, last_thing, i - last_thing_at)
        elif found is not None and found.type == "unresolved":
            found = _last_source(found, last_named, i - last_named_at) or _name_in_sentence(found, text, persons, i)
        elif found is not None and found.type in _UPGRADABLE and found.start >= 0 and withheld_heads \
                and _head_noun(found.text) in withheld_heads \
                and _org_words(found.text) <= withheld_orgs:  # "county officials" after withheld "officials": the county
            # "a New Hampshire Republican, who ... responded anonymously" ... "another New Hampshire Republican
            # said": the article has said that sources of this kind speak without their names
            found = _Source("anonymous", found.text, found.start, found.end, found.cue, f"{found.rule}+withheld-kind",
                            found.count)
        elif found is not None and last_anon is not None and i - last_anon_at <= PRONOUN_LOOKBACK \
                and found.type in _UPGRADABLE and _BACK_REFERENCE.match(found.text) \
                and _has(found.text.split()[-1].lower(), "anonymous"):
            # "the source added", "these people said", "the official said": the withheld source just quoted
            found = _Source("anonymous", found.text, found.start, found.end, found.cue,
                            f"{found.rule}+refers-to:{last_anon.text}", last_anon.count)
        elif found is not None and found.type in UNNAMED_TYPES and _DEFINITE_PERSON.match(found.text) \
                and not _has(found.text.split()[-1], "anonymous") and last_person is not None \
                and last_person.type == "named_person" and i - last_person_at <= PRONOUN_LOOKBACK:
            # "the actress said", "the real estate developer said": a person the story just named
            found = _Source("named_person", found.text, found.start, found.end, found.cue,
                            f"{found.rule}+refers-to:{last_person.text}")
        if found is not None and found.type == "named_person" and found.start >= 0 and "pronoun" not in found.rule \
                and found.rule != "transcript-speaker":
            found = _single_name(found, persons)
            if found is None or "sentence-subject+single-name" in found.rule or found.text.lower() in _ING_OPENERS:
                found = None  # "Small groups of protesters...", "Having said that": an opening word, not a name
        if found is None and last_source is not None and last_source.type != "no_comment":
            continues = open_quote or (quotes[i] and text.lstrip()[:1] in _OPEN_QUOTES and not new_paragraph) \
                or (quotes[i] and i - last_source_at <= 2)
            if continues:
                found = _Source(last_source.type, last_source.text, -1, -1, last_source.cue,
                                "inherit:quote-continues", last_source.count)
        if found is None and last_source is not None and last_source_at == i - 1 and not new_paragraph \
                and texts[i - 1].rstrip().endswith(":") and last_source.type != "no_comment":
            found = _Source(last_source.type, last_source.text, -1, -1, last_source.cue, "inherit:after-colon",
                            last_source.count)
        if found is None and last_source is not None and last_source_at == i - 1 and not new_paragraph \
                and last_source.type in ("document", "named_org", "media") \
                and (last_source.rule.startswith(("according-to", "document")) or last_source.type == "document") \
                and _FIGURE.search(text) and not _FIGURE_BREAK.match(text) and len(_LOWER_WORD.findall(text)) >= 4:
            # "According to the Tenant Union, 4,100 households were evicted. Most were in the east district."
            found = _Source(last_source.type, last_source.text, -1, -1, last_source.cue, "inherit:figures",
                            last_source.count)
        if found is None:
            how = "quote" if quotes[i] or open_quote else "first-person" if _first_person(text) and not writer else ""
            if how == "first-person" and (last_source is None or paragraphs[last_source_at] != paragraphs[i]):
                # first person far from any source is the writer's own voice (a column), not a quotation
                speaker = None
            else:
                speaker = last_speaker
            if how and speaker is not None:
                found = _Source(speaker.type, speaker.text, -1, -1, speaker.cue, f"inherit:{how}", speaker.count)
            elif how:
                pending.append((i, how))
        if found is not None:
            found = put(i, found)
            if not found.rule.startswith("inherit"):
                last_source, last_source_at = found, i
                if found.type != "no_comment":
                    last_speaker = found
                    expected = i - 1  # a run of quoted sentences right before the source all take it
                    for k, how in reversed(pending):
                        in_run = k == expected and how == "quote"
                        if in_run or (i - k <= LOOKAHEAD and (how == "quote" or (
                                i - k == 1 and paragraphs[k] == paragraphs[i]))):
                            put(k, _Source(found.type, found.text, -1, -1, found.cue, f"inherit:{how}-before-source",
                                           found.count))
                        expected = k - 1 if in_run else -1
                    pending = []
                if found.type in ("named_org", "media", "document") and "pronoun" not in found.rule:
                    last_thing, last_thing_at = found, i
                if types[i] == "anonymous" and found.start >= 0 and _head_noun(found.text):
                    withheld_heads.add(_head_noun(found.text))
                    withheld_orgs |= _org_words(found.text)
                if types[i] == "anonymous" and "refers-to" not in found.rule:
                    last_anon, last_anon_at = _Source("anonymous", found.text, found.start, found.end, found.cue,
                                                      found.rule, found.count), i
                if found.type in _NAMEABLE and "pronoun" not in found.rule and found.rule != "reportedly":
                    last_named, last_named_at = found, i
                    if found.type in ("named_person", "unnamed_person") or (found.type == "anonymous" and found.count == 1):
                        last_person, last_person_at = found, i
        elif new_paragraph:
            last_source = None
        balance = _quote_balance(text)
        if balance > 0:
            open_quote = True
        elif balance < 0:
            open_quote = False
        if not open_quote and found is None:
            last_source = last_source if not new_paragraph else None
    cols = {"type": types, "source": sources, "name": names, "cue": cues, "count": counts, "rule": rules}
    _continue_between(cols, articles, paragraphs)
    _withheld_before(cols, articles, paragraphs)
    _declared_anonymity(cols, texts, articles)
    out = pd.DataFrame({
        "source_type": pd.Categorical(types, dtype=SOURCE_TYPE_DTYPE),
        "source": pd.array(sources, dtype="string"),
        "source_name": pd.array(names, dtype="string"),
        "cue": pd.array(cues, dtype="string"),
        "source_start": pd.array(s_start, dtype="Int64"),
        "source_end": pd.array(s_end, dtype="Int64"),
        "source_count": pd.array(counts, dtype="Int64"),
        "anonymity_reason": pd.array(reasons, dtype="string"),
        "is_quote": quotes,
        "rule": pd.array(rules, dtype="string"),
    }, index=frame.index)
    return out[list(SOURCE_COLUMNS)]


_REASON_END = re.compile(r",|\s[—–-]\s|[—–()]")


def _reason_clause(reason: str) -> str:
    """The withholding clause alone: cut at its closing comma or dash and before a plain reporting
    verb (``core`` in ``rules/attribution_cues.csv``), so that "to speak freely, said they expected a
    delay" keeps "to speak freely".

    Example:
        >>> _reason_clause("because they were not authorized to speak publicly said the plan was dead")
        'because they were not authorized to speak publicly'
    """
    end = _REASON_END.search(reason)
    if end:
        reason = reason[:end.start()]
    for w in _WORD.finditer(reason):
        if w.start() > 0 and w.group(0).lower() in _CORE_SPEECH:
            reason = reason[:w.start()]
            break
    return reason.strip(" ,—–-")


def _same_source(cols: dict[str, list], a: int, b: int) -> bool:
    """Whether sentences ``a`` and ``b`` rest on one source: the same span or resolved name, a later
    back-reference or pronoun to the earlier span, or two withheld sources (neither has a name to compare)."""
    if cols["type"][a] != cols["type"][b]:
        return False
    if cols["type"][a] == "anonymous":
        return True
    first, second = cols["source"][a].lower(), cols["source"][b].lower()
    name = cols["name"][a]
    return first == second or (bool(name) and name == cols["name"][b]) or cols["rule"][b].endswith(f":{cols['source'][a]}")


def _continue_between(cols: dict[str, list], articles: list, paragraphs: list) -> None:
    """A sentence with no source of its own between two sentences of one paragraph that rest on the same
    source continues it (codebook section 1, continuation): "..., according to people familiar with the
    effort. The push is focused on new voters. It also buys commercial data, the sources said."
    Sets ``rule`` to ``inherit:between``; changes ``cols`` in place."""
    types = cols["type"]
    for i in range(1, len(types) - 1):
        if types[i] != "unattributed" or types[i - 1] != "anonymous" \
                or not (articles[i - 1] == articles[i] == articles[i + 1]) \
                or not (paragraphs[i - 1] == paragraphs[i] == paragraphs[i + 1]) \
                or not _same_source(cols, i - 1, i + 1):
            continue
        types[i] = types[i - 1]
        for key in ("source", "name", "cue", "count"):
            cols[key][i] = cols[key][i - 1]
        cols["rule"][i] = "inherit:between"


def _withheld_before(cols: dict[str, list], articles: list, paragraphs: list) -> None:
    """Unnamed sources of a kind the article withholds later in the same paragraph are withheld too:
    "..., according to American military officials. Senior officials spoke only on the condition of
    anonymity ..." (the declaration covers the officials just cited). Later sources of the kind are
    handled in :func:`tag_frame` (``+withheld-kind``); this looks back. Changes ``cols`` in place."""
    types, sources, rules = cols["type"], cols["source"], cols["rule"]
    for i in range(len(types)):
        if types[i] != "anonymous" or rules[i].startswith("inherit") or "+withheld-kind" in rules[i]:
            continue  # only a source withheld in its own words declares the kind withheld, not one upgraded
        head = _head_noun(sources[i])
        if not head:
            continue
        j = i - 1
        while j >= 0 and articles[j] == articles[i] and paragraphs[j] == paragraphs[i]:
            if types[j] in _UPGRADABLE and not rules[j].startswith("inherit") and _head_noun(sources[j]) == head:
                types[j], cols["name"][j] = "anonymous", ""
                rules[j] = f"{rules[j]}+withheld-kind-after"
            j -= 1


def _declared_anonymity(cols: dict[str, list], texts: list[str], articles: list) -> None:
    """Unnamed people and groups of an article that grants its whole panel anonymity are withheld
    (codebook section 3: anonymity is the reporter's promise): "The insiders complete the survey
    anonymously, which lets them speak freely." makes "a New Hampshire Democrat said" anonymous anywhere
    in that article. A declaration is a sentence with a withholding mark and a survey or panel word
    (``group_declaration`` in ``rules/attribution_patterns.csv``). Changes ``cols`` in place."""
    patterns = _patterns()
    withheld, panel = patterns["withheld_sentence"], patterns["group_declaration"]
    types, rules = cols["type"], cols["rule"]
    unnamed = {a for a, t in zip(articles, types) if t in ("unnamed_person", "unnamed_group")}
    rows = [i for i, a in enumerate(articles) if a in unnamed]
    marked = [i for i, hit in zip(rows, _search_all(withheld, [texts[i] for i in rows])) if hit]
    declared = {articles[i] for i, hit in zip(marked, _search_all(panel, [texts[i] for i in marked])) if hit}
    if not declared:
        return
    for i, a in enumerate(articles):
        if a in declared and types[i] in ("unnamed_person", "unnamed_group"):
            types[i], cols["name"][i] = "anonymous", ""
            rules[i] = f"{rules[i]}+declared-anonymous"


#: Types a withholding mark elsewhere in the sentence turns into ``anonymous`` ("officials, who spoke on
#: condition of anonymity, said"; codebook section 3).
_UPGRADABLE = frozenset({"unnamed_person", "unnamed_group", "named_org"})


def _withheld_here(found: _Source, text: str, marked: bool | None = None) -> bool:
    """Whether an unnamed source of this sentence is marked as withheld by the sentence around it.

    Only sources without a name qualify: an unnamed person or group, or an organisation's unnamed voice
    ("officials", "a spokesman"); "the State Department said ..., speaking on background" keeps its type.

    Example:
        >>> s = _Source("unnamed_group", "officials", 0, 9, "said", "speech:subject")
        >>> _withheld_here(s, "officials, who spoke on condition of anonymity, said the talks failed.")
        True
    """
    if found.type == "named_org" and not any(_has(w, "org_voice") or _has(w, "inner_circle")
                                             for w in found.text.lower().split()):
        return False
    if marked is not None:  # the search already run over all sentences (_sentence_hits)
        return marked
    return _patterns()["withheld_sentence"].search(text) is not None


_LEAD_WORDS = re.compile(r"^(?:(?:the|a|an|one|some|many|several|two|three|four|five|its|his|her|their|our)\s+)+", re.I)
_POLLSTER = re.compile(r"((?:[A-Z][\w&.’'/-]*\s+){0,4}[A-Z][\w&.’'/-]*)\s+(?:[a-z]+\s+){0,2}(?:poll|polls|survey|"
                       r"surveys)\b")
_VOICE_OF_BODY = re.compile(r"\b(?:for|of|at|with|from|in)\s+(?:the\s+)?([a-z]+)\s*$")
_VOICE_OF = re.compile(r"\b(?:for|of|at|with|from|in)\s+(?:the\s+)?((?:[A-Z][\w&.’'-]*\s*)+)")


def _name_for(found: _Source, resolved: dict[str, str], persons: "_Persons", state: dict[str, str]) -> str:
    """``source_name``: whom the span stands for (codebook section 4), remembered per span so that
    continuations and pronouns ("he said") carry their antecedent's name; empty for ``anonymous``."""
    if found.type in ("anonymous", "unattributed"):
        return ""
    ref = _REFERENCE.search(found.rule) if "+" in found.rule else None
    if ref and ref.group(1) == "named-before":  # "Although Mattis said little, he told aides ...": the name before
        return ""  # filled in by the caller from the names the article gave just before
    if ref:
        return resolved.get(ref.group(1), ref.group(1))
    if found.rule == "reportedly":
        return "news reports"  # codebook section 3: media, source unknown
    if found.rule.startswith("inherit") or found.rule.endswith("+last-source") or found.start < 0:
        return resolved.get(found.text, found.text)
    key = f"{found.type}\x00{found.text}"
    name = resolved.get(key)
    if name is None or found.type == "named_org":  # an organisation's voice depends on the org named last
        name = _NAMERS.get(found.type, _name_as_written)(found.text, persons, state)
        resolved[key] = name
    resolved[found.text] = name
    if found.type == "named_org" and name:
        state["org"] = name
    return name


def _name_as_written(span: str, persons: "_Persons", state: dict[str, str]) -> str:
    return _LEAD_WORDS.sub("", span.strip(" ,.;:“”\"'’"))


_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,4}\.$")
_PARTY_WORD = re.compile(r"[A-Z][a-z]?-[A-Z][\w.]*|\(.*\)?")
_INITIAL = re.compile(r"[A-Z]\.")
_REFERENCE = re.compile(r"\+(?:pronoun|refers-to):(.+)$")
_NAME_PARTICLES = frozenset({"de", "van", "von", "da", "del", "della", "di", "du", "la", "le", "bin", "al", "el", "ter"})
#: Word classes that are no part of a person's name ("Rep.", "nominee", "Democratic", "Representative").
_NOT_IN_A_NAME = ("title", "role", "determiner", "descriptor", "org_voice", "anonymous", "label")
_NOT_NAME_WORDS = frozenset(w for w, c in _WORD_CLASSES.items() if c & set(_NOT_IN_A_NAME))


def _person_name(span: str, persons: "_Persons", state: dict[str, str]) -> str:
    """A person's name without title, role or affiliation ("Democratic nominee Ana Ruiz" -> "Ana Ruiz",
    "Brig. Gen. Omar Farid of the Interior Ministry" -> "Omar Farid"), in full when the article gave it
    earlier ("Mendes" -> "Kevin Mendes")."""
    words = span.split(",")[0].split()
    for k, w in enumerate(words):
        if k and w.lower() in _MODIFIER_START:
            words = words[:k]
            break
    run: list[str] = []
    for w in words:
        bare = w.removesuffix("’s").removesuffix("'s")
        low = bare.lower()
        if _PARTY_WORD.fullmatch(bare):
            continue  # a party tag: "Roy Cooper (D)", "Dana Wills, D-Ore."
        is_name = bare[:1].isupper() and low not in _NOT_NAME_WORDS and low.rstrip(".") not in _NOT_NAME_WORDS \
            and not _ABBREVIATED_TITLE.match(bare) and not _is_org_token(bare)
        if is_name or (run and (_INITIAL.fullmatch(bare) or low in _NAME_PARTICLES)):
            run.append(bare)
        else:
            run = []  # "Charlotte Mayor Jennifer Roberts": the name is the last run of name words
    while run and run[-1].lower() in _NAME_PARTICLES:
        run.pop()
    if not run:  # "the mayor", "the senator": the person the article named last
        return state.get("person") or _name_as_written(span, persons, state)
    name = persons.full_name(run[0]) if len(run) == 1 else " ".join(run)
    state["person"] = name
    return name


def _org_name(span: str, persons: "_Persons", state: dict[str, str]) -> str:
    """The organisation behind a span: "a Delta spokesperson" -> "Delta", "a spokesman for the State
    Department" -> "State Department", a bare "officials" -> the last organisation the article named."""
    words = span.split()
    if not any(_has(w.strip(",.’'"), c) for w in words for c in ("org_voice", "anonymous", "voice_record")):
        return _name_as_written(span, persons, state)
    voice = [_voice_word(words, k) for k in range(len(words))]
    if not any(voice):
        return _name_as_written(span, persons, state)
    of = _VOICE_OF.search(span)
    if of:
        return of.group(1).strip()
    of = _VOICE_OF_BODY.search(span)
    if of and any(_has(of.group(1).lower(), c) for c in _ORG_CLASSES):
        return of.group(1).lower()  # "a statement from the county", "officials with the city"
    own = _own_org_words(words, voice)
    if own and " " in own:
        return own  # "Trump administration officials" -> "Trump administration", "State Department officials"
    caps = [w.removesuffix("’s").removesuffix("'s") for w, v in zip(words, voice) if w[:1].isupper()
            and not _has(w, "determiner") and not v and not _level_only(w)]
    if len(caps) == 1 and (_has(caps[0], "org_service") or _has(caps[0], "named_org")):
        return caps[0].lower()  # "County officials", "School officials" at a sentence's start: a common noun
    if caps:
        return " ".join(caps)
    if own is None:
        return state.get("org", "")  # a bare "a spokesman": the organisation the story named last
    return own


def _own_org_words(words: list[str], voice: list[bool]) -> str | None:
    """The organisation a span names in lower case before its voice word ("a fire department
    spokeswoman" -> "fire department", "city council officials" -> "city council"): the words
    before the first voice word, without determiners, when they are two or more and the last is an
    organisation noun (``org``, ``org_suffix`` or ``named_org`` in ``rules/attribution_words.csv``),
    or one institution (``org``: "a police spokesman"); "" when the span has an organisation word
    that names no organisation ("a campaign spokesman"), never an organisation from an earlier
    sentence; ``None`` when it has none ("a spokesman": the caller takes the last one named)."""
    first = voice.index(True) if True in voice else len(words)
    before = [w.strip(",.’'") for w in words[:first]]
    while before and (any(_has(before[0].lower(), c) for c in ("determiner", "number", "quantifier", "function",
                                                                  "leading")) or _level_only(before[0])):
        before.pop(0)  # "the", "two", "local": no part of the organisation's name
    if len(before) >= 2 and any(_has(before[-1].lower(), c) for c in ("org", "org_suffix", "named_org")):
        return " ".join(before)
    if len(before) == 1 and (_has(before[0].lower(), "org") or _has(before[0].lower(), "org_service")):
        return before[0].lower()  # "a police spokesman", "county officials", "fire officials"; but "a campaign
        # spokesman" names no one organisation
    if any(_has(w.lower(), c) for w in before for c in ("org", "org_suffix", "org_head", "named_org")):
        return ""  # its own organisation, unnamed: never one named in an earlier sentence
    return None


def _level_only(word: str) -> bool:
    """Whether ``word`` only describes a speaker ("local", "senior", "former": ``not_a_body`` in
    ``rules/attribution_words.csv``) and names no organisation ("federal", "U.S." do)."""
    return _has(word.strip(",.’'").lower(), "not_a_body")


def _voice_word(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` names the voice of an organisation ("spokesman", "officials") rather than
    being part of its name: a capitalised source noun followed by another capitalised word belongs to
    the name ("the Teachers Union", "the Parent Teacher Association")."""
    w = words[k].strip(",.’'")
    if not (_has(w, "org_voice") or _has(w, "anonymous") or _has(w, "voice_record")):
        return False
    return not (w[:1].isupper() and k + 1 < len(words) and words[k + 1][:1].isupper())


def _document_name(span: str, persons: "_Persons", state: dict[str, str]) -> str:
    """A poll's pollster ("a new Gallup poll" -> "Gallup"), else the document as written."""
    m = _POLLSTER.search(span)
    pollster = " ".join(w for w in m.group(1).split() if not _has(w, "determiner")) if m else ""
    return pollster or _name_as_written(span, persons, state)  # "The survey found": no pollster, never ""


_PRONOUN_WORDS = frozenset({"he", "she", "i", "they", "we", "it", "you"})
#: How ``source_name`` is resolved, per type (a dispatch table of small functions).
_NAMERS = {"named_person": _person_name, "named_org": _org_name, "document": _document_name}


def tag_sentences(sentences: Iterable[str], scope: str = "codebook") -> pd.DataFrame:
    """Tag sentences someone else segmented, read as one running text.

    Args:
        sentences: Sentence strings, in order.
        scope: ``"codebook"`` (default: the sourcing codebook's sourced statement) or ``"polnear"``
            (also beliefs and intentions narrated without a statement, as PolNeAR annotates them).

    Returns:
        One row per input sentence, in order: ``text`` and the source columns.

    Raises:
        ValueError: ``scope`` is not one of :data:`SCOPES`.

    Example:
        >>> tag_sentences(["Flynn’s attorney did not respond to a request for comment."])["source_type"].tolist()
        ['no_comment']
        >>> [tag_sentences(["Ana Lopez wants to expand the program."], scope=s)["source_type"].iloc[0] for s in SCOPES]
        ['unattributed', 'named_person']
    """
    texts = ["" if s is None or (isinstance(s, float) and pd.isna(s)) else str(s) for s in sentences]
    frame = pd.DataFrame({"article_id": "", "paragraph": 0, "sentence": range(len(texts)), "text": texts})
    return pd.concat([frame[["text"]], tag_frame(frame, scope=scope)], axis=1)

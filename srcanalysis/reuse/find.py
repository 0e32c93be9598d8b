"""find_reuse: index, align, then say what each passage is (cluster, origin, credit, shared quotation).

The steps and their modules:

1. :mod:`.text`: Unicode-normalised tokens with offsets into the original text;
2. :mod:`.index`: candidate pairs from rare word n-grams;
3. :mod:`.alignment`: aligned passages of each candidate pair;
4. :mod:`.clusters`: passages sharing text form a cluster with one ``origin``;
5. :mod:`.credit`: does the article that took the passage credit its source (three values);
6. :mod:`.quotes`: quotations both articles attribute to the same third source.

The Spark engine (:mod:`.spark`) runs steps 1-3 on Spark and the same steps 4-6 here, so both
engines return the same passages.

Example:
    >>> import pandas as pd
    >>> para = ("The committee voted on Tuesday to delay the measure until the spring, citing "
    ...         "unresolved questions about its cost and the lack of a plan to pay for it.")
    >>> arts = pd.DataFrame({
    ...     "article_id": ["a", "b", "c"], "outlet": ["Herald", "Courier", "Gazette"],
    ...     "published": pd.to_datetime(["2020-01-01", "2020-01-02", None]),
    ...     "text": ["Opening line. " + para, para.replace("Tuesday", "Tuesday night") + " (Herald)",
    ...              "A story about something else entirely, told in other words."]})
    >>> p = find_reuse(arts)
    >>> p[["article_a", "article_b", "kind", "earlier", "credit", "credit_text", "origin"]].to_dict("records")
    [{'article_a': 'a', 'article_b': 'b', 'kind': 'edited', 'earlier': 'a', 'credit': 'credited', 'credit_text': 'Herald', 'origin': 'Herald'}]
"""
from __future__ import annotations

import re
from typing import Any, Callable, NamedTuple
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from ..errors import carry_errors, per_article, record_error
from ..time.timex import local_published
from .alignment import align_pairs
from .clusters import cluster_origins, earlier_of, passage_clusters
from .credit import article_credits, canonical, credits_target, is_agency
from .index import candidate_pairs
from .options import DEFAULTS
from .quotes import one_sentence, quote_spans, quoted_share, same_source, sentence_sources
from .text import tokens

__all__ = ["find_reuse", "PASSAGE_COLUMNS", "CREDIT_VALUES", "annotate_passages"]

#: Columns of the passage frame returned by :func:`find_reuse`, in order.
PASSAGE_COLUMNS = ["article_a", "a_start", "a_end", "article_b", "b_start", "b_end", "words", "similarity",
                   "kind", "earlier", "taker", "credit", "credit_text", "credited", "same_outlet", "cluster",
                   "origin", "quote_source", "text_a", "text_b"]

#: The values of the ``credit`` column.
CREDIT_VALUES = ("credited", "not_credited", "unknown")

_DTYPES: dict[str, Any] = {
    "article_a": object, "a_start": "int64", "a_end": "int64", "article_b": object, "b_start": "int64",
    "b_end": "int64", "words": "int64", "similarity": "float64", "kind": object, "earlier": object,
    "taker": object, "credit": object, "credit_text": object, "credited": "boolean", "same_outlet": bool,
    "cluster": "int64", "origin": object, "quote_source": object, "text_a": object, "text_b": object}


def _empty_passages() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in _DTYPES.items()})


def _column(articles: pd.DataFrame, name: str) -> pd.Series:
    if name not in articles:
        return pd.Series("", index=articles.index, dtype=object)
    col = articles[name].astype(object)
    return col.where(col.notna(), "").map(str)


def prepare(articles: pd.DataFrame) -> pd.DataFrame:
    """The columns reuse needs: ``article_id``, ``outlet``, ``published``, ``text``, ``byline``, ``domain``.

    ``domain`` is the host of the ``url`` column without ``www.`` (empty without one): a link to it
    credits the article's outlet.

    ``byline`` joins the ``credit`` column (wire agency of the byline, when the loader gives it) and
    ``author``. The same article given twice (same ``article_id`` and text) is kept once: it would
    otherwise be reported as copying itself and counted twice.

    Raises:
        ValueError: ``article_id`` or ``text`` is missing, or one ``article_id`` has two different texts.
    """
    missing = [c for c in ("article_id", "text") if c not in articles.columns]
    if missing:
        raise ValueError(f"find_reuse needs columns {missing} (pass the read_articles frame)")
    text = _column(articles, "text")
    twice = articles["article_id"].astype(object).duplicated(keep=False).to_numpy()
    if twice.any():
        pairs = pd.DataFrame({"id": articles["article_id"].astype(object).to_numpy()[twice], "text": text.to_numpy()[twice]})
        clash = pairs.groupby("id", sort=False)["text"].nunique()
        if (clash > 1).any():
            raise ValueError(f"find_reuse needs one text per article_id; these have several: {clash[clash > 1].index[:5].tolist()}")
        keep = ~articles["article_id"].astype(object).duplicated(keep="first").to_numpy()
        return prepare(articles[keep])
    byline = (_column(articles, "credit") + " | " + _column(articles, "author")).str.strip(" |")
    return pd.DataFrame({
        "article_id": articles["article_id"].astype(object).to_numpy(),
        "outlet": _column(articles, "outlet").to_numpy(),
        "published": (local_published(articles["published"]).to_numpy()  # mixed offsets: each outlet's wall time
                      if "published" in articles else pd.NaT),
        "text": text.to_numpy(),
        "byline": byline.to_numpy(),
        "domain": _column(articles, "url").map(_domain).to_numpy(),
    })


def _domain(url: str) -> str:
    """Host of a URL without ``www.`` ("https://www.heraldnews.com/a/1" -> "heraldnews.com")."""
    host = (urlsplit(url.strip()).hostname or "") if "//" in url else ""
    return re.sub(r"^www\d?\.", "", host)


def _same_outlet(a: str, b: str) -> bool:
    ca = canonical(a)
    return bool(ca) and ca == canonical(b)


def base_frame(arts: pd.DataFrame, raw: list[tuple]) -> pd.DataFrame:
    """Alignment-level passage frame from raw ``(a, b, a_start, a_end, b_start, b_end, words, sim, verbatim)``."""
    if not raw:
        return _empty_passages()
    ids, outlets = arts["article_id"].tolist(), arts["outlet"].tolist()
    pubs, texts = list(arts["published"]), arts["text"].tolist()
    rows = []
    for a, b, a0, a1, b0, b1, words, sim, verbatim in sorted(raw):
        rows.append({"article_a": ids[a], "a_start": int(a0), "a_end": int(a1), "article_b": ids[b],
                     "b_start": int(b0), "b_end": int(b1), "words": int(words), "similarity": float(sim),
                     "kind": "verbatim" if verbatim else "edited", "earlier": earlier_of(pubs[a], pubs[b]),
                     "taker": "unknown", "credit": "unknown", "credit_text": "", "credited": pd.NA,
                     "same_outlet": _same_outlet(outlets[a], outlets[b]), "cluster": 0, "origin": "unknown",
                     "quote_source": "", "text_a": texts[a][a0:a1], "text_b": texts[b][b0:b1],
                     "pos_a": a, "pos_b": b})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- credit of one passage
class Columns(NamedTuple):
    """The prepared article columns as plain lists (fast per-passage access)."""

    ids: list
    outlets: list
    texts: list
    bylines: list
    domains: list

    @classmethod
    def of(cls, arts: pd.DataFrame) -> "Columns":
        domains = arts["domain"].tolist() if "domain" in arts else [""] * len(arts)
        return cls(arts["article_id"].tolist(), arts["outlet"].tolist(), arts["text"].tolist(), arts["byline"].tolist(),
                   domains)


def side_credit(cols: Columns, side: int, other: int, start: int, end: int, origin: str,
                article_level: dict[str, str], window: int, copied: str = "") -> str | None:
    """Words by which article ``side`` credits ``other``'s outlet (by name or a link to its site) or the wire ``origin``.

    ``copied`` is the other side's text of the passage: a name among the copied words is part of the
    story ("a draft obtained by The Associated Press"), not a credit by the taker.
    """
    own = canonical(cols.outlets[side])
    link = cols.domains[other] if cols.domains[other] != cols.domains[side] else ""
    for target in (cols.outlets[other], origin if is_agency(origin) else "", link):
        if canonical(target) and canonical(target) != own:
            words = credits_target(cols.texts[side], start, end, target, window, article_level, cols.bylines[side],
                                   copied=copied)
            if words:
                return words
    return None


def decide_credit(row: dict, cols: Columns, origin: str, level: dict[int, dict[str, str]],
                  window: int) -> tuple[str, str, str]:
    """``(taker, credit, credit_text)`` of one passage row (with positions ``pos_a``, ``pos_b``).

    In a cluster whose origin is a wire agency, every copy but the agency's own is a taker, whatever
    the dates: two copies of one wire story are ``both`` (each took it from the agency, not one from
    the other). Otherwise the taker is the later article, or without a known order the one side that
    names the other. It is ``credited`` when every taker names the other
    side's outlet or the cluster's wire agency, ``unknown`` when no taker is known or the source's
    outlet is unknown, else ``not_credited``; when two copies of a wire story are both takers and
    only one credits, ``credit_text`` says which ("a: (AP); b: no credit").
    """
    pos = {"a": row["pos_a"], "b": row["pos_b"]}
    span = {"a": (row["a_start"], row["a_end"]), "b": (row["b_start"], row["b_end"])}
    if row["same_outlet"]:
        return ({"a": "b", "b": "a"}.get(row["earlier"], "unknown"), "unknown", "")

    def credit(s: str) -> str | None:
        o = "b" if s == "a" else "a"
        return side_credit(cols, pos[s], pos[o], *span[s], origin, level.get(pos[s], {}), window,
                           copied=row[f"text_{o}"])

    if is_agency(origin):   # every copy of a wire story took it from the agency, whatever their dates
        takers = [s for s in "ab" if canonical(cols.outlets[pos[s]]) != origin]
    elif row["earlier"] in ("a", "b"):
        takers = ["b" if row["earlier"] == "a" else "a"]
    else:
        takers = [s for s in "ab" if credit(s)]
    if not takers:
        return "unknown", "unknown", ""
    taker = takers[0] if len(takers) == 1 else "both"
    found = {s: credit(s) for s in takers}
    if all(found.values()):
        return taker, "credited", "; ".join(dict.fromkeys(v for v in found.values() if v))
    known = all(is_agency(origin) or canonical(cols.outlets[pos["b" if s == "a" else "a"]]) for s in takers)
    partial = "; ".join(f"{s}: {found[s]}" for s in takers if found[s])  # two copies, one credits: say which
    if partial:
        partial += "; " + "; ".join(f"{s}: no credit" for s in takers if not found[s])
    return taker, ("not_credited" if known else "unknown"), partial


# --------------------------------------------------------------------------- shared quotations
def _sentences_for(arts: pd.DataFrame, positions: set[int], sentences: pd.DataFrame | None,
                   log_rows: list[dict[str, Any]]) -> dict[Any, pd.DataFrame]:
    ids = [arts["article_id"].iat[k] for k in sorted(positions)]
    if sentences is None:
        from ..segment import sentences as split

        def one(k: int) -> pd.DataFrame:
            return split(arts.iloc[[k]][["article_id", "outlet", "published", "text"]].reset_index(drop=True))
        found = dict(per_article("reuse", [(arts["article_id"].iat[k], k) for k in sorted(positions)], one, log_rows))
        return found
    sub = sentences[sentences["article_id"].isin(ids)]
    return {aid: g.sort_values("start") for aid, g in sub.groupby("article_id", sort=False)}


def mark_shared_quotes(frame: pd.DataFrame, arts: pd.DataFrame, sentences: pd.DataFrame | None,
                       min_quoted: float, log_rows: list[dict[str, Any]], max_unquoted: int = DEFAULTS["min_match"]
                       ) -> pd.DataFrame:
    """Set ``kind="shared_quote"`` and ``quote_source`` where both sides quote the same third source.

    Only passages with ``min_quoted`` of their words inside quotation marks and fewer than
    ``max_unquoted`` words outside them on each side qualify: when the narration around a
    quotation matches too, one article copied the other (a wire story built around a quotation).
    A passage of one sentence holding a quotation (half of ``min_quoted`` of its words quoted)
    qualifies too: the words outside the marks are the quotation's attribution ("said Interior
    Secretary Deb Haaland at a news conference"), which two outlets at one event write alike.
    """
    texts = arts["text"].tolist()
    spans: dict[int, list[tuple[int, int]]] = {}

    def quoted(k: int, s: int, e: int, words: int) -> bool:
        if k not in spans:
            spans[k] = quote_spans(texts[k])
        if not spans[k]:
            return False
        share = quoted_share(texts[k], s, e, spans[k])
        if share >= min_quoted and (1 - share) * words < max_unquoted:
            return True
        # one sentence holding a quotation: the words outside the marks are its attribution
        # ('"...," said Interior Secretary Deb Haaland at a news conference in Las Vegas.')
        return share >= min_quoted / 2 and one_sentence(texts[k][s:e])

    cand = [i for i, r in enumerate(frame.itertuples(index=False))
            if not r.same_outlet and quoted(r.pos_a, r.a_start, r.a_end, r.words)
            and quoted(r.pos_b, r.b_start, r.b_end, r.words)]
    if not cand:
        return frame
    sub = frame.iloc[cand]
    sents = _sentences_for(arts, set(sub["pos_a"]) | set(sub["pos_b"]), sentences, log_rows)
    empty = pd.DataFrame()
    for i in cand:
        r = frame.iloc[i]
        outlets = {canonical(arts["outlet"].iat[r["pos_a"]]).lower(), canonical(arts["outlet"].iat[r["pos_b"]]).lower()}
        src = same_source(sentence_sources(sents.get(r["article_a"], empty), r["a_start"], r["a_end"]),
                          sentence_sources(sents.get(r["article_b"], empty), r["b_start"], r["b_end"]), outlets)
        if src:
            frame.iloc[i, frame.columns.get_indexer(["kind", "quote_source"])] = ["shared_quote", src]
    return frame


# --------------------------------------------------------------------------- outlet boilerplate
#: Articles of one outlet that must end (or start) with the same words for them to be its boilerplate.
BOILERPLATE_ARTICLES = 3
_NO_WORD = re.compile(r"\W*", re.S)


def _edge(text: str, start: int, end: int) -> str:
    """``"end"``/``"start"`` when the span ends/starts the text (only punctuation or space beyond it),
    ``""`` otherwise or when the span is the whole text."""
    at_end, at_start = _NO_WORD.fullmatch(text, end), _NO_WORD.fullmatch(text, 0, start)
    if at_end and at_start:
        return ""
    return "end" if at_end else "start" if at_start else ""


def outlet_boilerplate_spans(arts: pd.DataFrame, raw: list[tuple]) -> dict[int, list[tuple[int, int]]]:
    """Per article position: spans of text its outlet repeats word for word at the same edge of many articles.

    A verbatim same-outlet passage that ends (or starts) both articles, without being either one
    whole, is boilerplate: a newsletter footer when the same words end ``BOILERPLATE_ARTICLES`` or
    more articles of that outlet, a standing header when they start half of its articles (and 3 or
    more; fewer are an updated story's lead, rerun by its outlet).
    """
    outlets = [canonical(o) for o in arts["outlet"].tolist()]
    texts = arts["text"].tolist()
    groups: dict[tuple[str, str, tuple[str, ...]], dict[int, tuple[int, int]]] = {}
    for a, b, a0, a1, b0, b1, _, _, verbatim in raw:
        if not verbatim or not outlets[a] or outlets[a] != outlets[b]:
            continue
        edge = _edge(texts[a], a0, a1)
        if not edge or _edge(texts[b], b0, b1) != edge:
            continue
        members = groups.setdefault((outlets[a], edge, tuple(tokens(texts[a][a0:a1]))), {})
        members[a], members[b] = (a0, a1), (b0, b1)
    per_outlet = pd.Series(outlets).value_counts().to_dict()
    out: dict[int, list[tuple[int, int]]] = {}
    for (outlet, edge, _), members in groups.items():
        # a footer ends 3+ articles; the same opening words are an updated story's lead unless
        # half the outlet's articles start with them (a standing header)
        need = BOILERPLATE_ARTICLES if edge == "end" else max(BOILERPLATE_ARTICLES, per_outlet[outlet] / 2)
        if len(members) >= need:
            for k, span in members.items():
                out.setdefault(k, []).append(span)
    return out


def drop_outlet_boilerplate(arts: pd.DataFrame, raw: list[tuple]) -> list[tuple]:
    """``raw`` without passages lying (80 % or more) inside an outlet's boilerplate on either side.

    An outlet's own footer is no reuse between its articles, nor between another article and each
    of them; an article that copied one of them whole keeps its passage (story and footer together
    are no boilerplate).
    """
    spans = outlet_boilerplate_spans(arts, raw)
    if not spans:
        return raw

    def inside(k: int, s: int, e: int) -> bool:
        return any(min(e, be) - max(s, bs) >= 0.8 * (e - s) for bs, be in spans.get(k, ()))
    return [r for r in raw if not (inside(r[0], r[2], r[3]) or inside(r[1], r[4], r[5]))]


# --------------------------------------------------------------------------- annotate
def annotate_passages(arts: pd.DataFrame, raw: list[tuple], options: dict[str, Any],
                      sentences: pd.DataFrame | None = None,
                      log_rows: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """The public passage frame: clusters, origins, credit and shared quotations on raw alignments.

    Args:
        arts: :func:`prepare` frame.
        raw: ``(a, b, a_start, a_end, b_start, b_end, words, similarity, verbatim)`` with positions
            into ``arts``.
        options: find_reuse options (``credit_window``, ``min_quoted``).
        sentences: The :func:`srcanalysis.sentences` frame of these articles, for shared quotations
            (computed for the few articles concerned when ``None``).
        log_rows: Receives per-article failures.
    """
    log_rows = [] if log_rows is None else log_rows
    frame = base_frame(arts, drop_outlet_boilerplate(arts, raw))
    if frame.empty:
        return frame
    try:
        frame = mark_shared_quotes(frame, arts, sentences, options.get("min_quoted", DEFAULTS["min_quoted"]),
                                   log_rows, options.get("min_match", DEFAULTS["min_match"]))
    except Exception as exc:  # noqa: BLE001  e.g. a sentences frame without source columns
        record_error(log_rows, "*", "reuse:shared_quotes", exc)
    frame["cluster"] = passage_clusters(frame).to_numpy()
    taking = frame["kind"] != "shared_quote"
    between = taking & ~frame["same_outlet"]      # an outlet's own repeats need no credit search
    involved = sorted(set(frame.loc[between, "pos_a"]) | set(frame.loc[between, "pos_b"]))
    cols = Columns.of(arts)
    ids = cols.ids
    level = dict(found for _, found in per_article(
        "reuse", [(ids[k], k) for k in involved],
        lambda k: (k, article_credits(cols.texts[k], cols.bylines[k])), log_rows))
    origins = cluster_origins(frame[taking], frame.loc[taking, "cluster"], dict(zip(ids, arts["outlet"])),
                              dict(zip(ids, arts["published"])), {ids[k]: v for k, v in level.items()})
    quote_origin = frame.loc[~taking].groupby("cluster")["quote_source"].first().to_dict()
    frame["origin"] = frame["cluster"].map(lambda c: origins.get(c, quote_origin.get(c, "unknown")))
    window = options.get("credit_window", DEFAULTS["credit_window"])
    records = frame.to_dict("records")
    decided = []
    for row in records:
        if row["kind"] == "shared_quote":
            decided.append(("unknown", "unknown", ""))
            continue
        try:
            decided.append(decide_credit(row, cols, row["origin"], level, window))
        except Exception as exc:  # noqa: BLE001  one article never sinks a run
            record_error(log_rows, row["article_b"], "reuse", exc)
            decided.append(("unknown", "unknown", ""))
    frame["taker"], frame["credit"], frame["credit_text"] = (list(x) for x in zip(*decided))
    frame["credited"] = frame["credit"].map({"credited": True, "not_credited": False}).astype("boolean")
    frame = frame.drop(columns=["pos_a", "pos_b"])[PASSAGE_COLUMNS]
    return frame.astype({c: t for c, t in _DTYPES.items() if t is not object})


class NotSearched(UserWarning):
    """Recorded in ``attrs["errors"]`` when text shared across outlets was left out of the search."""


def anchor_rank(arts: pd.DataFrame) -> np.ndarray:
    """Anchor preference of each article for hub stories: agency first, then earliest, then corpus order."""
    not_agency = (~arts["outlet"].map(is_agency)).to_numpy(dtype=np.int64)
    pub = pd.to_datetime(arts["published"], errors="coerce")
    when = np.where(pub.isna(), np.iinfo(np.int64).max, pub.to_numpy(dtype="datetime64[ns]").view(np.int64))
    order = np.lexsort((np.arange(len(arts)), when, not_agency))
    rank = np.empty(len(arts), dtype=np.int64)
    rank[order] = np.arange(len(arts))
    return rank


def note_not_searched(report: Any, max_df: int, log_rows: list[dict[str, Any]]) -> None:
    """Record (article ``*``, stage ``reuse:not_searched``) when articles of other outlets share an outlet's boilerplate."""
    if report.other_outlet_articles:
        record_error(log_rows, "*", "reuse:not_searched", NotSearched(
            f"{report.other_outlet_articles} article(s) share text with more than max_df={max_df} articles of "
            f"one outlet ({report.boilerplate_ngrams} n-grams treated as that outlet's boilerplate): their "
            f"copies of it were found only through rarer words; raise max_df to search it"))


def find_reuse(articles: pd.DataFrame, *, engine: str = "python", sentences: pd.DataFrame | None = None,
               **options: Any) -> pd.DataFrame:
    """Find passages reused between articles (verbatim or edited), say who took them and whether they credited it.

    Args:
        articles: The :func:`srcanalysis.read_articles` frame (``article_id``, ``outlet``,
            ``published``, ``text``; ``credit`` and ``author`` are read for bylines and ``url`` for
            link credits when present). The same article given twice is kept once.
        engine: ``"python"`` (in process, numpy-vectorised index) or ``"spark"`` (pyspark, for
            corpora beyond one machine; needs the ``spark`` extra). Both return the same passages,
            except for text in more than ``max_df`` articles, which only the in-process engine
            searches through an anchor copy (Spark records a ``reuse:not_searched`` row instead).
        sentences: Optional :func:`srcanalysis.sentences` frame of the same articles; its source
            columns (``source_name`` when present, else ``source``; ``source_type``) decide shared
            quotations. When ``None`` the few articles concerned are split and tagged here.
        **options: Tuning knobs, defaults in :data:`srcanalysis.reuse.options.DEFAULTS`, measured with
            ``bench/bench_reuse.py`` (first 10k Reuters-21578 bodies + 1,000 planted copies with
            0/3/8 % of words edited, plus short-text and heavy-revision clusters; see the README):

            * ``ngram`` (5): words per indexed n-gram. 4: same recall, precision 0.994, 35 % slower;
              6: recall 0.998 (8 %-edited copies 0.994), 30 % faster.
            * ``max_df`` (50): an n-gram in more articles is boilerplate and ignored when more
              than ``max_df`` or more than half of them come from one outlet (a footer, a tagline,
              a templated brief; passim drops every
              n-gram above its max-df, 100). Otherwise it is a *hub*, one story run by many
              outlets: each copy is paired with the hub's anchor (the agency's own article, else
              the earliest) when they share about two sentences of it, so 80 copies of one wire
              story cost 80 alignments, not 3,160 (see :mod:`.index`). When articles of other
              outlets share an outlet's boilerplate, ``sa.errors(result)`` has a
              ``reuse:not_searched`` row: their copies of that text were found only through rarer
              words; raise ``max_df`` to search it. The Spark engine drops every n-gram above
              ``max_df`` (no hub search).
            * ``min_shared`` (3): rare n-grams two articles must share before they are aligned.
            * ``short_text`` (0, off): when > 0, two articles sharing only 2 rare n-grams are
              aligned too if the shorter has at most this many n-grams. Heavy rewrites of a short
              text keep few 5-grams: with 300, 8 of 12 invented 130-word rewrites with about 55 %
              of the words changed paired with their source instead of 6, but on 10k Reuters
              bodies it added 48 % passages (templated briefs) and doubled the time. Python
              engine only.
            * ``seed_ngram`` (3): words per alignment seed; 3 keeps edited passages together.
            * ``gap`` (40): largest unmatched stretch (words) inside one passage.
            * ``min_match`` (12): matching words a passage needs.
            * ``min_similarity`` (0.6): difflib ratio of the two token spans a passage needs;
              passages shorter than ``2 * min_match`` words need ``(1 + min_similarity) / 2`` (0.8).
            * ``credit_window`` (250): characters before/after a passage searched for a credit.
            * ``min_containment`` (0.2): paraphrase fallback for a candidate pair with no close
              passage: when its seed chains cover this share of the shorter text on both sides,
              their whole stretch is one ``edited`` passage (heavy rewrites; its similarity is the
              share of the stretch's words inside shared seeds). Measured on 40 short
              sources with 19 derived texts each (``bench_reuse.py --clusters``), heavy revisions
              with about half the words changed pair with their source at 0.3: 96.5 %, 0.25:
              99.5 %, 0.2: 100 %, 0.15: 100 % with more false pairs; at 0.2 the same-subject
              texts that are not derived give no more false pairs than at 0.3. The price: about
              30 % more Reuters-internal pairs (templated market reports) on 10k Reuters bodies
              and a slower run there. ``None`` turns it off.
            * ``min_quoted`` (0.6): share of a passage's words inside quotation marks, on both
              sides, for it to be a shared quotation (when both attribute it to the same source
              and fewer than ``min_match`` of its words lie outside the quotation marks: matching
              narration around the quote means one article copied the other).
            * ``spark`` (SparkSession, spark engine only): session to use (default: get or create).

    Returns:
        One row per aligned passage (:data:`PASSAGE_COLUMNS`): ``article_a``, ``a_start``, ``a_end``,
        ``article_b``, ``b_start``, ``b_end`` (character offsets into the original texts), ``words``
        (in the shorter side), ``similarity`` (0-1), ``kind`` (``verbatim``, ``edited`` or
        ``shared_quote``), ``earlier`` (``a``, ``b`` or ``unknown``, from ``published``), ``taker``
        (``a``, ``b``, ``both`` for two copies of one wire story, or ``unknown``), ``credit``
        (``credited``, ``not_credited`` or ``unknown``: the source's outlet is unknown, the direction
        is unknown and neither names the other, one outlet reran its own text, or a shared
        quotation), ``credit_text`` (the words that gave the credit), ``credited`` (nullable
        boolean of the same), ``same_outlet``, ``cluster`` (passages sharing text), ``origin`` (the
        cluster's wire agency, else its earliest outlet, else ``unknown``), ``quote_source`` (the
        third source of a shared quotation), ``text_a``, ``text_b``. ``article_a`` is the article
        that comes first in ``articles``. Failures of single articles are in ``sa.errors(result)``.

    Raises:
        ValueError: ``engine`` is not ``python`` or ``spark``, or a required column is missing.
        TypeError: An unknown option.

    Example:
        >>> import pandas as pd
        >>> t = "Officials said the bridge would stay closed for at least two more weeks while engineers inspect it."
        >>> arts = pd.DataFrame({"article_id": [1, 2], "outlet": ["A", "B"],
        ...                      "published": pd.NaT, "text": [t, "Update: " + t]})
        >>> find_reuse(arts)[["article_a", "article_b", "kind", "words", "earlier", "credit"]].to_dict("records")
        [{'article_a': 1, 'article_b': 2, 'kind': 'verbatim', 'words': 17, 'earlier': 'unknown', 'credit': 'unknown'}]
    """
    unknown = set(options) - set(DEFAULTS) - {"spark"}
    if unknown:
        raise TypeError(f"unknown find_reuse options: {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    if engine not in ("python", "spark"):
        raise ValueError(f"engine must be 'python' or 'spark', not {engine!r}")
    opts = {**DEFAULTS, **{k: v for k, v in options.items() if k != "spark"}}
    arts = prepare(articles)
    ids = arts["article_id"].tolist()
    log_rows: list[dict[str, Any]] = []
    if len(arts) < len(articles):
        record_error(log_rows, "*", "reuse:duplicates", NotSearched(
            f"{len(articles) - len(arts)} row(s) repeat an article already given (same article_id and text): kept once"))
    on_error: Callable[[int, BaseException], None] = lambda k, exc: record_error(log_rows, ids[k], "reuse", exc)  # noqa: E731
    if engine == "spark":
        if opts["short_text"]:
            raise ValueError("short_text is not supported by the spark engine; use engine='python'")
        from .spark import spark_raw_passages
        raw, dropped = spark_raw_passages(arts, opts, spark=options.get("spark"))
        if dropped:  # the Spark engine has no anchor search for hub stories: never a silent undercount
            record_error(log_rows, "*", "reuse:not_searched", NotSearched(
                f"engine='spark' dropped {dropped} n-gram(s) found in more than max_df={opts['max_df']} articles "
                "without the in-process engine's search for stories many outlets ran: such copies may be "
                "missing; use engine='python' or raise max_df"))
    else:
        texts = arts["text"].tolist()
        pairs, common, report = candidate_pairs(texts, ngram=opts["ngram"], max_df=opts["max_df"],
                                                min_shared=opts["min_shared"], short_text=opts["short_text"],
                                                return_common=True, return_report=True, on_error=on_error,
                                                outlets=pd.factorize(arts["outlet"].map(canonical))[0],
                                                rank=anchor_rank(arts))
        note_not_searched(report, opts["max_df"], log_rows)
        raw = align_pairs(texts, zip(pairs["a"].tolist(), pairs["b"].tolist()), opts, common, on_error)
    frame = annotate_passages(arts, raw, opts, sentences, log_rows)
    return carry_errors(frame, articles, new=log_rows)

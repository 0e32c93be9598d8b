"""A self-contained HTML report for people who do not open notebooks.

``srcanalysis report PATH... -o report/`` (or :func:`write_report`) runs the three analyses and
writes ``report/index.html`` (inline CSS and a few lines of inline JavaScript to sort tables,
charts embedded as PNG data, nothing fetched from the network) plus the CSV tables behind it and
``srcanalysis.db``, a SQLite file with one table per CSV (open it with Datasette, ``sqlite3`` or any
SQL tool). Articles appear by their (shortened) title, the id on hover. An article that could not
be read, or that broke a stage, gets a short note of its own in "What could not be read"; the
other articles and every section go on. Only a fault in a section's own code (not in one article)
replaces that section with a note.
"""
from __future__ import annotations

import base64
import html
import io
import logging
import re
import sqlite3
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .engine import by_article, map_articles  # noqa: E402
from .errors import ERROR_COLUMNS, errors  # noqa: E402
from .sources.headline import anonymous_answer, anonymous_shares, plot_anonymous_shares  # noqa: E402
from .loading import skipped  # noqa: E402
from .schema import SOURCE_TYPES  # noqa: E402
from .style import SOURCE_COLORS, style  # noqa: E402

__all__ = ["write_report", "write_sqlite", "MAX_ARTICLES_SHOWN", "TITLE_CHARS"]

log = logging.getLogger(__name__)

#: Most articles shown in full on the page (all are in the CSVs).
MAX_ARTICLES_SHOWN = 200

#: Titles are cut to this many characters in tables (the full title and the id show on hover).
TITLE_CHARS = 48

#: Columns holding article ids: tables show the article's title instead.
ARTICLE_ID_COLUMNS = ("article_id", "article_a", "article_b")

#: Columns indexed in ``srcanalysis.db`` when a table has them.
INDEXED_COLUMNS = ("article_id", "article_a", "article_b", "outlet", "outlet_a", "outlet_b")

_TITLES: ContextVar[dict[str, str]] = ContextVar("srcanalysis_report_titles", default={})

CSS = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45;overflow-wrap:break-word}
h1{font-size:1.8em;margin-bottom:.2em;line-height:1.2}h2{border-bottom:2px solid #eee;padding-bottom:.2em;margin-top:2em}
.lede{color:#333}.lede p{margin:.4em 0}.answer{font-size:1.05em;background:#f4f8fb;border-left:4px solid #0072B2;
padding:.6em 1em}.figs{display:flex;flex-wrap:wrap;gap:1em}.figs img{max-width:100%;height:auto;border:1px solid #eee}
.fig{max-width:100%;overflow-x:auto}
.tbl{max-width:100%;max-height:34em;overflow:auto;margin:1em 0;border:1px solid #eee;
background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/40px 100% no-repeat local,
linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/40px 100% no-repeat local,
radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.18),transparent) left/14px 100% no-repeat scroll,
radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.18),transparent) right/14px 100% no-repeat scroll}
table{border-collapse:collapse;font-size:.85em;width:max-content;min-width:100%}
th,td{padding:.25em .6em;border-bottom:1px solid #eee;text-align:right;vertical-align:top}
th{background:#fafafa;position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap}
th:after{content:" \\2195";color:#bbb;font-size:.8em}th[aria-sort=ascending]:after{content:" \\2191";color:#333}
th[aria-sort=descending]:after{content:" \\2193";color:#333}
td.l,th.l{text-align:left}td.l{max-width:28em}td.art{white-space:nowrap;max-width:none}
.note{background:#fff8e6;padding:.6em 1em;border-left:4px solid #E69F00}.note h2{margin-top:.2em}.note.small{font-size:.85em;margin:.3em 0}
.legend span{display:inline-block;padding:.1em .5em;margin:.1em;border-radius:3px;font-size:.85em}
.article{border:1px solid #eee;padding:.5em 1em;margin:1em 0}.article h3{margin:.3em 0;font-size:1.05em}
.meta{color:#666;font-size:.85em}.s{border-radius:2px;padding:0 1px}.reused{text-decoration:underline;
text-decoration-color:#000;text-decoration-thickness:2px}details summary{cursor:pointer}
@media (max-width:600px){body{margin:1em auto;padding:0 .6em}h1{font-size:1.4em}.tbl{max-height:26em}
td.art{white-space:normal;min-width:11em}.figs img{max-width:none;width:640px}}
"""

#: Sorting for every ``table.sortable``: click a header (or focus it and press Enter) to sort by
#: that column; numbers compare as numbers (cells carry their raw value in ``data-v``).
JS = """
(function(){
function key(row,i){var c=row.cells[i];return c?c.getAttribute('data-v')||'':'';}
function sortBy(th){
 var table=th.closest('table'),body=table.tBodies[0],i=Array.prototype.indexOf.call(th.parentNode.children,th);
 var asc=th.getAttribute('aria-sort')!=='ascending';
 Array.prototype.forEach.call(table.querySelectorAll('th'),function(h){h.removeAttribute('aria-sort');});
 th.setAttribute('aria-sort',asc?'ascending':'descending');
 var rows=Array.prototype.slice.call(body.rows);
 rows.sort(function(a,b){var x=key(a,i),y=key(b,i),nx=Number(x),ny=Number(y);
  var c=(x!==''&&y!==''&&!isNaN(nx)&&!isNaN(ny))?nx-ny:(x===''?1:y===''?-1:x.localeCompare(y));
  return asc?c:-c;});
 rows.forEach(function(r){body.appendChild(r);});
}
Array.prototype.forEach.call(document.querySelectorAll('table.sortable th'),function(th){
 th.tabIndex=0;th.title='Sort by this column';
 th.addEventListener('click',function(){sortBy(th);});
 th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();sortBy(th);}});
});
})();
"""


def _png(ax: plt.Axes) -> str:
    buf = io.BytesIO()
    with style():
        ax.figure.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    title = ax.get_title(loc="left") or ax.get_title() or "chart"
    plt.close(ax.figure)
    return (f'<div class="fig"><img alt="{html.escape(title, quote=True)}" src="data:image/png;base64,'
            + base64.b64encode(buf.getvalue()).decode("ascii") + '"></div>')


def _short(text: str, limit: int = TITLE_CHARS) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut.

    Example:
        >>> _short("Pentagon officials discuss plans for the new channel with Moscow", 30)
        'Pentagon officials discuss…'
    """
    text = re.sub(r"\s+", " ", str(text)).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] if " " in text[:limit - 1] else text[:limit - 1]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def _article_name(article_id: Any) -> tuple[str, str]:
    """``(short title, hover text)`` for an article id; the id itself when the title is unknown."""
    aid = "" if article_id is None else str(article_id)
    title = _TITLES.get().get(aid, "")
    if not title:
        return aid, f"id {aid}"
    return _short(title), f"{title} (id {aid})"


def _name_html(article_id: Any) -> str:
    """An article's short title with the full title and id on hover (HTML)."""
    short, tip = _article_name(article_id)
    return f"<span title='{html.escape(tip, quote=True)}'>{html.escape(short)}</span>"


def _cell(col: str, value: Any, numeric: bool) -> str:
    if value is None or (not isinstance(value, (str, list, tuple, dict)) and pd.isna(value)):
        return f"<td class='{'' if numeric else 'l'}' data-v=''></td>"
    if col in ARTICLE_ID_COLUMNS:
        short, _ = _article_name(value)
        return f"<td class='l art' data-v='{html.escape(short, quote=True)}'>{_name_html(value)}</td>"
    raw = value
    if isinstance(value, pd.Timestamp):
        value = str(value.date()) if value == value.normalize() else str(value)
    elif isinstance(value, pd.Timedelta):
        raw = value.total_seconds()
        value = f"{value.days:,} days" if value == pd.Timedelta(days=value.days) else str(value)
    elif isinstance(value, float):
        value = f"{value:,.3f}".rstrip("0").rstrip(".")
    elif isinstance(value, bool) or not numeric:
        value = str(value)
    else:
        value = f"{value:,}" if isinstance(value, int) else str(value)
    return (f"<td class='{'' if numeric else 'l'}' data-v='{html.escape(str(raw), quote=True)}'>"
            f"{html.escape(str(value))}</td>")


def _table(frame: pd.DataFrame, max_rows: int = 30) -> str:
    """A scrollable, click-to-sort HTML table of the first ``max_rows`` rows (all rows are in the CSV)."""
    if frame is None or frame.empty:
        return "<p class='meta'>No rows.</p>"
    shown = frame.head(max_rows)
    numeric = {c: pd.api.types.is_numeric_dtype(shown[c]) and not pd.api.types.is_bool_dtype(shown[c])
               for c in shown.columns}
    label = {"article_id": "article"}
    head = "".join(f"<th class='{'' if numeric[c] else 'l'}' scope='col'>{html.escape(label.get(str(c), str(c)))}</th>"
                   for c in shown.columns)
    rows = ["<tr>" + "".join(_cell(col, value, numeric[col]) for col, value in zip(shown.columns, rec)) + "</tr>"
            for rec in shown.itertuples(index=False)]
    more = (f"<p class='meta'>Showing {max_rows:,} of {len(frame):,} rows (sorting applies to these); "
            "all rows are in the CSV.</p>" if len(frame) > max_rows else "")
    return f"<div class='tbl'><table class='sortable'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{more}"


def _section(title: str, build: Callable[[], str]) -> str:
    try:
        body = build()
    except Exception as exc:  # a fault in the section's own code must not take the whole report down  # noqa: BLE001
        log.warning("report section %r failed: %s", title, exc)
        body = f"<p class='note'>This section could not be computed: {html.escape(type(exc).__name__)}: {html.escape(str(exc))}</p>"
    anchor = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"<section id='{anchor}'><h2>{html.escape(title)}</h2>{body}</section>"


def _legend() -> str:
    spans = "".join(f"<span style='background:{SOURCE_COLORS.get(t, '#EEEEEE')}'>{t.replace('_', ' ')}</span>" for t in SOURCE_TYPES)
    return f"<p class='legend'>Sentence colours: {spans} <span class='reused'>underlined</span> = reused passage</p>"


def _problem_note(problems: pd.DataFrame) -> str:
    """The short "could not be read" note shown on one article's card."""
    if problems.empty:
        return ""
    items = "; ".join(f"{html.escape(str(r.stage))}: {html.escape(str(r.error))} ({html.escape(str(r.message)[:160])})"
                      for r in problems.itertuples())
    return (f"<p class='note small'>Part of this article could not be read, so it is missing from the figures "
            f"of that stage: {items}.</p>")


def _article_anchor(article_id: Any) -> str:
    return "a-" + re.sub(r"[^A-Za-z0-9_-]+", "-", str(article_id))


#: Sentence columns shown in a sentence's hover text, with their labels (shown when present and set).
SENTENCE_TIP_FIELDS = [("source", "source"), ("source_name", "who"), ("rule", "rule"),
                       ("anonymity_reason", "reason given"), ("event_expression", "date"),
                       ("event_begin", "event from"), ("event_end", "to"), ("event_basis", "dated by")]

#: Article columns shown on an article's card, with their labels (shown when present and set).
ARTICLE_META_FIELDS = [("author", "by"), ("credit", "credit"), ("published_from", "date from"),
                       ("page_type", "page")]


def _present(value: Any) -> bool:
    return value is not None and not (np.ndim(value) == 0 and pd.isna(value)) and str(value).strip() != ""


def _shown(value: Any) -> str:
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return str(value.date())
    return str(value)


def _fields(record: Any, fields: list[tuple[str, str]]) -> str:
    """" · label: value" for each field of ``record`` (a row or Series) that is present and set."""
    get = record.get if isinstance(record, pd.Series) else (lambda c, d=None: getattr(record, c, d))
    return "".join(f" · {label}: {_shown(get(col))}" for col, label in fields if _present(get(col, None)))


def _article_html(article: pd.Series, sents: pd.DataFrame, reused: list[tuple[int, int]],
                  problems: pd.DataFrame | None = None) -> str:
    text = article["text"]
    parts, pos = [], 0
    for row in sents.itertuples():
        if row.start > pos:
            parts.append(html.escape(text[pos:row.start]).replace("\n\n", "<br><br>"))
        typ = str(row.source_type)
        colour = SOURCE_COLORS.get(typ, "#fff") if typ != "unattributed" else "transparent"
        tip = typ.replace("_", " ") + _fields(row, SENTENCE_TIP_FIELDS)
        is_reused = any(a < row.end and b > row.start for a, b in reused)
        cls = "s reused" if is_reused else "s"
        parts.append(f"<span class='{cls}' style='background:{colour}' title='{html.escape(tip, quote=True)}'>"
                     f"{html.escape(text[row.start:row.end])}</span>")
        pos = row.end
    parts.append(html.escape(text[pos:]))
    date = "" if pd.isna(article["published"]) else f" · {pd.Timestamp(article['published']).date()}"
    note = _problem_note(problems if problems is not None else pd.DataFrame(columns=ERROR_COLUMNS))
    return (f"<div class='article' id='{_article_anchor(article['article_id'])}'>"
            f"<h3>{html.escape(article['title'] or article['article_id'])}</h3>"
            f"<p class='meta'>{html.escape(article['outlet'] or 'unknown outlet')}{date}"
            f"{html.escape(_fields(article, ARTICLE_META_FIELDS))} · id {html.escape(article['article_id'])}</p>"
            f"{note}<details><summary>Show text</summary><p>{''.join(parts)}</p></details></div>")


def _taking_sentence(per_article: pd.DataFrame, n_passages: int) -> str:
    """The reuse headline, counted per taking article (each reused word once, however many copies it
    matches), so two copies of one wire story matching each other are not a third taking.

    Example:
        >>> t = pd.DataFrame({"reused_words": [0, 71, 69], "credited_words": [0, 71, 0],
        ...                   "uncredited_words": [0, 0, 69], "unknown_credit_words": [0, 0, 0]})
        >>> _taking_sentence(t, 3)
        '2 articles took 140 words from another outlet or a wire agency: 71 words credited (1 article), 69 not credited (1 article), 0 unknown (0 articles). They match in 3 passages (copies of one wire story also match each other).'
    """
    from .style import plural

    takers = per_article[per_article["reused_words"] > 0]
    part = {k: (int(takers[f"{k}_words"].sum()), int((takers[f"{k}_words"] > 0).sum()))
            for k in ("credited", "uncredited", "unknown_credit")}
    return (f"{plural(len(takers), 'article')} took {plural(int(takers['reused_words'].sum()), 'word')} from another "
            f"outlet or a wire agency: {plural(part['credited'][0], 'word')} credited "
            f"({plural(part['credited'][1], 'article')}), {part['uncredited'][0]:,} not credited "
            f"({plural(part['uncredited'][1], 'article')}), {part['unknown_credit'][0]:,} unknown "
            f"({plural(part['unknown_credit'][1], 'article')}). They match in {plural(n_passages, 'passage')} "
            "(copies of one wire story also match each other).")


def _top_articles(by_article: pd.DataFrame, n: int = 15) -> str:
    """The articles with anonymous sources, most anonymous sentences first (a share resting on one or
    two sourced sentences does not rank an article first), with each share's interval and the
    ``_small`` flag for fewer than 30 sourced sentences (none: a sentence)."""
    cols = ["article_id", "outlet", "sentences", "sourced", "anonymous", "anonymous_of_sourced",
            "anonymous_of_sourced_low", "anonymous_of_sourced_high", "anonymous_of_sourced_small"]
    top = by_article[by_article["anonymous"] > 0]
    if top.empty:
        return "<p>No article rests on an anonymous source.</p>"
    top = top.sort_values(["anonymous", "sourced"], ascending=False, kind="stable")
    return ("<p class='note'>Ranked by the number of anonymous sentences. A share of an article with few sourced "
            "sentences (<code>anonymous_of_sourced_small</code>) says little: read its interval.</p>"
            + _table(top[[c for c in cols if c in top]], n))


def write_report(articles: pd.DataFrame, out_dir: str | Path, *, title: str = "How these articles are sourced",
                 jobs: int = 1) -> Path:
    """Run all three analyses on ``articles`` and write an HTML page with the tables behind it.

    Args:
        articles: A :func:`srcanalysis.read_articles` frame.
        out_dir: Folder for ``index.html``, the CSVs and ``srcanalysis.db`` (created if needed).
        title: Page title.
        jobs: Processes for the per-article stages (see :func:`srcanalysis.engine.map_articles`).

    Returns:
        Path of ``index.html``. Beside it: ``articles.csv`` (every column but the text, to join ids to
        titles), ``sentences.csv``, ``anonymous_shares.csv`` (the lede's
        shares per outlet with 95 % intervals, see :func:`srcanalysis.sources.headline.anonymous_shares`), ``profile.csv``,
        ``profile_outlets.csv``, ``timeline.csv``, ``gaps.csv``, ``passages.csv`` (and the reuse
        summaries), ``errors.csv``, ``skipped.csv`` and ``warnings.csv`` (what could not be read, or only in part), and
        ``srcanalysis.db`` holding each CSV as a table (see :func:`write_sqlite`).

        A frame that did not come from :func:`srcanalysis.read_articles` (no ``article_id`` or
        ``title`` column) is read through it first, so its columns are mapped as a corpus's are.
    """
    if not {"article_id", "title", "text"} <= set(articles.columns):
        from .loading import read_articles

        articles = read_articles(articles)
    token = _TITLES.set({str(a): str(t) for a, t in zip(articles["article_id"], articles.get("title", articles["article_id"]))
                         if isinstance(t, str) and t.strip()})
    try:
        return _write_report(articles, Path(out_dir), title, jobs)
    finally:
        _TITLES.reset(token)


def _write_report(articles: pd.DataFrame, out: Path, title: str, jobs: int) -> Path:
    from .reuse.plot import plot_reuse_matrix, plot_reused_share
    from .sources.plot import plot_anonymous_by_position, plot_source_mix, plot_source_strip
    from .time.plot import plot_reporting_lag, plot_timeline
    from .sources.profile import source_profile
    from .reuse import find_reuse, reuse_summary
    from .segment import sentences
    from .time.timeline import lag_summary, timeline, timeline_gaps

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.csv"):  # tables of an earlier run must not reach srcanalysis.db
        old.unlink()
    sents = map_articles("sentences", articles, jobs=jobs) if jobs != 1 else sentences(articles)
    articles.drop(columns=["text"], errors="ignore").to_csv(out / "articles.csv", index=False)  # ids to titles
    sents.to_csv(out / "sentences.csv", index=False)
    if "source_type" in sents.columns:  # the lede's figures, with their 95 % intervals
        anonymous_shares(sents, by="outlet").to_csv(out / "anonymous_shares.csv", index=False)
    state: dict[str, Any] = {"sentences": sents}

    def sources_section() -> str:
        by_outlet = source_profile(sents, by="outlet")
        by_article = source_profile(sents)
        by_outlet.to_csv(out / "profile_outlets.csv", index=False)
        titles = articles.set_index("article_id")["title"] if "title" in articles else pd.Series(dtype=str)
        by_article.insert(1, "title", by_article["article_id"].map(titles))  # a CSV read on its own names its rows
        by_article.to_csv(out / "profile.csv", index=False)
        from .sources.headline import anonymous_headline
        figs = [_png(plot_source_mix(sents, by="outlet")), _png(plot_anonymous_by_position(sents)),
                _png(plot_source_strip(sents, max_articles=12, titles=articles.set_index("article_id")["title"]))]
        cols = ["outlet", "sentences", "sourced", "anonymous", "unnamed_person", "unnamed_group", "named_person",
                "named_org", "media", "document", "no_comment", "anonymous_of_sourced",
                "anonymous_of_sourced_low", "anonymous_of_sourced_high", "anonymous_of_all",
                "anonymous_with_reason", "anonymous_per_1000_words"]
        cols = [c for c in cols if c in by_outlet]
        return (f"<p><strong>{html.escape(anonymous_headline(sents))}</strong></p>"
                "<p><em>Anonymous</em> means the article deliberately withholds the source's identity (\"a senior "
                "official said\", \"people familiar with the talks\", \"on condition of anonymity\"). Unnamed people "
                "(\"a neighbor said\") and groups (\"residents said\", \"analysts expect\") are counted apart, and an "
                "organisation's unnamed spokesperson counts as the organisation. A sentence is <em>sourced</em> when it "
                "quotes, paraphrases or relays a claim someone supplied; beliefs and intentions narrated without a "
                "statement are not sources. Shares carry 95 % Wilson intervals; outlets with fewer than 30 sourced sentences "
                "are marked, not ranked. Types come from transparent rules (cue verbs, source nouns, names); hover a "
                "sentence below to see the rule that fired. Attribution a rule cannot see is missed.</p>"
                f"<div class='figs'>{''.join(figs)}</div><h3>By outlet</h3>{_table(by_outlet[cols])}"
                f"<h3>Articles with the most anonymous sentences</h3>{_top_articles(by_article)}")

    def timeline_section() -> str:
        from .errors import errors as _errors
        from .time.sentences import date_sentences

        tl = by_article(timeline, sents, "timeline")  # a stage fault in one article never sinks the section
        state["timeline"] = tl
        tl.to_csv(out / "timeline.csv", index=False)
        dated = date_sentences(sents)
        state["sentence_dates"] = dated
        keep = [c for c in ("article_id", "outlet", "published", "paragraph", "sentence", "text") if c in dated]
        dated[keep + [c for c in dated.columns if c.startswith("event_")]].to_csv(  # readable on its own
            out / "sentence_dates.csv", index=False)
        gaps = timeline_gaps(dated, by="article_id")  # stretches no sentence's date covers
        gaps.to_csv(out / "gaps.csv", index=False)
        failed = pd.concat([_errors(tl), _errors(dated)], ignore_index=True).drop_duplicates()
        failed = failed[failed["stage"].isin(["timeline", "date_sentences", "timexes"])]
        fail_note = (f"<p class='note'>Dates could not be read for {failed['article_id'].nunique()} article(s) "
                     f"({', '.join(_name_html(a) for a in sorted(failed['article_id'].astype(str).unique())[:10])}); "
                     "they are left out below, the other articles are complete.</p>" if len(failed) else "")
        if tl.empty:
            return fail_note + "<p>No dated event mentions were found.</p>"
        counts = tl.groupby("article_id").size().sort_values(ascending=False, kind="stable")
        top = counts.index[0]
        story = dated[dated["article_id"] == top]
        figs = [_png(plot_timeline(story, titles=articles.set_index("article_id")["title"] if "title" in articles else None))]
        has_lag = dated["event_lag"].notna() & dated["event_basis"].isin(["own", "carried"])
        if has_lag.any():
            figs.append(_png(plot_reporting_lag(dated)))
            lags = lag_summary(dated)
        else:
            lags = pd.DataFrame()
        basis = dated["event_basis"].value_counts()
        missing = int(articles["published"].isna().sum())
        note = (f"<p class='note'>{missing} article(s) have no publication date: their events are placed on the "
                "calendar only when the text dates them absolutely (\"last month\" stays unresolved), and no "
                "reporting lag is computed.</p>" if missing else "")
        n_lag = int(has_lag.sum())
        return (f"{fail_note}<p>{len(tl):,} time expressions resolved to a date in {tl['article_id'].nunique():,} "
                "articles (timeline.csv: one row per expression). The chart "
                f"shows the dated sentences of the article with the most ({_name_html(top)}); fuzzy dates "
                "(\"late January\") are drawn as their whole interval, so a long bar means an imprecise date, not a "
                "long event. Gaps are stretches no sentence's date covers.</p>"
                f"<p>Sentence dates (sentence_dates.csv): {int(basis.get('own', 0)):,} sentences date themselves, "
                f"{int(basis.get('carried', 0)):,} keep the day of the narrative before them, "
                f"{int(basis.get('published', 0)):,} speak at publication time and {int(basis.get('none', 0)):,} "
                f"cannot be dated. The lag chart and table count the {n_lag:,} sentences that date themselves or keep "
                "the narrative's day and have a publication date: one lag per sentence.</p>"
                f"{note}<div class='figs'>{''.join(figs)}</div><h3>Uncovered stretches</h3>"
                f"{_table(gaps, 15)}<h3>Reporting lag by outlet (days, per dated sentence)</h3>{_table(lags)}")

    def reuse_section() -> str:
        passages = find_reuse(articles, sentences=sents)
        passages.to_csv(out / "passages.csv", index=False)
        state["passages"] = passages
        if passages.empty:
            return "<p>No passage was found in more than one article.</p>"
        summary = reuse_summary(articles, passages)
        summary["articles"].to_csv(out / "reuse_articles.csv", index=False)
        summary["matrix"].to_csv(out / "reuse_matrix.csv")
        summary["clusters"].to_csv(out / "reuse_clusters.csv", index=False)
        figs = [_png(plot_reused_share(summary))]
        if summary["matrix"].shape[0] > 1 or summary["matrix"].shape[1] > 1:
            figs.append(_png(plot_reuse_matrix(summary)))
        outlets = articles.set_index("article_id")["outlet"]
        table = passages.assign(outlet_a=passages["article_a"].map(outlets), outlet_b=passages["article_b"].map(outlets))
        cols = ["article_a", "outlet_a", "article_b", "outlet_b", "words", "similarity", "kind", "earlier", "taker",
                "credit", "credit_text", "origin", "quote_source"]
        quotes = passages["kind"] == "shared_quote"
        own = passages["same_outlet"] & ~quotes
        taken = passages[~quotes & ~own]
        from .reuse.credit import is_agency
        wire = summary["clusters"]
        wire_n = int(wire["origin"].map(is_agency).sum()) if len(wire) else 0
        parts = [_taking_sentence(summary["articles"], len(taken))]
        if quotes.any():
            parts.append(f"{int(quotes.sum()):,} shared quotations (both articles quote the same third source) are "
                         "listed but not counted as taking.")
        if own.any():
            parts.append(f"{int(own.sum()):,} passages repeat text within one outlet.")
        parts.append(f"The passages form {len(wire):,} cluster(s) of shared text, {wire_n:,} traced to a wire agency "
                     "(credited by at least one copy or publishing one); each article's reused words are counted once, however many "
                     "copies they match.")
        note = ("<p class='note'>Credit is read from bylines, datelines such as \"WASHINGTON (AP) —\", closing credit "
                "lines and the words next to the passage. \"Not credited\" means none of those name the source in the "
                "text loaded here: a byline lost in extraction looks the same, so check the page before publishing. "
                "A passage is only reported when enough rare word sequences match; phrases every article uses are "
                "not reuse.</p>")
        return (f"<p>{' '.join(parts)}</p>{note}"
                f"<div class='figs'>{''.join(figs)}</div>{_table(table[cols])}")

    def articles_section() -> str:
        passages = state.get("passages", pd.DataFrame(columns=["article_a", "a_start", "a_end", "article_b", "b_start", "b_end"]))
        reused: dict[str, list[tuple[int, int]]] = {}
        for p in passages.itertuples():
            reused.setdefault(p.article_a, []).append((p.a_start, p.a_end))
            reused.setdefault(p.article_b, []).append((p.b_start, p.b_end))
        groups = dict(tuple(sents.groupby("article_id", sort=False)))
        problems = dict(tuple(_errors_of(articles, state).groupby("article_id", sort=False)))
        shown = articles.head(MAX_ARTICLES_SHOWN)
        body = "".join(_article_html(a, groups.get(a["article_id"], sents.iloc[:0]), reused.get(a["article_id"], []),
                                     problems.get(a["article_id"]))
                       for _, a in shown.iterrows())
        more = (f"<p class='meta'>{len(articles) - len(shown):,} more articles are in sentences.csv.</p>"
                if len(articles) > len(shown) else "")
        return _legend() + body + more

    sections = [_section("Anonymous sources", sources_section), _section("Timeline and gaps", timeline_section),
                _section("Cross-outlet reuse", reuse_section), _section("The articles", articles_section)]
    failed = _errors_of(articles, state)
    skips = skipped(articles)
    warned = pd.DataFrame(articles.attrs.get("warnings", []), columns=["path", "reason"])
    failed.to_csv(out / "errors.csv", index=False)
    skips.to_csv(out / "skipped.csv", index=False)
    warned.to_csv(out / "warnings.csv", index=False)
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{CSS}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{_lede(articles, sents, failed, skips)}"
            f"{_unreadable(articles, failed, skips, warned)}{''.join(sections)}"
            "<p class='meta'>Made with srcanalysis.</p>"
            f"<script>{JS}</script></body></html>")
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    write_sqlite(out)
    return index


def _errors_of(articles: pd.DataFrame, state: dict[str, Any]) -> pd.DataFrame:
    """Every per-article failure recorded on the input and on the frames the sections made."""
    frames = [articles] + [v for v in state.values() if isinstance(v, pd.DataFrame)]
    table = pd.concat([errors(f) for f in frames], ignore_index=True)
    return table.drop_duplicates(ignore_index=True) if len(table) else table


def _lede(articles: pd.DataFrame, sents: pd.DataFrame, failed: pd.DataFrame, skips: pd.DataFrame) -> str:
    """What was read, and the headline answer with its definitions (same wording as the notebooks)."""
    from .sources.profile import UNKNOWN_GROUP
    from .style import plural

    known = articles["outlet"].fillna("").astype(str)
    outlets = sorted(known[known != ""].unique())
    names = ", ".join(outlets[:12]) + (f" and {len(outlets) - 12:,} more" if len(outlets) > 12 else "")
    unknown = int((known == "").sum())
    names += (f"; {plural(unknown, 'article')} with no outlet, shown as {UNKNOWN_GROUP}" if unknown else "")
    counts = [f"{len(skips):,} input(s) not loaded" if len(skips) else "",
              f"{failed['article_id'].nunique():,} article(s) partly unread" if len(failed) else ""]
    said = ", ".join(c for c in counts if c)
    problems = f" <a href='#what-could-not-be-read'>{said}</a>." if said else ""
    try:
        answer = (f"<p class='answer'>{html.escape(anonymous_answer(sents))}</p>"
                  f"<div class='figs'>{_png(plot_anonymous_shares(sents))}</div>")
    except (ValueError, KeyError) as exc:  # an untagged frame has no shares to state
        log.warning("no headline: %s", exc)
        answer = ""
    return (f"<div class='lede'><p>{plural(len(articles), 'article')} from {plural(len(outlets), 'outlet')} ({html.escape(names)}); "
            f"{len(sents):,} sentences.{problems}</p>{answer}"
            "<p class='meta'>Definitions used throughout: a <em>sourced</em> sentence rests on any source (a named person "
            "or organisation, media, a document, an unnamed person or group, an anonymous source), not on the reporter "
            "alone; a line saying someone did not comment is not sourced; the "
            "<em>anonymous share</em> divides anonymous sentences by sourced sentences, and where a second figure is "
            "given, by all sentences. Intervals are 95% Wilson intervals; an outlet with fewer than 30 sourced "
            "sentences is not ranked. Tables: click a column to sort; hover an article for its full title and id. "
            "All tables are CSV files in this folder and tables of srcanalysis.db.</p></div>")


def _unreadable(articles: pd.DataFrame, failed: pd.DataFrame, skips: pd.DataFrame,
                warned: pd.DataFrame | None = None) -> str:
    """The "What could not be read" box: inputs not loaded, per-article failures with a link to each,
    and the loader's warnings (a publication date left empty, repaired encodings, text not in English)."""
    warned = warned if warned is not None else pd.DataFrame(columns=["path", "reason"])
    if failed.empty and skips.empty and warned.empty:
        return ""
    parts = []
    if len(failed):
        items = "".join(f"<li><a href='#{_article_anchor(r.article_id)}'>{_name_html(r.article_id)}</a>: "
                        f"{html.escape(str(r.stage))} failed ({html.escape(str(r.error))}: "
                        f"{html.escape(str(r.message)[:160])})</li>" for r in failed.itertuples())
        parts.append(f"<p>{failed['article_id'].nunique():,} article(s) could not be read in full; each is left out "
                     f"of the stage named, and everything else about it is shown:</p><ul>{items}</ul>")
    if len(skips):
        parts.append(f"<details><summary>{len(skips):,} input(s) not loaded</summary>{_table(skips, 100)}</details>")
    if len(warned):
        parts.append(f"<details open><summary>{len(warned):,} warning(s) on loaded inputs (warnings.csv): a date left "
                     f"empty leaves that article's relative dates unresolved</summary>{_table(warned, 100)}</details>")
    return f"<section id='what-could-not-be-read' class='note'><h2>What could not be read</h2>{''.join(parts)}</section>"


def write_sqlite(folder: str | Path, name: str = "srcanalysis.db") -> Path:
    """Put every CSV of ``folder`` into one SQLite file, a table per CSV, indexed on article and outlet.

    Tables are named after the files (``passages.csv`` -> ``passages``); columns named
    ``article_id``, ``article_a``, ``article_b``, ``outlet``, ``outlet_a`` or ``outlet_b`` get an
    index. The file is rebuilt from scratch each time. Open it with ``sqlite3``, Datasette
    (``datasette srcanalysis.db``) or any SQL tool.

    Args:
        folder: Folder holding the CSVs (e.g. a report folder).
        name: File name of the database inside ``folder``.

    Returns:
        Path of the database.

    Example:
        >>> import tempfile, sqlite3
        >>> d = Path(tempfile.mkdtemp())
        >>> pd.DataFrame({"article_id": ["a"], "outlet": ["X"]}).to_csv(d / "profile.csv", index=False)
        >>> con = sqlite3.connect(write_sqlite(d))
        >>> con.execute("select name from sqlite_master where type='index' order by name").fetchall()
        [('profile_article_id',), ('profile_outlet',)]
        >>> con.close()
    """
    folder = Path(folder)
    path = folder / name
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as con:
        for csv in sorted(folder.glob("*.csv")):
            table = re.sub(r"\W+", "_", csv.stem)
            try:
                frame = pd.read_csv(csv)
            except pd.errors.EmptyDataError:  # a file with no header at all holds no table
                continue
            frame.to_sql(table, con, index=False, if_exists="replace")
            for col in INDEXED_COLUMNS:
                if col in frame.columns:
                    con.execute(f'CREATE INDEX "{table}_{col}" ON "{table}" ("{col}")')
    con.close()
    return path

"""A self-contained HTML report for people who do not open notebooks.

``srcanalysis report PATH... -o report/`` (or :func:`write_report`) runs the three analyses and
writes ``report/index.html`` (inline CSS, charts embedded as PNG data, no external links for
assets) plus the CSV tables behind it. A section whose analysis fails shows a short note instead
of stopping the report.
"""
from __future__ import annotations

import base64
import html
import io
import logging
from pathlib import Path
from typing import Any, Callable

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from .loading import skipped  # noqa: E402
from .schema import SOURCE_TYPES  # noqa: E402
from .style import SOURCE_COLORS, style  # noqa: E402

log = logging.getLogger(__name__)

#: Most articles shown in full on the page (all are in the CSVs).
MAX_ARTICLES_SHOWN = 200

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:2px solid #eee;padding-bottom:.2em;margin-top:2em}
.lede{color:#555}.figs{display:flex;flex-wrap:wrap;gap:1em}.figs img{max-width:100%;height:auto;border:1px solid #eee}
table{border-collapse:collapse;font-size:.85em;margin:1em 0}th,td{padding:.25em .6em;border-bottom:1px solid #eee;
text-align:right}th{background:#fafafa}td.l,th.l{text-align:left}.note{background:#fff8e6;padding:.6em 1em;
border-left:4px solid #E69F00}.legend span{display:inline-block;padding:.1em .5em;margin:.1em;border-radius:3px;
font-size:.85em}.article{border:1px solid #eee;padding:.5em 1em;margin:1em 0}.article h3{margin:.3em 0;font-size:1.05em}
.meta{color:#666;font-size:.85em}.s{border-radius:2px;padding:0 1px}.reused{text-decoration:underline;
text-decoration-color:#000;text-decoration-thickness:2px}details summary{cursor:pointer}
"""


def _png(ax: plt.Axes) -> str:
    buf = io.BytesIO()
    with style():
        ax.figure.savefig(buf, format="png", dpi=110, metadata={"Software": None})
    plt.close(ax.figure)
    return '<img alt="chart" src="data:image/png;base64,' + base64.b64encode(buf.getvalue()).decode("ascii") + '">'


def _table(frame: pd.DataFrame, max_rows: int = 30) -> str:
    if frame is None or frame.empty:
        return "<p class='meta'>No rows.</p>"
    shown = frame.head(max_rows)
    head = "".join(f"<th class='{'l' if not pd.api.types.is_numeric_dtype(shown[c]) else ''}'>{html.escape(str(c))}</th>"
                   for c in shown.columns)
    rows = []
    for rec in shown.itertuples(index=False):
        cells = []
        for col, value in zip(shown.columns, rec):
            numeric = pd.api.types.is_numeric_dtype(shown[col])
            text = "" if value is None or (not isinstance(value, str) and pd.isna(value)) else value
            if isinstance(text, float):
                text = f"{text:,.3f}".rstrip("0").rstrip(".")
            cells.append(f"<td class='{'' if numeric else 'l'}'>{html.escape(str(text))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    more = f"<p class='meta'>{len(frame) - max_rows:,} more rows in the CSV.</p>" if len(frame) > max_rows else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def _section(title: str, build: Callable[[], str]) -> str:
    try:
        body = build()
    except Exception as exc:  # a failing analysis must not take the whole report down  # noqa: BLE001
        log.warning("report section %r failed: %s", title, exc)
        body = f"<p class='note'>This section could not be computed: {html.escape(type(exc).__name__)}: {html.escape(str(exc))}</p>"
    return f"<section><h2>{html.escape(title)}</h2>{body}</section>"


def _legend() -> str:
    spans = "".join(f"<span style='background:{SOURCE_COLORS[t]}'>{t.replace('_', ' ')}</span>" for t in SOURCE_TYPES)
    return f"<p class='legend'>Sentence colours: {spans} <span class='reused'>underlined</span> = reused passage</p>"


def _article_html(article: pd.Series, sents: pd.DataFrame, reused: list[tuple[int, int]]) -> str:
    text = article["text"]
    parts, pos = [], 0
    for row in sents.itertuples():
        if row.start > pos:
            parts.append(html.escape(text[pos:row.start]).replace("\n\n", "<br><br>"))
        typ = str(row.source_type)
        colour = SOURCE_COLORS.get(typ, "#fff") if typ != "unattributed" else "transparent"
        tip = f"{typ}" + (f" · source: {row.source}" if row.source else "") + (f" · rule: {row.rule}" if row.rule else "")
        is_reused = any(a < row.end and b > row.start for a, b in reused)
        cls = "s reused" if is_reused else "s"
        parts.append(f"<span class='{cls}' style='background:{colour}' title='{html.escape(tip, quote=True)}'>"
                     f"{html.escape(text[row.start:row.end])}</span>")
        pos = row.end
    parts.append(html.escape(text[pos:]))
    date = "" if pd.isna(article["published"]) else f" · {pd.Timestamp(article['published']).date()}"
    return (f"<div class='article'><h3>{html.escape(article['title'] or article['article_id'])}</h3>"
            f"<p class='meta'>{html.escape(article['outlet'] or 'unknown outlet')}{date} · id {html.escape(article['article_id'])}</p>"
            f"<details><summary>Show text</summary><p>{''.join(parts)}</p></details></div>")


def write_report(articles: pd.DataFrame, out_dir: str | Path, *, title: str = "How these articles are sourced") -> Path:
    """Run all three analyses on ``articles`` and write an HTML page with the CSVs behind it.

    Args:
        articles: A :func:`srcanalysis.read_articles` frame.
        out_dir: Folder for ``index.html`` and the CSVs (created if needed).
        title: Page title.

    Returns:
        Path of ``index.html``.
    """
    from .reuse.plot import plot_reuse_matrix, plot_reused_share
    from .sources.plot import plot_anonymous_by_position, plot_source_mix, plot_source_strip
    from .time.plot import plot_reporting_lag, plot_timeline
    from .sources.profile import source_profile
    from .reuse import find_reuse, reuse_summary
    from .segment import sentences
    from .time.timeline import lag_summary, timeline, timeline_gaps

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sents = sentences(articles)
    sents.to_csv(out / "sentences.csv", index=False)
    state: dict[str, Any] = {}

    def sources_section() -> str:
        by_outlet = source_profile(sents, by="outlet")
        by_article = source_profile(sents)
        by_outlet.to_csv(out / "profile_outlets.csv", index=False)
        by_article.to_csv(out / "profile.csv", index=False)
        anon = int(by_outlet["anonymous"].sum())
        share = anon / max(int(by_outlet["sentences"].sum()), 1)
        figs = [_png(plot_source_mix(sents, by="outlet")), _png(plot_anonymous_by_position(sents)),
                _png(plot_source_strip(sents, max_articles=12))]
        cols = ["outlet", "sentences", "anonymous", "named_person", "named_org", "media", "document", "no_comment",
                "anonymous_share", "anonymous_share_attributed", "anonymous_with_reason", "anonymous_per_1000_words"]
        return (f"<p>{anon:,} of {len(sents):,} sentences ({share:.1%}) rest on anonymous sources. "
                "Types come from transparent rules (cue verbs, source nouns, names); hover a sentence below to see "
                "the rule that fired. Attribution a rule cannot see (a source named three sentences earlier, "
                "paraphrase without a reporting verb) is missed, so shares are lower bounds.</p>"
                f"<div class='figs'>{''.join(figs)}</div><h3>By outlet</h3>{_table(by_outlet[cols])}"
                f"<h3>Articles with the most anonymous sourcing</h3>"
                f"{_table(by_article[['article_id', 'outlet', 'sentences', 'anonymous', 'anonymous_share']], 15)}")

    def timeline_section() -> str:
        tl = timeline(sents)
        tl.to_csv(out / "timeline.csv", index=False)
        gaps = timeline_gaps(tl, by="article_id")
        gaps.to_csv(out / "gaps.csv", index=False)
        if tl.empty:
            return "<p>No dated event mentions were found.</p>"
        counts = tl.groupby("article_id").size().sort_values(ascending=False, kind="stable")
        top = counts.index[0]
        story = tl[tl["article_id"] == top]
        figs = [_png(plot_timeline(story))]
        if tl["lag"].notna().any():
            figs.append(_png(plot_reporting_lag(tl)))
            lags = lag_summary(tl)
        else:
            lags = pd.DataFrame()
        missing = int(articles["published"].isna().sum())
        note = (f"<p class='note'>{missing} article(s) have no publication date: their events are placed on the "
                "calendar when the text dates them absolutely, but no reporting lag is computed.</p>" if missing else "")
        return (f"<p>{len(tl):,} dated event mentions in {tl['article_id'].nunique():,} articles. The chart shows the "
                f"article with the most ({html.escape(str(top))}); fuzzy dates (\"late January\") are drawn as their "
                "whole interval, so a long bar means an imprecise date, not a long event.</p>"
                f"{note}<div class='figs'>{''.join(figs)}</div><h3>Uncovered stretches</h3>"
                f"{_table(gaps, 15)}<h3>Reporting lag by outlet (days)</h3>{_table(lags)}")

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
        n = {v: int((taken["credit"] == v).sum()) for v in ("credited", "not_credited", "unknown")}
        from .reuse.credit import is_agency
        wire = summary["clusters"]
        wire_n = int(wire["origin"].map(is_agency).sum()) if len(wire) else 0
        parts = [f"{len(taken):,} passages ({int(taken['words'].sum()):,} words) were taken from another outlet or a wire "
                 f"agency: {n['credited']:,} credited, {n['not_credited']:,} not credited, {n['unknown']:,} unknown "
                 "(no dates and no credit either way, or the source's outlet is unknown)."]
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
        shown = articles.head(MAX_ARTICLES_SHOWN)
        body = "".join(_article_html(a, groups.get(a["article_id"], sents.iloc[:0]), reused.get(a["article_id"], []))
                       for _, a in shown.iterrows())
        more = (f"<p class='meta'>{len(articles) - len(shown):,} more articles are in sentences.csv.</p>"
                if len(articles) > len(shown) else "")
        return _legend() + body + more

    sections = [_section("Anonymous sources", sources_section), _section("Timeline and gaps", timeline_section),
                _section("Cross-outlet reuse", reuse_section), _section("The articles", articles_section)]
    skips = skipped(articles)
    skip_html = (f"<details><summary>{len(skips)} input(s) not loaded</summary>{_table(skips, 100)}</details>"
                 if len(skips) else "")
    outlets = ", ".join(sorted(articles["outlet"].replace("", "unknown").unique())[:12])
    page = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><style>{CSS}</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p class='lede'>{len(articles):,} articles from {html.escape(outlets)}; "
            f"{len(sents):,} sentences. Tables: sentences.csv, profile.csv, timeline.csv, gaps.csv, passages.csv "
            f"in this folder.</p>{skip_html}{''.join(sections)}"
            "<p class='meta'>Made with srcanalysis.</p></body></html>")
    index = out / "index.html"
    index.write_text(page, encoding="utf-8")
    return index

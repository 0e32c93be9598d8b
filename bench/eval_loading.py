"""Article-loader evaluation on real saved news pages (issue 14).

Reads ``../shared/devdata/news-html/`` (150 real pages from 2017, 149 sites, hand-made gold main
text; see that folder's README). The pages and their text are never copied into the project.

Measures, following the data set's README ("Suggested measures"):

1. Main text: token precision/recall/F1 of the extracted body against the gold (lower-cased
   Unicode word tokens, bag-of-tokens with repeats), micro (pooled) and macro (per page). Headline
   and body are scored together: the loader's ``title`` line is put before its ``text``.
2. Boilerplate left: share of pages whose output has at least one line of 3+ tokens with fewer
   than half of its tokens in the gold; and the mean number of such lines per page.
3. Listing false alarms: share of these 150 articles the loader sets aside as non-articles.
4. Headline: exact match (case, white space, quotes and dashes normalised) and token F1 against
   ``title_gold``.
5. Outlet: the host of the loader's ``url`` against ``domain`` (subdomains count as the site;
   Wayback snapshots by their archived host), and coverage of a non-empty ``outlet`` name.
6. Date, author, credit: coverage only (no gold).
7. Speed: pages per CPU second of ``read_articles`` on the folder, one process, after the
   extractor is imported (CPU time, not wall time, because the machine is shared; compare with
   the trafilatura baselines of the same run, ``--compare``). ``--split`` also times where that
   CPU time goes (trafilatura's calls, the HTML parse, the rest: our metadata, decoding and
   clean-up) and prints the speed the loader would have if all of the rest took no time: the
   ceiling any work on our own code can reach with trafilatura as the extractor.

``--compare`` also scores trafilatura's own options (``favor_precision``, ``favor_recall``,
default, and the loader's own first call: ``favor_precision`` on the fast path without metadata),
called directly on the same pages, as baselines; the loader's speed is also printed as a ratio to
that last one (measured in the same run, so the ratio holds on a shared machine).

Run: ``python bench/eval_loading.py [--compare] [--split] [--show N]``.
"""
from __future__ import annotations

import argparse
import logging
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import srcanalysis as sa  # noqa: E402

DATA = ROOT.parent / "shared" / "devdata" / "news-html"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_DASHES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-"})


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def prf(pred: Counter, gold: Counter) -> tuple[float, float, float, int]:
    hit = sum((pred & gold).values())
    p = hit / max(sum(pred.values()), 1)
    r = hit / max(sum(gold.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), hit


def boilerplate_lines(text: str, gold_vocab: set[str]) -> list[str]:
    out = []
    for line in text.split("\n"):
        toks = tokens(line)
        if len(toks) >= 3 and sum(t in gold_vocab for t in toks) < len(toks) / 2:
            out.append(line.strip())
    return out


def norm_title(title: str) -> str:
    title = unicodedata.normalize("NFKC", title).translate(_DASHES)
    return re.sub(r"\s+", " ", title).strip().lower()


def site_of(host: str) -> str:
    host = host.lower().split(":")[0]
    host = host[4:] if host.startswith("www.") else host
    return host


def same_site(host: str, domain: str) -> bool:
    host = site_of(host)
    return host == domain or host.endswith("." + domain) or domain.endswith("." + host)


def score(index: pd.DataFrame, texts: dict[str, str], titles: dict[str, str]) -> dict[str, float]:
    gold_all, pred_all = Counter(), Counter()
    per_page, bp_pages, bp_lines, exact, tf1 = [], 0, 0, 0, []
    for row in index.itertuples():
        gold_text = (DATA / "gold" / f"{row.id}.txt").read_text(encoding="utf-8")
        gold = Counter(tokens(gold_text))
        body = texts.get(row.id, "")
        title = titles.get(row.id, "")
        pred = Counter(tokens(title + "\n" + body))
        gold_all += gold
        pred_all += pred
        per_page.append(prf(pred, gold)[:3])
        left = boilerplate_lines(body, set(gold))
        bp_pages += bool(left)
        bp_lines += len(left)
        exact += norm_title(title) == norm_title(row.title_gold)
        tf1.append(prf(Counter(tokens(title)), Counter(tokens(row.title_gold)))[2])
    p, r, f, _ = prf(pred_all, gold_all)
    n = len(index)
    return {
        "micro P": p, "micro R": r, "micro F1": f,
        "macro P": sum(x[0] for x in per_page) / n, "macro R": sum(x[1] for x in per_page) / n,
        "macro F1": sum(x[2] for x in per_page) / n,
        "pages with boilerplate left": bp_pages / n, "boilerplate lines/page": bp_lines / n,
        "headline exact": exact / n, "headline token F1": sum(tf1) / n,
    }


def run_trafilatura(index: pd.DataFrame, **options) -> tuple[dict, dict, float]:
    import trafilatura
    texts, titles = {}, {}
    t0 = time.process_time()
    for row in index.itertuples():
        raw = (DATA / "pages" / f"{row.id}.html").read_bytes()
        doc = trafilatura.bare_extraction(raw, **{"with_metadata": True, **options})
        if doc is not None:
            doc = doc.as_dict() if not isinstance(doc, dict) else doc
            texts[row.id] = doc.get("text") or ""
            titles[row.id] = doc.get("title") or ""
    return texts, titles, len(index) / (time.process_time() - t0)


def run_loader(index: pd.DataFrame, **options) -> tuple[pd.DataFrame, float]:
    """Load the folder; speed in pages per CPU second of this process (robust to a shared machine)."""
    t0 = time.process_time()
    frame = sa.read_articles(DATA / "pages", **options)
    return frame, len(index) / (time.process_time() - t0)


def time_split(index: pd.DataFrame) -> None:
    """Where the loader's CPU time goes: trafilatura's text calls (fast path, recall re-run), its
    byline search, lxml's parse, and the rest; wraps those calls for one extra load of the folder."""
    import trafilatura
    from lxml import html as lxml_html

    from srcanalysis import htmlpage

    spent: Counter = Counter()

    def timed(name, func):
        def wrapper(*args, **kwargs):
            t0 = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name(kwargs) if callable(name) else name] += time.process_time() - t0
        return wrapper

    saved = (trafilatura.bare_extraction, htmlpage._trafilatura_author, lxml_html.fromstring)
    trafilatura.bare_extraction = timed(
        lambda kw: "trafilatura recall re-run" if kw.get("favor_recall") else "trafilatura fast path", saved[0])
    htmlpage._trafilatura_author = timed("trafilatura byline search", saved[1])
    lxml_html.fromstring = timed("lxml parse", saved[2])
    try:
        t0 = time.process_time()
        sa.read_articles(DATA / "pages", keep_non_articles=True)
        total = time.process_time() - t0
    finally:
        trafilatura.bare_extraction, htmlpage._trafilatura_author, lxml_html.fromstring = saved
    print(f"\nwhere the loader's CPU time goes ({total:.2f} s for {len(index)} pages, {len(index) / total:.1f} pages/s)")
    for name, secs in spent.most_common():
        print(f"  {name:30s} {secs:6.2f} s  {secs / total:6.1%}")
    rest = total - sum(spent.values())
    print(f"  {'rest (srcanalysis code)':30s} {rest:6.2f} s  {rest / total:6.1%}")
    floor = sum(spent.values())
    print(f"  {'pages/s if the rest took 0 s':30s} {len(index) / floor:6.1f}  (ceiling with trafilatura as extractor)")


def print_scores(name: str, scores: dict[str, float], speed: float) -> None:
    print(f"\n{name}  ({speed:.1f} pages per CPU second)")
    for key, value in scores.items():
        print(f"  {key:30s} {value:7.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--compare", action="store_true", help="also score trafilatura's own options")
    ap.add_argument("--split", action="store_true", help="also time where the loader's CPU time goes")
    ap.add_argument("--show", type=int, default=0, help="print the N worst pages and their leftover lines")
    args = ap.parse_args()
    logging.getLogger("srcanalysis").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if not DATA.exists():
        sys.exit(f"{DATA} not found (development data, see bench/README or devdata/README.md)")
    index = pd.read_csv(DATA / "index.tsv", sep="\t", dtype=str, keep_default_na=False, quoting=3)
    print(f"news-html: {len(index)} real pages, {index['domain'].nunique()} sites (../shared/devdata/news-html)")
    fast_alone = None
    if args.compare:
        for name, opts in [("trafilatura default", {}), ("trafilatura favor_precision", {"favor_precision": True}),
                           ("trafilatura favor_recall", {"favor_recall": True}),
                           ("trafilatura favor_precision, fast path, no metadata (the loader's first call alone)",
                            {"favor_precision": True, "fast": True, "with_metadata": False,
                             "include_comments": False, "include_tables": False})]:
            texts, titles, speed = run_trafilatura(index, **opts)
            print_scores(name, score(index, texts, titles), speed)
        fast_alone = speed

    import trafilatura  # noqa: F401  (imported once before timing: speed is per page, steady state)
    frame, speed = run_loader(index, keep_non_articles=True)
    by_id = frame.set_index("article_id")
    texts = by_id["text"].to_dict()
    titles = by_id["title"].to_dict()
    print_scores("srcanalysis.read_articles (keep_non_articles=True)", score(index, texts, titles), speed)
    if fast_alone:
        print(f"  {'speed / trafilatura fast path':30s} {speed / fast_alone:7.3f}  (same run)")
    n = len(index)
    flagged = (frame["page_type"] != "article").sum() if "page_type" in frame else 0
    print(f"  {'loaded':30s} {len(frame):7d} of {n}; skipped {len(frame.attrs['skipped'])}")
    print(f"  {'listing/video false alarms':30s} {flagged / n:7.3f}  ({flagged} pages)")
    not_english = sum("not English" in w["reason"] for w in frame.attrs.get("warnings", []))
    print(f"  {'not-English false alarms':30s} {not_english / n:7.3f}  ({not_english} pages; all are English)")
    domains = index.set_index("id")["domain"]
    hosts = {i: urlsplit(u).netloc for i, u in by_id["url"].items()}
    site_ok = sum(same_site(hosts.get(i, ""), d) for i, d in domains.items())
    print(f"  {'outlet site = gold domain':30s} {site_ok / n:7.3f}")
    for col in ("outlet", "author", "credit", "published"):
        if col in frame:
            have = frame[col].notna() & (frame[col].astype(str) != "")
            print(f"  {col + ' coverage':30s} {have.mean():7.3f}")
    if "published_from" in frame:
        print("  published_from:", frame["published_from"].value_counts().to_dict())
    if "encoding" in frame:
        print("  encodings:", frame["encoding"].value_counts().to_dict())
    if args.split:
        time_split(index)
    if args.show:
        rows = []
        for row in index.itertuples():
            gold = Counter(tokens((DATA / "gold" / f"{row.id}.txt").read_text(encoding="utf-8")))
            body = texts.get(row.id, "")
            f1 = prf(Counter(tokens(titles.get(row.id, "") + "\n" + body)), gold)
            rows.append((f1[2], row.id, row.domain, boilerplate_lines(body, set(gold)), f1))
        for f1, pid, domain, left, full in sorted(rows)[: args.show]:
            print(f"\n{pid} {domain} P={full[0]:.2f} R={full[1]:.2f} F1={f1:.2f}")
            for line in left[:8]:
                print("   |", line[:140])


if __name__ == "__main__":
    main()

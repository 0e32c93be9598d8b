"""Loading and segmentation benchmark (issue: foundation).

1. Throughput on Reuters-21578 (../shared/devdata): ``read_articles`` on the parsed stories
   (cleaning, unwrapping, ids) plus ``sentences(tag=False)``, one process, one core.
   Goal: the whole corpus (19k bodies) loaded and segmented in under 10 s.
2. Splitter comparison against gold sentence ids of the SemEval-2015 trial corpus (30 Wikinews
   articles, tokenised): boundary precision/recall/F1 and speed for srcanalysis, pysbd and syntok
   (the last two only when installed: ``pip install -e .[compare]``).

Run: ``python bench/bench_segment.py`` (add ``--quick`` for 2,000 Reuters stories).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _reuters import SHARED, load_reuters  # noqa: E402

import srcanalysis as sa  # noqa: E402
from srcanalysis.segment import split_sentences  # noqa: E402

SEMEVAL = SHARED / "devdata" / "semeval2015-timeline-trial" / "Corpus-trial-data_task4"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def throughput(limit: int | None) -> None:
    raw = load_reuters(limit=limit)
    t0 = time.perf_counter()
    articles = sa.read_articles(raw)
    t1 = time.perf_counter()
    sents = sa.sentences(articles, tag=False)
    t2 = time.perf_counter()
    print(f"Reuters-21578: {len(articles):,} articles, {len(sents):,} sentences")
    not_english = [w for w in articles.attrs.get("warnings", []) if "not English" in w["reason"]]
    print(f"  not-English warnings:           {len(not_english):6,d} articles (all are English; tables of figures count)")
    print(f"  read_articles (clean + unwrap): {t1 - t0:6.2f} s  {len(articles) / (t1 - t0):10,.0f} articles/s")
    print(f"  sentences(tag=False):           {t2 - t1:6.2f} s  {len(sents) / (t2 - t1):10,.0f} sentences/s")
    print(f"  load + segment total:           {t2 - t0:6.2f} s  {len(articles) / (t2 - t0):10,.0f} articles/s"
          f"  (goal < 10 s for the whole corpus)")
    t3 = time.perf_counter()
    tagged = sa.sentences(articles, tag=True)
    t4 = time.perf_counter()
    print(f"  sentences(tag=True):            {t4 - t3:6.2f} s  {len(tagged) / (t4 - t3):10,.0f} sentences/s")
    print(f"  peak RSS: {peak_rss_mb():,.0f} MB")


def semeval_gold() -> list[tuple[str, set[int]]]:
    """Texts rebuilt from gold tokens (joined by spaces) with gold boundary offsets."""
    docs = []
    for path in sorted(SEMEVAL.glob("*.xml")):
        root = ET.parse(path).getroot()
        text, bounds, last = "", set(), None
        for tok in root.iter("token"):
            sent = tok.get("sentence")
            if last is not None and sent != last:
                bounds.add(len(text))
            if text:
                text += " "
            text += tok.text or ""
            last = sent
        docs.append((text, bounds))
    return docs


def score(name: str, split, docs, sample_texts) -> None:
    tp = fp = fn = 0
    for text, gold in docs:
        pred = set()
        for start, end in split(text)[:-1]:
            pred.add(end)
        # a predicted boundary at offset e matches gold boundary at e (gold offset is end of sentence text)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f = 2 * p * r / max(p + r, 1e-9)
    t = time.perf_counter()
    n = sum(len(split(x)) for x in sample_texts)
    rate = n / (time.perf_counter() - t)
    print(f"  {name:12s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   {rate:10,.0f} sentences/s on Reuters sample")


def spans_from_strings(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:
            continue
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def compare(sample: int) -> None:
    if not SEMEVAL.exists():
        print("SemEval trial corpus not found; skipping splitter comparison")
        return
    docs = semeval_gold()
    texts = list(sa.read_articles(load_reuters(limit=sample))["text"])
    print(f"Splitter comparison: boundaries in {len(docs)} SemEval-2015 trial docs "
          f"({sum(len(b) for _, b in docs)} gold boundaries; headline/dateline boundaries without "
          f"punctuation count too), speed on {len(texts)} Reuters stories")
    score("srcanalysis", split_sentences, docs, texts)
    try:
        import pysbd
        seg = pysbd.Segmenter(language="en", clean=False, char_span=False)
        score("pysbd", lambda t: spans_from_strings(t, seg.segment(t)), docs, texts[:200])
    except ImportError:
        print("  pysbd not installed (pip install -e .[compare])")
    try:
        from syntok import segmenter

        def syntok_split(text: str) -> list[tuple[int, int]]:
            spans = []
            for para in segmenter.analyze(text):
                for sent in para:
                    toks = list(sent)
                    start = toks[0].offset
                    end = toks[-1].offset + len(toks[-1].value)
                    spans.append((start, end))
            return spans

        score("syntok", syntok_split, docs, texts)
    except ImportError:
        print("  syntok not installed (pip install -e .[compare])")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 stories only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    throughput(2000 if args.quick else None)
    compare(500)


if __name__ == "__main__":
    main()

"""Benchmark find_reuse on Reuters-21578 with planted copies: quality, speed, memory, 1M estimate.

Corpus per size:

* 10k: the first 10,000 Reuters-21578 bodies (real text).
* 100k: all 19k Reuters bodies plus synthetic articles resampled from them with a word bigram
  model (same vocabulary, phrase statistics and length distribution, distinct articles), so that
  the index sees 100k different texts rather than duplicates.

Ground truth:

* Reuters' own exact-duplicate bodies (262 pairs + one group of 4) are real reuse inside one outlet;
  every pair of them with at least 20 words is a true pair.
* Planted copies: 1–4 consecutive paragraphs of a source article pasted, with 0 %, 3 % or 8 % of
  words edited (substituted, deleted, inserted; straight quotes turned curly; at 8 % one sentence
  of a multi-sentence copy, at most 30 % of its words, is dropped), into a target article at a paragraph break. Offsets of both
  sides are known. Sources and targets are disjoint and each used once.
* Before planting, ``find_reuse`` runs on the clean corpus; pairs it finds there (Reuters' updated
  versions and near-duplicates, phrases the bigram model copied verbatim) are *pre-existing* reuse of
  unknown truth: planted sources and targets avoid them, and they are left out of precision (their
  count is printed). Planted articles that show up in a pair with anything but their partner count as
  false positives.

Printed: pair recall (overall and per edit rate) and precision, passage-span F1 (characters, both
sides), articles/s of ``find_reuse`` on one core, peak memory (ru_maxrss, the whole process) and an
extrapolation to 1M articles from the measured growth between the two sizes.

Usage::

    /work/venv/bin/python bench/bench_reuse.py            # 10k and 100k
    /work/venv/bin/python bench/bench_reuse.py --sizes 10000 --plants 800
    /work/venv/bin/python bench/bench_reuse.py --spark 2000    # both engines, identical output?
"""
from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _reuters import load_reuters  # noqa: E402

from srcanalysis.reuse import align_texts, find_reuse, tokens  # noqa: E402

PARA = "\n    "
RATES = (0.0, 0.03, 0.08)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- corpus
def bigram_articles(texts: list[str], count: int, rng: np.random.Generator, chunk: int = 10000) -> list[str]:
    """Synthetic articles from a word bigram model of ``texts`` (paragraph breaks kept)."""
    seqs = [["<s>"] + t.replace(PARA, " ¶ ").split() for t in texts]
    lengths = np.array([len(s) - 1 for s in seqs])
    flat = pd.Series([w for s in seqs for w in s], dtype=object)
    codes, vocab = pd.factorize(flat)
    start_id = int(codes[0])
    prev, nxt = codes[:-1], codes[1:]
    keep = nxt != start_id
    prev, nxt = prev[keep], nxt[keep]
    order = np.argsort(prev, kind="stable")
    prev, nxt = prev[order], nxt[order]
    first = np.searchsorted(prev, np.arange(len(vocab)), "left")
    cnt = np.searchsorted(prev, np.arange(len(vocab)), "right") - first
    vocab = np.asarray(vocab, dtype=object)
    out: list[str] = []
    for lo in range(0, count, chunk):
        m = min(chunk, count - lo)
        lens = np.clip(rng.choice(lengths, m), 20, 600)
        cur = np.full(m, start_id)
        grid = np.empty((m, lens.max()), dtype=np.int64)
        for step in range(lens.max()):
            c = cnt[cur]
            dead = c == 0
            cur = np.where(dead, start_id, cur)
            c = cnt[cur]
            cur = nxt[first[cur] + (rng.random(m) * c).astype(np.int64)]
            grid[:, step] = cur
        words = vocab[grid]
        for k in range(m):
            out.append(" ".join(words[k, :lens[k]]).replace(" ¶ ", PARA).replace("¶", ""))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of paragraphs separated by Reuters' indentation breaks."""
    spans, pos = [], 0
    for part in text.split(PARA):
        if part.strip():
            spans.append((pos, pos + len(part)))
        pos += len(part) + len(PARA)
    return spans


def edit(passage: str, rate: float, vocab: np.ndarray, rng: np.random.Generator) -> str:
    """Edit ``rate`` of the words: substitute (50 %), delete (25 %), insert (25 %); curly quotes."""
    if rate == 0:
        return passage
    if rate >= 0.08:
        sents = passage.split(". ")
        if len(sents) >= 3:
            k = int(rng.integers(1, len(sents) - 1))
            if len(sents[k].split()) <= 0.3 * len(passage.split()):   # a dropped sentence, not most of it
                del sents[k]
                passage = ". ".join(sents)
    out = []
    for w in passage.split(" "):
        if w and rng.random() < rate:
            op = rng.random()
            if op < 0.5:
                out.append(str(vocab[rng.integers(len(vocab))]))
            elif op < 0.75:
                continue
            else:
                out.extend([w, str(vocab[rng.integers(len(vocab))])])
        else:
            out.append(w)
    text = " ".join(out)
    return text.replace(' "', " \u201c").replace('" ', "\u201d ").replace("'", "\u2019")


def plant(df: pd.DataFrame, n: int, eligible: np.ndarray, rng: np.random.Generator) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Paste 1-4 paragraphs from sources into targets; return the new frame and the truth table."""
    texts = df["text"].tolist()
    vocab = np.array(sorted({w for t in texts[:3000] for w in t.split() if w.isalpha() and len(w) > 3}))
    cand = rng.permutation(eligible)
    good_src = [k for k in cand if len(paragraphs(texts[k])) >= 1 and len(tokens(texts[k])) >= 40]
    truth, used = [], set()
    sources = iter(good_src)
    targets = iter(k for k in rng.permutation(eligible))
    for p in range(n):
        rate = RATES[p % len(RATES)]
        for s in sources:
            if s in used:
                continue
            paras = [x for x in paragraphs(texts[s]) if len(texts[s][x[0]:x[1]].split()) >= 20]
            if paras:
                break
        else:
            break
        used.add(s)
        k = int(rng.integers(1, 5))
        i0 = int(rng.integers(0, max(1, len(paras) - k + 1)))
        chosen = paras[i0:i0 + k]
        s0, s1 = chosen[0][0], chosen[-1][1]
        copied = edit(texts[s][s0:s1].replace(PARA, " ").replace("\n", " "), rate, vocab, rng)
        for t in targets:
            if t not in used:
                break
        used.add(t)
        tp = [0] + [e + len(PARA) for _, e in paragraphs(texts[t])][:-1]
        at = int(rng.choice(tp))
        before = texts[t][:at]
        insert = copied + PARA
        texts[t] = before + insert + texts[t][at:]
        truth.append({"source": s, "target": t, "rate": rate, "paragraphs": len(chosen),
                      "s_start": s0, "s_end": s1, "t_start": at, "t_end": at + len(copied)})
    out = df.copy()
    out["text"] = texts
    return out, pd.DataFrame(truth)


def dup_pairs(df: pd.DataFrame) -> set[tuple[int, int]]:
    """Pairs of positions whose bodies are identical (Reuters' own duplicates) with >= 20 words."""
    key = df["text"].str.strip()
    pairs = set()
    for _, idx in df.groupby(key).indices.items():
        if len(idx) > 1 and len(tokens(df["text"].iloc[idx[0]])) >= 20:
            idx = sorted(idx)
            pairs |= {(a, b) for i, a in enumerate(idx) for b in idx[i + 1:]}
    return pairs


# --------------------------------------------------------------------------- isolated timing
def child(inp: str, out: str, options: str) -> None:
    """Run find_reuse alone in this process (one core) and print its time and memory as JSON."""
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    except (AttributeError, OSError):
        pass
    corpus = pd.read_parquet(inp)
    before = rss_mb()
    t0 = time.perf_counter()
    passages = find_reuse(corpus, **json.loads(options))
    elapsed = time.perf_counter() - t0
    passages.to_parquet(out)
    print(json.dumps({"seconds": elapsed, "rss_before_mb": before, "peak_rss_mb": rss_mb()}))


def timed_find_reuse(corpus: pd.DataFrame, options: dict) -> tuple[pd.DataFrame, dict]:
    """find_reuse in a fresh child process: passages plus its own seconds and peak RSS."""
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "in.parquet"), os.path.join(tmp, "out.parquet")
        corpus[["article_id", "outlet", "published", "text"]].to_parquet(inp)
        res = subprocess.run([sys.executable, __file__, "--child", inp, out, json.dumps(options)],
                             capture_output=True, text=True, check=True)
        stats = json.loads(res.stdout.strip().splitlines()[-1])
        return pd.read_parquet(out), stats


# --------------------------------------------------------------------------- scoring
def pair_set(passages: pd.DataFrame, pos: dict) -> set[tuple[int, int]]:
    a = passages["article_a"].map(pos).to_numpy()
    b = passages["article_b"].map(pos).to_numpy()
    return {(min(x, y), max(x, y)) for x, y in zip(a, b)}


def span_f1(passages: pd.DataFrame, truth: pd.DataFrame, pos: dict) -> float:
    p = passages.assign(pa=passages["article_a"].map(pos), pb=passages["article_b"].map(pos))
    groups = {k: g for k, g in p.groupby(["pa", "pb"])}
    tp = pred = gold = 0
    for r in truth.itertuples():
        gold += (r.s_end - r.s_start) + (r.t_end - r.t_start)
        key = (min(r.source, r.target), max(r.source, r.target))
        g = groups.get(key)
        if g is None:
            continue
        src_first = r.source < r.target
        for q in g.itertuples():
            (ss, se), (ts, te) = ((q.a_start, q.a_end), (q.b_start, q.b_end)) if src_first else \
                ((q.b_start, q.b_end), (q.a_start, q.a_end))
            pred += (se - ss) + (te - ts)
            tp += max(0, min(se, r.s_end) - max(ss, r.s_start)) + max(0, min(te, r.t_end) - max(ts, r.t_start))
    prec = tp / pred if pred else 0.0
    rec = tp / gold if gold else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def run_size(size: int, reuters: pd.DataFrame, plants: int, seed: int, options: dict) -> dict:
    rng = np.random.default_rng(seed)
    if size <= len(reuters):
        base = reuters.iloc[:size].reset_index(drop=True)
    else:
        t0 = time.perf_counter()
        synth = bigram_articles(reuters["text"].tolist(), size - len(reuters), rng)
        base = pd.concat([reuters, pd.DataFrame({
            "article_id": [f"synth-{k}" for k in range(len(synth))], "outlet": "Synthetic",
            "published": pd.NaT, "title": "", "text": synth})], ignore_index=True)
        print(f"  built {len(synth):,} bigram articles in {time.perf_counter() - t0:.1f} s")
    pos = {aid: k for k, aid in enumerate(base["article_id"])}
    dups = dup_pairs(base)

    pre, pre_stats = timed_find_reuse(base, options)
    t_pre = pre_stats["seconds"]
    pre_pairs = pair_set(pre, pos)
    involved = {x for pr in pre_pairs | dups for x in pr}
    eligible = np.array([k for k in range(len(base)) if k not in involved])

    corpus, truth = plant(base, plants, eligible, rng)
    planted = {(min(s, t), max(s, t)) for s, t in zip(truth["source"], truth["target"])}
    passages, stats = timed_find_reuse(corpus, options)
    elapsed, rss_before = stats["seconds"], stats["rss_before_mb"]
    found = pair_set(passages, pos)

    gold = planted | dups
    unknown = (pre_pairs - gold) & found
    scored = found - unknown
    tp = len(scored & gold)
    recall = tp / len(gold)
    precision = tp / len(scored) if scored else 0.0
    per_rate = {}
    for rate, g in truth.groupby("rate"):
        pr = {(min(s, t), max(s, t)) for s, t in zip(g["source"], g["target"])}
        per_rate[rate] = len(pr & found) / len(pr)
    # A planted passage may also resemble a third article that tells the same news as its source
    # (Reuters often does): such a pair is transitive reuse, true by content. It is counted as
    # correct when the third article also aligns (loosely) with the planted passage's source.
    src_of = dict(zip(truth["target"], truth["source"]))
    texts = corpus["text"].tolist()
    transitive = set()
    for x, y in scored - gold:
        for t, other in ((x, y), (y, x)):
            s = src_of.get(t)
            if s is not None and s != other and align_texts(texts[other], texts[s], min_match=8, min_similarity=0.5):
                transitive.add((x, y))
    tp += len(transitive)
    precision = tp / len(scored) if scored else 0.0
    fp = sorted(scored - gold - transitive)
    return {"size": len(corpus), "planted": len(planted), "dups": len(dups), "pre_pairs": len(pre_pairs),
            "unknown_excluded": len(unknown), "passages": len(passages), "recall": recall,
            "precision": precision, "recall_by_rate": per_rate, "dup_recall": len(dups & found) / max(1, len(dups)),
            "span_f1": span_f1(passages, truth, pos), "seconds": elapsed, "seconds_clean": t_pre,
            "rate": len(corpus) / elapsed, "rss_before_mb": rss_before, "peak_rss_mb": stats["peak_rss_mb"],
            "false_pairs": [(int(a), int(b)) for a, b in fp[:5]], "transitive": len(transitive), "fp": len(fp)}


def spark_compare(n: int, seed: int, options: dict) -> None:
    """Both engines on the first n Reuters bodies with planted copies: time and identical output."""
    from srcanalysis.reuse.spark import get_spark
    reuters = load_reuters(limit=n)
    corpus, truth = plant(reuters, n // 20, np.arange(len(reuters)), np.random.default_rng(seed))
    t0 = time.perf_counter()
    py = find_reuse(corpus, **options)
    t_py = time.perf_counter() - t0
    spark = get_spark("local[2]")
    spark.sparkContext.setLogLevel("ERROR")
    find_reuse(corpus.head(50), engine="spark", spark=spark, **options)     # warm-up
    t0 = time.perf_counter()
    sp = find_reuse(corpus, engine="spark", spark=spark, **options)
    t_sp = time.perf_counter() - t0
    same = py.reset_index(drop=True).equals(sp.reset_index(drop=True))
    print(f"{len(corpus):,} articles, {len(truth)} planted: python {t_py:.1f} s ({len(py):,} passages), "
          f"spark local[2] {t_sp:.1f} s ({len(sp):,} passages); identical: {same}")
    spark.stop()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000, 100000])
    ap.add_argument("--plants", type=int, default=None, help="planted copies per size (default 10%% of 10k = 1000, 3000 at 100k)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--option", action="append", default=[], help="find_reuse option as key=value")
    ap.add_argument("--spark", type=int, default=0, metavar="N",
                    help="instead: run both engines on N Reuters bodies (local[2]) and compare")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(*args.child)
    options = {}
    for kv in args.option:
        k, v = kv.split("=")
        options[k] = float(v) if "." in v else int(v)
    if args.spark:
        return spark_compare(args.spark, args.seed, options)
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})   # one core (the timed runs also pin)
    except (AttributeError, OSError):
        pass
    t0 = time.perf_counter()
    reuters = load_reuters()
    print(f"Reuters-21578: {len(reuters):,} bodies loaded in {time.perf_counter() - t0:.1f} s; options {options or 'defaults'}")
    results = []
    for size in args.sizes:
        plants = args.plants or (1000 if size <= 20000 else 3000)
        r = run_size(size, reuters, plants, args.seed, options)
        results.append(r)
        rates = ", ".join(f"{int(k * 100)}%: {v:.3f}" for k, v in r["recall_by_rate"].items())
        print(f"\n== {r['size']:,} articles, {r['planted']} planted copies, {r['dups']} Reuters duplicate pairs")
        print(f"  pre-existing pairs in clean corpus: {r['pre_pairs']} (excluded from precision: {r['unknown_excluded']})")
        print(f"  pair recall {r['recall']:.4f} (by edit rate {rates}; duplicates {r['dup_recall']:.3f})")
        print(f"  pair precision {r['precision']:.4f} ({r['fp']} false pairs; {r['transitive']} transitive pairs counted "
              f"true)   passage-span F1 {r['span_f1']:.4f}   passages {r['passages']:,}")
        print(f"  find_reuse {r['seconds']:.1f} s = {r['rate']:,.0f} articles/s on one core "
              f"(clean corpus run {r['seconds_clean']:.1f} s)")
        print(f"  peak RSS of the find_reuse process {r['peak_rss_mb']:,.0f} MB "
              f"({r['rss_before_mb']:,.0f} MB with the corpus loaded, before find_reuse)")
        if r["false_pairs"]:
            print(f"  sample false pairs: {r['false_pairs']}")
    big = [r for r in results if r["size"] > 20000]
    if len(big) >= 2:   # same composition (Reuters + bigram articles): fit growth between them
        a, b = big[-2], big[-1]
        k_t = math.log(b["seconds"] / a["seconds"]) / math.log(b["size"] / a["size"])
        t_1m = b["seconds"] * (1e6 / b["size"]) ** max(k_t, 1.0)
        per_article = (b["peak_rss_mb"] - a["peak_rss_mb"]) / (b["size"] - a["size"])
        m_1m = b["peak_rss_mb"] + per_article * (1e6 - b["size"])
        print(f"\n1M-article estimate (from {a['size']:,} -> {b['size']:,}): time grows as N^{k_t:.2f} "
              f"(taken as at least linear) -> {t_1m / 60:.1f} min on one core; memory grows "
              f"{per_article * 1024:.1f} KB/article -> {m_1m / 1024:.1f} GB peak")


if __name__ == "__main__":
    main()

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

Two further checks (``--clusters`` and ``--wire``, both on by default):

* **One source, many copies.** ``--clusters`` short source texts (100-250 words of Reuters prose,
  whole sentences) each get 19 derived documents, as in a graded text-reuse corpus: 5 near copies
  (0-2 % of words edited), 5 light revisions (10 % of words edited in short phrases, one sentence
  moved), 5 heavy revisions (about half the words changed in phrases of 1-4 words, i.e. replaced,
  dropped or padded; sentences reordered and a third of them merged) and 4 unrelated texts on the same subject (the Reuters bodies sharing
  the most content words with the source). They sit among 3,000 other Reuters bodies. Scored: pairs
  with a source (gold: the 15 derived ones), recall per class, precision, F1. Pairs between two
  derived documents are true by content and counted apart.
* **Wire copies.** Reuters-21578's groups of identical bodies become one wire story run by several
  outlets: the earliest copy stays "Reuters", later ones are relabelled "Paper k" one hour apart;
  two thirds of the copies get a planted credit (a "LONDON (Reuters) -" dateline, a closing
  "Reuters" line, "Reuters contributed to this report.", or a byline credit column "Reuters"), the
  rest none. Among 3,000 other Reuters bodies. Scored: pair P/R against the duplicate groups, span
  F1 (whole bodies), credit accuracy over the passages (gold: the taker credits Reuters when a
  credit was planted in it; when both copies are takers from the agency (``taker == "both"``), the
  passage is credited only when both credit it; copies whose own body already names Reuters are
  left out of it).

Usage::

    /work/venv/bin/python bench/bench_reuse.py            # 10k and 100k
    /work/venv/bin/python bench/bench_reuse.py --sizes 10000 --plants 800
    /work/venv/bin/python bench/bench_reuse.py --spark 2000    # both engines, identical output?
    /work/venv/bin/python bench/bench_reuse.py --sizes --clusters 40 --wire   # only the two checks
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
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


# --------------------------------------------------------------------------- one source, many copies
def prose(text: str) -> str:
    """A Reuters body as running prose (hard line wraps and paragraph indents joined)."""
    return " ".join(text.split())


def sentences_of(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z\"])", text) if x.strip()]


def short_source(text: str, rng: np.random.Generator) -> str | None:
    """Whole sentences of a body, 100-250 words (None when the body has too little prose)."""
    sents = sentences_of(prose(text))
    target = int(rng.integers(100, 251))
    out: list[str] = []
    for x in sents:
        if sum(len(y.split()) for y in out) >= target:
            break
        out.append(x)
    words = sum(len(y.split()) for y in out)
    digits = sum(c.isdigit() for c in " ".join(out))
    return " ".join(out) if 100 <= words <= 260 and digits < 0.05 * len(" ".join(out)) else None


def phrase_edit(text: str, rate: float, vocab: np.ndarray, rng: np.random.Generator) -> str:
    """Change about ``rate`` of the words in runs of 1-4 words (replaced, dropped or expanded)."""
    words = text.split()
    out, k, changed = [], 0, 0
    while k < len(words):
        if rng.random() < rate / 2.5:
            run = int(rng.integers(1, 5))
            op = rng.random()
            if op < 0.6:
                out.extend(str(vocab[rng.integers(len(vocab))]) for _ in range(run))
            elif op < 0.8:
                pass
            else:
                out.extend(words[k:k + run])
                out.extend(str(vocab[rng.integers(len(vocab))]) for _ in range(int(rng.integers(1, 3))))
            k += run
            changed += run
        else:
            out.append(words[k])
            k += 1
    return " ".join(out)


def revise(src: str, kind: str, vocab: np.ndarray, rng: np.random.Generator) -> str:
    """A derived document of class ``cut``, ``light`` or ``heavy``."""
    sents = sentences_of(src)
    if kind == "cut":
        return edit(src, float(rng.choice([0.0, 0.01, 0.02])), vocab, rng)
    if kind == "light":
        if len(sents) > 2:
            i, j = rng.choice(len(sents), 2, replace=False)
            sents[i], sents[j] = sents[j], sents[i]
        return phrase_edit(" ".join(sents), 0.10, vocab, rng)
    # heavy: reorder, merge neighbours, change about half the words in phrases
    order = rng.permutation(len(sents)).tolist()
    sents = [sents[k] for k in order]
    merged: list[str] = []
    for x in sents:
        if merged and rng.random() < 0.3:
            merged[-1] = merged[-1].rstrip(".") + ", and " + x[:1].lower() + x[1:]
        else:
            merged.append(x)
    return phrase_edit(" ".join(merged), 0.75, vocab, rng)    # 0.75 changes about 52 % of the words


def content_words(text: str) -> set[str]:
    return {w for w in tokens(text) if len(w) > 3 and w.isalpha()}


def cluster_corpus(reuters: pd.DataFrame, n_sources: int, background: int, rng: np.random.Generator):
    """Background bodies + short sources with 19 derived documents each; truth per (source, doc)."""
    texts = reuters["text"].tolist()
    vocab = np.array(sorted({w for t in texts[:3000] for w in t.split() if w.isalpha() and len(w) > 3}))
    bg_idx = list(range(background))
    pool = [k for k in rng.permutation(np.arange(background, len(texts)))]
    seen_body = {prose(texts[k]) for k in bg_idx}
    words_of = {k: content_words(texts[k]) for k in pool[:6000]}
    rows, truth, used = [], [], set()
    kinds = ["cut"] * 5 + ["light"] * 5 + ["heavy"] * 5 + ["non"] * 4
    for k in pool:
        if len(truth) >= n_sources * 15 or k in used:
            if len(truth) >= n_sources * 15:
                break
            continue
        src = short_source(texts[k], rng)
        if src is None or prose(texts[k]) in seen_body:
            continue
        used.add(k)
        sid = f"src-{k}"
        rows.append((sid, "Source", src))
        cw = content_words(src)
        near = sorted((k2 for k2 in words_of if k2 not in used and prose(texts[k2]) != prose(texts[k])),
                      key=lambda k2: -len(cw & words_of[k2]) / (1 + len(words_of[k2])))
        non = iter(near)
        for j, kind in enumerate(kinds):
            did = f"{sid}-{kind}-{j}"
            if kind == "non":
                k2 = next(non)
                used.add(k2)
                body = short_source(texts[k2], rng) or " ".join(prose(texts[k2]).split()[:200])
                rows.append((did, f"Writer {j}", body))
                continue
            rows.append((did, f"Writer {j}", revise(src, kind, vocab, rng)))
            truth.append((sid, did, kind))
    bg = reuters.iloc[bg_idx]
    frame = pd.concat([bg[["article_id", "outlet", "text"]],
                       pd.DataFrame(rows, columns=["article_id", "outlet", "text"])], ignore_index=True)
    frame["published"] = pd.NaT
    return frame, pd.DataFrame(truth, columns=["source", "doc", "kind"])


def run_clusters(reuters: pd.DataFrame, n_sources: int, seed: int, options: dict) -> None:
    rng = np.random.default_rng(seed + 1)
    corpus, truth = cluster_corpus(reuters, n_sources, 3000, rng)
    passages, stats = timed_find_reuse(corpus, options)
    found = {frozenset(x) for x in zip(passages["article_a"], passages["article_b"])}
    sources = set(truth["source"])
    gold = {frozenset(x) for x in zip(truth["source"], truth["doc"])}
    with_src = {p for p in found if p & sources}
    tp = len(with_src & gold)
    prec = tp / len(with_src) if with_src else 0.0
    rec = tp / len(gold)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    by_kind = {k: len({frozenset(x) for x in zip(g["source"], g["doc"])} & found) / len(g)
               for k, g in truth.groupby("kind")}
    derived = set(truth["doc"])
    among = {p for p in found if p <= derived and len({x.rsplit("-", 2)[0] for x in p}) == 1}
    full = dict(zip(reuters["article_id"], reuters["text"]))
    pre = set()
    for p in with_src - gold:   # a background body that is an update of the source's own story
        src = next(x for x in p if x in sources)
        other = next(x for x in p if x != src)
        if other in full and align_texts(full[other], reuters["text"].iat[int(src.split("-")[1])], min_match=12):
            pre.add(p)
    with_src -= pre
    tp = len(with_src & gold)
    prec = tp / len(with_src) if with_src else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    fps = sorted(tuple(sorted(p)) for p in with_src - gold)
    print(f"\n== one source, many copies: {len(sources)} short sources x 19 documents among 3,000 Reuters bodies "
          f"({len(corpus):,} articles)")
    print(f"  pairs with a source: recall {rec:.3f} (near copies {by_kind.get('cut', 0):.3f}, light "
          f"{by_kind.get('light', 0):.3f}, heavy {by_kind.get('heavy', 0):.3f}), precision {prec:.3f}, F1 {f1:.3f} "
          f"({len(fps)} false pairs{', e.g. ' + str(fps[:3]) if fps else ''}; {len(pre)} pairs with a Reuters update of "
          "the source's own story not scored)")
    print(f"  pairs between two documents derived from one source (true by content, not scored): {len(among):,}")
    clusters = passages.groupby("cluster")["origin"].first()
    print(f"  clusters {len(clusters):,}; find_reuse {stats['seconds']:.1f} s")


# --------------------------------------------------------------------------- wire copies with credit lines
CREDITS = [
    ("dateline", lambda t: "LONDON, March 3 (Reuters) - " + t, {}),
    ("closing", lambda t: t + "\n\nReuters", {}),
    ("contributed", lambda t: t + "\n\nReuters contributed to this report.", {}),
    ("byline", lambda t: t, {"credit": "Reuters"}),
]


def wire_corpus(reuters: pd.DataFrame, rng: np.random.Generator, background: int = 3000):
    """Duplicate-body groups as one wire story in several outlets, credit planted in 2/3 of the copies."""
    df = reuters.copy()
    df["credit"] = ""
    # Reuters' own "REUTER" sign-off is itself a closing credit line: drop it, so only planted credits remain.
    df["text"] = df["text"].str.replace(r"\s*\bREUTER\s*$", "", regex=True)
    key = df["text"].str.strip()
    groups = [sorted(idx) for idx in df.groupby(key).indices.values() if len(idx) > 1]
    groups = [g for g in groups if len(tokens(df["text"].iat[g[0]])) >= 20]
    members = {k for g in groups for k in g}
    bg = [k for k in range(len(df)) if k not in members][:background]
    truth, base_time = [], pd.Timestamp("1987-03-01")
    for gi, g in enumerate(groups):
        for rank, k in enumerate(g):
            df.iat[k, df.columns.get_loc("published")] = base_time + pd.Timedelta(days=gi, hours=rank)
            if rank == 0:
                continue
            df.iat[k, df.columns.get_loc("outlet")] = f"Paper {rank}"
            planted = rng.random() < 2 / 3
            how = CREDITS[int(rng.integers(len(CREDITS)))] if planted else ("none", lambda t: t, {})
            df.iat[k, df.columns.get_loc("text")] = how[1](df["text"].iat[k])
            for col, val in how[2].items():
                df.iat[k, df.columns.get_loc(col)] = val
            truth.append((df["article_id"].iat[k], planted, how[0]))
    corpus = df.iloc[bg + sorted(members)].reset_index(drop=True)
    return corpus, groups, pd.DataFrame(truth, columns=["article_id", "credited", "how"]), df


def run_wire(reuters: pd.DataFrame, seed: int, options: dict) -> None:
    rng = np.random.default_rng(seed + 2)
    corpus, groups, truth, df = wire_corpus(reuters, rng)
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "in.parquet"), os.path.join(tmp, "out.parquet")
        corpus[["article_id", "outlet", "published", "text", "credit"]].to_parquet(inp)
        res = subprocess.run([sys.executable, __file__, "--child", inp, out, json.dumps(options)],
                             capture_output=True, text=True, check=True)
        stats = json.loads(res.stdout.strip().splitlines()[-1])
        passages = pd.read_parquet(out)
    ids = df["article_id"].tolist()
    gold = {frozenset((ids[a], ids[b])) for g in groups for i, a in enumerate(g) for b in g[i + 1:]}
    found = {frozenset(x) for x in zip(passages["article_a"], passages["article_b"])}
    in_groups = {ids[k] for g in groups for k in g}
    scored = {p for p in found if p <= in_groups}          # pairs with a background body: Reuters' own reuse
    outside = len({p for p in found if p & in_groups} - scored)
    tp = len(scored & gold)
    prec, rec = tp / max(1, len(scored)), tp / max(1, len(gold))
    # span F1 (characters): passages of a gold pair against both whole bodies (planted credit lines are outside)
    text_of = dict(zip(corpus["article_id"], corpus["text"]))
    body_of = {ids[k]: df["text"].iat[g[0]].strip() for g in groups for k in g}
    cover: dict[tuple, list] = {}
    for r in passages.itertuples():
        if frozenset((r.article_a, r.article_b)) in gold:
            cover.setdefault((r.article_a, r.article_b, r.article_a), []).append((r.a_start, r.a_end))
            cover.setdefault((r.article_a, r.article_b, r.article_b), []).append((r.b_start, r.b_end))
    tp_c = pred_c = gold_c = 0
    for p in gold:
        a, b = tuple(p)
        for aid in p:
            t = text_of[aid]
            g0 = t.find(body_of[aid])
            g1 = g0 + len(body_of[aid])
            gold_c += g1 - g0
            mask = np.zeros(len(t), dtype=bool)
            for key in ((a, b, aid), (b, a, aid)):
                for s0, s1 in cover.get(key, []):
                    mask[s0:s1] = True
            pred_c += int(mask.sum())
            tp_c += int(mask[g0:g1].sum())
    sp, sr = tp_c / max(1, pred_c), tp_c / max(1, gold_c)
    span = 2 * sp * sr / (sp + sr) if sp + sr else 0.0
    # credit accuracy: the later copy (the taker) credits Reuters iff a credit was planted in it
    planted = dict(zip(truth["article_id"], truth["credited"]))
    names_reuters = {aid for aid in in_groups if re.search(r"\breuters?\b", body_of[aid], re.I)}
    date_of = dict(zip(corpus["article_id"], corpus["published"]))
    right = total = 0
    confusion: dict[tuple[str, str], int] = {}
    for r in passages.itertuples():
        if frozenset((r.article_a, r.article_b)) not in gold:
            continue
        later = r.article_b if date_of[r.article_b] > date_of[r.article_a] else r.article_a
        # two copies of the wire story are both takers from the agency (taker "both"): the passage is
        # credited only when each credits it; else the later copy is the taker
        takers = [r.article_a, r.article_b] if r.taker == "both" else [later]
        if any(t in names_reuters or t not in planted for t in takers):
            continue
        want = "credited" if all(planted[t] for t in takers) else "not_credited"
        total += 1
        right += r.credit == want
        confusion[(want, r.credit)] = confusion.get((want, r.credit), 0) + 1
    origins = passages.loc[passages["article_a"].isin(in_groups), "origin"].value_counts().to_dict()
    print(f"\n== wire copies: {len(groups)} Reuters duplicate groups as wire stories ({len(gold)} pairs) among "
          f"{len(corpus) - len(in_groups):,} other bodies")
    print(f"  pair recall {rec:.4f}, precision {prec:.4f} (among the copies), span F1 {span:.4f}; "
          f"{outside} pairs of a copy with another Reuters body (Reuters' own templates and updates) not scored")
    print(f"  credit accuracy {right / max(1, total):.4f} over {total} passages "
          f"({len(names_reuters)} copies whose body names Reuters left out); (gold, found): "
          f"{dict(sorted(confusion.items()))}")
    print(f"  cluster origins of these passages: {origins}; find_reuse {stats['seconds']:.1f} s "
          f"= {len(corpus) / stats['seconds']:,.0f} articles/s")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10000, 50000, 100000])
    ap.add_argument("--clusters", type=int, default=40, help="short sources with 19 documents each (0: skip)")
    ap.add_argument("--wire", action=argparse.BooleanOptionalAction, default=True,
                    help="wire-copy check from Reuters duplicate bodies with planted credit lines")
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
    if args.clusters:
        run_clusters(reuters, args.clusters, args.seed, options)
    if args.wire:
        run_wire(reuters, args.seed, options)
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

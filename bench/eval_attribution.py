"""Attribution detection on PolNeAR (../shared/devdata/polnear), sentence level.

A sentence is *sourced* in the gold data when it overlaps a Source, Cue or Content span of an
attribution; srcanalysis calls it sourced when ``source_type`` is not ``unattributed``. Prints
precision/recall/F1 against that, a plain regex baseline in the same run, and, for sentences whose
gold Source span is a noun phrase without a proper name ("officials", "a senior aide"), the share
tagged ``anonymous``. PolNeAR also labels beliefs and intentions, so its sourced share is higher
than in journalism studies.

When a local ``bench/polnear_source_types.csv`` is present (columns split, annotation, source_start,
source_end, type: hand labels of gold Source spans as named_person, named_org, document or
anonymous; derived from PolNeAR, so git-ignored and never committed), it also prints the source-type
macro-F1 the held-out goal uses, on those sentences plus every unsourced one. Without it that part
is skipped.

The tagger runs with ``scope="polnear"`` (beliefs and intentions count, as PolNeAR annotates them)
unless ``--scope codebook`` is given; the codebook reading is scored by ``bench/eval_sourcing.py``.
Under the codebook, unnamed sources split into ``anonymous``, ``unnamed_person`` and
``unnamed_group``; the figures below count all three as "unnamed".

Run: ``python bench/eval_attribution.py [--split dev|train] [--scope polnear|codebook] [--errors N]``
Goal (dev): precision >= 0.90, recall >= 0.75. Rules were developed on ``--split train``; dev is
the measurement.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _reuters import SHARED  # noqa: E402

from srcanalysis.sources.attribution import tag_frame  # noqa: E402
from srcanalysis.segment import split_sentences  # noqa: E402

POLNEAR = SHARED / "devdata" / "polnear" / "data"
#: Optional, local only (git-ignored: it is keyed to PolNeAR): source-type hand labels for gold Source
#: spans, by annotation file and offsets, with the taxonomy of the source-type issue.
TYPE_LABELS = ROOT / "bench" / "polnear_source_types.csv"
BASELINE = re.compile(r"\b(?:said|says|told|according to)\b")
PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "who", "whom", "which", "that",
            "his", "its", "their", "my", "our", "me", "us", "those", "this", "a", "the", "said", "one", "your"}


def load(split: str) -> pd.DataFrame:
    rows = []
    for ann in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        text = (POLNEAR / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        spans, sources = [], []
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0].startswith("T"):
                continue
            kind, *offsets = parts[1].split(" ")
            if kind not in ("Source", "Cue", "Content"):
                continue
            for frag in " ".join(offsets).split(";"):
                a, b = (int(x) for x in frag.split())
                spans.append((a, b))
                if kind == "Source":
                    sources.append((a, b, parts[2]))
        for k, (s, e) in enumerate(split_sentences(text)):
            gsrc = [(a, b, t) for a, b, t in sources if a < e and b > s]
            rows.append({"article_id": stem, "paragraph": text.count("\n", 0, s), "sentence": k, "text": text[s:e],
                         "gold": any(a < e and b > s for a, b in spans), "gold_source": gsrc[0][2] if gsrc else "",
                         "annotation": ann.name, "source_start": gsrc[0][0] if gsrc else -1,
                         "source_end": gsrc[0][1] if gsrc else -1})
    return pd.DataFrame(rows)


def type_scores(df: pd.DataFrame, pred: pd.Series, split: str) -> tuple[float, dict, int] | None:
    """Macro-F1 over named person, named organisation (media included), document and anonymous, on the
    sentences whose gold source has a hand label in ``polnear_source_types.csv``, plus every unsourced
    sentence (gold ``unattributed``). Labelled sentences are weighted up to stand for all sourced ones,
    so a false positive on an unsourced sentence counts as much as it would on the full split."""
    if not TYPE_LABELS.exists():
        return None
    labels = pd.read_csv(TYPE_LABELS)
    labels = labels[labels["split"] == split].set_index(["annotation", "source_start", "source_end"])["type"]
    key = pd.MultiIndex.from_frame(df[["annotation", "source_start", "source_end"]])
    gold = pd.Series(labels.reindex(key).to_numpy(), index=df.index, dtype=object)
    gold[~df["gold"]] = "unattributed"
    keep = gold.notna()
    labelled = int((keep & df["gold"]).sum())
    if not labelled:
        return None
    weight = pd.Series(1.0, index=df.index)
    weight[df["gold"]] = df["gold"].sum() / labelled
    g, p, w = gold[keep], pred[keep].replace({"media": "named_org"}), weight[keep]
    scores = {}
    for t in ("named_person", "named_org", "document", "anonymous"):
        tp, pp, gg = w[(g == t) & (p == t)].sum(), w[p == t].sum(), w[g == t].sum()
        prec, rec = (tp / pp if pp else 0.0), (tp / gg if gg else 0.0)
        scores[t] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f for _, _, f in scores.values()) / len(scores), scores, labelled


def prf(pred: pd.Series, gold: pd.Series) -> tuple[float, float, float]:
    tp = int((pred & gold).sum())
    p = tp / max(int(pred.sum()), 1)
    r = tp / max(int(gold.sum()), 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def unnamed(span: str) -> bool:
    """A gold Source span that is a noun phrase without a proper name (and not a pronoun)."""
    toks = re.findall(r"[\w’'.-]+", span)
    if not toks or (len(toks) == 1 and toks[0].lower() in PRONOUNS):
        return False
    return not any(t[:1].isupper() for t in toks[1:]) and not (toks[0][:1].isupper() and toks[0].lower() not in
                                                               {"a", "an", "the", "some", "many", "two", "three",
                                                                "several", "officials", "sources", "one", "other", "others"})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--errors", type=int, default=0, help="print N false negatives and N false positives")
    parser.add_argument("--scope", default="polnear", choices=["polnear", "codebook"])
    args = parser.parse_args()
    if not POLNEAR.exists():
        print(f"PolNeAR not found at {POLNEAR}; nothing to evaluate")
        return
    df = load(args.split)
    t = time.perf_counter()
    tags = tag_frame(df[["article_id", "paragraph", "sentence", "text"]], scope=args.scope)
    unnamed_types = ["anonymous", "unnamed_person", "unnamed_group"]
    elapsed = time.perf_counter() - t
    pred = tags["source_type"].astype(str) != "unattributed"
    print(f"PolNeAR {args.split} (scope={args.scope}): {df['article_id'].nunique()} articles, {len(df):,} sentences, "
          f"gold sourced share {df['gold'].mean():.3f}")
    p, r, f = prf(pred, df["gold"])
    print(f"  srcanalysis      P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({len(df) / elapsed:,.0f} sentences/s)")
    p, r, f = prf(df["text"].str.contains(BASELINE), df["gold"])
    print(f"  regex baseline   P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (said|says|told|according to)")
    mask = df["gold_source"].map(unnamed)
    anon = tags.loc[mask, "source_type"].astype(str)
    print(f"  gold sources without a proper name: {int(mask.sum())} sentences; tagged unnamed (anonymous, unnamed "
          f"person or group) {anon.isin(unnamed_types).mean():.3f}, of which anonymous {(anon == 'anonymous').mean():.3f}; "
          f"any sourced type {(anon != 'unattributed').mean():.3f}")
    detected = anon[anon != "unattributed"]
    print(f"    of those detected as sourced, tagged unnamed {detected.isin(unnamed_types).mean():.3f}"
          f" (unnamed or document {detected.isin(unnamed_types + ['document']).mean():.3f})")
    types = type_scores(df, tags["source_type"].astype(str), args.split)
    if types:
        macro, scores, labelled = types
        print(f"  source types, {labelled} hand-labelled gold sources + every unsourced sentence: macro-F1 {macro:.3f}")
        for t, (tp, tr, tf) in scores.items():
            print(f"    {t:14s} P {tp:.3f}  R {tr:.3f}  F1 {tf:.3f}")
    print("  type mix of sourced predictions:",
          tags.loc[pred, "source_type"].astype(str).value_counts(normalize=True).round(3).to_dict())
    family = tags["rule"].astype(str).str.replace(r"\+.*", "", regex=True)
    by_rule = df.loc[pred, "gold"].groupby(family[pred]).agg(["count", "mean"]).sort_values("count", ascending=False)
    print("  precision by rule (sentences, share gold-sourced):")
    for rule, row in by_rule.iterrows():
        print(f"    {rule:38s} {int(row['count']):6,d}  {row['mean']:.3f}")
    if args.errors:
        show = df.assign(pred=tags["source_type"].astype(str), rule=tags["rule"].astype(str))
        print("\nfalse negatives:")
        for row in show[show["gold"] & ~pred].sample(min(args.errors, int((show["gold"] & ~pred).sum())), random_state=0).itertuples():
            print(f"  [{row.gold_source}] {row.text[:150]}")
        print("\nfalse positives:")
        for row in show[~show["gold"] & pred].sample(min(args.errors, int((~show["gold"] & pred).sum())), random_state=0).itertuples():
            print(f"  ({row.pred}, {row.rule}) {row.text[:150]}")


if __name__ == "__main__":
    main()

"""Source types by the sourcing codebook, scored on ``../shared/devdata/sourcetypes`` (sentence level).

Three sets, each fed to :func:`srcanalysis.sources.attribution.tag_frame` article by article in the
labellers' own sentence split:

- ``codebook``: ``codebook_labels.tsv``, 50 PolNeAR articles hand-coded by
  ``../shared/sourcing-codebook.md`` (paragraphs recovered from the PolNeAR text files). It is split
  into a *develop* half (articles at even positions in the file) and a *check* half (odd positions):
  rules were developed looking at the develop half only; the check half is the measurement.
- ``gum``: 24 GUM Wikinews articles, types derived from gold layers (``sentences.tsv``, ``gum/`` rows);
  sentences inside a quotation with no attribution of their own are "don't care".
- ``nyt``: 2 NYT articles with direct human labels (``spangher2023/`` rows).

For each it prints sourced-vs-unsourced P/R/F1 (``no_comment`` is not sourced, codebook section 1),
per-type P/R/F1 and the macro-F1 over person / organisation (media included) / document / unnamed
(anonymous, unnamed_person and unnamed_group: codebook section 5), computed over every sentence (a
type predicted on an unsourced sentence is a false positive of that type), and, on ``codebook``
only (the one set that separates withheld identities from unnamed people), ``anonymous`` P/R.
A gold sentence carrying two types ("named_org;document") counts a prediction of either as right.

Goals (held-out, issue 11): sourced F1 >= 0.85, type macro-F1 >= 0.65, anonymous P >= 0.60 with
R >= 0.70.

Run: ``python bench/eval_sourcing.py [--scope codebook|polnear] [--errors N] [--set codebook-develop]``
The data are research-use dev data: read from ``../shared/devdata``, never committed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _reuters import SHARED  # noqa: E402

from srcanalysis.sources.attribution import tag_frame  # noqa: E402

DATA = SHARED / "devdata" / "sourcetypes"
POLNEAR = SHARED / "devdata" / "polnear" / "data"
#: Scoring classes (codebook section 5).
SCORE_CLASS = {"named_person": "person", "named_org": "org", "media": "org", "document": "document",
               "anonymous": "unnamed", "unnamed_person": "unnamed", "unnamed_group": "unnamed",
               "other": "other", "no_comment": "none", "unattributed": "none", "NONE": "none"}
CLASSES = ["person", "org", "document", "unnamed"]


def _paragraphs(file: str, sentences: list[str]) -> list[int]:
    """Paragraph numbers for a codebook article's sentences, from the PolNeAR text (0 if not found)."""
    for split in ("dev", "train"):
        path = POLNEAR / split / "text" / file
        if path.exists():
            text = path.read_text(encoding="utf-8")
            break
    else:
        return [0] * len(sentences)
    out, pos, para = [], 0, 0
    for s in sentences:
        k = text.find(s[:30].strip(), pos)
        if k >= 0:
            para, pos = text.count("\n\n", 0, k), k + 1
        out.append(para)
    return out


def load_codebook() -> pd.DataFrame:
    df = pd.read_csv(DATA / "codebook_labels.tsv", sep="\t", quoting=3, dtype=str, keep_default_na=False)
    df["sent_idx"] = df["sent_idx"].astype(int)
    order = list(dict.fromkeys(df["file"]))
    half = {f: ("codebook-develop" if k % 2 == 0 else "codebook-check") for k, f in enumerate(order)}
    parts = []
    for file, g in df.groupby("file", sort=False):
        g = g.sort_values("sent_idx")
        parts.append(pd.DataFrame({
            "set": half[file], "article_id": file, "paragraph": _paragraphs(file, g["sentence"].tolist()),
            "sentence": g["sent_idx"].to_numpy(), "text": g["sentence"].to_numpy(),
            "gold": g["source_type"].to_numpy(), "gold_source": g["source"].to_numpy(),
            "gold_name": g["source_name"].to_numpy(), "care": True}))
    return pd.concat(parts, ignore_index=True)


def load_sentences() -> pd.DataFrame:
    df = pd.read_csv(DATA / "sentences.tsv", sep="\t", quoting=3, dtype=str, keep_default_na=False)
    df["sent_idx"] = df["sent_idx"].astype(int)
    df = df.sort_values(["doc_id", "sent_idx"], kind="stable")
    return pd.DataFrame({
        "set": df["doc_id"].str.startswith("gum/").map({True: "gum", False: "nyt"}).to_numpy(),
        "article_id": df["doc_id"].to_numpy(), "paragraph": df["sent_idx"].to_numpy() * 0,
        "sentence": df["sent_idx"].to_numpy(), "text": df["sentence"].to_numpy(),
        "gold": df["source_type"].to_numpy(), "gold_source": df["source_text"].to_numpy(), "gold_name": "",
        "care": ~df["original_label"].str.contains("inside_quotation=1", regex=False).to_numpy()})


def prf(tp: float, pp: float, gg: float) -> tuple[float, float, float]:
    p = tp / pp if pp else 0.0
    r = tp / gg if gg else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(df: pd.DataFrame) -> dict:
    """Sourced P/R/F1, per-class P/R/F1 and macro-F1, and anonymous P/R on one set's rows."""
    d = df[df["care"]]
    gold_types = d["gold"].str.split(";")
    gold_cls = gold_types.map(lambda ts: [SCORE_CLASS.get(t, "other") for t in ts])
    pred_cls = d["pred"].map(SCORE_CLASS)
    gold_sourced = gold_cls.map(lambda cs: cs != ["none"])
    pred_sourced = pred_cls != "none"
    out = {"n": len(d), "sourced": prf((gold_sourced & pred_sourced).sum(), pred_sourced.sum(), gold_sourced.sum())}
    gold_one = [p if p in cs else cs[0] for p, cs in zip(pred_cls, gold_cls)]
    gold_one = pd.Series(gold_one, index=d.index)
    out["types"] = {c: prf(((gold_one == c) & (pred_cls == c)).sum(), (pred_cls == c).sum(), (gold_one == c).sum())
                    for c in CLASSES}
    out["macro"] = sum(f for _, _, f in out["types"].values()) / len(CLASSES)
    gold_anon = gold_types.map(lambda ts: "anonymous" in ts)
    pred_anon = d["pred"] == "anonymous"
    out["anonymous"] = prf((gold_anon & pred_anon).sum(), pred_anon.sum(), gold_anon.sum()) + (
        int(pred_anon.sum()), int(gold_anon.sum()))
    fine = [t for t in ("named_person", "named_org", "media", "document", "anonymous", "unnamed_person",
                        "unnamed_group", "no_comment")]
    g1 = pd.Series([p if p in ts else ts[0] for p, ts in zip(d["pred"], gold_types)], index=d.index)
    out["fine"] = {t: prf(((g1 == t) & (d["pred"] == t)).sum(), (d["pred"] == t).sum(), (g1 == t).sum()) + (
        int((g1 == t).sum()),) for t in fine}
    return out


def report(name: str, s: dict, fine: bool) -> None:
    p, r, f = s["sourced"]
    print(f"{name:17s} n={s['n']:5d}  sourced P {p:.3f} R {r:.3f} F1 {f:.3f}   type macro-F1 {s['macro']:.3f}  "
          + "  ".join(f"{c} {s['types'][c][2]:.2f}" for c in CLASSES))
    ap, ar, _, npred, ngold = s["anonymous"]
    if name.startswith("codebook"):
        print(f"{'':17s} anonymous P {ap:.3f} R {ar:.3f} ({npred} tagged, {ngold} gold)")
    if fine:
        for t, (tp, tr, tf, n) in s["fine"].items():
            print(f"{'':19s}{t:15s} P {tp:.3f} R {tr:.3f} F1 {tf:.3f} (gold {n})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scope", default="codebook", choices=["codebook", "polnear"])
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong rows of --set")
    parser.add_argument("--set", default="codebook-develop", help="which set --errors shows")
    parser.add_argument("--fine", action="store_true", help="per codebook type P/R/F1")
    parser.add_argument("--type", default="", help="with --errors: only rows whose gold or predicted fine type is this")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"sourcetypes not found at {DATA}; nothing to evaluate")
        return
    df = pd.concat([load_codebook(), load_sentences()], ignore_index=True)
    frame = df[["article_id", "paragraph", "sentence", "text"]]
    try:
        tags = tag_frame(frame, scope=args.scope)
    except TypeError:  # a tagger without scope (the code before issue 11)
        tags = tag_frame(frame)
    df["pred"] = tags["source_type"].astype(str).to_numpy()
    df["rule"] = tags["rule"].astype(str).to_numpy()
    df["src"] = tags["source"].astype(str).to_numpy()
    df["name"] = tags["source_name"].astype(str).to_numpy() if "source_name" in tags else ""
    for name in ("codebook-develop", "codebook-check"):
        report(name, score(df[df["set"] == name]), args.fine)
    report("codebook (all 50)", score(df[df["set"].str.startswith("codebook")]), args.fine)
    cb = df[df["set"].str.startswith("codebook") & (df["pred"] == df["gold"])
            & df["gold"].isin(["named_person", "named_org", "document", "media"]) & (df["gold_name"] != "")]
    norm = lambda x: x.str.lower().str.replace(r"^(?:the|a|an)\s+", "", regex=True).str.replace("’", "'").str.strip()  # noqa: E731
    hit = norm(cb["name"]) == norm(cb["gold_name"])
    print(f"{'':17s} source_name = gold name on {hit.mean():.3f} of {len(cb)} correctly typed named/document rows "
          f"(named_person {hit[cb['gold'] == 'named_person'].mean():.3f})")
    report("gum", score(df[df["set"] == "gum"]), args.fine)
    report("nyt", score(df[df["set"] == "nyt"]), args.fine)
    report("all", score(df), False)
    if args.errors:
        d = df[(df["set"] == args.set) & df["care"]]
        wrong = d[d["pred"].map(SCORE_CLASS) != [SCORE_CLASS.get(g.split(";")[0], "other") for g in d["gold"]]]
        wrong = wrong[[SCORE_CLASS[p] not in [SCORE_CLASS.get(x, "other") for x in g.split(";")]
                       for p, g in zip(wrong["pred"], wrong["gold"])]]
        if args.type:  # fine-type errors too (anonymous vs unnamed_group are one scoring class)
            wrong = d[(d["gold"].str.contains(args.type) | (d["pred"] == args.type))
                      & ~d.apply(lambda r: r["pred"] in r["gold"].split(";"), axis=1)]
        print(f"\n{len(wrong)} wrong rows in {args.set}; first {args.errors}:")
        for row in wrong.head(args.errors).itertuples():
            print(f"  gold {row.gold} [{row.gold_source}|{row.gold_name}] pred {row.pred} [{row.src}|{row.name}] "
                  f"({row.rule})\n     {row.text[:220]}")


if __name__ == "__main__":
    main()

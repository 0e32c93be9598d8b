"""Source types scored on the held-out Wikinews sets in ``bench/labels/`` (sentence level).

Two files, labelled the same way by ``../shared/sourcing-codebook.md`` without looking at the
tagger's output (``bench/labels/README.md``):

- ``wikinews_codebook.tsv`` ("codebook"): 348 sentences of 24 English Wikinews articles (2020),
  drawn by topic; it has no ``anonymous`` sentence.
- ``wikinews_anonymous.tsv`` ("anonymous"): 320 sentences of 16 English Wikinews articles
  (2019-2020) chosen BY withholding words, so that anonymous precision/recall can be measured; its
  anonymous share is not a population estimate.

No rule of the tagger was developed on them: they are a measurement, not a place to tune.

By default the articles are rebuilt from the TSVs themselves (sentences joined with a space inside a
paragraph, paragraphs with a blank line), so the script needs no development data. With
``--from-devdata`` the articles are read from ``../shared/devdata/wikinews`` instead (the exact
original text; skipped with a message when that folder is absent). Either way the articles go
through ``srcanalysis.read_articles`` and ``srcanalysis.sentences`` (scope ``codebook``) and each
labelled sentence takes the tag of the tagger's sentence that overlaps it most.

For each file, and for both together, it prints in the format of ``bench/eval_sourcing.py``:
sourced-vs-unsourced P/R/F1 (``no_comment`` is not sourced), per-class P/R/F1 and the macro-F1 over
person / organisation (media included) / document / unnamed (anonymous, unnamed_person,
unnamed_group: codebook section 5), ``anonymous`` P/R with counts, and per codebook type P/R/F1.
A second, lenient anonymous line also counts as gold anonymous the sentences whose note says
"anonymous is a defensible reading" (an anonymous source relayed under an outlet's main verb, which
the codebook's main-verb rule types ``media``).

Run: ``python bench/eval_sourcing_heldout.py [--file codebook|anonymous|all] [--from-devdata] [--errors N]``
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from _reuters import SHARED  # noqa: E402
from eval_sourcing import report, score  # noqa: E402

import srcanalysis as sa  # noqa: E402

#: Short name -> labelled file; scored one by one, then together.
LABELS = {"codebook": ROOT / "bench" / "labels" / "wikinews_codebook.tsv",
          "anonymous": ROOT / "bench" / "labels" / "wikinews_anonymous.tsv"}
DEVCSVS = [SHARED / "devdata" / "wikinews" / "data" / f"wikinews_{y}.csv" for y in (2019, 2020)]
#: Note text marking a sentence where ``anonymous`` is a defensible second reading (lenient line).
LENIENT_ANON = "anonymous is a defensible reading"
#: Label names of the TSV -> names the scorer of eval_sourcing.py knows.
GOLD_NAME = {"none": "unattributed"}


def load_labels(names: list[str]) -> pd.DataFrame:
    """The labelled sentences of the named files, in file, article and sentence order (column ``file``)."""
    parts = []
    for name in names:
        df = pd.read_csv(LABELS[name], sep="\t", quoting=3, dtype=str, keep_default_na=False)
        for col in ("sentence_no", "paragraph", "sourced"):
            df[col] = df[col].astype(int)
        parts.append(df.assign(file=name))
    return pd.concat(parts, ignore_index=True)


def articles_from_tsv(df: pd.DataFrame) -> pd.DataFrame:
    """One row per article (url, text) rebuilt from the labelled sentences."""
    rows = []
    for url, g in df.groupby("url", sort=False):
        paras = g.groupby("paragraph", sort=True)["text"].apply(" ".join)
        rows.append({"url": url, "title": "", "text": "\n\n".join(paras)})
    return pd.DataFrame(rows)


def articles_from_devdata(df: pd.DataFrame) -> pd.DataFrame | None:
    """The original articles from the development CSV, or None when it is absent."""
    if not all(p.exists() for p in DEVCSVS):
        return None
    raw = pd.concat([pd.read_csv(p) for p in DEVCSVS], ignore_index=True)
    return raw[raw["url"].isin(set(df["url"]))].reset_index(drop=True)


def align(df: pd.DataFrame, arts: pd.DataFrame, tags: pd.DataFrame) -> tuple[pd.Series, int]:
    """The predicted type of each labelled sentence: the tagged sentence overlapping it most.

    Returns:
        The predicted ``source_type`` per row of ``df`` ("unattributed" when no tagged sentence
        overlaps) and the number of labelled sentences whose text equals a tagged sentence's text.
    """
    pred, exact = [], 0
    for url, g in df.groupby("url", sort=False):
        art = arts[arts["url"] == url].iloc[0]
        t = tags[tags["article_id"] == art["article_id"]]
        texts = set(t["text"].str.strip())
        pos = 0
        for text in g["text"]:
            exact += text.strip() in texts
            k = art["text"].find(text, pos)
            if k < 0:
                k = art["text"].find(text[:40], pos)
            if k < 0:
                pred.append("unattributed")
                continue
            start, end = k, k + len(text)
            pos = k + 1
            ov = (t["end"].clip(upper=end) - t["start"].clip(lower=start)).clip(lower=0)
            pred.append(str(t.loc[ov.idxmax(), "source_type"]) if len(t) and ov.max() > 0 else "unattributed")
    return pd.Series(pred, index=df.index), exact


def print_scores(name: str, df: pd.DataFrame) -> None:
    """Print the scores of one set of labelled rows (columns gold, pred, care, note)."""
    s = score(df)
    report(name, s, fine=True)
    ap, ar, _, npred, ngold = s["anonymous"]
    print(f"{'':17s} anonymous P {ap:.3f} R {ar:.3f} ({npred} tagged, {ngold} gold)")
    lenient = df.assign(gold=[g + ";anonymous" if LENIENT_ANON in n else g for g, n in zip(df["gold"], df["note"])])
    lp, lr, _, _, lgold = score(lenient)["anonymous"]
    print(f"{'':17s} anonymous lenient P {lp:.3f} R {lr:.3f} ({npred} tagged, {lgold} gold incl. "
          f"{lgold - ngold} relayed by an outlet)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="all", choices=[*LABELS, "all"],
                        help="which labelled file to score (default: each, then both together)")
    parser.add_argument("--from-devdata", action="store_true", help="read the articles from ../shared/devdata")
    parser.add_argument("--errors", type=int, default=0, help="print up to N wrong rows")
    args = parser.parse_args()
    names = list(LABELS) if args.file == "all" else [args.file]
    df = load_labels(names)
    if args.from_devdata:
        raw = articles_from_devdata(df)
        if raw is None:
            print(f"Wikinews dev data not found at {DEVCSVS[0].parent}; "
                  "run without --from-devdata to score the TSV's text")
            return
    else:
        raw = articles_from_tsv(df)
    arts = sa.read_articles(raw)
    tags = sa.sentences(arts)
    df["pred"], exact = align(df, arts, tags)
    df["pred"] = df["pred"].replace({"": "unattributed", "nan": "unattributed", "None": "unattributed"})
    df["gold"] = df["source_type"].map(lambda t: GOLD_NAME.get(t, t))
    df["care"] = True
    route = "dev-data articles" if args.from_devdata else "articles rebuilt from the TSV"
    print(f"{df['url'].nunique()} articles, {len(df)} labelled sentences ({route}); "
          f"{exact} have the same text as a tagged sentence, {len(tags)} tagged sentences")
    for name in names:
        print_scores(f"heldout-{name}", df[df["file"] == name])
    if len(names) > 1:
        print_scores("heldout-both", df)
    if args.errors:
        wrong = df[[p != g and not (g in ("unattributed", "no_comment") and p in ("unattributed", "no_comment"))
                    for p, g in zip(df["pred"], df["gold"])]]
        print(f"\n{len(wrong)} rows whose fine type differs; first {args.errors}:")
        for row in wrong.head(args.errors).itertuples():
            print(f"  [{row.file}] gold {row.gold} [{row.source_words}] pred {row.pred}\n     {row.text[:220]}")


if __name__ == "__main__":
    main()

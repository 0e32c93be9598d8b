"""Pick the Wikinews articles of the held-out *anonymous* sourcing set and segment them (no tags).

Run once from the repository root: ``python bench/labels/select_wikinews_anonymous.py [OUT]`` writes
the skeleton (url, article_id, sentence_no, text, paragraph; default
``/tmp/wikinews_anonymous_selection.tsv``) the labels in ``wikinews_anonymous.tsv`` were written on.
Segmentation is exactly that of ``select_wikinews.py``: ``srcanalysis.read_articles`` then
``srcanalysis.sentences(..., tag=False)``; only the text columns are used, no tag was looked at while
labelling. Reads ``../shared/devdata/wikinews`` (CC BY 2.5).

Selection (chosen BY withholding words, so the anonymous share of this set is not a population
estimate): articles of ``wikinews_2019.csv`` and ``wikinews_2020.csv`` that are in neither
``data/wikinews/wikinews_sample.csv`` nor ``wikinews_codebook.tsv``, not Wikinews interviews or test
pages, with 8-45 sentences by ``srcanalysis.sentences``, whose text matches WITHHOLDING (words
reporters use when a source's identity is withheld, plus "according to officials"-style credits that
may or may not be withheld). Up to N of them are drawn with seed 2026, then sorted by date.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from _reuters import SHARED  # noqa: E402

import srcanalysis as sa  # noqa: E402

CSVS = [SHARED / "devdata" / "wikinews" / "data" / f"wikinews_{y}.csv" for y in (2019, 2020)]
SEED, N, MIN_N, MAX_N = 2026, 16, 8, 45
WITHHOLDING = (r"anonymity|anonymous|unnamed|not authori[sz]ed|declined to be (?:named|identified)"
               r"|familiar with|sources? (?:said|told|says?|reports?|within|close to)"
               r"|(?:government|security|military|police|intelligence|diplomatic) sources?\b"
               r"|did not name|an official who|officials who|speaking on condition"
               r"|according to (?:a |two |three )?(?:source|official|person)s?")


def select() -> pd.DataFrame:
    df = pd.concat([pd.read_csv(p) for p in CSVS], ignore_index=True)
    sample = pd.read_csv(ROOT / "data" / "wikinews" / "wikinews_sample.csv")
    first = pd.read_csv(ROOT / "bench" / "labels" / "wikinews_codebook.tsv", sep="\t", quoting=3)
    df = df[~df["url"].isin(sample["url"]) & ~df["url"].isin(first["url"])]
    df = df[~df["title"].str.contains(r"^Wikinews interviews|TEST PAGE", regex=True)]
    df = df[df["text"].str.contains(WITHHOLDING, flags=re.I, regex=True)]
    arts = sa.read_articles(df)
    sents = sa.sentences(arts, tag=False)
    n = sents.groupby("article_id").size()
    arts = arts.assign(n=arts["article_id"].map(n))
    pool = arts[arts["n"].between(MIN_N, MAX_N)]
    chosen = pool.sample(min(N, len(pool)), random_state=SEED).sort_values("published")
    out = sents[sents["article_id"].isin(chosen["article_id"])]
    out = out.merge(chosen[["article_id", "url", "title"]], on="article_id")
    order = {a: k for k, a in enumerate(chosen["article_id"])}
    out = out.assign(k=out["article_id"].map(order)).sort_values(["k", "sentence"])
    return out[["url", "article_id", "sentence", "text", "paragraph", "title"]].rename(
        columns={"sentence": "sentence_no"})


if __name__ == "__main__":
    sel = select()
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/wikinews_anonymous_selection.tsv"
    sel[["url", "article_id", "sentence_no", "text", "paragraph"]].to_csv(out, sep="\t", index=False)
    print(sel.groupby(["article_id", "title"], sort=False).size().to_string())
    print(len(sel), "sentences")

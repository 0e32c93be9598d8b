"""Pick the 24 Wikinews articles of the held-out sourcing set and segment them (no tags).

Run once from the repository root: ``python bench/labels/select_wikinews.py [OUT]`` writes
the skeleton (url, article_id, sentence_no, text, paragraph; default ``/tmp/wikinews_selection.tsv``)
the labels in ``wikinews_codebook.tsv`` were written on. Only the text columns of
``srcanalysis.sentences(..., tag=False)`` are used: no tag was looked at while labelling. Reads ``../shared/devdata/wikinews`` (CC BY 2.5).

Selection: articles of ``wikinews_2020.csv`` that are not in ``data/wikinews/wikinews_sample.csv``,
with 8-40 sentences by ``srcanalysis.sentences``, excluding Wikinews interviews (question/answer
transcripts, not news reports) and test pages; a topic is given to each from its title by the
keyword table TOPICS (first match), then up to 5 per topic are drawn with seed 2026 and the rest of
the 24 filled from the remaining articles with the same seed.
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

CSV = SHARED / "devdata" / "wikinews" / "data" / "wikinews_2020.csv"
SEED, N, PER_TOPIC = 2026, 24, 5
TOPICS = [("sport", r"rugby|basketball|tennis|wrestler|football|olympic|cricket|season"),
          ("crime", r"police|shoot|stab|attack|arrest|convict|extortion|warrant|violence|shot dead|fraud|kill"),
          ("business", r"stores|firm|network|company|market|toilet paper|airport|railway"),
          ("science", r"study|scientist|spacex|spaceflight|mathematician|quake|seismic|coronavirus|covid|novichok"),
          ("politics", r"election|president|primar|caucus|parliament|impeach|government|campaign|minister"
                       r"|senate|house|protest|rally|biden|trump|sanders|summit|politician|mayor")]


def topic(title: str) -> str:
    for name, pat in TOPICS:
        if re.search(pat, title, re.I):
            return name
    return "other"


def select() -> pd.DataFrame:
    df = pd.read_csv(CSV)
    sample = pd.read_csv(ROOT / "data" / "wikinews" / "wikinews_sample.csv")
    df = df[~df["url"].isin(sample["url"])]
    df = df[~df["title"].str.contains(r"^Wikinews interviews|TEST PAGE", regex=True)]
    arts = sa.read_articles(df)
    sents = sa.sentences(arts, tag=False)
    n = sents.groupby("article_id").size()
    arts = arts.assign(n=arts["article_id"].map(n), topic=arts["title"].map(topic))
    pool = arts[arts["n"].between(8, 40)]
    picked = pd.concat([g.sample(min(PER_TOPIC, len(g)), random_state=SEED)
                        for _, g in pool.groupby("topic") if _ != "other"])
    rest = pool.drop(picked.index).sample(N - len(picked), random_state=SEED) if len(picked) < N else pool.iloc[:0]
    chosen = pd.concat([picked, rest]).head(N).sort_values("published")
    out = sents[sents["article_id"].isin(chosen["article_id"])]
    out = out.merge(chosen[["article_id", "url", "topic", "title"]], on="article_id")
    order = {a: k for k, a in enumerate(chosen["article_id"])}
    out = out.assign(k=out["article_id"].map(order)).sort_values(["k", "sentence"])
    return out[["url", "article_id", "sentence", "text", "paragraph", "topic", "title"]].rename(
        columns={"sentence": "sentence_no"})


if __name__ == "__main__":
    sel = select()
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/wikinews_selection.tsv"
    sel[["url", "article_id", "sentence_no", "text", "paragraph"]].to_csv(out, sep="\t", index=False)
    print(sel.groupby(["article_id", "topic", "title"], sort=False).size().to_string())
    print(len(sel), "sentences")

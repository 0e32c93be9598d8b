"""The Spark engine returns the same passages as the in-process engine (local[2]; skipped without pyspark)."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.reuse import find_reuse

from conftest import DATA, SEEDS

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)


def corpus() -> pd.DataFrame:
    """Seeds, ten Wikinews articles and three planted copies (verbatim, edited, same outlet)."""
    seeds = sa.read_articles(SEEDS)
    wiki = sa.read_articles(DATA / "wikinews").head(10)
    w = wiki["text"].tolist()
    para = max(w[0].split("\n"), key=len)
    para2 = max(w[1].split("\n"), key=len)
    planted = pd.DataFrame({
        "article_id": ["copy-1", "copy-2", "copy-3"],
        "outlet": ["Copy Desk", "Rewrite Daily", "Wikinews"],
        "published": pd.to_datetime(["2030-01-01", None, "2030-01-02"]),
        "text": [f"Opening line of a blog post.\n\n{para}\n\n(Wikinews)",
                 para2.replace(" the ", " a ", 2).replace(",", "") + "\n\nMore reporting follows here.",
                 w[2] + "\n\nUpdate: officials gave no further details."]})
    # A wire story in three outlets (one credits AP in its dateline) and a shared quotation.
    story = w[3][:600]
    quote = ("We will rebuild every school the flood destroyed, and we will do it before the first day of "
             "the next school year, whatever it costs the state")
    wire = pd.DataFrame({
        "article_id": ["wire-1", "wire-2", "wire-3", "quote-1", "quote-2"],
        "outlet": ["Herald", "Courier", "Gazette", "Tribune", "Sentinel"],
        "published": pd.to_datetime(["2030-02-01", "2030-02-02", "2030-02-03", "2030-02-04", "2030-02-05"]),
        "text": ["WASHINGTON (AP) — " + story, story + "\n\nAP", "By our staff.\n\n" + story,
                 f"Flood damage was worse than thought. Gov. Maria Lopez said: “{quote}.”",
                 f"The legislature meets next week. “{quote},” Lopez told reporters."]})
    cols = ["article_id", "outlet", "published", "text"]
    return pd.concat([seeds[cols], wiki[cols], planted[cols], wire[cols]], ignore_index=True)


def test_spark_engine_matches_python_engine(spark):
    arts = corpus()
    expected = find_reuse(arts)
    got = find_reuse(arts, engine="spark", spark=spark)
    assert len(expected) >= 5           # 2 seed passages + 3 planted copies
    assert set(expected["article_b"]) >= {"copy-1", "copy-2", "copy-3", "wire-3"}
    assert "shared_quote" in set(expected["kind"]) and "Associated Press" in set(expected["origin"])
    pd.testing.assert_frame_equal(got, expected)


def test_spark_passages_reads_a_parquet_corpus(spark, tmp_path):
    from srcanalysis.reuse.spark import spark_passages
    arts = corpus()
    path = tmp_path / "articles.parquet"
    arts.assign(published=arts["published"].dt.strftime("%Y-%m-%d")).to_parquet(path)
    out = pd.DataFrame([r.asDict() for r in spark_passages(spark.read.parquet(str(path))).collect()])
    expected = find_reuse(arts)
    got = out.sort_values(["pos_a", "pos_b", "a_start"]).reset_index(drop=True)
    cols = ["article_a", "article_b", "a_start", "a_end", "b_start", "b_end", "earlier", "same_outlet"]
    assert got[cols].values.tolist() == expected[cols].values.tolist()

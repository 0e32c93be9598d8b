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


@pytest.fixture(scope="module")
def spark():
    from srcanalysis.reuse.spark import get_spark
    import os
    os.environ.setdefault("SRCANALYSIS_SPARK_PARTITIONS", "2")
    session = get_spark("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


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
    cols = ["article_id", "outlet", "published", "text"]
    return pd.concat([seeds[cols], wiki[cols], planted[cols]], ignore_index=True)


def test_spark_engine_matches_python_engine(spark):
    arts = corpus()
    expected = find_reuse(arts)
    got = find_reuse(arts, engine="spark", spark=spark)
    assert len(expected) >= 5           # 2 seed passages + 3 planted copies
    assert set(expected["article_b"]) >= {"copy-1", "copy-2", "copy-3"}
    pd.testing.assert_frame_equal(got, expected)


def test_spark_passages_reads_a_parquet_corpus(spark, tmp_path):
    from srcanalysis.reuse.spark import spark_passages
    arts = corpus()
    path = tmp_path / "articles.parquet"
    arts.assign(published=arts["published"].dt.strftime("%Y-%m-%d")).to_parquet(path)
    out = pd.DataFrame([r.asDict() for r in spark_passages(spark.read.parquet(str(path))).collect()])
    expected = find_reuse(arts)
    got = out.sort_values(["pos_a", "pos_b", "a_start"])[list(expected.columns)].reset_index(drop=True)
    assert got[["article_a", "article_b", "a_start", "b_start", "earlier", "credited"]].values.tolist() == \
        expected[["article_a", "article_b", "a_start", "b_start", "earlier", "credited"]].values.tolist()

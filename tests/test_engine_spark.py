"""--engine spark on sentences, sources and timeline gives the in-process rows (local[2]; skipped without pyspark/Java)."""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

import srcanalysis as sa
from srcanalysis.cli import main
from srcanalysis.engine import conform, enable_pandas_parquet, spark_map_articles, spark_schema_of, spark_split_errors, _kind

from conftest import DATA, SEEDS

pyspark = pytest.importorskip("pyspark")
pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java", allow_module_level=True)


@pytest.fixture(scope="module")
def spark(spark):
    """conftest's session, able to read the Parquet pandas writes."""
    enable_pandas_parquet(spark)
    return spark


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, str]:
    """Seeds and twelve Wikinews articles saved as JSONL and as Parquet, as a desk would save them."""
    arts = pd.concat([sa.read_articles(SEEDS), sa.read_articles(DATA / "wikinews").head(12)], ignore_index=True)
    folder = tmp_path_factory.mktemp("corpus")
    arts.to_json(folder / "a.jsonl", orient="records", lines=True, date_format="iso")
    arts.to_parquet(folder / "a.parquet")
    return {"jsonl": str(folder / "a.jsonl"), "parquet": str(folder / "a.parquet")}


def same_rows(local: str, spark_out: str, keys: list[str]) -> int:
    """Assert the Spark Parquet folder holds the in-process rows (as Spark types); return the row count."""
    here = pd.read_parquet(local)
    kinds = {c: _kind(here[c]) for c in here.columns}
    a = conform(here, kinds).sort_values(keys, kind="stable").reset_index(drop=True)
    b = conform(pd.read_parquet(spark_out), kinds).sort_values(keys, kind="stable").reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    return len(a)


@pytest.mark.parametrize("kind", ["jsonl", "parquet"])
def test_sentences_on_spark_match_in_process(spark, corpus, tmp_path, kind):
    src = corpus[kind]
    assert main(["sentences", src, "-q", "-o", str(tmp_path / "local.parquet")]) == 0
    assert main(["sentences", src, "--engine", "spark", "-o", str(tmp_path / "spark.parquet")]) == 0
    assert same_rows(str(tmp_path / "local.parquet"), str(tmp_path / "spark.parquet"), ["article_id", "sentence"]) > 250


def test_timeline_on_spark_matches_in_process(spark, corpus, tmp_path):
    src = corpus["parquet"]
    assert main(["timeline", src, "-q", "-o", str(tmp_path / "local.parquet"), "--gaps", str(tmp_path / "g1.csv")]) == 0
    assert main(["timeline", src, "--engine", "spark", "-o", str(tmp_path / "spark.parquet"),
                 "--gaps", str(tmp_path / "g2.csv")]) == 0
    keys = ["article_id", "sentence", "expr_start"]
    assert same_rows(str(tmp_path / "local.parquet"), str(tmp_path / "spark.parquet"), keys) > 50
    gaps = [pd.read_csv(tmp_path / f"g{i}.csv").sort_values(["article_id", "start"]).reset_index(drop=True)
            for i in (1, 2)]
    assert len(gaps[0]) >= 3
    pd.testing.assert_frame_equal(gaps[0], gaps[1])


@pytest.mark.parametrize("by", ["outlet", "article_id"])
def test_sources_on_spark_match_in_process(spark, corpus, tmp_path, by):
    src = corpus["jsonl"]
    assert main(["sources", src, "-q", "--by", by, "-o", str(tmp_path / "local.parquet")]) == 0
    assert main(["sources", src, "--engine", "spark", "--by", by, "-o", str(tmp_path / "spark.parquet")]) == 0
    assert same_rows(str(tmp_path / "local.parquet"), str(tmp_path / "spark.parquet"), [by]) >= 3


def test_a_failing_article_comes_back_as_an_error_row(spark, corpus):
    def breaks_on_flynn(articles: pd.DataFrame) -> pd.DataFrame:  # nested: Spark ships it by value
        if articles["text"].str.contains("Flynn").any():
            raise RuntimeError("this article breaks the stage")
        return sa.sentences(articles, tag=False)

    articles = spark.read.parquet(corpus["parquet"])
    result = spark_map_articles(breaks_on_flynn, articles).cache()
    rows, errs = spark_split_errors(result)
    failed = errs.toPandas()
    local = sa.read_articles(pd.read_parquet(corpus["parquet"]))
    bad = local.loc[local["text"].str.contains("Flynn"), "article_id"].tolist()
    assert sorted(failed["article_id"]) == sorted(bad) and set(failed["stage"]) == {"breaks_on_flynn"}
    assert set(rows.select("article_id").distinct().toPandas()["article_id"]) == set(local["article_id"]) - set(bad)


def test_schema_is_learnt_from_a_sample():
    kinds = spark_schema_of(lambda a: sa.timeline(sa.sentences(a)))
    assert kinds["lag"] == "double" and kinds["begin"] == "timestamp" and kinds["sentence"] == "long"

"""The reuse finder on Apache Spark (optional ``spark`` extra: ``pip install 'srcanalysis[spark]'``).

Same algorithm as :mod:`srcanalysis.reuse`, distributed:

1. each article's distinct word n-gram hashes are computed on the workers by
   :func:`srcanalysis.reuse.doc_ngram_hashes` (deterministic BLAKE2b token hashes, so every worker
   and the in-process engine agree);
2. n-grams found in more than ``max_df`` articles are dropped with a Spark ``groupBy``;
3. candidate pairs come from a self-join on the n-gram hash, counted per pair and kept when they
   share ``min_shared`` n-grams;
4. the candidate pairs, joined to their texts, are aligned in ``mapPartitions`` by the very same
   :func:`srcanalysis.reuse.align_texts`;
5. through ``find_reuse(engine="spark")`` the aligned passages come back to the driver, where the
   same :func:`srcanalysis.reuse.find.annotate_passages` as the in-process engine adds clusters,
   origins, credit and shared quotations (they need every passage of a cluster at once), so both
   engines return the same passages. :func:`spark_passages` stays in Spark and returns the
   alignment columns only.

Use it through ``find_reuse(articles, engine="spark")`` for a pandas frame, or call
:func:`spark_passages` on a Spark DataFrame (e.g. read from Parquet or JSONL) to keep everything in
Spark.

Example (needs pyspark and Java)::

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    arts = spark.read.parquet("articles.parquet")          # article_id, outlet, published, text
    spark_passages(arts).write.parquet("passages.parquet")
"""
from __future__ import annotations

import os
import sys
from typing import Any

import numpy as np
import pandas as pd

from .alignment import DocInfo, align_texts
from .options import DEFAULTS
from .credit import canonical
from .text import doc_ngram_hashes

_INSTALL_HINT = ("engine='spark' needs pyspark, which is not installed. Install the spark extra: "
                 "pip install 'srcanalysis[spark]' (and Java 17+).")


def _pyspark():
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession, functions as F, types as T
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(_INSTALL_HINT) from exc
    return SparkSession, F, T


def get_spark(master: str | None = None):
    """Return the active SparkSession, or start a local one (``SRCANALYSIS_SPARK_MASTER``, default ``local[*]``)."""
    SparkSession, _, _ = _pyspark()
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    master = master or os.environ.get("SRCANALYSIS_SPARK_MASTER", "local[*]")
    # Local workers must run this interpreter (with pandas/numpy), not whatever `python3` is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (SparkSession.builder.master(master).appName("srcanalysis-reuse")
            .config("spark.sql.shuffle.partitions", os.environ.get("SRCANALYSIS_SPARK_PARTITIONS", "8"))
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate())


def _passage_schema(T):
    return T.StructType([
        T.StructField("pos_a", T.LongType()), T.StructField("pos_b", T.LongType()),
        T.StructField("article_a", T.StringType()), T.StructField("a_start", T.LongType()),
        T.StructField("a_end", T.LongType()), T.StructField("article_b", T.StringType()),
        T.StructField("b_start", T.LongType()), T.StructField("b_end", T.LongType()),
        T.StructField("words", T.LongType()), T.StructField("similarity", T.DoubleType()),
        T.StructField("kind", T.StringType()), T.StructField("earlier", T.StringType()),
        T.StructField("same_outlet", T.BooleanType()),
        T.StructField("text_a", T.StringType()), T.StructField("text_b", T.StringType())])


def _earlier(pa, pb) -> str:
    from .clusters import earlier_of   # same rule as find_reuse (a date-only day is no earlier than its hours)
    return earlier_of(pa, pb)


def spark_passages(articles, *, return_common: bool = False, **options: Any):
    """Reused passages of a Spark DataFrame of articles, as a Spark DataFrame.

    Unlike the in-process engine, n-grams in more than ``max_df`` articles are dropped outright
    (no anchor search for hub stories): a story more than ``max_df`` outlets ran can be missed.
    ``return_common=True`` also returns how many n-grams were dropped so, for the caller to say so.

    Args:
        articles: Spark DataFrame with ``article_id`` and ``text`` (``outlet`` and ``published``
            used when present). Article order (for which side is ``article_a``) follows a
            ``pos`` column when present, else the DataFrame's row order (``zipWithIndex``).
        **options: As :func:`srcanalysis.find_reuse` (defaults in ``srcanalysis.reuse.DEFAULTS``).

    Returns:
        Spark DataFrame with ``pos_a``, ``pos_b``, ``article_a``, ``a_start``, ``a_end``,
        ``article_b``, ``b_start``, ``b_end``, ``words``, ``similarity``, ``kind`` (``verbatim`` or
        ``edited``), ``earlier``, ``same_outlet``, ``text_a``, ``text_b``. Credit, clusters, origins
        and shared quotations need all passages at once: run ``find_reuse(engine="spark")`` for them.
    """
    _, F, T = _pyspark()
    opts = {**DEFAULTS, **options}
    spark = articles.sparkSession
    cols = articles.columns
    if "pos" not in cols:
        schema = T.StructType(articles.schema.fields + [T.StructField("pos", T.LongType())])
        articles = spark.createDataFrame(articles.rdd.zipWithIndex().map(lambda r: (*r[0], r[1])), schema)
    sel = [F.col("pos").cast("long").alias("pos"), F.col("article_id").cast("string").alias("article_id"),
           F.col("text").cast("string").alias("text"),
           (F.coalesce(F.col("outlet").cast("string"), F.lit("")) if "outlet" in cols else F.lit("")).alias("outlet"),
           (F.col("published").cast("timestamp") if "published" in cols else F.lit(None).cast("timestamp")).alias("published")]
    arts = articles.select(*sel).withColumn("text", F.coalesce(F.col("text"), F.lit("")))

    n = int(opts["ngram"])

    def shingles(rows):
        cache: dict[str, int] = {}
        for r in rows:
            for h in doc_ngram_hashes(r.text, n, cache).view("int64").tolist():
                yield (h, r.pos)

    grams = spark.createDataFrame(arts.select("pos", "text").rdd.mapPartitions(shingles),
                                  T.StructType([T.StructField("h", T.LongType()), T.StructField("pos", T.LongType())]))
    counts = grams.groupBy("h").count()
    rare = counts.where((F.col("count") >= 2) & (F.col("count") <= int(opts["max_df"]))).select("h")
    # Boilerplate n-grams (df > max_df) are shipped to the aligners so they never seed a passage.
    common = np.sort(np.asarray([r.h for r in counts.where(F.col("count") > int(opts["max_df"])).select("h").collect()],
                                dtype=np.int64).view(np.uint64))
    common_b = spark.sparkContext.broadcast(common)
    kept = grams.join(rare, "h")
    pairs = (kept.alias("x").join(kept.alias("y"), "h")
             .where(F.col("x.pos") < F.col("y.pos"))
             .groupBy(F.col("x.pos").alias("pos_a"), F.col("y.pos").alias("pos_b")).count()
             .where(F.col("count") >= int(opts["min_shared"])))
    side = lambda s: arts.select(*[F.col(c).alias(f"{c}_{s}") for c in ("pos", "article_id", "text", "outlet", "published")])  # noqa: E731
    cand = pairs.join(side("a"), "pos_a").join(side("b"), "pos_b")

    def align(rows):
        cache: dict[int, Any] = {}
        vocab: dict[str, int] = {}

        def info(pos, text):
            if pos not in cache:
                if len(cache) > 20000:
                    cache.clear()
                cache[pos] = DocInfo(text, int(opts["seed_ngram"]), vocab, common_b.value, n)
            return cache[pos]

        for r in rows:
            for raw in align_texts(r.text_a, r.text_b, info_a=info(r.pos_a, r.text_a),
                                   info_b=info(r.pos_b, r.text_b), **opts):
                a0, a1, b0, b1, words, sim, verbatim = raw
                same = bool(canonical(r.outlet_a)) and canonical(r.outlet_a) == canonical(r.outlet_b)
                yield (r.pos_a, r.pos_b, r.article_id_a, int(a0), int(a1), r.article_id_b, int(b0), int(b1),
                       int(words), float(sim), "verbatim" if verbatim else "edited",
                       _earlier(r.published_a, r.published_b), same, r.text_a[a0:a1], r.text_b[b0:b1])

    out = spark.createDataFrame(cand.rdd.mapPartitions(align), _passage_schema(T))
    return (out, len(common)) if return_common else out


def spark_raw_passages(arts: pd.DataFrame, opts: dict[str, Any], spark=None) -> tuple[list[tuple], int]:
    """Align a prepared pandas article frame on Spark: raw passages ``(a, b, a0, a1, b0, b1, words, sim,
    verbatim)`` and the number of n-grams dropped for being in more than ``max_df`` articles."""
    _, _, T = _pyspark()
    spark = spark or get_spark()
    ids = arts["article_id"].tolist()
    rows = [(k, str(ids[k]), t, o, (None if pd.isna(p) else pd.Timestamp(p).to_pydatetime()))
            for k, (t, o, p) in enumerate(zip(arts["text"], arts["outlet"], arts["published"]))]
    schema = T.StructType([T.StructField("pos", T.LongType()), T.StructField("article_id", T.StringType()),
                           T.StructField("text", T.StringType()), T.StructField("outlet", T.StringType()),
                           T.StructField("published", T.TimestampType())])
    sdf = spark.createDataFrame(rows, schema)
    frame, dropped = spark_passages(sdf, return_common=True, **opts)
    out = frame.collect()
    return [(r.pos_a, r.pos_b, r.a_start, r.a_end, r.b_start, r.b_end, r.words, r.similarity, r.kind == "verbatim")
            for r in out], dropped

"""Run the per-article stages over many articles: in N local processes, or on Apache Spark.

The per-article stages (sentence splitting and tagging, source profiles per article, time
expressions and timelines) look at one article at a time, so an archive can be cut into chunks of
whole articles and the chunks processed anywhere. This module does that in two ways:

* :func:`map_articles` spreads the chunks over ``jobs`` processes on this machine and puts the
  results back in article order: the rows are the same as with ``jobs=1``.
* :func:`spark_map_articles` runs the same stage function inside Spark (``mapInPandas``) on a Spark
  DataFrame of articles (read from Parquet or JSONL), for archives that do not fit one machine;
  :func:`spark_profile` then profiles the tagged sentences per article or outlet (``applyInPandas``).

Either way a chunk that raises is run again one article at a time, so a failing article is
recorded in ``attrs["errors"]`` (see :mod:`srcanalysis.errors`) and the others go on; on Spark the
failures come back as rows of their own (:func:`spark_split_errors`).

Example:
    >>> import pandas as pd, srcanalysis as sa
    >>> arts = sa.read_articles(pd.DataFrame({"text": ["Mattis said no.", "Officials said yes. It rained."]}))
    >>> len(map_articles("sentences", arts, jobs=1))
    3
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, Callable, Iterator

import numpy as np
import pandas as pd

from .errors import ERROR_COLUMNS, carry_errors, errors, per_article

__all__ = ["STAGES", "by_article", "map_articles", "spark_map_articles", "spark_profile", "spark_articles", "spark_schema_of", "conform",
           "spark_split_errors", "enable_pandas_parquet", "from_spark", "SPARK_ARTICLE_COLUMNS"]

#: Columns a Spark article DataFrame is reduced to before a stage runs (``article_id`` and
#: ``text`` are required; the others are filled with nulls when missing).
SPARK_ARTICLE_COLUMNS = ["article_id", "outlet", "title", "published", "text"]

#: Chunks per process: more than one so a slow chunk does not leave the other processes idle.
CHUNKS_PER_JOB = 4

#: Most articles in one chunk: a chunk that raises is run again article by article, so small
#: chunks keep the cost of one bad article low (in one process too).
CHUNK_ARTICLES = 50

_ERROR_FIELDS = ["_error_stage", "_error", "_error_message"]


def _stage_sentences(articles: pd.DataFrame, tag: bool = True) -> pd.DataFrame:
    from .segment import sentences
    return sentences(articles, tag=tag)


def _stage_timeline(articles: pd.DataFrame, infer: bool = False) -> pd.DataFrame:
    from .segment import sentences
    from .time.timeline import timeline
    return timeline(sentences(articles), infer=infer)


def _stage_dates(articles: pd.DataFrame, carry: str = "day") -> pd.DataFrame:
    from .segment import sentences
    from .time.sentences import date_sentences
    return date_sentences(sentences(articles), carry=carry).reset_index(drop=True)


#: The per-article stages by name: each takes an article frame and returns rows for those articles.
STAGES: dict[str, Callable[..., pd.DataFrame]] = {
    "sentences": _stage_sentences,
    "timeline": _stage_timeline,
    "dates": _stage_dates,
}


def _resolve(stage: str | Callable[..., pd.DataFrame], options: dict[str, Any]) -> tuple[str, Callable]:
    if callable(stage):
        return getattr(stage, "__name__", "stage"), partial(stage, **options)
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; choose one of {sorted(STAGES)}")
    return stage, partial(STAGES[stage], **options)


def _guarded(func: Callable[[pd.DataFrame], pd.DataFrame], chunk: pd.DataFrame, stage: str) -> pd.DataFrame:
    """``func(chunk)``; when it raises, run the chunk one article at a time and record the failures."""
    try:
        result = func(chunk)
    except Exception:  # noqa: BLE001  one article never sinks a run: find which one
        rows: list[dict[str, Any]] = []
        items = ((aid, chunk.iloc[idx]) for aid, idx in _article_positions(chunk))
        parts = [part for _, part in per_article(stage, items, func, rows)]
        return carry_errors(_concat(parts, func, chunk), chunk, *parts, new=rows)
    return carry_errors(result, chunk, result)  # the input's failures and those the stage recorded itself


def _article_positions(frame: pd.DataFrame) -> list[tuple[Any, np.ndarray]]:
    """``(article_id, row positions)`` per article, in first-appearance order."""
    codes, uniques = pd.factorize(frame["article_id"], sort=False)
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    return [(uniques[k], order[bounds[k]:bounds[k + 1]]) for k in range(len(uniques))]


def by_article(func: Callable[[pd.DataFrame], pd.DataFrame], frame: pd.DataFrame, stage: str) -> pd.DataFrame:
    """``func(frame)``, or, when that raises, ``func`` on each article's rows with the failures recorded.

    For a stage that reads a frame with an ``article_id`` column (articles, sentences, a timeline)
    and treats articles independently: one article whose text breaks ``func`` is left out and listed
    in ``attrs["errors"]`` instead of failing the whole run.

    Args:
        func: The stage (e.g. :func:`srcanalysis.timeline`).
        frame: Its input, with ``article_id``.
        stage: Name recorded with each failure.

    Returns:
        ``func``'s frame, with ``attrs["errors"]`` carrying the input's failures and the new ones.

    Example:
        >>> f = pd.DataFrame({"article_id": ["a", "b"], "x": [1, 0]})
        >>> out = by_article(lambda d: d.assign(y=[10 // v for v in d["x"]]), f, "demo")
        >>> out["article_id"].tolist(), errors(out)["article_id"].tolist()
        (['a'], ['b'])
    """
    return _guarded(func, frame, stage)


def _concat(parts: list[pd.DataFrame], func: Callable[[pd.DataFrame], pd.DataFrame],
            template: pd.DataFrame) -> pd.DataFrame:
    """Concatenate the non-empty parts in order (an empty result keeps the stage's own columns)."""
    full = [p for p in parts if len(p)]
    if full:
        return pd.concat(full, ignore_index=True)
    if parts:
        return parts[0].reset_index(drop=True)
    try:
        return func(template.iloc[:0])
    except Exception:  # noqa: BLE001
        return pd.DataFrame()


def _chunks(frame: pd.DataFrame, count: int) -> list[pd.DataFrame]:
    """About ``count`` contiguous chunks of ``frame``, never cutting one article's rows apart."""
    ids = frame["article_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]]) if len(ids) else np.array([0])
    targets = np.linspace(0, len(frame), count + 1)[1:-1]
    cuts = starts[np.clip(np.searchsorted(starts, targets), 0, len(starts) - 1)]
    bounds = np.unique(np.r_[0, cuts, len(frame)])
    return [frame.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def map_articles(stage: str | Callable[..., pd.DataFrame], articles: pd.DataFrame, *, jobs: int = 1,
                 **options: Any) -> pd.DataFrame:
    """Run a per-article stage over ``articles``, spread over ``jobs`` processes.

    Args:
        stage: A name from :data:`STAGES` (``"sentences"``, ``"timeline"``, ``"dates"`` for
            :func:`srcanalysis.date_sentences` of the tagged sentences) or a
            module-level function taking an article frame and returning a frame.
        articles: A :func:`srcanalysis.read_articles` frame, or any frame whose rows are grouped
            by ``article_id`` (a sentence frame, for a stage such as :func:`srcanalysis.timeline`):
            chunks never cut an article apart.
        jobs: Number of processes (1 runs in this process; 0 or less uses every core).
        **options: Passed to the stage (``tag=False`` for sentences, ``infer=True`` for timeline).

    Returns:
        The stage's frame for all articles, in article order, with a fresh index: the same rows
        as ``jobs=1``. ``attrs["errors"]`` holds the failures of every chunk (and of the input);
        ``attrs["skipped"]`` is carried from ``articles``.

    Raises:
        ValueError: unknown stage name.

    Example:
        >>> import pandas as pd, srcanalysis as sa
        >>> arts = sa.read_articles(pd.DataFrame({"text": ["Mattis said no.", "It rained."]}))
        >>> map_articles("sentences", arts, jobs=2, tag=False)["text"].tolist()
        ['Mattis said no.', 'It rained.']
    """
    name, func = _resolve(stage, options)
    return _map_chunks(func, name, articles, (os.cpu_count() or 1) if jobs <= 0 else jobs)


def _map_chunks(func: Callable[[pd.DataFrame], pd.DataFrame], name: str, articles: pd.DataFrame,
                jobs: int) -> pd.DataFrame:
    """:func:`map_articles` once the stage is resolved."""
    n = articles["article_id"].nunique()
    count = min(n, max(jobs * CHUNKS_PER_JOB if jobs > 1 else 1, -(-n // CHUNK_ARTICLES)))
    chunks = _chunks(articles, count) if count > 1 else [articles]
    if jobs == 1 or len(chunks) == 1:
        parts = [_guarded(func, chunk, name) for chunk in chunks]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_guarded, [func] * len(chunks), chunks, [name] * len(chunks)))
    result = parts[0] if len(parts) == 1 else _concat(parts, func, articles)
    carry_errors(result, articles, *parts)
    if "skipped" in articles.attrs:
        result.attrs["skipped"] = articles.attrs["skipped"]
    return result


# ---------------------------------------------------------------------------------------- Spark


def _kind(series: pd.Series) -> str:
    """Spark type name for a pandas column (``timedelta`` is written as float days)."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "long"
    if pd.api.types.is_float_dtype(dtype) or pd.api.types.is_timedelta64_dtype(dtype):
        return "double"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "timestamp"
    return "string"


def _as_string(value: Any) -> Any:
    if value is None or (np.ndim(value) == 0 and pd.isna(value)):
        return None
    return str(value)


_CONVERT: dict[str, Callable[[pd.Series], pd.Series]] = {
    "boolean": lambda s: s.astype("boolean"),
    "long": lambda s: pd.to_numeric(s, errors="coerce").astype("Int64"),
    "double": lambda s: (s.dt.total_seconds() / 86400.0 if pd.api.types.is_timedelta64_dtype(s.dtype)
                         else pd.to_numeric(s, errors="coerce").astype("float64")),
    "timestamp": lambda s: pd.to_datetime(s, errors="coerce").astype("datetime64[ns]"),
    "string": lambda s: pd.Series([_as_string(v) for v in s], index=s.index, dtype=object),
}


def conform(frame: pd.DataFrame, kinds: dict[str, str]) -> pd.DataFrame:
    """``frame`` with exactly the columns of ``kinds``, each converted to that Spark-friendly type.

    Missing columns are filled with nulls; time spans (``lag``) become float days, since Parquet as
    written by Spark has no duration type. Applied to the in-process result it gives the rows the
    Spark engine writes, which is how the two are compared.

    Args:
        frame: A stage's pandas result.
        kinds: Column name to ``"string"``, ``"long"``, ``"double"``, ``"boolean"`` or ``"timestamp"``.

    Returns:
        A new frame, index reset.

    Example:
        >>> f = pd.DataFrame({"lag": pd.to_timedelta(["36h"]), "n": [1]})
        >>> conform(f, {"lag": "double", "n": "long", "x": "string"}).values.tolist()
        [[1.5, 1, None]]
    """
    out = {}
    for col, kind in kinds.items():
        series = frame[col] if col in frame.columns else pd.Series([None] * len(frame), index=frame.index)
        out[col] = _CONVERT[kind](series.reset_index(drop=True))
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def _sample_articles() -> pd.DataFrame:
    """A two-article corpus that makes every stage produce every column (used to learn the schema)."""
    from .loading import read_articles
    texts = ["Officials said on Jan. 5, 2015, that the plan had failed, according to a senior official who was "
             "not authorized to speak publicly. John Smith, the mayor, said: \u201cWe will rebuild.\u201d "
             "The report was published last week.",
             "The council met on Monday. Reuters reported the vote three days later."]
    return read_articles(pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "title": ["t", "u"],
                                       "published": ["2015-01-10", "2015-02-01"], "text": texts}), clean=False)


def spark_schema_of(func: Callable[[pd.DataFrame], pd.DataFrame], sample: pd.DataFrame | None = None) -> dict[str, str]:
    """Column kinds of a stage's output, learnt by running it on a small sample in the driver."""
    template = func(_sample_articles() if sample is None else sample)
    return {col: _kind(template[col]) for col in template.columns}


def from_spark(frame: pd.DataFrame, stage: str | Callable[..., pd.DataFrame], **options: Any) -> pd.DataFrame:
    """Collected Spark rows of ``stage`` back in the stage's pandas types (float days -> Timedelta).

    Example:
        >>> f = from_spark(pd.DataFrame({"lag": [1.5]}), "timeline")
        >>> str(f["lag"].iloc[0])
        '1 days 12:00:00'
    """
    _, func = _resolve(stage, options)
    template = func(_sample_articles())
    out = frame.copy()
    for col in template.columns:
        if col in out.columns and pd.api.types.is_timedelta64_dtype(template[col].dtype):
            out[col] = pd.to_timedelta(pd.to_numeric(out[col], errors="coerce"), unit="D")
        elif col in out.columns and pd.api.types.is_datetime64_any_dtype(template[col].dtype):
            out[col] = pd.to_datetime(out[col], errors="coerce").astype("datetime64[ns]")
    return out


def _struct(kinds: dict[str, str]):
    from pyspark.sql import types as T
    types = {"string": T.StringType(), "long": T.LongType(), "double": T.DoubleType(),
             "boolean": T.BooleanType(), "timestamp": T.TimestampType()}
    return T.StructType([T.StructField(c, types[k], True) for c, k in kinds.items()])


def spark_articles(frame):
    """A Spark article DataFrame reduced to :data:`SPARK_ARTICLE_COLUMNS` with stable types.

    ``published`` may be a timestamp, a date string, or a long integer of nanoseconds since 1970
    (how Spark reads the nanosecond timestamps pandas writes to Parquet, once
    ``spark.sql.legacy.parquet.nanosAsLong`` is on: :func:`enable_pandas_parquet`).

    Raises:
        ValueError: ``article_id`` or ``text`` is missing (ids cannot be made up per partition
            without changing them from one run to the next).
    """
    from pyspark.sql import functions as F, types as T
    missing = {"article_id", "text"} - set(frame.columns)
    if missing:
        raise ValueError(f"Spark input needs columns article_id and text; missing {sorted(missing)}")
    cols = []
    for c in SPARK_ARTICLE_COLUMNS:
        if c not in frame.columns:
            cols.append(F.lit(None).cast("timestamp" if c == "published" else "string").alias(c))
        elif c == "published" and isinstance(frame.schema[c].dataType, (T.LongType, T.IntegerType)):
            cols.append(F.timestamp_micros(F.floor(F.col(c) / 1000).cast("long")).alias(c))
        else:
            cols.append(F.col(c).cast("timestamp" if c == "published" else "string").alias(c))
    return frame.select(*cols)


def enable_pandas_parquet(spark) -> None:
    """Let ``spark`` read Parquet written by pandas (nanosecond timestamps) and compute in UTC."""
    spark.conf.set("spark.sql.legacy.parquet.nanosAsLong", "true")
    spark.conf.set("spark.sql.session.timeZone", "UTC")


def _batch_articles(pdf: pd.DataFrame) -> pd.DataFrame:
    """A Spark batch as a :func:`read_articles` frame (no boilerplate cleaning: it needs whole outlets)."""
    from .loading import read_articles
    pdf = pdf.assign(outlet=pdf["outlet"].fillna(""), title=pdf["title"].fillna(""))
    return read_articles(pdf, clean=False)


def _failures(result: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Error rows of a batch: the stage's failures and the records the loader skipped."""
    skipped = pd.DataFrame(articles.attrs.get("skipped", []), columns=["path", "reason"])
    loading = pd.DataFrame({"article_id": skipped["path"], "stage": "loading", "error": "skipped",
                            "message": skipped["reason"]})
    return pd.concat([errors(result), loading], ignore_index=True)


def _run_batches(func: Callable, stage: str, kinds: dict[str, str],
                 batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for pdf in batches:
        articles = _batch_articles(pdf)
        result = _map_chunks(func, stage, articles, 1)
        out = conform(result, kinds)
        failed = _failures(result, articles)
        marks = conform(failed.rename(columns={"stage": "_error_stage", "error": "_error", "message": "_error_message"}),
                        {c: "string" for c in _ERROR_FIELDS})
        for col in _ERROR_FIELDS:
            out[col] = pd.Series([None] * len(out), dtype=object)
        if len(failed):
            rows = conform(failed[["article_id"]], kinds)
            out = pd.concat([out, pd.concat([rows, marks], axis=1)], ignore_index=True)
        yield out


def spark_map_articles(stage: str | Callable[..., pd.DataFrame], articles, **options: Any):
    """Run a per-article stage on a Spark DataFrame of articles (``mapInPandas``).

    Args:
        stage: As :func:`map_articles`.
        articles: Spark DataFrame with ``article_id`` and ``text`` (``outlet``, ``title``,
            ``published`` used when present), e.g. ``spark.read.parquet(...)`` of a saved
            :func:`srcanalysis.read_articles` frame. Articles are taken as they are: boilerplate
            cleaning needs all of an outlet's articles at once, so clean before (``read_articles``).
        **options: Passed to the stage.

    Returns:
        Spark DataFrame with the stage's columns (types as :func:`conform`) plus ``_error_stage``,
        ``_error`` and ``_error_message``, set only on the rows recording a failed article; split
        them off with :func:`spark_split_errors`.

    Raises:
        ValueError: unknown stage, or ``article_id``/``text`` missing.
    """
    from pyspark.sql import types as T
    name, func = _resolve(stage, options)
    kinds = spark_schema_of(func)
    schema = _struct(kinds)
    for col in _ERROR_FIELDS:
        schema = schema.add(T.StructField(col, T.StringType(), True))
    enable_pandas_parquet(articles.sparkSession)
    return spark_articles(articles).mapInPandas(partial(_run_batches, func, name, kinds), schema)


def spark_split_errors(result):
    """Split a :func:`spark_map_articles` result into ``(rows, errors)`` Spark DataFrames.

    ``errors`` has the :data:`srcanalysis.errors.ERROR_COLUMNS`. Cache ``result`` first when both
    are used, or the stage runs twice.
    """
    from pyspark.sql import functions as F
    rows = result.where(F.col("_error").isNull()).drop(*_ERROR_FIELDS)
    errs = result.where(F.col("_error").isNotNull()).select(
        "article_id", F.col("_error_stage").alias("stage"), F.col("_error").alias("error"),
        F.col("_error_message").alias("message"))
    assert errs.columns == ERROR_COLUMNS
    return rows, errs


def _profile_group(by: str, kinds: dict[str, str], pdf: pd.DataFrame) -> pd.DataFrame:
    from .sources.profile import source_profile
    return conform(source_profile(pdf, by=by), kinds)


def spark_profile(sentences, by: str = "outlet"):
    """:func:`srcanalysis.source_profile` per ``by`` group of a Spark sentence DataFrame (``applyInPandas``).

    Each group's sentences are profiled together in one task, so the rows are those of the
    in-process profile (row order aside: sort after collecting).

    Args:
        sentences: Spark DataFrame of tagged sentences (the rows of ``spark_map_articles("sentences", ...)``).
        by: ``"outlet"`` or ``"article_id"``.

    Returns:
        Spark DataFrame with the profile columns (types as :func:`conform`).
    """
    from .sources.profile import source_profile
    from .segment import sentences as split
    kinds = spark_schema_of(lambda a: source_profile(split(a), by=by))
    return sentences.groupBy(by).applyInPandas(partial(_profile_group, by, kinds), _struct(kinds))

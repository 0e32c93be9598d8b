"""The ``srcanalysis`` command line.

Every subcommand reads articles with :func:`srcanalysis.read_articles`, runs one analysis and
writes a table (``.csv``, ``.parquet`` or ``.jsonl``, chosen by the output's extension; ``-``
writes CSV to standard output). Inputs that could not be loaded are summarised on standard error;
articles that broke a stage are listed there and written to ``<output>_errors.csv``.

Scale: ``--jobs N`` spreads the articles over N processes (same rows as one); ``--engine spark``
runs ``sentences``, ``sources``, ``timeline`` and ``reuse`` on Apache Spark, reading Parquet/JSONL
article tables itself (``article_id`` and ``text`` required; save ``read_articles`` output, since
boilerplate cleaning needs a whole outlet at once) and writing a Parquet folder for a ``.parquet``
output. ``report`` also writes ``srcanalysis.db`` (SQLite, one table per CSV).

Examples::

    srcanalysis sentences data/ -o sentences.csv
    srcanalysis sources data/ -o profile.csv --by outlet
    srcanalysis timeline data/ -o timeline.csv --jobs 2
    srcanalysis sentences corpus.parquet --engine spark -o sentences.parquet
    srcanalysis reuse data/ -o passages.csv
    srcanalysis reuse corpus.parquet --engine spark -o passages.parquet
    srcanalysis report data/ -o report/
"""
from __future__ import annotations

import argparse
import contextlib
import io
import logging
import sys
from pathlib import Path
from typing import Callable, Sequence

import pandas as pd

from . import __version__

#: Show a progress bar when a run has at least this many articles.
PROGRESS_MIN_ARTICLES = 200


def _write(frame: pd.DataFrame, out: str) -> None:
    if out == "-":
        frame.to_csv(sys.stdout, index=False)
        return
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".parquet":  # microsecond timestamps: Spark cannot read pandas' nanosecond ones
        frame.to_parquet(path, index=False, coerce_timestamps="us", allow_truncated_timestamps=True)
    elif suffix in (".jsonl", ".ndjson"):
        frame.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    elif suffix in (".csv", ""):
        frame.to_csv(path if suffix else path.with_suffix(".csv"), index=False)
    else:
        raise SystemExit(f"srcanalysis: cannot write {out!r}: use .csv, .parquet or .jsonl")
    print(f"wrote {len(frame):,} rows to {path}", file=sys.stderr)


def _load(args: argparse.Namespace) -> pd.DataFrame:
    from .loading import read_articles, skipped

    try:
        parquet = [p for p in args.paths if p.lower().endswith(".parquet")]
        if parquet and len(parquet) == len(args.paths):  # a saved article table (e.g. for --engine spark)
            source = pd.concat([pd.read_parquet(p) for p in parquet], ignore_index=True)
        elif parquet:
            raise ValueError("mix of Parquet and other inputs: convert the others first")
        else:
            source = args.paths
        articles = read_articles(source, format=args.format, outlet=args.outlet, published=args.published)
    except (FileNotFoundError, ValueError, OSError) as exc:
        raise SystemExit(f"srcanalysis: {exc}") from exc
    skips = skipped(articles)
    print(f"loaded {len(articles):,} articles; skipped {len(skips):,} inputs", file=sys.stderr)
    for row in skips.head(20).itertuples():
        print(f"  skipped {row.path}: {row.reason}", file=sys.stderr)
    if len(skips) > 20:
        print(f"  ... and {len(skips) - 20:,} more", file=sys.stderr)
    _print_warnings(articles.attrs.get("warnings", []))
    if articles.empty:  # nothing to analyse is a failure, not an empty table that looks like a finding
        raise SystemExit(f"srcanalysis: no article could be loaded from {', '.join(args.paths)}"
                         + (" (every input was skipped: see above)" if len(skips) else ""))
    return articles


def _print_warnings(notes: list[dict[str, str]], shown: int = 10) -> None:
    """Loaded inputs with something to check (not English, mojibake, a date left empty), on stderr."""
    if not notes:
        return
    print(f"{len(notes):,} loaded inputs have warnings (articles.attrs['warnings'])", file=sys.stderr)
    for note in notes[:shown]:
        print(f"  warning {note['path']}: {note['reason']}", file=sys.stderr)
    if len(notes) > shown:
        print(f"  ... and {len(notes) - shown:,} more", file=sys.stderr)


def _progress(args: argparse.Namespace, articles: pd.DataFrame) -> bool:
    return not args.quiet and len(articles) >= PROGRESS_MIN_ARTICLES


def _report_errors(frame: pd.DataFrame, out: str) -> None:
    """Summarise per-article failures on stderr and write them beside the output."""
    from .errors import errors

    failed = errors(frame)
    if failed.empty:
        return
    print(f"{len(failed):,} article failure(s) recorded (the other articles were processed):", file=sys.stderr)
    for row in failed.head(10).itertuples():
        print(f"  {row.article_id} [{row.stage}] {row.error}: {row.message[:120]}", file=sys.stderr)
    if out != "-":
        _write(failed, str(Path(out).with_name(Path(out).stem + "_errors.csv")))


def _stage(args: argparse.Namespace, articles: pd.DataFrame, stage: str, **options: object) -> pd.DataFrame:
    """Run a per-article stage in process, over ``--jobs`` processes when asked."""
    from .engine import map_articles

    jobs = getattr(args, "jobs", 1)
    if jobs == 1 and stage == "sentences":
        from .segment import sentences
        return sentences(articles, progress=_progress(args, articles), **options)
    return map_articles(stage, articles, jobs=jobs, **options)


def cmd_sentences(args: argparse.Namespace) -> None:
    if args.engine == "spark":
        _spark_stage(args, "sentences", tag=not args.no_tag)
        return
    articles = _load(args)
    sents = _stage(args, articles, "sentences", tag=not args.no_tag)
    _write(sents, args.output)
    _report_errors(sents, args.output)


def cmd_sources(args: argparse.Namespace) -> None:
    from .sources.profile import source_profile

    if args.engine == "spark":
        _spark_sources(args)
        return
    articles = _load(args)
    sents = _stage(args, articles, "sentences")
    if args.sentences:
        _write(sents, args.sentences)
    _write(source_profile(sents, by=args.by), args.output)
    _report_errors(sents, args.output)


def cmd_timeline(args: argparse.Namespace) -> None:
    from .time.timeline import timeline_gaps

    if args.engine == "spark":
        events = _spark_stage(args, "timeline", infer=args.infer_published, collect=bool(args.gaps))
    else:
        articles = _load(args)
        events = _stage(args, articles, "timeline", infer=args.infer_published)
        _write(events, args.output)
        _report_errors(events, args.output)
    if args.gaps:
        by = None if args.gaps_by == "story" else args.gaps_by
        _write(timeline_gaps(events, min_gap=args.min_gap or "30D", by=by), args.gaps)


# ------------------------------------------------------------------------------ Spark engine


def _spark_input(args: argparse.Namespace):
    """The articles as a Spark DataFrame: Parquet/JSONL read by Spark itself, other inputs loaded here."""
    from .engine import enable_pandas_parquet, spark_articles
    from .reuse.spark import get_spark

    spark = get_spark()
    enable_pandas_parquet(spark)
    paths = [Path(p) for p in args.paths]
    kinds = [SPARK_NATIVE.get(p.suffix.lower()) for p in paths]
    if all(kinds):
        for p in paths:
            if not p.exists():
                raise SystemExit(f"srcanalysis: no such file or folder: {p}")
        frames = [getattr(spark.read, kind)(str(p)) for p, kind in zip(paths, kinds)]
        articles = frames[0]
        for other in frames[1:]:
            articles = articles.unionByName(other, allowMissingColumns=True)
    else:
        loaded = _load(args)
        rows = [(a, o, t, None if pd.isna(p) else pd.Timestamp(p).to_pydatetime(), x) for a, o, t, p, x in
                zip(loaded["article_id"], loaded["outlet"], loaded["title"], loaded["published"], loaded["text"])]
        articles = spark.createDataFrame(rows, "article_id string, outlet string, title string, "
                                               "published timestamp, text string")
    try:
        return spark_articles(articles)
    except ValueError as exc:
        raise SystemExit(f"srcanalysis: {exc}") from exc


def _spark_write(frame, out: str) -> None:
    """Write a Spark result: a Parquet folder for ``.parquet``, else collected through pandas."""
    if out.lower().endswith(".parquet"):
        frame.write.mode("overwrite").parquet(out)
        print(f"wrote Spark rows to {out} (a Parquet folder)", file=sys.stderr)
    else:
        _write(frame.toPandas(), out)


def _spark_errors(errs, out: str) -> None:
    """Report the failure rows of a Spark run like the in-process ones."""
    from .errors import carry_errors

    failed = errs.toPandas()
    if len(failed):
        _report_errors(carry_errors(pd.DataFrame(), new=failed.to_dict("records")), out)


def _spark_stage(args: argparse.Namespace, stage: str, collect: bool = False, **options: object):
    from .engine import from_spark, spark_map_articles, spark_split_errors

    result = spark_map_articles(stage, _spark_input(args), **options).cache()
    rows, errs = spark_split_errors(result)
    _spark_write(rows, args.output)
    _spark_errors(errs, args.output)
    return from_spark(rows.toPandas(), stage, **options) if collect else None


def _spark_sources(args: argparse.Namespace) -> None:
    from .engine import spark_map_articles, spark_profile, spark_split_errors

    result = spark_map_articles("sentences", _spark_input(args)).cache()
    sents, errs = spark_split_errors(result)
    if args.sentences:
        _spark_write(sents, args.sentences)
    profile = spark_profile(sents, by=args.by)
    if args.output.lower().endswith(".parquet"):
        _spark_write(profile, args.output)
    else:  # a profile is small: sort it like the in-process one
        table = profile.toPandas()
        sort = [c for c in ("anonymous_of_all", args.by) if c in table.columns]
        _write(table.sort_values(sort, ascending=[False, True][:len(sort)], kind="stable"), args.output)
    _spark_errors(errs, args.output)


def _reuse_options(args: argparse.Namespace) -> dict[str, object]:
    opts: dict[str, object] = {}
    for name in ("ngram", "max_df", "min_similarity"):
        value = getattr(args, name)
        if value is not None:
            opts[name] = value
    if args.min_containment is not None:
        opts["min_containment"] = None if args.min_containment <= 0 else args.min_containment
    return opts


#: Inputs the Spark engine reads itself, without pandas.
SPARK_NATIVE = {".parquet": "parquet", ".jsonl": "json", ".ndjson": "json"}


def _spark_native(args: argparse.Namespace) -> bool:
    """``reuse --engine spark`` over Parquet/JSONL: read, align and write inside Spark."""
    paths = [Path(p) for p in args.paths]
    kinds = [SPARK_NATIVE.get(p.suffix.lower()) for p in paths]
    if not all(kinds):
        return False
    for p in paths:
        if not p.exists():
            raise SystemExit(f"srcanalysis: no such file or folder: {p}")
    from .reuse.spark import get_spark, spark_passages

    spark = get_spark()
    frames = [getattr(spark.read, kind)(str(p)) for p, kind in zip(paths, kinds)]
    articles = frames[0]
    for other in frames[1:]:
        articles = articles.unionByName(other, allowMissingColumns=True)
    missing = {"article_id", "text"} - set(articles.columns)
    if missing:
        raise SystemExit(f"srcanalysis: Spark input needs columns article_id and text; missing {sorted(missing)}")
    passages = spark_passages(articles, **_reuse_options(args)).drop("pos_a", "pos_b")
    if args.output.lower().endswith(".parquet"):
        passages.write.mode("overwrite").parquet(args.output)
        print(f"wrote Spark passages to {args.output} (a Parquet folder)", file=sys.stderr)
    else:
        _write(passages.toPandas(), args.output)
    return True


def cmd_reuse(args: argparse.Namespace) -> None:
    from .reuse import find_reuse, reuse_summary

    if args.engine == "spark" and _spark_native(args):
        return
    articles = _load(args)
    passages = find_reuse(articles, engine=args.engine, **_reuse_options(args))
    _write(passages, args.output)
    if args.summary:
        summary = reuse_summary(articles, passages)
        _write(summary["articles"], args.summary)
        _write(summary["matrix"].reset_index(), str(Path(args.summary).with_name(Path(args.summary).stem + "_matrix.csv")))


def cmd_report(args: argparse.Namespace) -> None:
    from .html_report import write_report

    articles = _load(args)
    page = write_report(articles, args.output, title=args.title, jobs=args.jobs)
    print(f"report written to {page}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="srcanalysis",
        description="Study how news is sourced: anonymous sources, timelines and cross-outlet reuse.",
        epilog="Inputs: .txt/.md, .html/.htm, .csv, .jsonl/.json files or folders (read recursively). "
               "Outputs: .csv, .parquet or .jsonl by extension; '-' writes CSV to stdout.",
    )
    parser.add_argument("--version", action="version", version=f"srcanalysis {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func: Callable[[argparse.Namespace], None], help: str, output: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
        p.add_argument("-o", "--output", default=output, help=f"output file (default: {output})")
        p.add_argument("--format", choices=["text", "html", "csv", "jsonl", "json"],
                       help="force the input format instead of guessing from extensions")
        p.add_argument("--outlet", help="outlet for articles whose input names none")
        p.add_argument("--published", help="publication date for articles whose input gives none")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or log messages")
        p.set_defaults(func=func)
        return p

    def scale(p: argparse.ArgumentParser) -> None:
        p.add_argument("--jobs", type=int, default=1, metavar="N",
                       help="spread articles over N processes (0 = every core; default 1)")
        p.add_argument("--engine", default="python", choices=["python", "spark"],
                       help="in-process (default) or Apache Spark: reads Parquet/JSONL itself, writes a Parquet "
                            "folder for a .parquet output (needs the 'spark' extra and Java 17+)")

    p = add("sentences", cmd_sentences, "one row per sentence, tagged by source type", "sentences.csv")
    scale(p)
    p.add_argument("--no-tag", action="store_true", help="skip source tagging (faster)")

    p = add("sources", cmd_sources, "source profile: counts by source type and anonymous-source density",
            "profile.csv")
    p.add_argument("--by", default="article_id", choices=["article_id", "outlet"],
                   help="one row per article (default) or per outlet")
    p.add_argument("--sentences", metavar="FILE", help="also write the tagged sentences to FILE")
    scale(p)

    p = add("timeline", cmd_timeline, "dated event mentions with reporting lag", "timeline.csv")
    p.add_argument("--gaps", metavar="FILE", help="also write stretches no time expression covers to FILE "
                   "(the report counts sentence dates instead: see date_sentences)")
    p.add_argument("--min-gap", help="shortest gap reported with --gaps (a length such as 30D or 2W, default 30D)")
    p.add_argument("--gaps-by", default="article_id", choices=["article_id", "outlet", "story"],
                   help="find gaps per article (default), per outlet, or over all inputs as one story")
    p.add_argument("--infer-published", action="store_true",
                   help="show an estimate of a missing publication date (from absolute dates in the text); it never "
                        "resolves relative dates or computes a lag")
    scale(p)

    from .reuse.options import DEFAULTS as REUSE  # help shows the finder's own defaults, never a copy of them

    p = add("reuse", cmd_reuse, "passages one article copied from another", "passages.csv")
    p.add_argument("--engine", default="python", choices=["python", "spark"],
                   help="in-process engine (default) or Apache Spark (needs the 'spark' extra)")
    p.add_argument("--summary", metavar="FILE",
                   help="also write the per-article reuse summary to FILE (and the outlet matrix beside it)")
    p.add_argument("--ngram", type=int, help=f"words per indexed n-gram (default {REUSE['ngram']})")
    p.add_argument("--max-df", type=int, dest="max_df",
                   help=f"n-grams in more articles of one outlet than this are its boilerplate (default {REUSE['max_df']}); "
                        "a story more outlets share is still aligned through one anchor copy")
    p.add_argument("--min-similarity", type=float, dest="min_similarity",
                   help=f"lowest similarity of a reported passage, 0-1 (default {REUSE['min_similarity']})")
    p.add_argument("--min-containment", type=float, dest="min_containment",
                   help="share of the shorter text two articles must share to be reported as a rewrite "
                        f"(default {REUSE['min_containment']}; 0 turns the paraphrase fallback off)")

    p = add("report", cmd_report, "a self-contained HTML report with the CSVs behind it", "report")
    p.add_argument("--title", default="How these articles are sourced", help="page title")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="spread articles over N processes (default 1)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``srcanalysis`` command."""
    args = build_parser().parse_args(argv)
    _check_outputs(args)
    logging.basicConfig(level=logging.ERROR,  # skipped inputs are summarised by _load
                        format="%(levelname)s %(name)s: %(message)s")
    if getattr(args, "quiet", False):  # -q: no summaries either; errors still reach the terminal on exit
        with contextlib.redirect_stderr(io.StringIO()):
            args.func(args)
    else:
        args.func(args)
    return 0


#: Output file types the table-writing commands accept (``report`` writes a folder).
OUTPUT_SUFFIXES = (".csv", ".parquet", ".jsonl", ".ndjson", "")


def _check_outputs(args: argparse.Namespace) -> None:
    """Refuse an output type we cannot write before any article is loaded."""
    if args.func is cmd_report:
        return
    for out in (getattr(args, "output", None), getattr(args, "gaps", None)):
        if out and out != "-" and Path(out).suffix.lower() not in OUTPUT_SUFFIXES:
            raise SystemExit(f"srcanalysis: cannot write {out!r}: use .csv, .parquet or .jsonl")
    min_gap = getattr(args, "min_gap", None)
    if min_gap is not None:
        if not getattr(args, "gaps", None):
            raise SystemExit("srcanalysis: --min-gap applies to the gaps file only; add --gaps FILE")
        try:
            pd.Timedelta(min_gap)
        except ValueError:
            raise SystemExit(f"srcanalysis: --min-gap {min_gap!r} is not a length: write e.g. 30D (days) or 2W (weeks)") from None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""Source-tagging throughput on Reuters-21578 (one core). Goal: >= 20,000 sentences/s.

Times segmentation (``sentences(tag=False)``) and :func:`srcanalysis.sources.attribution.tag_frame` separately
in the same process; each is run ``--runs`` times, with the tagger's span cache emptied before every
run, and the median (and best) is printed, since the machine is shared. The tagger's CPU time
(``time.process_time``) is printed too: on a loaded machine it moves less than wall time. To compare
with an older version in the same run (the load changes from minute to minute), pass
``--baseline DIR``, a checkout of that version (``git archive 9170de7 | tar -x -C DIR``): the script
then alternates a run of the baseline (a subprocess with ``PYTHONPATH=DIR``) with a run of this
code, ``--rounds`` times, and prints both medians of the CPU rate and their ratio.

Run: ``python bench/bench_tagging.py [--quick] [--baseline DIR --rounds 4]``
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _reuters import load_reuters  # noqa: E402

import srcanalysis as sa  # noqa: E402
from srcanalysis.sources.attribution import classify_source, tag_frame  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3,000 stories only")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median and best are printed)")
    parser.add_argument("--baseline", default="", help="checkout of an older version to alternate with")
    parser.add_argument("--rounds", type=int, default=4, help="with --baseline: alternating rounds")
    args = parser.parse_args()
    if args.baseline:
        compare(args)
        return
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    articles = sa.read_articles(load_reuters(limit=3000 if args.quick else None))
    segment_times, tag_times, tag_cpu = [], [], []
    for _ in range(args.runs):  # the machine is shared: report the median and the best of a few runs
        classify_source.cache_clear()  # every run starts cold, as a user's single run would
        t0 = time.perf_counter()
        plain = sa.sentences(articles, tag=False)
        t1, c1 = time.perf_counter(), time.process_time()
        tags = tag_frame(plain[["article_id", "paragraph", "sentence", "text"]])
        t2 = time.perf_counter()
        tag_cpu.append(time.process_time() - c1)
        segment_times.append(t1 - t0)
        tag_times.append(t2 - t1)
    seg, tag = statistics.median(segment_times), statistics.median(tag_times)
    print(f"Reuters-21578: {len(articles):,} articles, {len(plain):,} sentences; median (best) of {args.runs} runs")
    print(f"  segmentation only:  {len(plain) / seg:10,.0f} sentences/s ({len(plain) / min(segment_times):,.0f})")
    print(f"  tag_frame only:     {len(plain) / tag:10,.0f} sentences/s ({len(plain) / min(tag_times):,.0f})"
          "   (goal >= 20,000)")
    print(f"  tag_frame CPU time: {len(plain) / statistics.median(tag_cpu):10,.0f} sentences per CPU second")
    print(f"  segment + tag:      {len(plain) / (seg + tag):10,.0f} sentences/s")
    if hasattr(os, "getloadavg"):
        print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("  tagged types:", tags["source_type"].astype(str).value_counts().to_dict())


def _cpu_rate(pythonpath: str, quick: bool) -> float:
    """One run of this script (one timed run) under ``pythonpath``: its tag_frame sentences per CPU second."""
    cmd = [sys.executable, __file__, "--runs", "1"] + (["--quick"] if quick else [])
    out = subprocess.run(cmd, env={**os.environ, "PYTHONPATH": pythonpath}, capture_output=True, text=True,
                         check=True).stdout
    return float(re.search(r"CPU time:\s+([\d,]+)", out).group(1).replace(",", ""))


def compare(args: argparse.Namespace) -> None:
    """Alternate runs of the baseline checkout and of this code; print the median CPU rates and the ratio."""
    here = str(Path(__file__).resolve().parent.parent)
    base, this = [], []
    for _ in range(args.rounds):
        base.append(_cpu_rate(args.baseline, args.quick))
        this.append(_cpu_rate(here, args.quick))
    b, t = statistics.median(base), statistics.median(this)
    print(f"tag_frame sentences per CPU second, median of {args.rounds} alternating rounds:")
    print(f"  baseline {args.baseline}: {b:10,.0f}   {[round(x) for x in base]}")
    print(f"  this code {here}: {t:10,.0f}   {[round(x) for x in this]}")
    print(f"  ratio this / baseline: {t / b:.2f}")
    if hasattr(os, "getloadavg"):
        print(f"  load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()

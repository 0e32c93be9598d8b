"""Source-tagging throughput on Reuters-21578 (one core). Goal: >= 20,000 sentences/s.

Times segmentation (``sentences(tag=False)``) and :func:`srcanalysis.sources.attribution.tag_frame` separately
in the same process; each is run ``--runs`` times, with the tagger's span cache emptied before every
run, and the median (and best) is printed, since the machine is shared. The tagger's CPU time
(``time.process_time``) is printed too: on a loaded machine it moves less than wall time. To compare
with an older version, run this script with ``PYTHONPATH`` pointing at that version's checkout.

Run: ``python bench/bench_tagging.py [--quick]``
"""
from __future__ import annotations

import argparse
import os
import statistics
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()

"""Source-tagging throughput on Reuters-21578 (one core). Goal: >= 20,000 sentences/s.

Segments the corpus first (untimed), then times :func:`srcanalysis.attribution.tag_frame` alone and
``sentences(tag=True)`` end to end, against ``sentences(tag=False)`` in the same process.

Run: ``python bench/bench_tagging.py [--quick]``
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _reuters import load_reuters  # noqa: E402

import srcanalysis as sa  # noqa: E402
from srcanalysis.attribution import tag_frame  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3,000 stories only")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    articles = sa.read_articles(load_reuters(limit=3000 if args.quick else None))
    t0 = time.perf_counter()
    plain = sa.sentences(articles, tag=False)
    t1 = time.perf_counter()
    tags = tag_frame(plain[["article_id", "paragraph", "sentence", "text"]])
    t2 = time.perf_counter()
    print(f"Reuters-21578: {len(articles):,} articles, {len(plain):,} sentences")
    print(f"  segmentation only:  {len(plain) / (t1 - t0):10,.0f} sentences/s")
    print(f"  tag_frame only:     {len(plain) / (t2 - t1):10,.0f} sentences/s   (goal >= 20,000)")
    print(f"  segment + tag:      {len(plain) / (t2 - t0):10,.0f} sentences/s")
    print("  tagged types:", tags["source_type"].astype(str).value_counts().to_dict())


if __name__ == "__main__":
    main()

"""Articles per second for the whole pipeline, on one process and on two.

The pipeline is what ``srcanalysis report`` computes: sentences with source tags and the timeline
(per-article stages, spread over ``--jobs`` processes by :func:`srcanalysis.engine.map_articles`),
then the outlet profile and cross-article reuse (in this process). Loading is timed apart.

The corpus is ``../shared/devdata/wikinews`` (295 articles) when present, else the shipped
``data/`` sample; ``--reuters N`` uses the first N Reuters-21578 stories instead (never committed).
Each setting runs ``--repeat`` times, alternating, and the best time counts; the machine is shared,
so compare the ratio, measured in the same run, rather than absolute figures.

Run: ``python bench/bench_pipeline.py [--reuters 2000] [--repeat 2]``
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
SHARED = Path(os.environ.get("SRCANALYSIS_SHARED", ROOT.parent / "shared"))


def load(args: argparse.Namespace) -> tuple[pd.DataFrame, str]:
    import srcanalysis as sa
    if args.reuters:
        from _reuters import load_reuters
        return sa.read_articles(load_reuters(limit=args.reuters)), f"Reuters-21578, first {args.reuters}"
    wiki = SHARED / "devdata" / "wikinews"
    if wiki.exists():
        return sa.read_articles(wiki), "devdata/wikinews"
    return sa.read_articles(ROOT / "data"), "data/ (shipped sample)"


def pipeline(articles: pd.DataFrame, jobs: int, times: dict[str, float] | None = None) -> dict[str, int]:
    """Run every stage; add each stage's seconds to ``times``; return row counts."""
    import srcanalysis as sa
    from srcanalysis.engine import map_articles
    times = {} if times is None else times
    stages = [("sentences", lambda _: map_articles("sentences", articles, jobs=jobs)),
              ("timeline", lambda s: map_articles(sa.timeline, s["sentences"], jobs=jobs)),
              ("profile", lambda s: sa.source_profile(s["sentences"], by="outlet")),
              ("reuse", lambda s: sa.find_reuse(articles))]
    out: dict[str, pd.DataFrame] = {}
    for name, run in stages:
        t = time.perf_counter()
        out[name] = run(out)
        times[name] = time.perf_counter() - t
    return {name: len(frame) for name, frame in out.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, help="use the first N Reuters-21578 stories")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    t = time.perf_counter()
    articles, name = load(args)
    print(f"corpus: {name}: {len(articles):,} articles, loaded in {time.perf_counter() - t:.1f} s; "
          f"{os.cpu_count()} cores (shared with other work: timings are under load)")
    pipeline(articles.head(3), 1)  # warm caches (rule tables, regexes)
    best: dict[int, float] = {}
    split: dict[int, dict[str, float]] = {}
    counts: dict[int, dict[str, int]] = {}
    for _ in range(args.repeat):
        for jobs in (1, 2):
            times: dict[str, float] = {}
            counts[jobs] = pipeline(articles, jobs, times)
            if sum(times.values()) < best.get(jobs, float("inf")):
                best[jobs], split[jobs] = sum(times.values()), times
    assert counts[1] == counts[2], f"--jobs 2 changed the output: {counts}"
    print(f"rows: {counts[1]}")
    for jobs in (1, 2):
        stages = "  ".join(f"{k} {v:.2f}s" for k, v in split[jobs].items())
        print(f"jobs={jobs}: {best[jobs]:6.2f} s  {len(articles) / best[jobs]:7.1f} articles/s   ({stages})")
    print(f"speed-up with 2 processes: {best[1] / best[2]:.2f}x (same rows: yes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Event dating on the SemEval-2015 Task 4 (TimeLine) trial data with srcanalysis.time.timeline.

For every event mention in the six gold timelines that has a known date, the predicted date is
the time expression our timeline places in the same sentence (the finest one, then the nearest
to the event word); sentences without one inherit the last day-precise expression of an earlier
sentence of the article (news narrative keeps its reference day), else the publication date
(DCT). The DCT-fallback-only variant is printed too.
Scores:
  * event-date accuracy at the gold precision (day, month or year): the predicted interval's
    first day, cut to the gold precision, equals the gold date, and the prediction is at least
    as fine as the gold precision;
  * the same for the DCT-only baseline, and for the mentions whose sentence has a timex;
  * reporting-lag error: |predicted lag - gold lag| in days, lag = DCT minus event end
    (end of the gold interval at its precision), median and mean.

Run:  python bench/eval_timeline.py [--errors N]
"""
from __future__ import annotations

import argparse
import calendar
import html
import os
import re
import statistics
import sys
from pathlib import Path

import pandas as pd

from srcanalysis.time.timeline import timeline

SHARED = Path(os.environ.get("SRCANALYSIS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
DATA = SHARED / "devdata" / "semeval2015-timeline-trial"


def load_docs() -> tuple[pd.DataFrame, dict[str, pd.Timestamp]]:
    rows, dcts = [], {}
    for p in sorted((DATA / "Corpus-trial-data_task4_TimeML").glob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        doc = re.search(r"<DOCID>(\d+)</DOCID>", raw).group(1)
        dct = pd.Timestamp(re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S).group(1)[:10])
        dcts[doc] = dct
        for m in re.finditer(r'<s id="(\d+)">(.*?)</s>', raw, re.S):
            text = html.unescape(re.sub(r"<[^>]+>", "", m.group(2)))
            rows.append({"article_id": doc, "outlet": "Wikinews", "published": dct, "sentence": int(m.group(1)),
                         "start": 0, "end": len(text), "text": text})
    return pd.DataFrame(rows), dcts


def load_gold() -> list[dict]:
    out = []
    for p in sorted((DATA / "TimeLines_trial_data_task4_v1.2").glob("*.txt")):
        for line in p.read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            if len(parts) < 3:
                continue
            date = parts[1]
            for mention in parts[2:]:
                doc, sent, word = mention.split("-", 2)
                out.append({"timeline": p.stem, "doc": doc, "sentence": int(sent), "word": word, "date": date})
    return out


def gold_interval(date: str) -> tuple[str, pd.Timestamp, pd.Timestamp] | None:
    parts = [x for x in date.split("-") if "X" not in x]
    if not parts or len(parts[0]) != 4:
        return None
    y = int(parts[0])
    if len(parts) == 1:
        return "year", pd.Timestamp(y, 1, 1), pd.Timestamp(y, 12, 31)
    m = int(parts[1])
    if len(parts) == 2:
        return "month", pd.Timestamp(y, m, 1), pd.Timestamp(y, m, calendar.monthrange(y, m)[1])
    d = pd.Timestamp(y, m, int(parts[2]))
    return "day", d, d


FINE = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5}
CUT = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"devdata not found at {DATA} (set SRCANALYSIS_SHARED)")
    sents, dcts = load_docs()
    import time
    best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        tl = timeline(sents)
        best = min(best, time.process_time() - t0)
    tl = tl[tl["type"].isin(["DATE", "TIME"])]
    by_sent = {k: g for k, g in tl.groupby(["article_id", "sentence"])}
    text_of = {(r.article_id, r.sentence): r.text for r in sents.itertuples()}
    gold = load_gold()
    n = ok = ok_base = with_tx = ok_tx = ok_dctfb = 0
    lag_err, lag_err_base, errs = [], [], []
    day_tl = tl[tl["granularity"] == "day"].sort_values(["article_id", "sentence", "expr_start"])
    for g in gold:
        gi = gold_interval(g["date"])
        if gi is None or g["doc"] not in dcts:
            continue
        prec, gb, ge = gi
        dct = dcts[g["doc"]]
        n += 1
        cand = by_sent.get((g["doc"], g["sentence"]))
        pred_b = pred_e = dct
        pred_gran = "day"
        pred_expr = "(DCT)"
        dct_fallback = True
        if cand is not None and len(cand):
            text = text_of.get((g["doc"], g["sentence"]), "")
            pos = text.find(g["word"].split("_")[0])
            c = cand.assign(_d=(cand["expr_start"] - max(pos, 0)).abs(),
                            _f=cand["granularity"].map(FINE).fillna(9)).sort_values(["_f", "_d"])
            r = c.iloc[0]
            pred_b, pred_e, pred_gran, pred_expr = r["begin"], r["end"], r["granularity"], r["expression"]
            with_tx += 1
        else:
            prev = day_tl[(day_tl["article_id"] == g["doc"]) & (day_tl["sentence"] < g["sentence"])]
            if len(prev):
                r = prev.iloc[-1]
                pred_b, pred_e, pred_gran, pred_expr = r["begin"], r["end"], "day", "(inherited) " + r["expression"]
                dct_fallback = False
        good = FINE.get(pred_gran, 9) <= FINE[prec] and pred_b.strftime(CUT[prec]) == gb.strftime(CUT[prec])
        ok_dctfb += good if dct_fallback else (dct.strftime(CUT[prec]) == gb.strftime(CUT[prec]))
        base = dct.strftime(CUT[prec]) == gb.strftime(CUT[prec])
        ok += good
        ok_base += base
        if cand is not None and len(cand):
            ok_tx += good
        gold_lag = (dct - ge).days
        lag_err.append(abs((dct - pred_e).days - gold_lag))
        lag_err_base.append(abs(0 - gold_lag))
        if not good and args.errors:
            errs.append((g["doc"], g["sentence"], g["word"], g["date"], pred_expr, pred_b.date(), text_of.get((g["doc"], g["sentence"]), "")[:110]))
    print(f"SemEval-2015 Task 4 trial: {len(dcts)} documents, {len(sents)} sentences, {n} dated gold event mentions "
          f"({sum(1 for g in gold if gold_interval(g['date']) is None)} undated left out)")
    print(f"  timeline() throughput: {len(sents) / best:,.0f} sentences/CPU-s (one DataFrame for the whole corpus)")
    print(f"  event-date accuracy at gold precision: {ok / n:.3f}  (same-sentence timex else DCT: {ok_dctfb / n:.3f};"
          f" DCT-only baseline {ok_base / n:.3f})")
    print(f"  mentions whose sentence has a resolved timex: {with_tx}/{n} = {with_tx / n:.3f}; accuracy on them {ok_tx / max(with_tx, 1):.3f}")
    print(f"  reporting-lag abs. error (days): median {statistics.median(lag_err):.0f}, mean {statistics.mean(lag_err):.1f}"
          f", within 1 day {sum(e <= 1 for e in lag_err) / n:.3f}"
          f"  (DCT-only baseline: median {statistics.median(lag_err_base):.0f}, mean {statistics.mean(lag_err_base):.1f},"
          f" within 1 day {sum(e <= 1 for e in lag_err_base) / n:.3f})")
    for e in errs[: args.errors]:
        print("   ", " | ".join(map(str, e)))


if __name__ == "__main__":
    main()

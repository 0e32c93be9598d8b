"""Sentence dating (srcanalysis.date_sentences) scored on event mentions with gold dates.

Two development sets, each beside the publication-date-only baseline (every event dated on the
day of publication):
  * SemEval-2015 Task 4 (TimeLine) trial: every event mention of the six gold timelines with a
    known date (day, month or year);
  * TimeBank 1.2: every event a TLINK places inside (IS_INCLUDED, DURING, SIMULTANEOUS, BEGINS,
    ENDS, IDENTITY) a dated TIMEX3 or the creation time, at that timex's precision; sentences are
    the text split at sentence-final punctuation.
The prediction for an event is the date date_sentences gives its sentence (own expression,
carried reference day, or publication date). Scores:
  * accuracy at the gold precision: the predicted interval's first day, cut to the gold precision,
    equals the gold date, and the prediction is at least as fine as the gold precision; also per
    basis (own / carried / published);
  * reporting-lag error: |predicted lag - gold lag| in days, lag = DCT minus event end (end of the
    gold interval at its precision), mean and median, and the share within one day.

Run:  python bench/eval_timeline.py [--errors N] [--carry day|week|month|...]
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

from srcanalysis.time.sentences import LAG_WINDOW_DAYS, date_sentences

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


TB = SHARED / "devdata" / "timebank-aquaint" / "TimeBank"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SENT_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“])|\n\s*\n")
_INSIDE = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY", "IDENTITY"}


def load_timebank() -> tuple[pd.DataFrame, dict[str, pd.Timestamp], list[dict]]:
    """TimeBank 1.2 as a second event-dating set: an event's gold date is the DATE timex (or the
    creation time) a TLINK puts it inside (IS_INCLUDED, DURING, SIMULTANEOUS, BEGINS, ENDS ...),
    at that timex's precision (year, month or day values only)."""
    rows, dcts, gold = [], {}, []
    for p in sorted(TB.glob("*.tml")):
        raw = p.read_text(encoding="utf-8")
        doc = p.stem
        dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S).group(1)[:10]
        dcts[doc] = pd.Timestamp(dct)
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
        parts, pos, n, ev_at, tx_val = [], 0, 0, {}, {"t0": dct}
        for m in _TAG.finditer(body):
            piece = html.unescape(body[pos:m.start()])
            parts.append(piece)
            n += len(piece)
            pos = m.end()
            a = dict(_ATTR.findall(m.group(3)))
            if not m.group(1) and m.group(2) == "EVENT":
                ev_at[a["eid"]] = n
            if not m.group(1) and m.group(2) == "TIMEX3" and a.get("type") == "DATE":
                tx_val[a["tid"]] = a.get("value", "")
        parts.append(html.unescape(body[pos:]))
        text = "".join(parts)
        starts = [0] + [m.end() for m in _SENT_END.finditer(text)]
        ends = starts[1:] + [len(text)]
        for k, (a, b) in enumerate(zip(starts, ends)):
            rows.append({"article_id": doc, "outlet": "TimeBank", "published": pd.Timestamp(dct), "sentence": k,
                         "start": a, "end": b, "text": text[a:b]})
        inst = {a["eiid"]: a["eventID"] for a in (dict(_ATTR.findall(x)) for x in re.findall(r"<MAKEINSTANCE([^>]*)/>", raw))}
        seen = set()
        for x in re.findall(r"<TLINK([^>]*)/>", raw):
            a = dict(_ATTR.findall(x))
            rel = a.get("relType", "")
            if "eventInstanceID" in a and "relatedToTime" in a and rel in _INSIDE:
                ei, tid = a["eventInstanceID"], a["relatedToTime"]
            elif "timeID" in a and "relatedToEventInstance" in a and rel in {"INCLUDES", "DURING", "SIMULTANEOUS", "IDENTITY"}:
                ei, tid = a["relatedToEventInstance"], a["timeID"]
            else:
                continue
            val = tx_val.get(tid, "")
            eid = inst.get(ei)
            if eid is None or eid in seen or eid not in ev_at or not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", val):
                continue
            seen.add(eid)
            off = ev_at[eid]
            k = max(i for i, st in enumerate(starts) if st <= off)
            gold.append({"timeline": "", "doc": doc, "sentence": k, "word": eid, "date": val})
    return pd.DataFrame(rows), dcts, gold


def score(sents: pd.DataFrame, dcts: dict, gold: list[dict], dated: pd.DataFrame | None, errors: int = 0) -> dict:
    """Accuracy at gold precision and reporting-lag error of sentence dates (``dated`` = output of
    date_sentences; None scores the publication-date-only baseline)."""
    key = {(r.article_id, r.sentence): r for r in (dated.itertuples() if dated is not None else [])}
    n = ok = 0
    lag_err, errs, by_basis, win_err = [], [], {}, []
    for g in gold:
        gi = gold_interval(g["date"])
        if gi is None or g["doc"] not in dcts:
            continue
        prec, gb, ge = gi
        dct = dcts[g["doc"]]
        r = key.get((g["doc"], g["sentence"]))
        if r is None or pd.isna(r.event_begin):
            pb, pe, pg, basis, expr = dct, dct, "day", "published", ""
        else:
            pb, pe, pg, basis, expr = r.event_begin, r.event_end, r.event_granularity, r.event_basis, r.event_expression
        good = FINE.get(pg, 9) <= FINE[prec] and pb.strftime(CUT[prec]) == gb.strftime(CUT[prec])
        n += 1
        ok += good
        b = by_basis.setdefault(basis, [0, 0])
        b[0] += 1
        b[1] += good
        lag_err.append(abs((dct - pe).days - (dct - ge).days))
        if r is not None and pd.notna(getattr(r, "event_lag", pd.NaT)):
            win_err.append(abs(r.event_lag.days - (dct - ge).days))
        if not good and errors:
            errs.append((basis, g["doc"], g["sentence"], g["word"], g["date"], expr, pb.date(), getattr(r, "text", "")[:100]))
    return {"n": n, "acc": ok / n, "lag_median": statistics.median(lag_err), "lag_mean": statistics.mean(lag_err),
            "within1": sum(e <= 1 for e in lag_err) / n,
            "win_n": len(win_err), "win_mean": statistics.mean(win_err) if win_err else float("nan"), "by_basis": by_basis, "errors": errs}


def print_scores(ours: dict, base: dict, errors: int) -> None:
    """Print one set's scores beside the publication-date baseline, then up to ``errors`` errors."""
    print(f"  event-date accuracy at gold precision: {ours['acc']:.3f}   (publication-date-only baseline {base['acc']:.3f})")
    print("  by basis: " + ", ".join(f"{k} {v[1]}/{v[0]} = {v[1] / v[0]:.3f}" for k, v in sorted(ours["by_basis"].items())))
    print(f"  reporting-lag abs. error (days): mean {ours['lag_mean']:.1f}, median {ours['lag_median']:.0f}, "
          f"within 1 day {ours['within1']:.3f}   (baseline: mean {base['lag_mean']:.1f}, median {base['lag_median']:.0f}, "
          f"within 1 day {base['within1']:.3f})")
    print(f"  event_lag (the lag date_sentences reports, within {LAG_WINDOW_DAYS} days of publication): "
          f"{ours['win_n']}/{ours['n']} mentions carry one, mean abs. error {ours['win_mean']:.1f} days")
    for e in ours["errors"][:errors]:
        print("   ", " | ".join(map(str, e)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--carry", default="day", help="coarsest granularity that sets the reference time")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"devdata not found at {DATA} (set SRCANALYSIS_SHARED)")
    sents, dcts = load_docs()
    gold = load_gold()
    import time
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        dated = date_sentences(sents, carry=args.carry)
        best = min(best, time.process_time() - t0)
    ours = score(sents, dcts, gold, dated, args.errors)
    base = score(sents, dcts, gold, None)
    print(f"SemEval-2015 Task 4 trial: {len(dcts)} documents, {len(sents)} sentences, {ours['n']} dated gold event mentions "
          f"({sum(1 for g in gold if gold_interval(g['date']) is None)} undated left out)")
    print(f"  date_sentences() throughput: {len(sents) / best:,.0f} sentences/CPU-s")
    print_scores(ours, base, args.errors)
    if TB.exists():
        tb_sents, tb_dcts, tb_gold = load_timebank()
        tb = score(tb_sents, tb_dcts, tb_gold, date_sentences(tb_sents, carry=args.carry), args.errors)
        tb_base = score(tb_sents, tb_dcts, tb_gold, None)
        print(f"TimeBank 1.2: {len(tb_dcts)} documents, {len(tb_sents)} sentences, {tb['n']} events a TLINK places inside a "
              "dated timex or the creation time")
        print_scores(tb, tb_base, args.errors)


if __name__ == "__main__":
    main()

"""Score srcanalysis.find_timexes on TimeBank 1.2 + AQUAINT (TempEval-3 cleaned TimeML).

Prints, separately for TimeBank and AQUAINT: strict and relaxed extent P/R/F1, value accuracy
(exact TIMEX3 value over relaxed matches, given the document creation time), value F1
(= value accuracy x relaxed F1, TempEval-3) and type accuracy, plus throughput in sentences/s
on one core (find_timexes called per sentence, sentences approximated by the gold text split
on sentence-final punctuation).

Run:  python bench/eval_timex.py [--errors N] [--set TimeBank|AQUAINT]
"""
from __future__ import annotations

import argparse
import html
import os
import re
import sys
import time
from pathlib import Path

from srcanalysis.time.timex import find_timexes

SHARED = Path(os.environ.get("SRCANALYSIS_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
DATA = SHARED / "devdata" / "timebank-aquaint"

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_tml(path: Path) -> dict:
    """Return {'dct', 'text', 'timexes': [(start, end, type, value, mod, text)]} for one .tml file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S).group(1)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    out, timexes, open_tx, pos = [], [], None, 0
    n = 0
    for m in TAG.finditer(body):
        piece = html.unescape(body[pos:m.start()])
        out.append(piece)
        n += len(piece)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), dict(ATTR.findall(m.group(3)))
        if name == "TIMEX3":
            if not closing:
                open_tx = (n, attrs)
            elif open_tx:
                s, a = open_tx
                timexes.append((s, n, a.get("type", ""), a.get("value", ""), a.get("mod", "")))
                open_tx = None
    piece = html.unescape(body[pos:])
    out.append(piece)
    text = "".join(out)
    timexes = [(s, e, t, v, md, text[s:e]) for s, e, t, v, md in timexes]
    return {"dct": dct[:10], "text": text, "timexes": timexes, "name": path.stem}


def load(subset: str) -> list[dict]:
    return [parse_tml(p) for p in sorted((DATA / subset).glob("*.tml"))]


def score(docs: list[dict], errors: int = 0) -> dict:
    tp_strict = n_sys = n_gold = rel_sys = rel_gold = val_ok = typ_ok = matched = 0
    errs = []
    for d in docs:
        sysdf = find_timexes(d["text"], published=d["dct"])
        sys_spans = list(zip(sysdf["start"], sysdf["end"], sysdf["type"], sysdf["value"], sysdf["text"]))
        gold = d["timexes"]
        n_sys += len(sys_spans)
        n_gold += len(gold)
        gset = {(s, e) for s, e, *_ in gold}
        tp_strict += sum((s, e) in gset for s, e, *_ in sys_spans)
        rel_sys += sum(any(s < ge and gs < e for gs, ge, *_ in gold) for s, e, *_ in sys_spans)
        for gs, ge, gt, gv, gm, gtext in gold:
            hit = [x for x in sys_spans if x[0] < ge and gs < x[1]]
            if hit:
                rel_gold += 1
                matched += 1
                best = max(hit, key=lambda x: min(ge, x[1]) - max(gs, x[0]))
                if best[3] == gv:
                    val_ok += 1
                elif errors:
                    errs.append(("VAL", d["name"], gtext, gv, best[4], best[3]))
                typ_ok += best[2] == gt
            elif errors:
                errs.append(("MISS", d["name"], gtext, gv, d["text"][max(0, gs - 40):ge + 30].replace("\n", " ")))
        if errors:
            for s, e, t, v, tx in sys_spans:
                if not any(s < ge and gs < e for gs, ge, *_ in gold):
                    errs.append(("FP", d["name"], tx, v, d["text"][max(0, s - 40):e + 30].replace("\n", " ")))
    def prf(tp_p, tp_r):
        p = tp_p / n_sys if n_sys else 0.0
        r = tp_r / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    sp, sr, sf = prf(tp_strict, tp_strict)
    rp, rr, rf = prf(rel_sys, rel_gold)
    vacc = val_ok / matched if matched else 0.0
    base_ok = sum(gv == dct_value(d["dct"], gv) for d in docs for *_x, gv, _gm, _gt in d["timexes"])
    return {"docs": len(docs), "gold": n_gold, "sys": n_sys, "strict": (sp, sr, sf), "relaxed": (rp, rr, rf),
            "value_acc": vacc, "value_f1": vacc * rf, "base_f1": base_ok / n_gold if n_gold else 0.0, "type_acc": typ_ok / matched if matched else 0.0, "errors": errs}


def dct_value(dct: str, gold: str) -> str:
    """The publication date written at the gold value's precision (the publication-date baseline:
    every expression placed on the day, week, month, quarter or year of publication)."""
    import datetime as dt
    d = dt.date.fromisoformat(dct[:10])
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", gold):
        return d.isoformat() + (gold[10:] if len(gold) > 10 else "")
    if re.fullmatch(r"\d{4}-W\d\d", gold):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if re.fullmatch(r"\d{4}-\d\d", gold):
        return d.isoformat()[:7]
    if re.fullmatch(r"\d{4}-Q\d", gold):
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if re.fullmatch(r"\d{4}", gold):
        return str(d.year)
    return ""


SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n\s*\n")


def speed(docs: list[dict], repeat: int = 3) -> tuple[int, float, float]:
    """Sentences per CPU-second (best of ``repeat``; CPU time is robust to other jobs sharing the
    machine) for find_timexes, and the same for a baseline word tokeniser run in this process."""
    sents = [(s, d["dct"]) for d in docs for s in SENT_END.split(d["text"]) if s.strip()]
    word = re.compile(r"\w+")
    best = base = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for s, dct in sents:
            find_timexes(s, published=dct)
        best = min(best, time.process_time() - t0)
        t0 = time.process_time()
        for s, dct in sents:
            word.findall(s)
        base = min(base, time.process_time() - t0)
    return len(sents), len(sents) / best, len(sents) / max(base, 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind")
    ap.add_argument("--set", choices=["TimeBank", "AQUAINT"], default=None)
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"devdata not found at {DATA} (set SRCANALYSIS_SHARED)")
    try:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass
    print("HeidelTime 2.2.1 reference (devdata README): TimeBank strict .853 relaxed .922 value-acc .865 value-F1 .798;"
          " AQUAINT .824/.929/.790/.734")
    for subset in ([args.set] if args.set else ["TimeBank", "AQUAINT"]):
        docs = load(subset)
        r = score(docs, args.errors)
        sp, sr, sf = r["strict"]
        rp, rr, rf = r["relaxed"]
        print(f"{subset:9s} docs={r['docs']} gold={r['gold']} system={r['sys']}")
        print(f"  strict  P={sp:.3f} R={sr:.3f} F1={sf:.3f}")
        print(f"  relaxed P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
        print(f"  value accuracy={r['value_acc']:.3f}  value F1={r['value_f1']:.3f}  type accuracy={r['type_acc']:.3f}"
              f"   (publication-date baseline value F1={r['base_f1']:.3f}: gold extents, every value = publication date"
              " at the gold precision)")
        if not args.no_speed:
            n, sps, base = speed(docs)
            print(f"  speed: {n} sentences, {sps:,.0f} sentences/CPU-s (one core, find_timexes per sentence, "
                  f"one DataFrame each); baseline \\w+ tokeniser {base:,.0f}/s, ratio {sps / base:.3f}")
        if args.errors:
            by = {}
            for e in r["errors"]:
                by.setdefault(e[0], []).append(e)
            for kind, lst in by.items():
                print(f"  --- {kind} ({len(lst)})")
                for e in lst[: args.errors]:
                    print("   ", " | ".join(map(str, e[1:])))


if __name__ == "__main__":
    main()

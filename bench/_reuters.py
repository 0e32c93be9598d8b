"""Read Reuters-21578 from ../shared/devdata for benchmarks (never committed into the project).

Usage from a bench script::

    from _reuters import load_reuters, REUTERS_DIR
    df = load_reuters()          # DataFrame: article_id, outlet, published, title, text
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("SRCANALYSIS_SHARED", ROOT.parent / "shared"))
REUTERS_DIR = SHARED / "devdata" / "reuters21578" / "reuters21578"

_DOC = re.compile(r"<REUTERS[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", re.S)
_DATE = re.compile(r"<DATE>\s*([^<]+?)\s*</DATE>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)


def load_reuters(limit: int | None = None, directory: Path = REUTERS_DIR) -> pd.DataFrame:
    """Parse the 22 SGML files into one row per story with a body.

    Args:
        limit: Stop after this many stories.
        directory: Folder holding ``reut2-*.sgm``.

    Returns:
        DataFrame with ``article_id``, ``outlet`` ("Reuters"), ``published``, ``title``, ``text``.
    """
    if not directory.exists():
        raise FileNotFoundError(f"Reuters-21578 not found at {directory}")
    rows = []
    for path in sorted(directory.glob("reut2-*.sgm")):
        raw = path.read_text(encoding="latin-1")
        for m in _DOC.finditer(raw):
            body = _BODY.search(m.group(2))
            if not body:
                continue
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            text = re.sub(r"\s*Reuter\s*$", "", text)
            title = _TITLE.search(m.group(2))
            date = _DATE.search(m.group(2))
            rows.append({
                "article_id": f"reuters-{m.group(1)}",
                "outlet": "Reuters",
                "published": pd.to_datetime(date.group(1)[:20], format="%d-%b-%Y %H:%M:%S", errors="coerce") if date else pd.NaT,
                "title": html.unescape(title.group(1)) if title else "",
                "text": text,
            })
            if limit and len(rows) >= limit:
                return pd.DataFrame(rows)
    return pd.DataFrame(rows)


if __name__ == "__main__":
    import time
    t = time.perf_counter()
    df = load_reuters()
    print(f"{len(df)} stories parsed in {time.perf_counter() - t:.2f}s")

"""Render the HTML report in headless Chromium at desk and phone widths, as a reader would see it.

Writes the report for ``data/`` (or the folder given), loads it in Debian's chromium through the
DevTools protocol (websocket-client) at 1400 px and at 390 px wide, and for each width:

* counts console errors and uncaught exceptions (any fails the check);
* measures the page's width: content wider than the viewport (a horizontal scroll bar on the
  page itself) fails the check, and the elements sticking out are listed;
* checks that every section is there and that clicking a table header sorts the table;
* saves a full-page screenshot, ``report_<width>.png``, to look at.

Exits 0 with "skipped" when chromium (``apt-get install chromium``) or websocket-client is
missing: this is a desk check, not part of CI.

Run: ``python bench/check_report_chromium.py [PATH] [--out bench/out/report_check]``
"""
from __future__ import annotations

import argparse
import base64
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: (width, height, mobile) of each rendering.
VIEWPORTS = [(1400, 900, False), (390, 844, True)]
SECTIONS = ["Anonymous sources", "Timeline and gaps", "Cross-outlet reuse", "The articles"]
#: Tallest screenshot saved (px); the articles list below it is collapsed text.
MAX_SHOT_HEIGHT = 16000

PROBE = """(() => {
  const vw = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.tbl')) continue;          // tables scroll inside their own box
    const r = el.getBoundingClientRect();
    if (r.width && r.right > vw + 1) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                                              + ' right=' + Math.round(r.right));
  }
  const th = document.querySelector('table.sortable th');
  let sorted = null;
  if (th) { th.click(); sorted = th.getAttribute('aria-sort'); th.click(); }
  return JSON.stringify({vw: vw, scrollWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    sections: Array.from(document.querySelectorAll('h2')).map(h => h.textContent),
    errorBoxes: Array.from(document.querySelectorAll('section > p.note')).filter(p => p.textContent.includes('could not be computed')).length,
    tables: document.querySelectorAll('table.sortable').length, sorted: sorted, wide: wide.slice(0, 15)});
})()"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """A minimal synchronous DevTools client: commands wait for their answer, events are kept."""

    def __init__(self, url: str) -> None:
        import websocket
        self.ws = websocket.create_connection(url, timeout=60)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == ident:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, timeout: float = 30) -> bool:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if any(e.get("method") == method for e in self.events):
                return True
            self.events.append(json.loads(self.ws.recv()))
        return False

    def console_errors(self) -> list[str]:
        out = []
        for e in self.events:
            method, params = e.get("method", ""), e.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append(str(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                out.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                out.append(params["entry"].get("text", ""))
        return out


def check_width(target: str, page_url: str, width: int, height: int, mobile: bool, out: Path) -> list[str]:
    """Render at one width; return the problems found (empty when the page passes)."""
    page = Page(target)
    for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
        page.send(domain)
    page.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)
    page.send("Page.navigate", url=page_url)
    problems = [] if page.wait_for("Page.loadEventFired") else ["page did not load"]
    time.sleep(0.5)
    probe = json.loads(page.send("Runtime.evaluate", expression=PROBE, returnByValue=True)["result"]["value"])
    shot_h = min(int(probe["height"]), MAX_SHOT_HEIGHT)
    page.send("Emulation.setDeviceMetricsOverride", width=width, height=shot_h, deviceScaleFactor=1, mobile=mobile)
    time.sleep(0.3)
    data = page.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                     clip={"x": 0, "y": 0, "width": width, "height": shot_h, "scale": 1})["data"]
    shot = out / f"report_{width}.png"
    shot.write_bytes(base64.b64decode(data))
    errors = page.console_errors()
    page.ws.close()
    problems += [f"console error: {e}" for e in errors]
    if probe["scrollWidth"] > probe["vw"] + 1:
        problems.append(f"content {probe['scrollWidth']} px wide in a {probe['vw']} px viewport: {probe['wide']}")
    missing = [s for s in SECTIONS if s not in probe["sections"]]
    if missing:
        problems.append(f"sections missing: {missing}")
    if probe["errorBoxes"]:
        problems.append(f"{probe['errorBoxes']} section(s) replaced by an error note")
    if probe["tables"] and probe["sorted"] != "ascending":
        problems.append("clicking a table header did not sort it")
    print(f"{width:>5} px: page {probe['scrollWidth']} px wide, {probe['height']:,} px tall, "
          f"{len(probe['sections'])} sections, {probe['tables']} sortable tables, {len(errors)} console errors, "
          f"{probe['errorBoxes']} failed sections; screenshot {shot}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "data"))
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "report_check"))
    args = parser.parse_args()
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not browser:
        print("skipped: chromium not installed (apt-get install chromium)")
        return 0
    try:
        import websocket  # noqa: F401  websocket-client
    except ImportError:
        print("skipped: websocket-client not installed")
        return 0
    import srcanalysis as sa
    from srcanalysis.html_report import write_report

    out = Path(args.out)
    page = write_report(sa.read_articles(args.path), out)
    port = free_port()
    profile = tempfile.mkdtemp(prefix="srcanalysis-chromium-")
    proc = subprocess.Popen([browser, *FLAGS, f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
                             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=1) as resp:
                    targets = [t for t in json.load(resp) if t.get("type") == "page"]
                if targets:
                    target = targets[0]["webSocketDebuggerUrl"]
                    break
            except OSError:
                pass
            time.sleep(0.1)
        if target is None:
            print("error: chromium did not start")
            return 1
        problems = []
        for width, height, mobile in VIEWPORTS:
            problems += [f"{width} px: {p}" for p in check_width(target, page.resolve().as_uri(), width, height,
                                                                   mobile, out)]
        print(f"page: {page}  problems: {len(problems)}")
        for p in problems:
            print("  ", p)
        return 1 if problems else 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

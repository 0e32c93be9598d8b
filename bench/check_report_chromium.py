"""Render the HTML report in headless Chromium and count console errors.

Writes the report for ``data/`` (or the folder given), loads it in Debian's chromium with the
DevTools protocol (websocket-client), collects console messages and uncaught exceptions, and saves a
screenshot. Exits 0 with "skipped" when chromium is not installed (``apt-get install chromium``).

Run: ``python bench/check_report_chromium.py [PATH] [--out report_check]``
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

ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
        import websocket  # websocket-client
    except ImportError:
        print("skipped: websocket-client not installed")
        return 0
    import srcanalysis as sa
    from srcanalysis.html_report import write_report

    page = write_report(sa.read_articles(args.path), args.out)
    port = free_port()
    profile = tempfile.mkdtemp(prefix="srcanalysis-chromium-")
    proc = subprocess.Popen([browser, *FLAGS, f"--user-data-dir={profile}", f"--remote-debugging-port={port}",
                             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=1) as resp:
                    targets = [t for t in json.load(resp) if t.get("type") == "page"]
                if targets:
                    target = targets[0]
                    break
            except OSError:
                pass
            time.sleep(0.1)
        if target is None:
            print("error: chromium did not start")
            return 1
        ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30)
        ids = iter(range(1, 10**6))

        def send(method: str, **params):
            ident = next(ids)
            ws.send(json.dumps({"id": ident, "method": method, "params": params}))
            return ident

        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            send(domain)
        send("Emulation.setDeviceMetricsOverride", width=1200, height=1800, deviceScaleFactor=1, mobile=False)
        send("Page.navigate", url=page.resolve().as_uri())
        errors, messages, loaded = [], 0, False
        deadline = time.time() + 30
        shot_id = None
        while time.time() < deadline:
            msg = json.loads(ws.recv())
            method = msg.get("method", "")
            if method == "Runtime.consoleAPICalled":
                messages += 1
                if msg["params"]["type"] in ("error", "assert"):
                    errors.append(str(msg["params"].get("args")))
            elif method == "Runtime.exceptionThrown":
                errors.append(msg["params"]["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded" and msg["params"]["entry"]["level"] == "error":
                errors.append(msg["params"]["entry"].get("text", ""))
            elif method == "Page.loadEventFired" and not loaded:
                loaded = True
                time.sleep(0.5)
                shot_id = send("Page.captureScreenshot", format="png")
            elif shot_id is not None and msg.get("id") == shot_id:
                shot = Path(args.out) / "screenshot.png"
                shot.write_bytes(base64.b64decode(msg["result"]["data"]))
                print(f"screenshot: {shot}")
                break
        ws.close()
        print(f"page: {page}  loaded: {loaded}  console messages: {messages}  console errors: {len(errors)}")
        for e in errors[:10]:
            print("  ", e)
        return 0 if loaded and not errors else 1
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

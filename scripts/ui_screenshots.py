"""Screenshots of every view of the web UI in English and Dutch, for docs/ui.md.

Starts ``kluit ui`` on 127.0.0.1 and a free port (scenarios copied to a temporary folder),
drives Debian's Chromium with Playwright, runs a small comparison (scale 0.01, 3 repetitions,
25 months) and writes ``docs/ui/<view>_<lang>.png`` (1280 px wide), ``docs/ui/start_<lang>.png``
(the page as first opened) and ``docs/ui/compare_<lang>_800.png`` (an 800 px window). Run from the checkout:

    .venv/bin/python scripts/ui_screenshots.py [--out docs/ui] [--width 1280]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
COMPARE = "s=baseline.toml,policies/package.toml&reps=3&scale=0.01&months=25&run=1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(scenarios: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "SOLARA_TELEMETRY_MIXPANEL_ENABLE": "false", "MPLBACKEND": "Agg"}
    proc = subprocess.Popen([sys.executable, "-m", "kluit.cli", "ui", "--host", "127.0.0.1",
                             "--port", str(port), "--scenarios", str(scenarios)],
                            cwd=scenarios.parent, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                return proc
        except OSError:
            time.sleep(0.25)
    os.killpg(proc.pid, signal.SIGTERM)
    raise SystemExit("kluit ui did not start")


def shoot(page, path: Path, height: int = 3000) -> None:
    """The page down to the end of its content, as a 256-colour PNG (small in the repo)."""
    # Solara scrolls inside its own container: make the window tall instead of full_page
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": height})
    page.wait_for_timeout(800)
    bottom = page.evaluate("""() => Math.max(...Array.from(
        document.querySelectorAll('.kluit-page *')).filter(e => e.offsetParent !== null)
        .map(e => e.getBoundingClientRect().bottom))""")
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(height, int(bottom) + 16)}
    page.screenshot(path=str(path), clip=clip)
    page.set_viewport_size(size)
    from PIL import Image

    with Image.open(path) as img:
        img.convert("RGB").quantize(256).save(path, optimize=True)
    print(path, path.stat().st_size // 1024, "KiB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "ui"))
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        scenarios = Path(tmp) / "scenarios"
        shutil.copytree(ROOT / "scenarios", scenarios, ignore=shutil.ignore_patterns("*.md"))
        port = free_port()
        proc = start_server(scenarios, port)
        base = f"http://127.0.0.1:{port}/"
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                for lang in ("en", "nl"):
                    for width, suffix in ((args.width, ""), (800, "_800")):
                        ctx = browser.new_context(viewport={"width": width, "height": 1000})
                        page = ctx.new_page()
                        page.set_default_timeout(120_000)
                        if not suffix:  # what a first-time user sees: defaults, nothing run
                            page.goto(f"{base}?lang={lang}")
                            page.locator(".kluit-view-compare .kluit-run").wait_for()
                            shoot(page, out / f"start_{lang}.png")
                        page.goto(f"{base}?lang={lang}&{COMPARE}")
                        page.locator(".kluit-view-compare .kluit-cards").wait_for()
                        shoot(page, out / f"compare_{lang}{suffix}.png")
                        if suffix:
                            ctx.close()
                            continue
                        for view, ready in (("explore", "img.kluit-map"),
                                            ("story", "img.kluit-story"),
                                            ("editor", "button")):
                            page.goto(f"{base}?lang={lang}&view={view}")
                            page.locator(f".kluit-view-{view} {ready}").first.wait_for()
                            page.wait_for_timeout(1500)
                            shoot(page, out / f"{view}_{lang}.png")
                        ctx.close()
                browser.close()
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Screenshots of every view of the web UI in English and Dutch, for docs/ui.md.

Starts ``kluit ui`` on 127.0.0.1 and a free port (scenarios copied to a temporary folder),
drives Debian's Chromium with Playwright, runs a small comparison (scale 0.01, 3 repetitions,
25 months) and writes ``docs/ui/<view>_<lang>.png`` (1280 px wide), ``docs/ui/start_<lang>.png``
(the page as first opened) and ``docs/ui/compare_<lang>_800.png`` (an 800 px window). The
Monitor view is shown after dropping realised figures (a whole-region ``kluit run`` of the
baseline at 2% of the population with another seed, months 1-9) and a small run (12 months,
2%, 3 runs, re-fit on). Run from the checkout:

    .venv/bin/python scripts/ui_screenshots.py [--out docs/ui] [--width 1280]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from kluit.ui.harness import (
    DEFAULT_CHROMIUM,
    DROP_ON_MONITOR,
    free_port,
    launch_chromium,
    start_ui_server,
    stop_ui_server,
    wait_for_server,
)

ROOT = Path(__file__).resolve().parents[1]
COMPARE = "s=baseline.toml,policies/package.toml&reps=3&scale=0.01&months=25&run=1"
MONITOR_SCALE, MONITOR_MONTHS, OBSERVED_MONTHS = 0.02, 12, 9


def realised_csv(tmp: Path) -> str:
    """Realised figures for the Monitor screenshot: people on bijstand and placements for the
    whole region, months 1-9 of a baseline run with seed 5, scaled up to the region."""
    import pandas as pd

    from kluit.cli import main

    out = tmp / "realised"
    if (
        main(
            [
                "run",
                str(ROOT / "scenarios" / "baseline.toml"),
                "--scale",
                str(MONITOR_SCALE),
                "--months",
                str(OBSERVED_MONTHS),
                "--seed",
                "5",
                "--out",
                str(out),
            ]
        )
        != 0
    ):
        raise SystemExit("kluit run failed")
    m = pd.read_csv(out / "monthly.csv")
    keep = m[
        (m.municipality == "all")
        & m.variable.isin(["stock_social_assistance", "placements"])
        & (m.month >= 1)
    ]
    return keep.assign(value=(keep.value / MONITOR_SCALE).round()).to_csv(index=False)


def run_monitor(page, base: str, lang: str, csv_text: str) -> None:
    """Open the Monitor view, drop the figures, set a small run and wait for its results."""
    from playwright.sync_api import expect

    from analysis.i18n import percent, t

    page.goto(f"{base}?lang={lang}&view=monitor")
    view = page.locator(".kluit-view-monitor")
    view.locator(".solara-file-drop").wait_for()
    page.wait_for_timeout(500)
    page.evaluate(DROP_ON_MONITOR, ["realised.csv", csv_text])
    view.locator(".kluit-monitor-loaded").wait_for()
    for i, value in ((0, MONITOR_MONTHS), (1, 3)):
        # one key at a time, each confirmed (a faster key can be overtaken by the echo)
        slider = view.get_by_role("slider").nth(i)
        slider.focus()
        slider.press("Home")
        low = int(slider.get_attribute("aria-valuemin"))
        expect(slider).to_have_attribute("aria-valuenow", str(low))
        for v in range(low + 1, value + 1):
            slider.press("ArrowRight")
            expect(slider).to_have_attribute("aria-valuenow", str(v))
    view.locator(".v-select").filter(has_text=t("monitor.scale", lang)).click()
    page.get_by_role("option", name=percent(MONITOR_SCALE, lang), exact=True).click()
    view.get_by_role("button", name=t("monitor.run", lang)).click()
    view.locator(".kluit-monitor-result").wait_for()
    view.locator(".kluit-band").first.wait_for()


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
    ap.add_argument("--chromium", default=DEFAULT_CHROMIUM)
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        scenarios = Path(tmp) / "scenarios"
        shutil.copytree(ROOT / "scenarios", scenarios, ignore=shutil.ignore_patterns("*.md"))
        observed = realised_csv(Path(tmp))
        port = free_port()
        proc = start_ui_server(scenarios, port)
        base = f"http://127.0.0.1:{port}/"
        if not wait_for_server(base, proc):
            raise SystemExit("kluit ui did not start")
        try:
            with sync_playwright() as pw:
                browser = launch_chromium(pw, args.chromium)
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
                        for view, ready in (
                            ("explore", "img.kluit-map"),
                            ("story", "img.kluit-story"),
                            ("editor", "button"),
                        ):
                            page.goto(f"{base}?lang={lang}&view={view}")
                            page.locator(f".kluit-view-{view} {ready}").first.wait_for()
                            if view == "editor":  # an instrument: its fields and explanations
                                page.locator(".kluit-view-editor .kluit-section").nth(12).click()
                            page.wait_for_timeout(1500)
                            shoot(page, out / f"{view}_{lang}.png")
                        run_monitor(page, base, lang, observed)
                        shoot(page, out / f"monitor_{lang}.png")
                        ctx.close()
                browser.close()
        finally:
            stop_ui_server(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

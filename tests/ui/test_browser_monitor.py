"""The Monitor view in headless Chromium against a live ``kluit ui``: Dutch and English labels,
no developer words, a layout that holds at 800 px, and a dropped CSV of realised figures that
gives the band figure and the share of months inside the band.

The realised figures come from a whole-region ``kluit run`` of the shipped baseline at scale
0.02 with another seed (6 months, counts scaled up to the region); the monitor runs 3
repetitions at scale 0.02 over 6 months, without the re-fit.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from kluit.ui.harness import DROP_ON_MONITOR

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from test_browser_council import SAME, labels  # noqa: E402
from test_i18n import developer_words  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SCALE, MONTHS = 0.02, 6
#: drop a file on the view's drop zone the way a browser does (kluit/ui/harness.py)
DROP = DROP_ON_MONITOR
TOO_WIDE = """() => Array.from(document.querySelectorAll('.kluit-page *'))
    .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > 801)
    .map(e => e.tagName + '.' + e.className).slice(0, 5)"""

#: pairs of controls (or a slider's label and its track) whose boxes overlap
OVERLAPS = """() => {
  const boxes = Array.from(document.querySelectorAll(
      '.kluit-view-monitor .kluit-monitor-controls > *')).map(e => e.getBoundingClientRect());
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 &&
                        a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const out = [];
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
    if (hit(a, b)) out.push(`controls ${i} and ${i + j + 1}`); }));
  document.querySelectorAll('.kluit-view-monitor .v-input__slider').forEach((s, i) => {
    const label = s.querySelector('.v-label');
    s.querySelectorAll('.v-slider, .v-slider__thumb-label').forEach(part => {
      if (label && part.offsetParent !== null &&
          hit(label.getBoundingClientRect(), part.getBoundingClientRect()))
        out.push(`slider ${i}: ${part.className} over its label`); }); });
  return out;
}"""


def allowed_file_words(text: str) -> str:
    """The text without the names users must type into the CSV (column headings and figure
    names, shown as they are and explained in words next to them)."""
    from analysis.monitor import AREA_VARIABLES, COLUMNS, REGION_VARIABLES

    for name in sorted({*COLUMNS, *AREA_VARIABLES, *REGION_VARIABLES}, key=len, reverse=True):
        text = re.sub(rf"(?<![\w.]){re.escape(name)}(?![\w.])", "", text)
    return text


@pytest.fixture(scope="module")
def realised(tmp_path_factory) -> str:
    """Realised figures: the region's people on bijstand and placements, months 1-6."""
    from kluit.cli import main

    out = tmp_path_factory.mktemp("realised")
    assert (
        main(
            [
                "run",
                str(ROOT / "scenarios" / "baseline.toml"),
                "--scale",
                str(SCALE),
                "--months",
                str(MONTHS),
                "--seed",
                "5",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    m = pd.read_csv(out / "monthly.csv")
    keep = m[
        (m.municipality == "all")
        & m.variable.isin(["stock_social_assistance", "placements"])
        & (m.month >= 1)
    ]
    keep = keep.assign(value=(keep.value / SCALE).round())  # whole-region counts
    assert len(keep) == 2 * MONTHS
    return keep.to_csv(index=False)


def set_slider(slider, value: int) -> None:
    """Move a slider with the keyboard, one key at a time, each step confirmed by the page
    (the server echoes every value; keys pressed faster can be overtaken by an echo)."""
    slider.focus()
    slider.press("Home")
    low = int(slider.get_attribute("aria-valuemin"))
    expect(slider).to_have_attribute("aria-valuenow", str(low))
    for v in range(low + 1, value + 1):
        slider.press("ArrowRight")
        expect(slider).to_have_attribute("aria-valuenow", str(v))


def open_monitor(page, url: str) -> None:
    page.goto(url)
    page.locator(".kluit-view-monitor .solara-file-drop").wait_for()
    page.locator(".kluit-view-monitor .kluit-monitor-vars").wait_for()
    page.wait_for_timeout(500)


def test_monitor_labels_follow_the_language_with_no_developer_words(ui_page, ui_server, realised):
    page = ui_page
    view = page.locator(".kluit-view-monitor")
    seen = {}
    for lang in ("en", "nl"):
        open_monitor(page, f"{ui_server}?lang={lang}&view=monitor")
        seen[lang] = labels(view)
        text = page.locator(".kluit-page").inner_text()
        found = developer_words(allowed_file_words(text))
        assert not found, (lang, found)
        # the scenario by its title in the page's language, never its file name
        chosen = view.locator(".v-select__selection").first.inner_text()
        assert (
            chosen
            == {"en": "Today's policy (status quo)", "nl": "Het huidige beleid (status quo)"}[lang]
        ), chosen
    assert {
        "Run monitor",
        "Name in the file",
        "What it counts",
        "Choose the CSV file with your realised figures",
    } <= seen["en"], seen["en"]
    assert {"Monitor starten", "Naam in het bestand", "Wat het telt"} <= seen["nl"], seen["nl"]
    left = {x for x in seen["en"] & seen["nl"] if x not in SAME}
    assert not left, f"labels still in English after the switch: {sorted(left)}"
    # the switch in the app bar changes the open view
    page.get_by_role("button", name="Language: English").click()
    view.get_by_role("button", name="Run monitor").wait_for()
    # the file chooser (the button opens the browser's own dialog) reads the chosen file
    assert view.get_by_role("button", name="Run monitor").is_disabled()
    view.locator("input[type=file]").set_input_files(
        files=[{"name": "figures.csv", "mimeType": "text/csv", "buffer": realised.encode()}]
    )
    view.locator(".kluit-monitor-loaded").filter(
        has_text=f"{2 * MONTHS} figures in 2 series, months 1 to {MONTHS}."
    ).wait_for()
    assert view.get_by_role("button", name="Run monitor").is_enabled()


def test_monitor_drop_csv_band_figure_and_share_inside(chromium, ui_server, realised, shot):
    context = chromium.new_context(viewport={"width": 800, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    try:
        url = f"{ui_server}?lang=nl&view=monitor"
        open_monitor(page, url)
        view = page.locator(".kluit-view-monitor")
        assert page.evaluate(TOO_WIDE) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 800
        # the controls wrap rather than overlap, and each label stays clear of its control
        assert page.evaluate(OVERLAPS) == []
        run = view.get_by_role("button", name="Monitor starten")
        assert run.is_disabled()  # nothing to run before a file is dropped
        page.evaluate(DROP, ["gerealiseerd.csv", realised])
        view.locator(".kluit-monitor-loaded").filter(
            has_text=f"{2 * MONTHS} cijfers in 2 reeksen, maanden 1 tot en met {MONTHS}"
        ).wait_for()
        # small settings: 6 months, 2% of the population, 3 runs, no re-fit
        months = view.get_by_role("slider").first
        set_slider(months, MONTHS)
        reps = view.get_by_role("slider").nth(1)
        set_slider(reps, 3)
        from analysis.i18n import percent

        view.locator(".v-select").filter(has_text="Deel van de bevolking gesimuleerd").click()
        page.get_by_role("option", name=percent(SCALE, "nl"), exact=True).click()
        view.locator(".v-select").filter(has_text=percent(SCALE, "nl")).wait_for()
        view.get_by_text("Het model opnieuw afstemmen op de gerealiseerde maanden").click()
        assert not view.get_by_role("checkbox").is_checked()
        assert months.get_attribute("aria-valuenow") == str(MONTHS)
        assert reps.get_attribute("aria-valuenow") == "3"
        run.click()
        inside = view.locator(".kluit-monitor-result .kluit-inside")
        inside.wait_for()
        # one band figure per series (the images may arrive a moment after the text)
        expect(view.locator("img.kluit-band")).to_have_count(2, timeout=30_000)
        # the share shown is the monitor's own, for the same figures and settings
        from analysis.monitor import monitor, read_observed
        from sim.region import get_region

        obs = read_observed(realised.encode(), get_region("flevoland").names, MONTHS)
        res = monitor(
            ROOT / "scenarios" / "baseline.toml",
            obs,
            months=MONTHS,
            scale=SCALE,
            reps=3,
            refit=False,
        )
        share = res.inside_share()
        assert float(inside.get_attribute("data-value")) == pytest.approx(share, abs=1e-6)
        assert inside.inner_text().startswith(f"{percent(share, 'nl')} van de gerealiseerde")
        # the same layout rules as the other views: nothing wider than the window
        page.wait_for_timeout(500)
        assert page.evaluate(TOO_WIDE) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 800
        # the drop zone shows the user's own file name: that is theirs, not a developer word
        text = page.locator(".kluit-page").inner_text().replace("gerealiseerd.csv", "")
        assert not developer_words(allowed_file_words(text))
        shot(page, "monitor_nl_800")
    finally:
        context.close()

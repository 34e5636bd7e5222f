"""End-to-end tests in headless Chromium against a live ``kluit ui`` server.

Each test opens the page as a user would, changes controls, and checks what the page shows
against the model's own output for the same seed (computed here with the same functions the
CLI uses). Screenshots go to /tmp/kluit_ui_<view>.png.
"""

from __future__ import annotations

import csv
import io
import math
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SMALL = dict(reps=2, seed=1, months=13, scale=0.01)
ARMS = ("baseline.toml", "policies/wage_subsidy_temporary.toml")


@pytest.fixture(scope="module")
def expected():
    """The comparison the page must show, computed directly."""
    from analysis.compare import compare
    from sim.scenario import load_scenario

    scens = [load_scenario(ROOT / "scenarios" / a) for a in ARMS]
    return compare(scens, **SMALL)


def compare_view(page):
    return page.locator(".kluit-view-compare")


def read_cards(page) -> dict[tuple[str, str], float]:
    """(arm, card) -> the raw value of each headline card on the page."""
    out = {}
    for sec in page.locator(".kluit-view-compare section.headline").all():
        arm = sec.get_attribute("data-arm")
        for card in sec.locator(".card").all():
            out[(arm, card.get_attribute("data-card"))] = float(card.get_attribute("data-value"))
    return out


def check_headline(page, comp) -> None:
    """The cards show :func:`analysis.headline.headline` of the same comparison, exactly."""
    from analysis.headline import card_texts, headline

    shown = read_cards(page)
    checked = 0
    for h in headline(comp, SMALL["scale"]):
        for key, e in h.cards.items():
            got = shown[(h.arm, key)]
            assert (math.isnan(got) and math.isnan(e.value)) or got == pytest.approx(
                e.value, rel=1e-12, abs=1e-12
            ), key
            checked += 1
        # and the words, as a council member reads them
        text = page.locator(f"section.headline[data-arm='{h.arm}']").inner_text()
        for c in card_texts(h, "en"):
            assert c.value in text and c.sentence in text, c.key
    assert checked >= 10


def test_compare_change_controls_run_and_match_the_model(ui_page, ui_server, expected, shot):
    page = ui_page
    page.goto(ui_server)
    view = compare_view(page)
    view.get_by_role("button", name="Run comparison").wait_for()
    # change the controls a user would: months, replications, share of the population
    months = view.get_by_label("Months")
    months.fill("13")
    months.press("Enter")
    slider = view.get_by_role("slider")
    slider.focus()
    for _ in range(3):
        slider.press("ArrowLeft")  # 5 -> 2 repetitions
    view.locator(".v-select").filter(has_text="Population share simulated").click()
    page.get_by_role("option", name="1.0%", exact=True).click()
    view.get_by_text("2 scenarios x 2 repetitions = 4 runs").wait_for()
    # the address follows the controls (a link to this page restores them)
    page.wait_for_url(lambda url: all(x in url for x in ("reps=2", "scale=0.01", "months=13")))

    t0 = time.perf_counter()
    view.get_by_role("button", name="Run comparison").click()
    view.locator(".kluit-cards .card").first.wait_for()
    elapsed = time.perf_counter() - t0
    check_headline(page, expected)
    expect(view.get_by_text("Only 2 repetition(s)")).to_be_visible()
    page.wait_for_url(re.compile(r"run=1"))
    shot(page, "compare")
    # side by side: scenarios as columns, the reference first, by title
    view.get_by_role("tab", name="Side by side").click()
    view.locator(".kluit-side table.side thead th").nth(2).wait_for()
    heads = view.locator(".kluit-side table.side thead th").all_text_contents()
    assert (
        heads[1].startswith("Today's policy") and heads[2] == "A temporary wage subsidy as a push"
    ), heads
    view.get_by_role("tab", name="Over time").click()
    view.locator("img.kluit-series").wait_for()

    # the monthly CSV holds the series drawn, equal to the model's monthly output
    with page.expect_download() as dl:
        view.get_by_role("button", name="Monthly series (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text())))
    got = {(r["scenario"], r["variable"], int(r["month"])): float(r["mean"]) for r in rows}
    for arm, frames in expected.monthly.items():
        for var in ("placements", "relapses"):
            per_rep = []
            for f in frames:
                region = f[(f.municipality == "all") & (f.variable == var)]
                by_month = region.drop_duplicates("month").set_index("month")["value"]
                by_month = by_month.reindex(range(SMALL["months"] + 1), fill_value=0.0)
                per_rep.append(by_month.cumsum() / SMALL["scale"])
            for month in (1, 6, SMALL["months"]):
                want = sum(s[month] for s in per_rep) / len(per_rep)
                assert got[(arm, var, month)] == pytest.approx(want), (arm, var, month)
    print(f"\ncomparison of {SMALL} in the browser: {elapsed:.1f} s")


def test_shared_link_restores_and_runs(ui_page, ui_server, expected):
    page = ui_page
    page.goto(ui_server + "?s=" + ",".join(ARMS) + "&reps=2&scale=0.01&months=13&seed=1&run=1")
    compare_view(page).locator(".kluit-cards .card").first.wait_for()  # started by the link
    view = compare_view(page)
    assert view.get_by_label("Months").input_value() == "13"
    assert view.get_by_role("slider").get_attribute("aria-valuenow") == "2"
    assert page.title() == "Kluit - labour-market policy simulator"
    check_headline(page, expected)


def test_explore_step_click_map_and_sessions_apart(ui_page, ui_server, chromium, shot):
    from kluit.ui import figures
    from sim.model import LabourMarketModel
    from sim.scenario import load_scenario

    page = ui_page
    page.goto(ui_server + "?view=explore")
    view = page.locator(".kluit-view-explore")
    view.locator("img.kluit-map").wait_for()
    month = view.locator(".kluit-month")
    assert month.inner_text() == "Month 1"  # a new run opens at month 1, with vacancies
    view.get_by_role("button", name="Next month", exact=True).click()
    page.wait_for_function("document.querySelector('.kluit-month').innerText == 'Month 2'")

    # the same run, outside the UI
    model = LabourMarketModel(
        load_scenario(ROOT / "scenarios" / "baseline.toml"), scale=0.02, rng=1
    )
    model.step()
    model.step()
    node = model.region.names.index("Lelystad")
    _, pixels = figures.map_figure(model.region, model.series[-1], selected=None, scale=0.02)
    x, y = pixels[node]
    view.locator("img.kluit-map").click(position={"x": x, "y": y})
    town = view.locator(".kluit-town")
    town.wait_for()
    assert "Lelystad" in town.inner_text()
    page.wait_for_url(re.compile(r"town=Lelystad"))
    cells = town.locator("table.kluit-town-states tbody tr td:nth-child(2)")
    shown = [int(c.get_attribute("data-value")) for c in cells.all()]
    assert shown == model.series[-1]["stocks"][node].tolist()
    shot(page, "explore")

    # another browser session has its own model, still at month 0
    other = chromium.new_context(viewport={"width": 1400, "height": 1000})
    try:
        p2 = other.new_page()
        p2.goto(ui_server + "?view=explore")
        p2.locator(".kluit-view-explore img.kluit-map").wait_for(timeout=60_000)
        assert p2.locator(".kluit-month").inner_text() == "Month 1"
    finally:
        other.close()

    # play, then pause: the play button comes back and the month has moved on (slow: one
    # month a second, so the run's 120 months cannot end before the pause on a busy machine)
    view.get_by_role("button", name="slow", exact=True).click()
    view.get_by_role("button", name="Play").click()
    page.wait_for_function(
        "parseInt(document.querySelector('.kluit-month').innerText.split(' ')[1]) >= 4"
    )
    pause = view.get_by_role("button", name="Pause")
    try:
        pause.wait_for(timeout=60_000)
    except PlaywrightTimeout:  # say what the page shows instead
        text = page.locator(".kluit-page").inner_text()[:2000]
        raise AssertionError(f"no Pause button while playing; the page shows:\n{text}") from None
    pause.click()
    view.get_by_role("button", name="Play").wait_for()
    assert int(month.inner_text().split()[1]) >= 4


def test_story_same_seed_two_policies(ui_page, ui_server, shot):
    from kluit.ui.state import draw_person, monthly_states, parting_month, run_story
    from sim.scenario import load_scenario

    page = ui_page
    page.goto(ui_server + "?view=story")
    view = page.locator(".kluit-view-story")
    view.locator("img.kluit-story").wait_for()
    person = int(view.get_by_label("Person number").input_value())
    pair = run_story(
        load_scenario(ROOT / "scenarios" / ARMS[0]),
        load_scenario(ROOT / "scenarios" / ARMS[1]),
        seed=1,
        scale=0.02,
        months=36,
    )
    assert person == draw_person(pair, "sheltered_low_resilience", 0, 1)
    part = parting_month(*[monthly_states(h(person), 36) for h in pair.histories])
    text = view.locator(".kluit-parting").inner_text()
    assert text == (
        f"The paths part in month {part}." if part is not None else "The paths never part"
    )
    shot(page, "story")


def test_editor_validates_saves_inside_the_folder(ui_page, ui_server, ui_scenarios, shot):
    from sim.scenario import load_scenario

    page = ui_page
    page.goto(ui_server + "?view=editor")
    view = page.locator(".kluit-view-editor")
    view.get_by_role("button", name=re.compile("wage-cost subsidy", re.I)).click()
    field = view.get_by_label("Duration (months)")
    field.fill("9999")
    field.press("Enter")
    view.get_by_text("got 9999, allowed: an integer from 0 to 600").first.wait_for()
    # the button updates in a later render than the message: wait for it (up to 10 s)
    expect(view.get_by_role("button", name="Save scenario")).to_be_disabled(timeout=10_000)
    field.fill("12")
    field.press("Enter")
    view.get_by_text("changed (was 0)").first.wait_for()
    name = view.get_by_label("File name")
    name.fill("../../evil name")
    name.press("Tab")
    try:
        view.get_by_text(re.compile(r"Will be saved as .*custom/evil_name\.toml")).wait_for()
    except Exception:
        shot(page, "editor_failed")
        raise
    view.get_by_role("button", name="Save scenario").click()
    view.locator(".kluit-saved").wait_for()
    saved = ui_scenarios / "custom" / "evil_name.toml"
    assert saved.is_file()
    assert not (ui_scenarios.parent.parent / "evil name.toml").exists()
    scen = load_scenario(saved)
    assert scen["policies.wage_subsidy.duration_months"] == 12
    shot(page, "editor")

"""The views rendered without a browser (``solara.render``): controls, results, sessions.

Fast (a few seconds): tiny runs, widgets found by label and driven as a user would.
"""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path

import ipyvuetify as v
import pytest
import solara
import solara.widgets

from kluit.ui.state import default_settings, discover_scenarios

ROOT = Path(__file__).resolve().parents[2]
TINY = dict(reps=2, scale=0.01, months=13, seed=1)


@pytest.fixture(scope="module")
def entries():
    return discover_scenarios(ROOT / "scenarios")


def button(rc, label: str):
    for b in rc.find(v.Btn).widgets:
        if label in [c for c in b.children if isinstance(c, str)]:
            return b
    raise AssertionError(f"no button {label!r}")


def field(rc, label: str):
    for w in rc.find(v.TextField).widgets:
        if w.label == label:
            return w
    raise AssertionError(f"no field {label!r}")


def html(rc) -> str:
    return "\n".join(w.unsafe_innerHTML or "" for w in rc.find(solara.widgets.HTML).widgets)


def wait_for(predicate, timeout=30.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_page_renders_five_views_in_the_app_layout():
    from kluit.ui.app import Page

    @solara.component
    def Wrapped():
        with solara.AppLayout():
            Page()

    box, rc = solara.render(Wrapped(), handle_error=False)
    try:
        tabs = [t.children[0] for t in rc.find(v.Tab).widgets]
        assert tabs == [
            "Compare",
            "Explore",
            "A person's story",
            "Scenario editor",
            "Monitor a pilot",
        ]
        button(rc, "Run comparison")
        button(rc, "Next month")
        button(rc, "Save scenario")
        # the language switch changes the tabs and the buttons
        button(rc, "Taal: Nederlands").click()
        wait_for(lambda: [t.children[0] for t in rc.find(v.Tab).widgets][0] == "Vergelijken")
        button(rc, "Vergelijking starten")
        button(rc, "Volgende maand")
    finally:
        rc.close()


def test_compare_view_runs_in_a_thread_and_shows_the_models_numbers(entries):
    from analysis.compare import compare
    from analysis.headline import headline
    from kluit.ui.compare_view import CompareView

    start = replace(default_settings(entries), **TINY)
    holder = {}

    @solara.component
    def Harness():
        s = solara.use_reactive(start)
        holder["settings"] = s
        CompareView(s, entries)

    box, rc = solara.render(Harness(), handle_error=False)
    try:
        seed = field(rc, "Random seed")  # a control the user changes (taken on Enter or blur)
        seed.v_model = "3"
        seed.fire_event("keyup.enter")
        wait_for(lambda: holder["settings"].value.seed == 3)
        button(rc, "Run comparison").click()
        wait_for(lambda: 'class="card"' in html(rc))
        wait_for(lambda: holder["settings"].value.run)  # the link now starts it by itself
        page = html(rc)
        comp = compare([e.path for e in entries if e.rel in start.scenarios], **{**TINY, "seed": 3})
        checked = 0
        for h in headline(comp, TINY["scale"]):
            for key, e in h.cards.items():
                m = re.search(
                    rf'data-arm="{h.arm}".*?data-card="{key}" data-value="([^"]+)"', page, re.S
                )
                assert m is not None, key
                assert float(m.group(1)) == pytest.approx(e.value, nan_ok=True), key
                checked += 1
        assert checked >= 10
        assert any(
            "Only 2 repetition(s)" in str(w.children)  # fewer than 5: a warning
            for w in rc.find(v.Alert).widgets
        )
        # a changed setting greys the results and says so beside them
        holder["settings"].set(replace(holder["settings"].value, months=14, run=False))
        wait_for(
            lambda: any("earlier settings" in str(w.children) for w in rc.find(v.Alert).widgets)
        )
    finally:
        rc.close()


def test_own_package_controls_use_units_and_reach_the_link(entries):
    from kluit.ui.compare_view import CompareView

    start = replace(default_settings(entries), scenarios=("baseline.toml",), own_on=True)
    holder = {}

    @solara.component
    def Harness():
        s = solara.use_reactive(start)
        holder["s"] = s
        CompareView(s, entries)

    box, rc = solara.render(Harness(), handle_error=False)
    try:
        boxes = {w.label: w for w in rc.find(v.Checkbox).widgets}
        boxes["The wage-cost subsidy"].v_model = True
        # the structural subsidy (duration 0) is the default
        wait_for(lambda: any(w.label == "Duration (months): 0" for w in rc.find(v.Slider).widgets))
        slider = next(w for w in rc.find(v.Slider).widgets if w.label == "Duration (months): 0")
        slider.v_model = 12
        wait_for(
            lambda: dict(holder["s"].value.own).get("policies.wage_subsidy.duration_months") == 12
        )
        assert dict(holder["s"].value.own)["policies.wage_subsidy.enabled"] is True
        assert "2 scenarios x 5 repetitions" in " ".join(
            w.children[0]
            for w in rc.find(v.Html).widgets
            if w.children and isinstance(w.children[0], str)
        )
    finally:
        rc.close()


def test_explore_steps_and_two_sessions_stay_apart(entries):
    from kluit.ui.explore_view import ExploreView

    start = replace(default_settings(entries), view="explore")

    @solara.component
    def Harness():
        s = solara.use_reactive(start)
        ExploreView(s, entries, active=True)

    box1, rc1 = solara.render(Harness(), handle_error=False)
    box2, rc2 = solara.render(Harness(), handle_error=False)
    try:
        assert "Month 1</b>" in html(rc1)  # a new run starts at month 1, with vacancies
        t0 = time.perf_counter()
        button(rc1, "Next month").click()
        step_seconds = time.perf_counter() - t0
        assert "Month 2</b>" in html(rc1)
        assert "Month 1</b>" in html(rc2)  # the other session's model did not move
        button(rc1, "Next year").click()
        assert "Month 14</b>" in html(rc1)
        assert step_seconds < 5, step_seconds  # a step and its figures (generous: shared CI)
        imgs = [w for w in rc1.find(v.Html).widgets if w.tag == "img"]
        assert any("kluit-map" in w.attributes.get("class", "") for w in imgs)
    finally:
        rc1.close()
        rc2.close()


def test_editor_shows_the_allowed_range_and_blocks_saving(entries, tmp_path, monkeypatch):
    from kluit.ui.editor_view import EditorView

    monkeypatch.setenv("KLUIT_UI_SAVE_ROOT", str(tmp_path))
    start = replace(default_settings(entries), view="editor")

    @solara.component
    def Harness():
        s = solara.use_reactive(start)
        EditorView(s, entries, lambda: None)

    box, rc = solara.render(Harness(), handle_error=False)
    try:
        # solara's InputText takes what was typed on Enter or when the field loses focus
        months = field(rc, "Number of months")
        months.v_model = "0"
        months.fire_event("focusout")
        wait_for(
            lambda: (
                "allowed: an integer from 1 to 1200" in str(field(rc, "Number of months").messages)
            )
        )
        assert button(rc, "Save scenario").disabled
        field(rc, "Number of months").v_model = "24"
        field(rc, "Number of months").fire_event("keyup.enter")
        wait_for(lambda: not button(rc, "Save scenario").disabled)
        button(rc, "Save scenario").click()
        saved = tmp_path / "custom" / "baseline_edited.toml"
        wait_for(saved.is_file)
        from sim.scenario import load_scenario

        assert load_scenario(saved)["run.months"] == 24
    finally:
        rc.close()


def test_stop_ends_a_long_comparison(entries):
    from kluit.ui.compare_view import CompareView

    start = replace(default_settings(entries), reps=40, scale=0.05, months=60)

    @solara.component
    def Harness():
        s = solara.use_reactive(start)
        CompareView(s, entries)

    box, rc = solara.render(Harness(), handle_error=False)
    try:
        button(rc, "Run comparison").click()
        wait_for(lambda: any("Stop" in b.children for b in rc.find(v.Btn).widgets))
        t0 = time.perf_counter()
        button(rc, "Stop").click()
        wait_for(lambda: "Stopped." in str([w.children for w in rc.find(v.Alert).widgets]))
        assert time.perf_counter() - t0 < 20  # stops after the run in progress
        assert "kluit-headline" not in html(rc)
    finally:
        rc.close()


def test_story_draws_people_from_the_group(entries):
    from kluit.ui.state import group_rows
    from kluit.ui.story_view import StoryView

    start = replace(default_settings(entries), view="story", story_months=12)
    holder = {}

    @solara.component
    def Harness():
        s = solara.use_reactive(start)
        holder["s"] = s
        StoryView(s, entries, active=True)

    box, rc = solara.render(Harness(), handle_error=False)
    try:
        wait_for(lambda: "kluit-parting" in html(rc))
        first = int(field(rc, "Person number").v_model)
        button(rc, "Draw another person").click()
        wait_for(lambda: holder["s"].value.person >= 0)
        second = holder["s"].value.person
        wait_for(lambda: int(field(rc, "Person number").v_model) == second)
        from kluit.ui.state import run_story
        from sim.scenario import load_scenario

        pair = run_story(
            load_scenario(ROOT / "scenarios" / start.story_a),
            load_scenario(ROOT / "scenarios" / start.story_b),
            seed=1,
            scale=0.02,
            months=12,
        )
        rows = set(group_rows(pair.start, start.group).tolist())
        assert first in rows and second in rows
    finally:
        rc.close()


def test_every_instrument_slider_shows_its_default_on_its_grid():
    # a slider moves a value off its step grid as soon as it is drawn: the own package then
    # differed from what the link said, and its results were marked out of date at once
    from kluit.ui.components import numeric_slider_ok, slider_step
    from sim.params import all_params

    for p in all_params().values():
        if p.key.startswith("policies.") and p.kind is float and numeric_slider_ok(p):
            step = slider_step(p, p.default)
            if step is None:
                continue  # shown as a text field
            k = (p.default - p.lo) / step
            assert abs(k - round(k)) < 1e-6, (p.key, step)
            assert step <= (p.hi - p.lo) / 100 * 1.0000001

"""Issue 14 in the browser: the headline a council quotes, in Dutch and English, with no
developer words, in a layout that holds at 800 px (headless Chromium, a live ``kluit ui``).

Small runs (scale 0.01, 2 repetitions, 13 months). The headline numbers themselves are
checked against ``compare()`` in ``test_browser.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from test_i18n import developer_words  # noqa: E402

from kluit.ui.state import sections  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

RUN = "s=baseline.toml,policies/package.toml&reps=2&scale=0.01&months=13&seed=1&run=1"
#: the package runs several instruments: per-instrument rows and groups of people appear
RUN_PACKAGE = "s=baseline.toml,policies/package.toml&reps=2&scale=0.01&months=13&seed=1&run=1"
#: what counts as a label: tabs, buttons, field labels, headings, table heads, card labels
LABELS = (
    "button",
    ".v-tab",
    "label",
    "h2",
    "h3",
    "th",
    ".card .label",
    ".v-alert",
    ".kluit-run-info",
    ".v-card__title",
)
#: words that are the same in both languages
SAME = {"Kluit", "CSV", "Jobcoaching", "bijstand", "Scenario", "Sector"}
#: the own package with two instruments switched on: their switches and sliders show
OWN = (
    "pkg=1&set=policies.job_coaching.enabled%3Dtrue&set=policies.wage_subsidy.enabled%3Dtrue"
    "&set=policies.root_ball.enabled%3Dtrue"
)
#: editor sections opened in the tests: the run, the labour market, two instruments
#: sections the Dutch-switch test opens, by name (the editor's buttons follow
#: kluit.ui.state.sections(), so a new registry section does not shift them)
EDITOR_SECTION_NAMES = ("run", "labour_market", "policies.wage_subsidy", "policies.root_ball")
EDITOR_SECTIONS = tuple(list(sections()).index(name) for name in EDITOR_SECTION_NAMES)
#: what counts as a label in the editor besides LABELS: section titles and each field's
#: explanation under it
EDITOR_LABELS = ("h4", ".v-messages__message")
#: where the editor may show a file name: the place the user chooses where to save
FILE_CHOICE = ".kluit-target, .kluit-saved"


def open_editor(page, url: str) -> None:
    page.goto(url)
    page.locator(".kluit-view-editor .kluit-section").first.wait_for()
    page.wait_for_timeout(500)


def editor_labels(page, section: int) -> set[str]:
    """The labels of one editor section (opened by its button): fields, explanations, titles."""
    view = page.locator(".kluit-view-editor")
    view.locator(".kluit-section").nth(section).click()
    page.wait_for_timeout(700)
    out = labels(view)
    for sel in EDITOR_LABELS:
        for el in view.locator(sel).all():
            if el.is_visible():
                text = " ".join((el.text_content() or "").split())
                if text and any(c.isalpha() for c in text):
                    out.add(text)
    return out


def editor_text(page) -> str:
    """The editor's visible text without the place the user chooses a file to save to."""
    text = visible_text(page)
    for el in page.locator(FILE_CHOICE).all():
        if el.is_visible():
            text = text.replace(el.inner_text(), "")
    return text


def labels(view) -> set[str]:
    out = set()
    for sel in LABELS:
        for el in view.locator(sel).all():
            if el.is_visible():
                text = " ".join((el.text_content() or "").split())
                if text and any(c.isalpha() for c in text):
                    out.add(text)
    return out


def visible_text(page) -> str:
    return page.locator(".kluit-page").inner_text()


def run_compare(page, url: str) -> None:
    page.goto(url)
    page.locator(".kluit-view-compare .kluit-cards .card").first.wait_for()


def user_titles(scenarios: Path) -> set[str]:
    """Titles of scenarios users saved in the (session's) folder: they keep the words typed,
    in the language they were typed in (the editor test saves one earlier in the session)."""
    from sim.scenario import load_scenario

    out = set()
    for p in scenarios.rglob("*.toml"):
        if not (ROOT / "scenarios" / p.relative_to(scenarios)).exists():
            scen = load_scenario(p)
            out |= {scen.title_in(lang) for lang in ("en", "nl")}
    return out


def test_dutch_switch_changes_every_visible_label(ui_page, ui_server, ui_scenarios, shot):
    page = ui_page
    run_compare(page, f"{ui_server}?{RUN}")
    view = page.locator("body")  # the tabs and the switch sit in the app bar, outside the page
    english = labels(view)
    assert {"Compare", "Run comparison", "Public cost per year"} <= english
    page.get_by_role("button", name="Taal: Nederlands").click()
    page.get_by_role("button", name="Vergelijking starten").wait_for()
    page.get_by_role("button", name="Language: English").wait_for()  # the app bar follows
    page.wait_for_url(lambda url: "lang=nl" in url)
    dutch = labels(view)
    assert {"Vergelijken", "Publieke kosten per jaar"} <= dutch
    left = {x for x in english & dutch if x not in SAME | user_titles(ui_scenarios)}
    assert not left, f"labels still in English after the switch: {sorted(left)}"
    assert page.title() == "Kluit - simulator van arbeidsmarktbeleid"
    # the Dutch link opens in Dutch
    page.goto(page.url)
    page.get_by_role("button", name="Vergelijking starten").wait_for()
    shot(page, "compare_nl")
    # and so do the other views
    for name, ready in (("explore", "img.kluit-map"), ("story", "img.kluit-story")):
        seen = {}
        for lang in ("en", "nl"):
            page.goto(f"{ui_server}?lang={lang}&view={name}")
            page.locator(f".kluit-view-{name} {ready}").wait_for()
            page.wait_for_timeout(500)
            seen[lang] = labels(page.locator(f".kluit-view-{name}"))
        left = {x for x in seen["en"] & seen["nl"] if x not in SAME}
        assert seen["en"] and not left, (name, sorted(left))
    # the own package's switches and sliders (labels, units, values)
    seen = {}
    for lang in ("en", "nl"):
        page.goto(f"{ui_server}?lang={lang}&{OWN}")
        own = page.locator(".kluit-view-compare .kluit-own")
        own.locator(".v-slider").first.wait_for()
        page.wait_for_timeout(500)
        seen[lang] = labels(own)
    assert {"Coaching hours per week: 3", "Duration (months): 0"} <= seen["en"], sorted(seen["en"])
    assert "Begeleidingsuren (uren per week): 3" in seen["nl"], sorted(seen["nl"])
    left = {x for x in seen["en"] & seen["nl"] if x not in SAME}
    assert len(seen["en"]) >= 15 and not left, f"own package still in English: {sorted(left)}"
    # the scenario editor: sections, field labels with units, explanations, options
    seen = {"en": set(), "nl": set()}
    for lang in ("en", "nl"):
        open_editor(page, f"{ui_server}?lang={lang}&view=editor")
        for section in EDITOR_SECTIONS:
            seen[lang] |= editor_labels(page, section)
    assert {"Number of months", "Duration (months)"} <= seen["en"], sorted(seen["en"])
    assert {"Aantal maanden", "Duur (maanden)", "Arbeidsmarkt en uitkeringen"} <= seen["nl"]
    left = {x for x in seen["en"] & seen["nl"] if x not in SAME | user_titles(ui_scenarios)}
    assert len(seen["en"]) >= 40 and not left, f"editor still in English: {sorted(left)}"
    shot(page, "editor_nl")


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_visible_text_holds_a_file_name_or_scenario_key(ui_page, ui_server, lang):
    page = ui_page
    run_compare(page, f"{ui_server}?lang={lang}&{RUN_PACKAGE}")
    view = page.locator(".kluit-view-compare")
    texts = [visible_text(page)]
    for tab in view.locator(".v-tab").all():
        tab.click()
        page.wait_for_timeout(300)
        texts.append(visible_text(page))
    for name, ready in (("explore", "img.kluit-map"), ("story", "img.kluit-story")):
        page.goto(f"{ui_server}?lang={lang}&view={name}")
        page.locator(f".kluit-view-{name} {ready}").wait_for()
        texts.append(visible_text(page))
    # the own package's sliders, and every section of the editor (where only the place the
    # user chooses to save a file to may show a file name)
    page.goto(f"{ui_server}?lang={lang}&{OWN}")
    page.locator(".kluit-view-compare .kluit-own .v-slider").first.wait_for()
    texts.append(visible_text(page))
    open_editor(page, f"{ui_server}?lang={lang}&view=editor")
    view = page.locator(".kluit-view-editor")
    n_sections = view.locator(".kluit-section").count()
    assert n_sections >= 20
    for section in range(n_sections):
        view.locator(".kluit-section").nth(section).click()
        page.wait_for_timeout(300)
        texts.append(editor_text(page))
    assert view.locator(FILE_CHOICE).first.is_visible()  # the exception is there to see
    found = sorted({w for text in texts for w in developer_words(text)})
    assert not found, found
    # every instrument of the package has its rows, titled in words
    from analysis.report import instrument_label

    table = texts[2]
    for name in ("wage_subsidy", "no_risk_policy", "work_pools", "root_ball"):
        assert instrument_label(name, lang) in table, name


def test_800px_no_horizontal_overflow_and_every_town_can_be_clicked(chromium, ui_server, shot):
    from kluit.ui import figures
    from sim.model import LabourMarketModel
    from sim.scenario import load_scenario

    context = chromium.new_context(viewport={"width": 800, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        run_compare(page, f"{ui_server}?{RUN}")
        too_wide = """() => Array.from(document.querySelectorAll('.kluit-page *'))
            .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > 801)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
        for tab in page.locator(".kluit-view-compare .v-tab").all():
            tab.click()
            page.wait_for_timeout(1000)  # the tab slides in: wait until it is in place
            assert page.evaluate(too_wide) == [], tab.text_content()
            assert page.evaluate("document.documentElement.scrollWidth") <= 800
        page.locator(".kluit-view-compare .v-tab").first.click()
        page.wait_for_timeout(1000)
        shot(page, "compare_800")
        # the columns stack: the results start below the scenario list, not beside it
        cards = page.locator(".kluit-cards").bounding_box()
        picker = page.locator(".kluit-view-compare .v-card").first.bounding_box()
        assert cards["y"] > picker["y"] + picker["height"] - 1

        page.goto(f"{ui_server}?view=explore")
        view = page.locator(".kluit-view-explore")
        view.locator("img.kluit-map").wait_for()
        assert page.evaluate(too_wide) == []
        model = LabourMarketModel(
            load_scenario(ROOT / "scenarios" / "baseline.toml"), scale=0.02, rng=1
        )
        model.step()
        _, pixels = figures.map_figure(model.region, model.series[-1], selected=None, scale=0.02)
        for node, name in enumerate(model.region.names):
            x, y = pixels[node]
            view.locator("img.kluit-map").click(position={"x": x, "y": y})
            view.locator(".kluit-town .v-card__title").filter(has_text=name).wait_for()
        shot(page, "explore_800")
    finally:
        context.close()


@pytest.mark.parametrize("width", [800, 1280])
def test_editor_section_names_are_not_cut_off_in_dutch(chromium, ui_server, shot, width):
    """Long Dutch section names ('Verwachtingen van werkgevers', instruments' titles) wrap
    inside their buttons: every name is shown whole, nothing sticks out of its column."""
    context = chromium.new_context(viewport={"width": width, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_editor(page, f"{ui_server}?lang=nl&view=editor")
        cut = page.evaluate(
            """() => Array.from(document.querySelectorAll('.kluit-view-editor .kluit-section'))
            .filter(b => {
                const c = b.querySelector('.v-btn__content');
                const col = b.closest('.col') || b.parentElement;
                return c.scrollWidth > c.clientWidth + 1 || b.scrollWidth > b.clientWidth + 1
                    || b.getBoundingClientRect().right > col.getBoundingClientRect().right + 1;
            })
            .map(b => b.innerText)"""
        )
        assert cut == [], cut
        names = page.locator(".kluit-view-editor .kluit-section").all_inner_texts()
        assert any(len(n) > 28 for n in names), names  # there are long names to wrap
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        shot(page, f"editor_sections_nl_{width}")
    finally:
        context.close()

"""The Monitor view rendered without a browser: upload figures, run, see band and flags."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import ipyvuetify as v
import pandas as pd
import pytest
import solara
import solara.widgets

from analysis.i18n import MESSAGES, t
from kluit.ui.monitor_view import MonitorView, format_html
from kluit.ui.state import discover_scenarios

ROOT = Path(__file__).resolve().parents[2]


def _html(rc) -> str:
    return "\n".join(w.unsafe_innerHTML or "" for w in rc.find(solara.widgets.HTML).widgets)


def _button(rc, label):
    for b in rc.find(v.Btn).widgets:
        if label in [c for c in b.children if isinstance(c, str)]:
            return b
    raise AssertionError(label)


def _wait(pred, timeout=240.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


#: burn-in months of the runs here (default 240): the view is under test, not the steady state
BURN_IN = 24


@pytest.fixture(scope="module")
def short_baseline(tmp_path_factory) -> Path:
    """Today's policy with a short burn-in, as a scenario file."""
    path = tmp_path_factory.mktemp("scen") / "baseline.toml"
    path.write_text(
        f'extends = "{(ROOT / "scenarios" / "baseline.toml").as_posix()}"\n'
        f"run.burn_in_months = {BURN_IN}\n"
    )
    return path


def _render(upload, lang="en", path: Path | None = None):
    """The view with today's policy as its only scenario (its file replaced by ``path``)."""
    entries = [e for e in discover_scenarios(ROOT / "scenarios") if e.rel == "baseline.toml"]
    if path is not None:
        entries = [dataclasses.replace(e, path=path) for e in entries]

    @solara.component
    def Harness():
        MonitorView(entries, uploaded=upload, months=24, scale=0.02, reps=3, lang=lang)

    return solara.render(Harness(), handle_error=False)


def test_upload_run_and_see_band_and_flags(short_baseline):
    obs = pd.DataFrame(
        {
            "month": range(1, 13),
            "municipality": "all",
            "variable": "stock_social_assistance",
            "value": 12000.0,
        }
    )
    obs.loc[obs.month >= 9, "value"] = 30000.0  # far above anything simulated
    upload = solara.reactive(None)
    box, rc = _render(upload, path=short_baseline)
    try:
        assert _button(rc, t("monitor.run")).disabled  # nothing to run yet
        upload.set(("realised.csv", obs.to_csv(index=False).encode()))
        _wait(lambda: not _button(rc, t("monitor.run")).disabled)
        _button(rc, t("monitor.run")).click()
        _wait(lambda: "kluit-flags" in _html(rc) or "inside the simulated" in _html(rc))
        page = _html(rc)
        assert "inside the simulated range" in page
        assert t("monitor.flags_title") in page
        for m in (9, 10, 11, 12):
            assert f"<td>{m}</td>" in page
        assert t("monitor.refit_title") in page
        import ipywidgets

        assert len(rc.find(ipywidgets.Image).widgets) == 1  # one figure per series
    finally:
        rc.close()


def test_a_bad_file_shows_line_and_column(tmp_path):
    upload = solara.reactive(
        ("bad.csv", b"month,municipality,variable,value\n1,all,placements,ten\n")
    )
    box, rc = _render(upload)
    try:
        msgs = [str(c) for w in rc.find(v.Alert).widgets for c in w.children]
        assert any("line 2, column 4" in m for m in msgs), msgs
        assert _button(rc, t("monitor.run")).disabled
    finally:
        rc.close()
    upload.set(("bad.csv", b"month,municipality,variable,value\n1,all,placement,10\n"))
    box, rc = _render(upload, "nl")
    try:
        msgs = [str(c) for w in rc.find(v.Alert).widgets for c in w.children]
        assert any(
            m.startswith(
                "Het bestand kon niet worden gelezen: regel 2, kolom 3 "
                "(variable): onbekende reeks 'placement'; toegestaan: "
            )
            for m in msgs
        ), msgs
    finally:
        rc.close()


def test_dutch_run_shows_band_share_flags_and_refit_in_dutch(short_baseline):
    obs = pd.DataFrame(
        {
            "month": range(1, 7),
            "municipality": "all",
            "variable": "stock_social_assistance",
            "value": 12000.0,
        }
    )
    obs.loc[obs.month >= 4, "value"] = 30000.0
    upload = solara.reactive(("gerealiseerd.csv", obs.to_csv(index=False).encode()))
    box, rc = _render(upload, "nl", short_baseline)
    try:
        texts = [c for w in rc.find(v.Btn).widgets for c in w.children if isinstance(c, str)]
        assert "Monitor starten" in texts and "Run monitor" not in texts
        labels = [w.label for w in rc.find(v.Slider).widgets]
        assert labels == ["Aantal maanden simuleren: 24", "Simulaties voor de band: 3"], labels
        # the scenario by its Dutch title, never its file name
        sel = [w for w in rc.find(v.Select).widgets if w.label == t("monitor.scenario", "nl")]
        assert [w.v_model for w in sel] == ["Het huidige beleid (status quo)"]
        _button(rc, "Monitor starten").click()
        _wait(lambda: "kluit-flags" in _html(rc))
        page = _html(rc)
        assert "van de gerealiseerde maanden ligt binnen" in page
        assert t("monitor.flags_title", "nl") in page and "mensen in de bijstand" in page
        assert "erboven" in page and "hele regio" in page
        assert t("monitor.refit_title", "nl") in page
        assert "Groei van de vraag naar arbeid (per jaar)" in page
    finally:
        rc.close()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_format_help_explains_every_name_a_user_types(lang):
    from analysis.monitor import AREA_VARIABLES, COLUMNS, REGION_VARIABLES, series_label

    text = format_html(lang)
    for name in (*AREA_VARIABLES, *REGION_VARIABLES):
        assert f"<code>{name}</code>" in text, name
        assert f"monitor.series.{name}" in MESSAGES, name  # explained in words
        assert f"<td>{series_label(name, lang)}" in text, name
    assert ", ".join(COLUMNS) in text

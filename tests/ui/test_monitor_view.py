"""The Monitor view rendered without a browser: upload figures, run, see band and flags."""

from __future__ import annotations

import time
from pathlib import Path

import ipyvuetify as v
import pandas as pd
import solara
import solara.widgets

from kluit.ui.monitor_view import TEXT, MonitorView
from kluit.ui.state import discover_scenarios

ROOT = Path(__file__).resolve().parents[2]


def _html(rc) -> str:
    return "\n".join(w.unsafe_innerHTML or "" for w in rc.find(solara.widgets.HTML).widgets)


def _button(rc, label):
    for b in rc.find(v.Btn).widgets:
        if label in [c for c in b.children if isinstance(c, str)]:
            return b
    raise AssertionError(label)


def _wait(pred, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


def _render(upload):
    entries = [e for e in discover_scenarios(ROOT / "scenarios") if e.rel == "baseline.toml"]

    @solara.component
    def Harness():
        MonitorView(entries, uploaded=upload, months=24, scale=0.02, reps=3)

    return solara.render(Harness(), handle_error=False)


def test_upload_run_and_see_band_and_flags(tmp_path):
    obs = pd.DataFrame({"month": range(1, 13), "municipality": "all",
                        "variable": "stock_social_assistance", "value": 12000.0})
    obs.loc[obs.month >= 9, "value"] = 30000.0  # far above anything simulated
    upload = solara.reactive(None)
    box, rc = _render(upload)
    try:
        assert _button(rc, TEXT["run"]).disabled  # nothing to run yet
        upload.set(("realised.csv", obs.to_csv(index=False).encode()))
        _wait(lambda: not _button(rc, TEXT["run"]).disabled)
        _button(rc, TEXT["run"]).click()
        _wait(lambda: "kluit-flags" in _html(rc) or "inside the simulated" in _html(rc))
        page = _html(rc)
        assert "inside the simulated range" in page
        assert TEXT["flags_title"] in page
        for m in (9, 10, 11, 12):
            assert f"<td>{m}</td>" in page
        assert TEXT["refit_title"] in page
        import ipywidgets

        assert len(rc.find(ipywidgets.Image).widgets) == 1  # one figure per series
    finally:
        rc.close()


def test_a_bad_file_shows_line_and_column(tmp_path):
    upload = solara.reactive(("bad.csv", b"month,municipality,variable,value\n"
                                         b"1,all,placements,ten\n"))
    box, rc = _render(upload)
    try:
        msgs = [str(c) for w in rc.find(v.Alert).widgets for c in w.children]
        assert any("line 2, column 4" in m for m in msgs), msgs
        assert _button(rc, TEXT["run"]).disabled
    finally:
        rc.close()


def test_visible_texts_name_no_files_or_keys():
    for k, t in TEXT.items():
        for s in (t if isinstance(t, tuple) else (t,)):
            assert ".toml" not in s and ".csv" not in s.replace("a CSV", "") and "policies." \
                not in s, k

"""Calibration: targets and distance, the search design, and `kluit calibrate` end to end."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest

import analysis.calibrate as calibrate
from analysis.calibrate import (
    DEFAULT_PARAMS,
    TARGETS,
    Target,
    latin_hypercube,
    search_box,
    target_distance,
    target_table,
    to_unit,
    to_values,
)
from kluit.cli import main
from sim.params import all_params
from sim.scenario import load_scenario

TINY = [
    "--set",
    "run.region=synthetic:3:0",
    "--scale",
    "0.05",
    "--months",
    "24",
    "--params",
    "labour_market.separation_rate,matching.applications_per_month",
    "--samples",
    "4",
    "--rounds",
    "2",
    "--reps",
    "2",
    "--final-reps",
    "2",
    "--workers",
    "1",
]


def test_doctests():
    result = doctest.testmod(calibrate)
    assert result.failed == 0 and result.attempted > 0


def test_targets_are_well_formed():
    keys = [t.key for t in TARGETS]
    assert len(keys) == len(set(keys))
    for t in TARGETS:
        assert t.lo < t.hi and t.source
        assert t.lo <= t.value <= t.hi
    from sim.model import LabourMarketModel

    m = LabourMarketModel(scale=0.01, months=2, rng=1)
    m.run()
    moments = m.summary()["calibration"]
    assert set(keys) <= set(moments), set(keys) - set(moments)


def test_default_params_are_marked_for_calibration():
    params = all_params()
    for k in DEFAULT_PARAMS:
        assert params[k].calibrate, k


def test_distance_is_zero_on_target_and_grows_with_deviation():
    on = {t.key: (t.hi if t.upper_only else t.value) for t in TARGETS}
    assert target_distance(on) == 0.0
    off = dict(on, unemployment_rate=on["unemployment_rate"] + 0.02)
    further = dict(on, unemployment_rate=on["unemployment_rate"] + 0.04)
    assert 0 < target_distance(off) < target_distance(further)
    # an "at most" target does not reward going below it
    low = dict(on, sa_reentry_work_exits_6m=0.01)
    assert target_distance(low) == 0.0
    # a missing moment costs a fixed penalty
    missing = dict(on, unemployment_rate=None)
    assert target_distance(missing) == pytest.approx(
        calibrate.target_loss(calibrate.MISSING_DEVIATION)
    )


def test_target_table_interval_and_inside():
    t = (Target("x", "x", 1.0, 0.9, 1.1, "src"),)
    table = target_table([{"x": 1.0}, {"x": 1.02}, {"x": 0.98}], t)
    row = table.iloc[0]
    assert row["mean"] == pytest.approx(1.0) and row["low"] < 1.0 < row["high"]
    assert bool(row["inside"]) and row["n"] == 3
    table = target_table([{"x": None}, {"x": math.nan}], t)
    assert table.iloc[0]["inside"] is None


@pytest.mark.parametrize("n,d", [(5, 1), (8, 3), (13, 6)])
def test_latin_hypercube_has_one_point_per_stratum(n, d):
    x = latin_hypercube(n, d, np.random.default_rng(n * d))
    assert x.shape == (n, d) and (x >= 0).all() and (x < 1).all()
    for j in range(d):
        assert sorted((x[:, j] * n).astype(int).tolist()) == list(range(n))


def test_search_box_respects_allowed_ranges_and_round_trips():
    box = search_box(list(DEFAULT_PARAMS))
    params = all_params()
    for k, (lo, hi, _log) in box.items():
        p = params[k]
        assert lo < hi
        assert p.lo is None or lo >= p.lo
        assert p.hi is None or hi <= p.hi
        assert lo <= p.default <= hi
    pts = to_values(np.array([[0.0] * len(box), [1.0] * len(box), [0.5] * len(box)]), box)
    for k, (lo, hi, _) in box.items():
        assert pts[0][k] == pytest.approx(lo, rel=1e-3) and pts[1][k] == pytest.approx(hi, rel=1e-3)
    back = to_unit(pts[2], box)
    assert np.allclose(back, 0.5, atol=1e-3)
    box2 = search_box(
        ["labour_market.separation_rate"], bounds={"labour_market.separation_rate": (0.001, 0.9)}
    )
    assert box2["labour_market.separation_rate"][1] == 0.5  # clipped to the allowed maximum


def test_calibrate_command_end_to_end(tmp_path, capsys):
    out = tmp_path / "cal"
    code = main(["calibrate", "scenarios/baseline.toml", *TINY, "--out", str(out)])
    assert code == 0
    files = {p.name for p in out.iterdir()}
    assert {
        "baseline_calibrated.toml",
        "calibration.csv",
        "calibration.md",
        "samples.csv",
        "metadata.json",
    } <= files
    toml = (out / "baseline_calibrated.toml").read_text()
    assert toml.startswith("# Calibrated on ")
    assert "kluit calibrate scenarios/baseline.toml --params" in toml
    scen = load_scenario(out / "baseline_calibrated.toml")
    assert scen.name == "baseline_calibrated"
    assert scen["run.region"] == "synthetic:3:0"
    assert scen.chain[0].endswith("baseline.toml")
    samples = pd.read_csv(out / "samples.csv")
    assert len(samples) == 2 * 4 and samples["distance"].notna().all()
    # the winner is the finalist with the best distance on the fresh selection seeds
    finalists = samples[samples["selection_distance"].notna()]
    assert 1 <= len(finalists) <= 5 + 1
    best = finalists.loc[finalists["selection_distance"].idxmin()]
    for k in ("labour_market.separation_rate", "matching.applications_per_month"):
        assert scen[k] == pytest.approx(best[k])
    table = pd.read_csv(out / "calibration.csv")
    assert set(table["parameters"]) == {"before", "calibrated"}
    assert len(table) == 2 * len(TARGETS)
    assert "| Target |" in (out / "calibration.md").read_text()
    assert "distance to the targets" in capsys.readouterr().out


def test_parallel_workers_give_the_same_fit():
    kw = dict(
        params=["labour_market.separation_rate"],
        reps=1,
        samples=2,
        rounds=1,
        final_reps=1,
        scale=0.02,
        months=12,
        seed=5,
        overrides=[("run.region", "synthetic:2:0")],
    )
    one = calibrate.calibrate("scenarios/baseline.toml", workers=1, **kw)
    two = calibrate.calibrate("scenarios/baseline.toml", workers=2, **kw)
    assert one.best == two.best
    pd.testing.assert_frame_equal(one.samples, two.samples)


@pytest.mark.parametrize(
    "argv",
    [
        ["--params", "no.such_key"],
        ["--params", "run.region"],
        ["--bounds", "labour_market.separation_rate=0.1"],
        ["--bounds", "matching.scar_per_year=0:1"],
        ["--set", "labour_market.separation_rate=-1"],
    ],
)
def test_calibrate_bad_input_exits_2(argv, tmp_path, capsys):
    code = main(["calibrate", "scenarios/baseline.toml", *argv, "--out", str(tmp_path)])
    assert code == 2
    assert "kluit: error:" in capsys.readouterr().err

"""The whole root ball: preparation before the move, steered by the region's forecast.

Arms share their seeds (common random numbers): the paired difference over seeds shows what
the forecast's horizon and accuracy change for the people prepared, not luck.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.compare import mean_interval
from analysis.experiments import run_scenario
from sim.model import LabourMarketModel
from sim.scenario import load_scenario

SHORT = "scenarios/policies/root_ball_prepared.toml"
LONG = "scenarios/policies/root_ball_prepared_long_forecast.toml"
SEEDS = range(10)
SCALE, MONTHS = 0.05, 60


def _prepared(path, seed, **params):
    r = run_scenario(path, seed=seed, months=MONTHS, scale=SCALE, overrides=params)
    return r.summary["groups"]["preparation"]


@pytest.fixture(scope="module")
def arms():
    return {p: [_prepared(p, s) for s in SEEDS] for p in (SHORT, LONG)}


def _paired(arms, key):
    d = [
        a[key] - b[key]
        for a, b in zip(arms[SHORT], arms[LONG])
        if a[key] is not None and b[key] is not None
    ]
    return mean_interval(d)


def test_short_forecast_prepares_people_for_sectors_that_grow(arms):
    m, lo, hi, n = _paired(arms, "growing_sector_share")
    assert n == len(SEEDS) and lo > 0, (m, lo, hi)
    # with the long-range forecast it is about a coin toss whether the sector grew
    long_mean = np.mean([g["growing_sector_share"] for g in arms[LONG]])
    assert 0.35 < long_mean < 0.6


def test_short_forecast_does_not_place_prepared_people_less(arms):
    m, lo, hi, n = _paired(arms, "placement_rate_12m")
    assert hi > 0, (m, lo, hi)


def test_preparation_runs_its_course(arms):
    for g in arms[SHORT]:
        assert g["started"] >= g["completed"] > 0
        # most hires after preparation are in the sector prepared for
        assert g["in_prepared_sector_share"] > 0.5


def test_lower_pressure_in_the_prepared_sector_lowers_relapse():
    # a strong relief (three times the default) so that a few small runs show the direction
    relief = [
        _prepared(SHORT, s, **{"policies.root_ball.preparation_pressure_relief": 0.45})[
            "relapse_rate_12m"
        ]
        for s in SEEDS
    ]
    none = [
        _prepared(SHORT, s, **{"policies.root_ball.preparation_pressure_relief": 0.0})[
            "relapse_rate_12m"
        ]
        for s in SEEDS
    ]
    m, lo, hi, n = mean_interval([a - b for a, b in zip(relief, none)])
    assert hi < 0, (m, lo, hi)


def test_an_accurate_forecast_at_the_end_of_preparation_beats_noise():
    def growing(acc):
        return [
            _prepared(SHORT, s, **{"policies.forecasting.accuracy": acc})["growing_sector_share"]
            for s in range(6)
        ]

    m, lo, hi, n = mean_interval([a - b for a, b in zip(growing(1.0), growing(0.0))])
    assert lo > 0, (m, lo, hi)


def test_without_preparation_the_root_ball_is_todays():
    """Preparation switched off: its other settings change nothing, draw for draw."""
    base = run_scenario("scenarios/policies/root_ball.toml", seed=3, months=36, scale=0.03)
    off = run_scenario(
        "scenarios/policies/root_ball.toml",
        seed=3,
        months=36,
        scale=0.03,
        overrides={
            "policies.root_ball.preparation_months": 12,
            "policies.root_ball.preparation_intake_share": 0.5,
            "policies.root_ball.preparation_for": "sheltered",
        },
    )
    assert base.summary == off.summary
    assert "preparation" not in base.summary["groups"]
    assert base.monthly.equals(off.monthly)


def test_preparation_costs_the_municipality_and_stops_with_the_policy():
    m = LabourMarketModel(SHORT, rng=1, months=30, scale=0.03, policies__root_ball__end_month=20)
    m.run()
    costs = m.summary()["costs"]["municipality"]
    assert costs.get("root_ball_preparation", 0) > 0
    assert not (m.persons.prep_left > 0).any()  # nobody is still preparing after the stop
    row = m.monthly_table()
    started = row[row.variable == "preparation_started"]
    assert started.month.max() < 20


def test_scenarios_have_texts_in_both_languages():
    for path in (SHORT, LONG):
        s = load_scenario(path)
        assert s["policies.root_ball.preparation"]
        for lang in ("en", "nl"):
            assert s.title_in(lang) and s.description_in(lang)
            assert "_" not in s.title_in(lang) and ".toml" not in s.description_in(lang)
        assert s.title_in("nl") != s.title_in("en")

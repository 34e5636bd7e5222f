"""Simulated pilots: power grows with the number of participants, and without a real effect
the share of significant pilots is alpha (the evaluator's test keeps its size)."""

from __future__ import annotations

import pandas as pd
import pytest
from scipy.stats import binom

from analysis.power import (
    fixed_effects_p,
    paired_outcomes,
    simulate_pilots,
    two_proportion_p,
    wilson,
)
from kluit.cli import main

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("power")

BASE = "scenarios/policies/forecasting.toml"
POLICY = "scenarios/policies/root_ball_prepared.toml"


@pytest.fixture(scope="module")
def pilot_pool():
    return paired_outcomes(BASE, POLICY, reps=2, scale=0.1, eligible="ready_sheltered")


@pytest.fixture(scope="module")
def null_pool():
    """The same scenario twice: every person's outcome is the same with and without."""
    return paired_outcomes(BASE, BASE, reps=2, scale=0.05, eligible="target")


def test_power_grows_with_participants(pilot_pool):
    t = pd.concat([simulate_pilots(pilot_pool, n, pilots=150) for n in (30, 300)])
    pl = t[t.outcome == "placement_12m"].set_index("participants")
    assert pl.loc[30, "effect"] > 0  # the root ball with preparation places more people
    assert pl.loc[30, "high"] < pl.loc[300, "low"], pl


def _within_size(k: int, n: int) -> bool:
    """k significant pilots of n are consistent with a size between 3% and 7% (each bound a
    one-sided binomial test at 0.05%; the z-test's size is not exactly 5% at finite n)."""
    return binom.ppf(0.0005, n, 0.03) <= k <= binom.isf(0.0005, n, 0.07)


@pytest.mark.parametrize("design", ["randomised", "stepped-wedge"])
def test_without_a_real_effect_significant_pilots_are_about_alpha(null_pool, design):
    assert (null_pool["placement_12m_base"] == null_pool["placement_12m_policy"]).all()
    pilots = 400
    t = simulate_pilots(null_pool, 300, design=design, pilots=pilots, seed=7)
    row = t[t.outcome == "placement_12m"].iloc[0]
    assert row["effect"] == 0.0
    k = round(row["power"] * row["pilots"])
    assert row["pilots"] == pilots and _within_size(k, pilots), row["power"]
    # relapse among the few placed: a discrete test is at most as often significant
    rel = t[t.outcome == "relapse_12m"].iloc[0]
    assert round(rel["power"] * rel["pilots"]) <= binom.isf(0.0005, rel["pilots"], 0.07)


def test_tests_and_interval_by_hand():
    import numpy as np

    y = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], float)
    treated = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], bool)
    # p1 = 0.8, p0 = 0, pooled 0.4: z = 0.8 / sqrt(0.24 * 0.4) = 2.58 -> p = 0.0098
    assert two_proportion_p(y, treated) == pytest.approx(0.00982, abs=1e-4)
    lo, hi = wilson(0, 50)
    assert lo == pytest.approx(0.0, abs=1e-12) and 0.06 < hi < 0.08
    # with no cluster or period variation the fixed-effects test is the OLS t-test
    p = fixed_effects_p(y, treated, np.zeros(10), np.zeros(10))
    assert 0 < p < 0.01


def test_cli_writes_the_table_and_figure(tmp_path):
    out = tmp_path / "p"
    rc = main(
        [
            "power",
            BASE,
            POLICY,
            "--participants",
            "40,80",
            "--eligible",
            "ready_sheltered",
            "--scale",
            "0.05",
            "--reps",
            "1",
            "--pilots",
            "20",
            "--out",
            str(out),
        ]
    )
    assert rc == 0
    t = pd.read_csv(out / "power.csv")
    assert list(t.columns) == [
        "design",
        "participants",
        "outcome",
        "effect",
        "power",
        "low",
        "high",
    ]
    assert sorted(t.participants.unique()) == [40, 80]
    assert (out / "power.png").stat().st_size > 1000


@pytest.mark.parametrize(
    "argv, words",
    [
        (["--participants", "0"], "--participants"),
        (["--participants", "10,x"], "--participants"),
        (["--participants", "10", "--months", "12"], "--months"),
    ],
)
def test_cli_rejects_bad_options(argv, words, capsys):
    assert main(["power", BASE, POLICY, *argv]) == 2
    assert words in capsys.readouterr().err


def test_cli_rejects_a_bad_design(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["power", BASE, POLICY, "--participants", "10", "--design", "cluster"])
    assert exc.value.code == 2


def test_cli_missing_policy_file_is_exit_2(tmp_path, capsys):
    assert main(["power", BASE, str(tmp_path / "none.toml"), "--participants", "10"]) == 2
    assert "none.toml" in capsys.readouterr().err

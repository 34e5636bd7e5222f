"""The cost of stop-go: a cut ends placements and wastes part of what was spent before it."""

from __future__ import annotations

import dataclasses

import pytest

from analysis.stopgo import stop_go
from kluit.cli import main
from sim.scenario import Shock, load_scenario

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("stopgo")

STOP = "scenarios/shocks/subsidy_stop.toml"


@pytest.fixture(scope="module")
def subsidy():
    return stop_go(STOP, reps=4, months=48, scale=0.04).table().set_index("metric")


def test_the_cut_ends_running_placements(subsidy):
    ended = subsidy.loc["placements_ended_by_stop"]
    assert ended["low"] > 0, ended
    assert ended["mean"] <= subsidy.loc["placements_running_at_stop", "mean"]


def test_money_spent_before_the_cut_is_partly_lost(subsidy):
    spent = subsidy.loc["spent_before_stop_eur", "mean"]
    lost = subsidy.loc["spent_buying_nothing_later_eur"]
    assert spent > 0 and 0 < lost["mean"] < spent
    assert subsidy.loc["spending_saved_eur", "low"] > 0  # the subsidy stops being paid


def test_stopping_an_instrument_that_is_off_costs_nothing():
    scen = load_scenario("scenarios/no_instruments.toml")
    scen = dataclasses.replace(
        scen, shocks=(Shock("policy_stop", month=12, policy="wage_subsidy"),)
    )
    t = stop_go(scen, reps=2, months=24, scale=0.02).table()
    assert (t["mean"] == 0).all(), t


def test_a_scenario_without_a_stop_is_refused():
    with pytest.raises(ValueError, match="no policy stop"):
        stop_go("scenarios/baseline.toml", reps=1, months=12, scale=0.02)


def test_comparison_report_shows_the_cost_of_stop_go(tmp_path):
    out = tmp_path / "c"
    assert (
        main(
            [
                "compare",
                "scenarios/baseline.toml",
                STOP,
                "--reps",
                "2",
                "--scale",
                "0.02",
                "--months",
                "36",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    page = (out / "report.html").read_text()
    assert "The cost of stop-go" in page and "wage_subsidy stopped in month 24" in page
    assert (out / "stopgo.csv").exists()

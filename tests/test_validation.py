"""Validation: the theory check (urn-ball matching, steady-state unemployment) and the report."""

from __future__ import annotations

import doctest
import math

import numpy as np
import pandas as pd
import pytest

import analysis.validation as validation
from analysis.validation import (
    SCENARIOS,
    baseline_evidence,
    duration_table,
    matching_records,
    relapse_curve,
    theory_check,
    urn_ball_hires,
)
from kluit.cli import main
from sim.model import LabourMarketModel


def test_doctests():
    result = doctest.testmod(validation)
    assert result.failed == 0 and result.attempted > 0


def test_urn_ball_formula_against_direct_simulation():
    # u applicants each pick one of v vacancies uniformly: the number of distinct vacancies picked
    rng = np.random.default_rng(20)
    for u, v in ((50, 40), (10, 200), (300, 100)):
        draws = rng.integers(0, v, size=(20_000, u))
        filled = np.array([len(np.unique(row)) for row in draws])
        se = filled.std(ddof=1) / math.sqrt(len(filled))
        assert abs(filled.mean() - float(urn_ball_hires(u, v))) < 4 * se, (u, v)
    # the exponential form is the large-v limit of the exact one
    assert float(urn_ball_hires(500, 1000)) == pytest.approx(
        float(urn_ball_hires(500, 1000, exact=False)), rel=1e-3
    )


def test_u_and_v_from_series_equal_a_probe_inside_matching(monkeypatch):
    """u and v derived from model.series are exactly the searchers and open vacancies that the
    matching step sees (checked by wrapping the step, without changing the model)."""
    import sim.processes.matching as matching

    seen = []
    original = matching.match

    def probe(model):
        lam = matching.search_intensity(model)
        seen.append((int((lam > 0).sum()), int(model.employers.vacancies.sum())))
        return original(model)

    monkeypatch.setattr(matching, "match", probe)
    m = LabourMarketModel(
        SCENARIOS["textbook"], scale=0.02, months=24, rng=3, employers__vacancy_open_share=0.10
    )
    m.run()
    df = matching_records(m)
    assert df["u"].tolist() == [s[0] for s in seen]
    assert df["v"].tolist() == [s[1] for s in seen]
    assert (df["hires"] <= df[["u", "v"]].min(axis=1)).all()


@pytest.fixture(scope="module")
def theory():
    # scale 0.05: ~110-120 hires a month, so sampling error per month is a few percent
    return theory_check(
        scale=0.05, months=60, reps=3, seed=7, vacancy_shares=(0.05, 0.10), window=24
    )


def test_hires_follow_the_urn_ball_function(theory):
    err = theory.matching_error()
    assert err["months"] == 2 * 3 * 60
    assert err["mean_abs_rel_error"] < 0.05
    assert abs(err["sum_ratio"] - 1) < 0.02
    # no systematic bias per configuration either
    for share, g in theory.records.groupby("vacancy_share"):
        assert abs(g["hires"].sum() / g["predicted"].sum() - 1) < 0.02, share


def test_unemployment_converges_to_the_steady_state(theory):
    table = theory.table()
    assert len(table) == 2
    for row in table.itertuples():
        assert row.s_measured == pytest.approx(0.01, abs=0.001)
        # within a few standard errors over replications, and within 5% of u*
        assert abs(row.gap_in_se) < 4, row
        assert abs(row.gap) / row.u_star < 0.05, row
    # the tight market really tests the curved part of the matching function
    assert table["u_over_v"].min() < 3 and table["u_over_v"].max() > 5


def test_steady_state_rejects_a_wrong_separation_rate(theory):
    """The check has power: with a 30% wrong s the predicted u* misses the simulated one."""
    g = theory.records[
        (theory.records["vacancy_share"] == 0.05) & (theory.records["replication"] == 0)
    ]
    right = validation.steady_state(g, 0.01)
    wrong = validation.steady_state(g, 0.013)
    assert abs(right["u_end"] - right["u_star"]) < abs(wrong["u_end"] - wrong["u_star"]) / 3


@pytest.fixture(scope="module")
def evidence():
    return baseline_evidence(scale=0.02, months=30, reps=2, seed=3)


def test_baseline_evidence_tallies_are_consistent(evidence):
    d = evidence.duration
    assert (d["exits"] <= d["at_risk"]).all() and (d["exits_to_work"] <= d["exits"]).all()
    assert d["at_risk"].sum() > 0
    dt = duration_table(d)
    assert ((dt["exit_per_year"] >= 0) & (dt["exit_per_year"] <= 1)).all()
    c = evidence.commuting
    assert (c["own"] + c["other_in_region"] + c["outside_region"] == c["employed_residents"]).all()
    table = evidence.target_table()
    from analysis.calibrate import TARGETS

    assert table["key"].tolist() == [t.key for t in TARGETS]
    assert table["n"].max() == 2


def test_relapse_curve_counts_only_followed_placements():
    pl = pd.DataFrame(
        {
            "month": [1, 1, 20],
            "end_month": [4, -1, 21],
            "origin": ["a"] * 3,
            "end_state": ["unemployed_ww", "", "social_assistance"],
            "months_run": [24, 24, 24],
        }
    )
    c = relapse_curve(pl, "a", horizon=6).set_index("months")
    assert c.loc[1, "placements"] == 3 and c.loc[1, "relapsed"] == pytest.approx(1 / 3)
    assert c.loc[4, "placements"] == 3 and c.loc[3, "relapsed"] == pytest.approx(2 / 3)
    assert c.loc[5, "placements"] == 2 and c.loc[5, "relapsed"] == pytest.approx(1 / 2)


def test_report_command_writes_markdown_and_figures(tmp_path):
    code = main(
        [
            "report",
            "validation",
            "--scale",
            "0.01",
            "--reps",
            "2",
            "--months",
            "30",
            "--out",
            str(tmp_path),
        ]
    )
    assert code == 0
    text = (tmp_path / "validation.md").read_text()
    assert text.startswith("# Validation of Kluit")
    assert "`kluit report validation --scale 0.01 --reps 2 --months 30 --out" in text
    for section in (
        "## 1. Calibration targets",
        "## 2. Theory check",
        "## 3. Stylised facts",
        "## 4. What the model cannot say",
    ):
        assert section in text
    figs = sorted(p.name for p in (tmp_path / "figures").glob("validation_*.png"))
    assert figs == sorted(
        [
            "validation_targets.png",
            "validation_theory_matching.png",
            "validation_theory_unemployment.png",
            "validation_beveridge.png",
            "validation_duration.png",
            "validation_relapse.png",
            "validation_commuting.png",
        ]
    )
    for name in figs:  # every figure is referenced
        assert f"figures/{name}" in text


def test_report_rejects_bad_options(capsys):
    with pytest.raises(SystemExit) as e:
        main(["report", "validation", "--reps", "0"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        main(["report", "nonsense"])
    assert e.value.code == 2

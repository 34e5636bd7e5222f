"""Kluit in the EMA workbench and in mesa.batch_run (analysis/adapters.py), on tiny runs."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.adapters import (
    ema_model,
    ema_model_from_sweep,
    mesa_batch_run,
    mesa_parameters,
    run_for_ema,
)
from analysis.experiments import run_scenario
from analysis.sweep import load_sweep, plan

DATA = Path(__file__).parent / "data" / "sweeps"
BASE = DATA / "base.toml"

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "ipyparallel not installed"
    import ema_workbench as ema


def test_ema_perform_experiments_two_scenarios_one_policy():
    model = ema_model(
        BASE,
        uncertainties={"labour_market.separation_rate": (0.004, 0.012)},
        levers={"policies.root_ball.duration_months": (3, 24)},
        constants={"policies.root_ball.enabled": True},
        outcomes=["placement_rate_12m", "public_cost_eur", "social_assistance.placement_rate_12m"],
        months=13,
        scale=0.1,
        seed=4,
    )
    assert [u.name for u in model.uncertainties] == ["labour_market__separation_rate"]
    assert isinstance(model.levers["policies__root_ball__duration_months"], ema.IntegerParameter)
    scenarios = [
        ema.Sample(name=f"s{i}", labour_market__separation_rate=v)
        for i, v in enumerate((0.005, 0.01))
    ]
    policies = [ema.Sample(name="p0", policies__root_ball__duration_months=12)]
    with ema.SequentialEvaluator(model) as evaluator:
        experiments, outcomes = ema.perform_experiments(
            model, scenarios=scenarios, policies=policies, evaluator=evaluator
        )
    assert len(experiments) == 2 and list(experiments["policy"]) == ["p0", "p0"]
    assert set(outcomes) == {
        "placement_rate_12m",
        "public_cost_eur",
        "social_assistance__placement_rate_12m",
    }
    # the workbench's numbers are Kluit's own: same scenario, overrides and seed
    direct = run_scenario(
        str(BASE),
        seed=4,
        months=13,
        scale=0.1,
        overrides={
            "labour_market.separation_rate": 0.01,
            "policies.root_ball.enabled": True,
            "policies.root_ball.duration_months": 12,
        },
    )
    assert outcomes["public_cost_eur"][1] == direct.summary["public_cost_eur"]
    assert outcomes["public_cost_eur"][0] != outcomes["public_cost_eur"][1]


def test_ema_replicator_model_from_a_sweep_file():
    sweep = load_sweep(DATA / "grid_small.toml")
    model = ema_model_from_sweep(sweep, replications=2)
    assert isinstance(model, ema.ReplicatorModel)
    assert isinstance(
        model.uncertainties["matching__applications_per_month"], ema.CategoricalParameter
    )
    assert [r["seed"] for r in model.replications] == [
        r.seed for r in plan(sweep)[:2]
    ]  # the sweep's own replication seeds


def test_run_for_ema_accepts_numpy_values_and_defaults():
    out = run_for_ema(
        str(BASE),
        months=2,
        scale=0.05,
        seed=1,
        matching__applications_per_month=np.float64(0.5),
        policies__root_ball__duration_months=np.int64(6),
    )
    assert "placement_rate_12m" in out and "social_assistance__placements" in out
    assert math.isnan(out["placement_rate_12m"]) or 0 <= out["placement_rate_12m"] <= 1


def test_mesa_batch_run_on_the_model_class_directly():
    import mesa

    from sim.model import LabourMarketModel

    rows = mesa.batch_run(
        LabourMarketModel,
        parameters={
            "scale": 0.01,
            "months": 3,
            "region": "synthetic:3:0",
            "labour_market__separation_rate": [0.005, 0.01],
        },
        rng=[1, 2],
        max_steps=3,
        number_processes=1,
        data_collection_period=1,
        display_progress=False,
    )
    df = pd.DataFrame(rows)
    assert len(df) == 2 * 2 * 4  # values x seeds x (month 0 + 3 months)
    assert set(df["labour_market__separation_rate"]) == {0.005, 0.01}
    assert set(df["rng"]) == {1, 2} and df["Step"].max() == 3
    assert {"unemployment_rate", "placements"} <= set(df.columns)
    # the summary outcomes, at the last step only (NaN before the run ends)
    last = df[df["Step"] == 3]
    for key in ("placement_rate_12m", "relapse_rate_12m", "public_cost_eur"):
        assert df.loc[df["Step"] < 3, key].isna().all(), key
    assert (last["public_cost_eur"] > 0).all()
    assert last["placement_rate_12m"].isna().all()  # a 3-month run has no 12-month rate


def test_batch_run_outcomes_equal_the_run_summary():
    """The outcomes in a batch_run row are the summary of the same run."""
    import mesa

    from sim import LabourMarketModel

    kw = {"scale": 0.3, "months": 13, "region": "synthetic:3:0"}
    rows = mesa.batch_run(
        LabourMarketModel,
        parameters=kw,
        rng=[5],
        max_steps=13,
        number_processes=1,
        data_collection_period=-1,
        display_progress=False,
    )
    assert len(rows) == 1
    m = LabourMarketModel(rng=5, **kw)
    m.run()
    s = m.summary()
    for key in (
        "placement_rate_12m",
        "relapse_rate_12m",
        "sustained_placement_rate_24m",
        "public_cost_eur",
    ):
        want, got = s[key], rows[0][key]
        assert (want is None and math.isnan(got)) or got == pytest.approx(want), key
    assert s["placement_rate_12m"] is not None and s["placement_rate_12m"] > 0


def test_mesa_batch_run_helper_takes_dotted_keys():
    assert mesa_parameters({"run.region": "synthetic:3:0", "a.b": 1}) == {
        "region": "synthetic:3:0",
        "a__b": 1,
    }
    df = mesa_batch_run(
        {
            "run.scale": 0.01,
            "run.region": "synthetic:3:0",
            "matching.applications_per_month": [0.3, 0.6],
        },
        rng=[3],
        months=2,
    )
    assert len(df) == 2 and set(df["Step"]) == {2}


def test_bad_ema_range_is_explained():
    with pytest.raises(ValueError, match="numeric key"):
        ema_model(BASE, levers={"policies.root_ball.right_to_return": (0, 1)})

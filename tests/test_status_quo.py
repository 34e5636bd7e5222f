"""The status quo: today's instruments, a burn-in to the model's own steady state, the WW
entitlement and what happens in the 18 months after an exit from bijstand to work."""

from __future__ import annotations

import numpy as np
import pytest

from sim import metrics
from sim.model import LabourMarketModel
from sim.params import all_params
from sim.policies import STATUS_QUO
from sim.policies.wage_subsidy import GAP, STRUCTURAL
from sim.scenario import load_scenario
from sim.state import Cause, State

SMALL = dict(scale=0.02, months=24)


def test_baseline_file_is_the_status_quo_of_the_burn_in():
    base = load_scenario("scenarios/baseline.toml")
    for key, par in all_params().items():
        if key.startswith("policies."):
            assert base[key] == STATUS_QUO.get(key, par.default), key
    assert base["run.burn_in_policies"] == "status_quo"
    none = load_scenario("scenarios/no_instruments.toml")
    assert not any(none[k] for k in STATUS_QUO if k.endswith(".enabled"))


@pytest.mark.parametrize(
    "arm",
    [
        "scenarios/policies/wage_subsidy_temporary.toml",
        "scenarios/policies/no_risk_policy_aware.toml",
        "scenarios/shocks/subsidy_stop.toml",
        "scenarios/shocks/tight_market.toml",
    ],
)
def test_every_change_to_the_status_quo_starts_from_the_same_month_0(arm):
    a = LabourMarketModel("scenarios/baseline.toml", rng=3, **SMALL)
    b = LabourMarketModel(arm, rng=3, **SMALL)
    for col in ("state", "months_out", "ready", "wage_value", "employer", "subsidy_left"):
        assert np.array_equal(a.persons.column(col), b.persons.column(col)), col
    assert np.array_equal(a.employers.vacancies, b.employers.vacancies)


def test_no_instruments_is_a_world_that_never_had_them():
    a = LabourMarketModel("scenarios/baseline.toml", rng=3, **SMALL)
    b = LabourMarketModel("scenarios/no_instruments.toml", rng=3, **SMALL)
    assert (a.persons.state == State.SUBSIDISED).sum() > 0
    assert (b.persons.state == State.SUBSIDISED).sum() == 0


def test_burn_in_makes_a_fresh_month_0():
    m = LabourMarketModel("scenarios/baseline.toml", rng=2, **SMALL)
    per = m.persons
    assert m.month == 0 and len(m.series) == 1 and m.placements.n == 0
    assert (per.entered == 0).all() and (per.first_placement == -1).all()
    assert (per.placement == -1).all() and m.series[0]["flows"].sum() == 0
    employed = per.state <= State.POOL
    assert (per.job_start[employed] <= 0).all()
    log = m.log.arrays()
    assert (log["cause"] == Cause.START).all() and len(log["person"]) == per.n
    # the Wsw keeps its region figure: the burn-in neither ages it nor lets its people search
    # (only a rare long sickness or a brokered introduction moves one)
    drawn = LabourMarketModel("scenarios/baseline.toml", rng=2, run__burn_in_months=0, **SMALL)
    n_sw = (drawn.persons.state == State.SHELTERED).sum()
    assert n_sw - 2 <= (per.state == State.SHELTERED).sum() <= n_sw
    m.run()
    m.check_invariants()


def _subsidised_worker(m, wage_value, months_on):
    per = m.persons
    row = int(
        np.flatnonzero(
            (per.state == State.EMPLOYED) & ~m.employers.external[np.maximum(per.employer, 0)]
        )[0]
    )
    per.state[row] = State.SUBSIDISED
    per.wage_value[row] = wage_value
    per.subsidy_left[row] = STRUCTURAL
    per.subsidy_kind[row] = GAP
    per.subsidy_eur[row] = 500.0
    per.job_start[row] = m.month - months_on
    return row


def _wage_subsidy(m):
    return next(p for p in m.policies if p.name == "wage_subsidy")


def test_structural_subsidy_runs_on_and_ends_when_the_wage_value_reaches_the_minimum_wage():
    m = LabourMarketModel(
        "scenarios/baseline.toml",
        rng=4,
        run__burn_in_months=0,
        policies__wage_subsidy__on_job_learning=0.0,
        **SMALL,
    )
    pol = _wage_subsidy(m)
    m.month = 12
    low = _subsidised_worker(m, 0.5, months_on=12)
    grown = _subsidised_worker(m, 0.97, months_on=12)
    emp = int(m.persons.employer[grown])
    pol.month_end(m)
    per = m.persons
    # structural: still subsidised after its yearly reassessment, nothing counts down
    assert per.state[low] == State.SUBSIDISED and per.subsidy_left[low] == STRUCTURAL
    # the reassessed wage value reached the minimum wage: an ordinary employee, same employer
    assert per.state[grown] == State.EMPLOYED and per.employer[grown] == emp
    assert per.subsidy_left[grown] == 0 and per.subsidy_eur[grown] == 0


def test_policy_stop_lets_the_employer_judge_again_at_full_wage_cost():
    m = LabourMarketModel(
        "scenarios/baseline.toml",
        rng=4,
        run__burn_in_months=0,
        policies__wage_subsidy__end_month=5,
        **SMALL,
    )
    m.month = 6
    rows = [_subsidised_worker(m, 0.3, months_on=6) for _ in range(1)]
    _wage_subsidy(m).month_end(m)
    per = m.persons
    assert per.state[rows[0]] != State.SUBSIDISED and per.subsidy_left[rows[0]] == 0
    # a wage value of 0.3 is far from worth the minimum wage: dismissed
    assert per.state[rows[0]] > State.POOL


def test_push_subsidy_for_full_wage_value_is_temporary():
    m = LabourMarketModel(
        "scenarios/policies/wage_subsidy_temporary.toml", rng=1, scale=0.05, months=14
    )
    m.run()
    pl = m.placements
    per = m.persons
    sub = pl.person[pl.subsidised]
    assert (per.wage_value[sub] >= 0.95).any(), "the push reaches people with full wage value"
    pushed = per.subsidy_kind == 2
    assert (per.subsidy_left[pushed] <= 6).all()
    assert m.ledger.totals.get(("municipality", "wage_subsidy"), 0) > 0


def test_ww_needs_26_of_36_weeks_of_work_also_after_a_placement():
    m = LabourMarketModel(
        "scenarios/baseline.toml",
        rng=6,
        run__burn_in_months=0,
        labour_market__ww_eligible_share=1.0,
        labour_market__placed_job_loss_to_sa_share=1.0,
        **SMALL,
    )
    m.month = 30
    per = m.persons
    rows = np.flatnonzero(per.state == State.EMPLOYED)[:4]
    per.target_job[rows] = True
    per.job_start[rows] = m.month - np.array([3, 5, 6, 20])
    m.end_jobs(rows, Cause.RELAPSE)
    assert per.state[rows].tolist() == [
        State.SOCIAL_ASSISTANCE,
        State.SOCIAL_ASSISTANCE,
        State.UNEMPLOYED_WW,
        State.UNEMPLOYED_WW,
    ]
    # a placed worker's work history is this job: the 3-month minimum
    assert per.ww_left[rows[2:]].tolist() == [3, 3]


def test_cohort_after_exit_to_work_is_null_in_short_runs_and_shares_otherwise():
    short = LabourMarketModel("scenarios/baseline.toml", rng=1, scale=0.02, months=10)
    short.run()
    g = short.summary()["groups"]["social_assistance"]
    assert g["in_work_6m"] is not None and g["in_work_18m"] is None
    assert g["back_on_social_assistance_18m"] is None
    m = LabourMarketModel("scenarios/baseline.toml", rng=1, scale=0.03, months=30)
    m.run()
    s = m.summary()
    g = s["groups"]["social_assistance"]
    assert 0 < g["in_work_18m"] < g["in_work_6m"] < 1
    assert 0 < g["back_on_social_assistance_18m"] < 1 - g["in_work_18m"]
    cal = s["calibration"]
    for key in ("sa_duration_shares_start", "sa_duration_shares_end"):
        assert set(cal[key]) == {"under_1y", "1_3y", "over_3y"}
        assert sum(cal[key].values()) == pytest.approx(1.0)
    # states_at reproduces everybody's current state from the log
    everyone = np.arange(m.persons.n)
    now = metrics.states_at(m, everyone, np.full(m.persons.n, m.month))
    assert np.array_equal(now, m.persons.state)


def test_a_reused_burn_in_gives_the_same_run_as_a_fresh_one():
    import sim.model as model_module

    runs = []
    for fresh in (True, False):
        if fresh:
            model_module._BURN_IN_CACHE.clear()
        m = LabourMarketModel(
            "scenarios/policies/wage_subsidy_temporary.toml", rng=8, scale=0.02, months=14
        )
        if fresh:
            assert model_module._BURN_IN_CACHE, "the burn-in was kept"
        m.run()
        runs.append((m.summary(), m.persons.column("state").copy(), len(m.person_agents)))
    (a, sa, na), (b, sb, nb) = runs
    assert np.array_equal(sa, sb) and na == nb == len(sa)
    a.pop("version"), b.pop("version")
    assert a == b


def test_a_parameter_change_can_start_from_the_reference_month_0():
    changed = dict(rng=3, **SMALL, schools__places_per_1000_sa=200.0)
    own = LabourMarketModel("scenarios/baseline.toml", **changed)
    ref = LabourMarketModel("scenarios/baseline.toml", rng=3, **SMALL)
    same = LabourMarketModel(
        "scenarios/baseline.toml", run__burn_in_scenario="baseline.toml", **changed
    )
    state = "state"
    assert np.array_equal(same.persons.column(state), ref.persons.column(state))
    assert not np.array_equal(own.persons.column(state), ref.persons.column(state))
    assert same.p["schools.places_per_1000_sa"] == 200.0  # the run itself uses the change

"""Each instrument changes outcomes through its mechanism, in the direction the literature gives.

Arms share their seeds (common random numbers), so paired differences over a few seeds show
the mechanism's effect rather than noise.
"""

from __future__ import annotations

import numpy as np
import pytest

from analysis.compare import compare
from sim.model import LabourMarketModel
from sim.processes.training import forecast_growth
from sim.state import State

SEEDS = range(4)


def run(seed, months=24, scale=0.03, config="scenarios/baseline.toml", **params):
    m = LabourMarketModel(config, rng=seed, months=months, scale=scale, **params)
    m.run()
    return m


#: a world without instruments that starts from the same month 0 as the status quo
NONE = dict(config="scenarios/no_instruments.toml", run__burn_in_policies="status_quo")


def test_wage_subsidy_raises_placements_and_costs_the_municipality():
    base = [run(s, **NONE).summary() for s in SEEDS]
    arm = [run(s, **NONE, policies__wage_subsidy__enabled=True).summary() for s in SEEDS]
    diffs = [a["placements"] - b["placements"] for a, b in zip(arm, base)]
    assert sum(diffs) > 0 and sum(d > 0 for d in diffs) >= 3
    assert all(a["placements_subsidised"] > 0 for a in arm)
    assert all(a["costs"]["municipality"].get("wage_subsidy", 0) > 0 for a in arm)
    assert all("wage_subsidy" not in b["costs"]["municipality"] for b in base)


def test_longer_subsidy_is_worth_more_to_employers():
    short = [
        run(
            s, policies__wage_subsidy__enabled=True, policies__wage_subsidy__duration_months=3
        ).summary()
        for s in SEEDS
    ]
    long = [
        run(
            s, policies__wage_subsidy__enabled=True, policies__wage_subsidy__duration_months=36
        ).summary()
        for s in SEEDS
    ]
    assert sum(b["placements_subsidised"] for b in long) > sum(
        a["placements_subsidised"] for a in short
    )


def _refusal_share(awareness):
    refusals, apps = 0, 0
    for s in SEEDS:
        m = LabourMarketModel(
            rng=s,
            months=18,
            scale=0.03,
            policies__no_risk_policy__enabled=True,
            policies__no_risk_policy__awareness=awareness,
        )
        for _ in range(18):
            m.step()
            refusals += m.month_counts.get("refusals_sickness", 0)
            apps += m.month_counts.get("target_applications", 0)
    return refusals / apps


def test_no_risk_policy_cuts_sickness_refusals_more_with_awareness():
    none, half, full = (_refusal_share(a) for a in (0.0, 0.5, 1.0))
    assert none > half > full
    # only eligible candidates (wage value below the minimum wage) are covered
    assert full < 0.9 * none


def test_no_risk_policy_pays_sick_pay_of_covered_workers():
    m = run(
        1,
        months=30,
        scale=0.05,
        policies__no_risk_policy__enabled=True,
        policies__no_risk_policy__awareness=1.0,
    )
    assert m.ledger.totals.get(("national", "no_risk_claims"), 0) > 0
    assert m.placements.no_risk.any()


def _sheltered_relapses(intensity, months=12):
    """Hire the same sheltered-work participants into the same jobs in each arm, then count
    their relapses (common random numbers: the relapse draws are per person)."""
    total = 0
    for seed in range(6):
        m = LabourMarketModel(
            rng=seed,
            scale=0.1,
            months=months,
            policies__root_ball__enabled=True,
            policies__root_ball__intensity=intensity,
            labour_market__separation_rate=0.0,
        )
        per, e = m.persons, m.employers
        sw = np.flatnonzero(per.state == State.SHELTERED)
        m.month = 1
        jobs = np.flatnonzero(~e.external & ~e.is_pool & (e.base_size > 0))[: len(sw)]
        e.vacancies[jobs] += 1
        m.hire(sw[: len(jobs)], jobs)
        placed = sw[: len(jobs)]
        m.month = 0
        for _ in range(months):
            m.step()
        pl = m.placements
        mine = np.isin(pl.person, placed) & (pl.month == 1)
        total += int(np.isin(pl.end_state[mine], (State.SHELTERED, State.SOCIAL_ASSISTANCE)).sum())
    return total


def test_root_ball_lowers_relapse_more_with_intensity():
    low, mid, high = (_sheltered_relapses(i) for i in (0.0, 0.5, 1.0))
    assert low > mid > high
    assert high < 0.6 * low


def test_root_ball_right_to_return_sends_relapses_to_sheltered_work():
    m = LabourMarketModel(
        rng=2,
        scale=0.1,
        months=12,
        policies__root_ball__enabled=True,
        policies__root_ball__intensity=0.0,
    )
    per, e = m.persons, m.employers
    sw = np.flatnonzero(per.state == State.SHELTERED)[:40]
    jobs = np.flatnonzero(~e.external & (e.base_size > 0))[:40]
    e.vacancies[jobs] += 1
    m.month = 1
    m.hire(sw, jobs)
    m.month = 0
    m.run()
    pl = m.placements
    ended = pl.end_state[np.isin(pl.person, sw) & (pl.end_month >= 0)]
    assert (
        len(ended)
        and (
            ended[np.isin(ended, (State.SHELTERED, State.SOCIAL_ASSISTANCE))] == State.SHELTERED
        ).all()
    )


def test_work_pools_create_jobs_from_pooled_slack():
    m = run(3, months=24, scale=0.05, policies__work_pools__enabled=True)
    e = m.employers
    pools = np.flatnonzero(e.is_pool)
    assert len(pools) > 0
    members = np.flatnonzero(e.pool >= 0)
    # a pool's jobs are whole jobs made of its members' slack, and only members within reach
    assert (
        e.target[pools]
        <= np.bincount(e.pool[members], weights=e.slack[members] * 1.5, minlength=e.n)[pools]
    ).all()
    minutes = m.region.travel_minutes[e.node[e.pool[members]], e.node[members]]
    assert (minutes <= m.p["policies.work_pools.max_member_minutes"]).all()
    assert m.summary()["placements_pool"] > 0
    assert (m.persons.state == State.POOL).sum() > 0


def test_forecasting_aligns_training_with_coming_demand():
    def corr(**params):
        cs = []
        for s in range(5):
            m = LabourMarketModel(rng=s, scale=0.01, months=60, **params)
            dur = m.p["schools.duration_months"]
            for t in range(12, 48, 6):
                m.month = t
                f = forecast_growth(m)
                w = m.sector_weights
                true = ((m.demand[t + dur] - m.demand[t]) * w).sum(0) / w.sum(0)
                cs.append(np.corrcoef(f, true)[0, 1])
        return np.nanmean(cs)

    assert corr(policies__forecasting__enabled=True) > corr() + 0.2


def test_career_paths_move_people_up():
    m = run(1, months=18, scale=0.05, policies__career_paths__enabled=True)
    per = m.persons
    steps = per.career_path
    assert steps.sum() > 0
    assert m.ledger.totals[("municipality", "career_paths")] > 0


def test_policy_stop_ends_subsidies_for_people_already_placed():
    m = run(2, months=30, scale=0.05, config="scenarios/shocks/subsidy_stop.toml")
    per = m.persons
    assert (per.state == State.SUBSIDISED).sum() == 0
    ser = m.series
    subsidised = [r["stocks"][:, State.SUBSIDISED].sum() for r in ser]
    assert max(subsidised[:24]) > 0 and subsidised[-1] == 0
    costs = [r["costs"].get(("municipality", "wage_subsidy"), 0) for r in ser]
    assert sum(costs[26:]) == 0 and sum(costs[:24]) > 0


def test_compare_reports_paired_differences_and_deadweight():
    # today's policy against the regional package on top of it (push subsidy, the no-risk
    # policy made known, work pools, root ball)
    comp = compare(
        ["scenarios/baseline.toml", "scenarios/policies/package.toml"],
        reps=3,
        seed=7,
        months=14,
        scale=0.02,
    )
    t = comp.table()
    row = t[(t.scenario == "package") & (t.metric == "placements")].iloc[0]
    assert row["diff"] > 0
    dw = t[(t.scenario == "package") & (t.metric == "deadweight_share_paired")].iloc[0]
    assert 0 <= dw["mean"] <= 1
    same = compare(
        ["scenarios/baseline.toml", "scenarios/baseline.toml"],
        reps=2,
        seed=7,
        months=13,
        scale=0.01,
    ).table()
    d = same[(same.scenario == "baseline_2") & (same.metric == "placement_rate_12m")].iloc[0]
    assert d["diff"] == 0 and d["diff_low"] == 0


@pytest.mark.parametrize("name", ["moral_appeal", "job_coaching"])
def test_light_instruments_run_and_book_costs(name):
    m = run(1, months=14, scale=0.05, **{f"policies__{name}__enabled": True})
    assert m.ledger.totals.get(("municipality", name), 0) > 0


def test_comparison_series_counts_missing_months_as_zero_and_sorts_them():
    comp = compare(["scenarios/baseline.toml"], reps=2, seed=3, months=8, scale=0.01)
    s = comp.series("relapses")
    assert s["month"].is_monotonic_increasing
    assert len(s) == len(comp.series("stock_employed"))

"""Employers who decide like employers (issue 11): traits, reach, decisiveness, for whom.

The hiring decision must rest on differences between employers and candidates, not on the tail
of the judgement error; each instrument's decisiveness is re-evaluated on the same draws; and
the patterns CPB describes (Kansrijk arbeidsmarktbeleid, docs/sources.md) must emerge from the
mechanisms over paired seeds, not be written in.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from analysis.compare import compare
from analysis.diagnostics import TAIL_SD, decision_evidence, employer_section
from sim.metrics import SUBGROUPS
from sim.model import LabourMarketModel
from sim.processes.matching import decisiveness
from sim.scenario import load_scenario

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("employers")

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "scenarios" / "baseline.toml"
POLICIES = ROOT / "scenarios" / "policies"
#: a reference without instruments that starts from the status quo's month 0 (issue 12: the
#: shipped baseline is the status quo), and one instrument on top of it
NONE = replace(
    load_scenario(ROOT / "scenarios" / "no_instruments.toml").with_overrides(
        {"run.burn_in_policies": "status_quo"}
    ),
    name="baseline",
)
WAGE_SUBSIDY = replace(
    NONE.with_overrides({"policies.wage_subsidy.enabled": True}), name="wage_subsidy"
)
WORK_POOLS = replace(NONE.with_overrides({"policies.work_pools.enabled": True}), name="work_pools")


@pytest.fixture(scope="module")
def evidence():
    return decision_evidence(BASELINE, scale=0.05, months=24, reps=2, seed=11)


def test_target_group_hires_are_not_a_tail_event(evidence):
    for z in evidence.target_hires:
        assert len(z) > 30
        # fails when more than half of the target-group hires need an error beyond 1.5 SD
        assert np.mean(z < -TAIL_SD) <= 0.5


def test_target_group_hiring_concentrates_among_willing_employers(evidence):
    for from_willing, willing in zip(evidence.willing_share, evidence.employer_share_willing):
        assert from_willing > willing + 0.05


def test_the_judgement_error_is_small_beside_the_differences(evidence):
    # refusals of target-group candidates lie far below the threshold, hires above it: the
    # spread of the hiring value is many times the error's standard deviation
    for hires, refusals in zip(evidence.target_hires, evidence.target_refusals):
        assert np.median(hires) > -TAIL_SD
        assert np.median(refusals) < -3.0


def test_employer_traits_are_drawn_from_their_parameters():
    m = LabourMarketModel(BASELINE, scale=0.05, months=1, rng=3, run__burn_in_months=0)
    e = m.employers
    real = ~e.external & ~e.is_pool
    willing = e.openness[real] > 0
    assert abs(willing.mean() - m.p["employers.inclusive_share"]) < 0.05
    experienced = e.experience[real] > 0
    assert abs(experienced.mean() - m.p["employers.experienced_share"]) < 0.04
    assert not (experienced & ~willing).any()  # experience is drawn among the willing
    big = e.base_size[real] >= 50
    small = e.base_size[real] <= 2
    assert e.supervise[real][big].min() > e.supervise[real][small].max()


def test_experience_feeds_back_into_willingness_and_knowledge():
    # conversions of unwilling employers are rare (a lasting placement at an employer that
    # seldom hires from the target group): count them over three seeds
    converted = 0
    for seed in (2, 3, 4):
        m = LabourMarketModel(WAGE_SUBSIDY, scale=0.05, months=30, rng=seed)
        e = m.employers
        willing0 = (e.openness > 0).copy()
        exp0 = e.experience.copy()
        m.run()
        n = len(willing0)
        gained = e.experience[:n] > exp0
        assert gained.sum() > 5
        converted += int((~willing0 & (e.openness[:n] > 0)).sum())
        bit = np.int32(1 << next(p.index for p in m.policies if p.name == "wage_subsidy"))
        # employers that had a subsidised placement know the subsidy now
        sub = m.placements.employer[m.placements.subsidised]
        assert ((e.knows[sub] & bit) != 0).all()
    assert converted > 0  # some unwilling employers converted


def _fake_model(names):
    return SimpleNamespace(policies=[SimpleNamespace(name=n) for n in names])


def test_decisiveness_reevaluates_each_hire_without_the_instrument():
    model = _fake_model(["a", "b"])
    value = np.array([100.0, 50.0, 10.0, 5.0])
    contrib = {"a": np.array([20.0, 60.0, 0.0, 5.0]), "b": np.array([0.0, 0.0, 30.0, 2.0])}
    touched, decisive = decisiveness(model, value, contrib)
    assert touched.tolist() == [1, 1, 2, 3]
    # hire 1 needed a (50 - 60 < 0), hire 2 needed b, hire 3 needed a (5 - 5 = 0: a refusal)
    assert decisive.tolist() == [0, 1, 2, 1]


def test_an_instrument_employers_do_not_know_is_rarely_decisive():
    def share(awareness):
        m = LabourMarketModel(WAGE_SUBSIDY, scale=0.05, months=24, rng=5, check=False)
        m.p["policies.wage_subsidy.awareness"] = awareness
        m.p["service_point.brokered_per_10k_sa"] = 0.0
        for pol in m.policies:
            if pol.name == "wage_subsidy":
                pol.p["awareness"] = awareness
        m.employers.knows[:] = 0
        if awareness:
            next(p for p in m.policies if p.name == "wage_subsidy").inform(m, awareness)
        m.run()
        d = m.summary()["instruments"]["wage_subsidy"]
        return d["decisive"] / d["touched"], d["touched"]

    unknown, touched = share(0.0)
    known, _ = share(1.0)
    assert touched > 10
    assert known > unknown + 0.2


@pytest.fixture(scope="module")
def small_run():
    return compare(
        [NONE, WAGE_SUBSIDY, WORK_POOLS], reps=2, seed=4, months=24, scale=0.03, keep_monthly=False
    )


@pytest.fixture(scope="module")
def small_comparison(small_run):
    return small_run.table()


def test_every_instrument_arm_has_a_decisive_share_and_deadweight(small_comparison):
    t = small_comparison[small_comparison.subgroup == "all"]
    for arm in ("wage_subsidy", "work_pools"):
        d = t[(t.scenario == arm) & (t.metric == f"decisive_share.{arm}")].iloc[0]
        w = t[(t.scenario == arm) & (t.metric == f"deadweight_share.{arm}")].iloc[0]
        assert 0.0 <= d["mean"] <= 1.0 and d["n"] == 2
        assert math.isclose(w["mean"], 1.0 - d["mean"])
        assert d["low"] <= d["mean"] <= d["high"]  # an interval over the two replications
    # the reference runs no instrument: no decisiveness rows; the paired deadweight is renamed
    assert not t[(t.scenario == "baseline") & t.metric.str.startswith("decisive_share")].shape[0]
    assert "deadweight_share" not in set(t.metric)
    assert "deadweight_share_paired" in set(t.metric)
    pools = t[(t.scenario == "work_pools") & (t.metric == "decisive_share.work_pools")].iloc[0]
    assert pools["mean"] == 1.0  # a pool job exists only through the pools


def test_subgroup_rows(small_comparison):
    t = small_comparison
    assert "all" in set(t.subgroup)
    assert set(SUBGROUPS) <= set(t.subgroup)
    base = t[t.scenario == "baseline"]
    start = base[(base.metric == "target_group_start") & (base.subgroup == "all")]
    if start.empty:  # the whole target group is reported per origin group
        sa = base[(base.metric == "social_assistance.target_group_start")]["mean"].iloc[0]
        sw = base[(base.metric == "sheltered_work.target_group_start")]["mean"].iloc[0]
        total = sa + sw
    else:
        total = start["mean"].iloc[0]
    for family in ("wage_value", "benefit_months", "origin"):
        n = base[(base.metric == "persons") & base.subgroup.str.startswith(family)]["mean"].sum()
        assert n == pytest.approx(total)
    sub = t[
        (t.scenario == "wage_subsidy") & (t.metric == "placement_rate_12m") & (t.subgroup != "all")
    ]
    assert sub["diff"].notna().all()


@pytest.fixture(scope="module")
def cpb():
    """Paired seeds: the baseline, the baseline with ten times the training places, and the
    wage-cost subsidy."""
    base = NONE
    # ten times the training places from month 0: the burn-in is the reference's
    more_training = base.with_overrides(
        {"schools.places_per_1000_sa": 200.0, "run.burn_in_scenario": str(BASELINE)}
    )
    comp = compare(
        [base, more_training, WAGE_SUBSIDY],
        reps=3,
        seed=7,
        months=36,
        scale=0.1,
        keep_monthly=False,
    )
    return comp.table()


def _diff(t, arm, metric, subgroup):
    r = t[(t.scenario == arm) & (t.metric == metric) & (t.subgroup == subgroup)].iloc[0]
    return r["diff"]


def _level(t, metric, subgroup):
    return t[(t.scenario == "baseline") & (t.metric == metric) & (t.subgroup == subgroup)].iloc[0][
        "mean"
    ]


def test_training_locks_in_at_first(cpb):
    # while in training people do not search: fewer of the short-term recipients (who would
    # have found work soonest) are placed within six months
    assert _diff(cpb, "baseline_2", "placement_rate_6m", "benefit_months<12") < 0


def test_training_helps_mainly_the_long_term_unemployed(cpb):
    def relative_gain(sg):
        return _diff(cpb, "baseline_2", "placement_rate_36m", sg) / max(
            _level(cpb, "placement_rate_36m", sg), 1e-3
        )

    assert _diff(cpb, "baseline_2", "placement_rate_36m", "benefit_months>36") > 0
    assert relative_gain("benefit_months>36") > 2 * relative_gain("benefit_months<12")


def test_wage_subsidy_adds_more_placements_for_low_wage_values(cpb):
    low = _diff(cpb, "wage_subsidy", "placement_rate_24m", "wage_value<0.5")
    high = _diff(cpb, "wage_subsidy", "placement_rate_24m", "wage_value>=0.8")
    assert low > 0
    assert low > high


def test_the_validation_section_reports_the_diagnostic(evidence):
    text = employer_section(ev=evidence, dec={"wage_subsidy": (0.4, 0.3, 0.5, 2, 12.0)})
    assert "target-group hires" in text and "wage_subsidy | 40.0%" in text
    assert "needed an error beyond 1.5 SD" in text


def test_report_tables_show_decisiveness_and_for_whom(small_run):
    from analysis.headline import side_by_side, subgroups

    rows, cells = side_by_side(small_run, scale=0.03)
    keys = {r.key for r in rows}
    assert {"decisive_share.wage_subsidy", "decisive_share.work_pools"} <= keys
    # an instrument's share appears only in the arm that runs it, within [0, 1]
    assert set(cells["decisive_share.work_pools"]) == {"work_pools"}
    pools = cells["decisive_share.work_pools"]["work_pools"].level
    assert pools.value == 1.0 and 0.0 <= pools.low <= pools.high <= 1.0
    by_group = subgroups(small_run)["placement_rate_24m"]
    assert "wage_value<0.5" in by_group
    assert set(by_group["wage_value<0.5"]) == {"baseline", "wage_subsidy", "work_pools"}


def test_most_target_group_hires_need_no_error_in_their_favour(evidence):
    # before issue 11 three quarters of them did (the judgement error was as wide as all the
    # differences between candidates and employers; docs/validation.md, section 5)
    m, _, _, n = evidence.needs_error_share()
    assert n == 2 and m < 0.5
    for s in evidence.spread:
        assert s > 3.0

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

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("preparation")

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


def test_short_forecast_gives_more_hosts_an_opening_when_the_person_is_ready(arms):
    """With a host employer (``preparation_with_employer``): the accurate short forecast picks
    hosts that grow over the preparation, so more of them have an open vacancy in the month
    their person is ready than hosts picked by the long-range forecast (paired seeds)."""
    for a in (*arms[SHORT], *arms[LONG]):
        assert a["with_host_share"] > 0.9  # nearly everyone had a host within reach
    m, lo, hi, n = _paired(arms, "host_opening_share")
    assert n == len(SEEDS) and lo > 0, (m, lo, hi)


@pytest.mark.xfail(
    strict=True,
    reason="the issue's second claim; the model does not give it, with sector or employer "
    "preparation: sector demand moves 1-1.5% a year, and at the employer level the accurate "
    "forecast gives only ~7 pp more hosts an opening when the person is ready (vacancies come "
    "mostly from turnover), so few more people get the host's extra relief (docs/model.md, "
    "section 7.4)",
)
def test_short_forecast_prepared_people_relapse_less(arms):
    """Issue 13: with an accurate short forecast prepared people land in growing sectors more
    often *and* relapse less within 12 months than with the long-range forecast (paired
    seeds). The first half holds (the test above); this is the second. Strict: when the model
    starts to give it, this test fails and the mark must go."""
    m, lo, hi, n = _paired(arms, "relapse_rate_12m")
    assert n == len(SEEDS) and hi < 0, (m, lo, hi)


def test_short_forecast_does_not_place_prepared_people_less(arms):
    m, lo, hi, n = _paired(arms, "placement_rate_12m")
    assert hi > 0, (m, lo, hi)


def test_preparation_runs_its_course(arms):
    for g in arms[SHORT]:
        assert g["started"] >= g["completed"] > 0
        # most hires after preparation are in the sector prepared for
        assert g["in_prepared_sector_share"] > 0.5


def test_lower_pressure_in_the_prepared_sector_lowers_relapse():
    # a strong relief (three times the default) so that a few small runs show the direction;
    # it does not fade while people wait (that has its own test below); the sector part on its
    # own, without a host employer (the host's part has its own test below)
    def relapse(relief):
        over = {
            "policies.root_ball.preparation_with_employer": False,
            "policies.root_ball.preparation_pressure_relief": relief,
            "policies.root_ball.preparation_fade_months": 1200.0,
        }
        return [_prepared(SHORT, s, **over)["relapse_rate_12m"] for s in SEEDS]

    relief, none = relapse(0.45), relapse(0.0)
    m, lo, hi, n = mean_interval([a - b for a, b in zip(relief, none)])
    assert hi < 0, (m, lo, hi)


def test_preparation_fades_while_waiting_for_work():
    """The relief of preparation is exp(-slope x relief x exp(-waited / fade)) in the sector
    prepared for, with waited = months from the end of preparation to the first hire after it;
    1 in another sector."""
    m = LabourMarketModel(SHORT, rng=2, months=24, scale=0.03)
    m.run()
    rb = m.policies["root_ball"]
    per, e = m.persons, m.employers
    rows = np.flatnonzero((per.employer >= 0) & per.target_job)[:6]
    assert len(rows) == 6
    slope = m.p["labour_market.relapse_pressure_slope"]
    relief, fade = rb.p["preparation_pressure_relief"], rb.p["preparation_fade_months"]
    assert relief > 0 and fade > 0
    waited = np.array([0, 1, 6, 12, 24, 0])
    per.prep_sector[rows] = e.sector[per.employer[rows]] + 1
    per.prep_sector[rows[-1]] = (e.sector[per.employer[rows[-1]]] + 1) % m.region.n_sectors + 1
    per.prep_end[rows] = 5
    per.prep_hire[rows] = 5 + waited
    per.prep_host[rows] = 0  # no host: the sector part only
    got = rb._prepared_relief(m, rows)
    want = np.exp(-slope * relief * np.exp(-waited / fade))
    want[-1] = 1.0  # a job in another sector: no relief
    assert np.allclose(got, want)
    assert np.all(np.diff(got[:-1]) > 0)  # the longer the wait, the less relief
    per.support_left[rows] = 0  # without the coach's support, the relief is the whole factor
    assert np.allclose(rb.relapse_factor(m, rows), got)


def _host_setup(m):
    """A ready target-group person and a willing employer in their sector within reach whom
    the employer, judging without error, would hire (positive value)."""
    from sim.processes.matching import hiring_value
    from sim.state import State

    per, e = m.persons, m.employers
    cand = np.flatnonzero(
        np.isin(per.state, (State.SHELTERED, State.SOCIAL_ASSISTANCE))
        & per.ready
        & (per.sick == 0)
        & (per.prep_left == 0)
    )
    hosts = np.flatnonzero(~e.is_pool & ~e.external & (e.openness > 0))
    for p in cand:
        ok = hosts[
            (e.sector[hosts] == per.sector[p]) & (m.commute_weights[per.home[p], e.node[hosts]] > 0)
        ]
        if len(ok) == 0:
            continue
        _make_ready(m, p, ok[0])  # judged as a prepared person (with the root ball's coach)
        n = len(ok)  # the programme brings the person and the instruments (as first_hires)
        v, _ = hiring_value(m, np.full(n, p), ok, np.zeros(n), brokered=np.ones(n, bool))
        if (v > 0).any() and (v <= 0).any():
            return p, ok[np.argmax(v)], ok[np.argmin(v)]
        per.prep_end[p] = per.prep_host[p] = per.prep_sector[p] = 0
    raise AssertionError("no person with an acceptable and an unacceptable host")


def _make_ready(m, p, host):
    per = m.persons
    per.prep_sector[p] = per.sector[p] + 1
    per.prep_start[p] = m.month - 6
    per.prep_left[p] = 0
    per.prep_end[p] = m.month
    per.prep_hire[p] = 0
    per.prep_host[p] = host + 1


def test_the_host_hires_its_prepared_person_first_when_it_has_an_opening():
    from sim.policies.support import ROOT_BALL
    from sim.processes.matching import first_hires
    from sim.state import JOB_STATES

    m = LabourMarketModel(SHORT, rng=4, months=24, scale=0.03)
    for _ in range(8):
        m.step()
    per, e = m.persons, m.employers
    p, good, bad = _host_setup(m)
    # no opening at the host: nobody is hired first, the person searches as everyone else
    _make_ready(m, p, good)
    e.vacancies[good] = 0
    first_hires(m)
    assert per.employer[p] < 0 and per.prep_hire[p] == 0 and not per.prep_host_open[p]
    # an opening: the host hires them before the market, with the root ball's support
    e.vacancies[good] = 1
    first_hires(m)
    assert per.employer[p] == good and per.state[p] in JOB_STATES
    assert per.prep_host_open[p] and per.prep_by_host[p] and per.prep_hire[p] == m.month
    assert per.support_kind[p] == ROOT_BALL and e.vacancies[good] == 0
    # at the host the relief is the sector part plus the host part
    rb = m.policies["root_ball"]
    slope = m.p["labour_market.relapse_pressure_slope"]
    full = rb.p["preparation_pressure_relief"] + rb.p["preparation_host_relief"]
    assert np.isclose(rb._prepared_relief(m, np.array([p]))[0], np.exp(-slope * full))


def test_the_host_judges_without_error_and_does_not_hire_at_a_loss():
    from sim.processes.matching import first_hires

    m = LabourMarketModel(SHORT, rng=4, months=24, scale=0.03)
    for _ in range(8):
        m.step()
    per, e = m.persons, m.employers
    p, good, bad = _host_setup(m)
    _make_ready(m, p, bad)
    e.vacancies[bad] = 1
    first_hires(m)
    assert per.employer[p] < 0 and per.prep_host_open[p] and e.vacancies[bad] == 1


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


def test_without_preparation_the_forecast_horizon_does_not_change_relapse():
    """The same two scenarios with preparation off: the forecast then only steers the schools,
    and relapse after placements is the same with either horizon (paired seeds)."""
    off = {"policies.root_ball.preparation": False}

    def relapse(path):
        return [
            run_scenario(path, seed=s, months=MONTHS, scale=SCALE, overrides=off).summary[
                "relapse_rate_12m"
            ]
            for s in SEEDS
        ]

    m, lo, hi, n = mean_interval([a - b for a, b in zip(relapse(SHORT), relapse(LONG))])
    assert n == len(SEEDS) and lo < 0 < hi, (m, lo, hi)


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

"""Extreme but valid settings, and the --check invariants on every shipped scenario (issue 8).

Each run uses ``LabourMarketModel(check=True)``, which verifies every month that no person is
lost or counted twice, stocks move exactly by the month's flows, employer headcounts match the
jobs held, open placements match jobs, and the ledger holds no negative or NaN amount. On top,
these tests check from outside: the persons table grows only by entrants, each ledger item's
total is the sum of its monthly bookings, the summary has no NaN or infinity (None is allowed
for an undefined rate) and the monthly table has no NaN.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from sim.model import LabourMarketModel
from sim.params import all_params
from sim.scenario import Shock, default_scenario, load_scenario
from sim.state import State

from test_hardening_common import ROOT, Counts, consistent, kluit, non_finite
from test_hardening_common import run_checked as _run_checked

PARAMS = all_params()
POLICIES = sorted(
    k.split(".")[1] for k in PARAMS if k.startswith("policies.") and k.endswith(".enabled")
)
MONTHS = 24
REGIONS = [("synthetic:3:0", 0.01), ("flevoland", 0.01)]

counts = Counts("extremes")


@pytest.fixture(scope="module", autouse=True)
def _flush_counts():
    yield
    counts.flush()


#: burn-in months of these runs (default 240): every invariant is checked in each month of the
#: run that follows and the matching ones in the burn-in too; the extremes start from a burnt-in
#: state, but twenty years of it at the upper bounds (entry rates, growth) only grow a large
#: population for minutes without checking anything the run does not
BURN_IN = 24


def run_checked(scenario, **kw):
    kw.setdefault("run__burn_in_months", BURN_IN)
    return _run_checked(scenario, counts=counts, **kw)


def _bounds(which: str, skip=()) -> dict:
    """Every behavioural parameter at its lower (or upper) bound and every instrument on."""
    out = {}
    for k, p in PARAMS.items():
        if k.startswith("run.") or k in skip:
            continue
        if p.kind in (int, float):
            out[k] = getattr(p, which)
        elif k.endswith(".enabled"):
            out[k] = True
    return out


EXTREMES = {
    "no vacancies": {"employers.vacancy_open_share": 0.0, "employers.sector_growth": 0.0},
    "frozen market": {
        "employers.vacancy_open_share": 0.0,
        "employers.sector_growth": 0.0,
        "employers.demand_noise": 0.0,
        "employers.sector_cycle_sd": 0.0,
        "labour_market.separation_rate": 0.0,
        "demography.entry_rate": 0.0,
        "demography.exit_rate_employed": 0.0,
    },
    "every employer in a pool": {
        "policies.work_pools.enabled": True,
        "policies.work_pools.join_share": 1.0,
        "employers.slack_share": 1.0,
        "policies.work_pools.max_member_minutes": 600.0,
        "policies.work_pools.target_group_only": False,
    },
    "zero budget": {
        "policies.wage_subsidy.enabled": True,
        "policies.wage_subsidy.budget_eur_per_year": 0.0,
    },
    "all instruments": {f"policies.{p}.enabled": True for p in POLICIES},
    "all instruments at full strength": {
        **{f"policies.{p}.enabled": True for p in POLICIES},
        "policies.no_risk_policy.awareness": 1.0,
        "policies.root_ball.intensity": 1.0,
        "policies.moral_appeal.reach": 1.0,
        "policies.work_pools.join_share": 1.0,
        "policies.wage_subsidy.max_wage_value": 1.0,
        "policies.forecasting.accuracy": 1.0,
        "policies.career_paths.paths": 10000,
        "policies.career_paths.min_tenure_months": 0,
        "policies.job_coaching.hours_per_week": 40.0,
        "policies.root_ball.preparation": True,
        "policies.root_ball.preparation_intake_share": 1.0,
    },
    "instruments stopped in month 1": {
        **{f"policies.{p}.enabled": True for p in POLICIES},
        **{f"policies.{p}.end_month": 1 for p in POLICIES},
    },
    "everything at its lower bound": _bounds("lo"),
    "everything at its upper bound": _bounds("hi"),
    "costless": {
        k: 0.0
        for k, p in PARAMS.items()
        if k.startswith(("finance.", "policies.")) and ("eur" in k or "cost" in k) and p.lo == 0.0
    }
    | {"schools.cost_per_month": 0.0}
    | {f"policies.{p}.enabled": True for p in POLICIES},
}


@pytest.mark.parametrize("region,scale", REGIONS, ids=[r for r, _ in REGIONS])
@pytest.mark.parametrize("name", list(EXTREMES))
def test_extreme_settings_keep_the_invariants(name, region, scale):
    scen = default_scenario().with_overrides(EXTREMES[name])
    for seed in (1, 2):
        run_checked(scen, region=region, scale=scale, seed=seed)


def test_zero_budget_pays_no_wage_subsidy():
    scen = default_scenario().with_overrides(EXTREMES["zero budget"])
    m = run_checked(scen, region="flevoland", scale=0.01, months=36)
    s = m.summary()
    assert s["placements_subsidised"] == 0
    assert s["costs"]["municipality"].get("wage_subsidy", 0.0) == 0.0
    assert m.stock(State.SUBSIDISED) == 0


def test_every_employer_with_slack_joins_a_pool():
    scen = default_scenario().with_overrides(EXTREMES["every employer in a pool"])
    m = run_checked(scen, region="flevoland", scale=0.01)
    e = m.employers
    members = ~e.is_pool & ~e.external & (e.slack > 0)
    assert members.any() and e.is_pool.any()


def test_no_instrument_costs_when_everything_is_free():
    scen = default_scenario().with_overrides(EXTREMES["costless"])
    m = run_checked(scen, region="flevoland", scale=0.01)
    assert m.summary()["reintegration_cost_eur"] == 0.0


@pytest.mark.parametrize("scale", [0.0005, 0.001])
def test_scale_so_small_a_municipality_is_empty(tmp_path, scale):
    """A hamlet of 300 residents at scale 0.0005 has no one; the region still runs."""
    region = tmp_path / "hamlet.toml"
    region.write_text(
        textwrap.dedent("""\
        name = "Town and hamlet"
        [[municipality]]
        name = "Town"
        population = 40000
        jobs = 18000
        establishments = 4000
        [[municipality]]
        name = "Hamlet"
        population = 300
        jobs = 40
        establishments = 10
        [[link]]
        from = "Town"
        to = "Hamlet"
        minutes = 15
        """)
    )
    for seed in (1, 2, 3):
        m = run_checked(default_scenario(), region=str(region), scale=scale, months=36, seed=seed)
        homes = np.bincount(m.persons.home[m.persons.entered == 0], minlength=2)
        if scale == 0.0005:
            assert homes[1] == 0, "the hamlet should start empty at this scale"


def test_smallest_scale_on_flevoland_with_every_instrument():
    scen = default_scenario().with_overrides(EXTREMES["all instruments"])
    m = run_checked(scen, region="flevoland", scale=PARAMS["run.scale"].lo, months=36)
    assert m.persons.n > 0


def test_region_of_one_municipality(tmp_path):
    region = tmp_path / "one.toml"
    region.write_text(
        'name = "Island"\n[[municipality]]\nname = "Solo"\npopulation = 30000\n'
        "jobs = 12000\nestablishments = 2500\n"
    )
    for seed in (1, 2):
        m = run_checked(
            default_scenario().with_overrides(EXTREMES["all instruments"]),
            region=str(region),
            scale=0.02,
            months=36,
            seed=seed,
        )
        assert m.region.n_nodes == 1


def test_one_municipality_with_an_outside_job_area(tmp_path):
    region = tmp_path / "one_plus.toml"
    region.write_text(
        textwrap.dedent("""\
        name = "Commuter town"
        [[municipality]]
        name = "Solo"
        population = 30000
        jobs = 8000
        establishments = 2000
        [[municipality]]
        name = "City"
        external = true
        jobs = 6000
        [[link]]
        from = "Solo"
        to = "City"
        minutes = 45
        """)
    )
    run_checked(default_scenario(), region=str(region), scale=0.02, months=36)


def test_extreme_shocks_keep_the_invariants():
    scen = default_scenario().with_overrides({"policies.wage_subsidy.enabled": True})
    shocks = (
        Shock("recession", month=1, size=-0.9),
        Shock("reshoring", month=6, size=2.0),
        Shock(
            "new_product_line",
            month=3,
            size=2.0,
            sector="care_public",
            municipality="Urk",
            duration_months=1,
        ),
        Shock("policy_stop", month=12, policy="wage_subsidy"),
    )
    run_checked(dataclasses.replace(scen, shocks=shocks), region="flevoland", scale=0.01, months=36)


# --- every shipped scenario under --check ----------------------------------------------------

SHIPPED = sorted(
    p
    for p in (ROOT / "scenarios").rglob("*.toml")
    if "sweeps" not in p.relative_to(ROOT / "scenarios").parts
)


def test_shipped_scenarios_are_found():
    assert len(SHIPPED) >= 10 and any(p.name == "baseline.toml" for p in SHIPPED)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT / "scenarios")))
def test_shipped_scenario_keeps_the_invariants(path):
    scen = load_scenario(path)
    months = max(MONTHS, max((s.month for s in scen.shocks), default=0) + 6)
    run_checked(scen, region=None, scale=0.01, months=months)
    counts["shipped scenarios checked"] += 1


@pytest.mark.parametrize(
    "path",
    [p for p in SHIPPED if p.name in ("package.toml", "subsidy_stop.toml")],
    ids=lambda p: p.name,
)
def test_kluit_run_check_on_shipped_scenario(path, tmp_path):
    o = kluit("run", path, "--check", "--scale", "0.01", "--months", "30", "--out", tmp_path)
    assert o.rc == 0 and "Traceback" not in o.err, str(o)
    assert (tmp_path / "summary.json").is_file()


# --- regressions: bugs these tests found (fixed in 5f5e895) ----------------------------------


def test_summary_of_a_short_run_without_bijstand_entries():
    m = LabourMarketModel(
        None,
        region=str(ROOT / "tests/data/regions/single.toml"),
        scale=0.01,
        months=3,
        rng=1,
        check=True,
    )
    m.run()
    assert non_finite(m.summary()) == []


def _limited(code: str, gib: float = 1.5, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run Python ``code`` in a child limited to ``gib`` GiB of address space."""
    limit = int(gib * 2**30)

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=cap,
        cwd=ROOT,
    )


_RUN = """
import sys
from kluit.cli import main
sys.exit(main({argv!r}))
"""


def test_unbounded_demand_noise_is_bounded_or_rejected(tmp_path):
    p = _limited(
        _RUN.format(
            argv=[
                "run",
                str(ROOT / "scenarios/baseline.toml"),
                "--check",
                "--scale",
                "0.01",
                "--months",
                "24",
                "--set",
                "employers.demand_noise=0.5",
                "--set",
                "employers.demand_persistence=0.999",
                "--out",
                str(tmp_path),
            ]
        )
    )
    assert "Traceback" not in p.stderr, p.stderr[-3000:]
    assert p.returncode in (0, 2), p.stderr[-3000:]


def test_unbounded_sector_growth_is_bounded_or_rejected(tmp_path):
    p = _limited(
        _RUN.format(
            argv=[
                "run",
                str(ROOT / "scenarios/baseline.toml"),
                "--scale",
                "0.01",
                "--months",
                "600",
                "--set",
                "employers.sector_growth=0.5",
                "--set",
                "run.region=synthetic:3:0",
                "--out",
                str(tmp_path),
            ]
        )
    )
    assert "Traceback" not in p.stderr, p.stderr[-3000:]
    assert p.returncode in (0, 2), p.stderr[-3000:]


def test_a_population_too_large_for_memory_is_rejected_up_front(tmp_path):
    (tmp_path / "big.toml").write_text(
        'name = "Big"\n[[municipality]]\nname = "A"\n'
        "population = 20000000\njobs = 9000000\n"
        "establishments = 1000000\n"
    )
    scen = tmp_path / "scenario.toml"
    scen.write_text('[run]\nregion = "big.toml"\nscale = 2.0\nmonths = 2\n')
    p = _limited(_RUN.format(argv=["run", str(scen), "--out", str(tmp_path / "out")]))
    assert "Traceback" not in p.stderr, p.stderr[-3000:]
    assert p.returncode == 2 and "run.scale" in p.stderr, p.stderr[-3000:]


# --- random corners of the parameter space under --check ----------------------------------------


def _corner_value(p):
    """A valid value, half of the time one of the bounds."""
    if p.kind is bool:
        return st.booleans()
    if p.kind is int:
        return st.sampled_from([int(p.lo), int(p.hi)]) | st.integers(int(p.lo), int(p.hi))
    return st.sampled_from([p.lo, p.hi]) | st.floats(p.lo, p.hi, allow_nan=False)


_TUNABLE = [k for k, p in PARAMS.items() if not k.startswith("run.") and p.kind is not str]
FACTOR = float(os.environ.get("KLUIT_HARDENING_FACTOR", "1"))


@settings(
    max_examples=max(1, round(40 * FACTOR)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    data=st.data(),
    region=st.sampled_from(["synthetic:1:0", "synthetic:3:0", "flevoland"]),
    seed=st.integers(0, 2**31),
    months=st.integers(1, 48),
)
def test_random_corners_keep_the_invariants(data, region, seed, months):
    keys = data.draw(st.lists(st.sampled_from(_TUNABLE), max_size=25, unique=True), label="keys")
    values = consistent({k: data.draw(_corner_value(PARAMS[k]), label=k) for k in keys})
    note(repr(values))
    scale = 0.005 if region == "flevoland" else 0.02
    run_checked(
        default_scenario().with_overrides(values),
        region=region,
        scale=scale,
        months=months,
        seed=seed,
    )
    counts["random corners run with --check"] += 1

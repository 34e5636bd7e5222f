"""The model's foundation: reproducibility, invariants, population, mechanisms."""

from __future__ import annotations

import json

import numpy as np
import pytest

from kluit.cli import main
from sim.model import LabourMarketModel
from sim.processes.jobs import relapse_hazard
from sim.state import State

SMALL = dict(scale=0.02, months=24)


@pytest.fixture(scope="module")
def small_run():
    m = LabourMarketModel(rng=5, check=True, **SMALL)
    m.run()
    return m


def test_same_seed_same_network_population_and_results():
    a = LabourMarketModel(rng=11, scale=0.02, months=14)
    b = LabourMarketModel(rng=11, scale=0.02, months=14)
    for col in ("state", "home", "sector", "wage_value", "resilience", "ties"):
        assert np.array_equal(a.persons.column(col), b.persons.column(col)), col
    assert np.array_equal(a.employers.base_size, b.employers.base_size)
    assert [c.coordinate for c in a.network.all_cells] == [
        c.coordinate for c in b.network.all_cells
    ]
    a.run()
    b.run()
    assert json.dumps(a.summary(), sort_keys=True) == json.dumps(b.summary(), sort_keys=True)
    c = LabourMarketModel(rng=12, scale=0.02, months=14)
    c.run()
    assert c.summary()["placements"] != a.summary()["placements"] or not np.array_equal(
        c.persons.column("state"), a.persons.column("state")
    )


def test_population_matches_region_at_scale():
    # the drawn population (before any burn-in) holds the region's figures
    m = LabourMarketModel(rng=5, scale=0.02, months=24, run__burn_in_months=0)
    start = m.start_state
    region = m.region
    # docs/sources.md: 12,340 on bijstand, 1,240 in sheltered work, 8,951 on WW (Flevoland)
    assert abs((start == State.SOCIAL_ASSISTANCE).sum() - 12_340 * 0.02) <= 10
    assert abs((start == State.SHELTERED).sum() - 1_240 * 0.02) <= 5
    assert abs((start == State.UNEMPLOYED_WW).sum() - 8_951 * 0.02) <= 10
    employed = (start <= State.POOL).sum()
    assert abs(employed - (202_000 - 1_240) * 0.02) / (200_760 * 0.02) < 0.02
    internal = ~region.external
    jobs = m.series[0]["jobs"][internal].sum()
    assert abs(jobs - 176_367 * 0.02) / (176_367 * 0.02) < 0.05


def test_invariants_hold_every_month(small_run):
    # check=True verified every month; verify the final state once more explicitly
    small_run.check_invariants()
    per = small_run.persons
    assert (per.state[per.employer >= 0] <= State.POOL).all()
    log = small_run.log.arrays()
    assert len(log["person"]) >= per.n


def test_no_vacancy_filled_twice_and_no_person_hired_twice():
    m = LabourMarketModel(rng=3, scale=0.02, months=6, check=True)
    hired_per_month = []
    for _ in range(6):
        m.step()
        log = m.log.arrays()
        sel = (log["month"] == m.month) & (log["cause"] == 1)
        persons = log["person"][sel]
        assert len(np.unique(persons)) == len(persons)
        hired_per_month.append(len(persons))
        assert (m.employers.vacancies >= 0).all()
    assert sum(hired_per_month) > 0


def test_more_resilience_means_less_relapse_all_else_equal():
    m = LabourMarketModel(rng=1, scale=0.02, months=12)
    per = m.persons
    rows = np.flatnonzero(per.state == State.EMPLOYED)[:2000]
    per.job_start[rows] = m.month
    per.resilience[rows] = 0.2
    low = relapse_hazard(m, rows)
    per.resilience[rows] = 0.8
    high = relapse_hazard(m, rows)
    assert (high < low).all()
    # over many draws: relapse frequency falls with resilience
    rng = np.random.default_rng(0)
    draws_low = (rng.random((200, len(rows))) < low).mean()
    draws_high = (rng.random((200, len(rows))) < high).mean()
    assert draws_high < 0.5 * draws_low


def test_resilient_placements_relapse_less_in_runs():
    relapsed_res, kept_res = [], []
    for seed in range(3):
        m = LabourMarketModel(rng=seed, scale=0.05, months=30)
        m.run()
        pl = m.placements
        done = pl.month <= m.month - 12
        rel = (
            done
            & np.isin(pl.end_state, (State.SOCIAL_ASSISTANCE, State.SHELTERED, State.UNEMPLOYED_WW))
            & (pl.end_month - pl.month <= 12)
        )
        res = m.persons.resilience[pl.person]
        relapsed_res += res[rel].tolist()
        kept_res += res[done & ~rel].tolist()
    assert len(relapsed_res) > 20 and len(kept_res) > 20
    assert np.mean(relapsed_res) < np.mean(kept_res)


def test_agents_are_views_per_model():
    a = LabourMarketModel(rng=1, scale=0.01, months=3)
    b = LabourMarketModel(rng=2, scale=0.01, months=3)
    pa, pb = a.person_agents[0], b.person_agents[0]
    pa.resilience = 0.123
    assert abs(a.persons.resilience[0] - 0.123) < 1e-6
    assert abs(b.persons.resilience[0] - 0.123) > 1e-6 or pb.resilience != pa.resilience
    assert len(a.agents) == a.persons.n + a.employers.n + len(a.municipalities) + len(a.schools) + 1
    a.run()
    assert all(isinstance(h, tuple) for h in a.person_agents[0].history)


def test_summary_keys_are_the_public_interface(small_run):
    s = small_run.summary()
    for key in (
        "placement_rate_12m",
        "relapse_rate_12m",
        "sustained_placement_rate_24m",
        "mean_months_to_placement",
        "unemployment_rate",
        "vacancy_rate",
        "public_cost_eur",
        "cost_per_sustained_placement_eur",
        "employer_participation_rate",
        "groups",
        "scenario",
        "seed",
        "months",
        "scale",
        "persons",
        "employers",
        "version",
    ):
        assert key in s
    assert set(s["groups"]) == {"social_assistance", "sheltered_work"}
    assert s["persons"] == small_run.persons.n
    assert s["public_cost_eur"] == pytest.approx(
        s["public_cost_municipality_eur"] + s["public_cost_national_eur"]
    )


def test_monthly_table_is_tidy(small_run):
    t = small_run.monthly_table()
    assert list(t.columns) == ["month", "municipality", "variable", "value"]
    assert set(t.municipality) >= {"all", "Almere", "Urk"}
    stock = t[(t.municipality == "all") & (t.variable.str.startswith("stock_"))]
    per_month = stock.groupby("month")["value"].sum()
    assert per_month.iloc[-1] == small_run.persons.n


def test_kluit_run_twice_gives_identical_summary(tmp_path):
    args = ["run", "scenarios/baseline.toml", "--seed", "1", "--scale", "0.01", "--months", "13"]
    assert main(args + ["--out", str(tmp_path / "a")]) == 0
    assert main(args + ["--out", str(tmp_path / "b")]) == 0
    assert (tmp_path / "a/summary.json").read_bytes() == (tmp_path / "b/summary.json").read_bytes()
    assert (tmp_path / "a/monthly.csv").read_bytes() == (tmp_path / "b/monthly.csv").read_bytes()


def test_bad_input_exits_2_with_file_key_and_allowed(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    base = __import__("pathlib").Path("scenarios/baseline.toml").resolve()
    bad.write_text(f'extends = "{base}"\n[policies.wage_subsidy]\nduration_months = -3\n')
    assert main(["validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.toml" in err and "policies.wage_subsidy.duration_months" in err and "allowed" in err
    assert (
        main(["run", "scenarios/baseline.toml", "--set", "labour_market.separation_rat=0.1"]) == 2
    )
    assert "did you mean" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["run", "scenarios/baseline.toml", "--scale", "0"])
    assert exc.value.code == 2


def test_shock_moves_sector_demand():
    base = LabourMarketModel("scenarios/baseline.toml", rng=4, scale=0.01, months=24)
    shock = LabourMarketModel("scenarios/shocks/reshoring.toml", rng=4, scale=0.01, months=24)
    ind = base.region.sectors.index("industry")
    diff = shock.demand[:, :, ind] - base.demand[:, :, ind]
    assert np.allclose(diff[:12], 0) and np.allclose(diff[12:24], np.log1p(0.08))


def test_monthly_table_has_one_value_per_month_area_and_variable(small_run):
    t = small_run.monthly_table()
    assert not t.duplicated(["month", "municipality", "variable"]).any()
    hires = t[(t.municipality == "all") & (t.variable == "hires")]
    counted = sum(r["counts"].get("hires", 0) for r in small_run.series)
    assert hires["value"].sum() == counted


def test_summary_of_a_run_without_entries_into_social_assistance():
    m = LabourMarketModel("scenarios/validation/textbook.toml", scale=0.01, months=12, rng=3)
    m.run()
    s = m.summary()
    assert s["calibration"]["sa_reentry_all_exits_6m"] in (None, 0.0)


def test_a_cached_burn_in_gives_the_same_run_as_a_fresh_one():
    """The burn-in is kept in memory for the next arm; reusing it must give exactly the run a
    fresh burn-in gives, whatever ran before with the same seed and scale (a shorter run, a
    shock, other instruments). A cache keyed without the run's length failed this."""
    import sim.model as model_module

    def summary(scenario: str, months: int) -> str:
        m = LabourMarketModel(scenario=scenario, rng=3, run__scale=0.02, run__months=months)
        m.run()
        return json.dumps(m.summary(), sort_keys=True, default=str)

    target = ("scenarios/baseline.toml", 24)
    model_module._BURN_IN_CACHE.clear()
    fresh = summary(*target)
    for before in [
        ("scenarios/baseline.toml", 6),
        ("scenarios/shocks/recession.toml", 24),
        ("scenarios/policies/package.toml", 24),
    ]:
        model_module._BURN_IN_CACHE.clear()
        summary(*before)
        assert model_module._BURN_IN_CACHE, "the first run should have filled the cache"
        assert summary(*target) == fresh, f"the run after {before} differs from a fresh one"

"""An instrument is one self-contained component (issue 15, "One home per instrument").

The instruments below are defined in this file, outside ``sim/``, and registered with
:func:`sim.policies.register`: no core file knows them. A scenario and ``--set`` accept their
parameters, the model gets their columns, records their placement field, books their cost item
into the ledger, the summary and the monthly table, resets their column when a job ends, and
calls every hook point through the dispatcher (``model.policies``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from analysis.experiments import placements_frame
from kluit.cli import main
from sim.ledger import Ledger
from sim.model import LabourMarketModel
from sim.params import _p, all_params
from sim.policies import POLICY_NAMES, register, unregister
from sim.policies.base import Column, CostItem, PlacementField, Policy, window_params
from sim.policies.policy_set import HOOKS, InstrumentError
from sim.scenario import ScenarioError, load_scenario
from sim.state import State

ROOT = Path(__file__).resolve().parents[1]
#: a world without the status quo's instruments: every re-integration euro is the mentoring's
BASELINE = ROOT / "scenarios" / "no_instruments.toml"


def _mentored(model, persons):
    return model.persons.mentor_left[persons] > 0


class Mentoring(Policy):
    """A mentor at the employer for every worker placed from the target group (test only)."""

    name = "test_mentoring"
    label = "mentoring at the workplace"
    PERSON_COLUMNS = {"mentor_left": Column(np.int16, "months of mentoring left", reset=0)}
    EMPLOYER_COLUMNS = {"mentees": Column(np.int32, "mentored placements hosted")}
    PLACEMENT_FIELDS = {"mentored": PlacementField(np.bool_, "mentored at the start", _mentored)}
    COST_ITEMS = {"mentoring": CostItem("municipality", "the mentors' hours")}
    PARAMS = [
        *window_params("test_mentoring", "mentoring at the workplace"),
        _p(
            "policies.test_mentoring.months",
            6,
            "months",
            "assumed: a test value",
            "How long a placed worker is mentored.",
            lo=1,
            hi=60,
        ),
        _p(
            "policies.test_mentoring.cost_eur_month",
            200.0,
            "EUR per mentored worker per month",
            "assumed: a test value",
            "Cost of a month of mentoring.",
            lo=0.0,
            hi=10_000.0,
        ),
        _p(
            "policies.test_mentoring.relapse_factor",
            0.5,
            "hazard multiplier",
            "assumed: a test value",
            "Multiplier on the relapse hazard while mentored.",
            lo=0.0,
            hi=1.0,
        ),
    ]

    def setup(self, model):
        self.paid_months = 0

    def on_hire(self, model, persons, employers):
        if not self.active():
            return
        per = model.persons
        placed = per.target_job[persons]
        per.mentor_left[persons[placed]] = self.p["months"]
        np.add.at(model.employers.mentees, employers[placed], 1)

    def touched(self, model, persons):
        if not self.enabled:
            return None
        on = model.persons.mentor_left[persons] > 0
        return on, np.zeros(len(persons), bool)

    def relapse_factor(self, model, persons):
        if not self.enabled:
            return None
        on = model.persons.mentor_left[persons] > 0
        return np.where(on, self.p["relapse_factor"], 1.0)

    def month_end(self, model):
        if not self.enabled:
            return
        per = model.persons
        on = np.flatnonzero((per.mentor_left > 0) & (per.state <= State.POOL))
        model.ledger.book("municipality", "mentoring", len(on) * self.p["cost_eur_month"])
        self.paid_months += len(on)
        per.mentor_left[on] -= 1


@pytest.fixture
def mentoring():
    register(Mentoring)
    try:
        yield Mentoring
    finally:
        unregister(Mentoring.name)


def _scenario_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mentoring.toml"
    # no burn-in: the plumbing is under test, and a burn-in would run the mentoring before month 0
    path.write_text(
        f'extends = "{BASELINE.as_posix()}"\nname = "mentoring"\nrun.burn_in_months = 0\n{body}'
    )
    return path


def test_an_instrument_defined_outside_sim_runs_in_a_scenario(mentoring, tmp_path):
    path = _scenario_file(tmp_path, "[policies.test_mentoring]\nenabled = true\nmonths = 8\n")
    scen = load_scenario(path).with_overrides(["policies.test_mentoring.cost_eur_month=300"])
    assert scen["policies.test_mentoring.months"] == 8
    assert scen["policies.test_mentoring.cost_eur_month"] == 300.0
    assert scen.policy_enabled("test_mentoring")
    m = LabourMarketModel(scen, scale=0.03, months=24, rng=3, check=True)
    assert {"mentor_left"} <= set(m.persons.names())
    assert "mentees" in m.employers.names() and "mentored" in m.placements.names()
    m.run()
    pol = m.policies["test_mentoring"]
    pl, per = m.placements, m.persons
    s = m.summary()

    # the placement field is recorded, and written with the placements table
    n_mentored = int(pl.mentored.sum())
    assert n_mentored > 10
    frame = placements_frame(m)
    assert frame["mentored"].dtype == bool and int(frame["mentored"].sum()) == n_mentored
    assert int(m.employers.mentees.sum()) == n_mentored
    # the cost item reaches the ledger, the summary, the monthly table and re-integration cost
    cost = s["costs"]["municipality"]["mentoring"]
    assert cost == pytest.approx(300.0 * pol.paid_months) and cost > 0
    monthly = m.monthly_table()
    booked = monthly[monthly.variable == "cost_municipality_mentoring_eur"]["value"].sum()
    assert booked == pytest.approx(cost)
    reint = sum(
        v
        for payer in ("municipality", "national")
        for k, v in s["costs"][payer].items()
        if k in ("training", "mentoring")
    )
    assert s["reintegration_cost_eur"] == pytest.approx(reint)
    # the decisiveness record counts it; its column resets when a job ends
    assert s["instruments"]["test_mentoring"]["touched"] == n_mentored
    assert "test_mentoring" in s["policies"]
    ended = pl.mentored & (pl.end_month >= 0) & (pl.end_month - pl.month < 8)
    assert ended.any()
    assert (per.mentor_left[per.state > State.POOL] == 0).all()
    # agents show the instrument's columns
    placed = int(pl.person[pl.end_month < 0][0])
    assert m.person_agents[placed].mentor_left == int(per.mentor_left[placed])


def test_the_cli_accepts_the_instruments_parameters(mentoring, tmp_path, capsys):
    out = tmp_path / "run"
    rc = main(
        [
            "run",
            str(BASELINE),
            "--set",
            "policies.test_mentoring.enabled=true",
            "--set",
            "policies.test_mentoring.cost_eur_month=250",
            "--scale",
            "0.02",
            "--months",
            "8",
            "--seed",
            "2",
            "--out",
            str(out),
        ]
    )
    assert rc == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["costs"]["municipality"]["mentoring"] > 0
    assert "mentored" in (out / "placements.csv").read_text().splitlines()[0].split(",")
    assert (
        main(
            [
                "run",
                str(BASELINE),
                "--set",
                "policies.test_mentoring.cost_eur_month=-5",
                "--out",
                str(tmp_path / "bad"),
            ]
        )
        == 2
    )
    err = capsys.readouterr().err
    assert "policies.test_mentoring.cost_eur_month" in err and "from 0 to 10000" in err


def test_a_scenario_names_the_bad_value_of_a_registered_instrument(mentoring, tmp_path):
    path = _scenario_file(tmp_path, "[policies.test_mentoring]\nmonths = 0\n")
    with pytest.raises(ScenarioError) as exc:
        load_scenario(path)
    assert "policies.test_mentoring.months" in str(exc.value)


def test_unregister_removes_the_instrument(mentoring):
    assert "test_mentoring" in POLICY_NAMES
    assert "policies.test_mentoring.months" in all_params()
    unregister("test_mentoring")
    try:
        assert "test_mentoring" not in POLICY_NAMES
        assert not any(k.startswith("policies.test_mentoring.") for k in all_params())
        assert "test_mentoring" not in LabourMarketModel(scale=0.005, months=1).policies.names()
    finally:
        register(Mentoring)  # the fixture unregisters it again


class Recorder(Policy):
    """Implements every hook point, acts at none, and notes which ones the model called."""

    name = "test_recorder"
    label = "a recorder of hook calls"
    PARAMS = window_params("test_recorder", "a recorder of hook calls")
    COST_ITEMS = {"recorder_sick_pay": CostItem("national", "nothing: it covers nobody")}
    SICK_PAY_ITEM = "recorder_sick_pay"
    called: set[str] = set()


def _recording(hook):
    def method(self, model, *args):
        Recorder.called.add(hook)
        return None

    return method


for _hook in HOOKS:
    setattr(Recorder, _hook, _recording(_hook))


def test_every_hook_point_reaches_an_instrument_and_a_silent_one_changes_nothing():
    def run():
        m = LabourMarketModel(BASELINE, scale=0.02, months=14, rng=4)
        m.run()
        return m.summary(), m.placements.n

    before, n_before = run()
    register(Recorder)
    Recorder.called.clear()
    try:
        after, n_after = run()
    finally:
        unregister(Recorder.name)
    assert Recorder.called == set(HOOKS)
    assert n_after == n_before > 0
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)


def _instrument(**attrs):
    name = attrs.pop("name", "test_bad")
    params = attrs.pop("PARAMS", window_params(name, "a bad one"))
    return type("Bad", (Policy,), {"name": name, "label": "a bad one", "PARAMS": params, **attrs})


def _sick_cover(self, model, sick):
    return None


@pytest.mark.parametrize(
    "attrs, says",
    [
        ({"name": "wage_subsidy"}, "registered already"),
        ({"name": "Bad Name"}, "lower-case letters"),
        (
            {"PARAMS": [_p("policies.other.enabled", False, "switch", "design", "x")]},
            "must start with 'policies.test_bad.'",
        ),
        (
            {"PARAMS": [_p("policies.test_bad.enabled", False, "switch", "design", "x")]},
            "window_params",
        ),
        ({"PERSON_COLUMNS": {"state": Column(np.int8, "x")}}, "the core uses this name"),
        (
            {"PERSON_COLUMNS": {"support_kind": Column(np.int32, "x")}},
            "differs from the declaration",
        ),
        ({"PERSON_COLUMNS": {"x": (np.int8, 0)}}, "must be a Column"),
        ({"EMPLOYER_COLUMNS": {"x": Column(np.int8, "x", reset=0)}}, "reset is for persons only"),
        (
            {"PLACEMENT_FIELDS": {"kind": PlacementField(np.int8, "x", _mentored)}},
            "the core uses this name",
        ),
        ({"COST_ITEMS": {"training": CostItem("municipality", "x")}}, "the core uses this name"),
        (
            {"COST_ITEMS": {"wage_subsidy": CostItem("national", "x")}},
            "differs from the declaration",
        ),
        ({"sick_cover": _sick_cover}, "SICK_PAY_ITEM"),
    ],
)
def test_register_refuses_an_incomplete_or_clashing_instrument(attrs, says):
    with pytest.raises(InstrumentError) as exc:
        register(_instrument(**attrs))
    assert says in str(exc.value)
    assert "test_bad" not in POLICY_NAMES


def test_the_ledger_refuses_an_undeclared_cost_item():
    ledger = Ledger()
    ledger.book("municipality", "training", 10.0)
    with pytest.raises(ValueError, match="not declared"):
        ledger.book("municipality", "mentoring", 10.0)
    with pytest.raises(ValueError, match="not declared"):
        ledger.book("national", "training", 10.0)  # declared for another payer

"""Agent views registered in bulk (``sim.agents.add_views``) are the agents Mesa would make."""

from __future__ import annotations

import mesa
import numpy as np
from mesa.experimental.mesa_signals import ModelSignals

import sim.agents
from sim.agents import Employer, Person, Worker, add_views
from sim.model import LabourMarketModel


def _fingerprint(model):
    return [
        (type(a).__name__, a.unique_id, getattr(a, "row", None), sorted(vars(a)))
        for a in model.agents
    ]


def test_bulk_registration_equals_agent_init(monkeypatch):
    fast = LabourMarketModel(scale=0.01, months=6, rng=3)
    fast.run()
    monkeypatch.setattr(sim.agents, "_can_register_fast", lambda model, classes: False)
    slow = LabourMarketModel(scale=0.01, months=6, rng=3)
    slow.run()
    assert _fingerprint(fast) == _fingerprint(slow)
    assert list(fast.agents_by_type) == list(slow.agents_by_type)
    for cls in fast.agents_by_type:
        assert [a.unique_id for a in fast.agents_by_type[cls]] == [
            a.unique_id for a in slow.agents_by_type[cls]
        ]
    assert fast.agent_id_counter == slow.agent_id_counter


def test_every_person_and_employer_has_a_view_onto_its_row():
    m = LabourMarketModel(scale=0.01, months=12, rng=2)
    n0 = m.persons.n
    m.run()
    people = [a for a in m.agents if isinstance(a, Person)]
    assert len(people) == m.persons.n > n0  # entrants got their views too
    assert [a.row for a in people] == list(range(m.persons.n))
    assert [a.state_code for a in people] == m.persons.state.tolist()
    employers = list(m.agents_by_type[Employer])
    assert [a.row for a in employers] == list(range(m.employers.n))
    a = people[5]
    a.months_out = 17  # a view writes its own row
    assert m.persons.months_out[5] == 17


def test_observed_additions_use_the_ordinary_path():
    model = mesa.Model(rng=1)
    seen = []

    def handler(signal):
        seen.append(signal)

    model.observe("agents", ModelSignals.AGENT_ADDED, handler)
    views = add_views(model, [Worker] * 4, range(4))
    assert len(seen) == 4
    assert [v.row for v in views] == [0, 1, 2, 3]
    assert np.array_equal([v.unique_id for v in views], [1, 2, 3, 4])

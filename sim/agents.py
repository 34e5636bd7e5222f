"""Mesa agents as light views onto rows of the model's state arrays.

Users, notebooks and the UI see ordinary Mesa agents (``model.agents``, ``agents_by_type``);
their attributes read and write the row of their own model's arrays, so two models in one
process stay independent. The monthly processes work on the arrays directly.
"""

from __future__ import annotations

import gc
import logging

import mesa
import numpy as np
from mesa.agentset import _HardKeyAgentSet
from mesa.experimental.mesa_signals import ModelSignals

from sim.state import STATE_NAMES, State


def _instrument_column(obj, table: str, declared: str, name: str):
    """The agent's value in a column an instrument declared (``Policy.PERSON_COLUMNS`` /
    ``EMPLOYER_COLUMNS``), so agents show the instruments' state like their own."""
    model = obj.__dict__.get("model")
    policies = getattr(model, "policies", None)
    if name.startswith("_") or policies is None or name not in getattr(policies, declared):
        raise AttributeError(f"{type(obj).__name__!r} object has no attribute {name!r}")
    return getattr(model, table).column(name)[obj.row].item()


class Column:
    """Descriptor: attribute ``name`` of the agent's row in ``model.<table>``."""

    def __init__(self, table: str, name: str, cast=None):
        self.table, self.name, self.cast = table, name, cast

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        v = getattr(obj.model, self.table).column(self.name)[obj.row]
        return self.cast(v) if self.cast else v.item()

    def __set__(self, obj, value):
        getattr(obj.model, self.table).column(self.name)[obj.row] = value


def _can_register_fast(model, classes) -> bool:
    """True when registering agents in bulk is indistinguishable from ``Agent.__init__``.

    That holds when the classes use the plain view constructor (``__init__(model, row)``, which
    only stores the row), nothing observes agent additions (no handler, no signal batch), no Mesa
    dataset tracks the classes, debug logging is off, and the model has Mesa 3.5's registries.
    """
    try:
        return (
            all(cls.__init__ in (Person.__init__, Employer.__init__) for cls in classes)
            and isinstance(model._all_agents, _HardKeyAgentSet)
            and isinstance(model._all_agents._agents, dict)
            and isinstance(model.agent_id_counter, int)
            and model._batch_context is None
            and not model._has_subscribers("agents", ModelSignals.AGENT_ADDED)
            and not any(cls._datasets for cls in classes)
            and not logging.getLogger("MESA").isEnabledFor(logging.DEBUG)
        )
    except AttributeError:  # another Mesa version: use the ordinary path
        return False


def add_views(model, classes, rows) -> list:
    """Create and register one agent view per row (``classes[i]`` for ``rows[i]``).

    Same result as ``[cls(model, row) for cls, row in zip(classes, rows)]`` (same objects,
    ``unique_id`` order, ``model.agents`` and ``agents_by_type`` order) but about five times
    faster: at full scale the model has some 270,000 agents, and calling ``Agent.__init__``
    for each (registration, signal emission, logging) dominated the start-up. Falls back to
    the ordinary constructor when anything observes agent additions.
    """
    classes = list(classes)
    rows = list(rows)
    if not _can_register_fast(model, set(classes)):
        return [cls(model, row) for cls, row in zip(classes, rows)]
    new = object.__new__
    uid = model.agent_id_counter
    out: list = []
    by_type = model._agents_by_type
    gc_was_on = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects would trigger many useless collections
    try:
        start = 0
        n = len(rows)
        while start < n:  # runs of one class, in row order (keeps agents_by_type's order)
            cls = classes[start]
            stop = start + 1
            while stop < n and classes[stop] is cls:
                stop += 1
            chunk = []
            for row in rows[start:stop]:
                a = new(cls)
                a.model = model
                a.unique_id = uid
                a.pos = None
                a.row = row
                uid += 1
                chunk.append(a)
            model._all_agents._agents.update(dict.fromkeys(chunk))
            if cls in by_type:
                by_type[cls]._agents.update(dict.fromkeys(chunk))
            else:
                by_type[cls] = _HardKeyAgentSet(chunk, random=model.random)
            out += chunk
            start = stop
        model.agent_id_counter = uid
    finally:
        if gc_was_on:
            gc.enable()
    return out


class Person(mesa.Agent):
    """A person of the region's labour force (or of its target groups)."""

    state_code = Column("persons", "state", int)
    home = Column("persons", "home", int)
    sector = Column("persons", "sector", int)
    level = Column("persons", "level", int)
    wage_value = Column("persons", "wage_value", float)
    sickness = Column("persons", "sickness", float)
    resilience = Column("persons", "resilience", float)
    months_out = Column("persons", "months_out", int)
    employer_row = Column("persons", "employer", int)
    job_start = Column("persons", "job_start", int)
    ready = Column("persons", "ready", bool)

    def __init__(self, model, row: int):
        super().__init__(model)
        self.row = row

    def __getattr__(self, name: str):
        return _instrument_column(self, "persons", "person_columns", name)

    @property
    def state(self) -> str:
        return STATE_NAMES[self.state_code]

    @property
    def municipality(self) -> str:
        return self.model.region.names[self.home]

    @property
    def employer(self):
        """The Employer agent of the current job, or None."""
        r = self.employer_row
        return None if r < 0 else self.model.employer_agents[r]

    @property
    def history(self) -> list[tuple[int, str, str, str]]:
        """(month, from, to, cause) of every state change of this person."""
        return self.model.log.for_person(self.row)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.row} {self.state} in {self.municipality}>"


class Worker(Person):
    """A member of the regular labour force (employed, or unemployed with or without WW)."""


class Jobseeker(Person):
    """A person who was on social assistance (bijstand) when entering the model."""


class ShelteredWorker(Person):
    """A sheltered-work participant (sociale werkvoorziening / beschut werk) at the start."""


PERSON_CLASSES = {0: Worker, 1: Jobseeker, 2: ShelteredWorker}


class Employer(mesa.Agent):
    """An establishment: sector, size, location, vacancies, work pressure, openness."""

    node = Column("employers", "node", int)
    sector = Column("employers", "sector", int)
    headcount = Column("employers", "headcount", int)
    vacancies = Column("employers", "vacancies", int)
    target = Column("employers", "target", float)
    pressure = Column("employers", "pressure", float)
    openness = Column("employers", "openness", float)
    slack = Column("employers", "slack", float)

    def __init__(self, model, row: int):
        super().__init__(model)
        self.row = row

    def __getattr__(self, name: str):
        return _instrument_column(self, "employers", "employer_columns", name)

    @property
    def municipality(self) -> str:
        return self.model.region.names[self.node]

    @property
    def sector_name(self) -> str:
        return self.model.region.sectors[self.sector]

    def knows(self, instrument: str) -> bool:
        """Whether the employer counts the instrument (by name) when it hires: it knew it at
        the start or learned it from a placement."""
        bit = self.model.policies[instrument].bit
        return bool(self.model.employers.knows[self.row] & bit)

    def employees(self) -> np.ndarray:
        """Rows of the persons employed here now."""
        per = self.model.persons
        return np.flatnonzero(per.employer == self.row)


class School(mesa.Agent):
    """A school (ROC/MBO) in a municipality that trains jobseekers; programmes per sector."""

    def __init__(self, model, node: int):
        super().__init__(model)
        self.node = node

    @property
    def capacity(self) -> int:
        return int(self.model.school_capacity[self.node])

    @property
    def participants(self) -> int:
        per = self.model.persons
        return int(((per.state == State.TRAINING) & (per.home == self.node)).sum())


class Municipality(mesa.Agent):
    """A municipality of the region: pays bijstand and most re-integration instruments."""

    def __init__(self, model, node: int, name: str):
        super().__init__(model)
        self.node, self.name = node, name

    def stock(self, state: State) -> int:
        per = self.model.persons
        return int(((per.state == state) & (per.home == self.node)).sum())


class EmployerServicePoint(mesa.Agent):
    """The region's employer service point (Werkgeversservicepunt) that brokers placements."""

    @property
    def brokered_last_month(self) -> int:
        return int(self.model.month_counts.get("brokered", 0))

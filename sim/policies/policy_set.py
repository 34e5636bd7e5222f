"""``PolicySet``: the instruments of one run and the one way the core calls them.

The model holds one ``PolicySet`` (``model.policies``). It builds what the instruments declare
(their person and employer columns, placement fields and cost items, see
:mod:`sim.policies.base`) into the model's tables and ledger, and has one typed method per hook
point, which the processes call instead of looping over the instruments themselves. It calls a
hook only on the instruments that implement it, in ``POLICY_CLASSES`` order (the order matters:
multipliers are multiplied and hiring values added in that order, later job kinds and return
states override earlier ones). It is also a sequence of the instruments
(``model.policies[i]``, ``model.policies["wage_subsidy"]``, iteration), bit ``i`` of the
``knows`` / ``touched`` / ``decisive`` masks being ``model.policies[i]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import numpy as np

from sim.ledger import CORE_ITEMS, CostItem
from sim.policies.base import Column, PlacementField, Policy
from sim.state import EMPLOYER_COLUMNS, PERSON_COLUMNS, PLACEMENT_COLUMNS

#: the hook points, in the order of a month (``setup`` once at the start)
HOOKS = (
    "setup",
    "month_start",
    "adjust_targets",
    "sick_cover",
    "separation_factor",
    "relapse_factor",
    "return_state",
    "on_job_end",
    "forecast",
    "search_factor",
    "first_hires",
    "extra_applications",
    "hiring_value",
    "job_kind",
    "on_hire",
    "touched",
    "month_end",
    "outcomes",
)
#: the declarations an instrument may make (class attribute -> kind of entry)
DECLARATIONS = {
    "PERSON_COLUMNS": Column,
    "EMPLOYER_COLUMNS": Column,
    "PLACEMENT_FIELDS": PlacementField,
    "COST_ITEMS": CostItem,
}
#: names the core uses already (``ties`` is the persons' social-network column)
CORE_NAMES = {
    "PERSON_COLUMNS": {*PERSON_COLUMNS, "ties"},
    "EMPLOYER_COLUMNS": set(EMPLOYER_COLUMNS),
    "PLACEMENT_FIELDS": set(PLACEMENT_COLUMNS),
    "COST_ITEMS": set(CORE_ITEMS),
}
#: the masks of instruments (``knows``, ``touched``, ``decisive``) are int32: one bit each
MAX_INSTRUMENTS = 31
_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


class InstrumentError(ValueError):
    """An instrument's declarations are incomplete or clash with the core or another one."""


def _implements(cls: type, hook: str) -> bool:
    return getattr(cls, hook) is not getattr(Policy, hook)


def check_instrument(cls: type, others: Sequence[type[Policy]] = ()) -> None:
    """Raise :class:`InstrumentError` unless ``cls`` is a complete instrument that can run next
    to ``others``: a Policy with a name, its parameters under ``policies.<name>.`` (with the
    switch and window), declarations of the right kind that clash with nothing of the core and
    agree with the other instruments' declarations of the same name."""
    if not (isinstance(cls, type) and issubclass(cls, Policy)):
        raise InstrumentError(f"{cls!r} is not a subclass of sim.policies.base.Policy")
    name = cls.name
    if not isinstance(name, str) or not _NAME.match(name):
        raise InstrumentError(
            f"{cls.__name__}.name {name!r}: allowed: lower-case letters, digits "
            "and '_', starting with a letter"
        )
    if any(o.name == name for o in others):
        raise InstrumentError(f"an instrument named {name!r} is registered already")
    if len(others) >= MAX_INSTRUMENTS:
        raise InstrumentError(
            f"{name}: at most {MAX_INSTRUMENTS} instruments (one bit each in "
            "the employers' and placements' instrument masks)"
        )
    keys = [p.key for p in cls.PARAMS]
    prefix = f"policies.{name}."
    stray = [k for k in keys if not k.startswith(prefix)]
    if stray:
        raise InstrumentError(f"{name}: parameters {stray} must start with {prefix!r}")
    if len(set(keys)) != len(keys):
        raise InstrumentError(f"{name}: a parameter is declared twice")
    missing = [
        f"{prefix}{k}"
        for k in ("enabled", "start_month", "end_month")
        if f"{prefix}{k}" not in keys
    ]
    if missing:
        raise InstrumentError(
            f"{name}: missing {missing}; start PARAMS with window_params({name!r}, label)"
        )
    for attr, kind in DECLARATIONS.items():
        decl = getattr(cls, attr)
        if not isinstance(decl, dict):
            raise InstrumentError(f"{name}.{attr} must be a dict of name -> {kind.__name__}")
        for key, spec in decl.items():
            if not isinstance(spec, kind):
                raise InstrumentError(f"{name}.{attr}[{key!r}] must be a {kind.__name__}")
            if key in CORE_NAMES[attr]:
                raise InstrumentError(f"{name}.{attr}[{key!r}]: the core uses this name")
            for o in others:
                if key in getattr(o, attr) and getattr(o, attr)[key] != spec:
                    raise InstrumentError(
                        f"{name}.{attr}[{key!r}] differs from the declaration "
                        f"of {o.name} (share the same object to share it)"
                    )
    for key, col in cls.EMPLOYER_COLUMNS.items():
        if col.reset is not None:
            raise InstrumentError(f"{name}.EMPLOYER_COLUMNS[{key!r}]: reset is for persons only")
    if _implements(cls, "sick_cover") and cls.SICK_PAY_ITEM not in cls.COST_ITEMS:
        raise InstrumentError(
            f"{name} covers sick pay: SICK_PAY_ITEM must name one of its COST_ITEMS"
        )


def merged(classes: Iterable[type[Policy]], attr: str) -> dict[str, Any]:
    """One declaration (``attr``) over all ``classes``, in their order; a name declared by
    several instruments (e.g. the support columns of job coaching and the root ball) once."""
    out: dict[str, Any] = {}
    for cls in classes:
        for key, spec in getattr(cls, attr).items():
            out.setdefault(key, spec)
    return out


class PolicySet(Sequence[Policy]):
    """Every instrument of one run (switched-off ones do nothing) and their hooks."""

    def __init__(self, model, classes: Sequence[type[Policy]]):
        self.model = model
        self._all: list[Policy] = [cls(model) for cls in classes]
        for i, pol in enumerate(self._all):
            pol.index = i  # its bit in the per-placement and per-employer masks
        self._by_name = {pol.name: pol for pol in self._all}
        self._hooked = {h: [p for p in self._all if _implements(type(p), h)] for h in HOOKS}
        self.person_columns: dict[str, Column] = merged(classes, "PERSON_COLUMNS")
        self.employer_columns: dict[str, Column] = merged(classes, "EMPLOYER_COLUMNS")
        self.placement_fields: dict[str, PlacementField] = merged(classes, "PLACEMENT_FIELDS")
        self.cost_items: dict[str, CostItem] = merged(classes, "COST_ITEMS")
        self._resets = {k: c.reset for k, c in self.person_columns.items() if c.reset is not None}
        # the tables may hold them already: a burn-in ran its own instruments on them first
        for k, c in self.person_columns.items():
            if k not in model.persons.names():
                model.persons.add_column(k, c.dtype, fill=c.fill)
        for k, c in self.employer_columns.items():
            if k not in model.employers.names():
                model.employers.add_column(k, c.dtype, fill=c.fill)
        for k, f in self.placement_fields.items():
            if k not in model.placements.names():
                model.placements.add_column(k, f.dtype)
        for k, cost in self.cost_items.items():
            model.ledger.declare(k, cost)

    # --- the instruments as a sequence ------------------------------------------------------
    @overload
    def __getitem__(self, key: int | str) -> Policy: ...
    @overload
    def __getitem__(self, key: slice) -> list[Policy]: ...
    def __getitem__(self, key):
        """By position (its bit) or by name."""
        return self._by_name[key] if isinstance(key, str) else self._all[key]

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[Policy]:
        return iter(self._all)

    def names(self) -> list[str]:
        return [p.name for p in self._all]

    # --- the month ----------------------------------------------------------------------------
    def setup(self) -> None:
        """Once, after the population and the employers' traits are drawn."""
        for pol in self._hooked["setup"]:
            pol.setup(self.model)

    def month_start(self) -> None:
        for pol in self._hooked["month_start"]:
            pol.month_start(self.model)

    def adjust_targets(self) -> None:
        """After the employers' desired sizes moved with demand."""
        for pol in self._hooked["adjust_targets"]:
            pol.adjust_targets(self.model)

    def month_end(self) -> None:
        """End of the month: the instruments pay and end expired support."""
        for pol in self._hooked["month_end"]:
            pol.month_end(self.model)

    # --- multipliers on hazards and search ----------------------------------------------------
    def _product(self, hook: str, persons: np.ndarray) -> np.ndarray | None:
        out = None
        for pol in self._hooked[hook]:
            f = getattr(pol, hook)(self.model, persons)
            if f is not None:
                out = f if out is None else out * f
        return out

    def search_factor(self, persons: np.ndarray) -> np.ndarray | None:
        """Product of the instruments' multipliers on these searchers' application intensity
        (None when no instrument acts)."""
        return self._product("search_factor", persons)

    def separation_factor(self, persons: np.ndarray) -> np.ndarray | None:
        """Product of the multipliers on these workers' ordinary separation hazard."""
        return self._product("separation_factor", persons)

    def relapse_factor(self, persons: np.ndarray) -> np.ndarray | None:
        """Product of the multipliers on these placed workers' relapse hazard."""
        return self._product("relapse_factor", persons)

    # --- hiring ---------------------------------------------------------------------------------
    def first_hires(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(persons, employers) that employers consider first this month, before the market
        (e.g. a work-placement host and the person it prepared), or None."""
        got = [
            x
            for pol in self._hooked["first_hires"]
            if (x := pol.first_hires(self.model)) is not None
        ]
        if not got:
            return None
        return (np.concatenate([g[0] for g in got]), np.concatenate([g[1] for g in got]))

    def extra_applications(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(persons, vacancy slots) the instruments introduce directly this month, or None."""
        got = [
            x
            for pol in self._hooked["extra_applications"]
            if (x := pol.extra_applications(self.model)) is not None
        ]
        if not got:
            return None
        return (np.concatenate([g[0] for g in got]), np.concatenate([g[1] for g in got]))

    def hiring_value(
        self, persons: np.ndarray, employers: np.ndarray, ctx: dict[str, Any]
    ) -> dict[str, np.ndarray]:
        """Each acting instrument's contribution (EUR/month) to the employers' judgement of the
        (person, employer) pairs, by name in instrument order; instruments may lower
        ``ctx["perceived_sick_risk"]`` in place."""
        out: dict[str, np.ndarray] = {}
        for pol in self._hooked["hiring_value"]:
            extra = pol.hiring_value(self.model, persons, employers, ctx)
            if extra is not None:
                out[pol.name] = extra
        return out

    def job_kind(self, persons: np.ndarray, employers: np.ndarray, kind: np.ndarray) -> np.ndarray:
        """The kind of job (State code) each hire starts, after every instrument's say."""
        for pol in self._hooked["job_kind"]:
            k = pol.job_kind(self.model, persons, employers, kind)
            if k is not None:
                kind = k.astype(np.int8)
        return kind

    def on_hire(self, persons: np.ndarray, employers: np.ndarray) -> None:
        """After hires (all kinds): the instruments start their support of the hired."""
        for pol in self._hooked["on_hire"]:
            pol.on_hire(self.model, persons, employers)

    def record_placements(self, rows: np.ndarray, persons: np.ndarray) -> None:
        """Write the declared placement fields of placements ``rows`` (of ``persons``)."""
        pl = self.model.placements
        for k, f in self.placement_fields.items():
            pl.column(k)[rows] = f.record(self.model, persons)

    def touched(self, persons: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Bit masks (touched, decisive) per placed person of the instruments that act on the
        placement outside the hiring value (a subsidy granted, a pool job, support)."""
        t = np.zeros(len(persons), np.int32)
        d = np.zeros(len(persons), np.int32)
        for pol in self._hooked["touched"]:
            got = pol.touched(self.model, persons)
            if got is not None:
                bit = np.int32(pol.bit)
                t = t | np.where(got[0], bit, np.int32(0))
                d = d | np.where(got[1], bit, np.int32(0))
        return t, d

    # --- the end of a job -----------------------------------------------------------------------
    def return_state(self, persons: np.ndarray, dest: np.ndarray) -> np.ndarray:
        """The state each person whose job ends goes to: ``dest`` unless an instrument says
        otherwise (e.g. sheltered work under a right to return)."""
        for pol in self._hooked["return_state"]:
            r = pol.return_state(self.model, persons)
            if r is not None:
                dest = np.where(r >= 0, r, dest).astype(np.int8)
        return dest

    def job_end(self, persons: np.ndarray) -> None:
        """These persons' jobs end: the instruments' ``on_job_end``, then their columns go back
        to the declared ``reset`` values."""
        for pol in self._hooked["on_job_end"]:
            pol.on_job_end(self.model, persons)
        per = self.model.persons
        for k, v in self._resets.items():
            per.column(k)[persons] = v

    def sick_cover(self, sick: np.ndarray, wage: np.ndarray) -> np.ndarray:
        """Bool per sick worker: an instrument pays this month's sick pay (``wage``), booked
        under its ``SICK_PAY_ITEM``; the first instrument that covers a worker pays."""
        covered = np.zeros(len(sick), bool)
        for pol in self._hooked["sick_cover"]:
            c = pol.sick_cover(self.model, sick)
            if c is None:
                continue
            pays = c & ~covered
            item = pol.SICK_PAY_ITEM
            assert item is not None  # checked at registration
            self.model.ledger.book(pol.COST_ITEMS[item].payer, item, float(wage[pays].sum()))
            covered |= c
        return covered

    # --- results --------------------------------------------------------------------------------
    def outcomes(self) -> dict[str, dict]:
        """{group: outcomes} of the groups the instruments create (e.g. the people root-ball
        preparation prepared), for ``summary()["groups"]``; later instruments win a clash."""
        out: dict[str, dict] = {}
        for pol in self._hooked["outcomes"]:
            out.update(pol.outcomes(self.model) or {})
        return out

    # --- schools --------------------------------------------------------------------------------
    def forecast(self, horizon: int, accuracy: float) -> tuple[int, float]:
        """(horizon in months, accuracy) of the schools' forecast: the default given, unless an
        instrument replaces it (the last one that does)."""
        for pol in self._hooked["forecast"]:
            f = pol.forecast(self.model)
            if f is not None:
                horizon, accuracy = f
        return horizon, accuracy

"""The small interface every policy instrument implements: declarations and hooks.

An instrument is one self-contained class. It *declares* what it brings to the model:

- ``PARAMS``: its parameters (keys ``policies.<name>.*``, starting with
  :func:`window_params`); they join the registry, so scenario files, ``--set`` and the UI
  accept them;
- ``PERSON_COLUMNS`` / ``EMPLOYER_COLUMNS``: the columns it keeps in the persons and employers
  tables (:class:`Column`: dtype, fill value of new rows, and for persons the value the column
  returns to when the person's job ends);
- ``PLACEMENT_FIELDS``: what the placements table records about it at each hire
  (:class:`PlacementField`);
- ``COST_ITEMS``: the ledger items it books (:class:`~sim.ledger.CostItem`: payer, and whether
  it counts as re-integration spending), and ``SICK_PAY_ITEM``, the item under which the sick
  pay of the workers it covers (``sick_cover``) is booked.

The core builds the tables, the resets at the end of a job, the placement records and the
cost categories from these declarations, and calls the instrument only through the hooks below,
dispatched by :class:`~sim.policies.policy_set.PolicySet` (``model.policies``). Every hook is
optional; a policy that is switched off or outside its active window simply returns nothing,
so processes never test which policy is on. Each hook gets the model and the rows it concerns,
and returns either ``None`` (no effect) or an array aligned with those rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from sim.ledger import CostItem
from sim.schema import Param, _p

if TYPE_CHECKING:  # pragma: no cover
    from sim.model import LabourMarketModel

__all__ = ["Column", "CostItem", "PlacementField", "Policy", "window_params"]


@dataclass(frozen=True)
class Column:
    """A column an instrument keeps in the persons or employers table.

    ``fill`` is the value of every row at the start and of rows added later (entrants, new
    employers). ``reset`` (persons only): the value the column returns to when the person's job
    ends, whatever the reason; None keeps it.
    """

    dtype: Any
    doc: str
    fill: Any = 0
    reset: Any = None


@dataclass(frozen=True)
class PlacementField:
    """A field of the placements table that an instrument records at each target-group hire.

    ``record(model, persons)`` gives the value per placed person, called after every
    instrument's ``on_hire``.
    """

    dtype: Any
    doc: str
    record: Callable[[Any, np.ndarray], np.ndarray]


def window_params(name: str, label: str) -> list[Param]:
    """The parameters every instrument shares: switch, start month and end month."""
    return [
        _p(f"policies.{name}.enabled", False, "switch", "design", f"Switch {label} on."),
        _p(
            f"policies.{name}.start_month",
            0,
            "month",
            "design: instruments often start late",
            f"First month in which {label} runs.",
            lo=0,
            hi=1200,
        ),
        _p(
            f"policies.{name}.end_month",
            -1,
            "month",
            "design: instruments are often cut when a new government takes office",
            f"Month in which {label} stops (-1: never). People already placed with it lose "
            "its support from then on.",
            lo=-1,
            hi=1200,
        ),
    ]


class Policy:
    """Base class: stores its parameters and knows when it is active."""

    name: str = ""
    label: str = ""
    PARAMS: list[Param] = []
    #: columns of the persons table this instrument writes (name -> Column)
    PERSON_COLUMNS: dict[str, Column] = {}
    #: columns of the employers table this instrument writes (name -> Column)
    EMPLOYER_COLUMNS: dict[str, Column] = {}
    #: fields of the placements table recorded at the hire (name -> PlacementField)
    PLACEMENT_FIELDS: dict[str, PlacementField] = {}
    #: ledger items this instrument books (item -> CostItem)
    COST_ITEMS: dict[str, CostItem] = {}
    #: the item of COST_ITEMS under which the sick pay of covered workers is booked
    SICK_PAY_ITEM: str | None = None
    #: position in ``model.policies``: the instrument's bit in ``employers.knows`` and in the
    #: placements' ``touched`` / ``decisive`` masks
    index: int = 0

    def __init__(self, model: LabourMarketModel):
        self.model = model
        prefix = f"policies.{self.name}."
        self.p = {k[len(prefix) :]: v for k, v in model.p.items() if k.startswith(prefix)}
        self.enabled = bool(self.p.get("enabled", False))
        self.spent_eur = 0.0
        for shock in model.shocks:  # a dated policy stop overrides a later end month
            if shock.kind == "policy_stop" and shock.policy == self.name:
                end = self.p.get("end_month", -1)
                self.p["end_month"] = shock.month if end < 0 else min(end, shock.month)

    # --- activity ------------------------------------------------------------------------
    def active(self, month: int | None = None) -> bool:
        """True while the instrument runs: enabled, started and not stopped."""
        if not self.enabled:
            return False
        m = self.model.month if month is None else month
        end = self.p.get("end_month", -1)
        return m >= self.p.get("start_month", 0) and (end < 0 or m < end)

    # --- whom it reaches ------------------------------------------------------------------
    @property
    def bit(self) -> int:
        return 1 << self.index

    def inform(self, model, share: float) -> None:
        """At set-up: a random ``share`` of the employers know the instrument when they hire."""
        e = model.employers
        know = model.streams.policies.random(e.n) < share
        e.knows[know] |= np.int32(self.bit)

    def informed(self, model, employers: np.ndarray, ctx) -> np.ndarray:
        """Bool per pair: the employer counts this instrument in its decision, because it knows
        it (at set-up, or learned from an earlier placement) or because the employer service
        point brought the candidate and the instrument along (``ctx["brokered"]``)."""
        k = (model.employers.knows[employers] & np.int32(self.bit)) != 0
        b = ctx.get("brokered")
        return k if b is None else (k | b)

    # --- hooks (all optional) --------------------------------------------------------------
    def setup(self, model) -> None:
        """Called once after the population is built."""

    def month_start(self, model) -> None:
        """Called at the start of every month, before the processes."""

    def adjust_targets(self, model) -> None:
        """Called after employers' desired sizes moved (work pools set their own here)."""

    def search_factor(self, model, persons: np.ndarray) -> np.ndarray | None:
        """Multiplier on the application intensity of these searchers."""

    def first_hires(self, model) -> tuple[np.ndarray, np.ndarray] | None:
        """(persons, employers) each employer considers first this month, before the market:
        it knows them (no judgement error) and hires them into its open vacancies when their
        value is positive (``sim/processes/matching.py``, :func:`first_hires`)."""

    def extra_applications(self, model) -> tuple[np.ndarray, np.ndarray] | None:
        """(persons, employers) introduced directly to employers this month."""

    def hiring_value(self, model, persons, employers, ctx) -> np.ndarray | None:
        """Value added to the employer's judgement of each (person, employer) pair (EUR/month).

        ``ctx`` holds the pieces of the baseline value: wage, sick-pay risk, supervision cost.
        A policy that removes sick-pay risk also lowers ``ctx["perceived_sick_risk"]`` in place,
        so refusals over sickness risk are counted after policies.
        """

    def touched(self, model, persons: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """For target-group persons just placed (after ``on_hire``): bools (touched, decisive)
        for an instrument that acts on a placement outside the hiring value, e.g. a subsidy
        granted to the hire or a pool job that exists only through the instrument. Touched
        through the hiring value is recorded by the matching itself."""

    def job_kind(self, model, persons, employers, kind: np.ndarray) -> np.ndarray | None:
        """The kind of job (State code) each hire starts, e.g. SUBSIDISED; None keeps it."""

    def on_hire(self, model, persons: np.ndarray, employers: np.ndarray) -> None:
        """Called after hires (all kinds) with the hired persons and their employers."""

    def separation_factor(self, model, persons: np.ndarray) -> np.ndarray | None:
        """Multiplier on the ordinary separation hazard of these employed persons."""

    def relapse_factor(self, model, persons: np.ndarray) -> np.ndarray | None:
        """Multiplier on the relapse hazard of these placed target-group workers."""

    def return_state(self, model, persons: np.ndarray) -> np.ndarray | None:
        """State code to return to after a relapse (e.g. sheltered work under a right to
        return), or -1 to keep the default."""

    def on_job_end(self, model, persons: np.ndarray) -> None:
        """Called when these persons' jobs end (any reason), before their columns are reset
        (to their declared ``reset`` values)."""

    def sick_cover(self, model, sick: np.ndarray) -> np.ndarray | None:
        """Bool per sick worker: the state pays this month's sick pay (no-risk policy); it is
        booked under the instrument's ``SICK_PAY_ITEM``."""

    def forecast(self, model) -> tuple[int, float] | None:
        """(horizon in months, accuracy) replacing the schools' default forecast."""

    def month_end(self, model) -> None:
        """Called at the end of the month: book costs, end expired support."""

    def outcomes(self, model) -> dict | None:
        """{group: outcomes} of groups this instrument creates, added to
        ``summary()["groups"]`` (e.g. the people root-ball preparation prepared); None: none."""

"""The parameter registry: every model parameter with its default, unit, range and source.

One documented place for defaults (STYLE.md, example 4). Scenario files, the Python API
(``LabourMarketModel(**{"labour_market__separation_rate": 0.01})``), the CLI's ``--set`` and
the UI's controls all use these dotted keys. Figures marked ``assumed`` were not found in
``DOMAIN.md``; the reasoning is in ``source`` and users can change them.

Policy parameters are declared by each policy module (``sim/policies/``) with the same
``Param`` class and collected by :func:`all_params`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Value = bool | int | float | str


@dataclass(frozen=True)
class Param:
    """One scenario key.

    ``kind`` is inferred from the default (bool, int, float or str). ``lo``/``hi`` bound numbers
    (inclusive); ``choices`` restricts strings. ``calibrate`` marks ``assumed`` behavioural
    parameters that ``kluit calibrate`` may fit.
    """

    key: str
    default: Value
    unit: str
    source: str
    doc: str
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] | None = None
    calibrate: bool = False

    @property
    def kind(self) -> type:
        return type(self.default)

    @property
    def assumed(self) -> bool:
        return self.source.startswith("assumed")

    def allowed(self) -> str:
        """Human description of the allowed values, used in error messages."""
        if self.kind is bool:
            return "true or false"
        if self.choices:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        name = {int: "an integer", float: "a number", str: "a string"}[self.kind]
        if self.lo is not None and self.hi is not None:
            return f"{name} from {self.lo:g} to {self.hi:g}"
        if self.lo is not None:
            return f"{name} >= {self.lo:g}"
        if self.hi is not None:
            return f"{name} <= {self.hi:g}"
        return name


def _p(key, default, unit, source, doc, lo=None, hi=None, choices=None, calibrate=False) -> Param:
    return Param(key, default, unit, source, doc, lo, hi, choices, calibrate)


# Constants that follow from DOMAIN.md and are used in several places.
MINIMUM_WAGE_EUR_MONTH = 1565.40  # gross, 22+, July 2017, normenbrief (DOMAIN.md)
BENEFIT_NORM_EUR_MONTH = 986.52  # bijstand single, net incl. holiday pay, July 2017 (DOMAIN.md)

CORE_PARAMS: list[Param] = [
    # --- run -------------------------------------------------------------------------------
    _p("run.months", 120, "months", "design: ten years, the horizon of the performance issue",
       "Number of monthly steps a run simulates.", lo=1, hi=1200),
    _p("run.scale", 1.0, "share of the population",
       "design: 1.0 simulates every person and employer one to one",
       "Fraction of persons and employers simulated (0.1 = a tenth).", lo=0.0005, hi=2.0),
    _p("run.seed", 1, "integer", "design", "Seed of the run's random streams.", lo=0, hi=2**63 - 1),
    _p("run.burn_in_months", 240, "months",
       "design: month 0 comes from the model's own steady state; the slowest flow (bijstand "
       "recipients who do not search, leaving at ~1% a month) needs about 20 years to settle; "
       "with 120 months the bijstand stock still grew ~7% over the next ten years "
       "(docs/validation.md, drift)",
       "Months simulated before month 0 (not recorded) so the run starts from the model's own "
       "steady state; 0 starts from the drawn population.", lo=0, hi=600),
    _p("run.burn_in_policies", "status_quo", "choice",
       "design: every arm of a comparison starts from the same month 0 (common random "
       "numbers)",
       "Instruments during the burn-in: 'status_quo' (today's mix, the same in every arm) or "
       "'scenario' (the scenario's own instruments, for a world that never had today's mix).",
       choices=("status_quo", "scenario")),
    _p("run.burn_in_scenario", "", "path",
       "design: a change to a parameter that is not an instrument switch (training places, "
       "the service point) should start at month 0 from the same state as the scenario it "
       "changes",
       "Scenario file (relative to this one) whose parameters the burn-in uses instead of "
       "this scenario's ('' = this scenario); run.* keys always come from this scenario."),
    _p("run.region", "flevoland", "name or path",
       "DOMAIN.md: Flevoland is the default region",
       "Built-in region name ('flevoland') or a region TOML file (nodes + edges), relative to "
       "the scenario file."),
]

# The behavioural parameters are appended in sim/defaults.py (kept apart so this module stays a
# small, importable schema).


def all_params() -> dict[str, Param]:
    """Every known scenario key (core + every policy) -> Param, in declaration order."""
    from sim import defaults  # noqa: F401  (registers the behavioural parameters)
    from sim.policies import POLICY_PARAMS

    out: dict[str, Param] = {}
    for p in [*CORE_PARAMS, *defaults.PARAMS, *POLICY_PARAMS]:
        if p.key in out:
            raise RuntimeError(f"parameter {p.key} declared twice")
        out[p.key] = p
    return out


def default_values() -> dict[str, Any]:
    """Dotted key -> default value for every parameter."""
    return {k: p.default for k, p in all_params().items()}

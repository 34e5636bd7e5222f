"""The parameter registry: every model parameter with its default, unit, range and source.

One documented place for defaults. Scenario files, the Python API
(``LabourMarketModel(**{"labour_market__separation_rate": 0.01})``), the CLI's ``--set`` and
the UI's controls all use these dotted keys. Figures marked ``assumed`` were not found in
``docs/sources.md``; the reasoning is in ``source`` and users can change them.

The registry sits above the declarations: the run keys are here, the behavioural defaults in
``sim/defaults.py`` and each instrument's parameters in its policy module, all written with
:class:`~sim.schema.Param`. Importing it loads those declarations, never the simulation
(``sim.model``, Mesa).
"""

from __future__ import annotations

from typing import Any

# the schema first: a declaration that still imports Param or _p from here finds them bound
from sim.schema import Param, Value, _p

# isort: split
from sim.defaults import PARAMS as BEHAVIOUR_PARAMS
from sim.policies import POLICY_NAMES, POLICY_PARAMS

__all__ = [
    "CORE_PARAMS",
    "POLICY_NAMES",
    "Param",
    "Value",
    "all_params",
    "default_values",
    "policy_names",
]

CORE_PARAMS: list[Param] = [
    # --- run -------------------------------------------------------------------------------
    _p(
        "run.months",
        120,
        "months",
        "design: ten years, the horizon of the performance issue",
        "Number of monthly steps a run simulates.",
        lo=1,
        hi=1200,
    ),
    _p(
        "run.scale",
        1.0,
        "share of the population",
        "design: 1.0 simulates every person and employer one to one",
        "Fraction of persons and employers simulated (0.1 = a tenth).",
        lo=0.0005,
        hi=2.0,
    ),
    _p("run.seed", 1, "integer", "design", "Seed of the run's random streams.", lo=0, hi=2**63 - 1),
    _p(
        "run.burn_in_months",
        240,
        "months",
        "design: month 0 comes from the model's own steady state; the slowest flow (bijstand "
        "recipients who do not search, leaving at ~1% a month) needs about 20 years to settle; "
        "with 120 months the bijstand stock still grew ~7% over the next ten years "
        "(docs/validation.md, drift)",
        "Months simulated before month 0 (not recorded) so the run starts from the model's own "
        "steady state; 0 starts from the drawn population.",
        lo=0,
        hi=600,
    ),
    _p(
        "run.burn_in_policies",
        "status_quo",
        "choice",
        "design: every arm of a comparison starts from the same month 0 (common random numbers)",
        "Instruments during the burn-in: 'status_quo' (today's mix, the same in every arm) or "
        "'scenario' (the scenario's own instruments, for a world that never had today's mix).",
        choices=("status_quo", "scenario"),
    ),
    _p(
        "run.burn_in_scenario",
        "",
        "path",
        "design: a change to a parameter that is not an instrument switch (training places, "
        "the service point) should start at month 0 from the same state as the scenario it "
        "changes",
        "Scenario file (relative to this one) whose parameters the burn-in uses instead of "
        "this scenario's ('' = this scenario); run.* keys always come from this scenario.",
    ),
    _p(
        "run.region",
        "flevoland",
        "name or path",
        "docs/sources.md: Flevoland is the default region",
        "Built-in region name ('flevoland') or a region TOML file (nodes + edges), relative to "
        "the scenario file.",
    ),
]


def all_params() -> dict[str, Param]:
    """Every known scenario key (core + behaviour + every policy) -> Param, in declaration
    order."""
    out: dict[str, Param] = {}
    for p in [*CORE_PARAMS, *BEHAVIOUR_PARAMS, *POLICY_PARAMS]:
        if p.key in out:
            raise RuntimeError(f"parameter {p.key} declared twice")
        out[p.key] = p
    return out


def default_values() -> dict[str, Any]:
    """Dotted key -> default value for every parameter."""
    return {k: p.default for k, p in all_params().items()}


def policy_names() -> tuple[str, ...]:
    """The names of the instruments, as in ``[policies.<name>]``."""
    return tuple(POLICY_NAMES)

"""Kluit in the tools researchers already use: the EMA workbench and ``mesa.batch_run``.

Both tools name parameters by Python identifiers, so a dotted scenario key is written with
``__`` for every dot (``labour_market.separation_rate`` -> ``labour_market__separation_rate``),
the convention ``LabourMarketModel(**kwargs)`` and SolaraViz already accept. Outcomes get the
same treatment (``social_assistance.placement_rate_12m`` ->
``social_assistance__placement_rate_12m``).

For large experiments prefer ``kluit sweep``: ``mesa.batch_run`` and the EMA workbench keep
every result in memory and cannot resume.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import Any

from analysis.experiments import derive_seed, run_scenario
from analysis.sweep import Sweep, outcome_values
from sim.params import all_params

__all__ = [
    "ema_model",
    "ema_model_from_sweep",
    "from_kwarg",
    "mesa_batch_run",
    "mesa_parameters",
    "run_for_ema",
    "to_kwarg",
]

DEFAULT_OUTCOMES = ("placement_rate_12m", "relapse_rate_12m", "public_cost_eur")
#: EMA outcome kinds of the headline outcomes (others are INFO)
_MAXIMISE = ("placement_rate_12m", "sustained_placement_rate_24m")
_MINIMISE = (
    "relapse_rate_12m",
    "public_cost_eur",
    "unemployment_rate",
    "cost_per_sustained_placement_eur",
)


def to_kwarg(key: str) -> str:
    """Dotted key -> identifier.

    >>> to_kwarg("labour_market.separation_rate")
    'labour_market__separation_rate'
    """
    return key.replace(".", "__")


def from_kwarg(name: str) -> str:
    """Identifier -> dotted key.

    >>> from_kwarg("policies__root_ball__intensity")
    'policies.root_ball.intensity'
    """
    return name.replace("__", ".")


def mesa_parameters(params: Mapping[str, Any]) -> dict[str, Any]:
    """Dotted scenario keys -> keyword names for ``mesa.batch_run(LabourMarketModel, ...)``;
    the model's own keywords (scale, months, region, rng) pass through.

    >>> mesa_parameters({"run.months": 3, "matching.applications_per_month": [0.3, 0.6]})
    {'months': 3, 'matching__applications_per_month': [0.3, 0.6]}
    """
    short = {"run.months": "months", "run.scale": "scale", "run.region": "region"}
    return {short.get(k, to_kwarg(k)): v for k, v in params.items()}


def mesa_batch_run(
    parameters: Mapping[str, Any],
    *,
    rng: Sequence[int],
    months: int,
    number_processes: int | None = 1,
    data_collection_period: int = -1,
    display_progress: bool = False,
):
    """``mesa.batch_run`` on ``LabourMarketModel`` with dotted keys; returns a DataFrame.

    Values may be lists (Mesa crosses them). Every row stays in memory: fine for dozens of
    runs, use ``kluit sweep`` for more.
    """
    import mesa
    import pandas as pd

    from sim.model import LabourMarketModel

    params = {**mesa_parameters(parameters), "months": months}
    rows = mesa.batch_run(
        LabourMarketModel,
        parameters=params,
        rng=list(rng),
        max_steps=months,
        number_processes=number_processes,
        data_collection_period=data_collection_period,
        display_progress=display_progress,
    )
    return pd.DataFrame(rows)


# --- EMA workbench -------------------------------------------------------------------------


def run_for_ema(
    base: str | None = None,
    months: int | None = None,
    scale: float | None = None,
    seed: int = 1,
    **params: Any,
) -> dict[str, float]:
    """The model function the EMA workbench calls: one Kluit run, every outcome returned.

    ``params`` are scenario keys with ``__`` for dots (uncertainties, levers and constants).
    """
    from sim.scenario import default_scenario

    overrides = {from_kwarg(k): _plain(v) for k, v in params.items()}
    res = run_scenario(
        base if base else default_scenario(),
        seed=int(seed),
        months=months,
        scale=scale,
        overrides=overrides,
    )
    return {to_kwarg(k): v for k, v in outcome_values(res.summary).items()}


def _plain(v: Any) -> Any:
    """numpy scalars (as the EMA workbench samples them) -> Python values for validation."""
    return v.item() if hasattr(v, "item") else v


def _parameter(key: str, spec: Any):
    """An EMA parameter for a dotted key: (low, high) -> Real/Integer, a list -> Categorical."""
    from ema_workbench import (
        BooleanParameter,
        CategoricalParameter,
        IntegerParameter,
        RealParameter,
    )

    p = all_params().get(key)
    if p is None:
        raise KeyError(f"unknown scenario key {key!r}")
    name = to_kwarg(key)
    if isinstance(spec, tuple):
        if len(spec) != 2 or p.kind not in (int, float):
            raise ValueError(
                f"{key}: a range is a (low, high) tuple of a numeric key; give a "
                "list of values for a categorical parameter"
            )
        lo, hi = spec
        return (
            IntegerParameter(name, int(lo), int(hi))
            if p.kind is int
            else RealParameter(name, float(lo), float(hi))
        )
    if p.kind is bool and list(spec) == [False, True]:
        return BooleanParameter(name)
    return CategoricalParameter(name, list(spec))


def _outcome(name: str):
    from ema_workbench import ScalarOutcome

    kind = (
        ScalarOutcome.MAXIMIZE
        if name in _MAXIMISE
        else ScalarOutcome.MINIMIZE
        if name in _MINIMISE
        else ScalarOutcome.INFO
    )
    return ScalarOutcome(to_kwarg(name), kind=kind)


def ema_model(
    base: str | os.PathLike | None = None,
    *,
    uncertainties: Mapping[str, Any] | None = None,
    levers: Mapping[str, Any] | None = None,
    outcomes: Sequence[str] = DEFAULT_OUTCOMES,
    months: int | None = None,
    scale: float | None = None,
    constants: Mapping[str, Any] | None = None,
    seed: int = 1,
    replications: int | None = None,
    master_seed: int = 1,
    name: str = "kluit",
):
    """An EMA workbench model of Kluit.

    ``uncertainties`` and ``levers`` map dotted keys to ``(low, high)`` tuples (Real or Integer
    parameters by the key's type) or lists of values (Categorical). ``constants`` fix other
    keys. Without ``replications`` it is a ``Model`` run with ``seed``; with it a
    ``ReplicatorModel`` whose replication ``r`` has seed ``derive_seed(master_seed,
    "replication", r)``, the seeds ``kluit sweep`` and ``kluit compare`` use (common random
    numbers).
    """
    from ema_workbench import Constant, Model, ReplicatorModel

    fixed = {
        "base": os.path.abspath(base) if base else "",
        "months": months,
        "scale": scale,
        **{to_kwarg(k): v for k, v in (constants or {}).items()},
    }
    name = re.sub(r"\W", "_", name)
    if name[:1].isdigit():
        name = "_" + name
    if replications:
        model = ReplicatorModel(name, function=run_for_ema)
        model.replications = [
            {"seed": derive_seed(master_seed, "replication", r)} for r in range(int(replications))
        ]
    else:
        model = Model(name, function=run_for_ema)
        fixed["seed"] = int(seed)
    model.uncertainties = [_parameter(k, v) for k, v in (uncertainties or {}).items()]
    model.levers = [_parameter(k, v) for k, v in (levers or {}).items()]
    model.constants = [Constant(k, v) for k, v in fixed.items() if v is not None]
    model.outcomes = [_outcome(o) for o in outcomes]
    return model


def ema_model_from_sweep(sweep: Sweep, *, replications: int | None = None):
    """The EMA workbench model of a sweep file: its base, levers, uncertainties, constants,
    outcomes, months, scale and master seed (sample it with the workbench's own samplers)."""

    def spec(f):
        return tuple([f.low, f.high]) if f.continuous else list(f.values)

    return ema_model(
        sweep.base.path,
        uncertainties={f.key: spec(f) for f in sweep.uncertainties},
        levers={f.key: spec(f) for f in sweep.levers},
        outcomes=sweep.outcomes,
        months=sweep.months,
        scale=sweep.scale,
        constants=sweep.constants,
        replications=replications or sweep.replications,
        master_seed=sweep.master_seed,
        name=sweep.name,
    )

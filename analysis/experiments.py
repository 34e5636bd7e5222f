"""Run one scenario, or many with derived seeds and common random numbers.

The CLI, the sweeps and the UI call these functions, so a run in the browser and on the command
line is the same code. A run returns a :class:`RunResult` with the public summary, the tidy
monthly series and the placements table (used for deadweight in paired comparisons).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from sim.model import LabourMarketModel
from sim.scenario import Overrides, Scenario, load_scenario
from sim.state import STATE_NAMES


@dataclass
class RunResult:
    """Outcomes of one run."""

    summary: dict[str, Any]
    monthly: pd.DataFrame
    placements: pd.DataFrame


def derive_seed(master_seed: int, *key: Any) -> int:
    """A child seed from the master seed and a run key (stable across machines and workers).

    >>> derive_seed(1, "baseline", 0) == derive_seed(1, "baseline", 0)
    True
    >>> derive_seed(1, "baseline", 0) != derive_seed(1, "baseline", 1)
    True
    """
    text = json.dumps([int(master_seed), *[str(k) for k in key]])
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little") >> 1


def replication_seeds(master_seed: int, reps: int) -> list[int]:
    """Seeds of replications 0..reps-1; shared by every arm (common random numbers)."""
    return [derive_seed(master_seed, "replication", r) for r in range(reps)]


def placements_frame(model: LabourMarketModel) -> pd.DataFrame:
    """One row per placement: who, when, from where, which job, how it ended, and the fields
    the instruments declare (``Policy.PLACEMENT_FIELDS``, e.g. ``subsidised``, ``no_risk``,
    ``supported``)."""
    pl = model.placements
    out = {
        "person": pl.person.astype(np.int64),
        "month": pl.month.astype(np.int64),
        "origin": [STATE_NAMES[s] for s in pl.origin],
        "kind": [STATE_NAMES[s] for s in pl.kind],
        "employer": pl.employer.astype(np.int64),
        "end_month": pl.end_month.astype(np.int64),
        "end_state": [STATE_NAMES[s] if s >= 0 else "" for s in pl.end_state],
    }
    for name in model.policies.placement_fields:
        col = pl.column(name)
        kind = col.dtype.kind
        out[name] = col.astype(bool if kind == "b" else np.int64 if kind in "iu" else float)
    return pd.DataFrame(out)


def prepare(
    scenario: Scenario | str,
    *,
    seed: int | None = None,
    months: int | None = None,
    scale: float | None = None,
    overrides: Overrides = (),
) -> Scenario:
    """Load and override a scenario (seed, months and scale become ``run.*`` keys)."""
    scen = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    extra: dict[str, Any] = {}
    if seed is not None:
        extra["run.seed"] = int(seed)
    if months is not None:
        extra["run.months"] = int(months)
    if scale is not None:
        extra["run.scale"] = float(scale)
    if overrides:
        scen = scen.with_overrides(overrides)
    return scen.with_overrides(extra) if extra else scen


def run_scenario(
    scenario: Scenario | str,
    *,
    seed: int | None = None,
    months: int | None = None,
    scale: float | None = None,
    overrides: Mapping[str, Any] | Iterable[str] = (),
    check: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Build the model, run it and collect its outcomes."""
    scen = prepare(scenario, seed=seed, months=months, scale=scale, overrides=overrides)
    model = LabourMarketModel(scen, check=check)
    model.run(progress=progress)
    return RunResult(model.summary(), model.monthly_table(), placements_frame(model))

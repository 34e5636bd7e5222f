"""Batch sweeps: a sweep file -> a design of points x replications -> one result file per run.

A sweep file (TOML) names a base scenario, the **levers** (what policy sets) and
**uncertainties** (what the world may do) to vary, the design, the replications, the months,
the scale, the master seed and the **outcomes** to keep (the EMA workbench's vocabulary)::

    base = "../baseline.toml"          # relative to this file
    design = "grid"                    # grid | latin | sobol | morris
    replications = 10
    months = 36
    scale = 0.1
    master_seed = 1
    outcomes = ["placement_rate_12m", "relapse_rate_12m", "public_cost_eur"]

    [constants]                        # fixed for every run (optional)
    "policies.root_ball.enabled" = true

    [levers."policies.root_ball.intensity"]
    values = [0.0, 0.5, 1.0]           # grid; low/high for latin, sobol, morris

Randomness: the key of a run hashes (sweep content, base scenario, point index, replication);
its seed is ``derive_seed(master_seed, "replication", r)`` by default, the same seed for
replication ``r`` of every point (common random numbers across points, as in
``analysis.compare``), so differences between points are effects of the parameters, not of
the draws. With ``common_random_numbers = false`` the seed also hashes the point's values
(independent draws per point). Either way the seed depends on nothing but the sweep file, so
results are identical for any number of workers and on any backend.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import importlib.metadata
import json
import math
import numbers
import os
import platform
import resource
import sys
import time
import tomllib
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, NoReturn

from analysis.designs import DESIGNS, Design, Factor, make_design
from analysis.experiments import derive_seed, run_scenario
from analysis.provenance import git_dirty, git_revision
from analysis.store import RunSpec, SweepStore, format_exception
from sim.files import InputFileError, check_input_file, parse_toml, read_input_bytes
from sim.params import Param, all_params
from sim.scenario import Scenario, ScenarioError, Shock, coerce, load_scenario

__all__ = [
    "Batch",
    "RunOutput",
    "Sweep",
    "SweepError",
    "SweepReport",
    "available_outcomes",
    "load_sweep",
    "outcome_values",
    "plan",
    "rerun",
    "run_batch",
    "run_one",
    "run_sweep",
    "scenario_from_state",
    "scenario_state",
    "sweep_from_dict",
]

#: while a sweep runs, metadata.json is rewritten with the session's progress this often
#: (seconds), so a killed session still records the runs it finished
METADATA_EVERY_SECONDS = 10.0
#: the largest sweep kluit plans (the plan and metadata.json hold every run: ~0.4 KB each;
#: a million runs plan in ~7 s and ~0.5 GB)
MAX_RUNS = 1_000_000
TOP_KEYS = (
    "name",
    "description",
    "base",
    "design",
    "samples",
    "replications",
    "months",
    "scale",
    "master_seed",
    "common_random_numbers",
    "second_order",
    "levels",
    "outcomes",
    "constants",
    "levers",
    "uncertainties",
)
FACTOR_FIELDS = ("values", "low", "high")
#: run.* keys a sweep sets itself; they may not be varied or fixed in [constants]
RESERVED = ("run.seed", "run.months", "run.scale")
#: summary keys that describe the run rather than measure it
_NOT_OUTCOMES = ("seed", "months", "scale", "version", "scenario", "region", "policies")


class SweepError(ScenarioError):
    """A problem in a sweep file, naming the file, the key and what is allowed."""


# --- outcomes ------------------------------------------------------------------------------


def outcome_values(summary: Mapping[str, Any]) -> dict[str, float]:
    """Every numeric outcome of a run summary, nested ones as dotted names; None -> NaN.

    Group metrics are ``<group>.<metric>`` as in :func:`analysis.compare.flatten`; the
    calibration moments ``calibration.<name>``, costs ``costs.<payer>.<item>``, final stocks
    ``final_stocks.<state>``.

    >>> outcome_values({"placement_rate_12m": 0.1, "groups": {"sa": {"placements": 3}},
    ...                 "seed": 5, "relapse_rate_12m": None})["sa.placements"]
    3.0
    """
    from analysis.compare import flatten

    out = {k: v for k, v in flatten(dict(summary)).items() if k in summary or "." in k}

    def walk(prefix: str, d: Mapping[str, Any]) -> None:
        for k, v in d.items():
            name = f"{prefix}{k}"
            if isinstance(v, Mapping):
                walk(name + ".", v)
            elif v is None:
                out.setdefault(name, math.nan)
            elif isinstance(v, numbers.Real) and not isinstance(v, bool):
                out.setdefault(name, float(v))

    walk("", {k: v for k, v in summary.items() if k not in ("groups", *_NOT_OUTCOMES)})
    return out


@lru_cache(maxsize=1)
def available_outcomes() -> tuple[str, ...]:
    """Outcome names a run reports (from a tiny probe run; costs.* depend on the policies)."""
    from sim.model import LabourMarketModel

    m = LabourMarketModel(scale=0.001, months=1, region="synthetic:1:0")
    m.run()
    return tuple(outcome_values(m.summary()))


# --- the sweep file ------------------------------------------------------------------------


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "an array"
    return repr(value)


def _suggest(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=3, cutoff=0.6)
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else ""


@dataclass(frozen=True)
class Sweep:
    """A validated sweep file."""

    path: str
    text: str
    data: Mapping[str, Any]  # the parsed file, with command-line overrides applied
    name: str
    description: str
    base: Scenario
    design: str
    samples: int | None
    replications: int
    months: int
    scale: float
    master_seed: int
    common_random_numbers: bool
    second_order: bool
    levels: int
    outcomes: tuple[str, ...]
    constants: Mapping[str, Any]
    factors: tuple[Factor, ...]
    overrides: Mapping[str, Any] = field(default_factory=dict)

    @property
    def levers(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.role == "lever")

    @property
    def uncertainties(self) -> tuple[Factor, ...]:
        return tuple(f for f in self.factors if f.role == "uncertainty")

    @property
    def sweep_id(self) -> str:
        """Hash of the sweep content and the resolved base scenario: changes with either."""
        # the factor list keeps the file's order, which fixes the order of the design points
        blob = json.dumps(
            {
                "sweep": dict(self.data),
                "factors": [f.to_dict() for f in self.factors],
                "base": _base_fingerprint(self.base),
            },
            sort_keys=True,
            separators=(",", ":"),
            default=str,
        )
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    @property
    def design_seed(self) -> int:
        return derive_seed(self.master_seed, "design", self.design)

    def make_design(self) -> Design:
        return make_design(
            self.design,
            self.factors,
            samples=self.samples,
            seed=self.design_seed,
            second_order=self.second_order,
            levels=self.levels,
        )

    def n_runs(self) -> int:
        return len(self.make_design()) * self.replications


def _base_fingerprint(scen: Scenario) -> dict[str, Any]:
    return {
        "name": scen.name,
        "description": scen.description,
        "values": dict(scen.values),
        "shocks": [s.to_dict() for s in scen.shocks],
    }


def scenario_state(scen: Scenario) -> dict[str, Any]:
    """A picklable, JSON-able form of a scenario (values, shocks, and its path for region
    files); :func:`scenario_from_state` turns it back."""
    return {**_base_fingerprint(scen), "path": os.path.abspath(scen.path) if scen.path else None}


def scenario_from_state(state: Mapping[str, Any]) -> Scenario:
    return Scenario(
        state["name"],
        state["description"],
        types.MappingProxyType(dict(state["values"])),
        tuple(Shock(**s) for s in state["shocks"]),
        state.get("path"),
    )


def load_sweep(path: str | os.PathLike, overrides: Mapping[str, Any] | None = None) -> Sweep:
    """Read and validate a sweep file; ``overrides`` replace top-level keys (e.g. the CLI's
    ``--scale``). Errors are :class:`SweepError` naming the file, the key and what is allowed.
    """
    file = os.fspath(path)
    try:
        text = read_input_bytes(file).decode("utf-8-sig")
    except InputFileError as e:
        if e.missing:
            raise SweepError("no such sweep file", file) from None
        raise SweepError(
            f"cannot be read: it {e.reason}; allowed: a sweep TOML file", file
        ) from None
    except UnicodeDecodeError as e:
        raise SweepError(f"cannot read: {e}", file) from None
    try:
        data = parse_toml(text)
    except tomllib.TOMLDecodeError as e:
        raise SweepError(f"not valid TOML: {e}", file) from None
    except InputFileError as e:
        raise SweepError(e.reason, file) from None
    return sweep_from_dict(data, file, text=text, overrides=overrides)


def sweep_from_dict(
    data: Mapping[str, Any],
    file: str,
    *,
    text: str = "",
    overrides: Mapping[str, Any] | None = None,
) -> Sweep:
    """Validate a parsed sweep file (see :func:`load_sweep`)."""
    data = dict(data)
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    data.update(overrides)
    params = all_params()
    f = _Fields(data, file)
    for key in data:
        if key not in TOP_KEYS:
            f.fail(
                key, "unknown key" + _suggest(key, TOP_KEYS) + "; allowed: " + ", ".join(TOP_KEYS)
            )

    text_param = Param("text", "", "", "", "")
    name = f.get("name", text_param, Path(file).stem)
    description = f.get("description", text_param, "")
    base = _read_base(f)
    design, samples, second_order, levels = _read_design(f)
    replications = f.get("replications", Param("replications", 0, "", "", "", lo=1, hi=100_000), 1)
    months = f.get("months", params["run.months"], base["run.months"])
    scale = f.get("scale", params["run.scale"], base["run.scale"])
    master_seed = f.get("master_seed", params["run.seed"], 1)
    crn = f.get("common_random_numbers", Param("common_random_numbers", True, "", "", ""), True)
    outcomes = _read_outcomes(f)
    constants = _read_constants(f, params)
    factors = _read_factors(f, params, constants, design)
    _check_size(f, design, factors, samples, second_order, replications)

    return Sweep(
        file,
        text,
        types.MappingProxyType(data),
        name,
        description,
        base,
        design,
        samples,
        replications,
        months,
        scale,
        master_seed,
        crn,
        second_order,
        levels,
        outcomes,
        types.MappingProxyType(constants),
        tuple(factors),
        types.MappingProxyType(overrides),
    )


class _Fields:
    """The top-level keys of a sweep file being read, and its errors (file and key named)."""

    def __init__(self, data: Mapping[str, Any], file: str):
        self.data, self.file = data, file

    def fail(self, key: str | None, message: str) -> NoReturn:
        raise SweepError(message, self.file, key)

    def get(self, key: str, param: Param, default: Any = None, required: bool = False) -> Any:
        """The value of ``key`` checked against ``param``, or ``default`` when absent."""
        if key not in self.data:
            if required:
                self.fail(key, f"missing, allowed: {param.allowed()}")
            return default
        try:
            return coerce(param, self.data[key], self.file)
        except ScenarioError as e:
            self.fail(key, e.message)


def _read_base(f: _Fields) -> Scenario:
    """The base scenario, relative to the sweep file."""
    base_rel = f.get("base", Param("base", "", "", "", "", choices=None), required=True)
    if not base_rel.strip():
        f.fail(
            "base", "got an empty string, allowed: a path to a scenario file, relative to this file"
        )
    base_path = os.path.normpath(os.path.join(os.path.dirname(f.file), base_rel))
    try:
        check_input_file(base_path)
    except InputFileError as e:
        what = f"no such scenario file: {base_path}" if e.missing else f"{base_path} {e.reason}"
        f.fail("base", f"{what}; allowed: a path to a scenario file, relative to this sweep file")
    return load_scenario(base_path)  # its own errors name the scenario file


def _read_design(f: _Fields) -> tuple[str, int | None, bool, int]:
    """(design, samples, second_order, levels), each checked against the design."""
    data = f.data
    design = f.get("design", Param("design", "", "", "", "", choices=DESIGNS), required=True)
    samples = None
    if design == "grid":
        if "samples" in data:
            f.fail(
                "samples",
                "not used by design 'grid' (the grid has one point per "
                "combination of values); allowed: leave it out",
            )
    else:
        samples = f.get("samples", Param("samples", 0, "", "", "", lo=1, hi=10**7), required=True)
        if design == "sobol" and samples & (samples - 1):
            f.fail(
                "samples",
                f"got {samples}, allowed: a power of 2 for design 'sobol' (e.g. "
                f"{1 << (samples.bit_length() - 1)} or {1 << samples.bit_length()}), needed "
                "for the Sobol sequence's convergence",
            )
    if "second_order" in data and design != "sobol":
        f.fail("second_order", "only used by design 'sobol'; allowed: leave it out")
    second_order = f.get("second_order", Param("second_order", False, "", "", ""), False)
    if "levels" in data and design != "morris":
        f.fail("levels", "only used by design 'morris'; allowed: leave it out")
    levels = f.get("levels", Param("levels", 0, "", "", "", lo=2, hi=64), 4)
    if levels % 2:
        f.fail("levels", f"got {levels}, allowed: an even integer from 2 to 64")
    return design, samples, second_order, levels


def _read_outcomes(f: _Fields) -> tuple[str, ...]:
    """The outcome names: known, each once."""
    raw = f.data.get("outcomes")
    if raw is None:
        f.fail(
            "outcomes",
            "missing, allowed: a list of outcome names such as "
            '["placement_rate_12m", "relapse_rate_12m"]',
        )
    if not isinstance(raw, list) or not raw or not all(isinstance(o, str) for o in raw):
        f.fail("outcomes", f"got {_show(raw)}, allowed: a non-empty list of outcome names")
    known = available_outcomes()
    for i, o in enumerate(raw):
        if o not in known and not o.startswith("costs."):
            f.fail(
                f"outcomes[{i}]",
                f"unknown outcome {o!r}"
                + _suggest(o, known)
                + "; allowed: "
                + ", ".join(known)
                + ", costs.<payer>.<item>",
            )
        if o in raw[:i]:
            f.fail(f"outcomes[{i}]", f"{o!r} given twice; allowed: each outcome once")
    return tuple(raw)


def _read_constants(f: _Fields, params: Mapping[str, Param]) -> dict[str, Any]:
    """The [constants] table: scenario keys fixed for every run of the sweep."""
    constants: dict[str, Any] = {}
    leaves = _leaves(f.data.get("constants", {}), "constants", f.file, leaf=None)
    for key, value in leaves.items():
        _check_key(key, f"constants.{key}", params, f.file)
        try:
            constants[key] = coerce(params[key], value, f.file)
        except ScenarioError as e:
            f.fail(f"constants.{key}", e.message)
    return constants


def _read_factors(
    f: _Fields, params: Mapping[str, Param], constants: Mapping[str, Any], design: str
) -> list[Factor]:
    """The [levers] and [uncertainties] tables: at least one varied key, each once."""
    factors: list[Factor] = []
    for role, section in (("lever", "levers"), ("uncertainty", "uncertainties")):
        leaves = _leaves(f.data.get(section, {}), section, f.file, leaf=FACTOR_FIELDS)
        for key, spec in leaves.items():
            where = f"{section}.{key}"
            _check_key(key, where, params, f.file)
            if key in constants:
                f.fail(where, "also set in [constants]; allowed: vary a key or fix it, not both")
            if any(fa.key == key for fa in factors):
                f.fail(
                    where, "given twice (as a lever and as an uncertainty); allowed: each key once"
                )
            factors.append(_factor(key, role, spec, params[key], design, where, f.file))
    if not factors:
        f.fail(
            "levers",
            "no levers or uncertainties; allowed: at least one table such as "
            '[levers."policies.root_ball.intensity"] with values = [...] or low/high',
        )
    return factors


def _check_size(
    f: _Fields,
    design: str,
    factors: list[Factor],
    samples: int | None,
    second_order: bool,
    replications: int,
) -> None:
    """A sweep of at most MAX_RUNS runs."""
    points = design_size(design, factors, samples, second_order)
    if points * replications > MAX_RUNS:
        key = (
            "replications" if points <= MAX_RUNS else ("levers" if design == "grid" else "samples")
        )
        f.fail(
            key,
            f"{points:,} points x {replications:,} replications = "
            f"{points * replications:,} runs; allowed: at most {MAX_RUNS:,} runs per sweep "
            "(split it into several sweeps, each with its own --out)",
        )


def design_size(design: str, factors, samples: int | None, second_order: bool = False) -> int:
    """Number of points of a design, without building it.

    >>> design_size("sobol", [None] * 3, 8)  # N (D + 2)
    40
    """
    d = len(factors)
    if design == "grid":
        return math.prod(len(f.values) for f in factors)
    assert samples is not None, f"a {design} design needs samples"
    if design == "latin":
        return int(samples)
    if design == "sobol":
        return int(samples) * (2 * d + 2 if second_order else d + 2)
    return int(samples) * (d + 1)


def _leaves(table: Any, section: str, file: str, leaf: tuple[str, ...] | None) -> dict[str, Any]:
    """Flatten nested tables to dotted keys. With ``leaf`` field names, a table holding any of
    them is a leaf (a factor spec); without, every non-table value is."""
    if not isinstance(table, Mapping):
        raise SweepError(f"got {_show(table)}, allowed: a table [{section}]", file, section)
    out: dict[str, Any] = {}

    def walk(prefix: str, t: Mapping[str, Any]) -> None:
        for k, v in t.items():
            key = f"{prefix}.{k}" if prefix else k
            if leaf is not None:
                if not isinstance(v, Mapping):
                    raise SweepError(
                        f"got {_show(v)}, allowed: a table with "
                        "values = [...], or low = ... and high = ...",
                        file,
                        f"{section}.{key}",
                    )
                if any(f in v for f in leaf) or not v:
                    out[key] = v
                else:
                    walk(key, v)
            elif isinstance(v, Mapping):
                walk(key, v)
            else:
                out[key] = v

    walk("", table)
    return out


def _check_key(key: str, where: str, params: Mapping[str, Param], file: str) -> None:
    if key not in params:
        raise SweepError(
            "unknown scenario key"
            + (
                _suggest(key, params)
                or "; allowed: a dotted key of the scenario reference, e.g. "
                "'labour_market.separation_rate'"
            ),
            file,
            where,
        )
    if key in RESERVED:
        raise SweepError(
            "set by the sweep itself (seed from master_seed, months and scale "
            "at the top of the sweep file); allowed: any other scenario key",
            file,
            where,
        )


def _factor(
    key: str, role: str, spec: Mapping[str, Any], param: Param, design: str, where: str, file: str
) -> Factor:
    def fail(sub: str | None, message: str):
        raise SweepError(message, file, f"{where}.{sub}" if sub else where)

    for f in spec:
        if f not in FACTOR_FIELDS:
            fail(f, "unknown field; allowed: values (grid), or low and high (latin, sobol, morris)")
    if design == "grid":
        if "values" not in spec:
            fail(
                None,
                "missing values; allowed for design 'grid': values = [...], a list of "
                f"{param.allowed()} (low/high are for latin, sobol and morris)",
            )
        if "low" in spec or "high" in spec:
            fail(
                "low" if "low" in spec else "high",
                "not used with values; allowed: values = [...] for design 'grid'",
            )
        values = spec["values"]
        if not isinstance(values, list) or not values:
            fail("values", f"got {_show(values)}, allowed: a non-empty list of {param.allowed()}")
        checked = []
        for i, v in enumerate(values):
            try:
                c = coerce(param, v, file)
            except ScenarioError as e:
                fail(f"values[{i}]", e.message)
            if c in checked:
                fail(f"values[{i}]", f"{_show(v)} given twice; allowed: each value once")
            checked.append(c)
        return Factor(key, role, param.kind, values=tuple(checked))

    if "values" in spec:
        fail(
            "values",
            f"design {design!r} samples a range; allowed: low = ... and high = ... "
            "(values = [...] is for design 'grid')",
        )
    if param.kind not in (int, float):
        fail(
            None,
            f"a {param.kind.__name__} key cannot be sampled by design {design!r}; "
            "allowed: numeric keys (use design 'grid' with values = [...])",
        )
    bounds = []
    for f in ("low", "high"):
        if f not in spec:
            fail(f, f"missing, allowed: {param.allowed()}")
        v = spec[f]
        if isinstance(v, bool) or not isinstance(v, numbers.Real) or not math.isfinite(v):
            fail(f, f"got {_show(v)}, allowed: {param.allowed()}")
        if (param.lo is not None and v < param.lo) or (param.hi is not None and v > param.hi):
            fail(f, f"got {_show(v)}, allowed: {param.allowed()}")
        bounds.append(float(v))
    low, high = bounds
    if not low < high:
        fail(
            "high", f"got {_show(spec['high'])}, allowed: a number above low ({_show(spec['low'])})"
        )
    if param.kind is int and math.floor(high) < math.ceil(low):
        fail(
            None,
            f"no whole number between low {low:g} and high {high:g}; allowed: a range "
            "that holds at least one whole number",
        )
    return Factor(key, role, param.kind, low=low, high=high)


# --- the plan ------------------------------------------------------------------------------


def run_key(sweep_id: str, point: int, replication: int) -> str:
    """Key of a run: a hash of the sweep's identity, the point index and the replication.

    >>> run_key("abc", 0, 1) == run_key("abc", 0, 1) != run_key("abc", 1, 0)
    True
    """
    return hashlib.sha256(f"{sweep_id}/{point}/{replication}".encode()).hexdigest()[:16]


def run_seed(
    master_seed: int,
    values: Mapping[str, Any],
    replication: int,
    common_random_numbers: bool = True,
) -> int:
    """Seed of a run. With common random numbers it is the same for replication ``r`` of every
    point (and equals ``analysis.experiments.replication_seeds(master_seed, ...)[r]``).

    >>> run_seed(1, {"a": 1}, 0) == run_seed(1, {"a": 2}, 0)
    True
    >>> run_seed(1, {"a": 1}, 0, False) == run_seed(1, {"a": 2}, 0, False)
    False
    """
    if common_random_numbers:
        return derive_seed(master_seed, "replication", replication)
    canonical = json.dumps(dict(values), sort_keys=True, separators=(",", ":"))
    return derive_seed(master_seed, canonical, replication)


def plan(sweep: Sweep, design: Design | None = None) -> list[RunSpec]:
    """Every run of the sweep, ordered by point then replication."""
    design = design or sweep.make_design()
    sid = sweep.sweep_id
    return [
        RunSpec(
            run_key(sid, i, r),
            i,
            r,
            run_seed(sweep.master_seed, values, r, sweep.common_random_numbers),
            values,
        )
        for i, values in enumerate(design.points)
        for r in range(sweep.replications)
    ]


# --- running (this part executes on the workers) -------------------------------------------


@dataclass(frozen=True)
class Batch:
    """A few runs of one sweep, sent to a worker as one task."""

    base: Mapping[str, Any]  # scenario_state(base scenario)
    constants: Mapping[str, Any]
    months: int
    scale: float
    outcomes: tuple[str, ...]
    runs: tuple[RunSpec, ...]


@dataclass
class RunOutput:
    """What a worker sends back for one run: outcomes and monthly series, or the error."""

    key: str
    outcomes: dict[str, float] | None = None
    monthly: Any = None  # pandas frame: month, variable, value (municipality 'all')
    error: str | None = None
    traceback: str | None = None
    seconds: float = 0.0


def run_one(
    base: Scenario,
    constants: Mapping[str, Any],
    months: int,
    scale: float,
    outcomes: tuple[str, ...],
    run: RunSpec,
):
    """Run one point of a sweep: (outcome -> value, region-level monthly frame)."""
    res = run_scenario(
        base, seed=run.seed, months=months, scale=scale, overrides={**constants, **run.values}
    )
    values = outcome_values(res.summary)
    out = {o: values.get(o, math.nan) for o in outcomes}
    m = res.monthly
    monthly = m.loc[m["municipality"] == "all", ["month", "variable", "value"]]
    return out, monthly.reset_index(drop=True)


def run_batch(batch: Batch) -> list[RunOutput]:
    """Run every run of a batch; an exception is recorded for its run, the others go on."""
    base = scenario_from_state(batch.base)
    outputs = []
    for run in batch.runs:
        t0 = time.perf_counter()
        try:
            out, monthly = run_one(
                base, batch.constants, batch.months, batch.scale, batch.outcomes, run
            )
            outputs.append(RunOutput(run.key, out, monthly, seconds=time.perf_counter() - t0))
        except Exception as exc:
            error, tb = format_exception(exc)
            outputs.append(
                RunOutput(run.key, error=error, traceback=tb, seconds=time.perf_counter() - t0)
            )
    return outputs


# --- the sweep -----------------------------------------------------------------------------


@dataclass
class SweepReport:
    """Counts of a sweep session."""

    out: Path
    total: int
    skipped: int = 0  # finished in an earlier session
    done: int = 0  # finished in this session
    failed: int = 0
    seconds: float = 0.0  # wall time of this session's runs
    run_seconds: float = 0.0  # summed wall time of the runs themselves (on the workers)
    backend: str = ""
    failed_keys: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. resumed with another code version

    @property
    def finished(self) -> int:
        return self.skipped + self.done


def package_versions() -> dict[str, str | None]:
    import sim

    out: dict[str, str | None] = {"kluit": sim.__version__}
    for dist in ("mesa", "numpy", "pandas", "scipy", "pyarrow", "SALib", "dask", "distributed"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = None
    return out


def source_revision() -> dict[str, Any]:
    """The source tree's git revision (None outside git) and whether it is dirty."""
    rev = git_revision()
    return {"revision": rev, "dirty": None if rev is None else git_dirty()}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _metadata(
    sweep: Sweep, design: Design, runs: list[RunSpec], previous: dict | None
) -> dict[str, Any]:
    git = source_revision()
    session = {
        "started": _now(),
        "finished": None,
        "git_revision": git["revision"],
        "git_dirty": git["dirty"],
        "done": 0,
        "failed": 0,
    }
    return {
        "format": "kluit-sweep/1",
        "sweep_id": sweep.sweep_id,
        "name": sweep.name,
        "description": sweep.description,
        "sweep_file": os.path.abspath(sweep.path),
        "sweep_text": sweep.text,
        "overrides": dict(sweep.overrides),
        "sweep": dict(sweep.data),
        "base_scenario": scenario_state(sweep.base),
        "design": {
            "kind": sweep.design,
            "samples": sweep.samples,
            "points": len(runs) // sweep.replications,
            "seed": sweep.design_seed,
            "second_order": sweep.second_order,
            "levels": sweep.levels,
            "factors": [f.to_dict() for f in sweep.factors],
        },
        "replications": sweep.replications,
        "months": sweep.months,
        "scale": sweep.scale,
        "master_seed": sweep.master_seed,
        "common_random_numbers": sweep.common_random_numbers,
        "constants": dict(sweep.constants),
        "outcomes": list(sweep.outcomes),
        "versions": package_versions(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_revision": git["revision"],
        "git_dirty": git["dirty"],
        "started": previous["started"] if previous else session["started"],
        "sessions": [*(previous or {}).get("sessions", []), session],
        # every design point's values once, and every run (as columns: key, point,
        # replication, derived seed); written compactly, see write_metadata
        "points": [dict(p) for p in design.points],
        "runs": {
            "key": [r.key for r in runs],
            "point": [r.point for r in runs],
            "replication": [r.replication for r in runs],
            "seed": [r.seed for r in runs],
        },
    }


def _version_changes(previous: Mapping[str, Any], meta: Mapping[str, Any]) -> list[str]:
    """Differences in code version between the earlier sessions and this one (runs made
    with different code would be mixed in one result)."""
    notes = []
    for name, v in previous.get("versions", {}).items():
        if meta["versions"].get(name) != v:
            notes.append(
                f"{name} was {v} in an earlier session, is now {meta['versions'].get(name)}"
            )
    was, now = previous.get("git_revision"), meta.get("git_revision")
    if was and now and was != now:
        notes.append(
            f"git revision was {was[:12]} in an earlier session, is now {now[:12]}: "
            "if the model changed, start a new sweep (another --out)"
        )
    return notes


def check_out_dir(sweep: Sweep, store: SweepStore) -> dict | None:
    """The folder's previous metadata; a folder of another sweep is an error."""
    meta = store.read_metadata()
    if meta is None:
        if store.root.exists() and any(p.name != ".lock" for p in store.root.iterdir()):
            raise SweepError(
                f"output folder {store.root} is not empty and holds no sweep "
                "metadata; allowed: a new or empty folder, or the folder of this "
                "sweep (to resume)",
                sweep.path,
            )
        return None
    if meta.get("sweep_id") != sweep.sweep_id:
        raise SweepError(
            f"output folder {store.root} holds another sweep "
            f"({meta.get('sweep_file')}, id {meta.get('sweep_id')}); this file or "
            f"its base scenario differ (id {sweep.sweep_id}); allowed: another "
            "--out, or the same sweep file unchanged to resume",
            sweep.path,
        )
    return meta


def run_sweep(
    sweep: Sweep,
    out: str | os.PathLike,
    backend=None,
    *,
    progress: Callable[[SweepReport], None] | None = None,
    batch_size: int | None = None,
    target_task_seconds: float = 1.0,
) -> SweepReport:
    """Run every unfinished run of ``sweep`` into folder ``out`` and consolidate the results.

    Finished runs (from an earlier, perhaps interrupted session) are skipped. Each result is
    written as soon as it arrives; a failed run is recorded and the sweep goes on.
    ``batch_size`` runs go in one task; by default it adapts so a task takes about
    ``target_task_seconds``. ``progress`` is called with the report after every batch.
    """
    from analysis.backends import SerialBackend

    backend = backend or SerialBackend()
    design = sweep.make_design()
    runs = plan(sweep, design)
    store = SweepStore(out, sweep.factors)
    previous = check_out_dir(sweep, store)
    store.root.mkdir(parents=True, exist_ok=True)
    lock = _lock(store.root, sweep.path)
    try:
        return _run_locked(
            sweep, store, design, runs, previous, backend, progress, batch_size, target_task_seconds
        )
    finally:
        lock.close()


def _lock(root: Path, sweep_path: str):
    """An exclusive advisory lock on ``root/.lock``, released when this process ends."""
    f = open(root / ".lock", "a")
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return f
    try:
        fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        f.close()
        raise SweepError(
            f"another kluit sweep is writing to {root}; allowed: wait for it to "
            "finish (or stop it), or use another --out",
            sweep_path,
        ) from None
    return f


def _run_locked(
    sweep: Sweep,
    store: SweepStore,
    design: Design,
    runs: list[RunSpec],
    previous: dict | None,
    backend,
    progress,
    batch_size: int | None,
    target_task_seconds: float,
) -> SweepReport:
    meta, pending, report = _start_session(
        sweep, store, design, runs, previous, backend.description
    )
    base = scenario_state(sweep.base)
    t0 = time.perf_counter()
    sizer = _BatchSize(batch_size or 1, adapt=batch_size is None, target=target_task_seconds)
    batches = _batches(sweep, base, pending, sizer, backend.workers)
    _run_pending(batches, pending, store, meta, report, backend, progress, sizer)
    report.seconds = time.perf_counter() - t0
    _finish_session(store, runs, meta, report)
    return report


def _start_session(
    sweep: Sweep,
    store: SweepStore,
    design: Design,
    runs: list[RunSpec],
    previous: dict | None,
    backend_name: str,
) -> tuple[dict[str, Any], list[RunSpec], SweepReport]:
    """Open this session in the folder's metadata: (metadata, the runs still to do, the
    report counting those already finished, with a note when the code version changed)."""
    store.remove_partial_files()
    meta = _metadata(sweep, design, runs, previous)
    meta["sessions"][-1]["backend"] = backend_name

    finished = store.finished()
    _settle_interrupted_sessions(meta["sessions"][:-1], len(finished))
    store.write_metadata(meta)
    pending = [r for r in runs if r.key not in finished]
    report = SweepReport(
        Path(store.root), len(runs), skipped=len(runs) - len(pending), backend=backend_name
    )
    if previous and report.skipped:
        report.notes += _version_changes(previous, meta)
    return meta, pending, report


@dataclass
class _BatchSize:
    """Runs per task: ``size`` as given, or (``adapt``) after every batch so that a task
    takes about ``target`` seconds of work."""

    size: int
    adapt: bool
    target: float
    run_seconds: float | None = None  # moving average of a run's wall time

    def update(self, result: list[RunOutput]) -> None:
        if not self.adapt:
            return
        secs = [o.seconds for o in result if o.seconds > 0]
        if secs:
            mean = sum(secs) / len(secs)
            prev = self.run_seconds
            self.run_seconds = mean if prev is None else 0.8 * prev + 0.2 * mean
            self.size = int(max(1, min(64, self.target / self.run_seconds)))


def _batches(
    sweep: Sweep,
    base: Mapping[str, Any],
    pending: list[RunSpec],
    sizer: _BatchSize,
    workers: int,
) -> Iterator[Batch]:
    """The pending runs as batches of ``sizer.size`` (read as each batch is made), never
    more than an even share per worker of the runs left."""
    i = 0
    while i < len(pending):
        size = max(1, min(sizer.size, -(-(len(pending) - i) // workers)))
        yield Batch(
            base,
            dict(sweep.constants),
            sweep.months,
            sweep.scale,
            sweep.outcomes,
            tuple(pending[i : i + size]),
        )
        i += size


def _run_pending(
    batches: Iterator[Batch],
    pending: list[RunSpec],
    store: SweepStore,
    meta: dict[str, Any],
    report: SweepReport,
    backend,
    progress,
    sizer: _BatchSize,
) -> None:
    """Run the batches on ``backend``, storing each result as it arrives and saving the
    session's counts every so often; an interruption is recorded in the metadata."""
    by_key = {r.key: r for r in pending}
    last_saved = time.monotonic()
    if progress:
        progress(report)
    try:
        for batch, result in backend.map(run_batch, batches):
            result = _record_batch(batch, result, by_key, store, report)
            sizer.update(result)
            if time.monotonic() - last_saved >= METADATA_EVERY_SECONDS:
                # a session killed later still says how far it got
                meta["sessions"][-1].update(done=report.done, failed=report.failed)
                store.write_metadata(meta)
                last_saved = time.monotonic()
            if progress:
                progress(report)
    except BaseException:  # Ctrl-C or an error: record what this session did, then stop
        meta["sessions"][-1].update(done=report.done, failed=report.failed, interrupted=True)
        with contextlib.suppress(OSError):  # e.g. the disk is full
            store.write_metadata(meta)
        raise


def _finish_session(
    store: SweepStore, runs: list[RunSpec], meta: dict[str, Any], report: SweepReport
) -> None:
    """Consolidate the results and close this session in the metadata with its counts."""
    store.consolidate(runs)
    meta["sessions"][-1].update(
        finished=_now(),
        done=report.done,
        failed=report.failed,
        seconds=round(report.seconds, 3),
        run_seconds=round(report.run_seconds, 3),
        parent_peak_rss_mb=round(_peak_rss_mb(), 1),
    )
    meta["finished"] = meta["sessions"][-1]["finished"]
    meta["counts"] = {
        "runs": report.total,
        "finished": report.finished,
        "failed": len(store.failed()),
    }
    store.write_metadata(meta)


def _record_batch(
    batch: Batch, result: Any, by_key: Mapping[str, RunSpec], store: SweepStore, report: SweepReport
) -> list[RunOutput]:
    """Store the outputs of one batch (results or failures), count them in ``report`` and
    return them (a failed task becomes one failure per run)."""
    if isinstance(result, BaseException):  # the task itself failed (a worker died)
        error, tb = format_exception(result)
        result = [RunOutput(r.key, error=error, traceback=tb) for r in batch.runs]
    for output in result:
        run = by_key[output.key]
        report.run_seconds += output.seconds
        if output.error is None:
            store.write_run(run, output.outcomes, output.monthly)
            report.done += 1
        else:
            store.write_failure(run, output.error, output.traceback or "")
            report.failed += 1
            report.failed_keys.append(run.key)
    return result


def _settle_interrupted_sessions(sessions: list[dict[str, Any]], finished: int) -> None:
    """Earlier sessions that never finished (killed) are marked ``interrupted``; the last of
    them gets the runs it finished (those in the folder that no other session counted)."""
    open_ = [s for s in sessions if s.get("finished") is None]
    for s in open_:
        s["interrupted"] = True
    if open_:
        others = sum(int(s.get("done") or 0) for s in sessions if s is not open_[-1])
        open_[-1]["done"] = max(int(open_[-1].get("done") or 0), finished - others)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (the sweep's parent), in MB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


# --- rerun ---------------------------------------------------------------------------------


@dataclass
class RerunResult:
    """A rerun of one stored run and how it compares with the stored result."""

    key: str
    run: RunSpec
    outcomes: dict[str, float]
    stored: dict[str, float] | None
    differences: list[str]
    notes: list[str]

    @property
    def matches(self) -> bool:
        return self.stored is not None and not self.differences


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == b


def rerun(out: str | os.PathLike, key: str) -> RerunResult:
    """Run one run of a sweep folder again from its metadata and compare it bit for bit."""
    store = SweepStore(out)
    meta = store.read_metadata()
    if meta is None:
        raise SweepError(
            "no metadata.json; allowed: a folder written by kluit sweep", os.fspath(out)
        )
    cols = meta["runs"]
    matches = [i for i, k in enumerate(cols["key"]) if k.startswith(key)]
    if len(matches) != 1:
        what = "no run" if not matches else f"{len(matches)} runs"
        raise SweepError(
            f"{what} with key {key!r}; allowed: a run key (or a unique prefix) "
            "from metadata.json or results.parquet",
            str(store.metadata_path),
            "runs",
        )
    i = matches[0]
    run = RunSpec(
        cols["key"][i],
        cols["point"][i],
        cols["replication"][i],
        cols["seed"][i],
        meta["points"][cols["point"][i]],
    )
    notes = []
    now_versions, now_git = package_versions(), source_revision()
    for name, v in meta.get("versions", {}).items():
        if now_versions.get(name) != v:
            notes.append(f"{name} was {v}, is now {now_versions.get(name)}")
    if meta.get("git_revision") and now_git["revision"] != meta["git_revision"]:
        notes.append(
            f"git revision was {meta['git_revision'][:12]}, is now "
            f"{(now_git['revision'] or 'unknown')[:12]}"
        )
    base = scenario_from_state(meta["base_scenario"])
    outcomes, monthly = run_one(
        base,
        meta["constants"],
        int(meta["months"]),
        float(meta["scale"]),
        tuple(meta["outcomes"]),
        run,
    )
    stored = None
    differences: list[str] = []
    if run.key in store.finished():
        res, stored_monthly = store.read_run(run.key)
        stored = dict(zip(res["outcome"], res["value"].astype(float)))
        for o, v in outcomes.items():
            if o not in stored or not _same(float(v), stored[o]):
                differences.append(f"{o}: stored {stored.get(o)!r}, rerun {v!r}")
        a = stored_monthly[["month", "variable", "value"]].reset_index(drop=True)
        b = monthly.reset_index(drop=True)
        same = len(a) == len(b) and (
            (a["month"].to_numpy() == b["month"].to_numpy()).all()
            and (a["variable"].astype(str).to_numpy() == b["variable"].astype(str).to_numpy()).all()
            and all(_same(x, y) for x, y in zip(a["value"].to_numpy(), b["value"].to_numpy()))
        )
        if not same:
            differences.append("monthly series differ")
    return RerunResult(run.key, run, outcomes, stored, differences, notes)

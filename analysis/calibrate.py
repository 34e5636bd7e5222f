"""Calibration: the targets of docs/sources.md and a simulated-method-of-moments fit of
assumed parameters.

The targets (:data:`TARGETS`) name a moment of ``summary()["calibration"]``, the figure and
source from ``docs/sources.md`` and the band we read "about" as. A parameter set is judged by the
weighted distance between the mean of its moments over replications and the targets, each
deviation measured in half-widths of its band, quadratic inside the band and linear beyond it
(:func:`target_distance`), so that a target the model cannot reach does not dominate.

The search (:func:`calibrate`) fits the parameters marked ``calibrate=True`` in
``sim/defaults.py``: a Latin hypercube over the search box, then rounds of smaller hypercubes
around the best point so far, every point run with the same replication seeds (common random
numbers, so two points differ by their parameters, not their luck). The best point is then
re-run with fresh seeds, and the table of target, simulated mean and 95% interval comes from
those out-of-sample runs. Runs go to worker processes (the sweep machinery's backend when it
is there, else ``concurrent.futures``).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare import mean_interval
from analysis.experiments import derive_seed, replication_seeds
from analysis.provenance import git_revision

__all__ = [
    "Target",
    "TARGETS",
    "DEFAULT_PARAMS",
    "target_distance",
    "target_table",
    "search_box",
    "latin_hypercube",
    "simulate_moments",
    "CalibrationResult",
    "calibrate",
    "write_calibration",
    "markdown_table",
]


@dataclass(frozen=True)
class Target:
    """One calibration target: moment ``key`` should be near ``value``, inside [lo, hi].

    ``upper_only`` targets ("at most") count as met anywhere below ``hi``. ``weight`` 0 shows
    the target in tables without letting it steer the fit.
    """

    key: str
    label: str
    value: float
    lo: float
    hi: float
    source: str
    weight: float = 1.0
    upper_only: bool = False

    @property
    def half_width(self) -> float:
        return (self.hi - self.lo) / 2.0

    def inside(self, x: float | None) -> bool | None:
        """Whether ``x`` lies in the band (None when the moment could not be computed)."""
        if x is None or not math.isfinite(x):
            return None
        return bool(self.lo <= x <= self.hi)

    def deviation(self, x: float | None) -> float:
        """Signed deviation from the target in half-widths of the band (NaN when missing).

        >>> Target("k", "", 1.0, 0.5, 1.5, "").deviation(2.0)
        2.0
        >>> Target("k", "", 0.11, 0.0, 0.11, "", upper_only=True).deviation(0.05)
        0.0
        """
        if x is None or not math.isfinite(x):
            return math.nan
        if self.upper_only:
            return max(0.0, x - self.hi) / self.half_width
        return (x - self.value) / self.half_width


#: the calibration targets (docs/sources.md) for the baseline (numbered as there). Bands are
#: our reading of "about" and "roughly": a target counts as met inside its band.
TARGETS: tuple[Target, ...] = (
    Target(
        "sa_change_per_year",
        "1. Bijstand stock roughly stable (change per year)",
        0.0,
        -0.02,
        0.02,
        "docs/sources.md target 1 (12,340 recipients in 2016, CBS 83747NED)",
    ),
    Target(
        "sa_per_1000_residents_15plus",
        "1. Bijstand per 1,000 residents 15+ (end of run)",
        37.5,
        34.0,
        41.0,
        "CBS 83747NED 2016",
        weight=0.0,
    ),
    Target(
        "sa_outflow_to_work_per_year",
        "2. Bijstand outflow to work per year",
        0.105,
        0.09,
        0.12,
        "CBS 83450NED 2015: 10.5% of stock + inflow",
    ),
    Target(
        "sa_outflow_total_per_year",
        "2. Bijstand total outflow per year",
        0.26,
        0.22,
        0.30,
        "CBS 83450NED 2015 (22%) to Divosa 2017 (30%)",
    ),
    Target(
        "sa_inflow_per_year",
        "2. Bijstand inflow per year",
        0.265,
        0.22,
        0.31,
        "CBS 83450NED 2015 (24.5%), Divosa 2017 (29%)",
        weight=0.5,
    ),
    Target(
        "sa_exit_per_year_under_1y",
        "3. Exit per year, < 1 year on benefits",
        0.22,
        0.17,
        0.27,
        "CBS 2008/14 (2006 figures); half weight: the newer figure, 44% "
        "leaving within the first year (2016-21), implies about twice this rate",
        weight=0.5,
    ),
    Target(
        "sa_exit_per_year_over_3y",
        "3. Exit per year, > 3 years on benefits",
        0.08,
        0.05,
        0.11,
        "CBS 2008/14 (2006 figures)",
    ),
    Target(
        "sa_reentry_all_exits_6m",
        "4. Re-entry of all exits within 6 months",
        0.15,
        0.11,
        0.19,
        "Divosa monitor 2014",
    ),
    Target(
        "sa_reentry_all_exits_12m",
        "4. Re-entry of all exits within 12 months",
        0.22,
        0.17,
        0.27,
        "Divosa monitor 2014",
    ),
    Target(
        "sa_reentry_all_exits_24m",
        "4. Re-entry of all exits within 24 months",
        0.30,
        0.24,
        0.36,
        "Divosa monitor 2014",
    ),
    Target(
        "sa_reentry_work_exits_6m",
        "4. Re-entry of exits to work within 6 months (at most)",
        0.11,
        0.0,
        0.11,
        "Divosa monitor 2014",
        upper_only=True,
    ),
    Target(
        "unemployment_rate", "5. Unemployment rate", 0.072, 0.06, 0.085, "CBS 83524NED 2016 (7.2%)"
    ),
    Target(
        "unemployed_per_vacancy",
        "5. Unemployed per vacancy",
        3.5,
        2.7,
        4.3,
        "regional press Q1 2017 (NL 2.7)",
    ),
    Target(
        "own_municipality_share",
        "6. Working in own municipality (under half)",
        0.43,
        0.35,
        0.50,
        "regional press (43% in 2007)",
        weight=0.5,
    ),
    Target(
        "sw_change_per_year",
        "7. Wsw stock change per year",
        -0.05,
        -0.07,
        -0.03,
        "Wsw jaarrapport 2016 (-5.1%)",
    ),
    Target(
        "sw_outflow_not_to_work_share",
        "7. Wsw outflow not to work",
        0.667,
        0.55,
        0.78,
        "rijksoverheid 2018 (~2/3 death, retirement, sickness)",
    ),
    Target(
        "vacancy_rate",
        "5. Vacancy rate (open vacancies per job + vacancy)",
        0.025,
        0.015,
        0.035,
        "UWV via regional press: ~4,500 open on ~176k jobs (Q3 2018); NL 27 per "
        "1,000 jobs (end 2017)",
        weight=0.5,
    ),
    Target(
        "sa_exit_to_work_in_work_6m",
        "8. Exits to work: in work without bijstand after 6 months",
        0.82,
        0.77,
        0.87,
        "CBS cohort study, exits from bijstand to work in 2021",
    ),
    Target(
        "sa_exit_to_work_in_work_18m",
        "8. Exits to work: in work without bijstand after 18 months",
        0.72,
        0.67,
        0.77,
        "CBS cohort study, exits from bijstand to work in 2021",
    ),
    Target(
        "sa_exit_to_work_back_18m",
        "8. Exits to work: back on bijstand after 18 months",
        0.09,
        0.06,
        0.12,
        "CBS cohort study, exits from bijstand to work in 2021",
    ),
    Target(
        "sa_exit_to_work_neither_18m",
        "8. Exits to work: neither after 18 months (other benefit, partner, moved)",
        0.19,
        0.14,
        0.24,
        "CBS cohort study (the rest)",
        weight=0.0,
    ),
)

#: the most influential assumed parameters, fitted when ``--params`` is not given
DEFAULT_PARAMS = (
    "labour_market.separation_rate",
    "matching.applications_per_month",
    "labour_market.relapse_base_rate",
    "labour_market.sa_other_exit_rate",
    "demography.entry_social_assistance_share",
    "matching.search_decay_per_year",
)
#: appended to the description of a calibrated scenario
_CALIBRATED_NOTE = "Calibrated to the docs/sources.md targets by kluit calibrate."
#: a missing moment (e.g. no exits to measure re-entry on) counts as this many half-widths
MISSING_DEVIATION = 5.0


def target_loss(d: float) -> float:
    """Loss of a deviation ``d`` in half-band widths: quadratic inside the band, linear beyond
    (Huber), so one target the model cannot reach does not outweigh several that it meets.

    >>> [target_loss(x) for x in (0.0, 0.5, 1.0, 3.0, -3.0)]
    [0.0, 0.25, 1.0, 5.0, 5.0]
    """
    a = abs(d)
    return a * a if a <= 1.0 else 2.0 * a - 1.0


def target_distance(
    moments: Mapping[str, float | None], targets: Sequence[Target] = TARGETS
) -> float:
    """Weighted sum of :func:`target_loss` of the deviations from the targets.

    >>> t = (Target("a", "", 1.0, 0.5, 1.5, ""), Target("b", "", 0.0, -1, 1, "", weight=2))
    >>> target_distance({"a": 2.0, "b": 0.5}, t)
    3.5
    """
    total = 0.0
    for t in targets:
        if t.weight == 0:
            continue
        d = t.deviation(moments.get(t.key))
        total += t.weight * target_loss(MISSING_DEVIATION if math.isnan(d) else d)
    return float(total)


def mean_moments(runs: Sequence[Mapping[str, float | None]]) -> dict[str, float]:
    """Mean of each moment over replications (missing values left out; NaN if all missing)."""
    keys = dict.fromkeys(k for r in runs for k in r)
    out = {}
    for k in keys:
        raw = [r.get(k) for r in runs]
        vals = [float(v) for v in raw if isinstance(v, (int, float)) and math.isfinite(v)]
        out[k] = float(np.mean(vals)) if vals else math.nan
    return out


def target_table(
    runs: Sequence[Mapping[str, float | None]], targets: Sequence[Target] = TARGETS
) -> pd.DataFrame:
    """Target, band, simulated mean and 95% interval over replications, and whether it is in."""
    rows = []
    for t in targets:
        m, lo, hi, n = mean_interval([r.get(t.key) for r in runs])
        rows.append(
            {
                "key": t.key,
                "target": t.label,
                "value": t.value,
                "band_low": t.lo,
                "band_high": t.hi,
                "mean": m,
                "low": lo,
                "high": hi,
                "n": n,
                "inside": t.inside(m),
                "deviation": t.deviation(m),
                "weight": t.weight,
                "source": t.source,
            }
        )
    return pd.DataFrame(rows)


def _fmt(x: float, key: str = "") -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "n/a"
    if key in ("unemployed_per_vacancy", "sa_per_1000_residents_15plus"):
        return f"{x:.1f}"
    return f"{100 * x:.1f}%"


def markdown_table(table: pd.DataFrame, *, with_source: bool = True) -> str:
    """The target table as Markdown (percentages, 95% interval, a tick when inside the band)."""
    head = ["Target", "figure", "band", "simulated mean", "95% interval", "in band"]
    if with_source:
        head.append("source")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in table.itertuples():
        k = r.key
        value = ("<= " if k == "sa_reentry_work_exits_6m" else "") + _fmt(r.value, k)
        band = (
            f"<= {_fmt(r.band_high, k)}"
            if k == "sa_reentry_work_exits_6m"
            else f"{_fmt(r.band_low, k)} to {_fmt(r.band_high, k)}"
        )
        interval = f"{_fmt(r.low, k)} to {_fmt(r.high, k)}" if math.isfinite(r.low) else "n/a"
        ok = {True: "yes", False: "**no**", None: "n/a"}[r.inside]
        label = r.target + (" (shown, not fitted)" if r.weight == 0 else "")
        cells = [label, value, band, _fmt(r.mean, k), interval, ok]
        if with_source:
            cells.append(r.source)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- the search


def search_box(
    keys: Sequence[str],
    bounds: Mapping[str, tuple[float, float]] | None = None,
    start: Mapping[str, Any] | None = None,
) -> dict[str, tuple[float, float, bool]]:
    """Search range per parameter: (low, high, log scale).

    Default: a factor 3 either side of the starting value (``start`` or the registry default),
    clipped to the parameter's allowed range; a log scale for positive ranges, since these are
    rates whose plausible values span a factor, not a fixed amount. Shares are capped at 1.

    >>> search_box(["labour_market.separation_rate"], start={"labour_market.separation_rate": 0.01})
    {'labour_market.separation_rate': (0.0033333333333333335, 0.03, True)}
    """
    from sim.params import all_params

    params = all_params()
    out = {}
    for k in keys:
        if k not in params:
            raise KeyError(k)
        p = params[k]
        if p.kind not in (int, float):
            raise ValueError(f"{k}: only numeric parameters can be calibrated")
        if bounds and k in bounds:
            lo, hi = map(float, bounds[k])
        else:
            x0 = float((start or {}).get(k, p.default))
            if x0 > 0:
                lo, hi = x0 / 3.0, x0 * 3.0
            else:
                lo, hi = (p.lo or 0.0), (p.hi if p.hi is not None else 1.0)
        if p.lo is not None:
            lo = max(lo, float(p.lo))
        if p.hi is not None:
            hi = min(hi, float(p.hi))
        if hi <= lo:
            raise ValueError(f"{k}: empty search range [{lo}, {hi}]")
        out[k] = (lo, hi, lo > 0)
    return out


def latin_hypercube(n: int, d: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` points in [0, 1)^d, one in each of ``n`` equal strata of every dimension.

    >>> x = latin_hypercube(4, 2, np.random.default_rng(0))
    >>> sorted((x[:, 0] * 4).astype(int).tolist())
    [0, 1, 2, 3]
    """
    u = rng.random((n, d))
    strata = np.stack([rng.permutation(n) for _ in range(d)], axis=1)
    return (strata + u) / n


def to_values(unit: np.ndarray, box: Mapping[str, tuple[float, float, bool]]) -> list[dict]:
    """Map points of the unit cube to parameter values (log or linear per parameter)."""
    from sim.params import all_params

    params = all_params()
    out = []
    for row in np.atleast_2d(unit):
        d = {}
        for x, (k, (lo, hi, log)) in zip(row, box.items()):
            v = (
                math.exp(math.log(lo) + x * (math.log(hi) - math.log(lo)))
                if log
                else lo + x * (hi - lo)
            )
            v = min(max(v, lo), hi)
            d[k] = int(round(v)) if params[k].kind is int else float(f"{v:.4g}")
        out.append(d)
    return out


def to_unit(
    values: Mapping[str, float], box: Mapping[str, tuple[float, float, bool]]
) -> np.ndarray:
    """Inverse of :func:`to_values` for one point."""
    out = []
    for k, (lo, hi, log) in box.items():
        v = min(max(float(values[k]), lo), hi)
        out.append(
            (math.log(v) - math.log(lo)) / (math.log(hi) - math.log(lo))
            if log
            else (v - lo) / (hi - lo)
        )
    return np.asarray(out)


@dataclass(frozen=True)
class RunTask:
    """One simulation: a scenario file, overrides, seed, scale and months (picklable)."""

    scenario: str
    overrides: tuple[tuple[str, Any], ...]
    seed: int
    scale: float | None
    months: int | None


def simulate_moments(task: RunTask) -> dict[str, float | None]:
    """Run one task and return its calibration moments (runs in a worker process)."""
    from analysis.experiments import prepare
    from sim.model import LabourMarketModel

    scen = prepare(
        task.scenario,
        seed=task.seed,
        months=task.months,
        scale=task.scale,
        overrides=list(task.overrides),
    )
    model = LabourMarketModel(scen)
    model.run()
    return dict(model.summary()["calibration"])


def _simulate_indexed(item: tuple[int, RunTask]) -> dict[str, float | None]:
    return simulate_moments(item[1])


def _run_all(
    tasks: Sequence[RunTask], backend, progress: Callable[[int, int], None] | None
) -> list[dict]:
    """Run tasks on ``backend`` and return their moments in task order. Results do not depend
    on the backend: every task carries its seed."""
    results: list[dict | None] = [None] * len(tasks)
    done = 0
    for (i, _), res in backend.map(_simulate_indexed, enumerate(tasks)):
        if isinstance(res, BaseException):
            raise res
        results[i] = res
        done += 1
        if progress:
            progress(done, len(tasks))
    return results  # type: ignore[return-value]


class _PoolBackend:
    """Fallback with the backend interface: ``map`` yields (item, result) as runs finish."""

    def __init__(self, workers: int):
        import multiprocessing as mp

        self.workers = workers
        self.pool = (
            ProcessPoolExecutor(workers, mp_context=mp.get_context("forkserver"))
            if workers > 1
            else None
        )

    def map(self, fn, items):
        from concurrent.futures import as_completed

        items = list(items)
        if self.pool is None:
            for item in items:
                yield item, fn(item)
            return
        futs = {self.pool.submit(fn, item): item for item in items}
        for fut in as_completed(futs):
            yield futs[fut], fut.result()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _backend(workers: int):
    """The sweep machinery's backend (``analysis.backends``: this process for one worker, else
    local processes), or a ``concurrent.futures`` pool when that module is not there."""
    try:
        from analysis.backends import make_backend
    except ImportError:
        return _PoolBackend(workers)
    return make_backend(workers)


@dataclass
class CalibrationResult:
    """The fit: best values, every evaluated point, and the out-of-sample target tables."""

    scenario: str
    params: dict[str, tuple[float, float, bool]]
    start: dict[str, float]
    best: dict[str, float]
    samples: pd.DataFrame  # one row per evaluated point: round, values, distance, moments
    table_before: pd.DataFrame
    table_after: pd.DataFrame
    distance_before: float
    distance_after: float
    settings: dict[str, Any] = field(default_factory=dict)


def calibrate(
    scenario: str | os.PathLike,
    *,
    params: Sequence[str] = DEFAULT_PARAMS,
    reps: int = 3,
    samples: int = 24,
    rounds: int = 3,
    final_reps: int | None = None,
    top: int = 5,
    scale: float | None = 0.1,
    months: int | None = 60,
    seed: int = 2026,
    workers: int = 1,
    overrides: Iterable[tuple[str, Any]] = (),
    bounds: Mapping[str, tuple[float, float]] | None = None,
    targets: Sequence[Target] = TARGETS,
    progress: Callable[[int, int], None] | None = None,
) -> CalibrationResult:
    """Fit ``params`` of ``scenario`` to ``targets`` by simulated method of moments.

    ``rounds`` Latin hypercubes of ``samples`` points each, every point run ``reps`` times
    with the same seeds; round 0 spans the search box (and includes the starting point), each
    later round a box half as wide around the best point so far. With few replications the
    best of many noisy evaluations is partly luck (the winner's curse), so the ``top`` best
    points and the start are run again with fresh selection seeds and the best of those wins;
    the winner and the start are then run ``final_reps`` times with a third set of seeds for
    the tables, so the reported fit is out of sample.
    """
    from sim.scenario import load_scenario

    scenario = os.fspath(scenario)
    overrides = tuple((k, v) for k, v in overrides)
    scen = load_scenario(scenario, list(overrides))
    start = {k: scen[k] for k in params}
    box = search_box(params, bounds, start)
    rng = np.random.default_rng(derive_seed(seed, "calibrate", "design"))
    fit_seeds = replication_seeds(derive_seed(seed, "calibrate", "fit"), reps)
    final_reps = final_reps or max(reps, 5)
    select_seeds = replication_seeds(derive_seed(seed, "calibrate", "select"), final_reps)
    check_seeds = replication_seeds(derive_seed(seed, "calibrate", "check"), final_reps)
    top = max(1, min(top, rounds * samples))
    total = rounds * samples * reps + (top + 1) * final_reps + 2 * final_reps

    with _backend(workers) as backend:
        evaluate = _Evaluator(scenario, overrides, scale, months, backend, total, progress)
        rows = _search(evaluate, box, start, samples, rounds, rng, fit_seeds, targets)
        finalists = _finalists(rows, box, start, top)
        best = _select(evaluate, finalists, select_seeds, rows, box, targets)
        before_runs, after_runs = evaluate([dict(start), best], check_seeds)
    return CalibrationResult(
        scenario=scenario,
        params=box,
        start=start,
        best=best,
        samples=pd.DataFrame(rows),
        table_before=target_table(before_runs, targets),
        table_after=target_table(after_runs, targets),
        distance_before=target_distance(mean_moments(before_runs), targets),
        distance_after=target_distance(mean_moments(after_runs), targets),
        settings={
            "reps": reps,
            "samples": samples,
            "rounds": rounds,
            "final_reps": final_reps,
            "top": top,
            "select_seeds": select_seeds,
            "scale": scale,
            "months": months,
            "seed": seed,
            "workers": workers,
            "overrides": [list(o) for o in overrides],
            "fit_seeds": fit_seeds,
            "check_seeds": check_seeds,
        },
    )


class _Evaluator:
    """Runs parameter points, each once per seed, on a backend; ``progress`` counts runs over
    the whole fit (``total``), not per call."""

    def __init__(
        self,
        scenario: str,
        overrides: tuple[tuple[str, Any], ...],
        scale: float | None,
        months: int | None,
        backend,
        total: int,
        progress: Callable[[int, int], None] | None,
    ):
        self.scenario, self.overrides, self.scale, self.months = scenario, overrides, scale, months
        self.backend, self.total, self.progress = backend, total, progress
        self.done = 0

    def _tick(self, k: int, _total: int) -> None:
        if self.progress:
            self.progress(self.done + k, self.total)

    def __call__(self, points: list[dict], seeds: list[int]) -> list[list[dict]]:
        """The moments of every run, grouped per point (in the order of ``seeds``)."""
        tasks = [
            RunTask(self.scenario, self.overrides + tuple(pt.items()), s, self.scale, self.months)
            for pt in points
            for s in seeds
        ]
        res = _run_all(tasks, self.backend, self._tick)
        self.done += len(tasks)
        return [res[i * len(seeds) : (i + 1) * len(seeds)] for i in range(len(points))]


def _search(
    evaluate: _Evaluator,
    box: Mapping[str, tuple[float, float, bool]],
    start: Mapping[str, float],
    samples: int,
    rounds: int,
    rng: np.random.Generator,
    seeds: list[int],
    targets: Sequence[Target],
) -> list[dict]:
    """Every evaluated point of the ``rounds`` Latin hypercubes, each round half as wide as
    the one before around the best point so far (one row per point, see :func:`_sample_row`)."""
    rows: list[dict] = []
    center = to_unit(start, box)
    width = 1.0
    best_row: dict | None = None
    for rnd in range(rounds):
        points = _round_points(rnd, samples, box, start, center, width, rng)
        for pt, runs in zip(points, evaluate(points, seeds)):
            row = _sample_row(rnd, pt, runs, targets)
            rows.append(row)
            if best_row is None or row["distance"] < best_row["distance"]:
                best_row = row
        assert best_row is not None
        center = to_unit({k: best_row[k] for k in box}, box)
        width /= 2.0
    return rows


def _round_points(
    rnd: int,
    samples: int,
    box: Mapping[str, tuple[float, float, bool]],
    start: Mapping[str, float],
    center: np.ndarray,
    width: float,
    rng: np.random.Generator,
) -> list[dict]:
    """The points of round ``rnd``: a hypercube over the whole box in round 0 (with the
    starting point in place of its first), else over a box of ``width`` around ``center``."""
    unit = latin_hypercube(samples, len(box), rng)
    if rnd > 0:
        lo = np.clip(center - width / 2, 0, 1 - width)
        unit = lo + unit * width
    points = to_values(unit, box)
    if rnd == 0:
        points[0] = dict(start)  # the starting point competes too
    return points


def _sample_row(
    rnd: int, pt: Mapping[str, float], runs: Sequence[Mapping[str, float | None]], targets
) -> dict:
    """One evaluated point: round, values, distance and the mean of each target's moment."""
    mm = mean_moments(runs)
    return {
        "round": rnd,
        **pt,
        "distance": target_distance(mm, targets),
        **{f"m.{t.key}": mm.get(t.key, math.nan) for t in targets},
    }


def _finalists(
    rows: Sequence[dict], box: Mapping[str, Any], start: Mapping[str, float], top: int
) -> list[dict]:
    """The ``top`` best distinct points other than the start, then the start."""
    ranked = sorted(rows, key=lambda r: r["distance"])
    finalists: list[dict] = []
    for r in ranked:
        pt = {k: r[k] for k in box}
        if pt not in finalists and pt != start:
            finalists.append(pt)
        if len(finalists) == top:
            break
    finalists.append(dict(start))
    return finalists


def _select(
    evaluate: _Evaluator,
    finalists: list[dict],
    seeds: list[int],
    rows: list[dict],
    box: Mapping[str, Any],
    targets: Sequence[Target],
) -> dict:
    """The finalist with the least distance on fresh ``seeds`` (against the winner's curse);
    each finalist's rows get that distance as ``selection_distance``."""
    selection = [
        target_distance(mean_moments(runs), targets) for runs in evaluate(finalists, seeds)
    ]
    for pt, d in zip(finalists, selection):
        for r in rows:
            if all(r[k] == pt[k] for k in box):
                r["selection_distance"] = d
    return finalists[int(np.argmin(selection))]


# ----------------------------------------------------------------------------- output


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'


def calibrated_toml(result: CalibrationResult, out_dir: str | os.PathLike, command: str) -> str:
    """The calibrated scenario: a file extending the input with the fitted values (and the
    ``--set`` overrides the fit was made under), headed by when and how it was calibrated."""
    from sim.scenario import load_scenario

    src = load_scenario(result.scenario)
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    rev = git_revision(short=True)
    ext = os.path.relpath(os.path.abspath(result.scenario), os.path.abspath(out_dir))
    s = result.settings
    lines = [
        f"# Calibrated on {when} with: {command}",
        f"# kluit git revision {rev or 'unknown'}. Simulated method of moments: "
        f"{s['rounds']} x {s['samples']} points x {s['reps']} replications",
        f"# (scale {s['scale']}, {s['months']} months, seed {s['seed']}), best of the top "
        f"{s['top']} on fresh seeds. Distance to the",
        f"# docs/sources.md targets: {result.distance_before:.1f} before, "
        f"{result.distance_after:.1f} after (out of sample, {s['final_reps']} more replications);",
        "# see calibration.md beside this file.",
        f"name = {_toml_value(src.name + '_calibrated')}",
        f"description = {_toml_value((src.description + ' ').lstrip() + _CALIBRATED_NOTE)}",
        f"extends = {_toml_value(ext)}",
    ]
    values: dict[str, Any] = {
        k: v for k, v in s["overrides"] if not k.startswith("run.") or k == "run.region"
    }
    values.update(result.best)
    tables: dict[str, list[str]] = {}
    for key, v in values.items():
        table, _, leaf = key.rpartition(".")
        tables.setdefault(table, []).append(f"{leaf} = {_toml_value(v)}")
    for table, rows in tables.items():
        lines += ["", f"[{table}]", *rows]
    return "\n".join(lines) + "\n"


def write_calibration(
    result: CalibrationResult, out_dir: str | os.PathLike, command: str
) -> dict[str, Path]:
    """Write the calibrated scenario, the target tables (CSV + Markdown) and every sample."""
    from analysis.io import atomic_write_bytes, write_json, write_table
    from sim.scenario import load_scenario

    out = Path(out_dir)
    name = Path(result.scenario).stem + "_calibrated.toml"
    toml_text = calibrated_toml(result, out, command)
    paths = {"scenario": atomic_write_bytes(out / name, toml_text.encode())}
    load_scenario(paths["scenario"])  # the file we wrote must load
    both = pd.concat(
        [
            result.table_before.assign(parameters="before"),
            result.table_after.assign(parameters="calibrated"),
        ],
        ignore_index=True,
    )
    paths["table"] = write_table(out / "calibration.csv", both)
    paths["samples"] = write_table(out / "samples.csv", result.samples)
    md = calibration_markdown(result, command, name)
    paths["markdown"] = atomic_write_bytes(out / "calibration.md", md.encode())
    paths["metadata"] = write_json(out / "metadata.json", calibration_metadata(result, command))
    return paths


def calibration_markdown(result: CalibrationResult, command: str, scenario_file: str) -> str:
    """``calibration.md``: how the fit was made, the parameters before and after, and the
    target tables with the calibrated and the starting values."""
    s = result.settings
    md = [
        f"# Calibration of `{result.scenario}`",
        "",
        f"Generated by `{command}`; the calibrated scenario is `{scenario_file}`.",
        "",
        f"Simulated method of moments: {s['rounds']} rounds of a Latin hypercube with "
        f"{s['samples']} points, each run {s['reps']} times with the same seeds (scale "
        f"{s['scale']}, {s['months']} months); the {s['top']} best points and the start were run "
        f"again with {s['final_reps']} fresh seeds and the best of those was kept. Tables below "
        f"come from a third set of {s['final_reps']} replications (used neither in the fit nor "
        "in the selection); intervals are 95% t-intervals of the mean.",
        "",
        "## Parameters",
        "",
        "| parameter | start | calibrated | search range |",
        "|---|---|---|---|",
    ]
    for k, (lo, hi, log) in result.params.items():
        md.append(
            f"| `{k}` | {result.start[k]:.4g} | {result.best[k]:.4g} | {lo:.4g} to "
            f"{hi:.4g}{' (log)' if log else ''} |"
        )
    md += [
        "",
        f"Distance to the targets (weighted Huber loss of the deviations in half-band widths): "
        f"{result.distance_before:.2f} before, {result.distance_after:.2f} after.",
        "",
        "## Targets with the calibrated values",
        "",
        markdown_table(result.table_after),
        "## Targets with the starting values",
        "",
        markdown_table(result.table_before, with_source=False),
    ]
    return "\n".join(md)


def calibration_metadata(result: CalibrationResult, command: str) -> dict[str, Any]:
    """``metadata.json``: the command, code revision, time, every parameter's start, fit and
    search range, the distances and the settings of the fit."""
    return {
        "command": command,
        "scenario": result.scenario,
        "git_revision": git_revision(short=True),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "params": {
            k: {
                "start": result.start[k],
                "calibrated": result.best[k],
                "low": v[0],
                "high": v[1],
                "log": v[2],
            }
            for k, v in result.params.items()
        },
        "distance_before": result.distance_before,
        "distance_after": result.distance_after,
        **result.settings,
    }

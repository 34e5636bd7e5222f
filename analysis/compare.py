"""Compare scenarios over replications with common random numbers.

Every arm runs with the same replication seeds, so for a given seed every arm sees the same
people, employers and demand; the paired difference against the first arm (the reference) is
the policy's effect. Intervals are 95% t-intervals over replications.

Two deadweights: ``deadweight_share.<instrument>`` = 1 - ``decisive_share.<instrument>`` comes
from the hiring decision itself (of the placements an instrument touched, the share the employer
would have made on the same draws without the instrument's contribution);
``deadweight_share_paired`` is the share of an arm's subsidised placements whose person was also
placed in the paired reference run (at any time, with any employer). Displacement is the drop
in other jobseekers' hires. Subgroup rows (column ``subgroup``; ``all`` for the whole run) give
outcomes of the month-0 target group by wage value, months on benefits and origin.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analysis.experiments import RunResult, replication_seeds, run_scenario
from sim.scenario import Scenario, load_scenario

#: the headline metrics shown in tables (summary keys)
HEADLINE = (
    "placement_rate_12m",
    "relapse_rate_12m",
    "sustained_placement_rate_24m",
    "mean_months_to_placement",
    "unemployment_rate",
    "vacancy_rate",
    "public_cost_eur",
    "public_cost_municipality_eur",
    "public_cost_national_eur",
    "reintegration_cost_eur",
    "cost_per_sustained_placement_eur",
    "employer_participation_rate",
    "placements",
    "placements_subsidised",
    "placements_pool",
    "employer_refusals_sickness_risk",
)
#: paired outcomes computed from an arm and its reference run
PAIRED = (
    "deadweight_share_paired",
    "displacement_per_extra_placement",
    "extra_sustained_placements",
    "cost_per_extra_sustained_placement_eur",
)
#: prefixes of per-instrument metrics that belong to an arm alone (no difference with the
#: reference, which has no instrument)
OWN_PREFIXES = ("decisive_share.", "deadweight_share.", "touched_placements.")
#: separator of a subgroup in the flat metric keys of a run (``metric@subgroup``)
SUBGROUP_SEP = "@"

# two-sided 97.5% quantiles of Student's t for small samples (df 1..30), then normal
_T975 = [
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
]


def t_quantile(df: int) -> float:
    """97.5% quantile of Student's t with ``df`` degrees of freedom.

    >>> t_quantile(9)
    2.262
    """
    if df <= 0:
        return math.nan
    return _T975[df - 1] if df <= len(_T975) else 1.96


def mean_interval(values: Sequence[float | None]) -> tuple[float, float, float, int]:
    """(mean, low, high, n) of the finite values: a 95% t-interval of the mean.

    >>> [round(x, 3) for x in mean_interval([1.0, 2.0, 3.0])]
    [2.0, -0.484, 4.484, 3]
    """

    def t_bounds(x: np.ndarray, m: float) -> tuple[float, float]:
        n = len(x)
        half = t_quantile(n - 1) * float(x.std(ddof=1)) / math.sqrt(n)
        return (m - half, m + half)

    return interval_of_mean(values, t_bounds)


def interval_of_mean(
    values: Sequence[float | None], bounds: Callable[[np.ndarray, float], tuple[float, float]]
) -> tuple[float, float, float, int]:
    """(mean, low, high, n) of the finite values, the interval from ``bounds(finite values, mean)``;
    NaN bounds for fewer than two values, which leave no spread to measure."""
    x = np.asarray([v for v in values if v is not None and np.isfinite(v)], dtype=float)
    n = len(x)
    if n == 0:
        return (math.nan, math.nan, math.nan, 0)
    m = float(x.mean())
    if n == 1:
        return (m, math.nan, math.nan, 1)
    low, high = bounds(x, m)
    return (m, low, high, n)


def sustained_placements(s: dict[str, Any]) -> float:
    """Placements that did not relapse (a run's count, used for cost per extra placement)."""
    return float(s["placements"] - s["relapses"])


def paired_outcomes(arm: RunResult, ref: RunResult) -> dict[str, float]:
    """Deadweight, displacement and cost per extra placement of ``arm`` against ``ref``."""
    a, r = arm.placements, ref.placements
    subsidised = a[a["kind"] == "subsidised"]  # the job kind, as the placement started
    ref_placed = set(r["person"].tolist())
    deadweight = (
        float(subsidised["person"].isin(ref_placed).mean()) if len(subsidised) else math.nan
    )
    extra = sustained_placements(arm.summary) - sustained_placements(ref.summary)

    def other_hires(res: RunResult) -> float:
        m = res.monthly
        hires = m[(m.municipality == "all") & (m.variable == "hires")]["value"].sum()
        return float(hires) - float(len(res.placements))

    extra_placements = len(a) - len(r)
    displacement = (
        (other_hires(ref) - other_hires(arm)) / extra_placements
        if extra_placements > 0
        else math.nan
    )
    dcost = arm.summary["public_cost_eur"] - ref.summary["public_cost_eur"]
    return {
        "deadweight_share_paired": deadweight,
        "displacement_per_extra_placement": displacement,
        "extra_sustained_placements": extra,
        "cost_per_extra_sustained_placement_eur": dcost / extra if extra > 0 else math.nan,
    }


def flatten(summary: dict[str, Any]) -> dict[str, float]:
    """Numeric outcomes of a summary, with group metrics as ``<group>.<metric>``."""
    out: dict[str, float] = {}
    for k in HEADLINE:
        v = summary.get(k)
        out[k] = math.nan if v is None else float(v)
    for g, d in summary.get("groups", {}).items():
        for k, v in d.items():
            out[f"{g}.{k}"] = math.nan if v is None else float(v)
    for name, d in summary.get("instruments", {}).items():
        touched = d.get("touched", 0)
        share = d["decisive"] / touched if touched else math.nan
        out[f"touched_placements.{name}"] = float(touched)
        out[f"decisive_share.{name}"] = share
        out[f"deadweight_share.{name}"] = 1.0 - share
    for sg, d in summary.get("subgroups", {}).items():
        for k, v in d.items():
            out[f"{k}{SUBGROUP_SEP}{sg}"] = math.nan if v is None else float(v)
    return out


def split_metric(key: str) -> tuple[str, str]:
    """(metric, subgroup) of a flat key; ``all`` when it has no subgroup.

    >>> split_metric("placement_rate_12m@wage_value<0.5"), split_metric("placements")
    (('placement_rate_12m', 'wage_value<0.5'), ('placements', 'all'))
    """
    metric, _, sub = key.partition(SUBGROUP_SEP)
    return metric, (sub or "all")


@dataclass
class Comparison:
    """Per-arm, per-replication outcomes and the table of means, intervals and differences."""

    arms: list[str]
    seeds: list[int]
    runs: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    monthly: dict[str, list[pd.DataFrame]] = field(default_factory=dict)

    def table(self) -> pd.DataFrame:
        """One row per arm, metric and subgroup: mean and 95% interval, and the paired
        difference with the first arm (mean and interval). Per-instrument metrics appear only
        for the arms that run the instrument."""
        rows = []
        ref = self.arms[0]
        # every arm's metrics (an instrument may add a group, e.g. ``preparation.*``)
        metrics = list(dict.fromkeys(k for arm in self.arms for k in self.runs[arm][0]))
        for arm in self.arms:
            keys = self.runs[arm][0]
            for key in metrics:
                if key.startswith(OWN_PREFIXES) and key not in keys:
                    continue
                vals = [r.get(key, math.nan) for r in self.runs[arm]]
                m, lo, hi, n = mean_interval(vals)
                metric, subgroup = split_metric(key)
                row = {
                    "scenario": arm,
                    "metric": metric,
                    "subgroup": subgroup,
                    "mean": m,
                    "low": lo,
                    "high": hi,
                    "n": n,
                }
                if metric in PAIRED or metric.startswith(OWN_PREFIXES):
                    row.update(diff=m, diff_low=lo, diff_high=hi)
                elif arm != ref:
                    diffs = [
                        a - b for a, b in zip(vals, (r.get(key, math.nan) for r in self.runs[ref]))
                    ]
                    d, dlo, dhi, _ = mean_interval(diffs)
                    row.update(diff=d, diff_low=dlo, diff_high=dhi)
                else:
                    row.update(diff=math.nan, diff_low=math.nan, diff_high=math.nan)
                rows.append(row)
        return pd.DataFrame(rows)

    def series(self, variable: str) -> pd.DataFrame:
        """Region-level monthly ``variable`` per arm: mean and 95% interval over replications."""
        out = []
        for arm, frames in self.monthly.items():
            # month counters are recorded only when non-zero: a missing month is a zero
            per_rep = [
                f[(f.municipality == "all") & (f.variable == variable)]
                .set_index("month")["value"]
                .reindex(np.sort(f["month"].unique()), fill_value=0.0)
                for f in frames
            ]
            if not per_rep:
                continue
            mat = pd.concat(per_rep, axis=1).sort_index().fillna(0.0)
            for month, vals in mat.iterrows():
                m, lo, hi, n = mean_interval(vals.to_numpy())
                out.append({"scenario": arm, "month": int(month), "mean": m, "low": lo, "high": hi})
        return pd.DataFrame(out)


def arm_name(scen: Scenario, taken: set[str]) -> str:
    name = scen.name
    i = 2
    while name in taken:
        name = f"{scen.name}_{i}"
        i += 1
    return name


def compare(
    scenarios: Sequence[Scenario | str],
    *,
    reps: int = 5,
    seed: int = 1,
    months: int | None = None,
    scale: float | None = None,
    overrides=(),
    progress: Callable[[int, int], None] | None = None,
    keep_monthly: bool = True,
) -> Comparison:
    """Run every scenario with the same ``reps`` replication seeds (common random numbers)."""
    scens = [s if isinstance(s, Scenario) else load_scenario(s) for s in scenarios]
    seeds = replication_seeds(seed, reps)
    names: list[str] = []
    for s in scens:
        names.append(arm_name(s, set(names)))
    comp = Comparison(arms=names, seeds=seeds)
    total, done = len(scens) * reps, 0
    for rep_seed in seeds:
        ref_result: RunResult | None = None
        for name, scen in zip(names, scens):
            res = run_scenario(scen, seed=rep_seed, months=months, scale=scale, overrides=overrides)
            row = flatten(res.summary)
            if ref_result is None:
                ref_result = res
                row.update({k: math.nan for k in PAIRED})
            else:
                row.update(paired_outcomes(res, ref_result))
            comp.runs.setdefault(name, []).append(row)
            if keep_monthly:
                comp.monthly.setdefault(name, []).append(
                    res.monthly[res.monthly.municipality == "all"].reset_index(drop=True)
                )
            done += 1
            if progress:
                progress(done, total)
    return comp

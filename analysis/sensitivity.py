"""Sensitivity analysis of a finished sweep: Sobol indices, Morris elementary effects, plots.

Reads only what ``kluit sweep`` wrote (``results.parquet`` and ``metadata.json``). Each outcome
is first averaged over the replications of a design point (finite values only: a rate without
a denominator is NaN), so the indices describe the expected outcome; the replications share
their seeds across points (common random numbers), which keeps that average's noise from
masking small effects. Sobol first-order (S1) and total (ST) indices and Morris mu*, sigma come
from SALib with bootstrap 95% intervals; the bootstrap seed derives from the master seed, so the
table is reproducible. Figures use matplotlib's Agg backend (no display needed).
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare import mean_interval
from analysis.designs import Factor, make_design
from analysis.experiments import derive_seed
from analysis.io import write_table

__all__ = [
    "Analysis",
    "SweepResults",
    "analyse",
    "load_results",
    "morris_indices",
    "point_means",
    "sobol_indices",
]


class AnalysisError(ValueError):
    """A sweep folder that cannot be analysed (missing files, unfinished points)."""


@dataclass
class SweepResults:
    """A finished sweep as read from its folder."""

    root: Path
    meta: dict[str, Any]
    results: pd.DataFrame  # one row per run and outcome
    factors: tuple[Factor, ...]
    outcomes: tuple[str, ...]

    @property
    def design(self) -> str:
        return self.meta["design"]["kind"]

    @property
    def n_points(self) -> int:
        return int(self.meta["design"]["points"])


def load_results(root: str | os.PathLike) -> SweepResults:
    """Read ``metadata.json`` and ``results.parquet`` of a sweep folder."""
    root = Path(root)
    meta_path, res_path = root / "metadata.json", root / "results.parquet"
    if not meta_path.is_file():
        raise AnalysisError(f"{root}: no metadata.json; allowed: a folder written by kluit sweep")
    if not res_path.is_file():
        raise AnalysisError(
            f"{root}: no results.parquet (the sweep did not finish); run the "
            "same kluit sweep command again to resume and consolidate"
        )
    meta = json.loads(meta_path.read_text())
    factors = tuple(Factor.from_dict(d) for d in meta["design"]["factors"])
    return SweepResults(root, meta, pd.read_parquet(res_path), factors, tuple(meta["outcomes"]))


def point_means(sr: SweepResults) -> pd.DataFrame:
    """Per design point and outcome: factor values, mean and 95% t-interval over replications."""
    keys = [f.key for f in sr.factors]
    rows = []
    for (point, outcome), g in sr.results.groupby(["point", "outcome"], sort=True):
        m, lo, hi, n = mean_interval(g["value"].to_numpy())
        rows.append(
            {
                "point": int(point),
                **{k: g[k].iloc[0] for k in keys},
                "outcome": outcome,
                "mean": m,
                "low": lo,
                "high": hi,
                "n": n,
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        order = {o: i for i, o in enumerate(sr.outcomes)}
        out = out.sort_values(
            ["outcome", "point"],
            key=lambda s: s.map(order) if s.name == "outcome" else s,
            kind="stable",
        )
    return out.reset_index(drop=True)


def _y(sr: SweepResults, means: pd.DataFrame, outcome: str) -> np.ndarray:
    """The outcome's mean per point, in design order (NaN where no finite value)."""
    y = np.full(sr.n_points, np.nan)
    sub = means[means["outcome"] == outcome]
    y[sub["point"].to_numpy(dtype=int)] = sub["mean"].to_numpy(dtype=float)
    return y


def _regenerate(sr: SweepResults):
    """The design, recomputed from the metadata and checked against the stored points."""
    d = sr.meta["design"]
    design = make_design(
        d["kind"],
        sr.factors,
        samples=d["samples"],
        seed=int(d["seed"]),
        second_order=bool(d["second_order"]),
        levels=int(d["levels"]),
    )
    if list(design.points) != sr.meta["points"]:
        raise AnalysisError(
            f"{sr.root}: the design cannot be recomputed from metadata.json "
            "(did SALib or scipy change?); indices need the exact sample"
        )
    return design


def _problem(sr: SweepResults) -> dict[str, Any]:
    from analysis.designs import salib_problem

    return salib_problem(sr.factors)


def _missing_note(y: np.ndarray) -> str | None:
    bad = int(np.count_nonzero(~np.isfinite(y)))
    return (
        None
        if bad == 0
        else (
            f"{bad} of {len(y)} points have no finite value (failed runs "
            "or an undefined rate); indices need every point"
        )
    )


def sobol_indices(
    sr: SweepResults, means: pd.DataFrame | None = None, *, resamples: int = 1000
) -> pd.DataFrame:
    """First-order and total Sobol indices with 95% bootstrap intervals, per outcome and factor.

    Columns: outcome, factor, role, S1, S1_conf, ST, ST_conf, note. ``*_conf`` is the half
    width of the 95% interval.
    """
    from SALib.analyze import sobol

    problem = _problem(sr)
    second = bool(sr.meta["design"]["second_order"])

    def analyze(y: np.ndarray, k: int):
        return sobol.analyze(
            problem,
            y,
            calc_second_order=second,
            num_resamples=resamples,
            conf_level=0.95,
            seed=_seed(sr, "sobol", k),
        )

    names = ("S1", "S1_conf", "ST", "ST_conf")
    return _index_table(sr, means, names, analyze, needs_variation=True)


def morris_indices(
    sr: SweepResults, means: pd.DataFrame | None = None, *, resamples: int = 1000
) -> pd.DataFrame:
    """Morris mu, mu* (mean absolute elementary effect), sigma and the 95% interval of mu*,
    per outcome and factor. Effects are in outcome units per factor unit."""
    from SALib.analyze import morris

    design = _regenerate(sr)
    problem = _problem(sr)
    levels = int(sr.meta["design"]["levels"])

    def analyze(y: np.ndarray, k: int):
        return morris.analyze(
            problem,
            design.matrix,
            y,
            num_resamples=resamples,
            conf_level=0.95,
            num_levels=levels,
            seed=_seed(sr, "morris", k),
        )

    return _index_table(sr, means, ("mu", "mu_star", "sigma", "mu_star_conf"), analyze)


def _index_table(
    sr: SweepResults,
    means: pd.DataFrame | None,
    names: tuple[str, ...],
    analyze: Callable[[np.ndarray, int], Any],
    needs_variation: bool = False,
) -> pd.DataFrame:
    """Per outcome (the ``k``-th) and factor, the indices ``names`` of SALib's result
    ``analyze(y, k)`` on the outcome's point means ``y``; NaN with a note where an outcome
    lacks a point (or, ``needs_variation``, does not vary)."""
    means = point_means(sr) if means is None else means
    rows = []
    for k, outcome in enumerate(sr.outcomes):
        y = _y(sr, means, outcome)
        note = _missing_note(y)
        if note is None and needs_variation and np.ptp(y) == 0:
            note = "the outcome does not vary over the design"
        res = analyze(y, k) if note is None else None
        for i, f in enumerate(sr.factors):
            row: dict[str, Any] = {"outcome": outcome, "factor": f.key, "role": f.role}
            for name in names:
                row[name] = float(res[name][i]) if res is not None else math.nan
            rows.append({**row, "note": note or ""})
    return pd.DataFrame(rows)


def _seed(sr: SweepResults, what: str, k: int) -> int:
    return derive_seed(int(sr.meta["master_seed"]), "analysis", what, k) % (2**32 - 1) + 1


# --- figures -------------------------------------------------------------------------------


def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def plot_indices(table: pd.DataFrame, kind: str, path: Path) -> Path:
    """Bar chart per outcome: S1 and ST (Sobol) or mu* (Morris), with 95% intervals."""
    plt = _plt()
    outcomes = list(dict.fromkeys(table["outcome"]))
    fig, axes = plt.subplots(
        len(outcomes),
        1,
        figsize=(8, 1.2 + 0.45 * table["factor"].nunique() * len(outcomes)),
        squeeze=False,
    )
    for ax, outcome in zip(axes[:, 0], outcomes):
        t = table[table["outcome"] == outcome]
        y = np.arange(len(t))
        if kind == "sobol":
            ax.barh(
                y - 0.2, t["S1"], 0.4, xerr=t["S1_conf"], label="S1 (first order)", color="#4c72b0"
            )
            ax.barh(y + 0.2, t["ST"], 0.4, xerr=t["ST_conf"], label="ST (total)", color="#dd8452")
            ax.set_xlabel("Sobol index (share of variance)")
        else:
            ax.barh(y, t["mu_star"], 0.6, xerr=t["mu_star_conf"], label="mu*", color="#4c72b0")
            ax.set_xlabel("mu* (mean |elementary effect|, outcome units per factor unit)")
        ax.set_yticks(y, t["factor"])
        ax.invert_yaxis()
        ax.set_title(
            outcome + (f"  ({t['note'].iloc[0]})" if t["note"].iloc[0] else ""), fontsize=9
        )
        ax.axvline(0, color="black", lw=0.5)
    axes[0, 0].legend(
        fontsize=8, loc="lower left", bbox_to_anchor=(0, 1.15), ncols=2, frameon=False
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _band(x: np.ndarray, y: np.ndarray) -> tuple[list, list, list, list]:
    """Mean and 95% interval of y per distinct x."""
    xs, m, lo, hi = [], [], [], []
    for v in pd.unique(x):
        mean, low, high, n = mean_interval(y[x == v])
        if n:
            xs.append(v)
            m.append(mean)
            lo.append(low if np.isfinite(low) else mean)
            hi.append(high if np.isfinite(high) else mean)
    return xs, m, lo, hi


def plot_factor(sr: SweepResults, factor: Factor, path: Path, max_lines: int = 6) -> Path:
    """Each outcome against one factor: mean and 95% band over replications.

    On a grid, one line per combination of the other factors when there are at most
    ``max_lines``, else the mean over them; on a sampled design, the runs are grouped into ten
    bins of the factor (or its distinct values, if fewer).
    """
    plt = _plt()
    res = sr.results
    others = [f.key for f in sr.factors if f.key != factor.key]
    ncols = min(3, len(sr.outcomes))
    nrows = -(-len(sr.outcomes) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 3.2 * nrows + 0.3), squeeze=False)
    for ax in axes.flat[len(sr.outcomes) :]:
        ax.set_visible(False)
    for ax, outcome in zip(axes.flat, sr.outcomes):
        _plot_outcome(ax, res[res["outcome"] == outcome], outcome, factor, others, max_lines)
    reps = sr.meta["replications"]
    fig.suptitle(
        f"mean and 95% interval of the runs in bins of the factor ({reps} replications per point)"
        if factor.continuous
        else f"mean and 95% interval over {reps} replications",
        fontsize=8,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _plot_outcome(
    ax, d: pd.DataFrame, outcome: str, factor: Factor, others: list[str], max_lines: int
) -> None:
    """One panel of :func:`plot_factor`: the runs ``d`` of one outcome against the factor."""
    ax.set_title(outcome, fontsize=9)
    if not np.isfinite(d["value"].to_numpy(dtype=float)).any():
        ax.text(
            0.5,
            0.5,
            "no finite values\n(e.g. a 24-month rate in a shorter run)",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=8,
        )
        ax.set_xlabel(factor.key + f" ({factor.role})", fontsize=8)
        return
    if factor.continuous:
        x = _binned(d[factor.key].to_numpy(dtype=float))
        pm = d.groupby("point").agg(x=(factor.key, "first"), y=("value", "mean"))
        ax.scatter(pm["x"], pm["y"], s=6, alpha=0.3, color="grey", label="point means")
        groups = [("", d, x)]
    else:
        groups = _grid_groups(d, factor, others, max_lines)
    for label, g, x in groups:
        _plot_band(ax, g, x, factor, label)
    ax.set_xlabel(factor.key + f" ({factor.role})", fontsize=8)
    ax.tick_params(labelsize=7)
    if len(groups) > 1 or factor.continuous:
        ax.legend(fontsize=6)


def _binned(x: np.ndarray) -> np.ndarray:
    """Each value replaced by the mean of its bin, with ten bins of equal count; the values
    themselves when there are at most ten distinct ones."""
    if len(np.unique(x)) <= 10:
        return x
    edges = np.quantile(x, np.linspace(0, 1, 11))
    idx = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, 9)
    centres = np.array([x[idx == i].mean() if (idx == i).any() else np.nan for i in range(10)])
    return centres[idx]


def _grid_groups(
    d: pd.DataFrame, factor: Factor, others: list[str], max_lines: int
) -> list[tuple[str, pd.DataFrame, np.ndarray]]:
    """(label, runs, factor values) per line on a grid: one per combination of the other
    factors when there are 2 to ``max_lines`` of them, else one over all runs."""
    combos = d[others].drop_duplicates() if others else pd.DataFrame(index=[0])
    if not (others and 1 < len(combos) <= max_lines):
        return [("mean over the other factors" if others else "", d, d[factor.key].to_numpy())]
    groups = []
    for _, c in combos.iterrows():
        sel = np.logical_and.reduce([d[k].to_numpy() == c[k] for k in others])
        label = ", ".join(f"{k.rsplit('.', 1)[-1]}={c[k]}" for k in others)
        groups.append((label, d[sel], d[sel][factor.key].to_numpy()))
    return groups


def _plot_band(ax, g: pd.DataFrame, x: np.ndarray, factor: Factor, label: str) -> None:
    """The mean of the runs ``g`` per value ``x`` of the factor as a line, with its 95% band
    (categories in order of appearance, numbers in increasing order)."""
    categorical = factor.kind in (bool, str)
    y = g["value"].to_numpy(dtype=float)
    if categorical:
        x = np.array([str(v) for v in x], dtype=object)
    xs, m, lo, hi = _band(x, y)
    if not categorical:
        order = np.argsort(np.asarray(xs, dtype=float))
        xs, m, lo, hi = (np.asarray(a)[order] for a in (xs, m, lo, hi))
    line = ax.plot(
        xs,
        m,
        marker="o",
        ms=3,
        label=label or ("bin mean" if factor.continuous else "mean"),
    )[0]
    ax.fill_between(xs, lo, hi, alpha=0.2, color=line.get_color())


# --- everything ----------------------------------------------------------------------------


@dataclass
class Analysis:
    """Files written by :func:`analyse` and the tables they hold."""

    out: Path
    means: pd.DataFrame
    indices: pd.DataFrame | None
    files: list[Path] = field(default_factory=list)


def analyse(
    root: str | os.PathLike, out: str | os.PathLike | None = None, *, resamples: int = 1000
) -> Analysis:
    """Write the tables and figures of a sweep folder to ``out`` (default ``<root>/analysis``).

    Always: ``means.csv`` (per point and outcome) and ``<factor>.png`` (each outcome against
    the factor). Sobol designs add ``sobol.csv`` and ``sobol.png``, Morris designs
    ``morris.csv`` and ``morris.png``.
    """
    sr = load_results(root)
    out = Path(out) if out is not None else sr.root / "analysis"
    out.mkdir(parents=True, exist_ok=True)
    means = point_means(sr)
    files = [write_table(out / "means.csv", means)]
    indices = None
    if sr.design in ("sobol", "morris"):
        fn = sobol_indices if sr.design == "sobol" else morris_indices
        indices = fn(sr, means, resamples=resamples)
        files.append(write_table(out / f"{sr.design}.csv", indices))
        files.append(plot_indices(indices, sr.design, out / f"{sr.design}.png"))
    for f in sr.factors:
        files.append(plot_factor(sr, f, out / f"{_slug(f.key)}.png"))
    return Analysis(out, means, indices, files)

"""The validation report: figures and ``docs/validation.md`` from the evidence of
:mod:`analysis.validation`.

:mod:`analysis.validation` computes (runs of the model, tallies, tables); this module only
writes: every number in the report comes from those computations, never typed in.
:func:`write_validation_report` is ``kluit report validation`` (``make validate``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.experiments import replication_seeds
from analysis.provenance import git_dirty, git_revision
from analysis.validation import (
    DRIFT_BANDS,
    DRIFT_U,
    DRIFT_V,
    BaselineEvidence,
    BeveridgeEvidence,
    TheoryCheck,
    TightMarketEvidence,
    _flevoland_sheltered,
    baseline_evidence,
    beveridge,
    commuting_summary,
    drift_runs,
    duration_table,
    loop_area,
    relapse_curve,
    theory_check,
    tight_market,
)

__all__ = ["ValidationSettings", "write_validation_report", "report_markdown"]


# ----------------------------------------------------------------------------- figures


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    return plt


def _save(fig, path: Path) -> Path:
    import io

    from analysis.io import atomic_write_bytes

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    _plt().close(fig)
    return atomic_write_bytes(path, buf.getvalue())


def plot_targets(table: pd.DataFrame, path: Path) -> Path:
    """Each target's simulated mean and interval in half-band widths from the target."""
    plt = _plt()
    t = table.reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.38 * len(t) + 1.2))
    y = np.arange(len(t))[::-1]
    half = (t["band_high"] - t["band_low"]) / 2
    center = np.where(t["key"] == "sa_reentry_work_exits_6m", t["band_high"], t["value"])
    dev = (t["mean"] - center) / half
    lo = (t["low"] - center) / half
    hi = (t["high"] - center) / half
    ax.axvspan(-1, 1, color="#d8ecd8", label="band around the target")
    ax.axvline(0, color="#4a7f4a", lw=1)
    for yi, d, a, b, ok in zip(y, dev, lo, hi, t["inside"]):
        colour = "#2b6cb0" if ok else "#c53030"
        if np.isfinite(a) and np.isfinite(b):
            ax.plot([max(a, -8), min(b, 8)], [yi, yi], color=colour, lw=2, alpha=0.6)
        if np.isfinite(d):
            ax.plot(np.clip(d, -8, 8), yi, "o", color=colour)
    ax.set_yticks(y)
    ax.set_yticklabels([s[:58] for s in t["target"]], fontsize=8)
    ax.set_xlim(-8.5, 8.5)
    ax.set_xlabel(
        "simulated mean and 95% interval, in half-band widths from the target (clipped at 8)"
    )
    ax.legend(loc="lower right", fontsize=8)
    return _save(fig, path)


def plot_theory_matching(tc: TheoryCheck, path: Path) -> Path:
    plt = _plt()
    r = tc.records[tc.records["v"] > 0]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.3))
    ax = axes[0]
    x = (r["u"] / r["v"]).to_numpy()
    for share, g in r.groupby("vacancy_share"):
        ax.plot(
            g["u"] / g["v"],
            g["hires"] / g["v"],
            ".",
            ms=3,
            alpha=0.5,
            label=f"vacancy share {share:g}",
        )
    grid = np.linspace(0, max(9.0, float(np.nanmax(x)) * 1.02), 200)
    ax.plot(grid, 1 - np.exp(-grid), "k-", lw=1.5, label="1 - exp(-u/v)")
    ax.set_xlabel("applicants per vacancy, u / v (at matching)")
    ax.set_ylabel("share of vacancies filled, hires / v")
    ax.set_title("Urn-ball matching: simulated months against theory")
    ax.legend(fontsize=8)
    ax = axes[1]
    ax.plot(r["predicted"], r["hires"], ".", ms=3, alpha=0.4)
    top = float(max(r["predicted"].max(), r["hires"].max())) * 1.05
    ax.plot([0, top], [0, top], "k-", lw=1)
    ax.set_xlabel("v (1 - exp(-u/v))")
    ax.set_ylabel("simulated hires in the month")
    ax.set_title(f"Hires against the formula ({len(r):,} run-months)")
    return _save(fig, path)


def plot_theory_unemployment(tc: TheoryCheck, path: Path) -> Path:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 4.3))
    table = tc.table().set_index("vacancy_share")
    for share, g in tc.records.groupby("vacancy_share"):
        m = g.groupby("month")["unemployment_rate"].mean()
        (line,) = ax.plot(m.index, 100 * m.to_numpy(), lw=1.5, label=f"vacancy share {share:g}")
        ax.axhline(100 * table.loc[share, "u_star"], color=line.get_color(), ls="--", lw=1)
    ax.plot([], [], "k--", lw=1, label="u* = s(1-f) / (s(1-f) + f)")
    ax.set_xlabel("month")
    ax.set_ylabel("unemployment rate (%)")
    ax.set_title(
        f"Unemployment converges to its steady state (mean of {int(table['reps'].iloc[0])} "
        "runs each)"
    )
    ax.legend(fontsize=8)
    return _save(fig, path)


def plot_beveridge(bev: BeveridgeEvidence, path: Path) -> Path:
    plt = _plt()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    ax = axes[0]
    means = bev.shock_means()
    start, end = bev.shock_months
    for name, g in means.groupby("scenario"):
        style = dict(color="#999999", lw=1) if name == "baseline" else dict(color="#c53030", lw=1.5)
        ax.plot(100 * g["u"], 100 * g["v"], "-", label=name, **style)
        if name == "recession":
            for month, mark, text in (
                (start, "v", "recession starts"),
                (end, "^", "recession ends"),
            ):
                p = g[g["month"] == month]
                if len(p):
                    ax.plot(100 * p["u"], 100 * p["v"], mark, color="k", ms=7, label=text)
            last = g.iloc[-1]
            ax.plot(
                100 * last["u"],
                100 * last["v"],
                "s",
                color="#c53030",
                ms=5,
                label=f"month {int(last['month'])}",
            )
    ax.set_xlabel("unemployment rate (%)")
    ax.set_ylabel("vacancy rate (%)")
    ax.set_title("Recession (demand -6% for 24 months) vs baseline")
    ax.legend(fontsize=8)
    ax = axes[1]
    d = bev.cycle_detrended()
    for rep, g in d.groupby("replication"):
        ax.plot(100 * g["u"], 100 * g["v"], ".", ms=4, alpha=0.6, label=f"run {rep + 1}")
    if len(d) > 2 and d["u"].std() > 0:
        b = np.polyfit(100 * d["u"], 100 * d["v"], 1)
        xs = np.linspace(100 * d["u"].min(), 100 * d["u"].max(), 10)
        ax.plot(
            xs,
            np.polyval(b, xs),
            "k-",
            lw=1,
            label=f"slope {b[0]:+.2f}, corr {bev.cycle_correlation():+.2f}",
        )
    ax.axhline(0, color="#cccccc", lw=0.5)
    ax.axvline(0, color="#cccccc", lw=0.5)
    ax.set_xlabel("unemployment rate, deviation from trend (pp)")
    ax.set_ylabel("vacancy rate, deviation from trend (pp)")
    ax.set_title(f"Random sector cycle (sd {bev.cycle_sd:g}/month), detrended")
    ax.legend(fontsize=8)
    return _save(fig, path)


def plot_duration(dt: pd.DataFrame, path: Path) -> Path:
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 4.2))
    x = np.arange(len(dt))
    ax.bar(x - 0.2, 100 * dt["exit_per_year"], 0.4, label="all exits (not out of the labour force)")
    ax.bar(x + 0.2, 100 * dt["to_work_per_year"], 0.4, label="exits to work")
    lows = dt["low"].to_numpy()
    ax.plot(
        x[lows < 12],
        np.full((lows < 12).sum(), 22.0),
        "k_",
        ms=25,
        mew=2,
        label="CBS 2006: 22%/yr (< 1 yr), 8%/yr (> 3 yr)",
    )
    ax.plot(x[lows >= 36], np.full((lows >= 36).sum(), 8.0), "k_", ms=25, mew=2)
    ax.set_xticks(x)
    ax.set_xticklabels(dt["months_out"])
    ax.set_xlabel("months out of work at the start of the month")
    ax.set_ylabel("exit from bijstand, yearly equivalent (%)")
    ax.set_title("Duration dependence of exits from bijstand (baseline)")
    ax.legend(fontsize=8)
    return _save(fig, path)


DIVOSA_ALL = {6: 0.15, 12: 0.22, 24: 0.30}  # Divosa monitor 2014, re-entry of all exits


def plot_relapse(ev: BaselineEvidence, path: Path) -> Path:
    plt = _plt()
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.3))
    ax = axes[0]
    for origin, label in (
        ("social_assistance", "placed from bijstand"),
        ("sheltered", "placed from sheltered work"),
    ):
        c = relapse_curve(ev.placements, origin)
        if c["placements"].iloc[0] > 0:
            n = int((ev.placements["origin"] == origin).sum())
            ax.plot(c["months"], 100 * c["relapsed"], "-o", ms=3, label=f"{label} (n={n:,})")
    ax.set_xlabel("months since placement")
    ax.set_ylabel("job ended back on benefits or in sheltered work (%)")
    ax.set_title("Relapse after placement (baseline)")
    ax.legend(fontsize=8)
    ax = axes[1]
    m = ev.reentry.groupby("months")[["all_exits", "work_exits"]].mean()
    ax.plot(m.index, 100 * m["all_exits"], "-", label="all exits")
    ax.plot(m.index, 100 * m["work_exits"], "-", label="exits to work")
    ax.plot(
        list(DIVOSA_ALL),
        [100 * v for v in DIVOSA_ALL.values()],
        "ks",
        label="Divosa 2014, all exits",
    )
    ax.plot([6], [11], "kv", label="Divosa 2014, exits to work (at most)")
    ax.set_xlabel("months since leaving bijstand")
    ax.set_ylabel("back on bijstand (%)")
    ax.set_title("Re-entry into bijstand")
    ax.legend(fontsize=8)
    return _save(fig, path)


def plot_commuting(comm: pd.DataFrame, path: Path) -> Path:
    plt = _plt()
    s = commuting_summary(comm)
    fig, ax = plt.subplots(figsize=(8, 4.2))
    x = np.arange(len(s))
    bottom = np.zeros(len(s))
    for col, label in (
        ("own", "own municipality"),
        ("other_in_region", "elsewhere in the region"),
        ("outside_region", "outside the region"),
    ):
        ax.bar(x, 100 * s[col], bottom=bottom, label=label)
        bottom += 100 * s[col].to_numpy()
    ax.axhline(43, color="k", ls="--", lw=1, label="43% in own municipality (2007)")
    ax.set_xticks(x)
    ax.set_xticklabels(s.index, rotation=20)
    ax.set_ylabel("employed residents (%)")
    ax.set_title("Where residents work (baseline, end of run)")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return _save(fig, path)


# ----------------------------------------------------------------------------- the report


def _pct(x: float, digits: int = 1) -> str:
    return "n/a" if x is None or not np.isfinite(x) else f"{100 * x:.{digits}f}%"


#: the files that change what the validation report computes
REPORT_SOURCES = (
    "sim",
    "scenarios",
    "analysis/validation.py",
    "analysis/validation_report.py",
    "analysis/calibrate.py",
    "analysis/experiments.py",
    "analysis/compare.py",
)


def _git_revision() -> str:
    """The short revision, 'with uncommitted changes' when a file the report depends on has."""
    rev = git_revision(short=True)
    if rev is None:
        return "unknown"
    return rev + (" with uncommitted changes" if git_dirty(REPORT_SOURCES) else "")


def _md_table(df: pd.DataFrame, formats: dict[str, Callable[[Any], str]] | None = None) -> str:
    formats = formats or {}
    head = "| " + " | ".join(df.columns) + " |"
    lines = [head, "|" + "---|" * len(df.columns)]
    for row in df.itertuples(index=False):
        cells = [formats.get(c, str)(v) for c, v in zip(df.columns, row)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@dataclass
class ValidationSettings:
    """What ``kluit report validation`` runs (the command line's options)."""

    scale: float = 0.1
    reps: int = 5
    months: int = 60
    seed: int = 2026
    theory_months: int = 120
    beveridge_reps: int = 3
    drift_months: int = 120
    command: str = "kluit report validation"


def write_validation_report(
    out_dir: str | Path = "docs",
    settings: ValidationSettings | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Path:
    """Run everything and write ``<out_dir>/validation.md`` and ``figures/validation_*.png``."""
    st = settings or ValidationSettings()
    out = Path(out_dir)
    figs = out / "figures"

    def step(name):
        return (lambda d, t: progress(name, d, t)) if progress else None

    ev = baseline_evidence(
        scale=st.scale, months=st.months, reps=st.reps, seed=st.seed, progress=step("baseline")
    )
    tc = theory_check(
        scale=st.scale,
        months=st.theory_months,
        reps=st.reps,
        seed=st.seed,
        progress=step("theory check"),
    )
    bev = beveridge(
        scale=st.scale, reps=st.beveridge_reps, seed=st.seed, progress=step("Beveridge curve")
    )
    drift = drift_runs(
        scale=st.scale, months=st.drift_months, seeds=replication_seeds(st.seed + 1, st.reps)
    )
    tm = tight_market(
        scale=st.scale, months=st.months, reps=st.reps, seed=st.seed, progress=step("tight market")
    )
    table = ev.target_table()
    dt = duration_table(ev.duration)
    paths = {
        "targets": plot_targets(table, figs / "validation_targets.png"),
        "matching": plot_theory_matching(tc, figs / "validation_theory_matching.png"),
        "unemployment": plot_theory_unemployment(tc, figs / "validation_theory_unemployment.png"),
        "beveridge": plot_beveridge(bev, figs / "validation_beveridge.png"),
        "duration": plot_duration(dt, figs / "validation_duration.png"),
        "relapse": plot_relapse(ev, figs / "validation_relapse.png"),
        "commuting": plot_commuting(ev.commuting, figs / "validation_commuting.png"),
    }
    text = report_markdown(
        st,
        ev,
        table,
        tc,
        bev,
        dt,
        {k: p.relative_to(out).as_posix() for k, p in paths.items()},
        drift=drift,
        tm=tm,
    )
    from analysis.diagnostics import employer_section  # issue 11: employers' decisions

    text += "\n" + employer_section(scale=st.scale, months=st.months, reps=st.reps, seed=st.seed)
    from analysis.io import atomic_write_bytes

    return atomic_write_bytes(out / "validation.md", text.encode())


def report_markdown(
    st: ValidationSettings,
    ev: BaselineEvidence,
    table: pd.DataFrame,
    tc: TheoryCheck,
    bev: BeveridgeEvidence,
    dt: pd.DataFrame,
    fig: dict[str, str],
    drift: pd.DataFrame | None = None,
    tm: TightMarketEvidence | None = None,
) -> str:
    """The text of ``docs/validation.md`` (numbers come from the runs, never typed in)."""
    from sim.params import all_params

    params = all_params()
    n_assumed = sum(1 for p in params.values() if p.assumed)
    n_cal = sum(1 for p in params.values() if p.calibrate)
    comm = commuting_summary(ev.commuting)
    loop = _recession_loop(bev)
    L: list[str] = []
    L += _header(st)
    L += _summary(table, tc, ev, comm, loop, n_assumed, n_cal, len(params))
    L += _targets_section(table, dt, ev, fig)
    if drift is not None:
        L.append(_drift_section(drift, st))
    L += _theory_section(tc, fig)
    L.append("## 3. Stylised facts\n")
    L.append(
        "None of these is put into the model directly; they emerge from the monthly processes.\n"
    )
    L += _beveridge_section(bev, loop, st, fig)
    L += _duration_section(dt, fig)
    L += _relapse_section(ev, st, fig)
    L += _commuting_section(ev, comm, fig)
    if tm is not None:
        L.append(_tight_market_section(tm, st))
    L.append("## 4. What the model cannot say\n")
    b0, b1 = loop.b0, loop.b1
    drift_uv = (b0["u"], b1["u"], b0["v"], b1["v"], int(b1.name))
    L += [f"- {item}" for item in _limits(table, n_assumed, len(params), ev, st, drift_uv)]
    L.append("")
    L.append("## Reproduce\n")
    L.append(
        "```\n" + st.command + "        # this report (make validate)\n"
        "pytest tests/test_validation.py  # the theory check as a test\n"
        "kluit calibrate scenarios/baseline.toml --reps 3 --samples 24 --rounds 3\n```\n"
    )
    return "\n".join(L)


@dataclass
class _RecessionLoop:
    """The recession runs against the baseline (means over replications), as the summary, the
    Beveridge section and the limits read them."""

    rec: pd.DataFrame  # recession: u and v by month
    base: pd.DataFrame  # baseline, same seeds
    s0: int  # first and last month of the shock
    s1: int
    pre: list[int]  # the month before the shock, if recorded
    peak_u: Any
    low_v: Any
    after: pd.DataFrame  # the year after the shock
    turning: str  # direction of the loop in the (u, v) plane

    @property
    def b0(self) -> pd.Series:
        return self.base.iloc[0]

    @property
    def b1(self) -> pd.Series:
        return self.base.iloc[-1]


def _recession_loop(bev: BeveridgeEvidence) -> _RecessionLoop:
    means = bev.shock_means()
    rec = means[means["scenario"] == "recession"].set_index("month")
    base = means[means["scenario"] == "baseline"].set_index("month")
    s0, s1 = bev.shock_months
    area = loop_area(rec.loc[s0:], "u", "v") if s1 > s0 else math.nan
    return _RecessionLoop(
        rec=rec,
        base=base,
        s0=s0,
        s1=s1,
        pre=[t for t in (s0 - 1, s0) if t in rec.index][:1],
        peak_u=rec.loc[s0:s1, "u"].max() if s1 > s0 else math.nan,
        low_v=rec.loc[s0:s1, "v"].min() if s1 > s0 else math.nan,
        after=rec.loc[s1 + 1 : s1 + 12] if s1 else rec.iloc[0:0],
        turning=(
            ("counter-clockwise" if area > 0 else "clockwise") if np.isfinite(area) else "n/a"
        ),
    )


def _fitted(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The targets with weight, and those of them outside their band."""
    fitted = table[table["weight"] > 0]
    return fitted, fitted[~fitted["inside"].fillna(False).astype(bool)]


def _header(st: ValidationSettings) -> list[str]:
    return [
        "# Validation of Kluit\n",
        f"Generated by `{st.command}` on {date.today().isoformat()} (git {_git_revision()}). "
        "Do not edit by hand: `make validate` regenerates this file and its figures from "
        "scratch.\n",
        f"Settings: the baseline (`scenarios/baseline.toml`) at scale {st.scale:g} "
        f"({st.scale:g} of Flevoland's people and employers), {st.months} months, {st.reps} "
        f"replications with seeds derived from master seed {st.seed}; the theory check runs "
        f"{st.theory_months} months; the Beveridge curve {st.beveridge_reps} replications. "
        "Intervals are 95% t-intervals of the mean over replications.\n",
    ]


def _summary(
    table: pd.DataFrame,
    tc: TheoryCheck,
    ev: BaselineEvidence,
    comm: pd.DataFrame,
    loop: _RecessionLoop,
    n_assumed: int,
    n_cal: int,
    n_params: int,
) -> list[str]:
    fitted, missed = _fitted(table)
    n_in = int(fitted["inside"].fillna(False).astype(bool).sum())
    me = tc.matching_error()
    worst_gap = float(tc.table()["gap_in_se"].abs().max())
    theory_ok = (
        me["mean_abs_rel_error"] < 0.05 and abs(me["sum_ratio"] - 1) < 0.02 and worst_gap < 4
    )
    reent = ev.reentry.groupby("months")["all_exits"].mean()
    rec, pre, peak_u, low_v = loop.rec, loop.pre, loop.peak_u, loop.low_v
    shows = (
        np.isfinite(peak_u)
        and pre
        and peak_u > rec.loc[pre[0], "u"]
        and low_v < rec.loc[pre[0], "v"]
    )
    return [
        "## Summary\n",
        f"- **Calibration targets**: {n_in} of {len(fitted)} targets of `docs/sources.md` "
        "are inside "
        "their band"
        + (
            ": all of them."
            if missed.empty
            else "; missed: "
            + "; ".join(
                f"{r.target.split('. ', 1)[-1]} ({_fmt_target(r.key, r.mean)} "
                f"against {_fmt_target(r.key, r.value)})"
                for r in missed.itertuples()
            )
            + "."
        ),
        f"- **Theory check** ({'passes' if theory_ok else 'FAILS'}): with textbook matching, "
        f"simulated hires are {me['sum_ratio']:.4f} times the urn-ball prediction "
        f"v(1 - exp(-u/v)) summed over {me['months']:,} run-months (mean absolute error per "
        f"month {_pct(me['mean_abs_rel_error'])}), and unemployment settles within "
        f"{worst_gap:.1f} standard errors of its steady state u* in every configuration.",
        "- **Stylised facts**: "
        + (
            f"a Beveridge curve appears under a recession (unemployment "
            f"up, vacancies down, then a {loop.turning} recovery); "
            if shows
            else "the recession does not produce a Beveridge movement (see section 3); "
        )
        + f"exits from bijstand fall with "
        f"time out of work; re-entry into bijstand after leaving it reaches "
        f"{_pct(reent.loc[24], 0) if 24 in reent.index else 'n/a'} after 24 months "
        f"(Divosa: 30%) but {_relapse_verdict(ev)}; "
        f"{_pct(comm.loc['region', 'own'], 0)} of residents work in their own municipality.",
        f"- **Limits**: {n_assumed} of the model's {n_params} parameters are assumed, not "
        f"sourced; {n_cal} of them are marked for calibration. What the model cannot say is "
        "listed at the end.\n",
    ]


def _targets_section(
    table: pd.DataFrame, dt: pd.DataFrame, ev: BaselineEvidence, fig: dict[str, str]
) -> list[str]:
    from analysis.calibrate import markdown_table

    fitted, _ = _fitted(table)
    m = dict(zip(table["key"], table["mean"]))
    L = [
        "## 1. Calibration targets\n",
        'Each row is a target from `docs/sources.md` ("Calibration targets for the baseline"), the '
        'band we read "about" as, and the baseline\'s simulated mean with its 95% interval over '
        "replications. Flows are per year relative to the average stock; the unemployment rate, "
        "unemployed per vacancy and the commuting share are measured at the end of the run "
        "(the last 12 months for unemployed per vacancy); re-entry counts exits of the run that "
        "could be followed for the full window. The calibration itself is "
        "`kluit calibrate` (`analysis/calibrate.py`), which fits assumed parameters to these "
        "same rows.\n",
        markdown_table(table),
        f"![Targets: simulated mean and interval against the band]({fig['targets']})\n",
        "The baseline's behavioural defaults were calibrated by hand (`scenarios/baseline.toml` "
        "says when). `kluit calibrate` fits the assumed parameters formally by simulated "
        "method of moments against the rows above (distance in half-band widths, quadratic "
        "inside the band and linear beyond) and writes a calibrated scenario with its own "
        "out-of-sample table; this report does not run it, it validates the shipped "
        "baseline.\n",
        "Definitions differ from the sources in places, which matters when reading the gaps: "
        "(a) CBS expresses bijstand outflow as a share of the stock at the start of the year "
        "plus the year's inflow, while the model's moments divide by the average stock; with "
        "an inflow of about a quarter of the stock a year, a CBS-style figure is about 1/1.25 "
        "of the model's (an outflow to work of 12% here is about 9.6% on CBS's basis). "
        "(b) 'Time on benefits' is the current bijstand spell (it continues through training), "
        "as CBS counts it; search intensity and employers' scarring use months out of work, "
        "which also count time without benefit or on WW. (c) Re-entry follows Divosa: of "
        "all exits from "
        "bijstand (to work or otherwise), the share back on bijstand within k months; "
        "leaving the labour force does not count as an exit there, nor in the duration "
        "moments.\n",
        "How close the baseline is, target by target:\n",
    ]
    for r in fitted.itertuples():
        verdict = {True: "inside the band", False: "outside the band", None: "not measurable"}[
            r.inside
        ]
        L.append(
            f"- {r.target}: {_fmt_target(r.key, r.mean)} against {_fmt_target(r.key, r.value)} "
            f"({verdict}; {r.deviation:+.1f} half-band widths)."
        )
    L.append("")
    L.append("Reading the gaps: " + _gap_notes(m, dt, ev) + "\n")
    return L


def _theory_section(tc: TheoryCheck, fig: dict[str, str]) -> list[str]:
    tt = tc.table()
    return [
        "## 2. Theory check: urn-ball matching and the steady state\n",
        "`scenarios/validation/textbook.toml` switches matching to the textbook rules "
        "(`matching.textbook = true`): every searcher sends one application to a uniformly "
        "random open vacancy anywhere in the region, employers accept every applicant, each "
        "vacancy hires one of its applicants. Separations happen at a constant 1% a month and "
        "every other flow (entries, exits, relapse, sickness, benefit rules, training, demand "
        "noise) is off, so agents are homogeneous. Two results must then hold:\n",
        "1. **Urn-ball matching.** With u applicants and v vacancies the expected number of "
        "vacancies with at least one applicant is v(1 - (1 - 1/v)^u) ~ v(1 - exp(-u/v)).",
        "2. **Steady-state unemployment.** With separation rate s and job-finding rate f, "
        "unemployment converges to u* = s / (s + f) (Pissarides). Kluit runs a month's "
        "separations before its matching, so someone who loses a job may find another in the "
        "same month; measured month to month (employed at the end of one month, unemployed at "
        "the end of the next, as labour-force surveys do) the separation rate is "
        "s(1 - f), and the formula reads u* = s(1 - f) / (s(1 - f) + f). We report both; only "
        "the second is the steady state of this timing.\n",
        "u and v are measured at the moment of matching from each month's record "
        "(`model.series`): u = applications (one per searcher), v = vacancies left at the end of "
        "the month + hires; the tests check both against a probe inside the matching step. "
        "f = hires / u over the last "
        f"{tc.window} months; unemployment is the mean end-of-month rate over the same months "
        "(unemployed / (unemployed + employed); sheltered work is outside both). The shipped "
        "file has 5% of jobs open as vacancies, a slack market where searchers outnumber "
        "vacancies about 8 to 1 and nearly every vacancy is filled each month; that tests the "
        "formula only where it is flat, so the check also runs tighter markets "
        "(`employers.vacancy_open_share` 0.08-0.12, u/v down to about 1.5).\n",
        _md_table(_theory_table(tt)),
        f"Each row: {int(tt['reps'].iloc[0])} replications at scale {tc.scale:g} for "
        f"{tc.months} months (the replications share seeds across rows, so the rows are not "
        "independent). The per-month error is the sampling noise of a few hundred hires "
        "(a binomial-like count of ~200 has a standard deviation of several percent); summed "
        "over months hires agree with the formula to within a fraction of a percent. "
        + _gap_sentence(tt)
        + f" The continuous-time form "
        f"s/(s+f) overstates the steady state by up to "
        f"{_pct(float((tt['u_star_continuous'] / tt['u_star'] - 1).max()), 0)} here, because "
        "f is large per month; the discrete form matches.\n",
        f"![Urn-ball matching]({fig['matching']})\n",
        f"![Convergence to u*]({fig['unemployment']})\n",
        "The test suite (`tests/test_validation.py`) repeats this check at a smaller scale: mean "
        "absolute error of hires against the formula under 5% per month and |u - u*| within a "
        "few standard errors.\n",
    ]


def _theory_table(tt: pd.DataFrame) -> pd.DataFrame:
    """The theory check's rows as shown (one per vacancy share)."""
    return pd.DataFrame(
        {
            "vacancy share": tt["vacancy_share"].map(lambda x: f"{x:g}"),
            "median u/v": tt["u_over_v"].map(lambda x: f"{x:.2f}"),
            "hires per month": tt["hires_per_month"].map(lambda x: f"{x:.0f}"),
            "hires / formula": tt["hires_over_formula"].map(lambda x: f"{x:.4f}"),
            "mean abs. error per month": tt["mean_abs_rel_error"].map(_pct),
            "f (per month)": tt["f"].map(lambda x: f"{x:.3f}"),
            "s measured": tt["s_measured"].map(lambda x: f"{x:.4f}"),
            "u (end)": tt["u_end"].map(lambda x: _pct(x, 2)),
            "u* = s(1-f)/(s(1-f)+f)": tt["u_star"].map(lambda x: _pct(x, 2)),
            "same, s measured": tt["u_star_measured_s"].map(lambda x: _pct(x, 2)),
            "s/(s+f)": tt["u_star_continuous"].map(lambda x: _pct(x, 2)),
            "u - u* [95% interval]": [
                f"{100 * a:+.3f} [{100 * b:+.3f}, {100 * c:+.3f}] pp"
                for a, b, c in zip(tt["gap"], tt["gap_low"], tt["gap_high"])
            ],
            "in SE": tt["gap_in_se"].map(lambda x: f"{x:+.1f}"),
        }
    )


def _beveridge_section(
    bev: BeveridgeEvidence, loop: _RecessionLoop, st: ValidationSettings, fig: dict[str, str]
) -> list[str]:
    rec, base, pre, peak_u, after = loop.rec, loop.base, loop.pre, loop.peak_u, loop.after
    txt = (
        f"Left: the recession scenario (`scenarios/shocks/recession.toml`: sector demand 6% "
        f"down from month {loop.s0} to month {loop.s1}) against the baseline with the same seeds, "
        f"mean of {st.beveridge_reps} runs. "
    )
    if pre and np.isfinite(peak_u):
        txt += (
            f"Unemployment rises from {_pct(rec.loc[pre[0], 'u'])} to a peak of "
            f"{_pct(peak_u)} while the vacancy rate falls from "
            f"{_pct(rec.loc[pre[0], 'v'], 2)} to {_pct(loop.low_v, 2)}; when demand returns, "
            f"vacancies jump back at once and unemployment falls only slowly (to "
            f"{_pct(after['u'].iloc[-1]) if len(after) else 'n/a'} a year later, baseline "
            f"{_pct(base.loc[after.index[-1], 'u']) if len(after) else 'n/a'}): a "
            f"{loop.turning} loop in the (u, v) plane"
            + (
                ", as in the empirical Beveridge curve. "
                if loop.turning == "counter-clockwise"
                else "; empirical loops turn counter-clockwise. "
            )
        )
    b0, b1 = loop.b0, loop.b1
    du, dv = b1["u"] - b0["u"], b1["v"] - b0["v"]
    if abs(du) > DRIFT_U or abs(dv) > DRIFT_V:
        txt += (
            f"The grey baseline is not stationary: over {int(b1.name)} months its "
            f"unemployment rate moves from {_pct(b0['u'])} to {_pct(b1['u'])} and its "
            f"vacancy rate from {_pct(b0['v'], 2)} to {_pct(b1['v'], 2)}. "
        )
    else:
        txt += (
            f"The grey baseline stays close to stationary: over {int(b1.name)} months its "
            f"unemployment rate moves from {_pct(b0['u'])} to {_pct(b1['u'])} and its "
            f"vacancy rate from {_pct(b0['v'], 2)} to {_pct(b1['v'], 2)}. "
        )
    corr = bev.cycle_correlation()
    txt += (
        f"Right: the baseline with a stronger random sector cycle "
        f"(`employers.sector_cycle_sd = {bev.cycle_sd:g}`, {bev.cycle['month'].max()} "
        f"months, {bev.cycle['replication'].nunique()} runs); after removing each run's "
        f"linear trend, unemployment and vacancy rates correlate at {corr:+.2f} (mean over "
        "runs)"
        + (
            " - a downward-sloping Beveridge relation."
            if corr < -0.2
            else " - only a weak Beveridge relation: random sector cycles move vacancies "
            "more than unemployment at this scale."
        )
        + "\n"
    )
    return ["### Beveridge curve\n", txt, f"![Beveridge curve]({fig['beveridge']})\n"]


def _duration_section(dt: pd.DataFrame, fig: dict[str, str]) -> list[str]:
    dshow = pd.DataFrame(
        {
            "months out of work": dt["months_out"],
            "recipient-months": dt["at_risk_months"].map(lambda x: f"{x:,}"),
            "exit per month": dt["exit_per_month"].map(_pct),
            "exit per year (equiv.)": dt["exit_per_year"].map(_pct),
            "to work per year (equiv.)": dt["to_work_per_year"].map(_pct),
        }
    )
    first_y = dt[dt["low"] < 12]
    long_y = dt[dt["low"] >= 36]
    return [
        "### Duration dependence of exits from bijstand\n",
        "Every month, each recipient's months out of work are recorded before the month and "
        "whether they left bijstand during it (to work or otherwise, not counting training or "
        "leaving the labour force, as in the calibration moment). Pooled over replications:\n",
        _md_table(dshow),
        f"CBS (2006 figures) reports yearly exit of about 22% in the first year on benefits "
        "and 8% after three years; `docs/sources.md` also quotes 44% leaving within the "
        "first year "
        f"(2016-21). The model's exit rate falls from "
        f"{_pct(first_y['exit_per_year'].max())} a year in the first months to "
        f"{_pct(long_y['exit_per_year'].mean())} for recipients out of work for more than three "
        "years. The fall comes from two assumed mechanisms the targets cannot tell apart: "
        "selection (recipients who are not ready to work never leave for a job and pile up "
        "at long durations) and genuine duration dependence (search intensity falls with "
        "`matching.search_decay_per_year`, employers discount long spells with "
        "`matching.scar_per_year`).\n",
        f"![Duration dependence]({fig['duration']})\n",
    ]


def _relapse_section(
    ev: BaselineEvidence, st: ValidationSettings, fig: dict[str, str]
) -> list[str]:
    rc_sa = relapse_curve(ev.placements, "social_assistance")
    n_sw_pl = int((ev.placements["origin"] == "sheltered").sum())
    r6, r12, r24 = (float(rc_sa.loc[rc_sa["months"] == k, "relapsed"].iloc[0]) for k in (6, 12, 24))
    return [
        "### Relapse after placement\n",
        f"Left: of placements from bijstand (a job start by a recipient), the share whose job "
        f"ended back on benefits within k months, among placements followed for k months: "
        f"{_pct(r6)} within 6 months, {_pct(r12)} within 12 and {_pct(r24)} within 24. "
        f"Placements from sheltered work are rare in the baseline ({n_sw_pl} over "
        f"{st.reps} runs at this scale), so their curve is noisy. Right: the Divosa "
        "definition - of everyone who left bijstand, the share back on bijstand within k "
        "months - against the Divosa 2014 figures. " + _relapse_shape(ev) + "\n",
        f"![Relapse curves]({fig['relapse']})\n",
    ]


def _commuting_section(ev: BaselineEvidence, comm: pd.DataFrame, fig: dict[str, str]) -> list[str]:
    cshow = pd.DataFrame(
        {
            "municipality": comm.index,
            "employed residents (per run)": comm["employed_residents"].map(lambda x: f"{x:,.0f}"),
            "work in own municipality": comm["own"].map(_pct),
            "elsewhere in the region": comm["other_in_region"].map(_pct),
            "outside the region": comm["outside_region"].map(_pct),
        }
    )
    c0 = commuting_summary(ev.commuting_start)
    muni = comm.drop(index="region").sort_values("own")
    return [
        "### Commuting\n",
        _md_table(cshow),
        f"At month 0, homes of the employed come from a doubly constrained gravity model (jobs "
        f"per municipality and employed residents both fixed; travel times and the distance "
        f"decay `matching.commute_decay_minutes` are assumed, the decay chosen to give under "
        f"half), which puts {_pct(c0.loc['region', 'own'])} in their own municipality; after "
        f"{ev.months} months of people changing jobs under commuting-weighted search the "
        f"share is {_pct(comm.loc['region', 'own'])} (docs/sources.md: 43% in 2007). Between "
        f"municipalities, {muni.index[-1]} keeps the most of its residents "
        f"({_pct(muni['own'].iloc[-1], 0)}) and {muni.index[0]} and {muni.index[1]} the "
        f"fewest ({_pct(muni['own'].iloc[0], 0)}, {_pct(muni['own'].iloc[1], 0)}); "
        f"{_pct(comm.loc['region', 'outside_region'], 0)} work outside the region "
        "(docs/sources.md: "
        "~35,000 commute to Greater Amsterdam and 8,400 to the Veluwe, about 21% of the "
        "202,000 employed).\n",
        f"![Commuting]({fig['commuting']})\n",
    ]


def _drift_section(drift: pd.DataFrame, st: ValidationSettings) -> str:
    """The status quo holds still: first year against last year of long runs, with bands."""
    from sim.params import all_params

    burn = all_params()["run.burn_in_months"].default
    names = {
        "sa_stock": "bijstand stock (persons at this scale)",
        "under_1y": "share of recipients < 1 year on bijstand",
        "1_3y": "share 1-3 years",
        "over_3y": "share > 3 years",
        "unemployment_rate": "unemployment rate",
        "vacancy_rate": "vacancy rate",
    }
    rows = []
    for k, band in DRIFT_BANDS.items():
        ch = drift[f"{k}_change"]
        rel = k == "sa_stock"
        fmt = (lambda x: f"{x:,.0f}") if rel else _pct
        ok = abs(ch.mean()) <= band
        rows.append(
            {
                "quantity": names[k],
                "first year": fmt(drift[f"{k}_start"].mean()),
                "last year": fmt(drift[f"{k}_end"].mean()),
                "change (mean over runs)": (
                    f"{100 * ch.mean():+.1f}%" if rel else f"{100 * ch.mean():+.2f} pp"
                ),
                "largest in one run": (
                    f"{100 * ch.abs().max():.1f}%" if rel else f"{100 * ch.abs().max():.2f} pp"
                ),
                "band": f"±{100 * band:g}%" if rel else f"±{100 * band:g} pp",
                "holds still": "yes" if ok else "**no**",
            }
        )
    n_ok = sum(r["holds still"] == "yes" for r in rows)
    return (
        "### The status quo holds still\n\n"
        f"Month 0 is the model's own steady state: {burn} months are simulated before it "
        "(`run.burn_in_months`) under the status-quo instruments, without shocks and with flat "
        "sector demand, and the run starts from where they leave the population (durations, "
        "readiness, jobs and tenures, subsidies, vacancies). With no policy change the "
        f"quantities below must then stay where they are: {len(drift)} runs of "
        f"{st.drift_months} months at scale {st.scale:g}, mean of the first 12 months against "
        f"the last 12; {n_ok} of {len(rows)} hold still. `tests/test_drift.py` checks the same "
        "bands on other seeds at a smaller scale. Durations are the current bijstand spell, as "
        "CBS counts time on benefits (a spell continues through training).\n\n"
        + _md_table(pd.DataFrame(rows))
    )


def _tight_market_section(tm: TightMarketEvidence, st: ValidationSettings) -> str:
    """What today's tight market does to bijstand, placements and the instruments."""
    lv = tm.levels()
    ne = tm.net_effects().set_index(["market", "metric"])
    a, b = lv.loc["2017"], lv.loc["tight"]
    drop_u = a["unemployment_rate"] - b["unemployment_rate"]
    rise_v = b["vacancy_rate"] - a["vacancy_rate"]
    sa_a = a["sa_stock_end"] / a["sa_stock_start"] - 1
    sa_b = b["sa_stock_end"] / b["sa_stock_start"] - 1
    extra = (ne.loc[("tight", "placements"), "diff"], ne.loc[("2017", "placements"), "diff"])
    return (
        "### Today's tight market\n\n"
        "`scenarios/shocks/tight_market.toml` raises the demand for workers in every sector and "
        f"municipality in eight quarterly steps (months {tm.ramp[0]} to {tm.ramp[1]}), from "
        "the market of 2017 (Flevoland: about 3.5 unemployed per vacancy) towards the tightness "
        "of 2022-24 (nationally 106 vacancies per 100 unemployed and 3.7% unemployment in Q3 "
        "2024, docs/sources.md). Both markets run with today's instruments, and with the "
        "instruments switched off at month 0 (same month 0, same seeds), "
        f"{len(tm.runs) // 4} replications of {tm.months} months at scale {st.scale:g}:\n\n"
        + _md_table(_tight_market_levels(a, b))
        + "\n"
        "The instruments' net effect in each market is the paired difference, today's "
        "instruments against none (mean and 95% interval over replications):\n\n"
        + _md_table(_tight_market_net(ne))
        + "\n"
        f"How the model responds and why. Unemployment falls by {100 * drop_u:.1f} points while "
        f"the vacancy rate rises by {100 * rise_v:.1f} points: employers hire only candidates "
        "whose business value is positive, and many of the unemployed who are left (long "
        "spells, wage values near or below the minimum wage, another sector) are not, so "
        "extra demand shows mostly as open vacancies, and the unemployed per vacancy fall from "
        f"{a['unemployed_per_vacancy']:.1f} to {b['unemployed_per_vacancy']:.1f}. The bijstand "
        f"stock changes by {100 * sa_b:+.1f}% in the tight market against {100 * sa_a:+.1f}% "
        "in 2017's: recipients who search, mostly with short spells, find work sooner, while "
        "the majority who do not search (the municipality judges them unable to work for now, "
        "`labour_market.sa_entry_not_ready_share`, `labour_market.sa_readiness_loss_rate`) "
        "are not reached by more vacancies. What remains on bijstand is further from work, as "
        "CBS's chief economist said of 2023 (docs/sources.md). Today's instruments add "
        f"{extra[0]:+,.0f} placements in the tight market against {extra[1]:+,.0f} in the "
        "2017 market: " + _tight_market_verdict(ne) + "\n"
    )


def _count(x: float) -> str:
    return f"{x:,.0f}"


def _tight_market_levels(a: pd.Series, b: pd.Series) -> pd.DataFrame:
    """Levels in the market of 2017 (``a``) and the tight market (``b``), both with today's
    instruments."""
    # level rows: (label, how one market's levels read)
    level_rows: list[tuple[str, Callable[[pd.Series], str]]] = [
        ("unemployment rate (last month)", lambda r: _pct(r["unemployment_rate"])),
        (
            "unemployed per vacancy (last 12 months)",
            lambda r: f"{r['unemployed_per_vacancy']:.1f}",
        ),
        ("vacancy rate (last 12 months)", lambda r: _pct(r["vacancy_rate"])),
        (
            "bijstand stock, month 0 -> end",
            lambda r: f"{_count(r['sa_stock_start'])} -> {_count(r['sa_stock_end'])}",
        ),
        (
            "bijstand outflow to work per year",
            lambda r: _pct(r["sa_outflow_to_work_per_year"]),
        ),
        ("placements from bijstand and sheltered work", lambda r: _count(r["placements"])),
        (
            "placed within 12 months (month-0 target group)",
            lambda r: _pct(r["placement_rate_12m"]),
        ),
        ("sustained placement at 24 months", lambda r: _pct(r["sustained_placement_rate_24m"])),
        ("subsidised workers at the end", lambda r: _count(r["subsidised_end"])),
    ]
    return pd.DataFrame(
        [(label, show(a), show(b)) for label, show in level_rows],
        columns=["with today's instruments", "market of 2017", "tight market"],
    )


def _tight_market_net(ne: pd.DataFrame) -> pd.DataFrame:
    """The instruments' net effect (today's against none) in each market, with its interval;
    ``ne`` is indexed by (market, metric)."""

    def d(market, k, fmt):
        r = ne.loc[(market, k)]
        return f"{fmt(r['diff'])} [{fmt(r['low'])}, {fmt(r['high'])}]"

    def eur(x):
        return "n/a" if not np.isfinite(x) else f"EUR {x / 1e6:,.2f} m"

    def pp(x):
        return "n/a" if not np.isfinite(x) else f"{100 * x:+.2f} pp"

    def num(x):
        return "n/a" if not np.isfinite(x) else f"{x:+,.1f}"

    # net-effect rows: (label, metric, format of the difference and its interval)
    net_rows = [
        ("extra placements", "placements", num),
        ("extra sustained placement at 24 months", "sustained_placement_rate_24m", pp),
        ("bijstand stock at the end", "sa_stock_end", num),
        ("re-integration spending", "reintegration_cost_eur", eur),
        ("net public cost (benefits saved counted)", "public_cost_eur", eur),
    ]
    return pd.DataFrame(
        [(label, d("2017", k, fmt), d("tight", k, fmt)) for label, k, fmt in net_rows],
        columns=["today's instruments against none", "market of 2017", "tight market"],
    )


def _tight_market_verdict(ne: pd.DataFrame) -> str:
    """Whether the instruments add more placements in the tight market than in 2017's, and why."""
    extra = (ne.loc[("tight", "placements"), "diff"], ne.loc[("2017", "placements"), "diff"])
    half = max(
        ne.loc[("tight", "placements"), "high"] - extra[0],
        ne.loc[("2017", "placements"), "high"] - extra[1],
    )
    if not np.isfinite(half) or abs(extra[0] - extra[1]) < half:
        return (
            "about as many: the difference lies within the intervals. Two forces "
            "offset each other: with work plentiful employers hire more target-group "
            "candidates without the instruments (more deadweight), while vacancies "
            "that stay open longer let the subsidy and the no-risk policy tip more of "
            "the close decisions. This response has not been checked against real "
            "figures."
        )
    if extra[0] < extra[1]:
        return (
            "fewer, because employers hire more target-group candidates without them "
            "(more deadweight), so the instruments' net effect is smaller when work is "
            "plentiful."
        )
    return (
        "more, because with vacancies open longer the subsidy and the no-risk "
        "policy tip more of the decisions that are close; this response has not "
        "been checked against real figures."
    )


def _gap_sentence(tt: pd.DataFrame) -> str:
    """Whether u sits on one side of u* in every row, and whether the realised separation rate
    explains it."""
    gaps = tt["gap"].to_numpy()
    text = (
        f"The realised separation rate is {tt['s_measured'].min():.4f}-"
        f"{tt['s_measured'].max():.4f} against the configured 0.01."
    )
    if len(gaps) > 1 and (np.all(gaps < 0) or np.all(gaps > 0)):
        side = "below" if gaps[0] < 0 else "above"
        closer = np.abs(tt["u_end"] - tt["u_star_measured_s"]) < np.abs(tt["gap"])
        text += (
            f" u sits slightly {side} u* in every row; the rows share their seeds, so "
            "this is one draw of luck, not four"
        )
        text += (
            ": with the realised separation rate instead of the configured one, u* moves "
            "closer to u in " + f"{int(closer.sum())} of {len(tt)} rows."
            if closer.any()
            else "."
        )
    return text


def _relapse_verdict(ev: BaselineEvidence) -> str:
    """A few words on the shape of the re-entry curve against Divosa's (concave) curve."""
    m = ev.reentry.groupby("months")["all_exits"].mean()
    if not all(k in m.index for k in (12, 24)) or m.loc[12] <= 0:
        return "its shape cannot be judged in so short a run"
    ratio = float((m.loc[24] - m.loc[12]) / m.loc[12])
    if ratio > 0.8:
        return "rises almost linearly where Divosa's levels off"
    if ratio > 0.45:
        return "levels off less than Divosa's (too few back early, too many later)"
    return "levels off like Divosa's"


def _relapse_shape(ev: BaselineEvidence) -> str:
    """Compare the shape of the simulated re-entry curve with Divosa's (which levels off)."""
    m = ev.reentry.groupby("months")["all_exits"].mean()
    if not all(k in m.index for k in (12, 24)):
        return ""
    y1, y2 = float(m.loc[12]), float(m.loc[24] - m.loc[12])
    text = (
        f"Divosa's curve is concave: 22 percentage points come back in the first year and "
        f"8 in the second. The model's re-entry curve adds {100 * y1:.0f} points in the "
        f"first year and {100 * y2:.0f} in the second"
    )
    ratio = y2 / y1 if y1 > 0 else math.inf
    if ratio > 0.8:
        text += (
            ", so it is close to linear: the extra relapse hazard of a new job "
            "(`labour_market.relapse_base_rate`, fading over "
            "`labour_market.relapse_decay_months`) is small next to ordinary separations, "
            "which send placed workers back to bijstand month after month. The 24-month "
            "figure is matched by the sum, not by the shape."
        )
    elif ratio > 0.45:
        text += (
            ", so it levels off, but less than Divosa's (second year / first year "
            f"{ratio:.2f} against 0.36): early re-entry is too low and later re-entry too "
            "high. Ordinary separations send placed workers back to bijstand at a steady "
            "rate, on top of the fading extra relapse hazard of a new job "
            "(`labour_market.relapse_base_rate`, `labour_market.relapse_decay_months`)."
        )
    else:
        text += ", levelling off like Divosa's as the extra relapse hazard of a new job fades."
    return text


def _fmt_target(key: str, x: float) -> str:
    if x is None or not np.isfinite(x):
        return "n/a"
    if key in ("unemployed_per_vacancy", "sa_per_1000_residents_15plus"):
        return f"{x:.1f}"
    return _pct(x)


def _gap_notes(m: dict[str, float], dt: pd.DataFrame, ev: BaselineEvidence) -> str:
    """Short explanations of the largest gaps (only for targets outside their band)."""
    from analysis.calibrate import TARGETS

    bands = {t.key: t for t in TARGETS}
    notes = []
    if not bands["sa_exit_per_year_under_1y"].inside(m.get("sa_exit_per_year_under_1y")):
        d = ev.duration
        risk = np.array(
            [
                d.loc[d["months_out"] < 12, "at_risk"].sum(),
                d.loc[(d["months_out"] >= 12) & (d["months_out"] < 36), "at_risk"].sum(),
                d.loc[d["months_out"] >= 36, "at_risk"].sum(),
            ],
            dtype=float,
        )
        share = risk / risk.sum() if risk.sum() else np.full(3, np.nan)
        out_all = m.get("sa_outflow_total_per_year", math.nan)
        e3 = m.get("sa_exit_per_year_over_3y", math.nan)
        notes.append(
            "exit in the first year on bijstand (a hazard of recipients less than 12 months into "
            "their spell) is far above CBS's 22% (2006 figures) but near the newer figure that "
            "44% leave within the first year (2016-21). The 2006 figure cannot hold together "
            "with the other targets: in a stable stock the exits, weighted by the stock, must "
            f"equal the inflow, {_pct(out_all, 0)} a year here (22-30% in the sources); with "
            f"{_pct(share[2], 0)} of the recipient-months past three years exiting at "
            f"{_pct(e3, 0)} and {_pct(share[0], 0)} in the first year, the first year has to "
            "carry most of the outflow. Making new recipients slower (more of them not ready "
            "at the start of a spell) brings it down to ~36% but pushes the CBS cohort out of "
            "its band (fewer in work, more back on bijstand after 18 months)."
        )
    if not bands["unemployed_per_vacancy"].inside(m.get("unemployed_per_vacancy")):
        notes.append(
            "unemployed per vacancy divides two small, volatile numbers at this scale (the "
            "vacancies still open at the end of a month, after matching), so its interval is "
            "wide; the model keeps fewer vacancies open than Flevoland did (its vacancies are "
            "filled or closed faster), so the ratio sits above the 3.5 of Q1 2017."
        )
    if not bands["sw_outflow_not_to_work_share"].inside(m.get("sw_outflow_not_to_work_share")):
        notes.append(
            "the Wsw outflow is nearly all retirement, death and long sickness because almost "
            "nobody moves from sheltered work to a regular job in the baseline (no root-ball "
            f"support); with ~{_flevoland_sheltered():,.0f} participants in Flevoland and scale "
            f"{ev.scale:g}, the run follows only ~{_flevoland_sheltered() * ev.scale:.0f} people, "
            "hence the wide "
            "interval."
        )
    out_work = m.get("sa_outflow_to_work_per_year")
    inflow = m.get("sa_inflow_per_year")
    if not bands["sa_outflow_to_work_per_year"].inside(out_work) and out_work and inflow:
        cbs = out_work / (1 + inflow)
        notes.append(
            f"outflow to work is {_pct(out_work)} of the average stock; on CBS's basis (start "
            f"stock plus inflow, about {1 + inflow:.2f} times the stock) it is {_pct(cbs)}, "
            + (
                "inside the band: the miss is one of definition."
                if bands["sa_outflow_to_work_per_year"].inside(cbs)
                else "still outside the band."
            )
        )
    if not bands["sa_reentry_all_exits_6m"].inside(m.get("sa_reentry_all_exits_6m")):
        notes.append(
            "early re-entry is too low while re-entry after 24 months is about right: the "
            "model's re-entry curve is too straight (section 3, relapse), because ordinary "
            "separations send placed workers back at a steady rate while the extra relapse "
            "hazard of a new job is small."
        )
    for key, why in (
        ("unemployment_rate", "the unemployment rate"),
        ("sa_change_per_year", "the bijstand stock"),
        ("sa_outflow_total_per_year", "total outflow from bijstand"),
        ("sa_exit_per_year_over_3y", "exit after three years"),
    ):
        if not bands[key].inside(m.get(key)):
            notes.append(f"{why} misses its band at the current defaults.")
    return " ".join(f"({i + 1}) {n}" for i, n in enumerate(notes)) or "all targets are inside."


def _limits(
    table: pd.DataFrame,
    n_assumed: int,
    n_params: int,
    ev: BaselineEvidence,
    st: ValidationSettings,
    drift: tuple,
) -> list[str]:
    u0, u1, v0, v1, months = drift
    sw_per_run = int((ev.placements["origin"] == "sheltered").sum()) / max(len(ev.seeds), 1)
    return [
        f"**Effect sizes of instruments.** {n_assumed} of {n_params} parameters are `assumed` "
        "(no source in `docs/sources.md`), among them every mechanism through which an instrument "
        "works: how relapse grows with the gap between job pressure and resilience, how much "
        "employers overweight sick-pay risk, what an inclusive employer is willing to pay, how "
        "a job coach or the root ball lowers relapse. The targets above constrain the baseline "
        "flows, not these effects; no target measures what a wage-cost subsidy or job coaching "
        "does. Comparisons of instruments are therefore statements about the mechanisms as "
        "assumed - useful for ranking and for seeing trade-offs (deadweight, displacement, who "
        "pays), not forecasts of their size. A sensitivity analysis (notebook 04) shows which "
        "assumptions a conclusion hangs on.",
        "**Identification.** Several parameter sets fit the same targets: selection (who is "
        "ready to work) and true duration dependence (search decay, scarring) both produce "
        "falling exit rates; relapse base rate and pressure slope both set relapse. They "
        "differ in what a policy for long-term recipients or for relapse would achieve. "
        "The calibration picks one set; it does not make the others wrong.",
        "**Targets from different years and places.** The duration figures are from 2006, "
        "relapse from 2014, stocks from 2016, tightness from 2017, commuting from 2007; flows "
        "and relapse are national figures applied to Flevoland. The baseline is a composite "
        "'Flevoland around 2016', not a particular year, and has not been checked against a "
        "historical path (for instance unemployment falling from 9.3% in 2014 to 7.2% in "
        "2016).",
        "**Demand is exogenous.** Employers' desired size follows sector cycles and dated "
        "shocks; it does not respond to wages, subsidies or the supply of workers, and firms "
        "do not enter or exit. The Beveridge curve and any effect of a policy on the number of "
        "jobs (rather than on who gets them) follow from that assumption. There is no wage "
        "bargaining, no price level and no public budget constraint feeding back on policy.",
        "**People are simpler than people.** No households (partner income is a hazard of "
        "leaving bijstand), no age (retirement is a hazard), no education beyond a skill "
        "level, a wage value "
        "and a sector, no disability benefits (long sickness leaves the labour force), no "
        "migration response to the region's labour market; the areas outside Flevoland are "
        "job destinations with fixed in-commuting.",
        f"**Small numbers.** At scale {st.scale:g} the run follows about "
        f"{_flevoland_sheltered() * st.scale:.0f} sheltered-work participants and about "
        f"{sw_per_run:.0f} moves "
        f"from sheltered work to a job per {st.months}-month run, so figures for that group "
        "have wide intervals; run at scale 1.0 and more replications before quoting them. "
        "Unemployed per vacancy divides two small, volatile numbers.",
        (
            f"**Long horizons drift.** The baseline is not a steady state: over {months} months "
            f"its unemployment rate moves from {_pct(u0)} to {_pct(u1)} and its vacancy rate from "
            f"{_pct(v0, 2)} to {_pct(v1, 2)} (section 3). Part of any outcome measured late in a "
            "long run reflects this drift in both arms of a comparison; paired differences remove "
            "most of it, levels do not."
            if abs(u1 - u0) > DRIFT_U or abs(v1 - v0) > DRIFT_V
            else f"**Long horizons.** Over {months} months the baseline's unemployment rate "
            "moves from "
            f"{_pct(u0)} to {_pct(u1)} and its vacancy rate from {_pct(v0, 2)} to {_pct(v1, 2)} "
            "(section 3): close to stationary, but sector cycles move both, so compare arms with "
            "paired differences rather than levels at a single month."
        ),
        "**The theory check covers the textbook switch only.** It shows that matching, "
        "separations and the bookkeeping of stocks and flows are implemented correctly; the "
        "full matching (commuting reach, sectors, employers judging business value) has no "
        "closed form to check against and is validated only through the targets above.",
        "**Regional institutions.** The whitepaper's core claim - that short lines between "
        "employers, schools and municipalities make re-integration work - is represented only "
        "through the instruments' parameters (an employer service point, work pools, "
        "forecasting); trust, networks of people and organisations, and the cost of "
        "coordinating them are not modelled.",
    ]

"""Diagnostics of the employer's hiring decision (issue 11): are target-group hires a tail event?

The matching records, when asked (``model.decision_log``), every application's hiring value
without the judgement error, in units of that error's standard deviation (``z``), and whether it
was hired, accepted, from the target group and at a willing employer. A hire with ``z`` < -1.5
needed an error beyond 1.5 standard deviations: if most target-group hires looked like that,
hiring from the target group would be a tail event of the error distribution rather than a
decision of the employers that are willing and able.

:func:`decision_evidence` runs the baseline; :func:`decisiveness_evidence` runs each
instrument's scenario and reads the per-placement decisiveness; :func:`employer_section`
writes the Markdown section of ``docs/validation.md``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from analysis.compare import mean_interval
from analysis.experiments import prepare, replication_seeds
from sim.model import LabourMarketModel

ROOT = Path(__file__).resolve().parents[1]
#: edges of the z bins in the distribution table (units of the judgement error)
Z_EDGES = (-np.inf, -3.0, -1.5, -0.5, 0.0, 0.5, 1.5, 3.0, np.inf)
#: a hire "needs" an error beyond this many standard deviations when z is below minus this
TAIL_SD = 1.5
#: instrument scenarios whose decisiveness the section reports
INSTRUMENT_SCENARIOS = (
    "wage_subsidy",
    "no_risk_policy",
    "work_pools",
    "root_ball",
    "job_coaching",
    "moral_appeal",
)


@dataclass
class DecisionEvidence:
    """Per replication: the z values of target-group hires, other hires and refusals."""

    target_hires: list[np.ndarray] = field(default_factory=list)
    other_hires: list[np.ndarray] = field(default_factory=list)
    refusals: list[np.ndarray] = field(default_factory=list)
    target_refusals: list[np.ndarray] = field(default_factory=list)
    willing_share: list[float] = field(default_factory=list)
    employer_share_willing: list[float] = field(default_factory=list)
    #: standard deviation of z over all target-group applications: the differences between
    #: employers and candidates in units of the judgement error
    spread: list[float] = field(default_factory=list)

    def needs_error_share(self) -> tuple[float, float, float, int]:
        """Share of target-group hires with z < 0 (hired only thanks to an error in the
        candidate's favour, however small): mean and interval over replications."""
        return mean_interval(
            [float(np.mean(z < 0)) if len(z) else math.nan for z in self.target_hires]
        )

    def tail_share(self) -> tuple[float, float, float, int]:
        """Share of target-group hires with z < -TAIL_SD: mean and interval over replications."""
        return mean_interval(
            [float(np.mean(z < -TAIL_SD)) if len(z) else math.nan for z in self.target_hires]
        )


def run_logged(scenario, *, seed: int, scale: float, months: int) -> LabourMarketModel:
    """Run a scenario with the decision log switched on."""
    scen = prepare(scenario, seed=seed, months=months, scale=scale)
    model = LabourMarketModel(scen)
    model.decision_log = []
    model.run()
    return model


def decisions(model: LabourMarketModel) -> dict[str, np.ndarray]:
    """The model's logged decisions as flat arrays (z, hired, accepted, target, willing)."""
    log = model.decision_log
    keys = ("z", "hired", "accepted", "target", "willing")
    if not log:
        return {k: np.zeros(0) for k in keys}
    return {k: np.concatenate([d[k] for d in log]) for k in keys}


def decision_evidence(
    scenario=ROOT / "scenarios" / "baseline.toml",
    *,
    scale: float = 0.1,
    months: int = 60,
    reps: int = 5,
    seed: int = 2026,
) -> DecisionEvidence:
    """Run ``scenario`` ``reps`` times and collect the hiring values of its decisions."""
    ev = DecisionEvidence()
    for s in replication_seeds(seed, reps):
        m = run_logged(scenario, seed=s, scale=scale, months=months)
        d = decisions(m)
        t, h = d["target"].astype(bool), d["hired"].astype(bool)
        ev.target_hires.append(d["z"][t & h])
        ev.other_hires.append(d["z"][~t & h])
        ev.refusals.append(d["z"][~d["accepted"].astype(bool)])
        ev.target_refusals.append(d["z"][t & ~d["accepted"].astype(bool)])
        ev.spread.append(float(np.std(d["z"][t])) if t.any() else math.nan)
        ev.willing_share.append(float(d["willing"][t & h].mean()) if (t & h).any() else math.nan)
        e = m.employers
        real = ~e.is_pool & ~e.external
        ev.employer_share_willing.append(float(np.mean(e.openness[real] > 0)))
    return ev


def decisiveness_evidence(
    names: Sequence[str] = INSTRUMENT_SCENARIOS,
    *,
    scale: float = 0.1,
    months: int = 60,
    reps: int = 5,
    seed: int = 2026,
) -> dict[str, tuple[float, float, float, int, float]]:
    """Per instrument scenario: decisive share (mean, low, high, n) over replications and the
    mean number of placements it touched."""
    out = {}
    seeds = replication_seeds(seed, reps)
    for name in names:
        path = ROOT / "scenarios" / "policies" / f"{name}.toml"
        if not path.exists():  # an instrument of the status quo (issue 12): in the baseline
            path = ROOT / "scenarios" / "baseline.toml"
        shares, touched = [], []
        for s in seeds:
            scen = prepare(str(path), seed=s, months=months, scale=scale)
            m = LabourMarketModel(scen)
            m.run()
            d = m.summary()["instruments"].get(name, {"touched": 0, "decisive": 0})
            touched.append(d["touched"])
            shares.append(d["decisive"] / d["touched"] if d["touched"] else math.nan)
        out[name] = (*mean_interval(shares), float(np.mean(touched)))
    return out


def _pct(x: float) -> str:
    return "n/a" if x is None or not math.isfinite(x) else f"{100 * x:.1f}%"


def distribution_table(ev: DecisionEvidence) -> str:
    """Markdown: share of each kind of decision per z bin (pooled over replications)."""
    groups = {
        "target-group hires": ev.target_hires,
        "other hires": ev.other_hires,
        "target-group refusals": ev.target_refusals,
        "all refusals": ev.refusals,
    }
    labels = []
    for lo, hi in zip(Z_EDGES[:-1], Z_EDGES[1:]):
        labels.append(
            f"below {hi:g}"
            if not np.isfinite(lo)
            else f"{lo:g} or more"
            if not np.isfinite(hi)
            else f"{lo:g} to {hi:g}"
        )
    lines = [
        "| hiring value without the error (SD of the error) | " + " | ".join(groups) + " |",
        "|---|" + "---|" * len(groups),
    ]
    pooled = {k: np.concatenate(v) if v else np.zeros(0) for k, v in groups.items()}
    for i, lab in enumerate(labels):
        cells = []
        for z in pooled.values():
            inside = (z >= Z_EDGES[i]) & (z < Z_EDGES[i + 1])
            cells.append(_pct(float(inside.mean())) if len(z) else "n/a")
        lines.append(f"| {lab} | " + " | ".join(cells) + " |")
    lines.append(
        "| decisions (all replications) | "
        + " | ".join(f"{len(z):,}" for z in pooled.values())
        + " |"
    )
    return "\n".join(lines) + "\n"


def employer_section(
    *,
    scale: float = 0.1,
    months: int = 60,
    reps: int = 5,
    seed: int = 2026,
    ev: DecisionEvidence | None = None,
    dec: dict[str, tuple[float, float, float, int, float]] | None = None,
) -> str:
    """The Markdown section "Employers' hiring decisions" of ``docs/validation.md``."""
    ev = ev or decision_evidence(scale=scale, months=months, reps=reps, seed=seed)
    dec = (
        dec
        if dec is not None
        else decisiveness_evidence(scale=scale, months=months, reps=reps, seed=seed)
    )
    tail = ev.tail_share()
    anyerr = ev.needs_error_share()
    spread = mean_interval(ev.spread)
    will = mean_interval(ev.willing_share)
    emp_will = mean_interval(ev.employer_share_willing)
    med = [float(np.median(z)) if len(z) else math.nan for z in ev.target_hires]
    L = [
        "## 5. Employers' hiring decisions\n",
        "Are hires from the target group decisions of employers that are willing and able, or "
        "tail events of the judgement error (`employers.assessment_noise`)? For every "
        f"application of the baseline ({reps} replications, {months} months, scale {scale:g}) "
        "the table gives the employer's hiring value without the judgement error, in units "
        "of its standard deviation: a hire below -1.5 needed an error of more than 1.5 "
        "standard deviations in the candidate's favour.\n",
        distribution_table(ev),
        f"- Target-group hires that needed an error beyond {TAIL_SD:g} SD: {_pct(tail[0])} "
        f"[{_pct(tail[1])}, {_pct(tail[2])}] (a test fails above 50%); median hiring value "
        f"of a target-group hire {np.nanmean(med):+.2f} SD; hired only thanks to an error in "
        f"their favour, however small: {_pct(anyerr[0])} [{_pct(anyerr[1])}, "
        f"{_pct(anyerr[2])}].",
        f"- Spread of the hiring value over all target-group applications: {spread[0]:.1f} "
        "SD of the judgement error (the differences between employers and candidates).",
        f"- Target-group hires by employers marked willing: {_pct(will[0])} [{_pct(will[1])}, "
        f"{_pct(will[2])}], while {_pct(emp_will[0])} of the employers are willing at the end "
        "of the run (61% at the start, SCP 2019, docs/sources.md; experience moves it).",
        "",
        "Decisiveness per instrument (each instrument's scenario, or the baseline for the "
        "instruments of the status quo, same seeds): of the "
        "placements the instrument touched, the share that the employer would have refused "
        "on the same draws without the instrument's contribution. The rest is deadweight "
        "in the decision sense (`deadweight_share.<instrument>` in `kluit compare`; the "
        "paired-run deadweight is `deadweight_share_paired`).\n",
        "| instrument | decisive share | 95% interval | placements touched per run |",
        "|---|---|---|---|",
    ]
    for name, (m, lo, hi, _n, touched) in dec.items():
        L.append(f"| {name} | {_pct(m)} | {_pct(lo)} to {_pct(hi)} | {touched:,.1f} |")
    L.append("")
    return "\n".join(L)

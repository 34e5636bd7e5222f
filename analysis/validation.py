"""Validation of the model: a theory check, stylised facts and the calibration targets.

Three kinds of evidence, each computed from ordinary runs of the model (nothing here changes
the model; it only reads ``model.series``, the transition log and the state arrays):

- **theory check**: with textbook matching (``scenarios/validation/textbook.toml``: one
  application per searcher to a uniformly random open vacancy, employers accept everyone,
  a constant separation rate, all other flows off) hires must follow the urn-ball matching
  function ``v (1 - exp(-u / v))`` and unemployment must converge to the steady state of a
  search-and-matching economy, ``u* = s / (s + f)`` (Pissarides);
- **stylised facts** that nobody put into the model directly: a Beveridge curve under a demand
  cycle, duration dependence of exits from bijstand, the relapse curve after placement and the
  regional commuting pattern;
- **calibration targets** of ``docs/sources.md`` against the status quo, with intervals over
  replications (the targets themselves live in :mod:`analysis.calibrate`), among them the CBS
  cohort of exits from bijstand to work;
- **drift**: the status quo must hold still over a long run (:data:`DRIFT_BANDS`);
- **the tight market** of 2022-24 (``scenarios/shocks/tight_market.toml``): what it does to
  bijstand, placements and the instruments' net effects.

This module computes; :mod:`analysis.validation_report` writes ``docs/validation.md`` and its
figures from these results (``kluit report validation``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.compare import mean_interval
from analysis.experiments import derive_seed, prepare, replication_seeds
from sim.model import LabourMarketModel
from sim.scenario import Scenario, load_scenario
from sim.state import JOB_STATES, State

__all__ = [
    "SCENARIOS",
    "TEXTBOOK_VACANCY_SHARES",
    "urn_ball_hires",
    "matching_records",
    "steady_state",
    "TheoryCheck",
    "theory_check",
    "BaselineEvidence",
    "baseline_evidence",
    "beveridge",
    "DRIFT_BANDS",
    "drift_record",
    "drift_runs",
    "commuting_summary",
    "loop_area",
    "TightMarketEvidence",
    "tight_market",
]

#: scenario files used by the report, relative to the repository root
REPO = Path(__file__).resolve().parent.parent
SCENARIOS = {
    "baseline": REPO / "scenarios" / "baseline.toml",
    "textbook": REPO / "scenarios" / "validation" / "textbook.toml",
    "recession": REPO / "scenarios" / "shocks" / "recession.toml",
    "tight_market": REPO / "scenarios" / "shocks" / "tight_market.toml",
    "no_instruments": REPO / "scenarios" / "no_instruments.toml",
}
#: vacancy shares of the theory check: the shipped textbook file (0.05, a slack market where
#: unemployed outnumber vacancies ~8 to 1) and tighter markets where u/v is near 1-2, so the
#: curvature of the urn-ball function is tested, not only "every vacancy is filled"
TEXTBOOK_VACANCY_SHARES = (0.05, 0.08, 0.10, 0.12)
SEARCHING = (State.UNEMPLOYED_WW, State.NO_BENEFIT, State.SOCIAL_ASSISTANCE)

#: changes over a run (start vs end, fractions) above which the report calls the baseline drifting
DRIFT_U, DRIFT_V = 0.005, 0.003


# ----------------------------------------------------------------------------- theory check


def urn_ball_hires(u, v, exact: bool = True):
    """Expected hires when ``u`` applicants each send one application to a uniformly random one
    of ``v`` vacancies and every vacancy with an applicant is filled.

    Exact: ``v (1 - (1 - 1/v)^u)``; the textbook approximation is ``v (1 - exp(-u/v))``.

    >>> round(float(urn_ball_hires(100, 100)), 2), round(float(urn_ball_hires(100, 100, False)), 2)
    (63.4, 63.21)
    >>> float(urn_ball_hires(5, 0))
    0.0
    """
    u = np.asarray(u, dtype=float)
    v = np.asarray(v, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if exact:
            out = v * (1.0 - np.power(np.where(v > 0, 1.0 - 1.0 / v, 0.0), u))
        else:
            out = v * (1.0 - np.exp(-np.divide(u, v, out=np.full_like(u * v, np.inf), where=v > 0)))
    return np.where(v > 0, out, 0.0)


def matching_records(model: LabourMarketModel) -> pd.DataFrame:
    """One row per simulated month of a textbook run: searchers ``u`` and open vacancies ``v``
    at the moment of matching, hires, separations and the end-of-month stocks.

    Read from ``model.series`` without hooks into the model: in textbook mode every searcher
    sends exactly one application, so ``u`` = applications (minus brokered introductions, zero
    in the textbook file); hires take vacancies one for one and nothing else changes them after
    matching, so ``v`` = vacancies left at the end of the month + hires. (The tests check both
    against a probe inside the matching step.) When no vacancy is open nobody applies; ``u`` is
    then the searchers at the end of the previous month plus those who lost a job this month.
    """
    rows = []
    ser = model.series
    for t in range(1, len(ser)):
        r, prev = ser[t], ser[t - 1]
        c = r["counts"]
        hires = int(c.get("hires", 0))
        s_prev = prev["stocks"].sum(axis=0)
        s_now = r["stocks"].sum(axis=0)
        flows = r["flows"].sum(axis=0)
        lost_job = int(flows[np.ix_(JOB_STATES, SEARCHING)].sum())
        v = int(round(float(r["vacancies"].sum()))) + hires
        apps = int(c.get("applications", 0)) - int(c.get("brokered", 0))
        u = apps if apps > 0 else int(s_prev[list(SEARCHING)].sum()) + lost_job
        rows.append(
            {
                "month": int(r["month"]),
                "u": u,
                "v": v,
                "hires": hires,
                "separations": int(c.get("separations", 0)) + int(c.get("layoffs", 0)),
                "employed_start": int(s_prev[JOB_STATES].sum()),
                "employed": int(s_now[JOB_STATES].sum()),
                "unemployed": int(s_now[list(SEARCHING)].sum()),
            }
        )
    df = pd.DataFrame(rows)
    df["predicted_exact"] = urn_ball_hires(df["u"], df["v"], exact=True)
    df["predicted"] = urn_ball_hires(df["u"], df["v"], exact=False)
    df["unemployment_rate"] = df["unemployed"] / (df["unemployed"] + df["employed"])
    return df


def steady_state(df: pd.DataFrame, s: float, window: int = 24) -> dict[str, float]:
    """Unemployment over the last ``window`` months against its theoretical steady state.

    ``f`` is the measured job-finding rate (hires / searchers at matching). Kluit runs the
    month's separations before its matching, so a worker who loses a job can find another in
    the same month: measured month to month (employed at the end of one month, unemployed at
    the end of the next, as labour-force surveys do) the separation rate is ``s (1 - f)``, and
    ``u* = s_m / (s_m + f)`` with ``s_m = s (1 - f)``. The continuous-time textbook form
    ``s / (s + f)`` with the configured hazard ``s`` is reported beside it.

    >>> df = pd.DataFrame({"u": [100] * 30, "hires": [20] * 30, "separations": [10] * 30,
    ...                    "employed_start": [1000] * 30, "unemployment_rate": [0.08] * 30})
    >>> round(steady_state(df, 0.01)["u_star"], 4)
    0.0385
    """
    tail = df.iloc[-window:]
    f = float(tail["hires"].sum() / max(tail["u"].sum(), 1))
    s_meas = float(tail["separations"].sum() / max(tail["employed_start"].sum(), 1))
    s_m = s * (1.0 - f)
    return {
        "f": f,
        "s": s,
        "s_measured": s_meas,
        "u_end": float(tail["unemployment_rate"].mean()),
        "u_star": s_m / (s_m + f) if s_m + f > 0 else math.nan,
        "u_star_measured_s": (
            s_meas * (1 - f) / (s_meas * (1 - f) + f) if s_meas * (1 - f) + f > 0 else math.nan
        ),
        "u_star_continuous": s / (s + f) if s + f > 0 else math.nan,
    }


@dataclass
class TheoryCheck:
    """Per-month matching records and per-run steady states of the textbook runs."""

    records: pd.DataFrame  # one row per (vacancy_share, replication, month)
    runs: pd.DataFrame  # one row per (vacancy_share, replication)
    scale: float
    months: int
    window: int

    def matching_error(self, min_hires: float = 0.0) -> dict[str, float]:
        """Mean relative error of hires against the formula and the ratio of their sums."""
        r = self.records[self.records["predicted"] > min_hires]
        rel = (r["hires"] - r["predicted"]) / r["predicted"]
        return {
            "mean_abs_rel_error": float(rel.abs().mean()),
            "mean_rel_error": float(rel.mean()),
            "sum_ratio": float(r["hires"].sum() / r["predicted"].sum()),
            "sum_ratio_exact": float(r["hires"].sum() / r["predicted_exact"].sum()),
            "months": int(len(r)),
        }

    def table(self) -> pd.DataFrame:
        """One row per vacancy share: u/v, matching error, f, u at the end against u*."""
        out = []
        for share, g in self.runs.groupby("vacancy_share"):
            rec = self.records[
                (self.records["vacancy_share"] == share) & (self.records["predicted"] > 0)
            ]
            rel = (rec["hires"] - rec["predicted"]) / rec["predicted"]
            gap = g["u_end"] - g["u_star"]
            m, lo, hi, n = mean_interval(gap)
            se = float(gap.std(ddof=1) / math.sqrt(n)) if n > 1 else math.nan
            out.append(
                {
                    "vacancy_share": share,
                    "u_over_v": float((rec["u"] / rec["v"]).median()),
                    "hires_per_month": float(rec["hires"].mean()),
                    "mean_abs_rel_error": float(rel.abs().mean()),
                    "hires_over_formula": float(rec["hires"].sum() / rec["predicted"].sum()),
                    "f": float(g["f"].mean()),
                    "s_measured": float(g["s_measured"].mean()),
                    "u_end": float(g["u_end"].mean()),
                    "u_star": float(g["u_star"].mean()),
                    "u_star_continuous": float(g["u_star_continuous"].mean()),
                    "u_star_measured_s": float(g["u_star_measured_s"].mean()),
                    "gap": m,
                    "gap_low": lo,
                    "gap_high": hi,
                    "gap_in_se": m / se if se and se > 0 else math.nan,
                    "reps": n,
                }
            )
        return pd.DataFrame(out)


def theory_check(
    *,
    scale: float = 0.1,
    months: int = 120,
    reps: int = 5,
    seed: int = 2026,
    vacancy_shares: Sequence[float] = TEXTBOOK_VACANCY_SHARES,
    window: int = 24,
    scenario: str | Path | Scenario = SCENARIOS["textbook"],
    progress: Callable[[int, int], None] | None = None,
) -> TheoryCheck:
    """Run the textbook scenario at each vacancy share ``reps`` times and collect the evidence."""
    base = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    seeds = replication_seeds(derive_seed(seed, "theory"), reps)
    recs, runs = [], []
    total, done = len(vacancy_shares) * reps, 0
    for share in vacancy_shares:
        for rep, rep_seed in enumerate(seeds):
            scen = prepare(
                base,
                seed=rep_seed,
                months=months,
                scale=scale,
                overrides={"employers.vacancy_open_share": float(share)},
            )
            model = LabourMarketModel(scen)
            model.run()
            df = matching_records(model)
            s = float(scen["labour_market.separation_rate"])
            st = steady_state(df, s, window)
            recs.append(df.assign(vacancy_share=share, replication=rep, seed=rep_seed))
            runs.append({"vacancy_share": share, "replication": rep, "seed": rep_seed, **st})
            done += 1
            if progress:
                progress(done, total)
    return TheoryCheck(
        pd.concat(recs, ignore_index=True), pd.DataFrame(runs), scale, months, window
    )


# ----------------------------------------------------------------------------- the baseline


@dataclass
class BaselineEvidence:
    """Replications of the baseline: calibration moments and the stylised-fact tallies."""

    moments: list[dict[str, Any]]
    duration: (
        pd.DataFrame
    )  # months out of work -> at risk, exits (not out of the labour force), to work
    placements: pd.DataFrame  # every placement of every replication (+ replication, months)
    reentry: pd.DataFrame  # replication, months k, re-entry share of all exits / exits to work
    commuting: pd.DataFrame  # replication, municipality, employed residents and where they work
    commuting_start: pd.DataFrame  # the same at month 0
    scale: float
    months: int
    seeds: list[int]

    def target_table(self) -> pd.DataFrame:
        from analysis.calibrate import target_table

        return target_table(self.moments)


#: duration bins (months out of work) for the duration-dependence figure
DURATION_EDGES = (0, 6, 12, 24, 36, 60, 120, 10**6)
DURATION_CAP = 240


def _flevoland_sheltered() -> float:
    """Sheltered-work participants of the default region (its file: CBS 83747NED, 2016)."""
    from sim.region import flevoland

    return float(flevoland().totals["sheltered_work"])


def run_with_duration_probe(scen: Scenario) -> tuple[LabourMarketModel, np.ndarray, pd.DataFrame]:
    """Run a model month by month, counting per month out of work (0..DURATION_CAP) the
    bijstand recipients at the start of the month, those who left bijstand during it (not
    into training or out of the labour force, as in the calibration moment) and those who
    left for a job. Returns the model, a (3, DURATION_CAP + 1) array and the commuting table
    at month 0."""
    model = LabourMarketModel(scen)
    start = commuting_table(model)
    tally = np.zeros((3, DURATION_CAP + 1), dtype=np.int64)
    sa, tr, gone = State.SOCIAL_ASSISTANCE, State.TRAINING, State.INACTIVE
    while model.month < model.months:
        per = model.persons
        rows = np.flatnonzero(per.state == sa)
        dur = np.minimum(model.month - per.sa_since[rows].astype(np.int64), DURATION_CAP)
        model.step()
        new = model.persons.state[rows]
        left = (new != sa) & (new != tr) & (new != gone)
        work = np.isin(new, JOB_STATES)
        tally[0] += np.bincount(dur, minlength=DURATION_CAP + 1)
        tally[1] += np.bincount(dur[left], minlength=DURATION_CAP + 1)
        tally[2] += np.bincount(dur[work], minlength=DURATION_CAP + 1)
    return model, tally, start


def commuting_table(model: LabourMarketModel) -> pd.DataFrame:
    """Employed residents per home municipality and where they work: own municipality, another
    municipality of the region, or an area outside it (e.g. Greater Amsterdam)."""
    per, e, region = model.persons, model.employers, model.region
    emp = np.flatnonzero(np.isin(per.state, JOB_STATES) & (per.employer >= 0))
    home = per.home[emp].astype(np.int64)
    work = e.node[per.employer[emp]].astype(np.int64)
    ext = np.asarray(region.external, dtype=bool)
    rows = []
    for i, name in enumerate(region.names):
        if ext[i]:
            continue
        h = home == i
        n = int(h.sum())
        rows.append(
            {
                "municipality": name,
                "employed_residents": n,
                "own": int((h & (work == i)).sum()),
                "other_in_region": int((h & (work != i) & ~ext[work]).sum()),
                "outside_region": int((h & ext[work]).sum()),
            }
        )
    return pd.DataFrame(rows)


def reentry_curve(model: LabourMarketModel, windows: Sequence[int] = range(1, 25)) -> pd.DataFrame:
    """Share of bijstand exits back on bijstand within k months (all exits, exits to work),
    with the same definition as the calibration moments."""
    from sim import metrics

    got = metrics.relapse_after_exits(model, windows=tuple(windows))
    return pd.DataFrame(
        [
            {
                "months": k,
                "all_exits": got[f"sa_reentry_all_exits_{k}m"],
                "work_exits": got[f"sa_reentry_work_exits_{k}m"],
            }
            for k in windows
        ]
    )


def baseline_evidence(
    *,
    scale: float = 0.1,
    months: int = 60,
    reps: int = 5,
    seed: int = 2026,
    scenario: str | Path | Scenario = SCENARIOS["baseline"],
    progress: Callable[[int, int], None] | None = None,
) -> BaselineEvidence:
    """Replications of the baseline with the probes the stylised facts need."""
    from analysis.experiments import placements_frame

    base = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    seeds = replication_seeds(seed, reps)
    moments, tallies, pls, reent, comm, comm0 = [], [], [], [], [], []
    for rep, rep_seed in enumerate(seeds):
        scen = prepare(base, seed=rep_seed, months=months, scale=scale)
        model, tally, start = run_with_duration_probe(scen)
        moments.append(dict(model.summary()["calibration"]))
        tallies.append(tally)
        pls.append(placements_frame(model).assign(replication=rep, months_run=model.month))
        reent.append(reentry_curve(model).assign(replication=rep))
        comm.append(commuting_table(model).assign(replication=rep))
        comm0.append(start.assign(replication=rep))
        if progress:
            progress(rep + 1, reps)
    t = np.sum(tallies, axis=0)
    duration = pd.DataFrame(
        {
            "months_out": np.arange(DURATION_CAP + 1),
            "at_risk": t[0],
            "exits": t[1],
            "exits_to_work": t[2],
        }
    )
    return BaselineEvidence(
        moments,
        duration,
        pd.concat(pls, ignore_index=True),
        pd.concat(reent, ignore_index=True),
        pd.concat(comm, ignore_index=True),
        pd.concat(comm0, ignore_index=True),
        scale,
        months,
        seeds,
    )


def duration_table(duration: pd.DataFrame, edges: Sequence[int] = DURATION_EDGES) -> pd.DataFrame:
    """Exit rates per duration bin: monthly hazard and its yearly equivalent 1 - (1 - h)^12.

    >>> d = pd.DataFrame({"months_out": [0, 1, 13], "at_risk": [100, 100, 50],
    ...                   "exits": [2, 2, 0], "exits_to_work": [1, 1, 0]})
    >>> duration_table(d, (0, 12, 24))["exit_per_month"].round(3).tolist()
    [0.02, 0.0]
    """
    rows = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        g = duration[(duration["months_out"] >= lo) & (duration["months_out"] < hi)]
        n = float(g["at_risk"].sum())
        if n == 0:
            continue
        h, hw = g["exits"].sum() / n, g["exits_to_work"].sum() / n
        label = f"{lo}+" if hi >= 10**6 else f"{lo}-{hi - 1}"
        rows.append(
            {
                "months_out": label,
                "low": lo,
                "at_risk_months": int(n),
                "exit_per_month": h,
                "exit_per_year": 1 - (1 - h) ** 12,
                "to_work_per_month": hw,
                "to_work_per_year": 1 - (1 - hw) ** 12,
            }
        )
    return pd.DataFrame(rows)


def relapse_curve(
    placements: pd.DataFrame, origin: str | None = None, horizon: int = 24
) -> pd.DataFrame:
    """Cumulative share of placements whose job ended in a relapse (back on bijstand, WW or in
    sheltered work) within k months, k = 1..horizon, among placements followed for k months.

    >>> pl = pd.DataFrame({"month": [1, 1], "end_month": [3, -1], "origin": ["x", "x"],
    ...                    "end_state": ["social_assistance", ""], "months_run": [30, 30]})
    >>> relapse_curve(pl, horizon=3)["relapsed"].tolist()
    [0.0, 0.5, 0.5]
    """
    relapse_states = {"unemployed_ww", "social_assistance", "sheltered"}
    pl = placements if origin is None else placements[placements["origin"] == origin]
    dur = np.where(pl["end_month"] >= 0, pl["end_month"] - pl["month"], 10**6)
    rel = pl["end_state"].isin(relapse_states).to_numpy() & (pl["end_month"].to_numpy() >= 0)
    rows = []
    for k in range(1, horizon + 1):
        elig = (pl["month"] <= pl["months_run"] - k).to_numpy()
        n = int(elig.sum())
        rows.append(
            {
                "months": k,
                "placements": n,
                "relapsed": float((rel & (dur <= k))[elig].sum() / n) if n else math.nan,
            }
        )
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- drift

#: how far the status quo may move over a run, first year against last year (means of the
#: monthly values): the bijstand stock (relative), each duration share, unemployment and the
#: vacancy rate (absolute); the drift test and the report use the same bands
DRIFT_BANDS = {
    "sa_stock": 0.10,
    "under_1y": 0.05,
    "1_3y": 0.05,
    "over_3y": 0.05,
    "unemployment_rate": 0.010,
    "vacancy_rate": 0.005,
}


def drift_record(model: LabourMarketModel, window: int = 12) -> dict[str, float]:
    """First-year and last-year means of the quantities that must hold still, and the change
    (relative for the bijstand stock, absolute for shares and rates)."""
    ser = model.series
    ext = np.asarray(model.region.external, dtype=bool)

    def values(r):
        s = r["stocks"].sum(axis=0)
        b = np.asarray(r["sa_by_duration"], dtype=float)
        b = b / b.sum() if b.sum() else np.full(3, np.nan)
        ready = r.get("ready_sa", 0)
        u = s[State.UNEMPLOYED_WW] + s[State.NO_BENEFIT] + ready
        lf = u + s[list(JOB_STATES)].sum() + s[State.SHELTERED]
        v = float(r["vacancies"][~ext].sum())
        return {
            "sa_stock": float(s[State.SOCIAL_ASSISTANCE]),
            "under_1y": b[0],
            "1_3y": b[1],
            "over_3y": b[2],
            "unemployment_rate": u / lf if lf else np.nan,
            "vacancy_rate": v / (v + float(r["jobs"][~ext].sum()) or 1.0),
        }

    first = pd.DataFrame([values(r) for r in ser[1 : window + 1]]).mean()
    last = pd.DataFrame([values(r) for r in ser[-window:]]).mean()
    out = {}
    for k in DRIFT_BANDS:
        out[f"{k}_start"], out[f"{k}_end"] = float(first[k]), float(last[k])
        out[f"{k}_change"] = (
            float(last[k] / first[k] - 1) if k == "sa_stock" else float(last[k] - first[k])
        )
    return out


def drift_runs(
    *,
    scale: float = 0.03,
    months: int = 120,
    seeds: Sequence[int] = (1, 2, 3),
    scenario: str | Path | Scenario = SCENARIOS["baseline"],
) -> pd.DataFrame:
    """One row per seed: :func:`drift_record` of the status quo run for ``months``."""
    base = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    rows = []
    for s in seeds:
        model = LabourMarketModel(prepare(base, seed=int(s), months=months, scale=scale))
        model.run()
        rows.append({"seed": int(s), **drift_record(model)})
    return pd.DataFrame(rows)


# ----------------------------------------------------------------------------- tight market


@dataclass
class TightMarketEvidence:
    """The status quo in the 2017 market and in the tight market, each with today's
    instruments and with them switched off at month 0 (same month 0, same seeds)."""

    monthly: pd.DataFrame  # market, instruments, replication, month, u, v, u_per_v, sa, placements
    runs: pd.DataFrame  # market, instruments, replication, summary outcomes
    months: int
    ramp: tuple[int, int]  # first and last month of the rise in demand

    def levels(self) -> pd.DataFrame:
        """Mean outcomes per market with today's instruments (one row per market)."""
        on = self.runs[self.runs["instruments"] == "on"]
        return (
            on.groupby("market", sort=False).mean(numeric_only=True).drop(columns=["replication"])
        )

    def net_effects(self) -> pd.DataFrame:
        """Per market: today's instruments against none, paired by replication (mean and 95%
        interval of the difference on - off)."""
        from analysis.compare import mean_interval

        rows = []
        keys = (
            "placements",
            "sustained_placement_rate_24m",
            "placement_rate_12m",
            "sa_stock_end",
            "public_cost_eur",
            "reintegration_cost_eur",
        )
        for market, g in self.runs.groupby("market", sort=False):
            on = g[g["instruments"] == "on"].set_index("replication")
            off = g[g["instruments"] == "off"].set_index("replication")
            for k in keys:
                m, lo, hi, n = mean_interval((on[k] - off[k]).tolist())
                rows.append(
                    {"market": market, "metric": k, "diff": m, "low": lo, "high": hi, "reps": n}
                )
        return pd.DataFrame(rows)


def tight_market(
    *,
    scale: float = 0.1,
    months: int = 60,
    reps: int = 5,
    seed: int = 2026,
    progress: Callable[[int, int], None] | None = None,
) -> TightMarketEvidence:
    """Run the status quo and ``scenarios/shocks/tight_market.toml``, each with today's
    instruments on and switched off at month 0 (``no_instruments`` with the status-quo burn-in,
    so all four arms share month 0)."""
    base = load_scenario(SCENARIOS["baseline"])
    tight = load_scenario(SCENARIOS["tight_market"])
    none = load_scenario(SCENARIOS["no_instruments"])
    off = {k: none[k] for k in none.values if k.startswith("policies.")}
    off["run.burn_in_policies"] = "status_quo"
    seeds = replication_seeds(derive_seed(seed, "tight_market"), reps)
    ext = None
    monthly, runs = [], []
    total, done = 4 * reps, 0
    for rep, s in enumerate(seeds):
        for market, scen in (("2017", base), ("tight", tight)):
            for instruments, overrides in (("on", {}), ("off", off)):
                model = LabourMarketModel(
                    prepare(scen, seed=s, months=months, scale=scale, overrides=overrides)
                )
                model.run()
                ext = np.asarray(model.region.external, dtype=bool)
                for r in model.series[1:]:
                    st = r["stocks"].sum(axis=0)
                    u = st[State.UNEMPLOYED_WW] + st[State.NO_BENEFIT] + r.get("ready_sa", 0)
                    lf = u + st[list(JOB_STATES)].sum() + st[State.SHELTERED]
                    v = float(r["vacancies"][~ext].sum())
                    monthly.append(
                        {
                            "market": market,
                            "instruments": instruments,
                            "replication": rep,
                            "month": int(r["month"]),
                            "u": u / lf if lf else math.nan,
                            "v": v / (v + float(r["jobs"][~ext].sum()) or 1.0),
                            "u_per_v": u / v if v else math.nan,
                            "sa": int(st[State.SOCIAL_ASSISTANCE]),
                            "placements": int(r["counts"].get("placements", 0)),
                        }
                    )
                sm = model.summary()
                cal = sm["calibration"]
                runs.append(
                    {
                        "market": market,
                        "instruments": instruments,
                        "replication": rep,
                        "placements": sm["placements"],
                        "placement_rate_12m": sm["placement_rate_12m"],
                        "sustained_placement_rate_24m": sm["sustained_placement_rate_24m"],
                        "relapse_rate_12m": sm["relapse_rate_12m"],
                        "sa_stock_start": cal["sa_stock_start"],
                        "sa_stock_end": cal["sa_stock_end"],
                        "sa_outflow_to_work_per_year": cal["sa_outflow_to_work_per_year"],
                        "unemployment_rate": sm["unemployment_rate"],
                        "unemployed_per_vacancy": cal["unemployed_per_vacancy"],
                        "vacancy_rate": sm["vacancy_rate"],
                        "public_cost_eur": sm["public_cost_eur"],
                        "reintegration_cost_eur": sm["reintegration_cost_eur"],
                        "subsidised_end": sm["final_stocks"]["subsidised"],
                    }
                )
                done += 1
                if progress:
                    progress(done, total)
    steps = sorted(x.month for x in tight.shocks if x.kind == "demand")
    return TightMarketEvidence(
        pd.DataFrame(monthly),
        pd.DataFrame(runs).astype(
            {"sustained_placement_rate_24m": float, "placement_rate_12m": float}
        ),
        months,
        (steps[0], steps[-1]) if steps else (0, 0),
    )


# ----------------------------------------------------------------------------- Beveridge curve


@dataclass
class BeveridgeEvidence:
    """Monthly unemployment and vacancy rates under a demand shock and a demand cycle."""

    shock: pd.DataFrame  # scenario (baseline / recession), replication, month, u, v
    cycle: pd.DataFrame  # replication, month, u, v with a larger sector cycle
    cycle_sd: float
    shock_months: tuple[int, int]

    def shock_means(self) -> pd.DataFrame:
        return self.shock.groupby(["scenario", "month"], as_index=False)[["u", "v"]].mean()

    def cycle_detrended(self) -> pd.DataFrame:
        """u and v of the cycle runs minus each run's linear trend (replication, month, u, v)."""
        out = []
        for rep, g in self.cycle.groupby("replication"):
            t = g["month"].to_numpy(float)
            res = {
                y: g[y].to_numpy() - np.polyval(np.polyfit(t, g[y].to_numpy(), 1), t)
                for y in ("u", "v")
            }
            out.append(pd.DataFrame({"replication": rep, "month": g["month"].to_numpy(), **res}))
        return pd.concat(out, ignore_index=True)

    def cycle_correlation(self) -> float:
        """Mean over replications of corr(u, v) after removing each run's linear trend."""
        cs = []
        for _, g in self.cycle_detrended().groupby("replication"):
            if np.std(g["u"]) > 0 and np.std(g["v"]) > 0:
                cs.append(float(np.corrcoef(g["u"], g["v"])[0, 1]))
        return float(np.mean(cs)) if cs else math.nan


def _u_v(model: LabourMarketModel) -> pd.DataFrame:
    df = model.datacollector.get_model_vars_dataframe().reset_index(drop=True)
    return pd.DataFrame(
        {
            "month": np.arange(len(df)),
            "u": df["unemployment_rate"].to_numpy(),
            "v": df["vacancy_rate"].to_numpy(),
        }
    ).iloc[1:]  # month 0: no vacancies yet


def beveridge(
    *,
    scale: float = 0.1,
    months: int = 72,
    reps: int = 3,
    seed: int = 2026,
    cycle_sd: float = 0.015,
    cycle_months: int = 120,
    progress: Callable[[int, int], None] | None = None,
) -> BeveridgeEvidence:
    """The recession scenario against the baseline (same seeds), and the baseline with a
    stronger random sector cycle (``employers.sector_cycle_sd``)."""
    seeds = replication_seeds(derive_seed(seed, "beveridge"), reps)
    rec = load_scenario(SCENARIOS["recession"])
    base = load_scenario(SCENARIOS["baseline"])
    shock_rows, cycle_rows = [], []
    total, done = 3 * reps, 0
    for rep, s in enumerate(seeds):
        for name, scen in (("baseline", base), ("recession", rec)):
            m = LabourMarketModel(prepare(scen, seed=s, months=months, scale=scale))
            m.run()
            shock_rows.append(_u_v(m).assign(scenario=name, replication=rep))
            done += 1
            if progress:
                progress(done, total)
        m = LabourMarketModel(
            prepare(
                base,
                seed=s,
                months=cycle_months,
                scale=scale,
                overrides={"employers.sector_cycle_sd": cycle_sd},
            )
        )
        m.run()
        cycle_rows.append(_u_v(m).assign(replication=rep))
        done += 1
        if progress:
            progress(done, total)
    sh = [x for x in rec.shocks if x.kind == "recession"]
    window = (sh[0].month, sh[0].month + sh[0].duration_months) if sh else (0, 0)
    return BeveridgeEvidence(
        pd.concat(shock_rows, ignore_index=True),
        pd.concat(cycle_rows, ignore_index=True),
        cycle_sd,
        window,
    )


# ----------------------------------------------------------------------------- summaries


def commuting_summary(comm: pd.DataFrame) -> pd.DataFrame:
    c = comm.groupby("municipality", sort=False)[
        ["employed_residents", "own", "other_in_region", "outside_region"]
    ].sum()
    total = c.sum()
    c.loc["region"] = total
    n = c["employed_residents"].replace(0, np.nan)
    return pd.DataFrame(
        {
            "employed_residents": c["employed_residents"] / comm["replication"].nunique(),
            "own": c["own"] / n,
            "other_in_region": c["other_in_region"] / n,
            "outside_region": c["outside_region"] / n,
        }
    )


def loop_area(df: pd.DataFrame, x: str, y: str) -> float:
    """Signed area enclosed by a path (shoelace formula): positive when it turns
    counter-clockwise.

    >>> sq = pd.DataFrame({"u": [0, 1, 1, 0], "v": [0, 0, 1, 1]})
    >>> loop_area(sq, "u", "v")
    1.0
    """
    a, b = df[x].to_numpy(float), df[y].to_numpy(float)
    return float(0.5 * np.sum(a * np.roll(b, -1) - np.roll(a, -1) * b))

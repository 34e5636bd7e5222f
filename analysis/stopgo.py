"""The cost of stop-go: what cutting an instrument loses.

Instruments are often cut when a new government takes office. For a scenario with a policy
stop (a ``policy_stop`` shock), :func:`stop_go` runs it against its twin without the stop,
with the same seeds (common random numbers), so every difference is the cut's doing:

- *placements that end*: placements made with the instrument that were still running when it
  stopped and ended within ``window`` months after the stop, beyond those that ended in the
  twin (the people who lose the job because the support or subsidy stops);
- *effect foregone*: placements and sustained placements (placements not ended by relapse)
  that the twin has and the stopped run does not, over the whole run;
- *money already spent that buys nothing later*: the instrument's spending before the stop,
  times the share of its running placements that the stop ended (pro rata: the money put
  into placements that then end bought only the months before the stop);
- *spending saved*: the instrument's spending after the stop that the twin still makes, and
  the difference in total public cost (benefits included).
"""

from __future__ import annotations

import dataclasses
import html
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.compare import mean_interval, sustained_placements
from analysis.experiments import replication_seeds, run_scenario
from sim.policies import POLICY_CLASSES
from sim.policies.support import JOB_COACH, ROOT_BALL

#: support_kind codes stored in placements.supported
_SUPPORTED = {"job_coaching": JOB_COACH, "root_ball": ROOT_BALL}


def cost_items(policy: str) -> tuple[str, ...]:
    """The ledger items (``cost_<payer>_<item>_eur``) the instrument declares
    (``Policy.COST_ITEMS``); none for an unknown name."""
    return next((tuple(c.COST_ITEMS) for c in POLICY_CLASSES if c.name == policy), ())


METRICS = (
    (
        "placements_ended_by_stop",
        "Placements with the instrument that end after the stop",
        "persons",
    ),
    ("placements_running_at_stop", "Placements with the instrument running at the stop", "persons"),
    ("placements_foregone", "Placements foregone over the run", "persons"),
    ("sustained_placements_foregone", "Sustained placements foregone", "persons"),
    ("spent_before_stop_eur", "Spent on the instrument before the stop", "EUR"),
    ("spent_buying_nothing_later_eur", "Spent before the stop on placements the stop ended", "EUR"),
    ("spending_saved_eur", "Spending on the instrument saved after the stop", "EUR"),
    ("public_cost_saved_eur", "Total public cost saved (benefits included)", "EUR"),
)


def instrument_placements(placements: pd.DataFrame, policy: str) -> pd.Series:
    """Bool per placement: made with ``policy`` (all placements for instruments that act on
    the whole market, e.g. forecasting)."""
    if policy == "wage_subsidy":
        return placements["subsidised"].astype(bool)
    if policy == "work_pools":
        return placements["kind"] == "pool"
    if policy == "no_risk_policy":
        return placements["no_risk"].astype(bool)
    if policy in _SUPPORTED:
        return placements["supported"] == _SUPPORTED[policy]
    return pd.Series(True, index=placements.index)


def _spent(monthly: pd.DataFrame, policy: str, months) -> float:
    items = cost_items(policy)
    m = monthly[(monthly.municipality == "all") & monthly.month.isin(months)]
    cost = m[m.variable.str.startswith("cost_")]
    mask = np.zeros(len(cost), bool)
    for item in items:
        mask |= cost.variable.str.endswith(f"_{item}_eur").to_numpy()
    return float(cost.value[mask].sum())


def _one(stopped, twin, policy: str, month: int, months_run: int, window: int) -> dict:
    def running_ended(res):
        pl = res.placements
        own = instrument_placements(pl, policy)
        running = own & (pl.month < month) & ((pl.end_month < 0) | (pl.end_month >= month))
        ended = running & (pl.end_month >= month) & (pl.end_month < month + window)
        return int(running.sum()), int(ended.sum())

    run_s, end_s = running_ended(stopped)
    _, end_t = running_ended(twin)
    extra_end = end_s - end_t
    before = range(0, month)
    after = range(month, months_run + 1)
    spent = _spent(stopped.monthly, policy, before)
    return {
        "placements_ended_by_stop": float(extra_end),
        "placements_running_at_stop": float(run_s),
        "placements_foregone": float(twin.summary["placements"] - stopped.summary["placements"]),
        "sustained_placements_foregone": (
            sustained_placements(twin.summary) - sustained_placements(stopped.summary)
        ),
        "spent_before_stop_eur": spent,
        "spent_buying_nothing_later_eur": (spent * max(extra_end, 0) / run_s if run_s else 0.0),
        "spending_saved_eur": (
            _spent(twin.monthly, policy, after) - _spent(stopped.monthly, policy, after)
        ),
        "public_cost_saved_eur": (
            twin.summary["public_cost_eur"] - stopped.summary["public_cost_eur"]
        ),
    }


@dataclass
class StopGoResult:
    scenario: str
    stops: list[tuple[str, int]]  # (policy, month)
    runs: list[dict]  # one row per stop and replication
    window: int

    def table(self) -> pd.DataFrame:
        """Mean and 95% interval over replications, per stop and metric."""
        df = pd.DataFrame(self.runs)
        rows = []
        for (policy, month), g in df.groupby(["policy", "month"], sort=False):
            for key, label, unit in METRICS:
                m, lo, hi, n = mean_interval(g[key].tolist())
                rows.append(
                    {
                        "policy": policy,
                        "month": month,
                        "metric": key,
                        "label": label,
                        "unit": unit,
                        "mean": m,
                        "low": lo,
                        "high": hi,
                        "n": n,
                    }
                )
        return pd.DataFrame(rows)


def policy_stops(scen) -> list[tuple[str, int]]:
    return [(s.policy, s.month) for s in scen.shocks if s.kind == "policy_stop"]


def stop_go(
    scenario,
    *,
    reps: int = 5,
    seed: int = 1,
    months: int | None = None,
    scale: float | None = None,
    window: int = 12,
    progress=None,
) -> StopGoResult:
    """What the policy stops in ``scenario`` lose, against the same scenario without them."""
    from sim.scenario import Scenario, load_scenario

    scen = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    stops = policy_stops(scen)
    if not stops:
        raise ValueError(
            f"scenario {scen.name!r} has no policy stop (a [[shocks]] table with "
            'kind = "policy_stop")'
        )
    twin = dataclasses.replace(
        scen, shocks=tuple(s for s in scen.shocks if s.kind != "policy_stop")
    )
    rows = []
    for i, s in enumerate(replication_seeds(seed, reps)):
        a = run_scenario(scen, seed=s, months=months, scale=scale)
        b = run_scenario(twin, seed=s, months=months, scale=scale)
        for policy, month in stops:
            rows.append(
                {
                    "policy": policy,
                    "month": month,
                    "replication": i,
                    **_one(a, b, policy, month, a.summary["months"], window),
                }
            )
        if progress:
            progress(i + 1, reps)
    return StopGoResult(scen.name, stops, rows, window)


def _fmt(v: float, unit: str) -> str:
    if v is None or not math.isfinite(v):
        return "n/a"
    return f"EUR {v:,.0f}" if unit == "EUR" else f"{v:,.1f}"


def stopgo_html(result: StopGoResult) -> str:
    """The report section: one table per stop, mean [95% interval] over replications."""
    t = result.table()
    parts = [
        f"<h2>The cost of stop-go: {html.escape(result.scenario)}</h2>",
        "<p>The scenario against the same scenario without the stop, with the same seeds: "
        f"placements that end within {result.window} months of the stop, effect foregone, "
        "and money spent before the stop on placements that the stop ended (pro rata). "
        "Mean [95% interval] over replications.</p>",
    ]
    for (policy, month), g in t.groupby(["policy", "month"], sort=False):
        rows = "".join(
            f"<tr><th>{html.escape(r.label)}</th><td>{_fmt(r.mean, r.unit)}"
            + (
                f" <small>[{_fmt(r.low, r.unit)}, {_fmt(r.high, r.unit)}]</small>"
                if math.isfinite(r.low)
                else ""
            )
            + "</td></tr>"
            for r in g.itertuples()
        )
        parts.append(
            f"<h3>{html.escape(policy)} stopped in month {month}</h3><table>{rows}</table>"
        )
    return "\n".join(parts)

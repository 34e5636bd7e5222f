"""The power of a pilot: how many participants a region needs to see an instrument's effect.

"Knowledge of what works lags" (TNO 2017): a pilot whose effect cannot be told from chance
teaches nothing. This module simulates the pilots a region could run and analyses each as an
evaluator would.

Potential outcomes from paired runs. Each replication runs the base scenario and the policy
scenario with the same seed (common random numbers): the same people start in the same
places, so every eligible person has two outcomes, without and with the instrument. A
simulated pilot draws ``N`` participants from these persons (pooled over replications, with
replacement: the simulated region stands for the population the participants come from) and
assigns them:

- ``randomised``: half of them, at random, to the instrument; the evaluator compares the two
  proportions with a two-sided z-test (pooled variance) at ``alpha``;
- ``stepped-wedge``: the municipalities start the instrument one after the other in random
  order; every participant enters in one of ``steps + 1`` periods and is treated when the
  municipality has started by then; the evaluator fits a linear probability model with
  municipality and period effects and tests the treatment coefficient (t-test).

Outcomes: placement within 12 months (all participants) and relapse within 12 months of that
placement (participants placed, as evaluators report it). The power is the share of simulated
pilots with a significant effect, with a 95% Wilson interval for that share; ``effect`` is the
true difference of the outcome between the arms over all eligible persons.

The approximation: the policy run gives everyone the instrument, so the "with" outcomes carry
the market-wide effects of a full roll-out (e.g. treated people competing with each other for
the same vacancies). A small pilot has less of that; its true effect per person may be larger.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.experiments import derive_seed, prepare, replication_seeds

DESIGNS = ("randomised", "stepped-wedge")
OUTCOMES = ("placement_12m", "relapse_12m")
#: who may take part: the target group at month 0, optionally only those ready to work
ELIGIBLE = (
    "target",
    "sheltered",
    "social_assistance",
    "ready_target",
    "ready_sheltered",
    "ready_social_assistance",
)
#: normal quantile of a two-sided test at alpha (alpha -> z)
ALPHA = 0.05


def _z(alpha: float) -> float:
    from scipy.stats import norm

    return float(norm.ppf(1 - alpha / 2))


def person_outcomes(
    model, eligible: str = "target", ready_at_start: np.ndarray | None = None
) -> pd.DataFrame:
    """One row per eligible person of a finished run: home, placed within 12 months, and
    whether that first placement ended in relapse within 12 months (NaN when not placed).

    ``ready_at_start`` (who was ready to work at month 0) is needed for the ``ready_*``
    groups."""
    from sim.state import RELAPSE_STATES, State

    per, pl = model.persons, model.placements
    ready_only = eligible.startswith("ready_")
    group = eligible.removeprefix("ready_")
    states = {
        "target": (State.SOCIAL_ASSISTANCE, State.SHELTERED),
        "sheltered": (State.SHELTERED,),
        "social_assistance": (State.SOCIAL_ASSISTANCE,),
    }[group]
    rows = np.flatnonzero(np.isin(model.start_state, states))  # the persons of month 0
    if ready_only:
        rows = rows[np.asarray(ready_at_start)[rows]]
    fp = per.first_placement[rows]
    placed = (fp >= 1) & (fp <= 12)
    first_row = np.full(per.n, -1, dtype=np.int64)
    if pl.n:
        first_row[pl.person[::-1]] = np.arange(pl.n)[::-1]
    r = first_row[rows]
    relapse = np.full(len(rows), np.nan)
    ok = placed & (r >= 0)
    ends, end_state = pl.end_month[r[ok]], pl.end_state[r[ok]]
    relapse[ok] = (
        np.isin(end_state, RELAPSE_STATES) & (ends >= 0) & (ends - pl.month[r[ok]] <= 12)
    ).astype(float)
    return pd.DataFrame(
        {
            "person": rows,
            "home": per.home[rows].astype(np.int64),
            "placement_12m": placed.astype(float),
            "relapse_12m": relapse,
        }
    )


def _run(scenario, seed: int, months: int, scale: float, eligible: str) -> pd.DataFrame:
    from sim.model import LabourMarketModel

    model = LabourMarketModel(prepare(scenario, seed=seed, months=months, scale=scale))
    ready = model.persons.ready[: model.persons.n].copy()
    model.run()
    return person_outcomes(model, eligible, ready)


def paired_outcomes(
    base,
    policy,
    *,
    reps: int = 4,
    seed: int = 1,
    months: int = 24,
    scale: float = 0.1,
    eligible: str = "target",
    progress: Callable[[int, int], None] | None = None,
) -> pd.DataFrame:
    """Every eligible person's outcomes without (``*_base``) and with (``*_policy``) the
    instrument, from ``reps`` paired runs (same seed per pair)."""
    if eligible not in ELIGIBLE:
        raise ValueError(f"eligible: got {eligible!r}, allowed: " + ", ".join(ELIGIBLE))
    frames = []
    for i, s in enumerate(replication_seeds(seed, reps)):
        a = _run(base, s, months, scale, eligible)
        b = _run(policy, s, months, scale, eligible)
        both = a.merge(b, on=["person", "home"], suffixes=("_base", "_policy"))
        frames.append(both.assign(replication=i))
        if progress:
            progress(i + 1, reps)
    return pd.concat(frames, ignore_index=True)


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson interval of a proportion k/n.

    >>> [round(x, 3) for x in wilson(8, 10)]
    [0.49, 0.943]
    """
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (c - h, c + h)


def two_proportion_p(y: np.ndarray, treated: np.ndarray) -> float:
    """Two-sided p-value of the pooled z-test of equal proportions (NaN if undefined)."""
    from scipy.stats import norm

    n1, n0 = int(treated.sum()), int((~treated).sum())
    if n1 == 0 or n0 == 0:
        return math.nan
    p1, p0 = y[treated].mean(), y[~treated].mean()
    p = y.mean()
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n0))
    if se == 0:
        return 1.0
    return float(2 * norm.sf(abs(p1 - p0) / se))


def fixed_effects_p(
    y: np.ndarray, treated: np.ndarray, cluster: np.ndarray, period: np.ndarray
) -> float:
    """Two-sided p-value of the treatment coefficient in y ~ treated + cluster + period
    (linear probability model, ordinary least squares; Student's t with n - k degrees of
    freedom: robust standard errors are too small with the few placed people per cell that
    small pilots have)."""
    from scipy.stats import t as student_t

    cl = np.unique(cluster, return_inverse=True)[1]
    pe = np.unique(period, return_inverse=True)[1]
    cols = [treated.astype(float), np.ones(len(y))]
    cols += [(cl == k).astype(float) for k in range(1, cl.max() + 1)]
    cols += [(pe == k).astype(float) for k in range(1, pe.max() + 1)]
    X = np.column_stack(cols)
    n, k = X.shape
    if n <= k:
        return math.nan
    XtX_inv = np.linalg.pinv(X.T @ X)
    beta = XtX_inv @ X.T @ y
    resid = y - X @ beta
    rank = np.linalg.matrix_rank(X)
    if n <= rank:
        return math.nan
    sigma2 = float(resid @ resid) / (n - rank)
    se = math.sqrt(max(sigma2 * XtX_inv[0, 0], 0.0))
    if se == 0 or not np.isfinite(se):
        return 1.0 if abs(beta[0]) < 1e-12 else 0.0
    return float(2 * student_t.sf(abs(beta[0]) / se, n - rank))


def simulate_pilots(
    outcomes: pd.DataFrame,
    participants: int,
    *,
    design: str = "randomised",
    pilots: int = 200,
    alpha: float = ALPHA,
    seed: int = 1,
) -> pd.DataFrame:
    """Power per outcome of ``pilots`` simulated pilots with ``participants`` people each."""
    if design not in DESIGNS:
        raise ValueError(f"design: got {design!r}, allowed: " + ", ".join(DESIGNS))
    rng = np.random.default_rng(derive_seed(seed, "power", design, participants))
    homes = np.sort(outcomes["home"].unique())
    rows = []
    hits = {o: 0 for o in OUTCOMES}
    valid = {o: 0 for o in OUTCOMES}
    for _ in range(pilots):
        pick = outcomes.iloc[rng.integers(0, len(outcomes), participants)]
        if design == "randomised":
            treated = np.zeros(participants, bool)
            treated[rng.permutation(participants)[: participants // 2]] = True
            period = cluster = None
        else:
            steps = len(homes)
            start = dict(zip(homes, rng.permutation(steps) + 1))  # period the municipality starts
            period = rng.integers(0, steps + 1, participants)
            cluster = pick["home"].to_numpy()
            treated = period >= np.array([start[h] for h in cluster])
        for o in OUTCOMES:
            y = np.where(treated, pick[f"{o}_policy"], pick[f"{o}_base"]).astype(float)
            keep = np.isfinite(y)  # relapse: only the placed
            if keep.sum() < 4:
                continue
            if design == "randomised":
                p = two_proportion_p(y[keep], treated[keep])
            else:
                assert cluster is not None and period is not None  # the stepped design set them
                p = fixed_effects_p(y[keep], treated[keep], cluster[keep], period[keep])
            if math.isnan(p):
                continue
            valid[o] += 1
            hits[o] += p < alpha
    for o in OUTCOMES:
        base, pol = outcomes[f"{o}_base"].dropna(), outcomes[f"{o}_policy"].dropna()
        effect = float(pol.mean() - base.mean()) if len(base) and len(pol) else math.nan
        power = hits[o] / valid[o] if valid[o] else math.nan
        lo, hi = wilson(hits[o], valid[o])
        rows.append(
            {
                "design": design,
                "participants": participants,
                "outcome": o,
                "effect": effect,
                "power": power,
                "low": lo,
                "high": hi,
                "pilots": valid[o],
            }
        )
    return pd.DataFrame(rows)


@dataclass
class PowerResult:
    table: pd.DataFrame  # design, participants, outcome, effect, power, low, high, pilots
    smallest: dict[str, int | None]  # outcome -> smallest N with power >= 0.8 (None: none)
    settings: dict


def power(
    base,
    policy,
    participants: Sequence[int],
    *,
    design: str = "randomised",
    reps: int = 4,
    seed: int = 1,
    months: int = 24,
    scale: float = 0.1,
    pilots: int = 200,
    alpha: float = ALPHA,
    eligible: str = "target",
    progress: Callable[[int, int], None] | None = None,
) -> PowerResult:
    """Simulated power of a pilot of the instrument in ``policy`` against ``base``."""
    outcomes = paired_outcomes(
        base,
        policy,
        reps=reps,
        seed=seed,
        months=months,
        scale=scale,
        eligible=eligible,
        progress=progress,
    )
    if len(outcomes) == 0:
        raise ValueError("no eligible persons in the simulated region; use a larger scale")
    table = pd.concat(
        [
            simulate_pilots(outcomes, n, design=design, pilots=pilots, alpha=alpha, seed=seed)
            for n in participants
        ],
        ignore_index=True,
    )
    smallest = {}
    for o in OUTCOMES:
        ok = table[(table.outcome == o) & (table.power >= 0.8)]
        smallest[o] = int(ok.participants.min()) if len(ok) else None
    return PowerResult(
        table,
        smallest,
        {
            "design": design,
            "reps": reps,
            "seed": seed,
            "months": months,
            "scale": scale,
            "pilots": pilots,
            "alpha": alpha,
            "eligible": eligible,
            "eligible_persons": int(len(outcomes)),
        },
    )


def figure(result: PowerResult):
    """Power against participants per outcome, with the 95% intervals and the 80% line."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    fig, ax = plt.subplots(figsize=(6.5, 4))
    labels = {
        "placement_12m": "placement within 12 months",
        "relapse_12m": "relapse within 12 months",
    }
    for o, g in result.table.groupby("outcome", sort=False):
        g = g.sort_values("participants")
        ax.plot(
            g.participants,
            g.power,
            marker="o",
            label=f"{labels.get(o, o)} (effect {g.effect.iloc[0]:+.3f})",
        )
        ax.fill_between(g.participants, g.low, g.high, alpha=0.2)
    ax.axhline(0.8, color="grey", ls="--", lw=1)
    ax.axhline(result.settings["alpha"], color="grey", ls=":", lw=1)
    ax.set_xscale("log")
    sizes = sorted(result.table.participants.unique())
    ax.set_xticks(sizes, [str(n) for n in sizes])
    ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
    ax.set_ylim(0, 1)
    ax.set_xlabel("participants in the pilot")
    ax.set_ylabel("power (share of pilots with a significant effect)")
    ax.set_title(f"Power of a {result.settings['design']} pilot")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def write_power(result: PowerResult, out: str | Path, command: str = "") -> dict[str, Path]:
    """power.csv (the table), power.png (the figure) and power.md (table and smallest N)."""
    from analysis.io import atomic_write_bytes, write_table

    out = Path(out)
    paths = {
        "table": write_table(
            out / "power.csv",
            result.table[["design", "participants", "outcome", "effect", "power", "low", "high"]],
        )
    }
    fig = figure(result)
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    import matplotlib.pyplot as plt

    plt.close(fig)
    paths["figure"] = atomic_write_bytes(out / "power.png", buf.getvalue())
    s = result.settings
    md = [f"# Power of a {s['design']} pilot", ""]
    if command:
        md += [f"Generated by `{command}`.", ""]
    md += [
        f"{s['eligible_persons']} eligible persons ({s['eligible']}) from {s['reps']} paired "
        f"runs (scale {s['scale']}, {s['months']} months); {s['pilots']} simulated pilots per "
        f"size; alpha {s['alpha']}.",
        "",
        "| participants | outcome | true effect | power | 95% interval |",
        "|---|---|---|---|---|",
    ]
    for r in result.table.itertuples():
        md.append(
            f"| {r.participants} | {r.outcome} | {r.effect:+.3f} | {r.power:.2f} | "
            f"{r.low:.2f} to {r.high:.2f} |"
        )
    md.append("")
    for o, n in result.smallest.items():
        md.append(f"- smallest N with 80% power for {o}: {n if n else 'none of those tried'}")
    paths["markdown"] = atomic_write_bytes(out / "power.md", ("\n".join(md) + "\n").encode())
    return paths

"""Separations and relapse of employed persons, and sickness.

Relapse is the extra hazard that a worker placed from the target group (bijstand or sheltered
work) loses the job: it grows with the gap between the job's pressure and the person's
resilience, fades with time since the placement, and policies (transition support, job
coaching, the wage subsidy) multiply it.
"""

from __future__ import annotations

import numpy as np

from sim.state import JOB_STATES, Cause, State, state_mask


def employed_rows(model) -> np.ndarray:
    return np.flatnonzero(state_mask(model.persons.state, JOB_STATES))


def relapse_hazard(model, rows: np.ndarray) -> np.ndarray:
    """Monthly relapse hazard of placed target-group workers ``rows`` (before policies).

    h = base * exp(slope * (pressure - resilience)) * exp(-months_in_job / decay)
    """
    per, e, p = model.persons, model.employers, model.p
    pressure = e.pressure[per.employer[rows]]
    gap = pressure - per.resilience[rows]
    tenure = np.maximum(model.month - per.job_start[rows], 0)
    h = (
        p["labour_market.relapse_base_rate"]
        * np.exp(p["labour_market.relapse_pressure_slope"] * gap)
        * np.exp(-tenure / p["labour_market.relapse_decay_months"])
    )
    return h


def separations(model) -> None:
    """Ordinary separations for all workers, plus relapse for placed target-group workers."""
    per, p = model.persons, model.p
    rows = employed_rows(model)
    if len(rows) == 0:
        return
    sep = p["labour_market.separation_rate"]
    f = model.policies.separation_factor(rows)
    if f is not None:
        sep = np.full(len(rows), sep) * f
    tgt = np.flatnonzero(per.target_job[rows])
    h = None
    if len(tgt):
        trows = rows[tgt]
        h = relapse_hazard(model, trows)
        g = model.policies.relapse_factor(trows)
        if g is not None:
            h *= g
    # one draw per employed person from each stream, whoever is at risk (common random numbers)
    u_sep = model.streams.separations.random(len(rows))
    u_rel = model.streams.relapse.random(len(rows))
    relapsed = np.zeros(len(rows), bool)
    if h is not None:  # only placed workers have a relapse hazard (1 - exp(-0) = 0 for others)
        relapsed[tgt] = u_rel[tgt] < 1.0 - np.exp(-h)
    separated = ~relapsed & (u_sep < sep)
    if relapsed.any():
        model.end_jobs(rows[relapsed], Cause.RELAPSE)
    if separated.any():
        model.end_jobs(rows[separated], Cause.SEPARATION)


def sickness(model) -> None:
    """Workers fall ill and recover; after the employer's sick-pay period they leave for good.

    The employer pays sick pay unless an instrument covers it (the no-risk policy, which books
    what it pays); both are booked.
    """
    per, p, rng = model.persons, model.p, model.streams.health
    working = state_mask(per.state, (*JOB_STATES, State.SHELTERED))
    u = rng.random(per.n)
    s = per.sick  # months into the spell
    sick = s > 0
    # at work and not recovering: a spell goes on one more month, a healthy worker may fall
    # ill (1); everyone else (recovered, not at work) is healthy (0)
    stays = working & ~(sick & (u < p["health.recovery_rate"]))
    s[:] = np.where(sick, s + 1, u < per.sickness) * stays
    long_sick = np.flatnonzero(per.sick > p["employers.sick_pay_months"])
    if len(long_sick):
        model.move(long_sick, State.INACTIVE, Cause.LONG_SICKNESS)
        per.sick[long_sick] = 0
    sick_workers = np.flatnonzero((per.sick > 0) & state_mask(per.state, JOB_STATES))
    if len(sick_workers):
        wage = model.wage_of(sick_workers)
        covered = model.policies.sick_cover(sick_workers, wage)
        model.ledger.book("employers", "sick_pay", float(wage[~covered].sum()))
        model.month_counts["sick_workers"] = len(sick_workers)

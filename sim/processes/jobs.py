"""Separations and relapse of employed persons, and sickness.

Relapse is the extra hazard that a worker placed from the target group (bijstand or sheltered
work) loses the job: it grows with the gap between the job's pressure and the person's
resilience, fades with time since the placement, and policies (transition support, job
coaching, the wage subsidy) multiply it.
"""

from __future__ import annotations

import numpy as np

from sim.state import JOB_STATES, Cause, State


def employed_rows(model) -> np.ndarray:
    return np.flatnonzero(np.isin(model.persons.state, JOB_STATES))


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
    sep = np.full(len(rows), p["labour_market.separation_rate"])
    f = model.hook_product("separation_factor", rows)
    if f is not None:
        sep *= f
    rel = np.zeros(len(rows))
    tgt = per.target_job[rows]
    if tgt.any():
        trows = rows[tgt]
        h = relapse_hazard(model, trows)
        g = model.hook_product("relapse_factor", trows)
        if g is not None:
            h *= g
        rel[tgt] = h
    u_sep = model.streams.separations.random(len(rows))
    u_rel = model.streams.relapse.random(len(rows))
    relapsed = u_rel < 1.0 - np.exp(-rel)
    separated = ~relapsed & (u_sep < sep)
    if relapsed.any():
        model.end_jobs(rows[relapsed], Cause.RELAPSE)
    if separated.any():
        model.end_jobs(rows[separated], Cause.SEPARATION)


def sickness(model) -> None:
    """Workers fall ill and recover; after the employer's sick-pay period they leave for good.

    The employer pays sick pay unless a policy covers it (the no-risk policy); both are booked.
    """
    per, p, rng = model.persons, model.p, model.streams.health
    working = np.isin(per.state, (*JOB_STATES, State.SHELTERED))
    u = rng.random(per.n)
    sick = per.sick > 0
    recover = sick & (u < p["health.recovery_rate"])
    per.sick[recover] = 0
    still = sick & ~recover & working
    per.sick[still] += 1
    onset = working & ~sick & (u < per.sickness)
    per.sick[onset] = 1
    per.sick[~working] = 0
    long_sick = np.flatnonzero(per.sick > p["employers.sick_pay_months"])
    if len(long_sick):
        model.move(long_sick, State.INACTIVE, Cause.LONG_SICKNESS)
        per.sick[long_sick] = 0
    sick_workers = np.flatnonzero((per.sick > 0) & np.isin(per.state, JOB_STATES))
    if len(sick_workers):
        wage = model.wage_of(sick_workers)
        covered = np.zeros(len(sick_workers), bool)
        for pol in model.policies:
            c = pol.sick_cover(model, sick_workers)
            if c is not None:
                covered |= c
        model.ledger.book("national", "no_risk_claims", float(wage[covered].sum()))
        model.ledger.book("employers", "sick_pay", float(wage[~covered].sum()))
        model.month_counts["sick_workers"] = len(sick_workers)

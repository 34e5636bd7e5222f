"""Sector demand, employers' desired size, vacancies and layoffs.

Sector demand follows a persistent random cycle plus dated shocks (reshoring, recession, a new
product line). The whole path is drawn at the start of the run, so the schools' forecast can be
"the true future plus noise" and every arm of a comparison sees the same demand.
"""

from __future__ import annotations

import numpy as np

from sim.state import JOB_STATES, Cause, state_mask

#: months of demand drawn beyond the run, for forecasts that look ahead (max horizon 120)
FORECAST_PAD = 121
#: an employer's demand stays within 1/20 and 20 times its size at month 0, however extreme
#: the (allowed) growth and noise settings: beyond that the model says nothing useful
MAX_LOG_DEMAND = float(np.log(20.0))


def demand_path(model) -> np.ndarray:
    """Log demand index per month, node and sector: shape (months + pad, nodes, sectors)."""
    p, rng = model.p, model.streams.demand
    months = model.months + FORECAST_PAD
    n_nodes, n_sec = model.region.n_nodes, model.region.n_sectors
    rho, sd = p["employers.sector_persistence"], p["employers.sector_cycle_sd"]
    trend = np.log1p(p["employers.sector_growth"]) / 12.0
    # start from the cycle's stationary distribution, so the run has no burn-in drift
    dev = rng.normal(0.0, sd / np.sqrt(max(1 - rho**2, 1e-9)), n_sec)
    path = np.zeros((months, n_nodes, n_sec))
    path[0] = dev[None, :]
    shocks = rng.normal(0.0, sd, (months, n_sec))
    for t in range(1, months):
        dev = rho * dev + shocks[t]
        path[t] = dev[None, :] + trend * t
    model.demand_base = path[0].copy()  # month 0 before shocks: the burn-in's flat demand
    sector_index = {s: i for i, s in enumerate(model.region.sectors)}
    node_index = {s: i for i, s in enumerate(model.region.names)}
    for shock in model.shocks:
        if shock.kind == "policy_stop":
            continue
        end = (
            months
            if shock.duration_months == 0
            else min(months, shock.month + shock.duration_months)
        )
        secs = slice(None) if shock.sector == "all" else sector_index[shock.sector]
        nodes = slice(None) if shock.municipality == "all" else node_index[shock.municipality]
        path[shock.month : end, nodes, secs] += np.log1p(shock.size)
    survey = getattr(model, "employer_survey", None)
    if survey is not None:  # employers' announced growth comes true on average
        survey.apply_to_demand(path)
    return path


def initial_deviations(model) -> None:
    """Employers' own demand deviations at month 0, from their stationary distribution."""
    e, p = model.employers, model.p
    rho = p["employers.demand_persistence"]
    sd = p["employers.demand_noise"] / np.sqrt(max(1 - rho**2, 1e-9))
    e.demand_dev[:] = model.streams.demand.normal(0.0, sd, e.n)


def update_demand(model) -> None:
    """Move each employer's desired size with sector demand and its own AR(1) deviation."""
    e, p, rng = model.employers, model.p, model.streams.demand
    t = model.month
    rho = p["employers.demand_persistence"]
    e.demand_dev[:] = rho * e.demand_dev + rng.normal(0.0, p["employers.demand_noise"], e.n)
    level = model.demand[t][e.node, e.sector]
    log_level = np.clip(level + e.demand_dev, -MAX_LOG_DEMAND, MAX_LOG_DEMAND)
    e.target[:] = e.base_size * (1 + p["employers.vacancy_open_share"]) * np.exp(log_level)
    model.policies.adjust_targets()


def update_vacancies(model) -> None:
    """Open vacancies up to the desired size; lay off staff well above it."""
    e, p = model.employers, model.p
    model.refresh_headcount()
    desired = np.floor(e.target + 0.5).astype(np.int32)
    e.vacancies[:] = np.maximum(desired - e.headcount, 0)
    excess = e.headcount - np.ceil(e.target * (1 + p["employers.layoff_band"])).astype(np.int32)
    over = excess > 0
    if not over.any():
        return
    per = model.persons
    emp = np.flatnonzero(state_mask(per.state, JOB_STATES) & (per.employer >= 0))
    share = np.zeros(e.n)
    share[over] = excess[over] / np.maximum(e.headcount[over], 1)
    u = model.streams.separations.random(len(emp))
    laid_off = emp[u < share[per.employer[emp]]]
    if len(laid_off):
        model.end_jobs(laid_off, Cause.LAYOFF)


def employer_growth_ahead(model, months: int) -> np.ndarray:
    """True log growth of each employer's desired size over the next ``months`` months: its
    sector's regional path (drawn at the start) plus its own deviation, whose coming shocks
    are read from a copy of the demand stream (the draws :func:`update_demand` will make, as
    long as no employers are added meanwhile; nothing is consumed, so the run is unchanged).

    This is what employers know of their own plans; a forecast mixes it with noise
    (``sim/policies/root_ball.py``, the host of a work placement)."""
    e, p = model.employers, model.p
    h = max(int(months), 1)
    now = max(model.month - 1, 0)  # called before this month's update_demand
    last = min(now + h, model.demand.shape[0] - 1)
    sector = model.demand[last][e.node, e.sector] - model.demand[now][e.node, e.sector]
    bg = model.streams.demand.bit_generator
    peek = np.random.Generator(type(bg)())
    peek.bit_generator.state = bg.state
    rho = p["employers.demand_persistence"]
    dev = e.demand_dev.astype(float).copy()
    for _ in range(h):
        dev = rho * dev + peek.normal(0.0, p["employers.demand_noise"], e.n)
    return sector + dev - e.demand_dev

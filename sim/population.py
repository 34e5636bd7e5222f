"""Build the month-0 population of persons and employers from a region and the parameters.

Counts per municipality come from the region file (docs/sources.md figures for Flevoland) times
``run.scale``; individual attributes are drawn from the distributions in ``sim/defaults.py``.
Employed persons are created from the job positions they fill, with their home drawn from a
doubly constrained gravity model of commuting, so jobs per municipality and the commuting
pattern both hold at month 0.
"""

from __future__ import annotations

import numpy as np

from sim.state import EMPLOYER_COLUMNS, PERSON_COLUMNS, PLACEMENT_COLUMNS, Group, State, Table


def stochastic_round(x: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Round to an integer up or down with probability given by the fraction (unbiased).

    >>> stochastic_round(np.array([2.0, 3.0]), np.random.default_rng(0)).tolist()
    [2, 3]
    """
    x = np.asarray(x, dtype=float)
    lo = np.floor(x)
    return (lo + (rng.random(x.shape) < (x - lo))).astype(np.int64)


def ipf(seed: np.ndarray, rows: np.ndarray, cols: np.ndarray, iters: int = 200) -> np.ndarray:
    """Iterative proportional fitting: scale ``seed`` so its sums match ``rows`` and ``cols``.

    >>> m = ipf(np.ones((2, 2)), np.array([3.0, 1.0]), np.array([2.0, 2.0]))
    >>> np.round(m.sum(1), 6).tolist(), np.round(m.sum(0), 6).tolist()
    ([3.0, 1.0], [2.0, 2.0])
    """
    m = np.asarray(seed, dtype=float).copy()
    for _ in range(iters):
        rs = m.sum(1)
        m *= np.divide(rows, rs, out=np.zeros_like(rs), where=rs > 0)[:, None]
        cs = m.sum(0)
        m *= np.divide(cols, cs, out=np.zeros_like(cs), where=cs > 0)[None, :]
    return m


def commute_seed(region, p) -> np.ndarray:
    """Gravity weights exp(-minutes / decay) within commuting reach (home x work node)."""
    minutes = region.travel_minutes.astype(float).copy()
    np.fill_diagonal(minutes, p["matching.local_minutes"])
    w = np.exp(-minutes / p["matching.commute_decay_minutes"])
    w[~np.isfinite(minutes) | (minutes > p["matching.max_commute_minutes"])] = 0.0
    np.fill_diagonal(w, np.exp(-p["matching.local_minutes"] / p["matching.commute_decay_minutes"]))
    return w


def _beta(rng, mean, conc, size):
    mean = float(np.clip(mean, 1e-3, 1 - 1e-3))
    return rng.beta(mean * conc, (1 - mean) * conc, size)


def person_attributes(rng, p, group_state: State, n: int, n_sectors: int, sector_mix) -> dict:
    """Draw the attributes of ``n`` new persons of one starting state."""
    draw = _STATE_TRAITS.get(group_state)
    if draw is None:  # pragma: no cover - programming error
        raise ValueError(group_state)
    wv, res, ready = draw(rng, p, n)
    target = group_state in (State.SOCIAL_ASSISTANCE, State.SHELTERED)
    sickness_factor = p["health.target_group_sickness_factor"] if target else 1.0
    out: dict[str, np.ndarray] = {}
    out["wage_value"] = wv.astype(np.float32)
    out["resilience"] = res.astype(np.float32)
    out["ready"] = ready
    sd = p["health.sickness_heterogeneity"]  # lognormal with mean 1
    out["sickness"] = (
        p["health.sick_onset_rate"] * sickness_factor * np.exp(rng.normal(-sd * sd / 2, sd, n))
    ).astype(np.float32)
    out["level"] = np.digitize(
        wv, [p["population.skilled_wage_value"], p["population.highly_skilled_wage_value"]]
    ).astype(np.int8)
    out["sector"] = rng.choice(n_sectors, size=n, p=sector_mix).astype(np.int8)
    return out


def _worker_traits(rng, p, n):
    """Wage value, resilience and readiness of employed persons and WW recipients."""
    wv = np.exp(
        rng.normal(
            np.log(p["population.worker_wage_value_median"]),
            p["population.worker_wage_value_sd"],
            n,
        )
    ).clip(1.0, p["population.max_wage_value"])
    res = _beta(
        rng, p["population.resilience_mean_employed"], p["population.resilience_concentration"], n
    )
    return wv, res, np.ones(n, bool)


def _no_benefit_traits(rng, p, n):
    """Wage value, resilience and readiness of the unemployed without benefit."""
    wv = np.exp(
        rng.normal(
            np.log(p["population.no_benefit_wage_value_median"]),
            p["population.no_benefit_wage_value_sd"],
            n,
        )
    ).clip(p["population.no_benefit_min_wage_value"], p["population.max_wage_value"])
    res = _beta(
        rng,
        p["population.resilience_mean_no_benefit"],
        p["population.resilience_concentration"],
        n,
    )
    return wv, res, np.ones(n, bool)


def _social_assistance_traits(rng, p, n):
    """Wage value, resilience and readiness of bijstand recipients: a share with full capacity
    (wage value at least 1), the rest below."""
    full = rng.random(n) < p["population.sa_full_capacity_share"]
    full_wv = np.exp(
        rng.normal(
            np.log(p["population.sa_full_wage_value_median"]),
            p["population.sa_full_wage_value_sd"],
            n,
        )
    ).clip(1.0, p["population.sa_full_wage_value_max"])  # full capacity: at least 1
    wv_conc = p["population.wage_value_concentration"]
    wv = np.where(full, full_wv, _beta(rng, p["population.sa_wage_value_mean"], wv_conc, n))
    res = _beta(
        rng,
        p["population.resilience_mean_social_assistance"],
        p["population.target_resilience_concentration"],
        n,
    )
    # readiness is likelier for those with a full wage value; overall share as the parameter
    share = p["population.search_ready_share"]
    p_full = min(1.0, p["population.full_capacity_readiness_factor"] * share)
    n_full = full.mean() if n else 0.0
    p_rest = np.clip((share - n_full * p_full) / max(1e-9, 1 - n_full), 0.0, 1.0)
    ready = rng.random(n) < np.where(full, p_full, p_rest)
    return wv, res, ready


def _sheltered_traits(rng, p, n):
    """Wage value, resilience and readiness for a transition of sheltered workers."""
    wv = _beta(rng, p["population.sw_wage_value_mean"], p["population.wage_value_concentration"], n)
    res = _beta(
        rng,
        p["population.resilience_mean_sheltered"],
        p["population.target_resilience_concentration"],
        n,
    )
    ready = rng.random(n) < p["population.sw_transition_ready_share"]
    return wv, res, ready


#: the draws of wage value, resilience and readiness per starting state
_STATE_TRAITS = {
    State.EMPLOYED: _worker_traits,
    State.UNEMPLOYED_WW: _worker_traits,
    State.NO_BENEFIT: _no_benefit_traits,
    State.SOCIAL_ASSISTANCE: _social_assistance_traits,
    State.SHELTERED: _sheltered_traits,
}


def build_employers(region, p, scale, rng):
    """Employers per node with sizes (resident-held jobs), sector, pressure, openness, slack."""
    emp = Table(EMPLOYER_COLUMNS, capacity=1024)
    ext = region.external
    jobs = region.jobs.astype(float) * scale
    lf = region.labour_force.astype(float) * scale
    unemployed = _unemployed(region, p) * scale
    employed_total = (lf - unemployed).sum()
    ext_jobs = jobs[ext].sum()
    internal_jobs = jobs[~ext].sum()
    # Resident-held share of internal jobs; the rest is held by in-commuters (not simulated).
    resident_factor = 1.0
    if internal_jobs > 0:
        resident_factor = float(
            np.clip(
                (employed_total - ext_jobs) / internal_jobs,
                p["population.min_resident_job_share"],
                1.0,
            )
        )
    resident_jobs = np.where(ext, jobs, jobs * resident_factor)
    resident_jobs = stochastic_round(resident_jobs, rng)
    for node in range(region.n_nodes):
        if ext[node]:
            n_est = int(np.ceil(resident_jobs[node] / p["employers.external_establishment_size"]))
        else:
            n_est = int(stochastic_round(np.array([region.establishments[node] * scale]), rng)[0])
        if resident_jobs[node] > 0:
            n_est = max(n_est, 1)
        if n_est == 0:
            continue
        weights = np.exp(rng.normal(0.0, p["employers.size_spread"], n_est))
        sizes = rng.multinomial(int(resident_jobs[node]), weights / weights.sum())
        sector = rng.choice(region.n_sectors, size=n_est, p=_norm(region.sector_shares[node]))
        incomm = 0 if ext[node] else np.rint(sizes * (1 / resident_factor - 1)).astype(np.int32)
        inclusive = rng.random(n_est) < p["employers.inclusive_share"]
        has_slack = rng.random(n_est) < p["employers.slack_share"]
        emp.append(
            n_est,
            node=node,
            sector=sector,
            base_size=sizes,
            incommuters=incomm,
            target=sizes * (1 + p["employers.vacancy_open_share"]),
            pressure=_beta(
                rng, p["employers.pressure_mean"], p["employers.pressure_concentration"], n_est
            ),
            openness=np.where(inclusive, rng.uniform(p["employers.openness_min"], 1.0, n_est), 0.0),
            slack=np.where(
                has_slack,
                rng.uniform(p["employers.slack_min"], p["employers.slack_max"], n_est),
                0.0,
            ),
            external=bool(ext[node]),
        )
    return emp, resident_factor


def _norm(w) -> np.ndarray:
    w = np.asarray(w, dtype=float).clip(0, None)
    s = w.sum()
    return w / s if s > 0 else np.full(len(w), 1 / len(w))


def _unemployed(region, p) -> np.ndarray:
    """Unemployed per node: the region's figure, else ``population.unemployed_share`` of the
    labour force."""
    u = getattr(region, "unemployed", None)
    if u is None:
        return region.labour_force.astype(float) * p["population.unemployed_share"]
    return np.asarray(u, dtype=float)


def start_counts(region, p, scale, rng) -> dict[State, np.ndarray]:
    """Persons per node and starting state (not counting the employed, made from jobs)."""
    ww = region.unemployment_benefit.astype(float) * scale
    sa = region.social_assistance.astype(float) * scale
    sw = region.sheltered_work.astype(float) * scale
    unemployed = _unemployed(region, p) * scale
    # unemployed without benefit: CBS unemployed minus WW minus the searching bijstand recipients
    nb = np.clip(unemployed - ww - p["population.search_ready_share"] * sa, 0, None)
    return {
        State.UNEMPLOYED_WW: stochastic_round(ww, rng),
        State.SOCIAL_ASSISTANCE: stochastic_round(sa, rng),
        State.SHELTERED: stochastic_round(sw, rng),
        State.NO_BENEFIT: stochastic_round(nb, rng),
    }


def build_population(region, p, scale, rng):
    """Persons table, employers table, placements table and the commuting flow matrix."""
    employers, resident_factor = build_employers(region, p, scale, rng)
    counts = start_counts(region, p, scale, rng)
    # resident-held jobs per work node
    held = np.bincount(employers.node, weights=employers.base_size, minlength=region.n_nodes)
    flows = _commuting_flows(region, p, scale, held)
    capacity = int(1.3 * (held.sum() + sum(c.sum() for c in counts.values())) + 1024)
    persons = Table(PERSON_COLUMNS, capacity=capacity)
    mix = _norm((region.sector_shares * region.jobs[:, None]).sum(0))
    _add_employed(persons, employers, flows, region, p, rng, mix)
    _add_out_of_work(persons, counts, region, p, rng, mix)
    persons.start_wage_value[:] = persons.wage_value
    persons.start_months_out[:] = persons.months_out  # bijstand: the drawn spell (sa_since)
    employers.headcount[:] = np.bincount(
        persons.employer[persons.employer >= 0], minlength=employers.n
    )[: employers.n]
    placements = Table(PLACEMENT_COLUMNS, capacity=4096)
    return persons, employers, placements, flows, resident_factor


def _commuting_flows(region, p, scale, held: np.ndarray) -> np.ndarray:
    """Month-0 commuters, homes (rows) x work places (columns): a doubly constrained gravity
    model of the employed residents (not in sheltered work) and the ``held`` jobs per node."""
    lf = region.labour_force.astype(float) * scale
    employed_res = np.clip(
        lf - _unemployed(region, p) * scale - region.sheltered_work.astype(float) * scale, 0, None
    )
    employed_res[region.external] = 0.0
    return ipf(
        commute_seed(region, p), employed_res * held.sum() / max(employed_res.sum(), 1e-9), held
    )


def _add_employed(persons, employers, flows, region, p, rng, mix) -> None:
    """Employed persons: one per resident-held position, home drawn from the flow column."""
    order = np.argsort(employers.node, kind="stable")
    emp_ids = np.repeat(order, employers.base_size[order].astype(np.int64))
    if not len(emp_ids):
        return
    work_node = employers.node[emp_ids]
    homes = np.empty(len(emp_ids), dtype=np.int16)
    for j in np.unique(work_node):
        sel = work_node == j
        homes[sel] = rng.choice(region.n_nodes, size=int(sel.sum()), p=_norm(flows[:, j]))
    attrs = person_attributes(rng, p, State.EMPLOYED, len(emp_ids), region.n_sectors, mix)
    attrs["sector"] = employers.sector[emp_ids]
    persons.append(
        len(emp_ids),
        state=State.EMPLOYED,
        group=Group.WORKER,
        home=homes,
        employer=emp_ids,
        job_start=-rng.integers(1, p["population.max_initial_tenure_months"], len(emp_ids)),
        return_state=State.NO_BENEFIT,
        start_state=State.EMPLOYED,
        placement=-1,
        first_placement=-1,
        left=-1,
        training_sector=-1,
        **attrs,
    )


#: starting states whose persons form a target group, and the group
_TARGET_GROUPS = {
    State.SOCIAL_ASSISTANCE: Group.SOCIAL_ASSISTANCE,
    State.SHELTERED: Group.SHELTERED,
}


def _add_out_of_work(persons, counts, region, p, rng, mix) -> None:
    """Persons without a regular job, ``counts`` per starting state and home municipality."""
    for state, per_node in counts.items():
        for node in range(region.n_nodes):
            k = int(per_node[node])
            if k == 0 or region.external[node]:
                continue
            attrs = person_attributes(rng, p, state, k, region.n_sectors, mix)
            persons.append(
                k,
                state=state,
                group=_TARGET_GROUPS.get(state, Group.WORKER),
                home=node,
                employer=-1,
                job_start=-1,
                return_state=state if state in _TARGET_GROUPS else State.NO_BENEFIT,
                start_state=state,
                placement=-1,
                first_placement=-1,
                left=-1,
                training_sector=-1,
                ever_target=state in _TARGET_GROUPS,
                **attrs,
                **_time_out_of_work(rng, p, state, k),
            )


def _time_out_of_work(rng, p, state: State, k: int) -> dict[str, np.ndarray]:
    """Months out of work at month 0 of ``k`` persons of one starting state, with WW months
    left and the start of the bijstand spell where they apply (none in sheltered work)."""
    extra = {}
    if state == State.UNEMPLOYED_WW:
        extra["ww_left"] = rng.integers(1, p["labour_market.ww_max_months"] + 1, k)
        extra["months_out"] = rng.integers(0, p["population.max_initial_months_out"], k)
    elif state == State.NO_BENEFIT:
        extra["months_out"] = rng.integers(0, p["population.max_initial_months_out"], k)
    elif state == State.SOCIAL_ASSISTANCE:
        # near the model's own steady state, which the burn-in then settles: most of
        # the stock has been out of work for more than three years (exit ~8% a year
        # after 3 years, docs/sources.md), past three years ~ exponentially
        short = rng.geometric(1 / p["population.sa_short_mean_months"], k)
        long = p["population.sa_long_threshold_months"] + rng.geometric(
            1 / p["population.sa_long_mean_months"], k
        )
        is_long = rng.random(k) < p["population.sa_long_duration_share"]
        extra["months_out"] = np.minimum(
            np.where(is_long, long, short), p["population.sa_max_initial_months_out"]
        )
        extra["sa_since"] = -extra["months_out"]  # the spell began with the drawn time out
    return extra


def social_ties(persons, k: int, rng) -> np.ndarray:
    """``k`` random ties per person among persons of the same home municipality (n x k)."""
    n = persons.n
    ties = np.full((n, max(k, 0)), -1, dtype=np.int32)
    if k == 0 or n == 0:
        return ties
    order = np.argsort(persons.home, kind="stable")
    homes = persons.home[order]
    starts = np.searchsorted(homes, homes, side="left")
    ends = np.searchsorted(homes, homes, side="right")
    size = ends - starts
    for c in range(k):
        pick = starts + (rng.random(n) * size).astype(np.int64)
        ties[order, c] = order[pick]
    return ties

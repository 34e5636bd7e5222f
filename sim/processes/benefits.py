"""Benefit spells and the flows between benefits, and demography (entries and exits).

WW runs out after its drawn duration and then continues on bijstand for those who pass the
means test; bijstand recipients also leave for other reasons (partner income, moving); people
without benefit apply for bijstand; municipalities create new sheltered places (beschut werk)
for recipients with the lowest wage value. Demography: retirement, migration and death take
people out for good; school leavers and movers come in.
"""

from __future__ import annotations

import numpy as np

from sim.population import person_attributes, stochastic_round
from sim.state import JOB_STATES, N_STATES, Cause, Group, State, state_mask


def benefit_flows(model) -> None:
    per, p, rng = model.persons, model.p, model.streams.benefits
    st = per.state
    u = rng.random((6, per.n))  # one draw per person and flow, whoever is at risk
    # WW counts down; exhaustion -> bijstand (means test) or no benefit
    ww = np.flatnonzero(st == State.UNEMPLOYED_WW)
    per.ww_left[ww] -= 1
    done = ww[per.ww_left[ww] <= 0]
    if len(done):
        # former recipients pass the means test as often as placed workers losing a job
        share = np.where(
            per.ever_target[done],
            p["labour_market.placed_job_loss_to_sa_share"],
            p["labour_market.ww_to_social_assistance_share"],
        )
        to_sa = u[0, done] < share
        model.move(done[to_sa], State.SOCIAL_ASSISTANCE, Cause.WW_EXHAUSTED)
        model.move(done[~to_sa], State.NO_BENEFIT, Cause.WW_EXHAUSTED)
    st = per.state
    sa = np.flatnonzero(st == State.SOCIAL_ASSISTANCE)
    sa_exit = sa[u[1, sa] < p["labour_market.sa_other_exit_rate"]]
    nb = np.flatnonzero(st == State.NO_BENEFIT)
    # those who had bijstand before know the way back and pass the means test more often
    nb_rate = np.where(
        per.ever_target[nb],
        p["labour_market.no_benefit_to_sa_rate"],
        p["labour_market.no_benefit_to_sa_rate_first"],
    )
    nb_apply = nb[u[2, nb] < nb_rate]
    # after a year without work or benefit, some stop searching and leave the labour force
    # (study, care, discouraged: CBS counts only those who search as unemployed)
    gone = nb[
        (per.months_out[nb] > p["labour_market.no_benefit_exit_after_months"])
        & (u[5, nb] < p["labour_market.no_benefit_exit_rate"])
    ]
    gone = gone[~np.isin(gone, nb_apply)]
    # distance to the labour market changes: after a year on benefits some searchers stop
    # (health, debts, care), and some who do not search become able to again (SCP 2019: half
    # of those judged unable may work later); two-way flows give a stable searching share
    on_sa = st == State.SOCIAL_ASSISTANCE
    tired = (
        on_sa
        & per.ready
        & (per.months_out > p["labour_market.sa_readiness_loss_after_months"])
        & (u[3] < p["labour_market.sa_readiness_loss_rate"])
    )
    regained = on_sa & ~per.ready & (u[4] < p["labour_market.sa_readiness_gain_rate"])
    per.ready[tired] = False
    per.ready[regained] = True
    model.month_counts["stopped_searching"] = int(tired.sum())
    model.month_counts["started_searching"] = int(regained.sum())
    model.move(sa_exit, State.NO_BENEFIT, Cause.SA_OTHER_EXIT)
    model.move(nb_apply, State.SOCIAL_ASSISTANCE, Cause.SA_APPLICATION)
    model.move(gone, State.INACTIVE, Cause.EXIT)
    # new sheltered places (beschut werk) for the recipients furthest from the labour market
    # (not before month 0: the month-0 stock of sheltered work is the region's figure)
    places = 0.0 if model.burning_in else model.sheltered_places_per_month
    k = int(stochastic_round(np.array([places]), rng)[0]) if places > 0 else 0
    if k:
        sa = np.flatnonzero((per.state == State.SOCIAL_ASSISTANCE) & ~per.ready)
        if len(sa):
            lowest = sa[lowest_k(per.wage_value[sa], k)]
            per.return_state[lowest] = State.SHELTERED
            model.move(lowest, State.SHELTERED, Cause.SHELTERED_PLACE)


def lowest_k(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` smallest values, smallest first, ties in position order.

    The same as ``np.argsort(values, kind="stable")[:k]`` without sorting everything: only the
    values up to the k-th smallest are sorted.

    >>> lowest_k(np.array([3.0, 1.0, 2.0, 1.0]), 3).tolist()
    [1, 3, 2]
    """
    k = min(k, len(values))
    if k <= 0:
        return np.zeros(0, np.int64)
    if k < len(values):
        cut = np.partition(values, k - 1)[k - 1]
        cand = np.flatnonzero(values <= cut)
        return cand[np.argsort(values[cand], kind="stable")[:k]]
    return np.argsort(values, kind="stable")


def count_months_out(model) -> None:
    per = model.persons
    out = state_mask(per.state, (State.UNEMPLOYED_WW, State.NO_BENEFIT, State.SOCIAL_ASSISTANCE))
    mo = per.months_out
    mo[:] = np.where(out, np.minimum(mo + 1, 32000), mo)  # whole-column ops beat masked ones


def exits(model) -> None:
    """Retirement, migration and death: people leave the labour force for good."""
    per, p = model.persons, model.p
    rate = np.zeros(N_STATES)  # monthly exit hazard per state (0 for the inactive)
    rate[[*JOB_STATES, State.UNEMPLOYED_WW, State.NO_BENEFIT, State.TRAINING]] = p[
        "demography.exit_rate_employed"
    ]
    rate[State.SOCIAL_ASSISTANCE] = p["demography.exit_rate_social_assistance"]
    rate[State.SHELTERED] = p["demography.exit_rate_sheltered"]
    h = rate.take(per.state)
    # workers placed from bijstand also leave for other reasons: another benefit, study,
    # moving away (the CBS cohort's "neither working nor on bijstand")
    h[per.target_job] += p["labour_market.placed_other_exit_rate"]
    leave = np.flatnonzero(model.streams.demography.random(per.n) < h)
    if len(leave):
        model.move(leave, State.INACTIVE, Cause.EXIT)


def entries(model) -> None:
    """New entrants: school leavers and movers (no benefit) and direct bijstand entrants. They
    replace those who left the labour force for good in the previous month (retirement,
    moving, long sickness, stopping to search), ``demography.entry_rate`` entrants per leaver,
    so the labour force keeps its size."""
    p, rng, region = model.p, model.streams.demography, model.region
    expected = p["demography.entry_rate"] * model.left_last_month
    # no Poisson noise: a random number of replacements would let the labour force wander
    k = int(stochastic_round(np.array([expected]), rng)[0]) if expected > 0 else 0
    if k == 0:
        return
    pop = region.population.astype(float) * (~region.external)
    if pop.sum() <= 0:
        return
    homes = rng.choice(region.n_nodes, size=k, p=pop / pop.sum())
    to_sa = rng.random(k) < p["demography.entry_social_assistance_share"]
    for state, mask in ((State.NO_BENEFIT, ~to_sa), (State.SOCIAL_ASSISTANCE, to_sa)):
        n = int(mask.sum())
        if n == 0:
            continue
        attrs = person_attributes(rng, p, state, n, region.n_sectors, model.sector_mix)
        group = Group.SOCIAL_ASSISTANCE if state == State.SOCIAL_ASSISTANCE else Group.WORKER
        model.add_persons(n, state=state, group=group, home=homes[mask], attrs=attrs)

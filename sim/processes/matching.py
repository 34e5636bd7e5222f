"""Search and matching: jobseekers apply within commuting reach, employers hire on business value.

All searchers compete for the same vacancies: unemployed on WW, people without benefit,
ready bijstand recipients and transition-ready sheltered-work participants. The process is an
urn-ball market done as array operations:

1. each searcher sends a Poisson number of applications; each goes to a (municipality, sector)
   cell with probability proportional to commuting weight x open vacancies there (most to the
   person's own sector), then to a random open vacancy in that cell;
2. the employer service point adds brokered introductions of target-group candidates;
3. the employer judges each applicant's business value: expected productivity (wage value,
   sector match, months out of work) minus wage, expected sick pay (inflated by an employer
   without experience of the target group), supervision cost (lower for an employer with the
   capacity to supervise), plus the value a willing employer attaches to inclusive hiring or
   minus the reluctance of an unwilling one, plus the contributions of the instruments that
   reach this employer, plus a small judgement error; an applicant is acceptable when the
   value is positive (employer traits: ``sim/processes/employers.py``);
4. each vacancy offers the job to its best acceptable applicant; a person with several offers
   takes the best one; vacancies whose candidate went elsewhere stay open.

Before all this, employers hire the people an instrument says they know (:func:`first_hires`:
the host of a work placement and the person it prepared).
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtri

from sim.processes.employers import perceived_aversion
from sim.rng import counter_uniform, poisson_from_uniform
from sim.state import State, state_mask

TARGET_STATES = (State.SOCIAL_ASSISTANCE, State.SHELTERED)
#: application numbers from here on are the service point's introductions
BROKERED_APP_NO = 1000


def search_intensity(model) -> np.ndarray:
    """Expected applications per month of every person (0 for those who do not search)."""
    per, p = model.persons, model.p
    st = per.state
    # who may search: out of work (WW, no benefit), ready bijstand or sheltered, not sick;
    # the arithmetic below runs on those rows only (the same numbers as on the whole column)
    cand = np.flatnonzero(
        (
            state_mask(st, (State.UNEMPLOYED_WW, State.NO_BENEFIT))
            | (state_mask(st, TARGET_STATES) & per.ready)
        )
        & ~(per.sick > 0)
    )
    sc = st[cand]
    r = np.where(
        sc < State.SOCIAL_ASSISTANCE,
        1.0,
        np.where(
            sc == State.SOCIAL_ASSISTANCE,
            p["matching.sa_search_intensity"],
            p["matching.sw_search_intensity"],
        ),
    )
    out_of_work = np.flatnonzero(sc != State.SHELTERED)  # search decays with time out of work
    decay = np.exp(-p["matching.search_decay_per_year"] * per.months_out[cand[out_of_work]] / 12.0)
    r[out_of_work] = r[out_of_work] * decay
    rel = np.zeros(per.n)
    rel[cand] = r
    k = per.ties.shape[1] if per.ties.ndim == 2 else 0
    if k:
        searching = np.flatnonzero(rel > 0)
        ties = per.ties[searching]
        employed_tie = model.is_employed[np.maximum(ties, 0)] & (ties >= 0)
        share = np.count_nonzero(employed_tie, axis=1) / k  # == employed_tie.mean(axis=1)
        rel[searching] *= 1.0 + p["matching.referral_boost"] * share
    searching = np.flatnonzero(rel > 0)
    f = model.policies.search_factor(searching)
    if f is not None:
        rel[searching] *= f
    return rel * p["matching.applications_per_month"]


def _vacancy_list(model):
    """Open vacancies as employer ids sorted by (node, sector) cell, with cell offsets."""
    e = model.employers
    n_sec = model.region.n_sectors
    n_cells = model.region.n_nodes * n_sec
    cell_of_emp = e.node.astype(np.int64) * n_sec + e.sector
    cached = getattr(model, "_vacancy_cell_order", None)  # employers rarely move or appear
    if cached is not None and np.array_equal(cached[0], cell_of_emp):
        order = cached[1]
    else:
        order = np.argsort(cell_of_emp, kind="stable")
        model._vacancy_cell_order = (cell_of_emp, order)
    vac_emp = np.repeat(order, e.vacancies[order])
    counts = np.bincount(cell_of_emp, weights=e.vacancies, minlength=n_cells).astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    return vac_emp, counts, starts


def sample_cells(weights: np.ndarray, combo: np.ndarray, u: np.ndarray) -> np.ndarray:
    """For each draw, a column of ``weights[combo]`` chosen with probability proportional to it.

    >>> w = np.array([[0.0, 1.0], [1.0, 0.0]])
    >>> sample_cells(w, np.array([0, 1, 0]), np.array([0.3, 0.9, 0.99])).tolist()
    [1, 0, 1]
    """
    n_rows, n_cols = weights.shape
    tot = weights.sum(axis=1, keepdims=True)
    cdf = np.cumsum(np.divide(weights, tot, out=np.zeros_like(weights), where=tot > 0), axis=1)
    cdf[:, -1] = np.where(tot[:, 0] > 0, 1.0, 0.0)
    flat = (cdf + np.arange(n_rows)[:, None]).ravel()
    pos = np.searchsorted(flat, combo + np.minimum(u, 1 - 1e-12), side="right")
    return np.minimum(pos - combo * n_cols, n_cols - 1)


def applications(model, lam: np.ndarray, vac_counts: np.ndarray, vac_starts, vac_emp):
    """Draw (person, vacancy slot, application number) triples from search intensities.

    The draws are counter-based per (person, month, application number), so a person's
    applications are the same in every arm of a comparison as long as the vacancies are.
    """
    per, p = model.persons, model.p
    seed, t = model.seed, model.month
    empty = (np.zeros(0, np.int64),) * 3
    searchers = np.flatnonzero(lam > 0)
    if len(searchers) == 0 or len(vac_emp) == 0:
        return empty
    if p["matching.textbook"]:  # urn-ball: one application each, to any open vacancy
        u = counter_uniform(seed, "match_slot", t, searchers)
        return searchers, (u * len(vac_emp)).astype(np.int64), np.zeros(len(searchers), np.int64)
    n_apps = poisson_from_uniform(
        lam[searchers], counter_uniform(seed, "match_count", t, searchers)
    )
    who = np.repeat(searchers, n_apps)
    if len(who) == 0:
        return empty
    app_no = np.arange(len(who)) - np.repeat(np.cumsum(n_apps) - n_apps, n_apps)
    n_nodes, n_sec = model.region.n_nodes, model.region.n_sectors
    V = vac_counts.reshape(n_nodes, n_sec).astype(float)
    W = model.commute_weights  # home x work node, 0 beyond reach
    own_share = p["matching.own_sector_share"]
    # combos: (home, own sector, applies in own sector?)
    own = np.zeros((n_sec, n_sec))
    own[np.arange(n_sec), np.arange(n_sec)] = 1.0
    # weights[h, s, flag, j, s'] = W[h, j] * V[j, s'] * (s' == s if flag else s' != s)
    base = W[:, None, :, None] * V[None, None, :, :]  # h, 1, j, s'
    sel_own = own[None, :, None, :]  # 1, s, 1, s'
    w_own = base * sel_own  # h, s, j, s'
    w_other = base * (1 - sel_own)
    weights = np.stack([w_other, w_own], axis=2).reshape(n_nodes * n_sec * 2, n_nodes * n_sec)
    u = np.stack(
        [counter_uniform(seed, f"match_{k}", t, who, app_no) for k in ("own", "cell", "vacancy")]
    )
    flag = (u[0] < own_share).astype(np.int64)
    home = per.home[who].astype(np.int64)
    sec = per.sector[who].astype(np.int64)
    # fall back to the other kind when no vacancy of the chosen kind is within reach
    tot = weights.sum(axis=1).reshape(n_nodes, n_sec, 2)
    has = tot[home, sec, flag] > 0
    flag = np.where(has, flag, 1 - flag)
    has = tot[home, sec, flag] > 0
    who, home, sec, flag, u, app_no = (
        who[has],
        home[has],
        sec[has],
        flag[has],
        u[:, has],
        app_no[has],
    )
    combo = (home * n_sec + sec) * 2 + flag
    cell = sample_cells(weights, combo, u[1])
    slot = vac_starts[cell] + np.minimum(
        (u[2] * vac_counts[cell]).astype(np.int64), vac_counts[cell] - 1
    )
    return who, slot, app_no


def brokered(model, vac_emp: np.ndarray, n_vac_by_emp: np.ndarray):
    """The employer service point's introductions: target-group candidates to open vacancies in
    their sector within commuting reach (Werkgeversservicepunt)."""
    per, p, rng = model.persons, model.p, model.streams.matching
    pool = np.flatnonzero(
        ((per.state == State.SOCIAL_ASSISTANCE) | (per.state == State.SHELTERED))
        & per.ready
        & (per.sick == 0)
    )
    n_sa = model.stock(State.SOCIAL_ASSISTANCE)
    k = rng.poisson(p["service_point.brokered_per_10k_sa"] * n_sa / 10_000)
    extra = [model.policies.extra_applications()]
    if k and len(pool) and len(vac_emp):
        cand = rng.choice(pool, size=min(k, len(pool)), replace=False)
        slots = rng.integers(0, len(vac_emp), len(cand))
        e = model.employers
        ok = (e.sector[vac_emp[slots]] == per.sector[cand]) & (
            model.commute_weights[per.home[cand], e.node[vac_emp[slots]]] > 0
        )
        extra.append((cand[ok], slots[ok]))
    extra = [x for x in extra if x is not None and len(x[0])]
    if not extra:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return (
        np.concatenate([x[0] for x in extra]).astype(np.int64),
        np.concatenate([x[1] for x in extra]).astype(np.int64),
    )


def hiring_value(
    model, who: np.ndarray, emp: np.ndarray, u: np.ndarray, brokered: np.ndarray | None = None
):
    """Employer's judged value (EUR/month) of hiring each applicant, and its parts.

    ``u`` is the standard-normal judgement error per pair; ``brokered`` marks the candidates
    the employer service point introduced (they bring the instruments along)."""
    per, e, p = model.persons, model.employers, model.p
    mw = p["finance.minimum_wage_eur_month"]
    wv = per.wage_value[who].astype(float)
    scar = np.exp(-p["matching.scar_per_year"] * per.months_out[who] / 12.0)
    match = np.where(per.sector[who] == e.sector[emp], 1.0, p["matching.cross_sector_productivity"])
    productivity = wv * scar * match * mw
    wage = np.maximum(mw, p["employers.wage_share_of_productivity"] * wv * mw)
    st = per.state[who]
    target = state_mask(st, TARGET_STATES)
    # the employer recognises the target group: sheltered work, or bijstand with a wage value
    # below the register's limit (a recipient with a full wage value is judged as any other)
    seen = (st == State.SHELTERED) | (
        (st == State.SOCIAL_ASSISTANCE) & (wv < p["employers.register_wage_value"])
    )
    expected_sick_share = per.sickness[who] / max(p["health.recovery_rate"], 1e-3)
    aversion = np.where(seen, perceived_aversion(model, emp), 1.0)
    sick_risk = np.minimum(expected_sick_share, 1.0) * wage * aversion
    supervision = (
        p["employers.supervision_cost"]
        * np.clip(1 - wv, 0, 1)
        * mw
        * target
        * (1.0 - e.supervise[emp])
    )
    openness = e.openness[emp]
    inclusion = p["employers.inclusion_value"] * openness * mw * seen
    reluctance = p["employers.unwilling_penalty"] * mw * (seen & (openness <= 0))
    noise = p["employers.assessment_noise"] * mw * u
    ctx = {
        "wage": wage,
        "sick_risk": sick_risk,
        "supervision": supervision,
        "target": target,
        "seen": seen,
        "productivity": productivity,
        "wage_value": wv,
        # the sick-pay risk the employer still sees after policies (they lower it in place)
        "perceived_sick_risk": sick_risk.copy(),
        "brokered": (np.zeros(len(who), bool) if brokered is None else np.asarray(brokered, bool)),
    }
    value = productivity - wage - sick_risk - supervision + inclusion - reluctance + noise
    ctx["noise_eur"] = noise
    # each instrument's contribution, for its decisiveness
    ctx["contrib"] = contrib = model.policies.hiring_value(who, emp, ctx)
    for extra in contrib.values():
        value = value + extra
    if p["matching.textbook"]:
        value = np.full(len(who), np.inf)  # textbook matching: every applicant is acceptable
    return value, ctx


def first_hires(model) -> None:
    """Employers hire the people they know first (a work-placement host and the person it
    prepared, ``Policy.first_hires``): judged without error (what the employer learnt during
    the placement replaces the interview), acceptable when the value is positive, into the
    employer's open vacancies, best value first. The rest search as everyone else."""
    got = model.policies.first_hires()
    if got is None or len(got[0]) == 0:
        return
    who, emp = np.asarray(got[0], np.int64), np.asarray(got[1], np.int64)
    e = model.employers
    keep = e.vacancies[emp] > 0
    who, emp = who[keep], emp[keep]
    if len(who) == 0:
        return
    value, ctx = hiring_value(model, who, emp, np.zeros(len(who)), brokered=np.ones(len(who)))
    ok = value > 0
    who, emp, value = who[ok], emp[ok], value[ok]
    contrib = {k: v[ok] for k, v in ctx["contrib"].items()}
    # each employer fills at most its open vacancies, best value first; one job per person
    order = np.lexsort((-value, emp))
    e_sorted = emp[order]
    rank = np.arange(len(order)) - np.searchsorted(e_sorted, e_sorted, side="left")
    take = order[rank < e.vacancies[e_sorted]]
    take = take[np.unique(who[take], return_index=True)[1]]
    if len(take) == 0:
        return
    touched, decisive = decisiveness(model, value[take], {k: v[take] for k, v in contrib.items()})
    model.hire(who[take], emp[take], touched=touched, decisive=decisive)
    model.month_counts["first_hires"] = len(take)


def match(model) -> None:
    """One month of search and matching (see the module docstring)."""
    e = model.employers
    first_hires(model)
    vac_emp, vac_counts, vac_starts = _vacancy_list(model)
    lam = search_intensity(model)
    who, slot, app_no = applications(model, lam, vac_counts, vac_starts, vac_emp)
    b_who, b_slot = brokered(model, vac_emp, vac_counts)
    if len(b_who):
        who, slot = np.concatenate([who, b_who]), np.concatenate([slot, b_slot])
        app_no = np.concatenate([app_no, BROKERED_APP_NO + np.arange(len(b_who))])
    mc = model.month_counts
    mc["applications"] = len(who)
    mc["brokered"] = len(b_who)
    if len(who) == 0:
        return
    emp = vac_emp[slot]
    noise = ndtri(
        np.clip(
            counter_uniform(model.seed, "match_noise", model.month, who, app_no), 1e-12, 1 - 1e-12
        )
    )
    value, ctx = hiring_value(model, who, emp, noise, brokered=app_no >= BROKERED_APP_NO)
    ok = value > 0
    # refusals in which the perceived sick-pay risk tipped the balance
    tipped = ~ok & ctx["target"] & (value + ctx["perceived_sick_risk"] > 0)
    if tipped.any():
        e.refusals_sickness[:] += np.bincount(emp[tipped], minlength=e.n)[: e.n].astype(
            e.refusals_sickness.dtype
        )
    mc["refusals_sickness"] = int(tipped.sum())
    mc["target_applications"] = int(ctx["target"].sum())
    all_value, all_emp = value, emp
    contrib = {k: v[ok] for k, v in ctx["contrib"].items()}
    who, slot, emp, value = who[ok], slot[ok], emp[ok], value[ok]
    if len(who) == 0:
        return
    # each vacancy: best acceptable applicant
    order = np.lexsort((-value, slot))
    first = np.ones(len(order), bool)
    first[1:] = slot[order][1:] != slot[order][:-1]
    best = order[first]
    # each person: best offer
    o2 = best[np.lexsort((-value[best], who[best]))]
    first2 = np.ones(len(o2), bool)
    first2[1:] = who[o2][1:] != who[o2][:-1]
    hires = o2[first2]
    log = getattr(model, "decision_log", None)
    if log is not None:  # diagnostics (analysis/diagnostics.py): the decision without error
        hired = np.zeros(len(all_value), bool)
        hired[np.flatnonzero(ok)[hires]] = True
        sd = model.p["employers.assessment_noise"] * model.p["finance.minimum_wage_eur_month"]
        log.append(
            {
                "z": (all_value - ctx["noise_eur"]) / max(sd, 1e-9),
                "hired": hired,
                "accepted": ok,
                "target": ctx["target"],
                "willing": model.employers.openness[all_emp] > 0,
            }
        )
    touched, decisive = decisiveness(model, value[hires], {k: v[hires] for k, v in contrib.items()})
    model.hire(who[hires], emp[hires], touched=touched, decisive=decisive)


def decisiveness(model, value: np.ndarray, contrib: dict[str, np.ndarray]):
    """Per hire, bit masks (bit i = ``model.policies[i]``) of the instruments whose hiring-value
    contribution was non-zero (touched) and of those without whose contribution the same
    decision, on the same draws, would have been a refusal (decisive: value - contribution
    <= 0)."""
    touched = np.zeros(len(value), np.int32)
    decisive = np.zeros(len(value), np.int32)
    for i, pol in enumerate(model.policies):
        c = contrib.get(pol.name)
        if c is None:
            continue
        bit = np.int32(1 << i)
        t = c != 0
        touched[t] |= bit
        decisive[t & (value - c <= 0)] |= bit
    return touched, decisive

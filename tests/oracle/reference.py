"""The matching step written the simple way: plain loops over persons, applications, vacancies.

This is the test oracle of :mod:`sim.processes.matching` (issue 5; under tests/ since issue
15). The fast path does a month of search and matching as array operations over the whole
population; this module applies the same rules one agent at a time, the way they read in the
model description, and is far too
slow for real runs (Python per person). ``tests/test_oracle.py`` runs both on tiny populations
with the same draws (the counter-based uniforms of :func:`sim.rng.counter_uniform` are a
function of person, month and application number, so both paths see the same numbers) and
checks that they hire the same people into the same jobs, month after month.

The rules (see the module docstring of ``matching``):

1. a person searches when out of work (WW, no benefit), or on bijstand / in sheltered work and
   ready, and not sick; intensity 1 (or the target-group intensity), decaying with months out
   of work, raised by employed social ties, times the policies' factors;
2. a searcher sends a Poisson number of applications; each picks own sector (or not), then a
   (municipality, sector) cell in proportion to commuting weight x open vacancies, then one
   open vacancy of the cell at random;
3. the employer service point introduces target-group candidates to vacancies;
4. the employer values each applicant (its traits: willingness, experience, capacity to
   supervise; the instruments that reach it); each vacancy offers the job to its best
   applicant with a positive value; a person with several offers takes the best one, and the
   hire records which instruments touched it and for which it was decisive.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.special import ndtri

from sim.rng import counter_uniform
from sim.state import State

POISSON_K_MAX = 30  # as sim.rng.poisson_from_uniform


def _u(model, stream: str, person: int, app_no: int = 0) -> float:
    """The counter-based uniform of one person (and application) this month."""
    return float(
        counter_uniform(model.seed, stream, model.month, np.array([person]), np.array([app_no]))[0]
    )


def search_intensity(model) -> np.ndarray:
    """Expected applications of every person this month, one person at a time."""
    per, p = model.persons, model.p
    k = per.ties.shape[1] if per.ties.ndim == 2 else 0
    rel = np.zeros(per.n)
    for i in range(per.n):
        st = per.state[i]
        if st in (State.UNEMPLOYED_WW, State.NO_BENEFIT):
            r = 1.0
        elif st == State.SOCIAL_ASSISTANCE and per.ready[i]:
            r = p["matching.sa_search_intensity"]
        elif st == State.SHELTERED and per.ready[i]:
            r = p["matching.sw_search_intensity"]
        else:
            continue
        if per.sick[i] > 0:
            continue
        if st != State.SHELTERED:  # search fades with time out of work
            r = r * float(np.exp(-p["matching.search_decay_per_year"] * per.months_out[i] / 12.0))
        if r > 0 and k:
            employed_ties = sum(1 for t in per.ties[i] if t >= 0 and per.state[t] <= State.POOL)
            r *= 1.0 + p["matching.referral_boost"] * (employed_ties / k)
        rel[i] = r
    searching = np.flatnonzero(rel > 0)
    f = model.policies.search_factor(searching)  # policies act on the arrays
    if f is not None:
        for j, i in enumerate(searching.tolist()):
            rel[i] *= f[j]
    return rel * p["matching.applications_per_month"]


def open_vacancies(model) -> list[int]:
    """One entry (the employer's row) per open vacancy, listed cell by cell (municipality, then
    sector), employers in row order within a cell: the numbering of vacancy slots."""
    e, n_sec = model.employers, model.region.n_sectors
    cells: dict[int, list[int]] = {}
    for r in range(e.n):
        cell = int(e.node[r]) * n_sec + int(e.sector[r])
        cells.setdefault(cell, []).extend([r] * int(e.vacancies[r]))
    return [r for cell in sorted(cells) for r in cells[cell]]


def _poisson(lam: float, u: float) -> int:
    """Inverse-CDF Poisson draw (the rule of ``sim.rng.poisson_from_uniform``)."""
    p = float(np.exp(-lam))
    cdf, k = p, 0
    while u > cdf and k < POISSON_K_MAX:
        k += 1
        p = p * lam / k
        cdf = cdf + p
    return k


def applications(model, lam: np.ndarray, vacancies: list[int]):
    """(person, vacancy slot, application number) of every application, person by person."""
    per, e, p = model.persons, model.employers, model.p
    n_sec = model.region.n_sectors
    W = model.commute_weights
    out: list[tuple[int, int, int]] = []
    if not vacancies:
        return out
    if p["matching.textbook"]:  # one application each, to any open vacancy
        for i in range(per.n):
            if lam[i] > 0:
                slot = int(_u(model, "match_slot", i) * len(vacancies))
                out.append((i, slot, 0))
        return out
    slots_of_cell: dict[int, list[int]] = {}
    for slot, r in enumerate(vacancies):
        slots_of_cell.setdefault(int(e.node[r]) * n_sec + int(e.sector[r]), []).append(slot)
    cells = sorted(slots_of_cell)
    for i in range(per.n):
        if not lam[i] > 0:
            continue
        home, sector = int(per.home[i]), int(per.sector[i])
        for a in range(_poisson(float(lam[i]), _u(model, "match_count", i))):
            own = _u(model, "match_own", i, a) < p["matching.own_sector_share"]

            def weights(own_sector: bool, home=home, sector=sector):
                return [
                    (c, W[home, c // n_sec] * len(slots_of_cell[c]))
                    for c in cells
                    if (c % n_sec == sector) == own_sector and W[home, c // n_sec] > 0
                ]

            w = weights(own)
            if not w:  # nothing of that kind within reach: the other kind
                w = weights(not own)
            if not w:
                continue
            total = sum(x for _, x in w)
            u_cell, acc, cell = _u(model, "match_cell", i, a), 0.0, w[-1][0]
            for c, x in w:
                acc += x / total
                if u_cell < acc:
                    cell = c
                    break
            in_cell = slots_of_cell[cell]
            pick = min(int(_u(model, "match_vacancy", i, a) * len(in_cell)), len(in_cell) - 1)
            out.append((i, in_cell[pick], a))
    return out


def brokered(model, vacancies: list[int]) -> list[tuple[int, int]]:
    """The employer service point's introductions (same draws as the fast path), one by one."""
    per, e, p, rng = model.persons, model.employers, model.p, model.streams.matching
    pool = [
        i
        for i in range(per.n)
        if per.state[i] in (State.SOCIAL_ASSISTANCE, State.SHELTERED)
        and per.ready[i]
        and per.sick[i] == 0
    ]
    n_sa = sum(1 for i in range(per.n) if per.state[i] == State.SOCIAL_ASSISTANCE)
    k = rng.poisson(p["service_point.brokered_per_10k_sa"] * n_sa / 10_000)
    out: list[tuple[int, int]] = []
    extra = model.policies.extra_applications()
    if extra is not None:
        out += [(int(w), int(s)) for w, s in zip(*extra)]
    if k and pool and vacancies:
        cand = rng.choice(np.array(pool, dtype=np.int64), size=min(k, len(pool)), replace=False)
        slots = rng.integers(0, len(vacancies), len(cand))
        for c, s in zip(cand.tolist(), slots.tolist()):
            r = vacancies[s]
            if e.sector[r] == per.sector[c] and model.commute_weights[per.home[c], e.node[r]] > 0:
                out.append((c, s))
    return out


def hiring_values(model, who: list[int], emp: list[int], noise: list[float], brokered: list[bool]):
    """The employer's judged value of each applicant, pair by pair (EUR/month), its parts and
    each instrument's contribution."""
    per, e, p = model.persons, model.employers, model.p
    mw = p["finance.minimum_wage_eur_month"]
    parts: dict[str, list[Any]] = {
        k: []
        for k in (
            "wage",
            "sick_risk",
            "supervision",
            "target",
            "seen",
            "productivity",
            "wage_value",
        )
    }
    values = []
    for i, r, z in zip(who, emp, noise):
        wv = float(per.wage_value[i])
        scar = np.exp(-p["matching.scar_per_year"] * per.months_out[i] / 12.0)
        fit = 1.0 if per.sector[i] == e.sector[r] else p["matching.cross_sector_productivity"]
        productivity = wv * scar * fit * mw
        wage = max(mw, p["employers.wage_share_of_productivity"] * wv * mw)
        target = per.state[i] in (State.SOCIAL_ASSISTANCE, State.SHELTERED)
        # recognised as target group: sheltered, or bijstand below the register's wage value
        seen = per.state[i] == State.SHELTERED or (
            per.state[i] == State.SOCIAL_ASSISTANCE and wv < p["employers.register_wage_value"]
        )
        # float32 attributes keep their precision, as in the array code
        sick_share = per.sickness[i] / max(p["health.recovery_rate"], 1e-3)
        aversion = 1.0
        if seen:  # inflated by an employer without experience of the target group
            a = p["employers.sickness_risk_aversion"]
            aversion = 1.0 + (a - 1.0) * np.exp(
                -p["employers.experience_learning"] * float(e.experience[r])
            )
        sick_risk = min(sick_share, np.float32(1.0)) * wage * aversion
        supervision = (
            p["employers.supervision_cost"]
            * min(max(1 - wv, 0.0), 1.0)
            * mw
            * target
            * (1.0 - e.supervise[r])
        )
        willing = e.openness[r] > 0
        inclusion = p["employers.inclusion_value"] * e.openness[r] * mw * np.float32(seen)
        reluctance = p["employers.unwilling_penalty"] * mw * (seen and not willing)
        value = (
            productivity
            - wage
            - sick_risk
            - supervision
            + inclusion
            - reluctance
            + p["employers.assessment_noise"] * mw * z
        )
        values.append(float(value))
        for k, v in (
            ("wage", wage),
            ("sick_risk", sick_risk),
            ("supervision", supervision),
            ("target", target),
            ("seen", seen),
            ("productivity", productivity),
            ("wage_value", wv),
        ):
            parts[k].append(v)
    ctx = {
        k: np.array(v, dtype=bool if k in ("target", "seen") else float) for k, v in parts.items()
    }
    ctx["perceived_sick_risk"] = ctx["sick_risk"].copy()
    ctx["brokered"] = np.array(brokered, dtype=bool)
    value = np.array(values, dtype=float)
    who_a, emp_a = np.array(who, dtype=np.int64), np.array(emp, dtype=np.int64)
    contrib: dict[str, np.ndarray] = {}
    for pol in model.policies:  # the instruments are array code; they see the same pairs
        extra = pol.hiring_value(model, who_a, emp_a, ctx)
        if extra is not None:
            value = value + extra
            contrib[pol.name] = extra
    if p["matching.textbook"]:
        value = np.full(len(who), np.inf)
    return value, ctx, contrib


def match(model) -> None:
    """One month of search and matching, agent by agent (drop-in for ``matching.match``)."""
    e = model.employers
    vacancies = open_vacancies(model)
    lam = search_intensity(model)
    apps = applications(model, lam, vacancies)
    intro = brokered(model, vacancies)
    apps += [(w, s, 1000 + j) for j, (w, s) in enumerate(intro)]
    mc = model.month_counts
    mc["applications"] = len(apps)
    mc["brokered"] = len(intro)
    if not apps:
        return
    who = [w for w, _, _ in apps]
    emp = [vacancies[s] for _, s, _ in apps]
    noise = [
        float(ndtri(min(max(_u(model, "match_noise", w, a), 1e-12), 1 - 1e-12))) for w, _, a in apps
    ]
    value, ctx, contrib = hiring_values(model, who, emp, noise, [a >= 1000 for _, _, a in apps])
    refusals = 0
    for j, r in enumerate(emp):  # refusals in which the perceived sick-pay risk tipped it
        if not value[j] > 0 and ctx["target"][j] and value[j] + ctx["perceived_sick_risk"][j] > 0:
            e.refusals_sickness[r] += 1
            refusals += 1
    mc["refusals_sickness"] = refusals
    mc["target_applications"] = int(sum(ctx["target"]))
    # each vacancy: its best acceptable applicant (the first one on equal value)
    best: dict[int, int] = {}
    for j, (_w, s, _) in enumerate(apps):
        if value[j] > 0 and (s not in best or value[j] > value[best[s]]):
            best[s] = j
    # each person: the best offer (the lowest vacancy slot on equal value)
    offer: dict[int, int] = {}
    for s in sorted(best):
        j = best[s]
        w = who[j]
        if w not in offer or value[j] > value[offer[w]]:
            offer[w] = j
    if not offer:
        return
    persons = sorted(offer)
    # per hire: the instruments whose contribution was non-zero (touched) and those without
    # whose contribution the employer would have refused on the same draws (decisive)
    touched, decisive = [], []
    for w in persons:
        j, t, d = offer[w], 0, 0
        for bit, pol in enumerate(model.policies):
            c = contrib.get(pol.name)
            if c is not None and c[j] != 0:
                t |= 1 << bit
                if not value[j] - c[j] > 0:
                    d |= 1 << bit
        touched.append(t)
        decisive.append(d)
    model.hire(
        np.array(persons, dtype=np.int64),
        np.array([emp[offer[w]] for w in persons], dtype=np.int64),
        touched=np.array(touched, dtype=np.int32),
        decisive=np.array(decisive, dtype=np.int32),
    )

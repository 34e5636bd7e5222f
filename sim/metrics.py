"""Public outcomes of a run: placement, relapse, cost, and the monthly tidy series.

The key names of :func:`summary` are the public interface, used unchanged in results files,
the UI and the reports. Definitions (see ``docs/model.md``):

- *target group at month 0*: persons on social assistance or in sheltered work at the start;
- *placement*: a job start (regular, subsidised or work pool) by a person on social
  assistance or in sheltered work;
- *relapse*: the job of a placement ends in social assistance, WW or sheltered work.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from sim.state import N_STATES, RELAPSE_STATES, STATE_NAMES, Group, State, state_mask

#: months in the current bijstand spell (as CBS counts time on benefits): < 1 year, 1-3 years,
#: > 3 years; the spell continues through training
SA_DURATION_EDGES = (12, 36)


def _rate(num: float, den: float) -> float | None:
    return None if den <= 0 else float(num) / float(den)


def month_record(model) -> dict[str, Any]:
    """Stocks, flows, vacancies and counters of the month just simulated."""
    per, e = model.persons, model.employers
    n_nodes = model.region.n_nodes
    stocks = np.bincount(
        per.home.astype(np.int64) * N_STATES + per.state, minlength=n_nodes * N_STATES
    ).reshape(n_nodes, N_STATES)
    flows = getattr(model, "_flows", None)
    if flows is None:
        flows = np.zeros((n_nodes, N_STATES, N_STATES), dtype=np.int64)
    real = ~e.is_pool
    vac = np.bincount(e.node, weights=e.vacancies, minlength=n_nodes)
    jobs = np.bincount(e.node[real], weights=(e.headcount + e.incommuters)[real], minlength=n_nodes)
    jobs += np.bincount(e.node[~real], weights=e.headcount[~real], minlength=n_nodes)
    sa = per.state == State.SOCIAL_ASSISTANCE
    buckets = np.digitize(model.month - per.sa_since[sa].astype(np.int64), SA_DURATION_EDGES)
    return {
        "month": model.month,
        "stocks": stocks,
        "flows": flows.copy(),
        "vacancies": vac,
        "jobs": jobs,
        "sa_by_duration": np.bincount(buckets, minlength=3),
        "ready_sa": int(np.count_nonzero(sa & per.ready)),
        "sa_exits_by_duration": getattr(model, "_sa_exit_buckets", np.zeros(3, np.int64)).copy(),
        "counts": dict(model.month_counts),
        "costs": dict(model.ledger.month),
    }


def unemployed_and_labour_force(model, stocks: np.ndarray, ready_sa: int) -> tuple[int, int]:
    """Unemployed (WW, no benefit, searching bijstand) and labour force from region stocks."""
    s = stocks
    unemployed = s[State.UNEMPLOYED_WW] + s[State.NO_BENEFIT] + ready_sa
    employed = s[State.EMPLOYED] + s[State.SUBSIDISED] + s[State.POOL] + s[State.SHELTERED]
    return int(unemployed), int(unemployed + employed)


def unemployment_rate(model) -> float:
    per = model.persons
    stocks = np.bincount(per.state, minlength=N_STATES)
    ready_sa = int(np.count_nonzero((per.state == State.SOCIAL_ASSISTANCE) & per.ready))
    u, lf = unemployed_and_labour_force(model, stocks, ready_sa)
    return u / lf if lf else 0.0


def vacancy_rate(model) -> float:
    e = model.employers
    internal = ~e.external
    v = e.vacancies[internal].sum()
    jobs = (e.headcount + e.incommuters)[internal].sum()
    return float(v / (v + jobs)) if v + jobs else 0.0


#: cheap scalar reporters for Mesa's DataCollector (SolaraViz plots, mesa.batch_run)
MODEL_REPORTERS = {
    "unemployment_rate": unemployment_rate,
    "vacancy_rate": vacancy_rate,
    "social_assistance": lambda m: m.stock(State.SOCIAL_ASSISTANCE),
    "sheltered_work": lambda m: m.stock(State.SHELTERED),
    "employed": lambda m: int(np.count_nonzero(m.persons.state <= State.POOL)),
    "subsidised": lambda m: m.stock(State.SUBSIDISED),
    "pool_jobs": lambda m: m.stock(State.POOL),
    "training": lambda m: m.stock(State.TRAINING),
    "placements": lambda m: int(m.month_counts.get("placements", 0)),
    "relapses": lambda m: int(m.month_counts.get("relapses", 0)),
    "vacancies": lambda m: int(m.employers.vacancies.sum()),
}

#: summary outcomes that Mesa's DataCollector also reports (so ``mesa.batch_run`` rows hold
#: them): their value at the end of the run (``run.months``), NaN in the months before
FINAL_OUTCOMES = (
    "placement_rate_12m",
    "relapse_rate_12m",
    "sustained_placement_rate_24m",
    "mean_months_to_placement",
    "public_cost_eur",
    "cost_per_sustained_placement_eur",
    "employer_participation_rate",
)


def _final_outcome(key: str):
    def report(model) -> float:
        if model.running:
            return math.nan
        cached = getattr(model, "_final_summary", None)
        if cached is None or cached[0] != model.month:  # one summary for all the outcomes
            cached = (model.month, summary(model))
            model._final_summary = cached
        value = cached[1].get(key)
        return math.nan if value is None else float(value)

    report.__name__ = f"final_{key}"
    return report


MODEL_REPORTERS.update({key: _final_outcome(key) for key in FINAL_OUTCOMES})


def _placement_outcomes(model):
    """Per placement: start month, origin, relapsed within 12 and 24 months (NaN-free bools)."""
    pl = model.placements
    dur = np.where(pl.end_month >= 0, pl.end_month.astype(np.int64) - pl.month, 10**6)
    relapse_end = np.isin(pl.end_state, RELAPSE_STATES) & (pl.end_month >= 0)
    return pl, relapse_end & (dur <= 12), relapse_end & (dur <= 24)


def group_metrics(model, origin_states: tuple[int, ...]) -> dict[str, Any]:
    """Placement and relapse outcomes for the target group with these starting states."""
    per = model.persons
    months = model.months_run
    target0 = (per.entered == 0) & np.isin(per.start_state, origin_states)
    n0 = int(target0.sum())
    fp = per.first_placement
    placed12 = target0 & (fp >= 1) & (fp <= 12)
    pl, rel12, rel24 = _placement_outcomes(model)
    in_group = np.isin(pl.origin, origin_states)
    elig12 = in_group & (pl.month <= months - 12)
    # first placement of each month-0 target person, for sustained placement
    first_rows = np.full(per.n, -1, dtype=np.int64)
    if pl.n:
        persons_rev = pl.person[::-1]
        rows_rev = np.arange(pl.n)[::-1]
        first_rows[persons_rev] = rows_rev
    sustained = None
    if months >= 36 and n0:
        r = first_rows[placed12]
        sustained = float(np.count_nonzero(~rel24[r]) / n0)
    placed_any = target0 & (fp >= 1)
    return {
        "target_group_start": n0,
        "placement_rate_12m": _rate(placed12.sum(), n0) if months >= 12 else None,
        "relapse_rate_12m": _rate(rel12[elig12].sum(), elig12.sum()),
        "sustained_placement_rate_24m": sustained,
        "mean_months_to_placement": float(fp[placed_any].mean()) if placed_any.any() else None,
        "placements": int(in_group.sum()),
    }


def relapse_after_exits(model, windows=(6, 12, 24)) -> dict[str, float | None]:
    """Divosa-style re-entry: share of bijstand exits back on bijstand within k months."""
    log = model.log.arrays()
    sa = State.SOCIAL_ASSISTANCE
    skip = (State.TRAINING, State.INACTIVE, sa)
    exits = (log["old"] == sa) & ~np.isin(log["new"], skip) & (log["month"] > 0)
    entries = (log["new"] == sa) & (log["old"] != sa) & (log["old"] != State.TRAINING)
    ex_p, ex_m = log["person"][exits].astype(np.int64), log["month"][exits].astype(np.int64)
    ex_work = log["new"][exits] <= State.POOL
    en_key = np.sort(log["person"][entries].astype(np.int64) * 100_000 + log["month"][entries])
    key = ex_p * 100_000 + ex_m
    pos = np.searchsorted(en_key, key, side="right")
    if len(en_key):
        nxt = np.where(pos < len(en_key), en_key[np.minimum(pos, len(en_key) - 1)], -1)
    else:  # nobody entered social assistance in the run
        nxt = np.full(len(key), -1, dtype=np.int64)
    same = (nxt // 100_000) == ex_p
    gap = np.where(same, nxt % 100_000 - ex_m, 10**6)
    out: dict[str, float | None] = {}
    for k in windows:
        elig = ex_m <= model.months_run - k
        out[f"sa_reentry_all_exits_{k}m"] = _rate((gap[elig] <= k).sum(), elig.sum())
        ew = elig & ex_work
        out[f"sa_reentry_work_exits_{k}m"] = _rate((gap[ew] <= k).sum(), ew.sum())
    return out


def duration_shares(record: dict[str, Any]) -> dict[str, float] | None:
    """Shares of the bijstand stock by months out of work in a month record: < 1 year, 1-3
    years, > 3 years (None without recipients)."""
    b = np.asarray(record["sa_by_duration"], dtype=float)
    if b.sum() <= 0:
        return None
    b = b / b.sum()
    return {"under_1y": float(b[0]), "1_3y": float(b[1]), "over_3y": float(b[2])}


def states_at(model, persons: np.ndarray, months: np.ndarray) -> np.ndarray:
    """Each person's state at the end of the given month, from the transition log."""
    log = model.log.arrays()
    persons = np.asarray(persons, dtype=np.int64)
    months = np.asarray(months, dtype=np.int64)
    if len(persons) == 0:
        return np.zeros(0, dtype=np.int8)
    # events sorted by (person, month, order of recording): the last one up to the month wins
    order = np.lexsort((np.arange(len(log["person"])), log["month"], log["person"]))
    key = log["person"][order].astype(np.int64) * 100_000 + log["month"][order]
    pos = np.searchsorted(key, persons * 100_000 + months, side="right") - 1
    # every person has a START or ENTRY event at or before any month asked for
    return log["new"][order][np.maximum(pos, 0)]


def after_exit_to_work(model, windows=(6, 18)) -> dict[str, float | None]:
    """Of the exits from bijstand to work (CBS cohort study): the share in work without
    bijstand ``k`` months later and the share back on bijstand at 18 months (None when the
    run is too short to follow any exit that long)."""
    log = model.log.arrays()
    sa = State.SOCIAL_ASSISTANCE
    exits = (log["old"] == sa) & (log["new"] <= State.POOL) & (log["month"] > 0)
    who = log["person"][exits].astype(np.int64)
    when = log["month"][exits].astype(np.int64)
    out: dict[str, float | None] = {}
    for k in windows:
        elig = when <= model.months_run - k
        if not elig.any():
            out[f"in_work_{k}m"] = None
            if k == 18:
                out["back_on_social_assistance_18m"] = None
            continue
        st = states_at(model, who[elig], when[elig] + k)
        out[f"in_work_{k}m"] = float(np.mean(st <= State.POOL))
        if k == 18:
            # in training the benefit continues: count those who came from bijstand
            back = (st == sa) | (
                (st == State.TRAINING) & (model.persons.return_state[who[elig]] == sa)
            )
            out["back_on_social_assistance_18m"] = float(np.mean(back))
    return out


def calibration_moments(model) -> dict[str, Any]:
    """The simulated counterparts of the calibration targets (docs/sources.md)."""
    years = max(model.months_run, 1) / 12
    return {
        **_bijstand_stock(model, years),
        **_bijstand_flows(model, years),
        **_bijstand_exits_by_duration(model),
        "unemployment_rate": unemployment_rate(model),
        "unemployed_per_vacancy": _unemployed_per_vacancy(model),
        "own_municipality_share": _own_municipality_share(model),
        **_sheltered_work_moments(model, years),
        "sa_duration_shares_start": duration_shares(model.series[0]),
        "sa_duration_shares_end": duration_shares(model.series[-1]),
        **_exit_to_work_cohort(model),
        "vacancy_rate": _mean_vacancy_rate(model),
        **relapse_after_exits(model),
    }


def _bijstand_stock(model, years: float) -> dict[str, Any]:
    """Bijstand recipients at the start and the end, the change per year, and per 1000
    residents aged 15 or over at the end (None if the region does not give them)."""
    sa = State.SOCIAL_ASSISTANCE
    sa0 = int(model.series[0]["stocks"][:, sa].sum())
    sa1 = int(model.series[-1]["stocks"][:, sa].sum())
    r15 = model.region.totals.get("residents_15plus") if hasattr(model.region, "totals") else None
    return {
        "sa_stock_start": sa0,
        "sa_stock_end": sa1,
        "sa_change_per_year": _rate((sa1 / sa0) ** (1 / years) - 1, 1) if sa0 else None,
        "sa_per_1000_residents_15plus": sa1 / (r15 * model.scale) * 1000 if r15 else None,
    }


def _bijstand_flows(model, years: float) -> dict[str, float | None]:
    """Flows out of bijstand (to work, in all) and into it per year, per mean recipient;
    moves to and from training do not count."""
    ser = model.series
    sa = State.SOCIAL_ASSISTANCE
    flows = (
        sum(r["flows"].sum(axis=0) for r in ser[1:])
        if len(ser) > 1
        else np.zeros((N_STATES, N_STATES))
    )
    sa_mean = np.mean([r["stocks"][:, sa].sum() for r in ser])
    to_work = flows[sa, [State.EMPLOYED, State.SUBSIDISED, State.POOL]].sum()
    out_total = flows[sa].sum() - flows[sa, sa] - flows[sa, State.TRAINING]
    in_total = flows[:, sa].sum() - flows[sa, sa] - flows[State.TRAINING, sa]
    return {
        "sa_outflow_to_work_per_year": _rate(to_work / years, sa_mean),
        "sa_outflow_total_per_year": _rate(out_total / years, sa_mean),
        "sa_inflow_per_year": _rate(in_total / years, sa_mean),
    }


def _bijstand_exits_by_duration(model) -> dict[str, float]:
    """Share of bijstand recipients leaving within a year, under 1 year and over 3 years on
    bijstand: the run's exits per month of stock in each duration class, made yearly."""
    ser = model.series
    exits_b = ser[-1]["sa_exits_by_duration"]
    stock_b = sum(r["sa_by_duration"] for r in ser[:-1]) if len(ser) > 1 else np.ones(3)
    monthly_b = np.divide(exits_b, stock_b, out=np.zeros(3), where=stock_b > 0)
    return {
        "sa_exit_per_year_under_1y": float(1 - (1 - monthly_b[0]) ** 12),
        "sa_exit_per_year_over_3y": float(1 - (1 - monthly_b[2]) ** 12),
    }


def _unemployed_per_vacancy(model) -> float | None:
    """Unemployed (WW, no benefit: mean of the last 12 months; searching bijstand recipients
    now) per vacancy in the region's own municipalities (mean of the last 12 months)."""
    ser = model.series
    per = model.persons
    unemp = []
    for r in ser[-12:]:
        s = r["stocks"].sum(axis=0)
        unemp.append(s[State.UNEMPLOYED_WW] + s[State.NO_BENEFIT])
    ready_sa = int(np.count_nonzero((per.state == State.SOCIAL_ASSISTANCE) & per.ready))
    vac_int = np.mean([r["vacancies"][~model.region.external].sum() for r in ser[-12:]])
    u_now = np.mean(unemp) + ready_sa
    return _rate(u_now, vac_int)


def _own_municipality_share(model) -> float | None:
    """Share of the employed who work in their home municipality (None without any)."""
    per = model.persons
    emp = np.flatnonzero((per.state <= State.POOL) & (per.employer >= 0))
    if not len(emp):
        return None
    return float(np.mean(model.employers.node[per.employer[emp]] == per.home[emp]))


def _sheltered_work_moments(model, years: float) -> dict[str, float | None]:
    """Change per year of the month-0 Wsw participants still in it, and the share of those who
    left it not for work."""
    per = model.persons
    # the Wsw (closed since 2015): month-0 participants of the old scheme, not beschut werk
    orig_sw = (
        (per.entered == 0) & (per.start_state == State.SHELTERED) & (per.group == Group.SHELTERED)
    )
    sw0 = int(orig_sw.sum())
    sw1 = int((orig_sw & (per.state == State.SHELTERED)).sum())
    sw_left = orig_sw & (per.state != State.SHELTERED)
    return {
        "sw_change_per_year": ((sw1 / sw0) ** (1 / years) - 1) if sw0 else None,
        "sw_outflow_not_to_work_share": _rate(
            (sw_left & (per.state > State.POOL)).sum(), sw_left.sum()
        ),
    }


def _exit_to_work_cohort(model) -> dict[str, float | None]:
    """Of the exits from bijstand to work: in work 6 and 18 months later, back on bijstand at
    18 months, and neither (see :func:`after_exit_to_work`)."""
    cohort = after_exit_to_work(model)
    in_work, back = cohort["in_work_18m"], cohort["back_on_social_assistance_18m"]
    return {
        "sa_exit_to_work_in_work_6m": cohort["in_work_6m"],
        "sa_exit_to_work_in_work_18m": in_work,
        "sa_exit_to_work_back_18m": back,
        "sa_exit_to_work_neither_18m": (
            None if in_work is None or back is None else 1.0 - in_work - back
        ),
    }


def _mean_vacancy_rate(model) -> float:
    """Vacancies per vacancy or job in the region's own municipalities, mean of the last 12
    months."""
    ext = model.region.external
    return float(
        np.mean(
            [
                r["vacancies"][~ext].sum()
                / max(1.0, r["vacancies"][~ext].sum() + r["jobs"][~ext].sum())
                for r in model.series[-12:]
            ]
        )
    )


#: subgroups of the month-0 target group for "for whom it works" (CPB, Kansrijk
#: arbeidsmarktbeleid): name -> (attribute, low, high) with low <= value < high, or the origin
SUBGROUPS: dict[str, tuple[str, float, float]] = {
    "wage_value<0.5": ("start_wage_value", -np.inf, 0.5),
    "wage_value_0.5-0.8": ("start_wage_value", 0.5, 0.8),
    "wage_value>=0.8": ("start_wage_value", 0.8, np.inf),
    "benefit_months<12": ("start_months_out", -np.inf, 12),
    "benefit_months_12-36": ("start_months_out", 12, 37),
    "benefit_months>36": ("start_months_out", 37, np.inf),
    "origin_bijstand": ("start_state", State.SOCIAL_ASSISTANCE, State.SOCIAL_ASSISTANCE + 1),
    "origin_sheltered": ("start_state", State.SHELTERED, State.SHELTERED + 1),
}
#: months after the start at which subgroup placement rates are measured
SUBGROUP_HORIZONS = (6, 12, 24, 36)


def subgroup_metrics(model) -> dict[str, dict[str, float | None]]:
    """Per subgroup of the month-0 target group (bijstand and sheltered work): the share
    placed within 6, 12, 24 and 36 months and the share in work at the end of the run."""
    per = model.persons
    cohort = (per.entered == 0) & state_mask(
        per.start_state, (State.SOCIAL_ASSISTANCE, State.SHELTERED)
    )
    fp = per.first_placement
    in_work = state_mask(per.state, (State.EMPLOYED, State.SUBSIDISED, State.POOL))
    out: dict[str, dict[str, float | None]] = {}
    for name, (col, lo, hi) in SUBGROUPS.items():
        x = getattr(per, col).astype(float)
        g = cohort & (x >= lo) & (x < hi)
        n = int(g.sum())
        d: dict[str, float | None] = {"persons": float(n)}
        for h in SUBGROUP_HORIZONS:
            placed = g & (fp >= 1) & (fp <= h)
            d[f"placement_rate_{h}m"] = _rate(placed.sum(), n) if model.months_run >= h else None
        d["in_work_end"] = _rate(float(np.count_nonzero(g & in_work)), n)
        out[name] = d
    return out


def instrument_decisions(model) -> dict[str, dict[str, int]]:
    """Per enabled instrument: placements it touched and those for which it was decisive
    (from the bit masks the matching records, see ``sim.processes.matching.decisiveness``)."""
    pl = model.placements
    out = {}
    for pol in model.policies:
        if not pol.enabled:
            continue
        bit = pol.bit
        out[pol.name] = {
            "touched": int(np.count_nonzero(pl.touched & bit)),
            "decisive": int(np.count_nonzero(pl.decisive & bit)),
        }
    return out


def summary(model) -> dict[str, Any]:
    """The run's public outcomes (keys are the public interface)."""
    import sim

    sa_metrics = group_metrics(model, (State.SOCIAL_ASSISTANCE,))
    sa_metrics.update(after_exit_to_work(model))
    sw_metrics = group_metrics(model, (State.SHELTERED,))
    all_metrics = group_metrics(model, (State.SOCIAL_ASSISTANCE, State.SHELTERED))
    L = model.ledger
    items = L.items()
    reint = _reintegration_cost(L, items)
    pl, rel12, rel24 = _placement_outcomes(model)
    sustained = int(np.count_nonzero(~rel24))
    e = model.employers
    per = model.persons
    out: dict[str, Any] = {
        "placement_rate_12m": all_metrics["placement_rate_12m"],
        "relapse_rate_12m": all_metrics["relapse_rate_12m"],
        "sustained_placement_rate_24m": all_metrics["sustained_placement_rate_24m"],
        "mean_months_to_placement": all_metrics["mean_months_to_placement"],
        "unemployment_rate": unemployment_rate(model),
        "vacancy_rate": _mean_vacancy_rate(model),
        "public_cost_eur": L.public(),
        "public_cost_municipality_eur": L.public("municipality"),
        "public_cost_national_eur": L.public("national"),
        "reintegration_cost_eur": reint,
        "cost_per_sustained_placement_eur": _rate(reint, sustained),
        "employer_participation_rate": _employer_participation_rate(e),
        "placements": int(pl.n),
        "placements_subsidised": int(np.count_nonzero(pl.kind == State.SUBSIDISED)),
        "placements_pool": int(np.count_nonzero(pl.kind == State.POOL)),
        "relapses": int(np.count_nonzero(np.isin(pl.end_state, RELAPSE_STATES))),
        "employer_refusals_sickness_risk": int(e.refusals_sickness.sum()),
        "groups": {
            "social_assistance": sa_metrics,
            "sheltered_work": sw_metrics,
            **model.policies.outcomes(),
        },
        "instruments": instrument_decisions(model),
        "subgroups": subgroup_metrics(model),
        "costs": items,
        "calibration": calibration_moments(model),
        "final_stocks": {STATE_NAMES[s]: int(np.count_nonzero(per.state == s)) for s in State},
        "scenario": model.config.name,
        "seed": model.seed,
        "months": model.months_run,
        "scale": model.scale,
        "region": model.region.name,
        "persons": int(per.n),
        "employers": int(np.count_nonzero(~e.is_pool)),
        "policies": [p.name for p in model.policies if p.enabled],
        "version": sim.__version__,
    }
    return out


def _reintegration_cost(ledger, items: dict[str, dict[str, float]]) -> float:
    """Public cost of reintegration (training and the instruments' declared items) in the
    ledger's cost ``items`` per payer."""
    reintegration = ledger.reintegration_items()
    return sum(
        v
        for payer in ("municipality", "national")
        for k, v in items[payer].items()
        if k in reintegration
    )


def _employer_participation_rate(e) -> float | None:
    """Share of the region's real employers (at least one job) that have hired from the target
    group so far."""
    real = ~e.is_pool & ~e.external & (e.base_size >= 1)
    return _rate(int(np.count_nonzero(real & (e.target_hires > 0))), int(np.count_nonzero(real)))


#: variables the monthly table derives from the flows (month counters of the same name skipped)
FLOW_VARIABLES = {"hires", "placements", "job_to_benefit", "vacancies", "jobs"}


def monthly_table(model):
    """Tidy table (pandas): month, municipality ('all' for the region), variable, value."""
    import pandas as pd

    names = list(model.region.names)
    rows_m, rows_area, rows_var, rows_val = [], [], [], []

    def add(month, area, var, values):
        rows_m.append(np.full(len(area), month))
        rows_area.append(area)
        rows_var.append(np.full(len(area), var, dtype=object))
        rows_val.append(np.asarray(values, dtype=float))

    node_names = np.array(names, dtype=object)
    jobs_states = [State.EMPLOYED, State.SUBSIDISED, State.POOL]
    for r in model.series:
        m = r["month"]
        stocks, flows = r["stocks"], r["flows"]
        for s in State:
            add(m, node_names, f"stock_{STATE_NAMES[s]}", stocks[:, s])
        hires = flows[:, :, jobs_states].sum(axis=(1, 2)) - flows[:, jobs_states][
            :, :, jobs_states
        ].sum(axis=(1, 2))
        placements = flows[:, [State.SOCIAL_ASSISTANCE, State.SHELTERED]][:, :, jobs_states].sum(
            axis=(1, 2)
        )
        to_benefit = flows[:, jobs_states][
            :, :, [State.SOCIAL_ASSISTANCE, State.UNEMPLOYED_WW, State.SHELTERED]
        ].sum(axis=(1, 2))
        add(m, node_names, "hires", hires)
        add(m, node_names, "placements", placements)
        add(m, node_names, "job_to_benefit", to_benefit)
        add(m, node_names, "vacancies", r["vacancies"])
        add(m, node_names, "jobs", r["jobs"])
        region = np.array(["all"], dtype=object)
        tot = stocks.sum(axis=0)
        for s in State:
            add(m, region, f"stock_{STATE_NAMES[s]}", [tot[s]])
        add(m, region, "hires", [hires.sum()])
        add(m, region, "placements", [placements.sum()])
        add(m, region, "job_to_benefit", [to_benefit.sum()])
        add(m, region, "vacancies", [r["vacancies"].sum()])
        add(m, region, "jobs", [r["jobs"].sum()])
        for k, v in sorted(r["counts"].items()):
            if k not in FLOW_VARIABLES:  # hires and placements come from the flows above
                add(m, region, k, [v])
        for (payer, item), v in sorted(r["costs"].items()):
            add(m, region, f"cost_{payer}_{item}_eur", [v])
    return pd.DataFrame(
        {
            "month": np.concatenate(rows_m).astype(int),
            "municipality": np.concatenate(rows_area),
            "variable": np.concatenate(rows_var),
            "value": np.concatenate(rows_val),
        }
    )

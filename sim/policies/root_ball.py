"""Transition support "with the root ball" (kluit) from sheltered work to a regular employer.

"You don't just replant an old tree; you move it with its root ball" (TNO 2017, docs/sources.md). A
person moving from sheltered work gets a job coach, may move along with a colleague or small
group, builds up hours gradually, the employer gets guidance, and keeps a right to return to
sheltered work. It acts on the relapse hazard (lower, growing with intensity and group size),
on the employer's willingness (the coach takes over supervision, guidance lowers perceived
risk) and on search (the programme actively seeks employers). Paid by the municipality.

The whole root ball (``preparation = true``): "predict better which work develops and prepare
those people for it now" (TNO 2017). Each month the municipality selects a share of its
transition candidates (ready sheltered-work participants and/or ready bijstand recipients) and
prepares them for ``preparation_months`` (training or a work placement with a future employer)
for a sector the region's forecast says will grow (``sim/processes/training.py``: the schools'
long-range forecast, or the short-term forecast of the forecasting policy). While preparing
they do not apply; when ready they belong to that sector (its match), the programme seeks
employers for them, and they move with the same support as sheltered-work moves. In a job in
the sector they were prepared for the pressure they feel is lower (they know the work and the
employer); that relief fades with the months they waited for work after being ready (what they
learnt and the employer contact fade out of work, docs/sources.md). Whether the sector still
has work when they are ready depends on the forecast's horizon and accuracy.
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import Column, CostItem, Policy, window_params
from sim.policies.support import ROOT_BALL, SUPPORT_COLUMNS, SUPPORT_FIELDS
from sim.processes.demand import employer_growth_ahead
from sim.processes.training import forecast_growth, forecast_settings, sector_level
from sim.schema import _p
from sim.state import RELAPSE_STATES, State, state_mask

#: who the municipality prepares (choices of ``preparation_for``)
PREPARATION_GROUPS = {
    "sheltered_and_social_assistance": (State.SOCIAL_ASSISTANCE, State.SHELTERED),
    "sheltered": (State.SHELTERED,),
    "social_assistance": (State.SOCIAL_ASSISTANCE,),
}
#: person columns of the preparation phase; 0 = none
PREP_COLUMNS = {
    "prep_sector": Column(np.int16, "sector prepared for, plus one"),
    "prep_start": Column(np.int32, "month preparation started"),
    "prep_left": Column(np.int16, "months of preparation still to go"),
    "prep_end": Column(np.int32, "month preparation was completed"),
    "prep_hire": Column(np.int32, "month of the first hire after preparation"),
    "prep_in_sector": Column(np.bool_, "that hire is in the sector prepared for"),
    "prep_growing": Column(np.bool_, "that sector's demand grew from the start of preparation"),
    "prep_placement": Column(np.int64, "placement row of that hire, plus one"),
    "prep_host": Column(np.int64, "host employer of the work placement, plus one"),
    "prep_host_open": Column(np.bool_, "the host had an open vacancy when they were ready"),
    "prep_by_host": Column(np.bool_, "the first hire after preparation was by the host"),
}


def growing_sector_weights(model, growth: np.ndarray) -> np.ndarray:
    """Probability of preparing for each sector: the sectors the forecast says will grow,
    in proportion to their jobs (the single best sector when none is forecast to grow)."""
    jobs = model.sector_weights.sum(0)
    w = np.where(growth > 0, jobs, 0.0)
    if w.sum() <= 0:
        w = np.where(growth == growth.max(), np.maximum(jobs, 1e-9), 0.0)
    return w / w.sum()


class RootBall(Policy):
    name = "root_ball"
    label = "root-ball transition support"
    PERSON_COLUMNS = {**SUPPORT_COLUMNS, **PREP_COLUMNS}
    PLACEMENT_FIELDS = SUPPORT_FIELDS
    COST_ITEMS = {
        "root_ball_support": CostItem("municipality", "root-ball transition support"),
        "root_ball_preparation": CostItem("municipality", "preparation before the move"),
    }
    PARAMS = [
        *window_params("root_ball", "root-ball transition support"),
        _p(
            "policies.root_ball.intensity",
            0.5,
            "share of a full package (8 coach hours/week)",
            "assumed: 1.0 = about 8 hours of job coaching a week at the start",
            "Intensity of the support.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.root_ball.duration_months",
            12,
            "months",
            "assumed: UWV job coaching typically runs up to a few years, intensive in year one",
            "How long the support lasts after the move.",
            lo=1,
            hi=120,
        ),
        _p(
            "policies.root_ball.group_size",
            1,
            "persons",
            "TNO 2017: a colleague or small group moves along",
            "People who move together (1 = alone).",
            lo=1,
            hi=10,
        ),
        _p(
            "policies.root_ball.relapse_reduction",
            1.2,
            "log hazard at full intensity",
            "assumed: strong support roughly thirds the early relapse hazard",
            "Reduction of the relapse log-hazard at intensity 1 while supported.",
            lo=0.0,
            hi=5.0,
        ),
        _p(
            "policies.root_ball.sick_risk_relief",
            0.5,
            "share of the expected sick pay at full intensity",
            "assumed: the programme's guidance of the employer (and the right to return) halves "
            "the sick-pay risk an employer sees in a candidate from sheltered work",
            "Share of the perceived sick-pay risk the support takes off at intensity 1 (the "
            "coach also takes over the supervision).",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.root_ball.group_relapse_effect",
            0.15,
            "relapse hazard divisor per extra person",
            "assumed: TNO 2017 (docs/sources.md): moving with a colleague helps; each extra "
            "person in the group lowers the relapse hazard by about an eighth",
            "The relapse hazard of a supported person is divided by 1 + this x (group size - 1).",
            lo=0.0,
            hi=5.0,
        ),
        _p(
            "policies.root_ball.group_cost_share",
            0.25,
            "share of the support cost",
            "assumed: a group needs its own coordination on top of the personal support",
            "Extra support cost of moving in a group: the cost per person rises by this x "
            "(group size - 1) / group size.",
            lo=0.0,
            hi=5.0,
        ),
        _p(
            "policies.root_ball.right_to_return",
            True,
            "switch",
            "TNO 2017: a right to return to sheltered work",
            "Relapsed participants go back to sheltered work instead of bijstand.",
        ),
        _p(
            "policies.root_ball.search_boost",
            2.0,
            "relative at full intensity",
            "assumed: the programme actively looks for employers",
            "Extra transition attempts of ready participants at intensity 1.",
            lo=0.0,
            hi=20.0,
        ),
        _p(
            "policies.root_ball.cost_per_person_month_eur",
            1200.0,
            "EUR per month at intensity 1",
            "assumed: ~8 hours of job coaching a week at ~EUR 35/hour plus employer guidance",
            "Cost of support per supported person per month.",
            lo=0.0,
            hi=20000.0,
        ),
        # --- preparation before the move (the whole root ball) --------------------------------
        _p(
            "policies.root_ball.preparation",
            False,
            "switch",
            "TNO 2017: predict which work develops and prepare people for it now",
            "Prepare transition candidates for a growing sector before they move.",
        ),
        _p(
            "policies.root_ball.preparation_for",
            "sheltered_and_social_assistance",
            "group",
            "TNO 2017: sheltered-work participants; the municipality may add bijstand recipients",
            "Who the municipality selects for preparation.",
            choices=tuple(PREPARATION_GROUPS),
        ),
        _p(
            "policies.root_ball.preparation_months",
            6,
            "months",
            "assumed: as long as a short vocational course (schools.duration_months)",
            "Months of training or work placement before the move.",
            lo=1,
            hi=36,
        ),
        _p(
            "policies.root_ball.preparation_intake_share",
            0.03,
            "share of candidates per month",
            "assumed: a programme that takes in about a third of ready candidates a year",
            "Share of the ready candidates not yet prepared that start preparation each month.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.root_ball.preparation_pressure_relief",
            0.15,
            "0-1 pressure scale",
            "assumed: knowing the work and the employer takes off about a quarter of the "
            "average job pressure (employers.pressure_mean 0.55)",
            "Lower felt pressure in a job in the sector prepared for (enters the relapse hazard "
            "like resilience).",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.root_ball.preparation_fade_months",
            12.0,
            "months",
            "assumed: the practice of a six-month preparation and the contact with the future "
            "employer fade within about a year without that work; general skills fade more "
            "slowly out of work (Edin & Gustavsson 2008, docs/sources.md)",
            "Time scale on which the pressure relief of preparation fades while a prepared "
            "person waits for work in the sector prepared for (relief x exp(-months waited / "
            "this)).",
            lo=0.5,
            hi=1200.0,
        ),
        _p(
            "policies.root_ball.preparation_with_employer",
            False,
            "switch",
            "TNO 2017: a work placement with a future employer; FIRE forecasts short-term "
            "growth with employers",
            "Prepare each person with a host employer in the sector (within commuting reach, "
            "willing, weighted by its capacity to supervise) whose growth the forecast expects; "
            "when they are ready the host hires them first if it has an opening.",
        ),
        _p(
            "policies.root_ball.preparation_host_relief",
            0.10,
            "0-1 pressure scale",
            "assumed (chosen before measuring): known colleagues, supervisor and workplace on "
            "top of knowing the work (policies.root_ball.preparation_pressure_relief 0.15), "
            "somewhat less than that; together 0.25, under half the average job pressure "
            "(employers.pressure_mean 0.55)",
            "Extra lower felt pressure in a job at the host of the work placement (with "
            "preparation_with_employer; fades with waiting like the sector part).",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.root_ball.preparation_cost_per_person_month_eur",
            700.0,
            "EUR per person per month",
            "assumed: a course (schools.cost_per_month EUR 600) plus placement guidance",
            "Cost of preparation per person per month, paid by the municipality.",
            lo=0.0,
            hi=20000.0,
        ),
    ]

    def _i(self):
        return self.p["intensity"]

    def search_factor(self, model, persons):
        if not self.active():
            return None
        sw = model.persons.state[persons] == State.SHELTERED
        if self._preparing_on():
            f = np.where(
                sw | self._ready_prepared(model, persons),
                1.0 + self.p["search_boost"] * self._i(),
                1.0,
            )
            return np.where(self._in_preparation(model, persons), 0.0, f)
        return np.where(sw, 1.0 + self.p["search_boost"] * self._i(), 1.0)

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active():
            return None
        sw = model.persons.state[persons] == State.SHELTERED
        if self._preparing_on():  # prepared people move with the same support
            sw = sw | self._ready_prepared(model, persons)
        # the coach takes over supervision; guidance takes off part of the sick-pay risk
        relief = self.p["sick_risk_relief"]
        ctx["perceived_sick_risk"] = ctx["perceived_sick_risk"] - np.where(
            sw, self._i() * relief * ctx["sick_risk"], 0.0
        )
        return np.where(sw, self._i() * (ctx["supervision"] + relief * ctx["sick_risk"]), 0.0)

    def on_hire(self, model, persons, employers):
        if not self.active():
            return
        per = model.persons
        placed = persons[per.target_job[persons]]
        from_sw = placed[model.placements.origin[per.placement[placed]] == State.SHELTERED]
        per.support_kind[from_sw] = ROOT_BALL
        per.support_left[from_sw] = self.p["duration_months"]
        if self.p["right_to_return"]:
            per.return_state[from_sw] = State.SHELTERED
        if self._preparing_on():
            self._prepared_hired(model, placed, employers[per.target_job[persons]])

    def touched(self, model, persons):
        """Every placement that starts with root-ball support is one of the instrument's."""
        if not self.enabled:
            return None
        per = model.persons
        on = (per.support_kind[persons] == ROOT_BALL) & (per.support_left[persons] > 0)
        return on, np.zeros(len(persons), bool)

    def relapse_factor(self, model, persons):
        if not self.enabled:
            return None
        per = model.persons
        on = (per.support_kind[persons] == ROOT_BALL) & (per.support_left[persons] > 0)
        group = 1.0 / (1.0 + self.p["group_relapse_effect"] * (self.p["group_size"] - 1))
        f = np.where(on, np.exp(-self.p["relapse_reduction"] * self._i()) * group, 1.0)
        if self._preparing_on():
            f = f * self._prepared_relief(model, persons)
        return f

    def return_state(self, model, persons):
        if not (self.enabled and self.p["right_to_return"]):
            return None
        per = model.persons
        came_from_sw = per.return_state[persons] == State.SHELTERED
        return np.where(per.target_job[persons] & came_from_sw, State.SHELTERED, -1)

    def month_end(self, model):
        if not self.enabled:
            return
        per = model.persons
        on = np.flatnonzero(
            (per.support_kind == ROOT_BALL) & (per.support_left > 0) & (per.state <= State.POOL)
        )
        if not self.active():
            per.support_left[on] = 0  # policy stopped: support ends for everyone
            if self._preparing_on():
                self._stop_preparation(model)
            return
        if self._preparing_on():
            self._book_preparation(model)
        eur = (
            len(on)
            * self.p["cost_per_person_month_eur"]
            * self._i()
            * (1 + self.p["group_cost_share"] * (self.p["group_size"] - 1) / self.p["group_size"])
        )
        model.ledger.book("municipality", "root_ball_support", eur)
        self.spent_eur += eur
        per.support_left[on] -= 1

    # --- preparation before the move ------------------------------------------------------
    def _preparing_on(self) -> bool:
        return bool(self.enabled and self.p["preparation"])

    def setup(self, model):
        if self._preparing_on():
            self.prepared_started = 0

    def _in_preparation(self, model, persons) -> np.ndarray:
        return model.persons.prep_left[persons] > 0

    def _ready_prepared(self, model, persons) -> np.ndarray:
        """Completed preparation and not yet hired since: the programme seeks employers."""
        per = model.persons
        return (per.prep_end[persons] > 0) & (per.prep_hire[persons] == 0)

    def month_start(self, model):
        if not self._preparing_on():
            return
        per = model.persons
        groups = PREPARATION_GROUPS[self.p["preparation_for"]]
        preparing = np.flatnonzero(per.prep_left > 0)
        if len(preparing):
            # left the target group while preparing (training, retirement, a job): it ends
            gone = preparing[~state_mask(per.state[preparing], groups)]
            per.prep_left[gone] = 0
            per.prep_sector[gone] = 0
            going = preparing[per.prep_left[preparing] > 0]
            per.prep_left[going] -= 1
            done = going[per.prep_left[going] == 0]
            per.sector[done] = per.prep_sector[done] - 1  # their match is now that sector
            per.prep_end[done] = model.month
            model.month_counts["preparation_completed"] = len(done)
        if not self.active():
            return
        cand = np.flatnonzero(
            state_mask(per.state, groups) & per.ready & (per.sick == 0) & (per.prep_sector == 0)
        )
        rng = model.streams.preparation
        u = rng.random(len(cand))
        chosen = cand[u < self.p["preparation_intake_share"]]
        if len(chosen) == 0:
            return
        w = growing_sector_weights(model, forecast_growth(model, rng))
        sector = rng.choice(len(w), size=len(chosen), p=w)
        per.prep_sector[chosen] = sector + 1
        per.prep_start[chosen] = model.month
        per.prep_left[chosen] = self.p["preparation_months"]
        per.prep_host[chosen] = 0
        per.prep_host_open[chosen] = False
        per.prep_by_host[chosen] = False
        if self.p["preparation_with_employer"]:
            self._choose_hosts(model, chosen, sector, rng)
        self.prepared_started += len(chosen)
        model.month_counts["preparation_started"] = len(chosen)

    def _choose_hosts(self, model, chosen, sector, rng) -> None:
        """A host employer for each person starting preparation: in the sector chosen, within
        commuting reach of their home, willing to hire from the target group (``openness`` >
        0), among those the forecast expects to grow, in proportion to their desired size
        times their capacity to supervise (the one expected to grow most when none is).

        The forecast at the employer level has the sector forecast's horizon and accuracy
        (``sim/processes/training.py``): accuracy x the employer's true growth over the
        horizon (what employers know of their plans, ``employer_growth_ahead``) + (1 -
        accuracy) x noise."""
        per, e = model.persons, model.employers
        horizon, accuracy = forecast_settings(model)
        true = employer_growth_ahead(model, horizon)
        real = ~e.is_pool & ~e.external & (e.openness > 0)
        sd = max(
            float(np.std(true[real])) if real.any() else 0.0,
            model.p["employers.demand_noise"] * 3,
        )
        growth = accuracy * true + (1 - accuracy) * rng.normal(0.0, sd, e.n)
        capacity = e.supervise * np.maximum(e.target, 0.0)
        reach = model.commute_weights[:, e.node] > 0  # home node x employer
        homes = per.home[chosen].astype(np.int64)
        for h, s in set(zip(homes.tolist(), sector.tolist())):
            who = chosen[(homes == h) & (sector == s)]
            ok = np.flatnonzero(real & (e.sector == s) & reach[h])
            if len(ok) == 0:
                continue  # no host within reach: preparation without an employer
            w = np.where(growth[ok] > 0, capacity[ok], 0.0)
            if w.sum() <= 0:
                w = np.where(growth[ok] == growth[ok].max(), np.maximum(capacity[ok], 1e-9), 0)
            per.prep_host[who] = ok[rng.choice(len(ok), size=len(who), p=w / w.sum())] + 1

    def first_hires(self, model):
        """The hosts consider the people they prepared first, in the month they are ready."""
        if not (self._preparing_on() and self.active() and self.p["preparation_with_employer"]):
            return None
        per, e = model.persons, model.employers
        ready = np.flatnonzero(
            (per.prep_end == model.month) & (per.prep_host > 0) & (per.prep_hire == 0)
        )
        ready = ready[
            state_mask(per.state[ready], PREPARATION_GROUPS[self.p["preparation_for"]])
            & (per.sick[ready] == 0)
        ]
        if len(ready) == 0:
            return None
        host = per.prep_host[ready].astype(np.int64) - 1
        per.prep_host_open[ready] = e.vacancies[host] > 0
        model.month_counts["preparation_host_open"] = int(per.prep_host_open[ready].sum())
        return ready, host

    def _prepared_hired(self, model, placed, employers) -> None:
        """Record the first hire after preparation: in the sector prepared for, and whether
        that sector's demand grew since preparation started (the forecast came true)."""
        per, e = model.persons, model.employers
        first = self._ready_prepared(model, placed)
        rows, emps = placed[first], employers[first]
        if len(rows) == 0:
            return
        per.support_kind[rows] = ROOT_BALL
        per.support_left[rows] = self.p["duration_months"]
        sec = per.prep_sector[rows].astype(np.int64) - 1
        now = sector_level(model, model.month)
        start = np.array(
            [sector_level(model, int(m))[s] for m, s in zip(per.prep_start[rows], sec)]
        )
        per.prep_hire[rows] = model.month
        per.prep_in_sector[rows] = e.sector[emps] == sec
        per.prep_growing[rows] = (e.sector[emps] == sec) & (now[sec] > start)
        per.prep_placement[rows] = per.placement[rows] + 1
        per.prep_by_host[rows] = (per.prep_host[rows] > 0) & (emps == per.prep_host[rows] - 1)
        model.month_counts["preparation_hired"] = len(rows)

    def _prepared_relief(self, model, persons) -> np.ndarray:
        """Lower relapse hazard in a job in the sector prepared for (lower felt pressure).

        The relief is what the person learnt for that work and with that employer; it fades
        with the months they waited for work after being ready (from the end of preparation to
        their first hire after it; ``preparation_fade_months``): someone prepared for work that
        is not there when they are ready waits, and what they learnt and the employer contact
        fade meanwhile."""
        per, e = model.persons, model.employers
        in_sector = (
            (per.prep_sector[persons] > 0)
            & (per.prep_end[persons] > 0)
            & (e.sector[per.employer[persons]] == per.prep_sector[persons] - 1)
        )
        first = per.prep_hire[persons].astype(np.int64)  # 0: hired after the policy stopped
        hired = np.where(first > 0, first, per.job_start[persons].astype(np.int64))
        waited = np.maximum(hired - per.prep_end[persons].astype(np.int64), 0)
        relief = self.p["preparation_pressure_relief"]
        if self.p["preparation_with_employer"]:  # known colleagues and workplace at the host
            at_host = (per.prep_host[persons] > 0) & (
                per.employer[persons] == per.prep_host[persons] - 1
            )
            relief = relief + self.p["preparation_host_relief"] * at_host
        relief = relief * np.exp(-waited / self.p["preparation_fade_months"])
        f = np.exp(-model.p["labour_market.relapse_pressure_slope"] * relief)
        return np.where(in_sector, f, 1.0)

    def _book_preparation(self, model) -> None:
        n = int(np.count_nonzero(model.persons.prep_left > 0))
        eur = n * self.p["preparation_cost_per_person_month_eur"]
        if eur:
            model.ledger.book("municipality", "root_ball_preparation", eur)
            self.spent_eur += eur

    def _stop_preparation(self, model) -> None:
        per = model.persons
        stopped = np.flatnonzero(per.prep_left > 0)
        per.prep_left[stopped] = 0
        per.prep_sector[stopped] = 0

    def outcomes(self, model) -> dict | None:
        """Outcomes of the people who completed preparation (``summary()["groups"]``):
        placed within 12 months of being ready, hired in the sector prepared for, in a sector
        that grew since preparation started, relapse within 12 months of that placement."""
        if not self._preparing_on():
            return None
        per, pl = model.persons, model.placements
        done = per.prep_end > 0
        n = int(done.sum())
        months = model.months_run
        elig = done & (per.prep_end <= months - 12)
        hired12 = elig & (per.prep_hire > 0) & (per.prep_hire - per.prep_end <= 12)
        hired = per.prep_hire > 0
        rows = per.prep_placement[hired] - 1
        ends = pl.end_month[rows]
        relapsed = (
            np.isin(pl.end_state[rows], RELAPSE_STATES)
            & (ends >= 0)
            & (ends - pl.month[rows] <= 12)
        )
        at_risk = pl.month[rows] <= months - 12

        def rate(a, b):
            return float(a) / float(b) if b else None

        return {
            "preparation": {
                "started": int(self.prepared_started),
                "completed": n,
                "placement_rate_12m": rate(hired12.sum(), elig.sum()),
                "in_prepared_sector_share": rate(per.prep_in_sector[hired].sum(), hired.sum()),
                "growing_sector_share": rate(per.prep_growing[hired].sum(), hired.sum()),
                "relapse_rate_12m": rate(relapsed[at_risk].sum(), at_risk.sum()),
                **self._host_outcomes(model, done, hired),
            }
        }

    def _host_outcomes(self, model, done, hired) -> dict:
        """With a host employer: the share of the people ready with a host whose host had an
        opening that month, and the share of the hired whose first hire was the host's."""
        if not self.p["preparation_with_employer"]:
            return {}
        per = model.persons
        with_host = done & (per.prep_host > 0)
        n_host, n_hired = int(with_host.sum()), int(hired.sum())
        return {
            "with_host_share": float(n_host) / n if (n := int(done.sum())) else None,
            "host_opening_share": (
                float(per.prep_host_open[with_host].sum()) / n_host if n_host else None
            ),
            "hired_by_host_share": (
                float(per.prep_by_host[hired].sum()) / n_hired if n_hired else None
            ),
        }

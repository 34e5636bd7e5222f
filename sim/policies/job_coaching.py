"""Job coaching on its own: a coach for bijstand recipients placed with an employer.

The lighter instrument next to the root ball: no colleague moving along, no gradual build-up,
no right to return. UWV job coaches supported ~25,000 starters 2013-2018 (docs/sources.md).
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import CostItem, Policy, window_params
from sim.policies.support import JOB_COACH, SUPPORT_COLUMNS, SUPPORT_FIELDS
from sim.rng import counter_uniform
from sim.schema import _p
from sim.state import State


class JobCoaching(Policy):
    name = "job_coaching"
    label = "job coaching"
    PERSON_COLUMNS = SUPPORT_COLUMNS
    PLACEMENT_FIELDS = SUPPORT_FIELDS
    COST_ITEMS = {"job_coaching": CostItem("municipality", "job coaches' hours")}
    PARAMS = [
        *window_params("job_coaching", "job coaching"),
        _p(
            "policies.job_coaching.hours_per_week",
            3.0,
            "hours per week",
            "assumed: a few hours of coaching a week in the first months",
            "Coaching hours per placed person per week.",
            lo=0.0,
            hi=40.0,
        ),
        _p(
            "policies.job_coaching.full_relief_hours",
            8.0,
            "hours per week",
            "assumed: about a working day of coaching a week covers what a coach can take "
            "over (policies.root_ball.intensity 1 means the same 8 hours)",
            "Weekly coaching hours at which the coach's relief of the employer's supervision "
            "is full; fewer hours relieve in proportion.",
            lo=0.1,
            hi=40.0,
        ),
        _p(
            "policies.job_coaching.supervision_relief",
            0.5,
            "share of the supervision cost",
            "assumed: a job coach takes over about half of the extra supervision a placed "
            "worker needs; the employer keeps the daily guidance",
            "Share of the employer's expected supervision cost that coaching at full hours "
            "takes off when the employer judges a candidate.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.job_coaching.awareness",
            0.25,
            "share of employers",
            "assumed: job coaching is arranged per placement; employers who know of it count "
            "on it, others learn of it from the service point or a coached placement",
            "Share of employers who count on a job coach when they judge a candidate.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.job_coaching.duration_months",
            6,
            "months",
            "assumed",
            "How long coaching lasts after placement.",
            lo=1,
            hi=60,
        ),
        _p(
            "policies.job_coaching.relapse_reduction_per_hour",
            0.12,
            "log hazard per weekly hour",
            "assumed: a modest effect per hour of coaching",
            "Reduction of the relapse log-hazard per weekly coaching hour.",
            lo=0.0,
            hi=2.0,
        ),
        _p(
            "policies.job_coaching.take_up",
            1.0,
            "share of placements",
            "design: 1 = every placement without other support gets a coach; today's use in "
            "the status quo is 0.10, derived: UWV job coaches supported ~25,000 starters in "
            "2013-2018 (~4,200 a year) against ~49,000 exits from bijstand to work a year (CBS "
            "cohort 2021), about 1 in 10 (docs/sources.md)",
            "Share of placements (without other support) that get a job coach.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.job_coaching.cost_per_hour_eur",
            35.0,
            "EUR per hour",
            "assumed: hourly rate of a job coach",
            "Cost of one coaching hour.",
            lo=0.0,
            hi=1000.0,
        ),
    ]

    def _coached(self, model, persons) -> np.ndarray:
        """Whether a placement of these persons this month gets a coach (``take_up``); a
        counter-based draw, so the employer's expectation and the hire agree."""
        if self.p["take_up"] >= 1.0:
            return np.ones(len(persons), bool)
        u = counter_uniform(model.seed, "job_coaching", model.month, persons)
        return u < self.p["take_up"]

    def setup(self, model):
        if self.enabled:
            self.inform(model, self.p["awareness"])

    def on_hire(self, model, persons, employers):
        if not self.active():
            return
        per = model.persons
        placed = persons[
            per.target_job[persons]
            & (per.support_kind[persons] == 0)
            & self._coached(model, persons)
        ]
        per.support_kind[placed] = JOB_COACH
        per.support_left[placed] = self.p["duration_months"]

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active():
            return None
        share = min(1.0, self.p["hours_per_week"] / self.p["full_relief_hours"])
        reached = (
            ctx["target"] & self.informed(model, employers, ctx) & self._coached(model, persons)
        )
        relief = self.p["supervision_relief"]
        return np.where(reached, relief * share * ctx["supervision"], 0.0)

    def touched(self, model, persons):
        """Every placement that starts with a job coach is one of the instrument's."""
        if not self.enabled:
            return None
        per = model.persons
        on = (per.support_kind[persons] == JOB_COACH) & (per.support_left[persons] > 0)
        return on, np.zeros(len(persons), bool)

    def relapse_factor(self, model, persons):
        if not self.enabled:
            return None
        per = model.persons
        on = (per.support_kind[persons] == JOB_COACH) & (per.support_left[persons] > 0)
        return np.where(
            on, np.exp(-self.p["relapse_reduction_per_hour"] * self.p["hours_per_week"]), 1.0
        )

    def month_end(self, model):
        if not self.enabled:
            return
        per = model.persons
        on = np.flatnonzero(
            (per.support_kind == JOB_COACH) & (per.support_left > 0) & (per.state <= State.POOL)
        )
        if not self.active():
            per.support_left[on] = 0
            return
        eur = len(on) * self.p["hours_per_week"] * 52 / 12 * self.p["cost_per_hour_eur"]
        model.ledger.book("municipality", "job_coaching", eur)
        self.spent_eur += eur
        per.support_left[on] -= 1

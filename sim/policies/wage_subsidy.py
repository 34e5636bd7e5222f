"""Wage-cost subsidy (loonkostensubsidie, Participatiewet).

The municipality pays the employer the gap between the minimum wage and the worker's assessed
wage value (loonwaardebepaling), plus an allowance for employer costs, at most 70% of the
minimum wage (docs/sources.md), for ``duration_months`` with reassessment. Employers see the subsidy
in their hiring value, discounted when it is short against the job's expected length; while
it runs it also lowers separations (APE 2018: a positive effect on keeping the job). When it
ends (its duration, the budget, or a policy stop), the employer judges the worker again at full
wage cost and may let them go.
"""

from __future__ import annotations

import numpy as np

from sim.schema import _p
from sim.policies.base import Column, CostItem, PlacementField, Policy, window_params
from sim.processes.matching import TARGET_STATES
from sim.state import Cause, State



def _subsidised(model, persons):
    return model.persons.state[persons] == State.SUBSIDISED


class WageSubsidy(Policy):
    name = "wage_subsidy"
    label = "the wage-cost subsidy"
    PERSON_COLUMNS = {
        "subsidy_left": Column(np.int16, "months of wage-cost subsidy left", reset=0),
        "subsidy_eur": Column(np.float32, "subsidy per month paid to the employer (EUR)",
                              reset=0),
    }
    PLACEMENT_FIELDS = {"subsidised": PlacementField(np.bool_, "a subsidised job at the start",
                                                     _subsidised)}
    COST_ITEMS = {"wage_subsidy": CostItem("municipality", "wage-cost subsidies to employers")}
    PARAMS = [
        *window_params("wage_subsidy", "the wage-cost subsidy"),
        _p("policies.wage_subsidy.awareness", 0.25, "share of employers",
           "assumed: SCP 2017: 11% of organisations used a wage-cost subsidy or wage "
           "dispensation (docs/sources.md); more know of it than use it",
           "Share of employers who count on the subsidy when they judge a candidate (others "
           "learn of it from the service point or from a subsidised placement).", lo=0.0,
           hi=1.0),
        _p("policies.wage_subsidy.coverage", 1.0, "share of the wage gap",
           "Participatiewet: the subsidy pays the gap between minimum wage and wage value",
           "Share of the gap between minimum wage and assessed wage value that is paid.",
           lo=0.0, hi=1.0),
        _p("policies.wage_subsidy.max_share_of_minimum_wage", 0.70, "share of the minimum wage",
           "docs/sources.md: at most 70% of the minimum wage", "Ceiling of the monthly subsidy.",
           lo=0.0, hi=1.0),
        _p("policies.wage_subsidy.allowance_share", 0.20, "share of the subsidy",
           "assumed: the allowance for employer costs (forfaitaire werkgeverskosten) is of this "
           "order", "Extra allowance for employer costs, as a share of the subsidy.", lo=0.0,
           hi=1.0),
        _p("policies.wage_subsidy.duration_months", 24, "months",
           "assumed: often granted for two years before reassessment becomes structural",
           "How long a subsidy runs.", lo=1, hi=600),
        _p("policies.wage_subsidy.reassessment_months", 12, "months",
           "docs/sources.md: periodic reassessment of the wage value", "Interval of reassessment.",
           lo=1, hi=120),
        _p("policies.wage_subsidy.max_wage_value", 0.95, "share of the minimum wage",
           "Participatiewet: for people who cannot earn the minimum wage",
           "Eligible when the assessed wage value is below this.", lo=0.0, hi=1.0),
        _p("policies.wage_subsidy.retention_factor", 0.7, "hazard multiplier",
           "APE 2018: a demonstrable positive effect on keeping the job (docs/sources.md); size "
           "assumed", "Multiplier on separation and relapse hazards while subsidised.",
           lo=0.0, hi=2.0),
        _p("policies.wage_subsidy.on_job_learning", 0.005, "wage value per month",
           "assumed: subsidised workers gain some productivity on the job",
           "Monthly growth of a subsidised worker's wage value.", lo=0.0, hi=0.1),
        _p("policies.wage_subsidy.budget_eur_per_year", -1.0, "EUR per year (-1: no cap)",
           "design: municipalities cap the budget", "Yearly budget cap (at scale 1; scaled "
           "with run.scale).", lo=-1.0, hi=1e10),
    ]

    def setup(self, model):
        self.spent_year = 0.0
        if self.enabled:
            self.inform(model, self.p["awareness"])

    def _amount(self, model, rows):
        mw = model.p["finance.minimum_wage_eur_month"]
        wv = model.persons.wage_value[rows].astype(float)
        gap = np.clip(1 - wv, 0, None) * self.p["coverage"]
        return np.minimum(gap, self.p["max_share_of_minimum_wage"]) * mw * (1 + self.p["allowance_share"])

    def _budget_left(self, model) -> bool:
        cap = self.p["budget_eur_per_year"]
        if cap < 0:
            return True
        committed = float(model.persons.subsidy_eur[model.persons.subsidy_left > 0].sum())
        return self.spent_year + committed < cap * model.scale

    def _eligible(self, model, rows):
        per = model.persons
        return np.isin(per.state[rows], TARGET_STATES) & (
            per.wage_value[rows] < self.p["max_wage_value"])

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active() or not self._budget_left(model):
            return None
        el = self._eligible(model, persons) & self.informed(model, employers, ctx)
        expected = model.p["employers.expected_job_months"]
        months = min(self.p["duration_months"], expected)
        return np.where(el, self._amount(model, persons) * months / expected, 0.0)

    def job_kind(self, model, persons, employers, kind):
        if not self.active() or not self._budget_left(model):
            return None
        el = self._eligible(model, persons) & (kind == State.EMPLOYED)
        return np.where(el, State.SUBSIDISED, kind)

    def touched(self, model, persons):
        """Every subsidised placement is one of the subsidy's: decisive only through the
        hiring value (an employer who did not count on it would have hired anyway)."""
        if not self.enabled:
            return None
        sub = model.persons.state[persons] == State.SUBSIDISED
        return sub, np.zeros(len(persons), bool)

    def on_hire(self, model, persons, employers):
        per = model.persons
        sub = persons[per.state[persons] == State.SUBSIDISED]
        per.subsidy_left[sub] = self.p["duration_months"]
        per.subsidy_eur[sub] = self._amount(model, sub)

    def separation_factor(self, model, persons):
        return self._retention(model, persons)

    def relapse_factor(self, model, persons):
        return self._retention(model, persons)

    def _retention(self, model, persons):
        if not self.enabled:
            return None
        on = model.persons.subsidy_left[persons] > 0
        return np.where(on, self.p["retention_factor"], 1.0)

    def month_end(self, model):
        if not self.enabled:
            return
        per = model.persons
        if model.month % 12 == 1:
            self.spent_year = 0.0
        paid = np.flatnonzero((per.state == State.SUBSIDISED) & (per.subsidy_left > 0))
        if not self.active():
            self._end(model, paid)  # policy stopped: every running subsidy ends now
            return
        per.wage_value[paid] += self.p["on_job_learning"]
        months_on = self.p["duration_months"] - per.subsidy_left[paid]
        reassess = paid[(months_on > 0) & (months_on % self.p["reassessment_months"] == 0)]
        per.subsidy_eur[reassess] = self._amount(model, reassess)
        eur = float(per.subsidy_eur[paid].sum())
        model.ledger.book("municipality", "wage_subsidy", eur)
        self.spent_year += eur
        self.spent_eur += eur
        per.subsidy_left[paid] -= 1
        self._end(model, paid[per.subsidy_left[paid] <= 0])

    def _end(self, model, rows):
        """Subsidy ends: the worker stays a regular employee if the employer still sees value."""
        if len(rows) == 0:
            return
        from sim.processes.matching import hiring_value

        per = model.persons
        per.subsidy_left[rows] = 0
        per.subsidy_eur[rows] = 0
        model.move(rows, State.EMPLOYED, Cause.SUBSIDY_END)
        u = model.streams.policies.standard_normal(len(rows))
        value, _ = hiring_value(model, rows, per.employer[rows], u)
        dismissed = rows[value < 0]
        if len(dismissed):
            model.end_jobs(dismissed, Cause.SUBSIDY_END)

"""Wage-cost subsidy (loonkostensubsidie, Participatiewet).

The municipality pays the employer the gap between the minimum wage and the worker's assessed
wage value (loonwaardebepaling), plus an allowance for employer costs, at most 70% of the
minimum wage (docs/sources.md). Under the Participatiewet it is **structural**: it runs as long
as the worker cannot earn the minimum wage, with the wage value reassessed every
``reassessment_months``. It ends when the reassessed wage value reaches the minimum wage (or the
reassessed subsidy falls to zero: the worker simply stays an ordinary employee), when the job
ends, or with a policy stop (then the employer judges the worker again at full wage cost and
may let them go, ``rejudge_at_end``). ``duration_months`` > 0 makes it a temporary subsidy that
also ends after that many months. A yearly budget cap stops new subsidised hires when spent.

Separately, a **push** (``push_months`` > 0): a temporary subsidy of ``push_share`` of the
minimum wage for bijstand recipients with a full wage value, as more than half of the
municipalities use it (Tilburg University 2015, docs/sources.md).

Employers see the subsidy in their hiring value, discounted when it is short against the job's
expected length; while it runs it also lowers separations (APE 2018: a positive effect on
keeping the job).
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import Column, CostItem, PlacementField, Policy, window_params
from sim.processes.matching import TARGET_STATES
from sim.schema import _p
from sim.state import Cause, State

#: ``subsidy_left`` of a structural subsidy (never counts down)
STRUCTURAL = 32_000
#: ``subsidy_kind`` codes
GAP, PUSH = 1, 2


def _subsidised(model, persons):
    return model.persons.state[persons] == State.SUBSIDISED


class WageSubsidy(Policy):
    name = "wage_subsidy"
    label = "the wage-cost subsidy"
    PERSON_COLUMNS = {
        "subsidy_left": Column(np.int16, "months of wage-cost subsidy left", reset=0),
        "subsidy_eur": Column(np.float32, "subsidy per month paid to the employer (EUR)", reset=0),
        "subsidy_kind": Column(
            np.int8, "0 none, 1 for a wage value below the minimum wage, 2 a push", reset=0
        ),
    }
    PLACEMENT_FIELDS = {
        "subsidised": PlacementField(np.bool_, "a subsidised job at the start", _subsidised)
    }
    COST_ITEMS = {"wage_subsidy": CostItem("municipality", "wage-cost subsidies to employers")}
    PARAMS = [
        *window_params("wage_subsidy", "the wage-cost subsidy"),
        _p(
            "policies.wage_subsidy.awareness",
            0.25,
            "share of employers",
            "assumed: SCP 2017: 11% of organisations used a wage-cost subsidy or wage "
            "dispensation (docs/sources.md); more know of it than use it",
            "Share of employers who count on the subsidy when they judge a candidate (others "
            "learn of it from the service point or from a subsidised placement).",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.wage_subsidy.coverage",
            1.0,
            "share of the wage gap",
            "Participatiewet: the subsidy pays the gap between minimum wage and wage value",
            "Share of the gap between minimum wage and assessed wage value that is paid.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.wage_subsidy.max_share_of_minimum_wage",
            0.70,
            "share of the minimum wage",
            "docs/sources.md: at most 70% of the minimum wage",
            "Ceiling of the monthly subsidy.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.wage_subsidy.allowance_share",
            0.20,
            "share of the subsidy",
            "assumed: the allowance for employer costs (forfaitaire werkgeverskosten) is of this "
            "order",
            "Extra allowance for employer costs, as a share of the subsidy.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.wage_subsidy.duration_months",
            0,
            "months",
            "Participatiewet: for someone who cannot earn the minimum wage the subsidy is "
            "structural, it runs as long as that holds and ends when the wage value reaches the "
            "minimum wage or the job ends (docs/sources.md)",
            "How long a subsidy runs: 0 = structural (until the reassessed wage value reaches "
            "the minimum wage); more = a temporary subsidy of that many months.",
            lo=0,
            hi=600,
        ),
        _p(
            "policies.wage_subsidy.reassessment_months",
            12,
            "months",
            "docs/sources.md: the wage value is reassessed periodically, often yearly",
            "Interval of reassessment.",
            lo=1,
            hi=120,
        ),
        _p(
            "policies.wage_subsidy.rejudge_at_end",
            True,
            "switch",
            "assumed: when a subsidy stops while the worker still cannot earn the minimum wage "
            "(a temporary subsidy runs out, a policy stop), the employer weighs the worker at "
            "full wage cost",
            "When a subsidy stops for another reason than the wage value reaching the minimum "
            "wage, the employer judges the worker again and may dismiss them.",
        ),
        _p(
            "policies.wage_subsidy.push_months",
            0,
            "months",
            "Tilburg University 2015 ('Het werkt niet vanzelf'): more than half of the "
            "municipalities also use a temporary wage-cost subsidy as a push for people with a "
            "full wage value (docs/sources.md); length assumed per scenario",
            "Months of a temporary subsidy for bijstand recipients with a full wage value "
            "(0: no push).",
            lo=0,
            hi=120,
        ),
        _p(
            "policies.wage_subsidy.push_share",
            0.30,
            "share of the minimum wage",
            "assumed: a push of the order of a third of the wage cost for some months",
            "Monthly push subsidy as a share of the minimum wage.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.wage_subsidy.max_wage_value",
            0.95,
            "share of the minimum wage",
            "Participatiewet: for people who cannot earn the minimum wage",
            "Eligible when the assessed wage value is below this.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.wage_subsidy.retention_factor",
            0.7,
            "hazard multiplier",
            "APE 2018: a demonstrable positive effect on keeping the job (docs/sources.md); size "
            "assumed",
            "Multiplier on separation and relapse hazards while subsidised.",
            lo=0.0,
            hi=2.0,
        ),
        _p(
            "policies.wage_subsidy.on_job_learning",
            0.005,
            "wage value per month",
            "assumed: subsidised workers gain some productivity on the job",
            "Monthly growth of a subsidised worker's wage value.",
            lo=0.0,
            hi=0.1,
        ),
        _p(
            "policies.wage_subsidy.budget_eur_per_year",
            -1.0,
            "EUR per year (-1: no cap)",
            "design: municipalities cap the budget",
            "Yearly budget cap (at scale 1; scaled "
            "with run.scale): no new subsidised hires once the year's spending and the running "
            "subsidies reach it, and when it is spent the running subsidies end.",
            lo=-1.0,
            hi=1e10,
        ),
    ]

    def setup(self, model):
        self.spent_year = 0.0
        if self.enabled:
            self.inform(model, self.p["awareness"])

    def _amount(self, model, rows):
        mw = model.p["finance.minimum_wage_eur_month"]
        wv = model.persons.wage_value[rows].astype(float)
        gap = np.clip(1 - wv, 0, None) * self.p["coverage"]
        return (
            np.minimum(gap, self.p["max_share_of_minimum_wage"])
            * mw
            * (1 + self.p["allowance_share"])
        )

    def _budget_left(self, model) -> bool:
        cap = self.p["budget_eur_per_year"]
        if cap < 0:
            return True
        committed = float(model.persons.subsidy_eur[model.persons.subsidy_left > 0].sum())
        return self.spent_year + committed < cap * model.scale

    def _eligible(self, model, rows):
        per = model.persons
        return np.isin(per.state[rows], TARGET_STATES) & (
            per.wage_value[rows] < self.p["max_wage_value"]
        )

    def _push_eligible(self, model, rows):
        if self.p["push_months"] <= 0:
            return np.zeros(len(rows), bool)
        per = model.persons
        return (per.state[rows] == State.SOCIAL_ASSISTANCE) & (
            per.wage_value[rows] >= self.p["max_wage_value"]
        )

    def _push_amount(self, model):
        return self.p["push_share"] * model.p["finance.minimum_wage_eur_month"]

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active() or not self._budget_left(model):
            return None
        informed = self.informed(model, employers, ctx)
        el = self._eligible(model, persons) & informed
        expected = model.p["employers.expected_job_months"]
        dur = self.p["duration_months"]
        months = expected if dur <= 0 else min(dur, expected)
        value = np.where(el, self._amount(model, persons) * months / expected, 0.0)
        push = self._push_eligible(model, persons) & informed
        if push.any():
            m = min(self.p["push_months"], expected)
            value = np.where(push, self._push_amount(model) * m / expected, value)
        return value

    def job_kind(self, model, persons, employers, kind):
        if not self.active() or not self._budget_left(model):
            return None
        el = (self._eligible(model, persons) | self._push_eligible(model, persons)) & (
            kind == State.EMPLOYED
        )
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
        if len(sub) == 0:
            return
        push = per.wage_value[sub] >= self.p["max_wage_value"]
        gap, pushed = sub[~push], sub[push]
        dur = self.p["duration_months"]
        per.subsidy_left[gap] = STRUCTURAL if dur <= 0 else dur
        per.subsidy_eur[gap] = self._amount(model, gap)
        per.subsidy_kind[gap] = GAP
        per.subsidy_left[pushed] = self.p["push_months"]
        per.subsidy_eur[pushed] = self._push_amount(model)
        per.subsidy_kind[pushed] = PUSH

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
        per = model.persons
        paid = np.flatnonzero((per.state == State.SUBSIDISED) & (per.subsidy_left > 0))
        if not self.enabled or not self.active():
            # policy stopped (or switched off after a burn-in with it): every subsidy ends now
            self._end(model, paid, self.p["rejudge_at_end"])
            return
        if model.month % 12 == 1:
            self.spent_year = 0.0
        cap = self.p["budget_eur_per_year"]
        if cap >= 0 and self.spent_year >= cap * model.scale:
            # the year's budget is spent: the running subsidies end too
            self._end(model, paid, self.p["rejudge_at_end"])
            return
        gap = paid[per.subsidy_kind[paid] == GAP]
        per.wage_value[gap] += self.p["on_job_learning"]
        months_on = model.month - per.job_start[gap].astype(np.int64)
        reassess = gap[(months_on > 0) & (months_on % self.p["reassessment_months"] == 0)]
        per.subsidy_eur[reassess] = self._amount(model, reassess)
        # the reassessed wage value reaches the minimum wage (the subsidy falls to zero): the
        # subsidy ends and the worker stays an ordinary employee
        grown = reassess[
            (per.wage_value[reassess] >= self.p["max_wage_value"])
            | (per.subsidy_eur[reassess] <= 0)
        ]
        self._end(model, grown, rejudge=False)
        paid = paid[per.state[paid] == State.SUBSIDISED]
        eur = float(per.subsidy_eur[paid].sum())
        model.ledger.book("municipality", "wage_subsidy", eur)
        self.spent_year += eur
        self.spent_eur += eur
        finite = paid[per.subsidy_left[paid] < STRUCTURAL]
        per.subsidy_left[finite] -= 1
        self._end(model, finite[per.subsidy_left[finite] <= 0], self.p["rejudge_at_end"])

    def _end(self, model, rows, rejudge: bool = True):
        """Subsidy ends: the worker stays a regular employee, unless ``rejudge`` and the
        employer no longer sees value in the job at full wage cost."""
        if len(rows) == 0:
            return
        from sim.processes.matching import hiring_value

        per = model.persons
        per.subsidy_left[rows] = 0
        per.subsidy_eur[rows] = 0
        per.subsidy_kind[rows] = 0
        model.move(rows, State.EMPLOYED, Cause.SUBSIDY_END)
        if not rejudge:
            return
        u = model.streams.policies.standard_normal(len(rows))
        value, _ = hiring_value(model, rows, per.employer[rows], u)
        dismissed = rows[value < 0]
        if len(dismissed):
            model.end_jobs(dismissed, Cause.SUBSIDY_END)

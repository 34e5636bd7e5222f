"""No-risk policy (no-riskpolis): the state pays the sick pay of an eligible worker.

When an eligible worker falls ill, UWV pays the sickness benefit, so the employer carries no
sick pay; cover lasts 5 years from the start of employment (docs/sources.md). It only changes hiring
if the employer knows it at the moment of hiring: about 10% do (SEO 2018), so ``awareness`` is
the key parameter. Eligible: bijstand recipients with a wage value below the minimum wage
(target-group register) and sheltered-work participants.
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import Column, CostItem, PlacementField, Policy, window_params
from sim.schema import _p
from sim.state import State


def _covered_at_start(model, persons):
    return model.persons.no_risk_until[persons] >= model.month


class NoRiskPolicy(Policy):
    name = "no_risk_policy"
    label = "the no-risk policy"
    PERSON_COLUMNS = {
        "no_risk_until": Column(
            np.int16,
            "month until which the policy covers the worker's sick pay (-1: not covered)",
            fill=-1,
            reset=-1,
        ),
    }
    PLACEMENT_FIELDS = {
        "no_risk": PlacementField(
            np.bool_, "covered by the no-risk policy at the start", _covered_at_start
        )
    }
    COST_ITEMS = {"no_risk_claims": CostItem("national", "sick pay of covered workers (UWV)")}
    SICK_PAY_ITEM = "no_risk_claims"
    PARAMS = [
        *window_params("no_risk_policy", "the no-risk policy"),
        _p(
            "policies.no_risk_policy.awareness",
            0.10,
            "share of employers",
            "SEO 2018: about 10% of employers know the policy at the moment of hiring "
            "(docs/sources.md)",
            "Share of employers who know the policy when they hire.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.no_risk_policy.cover_years",
            5.0,
            "years",
            "docs/sources.md: cover lasts 5 years from the start of employment",
            "How long a worker is covered after a hire.",
            lo=0.0,
            hi=50.0,
        ),
        _p(
            "policies.no_risk_policy.max_wage_value",
            1.0,
            "share of the minimum wage",
            "assumed: the target-group register holds people who cannot earn the minimum wage",
            "Bijstand recipients below this wage value are eligible (sheltered work always).",
            lo=0.0,
            hi=10.0,
        ),
    ]

    def setup(self, model):
        """Whom it reaches: the employers who know it when they hire (``awareness``), those to
        whom the service point brings a candidate, and those who learned it from a covered
        placement."""
        if not self.enabled:
            return
        self.inform(model, self.p["awareness"])

    def _eligible(self, model, rows):
        per = model.persons
        st = per.state[rows]
        return (st == State.SHELTERED) | (
            (st == State.SOCIAL_ASSISTANCE) & (per.wage_value[rows] < self.p["max_wage_value"])
        )

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active():
            return None
        covered = self._eligible(model, persons) & self.informed(model, employers, ctx)
        # an aware employer no longer counts the sick-pay risk of a covered candidate
        ctx["perceived_sick_risk"] = np.where(covered, 0.0, ctx["perceived_sick_risk"])
        return np.where(covered, ctx["sick_risk"], 0.0)

    def on_hire(self, model, persons, employers):
        if not self.active():
            return
        per = model.persons
        # eligibility is judged on the state before the hire (placements of the target group)
        placed = persons[per.target_job[persons]]
        if len(placed) == 0:
            return
        origin = model.placements.origin[per.placement[placed]]
        ok = (origin == State.SHELTERED) | (per.wage_value[placed] < self.p["max_wage_value"])
        per.no_risk_until[placed[ok]] = model.month + int(round(12 * self.p["cover_years"]))

    def touched(self, model, persons):
        """Every covered placement is one of the policy's; decisive only through the hiring
        value of an employer who knew the policy."""
        if not self.enabled:
            return None
        return model.persons.no_risk_until[persons] >= model.month, np.zeros(len(persons), bool)

    def sick_cover(self, model, sick):
        if not self.active():
            return None
        return model.persons.no_risk_until[sick] >= model.month

"""Transition support "with the root ball" (kluit) from sheltered work to a regular employer.

"You don't just replant an old tree; you move it with its root ball" (TNO 2017, DOMAIN.md). A
person moving from sheltered work gets a job coach, may move along with a colleague or small
group, builds up hours gradually, the employer gets guidance, and keeps a right to return to
sheltered work. It acts on the relapse hazard (lower, growing with intensity and group size),
on the employer's willingness (the coach takes over supervision, guidance lowers perceived
risk) and on search (the programme actively seeks employers). Paid by the municipality.
"""

from __future__ import annotations

import numpy as np

from sim.params import _p
from sim.policies.base import Policy, window_params
from sim.state import State

ROOT_BALL = 2  # support_kind code


class RootBall(Policy):
    name = "root_ball"
    label = "root-ball transition support"
    PARAMS = [
        *window_params("root_ball", "root-ball transition support"),
        _p("policies.root_ball.intensity", 0.5, "share of a full package (8 coach hours/week)",
           "assumed: 1.0 = about 8 hours of job coaching a week at the start",
           "Intensity of the support.", lo=0.0, hi=1.0),
        _p("policies.root_ball.duration_months", 12, "months",
           "assumed: UWV job coaching typically runs up to a few years, intensive in year one",
           "How long the support lasts after the move.", lo=1, hi=120),
        _p("policies.root_ball.group_size", 1, "persons",
           "TNO 2017: a colleague or small group moves along", "People who move together "
           "(1 = alone).", lo=1, hi=10),
        _p("policies.root_ball.relapse_reduction", 1.2, "log hazard at full intensity",
           "assumed: strong support roughly thirds the early relapse hazard",
           "Reduction of the relapse log-hazard at intensity 1 while supported.", lo=0.0, hi=5.0),
        _p("policies.root_ball.right_to_return", True, "switch",
           "TNO 2017: a right to return to sheltered work", "Relapsed participants go back to "
           "sheltered work instead of bijstand.", ),
        _p("policies.root_ball.search_boost", 2.0, "relative at full intensity",
           "assumed: the programme actively looks for employers",
           "Extra transition attempts of ready participants at intensity 1.", lo=0.0, hi=20.0),
        _p("policies.root_ball.cost_per_person_month_eur", 1200.0, "EUR per month at intensity 1",
           "assumed: ~8 hours of job coaching a week at ~EUR 35/hour plus employer guidance",
           "Cost of support per supported person per month.", lo=0.0, hi=20000.0),
    ]

    def _i(self):
        return self.p["intensity"]

    def search_factor(self, model, persons):
        if not self.active():
            return None
        sw = model.persons.state[persons] == State.SHELTERED
        return np.where(sw, 1.0 + self.p["search_boost"] * self._i(), 1.0)

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active():
            return None
        sw = model.persons.state[persons] == State.SHELTERED
        # the coach takes over supervision; guidance halves the perceived sick-pay risk
        ctx["perceived_sick_risk"] = ctx["perceived_sick_risk"] - np.where(
            sw, self._i() * 0.5 * ctx["sick_risk"], 0.0)
        return np.where(sw, self._i() * (ctx["supervision"] + 0.5 * ctx["sick_risk"]), 0.0)

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
        group = 1.0 / (1.0 + 0.15 * (self.p["group_size"] - 1))
        return np.where(on, np.exp(-self.p["relapse_reduction"] * self._i()) * group, 1.0)

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
        on = np.flatnonzero((per.support_kind == ROOT_BALL) & (per.support_left > 0)
                            & (per.state <= State.POOL))
        if not self.active():
            per.support_left[on] = 0  # policy stopped: support ends for everyone
            return
        eur = len(on) * self.p["cost_per_person_month_eur"] * self._i() * (
            1 + 0.25 * (self.p["group_size"] - 1) / self.p["group_size"])
        model.ledger.book("municipality", "root_ball_support", eur)
        self.spent_eur += eur
        per.support_left[on] -= 1

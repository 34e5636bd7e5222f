"""Regional career paths: sequences of jobs and training across the region's employers.

Participants who have held their job for a while take a step up: training raises their skill
level and wage value, and they move to an open job at another employer of the region. The job
they leave opens for others (a vacancy chain), which is how a career path also makes room at
the entry level for people from the target group.
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import Column, CostItem, Policy, window_params
from sim.schema import _p
from sim.state import Cause, State


class CareerPaths(Policy):
    name = "career_paths"
    label = "regional career paths"
    PERSON_COLUMNS = {"career_path": Column(np.bool_, "has taken a step on a career path")}
    COST_ITEMS = {"career_paths": CostItem("municipality", "training and coordination of steps")}
    PARAMS = [
        *window_params("career_paths", "regional career paths"),
        _p(
            "policies.career_paths.paths",
            20,
            "paths",
            "assumed: at scale 1",
            "Number of regional career paths.",
            lo=0,
            hi=10000,
        ),
        _p(
            "policies.career_paths.participants_per_path",
            15,
            "persons per year",
            "assumed",
            "Participants who take a step on each path each year.",
            lo=0,
            hi=1000,
        ),
        _p(
            "policies.career_paths.min_tenure_months",
            12,
            "months",
            "assumed",
            "Months in the current job before a step.",
            lo=0,
            hi=240,
        ),
        _p(
            "policies.career_paths.wage_value_gain",
            0.2,
            "share of the minimum wage",
            "assumed: a step with training raises productivity",
            "Gain in wage value from a step.",
            lo=0.0,
            hi=2.0,
        ),
        _p(
            "policies.career_paths.cost_per_step_eur",
            3000.0,
            "EUR per step",
            "assumed: training and coordination",
            "Cost of one career step.",
            lo=0.0,
            hi=1e6,
        ),
    ]

    def month_end(self, model):
        if not self.active():
            return
        per, e, rng = model.persons, model.employers, model.streams.policies
        k = rng.poisson(self.p["paths"] * self.p["participants_per_path"] * model.scale / 12)
        if k == 0:
            return
        tenure = model.month - per.job_start
        cand = np.flatnonzero(
            (per.state == State.EMPLOYED)
            & (per.level < 2)
            & (tenure >= self.p["min_tenure_months"])
            & ~e.external[np.maximum(per.employer, 0)]
        )
        open_emp = np.flatnonzero((e.vacancies > 0) & ~e.external & ~e.is_pool)
        if len(cand) == 0 or len(open_emp) == 0:
            return
        movers = rng.choice(cand, size=min(k, len(cand)), replace=False)
        dest = rng.choice(open_emp, size=len(movers))
        reach = model.commute_weights[per.home[movers], e.node[dest]] > 0
        ok = reach & (dest != per.employer[movers])
        movers, dest = movers[ok], dest[ok]
        # each vacancy takes one mover
        dest, first = np.unique(dest, return_index=True)
        movers = movers[first]
        if len(movers) == 0:
            return
        old = per.employer[movers]
        np.subtract.at(e.headcount, old, 1)
        np.add.at(e.headcount, dest, 1)
        np.subtract.at(e.vacancies, dest, 1)
        per.employer[movers] = dest
        per.job_start[movers] = model.month
        per.level[movers] += 1
        per.wage_value[movers] += self.p["wage_value_gain"]
        per.sector[movers] = e.sector[dest]
        per.career_path[movers] = True
        model.move(movers, State.EMPLOYED, Cause.PROMOTION)
        eur = len(movers) * self.p["cost_per_step_eur"]
        model.ledger.book("municipality", "career_paths", eur)
        self.spent_eur += eur
        model.month_counts["career_steps"] = len(movers)

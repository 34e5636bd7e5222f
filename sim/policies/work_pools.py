"""Work pools: employers that each have slightly too little work pool it into real jobs.

TNO 2017 (docs/sources.md): cooperatives that pool the work of firms that each have slightly too
little work. Joining employers with slack (less than one job of unused work) within commuting
reach of each other form a pool; the pool is an employer of its own whose jobs are the sum of
its members' slack (moving with their demand), deployed across the members. The municipality
pays a coordination cost per pool job. No figures on pools' size or effect exist (docs/sources.md),
so the parameters are assumptions to explore. When the policy stops, the pools dissolve.
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import Column, CostItem, Policy, window_params
from sim.processes.demand import MAX_LOG_DEMAND
from sim.schema import _p
from sim.state import Cause, State


class WorkPools(Policy):
    name = "work_pools"
    label = "work pools"
    EMPLOYER_COLUMNS = {
        "pool": Column(np.int32, "the work pool (employer row) it is a member of, -1", fill=-1)
    }
    COST_ITEMS = {"pool_coordination": CostItem("municipality", "coordination of pool jobs")}
    PARAMS = [
        *window_params("work_pools", "work pools"),
        _p(
            "policies.work_pools.join_share",
            0.5,
            "share of employers with slack",
            "assumed: no figures on pools (docs/sources.md)",
            "Share of employers with slack that join a pool.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.work_pools.max_member_minutes",
            30.0,
            "minutes",
            "assumed: members must be within commuting reach of each other",
            "Largest travel time between a pool's home municipality and a member.",
            lo=0.0,
            hi=600.0,
        ),
        _p(
            "policies.work_pools.coordination_cost_eur_month",
            400.0,
            "EUR per pool job per month",
            "assumed: planning and travel between members, paid by the municipality",
            "Coordination cost per filled pool job.",
            lo=0.0,
            hi=10000.0,
        ),
        _p(
            "policies.work_pools.coordination_subsidy_share",
            1.0,
            "share",
            "assumed: the municipality carries the coordination cost",
            "Share of the coordination cost the municipality pays (the rest lowers the pool's "
            "hiring value).",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.work_pools.separation_factor",
            0.8,
            "hazard multiplier",
            "assumed: a pool spreads the risk of one member's slack falling away",
            "Multiplier on the separation hazard of pool jobs (contract stability).",
            lo=0.0,
            hi=5.0,
        ),
        _p(
            "policies.work_pools.target_group_only",
            True,
            "switch",
            "design: pools are set up for people at a distance from the labour market",
            "Pools hire only from bijstand and sheltered work.",
        ),
    ]

    def setup(self, model):
        self.pool_rows = np.zeros(0, dtype=np.int64)
        self.formed = False

    def _form(self, model):
        """Group joining slack employers around municipalities, largest slack first."""
        e, rng = model.employers, model.streams.policies
        if getattr(model, "employer_survey", None) is not None:
            model.employer_survey.apply_slack(model)  # the slack employers reported
        joins = (e.slack > 0) & ~e.external & ~e.is_pool & (rng.random(e.n) < self.p["join_share"])
        cand = np.flatnonzero(joins)
        slack_by_node = np.bincount(
            e.node[cand], weights=e.slack[cand], minlength=model.region.n_nodes
        )
        minutes = model.region.travel_minutes
        free = np.ones(e.n, bool)
        rows = []
        for node in np.argsort(-slack_by_node, kind="stable"):
            near = minutes[node, e.node[cand]] <= self.p["max_member_minutes"]
            members = cand[near & free[cand]]
            if e.slack[members].sum() < 1.0:
                continue
            free[members] = False
            sectors = np.bincount(e.sector[members], minlength=model.region.n_sectors)
            row = e.append(
                1,
                node=node,
                sector=int(np.argmax(sectors)),
                base_size=0,
                incommuters=0,
                target=0,
                pressure=float(e.pressure[members].mean()),
                openness=1.0,
                slack=0,
                pool=-1,
                is_pool=True,
                external=False,
                supervise=1.0,
                experience=1.0,
            )[0]
            e.pool[members] = row
            rows.append(row)
        from sim.agents import Employer

        for r in rows:
            model.employer_agents.append(Employer(model, int(r)))
        self.pool_rows = np.array(rows, dtype=np.int64)
        self.formed = True

    def adjust_targets(self, model):
        if not self.enabled:
            return
        if not self.formed and self.active():
            self._form(model)
        if len(self.pool_rows) == 0:
            return
        e = model.employers
        if not self.active():
            e.target[self.pool_rows] = 0
            return
        members = np.flatnonzero(e.pool >= 0)
        log_level = (
            model.demand[model.month][e.node[members], e.sector[members]] + e.demand_dev[members]
        )
        level = np.exp(np.clip(log_level, -MAX_LOG_DEMAND, MAX_LOG_DEMAND))
        pooled = np.bincount(e.pool[members], weights=e.slack[members] * level, minlength=e.n)
        e.target[self.pool_rows] = np.floor(pooled[self.pool_rows])

    def hiring_value(self, model, persons, employers, ctx):
        if not self.active() or len(self.pool_rows) == 0:
            return None
        at_pool = model.employers.is_pool[employers]
        own_cost = (1 - self.p["coordination_subsidy_share"]) * self.p[
            "coordination_cost_eur_month"
        ]
        blocked = (
            at_pool & ~ctx["target"] if self.p["target_group_only"] else np.zeros_like(at_pool)
        )
        return np.where(at_pool, -own_cost, 0.0) - np.where(blocked, 1e9, 0.0)

    def touched(self, model, persons):
        """A pool job exists only through the pools, so the instrument is decisive for the
        hire itself (whether the person would have found other work shows in the paired
        deadweight)."""
        if not self.enabled:
            return None
        pool = model.persons.state[persons] == State.POOL
        return pool, pool

    def separation_factor(self, model, persons):
        if not self.enabled:
            return None
        return np.where(
            model.persons.state[persons] == State.POOL, self.p["separation_factor"], 1.0
        )

    def month_end(self, model):
        if not self.enabled or len(self.pool_rows) == 0:
            return
        per = model.persons
        in_pool = np.flatnonzero(per.state == State.POOL)
        if not self.active():
            if len(in_pool):
                model.end_jobs(in_pool, Cause.POOL_END)  # the pools dissolve
            return
        eur = (
            len(in_pool)
            * self.p["coordination_cost_eur_month"]
            * self.p["coordination_subsidy_share"]
        )
        model.ledger.book("municipality", "pool_coordination", eur)
        self.spent_eur += eur

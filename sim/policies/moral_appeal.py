"""A moral-appeal campaign to employers: the comparison TNO 2017 calls insufficient.

The campaign makes a share of the employers that were not open to inclusive hiring open to it;
the effect fades. It adds to the inclusion value only, not to the business case (productivity
against wage cost and risk), which is why TNO argues it is not enough on its own.
"""

from __future__ import annotations

import numpy as np

from sim.policies.base import CostItem, Policy, window_params
from sim.schema import _p


class MoralAppeal(Policy):
    name = "moral_appeal"
    label = "a moral-appeal campaign"
    COST_ITEMS = {"moral_appeal": CostItem("municipality", "campaign and account management")}
    PARAMS = [
        *window_params("moral_appeal", "a moral-appeal campaign"),
        _p(
            "policies.moral_appeal.reach",
            0.3,
            "share of closed employers",
            "assumed",
            "Share of employers not yet open to inclusive hiring that the campaign persuades.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.moral_appeal.openness",
            0.25,
            "0-1 (willing employers: employers.openness_min to 1)",
            "assumed: TNO 2017 (docs/sources.md) calls a moral appeal insufficient: it does not "
            "change the business case, and the employers it persuades are the least open",
            "Openness of a persuaded employer: it drops its reluctance and attaches the "
            "inclusion value at this weight.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.moral_appeal.half_life_months",
            12.0,
            "months",
            "assumed",
            "Months until half of the persuaded employers have lapsed.",
            lo=0.1,
            hi=1200.0,
        ),
        _p(
            "policies.moral_appeal.cost_eur_per_year",
            100_000.0,
            "EUR per year",
            "assumed: campaign and account management (at scale 1)",
            "Cost of the campaign.",
            lo=0.0,
            hi=1e8,
        ),
    ]

    def setup(self, model):
        self.persuaded = np.zeros(0, dtype=np.int64)
        self.started = False

    def month_start(self, model):
        if not self.enabled:
            return
        e, rng = model.employers, model.streams.policies
        if self.active() and not self.started:
            closed = np.flatnonzero((e.openness == 0) & ~e.is_pool)
            self.persuaded = closed[rng.random(len(closed)) < self.p["reach"]]
            self.started = True
        if len(self.persuaded):
            lapse = rng.random(len(self.persuaded)) < 1 - 0.5 ** (1 / self.p["half_life_months"])
            self.persuaded = self.persuaded[~lapse]

    def hiring_value(self, model, persons, employers, ctx):
        """Whom it reaches: the persuaded employers (``reach`` of the unwilling ones, lapsing
        with a half-life) while they are still unwilling. What it changes: they drop the
        reluctance of an unwilling employer and attach the inclusion value at ``openness``."""
        if not self.enabled or len(self.persuaded) == 0:
            return None
        mask = np.zeros(model.employers.n, bool)
        mask[self.persuaded] = True
        mask &= model.employers.openness <= 0  # converted by experience: willing anyway
        p = model.p
        add = (
            p["employers.unwilling_penalty"] + p["employers.inclusion_value"] * self.p["openness"]
        ) * p["finance.minimum_wage_eur_month"]
        return np.where(mask[employers] & ctx["seen"], add, 0.0)

    def month_end(self, model):
        if self.active():
            eur = self.p["cost_eur_per_year"] / 12 * model.scale
            model.ledger.book("municipality", "moral_appeal", eur)
            self.spent_eur += eur

"""Short-term growth forecasting with employers, so schools train for the work that is coming.

Today's monitors look 4-5 years ahead (ROA 5 years, UWV 2 years; docs/sources.md). With this
instrument employers share their expected growth and schools choose programmes by a forecast
with a short horizon and better accuracy (``sim/processes/training.py`` uses it).
"""

from __future__ import annotations

from sim.policies.base import CostItem, Policy, window_params
from sim.schema import _p


class Forecasting(Policy):
    name = "forecasting"
    label = "short-term forecasting with employers"
    COST_ITEMS = {"forecasting": CostItem("municipality", "the regional forecasting team")}
    PARAMS = [
        *window_params("forecasting", "short-term forecasting with employers"),
        _p(
            "policies.forecasting.horizon_months",
            6,
            "months",
            "TNO 2017: forecast shorter than the 4-5 years of today's monitors (docs/sources.md)",
            "Horizon of the shared forecast.",
            lo=1,
            hi=120,
        ),
        _p(
            "policies.forecasting.accuracy",
            0.8,
            "0-1",
            "assumed: employers know their own short-term growth fairly well",
            "Accuracy of the shared forecast.",
            lo=0.0,
            hi=1.0,
        ),
        _p(
            "policies.forecasting.cost_eur_per_year",
            150_000.0,
            "EUR per year",
            "assumed: a regional monitoring team (FIRE step 3, TNO 2017)",
            "Cost of running the forecast with employers (at scale 1).",
            lo=0.0,
            hi=1e8,
        ),
    ]

    def forecast(self, model):
        if not self.active():
            return None
        return int(self.p["horizon_months"]), float(self.p["accuracy"])

    def month_end(self, model):
        if self.active():
            eur = self.p["cost_eur_per_year"] / 12 * model.scale
            model.ledger.book("municipality", "forecasting", eur)
            self.spent_eur += eur

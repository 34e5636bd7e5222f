"""Schools: training programmes per sector, chosen by a demand forecast.

Each school has places for jobseekers (bijstand and WW). It fills free places each month and
chooses the sector of each new course by the growth it expects: a forecast ``horizon`` months
ahead whose ``accuracy`` mixes the true future demand (drawn at the start of the run) with
noise. Today's monitors look 4-5 years ahead (docs/sources.md), which says little about the jobs
open when a six-month course ends; the forecasting policy shortens the horizon.
"""

from __future__ import annotations

import numpy as np

from sim.state import Cause, State



def forecast_growth(model) -> np.ndarray:
    """Expected log growth of regional demand per sector over the forecast horizon."""
    horizon, accuracy = model.p["schools.forecast_horizon_months"], model.p["schools.forecast_accuracy"]
    for pol in model.policies:
        f = pol.forecast(model)
        if f is not None:
            horizon, accuracy = f
    t = model.month
    jobs_w = model.sector_weights  # nodes x sectors
    now = (model.demand[t] * jobs_w).sum(0) / jobs_w.sum(0).clip(1e-9)
    ahead = (model.demand[t + int(horizon)] * jobs_w).sum(0) / jobs_w.sum(0).clip(1e-9)
    true = ahead - now
    sd = max(float(np.std(true)), model.p["employers.sector_cycle_sd"] * 3)
    noise = model.streams.training.normal(0.0, sd, len(true))
    return accuracy * true + (1 - accuracy) * noise


def train(model) -> None:
    """Progress courses, release graduates with a new sector, fill free places."""
    per, p, rng = model.persons, model.p, model.streams.training
    in_training = np.flatnonzero(per.state == State.TRAINING)
    if len(in_training):
        per.training_left[in_training] -= 1
        done = in_training[per.training_left[in_training] <= 0]
        if len(done):
            per.sector[done] = per.training_sector[done]
            per.wage_value[done] += p["schools.wage_value_gain"]
            skilled = per.wage_value[done] > p["population.skilled_wage_value"]
            per.level[done] = np.minimum(per.level[done] + skilled, 2)
            per.months_out[done] //= 2
            model.move(done, per.return_state[done], Cause.TRAINING_END)
    growth = forecast_growth(model)
    model.month_counts["forecast_max_growth"] = float(growth.max())
    free = model.school_capacity - np.bincount(
        per.home[per.state == State.TRAINING], minlength=model.region.n_nodes
    )
    if free.sum() <= 0:
        return
    cand_mask = (
        ((per.state == State.SOCIAL_ASSISTANCE) & per.ready)
        | ((per.state == State.UNEMPLOYED_WW) & (per.months_out >= 3))
    ) & (per.sick == 0)
    cand = np.flatnonzero(cand_mask)
    if len(cand) == 0:
        return
    rng.shuffle(cand)
    order = np.argsort(per.home[cand], kind="stable")
    cand = cand[order]
    homes = per.home[cand]
    rank = np.arange(len(cand)) - np.searchsorted(homes, homes, side="left")
    chosen = cand[rank < np.maximum(free, 0)[homes]]
    if len(chosen) == 0:
        return
    shares = model.sector_weights.sum(0)
    z = p["schools.forecast_responsiveness"] * growth
    if abs(z.max()) > 700:  # exp would overflow (or vanish for every sector): shift it
        z = z - z.max()
    w = shares / shares.sum() * np.exp(z)
    per.training_sector[chosen] = rng.choice(len(w), size=len(chosen), p=w / w.sum())
    per.training_left[chosen] = p["schools.duration_months"]
    per.return_state[chosen] = per.state[chosen]
    model.move(chosen, State.TRAINING, Cause.TRAINING_START)

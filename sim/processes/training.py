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


def forecast_settings(model) -> tuple[int, float]:
    """(horizon in months, accuracy) of the region's forecast: the schools' default, or the
    forecasting policy's short-term forecast while it runs."""
    horizon, accuracy = model.policies.forecast(
        model.p["schools.forecast_horizon_months"], model.p["schools.forecast_accuracy"]
    )
    return int(horizon), float(accuracy)


def sector_level(model, month: int) -> np.ndarray:
    """Regional log demand index per sector in ``month`` (municipalities weighted by jobs)."""
    jobs_w = model.sector_weights  # nodes x sectors
    return (model.demand[month] * jobs_w).sum(0) / jobs_w.sum(0).clip(1e-9)


def forecast_growth(model, rng: np.random.Generator | None = None) -> np.ndarray:
    """Expected log growth of regional demand per sector over the forecast horizon.

    ``rng`` draws the forecast's noise (default: the schools' stream); an employers' survey
    (``forecasting.employer_survey``) replaces the true growth for the months it covers.
    """
    horizon, accuracy = forecast_settings(model)
    t = model.month
    true = sector_level(model, t + horizon) - sector_level(model, t)
    survey = getattr(model, "employer_survey", None)
    if survey is not None:
        true = survey.expected_growth(model, t, horizon, true)
    p = model.p
    sd = max(
        float(np.std(true)), p["employers.sector_cycle_sd"] * p["schools.forecast_noise_min_sds"]
    )
    noise = (model.streams.training if rng is None else rng).normal(0.0, sd, len(true))
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
            kept = np.floor(per.months_out[done] * p["schools.months_out_kept_share"])
            per.months_out[done] = kept.astype(per.months_out.dtype)
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
        | ((per.state == State.UNEMPLOYED_WW) & (per.months_out >= p["schools.ww_min_months_out"]))
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

"""The status quo holds still: with no policy change, 120 months after the burn-in the bijstand
stock, its duration shares, unemployment and vacancies stay within bands (DRIFT_BANDS).

Drift is systematic, noise is not: the mean change over seeds must lie inside the band, and no
single seed may move more than three bands (small scale: a few hundred recipients)."""

from __future__ import annotations

import pytest

from analysis.validation import DRIFT_BANDS, drift_runs

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("drift")

SEEDS = (11, 12, 13, 14)


@pytest.fixture(scope="module")
def drift():
    return drift_runs(scale=0.04, months=120, seeds=SEEDS)


@pytest.mark.parametrize("name", list(DRIFT_BANDS))
def test_status_quo_does_not_drift_over_120_months(drift, name):
    change = drift[f"{name}_change"]
    band = DRIFT_BANDS[name]
    assert abs(change.mean()) <= band, (
        f"{name} drifts by {change.mean():+.4f} on average over {len(SEEDS)} seeds "
        f"(band {band}); per seed: {change.round(4).tolist()}"
    )
    assert (change.abs() <= 3 * band).all(), change.round(4).tolist()


def test_status_quo_starts_near_the_region_figures(drift):
    # docs/sources.md: 12,340 on bijstand in Flevoland (scale 0.04: ~494), ~7% unemployed
    assert 0.85 <= drift["sa_stock_start"].mean() / (12_340 * 0.04) <= 1.15
    assert 0.055 <= drift["unemployment_rate_start"].mean() <= 0.09

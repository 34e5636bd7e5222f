"""Designs (analysis/designs.py): grid order, sampled designs deterministic and in range."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.designs import Factor, make_design, salib_problem

X = Factor("labour_market.separation_rate", "uncertainty", float, low=0.004, high=0.012)
N = Factor("policies.root_ball.duration_months", "lever", int, low=3, high=24)
B = Factor("policies.root_ball.right_to_return", "lever", bool, values=(True, False))
G = Factor("matching.applications_per_month", "uncertainty", float, values=(0.3, 0.45, 0.6))


def test_grid_is_full_factorial_last_factor_fastest():
    d = make_design("grid", (B, G))
    assert len(d) == 6 and d.matrix is None
    assert d.points[0] == {B.key: True, G.key: 0.3}
    assert d.points[1] == {B.key: True, G.key: 0.45}
    assert d.points[3] == {B.key: False, G.key: 0.3}
    assert len({tuple(p.values()) for p in d.points}) == 6


@pytest.mark.parametrize(
    "kind,samples,expected",
    [
        ("latin", 7, 7),
        ("sobol", 8, 8 * (2 + 2)),  # Saltelli: N (D + 2) without second-order indices
        ("morris", 5, 5 * (2 + 1)),  # trajectories of D + 1 points
    ],
)
def test_sampled_designs_are_deterministic_sized_and_in_range(kind, samples, expected):
    a = make_design(kind, (X, N), samples=samples, seed=123)
    b = make_design(kind, (X, N), samples=samples, seed=123)
    assert len(a) == expected
    assert a.points == b.points and np.array_equal(a.matrix, b.matrix)
    for p in a.points:
        assert X.low <= p[X.key] <= X.high and isinstance(p[X.key], float)
        assert N.low <= p[N.key] <= N.high and isinstance(p[N.key], int)
    c = make_design(kind, (X, N), samples=samples, seed=124)
    assert c.points != a.points


def test_sobol_second_order_doubles_the_cross_samples():
    d = make_design("sobol", (X, N), samples=4, seed=1, second_order=True)
    assert len(d) == 4 * (2 * 2 + 2)


def test_latin_hypercube_stratifies_every_factor():
    d = make_design("latin", (X,), samples=10, seed=5)
    unit = (d.matrix[:, 0] - X.low) / (X.high - X.low)
    assert sorted(np.floor(unit * 10).astype(int)) == list(range(10))  # one point per stratum


def test_morris_steps_change_one_factor_at_a_time():
    d = make_design("morris", (X, N), samples=3, seed=9, levels=4)
    for t in range(3):
        traj = d.matrix[t * 3 : (t + 1) * 3]
        changed = (np.diff(traj, axis=0) != 0).sum(axis=1)
        assert (changed == 1).all()


def test_salib_problem_and_unknown_design():
    assert salib_problem((X,))["bounds"] == [[0.004, 0.012]]
    with pytest.raises(ValueError, match="allowed: grid, latin, sobol, morris"):
        make_design("random", (X,), samples=3)


@settings(max_examples=40, deadline=None)
@given(
    lo=st.integers(-50, 50),
    width=st.integers(0, 30),
    n=st.integers(1, 20),
    seed=st.integers(0, 2**63 - 1),
)
def test_integer_factors_round_into_their_range(lo, width, n, seed):
    f = Factor("x", "lever", int, low=float(lo), high=float(lo + width) + 0.4)
    d = make_design("latin", (f,), samples=n, seed=seed)
    vals = [p["x"] for p in d.points]
    assert all(isinstance(v, int) and lo <= v <= lo + width for v in vals)

"""The fast matching step against its simple per-agent oracle (``tests/oracle/reference.py``).

Both see the same draws (counter-based uniforms per person, month and application, and the same
calls on the matching stream), so on tiny populations they must hire exactly the same people
into the same jobs, month after month, with and without policy instruments.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from oracle import reference  # tests/oracle/reference.py (tests/ is on the path)

from sim.model import LabourMarketModel
from sim.processes import matching

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = [
    "scenarios/baseline.toml",
    "scenarios/policies/package.toml",
    "scenarios/validation/textbook.toml",
]
SCALE, MONTHS = 0.01, 12


def _digest(model) -> str:
    sys.path.insert(0, str(ROOT / "tests" / "data"))
    try:
        from make_golden import trajectory_digest
    finally:
        sys.path.pop(0)
    return trajectory_digest(model)


def _model(scenario="scenarios/baseline.toml", seed=1, months=MONTHS, run=0):
    m = LabourMarketModel(ROOT / scenario, scale=SCALE, months=months, rng=seed, check=True)
    m.run(run)
    return m


@pytest.fixture(scope="module")
def mid_run():
    """A tiny baseline model six months in (people out of work, open vacancies, placements)."""
    return _model(run=6)


def test_search_intensity_matches_the_reference(mid_run):
    fast = matching.search_intensity(mid_run)
    slow = reference.search_intensity(mid_run)
    assert np.count_nonzero(fast > 0) > 20
    np.testing.assert_array_equal(fast > 0, slow > 0)
    np.testing.assert_allclose(fast, slow, rtol=1e-12, atol=0)


def test_vacancy_slots_are_numbered_the_same_way(mid_run):
    vac_emp, _, _ = matching._vacancy_list(mid_run)
    assert vac_emp.tolist() == reference.open_vacancies(mid_run)


def test_applications_match_the_reference(mid_run):
    m = mid_run
    vac_emp, counts, starts = matching._vacancy_list(m)
    lam = matching.search_intensity(m)
    who, slot, app_no = matching.applications(m, lam, counts, starts, vac_emp)
    slow = reference.applications(m, lam, reference.open_vacancies(m))
    assert len(slow) > 10
    assert list(zip(who.tolist(), slot.tolist(), app_no.tolist())) == slow


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_runs_with_the_reference_matching_are_identical(scenario, seed, monkeypatch):
    fast = _model(scenario, seed)
    fast.run()
    monkeypatch.setattr(matching, "match", reference.match)
    slow = _model(scenario, seed)
    slow.run()
    assert sum(r["counts"].get("hires", 0) for r in fast.series) > 20
    assert _digest(fast) == _digest(slow)
    # the same instruments touched, and were decisive for, the same placements
    np.testing.assert_array_equal(fast.placements.touched, slow.placements.touched)
    np.testing.assert_array_equal(fast.placements.decisive, slow.placements.decisive)
    for a, b in zip(fast.series, slow.series):
        assert a["counts"] == b["counts"], f"month {a['month']}"
    np.testing.assert_array_equal(
        fast.employers.refusals_sickness, slow.employers.refusals_sickness
    )
    np.testing.assert_array_equal(fast.persons.employer, slow.persons.employer)
    assert fast.placements.n == slow.placements.n

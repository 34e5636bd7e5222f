"""The shipped baseline's results are unchanged by the performance work (issue 5).

``tests/data/golden_before_optimisation.json`` holds the outcomes of ``scenarios/baseline.toml``
(scale 0.02, 24 months, seeds 1..20) recorded by ``tests/data/make_golden.py`` from the last
revision before the optimisations. The optimisations keep every random draw, so each seed must
give the very same trajectory; the statistical test states the weaker promise that any later
change which alters draws (but not their distribution) must still keep.

A deliberate change of model behaviour makes both tests fail: regenerate the file with
``tests/data/make_golden.py`` in the same commit and say why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

DATA = Path(__file__).parent / "data"
GOLDEN = json.loads((DATA / "golden_before_optimisation.json").read_text())
#: family-wise false-alarm rate of the statistical comparison (Bonferroni over outcomes)
FAMILY_ALPHA = 0.01


def _make_golden():
    sys.path.insert(0, str(DATA))
    try:
        import make_golden
    finally:
        sys.path.remove(str(DATA))
    return make_golden


@pytest.fixture(scope="module")
def now() -> dict[int, tuple[dict[str, float], str]]:
    """Outcomes and trajectory digest of every golden seed, from the code as it is now."""
    mg = _make_golden()
    return {s: mg.outcomes(s, GOLDEN["scale"], GOLDEN["months"]) for s in GOLDEN["seeds"]}


def test_same_seed_gives_the_same_trajectory_as_before(now):
    changed = [r["seed"] for r in GOLDEN["runs"] if now[r["seed"]][1] != r["digest"]]
    assert not changed, (
        f"seeds {changed} no longer reproduce the trajectory recorded at "
        f"{GOLDEN['git_revision'][:10]}: a change altered random draws or behaviour"
    )


def test_outcome_means_are_statistically_unchanged(now):
    before = [r["outcomes"] for r in GOLDEN["runs"]]
    after = [now[r["seed"]][0] for r in GOLDEN["runs"]]
    keys = sorted(set.intersection(*(set(o) for o in before + after)))
    assert len(keys) > 40, "the summary lost most of its outcomes"
    alpha = FAMILY_ALPHA / len(keys)
    failures = []
    for k in keys:
        a = np.array([o[k] for o in before])
        b = np.array([o[k] for o in after])
        if a.std() == 0 and b.std() == 0:
            if not np.isclose(a.mean(), b.mean(), rtol=1e-9, atol=0):
                failures.append(f"{k}: constant {a.mean()} before, {b.mean()} now")
            continue
        p = stats.ttest_ind(a, b, equal_var=False).pvalue
        if p < alpha:
            failures.append(f"{k}: mean {a.mean():.6g} before, {b.mean():.6g} now (p={p:.2g})")
    assert not failures, "outcomes moved beyond sampling error:\n" + "\n".join(failures)

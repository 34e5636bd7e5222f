"""Fifty-year runs stay stable, and the same seed gives the same bytes (issue 8).

Long runs: 600 months at scale 0.01 (Flevoland, a synthetic region, with and without the
instrument package) under ``check=True``. Stable means: the labour force stays within 15% of
its start, employment within 20%, every other stock within a sensible share of the labour
force, vacancies below half the jobs, entrants as many as the entry rate explains, and no
drift left at the end (the last decade differs from the one before by less than 4% of the
labour force: the model has reached its steady state). Bounds are loose on purpose; they catch
explosions and leaks, not calibration.

Reproducibility: ``kluit run`` with the same scenario and seed writes byte-identical
summary.json, monthly.csv and placements.csv, in this process and in fresh processes with
different hash seeds; another seed gives another result.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from sim.scenario import load_scenario
from sim.state import State

from test_hardening_common import ROOT, Counts, kluit, run_checked

YEARS = 50
MONTHS = 12 * YEARS
FILES = ("summary.json", "monthly.csv", "placements.csv")

counts = Counts("long")


@pytest.fixture(scope="module", autouse=True)
def _flush_counts():
    yield
    counts.flush()


def assert_stable(m) -> None:
    st = np.array([r["stocks"].sum(axis=0) for r in m.series], dtype=float)
    assert len(st) == MONTHS + 1
    lf = st[:, : State.INACTIVE].sum(axis=1)
    lf0 = lf[0]
    assert 0.85 * lf0 <= lf.min() and lf.max() <= 1.15 * lf0, (lf.min() / lf0, lf.max() / lf0)
    employed = st[:, State.EMPLOYED] + st[:, State.SUBSIDISED] + st[:, State.POOL]
    assert 0.8 * employed[0] <= employed.min() and employed.max() <= 1.2 * employed[0]
    for s, share in (
        (State.UNEMPLOYED_WW, 0.15),
        (State.NO_BENEFIT, 0.15),
        (State.SOCIAL_ASSISTANCE, 0.25),
        (State.SHELTERED, 0.1),
        (State.TRAINING, 0.05),
        (State.SUBSIDISED, 0.1),
        (State.POOL, 0.1),
    ):
        assert st[:, s].max() <= share * lf0, (State(s).name, st[:, s].max() / lf0)
    last, before = st[-120:].mean(axis=0), st[-240:-120].mean(axis=0)
    drift = np.abs(last - before)[: State.INACTIVE] / lf0
    assert drift.max() < 0.04, {State(s).name: round(float(d), 3) for s, d in enumerate(drift)}
    vac = np.array([r["vacancies"].sum() for r in m.series])
    jobs = np.array([r["jobs"].sum() for r in m.series])
    assert (vac <= 0.5 * jobs).all()
    entrants = sum(r["counts"].get("entries", 0) for r in m.series[1:])
    # entrants replace those who left the labour force for good (demography.entry_rate per one)
    left = sum(int(r["flows"][:, : State.INACTIVE, State.INACTIVE].sum()) for r in m.series[1:])
    expected = m.p["demography.entry_rate"] * left
    assert 0.9 * expected <= entrants <= 1.1 * expected, (entrants, expected)
    costs = np.array([sum(r["costs"].values()) for r in m.series[1:]])
    assert np.isfinite(costs).all() and (costs >= 0).all()
    counts["years simulated"] += YEARS


@pytest.mark.parametrize(
    "scenario,region,seed",
    [
        ("baseline.toml", "synthetic:3:0", 1),
        ("baseline.toml", None, 2),
        ("policies/package.toml", None, 3),
        ("shocks/subsidy_stop.toml", "synthetic:3:0", 4),
    ],
    ids=["baseline-synthetic", "baseline-flevoland", "package-flevoland", "subsidy-stop-synthetic"],
)
def test_fifty_years_stay_stable(scenario, region, seed):
    scen = load_scenario(ROOT / "scenarios" / scenario)
    m = run_checked(scen, region=region, scale=0.01, months=MONTHS, seed=seed, counts=counts)
    assert_stable(m)
    s = m.summary()
    assert s["months"] == MONTHS and s["sustained_placement_rate_24m"] is not None


def test_fifty_years_through_the_command(tmp_path):
    o = kluit(
        "run",
        ROOT / "scenarios" / "baseline.toml",
        "--check",
        "--months",
        str(MONTHS),
        "--scale",
        "0.01",
        "--set",
        "run.region=synthetic:2:3",
        "--out",
        tmp_path,
    )
    assert o.rc == 0 and "Traceback" not in o.err, str(o)
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["months"] == MONTHS
    import pandas as pd

    monthly = pd.read_csv(tmp_path / "monthly.csv")
    assert monthly["month"].max() == MONTHS and not monthly["value"].isna().any()
    counts["years simulated"] += YEARS


# --- reproducibility -------------------------------------------------------------------------


def _run(path: Path, out: Path, seed: int, *extra: str):
    o = kluit(
        "run", path, "--scale", "0.01", "--months", "30", "--seed", str(seed), *extra, "--out", out
    )
    assert o.rc == 0, str(o)
    return {f: (out / f).read_bytes() for f in FILES}


@pytest.mark.parametrize(
    "scenario", ["baseline.toml", "policies/package.toml", "shocks/subsidy_stop.toml"]
)
def test_same_seed_same_bytes_other_seed_other_result(scenario, tmp_path):
    path = ROOT / "scenarios" / scenario
    a = _run(path, tmp_path / "a", 11)
    b = _run(path, tmp_path / "b", 11)
    assert a == b
    counts["runs compared byte for byte"] += 1
    c = _run(path, tmp_path / "c", 12)
    assert c["summary.json"] != a["summary.json"]
    assert json.loads(c["summary.json"])["seed"] == 12
    counts["runs compared (other seed)"] += 1


def test_same_bytes_in_fresh_processes_with_other_hash_seeds(tmp_path):
    path = ROOT / "scenarios" / "policies" / "package.toml"
    here = _run(path, tmp_path / "here", 5)
    exe = Path(sys.executable).with_name("kluit")
    for hash_seed in ("0", "12345"):
        out = tmp_path / f"hash{hash_seed}"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run(
            [
                str(exe),
                "run",
                str(path),
                "--scale",
                "0.01",
                "--months",
                "30",
                "--seed",
                "5",
                "--out",
                str(out),
            ],
            check=True,
            env=env,
            capture_output=True,
            timeout=300,
        )
        assert {f: (out / f).read_bytes() for f in FILES} == here, f"PYTHONHASHSEED={hash_seed}"
        counts["runs compared byte for byte"] += 1


def test_the_seed_in_the_file_is_the_seed_used(tmp_path):
    """--seed and run.seed in the file give the same run: the metadata is enough."""
    scen = tmp_path / "seeded.toml"
    scen.write_text(
        f'extends = "{(ROOT / "scenarios" / "baseline.toml").as_posix()}"\n[run]\nseed = 77\n'
    )
    from_file = _run(scen, tmp_path / "file", 77)
    o = kluit("run", scen, "--scale", "0.01", "--months", "30", "--out", tmp_path / "nosd")
    assert o.rc == 0
    assert {f: (tmp_path / "nosd" / f).read_bytes() for f in FILES} == from_file
    counts["runs compared byte for byte"] += 1

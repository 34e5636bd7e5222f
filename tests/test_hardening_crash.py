"""Crashes lose nothing, and any run is reproducible from the metadata (issue 8).

A sweep started with the public command (``kluit sweep``) is killed with SIGKILL at seeded
random moments (during start-up, between runs, during consolidation) and resumed again and
again; the final results must equal those of an uninterrupted sweep exactly: no run lost,
none duplicated, no corrupt or half-written file. Then ``kluit rerun`` reproduces runs bit for
bit from the result folder, whichever backend ran them (1 worker, 2 worker processes, Dask).
Only the public commands and the documented folder layout (docs/sweeps.md) are used.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from test_hardening_common import ROOT, Counts, kluit

pytestmark = pytest.mark.xdist_group("dask")

KLUIT = Path(sys.executable).with_name("kluit")
BASE = ROOT / "tests" / "data" / "sweeps" / "base.toml"
#: 4 x 4 points x 3 replications = 48 short runs on the synthetic test region
SWEEP_TEXT = f"""\
name = "hardening_crash"
description = "Killed and resumed again and again by tests/test_hardening_crash.py."
base = "{BASE.as_posix()}"
design = "grid"
replications = 3
months = 13
scale = 0.3
master_seed = 808
outcomes = ["placement_rate_12m", "relapse_rate_12m", "public_cost_eur", "unemployment_rate"]

[levers."labour_market.separation_rate"]
values = [0.004, 0.006, 0.008, 0.01]

[uncertainties."matching.applications_per_month"]
values = [0.3, 0.4, 0.5, 0.6]
"""
N_RUNS = 48
N_OUTCOMES = 4

counts = Counts("crash")


@pytest.fixture(scope="module", autouse=True)
def _flush_counts():
    yield
    counts.flush()


@pytest.fixture(scope="module")
def sweep_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sweep") / "crash.toml"
    path.write_text(SWEEP_TEXT)
    return path


@pytest.fixture(scope="module")
def reference(sweep_file, tmp_path_factory) -> Path:
    """The uninterrupted sweep, in this process (--workers 1)."""
    out = tmp_path_factory.mktemp("reference") / "out"
    o = kluit("sweep", sweep_file, "--out", out, "--workers", "1")
    assert o.rc == 0, str(o)
    return out


def finished(out: Path) -> set[str]:
    runs = out / "runs"
    return {p.stem for p in runs.glob("*.parquet")} if runs.is_dir() else set()


def assert_no_corrupt_file(out: Path) -> None:
    """Every visible result file is complete and readable (temporary files are hidden)."""
    for p in sorted(out.rglob("*.parquet")):
        pq.read_table(p)  # raises on a truncated or half-written file
    if (out / "metadata.json").exists():
        json.loads((out / "metadata.json").read_text())
    if (out / "results.parquet").exists():  # consolidation is all or nothing
        assert pq.read_metadata(out / "results.parquet").num_rows == N_RUNS * N_OUTCOMES


def assert_same_results(a: Path, b: Path) -> None:
    for name in ("results.parquet", "monthly.parquet"):
        x, y = pd.read_parquet(a / name), pd.read_parquet(b / name)
        pd.testing.assert_frame_equal(x, y, check_exact=True)
    counts["result sets compared"] += 1
    counts["runs compared"] += N_RUNS


def assert_complete(out: Path) -> None:
    meta = json.loads((out / "metadata.json").read_text())
    planned = list(meta["runs"]["key"])  # metadata.json keeps the runs as columns
    results = pd.read_parquet(out / "results.parquet")
    assert len(planned) == N_RUNS == len(set(planned))
    assert set(results["run_key"]) == set(planned), "a run is lost"
    assert not results.duplicated(["run_key", "outcome"]).any(), "a run is counted twice"
    assert len(results) == N_RUNS * N_OUTCOMES
    assert finished(out) == set(planned)
    assert not list(out.rglob("*.tmp")), "temporary files left behind"


def _start(sweep_file: Path, out: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(KLUIT), "sweep", str(sweep_file), "--out", str(out), "--workers", "2", "--batch", "1"],
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # own group: its workers die with it


def _wait(proc: subprocess.Popen, until, timeout: float = 600.0) -> bool:
    """Poll until ``until()`` is true; False if the sweep ended first."""
    deadline = time.monotonic() + timeout
    while not until():
        if proc.poll() is not None:
            return False
        assert time.monotonic() < deadline, "the sweep made no progress"
        time.sleep(0.01)
    return True


@pytest.mark.slow
def test_sweep_killed_again_and_again_resumes_to_the_uninterrupted_result(
    sweep_file, reference, tmp_path
):
    out, log = tmp_path / "out", tmp_path / "sweep.log"
    rng = random.Random(20261127)  # seeded: the same kill moments every time
    kills, attempts = 0, 0
    while kills < 8 and attempts < 16:
        attempts += 1
        before = finished(out)
        proc = _start(sweep_file, out, log)
        mode = ("time", "runs", "runs", "consolidation")[kills % 4]
        if mode == "time":  # anywhere: start-up, metadata, planning or runs
            t0, wait = time.monotonic(), rng.uniform(0.1, 2.5)
            alive = _wait(proc, lambda t0=t0, wait=wait: time.monotonic() - t0 > wait)
        elif mode == "runs":
            more = rng.randint(1, 8)
            alive = _wait(
                proc, lambda before=before, more=more: len(finished(out) - before) >= more
            )
        else:  # the moment every run is written: consolidation is starting
            alive = _wait(proc, lambda: len(finished(out)) == N_RUNS)
        if alive and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            kills += 1
            counts["crashes survived (SIGKILL)"] += 1
            counts[f"kills during {mode}"] += 1
        else:
            proc.wait()
        assert before <= finished(out), "a finished run disappeared"
        assert_no_corrupt_file(out)
        if proc.returncode == 0:  # it finished before the kill: start again from scratch
            shutil.rmtree(out)
    assert kills >= 8, f"only {kills} kills landed; log:\n{log.read_text()[-3000:]}"
    o = kluit("sweep", sweep_file, "--out", out, "--workers", "2")  # finish (or confirm)
    assert o.rc == 0, str(o)
    assert_complete(out)
    assert_same_results(reference, out)
    text = log.read_text()
    assert "Traceback" not in text.replace("KeyboardInterrupt", ""), text[-3000:]


def test_a_stray_temporary_file_does_not_count_as_a_run(sweep_file, reference, tmp_path):
    """A half-written file left by a crash (hidden .tmp name) is not a finished run."""
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    victim = sorted(finished(out))[0]
    run_file = out / "runs" / f"{victim}.parquet"
    (out / "runs" / f".{victim}.parquet.123.tmp").write_bytes(run_file.read_bytes()[:100])
    run_file.unlink()
    (out / "results.parquet").unlink()
    o = kluit("sweep", sweep_file, "--out", out, "--workers", "1")
    assert o.rc == 0, str(o)
    assert "1 of 48" in o.out or "47 from an earlier session" in o.out, o.out
    assert_complete(out)
    assert_same_results(reference, out)


@pytest.mark.slow
@pytest.mark.parametrize(
    "backend", [["--workers", "2"], ["--local-dask", "--workers", "2"]], ids=["2-processes", "dask"]
)
def test_backends_give_the_same_runs_and_rerun_reproduces_them(
    sweep_file, reference, tmp_path, backend
):
    out = tmp_path / "out"
    o = kluit("sweep", sweep_file, "--out", out, *backend)
    assert o.rc == 0, str(o)
    assert_complete(out)
    assert_same_results(reference, out)
    keys = sorted(finished(out))
    for key in random.Random(3).sample(keys, 3):
        r = kluit("rerun", out, key)
        counts["runs rerun bit for bit"] += 1
        assert r.rc == 0 and "identical" in r.out, str(r)


def test_rerun_of_the_reference_in_this_process(reference):
    for key in sorted(finished(reference))[:2]:
        r = kluit("rerun", reference, key[:8])  # a unique prefix is enough
        counts["runs rerun bit for bit"] += 1
        assert r.rc == 0 and "identical" in r.out, str(r)


@pytest.mark.parametrize(
    "args,text",
    [
        (["rerun", "{missing}", "abc"], "no such folder"),
        (["rerun", "{ref}", "zzzzzzzz"], "zzzzzzzz"),
        (["rerun", "{ref}", ""], "run key"),
    ],
)
def test_rerun_bad_input_is_exit_2(reference, tmp_path, args, text):
    o = kluit(*[a.format(missing=tmp_path / "nope", ref=reference) for a in args])
    assert "Traceback" not in o.err, str(o)
    assert o.rc == 2 and text in o.err, str(o)

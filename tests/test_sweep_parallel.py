"""Sweeps across processes: identical results with 1 and 2 workers and on a Dask LocalCluster,
and a sweep killed with SIGKILL half way resumes to the uninterrupted result.

These start worker processes, a Dask cluster and a sweep subprocess, so they share one xdist
group (run them with ``pytest -n 2 --dist loadgroup``; they then run in one worker, in turn).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from analysis.backends import DaskBackend, ProcessBackend, SerialBackend
from analysis.store import SweepStore
from analysis.sweep import load_sweep, run_sweep
from kluit.cli import main

pytestmark = pytest.mark.xdist_group("dask")

DATA = Path(__file__).parent / "data" / "sweeps"
SWEEP = DATA / "resume.toml"  # 3 x 3 points x 2 replications = 18 runs


def _frames(out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    return pd.read_parquet(out / "results.parquet"), pd.read_parquet(out / "monthly.parquet")


def _assert_same(a: Path, b: Path) -> None:
    for x, y in zip(_frames(a), _frames(b)):
        pd.testing.assert_frame_equal(x, y, check_exact=True)


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial") / "out"
    with SerialBackend() as b:
        report = run_sweep(load_sweep(SWEEP), out, b)
    assert report.done == 18 and report.failed == 0
    return out


def test_two_local_processes_give_identical_results(serial, tmp_path):
    out = tmp_path / "out"
    with ProcessBackend(2) as b:
        report = run_sweep(load_sweep(SWEEP), out, b, batch_size=3)
    assert report.done == 18
    _assert_same(serial, out)


def test_dask_local_cluster_gives_identical_results(serial, tmp_path):
    out = tmp_path / "out"
    with DaskBackend(None, workers=2) as b:
        assert b.workers == 2
        report = run_sweep(load_sweep(SWEEP), out, b)
    assert report.done == 18
    _assert_same(serial, out)


def test_sweep_killed_half_way_resumes_to_the_uninterrupted_result(serial, tmp_path):
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "kluit.cli",
        "sweep",
        str(SWEEP),
        "--out",
        str(out),
        "--workers",
        "2",
        "--batch",
        "1",
    ]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )  # its own group: the workers die with it
    store = SweepStore(out)
    deadline = time.monotonic() + 60
    try:
        while len(store.finished()) < 4:
            assert proc.poll() is None, "the sweep ended before it could be killed"
            assert time.monotonic() < deadline, "no runs finished within 60 s"
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    done_before = len(store.finished())
    assert 4 <= done_before < 18
    assert not (out / "results.parquet").exists()

    report = run_sweep(load_sweep(SWEEP), out, SerialBackend())
    assert report.skipped == done_before and report.done == 18 - done_before
    _assert_same(serial, out)


def test_cli_local_dask_option(serial, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["sweep", str(SWEEP), "--out", str(out), "--local-dask", "--workers", "2"]) == 0
    assert "Dask at local cluster" in capsys.readouterr().out
    _assert_same(serial, out)


def test_unreachable_scheduler_is_bad_input(tmp_path, capsys, monkeypatch):
    with pytest.raises(OSError):  # Dask's connection timeout is an OSError
        DaskBackend("tcp://127.0.0.1:9", timeout="1s")

    def unreachable(*args):
        raise TimeoutError("Timed out trying to connect to tcp://127.0.0.1:9 after 30 s")

    monkeypatch.setattr("kluit.commands.sweep.make_backend", unreachable)
    code = main(
        ["sweep", str(SWEEP), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler" in err and "Traceback" not in err

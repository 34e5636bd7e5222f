"""Sweeps in one process: sweep files, plans and seeds, result files, failures, resume,
metadata, rerun and analysis (analysis/sweep.py, store.py, sensitivity.py, kluit sweep/rerun/
analyse). The parallel backends and the kill-and-resume test are in test_sweep_parallel.py."""

from __future__ import annotations

import json
import math
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.experiments import replication_seeds
from analysis.store import SweepStore
from analysis.sweep import (
    design_size,
    load_sweep,
    outcome_values,
    plan,
    rerun,
    run_one,
    run_sweep,
)
from kluit.cli import main

DATA = Path(__file__).parent / "data" / "sweeps"
GRID = DATA / "grid_small.toml"


@pytest.fixture(scope="module")
def grid_dir(tmp_path_factory):
    """grid_small (4 points x 2 replications) run in this process."""
    out = tmp_path_factory.mktemp("grid") / "out"
    assert main(["sweep", str(GRID), "--out", str(out), "--workers", "1"]) == 0
    return out


# --- sweep files ---------------------------------------------------------------------------


def test_load_grid_sweep():
    s = load_sweep(GRID)
    assert s.design == "grid" and s.replications == 2 and s.months == 13 and s.scale == 0.3
    assert [f.key for f in s.levers] == ["labour_market.separation_rate"]
    assert [f.key for f in s.uncertainties] == ["matching.applications_per_month"]  # nested table
    assert s.base.name == "sweep_test_base" and s.base["run.region"] == "synthetic:3:0"
    assert s.n_runs() == 8


def test_plan_is_deterministic_and_keys_are_unique():
    a, b = plan(load_sweep(GRID)), plan(load_sweep(GRID))
    assert a == b
    assert len({r.key for r in a}) == len(a) == 8
    assert [(r.point, r.replication) for r in a] == [(p, r) for p in range(4) for r in range(2)]


def test_common_random_numbers_across_points_by_default():
    runs = plan(load_sweep(GRID))
    seeds = replication_seeds(7, 2)  # master_seed 7: the seeds kluit compare uses
    assert all(r.seed == seeds[r.replication] for r in runs)


def test_independent_seeds_per_point_when_asked(tmp_path):
    text = GRID.read_text().replace(
        "master_seed = 7", "master_seed = 7\ncommon_random_numbers = false"
    )
    f = tmp_path / "g.toml"
    f.write_text(text)
    shutil.copy(DATA / "base.toml", tmp_path / "base.toml")
    runs = plan(load_sweep(f))
    assert len({r.seed for r in runs}) == len(runs)
    assert plan(load_sweep(f)) == runs


def test_sweep_id_follows_content_not_formatting(tmp_path):
    shutil.copy(DATA / "base.toml", tmp_path / "base.toml")
    ref = load_sweep(GRID).sweep_id

    def sid(text):
        f = tmp_path / "s.toml"
        f.write_text(text)
        return load_sweep(f).sweep_id

    assert sid("# a comment\n" + GRID.read_text()) == ref
    assert sid(GRID.read_text().replace("0.005, 0.01", "0.005, 0.02")) != ref
    assert sid(GRID.read_text().replace("months = 13", "months = 14")) != ref
    assert load_sweep(GRID, {"scale": 0.2}).sweep_id != ref


def _bad(tmp_path, body: str, name="bad.toml") -> Path:
    shutil.copy(DATA / "base.toml", tmp_path / "base.toml")
    f = tmp_path / name
    f.write_text(body)
    return f


GOOD_HEAD = (
    'base = "base.toml"\ndesign = "grid"\nmonths = 13\nscale = 0.1\n'
    'outcomes = ["placement_rate_12m"]\n'
)
LEVER = '[levers."labour_market.separation_rate"]\nvalues = [0.005, 0.01]\n'

BAD = [
    # (file body, key the message must name, words it must contain)
    (GOOD_HEAD + "replication = 3\n" + LEVER, "replication", ["did you mean 'replications'"]),
    (
        GOOD_HEAD + '[levers."labour_market.separaton_rate"]\nvalues = [0.01]\n',
        "levers.labour_market.separaton_rate",
        ["did you mean 'labour_market.separation_rate'"],
    ),
    (
        GOOD_HEAD + '[levers."labour_market.separation_rate"]\nvalues = [0.01, 0.7]\n',
        "levers.labour_market.separation_rate.values[1]",
        ["got 0.7", "from 0 to 0.5"],
    ),
    (
        GOOD_HEAD.replace('"grid"', '"latin"\nsamples = 4')
        + '[uncertainties."labour_market.separation_rate"]\nlow = -0.1\nhigh = 0.01\n',
        "uncertainties.labour_market.separation_rate.low",
        ["from 0 to 0.5"],
    ),
    (
        GOOD_HEAD.replace('"grid"', '"latin"\nsamples = 4')
        + '[uncertainties."labour_market.separation_rate"]\nlow = 0.02\nhigh = 0.01\n',
        "uncertainties.labour_market.separation_rate.high",
        ["above low"],
    ),
    (
        GOOD_HEAD + '[levers."labour_market.separation_rate"]\nlow = 0.0\nhigh = 0.01\n',
        "levers.labour_market.separation_rate",
        ["values = [...]"],
    ),
    (
        GOOD_HEAD.replace('"grid"', '"sobol"\nsamples = 10')
        + '[levers."labour_market.separation_rate"]\nlow = 0.0\nhigh = 0.01\n',
        "samples",
        ["power of 2", "8 or 16"],
    ),
    (
        GOOD_HEAD.replace('"grid"', '"latin"\nsamples = 4')
        + '[levers."policies.root_ball.right_to_return"]\nlow = 0\nhigh = 1\n',
        "levers.policies.root_ball.right_to_return",
        ["numeric keys"],
    ),
    (
        GOOD_HEAD.replace('"placement_rate_12m"', '"placement_rate_1m"') + LEVER,
        "outcomes[0]",
        ["unknown outcome", "did you mean 'placement_rate_12m'"],
    ),
    (GOOD_HEAD.replace("outcomes", "#") + LEVER, "outcomes", ["missing"]),
    (
        GOOD_HEAD + '[levers."labour_market.separation_rate"]\nvalues = ["high"]\n',
        "levers.labour_market.separation_rate.values[0]",
        ["a number from 0 to 0.5"],
    ),
    (GOOD_HEAD + '[levers."run.seed"]\nvalues = [1, 2]\n', "levers.run.seed", ["master_seed"]),
    (GOOD_HEAD.replace('"base.toml"', '"nowhere.toml"') + LEVER, "base", ["no such scenario"]),
    (
        GOOD_HEAD.replace('"grid"', '"random"') + LEVER,
        "design",
        ["one of 'grid', 'latin', 'sobol', 'morris'"],
    ),
    (GOOD_HEAD + "samples = 4\n" + LEVER, "samples", ["not used by design 'grid'"]),
    (GOOD_HEAD.replace("months = 13", "months = 0") + LEVER, "months", ["from 1 to 1200"]),
    (GOOD_HEAD, "levers", ["no levers or uncertainties"]),
    (
        GOOD_HEAD + '[constants]\n"labour_market.separation_rate" = 0.01\n' + LEVER,
        "levers.labour_market.separation_rate",
        ["also set in [constants]"],
    ),
    (
        GOOD_HEAD + '[levers."labour_market.separation_rate"]\nvalues = [0.01, 0.01]\n',
        "levers.labour_market.separation_rate.values[1]",
        ["given twice"],
    ),
    (
        GOOD_HEAD.replace('"grid"', '"latin"\nsamples = 1000000\nreplications = 1000')
        + '[levers."labour_market.separation_rate"]\nlow = 0.001\nhigh = 0.01\n',
        "replications",
        ["1,000,000,000 runs", "at most 1,000,000 runs"],
    ),
]


@pytest.mark.parametrize("body,key,words", BAD, ids=[b[1] + ":" + b[2][0][:20] for b in BAD])
def test_bad_sweep_file_exits_2_naming_file_key_and_allowed(tmp_path, capsys, body, key, words):
    f = _bad(tmp_path, body)
    assert main(["sweep", str(f), "--out", str(tmp_path / "out"), "--workers", "1"]) == 2
    err = capsys.readouterr().err
    assert str(f) in err and f"key '{key}'" in err, err
    assert "allowed" in err or "did you mean" in err, err
    for w in words:
        assert w in err, err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_not_toml_and_missing_file_exit_2(tmp_path, capsys):
    f = _bad(tmp_path, "base = \n")
    assert main(["sweep", str(f)]) == 2
    assert "not valid TOML" in capsys.readouterr().err
    assert main(["sweep", str(tmp_path / "none.toml")]) == 2
    assert "no such sweep file" in capsys.readouterr().err


def test_bad_base_scenario_is_blamed_on_the_scenario_file(tmp_path, capsys):
    f = _bad(tmp_path, GOOD_HEAD + LEVER)
    (tmp_path / "base.toml").write_text("[labour_market]\nseparation_rate = 2.0\n")
    assert main(["sweep", str(f)]) == 2
    err = capsys.readouterr().err
    assert "base.toml" in err and "labour_market.separation_rate" in err and "allowed" in err


def test_outcome_values_flattens_groups_and_calibration():
    s = {
        "placement_rate_12m": 0.1,
        "relapse_rate_12m": None,
        "placements": 4,
        "seed": 9,
        "groups": {"social_assistance": {"placement_rate_12m": 0.2}},
        "calibration": {"sa_stock_start": 10},
        "scenario": "x",
        "policies": [],
    }
    v = outcome_values(s)
    assert v["placement_rate_12m"] == 0.1 and math.isnan(v["relapse_rate_12m"])
    assert v["social_assistance.placement_rate_12m"] == 0.2
    assert v["calibration.sa_stock_start"] == 10.0 and v["placements"] == 4.0
    assert "seed" not in v and "scenario" not in v


# --- running -------------------------------------------------------------------------------


def test_results_files_have_one_row_per_run_and_outcome(grid_dir):
    res = pd.read_parquet(grid_dir / "results.parquet")
    assert (grid_dir / "results.parquet").stat().st_mode & 0o044  # readable by others
    s = load_sweep(GRID)
    assert len(res) == 8 * len(s.outcomes)
    assert list(res.columns) == [
        "run_key",
        "point",
        "replication",
        "seed",
        "labour_market.separation_rate",
        "matching.applications_per_month",
        "outcome",
        "value",
    ]
    assert list(res["outcome"].unique()) == list(s.outcomes)
    assert res.groupby("run_key").size().eq(len(s.outcomes)).all()
    runs = plan(s)
    assert list(dict.fromkeys(res["run_key"])) == [r.key for r in runs]  # plan order
    placed = res[res.outcome == "placement_rate_12m"]["value"]
    assert placed.between(0, 1).all() and placed.nunique() > 1
    monthly = pd.read_parquet(grid_dir / "monthly.parquet")
    assert set(monthly["month"]) == set(range(14))  # month 0 and 13 months
    assert monthly.groupby("run_key")["month"].nunique().eq(14).all()
    assert "stock_social_assistance" in set(monthly["variable"])
    assert len(list((grid_dir / "runs").glob("*.parquet"))) == 8
    assert len(list((grid_dir / "monthly").glob("*.parquet"))) == 8


def test_metadata_records_everything_to_reproduce(grid_dir):
    meta = json.loads((grid_dir / "metadata.json").read_text())
    assert meta["sweep_text"] == GRID.read_text()
    assert meta["sweep_id"] == load_sweep(GRID).sweep_id
    assert meta["master_seed"] == 7 and meta["replications"] == 2
    assert meta["base_scenario"]["values"]["run.region"] == "synthetic:3:0"
    cols = meta["runs"]
    runs = plan(load_sweep(GRID))
    assert cols["key"] == [r.key for r in runs] and cols["seed"] == [r.seed for r in runs]
    assert cols["point"] == [r.point for r in runs]
    assert cols["replication"] == [r.replication for r in runs]
    assert meta["points"] == [dict(r.values) for r in runs[::2]]
    for pkg in ("kluit", "mesa", "numpy", "pandas", "SALib", "dask"):
        assert meta["versions"][pkg], pkg
    assert meta["git_revision"] is None or len(meta["git_revision"]) == 40
    assert meta["python"] == ".".join(map(str, sys.version_info[:3]))
    assert meta["started"] and meta["finished"]
    assert meta["counts"] == {"runs": 8, "finished": 8, "failed": 0}
    assert meta["sessions"][-1]["parent_peak_rss_mb"] > 0


def test_rerun_reproduces_a_run_bit_for_bit(grid_dir, capsys):
    key = pd.read_parquet(grid_dir / "results.parquet")["run_key"].iloc[-1]
    res = rerun(grid_dir, key[:6])
    assert res.key == key and res.matches, res.differences
    assert main(["rerun", str(grid_dir), key]) == 0
    assert "identical to the stored result" in capsys.readouterr().out
    assert main(["rerun", str(grid_dir), "zzzz"]) == 2
    assert "no run with key 'zzzz'" in capsys.readouterr().err


def test_rerun_notices_a_changed_result(grid_dir, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(grid_dir, copy)
    store = SweepStore(copy)
    key = sorted(store.finished())[0]
    path = store.runs_dir / f"{key}.parquet"
    df = pd.read_parquet(path)
    df.loc[0, "value"] += 1e-12
    df.to_parquet(path)
    assert main(["rerun", str(copy), key]) == 1
    assert "DIFFERS" in capsys.readouterr().out


def test_resume_skips_finished_runs_and_gives_the_same_result(grid_dir, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(grid_dir, copy)
    store = SweepStore(copy)
    lost = sorted(store.finished())[:3]
    for key in lost:  # as if the sweep had been killed before these finished
        (store.runs_dir / f"{key}.parquet").unlink()
    (copy / "results.parquet").unlink()
    (store.runs_dir / ".abc.parquet.x.tmp").write_bytes(b"half a file")
    meta = store.read_metadata()
    meta["versions"]["numpy"] = "0.1"  # as if the first session ran with other code
    store.write_metadata(meta)
    report = run_sweep(load_sweep(GRID), copy)
    assert (report.skipped, report.done, report.failed) == (5, 3, 0)
    assert any(n.startswith("numpy was 0.1 in an earlier session") for n in report.notes)
    assert not list(store.runs_dir.glob(".*.tmp"))
    for name in ("results.parquet", "monthly.parquet"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(grid_dir / name), pd.read_parquet(copy / name), check_exact=True
        )
    assert len(json.loads((copy / "metadata.json").read_text())["sessions"]) == 2


def test_out_dir_of_another_sweep_is_refused(grid_dir, capsys):
    assert main(["sweep", str(GRID), "--out", str(grid_dir), "--months", "14"]) == 2
    err = capsys.readouterr().err
    assert "holds another sweep" in err and "Traceback" not in err


def test_a_folder_in_use_by_another_sweep_is_refused(grid_dir, capsys):
    import fcntl

    with open(grid_dir / ".lock", "a") as held:  # as a running kluit sweep holds it
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert main(["sweep", str(GRID), "--out", str(grid_dir), "--workers", "1"]) == 2
    assert "another kluit sweep is writing" in capsys.readouterr().err


def test_failed_run_is_recorded_and_the_sweep_completes(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["sweep", str(DATA / "failing.toml"), "--out", str(out), "--workers", "1"]) == 1
    err = capsys.readouterr().err
    assert "1 runs failed" in err
    failed = list((out / "failed").glob("*.json"))
    assert len(failed) == 1
    rec = json.loads(failed[0].read_text())
    assert rec["values"] == {"run.region": "../regions/empty.toml"}
    assert "empty.toml" in rec["error"] and "Traceback" in rec["traceback"]
    res = pd.read_parquet(out / "results.parquet")
    assert list(res["point"]) == [0] and res["value"].notna().all()
    meta = json.loads((out / "metadata.json").read_text())
    assert meta["counts"] == {"runs": 2, "finished": 1, "failed": 1}
    # a second session retries only the failed run
    report = run_sweep(load_sweep(DATA / "failing.toml"), out)
    assert (report.skipped, report.done, report.failed) == (1, 0, 1)


@pytest.mark.parametrize(
    "path",
    sorted((Path(__file__).parent.parent / "scenarios" / "sweeps").glob("*.toml")),
    ids=lambda p: p.stem,
)
def test_shipped_sweep_files_load_and_their_first_run_works(path):
    sweep = load_sweep(path)
    runs = plan(sweep)
    assert len(runs) == sweep.n_runs() >= 200
    assert design_size(
        sweep.design, sweep.factors, sweep.samples, sweep.second_order
    ) * sweep.replications == len(runs)
    out, monthly = run_one(sweep.base, sweep.constants, 2, 0.01, sweep.outcomes, runs[0])
    assert list(out) == list(sweep.outcomes) and len(monthly)


def test_dry_run_writes_nothing(tmp_path, capsys):
    assert main(["sweep", str(GRID), "--out", str(tmp_path / "o"), "--dry-run"]) == 0
    assert "4 points x 2 replications = 8 runs" in capsys.readouterr().out
    assert not (tmp_path / "o").exists()


# --- analysis ------------------------------------------------------------------------------


def test_analyse_grid_writes_means_and_a_figure_per_factor(grid_dir, tmp_path, capsys):
    out = tmp_path / "a"
    assert main(["analyse", str(grid_dir), "--out", str(out)]) == 0
    means = pd.read_csv(out / "means.csv")
    assert len(means) == 4 * 4
    assert (means[means.outcome == "placement_rate_12m"]["n"] == 2).all()  # finite values only
    assert {"mean", "low", "high", "labour_market.separation_rate"} <= set(means.columns)
    for f in ("labour_market.separation_rate.png", "matching.applications_per_month.png"):
        assert (out / f).stat().st_size > 5000
    capsys.readouterr()
    assert main(["sensitivity", str(grid_dir / "nowhere")]) == 2
    assert "no such folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    "name,columns",
    [
        ("sobol_small", ["S1", "S1_conf", "ST", "ST_conf"]),
        ("morris_small", ["mu", "mu_star", "sigma", "mu_star_conf"]),
    ],
)
def test_sensitivity_indices_with_intervals(tmp_path, capsys, name, columns):
    out = tmp_path / "out"
    assert main(["sweep", str(DATA / f"{name}.toml"), "--out", str(out), "--workers", "1"]) == 0
    assert main(["sensitivity", str(out), "--resamples", "200"]) == 0
    kind = name.split("_")[0]
    table = pd.read_csv(out / "analysis" / f"{kind}.csv")
    assert len(table) == 2 * 2  # outcomes x factors
    for c in columns:
        assert table[c].notna().all(), c
    assert (table[columns[-1]] >= 0).all()
    assert (out / "analysis" / f"{kind}.png").stat().st_size > 5000
    first = table.copy()
    # bootstrap is seeded; --force: the analysis folder holds the first analysis
    assert main(["analyse", str(out), "--resamples", "200", "--force"]) == 0
    pd.testing.assert_frame_equal(first, pd.read_csv(out / "analysis" / f"{kind}.csv"))


def test_analyse_an_unfinished_sweep_says_how_to_finish(grid_dir, tmp_path, capsys):
    copy = tmp_path / "copy"
    shutil.copytree(grid_dir, copy)
    (copy / "results.parquet").unlink()
    assert main(["analyse", str(copy)]) == 2
    assert "run the same kluit sweep command again" in capsys.readouterr().err

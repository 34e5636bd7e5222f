"""kluit monitor: realised figures against the simulated band, flags, re-fit and bad files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.monitor import monitor, read_observed
from kluit.cli import main
from sim.region import get_region

ROOT = Path(__file__).resolve().parents[1]

#: one worker runs this module, so its module fixtures (the expensive runs) are built once
pytestmark = pytest.mark.xdist_group("monitor")

VARS = ["stock_social_assistance", "placements", "relapses", "vacancies"]
NAMES = get_region("flevoland").names
#: burn-in months of every run here, realised and simulated alike (default 240): the monitor's
#: bands, flags and re-fit are under test, not the steady state, and both sides start the same
BURN_IN = 60


def _short(tmp: Path, scenario: str) -> str:
    """``scenario`` with the short burn-in, as a scenario file."""
    path = tmp / f"short_{Path(scenario).stem}.toml"
    path.write_text(
        f'extends = "{(ROOT / scenario).as_posix()}"\nname = "{path.stem}"\n'
        f"run.burn_in_months = {BURN_IN}\n"
    )
    return str(path)


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> str:
    return _short(tmp_path_factory.mktemp("scen"), "scenarios/baseline.toml")


def _observed(tmp, scenario, months, upto, name, variables=VARS, areas=("all",)):
    """The region's 'realised' figures: a whole-region kluit run with another seed."""
    out = tmp / name
    scenario = _short(tmp, scenario)
    assert (
        main(
            [
                "run",
                scenario,
                "--scale",
                "1.0",
                "--months",
                str(months),
                "--seed",
                "5",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    m = pd.read_csv(out / "monthly.csv")
    keep = m[
        m.municipality.isin(areas) & m.variable.isin(variables) & (m.month >= 1) & (m.month <= upto)
    ]
    path = out / "observed.csv"
    keep.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def same(tmp_path_factory):
    return _observed(
        tmp_path_factory.mktemp("obs"),
        "scenarios/baseline.toml",
        24,
        18,
        "same",
        areas=("all", "Almere"),
    )


def test_another_seed_of_the_same_scenario_lies_inside_the_band(same, baseline):
    obs = read_observed(same, NAMES, 24)
    res = monitor(baseline, obs, months=24, scale=0.05, reps=6, refit=False)
    assert res.inside_share() >= 0.8, res.flags
    t = res.table
    assert set(t.phase) == {"observed", "forecast"}
    assert t[t.month > 18].observed.isna().all()
    assert (t.low <= t.high).all()


def test_recession_is_flagged_and_the_refit_moves_toward_it(tmp_path, baseline):
    path = _observed(
        tmp_path,
        "scenarios/shocks/recession.toml",
        36,
        30,
        "recession",
        variables=["stock_employed", "vacancies", "stock_social_assistance"],
    )
    obs = read_observed(path, NAMES, 36)
    res = monitor(
        baseline,
        obs,
        months=36,
        scale=0.04,
        reps=6,
        samples=8,
        rounds=2,
        fit_reps=2,
    )
    assert len(res.flags) >= 5
    # the recession starts in month 12: the flags come after it
    assert res.flags.month.min() >= 12
    assert res.distance_after < res.distance_before
    start, fitted = res.params["employers.sector_growth"]
    assert fitted < start  # the re-fit finds the demand falling
    # forecasts beyond the observed window come from the re-fit
    fc = res.table[res.table.phase == "forecast"]
    assert len(fc) and fc.refit_median.notna().all()


def test_cli_writes_table_and_page(same, baseline, tmp_path, capsys):
    out = tmp_path / "m"
    rc = main(
        [
            "monitor",
            baseline,
            str(same),
            "--months",
            "24",
            "--scale",
            "0.03",
            "--reps",
            "3",
            "--no-refit",
            "--out",
            str(out),
        ]
    )
    assert rc == 0
    t = pd.read_csv(out / "monitor.csv")
    for col in ("municipality", "variable", "month", "observed", "low", "high", "inside"):
        assert col in t.columns
    page = (out / "monitor.html").read_text()
    assert "data:image/png;base64" in page and "90% band" in page
    assert "inside the simulated 90% band" in capsys.readouterr().out


GOOD = "month,municipality,variable,value\n1,all,placements,10\n2,all,placements,12\n"


@pytest.mark.parametrize(
    "text, where",
    [
        (GOOD + "3,all,placement,12\n", "line 4, column 3"),
        (GOOD + "3,Amsterdam,placements,12\n", "line 4, column 2"),
        (GOOD + "30,all,placements,12\n", "line 4, column 1"),
        (GOOD + "4,all,placements,12\n", "line 4, column 1"),  # a gap: month 3 is missing
        (GOOD + "3,all,placements,many\n", "line 4, column 4"),
        (GOOD + "x,all,placements,1\n", "line 4, column 1"),
        (GOOD + "2,all,placements,12\n", "line 4, column 1"),  # given twice
        (GOOD + "3,Almere,relapses,1\n", "line 4, column 3"),  # relapses: whole region only
        ("month,area,variable,value\n1,all,placements,1\n", "line 1"),
        ("", "line 1"),
    ],
)
def test_bad_observed_files_name_line_and_column(text, where, tmp_path, capsys):
    path = tmp_path / "observed.csv"
    path.write_text(text)
    rc = main(["monitor", "scenarios/baseline.toml", str(path), "--months", "24"])
    assert rc == 2
    err = capsys.readouterr().err
    assert str(path) in err and where in err and "Traceback" not in err, err


def test_missing_observed_file_is_exit_2(tmp_path, capsys):
    assert main(["monitor", "scenarios/baseline.toml", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_bad_refit_parameter_is_exit_2(same, capsys):
    assert (
        main(
            [
                "monitor",
                "scenarios/baseline.toml",
                str(same),
                "--months",
                "24",
                "--params",
                "employers.nope",
            ]
        )
        == 2
    )
    assert "--params" in capsys.readouterr().err

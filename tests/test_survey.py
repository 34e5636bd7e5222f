"""The employers' survey (FIRE step 1) as scenario input: demand, forecast and pools use it."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from kluit.cli import main
from sim.model import LabourMarketModel
from sim.processes.training import forecast_growth
from sim.region import get_region
from sim.survey import read_survey

SCEN = "scenarios/policies/forecasting_survey.toml"
SAMPLE = "scenarios/data/employer_survey_flevoland.csv"


def _model(**kw):
    return LabourMarketModel(SCEN, rng=2, scale=0.05, months=24, **kw)


def test_sample_file_reads_and_covers_what_it_says():
    region = get_region("flevoland")
    s = read_survey(SAMPLE, region)
    a, lg = region.names.index("Almere"), region.sectors.index("logistics")
    assert s.covered[a, lg] and s.log_growth[a, lg] == pytest.approx(math.log1p(0.04))
    assert s.slack_jobs[a, lg] == 40
    ho = region.sectors.index("hospitality")
    internal = ~region.external
    assert s.covered[internal, ho].all() and not s.covered[~internal, ho].any()
    assert s.slack_jobs[internal, ho].sum() == pytest.approx(50)


def test_demand_follows_the_announced_growth():
    with_s = _model()
    without = _model(forecasting__employer_survey="")
    diff = with_s.demand - without.demand
    expected = (
        with_s.employer_survey.planned(np.arange(diff.shape[0]))
        * with_s.employer_survey.covered[None]
    )
    assert np.allclose(diff, expected)
    region = with_s.region
    a, lg = region.names.index("Almere"), region.sectors.index("logistics")
    assert diff[12, a, lg] == pytest.approx(math.log1p(0.04))  # reached after 12 months


def test_forecast_uses_the_announced_growth():
    m = _model(policies__forecasting__accuracy=1.0)
    g = forecast_growth(m)
    sec = m.region.sectors
    assert g[sec.index("logistics")] > 0 and g[sec.index("hospitality")] < 0
    # construction is not in the survey: the forecast is the true future there
    t, h = m.month, 6
    jobs_w = m.sector_weights
    true = ((m.demand[t + h] - m.demand[t]) * jobs_w).sum(0) / jobs_w.sum(0)
    assert g[sec.index("construction")] == pytest.approx(true[sec.index("construction")])


def test_pools_form_from_the_reported_slack():
    m = _model()
    m.step()
    e, region = m.employers, m.region
    a, lg = region.names.index("Almere"), region.sectors.index("logistics")
    cell = (e.node == a) & (e.sector == lg) & ~e.is_pool & ~e.external
    assert e.slack[cell].sum() == pytest.approx(40 * m.scale, rel=1e-4)
    assert (e.is_pool).any()


@pytest.mark.parametrize(
    "row, where",
    [
        ("Amsterdam,logistics,12,0.04,1", "line 2, column 1"),
        ("Almere,ships,12,0.04,1", "line 2, column 2"),
        ("Almere,logistics,0,0.04,1", "line 2, column 3"),
        ("Almere,logistics,12,lots,1", "line 2, column 4"),
        ("Almere,logistics,12,0.04,-3", "line 2, column 5"),
        ("Almere,logistics,12,0.04", "line 2"),
    ],
)
def test_bad_survey_rows_name_file_line_and_column(row, where, tmp_path, capsys):
    (tmp_path / "survey.csv").write_text(
        "municipality,sector,months_ahead,growth,slack_jobs\n" + row + "\n"
    )
    scen = tmp_path / "s.toml"
    scen.write_text(
        f'extends = "{Path(SCEN).resolve()}"\n[forecasting]\nemployer_survey = "survey.csv"\n'
    )
    assert (
        main(["run", str(scen), "--scale", "0.01", "--months", "2", "--out", str(tmp_path / "o")])
        == 2
    )
    err = capsys.readouterr().err
    assert "survey.csv" in err and where in err and "Traceback" not in err, err


def test_overlapping_rows_are_refused(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text(
        "municipality,sector,months_ahead,growth,slack_jobs\n"
        "all,logistics,12,0.01,\nAlmere,logistics,12,0.02,\n"
    )
    with pytest.raises(ValueError, match="line 3.*already covered by line 2"):
        read_survey(p, get_region("flevoland"))


def test_missing_survey_names_the_scenario_and_key(tmp_path, capsys):
    scen = tmp_path / "s.toml"
    scen.write_text('[forecasting]\nemployer_survey = "nope.csv"\n')
    assert (
        main(["run", str(scen), "--scale", "0.01", "--months", "2", "--out", str(tmp_path / "o")])
        == 2
    )
    err = capsys.readouterr().err
    assert "s.toml" in err and "forecasting.employer_survey" in err and "nope.csv" in err

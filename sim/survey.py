"""The employers' inventory (FIRE step 1, TNO 2017): what employers expect, as scenario input.

A region that sits down with its employers learns, per sector and municipality, how many jobs
they expect to add or shed in the coming months and how much unused work ("slack") they could
pool. ``forecasting.employer_survey = "file.csv"`` gives that inventory to a scenario (the path
is relative to the scenario file). The model uses it in three places:

- demand: the employers' plans come true on average, so the cell's demand follows the
  announced growth (a straight line in log demand over ``months_ahead`` months, then level)
  on top of the usual random sector cycle;
- the forecast (``sim/processes/training.py``): for sectors in the survey, the expected growth
  over the forecast horizon is the employers' announced growth, not the true future (they
  know their plans, not next year's shocks); the forecast's accuracy still mixes in noise;
- work pools (``sim/policies/work_pools.py``): the slack employers report in a cell replaces
  the drawn slack of its employers (same proportions), so pools form where employers said
  there is work to pool.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from sim.files import read_csv_rows

COLUMNS = ("municipality", "sector", "months_ahead", "growth", "slack_jobs")

FORMAT_MARKDOWN = """## Employers' survey file

`forecasting.employer_survey` names a CSV file (relative to the scenario file) with what the
region's employers expect: FIRE step 1, the inventory of shared interests (TNO 2017). A sample
ships as `scenarios/data/employer_survey_flevoland.csv`. One row per municipality and sector:

| Column | Allowed | Meaning |
|---|---|---|
| `municipality` | a municipality of the region (no outside area), or `all` | where they are |
| `sector` | a sector of the region, or `all` | which employers |
| `months_ahead` | a whole number from 1 to 120 | the months the expected growth refers to |
| `growth` | a number from -0.9 to 2 | expected change in jobs over those months (0.04 = 4% more) |
| `slack_jobs` | a number >= 0, or empty | work to pool, jobs in the region (empty: the model's) |

A municipality and sector may be covered once (a row with `all` covers every municipality or
sector it stands for). Lines starting with `#` are comments. Errors name the file, line and
column. The forecast uses the announced growth for the sectors in the file; demand follows it
on average; work pools form from the slack given.
"""


class SurveyError(ValueError):
    """A problem in the survey file, naming file, line and column."""

    def __init__(self, file: str, line: int, column: int | None, message: str):
        col = f", column {column} ({COLUMNS[column - 1]})" if column else ""
        super().__init__(f"{file}: line {line}{col}: {message}")


class EmployerSurvey:
    """Announced log growth, horizon and slack per (municipality, sector) cell."""

    def __init__(self, n_nodes: int, n_sectors: int, file: str = ""):
        self.file = file
        self.log_growth = np.zeros((n_nodes, n_sectors))
        self.months_ahead = np.ones((n_nodes, n_sectors), dtype=np.int64)
        self.covered = np.zeros((n_nodes, n_sectors), bool)
        self.slack_jobs = np.full((n_nodes, n_sectors), np.nan)

    def announce(self, cells, months_ahead: int, growth: float, slack_jobs: float) -> None:
        """Enter a row of the file for ``cells``: ``growth`` over ``months_ahead`` months and
        ``slack_jobs`` per cell (NaN: the employers' drawn slack stays)."""
        self.log_growth[cells] = math.log1p(growth)
        self.months_ahead[cells] = months_ahead
        self.covered[cells] = True
        if math.isfinite(slack_jobs):
            self.slack_jobs[cells] = slack_jobs

    def planned(self, months: np.ndarray | int) -> np.ndarray:
        """Announced log demand change from month 0 to ``months`` per cell: (T, nodes, sectors)."""
        t = np.atleast_1d(np.asarray(months, dtype=float))[:, None, None]
        return self.log_growth[None] * np.minimum(t / self.months_ahead[None], 1.0)

    def apply_to_demand(self, path: np.ndarray) -> None:
        """Add the announced growth to the demand path (months, nodes, sectors) in place."""
        path += self.planned(np.arange(path.shape[0])) * self.covered[None]

    def expected_growth(self, model, month: int, horizon: int, true: np.ndarray) -> np.ndarray:
        """Regional expected log growth per sector over [month, month + horizon]: the
        announced growth for sectors in the survey (weighted by jobs), ``true`` elsewhere."""
        w = model.sector_weights * self.covered
        step = (self.planned(month + horizon) - self.planned(month))[0]
        covered = w.sum(0) > 0
        announced = (step * w).sum(0) / np.where(covered, w.sum(0), 1.0)
        return np.where(covered, announced, true)

    def apply_slack(self, model) -> None:
        """Rescale employers' slack per cell to the reported slack (times the model's scale)."""
        e = model.employers
        nodes, sectors = np.nonzero(np.isfinite(self.slack_jobs))
        for n, s in zip(nodes, sectors):
            cell = np.flatnonzero((e.node == n) & (e.sector == s) & ~e.is_pool & ~e.external)
            if len(cell) == 0:
                continue
            want = self.slack_jobs[n, s] * model.scale
            have = float(e.slack[cell].sum())
            if have > 0:
                e.slack[cell] = e.slack[cell] * (want / have)
            else:
                e.slack[cell] = want / len(cell)


def read_survey(source: str | Path | bytes, region, name: str | None = None) -> EmployerSurvey:
    """Read and check a survey file for ``region``."""
    file, rows = read_csv_rows(source, name, "employer_survey.csv", SurveyError)
    lines = [
        (i, row)
        for i, row in enumerate(rows, start=1)
        if row and any(c.strip() for c in row) and not row[0].lstrip().startswith("#")
    ]
    _check_header(file, lines)
    internal = [n for n, ext in zip(region.names, region.external) if not ext]
    node_of = {n: i for i, n in enumerate(region.names)}
    sector_of = {s: i for i, s in enumerate(region.sectors)}
    survey = EmployerSurvey(region.n_nodes, region.n_sectors, file)
    seen = np.zeros((region.n_nodes, region.n_sectors), dtype=np.int64)  # line per cell
    for i, row in lines[1:]:
        area, sector, horizon, growth, slack = _survey_row(file, i, row, internal, region.sectors)
        nodes = [node_of[n] for n in internal] if area == "all" else [node_of[area]]
        secs = list(range(region.n_sectors)) if sector == "all" else [sector_of[sector]]
        cells = np.ix_(nodes, secs)
        if (seen[cells] > 0).any():
            other = int(seen[cells][seen[cells] > 0][0])
            raise SurveyError(
                file,
                i,
                None,
                f"{area}, {sector} is already covered by line "
                f"{other}; allowed: each municipality and sector once",
            )
        seen[cells] = i
        # a row for several cells: its slack is split evenly over them
        survey.announce(cells, horizon, growth, slack / (len(nodes) * len(secs)))
    return survey


def _check_header(file: str, lines: list[tuple[int, list[str]]]) -> None:
    """The first line that is not blank or a comment must be the header."""
    if not lines:
        raise SurveyError(
            file,
            1,
            None,
            "empty; allowed: a header "
            + ",".join(COLUMNS)
            + " and one row per municipality and sector",
        )
    head_line, header = lines[0]
    if [c.strip().lower() for c in header] != list(COLUMNS):
        raise SurveyError(
            file, head_line, None, f"header {','.join(header)!r}; allowed: " + ",".join(COLUMNS)
        )


def _survey_row(
    file: str, i: int, row: list[str], internal: list[str], sectors: list[str]
) -> tuple[str, str, int, float, float]:
    """The checked values of line ``i``: (area, sector, months ahead, growth, slack or NaN)."""
    if len(row) != len(COLUMNS):
        raise SurveyError(
            file,
            i,
            None,
            f"{len(row)} fields; allowed: {len(COLUMNS)} (" + ",".join(COLUMNS) + ")",
        )
    area, sector, h_txt, g_txt, s_txt = (c.strip() for c in row)
    if area != "all" and area not in internal:
        raise SurveyError(
            file,
            i,
            1,
            f"unknown municipality {area!r}; allowed: 'all' or one of " + ", ".join(internal),
        )
    if sector != "all" and sector not in sectors:
        raise SurveyError(
            file,
            i,
            2,
            f"unknown sector {sector!r}; allowed: 'all' or one of " + ", ".join(sectors),
        )
    try:
        horizon = int(h_txt)
    except ValueError:
        horizon = -1
    if not 1 <= horizon <= 120:
        raise SurveyError(file, i, 3, f"got {h_txt!r}, allowed: a whole number from 1 to 120")
    growth = _number(g_txt)
    if growth is None or not -0.9 <= growth <= 2.0:
        raise SurveyError(file, i, 4, f"got {g_txt!r}, allowed: a number from -0.9 to 2")
    slack = math.nan
    if s_txt:
        value = _number(s_txt)
        if value is None or value < 0:
            raise SurveyError(file, i, 5, f"got {s_txt!r}, allowed: a number >= 0 or empty")
        slack = value
    return area, sector, horizon, growth, slack


def _number(text: str) -> float | None:
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def load_for_scenario(scen, region, base_dir) -> EmployerSurvey | None:
    """The scenario's survey (``forecasting.employer_survey``), or None; errors name the
    survey file, line and column, or the scenario file and key when the file is missing."""
    from sim.scenario import ScenarioError

    name = scen.get("forecasting.employer_survey", "")
    if not name:
        return None
    path = Path(name) if Path(name).is_absolute() or base_dir is None else Path(base_dir) / name
    if not path.is_file():
        raise ScenarioError(
            f"no such file: {path}; allowed: a CSV file relative to the scenario file",
            scen.path,
            "forecasting.employer_survey",
        )
    try:
        return read_survey(path, region)
    except SurveyError as exc:
        raise ScenarioError(f"{exc} (the employers' survey)", None, None) from None

"""The monitor for interim evaluation (FIRE step 3): is the region on the simulated track?

A region that runs an instrument counts its realised monthly figures (whole-region numbers:
people on bijstand, placements, relapses, vacancies, ...). :func:`read_observed` reads them in
the tidy format of ``monthly.csv`` (month, municipality or ``all`` for the region, variable,
value) and names line and column of anything wrong. :func:`monitor` then

1. runs the scenario over replications at ``scale`` and scales every simulated count up to
   the whole region (divided by the scale); per observed series and month the 90% band is a
   prediction interval for one more run, mean +- t(0.95, R-1) * sd * sqrt(1 + 1/R) (with a
   handful of replications empirical quantiles are too ragged). A small scale makes the band
   wider than the region's own chance variation (fewer simulated people), never narrower;
2. flags every observed month outside the band;
3. re-fits the uncertain parameters to the observed months only, with the calibration
   machinery of ``analysis/calibrate.py`` (its search box, Latin hypercubes of shrinking size
   around the best point, common seeds for every point, the Huber loss of deviations measured
   in band half-widths), and
4. forecasts every month of the run from the re-fit (a new band), so the months not yet
   observed show where the region is heading if the re-fitted parameters hold.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.calibrate import latin_hypercube, search_box, target_loss, to_unit, to_values
from analysis.experiments import derive_seed, prepare, replication_seeds
from sim.files import read_csv_rows

#: the parameters re-fitted by default: the trend of demand (a recession, a boom), how often
#: jobs end and how actively people apply -- the ones a region's figures say most about
DEFAULT_REFIT_PARAMS = (
    "employers.sector_growth",
    "labour_market.separation_rate",
    "matching.applications_per_month",
)
#: variables a region can observe per municipality (and for the region, ``all``)
AREA_VARIABLES = (
    "stock_employed",
    "stock_subsidised",
    "stock_pool",
    "stock_unemployed_ww",
    "stock_no_benefit",
    "stock_social_assistance",
    "stock_sheltered",
    "stock_training",
    "hires",
    "placements",
    "job_to_benefit",
    "vacancies",
    "jobs",
)
#: monthly counters the model keeps for the whole region only
#: search ranges where the calibration default (a factor 3 around the value) does not fit:
#: demand trend around zero, within what a recession or a boom does in a year or two
REFIT_BOUNDS = {"employers.sector_growth": (-0.1, 0.1)}
REGION_VARIABLES = ("relapses", "separations", "layoffs", "entries")
COLUMNS = ("month", "municipality", "variable", "value")
REGION = "all"
#: one-sided 95% quantiles of Student's t (df 1..30), then normal: the 90% two-sided band
_T95 = [
    6.314,
    2.920,
    2.353,
    2.132,
    2.015,
    1.943,
    1.895,
    1.860,
    1.833,
    1.812,
    1.796,
    1.782,
    1.771,
    1.761,
    1.753,
    1.746,
    1.740,
    1.734,
    1.729,
    1.725,
    1.721,
    1.717,
    1.714,
    1.711,
    1.708,
    1.706,
    1.703,
    1.701,
    1.699,
    1.697,
]


class ObservedFileError(ValueError):
    """A problem in the observed figures, naming the file, line and column."""

    def __init__(self, file: str, line: int, column: int | None, message: str):
        self.file, self.line, self.column, self.message = file, line, column, message
        col = f", column {column} ({COLUMNS[column - 1]})" if column else ""
        super().__init__(f"{file}: line {line}{col}: {message}")


def read_observed(
    source: str | Path | bytes, region_names: Sequence[str], months: int, name: str | None = None
) -> pd.DataFrame:
    """Read and check the observed figures (a path, or the bytes of an uploaded file).

    Every row must name a known municipality (or ``all``), a variable the model counts there,
    a month from 0 to ``months`` and a number; a series (municipality, variable) must cover
    consecutive months, once each.
    """
    file, rows = read_csv_rows(source, name, "observed.csv", ObservedFileError)
    _check_header(file, rows)
    areas = {*region_names, REGION}
    out = [
        _observed_row(file, i, row, areas, months)
        for i, row in enumerate(rows[1:], start=2)
        if row and any(c.strip() for c in row)
    ]
    if not out:
        raise ObservedFileError(
            file, 2, None, "no figures; allowed: one row per month and series after the header"
        )
    df = pd.DataFrame(out, columns=[*COLUMNS, "line"])
    _check_series(file, df)
    return df.drop(columns="line").sort_values(
        ["municipality", "variable", "month"], ignore_index=True
    )


def _check_header(file: str, rows: list[list[str]]) -> None:
    """The first row must be the header of ``monthly.csv``."""
    if not rows or not any(c.strip() for c in rows[0]):
        raise ObservedFileError(
            file,
            1,
            None,
            "empty; allowed: a header " + ",".join(COLUMNS) + " and one row per month and series",
        )
    header = [c.strip().lower() for c in rows[0]]
    if header != list(COLUMNS):
        raise ObservedFileError(
            file,
            1,
            None,
            f"header {','.join(rows[0])!r}; allowed: "
            + ",".join(COLUMNS)
            + " (the format of monthly.csv)",
        )


def _observed_row(
    file: str, i: int, row: list[str], areas: set[str], months: int
) -> tuple[int, str, str, float, int]:
    """One checked figure of line ``i``: (month, municipality, variable, value, line)."""
    if len(row) != 4:
        raise ObservedFileError(
            file, i, None, f"{len(row)} fields; allowed: 4 (" + ",".join(COLUMNS) + ")"
        )
    m_txt, area, var, v_txt = (c.strip() for c in row)
    try:
        month = int(m_txt)
    except ValueError:
        raise ObservedFileError(
            file, i, 1, f"got {m_txt!r}, allowed: a whole number from 0 to {months}"
        ) from None
    if not 0 <= month <= months:
        raise ObservedFileError(
            file,
            i,
            1,
            f"month {month} is outside the run; allowed: "
            f"0 to {months} (set --months for a longer run)",
        )
    if area not in areas:
        raise ObservedFileError(
            file, i, 2, f"unknown municipality {area!r}; allowed: " + ", ".join(sorted(areas))
        )
    allowed = AREA_VARIABLES + (REGION_VARIABLES if area == REGION else ())
    if var not in allowed:
        extra = (
            f" ({var} is counted for the whole region only: municipality 'all')"
            if var in REGION_VARIABLES
            else ""
        )
        raise ObservedFileError(
            file, i, 3, f"unknown variable {var!r}{extra}; allowed: " + ", ".join(allowed)
        )
    try:
        value = float(v_txt)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise ObservedFileError(file, i, 4, f"got {v_txt!r}, allowed: a number")
    return month, area, var, value, i


def _check_series(file: str, df: pd.DataFrame) -> None:
    """Each series (municipality, variable) covers consecutive months, once each."""
    for (area, var), g in df.groupby(["municipality", "variable"], sort=False):
        g = g.sort_values(["month", "line"])
        dup = g[g.month.duplicated()]
        if len(dup):
            r = dup.iloc[0]
            raise ObservedFileError(
                file, int(r.line), 1, f"month {r.month} of {area} {var} is given twice"
            )
        gap = np.flatnonzero(np.diff(g.month.to_numpy()) > 1)
        if len(gap):
            a, b = g.iloc[gap[0]], g.iloc[gap[0] + 1]
            raise ObservedFileError(
                file,
                int(b.line),
                1,
                f"month {b.month} of {area} {var} "
                f"follows month {a.month}: a gap; allowed: consecutive "
                "months",
            )


# --------------------------------------------------------------------------- simulation


def _simulate(
    scenario,
    seeds: Sequence[int],
    months: int,
    scale: float,
    keys: Sequence[tuple[str, str]],
    overrides=(),
    tick=None,
) -> np.ndarray:
    """Simulated series scaled to the whole region: array (reps, series, months + 1)."""
    from sim.model import LabourMarketModel

    out = np.zeros((len(seeds), len(keys), months + 1))
    index = {k: j for j, k in enumerate(keys)}
    for r, s in enumerate(seeds):
        model = LabourMarketModel(
            prepare(scenario, seed=s, months=months, scale=scale, overrides=list(overrides))
        )
        model.run()
        m = model.monthly_table()
        m = m[m.set_index(["municipality", "variable"]).index.isin(keys)]
        for (area, var), g in m.groupby(["municipality", "variable"], sort=False):
            out[r, index[(area, var)], g.month.to_numpy()] = g.value.to_numpy()
        if tick:
            tick()
    return out / scale


def band(sims: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(low, mean, high): the 90% prediction band of one more run, per series and month."""
    reps = sims.shape[0]
    mean = sims.mean(axis=0)
    if reps < 2:
        return mean, mean, mean
    t = _T95[reps - 2] if reps - 1 <= len(_T95) else 1.645
    half = t * sims.std(axis=0, ddof=1) * math.sqrt(1 + 1 / reps)
    return mean - half, mean, mean + half


def window_distance(
    sim_mean: np.ndarray, observed: np.ndarray, half: np.ndarray, mask: np.ndarray
) -> float:
    """Mean Huber loss (``analysis.calibrate.target_loss``) of the deviations of the simulated
    mean from the observed figures, in half-widths of the first band, over observed months."""
    d = (sim_mean - observed)[mask] / half[mask]
    return float(np.mean([target_loss(x) for x in d])) if len(d) else math.nan


@dataclass
class MonitorResult:
    table: pd.DataFrame  # one row per series and month: observed, band, inside, re-fit band
    flags: pd.DataFrame  # one row per observed month outside the band
    params: dict[str, tuple[float, float]]  # re-fitted parameter -> (start, re-fit)
    distance_before: float
    distance_after: float
    settings: dict[str, Any] = field(default_factory=dict)

    def inside_share(self) -> float:
        obs = self.table.dropna(subset=["observed"])
        return float(obs.inside.mean()) if len(obs) else math.nan


def monitor(
    scenario,
    observed: pd.DataFrame,
    *,
    months: int | None = None,
    scale: float = 0.1,
    reps: int = 8,
    seed: int = 1,
    params: Sequence[str] = DEFAULT_REFIT_PARAMS,
    samples: int = 10,
    rounds: int = 3,
    fit_reps: int = 2,
    refit: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> MonitorResult:
    """Bands, flags, re-fit and forecast for ``observed`` (from :func:`read_observed`)."""
    from sim.scenario import Scenario, load_scenario

    scen = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    months = int(months or scen["run.months"])
    keys = list(dict.fromkeys(zip(observed.municipality, observed.variable)))
    obs = _observed_matrix(observed, keys, months)
    mask = np.isfinite(obs)
    last = int(observed.month.max())
    seeds = replication_seeds(derive_seed(seed, "monitor", "band"), reps)
    tick = _counter(progress, reps + (rounds * samples * fit_reps + reps if refit else 0))
    low, mean, high = _count_band(_simulate(scen, seeds, months, scale, keys, tick=tick))
    floor = np.maximum(1.0, 0.01 * np.abs(np.nan_to_num(obs)))
    half = np.maximum((high - low) / 2, floor)
    before = window_distance(mean, np.nan_to_num(obs), half, mask)
    fitted: dict[str, tuple[float, float]] = {}
    r_low, r_mean, r_high, after = low, mean, high, before
    if refit and params:
        start = {k: scen[k] for k in params}
        best = _refit(
            scen,
            keys,
            obs,
            half,
            params,
            start,
            min(months, last),
            scale=scale,
            seed=seed,
            samples=samples,
            rounds=rounds,
            fit_reps=fit_reps,
            tick=tick,
        )
        refit_sims = _simulate(scen, seeds, months, scale, keys, best.items(), tick)
        r_low, r_mean, r_high = _count_band(refit_sims)
        after = window_distance(r_mean, np.nan_to_num(obs), half, mask)
        fitted = {k: (float(start[k]), float(best[k])) for k in params}
    table = _monitor_table(keys, obs, last, (low, mean, high), (r_low, r_mean, r_high))
    return MonitorResult(
        table,
        _flags(table),
        fitted,
        before,
        after,
        {
            "scenario": scen.name,
            "months": months,
            "scale": scale,
            "reps": reps,
            "seed": seed,
            "last_observed_month": last,
            "params": list(params) if refit else [],
            "samples": samples,
            "rounds": rounds,
            "fit_reps": fit_reps,
        },
    )


def _observed_matrix(
    observed: pd.DataFrame, keys: Sequence[tuple[str, str]], months: int
) -> np.ndarray:
    """The observed figures as an array (series, months + 1), NaN where not observed."""
    obs = np.full((len(keys), months + 1), np.nan)
    for j, (area, var) in enumerate(keys):
        g = observed[(observed.municipality == area) & (observed.variable == var)]
        obs[j, g.month.to_numpy()] = g.value.to_numpy()
    return obs


def _counter(progress: Callable[[int, int], None] | None, total: int) -> Callable[[], None]:
    """A tick per simulated run, reported to ``progress`` as (runs done, ``total``)."""
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    return tick


def _count_band(sims: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`band`, its low end at least 0: every monitored figure is a count."""
    low, mean, high = band(sims)
    return np.maximum(low, 0.0), mean, high


def _refit(
    scen,
    keys: Sequence[tuple[str, str]],
    obs: np.ndarray,
    half: np.ndarray,
    params: Sequence[str],
    start: dict[str, Any],
    window: int,
    *,
    scale: float,
    seed: int,
    samples: int,
    rounds: int,
    fit_reps: int,
    tick: Callable[[], None],
) -> dict[str, Any]:
    """The parameter values nearest the observed months 0 to ``window`` (the calibration's
    search: Latin hypercubes in a box halving around the best point, ``start`` tried first)."""
    box = search_box(params, {k: v for k, v in REFIT_BOUNDS.items() if k in params}, start)
    rng = np.random.default_rng(derive_seed(seed, "monitor", "design"))
    fit_seeds = replication_seeds(derive_seed(seed, "monitor", "fit"), fit_reps)
    seen = np.nan_to_num(obs[:, : window + 1])
    seen_half, seen_mask = half[:, : window + 1], np.isfinite(obs[:, : window + 1])
    best, best_d = dict(start), math.inf
    center, width = to_unit(start, box), 1.0
    for rnd in range(rounds):
        unit = latin_hypercube(samples, len(box), rng)
        if rnd > 0:
            unit = np.clip(center - width / 2, 0, 1 - width) + unit * width
        points = to_values(unit, box)
        if rnd == 0:
            points[0] = dict(start)
        for pt in points:  # only the observed window is simulated and judged
            s = _simulate(scen, fit_seeds, window, scale, keys, pt.items(), tick)
            d = window_distance(s.mean(axis=0), seen, seen_half, seen_mask)
            if d < best_d:
                best, best_d = pt, d
        center, width = to_unit(best, box), width / 2
    return best


def _monitor_table(
    keys: Sequence[tuple[str, str]],
    obs: np.ndarray,
    last: int,
    first: tuple[np.ndarray, np.ndarray, np.ndarray],
    refitted: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> pd.DataFrame:
    """One row per series and month: the observed figure, both bands, inside the first or not."""
    (low, mean, high), (r_low, r_mean, r_high) = first, refitted
    rows = []
    for j, (area, var) in enumerate(keys):
        for m in range(obs.shape[1]):
            o = obs[j, m]
            rows.append(
                {
                    "municipality": area,
                    "variable": var,
                    "month": m,
                    "observed": o,
                    "low": low[j, m],
                    "median": mean[j, m],
                    "high": high[j, m],
                    "inside": (bool(low[j, m] <= o <= high[j, m]) if np.isfinite(o) else None),
                    "refit_low": r_low[j, m],
                    "refit_median": r_mean[j, m],
                    "refit_high": r_high[j, m],
                    "phase": "observed" if m <= last else "forecast",
                }
            )
    return pd.DataFrame(rows)


def _flags(table: pd.DataFrame) -> pd.DataFrame:
    """The observed months outside the band, and on which side."""
    flagged = table[table.inside == False].copy()  # noqa: E712 (None: not observed)
    flagged["direction"] = np.where(flagged.observed > flagged.high, "above", "below")
    return flagged[
        ["municipality", "variable", "month", "observed", "low", "high", "direction"]
    ].reset_index(drop=True)


# --------------------------------------------------------------------------- output


def series_label(variable: str, lang: str = "en") -> str:
    """A monitored figure in words (the message catalogue), e.g. 'people on bijstand'."""
    from analysis.i18n import MESSAGES, t

    key = f"monitor.series.{variable}"
    return t(key, lang) if key in MESSAGES else variable.replace("_", " ")


def figure(result: MonitorResult, municipality: str, variable: str, lang: str = "en"):
    """The band, the re-fit's forecast and the realised path of one series, flags in red
    (texts in ``lang``)."""
    import matplotlib

    from analysis.i18n import t

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    g = result.table[
        (result.table.municipality == municipality) & (result.table.variable == variable)
    ]
    fig, ax = plt.subplots(figsize=(6.5, 3.4))
    ax.fill_between(
        g.month, g.low, g.high, color="tab:blue", alpha=0.2, label=t("monitor.fig.band", lang)
    )
    ax.plot(g.month, g["median"], color="tab:blue", lw=1)
    if result.params:
        ax.plot(
            g.month,
            g.refit_median,
            color="tab:green",
            lw=1.2,
            ls="--",
            label=t("monitor.fig.refit", lang),
        )
        ax.fill_between(g.month, g.refit_low, g.refit_high, color="tab:green", alpha=0.12)
    o = g.dropna(subset=["observed"])
    ax.plot(
        o.month, o.observed, color="black", marker=".", lw=1, label=t("monitor.fig.realised", lang)
    )
    out = o[o.inside == False]  # noqa: E712
    ax.scatter(out.month, out.observed, color="red", zorder=5, label=t("monitor.fig.outside", lang))
    ax.axvline(result.settings["last_observed_month"], color="grey", lw=0.8, ls=":")
    where = t("monitor.region", lang) if municipality == REGION else municipality
    ax.set_title(f"{series_label(variable, lang)}, {where}")
    ax.set_xlabel(t("fig.month", lang))
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def monitor_html(result: MonitorResult, title: str = "Kluit monitor") -> str:
    from analysis.report import _png

    s = result.settings
    series = list(dict.fromkeys(zip(result.table.municipality, result.table.variable)))
    imgs = "".join(
        f'<img alt="{html.escape(v)}" src="data:image/png;base64,{_png(figure(result, a, v))}">'
        for a, v in series
    )
    if len(result.flags):
        flag_rows = "".join(
            f"<tr><td>{html.escape(r.municipality)}</td><td>{html.escape(r.variable)}</td>"
            f"<td>{r.month}</td><td>{r.observed:,.0f}</td><td>{r.low:,.0f} to {r.high:,.0f}"
            f"</td><td>{r.direction}</td></tr>"
            for r in result.flags.itertuples()
        )
        flags = (
            "<table><tr><th>where</th><th>series</th><th>month</th><th>realised</th>"
            f"<th>90% band</th><th></th></tr>{flag_rows}</table>"
        )
    else:
        flags = "<p>Every realised month lies inside the simulated band.</p>"
    fit = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{a:.4g}</td><td>{b:.4g}</td></tr>"
        for k, (a, b) in result.params.items()
    )
    fit_html = (
        f"<h2>Re-fit on the observed months</h2><table><tr><th>parameter</th>"
        f"<th>scenario</th><th>re-fit</th></tr>{fit}</table><p>Distance to the realised "
        f"figures (mean Huber loss in band half-widths): {result.distance_before:.2f} "
        f"with the scenario, {result.distance_after:.2f} with the re-fit.</p>"
        if result.params
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
body {{ font-family: sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }}
table {{ border-collapse: collapse; font-size: 0.9em; }}
td, th {{ border: 1px solid #ccc; padding: 4px 8px; }}
img {{ max-width: 48%; margin: 0.5%; }}
</style></head><body>
<h1>{html.escape(title)}: {html.escape(s["scenario"])}</h1>
<p>{s["reps"]} replications at scale {s["scale"]} ({s["months"]} months), scaled to the whole
region. Realised figures up to month {s["last_observed_month"]}; {100 * result.inside_share():.0f}%
of them lie inside the simulated 90% band.</p>
<h2>Months outside the band</h2>{flags}
{fit_html}
<h2>Series</h2>{imgs}
<p><small>Made by Kluit (kluit monitor); method in docs/model.md.</small></p>
</body></html>
"""


def write_monitor(result: MonitorResult, out: str | Path) -> dict[str, Path]:
    from analysis.io import atomic_write_bytes, write_table

    out = Path(out)
    return {
        "table": write_table(out / "monitor.csv", result.table),
        "flags": write_table(out / "flags.csv", result.flags),
        "html": atomic_write_bytes(out / "monitor.html", monitor_html(result).encode()),
    }

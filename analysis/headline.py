"""Numbers a council can quote: headline cards and the side-by-side table of a comparison.

Everything here is computed from a :class:`analysis.compare.Comparison` (the same object
``kluit compare`` and the UI use) and the share of the region that was simulated
(``scale``); nothing is re-run. The rules (issue 14):

* whole region: counts and euros are divided by ``scale``; flows (costs) are per year;
* every number has a unit; every rate says of whom (the labels in :mod:`analysis.i18n`);
* intervals of shares stay within [0, 1]: a Wilson score interval on the counts pooled over
  replications where the denominator is known, else a percentile bootstrap of the mean over
  replications (the mean of shares is a share, so its bootstrap stays in [0, 1]);
* a ratio (cost per extra placement, displacement per extra placement) is given only when the
  interval of its denominator excludes zero; its interval is Fieller's, from the paired
  replications; otherwise it is marked *not meaningful*;
* fewer than :data:`MIN_REPS` replications gives a warning.

Differences are paired: arm minus reference on the same replication seed (common random
numbers), then a 95% t-interval over replications.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from analysis import i18n
from analysis.compare import (
    SUBGROUP_SEP,
    Comparison,
    interval_of_mean,
    mean_interval,
    t_quantile,
)

#: below this many replications a comparison carries a visible warning
MIN_REPS = 5
#: states that count as "in work" (employed, subsidised, work pool)
WORK_STOCKS = ("stock_employed", "stock_subsidised", "stock_pool")
#: the run-level paired deadweight share (renamed by the employers' issue; old name second)
DEADWEIGHT_KEYS = ("deadweight_share_paired", "deadweight_share")
Z = 1.959963984540054


@dataclass(frozen=True)
class Estimate:
    """A number with its 95% interval and unit. ``status`` is '' (fine), 'not_meaningful'
    (a ratio whose denominator is not distinguishable from zero) or 'missing' (the run is too
    short or the outcome was not recorded)."""

    value: float
    low: float = math.nan
    high: float = math.nan
    unit: str = ""  # 'eur_year', 'eur', 'persons', 'share', 'pp', 'months', 'jobs'
    n: int = 0
    method: str = "t"  # 't', 'wilson', 'bootstrap', 'fieller'
    status: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "" and math.isfinite(self.value)

    @property
    def has_interval(self) -> bool:
        return self.ok and math.isfinite(self.low) and math.isfinite(self.high)


MISSING = Estimate(math.nan, status="missing")


# --- intervals -----------------------------------------------------------------------------


def wilson(k: float, n: float) -> tuple[float, float]:
    """95% Wilson score interval of a proportion ``k / n`` (always within [0, 1]).

    >>> [round(x, 4) for x in wilson(0, 10)]
    [0.0, 0.2775]
    >>> [round(x, 4) for x in wilson(10, 10)]
    [0.7225, 1.0]
    """
    if n <= 0:
        return (math.nan, math.nan)
    p = k / n
    denom = 1 + Z * Z / n
    centre = (p + Z * Z / (2 * n)) / denom
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / denom
    # rounding may leave the bounds a hair inside an estimate of exactly 0 or 1
    return (max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half)))


def bootstrap_mean(
    values: Sequence[float], *, draws: int = 2000, seed: int = 20260
) -> tuple[float, float, float, int]:
    """(mean, low, high, n): percentile bootstrap of the mean over replications (a fixed
    seed, so the same values give the same interval). The interval lies within the values'
    range, so a share's stays within [0, 1]."""

    def percentiles(x: np.ndarray, _m: float) -> tuple[float, float]:
        n = len(x)
        rng = np.random.default_rng(seed)
        means = x[rng.integers(0, n, size=(draws, n))].mean(axis=1)
        return (float(np.quantile(means, 0.025)), float(np.quantile(means, 0.975)))

    return interval_of_mean(values, percentiles)


def share_estimate(shares: Sequence[float], counts: Sequence[float] | None = None) -> Estimate:
    """The mean share over replications and its interval within [0, 1]: Wilson on the pooled
    counts when the denominators ``counts`` are known, else a bootstrap over replications."""
    if counts is not None:
        pairs = [
            (s, c)
            for s, c in zip(shares, counts)
            if s is not None and c is not None and np.isfinite(s) and np.isfinite(c) and c > 0
        ]
        if pairs:
            k = sum(s * c for s, c in pairs)
            n = sum(c for _, c in pairs)
            lo, hi = wilson(k, n)
            return Estimate(k / n, lo, hi, "share", len(pairs), "wilson")
        return MISSING
    m, lo, hi, n = bootstrap_mean(shares)
    if n == 0:
        return MISSING
    return Estimate(m, lo, hi, "share", n, "bootstrap")


def t_estimate(values: Sequence[float], unit: str) -> Estimate:
    m, lo, hi, n = mean_interval(values)
    if n == 0:
        return Estimate(math.nan, unit=unit, status="missing")
    return Estimate(m, lo, hi, unit, n, "t")


def at_least_zero(e: Estimate) -> Estimate:
    """``e`` with its interval cut at zero, for a level that cannot be negative (a cost, a
    number of months): with few repetitions a t-interval can reach below zero.

    >>> at_least_zero(Estimate(5.0, -2.0, 12.0, "months")).low
    0.0
    """
    if math.isfinite(e.low) and e.low < 0:
        return replace(e, low=0.0)
    return e


def fieller(num: Sequence[float], den: Sequence[float], unit: str) -> Estimate:
    """Ratio of mean ``num`` to mean ``den`` over paired replications with Fieller's 95%
    interval; 'not_meaningful' unless the denominator's t-interval excludes zero.

    >>> e = fieller([10.0, 12.0, 11.0], [2.0, 2.2, 1.9], "eur")
    >>> round(e.value, 3), e.low < e.value < e.high
    (5.41, True)
    >>> fieller([1.0, 2.0], [0.5, -0.4], "eur").status
    'not_meaningful'
    """
    pairs = [(a, b) for a, b in zip(num, den) if np.isfinite(a) and np.isfinite(b)]
    n = len(pairs)
    if n < 2:
        return Estimate(math.nan, unit=unit, n=n, method="fieller", status="missing")
    a = np.array([p[0] for p in pairs])
    b = np.array([p[1] for p in pairs])
    ma, mb = float(a.mean()), float(b.mean())
    t = t_quantile(n - 1)
    v11 = float(a.var(ddof=1)) / n
    v22 = float(b.var(ddof=1)) / n
    v12 = float(np.cov(a, b, ddof=1)[0, 1]) / n
    # the denominator must differ from zero: |mean| beyond its own t half-width
    if mb == 0 or abs(mb) <= t * math.sqrt(v22):
        return Estimate(math.nan, unit=unit, n=n, method="fieller", status="not_meaningful")
    r = ma / mb
    g = t * t * v22 / (mb * mb)
    if v22 == 0:
        half = t * math.sqrt(v11) / abs(mb)
        return Estimate(r, r - half, r + half, unit, n, "fieller")
    disc = v11 - 2 * r * v12 + r * r * v22 - g * (v11 - v12 * v12 / v22)
    disc = max(0.0, disc)
    centre = r - g * v12 / v22
    half = t / abs(mb) * math.sqrt(disc)
    lo, hi = (centre - half) / (1 - g), (centre + half) / (1 - g)
    return Estimate(r, min(lo, hi), max(lo, hi), unit, n, "fieller")


# --- per-replication quantities ------------------------------------------------------------


def _region_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame.municipality == "all"] if "municipality" in frame else frame


def stock_at(frame: pd.DataFrame, variables: Sequence[str], month: int) -> float:
    """Sum of region-level ``variables`` at ``month`` in one replication's monthly table
    (nan when the run did not reach that month)."""
    f = _region_rows(frame)
    f = f[(f.month == month) & f.variable.isin(list(variables))]
    if f.empty:
        return math.nan
    return float(f.drop_duplicates("variable")["value"].sum())


def total_of(frame: pd.DataFrame, prefix: str, suffix: str = "") -> float:
    """Sum over months of region-level variables whose name starts with ``prefix``."""
    f = _region_rows(frame)
    sel = f.variable.str.startswith(prefix)
    if suffix:
        sel &= f.variable.str.endswith(suffix)
    return float(f[sel]["value"].sum())


def run_months(frames: Sequence[pd.DataFrame]) -> int:
    """Months simulated (the last month recorded)."""
    return int(max(int(f["month"].max()) for f in frames)) if frames else 0


def _col(runs: Sequence[Mapping[str, float]], key: str) -> list[float]:
    return [float(r.get(key, math.nan)) for r in runs]


def _deadweight_key(runs: Sequence[Mapping[str, float]]) -> str | None:
    for k in DEADWEIGHT_KEYS:
        if runs and k in runs[0]:
            return k
    return None


# --- the headline cards --------------------------------------------------------------------


@dataclass
class Headline:
    """The cards of one scenario against the reference (whole region)."""

    arm: str
    reference: str
    reps: int
    months: int
    scale: float
    cards: dict[str, Estimate] = field(default_factory=dict)


#: card keys in the order shown; the labels and sentences are in analysis.i18n
CARDS = (
    "cost_year",
    "cost_year_municipality",
    "cost_year_national",
    "cost_year_employers",
    "work_12m",
    "work_24m",
    "bijstand",
    "deadweight",
    "displacement",
    "cost_per_extra_sustained",
)


def headline(comp: Comparison, scale: float) -> list[Headline]:
    """One :class:`Headline` per scenario after the reference.

    ``scale`` is the simulated share of the region (``run.scale``): counts and euros are
    divided by it. Costs are per year: the run's total divided by its length in years.
    """
    ref = comp.arms[0]
    ref_runs, ref_frames = comp.runs[ref], comp.monthly.get(ref, [])
    months = run_months(ref_frames) or 0
    years = months / 12 if months else math.nan
    out = []
    for arm in comp.arms[1:]:
        runs, frames = comp.runs[arm], comp.monthly.get(arm, [])
        h = Headline(arm, ref, len(runs), months, scale)

        def paired(key: str, runs=runs) -> list[float]:
            return [a - b for a, b in zip(_col(runs, key), _col(ref_runs, key))]

        def per_year(diffs: Sequence[float]) -> Estimate:
            return t_estimate([d / scale / years for d in diffs], "eur_year")

        h.cards["cost_year"] = per_year(paired("public_cost_eur"))
        h.cards["cost_year_municipality"] = per_year(paired("public_cost_municipality_eur"))
        h.cards["cost_year_national"] = per_year(paired("public_cost_national_eur"))
        if frames and ref_frames:
            emp = [
                total_of(a, "cost_employers_") - total_of(b, "cost_employers_")
                for a, b in zip(frames, ref_frames)
            ]
            h.cards["cost_year_employers"] = per_year(emp)
            for key, month in (("work_12m", 12), ("work_24m", 24)):
                d = [
                    (stock_at(a, WORK_STOCKS, month) - stock_at(b, WORK_STOCKS, month)) / scale
                    for a, b in zip(frames, ref_frames)
                ]
                h.cards[key] = (
                    t_estimate(d, "persons")
                    if months >= month
                    else Estimate(math.nan, unit="persons", status="missing")
                )
            d = [
                (
                    stock_at(a, ("stock_social_assistance",), months)
                    - stock_at(b, ("stock_social_assistance",), months)
                )
                / scale
                for a, b in zip(frames, ref_frames)
            ]
            h.cards["bijstand"] = t_estimate(d, "persons")
            # displacement: other jobseekers' hires lost per extra placement (Fieller)
            lost, extra = [], []
            for a, b, ra, rb in zip(frames, ref_frames, runs, ref_runs):
                other_a = total_of(a, "hires") - ra["placements"]
                other_b = total_of(b, "hires") - rb["placements"]
                lost.append(other_b - other_a)
                extra.append(ra["placements"] - rb["placements"])
            h.cards["displacement"] = fieller(lost, extra, "jobs")
        else:
            for key in ("cost_year_employers", "work_12m", "work_24m", "bijstand", "displacement"):
                h.cards[key] = MISSING
        dw = _deadweight_key(runs)
        h.cards["deadweight"] = (
            share_estimate(_col(runs, dw), _col(runs, "placements_subsidised")) if dw else MISSING
        )
        h.cards["cost_per_extra_sustained"] = fieller(
            paired("public_cost_eur"), _col(runs, "extra_sustained_placements"), "eur"
        )
        out.append(h)
    return out


def too_few_reps(comp: Comparison) -> bool:
    return len(comp.seeds) < MIN_REPS


# --- the side-by-side table ----------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """An outcome of the side-by-side table: a summary key and how to estimate it."""

    key: str
    kind: str  # 'share', 'eur_year', 'months', 'ratio_eur', 'ratio_jobs'
    denominator: tuple[str, ...] = ()  # run keys whose sum is a share's denominator
    paired_only: bool = False  # exists only for arms after the reference


ROWS: tuple[Row, ...] = (
    Row(
        "placement_rate_12m",
        "share",
        ("social_assistance.target_group_start", "sheltered_work.target_group_start"),
    ),
    Row(
        "sustained_placement_rate_24m",
        "share",
        ("social_assistance.target_group_start", "sheltered_work.target_group_start"),
    ),
    Row("relapse_rate_12m", "share"),
    Row("mean_months_to_placement", "months"),
    Row("unemployment_rate", "share"),
    Row("public_cost_eur", "eur_year"),
    Row("public_cost_municipality_eur", "eur_year"),
    Row("public_cost_national_eur", "eur_year"),
    Row("reintegration_cost_eur", "eur_year"),
    Row("employer_participation_rate", "share"),
    Row("deadweight_share", "share", ("placements_subsidised",), paired_only=True),
    Row("cost_per_extra_sustained_placement_eur", "ratio_eur", paired_only=True),
)
#: prefixes of per-instrument rows the employers' issue adds (shown when present)
INSTRUMENT_PREFIXES = ("decisive_share.", "deadweight_share.")


@dataclass
class Cell:
    level: Estimate
    diff: Estimate | None = None  # against the reference (None for the reference)


def _run_keys(comp: Comparison) -> list[str]:
    """Every outcome key of any arm's runs, in order of first appearance."""
    keys: dict[str, None] = {}
    for runs in comp.runs.values():
        for r in runs[:1]:
            keys.update(dict.fromkeys(r))
    return list(keys)


def _instrument_order(key: str) -> tuple[int, str, int]:
    from sim.policies import POLICY_NAMES

    prefix, _, name = key.partition(".")
    rank = POLICY_NAMES.index(name) if name in POLICY_NAMES else len(POLICY_NAMES)
    kind = INSTRUMENT_PREFIXES.index(prefix + ".") if prefix + "." in INSTRUMENT_PREFIXES else 9
    return rank, name, kind


def _rows_present(comp: Comparison) -> list[Row]:
    keys = {k for k in _run_keys(comp) if SUBGROUP_SEP not in k}
    rows = []
    for row in ROWS:
        if row.key == "deadweight_share":
            dw = next((k for k in DEADWEIGHT_KEYS if k in keys), None)
            if dw:
                rows.append(Row(dw, row.kind, row.denominator, True))
        elif row.key in keys:
            rows.append(row)
    # per instrument (in the order of the registry), what made the difference, then deadweight
    for k in sorted(keys, key=_instrument_order):
        if k.startswith(INSTRUMENT_PREFIXES):
            # the denominator of both is the placements the instrument touched
            name = k.split(".", 1)[1]
            rows.append(
                Row(
                    k,
                    "share",
                    (f"touched_placements.{name}",) if f"touched_placements.{name}" in keys else (),
                )
            )
    return rows


def side_by_side(comp: Comparison, scale: float) -> tuple[list[Row], dict[str, dict[str, Cell]]]:
    """Outcomes as rows, scenarios as columns (the reference first): ``(rows, cells)`` with
    ``cells[row.key][arm]``. Euros are whole-region EUR per year; shares have intervals
    within [0, 1]; differences are paired (percentage points for shares)."""
    ref = comp.arms[0]
    months = run_months(comp.monthly.get(ref, [])) or 0
    years = months / 12 if months else math.nan
    rows = _rows_present(comp)
    cells: dict[str, dict[str, Cell]] = {}
    for row in rows:
        cells[row.key] = {}
        for arm in comp.arms:
            runs, ref_runs = comp.runs[arm], comp.runs[ref]
            if row.paired_only and arm == ref:
                continue
            if runs and row.key not in runs[0]:  # an instrument this arm does not run
                continue
            vals = _col(runs, row.key)
            if row.kind == "share":
                counts = (
                    [sum(x) for x in zip(*(_col(runs, d) for d in row.denominator))]
                    if row.denominator
                    else None
                )
                level = share_estimate(vals, counts)
            elif row.kind == "eur_year":  # a cost is never below zero: nor is its interval
                level = at_least_zero(t_estimate([v / scale / years for v in vals], "eur_year"))
            elif row.kind == "ratio_eur":
                dcost = [
                    a - b
                    for a, b in zip(
                        _col(runs, "public_cost_eur"), _col(ref_runs, "public_cost_eur")
                    )
                ]
                level = fieller(dcost, _col(runs, "extra_sustained_placements"), "eur")
            elif row.kind == "months":  # months until a job: never below zero
                level = at_least_zero(t_estimate(vals, row.kind))
            else:
                level = t_estimate(vals, row.kind)
            diff = None
            if arm != ref and not row.paired_only and row.key in ref_runs[0]:
                d = [a - b for a, b in zip(vals, _col(ref_runs, row.key))]
                if row.kind == "eur_year":
                    diff = t_estimate([x / scale / years for x in d], "eur_year")
                elif row.kind == "share":
                    diff = t_estimate(d, "pp")
                else:
                    diff = t_estimate(d, row.kind)
            cells[row.key][arm] = Cell(level, diff)
    return rows, cells


def subgroup_keys(comp: Comparison) -> list[str]:
    """Run keys of subgroup outcomes (``<metric>@<subgroup>``, from the employers' issue), in
    order; empty when the comparison has none."""
    return [k for k in _run_keys(comp) if SUBGROUP_SEP in k]


def subgroups(comp: Comparison) -> dict[str, dict[str, dict[str, Estimate]]]:
    """metric -> subgroup -> arm -> estimate, for every subgroup outcome of the runs. Shares
    get a bootstrap interval over repetitions (within [0, 1]); other outcomes a t-interval."""
    out: dict[str, dict[str, dict[str, Estimate]]] = {}
    for key in subgroup_keys(comp):
        metric, _, group = key.partition(SUBGROUP_SEP)
        share = "rate" in metric or "share" in metric
        for arm in comp.arms:
            runs = comp.runs[arm]
            if not runs or key not in runs[0]:
                continue
            vals = _col(runs, key)
            if share:
                e = share_estimate(vals)
            elif metric == "persons":  # the group's size in the simulated share: a count
                e = at_least_zero(t_estimate(vals, "persons"))
            else:
                e = t_estimate(vals, "")
            out.setdefault(metric, {}).setdefault(group, {})[arm] = e
    return out


def headline_table(comp: Comparison, scale: float) -> pd.DataFrame:
    """The numbers of the cards and of the side-by-side table as one tidy table (whole region,
    euros per year; ``headline.csv``): scenario, kind ('card', 'level' or 'difference'),
    outcome, value, low, high, unit, method, status."""
    rows = []

    def add(arm: str, kind: str, key: str, e: Estimate) -> None:
        rows.append(
            {
                "scenario": arm,
                "kind": kind,
                "outcome": key,
                "value": e.value,
                "low": e.low,
                "high": e.high,
                "unit": e.unit,
                "method": e.method,
                "status": e.status,
                "n": e.n,
            }
        )

    for h in headline(comp, scale):
        for key in CARDS:
            add(h.arm, "card", key, h.cards.get(key, MISSING))
    srows, cells = side_by_side(comp, scale)
    for row in srows:
        for arm, cell in cells[row.key].items():
            add(arm, "level", row.key, cell.level)
            if cell.diff is not None:
                add(arm, "difference", row.key, cell.diff)
    return pd.DataFrame(
        rows,
        columns=[
            "scenario",
            "kind",
            "outcome",
            "value",
            "low",
            "high",
            "unit",
            "method",
            "status",
            "n",
        ],
    )


# --- words ----------------------------------------------------------------------------------


def show(value: float, unit: str, lang: str = "en", *, sign: bool = False) -> str:
    """A number with its unit, in ``lang``."""
    nl = lang == "nl"
    if unit in ("eur_year", "eur"):
        return i18n.eur(value, lang, sign)
    if unit == "eur_million":
        return i18n.eur_million(value, lang, sign)
    if unit == "persons":
        return i18n.persons(value, lang, sign)
    if unit == "share":
        return i18n.points(value, lang) if sign else i18n.percent(value, lang)
    if unit == "pp":
        return i18n.points(value, lang)
    if unit == "months":
        return i18n.number(value, lang, 1, sign) + (" maanden" if nl else " months")
    if unit == "jobs":
        return i18n.number(value, lang, 2, sign) + (" banen" if nl else " jobs")
    return i18n.number(value, lang, 2, sign)


def show_estimate(
    e: Estimate, lang: str = "en", *, sign: bool = False, unit: str | None = None
) -> tuple[str, str]:
    """(value text, interval text) of an estimate; a ratio that is not meaningful says so."""
    unit = unit or e.unit
    if e.status == "not_meaningful":
        return (i18n.t("num.not_meaningful", lang), "")
    if not e.ok:
        return (i18n.t("num.missing", lang), "")
    if not e.has_interval:
        return (show(e.value, unit, lang, sign=sign), "")
    return (
        show(e.value, unit, lang, sign=sign),
        i18n.t(
            "num.interval",
            lang,
            low=show(e.low, unit, lang, sign=sign),
            high=show(e.high, unit, lang, sign=sign),
        ),
    )


@dataclass(frozen=True)
class CardText:
    key: str
    label: str
    value: str
    interval: str
    sentence: str


def card_texts(h: Headline, lang: str = "en") -> list[CardText]:
    """The cards of a headline in words a council member reads aloud."""
    out = []
    for key in CARDS:
        e = h.cards.get(key, MISSING)
        label = i18n.t(f"card.{key}", lang)
        signed = key not in ("deadweight", "displacement", "cost_per_extra_sustained")
        value, interval = show_estimate(e, lang, sign=signed)
        if key in ("work_12m", "work_24m") and e.status == "missing":
            value = i18n.t("num.too_short", lang, months=12 if key == "work_12m" else 24)
        if not e.ok:
            sentence = ""
        elif key == "cost_year":
            sentence = i18n.t(
                "card.cost_year.more" if e.value >= 0 else "card.cost_year.less",
                lang,
                value=show(abs(e.value), "eur_year", lang),
            )
        elif key in ("work_12m", "work_24m", "bijstand"):
            n = i18n.number(round(abs(e.value), -1) if abs(e.value) >= 100 else abs(e.value), lang)
            sentence = i18n.t(
                f"card.{key}.{'more' if e.value >= 0 else 'fewer'}", lang, n=n, months=h.months
            )
        else:
            sentence = i18n.t(f"card.{key}.text", lang, value=value)
        out.append(CardText(key, label, value, interval, sentence))
    return out


__all__ = [
    "Estimate",
    "Headline",
    "headline",
    "side_by_side",
    "wilson",
    "fieller",
    "bootstrap_mean",
    "share_estimate",
    "MIN_REPS",
    "CARDS",
    "ROWS",
    "subgroups",
    "subgroup_keys",
    "headline_table",
    "too_few_reps",
    "show",
    "show_estimate",
    "card_texts",
    "CardText",
]

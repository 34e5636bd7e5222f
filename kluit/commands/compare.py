"""``kluit compare SCENARIO...``: replications of each arm with common random numbers."""

from __future__ import annotations

import math

from analysis.compare import compare
from analysis.io import write_table
from kluit.commands.common import (
    Progress,
    add_out_options,
    add_run_options,
    check_out_dir,
    overrides,
    positive_int,
    scenario_path,
    staged_out_dir,
)

SHOWN = (
    "placement_rate_12m",
    "relapse_rate_12m",
    "sustained_placement_rate_24m",
    "public_cost_eur",
    "cost_per_extra_sustained_placement_eur",
    "deadweight_share_paired",
)


def add_parser(sub):
    p = sub.add_parser("compare", help="compare scenarios (the first is the reference)")
    p.add_argument("scenarios", nargs="+", help="scenario TOML files; the first is the reference")
    p.add_argument("--reps", type=positive_int, default=5, help="replications per scenario")
    add_run_options(p, seed_help="master seed; replication seeds derive from it")
    add_out_options(p, "out/compare")
    p.add_argument(
        "--lang",
        choices=("en", "nl"),
        default="en",
        help="language of report.html and summary.md (default en)",
    )
    return p


def _fmt(v: float) -> str:
    if v is None or not math.isfinite(v):
        return "n/a"
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3f}"


def print_table(table) -> None:
    arms = list(dict.fromkeys(table["scenario"]))
    table = table[table["subgroup"] == "all"]
    width = max(12, *(len(a) for a in arms))
    print(f"{'scenario':{width}s} " + " ".join(f"{m[:26]:>28s}" for m in SHOWN))
    for arm in arms:
        cells = []
        for m in SHOWN:
            r = table[(table.scenario == arm) & (table.metric == m)]
            if r.empty:
                cells.append(f"{'':>28s}")
                continue
            r = r.iloc[0]
            cell = _fmt(r["mean"])
            if math.isfinite(r["low"]):
                cell += f" [{_fmt(r['low'])}, {_fmt(r['high'])}]"
            cells.append(f"{cell:>28s}")
        print(f"{arm:{width}s} " + " ".join(cells))


def run(args) -> int:
    paths = [scenario_path(s) for s in args.scenarios]
    from sim.scenario import load_scenario

    scens = [load_scenario(p, overrides(args)) for p in paths]
    out = check_out_dir(args.out, args.force)  # before simulating: a bad --out fails fast
    comp = _simulate(compare, scens, args, len(scens) * args.reps, "compare", "run")
    table = comp.table()
    from analysis.headline import headline_table
    from analysis.io import atomic_write_bytes
    from analysis.report import summary_markdown, write_comparison_report

    seed = _seed(args)
    scale = args.scale if args.scale is not None else float(scens[0]["run.scale"])
    months = args.months or scens[0]["run.months"]
    settings = (
        f"{args.reps} replications, master seed {seed}, {months} months, scale {scale:g}"
        if args.lang == "en"
        else f"{args.reps} herhalingen, startgetal {seed}, {months} maanden, schaal {scale:g}"
    )
    sections, stopgo = _stop_go(scens, args)  # simulates: before anything is written
    with staged_out_dir(out, args.force) as tmp:  # every file or none
        write_table(tmp / "comparison.csv", table)
        write_table(tmp / "monthly.csv", _monthly(comp))
        write_table(tmp / "headline.csv", headline_table(comp, scale))
        if stopgo is not None:
            write_table(tmp / "stopgo.csv", stopgo)
        atomic_write_bytes(
            tmp / "summary.md",
            summary_markdown(
                comp, lang=args.lang, scale=scale, scenarios=scens, settings=settings
            ).encode(),
        )
        report = write_comparison_report(
            comp,
            tmp,
            settings=settings,
            lang=args.lang,
            scale=scale,
            scenarios=scens,
            sections=sections,
        )
    print_table(table)
    print(
        f"\nmean [95% interval] over {args.reps} replications; differences against "
        f"{comp.arms[0]} are in comparison.csv (diff, diff_low, diff_high)"
    )
    print(
        f"results in {out}/ (comparison.csv for the simulated share; headline.csv for the "
        f"whole region, costs per year; monthly.csv, summary.md, {report.name})"
    )
    return 0


def _seed(args) -> int:
    """The master seed of a comparison: --seed, else 1."""
    return 1 if args.seed is None else args.seed


def _simulate(fn, what, args, total: int, desc: str, unit: str):
    """``fn(what, ...)`` (a comparison or a stop-go pair) with the command line's replications,
    seed, months and scale, under a progress bar of ``total`` ``unit``s."""
    with Progress(total, desc, unit=unit) as bar:
        return fn(
            what,
            reps=args.reps,
            seed=_seed(args),
            months=args.months,
            scale=args.scale,
            progress=bar,
        )


def _stop_go(scens, args):
    """The cost of stop-go for every arm with a policy stop: (report section, stopgo.csv table
    or None)."""
    import pandas as pd

    from analysis.stopgo import policy_stops, stop_go, stopgo_html

    parts, tables = [], []
    for scen in scens:
        if not policy_stops(scen):
            continue
        res = _simulate(stop_go, scen, args, args.reps, f"stop-go {scen.name}", "pair")
        parts.append(stopgo_html(res))
        tables.append(res.table().assign(scenario=scen.name))
        for r in res.table().itertuples():
            if r.metric in ("placements_ended_by_stop", "spent_buying_nothing_later_eur"):
                print(
                    f"stop-go {scen.name}: {r.label.lower()}: {_fmt(r.mean)} "
                    f"[{_fmt(r.low)}, {_fmt(r.high)}]"
                )
    return "\n".join(parts), (pd.concat(tables, ignore_index=True) if tables else None)


def _monthly(comp):
    import pandas as pd

    frames = []
    for arm, reps in comp.monthly.items():
        for i, f in enumerate(reps):
            frames.append(f.assign(scenario=arm, replication=i, seed=comp.seeds[i]))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

"""``kluit compare SCENARIO...``: replications of each arm with common random numbers."""

from __future__ import annotations

import math
from pathlib import Path

from analysis.compare import compare
from analysis.io import write_table
from kluit.commands.common import Progress, add_run_options, overrides, positive_int, scenario_path

SHOWN = ("placement_rate_12m", "relapse_rate_12m", "sustained_placement_rate_24m",
         "public_cost_eur", "cost_per_extra_sustained_placement_eur", "deadweight_share_paired")


def add_parser(sub):
    p = sub.add_parser("compare", help="compare scenarios (the first is the reference)")
    p.add_argument("scenarios", nargs="+", help="scenario TOML files; the first is the reference")
    p.add_argument("--reps", type=positive_int, default=5, help="replications per scenario")
    add_run_options(p, seed_help="master seed; replication seeds derive from it")
    p.add_argument("--out", default="out/compare", help="output folder (default out/compare)")
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
    bar = Progress(len(scens) * args.reps, "compare", unit="run")
    try:
        comp = compare(scens, reps=args.reps, seed=1 if args.seed is None else args.seed,
                       months=args.months, scale=args.scale, progress=bar)
    finally:
        bar.close()
    out = Path(args.out)
    table = comp.table()
    write_table(out / "comparison.csv", table)
    write_table(out / "monthly.csv", _monthly(comp))
    from analysis.io import atomic_write_bytes
    from analysis.report import (decisiveness_rows, markdown_table, subgroup_markdown,
                                 write_comparison_report)

    dec = "".join(f"| {d['scenario']} | {d['instrument']} | {d['decisive']:.3f} "
                  f"[{d['low']:.3f}, {d['high']:.3f}] | {d['touched']:.0f} |\n"
                  for d in decisiveness_rows(table))
    atomic_write_bytes(out / "summary.md", (
        f"# Kluit comparison\n\n{args.reps} replications, master seed "
        f"{1 if args.seed is None else args.seed}; mean [95% interval]; the reference is "
        f"{comp.arms[0]}.\n\n" + markdown_table(table)
        + ("\n## Decisiveness\n\n| arm | instrument | decisive share [95%] | placements "
           "touched |\n|---|---|---|---|\n" + dec if dec else "")
        + ("\n## For whom (placed within 24 months, difference vs reference)\n\n"
           + subgroup_markdown(table) if subgroup_markdown(table) else "")).encode())

    report = write_comparison_report(
        comp, out, title="Kluit comparison",
        settings=f"{args.reps} replications, master seed {args.seed or 1}, "
                 f"months {args.months or 'scenario'}, scale {args.scale or 'scenario'}")
    print_table(table)
    print(f"\nmean [95% interval] over {args.reps} replications; differences against "
          f"{comp.arms[0]} are in comparison.csv (diff, diff_low, diff_high)")
    print(f"results in {out}/ (comparison.csv, monthly.csv, summary.md, {report.name})")
    return 0


def _monthly(comp):
    import pandas as pd

    frames = []
    for arm, reps in comp.monthly.items():
        for i, f in enumerate(reps):
            frames.append(f.assign(scenario=arm, replication=i, seed=comp.seeds[i]))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

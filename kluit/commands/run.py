"""``kluit run SCENARIO``: one run; writes summary.json, monthly.csv and placements.csv."""

from __future__ import annotations

from analysis.experiments import prepare, run_scenario
from analysis.io import write_json, write_table
from kluit.commands.common import (
    Progress,
    add_out_options,
    add_run_options,
    check_out_dir,
    overrides,
    scenario_path,
    staged_out_dir,
)


def add_parser(sub):
    p = sub.add_parser("run", help="run one scenario and write its results")
    p.add_argument("scenario", help="scenario TOML file")
    add_run_options(p)
    add_out_options(p, "out/run")
    p.add_argument(
        "--check", action="store_true", help="verify the bookkeeping invariants every month"
    )
    return p


def run(args) -> int:
    scen = prepare(
        scenario_path(args.scenario),
        seed=args.seed,
        months=args.months,
        scale=args.scale,
        overrides=overrides(args),
    )
    out = check_out_dir(args.out, args.force)  # before simulating: a bad --out fails fast
    with Progress(int(scen["run.months"]), f"run {scen.name}") as bar:
        res = run_scenario(scen, check=args.check, progress=bar)
    with staged_out_dir(out, args.force) as tmp:  # all three files or none
        write_table(tmp / "monthly.csv", res.monthly)
        write_table(tmp / "placements.csv", res.placements)
        write_json(tmp / "summary.json", res.summary)
    s = res.summary
    print(
        f"{s['scenario']}: seed {s['seed']}, {s['months']} months, scale {s['scale']}, "
        f"{s['persons']:,} persons, {s['employers']:,} employers"
    )
    for k in (
        "placement_rate_12m",
        "relapse_rate_12m",
        "sustained_placement_rate_24m",
        "unemployment_rate",
        "public_cost_eur",
    ):
        v = s[k]
        print(f"  {k:32s} {'n/a' if v is None else format(v, ',.4g')}")
    print(f"results in {args.out}/ (summary.json, monthly.csv, placements.csv)")
    return 0

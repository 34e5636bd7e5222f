"""``kluit monitor SCENARIO OBSERVED.csv``: the region's realised figures against the model.

Writes ``monitor.csv`` (per series and month: observed, 90% band, inside or not, the re-fit's
band and forecast), ``flags.csv`` (months outside the band) and ``monitor.html`` to ``--out``.
See ``analysis/monitor.py``.
"""

from __future__ import annotations

from kluit.cli import UsageError
from kluit.commands.common import (
    Progress,
    add_out_options,
    add_scale_option,
    add_seed_option,
    check_out_dir,
    positive_int,
    scenario_path,
    write_results,
)


def add_parser(sub):
    from analysis.monitor import DEFAULT_REFIT_PARAMS

    p = sub.add_parser(
        "monitor",
        help="compare a region's realised monthly figures with the simulated band",
        description="Run the scenario over replications, show per observed series the "
        "simulated 90% band (scaled to the whole region) with the realised path, flag the "
        "months outside it, re-fit uncertain parameters to the observed months and forecast "
        "the rest. OBSERVED.csv has the columns month,municipality,variable,value (the format "
        "of monthly.csv; municipality 'all' is the whole region).",
    )
    p.add_argument("scenario", help="scenario TOML file")
    p.add_argument("observed", help="CSV with the region's realised monthly figures")
    p.add_argument(
        "--months",
        type=positive_int,
        default=None,
        help="months to simulate (default: the scenario's run.months)",
    )
    add_scale_option(p, "population scale of the simulation (default 0.1)")
    p.add_argument(
        "--reps", type=positive_int, default=8, help="replications for the band (default 8)"
    )
    add_seed_option(p, 1)
    p.add_argument(
        "--params",
        default=",".join(DEFAULT_REFIT_PARAMS),
        metavar="KEY,KEY,...",
        help="parameters to re-fit (default: %(default)s)",
    )
    p.add_argument("--samples", type=positive_int, default=10, help="re-fit points per round")
    p.add_argument("--rounds", type=positive_int, default=3, help="re-fit rounds")
    p.add_argument("--no-refit", action="store_true", help="show the band only")
    add_out_options(p, "out/monitor")
    return p


def monitor_result(rel: str) -> bool:
    """The files ``kluit monitor`` writes (what ``--force`` replaces)."""
    return rel in ("monitor.csv", "flags.csv", "monitor.html")


def _params(text: str) -> list[str]:
    from sim.params import all_params

    keys = [k.strip() for k in text.split(",") if k.strip()]
    known = all_params()
    for k in keys:
        if k not in known or known[k].kind not in (int, float) or k.startswith("run."):
            raise UsageError(
                f"--params: got {k!r}, allowed: numeric scenario keys such as "
                "employers.sector_growth"
            )
    return keys


def run(args) -> int:
    from analysis.monitor import ObservedFileError, monitor, read_observed, write_monitor
    from sim.model import load_run_region
    from sim.scenario import load_scenario

    path = scenario_path(args.scenario)
    scen = load_scenario(path)
    keys = _params(args.params)
    out = check_out_dir(args.out, args.force)
    from pathlib import Path

    region = load_run_region(scen, Path(path).parent)
    months = args.months or int(scen["run.months"])
    try:
        observed = read_observed(args.observed, region.names, months)
    except ObservedFileError as exc:
        raise UsageError(str(exc)) from None
    with Progress(1, "monitor", unit="run") as bar:
        res = monitor(
            scen,
            observed,
            months=months,
            scale=args.scale,
            reps=args.reps,
            seed=args.seed,
            params=keys,
            samples=args.samples,
            rounds=args.rounds,
            refit=not args.no_refit,
            progress=bar,
        )
    paths = write_results(out, args.force, monitor_result, lambda tmp: write_monitor(res, tmp))
    print(
        f"{100 * res.inside_share():.0f}% of the realised months lie inside the simulated "
        f"90% band; {len(res.flags)} month(s) outside"
    )
    for (area, var), g in res.flags.groupby(["municipality", "variable"], sort=False):
        print(f"  {var} ({area}): outside in months {', '.join(map(str, g.month.tolist()))}")
    for k, (a, b) in res.params.items():
        print(f"  re-fit {k}: {a:.4g} -> {b:.4g}")
    if res.params:
        print(
            f"distance to the realised figures: {res.distance_before:.2f} -> "
            f"{res.distance_after:.2f}"
        )
    print(f"table: {paths['table']}; page: {paths['html']}")
    return 0

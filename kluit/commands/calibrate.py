"""``kluit calibrate [SCENARIO]``: fit assumed parameters to the docs/sources.md targets (SMM).

Writes ``<scenario>_calibrated.toml`` (extending the input, headed by when and how it was
calibrated), ``calibration.csv`` / ``calibration.md`` (target, simulated mean and interval,
before and after), ``samples.csv`` (every evaluated point) and ``metadata.json`` to ``--out``,
a new or empty folder unless ``--force`` (checked before any run).
"""

from __future__ import annotations

import os
import shlex

from kluit.cli import UsageError
from kluit.commands.common import (
    Progress,
    add_out_options,
    add_scale_option,
    add_seed_option,
    check_out_dir,
    overrides,
    positive_int,
    scenario_path,
    write_results,
)

DEFAULT_SCENARIO = "scenarios/baseline.toml"
#: the files kluit calibrate writes besides ``<scenario>_calibrated.toml``
CALIBRATION_FILES = frozenset({"calibration.csv", "calibration.md", "samples.csv", "metadata.json"})


def add_parser(sub):
    from analysis.calibrate import DEFAULT_PARAMS

    p = sub.add_parser(
        "calibrate",
        help="fit assumed parameters to the calibration targets (SMM)",
        description="Simulated method of moments over the parameters marked calibrate=True: "
        "Latin hypercubes of shrinking size around the best point, each point run with the "
        "same replication seeds; the best point is re-run with fresh seeds for the table.",
    )
    p.add_argument(
        "scenario",
        nargs="?",
        default=DEFAULT_SCENARIO,
        help=f"scenario to calibrate (default {DEFAULT_SCENARIO})",
    )
    p.add_argument(
        "--params",
        default=",".join(DEFAULT_PARAMS),
        metavar="KEY,KEY,...",
        help="parameters to fit (default: %(default)s)",
    )
    p.add_argument(
        "--bounds",
        action="append",
        default=[],
        metavar="KEY=LO:HI",
        help="search range of a parameter (default: a factor 3 either side of its "
        "value, within its allowed range)",
    )
    p.add_argument("--reps", type=positive_int, default=3, help="replications per point")
    p.add_argument("--samples", type=positive_int, default=24, help="points per round")
    p.add_argument(
        "--rounds",
        type=positive_int,
        default=3,
        help="rounds; each searches a box half as wide around the best point",
    )
    p.add_argument(
        "--top",
        type=positive_int,
        default=5,
        help="best points re-run on fresh seeds before choosing (default 5)",
    )
    p.add_argument(
        "--final-reps",
        type=positive_int,
        default=None,
        help="fresh replications for the selection and the final table (default max(reps, 5))",
    )
    add_scale_option(p)
    p.add_argument("--months", type=positive_int, default=60, help="months per run (60)")
    add_seed_option(p, 2026)
    p.add_argument(
        "--workers",
        type=positive_int,
        default=max(1, (os.cpu_count() or 2) - 1),
        help="worker processes (default: CPUs - 1)",
    )
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a scenario key during the fit (written into the result)",
    )
    add_out_options(p, "out/calibrate")
    return p


def _params(text: str) -> list[str]:
    from analysis.calibrate import search_box
    from sim.params import all_params

    keys = [k.strip() for k in text.split(",") if k.strip()]
    if not keys:
        raise UsageError("--params: give at least one parameter key")
    known = all_params()
    for k in keys:
        if k not in known:
            fit = sorted(p.key for p in known.values() if p.calibrate)
            raise UsageError(f"--params: unknown key {k!r}; calibratable: " + ", ".join(fit))
        if known[k].kind not in (int, float):
            raise UsageError(f"--params: {k} is not numeric")
    if len(set(keys)) != len(keys):
        raise UsageError("--params: a key is given twice")
    search_box(keys)  # raises on an empty range
    return keys


def _bounds(items: list[str]) -> dict[str, tuple[float, float]]:
    out = {}
    for text in items:
        key, eq, rng = text.partition("=")
        lo, colon, hi = rng.partition(":")
        try:
            if not eq or not colon:
                raise ValueError
            lo_f, hi_f = float(lo), float(hi)
        except ValueError:
            raise UsageError(f"--bounds expects KEY=LO:HI, got {text!r}") from None
        if not lo_f < hi_f:
            raise UsageError(f"--bounds {key}: LO must be below HI")
        out[key.strip()] = (lo_f, hi_f)
    return out


def run(args) -> int:
    from analysis.calibrate import calibrate, markdown_table, write_calibration

    path = scenario_path(args.scenario)
    keys = _params(args.params)
    bounds = _bounds(args.bounds)
    unknown = set(bounds) - set(keys)
    if unknown:
        raise UsageError("--bounds for a parameter not in --params: " + ", ".join(sorted(unknown)))
    sets = overrides(args)
    from sim.scenario import load_scenario

    load_scenario(path, sets)  # bad files and --set values fail here, before any run
    out = check_out_dir(args.out, args.force)  # and a bad --out
    final = args.final_reps or max(args.reps, 5)
    top = min(args.top, args.rounds * args.samples)
    runs = args.rounds * args.samples * args.reps + (top + 3) * final
    with Progress(runs, "calibrate", unit="run") as bar:
        res = calibrate(
            path,
            params=keys,
            reps=args.reps,
            samples=args.samples,
            rounds=args.rounds,
            final_reps=final,
            top=args.top,
            scale=args.scale,
            months=args.months,
            seed=args.seed,
            workers=args.workers,
            overrides=sets,
            bounds=bounds or None,
            progress=bar,
        )
    command = _command(args)
    paths = write_results(
        out, args.force, calibration_result, lambda tmp: write_calibration(res, tmp, command)
    )
    width = max(len(k) for k in keys)
    for k in keys:
        print(f"  {k:{width}s} {res.start[k]:>10.4g} -> {res.best[k]:.4g}")
    print(
        f"distance to the targets: {res.distance_before:.2f} -> {res.distance_after:.2f} "
        f"(out of sample, {final} replications)"
    )
    print(markdown_table(res.table_after, with_source=False))
    print(f"calibrated scenario: {paths['scenario']}; table: {paths['markdown']}")
    return 0


def calibration_result(rel: str) -> bool:
    """The files ``kluit calibrate`` writes (the calibrated scenario is named after the input)."""
    return rel in CALIBRATION_FILES or ("/" not in rel and rel.endswith("_calibrated.toml"))


def _command(args) -> str:
    """The command line that reproduces this fit (every option that changes the result)."""
    parts = [
        "kluit",
        "calibrate",
        args.scenario,
        "--params",
        args.params,
        "--reps",
        str(args.reps),
        "--samples",
        str(args.samples),
        "--rounds",
        str(args.rounds),
        "--top",
        str(args.top),
    ]
    if args.final_reps:
        parts += ["--final-reps", str(args.final_reps)]
    parts += ["--scale", str(args.scale), "--months", str(args.months), "--seed", str(args.seed)]
    for b in args.bounds:
        parts += ["--bounds", b]
    for s in args.overrides:
        parts += ["--set", s]
    return " ".join(shlex.quote(p) for p in parts)

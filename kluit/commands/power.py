"""``kluit power BASE POLICY --participants N[,N...]``: how large a pilot must be.

Simulates the pilots a region could run of the instrument in POLICY (against BASE), analyses
each as an evaluator would and writes ``power.csv`` (design, participants, outcome, effect,
power, low, high), ``power.png`` and ``power.md`` to ``--out``. See ``analysis/power.py``.
"""

from __future__ import annotations

import math
import shlex

from kluit.cli import UsageError
from kluit.commands.common import (
    Progress,
    add_out_options,
    add_scale_option,
    add_seed_option,
    check_out_dir,
    parse_number,
    positive_int,
    scenario_path,
    write_results,
)


def participants_list(text: str) -> list[int]:
    """``--participants 100,200,400`` -> [100, 200, 400] (whole numbers >= 4)."""
    out = []
    for part in text.split(","):
        part = part.strip()
        try:
            n = int(part)
        except ValueError:
            raise UsageError(
                f"--participants: got {part!r}, allowed: whole numbers >= 4, "
                "separated by commas (e.g. 100,200,400)"
            ) from None
        if n < 4 or n > 1_000_000:
            raise UsageError(f"--participants: got {n}, allowed: 4 to 1,000,000")
        out.append(n)
    return sorted(set(out))


def alpha_float(text: str) -> float:
    return parse_number(text, float, 0.001, 0.5, "a number from 0.001 to 0.5")


def add_parser(sub):
    from analysis.power import DESIGNS, ELIGIBLE

    p = sub.add_parser(
        "power",
        help="power of a pilot of an instrument: how many participants it needs",
        description="Simulate pilots of the instrument in POLICY against BASE (random "
        "assignment of eligible people, or a stepped roll-out over the municipalities), "
        "analyse each as an evaluator would and report the power to detect the effect on "
        "placement within 12 months and on relapse.",
    )
    p.add_argument("base", help="scenario without the instrument")
    p.add_argument("policy", help="scenario with the instrument")
    p.add_argument(
        "--participants",
        required=True,
        metavar="N[,N...]",
        help="pilot sizes to try, e.g. 100,200,400",
    )
    p.add_argument(
        "--design",
        choices=DESIGNS,
        default="randomised",
        help="randomised (default) or stepped-wedge",
    )
    p.add_argument(
        "--eligible",
        choices=ELIGIBLE,
        default="target",
        help="who may take part (people in the target group at the start; "
        "ready_*: only those ready to work); default target",
    )
    p.add_argument(
        "--reps",
        type=positive_int,
        default=4,
        help="paired runs the participants are drawn from (default 4)",
    )
    p.add_argument(
        "--pilots", type=positive_int, default=200, help="simulated pilots per size (default 200)"
    )
    p.add_argument("--alpha", type=alpha_float, default=0.05, help="significance level (0.05)")
    add_scale_option(p)
    p.add_argument(
        "--months",
        type=positive_int,
        default=24,
        help="months per run (default 24; at least 24 for relapse)",
    )
    add_seed_option(p, 1)
    add_out_options(p, "out/power")
    return p


def power_result(rel: str) -> bool:
    """The files ``kluit power`` writes (what ``--force`` replaces)."""
    return rel in ("power.csv", "power.png", "power.md")


def run(args) -> int:
    from analysis.power import power, write_power
    from sim.scenario import load_scenario

    base, policy = scenario_path(args.base), scenario_path(args.policy)
    sizes = participants_list(args.participants)
    load_scenario(base), load_scenario(policy)  # bad files fail before any run
    out = check_out_dir(args.out, args.force)
    if args.months < 24:
        raise UsageError(
            f"--months: got {args.months}, allowed: 24 or more (placement within "
            "12 months, then relapse within 12 months of it)"
        )
    with Progress(args.reps, "power", unit="pair") as bar:
        try:
            res = power(
                base,
                policy,
                sizes,
                design=args.design,
                reps=args.reps,
                seed=args.seed,
                months=args.months,
                scale=args.scale,
                pilots=args.pilots,
                alpha=args.alpha,
                eligible=args.eligible,
                progress=bar,
            )
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    command = _command(args)
    paths = write_results(out, args.force, power_result, lambda tmp: write_power(res, tmp, command))
    _print_power(res, sizes)
    print(f"table: {paths['table']}; figure: {paths['figure']}")
    return 0


def _command(args) -> str:
    """The command line that reproduces these pilots (every option, defaults spelled out)."""
    return " ".join(
        shlex.quote(a)
        for a in [
            "kluit",
            "power",
            args.base,
            args.policy,
            "--participants",
            args.participants,
            "--design",
            args.design,
            "--eligible",
            args.eligible,
            "--reps",
            str(args.reps),
            "--pilots",
            str(args.pilots),
            "--alpha",
            str(args.alpha),
            "--scale",
            str(args.scale),
            "--months",
            str(args.months),
            "--seed",
            str(args.seed),
        ]
    )


def _print_power(res, sizes: list[int]) -> None:
    """The power per size and outcome, the smallest size with 80% power, and a note when the
    simulated pool is smaller than the largest pilot."""
    print(f"{'participants':>12s} {'outcome':>14s} {'effect':>8s} {'power':>6s}  95% interval")
    for r in res.table.itertuples():
        iv = f"{r.low:.2f}-{r.high:.2f}" if math.isfinite(r.low) else "n/a"
        pw = f"{r.power:.2f}" if math.isfinite(r.power) else "n/a"
        print(f"{r.participants:>12d} {r.outcome:>14s} {r.effect:>+8.3f} {pw:>6s}  {iv}")
    for o, n in res.smallest.items():
        print(f"smallest N with 80% power for {o}: {n if n else 'none of those tried'}")
    pool = res.settings["eligible_persons"]
    if pool < max(sizes):
        print(
            f"note: the pilots draw from {pool} simulated eligible persons, fewer than "
            f"{max(sizes)} participants; a larger --scale or --reps gives a truer spread"
        )

"""``kluit report validation``: regenerate ``docs/validation.md`` and its figures.

The report runs the baseline, the textbook theory check and the Beveridge-curve scenarios from
scratch (about a minute at the default scale) and writes ``<out>/validation.md`` and
``<out>/figures/validation_*.png``.
"""

from __future__ import annotations

import shlex

from kluit.commands.common import (
    Progress,
    add_out_options,
    add_scale_option,
    add_seed_option,
    check_out_dir,
    positive_int,
    staged_out_dir,
)

REPORTS = ("validation",)


def add_parser(sub):
    p = sub.add_parser(
        "report",
        help="regenerate a report (validation: docs/validation.md)",
        description="Regenerate a report from fresh runs.",
    )
    p.add_argument("kind", choices=REPORTS, help="which report: validation")
    add_scale_option(p, "population scale of the runs (default 0.1)")
    p.add_argument(
        "--reps",
        type=positive_int,
        default=5,
        help="replications of the baseline and the theory check (default 5)",
    )
    p.add_argument(
        "--months", type=positive_int, default=60, help="months of the baseline runs (default 60)"
    )
    add_seed_option(p, 2026, "master seed (default 2026)")
    add_out_options(p, "docs")
    return p


def report_result(rel: str) -> bool:
    """The files of the validation report: ``validation.md`` and ``figures/validation_*.png``
    (the other documents and figures of ``docs/`` are kept)."""
    return rel == "validation.md" or (
        rel.startswith("figures/validation_") and rel.endswith(".png") and rel.count("/") == 1
    )


def _command(args) -> str:
    parts = ["kluit", "report", args.kind]
    defaults = {"scale": 0.1, "reps": 5, "months": 60, "seed": 2026, "out": "docs"}
    for k, d in defaults.items():
        v = getattr(args, k)
        if v != d:
            parts += [f"--{k}", str(v)]
    if args.force:
        parts.append("--force")
    return " ".join(shlex.quote(p) for p in parts)


def run(args) -> int:
    from analysis.validation_report import ValidationSettings, write_validation_report

    out = check_out_dir(args.out, args.force)  # before any run: a bad --out fails fast
    st = ValidationSettings(
        scale=args.scale,
        reps=args.reps,
        months=args.months,
        seed=args.seed,
        beveridge_reps=min(args.reps, 3),
        command=_command(args),
    )
    bars: dict[str, Progress] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage not in bars:
            for b in bars.values():
                b.close()
            bars[stage] = Progress(total, stage, unit="run")
        bars[stage](done, total)

    try:
        with staged_out_dir(out, args.force, report_result) as tmp:  # every file or none
            path = out / write_validation_report(tmp, st, progress=progress).relative_to(tmp)
    finally:
        for b in bars.values():
            b.close()
    print(f"validation report: {path} (figures in {path.parent / 'figures'})")
    return 0

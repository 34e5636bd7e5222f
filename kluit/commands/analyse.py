"""``kluit analyse DIR`` (or ``kluit sensitivity DIR``): indices, tables and figures of a sweep.

Sobol designs give first-order and total indices (S1, ST), Morris designs mu*, sigma, each with
95% bootstrap intervals; every design gives a table of means per point and, for every lever
and uncertainty, a figure of each outcome against it (mean and 95% band over replications).
"""

from __future__ import annotations

from pathlib import Path

from analysis.sensitivity import AnalysisError, analyse
from kluit.cli import UsageError
from kluit.commands.common import add_out_options, check_out_dir, positive_int, staged_out_dir


def analysis_result(rel: str) -> bool:
    """The files ``kluit analyse`` writes: tables and figures at the top of its folder."""
    return "/" not in rel and rel.endswith((".csv", ".png"))


def add_parser(sub):
    p = sub.add_parser(
        "analyse",
        aliases=["sensitivity"],
        help="sensitivity indices, tables and figures of a finished sweep",
        description=__doc__.split("\n\n")[1],
    )
    p.add_argument("dir", help="sweep output folder (holds results.parquet and metadata.json)")
    add_out_options(p, None, shown="DIR/analysis")
    p.add_argument(
        "--resamples",
        type=positive_int,
        default=1000,
        help="bootstrap resamples for the intervals (default 1000)",
    )
    return p


def run(args) -> int:
    if not Path(args.dir).is_dir():
        raise UsageError(f"{args.dir}: no such folder")
    # before any computing: a bad --out fails fast
    out = check_out_dir(Path(args.dir) / "analysis" if args.out is None else args.out, args.force)
    with staged_out_dir(out, args.force, analysis_result) as tmp:  # every file or none
        try:
            a = analyse(args.dir, tmp, resamples=args.resamples)
        except AnalysisError as exc:
            raise UsageError(str(exc)) from None
    if a.indices is not None:
        cols = [c for c in a.indices.columns if c not in ("role", "note")]
        print(a.indices[cols].to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        for note in sorted(set(a.indices["note"]) - {""}):
            print(f"note: {note}")
    else:
        show = a.means.drop(columns=["n"])
        print(show.to_string(index=False, float_format=lambda v: f"{v:.4g}"))
    print(f"wrote {len(a.files)} files to {out}/: " + ", ".join(f.name for f in a.files))
    return 0

"""``kluit analyse DIR`` (or ``kluit sensitivity DIR``): indices, tables and figures of a sweep.

Sobol designs give first-order and total indices (S1, ST), Morris designs mu*, sigma, each with
95% bootstrap intervals; every design gives a table of means per point and, for every lever
and uncertainty, a figure of each outcome against it (mean and 95% band over replications).
"""

from __future__ import annotations

from pathlib import Path

from analysis.sensitivity import AnalysisError, analyse
from kluit.cli import UsageError
from kluit.commands.common import positive_int


def add_parser(sub):
    p = sub.add_parser(
        "analyse",
        aliases=["sensitivity"],
        help="sensitivity indices, tables and figures of a finished sweep",
        description=__doc__.split("\n\n")[1],
    )
    p.add_argument("dir", help="sweep output folder (holds results.parquet and metadata.json)")
    p.add_argument("--out", default=None, help="where to write (default DIR/analysis)")
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
    try:
        a = analyse(args.dir, args.out, resamples=args.resamples)
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
    print(f"wrote {len(a.files)} files to {a.out}/: " + ", ".join(f.name for f in a.files))
    return 0

"""``kluit rerun DIR RUN_KEY``: reproduce one run of a sweep from its metadata, bit for bit."""

from __future__ import annotations

import math
from pathlib import Path

from analysis.sweep import rerun
from kluit.cli import UsageError


def add_parser(sub):
    p = sub.add_parser(
        "rerun", help="rerun one run of a sweep and check it matches", description=__doc__
    )
    p.add_argument("dir", help="sweep output folder (holds metadata.json)")
    p.add_argument("run_key", help="run key (or a unique prefix) from results.parquet")
    return p


def run(args) -> int:
    if not Path(args.dir).is_dir():
        raise UsageError(f"{args.dir}: no such folder")
    res = rerun(args.dir, args.run_key)
    r = res.run
    print(f"run {res.key}: point {r.point}, replication {r.replication}, seed {r.seed}")
    for k, v in r.values.items():
        print(f"  {k} = {v}")
    for note in res.notes:
        print(f"  note: {note}")
    for o, v in res.outcomes.items():
        s = None if res.stored is None else res.stored.get(o)
        show = "n/a" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.10g}"
        print(f"  {o:40s} {show}" + ("" if s is None else f"  (stored {s:.10g})"))
    if res.stored is None:
        print("no stored result for this run (it failed or has not run); nothing to compare")
        return 1
    if res.matches:
        print("identical to the stored result (outcomes and monthly series, bit for bit)")
        return 0
    print("DIFFERS from the stored result:")
    for d in res.differences:
        print(f"  {d}")
    return 1

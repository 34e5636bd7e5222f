"""``kluit sweep SWEEP_FILE``: run a design of points x replications, resumable, in parallel.

Local processes by default; ``--workers 1`` runs in this process; ``--scheduler tcp://...``
uses an existing Dask cluster and ``--local-dask`` starts a Dask LocalCluster on 127.0.0.1.
Rerunning the same command after a crash or Ctrl-C skips the finished runs.
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from analysis.backends import make_backend
from analysis.sweep import load_sweep, run_sweep
from kluit.cli import UsageError
from kluit.commands.common import check_out_dir, positive_int, scale_float

#: errors of writing the results that the user can fix (disk full, read-only, no permission)
_WRITE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def add_parser(sub):
    p = sub.add_parser(
        "sweep",
        help="run a sweep file (grid, Latin hypercube, Sobol, Morris)",
        description=__doc__.split("\n\n")[1],
    )
    p.add_argument("sweep_file", help="sweep TOML file (see docs/sweeps.md)")
    p.add_argument(
        "--out",
        default=None,
        help="output folder (default out/sweeps/<sweep name>); rerun with the same "
        "folder to resume",
    )
    p.add_argument(
        "--workers",
        type=positive_int,
        default=None,
        help="local worker processes (default: one per CPU; 1 = in this process); "
        "with --local-dask the number of Dask workers (default 2)",
    )
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="run on an existing Dask cluster, e.g. tcp://127.0.0.1:8786",
    )
    where.add_argument(
        "--local-dask",
        action="store_true",
        help="run on a Dask LocalCluster on 127.0.0.1 (no dashboard)",
    )
    p.add_argument(
        "--months",
        type=positive_int,
        default=None,
        help="override the sweep file's months (a different sweep: new run keys)",
    )
    p.add_argument(
        "--scale",
        type=scale_float,
        default=None,
        help="override the sweep file's scale (a different sweep: new run keys)",
    )
    p.add_argument(
        "--replications",
        type=positive_int,
        default=None,
        help="override the sweep file's replications",
    )
    p.add_argument(
        "--batch",
        type=positive_int,
        default=None,
        help="runs per task (default: adapts to about one second per task)",
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="validate the sweep file and show the plan without running",
    )
    return p


def run(args) -> int:
    overrides = {"months": args.months, "scale": args.scale, "replications": args.replications}
    sweep = load_sweep(args.sweep_file, overrides)
    design = sweep.make_design()
    n_runs = len(design) * sweep.replications
    out = Path("out") / "sweeps" / sweep.name if args.out is None else Path(args.out)
    print(
        f"sweep {sweep.name}: design {sweep.design}, {len(design)} points x "
        f"{sweep.replications} replications = {n_runs} runs, {sweep.months} months at scale "
        f"{sweep.scale:g}"
    )
    for f in sweep.factors:
        rng = ", ".join(map(str, f.values)) if not f.continuous else f"{f.low:g} .. {f.high:g}"
        print(f"  {f.role:11s} {f.key}: {rng}")
    if args.dry_run:
        return 0
    check_out_dir(out if args.out is None else args.out, sweep=True)  # before any run: a file,
    # a read-only folder or a full disk fails fast
    try:
        backend = make_backend(args.workers, args.scheduler, args.local_dask)
    except OSError as exc:  # includes Dask's connection timeouts
        raise UsageError(
            f"--scheduler {args.scheduler}: cannot reach the Dask scheduler "
            f"({exc}); allowed: the address of a running 'dask scheduler'"
        ) from None
    bar = _Bar(n_runs, sweep.name)
    try:
        with backend:
            print(f"running on {backend.description}; results in {out}/", flush=True)
            report = run_sweep(sweep, out, backend, progress=bar, batch_size=args.batch)
    except OSError as exc:  # e.g. the disk filled up during the sweep
        if exc.errno not in _WRITE_ERRORS:
            raise
        raise UsageError(
            f"--out {out}: cannot write the results ({exc.strerror or exc}); the "
            "finished runs are kept; allowed: a folder on a disk with free space "
            "that you can write to (rerun the same command to resume)"
        ) from None
    finally:
        bar.close()
    rate = report.done / report.seconds * 60 if report.seconds > 0 and report.done else 0.0
    print(
        f"finished {report.finished} of {report.total} runs ({report.skipped} from an earlier "
        f"session), {report.failed} failed; {report.seconds:.1f} s this session"
        + (f", {rate:.0f} runs/min" if rate else "")
    )
    print(f"results in {out}/ (results.parquet, monthly.parquet, metadata.json)")
    for note in report.notes:
        print(f"kluit: note: {note}", file=sys.stderr)
    if report.failed:
        print(
            f"kluit: {report.failed} runs failed; errors in {out}/failed/ (rerun the same "
            "command to retry them)",
            file=sys.stderr,
        )
        return 1
    return 0


class _Bar:
    """tqdm bar: runs done (including earlier sessions), failed, time left."""

    def __init__(self, total: int, name: str):
        from tqdm import tqdm

        self.bar = tqdm(
            total=total,
            desc=f"sweep {name}",
            unit="run",
            file=sys.stderr,
            mininterval=0.5,
            disable=None,
            leave=False,
            dynamic_ncols=True,
        )
        self.started = False

    def __call__(self, report) -> None:
        if not self.started:  # runs from an earlier session: start the bar there
            self.bar.reset(total=report.total)
            self.bar.update(report.skipped)
            self.started = True
        self.bar.update(report.finished + report.failed - self.bar.n)
        self.bar.set_postfix(failed=report.failed, refresh=False)

    def close(self) -> None:
        self.bar.close()

"""The on-disk result store of a sweep: one small Parquet file per finished run, resumable.

Layout of a sweep folder::

    metadata.json           sweep file, base scenario, every run key with seed and point values,
                            package versions, git revision, sessions
    runs/<key>.parquet      one row per outcome of one finished run (written last: the marker
                            that the run is complete)
    monthly/<key>.parquet   the region-level monthly series of that run
    failed/<key>.json       error and traceback of a run that raised
    results.parquet         all runs, one row per run and outcome (consolidated at the end)
    monthly.parquet         all runs' monthly series (consolidated at the end)

Every file is written to a temporary name, fsynced and renamed (``analysis.io``), so a file is
complete or absent. A run counts as finished when ``runs/<key>.parquet`` exists; its monthly
file is written first, so a crash between the two only repeats that run. Consolidation streams
the per-run files through a ``ParquetWriter`` in plan order (point, replication), holding at
most one row group in memory, so the result does not depend on the order runs finished in and
memory does not grow with the number of runs.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import traceback as tb_module
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.designs import Factor
from analysis.io import atomic_write_bytes, write_json

__all__ = ["RunSpec", "SweepStore", "key_schema"]

_ARROW = {bool: pa.bool_(), int: pa.int64(), float: pa.float64(), str: pa.string()}
#: rows collected before a row group is written during consolidation
_ROW_GROUP = 16_384


@dataclass(frozen=True, slots=True)
class RunSpec:
    """One planned run: its key, design point, replication, derived seed and point values."""

    key: str
    point: int
    replication: int
    seed: int
    values: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "point": self.point,
            "replication": self.replication,
            "seed": self.seed,
            "values": dict(self.values),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> RunSpec:
        return cls(
            d["key"], int(d["point"]), int(d["replication"]), int(d["seed"]), dict(d["values"])
        )


def key_schema(factors: Sequence[Factor]) -> list[pa.Field]:
    """Columns that identify a run: key, point, replication, seed, then one per factor."""
    return [
        pa.field("run_key", pa.string()),
        pa.field("point", pa.int64()),
        pa.field("replication", pa.int64()),
        pa.field("seed", pa.int64()),
        *(pa.field(f.key, _ARROW[f.kind]) for f in factors),
    ]


def results_schema(factors: Sequence[Factor]) -> pa.Schema:
    return pa.schema(
        [*key_schema(factors), pa.field("outcome", pa.string()), pa.field("value", pa.float64())]
    )


def monthly_schema(factors: Sequence[Factor]) -> pa.Schema:
    return pa.schema(
        [
            *key_schema(factors),
            pa.field("month", pa.int64()),
            pa.field("variable", pa.string()),
            pa.field("value", pa.float64()),
        ]
    )


def _key_columns(run: RunSpec, factors: Sequence[Factor], n: int) -> dict[str, list]:
    cols: dict[str, list] = {
        "run_key": [run.key] * n,
        "point": [run.point] * n,
        "replication": [run.replication] * n,
        "seed": [run.seed] * n,
    }
    for f in factors:
        cols[f.key] = [run.values[f.key]] * n
    return cols


def _parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


class SweepStore:
    """Reads and writes one sweep folder (see the module docstring for the layout)."""

    def __init__(self, root: str | os.PathLike, factors: Sequence[Factor] = ()):
        self.root = Path(root)
        self.factors = tuple(factors)
        self.runs_dir = self.root / "runs"
        self.monthly_dir = self.root / "monthly"
        self.failed_dir = self.root / "failed"
        self.metadata_path = self.root / "metadata.json"
        self.results_path = self.root / "results.parquet"
        self.monthly_path = self.root / "monthly.parquet"

    # ------------------------------------------------------------------ state
    def finished(self) -> set[str]:
        """Keys of runs whose result file exists."""
        return {p.name[: -len(".parquet")] for p in self.runs_dir.glob("*.parquet")}

    def failed(self) -> set[str]:
        return {p.stem for p in self.failed_dir.glob("*.json")}

    def remove_partial_files(self) -> int:
        """Delete temporary files left by writes that a crash interrupted; returns how many."""
        n = 0
        for d in (self.root, self.runs_dir, self.monthly_dir, self.failed_dir):
            for p in d.glob(".*.tmp"):
                p.unlink(missing_ok=True)
                n += 1
        return n

    # ------------------------------------------------------------------ metadata
    def read_metadata(self) -> dict[str, Any] | None:
        if not self.metadata_path.is_file():
            return None
        return json.loads(self.metadata_path.read_text())

    def write_metadata(self, meta: Mapping[str, Any]) -> Path:
        """Write metadata.json: indented, except the long ``points`` and ``runs`` arrays, which
        are written on one line each (a million runs take ~50 MB instead of ~1.5 GB to write).
        """
        big = {k: meta[k] for k in ("points", "runs") if k in meta}
        head = {k: (f"@@{k}@@" if k in big else v) for k, v in meta.items()}
        text = json.dumps(head, indent=2, allow_nan=False)
        for k, v in big.items():
            text = text.replace(
                json.dumps(f"@@{k}@@"), json.dumps(v, separators=(",", ":"), allow_nan=False), 1
            )
        return atomic_write_bytes(self.metadata_path, (text + "\n").encode())

    # ------------------------------------------------------------------ one run
    def write_run(self, run: RunSpec, outcomes: Mapping[str, float], monthly) -> None:
        """Write the monthly series, then the outcomes (which marks the run finished).

        ``monthly`` is a frame with columns month, variable, value (region level).
        """
        n = len(monthly)
        mcols = _key_columns(run, self.factors, n)
        mcols["month"] = monthly["month"].to_numpy(dtype="int64")
        mcols["variable"] = monthly["variable"].astype(str).tolist()
        mcols["value"] = monthly["value"].to_numpy(dtype="float64")
        mtable = pa.table(mcols, schema=monthly_schema(self.factors))
        atomic_write_bytes(self.monthly_dir / f"{run.key}.parquet", _parquet_bytes(mtable))

        k = len(outcomes)
        cols = _key_columns(run, self.factors, k)
        cols["outcome"] = list(outcomes)
        cols["value"] = [float(v) if v is not None else math.nan for v in outcomes.values()]
        table = pa.table(cols, schema=results_schema(self.factors))
        atomic_write_bytes(self.runs_dir / f"{run.key}.parquet", _parquet_bytes(table))
        (self.failed_dir / f"{run.key}.json").unlink(missing_ok=True)

    def write_failure(self, run: RunSpec, error: str, traceback: str) -> None:
        write_json(
            self.failed_dir / f"{run.key}.json",
            {**run.to_dict(), "error": error, "traceback": traceback},
        )

    def read_run(self, key: str):
        """(outcomes frame, monthly frame) of one finished run, as pandas."""
        return (
            pq.read_table(self.runs_dir / f"{key}.parquet").to_pandas(),
            pq.read_table(self.monthly_dir / f"{key}.parquet").to_pandas(),
        )

    def read_failure(self, key: str) -> dict[str, Any]:
        return json.loads((self.failed_dir / f"{key}.json").read_text())

    # ------------------------------------------------------------------ consolidation
    def consolidate(self, runs: Iterable[RunSpec]) -> tuple[int, int]:
        """Write results.parquet and monthly.parquet from the finished runs, in ``runs`` order.

        Returns the number of runs and of result rows written.
        """
        finished = self.finished()
        order = [r.key for r in runs if r.key in finished]
        rows = self._concat(self.runs_dir, order, results_schema(self.factors), self.results_path)
        self._concat(self.monthly_dir, order, monthly_schema(self.factors), self.monthly_path)
        return len(order), rows

    def _concat(self, folder: Path, keys: list[str], schema: pa.Schema, target: Path) -> int:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
        total = 0
        try:
            with pq.ParquetWriter(tmp, schema) as writer:
                buf: list[pa.Table] = []
                size = 0
                for key in keys:
                    t = pq.read_table(folder / f"{key}.parquet").cast(schema)
                    buf.append(t)
                    size += t.num_rows
                    if size >= _ROW_GROUP:
                        writer.write_table(pa.concat_tables(buf))
                        total += size
                        buf, size = [], 0
                if buf or total == 0:
                    writer.write_table(pa.concat_tables(buf) if buf else schema.empty_table())
                    total += size
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; results are for sharing
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return total


def format_exception(exc: BaseException) -> tuple[str, str]:
    """(one-line error, full traceback) of an exception, for ``failed/<key>.json``."""
    text = "".join(tb_module.format_exception(type(exc), exc, exc.__traceback__))
    return f"{type(exc).__name__}: {exc}", text

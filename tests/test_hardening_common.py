"""Shared helpers of the hardening tests (issue 8); this module holds no tests itself.

- :func:`kluit` runs the ``kluit`` command in this process and returns its exit code and
  output; an exception that escapes ``main`` becomes a traceback in ``err``, never a test error,
  so every test can assert ``"Traceback" not in err``.
- :func:`toml_text` writes any parsed-TOML-like value (NaN, infinities and huge integers
  included) as TOML, so hypothesis can generate scenario and region files.
- :class:`Counts` records what the suite tried (inputs, exit codes, runs compared, crashes
  survived) in ``out/hardening_counts.jsonl`` (one line per test module and process, so it works
  under pytest-xdist); ``python tests/test_hardening_common.py`` sums the file.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import io
import json
import math
import os
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
COUNTS_FILE = Path(
    os.environ.get("KLUIT_HARDENING_COUNTS", ROOT / "out" / "hardening_counts.jsonl")
)

#: words with which an error message says what is allowed instead
ALLOWED_WORDS = (
    "allowed",
    "did you mean",
    "required",
    "keys in [",
    "expects",
    "such as",
    "must",
    "give both",
    "not valid TOML",
    "not UTF-8",
    "no such",
    "extends cycle",
    "given twice",
    "expected one argument",
)


# --- the command, in-process -----------------------------------------------------------------


@dataclass
class Outcome:
    """Exit code and output of one ``kluit`` call."""

    rc: int
    out: str
    err: str

    def __str__(self) -> str:
        return f"exit {self.rc}\n--- stdout\n{self.out[-3000:]}\n--- stderr\n{self.err[-6000:]}"


def kluit(*argv: Any) -> Outcome:
    """Run ``kluit ARGV...`` in this process (fast); an escaping exception is a traceback."""
    from kluit.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse: --help, --version and its own errors
            code = exc.code
            if isinstance(code, str):
                print(code, file=sys.stderr)
                code = 1
            rc = 0 if code is None else int(code)
        except BaseException:  # noqa: BLE001 - what a user would see as a traceback
            traceback.print_exc()
            rc = 1
    return Outcome(int(rc), out.getvalue(), err.getvalue())


def assert_no_traceback(o: Outcome) -> None:
    assert "Traceback" not in o.err, str(o)
    assert o.rc in (0, 2), str(o)


def assert_bad_input(
    o: Outcome,
    *,
    file: str | os.PathLike | None = None,
    key: str | None = None,
    allowed: bool = True,
    also: tuple[str, ...] = (),
) -> None:
    """Exit 2, no traceback, and a message naming the file, the key and what is allowed."""
    assert "Traceback" not in o.err, str(o)
    assert o.rc == 2, str(o)
    msg = o.err
    if file is not None:
        assert os.fspath(file) in msg, f"file {os.fspath(file)!r} not named\n{o}"
    if key is not None:
        assert key in msg, f"key {key!r} not named\n{o}"
    if allowed:
        assert any(w in msg for w in ALLOWED_WORDS), f"does not say what is allowed\n{o}"
    for text in also:
        assert text in msg, f"{text!r} not in the message\n{o}"


# --- TOML writing ----------------------------------------------------------------------------

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def toml_key(key: str) -> str:
    from sim.scenario import _toml_str

    return key if _BARE.fullmatch(key) else _toml_str(key)


def toml_value(value: Any) -> str:
    """A TOML value, inline; NaN and infinities as TOML writes them."""
    from sim.scenario import _toml_str

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_text(data: dict[str, Any], *, sections: bool = True) -> str:
    """TOML for a flat {dotted key: value} mapping (``shocks`` and tables of arrays inline).

    With ``sections``, keys are grouped under ``[section]`` headers; otherwise every key is
    written as a dotted key at the top (both are the same document in TOML).
    """
    top, tables = [], collections.defaultdict(list)
    for key, value in data.items():
        table, _, leaf = key.rpartition(".")
        if sections and table:
            tables[table].append(f"{toml_key(leaf)} = {toml_value(value)}")
        else:
            dotted = ".".join(toml_key(k) for k in key.split("."))
            top.append(f"{dotted} = {toml_value(value)}")
    lines = list(top)
    for table, rows in tables.items():
        lines += ["", "[" + ".".join(toml_key(k) for k in table.split(".")) + "]", *rows]
    return "\n".join(lines) + "\n"


def region_text(name: str, rows: list[dict], links: list[dict], extra: dict | None = None) -> str:
    """A region file: top-level keys, then [[municipality]] and [[link]] tables."""
    lines = [f"name = {toml_value(name)}"]
    lines += [
        f"{toml_key(k)} = {toml_value(v)}"
        for k, v in (extra or {}).items()
        if not isinstance(v, dict)
    ]
    for k, v in (extra or {}).items():
        if isinstance(v, dict):
            lines += ["", f"[{k}]", *(f"{toml_key(a)} = {toml_value(b)}" for a, b in v.items())]
    for table, items in (("municipality", rows), ("link", links)):
        for item in items:
            lines += [
                "",
                f"[[{table}]]",
                *(f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()),
            ]
    return "\n".join(lines) + "\n"


# --- results ---------------------------------------------------------------------------------


def non_finite(obj: Any, path: str = "") -> list[str]:
    """Paths of NaN or infinite floats in nested dicts/lists (None is allowed)."""
    if isinstance(obj, dict):
        return [p for k, v in obj.items() for p in non_finite(v, f"{path}.{k}")]
    if isinstance(obj, (list, tuple)):
        return [p for i, v in enumerate(obj) for p in non_finite(v, f"{path}[{i}]")]
    if hasattr(obj, "item") and not isinstance(obj, (str, bytes)):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return [path]
    return []


def ledger_balances(model) -> list[str]:
    """Money in the ledger balances: each item's total is the sum of its monthly bookings."""
    monthly: dict = collections.defaultdict(float)
    for rec in model.series:
        for item, eur in rec["costs"].items():
            monthly[item] += eur
    totals = dict(model.ledger.totals)
    problems = []
    for item in set(monthly) | set(totals):
        a, b = monthly.get(item, 0.0), totals.get(item, 0.0)
        if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6):
            problems.append(f"{item}: months add up to {a!r}, the total is {b!r}")
        if not math.isfinite(b) or b < 0:
            problems.append(f"{item}: total {b!r}")
    return problems


def run_checked(
    scenario,
    *,
    region: str | None,
    scale: float,
    months: int = 24,
    seed: int = 1,
    counts: Counts | None = None,
    **kw,
):
    """Run ``LabourMarketModel(check=True)`` and check it from outside too; returns the model.

    Outside checks: the persons table grows only by entrants, every month's stocks count every
    person once, the ledger balances, and summary and monthly table hold no NaN or infinity.
    """
    from sim.model import LabourMarketModel
    from sim.state import N_STATES

    m = LabourMarketModel(
        scenario, scale=scale, months=months, rng=seed, region=region, check=True, **kw
    )
    n0 = m.persons.n
    m.run()
    if counts is not None:
        counts["runs with --check"] += 1
        counts["months checked"] += months
    entries = sum(r["counts"].get("entries", 0) for r in m.series[1:])
    assert m.persons.n == n0 + entries, "the persons table grew by more than the entrants"
    states = np.bincount(m.persons.state, minlength=N_STATES)
    assert states.sum() == m.persons.n and len(states) == N_STATES
    alive = n0
    for rec in m.series:  # every month's stocks count every person once
        alive += rec["counts"].get("entries", 0) if rec["month"] > 0 else 0
        assert rec["stocks"].sum() == alive, f"month {rec['month']}"
    assert ledger_balances(m) == []
    summary = m.summary()
    assert non_finite(summary) == [], non_finite(summary)
    table = m.monthly_table()
    assert not table["value"].isna().any(), table[table["value"].isna()].head()
    assert np.isfinite(table["value"]).all()
    return m


# --- counts ----------------------------------------------------------------------------------


class Counts(collections.Counter):
    """What one test module tried; :meth:`flush` appends it to ``COUNTS_FILE``."""

    def __init__(self, module: str):
        super().__init__()
        self.module = module

    def flush(self) -> None:
        if not self:
            return
        COUNTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        line = (
            json.dumps(
                {
                    "module": self.module,
                    "pid": os.getpid(),
                    "time": datetime.datetime.now().isoformat(timespec="seconds"),
                    "counts": dict(self),
                }
            )
            + "\n"
        )
        with open(COUNTS_FILE, "a", encoding="utf-8") as f:  # one short append: atomic
            f.write(line)
        self.clear()


def summarise(path: Path = COUNTS_FILE, since: str = "") -> dict[str, int]:
    """Sum the counts of every line written at or after ``since`` (ISO time)."""
    total: collections.Counter = collections.Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["time"] >= since:
            total.update(rec["counts"])
    return dict(sorted(total.items()))


if __name__ == "__main__":  # pragma: no cover
    for k, v in summarise(since=sys.argv[1] if len(sys.argv) > 1 else "").items():
        print(f"{v:8d}  {k}")


def consistent(values: dict[str, Any]) -> dict[str, Any]:
    """``values`` (dotted keys, valid each on its own) made consistent with each other and with
    the defaults of the keys not given: no policy starts after it ends, no lower bound of an
    ordered pair (``sim.scenario.ORDERED_PAIRS``) is above its upper bound. Generators of
    valid scenarios use it; values of the wrong type are left alone."""
    from sim.params import default_values
    from sim.scenario import ORDERED_PAIRS

    out = dict(values)
    defaults = default_values()

    def num(key):
        v = out.get(key, defaults[key])
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        return v if ok else None

    for key in list(out):
        if key.startswith("policies.") and key.endswith(".start_month"):
            start, end = num(key), num(key[: -len("start_month")] + "end_month")
            if start is not None and end is not None and end >= 0 and start > end:
                out[key] = end
    for lo_key, hi_key in ORDERED_PAIRS:
        lo, hi = num(lo_key), num(hi_key)
        if lo is not None and hi is not None and lo > hi:
            if lo_key in out:
                out[lo_key] = hi
            else:
                out[hi_key] = lo
    return out

"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kluit.cli import UsageError
from sim.files import InputFileError, check_input_file
from sim.scenario import parse_override


def positive_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"got {text!r}, allowed: a whole number >= 1") from None
    if v < 1:
        raise argparse.ArgumentTypeError(f"got {v}, allowed: a whole number >= 1")
    return v


def seed_int(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"got {text!r}, allowed: a whole number >= 0") from None
    if not 0 <= v < 2**63:
        raise argparse.ArgumentTypeError(f"got {v}, allowed: 0 to 2**63-1")
    return v


def scale_float(text: str) -> float:
    """``--scale``: the range of ``run.scale`` in the parameter registry, so both say the same."""
    from sim.params import all_params

    allowed = all_params()["run.scale"].allowed()
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"got {text!r}, allowed: {allowed}") from None
    p = all_params()["run.scale"]
    if not (p.lo <= v <= p.hi):
        raise argparse.ArgumentTypeError(f"got {text}, allowed: {allowed}")
    return v


def add_run_options(p: argparse.ArgumentParser, *, seed_help: str = "seed of the run") -> None:
    p.add_argument("--seed", type=seed_int, default=None, help=seed_help)
    p.add_argument("--months", type=positive_int, default=None, help="months to simulate")
    p.add_argument("--scale", type=scale_float, default=None,
                   help="share of the population to simulate (1.0 = everyone; 0.1 for a quick look)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a scenario key, e.g. policies.wage_subsidy.enabled=true")


def overrides(args) -> list[tuple[str, object]]:
    return [parse_override(text) for text in args.overrides]


def scenario_path(text: str) -> str:
    """A scenario file named on the command line: a regular file of a sane size."""
    try:
        check_input_file(text)
    except InputFileError as exc:
        if exc.missing:
            raise UsageError(f"{text}: scenario file not found") from None
        raise UsageError(f"{text}: {exc.reason}; allowed: a scenario TOML file") from None
    return text


class Progress:
    """A tqdm progress bar on stderr (quiet when not a terminal and for short jobs)."""

    def __init__(self, total: int, desc: str, unit: str = "month"):
        from tqdm import tqdm

        self.bar = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, mininterval=0.5,
                        disable=None, leave=False)
        self.n = 0

    def __call__(self, done: int, total: int) -> None:
        self.bar.total = total
        self.bar.update(done - self.n)
        self.n = done

    def close(self) -> None:
        self.bar.close()

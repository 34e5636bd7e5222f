"""The ``kluit`` command: run, compare and validate scenarios (and more, see ``--help``).

Every command module in ``kluit/commands/`` adds its own sub-parser; bad input (a scenario
file, a region file, an option) ends with exit code 2 and a message naming the file, the key
and what is allowed, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: command modules under kluit/commands, in the order ``--help`` lists them
COMMANDS = [
    "run",
    "compare",
    "validate",
    "sweep",
    "analyse",
    "calibrate",
    "report",
    "rerun",
    "monitor",
    "power",
    "ui",
]

EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """Bad command-line input (exit code 2)."""


def _available_commands():
    mods = []
    for name in COMMANDS:
        try:
            mods.append(importlib.import_module(f"kluit.commands.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"kluit.commands.{name}":
                raise
    return mods


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own errors: exit 2 with the usage line
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"kluit: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kluit",
        description="Kluit: an agent-based simulator of a regional "
        "labour market, for comparing re-integration policies.",
    )
    from sim import __version__

    parser.add_argument("--version", action="version", version=f"kluit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for mod in _available_commands():
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from sim.region import RegionError
    from sim.scenario import ScenarioError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except (ScenarioError, RegionError, UsageError) as exc:
        print(f"kluit: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("kluit: interrupted; finished results are kept", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    # run as ``python -m kluit.cli``: use the module ``kluit.cli`` itself, so that the
    # UsageError the commands raise (imported from kluit.cli) is the one caught in main()
    from kluit.cli import main as _main

    sys.exit(_main())

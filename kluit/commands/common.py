"""Options and helpers shared by the sub-commands."""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from kluit.cli import UsageError
from sim.files import InputFileError, check_input_file
from sim.scenario import parse_override


def parse_number[Number: (int, float)](
    text: str,
    kind: Callable[[str], Number],
    lo: float,
    hi: float,
    allowed: str,
    out_of_range: str | None = None,
) -> Number:
    """``text`` as ``kind`` (int or float) from ``lo`` to ``hi``, for an argparse ``type``.

    Anything else is an argparse error saying what is ``allowed`` (``out_of_range`` for a
    number outside the range, when that says it better); it shows a whole number as parsed and
    a decimal one as typed.
    """
    try:
        v = kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"got {text!r}, allowed: {allowed}") from None
    if not lo <= v <= hi:
        shown = v if kind is int else text
        raise argparse.ArgumentTypeError(f"got {shown}, allowed: {out_of_range or allowed}")
    return v


def positive_int(text: str) -> int:
    return parse_number(text, int, 1, math.inf, "a whole number >= 1")


def seed_int(text: str) -> int:
    return parse_number(text, int, 0, 2**63 - 1, "a whole number >= 0", "0 to 2**63-1")


def scale_float(text: str) -> float:
    """``--scale``: the range of ``run.scale`` in the parameter registry, so both say the same."""
    from sim.params import all_params

    p = all_params()["run.scale"]
    return parse_number(text, float, p.lo, p.hi, p.allowed())


def add_scale_option(p: argparse.ArgumentParser, help: str = "population scale (0.1)") -> None:
    """``--scale`` of a command that simulates many runs: 0.1 unless given."""
    p.add_argument("--scale", type=scale_float, default=0.1, help=help)


def add_seed_option(p: argparse.ArgumentParser, default: int, help: str | None = None) -> None:
    """``--seed``, the master seed the seeds of every run derive from."""
    p.add_argument(
        "--seed", type=seed_int, default=default, help=help or f"master seed ({default})"
    )


def add_run_options(p: argparse.ArgumentParser, *, seed_help: str = "seed of the run") -> None:
    p.add_argument("--seed", type=seed_int, default=None, help=seed_help)
    p.add_argument("--months", type=positive_int, default=None, help="months to simulate")
    p.add_argument(
        "--scale",
        type=scale_float,
        default=None,
        help="share of the population to simulate (1.0 = everyone; 0.1 for a quick look)",
    )
    p.add_argument(
        "--set",
        dest="overrides",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a scenario key, e.g. policies.wage_subsidy.enabled=true",
    )


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

        self.bar = tqdm(
            total=total,
            desc=desc,
            unit=unit,
            file=sys.stderr,
            mininterval=0.5,
            disable=None,
            leave=False,
        )
        self.n = 0

    def __call__(self, done: int, total: int) -> None:
        self.bar.total = total
        self.bar.update(done - self.n)
        self.n = done

    def close(self) -> None:
        self.bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- the output folder of the commands that write results ---------------------------------------

#: refuse an --out on a disk with less free space than this (bytes): results of a run at full
#: scale take a few megabytes
MIN_FREE_BYTES = 16 * 2**20


#: the files ``kluit run`` and ``kluit compare`` write: --force replaces these in a folder and
#: keeps anything else
RESULT_FILES = frozenset(
    {
        "summary.json",
        "monthly.csv",
        "placements.csv",
        "comparison.csv",
        "headline.csv",
        "stopgo.csv",
        "summary.md",
        "report.html",
    }
)


#: which files under an output folder (relative, '/'-separated) a command writes: --force
#: replaces those and keeps the rest
ResultTest = Callable[[str], bool]


def run_result(rel: str) -> bool:
    """The files of ``kluit run`` and ``kluit compare`` (RESULT_FILES)."""
    return rel in RESULT_FILES


def add_out_options(p: argparse.ArgumentParser, default: str | None, shown: str = "") -> None:
    """``--out`` (default ``default``, described as ``shown`` when given) and ``--force``."""
    p.add_argument(
        "--out",
        default=default,
        help=f"output folder (default {shown or default}); it must be new or empty unless --force",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty --out folder: its earlier results are replaced "
        "when the new ones are complete; other files in it are kept",
    )


def _nearest_existing(path: Path) -> Path:
    p = path
    while not os.path.lexists(p) and p != p.parent:
        p = p.parent
    return p


def check_out_dir(out: str | os.PathLike, force: bool = False, *, sweep: bool = False) -> Path:
    """Refuse an --out that cannot take the results, before any simulating (exit 2).

    ``out`` must be a folder, or not exist yet below a folder that can be written to (probed by
    creating and removing a temporary folder, so a read-only file system is found too) on a disk
    with at least MIN_FREE_BYTES free. A folder with files in it is refused unless ``force``.
    A sweep checks its own folder: it resumes into the folder of the same sweep.
    """
    if not os.fspath(out).strip():
        raise UsageError("--out: got an empty path; allowed: the path of a new or empty folder")
    try:
        return _check_out_dir(Path(out).absolute(), force, sweep)
    except OSError as exc:  # e.g. a name too long for the file system
        raise UsageError(
            f"--out {out}: cannot be used ({exc.strerror or exc}); allowed: the "
            "path of a new or empty folder"
        ) from None


def _check_out_dir(out: Path, force: bool, sweep: bool) -> Path:
    allowed = "allowed: a new or empty folder"
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: is a file, not a folder; {allowed}")
    if out.is_dir() and not sweep:
        try:
            entries = sorted(p.name for p in out.iterdir())
        except OSError as exc:
            raise UsageError(f"--out {out}: cannot be listed ({exc.strerror}); {allowed}") from None
        if entries and not force:
            shown = ", ".join(entries[:3]) + (", ..." if len(entries) > 3 else "")
            raise UsageError(
                f"--out {out}: the folder is not empty ({len(entries)} entries: "
                f"{shown}); {allowed}, or --force to replace the results in it"
            )
    base = _nearest_existing(out.parent)
    if not base.is_dir():
        raise UsageError(f"--out {out}: {base} is a file, not a folder; {allowed}")
    if not os.access(base, os.W_OK | os.X_OK):
        raise UsageError(
            f"--out {out}: cannot write to {base} (permission denied); "
            "allowed: a folder you can write to"
        )
    try:
        tempfile.TemporaryDirectory(dir=base, prefix=".kluit-probe-").cleanup()
    except OSError as exc:
        raise UsageError(
            f"--out {out}: cannot write to {base} ({exc.strerror or exc}); "
            "allowed: a folder you can write to"
        ) from None
    try:
        free = shutil.disk_usage(base).free
    except OSError:
        free = None
    if free is not None and free < MIN_FREE_BYTES:
        raise UsageError(
            f"--out {out}: the disk is (nearly) full, {free / 2**20:.1f} MB free; "
            f"allowed: a folder on a disk with at least {MIN_FREE_BYTES // 2**20} "
            "MB free"
        )
    return out


@contextlib.contextmanager
def staged_out_dir(
    out: str | os.PathLike, force: bool = False, results: ResultTest = run_result
) -> Iterator[Path]:
    """A temporary folder beside ``out`` to write the results into; moved into place whole.

    When the block ends without error the results move to ``out`` (see
    :func:`_move_into_place`: earlier results are removed only then, so ``--force`` never leaves
    a mix of old and new files). On any error, including a full disk, the temporary folder is
    removed and ``out`` is left as it was; a write error is reported as bad input (exit 2)
    naming the folder. ``results`` tells the command's own files (which ``--force`` replaces)
    from others.
    """
    out = Path(out).absolute()
    tmp: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp"))
        yield tmp
        _move_into_place(tmp, out, force, results)
        tmp = None
    except _OutTaken:
        tmp = None  # keep the results: the message says where they are
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(
            f"--out {out}: cannot write the results ({reason}); nothing was "
            "written; allowed: a folder on a disk with free space that you can "
            "write to"
        ) from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def write_results(
    out: Path, force: bool, results: ResultTest, write: Callable[[Path], dict[str, Path]]
) -> dict[str, Path]:
    """``write(folder)`` into a :func:`staged_out_dir` of ``out`` (every file or none); the
    paths it returns, as they are under ``out``."""
    with staged_out_dir(out, force, results) as tmp:
        written = write(tmp)
    return {k: out / p.relative_to(tmp) for k, p in written.items()}


class _OutTaken(UsageError):
    """--out was created (with files) by someone else while Kluit ran."""


def _files(folder: Path) -> list[str]:
    """The files under ``folder`` (not the folders), relative and '/'-separated."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_symlink() or not p.is_dir()
    )


def _only_results(folder: Path, results: ResultTest, prefix: str = "") -> bool:
    """Whether everything in ``folder`` is the command's own (an empty subfolder is not)."""
    entries = list(folder.iterdir())
    if not entries:
        return not prefix
    for p in entries:
        rel = prefix + p.name
        if p.is_dir() and not p.is_symlink():
            if not _only_results(p, results, rel + "/"):
                return False
        elif not results(rel):
            return False
    return True


def _remove_empty_folders(folder: Path) -> None:
    """Remove ``folder`` and the folders below it that hold no files (bottom up)."""
    for d in sorted((p for p in folder.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        with contextlib.suppress(OSError):
            d.rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()


def _move_into_place(tmp: Path, out: Path, force: bool, results: ResultTest = run_result) -> None:
    """Put the finished results of ``tmp`` at ``out``.

    A new folder, or one of earlier results only, is replaced whole (two renames). A folder
    that also holds other files (``--out . --force``, ``out/`` with other runs in it, ``docs/``
    for a report) keeps them: only the command's own files (``results``) are replaced, after all
    new ones are written, and put back if a rename fails.
    """
    if not os.path.lexists(out):
        os.rename(tmp, out)
        return
    if not out.is_dir() or (any(out.iterdir()) and not force):  # appeared while we ran
        raise _OutTaken(
            f"--out {out}: was filled by someone else while Kluit ran; the results are in {tmp}"
        )
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    if _only_results(out, results):
        os.rename(out, old)
        try:
            os.rename(tmp, out)
        except OSError:
            os.rename(old, out)
            raise
        shutil.rmtree(old, ignore_errors=True)
        return
    old.mkdir()
    kept = [rel for rel in _files(out) if results(rel)]
    placed: list[str] = []
    try:
        for rel in kept:
            (old / rel).parent.mkdir(parents=True, exist_ok=True)
            os.rename(out / rel, old / rel)
        for rel in _files(tmp):
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            os.rename(tmp / rel, out / rel)
            placed.append(rel)
    except OSError:
        for rel in placed:
            with contextlib.suppress(OSError):
                os.rename(out / rel, tmp / rel)
        for rel in kept:
            with contextlib.suppress(OSError):
                os.rename(old / rel, out / rel)
        _remove_empty_folders(old)  # only when every earlier result is back
        raise
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(tmp, ignore_errors=True)

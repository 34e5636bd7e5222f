"""Where a result came from: the source tree's git revision and whether it had changes.

One place for the ``git`` calls that sweeps, calibrations, the validation report and the
benchmarks record in their metadata; outside a git checkout every answer is None.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

#: the repository (or the installed source tree) these modules belong to
SOURCE_ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str) -> str | None:
    """The output of ``git args`` in the source tree, None when git cannot answer."""
    try:
        out = subprocess.run(
            ["git", *args], cwd=SOURCE_ROOT, capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def git_revision(short: bool = False) -> str | None:
    """``git rev-parse HEAD`` (``--short`` with ``short``) of the source tree, or None."""
    return _git("rev-parse", *(["--short"] if short else []), "HEAD") or None


def git_dirty(paths: tuple[str, ...] = ()) -> bool | None:
    """Whether tracked files (only ``paths`` when given) have uncommitted changes, or None."""
    out = _git("status", "--porcelain", "--untracked-files=no", *(["--", *paths] if paths else []))
    return None if out is None else bool(out)

"""Reading the user's input files (scenario, region and sweep TOML; CSV) without surprises.

A file name on the command line can point at anything: a folder, a FIFO that blocks the first
read, ``/dev/zero`` that never ends, a file of gigabytes, or TOML nested so deep that the
parser runs out of stack. :func:`read_input_text` refuses all but regular files of a sane size
before it reads a byte, and :func:`parse_toml` turns deep nesting into a clear error. Both
raise :class:`InputFileError`; each loader reports it with its own file and key.
:func:`read_csv_rows` reads a CSV file or upload (employers' survey, observed figures) and
reports what is wrong with the reader's own error class.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

#: the largest input file Kluit reads (bytes); the largest shipped file is a few kilobytes
MAX_INPUT_BYTES = 4 * 2**20
#: the deepest nesting of tables and arrays an input file may use (the formats need 3)
MAX_NESTING = 32


class InputFileError(ValueError):
    """A file that cannot be used as input; ``missing`` is True when it does not exist."""

    def __init__(self, reason: str, missing: bool = False):
        super().__init__(reason)
        self.reason, self.missing = reason, missing


def check_input_file(path: str | os.PathLike) -> os.stat_result:
    """Refuse what is not a regular file of at most MAX_INPUT_BYTES (without opening it)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputFileError("no such file", missing=True) from None
    except (OSError, ValueError) as e:  # ValueError: a NUL byte in the path
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise InputFileError(f"is unreadable ({reason})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputFileError("is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a FIFO (named pipe)"
            if stat.S_ISFIFO(st.st_mode)
            else "a device"
            if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket"
            if stat.S_ISSOCK(st.st_mode)
            else "not a regular file"
        )
        raise InputFileError(f"is {kind}, not a regular file")
    if st.st_size > MAX_INPUT_BYTES:
        raise InputFileError(
            f"is {st.st_size:,} bytes, larger than the {MAX_INPUT_BYTES:,} "
            "bytes an input file may have"
        )
    return st


def read_input_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of a regular input file (see :func:`check_input_file`)."""
    check_input_file(path)
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_INPUT_BYTES + 1)  # a file that grew since stat: still bounded
    except FileNotFoundError:
        raise InputFileError("no such file", missing=True) from None
    except OSError as e:
        raise InputFileError(f"is unreadable ({e.strerror or e})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputFileError(f"is larger than the {MAX_INPUT_BYTES:,} bytes an input file may have")
    return data


def nesting_depth(value: Any) -> int:
    """How deeply tables and arrays nest in ``value`` (0 for a plain value), without recursion.

    >>> nesting_depth({"a": [1, {"b": 2}]})
    3
    """
    deepest, stack = 0, [(value, 1)]
    while stack:
        v, d = stack.pop()
        children: Iterable[Any]
        if isinstance(v, dict):
            children = v.values()
        elif isinstance(v, list):
            children = v
        else:
            continue
        deepest = max(deepest, d)
        if d <= MAX_NESTING:  # deeper is an error anyway: stop counting
            stack.extend((c, d + 1) for c in children)
    return deepest


def parse_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads``, but nesting deeper than MAX_NESTING is an :class:`InputFileError`.

    ``tomllib`` parses recursively, so a file of thousands of nested brackets would end in a
    RecursionError; such files (and shallower ones over the limit) get a clear message.
    Syntax errors still raise ``tomllib.TOMLDecodeError``.
    """
    too_deep = f"tables or arrays nested too deeply; allowed: at most {MAX_NESTING} levels"
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise InputFileError(too_deep) from None
    if nesting_depth(data) > MAX_NESTING:
        raise InputFileError(too_deep)
    return data


#: how a CSV reader reports a problem: ``error(file, line, column, message)``
CsvError = Callable[[str, int, int | None, str], Exception]


def read_csv_rows(
    source: str | os.PathLike | bytes, name: str | None, default_name: str, error: CsvError
) -> tuple[str, list[list[str]]]:
    """The file name to report and the rows of a CSV file given as a path or the bytes of an upload.

    ``name`` names the file in messages (default: the path, or ``default_name`` for bytes). A
    missing or unreadable file (line 0) and text that is not UTF-8 (its line) raise
    ``error(file, line, None, message)``; a byte-order mark is skipped.
    """
    if isinstance(source, (bytes, bytearray)):
        file, raw = name or default_name, bytes(source)
    else:
        file = name or str(source)
        try:
            raw = Path(source).read_bytes()
        except FileNotFoundError:
            raise error(file, 0, None, "no such file") from None
        except OSError as exc:
            raise error(file, 0, None, f"cannot read it ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error(file, raw[: exc.start].count(b"\n") + 1, None, "not UTF-8 text") from None
    return file, list(csv.reader(io.StringIO(text)))

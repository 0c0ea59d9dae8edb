"""What the command-line front ends share: options, reading the user's files, exit codes.

``cli`` (check), ``cli_report`` (report) and ``cli_batch`` (batch) import this module, so none of
them needs another at import time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tnprep.ingest.recognise import InputKind, recognise
from tnprep.model import DateOrder

EXIT_OK = 0
"""The output was written (problems in the data are reported in it, not fatal)."""
EXIT_UNUSABLE = 2
"""Nothing usable could be made; one line on stderr says which file and why."""


class UsageError(Exception):
    """A command-line problem the user can fix (missing file, bad date, bad --map)."""


def add_diary_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --diary, --dayfirst/--monthfirst and --map to a sub-command."""
    parser.add_argument(
        "--diary",
        action="append",
        required=True,
        metavar="FILE",
        help="a diary export: CSV, TSV or XLSX (repeat for several)",
    )
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="date_order",
        action="store_const",
        const=DateOrder.DAY_FIRST,
        help="read nn/nn/yyyy dates as day/month",
    )
    order.add_argument(
        "--monthfirst",
        dest="date_order",
        action="store_const",
        const=DateOrder.MONTH_FIRST,
        help="read nn/nn/yyyy dates as month/day",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"Header=field"',
        help="map a column the alias table does not know to a field",
    )
    parser.add_argument(
        "--scale",
        action="append",
        default=[],
        metavar='"Header=1-5"',
        help="the pain scale a column uses when its header does not say (e.g. 1-5, 0-100)",
    )


def diary_sources(paths: Sequence[str]) -> list[tuple[str, bytes]]:
    """Read the ``--diary`` files, refusing one that is clearly another kind of file.

    A treatment history passed as a diary would otherwise have every row rejected in silence
    (its 'start' column looks like a diary's).
    """
    sources = []
    for path in paths:
        name, data = Path(path).name, read_bytes(path)
        kind = recognise(data, name)
        if kind is not InputKind.DIARY:
            option = "--treatments" if kind is InputKind.TREATMENTS else "--questionnaire"
            raise UsageError(f"{name}: this is a {kind.value}, not a diary; pass it with {option}.")
        sources.append((name, data))
    return sources


def read_bytes(path: str) -> bytes:
    """Read a user's file, turning OS errors into one clear line."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as error:
        raise UsageError(f"{path}: no such file.") from error
    except IsADirectoryError as error:
        raise UsageError(f"{path}: is a folder, not a file.") from error
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror}).") from error


def parse_day(text: str | None, option: str) -> dt.date | None:
    """Parse an ISO date given on the command line (``--from``/``--to``)."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"{option} {text!r}: write the date as YYYY-MM-DD.") from error


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: never a half-written file."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def one_line(error: Exception) -> str:
    """An error message on one line (file contents may hold line breaks)."""
    return " ".join(str(error).split())

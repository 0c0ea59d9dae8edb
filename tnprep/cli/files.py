"""What the command-line front ends share: options, reading the user's files, writing, exit codes.

``check``, ``report`` and ``batch`` import this module, so none of them needs another at import
time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tnprep.ingest.recognise import InputKind, recognise
from tnprep.ingest.treatments_refusal import UnreadResourceError
from tnprep.issues import InputError
from tnprep.model import DateOrder
from tnprep.pipeline import Unreadable

if TYPE_CHECKING:
    from tnprep.model import Diary
    from tnprep.summary import Summary

EXIT_OK = 0
"""The output was written (problems in the data are reported in it, not fatal)."""
EXIT_PARTIAL = 1
"""The output was written from what could be read, but a file was left out whole (SPEC)."""
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
        try:
            kind = recognise(data, name)
        except UnreadResourceError as error:  # no other option reads it either: say so once
            raise UsageError(str(error)) from error
        except InputError:  # the diary reader says why; the file is left out, not the run
            kind = InputKind.DIARY
        if kind is not InputKind.DIARY:
            option = "--treatments" if kind is InputKind.TREATMENTS else "--questionnaire"
            raise UsageError(f"{name}: this is a {kind.value}, not a diary; pass it with {option}.")
        sources.append((name, data))
    return sources


def refuse_overwriting_inputs(outputs: Mapping[str, str | None], inputs: Sequence[str]) -> None:
    """Refuse, before anything is read or written, an output over an input, an output or a folder.

    ``report --diary diary.csv --out diary.csv`` replaced the patient's diary with the page, and
    ``--previous last.json --summary-json last.json`` the last visit's summary with this one's:
    a user's file lost to a typo ("never lose a user's work"). Paths are compared resolved
    (``./a.csv`` and ``a.csv``, a symbolic link and its target are one file).

    Args:
        outputs: Option → path ('--out': 'report.pdf'); ``None`` for an output not asked for.
        inputs: Every input file named on the command line.

    Raises:
        UsageError: naming the option, the file and what it would overwrite.
    """
    read = {_same_file_key(path): path for path in inputs}
    written: dict[str, str] = {}
    for option, path in outputs.items():
        if path is None:
            continue
        if Path(path).is_dir():
            raise UsageError(
                f"{option} {path}: this is a folder; name a file in it, such as "
                f"{Path(path) / ('report.pdf' if option == '--out' else 'summary.json')}. "
                "Nothing was written."
            )
        key = _same_file_key(path)
        if key in read:
            raise UsageError(
                f"{option} {path}: this is one of the input files ({read[key]}); writing there "
                "would replace it. Choose another name; nothing was written."
            )
        if key in written:
            raise UsageError(
                f"{option} {path}: {written[key]} names the same file; choose two names. "
                "Nothing was written."
            )
        written[key] = option


def _same_file_key(path: str) -> str:
    return os.path.normcase(str(Path(path).resolve()))


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


def check_period(diary: Diary, start: dt.date | None, end: dt.date | None) -> None:
    """Refuse a ``--from`` after the last diary day or a ``--to`` before the first one.

    The other bound would come from the diary and the period would run backwards ("1 Jan 2030 –
    29 Oct 2026") on the page and in the JSON. A clinician asking for a period the diary does
    not reach wants to be told so, with the diary's days named. (``--from`` after ``--to`` is
    refused before any file is read; a period given whole is kept even when no diary day falls
    in it: the page then says 0 recorded days.)

    Raises:
        UsageError: the period would run backwards.
    """
    from tnprep.analysis import period_bounds  # noqa: PLC0415 - not loaded by `check`

    first, last = period_bounds(diary, None, None)
    if first is None or last is None:
        return
    span = f"the diary runs from {first} to {last}"
    if start is not None and end is None and start > last:
        raise UsageError(
            f"--from {start} is after the last diary day ({last}); {span}. Choose an earlier "
            "--from, or leave it out to use every recorded day."
        )
    if end is not None and start is None and end < first:
        raise UsageError(
            f"--to {end} is before the first diary day ({first}); {span}. Choose a later --to, "
            "or leave it out to use every recorded day."
        )


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: never a half-written file."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as error:
        _name_by(error, path)
        raise
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            _name_by(error, path)
        raise


def _name_by(error: OSError, path: Path) -> None:
    """Name an operating-system error by the path the user gave, not the temporary file's."""
    if error.errno is not None:  # a message of its own ('disk full') is kept as it is
        error.filename = str(path)


def one_line(error: Exception) -> str:
    """An error message on one line (file contents may hold line breaks)."""
    return " ".join(str(error).split())


def write_outputs(summary: Summary, pdf_path: Path, json_path: str | None, paper: str) -> None:
    """Write the PDF and, when asked, the summary JSON — each atomically."""
    from tnprep.report import build_page  # noqa: PLC0415 - ReportLab loads only when needed
    from tnprep.summary_json import dumps  # noqa: PLC0415

    if json_path:
        write_atomically(Path(json_path), dumps(summary).encode("utf-8"))
    write_atomically(pdf_path, build_page(summary, paper=paper))


def left_out_line(unreadable: Sequence[Unreadable]) -> str:
    """One line naming every file left out whole and why (stderr, batch's index)."""
    return "left out " + "; ".join(" ".join(item.message.split()) for item in unreadable)


def left_out_lines(items: Sequence[Unreadable]) -> list[str]:
    """The lines for every file left out (``pipeline.left_out``), without the 'tnprep: ' prefix.

    Files that could not be read share one 'left out …' line; each earlier summary not compared
    is a 'warning: …' line of its own (the page is whole without it). Empty when none.
    """
    unread = [item for item in items if not item.earlier_summary]
    lines = [left_out_line(unread)] if unread else []
    return lines + [f"warning: {item.message}" for item in items if item.earlier_summary]


def nothing_usable(unreadable: Sequence[Unreadable]) -> UsageError:
    """The exit-2 error when nothing usable remains, naming the files that could not be read."""
    if unreadable:
        return UsageError("; ".join(item.message for item in unreadable))
    return UsageError("nothing usable: no diary row, treatment or answer could be read.")

"""Command line: ``python -m tnprep report | check | batch`` (SPEC *Command line*).

The only module besides app.py that touches files and the clock. Exit 0 when the output was
written (issues in the data are reported, not fatal); exit 2 with one line on stderr naming the
file and the reason when nothing usable can be made. Never a traceback for anything a user supplies.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tnprep.cli_batch import add_batch_command
from tnprep.cli_report import add_report_command
from tnprep.ingest.columns import parse_mapping
from tnprep.ingest.diary import combine_diaries, read_diary
from tnprep.ingest.recognise import InputKind, recognise
from tnprep.issues import InputError
from tnprep.model import DateOrder, Diary, DiaryFile

EXIT_OK = 0
EXIT_UNUSABLE = 2


class UsageError(Exception):
    """A command-line problem the user can fix (missing file, bad date, bad --map)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except (InputError, UsageError, ValueError) as error:
        print(f"tnprep: error: {_one_line(error)}", file=sys.stderr)
        return EXIT_UNUSABLE
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: nothing is wrong with the data.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tnprep",
        description="One page for the neurologist from a trigeminal neuralgia patient's records.",
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    add_report_command(commands)
    check = commands.add_parser("check", help="validate diary files without building a report")
    add_diary_arguments(check)
    check.add_argument("--json", action="store_true", help="print the input summary as JSON")
    check.set_defaults(run=run_check)
    add_batch_command(commands)
    return parser


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


def run_check(arguments: argparse.Namespace) -> int:
    """``check``: read each diary, print what was understood and every issue."""
    mapping = parse_mapping(arguments.map)
    files = [
        read_diary(data, name, mapping=mapping, date_order=arguments.date_order)
        for name, data in diary_sources(arguments.diary)
    ]
    diary = combine_diaries(files)
    if arguments.json:
        print(json.dumps(check_json(diary), indent=2, ensure_ascii=False))
    else:
        print(check_text(diary))
    return EXIT_OK


def check_json(diary: Diary) -> dict[str, object]:
    """The ``check --json`` document: SPEC's ``input`` object plus a ``files`` list."""
    return {"input": input_json(diary), "files": [_file_json(item) for item in diary.files]}


def input_json(diary: Diary) -> dict[str, object]:
    """SPEC's ``input`` object for a diary alone."""
    return {
        "rows_read": diary.rows_read,
        "rows_used": diary.rows_used,
        "rows_rejected": diary.rows_rejected,
        "duplicates": diary.duplicates,
        "issues": [
            {"file": issue.file, "row": issue.row, "column": issue.column,
             "message": issue.message, "code": issue.code, "severity": issue.severity.value,
             "value": issue.value}
            for issue in diary.issues
        ],
    }  # fmt: skip


def _file_json(item: DiaryFile) -> dict[str, object]:
    return {
        "file": item.file,
        "shape": item.shape.value,
        "format": item.source_format,
        "encoding": item.encoding,
        "delimiter": item.delimiter,
        "date_order": None if item.date_order is None else item.date_order.value,
        "date_order_source": item.date_order_source.value,
        "mapping": [{"header": header, "field": name} for header, name in item.mapping],
        "ignored_columns": list(item.ignored_columns),
        "rows_read": item.rows_read,
        "rows_rejected": item.rows_rejected,
        "rows_kept": len(item.table),
    }


def check_text(diary: Diary) -> str:
    """The human-readable ``check`` report."""
    lines: list[str] = []
    for item in diary.files:
        lines.extend(_file_lines(item))
    lines.append(
        f"Total: {diary.rows_read} rows read = {diary.rows_used} used + {diary.rows_rejected} "
        f"rejected + {diary.duplicates} duplicates."
    )
    lines.append(f"Issues: {len(diary.issues)}" + (":" if diary.issues else "."))
    lines.extend(
        f"  {issue.file}, row {issue.row or '-'}, column {issue.column or '-'}: "
        f"{issue.message}" + (f" [{issue.value}]" if issue.value else "")
        for issue in diary.issues
    )
    return "\n".join(lines)


def _file_lines(item: DiaryFile) -> list[str]:
    order = "no slash dates" if item.date_order is None else item.date_order.value
    delimiter = {None: "none (xlsx)", "\t": "tab"}.get(item.delimiter, item.delimiter)
    mapping = ", ".join(f"{header} → {name}" for header, name in item.mapping)
    lines = [
        f"{item.file}: {item.shape.value} ({item.source_format})",
        f"  encoding {item.encoding}, delimiter {delimiter!s}, dates {order} "
        f"({item.date_order_source.value})",
        f"  columns: {mapping}",
        f"  rows: {item.rows_read} read, {item.rows_rejected} rejected, {len(item.table)} kept",
    ]
    if item.ignored_columns:
        lines.insert(3, "  not used: " + ", ".join(item.ignored_columns))
    return lines


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


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())

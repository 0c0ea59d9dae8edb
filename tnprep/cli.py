"""Command line: ``python -m tnprep report | check | batch`` (SPEC *Command line*).

The only module besides app.py that touches files and the clock. Exit 0 when the output was
written (issues in the data are reported, not fatal); exit 2 with one line on stderr naming the
file and the reason when nothing usable can be made. Never a traceback for anything a user supplies.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from tnprep.analysis import input_account
from tnprep.cli_batch import add_batch_command
from tnprep.cli_common import (
    EXIT_OK,
    EXIT_UNUSABLE,
    UsageError,
    add_diary_arguments,
    diary_sources,
    one_line,
)
from tnprep.cli_report import add_report_command
from tnprep.diary_info import diary_info_json, diary_info_lines
from tnprep.ingest.columns import parse_mapping
from tnprep.ingest.diary import combine_diaries, read_diary
from tnprep.ingest.scales import parse_scale_pairs
from tnprep.issues import InputError
from tnprep.model import Diary, DiaryFile, PatientData
from tnprep.summary_json import input_json


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        return int(arguments.run(arguments))
    except (InputError, UsageError, ValueError) as error:
        print(f"tnprep: error: {one_line(error)}", file=sys.stderr)
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


def run_check(arguments: argparse.Namespace) -> int:
    """``check``: read each diary, print what was understood and every issue."""
    mapping = parse_mapping(arguments.map)
    scales = parse_scale_pairs(arguments.scale)
    files = [
        read_diary(data, name, mapping=mapping, date_order=arguments.date_order, scales=scales)
        for name, data in diary_sources(arguments.diary)
    ]
    diary = combine_diaries(files)
    if arguments.json:
        print(json.dumps(check_json(diary), indent=2, ensure_ascii=False))
    else:
        print(check_text(diary))
    unusable = [item.file for item in files if item.table.empty]
    if unusable:  # SPEC: check exits 2 when a diary has no usable row
        print(
            f"tnprep: error: {unusable[0]}: no usable row (see the issues above).", file=sys.stderr
        )
        return EXIT_UNUSABLE
    return EXIT_OK


def check_json(diary: Diary) -> dict[str, object]:
    """The ``check --json`` document: SPEC's ``input`` object plus a ``files`` list."""
    account = input_account(PatientData(diary=diary))
    return {"input": input_json(account), "files": [_file_json(item) for item in diary.files]}


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
        **diary_info_json(item.info),
    }


def check_text(diary: Diary) -> str:
    """The human-readable ``check`` report."""
    lines: list[str] = []
    for item in diary.files:
        lines.extend(_file_lines(item))
    lines.append(
        f"Total: {diary.rows_read} rows read = {diary.rows_used} used + {diary.rows_rejected} "
        f"rejected + {diary.duplicates} duplicates + {diary.rows_other} other."
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
        f"{item.file}: {item.info.kind or item.shape.value} ({item.source_format})",
        f"  encoding {item.encoding}, delimiter {delimiter!s}, dates {order} "
        f"({item.date_order_source.value})",
        f"  columns: {mapping}",
        f"  rows: {item.rows_read} read, {item.rows_rejected} rejected, {item.rows_other} other, "
        f"{len(item.table)} kept",
    ]
    if item.ignored_columns:
        lines.insert(3, "  not used: " + ", ".join(item.ignored_columns))
    lines.extend(diary_info_lines(item.info))
    return lines

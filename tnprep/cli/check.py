"""``tnprep check``: read the diaries and say what was understood, without building a page.

Exit 0 when every diary gave usable rows; exit 2 when a diary cannot be read at all or has no
usable row (SPEC *Command line*): each such file is named on stderr, the rest is still shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from tnprep.cli.files import EXIT_OK, EXIT_UNUSABLE, add_diary_arguments, diary_sources
from tnprep.diary_info import diary_info_json, diary_info_lines
from tnprep.ingest.columns import parse_mapping
from tnprep.ingest.scales import parse_scale_pairs
from tnprep.model import Diary, DiaryFile, PatientData
from tnprep.pipeline import Readings, Unreadable, assemble, read_diary_file


def add_check_command(commands: Any) -> None:
    """Register the ``check`` sub-command."""
    check = commands.add_parser("check", help="validate diary files without building a report")
    add_diary_arguments(check)
    check.add_argument("--json", action="store_true", help="print the input summary as JSON")
    check.set_defaults(run=run_check)


def run_check(arguments: argparse.Namespace) -> int:
    """``check``: read each diary, print what was understood and every issue."""
    mapping = parse_mapping(arguments.map)
    scales = parse_scale_pairs(arguments.scale)
    today = dt.date.today()
    read = [
        read_diary_file(
            source, mapping=mapping, date_order=arguments.date_order, scales=scales, today=today
        )
        for source in diary_sources(arguments.diary)
    ]
    files = [item for item in read if isinstance(item, DiaryFile)]
    unreadable = [item for item in read if isinstance(item, Unreadable)]
    diary = assemble(Readings(diaries=tuple(files))).diary
    if files and arguments.json:
        print(json.dumps(check_json(diary), indent=2, ensure_ascii=False))
    elif files:  # with nothing readable, only the stderr lines below
        print(check_text(diary))
    for item in unreadable:
        print(f"tnprep: error: {' '.join(item.message.split())}", file=sys.stderr)
    unusable = [item.file for item in files if item.table.empty]
    for file in unusable:  # SPEC: check exits 2 when a diary has no usable row
        print(f"tnprep: error: {file}: no usable row (see the issues above).", file=sys.stderr)
    return EXIT_UNUSABLE if unreadable or unusable else EXIT_OK


def check_json(diary: Diary) -> dict[str, object]:
    """The ``check --json`` document: SPEC's ``input`` object plus a ``files`` list."""
    # Only --json needs the analysis and the JSON writer: plain `check` starts without them.
    from tnprep.analysis import input_account  # noqa: PLC0415
    from tnprep.summary_json import input_json  # noqa: PLC0415

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

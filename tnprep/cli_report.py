"""``python -m tnprep report``: files → summary JSON and the one-page PDF."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from tnprep.cli_common import (
    EXIT_OK,
    UsageError,
    add_diary_arguments,
    diary_sources,
    parse_day,
    read_bytes,
    write_atomically,
)
from tnprep.ingest.columns import parse_mapping
from tnprep.ingest.scales import parse_scale_pairs
from tnprep.pipeline import Sources, has_content, load_patient, summarise_patient
from tnprep.summary import Summary


def add_report_command(commands: Any) -> None:
    """Register the ``report`` sub-command."""
    report = commands.add_parser("report", help="build the one-page report and its summary JSON")
    add_diary_arguments(report)
    report.add_argument("--treatments", metavar="FILE", help="treatment history (CSV or XLSX)")
    report.add_argument(
        "--questionnaire",
        action="append",
        default=[],
        metavar="FILE",
        help="questionnaire: CSV item,answer, JSON, or FHIR (repeatable)",
    )
    report.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4")
    report.add_argument("--out", required=True, metavar="report.pdf")
    report.add_argument("--summary-json", metavar="summary.json")
    report.set_defaults(run=run_report)


def run_report(arguments: argparse.Namespace) -> int:
    """Read every file, summarise, and write the PDF (and the JSON when asked)."""
    start, end = parse_day(arguments.start, "--from"), parse_day(arguments.end, "--to")
    if start and end and start > end:
        raise UsageError(f"--from {start} is after --to {end}.")
    sources = Sources(
        diaries=diary_sources(arguments.diary),
        treatments=[
            (Path(path).name, read_bytes(path))
            for path in ([arguments.treatments] if arguments.treatments else [])
        ],
        questionnaires=[(Path(path).name, read_bytes(path)) for path in arguments.questionnaire],
    )
    data = load_patient(
        sources,
        mapping=parse_mapping(arguments.map),
        date_order=arguments.date_order,
        scales=parse_scale_pairs(arguments.scale),
    )
    if not has_content(data):
        raise UsageError("nothing usable: no diary row, treatment or answer could be read.")
    summary = summarise_patient(data, start=start, end=end, today=dt.date.today())
    try:
        write_outputs(summary, Path(arguments.out), arguments.summary_json, arguments.paper)
    except OSError as error:
        where = error.filename or arguments.out
        raise UsageError(f"{where}: cannot be written ({error.strerror}).") from error
    print(result_line(summary, arguments.out))
    return EXIT_OK


def write_outputs(summary: Summary, pdf_path: Path, json_path: str | None, paper: str) -> None:
    """Write the PDF and, when asked, the summary JSON — each atomically."""
    from tnprep.report import build_page  # noqa: PLC0415 - ReportLab loads only when needed
    from tnprep.summary_json import dumps  # noqa: PLC0415

    if json_path:
        write_atomically(Path(json_path), dumps(summary).encode("utf-8"))
    write_atomically(pdf_path, build_page(summary, paper=paper))


def result_line(summary: Summary, out: str) -> str:
    """One line for the terminal: counts only, never patient text."""
    period = summary.period
    return (
        f"Wrote {out}: {summary.attacks.total} attacks over {period.days_recorded} recorded days "
        f"of {period.days}; {len(summary.input.issues)} issues in the data."
    )

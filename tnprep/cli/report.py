"""``tnprep report``: files → summary JSON and the one-page PDF.

A file that cannot be read at all is left out: the page is built from the rest and names it at
the top, the issues list it, stderr says it, and the exit status is 1 (SPEC *Command line*).
Nothing usable left: exit 2 with one line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tnprep.cli.files import (
    EXIT_OK,
    EXIT_PARTIAL,
    UsageError,
    add_diary_arguments,
    check_period,
    diary_sources,
    left_out_lines,
    nothing_usable,
    parse_day,
    read_bytes,
    refuse_overwriting_inputs,
    write_outputs,
)
from tnprep.ingest.columns import parse_mapping
from tnprep.ingest.scales import parse_scale_pairs
from tnprep.model import SILENCE_DAYS, SilenceRule
from tnprep.pipeline import (
    Sources,
    assemble,
    has_content,
    left_out,
    read_sources,
    summarise_patient,
)

if TYPE_CHECKING:
    from tnprep.summary import Silences, Summary


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
    report.add_argument(
        "--silences",
        choices=[rule.value for rule in SilenceRule],
        default=SilenceRule.ATTACK_FREE.value,
        help="how an attack log's silences of 28 days or more count: attack-free (the "
        "attack-log rule, default) or unrecorded (gaps); see docs/figures.md",
    )
    report.add_argument("--out", required=True, metavar="report.pdf")
    report.add_argument("--summary-json", metavar="summary.json")
    report.add_argument(
        "--previous",
        action="append",
        default=[],
        metavar="LAST_VISIT.summary.json",
        help="an earlier visit's summary JSON, for 'since the last visit' (repeatable)",
    )
    report.set_defaults(run=run_report)


def run_report(arguments: argparse.Namespace) -> int:
    """Read every file, summarise, and write the PDF (and the JSON when asked)."""
    start, end = parse_day(arguments.start, "--from"), parse_day(arguments.end, "--to")
    if start and end and start > end:
        raise UsageError(f"--from {start} is after --to {end}.")
    refuse_overwriting_inputs(
        {"--out": arguments.out, "--summary-json": arguments.summary_json},
        [*arguments.diary, *filter(None, [arguments.treatments]), *arguments.questionnaire,
         *arguments.previous],
    )  # fmt: skip
    sources = Sources(
        diaries=diary_sources(arguments.diary),
        treatments=[
            (Path(path).name, read_bytes(path))
            for path in ([arguments.treatments] if arguments.treatments else [])
        ],
        questionnaires=[(Path(path).name, read_bytes(path)) for path in arguments.questionnaire],
        previous=[(Path(path).name, read_bytes(path)) for path in arguments.previous],
    )
    today = dt.date.today()
    readings = read_sources(
        sources,
        mapping=parse_mapping(arguments.map),
        date_order=arguments.date_order,
        scales=parse_scale_pairs(arguments.scale),
        today=today,
    )
    data = assemble(readings)
    if not has_content(data):
        raise nothing_usable(readings.unreadable)
    check_period(data.diary, start, end)
    summary = summarise_patient(
        data,
        start=start,
        end=end,
        today=today,
        previous=readings.previous,
        silences=SilenceRule(arguments.silences),
    )
    try:
        write_outputs(summary, Path(arguments.out), arguments.summary_json, arguments.paper)
    except OSError as error:
        where = error.filename or arguments.out
        raise UsageError(f"{where}: cannot be written ({error.strerror}).") from error
    print(result_line(summary, arguments.out))
    for line in silence_lines(summary.silences):
        print(f"tnprep: notice: {line}", file=sys.stderr)
    omitted = left_out(readings, summary)
    for line in left_out_lines(omitted):
        print(f"tnprep: {line}", file=sys.stderr)
    return EXIT_PARTIAL if omitted else EXIT_OK


def result_line(summary: Summary, out: str) -> str:
    """One line for the terminal: counts only, never patient text."""
    period, issues = summary.period, len(summary.input.issues)
    return (
        f"Wrote {out}: {_counted(summary.attacks.total, 'attack')} over "
        f"{_counted(period.days_recorded, 'recorded day')} of {period.days}; "
        f"{_counted(issues, 'issue')} in the data."
    )


def _counted(count: int, word: str) -> str:
    """'1 attack', '2 attacks' ('Wrote …: 1 attacks over 1 recorded days')."""
    return f"{count} {word}{'' if count == 1 else 's'}"


_COUNTED = {SilenceRule.ATTACK_FREE: "attack-free", SilenceRule.UNRECORDED: "not recorded (gaps)"}


def silence_lines(silences: Silences) -> list[str]:
    """One stderr line per attack log with long silences: counts, dates and how they counted.

    Dates and counts only, never diary text; the full list is in the summary's issues.
    """
    lines = []
    for file, runs in silences.by_file():
        longest = max(runs, key=lambda run: run.days)
        other = (
            "--silences attack-free counts them attack-free"
            if silences.rule is SilenceRule.UNRECORDED
            else "--silences unrecorded counts them as gaps"
        )
        lines.append(
            f"{file}: {len(runs)} silence{'s' if len(runs) != 1 else ''} of {SILENCE_DAYS} days "
            f"or more without a row ({sum(run.days for run in runs):,} days, from {runs[0].first} "
            f"to {runs[-1].last}; longest {longest.days} days, {longest.first} to {longest.last}) "
            f"counted as {_COUNTED[silences.rule]}; {other}."
        )
    return lines

"""``tnprep batch INTAKE_DIR --out OUT_DIR [--jobs N]``: one page per patient folder.

For intake clinics: each sub-folder of INTAKE_DIR holds one patient's files, recognised by content.
For each patient the PDF and summary JSON are written atomically to OUT_DIR as ``<folder>.pdf`` and
``<folder>.summary.json``; ``index.csv`` lists every patient with its status: ``ok``, ``partial``
(a file was left out whole, as ``report`` exits 1 for it; the page names it) or ``failed``. One
unreadable patient never stops the others. A patient folder may also hold the last visit's summary
JSON (``*.summary.json``): the page then shows what changed since it. Exit 0 when every patient is
``ok``, 1 when some are partial or failed, 2 when none could be made (or INTAKE_DIR holds no patient
folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tnprep.cli.files import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_UNUSABLE,
    UsageError,
    left_out_lines,
    nothing_usable,
    one_line,
    write_atomically,
    write_outputs,
)
from tnprep.cli.progress import progress_printer
from tnprep.csv_safety import write_csv
from tnprep.ingest.recognise import InputKind, recognise
from tnprep.issues import InputError
from tnprep.pipeline import (
    Sources,
    Unreadable,
    assemble,
    has_content,
    left_out,
    read_sources,
    summarise_patient,
)

INDEX_HEADER = (
    "patient_folder",
    "status",
    "attacks",
    "recorded_days",
    "issues",
    "phq9_item9_flag",
    "message",
)


@dataclass(frozen=True)
class PatientResult:
    """One row of the batch index."""

    folder: str
    ok: bool
    attacks: int | None = None
    recorded_days: int | None = None
    issue_count: int | None = None
    item9_flag: bool | None = None
    """True when PHQ-9 item 9 was answered above 0 (the page flags it)."""
    item9_unanswered: bool = False
    """True when a PHQ-9 was given with item 9 blank (the page flags it 'not answered — ask')."""
    message: str = ""
    """Why the patient failed or which files were left out (file and reason), else empty."""
    partial: bool = False
    """True when the page was made but a file was left out whole (``report`` exits 1)."""

    @property
    def status(self) -> str:
        """``ok``, ``partial`` or ``failed`` (index.csv's status column)."""
        if not self.ok:
            return "failed"
        return "partial" if self.partial else "ok"

    def index_row(self) -> tuple[object, ...]:
        """The row of index.csv."""
        flag = "" if self.item9_flag is None else ("yes" if self.item9_flag else "no")
        if self.item9_unanswered:
            flag = "not answered"  # a blank is not a 0: the page says "not answered — ask"
        return (
            self.folder,
            self.status,
            _blank(self.attacks),
            _blank(self.recorded_days),
            _blank(self.issue_count),
            flag,
            self.message,
        )


def add_batch_command(commands: Any) -> None:
    """Register the ``batch`` sub-command."""
    batch = commands.add_parser("batch", help="one page and summary per patient folder")
    batch.add_argument(
        "intake", metavar="INTAKE_DIR", help="folder with one sub-folder per patient"
    )
    batch.add_argument("--out", required=True, metavar="OUT_DIR")
    batch.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="patients processed in parallel (default: all cores)",
    )
    batch.add_argument("--paper", choices=("a4", "letter"), default="a4")
    batch.set_defaults(run=run_batch_command)


def run_batch_command(arguments: argparse.Namespace) -> int:
    """Run the batch and print one result line."""
    intake, out = Path(arguments.intake), Path(arguments.out)
    folders = patient_folders(intake)
    if not folders:
        raise UsageError(f"{intake}: no patient folders found (one sub-folder per patient).")
    if arguments.jobs < 1:
        raise UsageError("--jobs must be 1 or more.")
    refuse_out_among_patients(intake, out)
    out.mkdir(parents=True, exist_ok=True)
    progress = (
        progress_printer(len(folders), sys.stderr, time.monotonic) if sys.stderr.isatty() else None
    )
    results = run_batch(
        folders,
        out,
        jobs=arguments.jobs,
        paper=arguments.paper,
        today=dt.date.today(),
        progress=progress,
    )
    write_atomically(out / "index.csv", index_csv(results).encode("utf-8"))
    print(result_line(results, out))
    return exit_status(results)


def result_line(results: list[PatientResult], out: Path) -> str:
    """One line for the terminal: counts only, never patient text."""
    failed = sum(not result.ok for result in results)
    partial = sum(result.partial for result in results)
    return (
        f"Batch: {len(results) - failed} of {len(results)} patients written to {out}; "
        f"{failed} failed, {partial} partial (see {out / 'index.csv'})."
    )


def exit_status(results: list[PatientResult]) -> int:
    """0 when every patient is ``ok``, 2 when none could be made, else 1."""
    if all(result.status == "ok" for result in results):
        return EXIT_OK
    return EXIT_UNUSABLE if not any(result.ok for result in results) else EXIT_PARTIAL


def refuse_out_among_patients(intake: Path, out: Path) -> None:
    """Refuse an OUT_DIR inside a patient folder, or one that would become a patient folder.

    Pages written into a patient's folder were read as that patient's files on the next run (the
    summary JSON as a last visit's, the index as a diary: the patient turned 'partial'), and a
    new sub-folder of INTAKE_DIR was a patient of its own next time. INTAKE_DIR itself, or any
    folder outside it, is fine: the batch reads only its sub-folders.

    Raises:
        UsageError: naming the folder and what to do.
    """
    inside, home = out.resolve(), intake.resolve()
    if inside == home or home not in inside.parents:
        return
    raise UsageError(
        f"--out {out}: this folder is inside {intake}, where every sub-folder is a patient's: "
        f"its pages would be read as a patient's files next time. Choose {intake} itself or a "
        "folder outside it; nothing was written."
    )


def patient_folders(intake: Path) -> list[Path]:
    """Sub-folders of ``intake`` (hidden ones skipped), sorted by name."""
    if not intake.is_dir():
        return []
    return sorted(
        path for path in intake.iterdir() if path.is_dir() and not path.name.startswith(".")
    )


def run_batch(
    folders: list[Path],
    out: Path,
    *,
    jobs: int,
    paper: str,
    today: dt.date,
    progress: Callable[[int], None] | None = None,
) -> list[PatientResult]:
    """Make every patient's outputs, ``jobs`` at a time; results in folder order."""
    tasks = [(folder, out, paper, today) for folder in folders]
    results: list[PatientResult] = []
    for result in _map(tasks, jobs):
        results.append(result)
        if progress is not None:
            progress(len(results))
    return results


def _map(tasks: list[tuple[Path, Path, str, dt.date]], jobs: int) -> Iterator[PatientResult]:
    if jobs == 1 or len(tasks) == 1:
        yield from (run_patient(*task) for task in tasks)
        return
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - batch only

    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
        yield from pool.map(run_patient, *zip(*tasks, strict=True))


def run_patient(folder: Path, out: Path, paper: str, today: dt.date) -> PatientResult:
    """Make one patient's PDF and summary JSON; any failure becomes a failed index row."""
    try:
        readings = read_sources(patient_sources(folder), today=today)
        data = assemble(readings)
        if not has_content(data):
            reason = "no file held usable data"
            message = (
                one_line(nothing_usable(readings.unreadable)) if readings.unreadable else reason
            )
            return PatientResult(folder.name, ok=False, message=message)
        summary = summarise_patient(
            data, start=None, end=None, today=today, previous=readings.previous
        )
        write_outputs(
            summary, out / f"{folder.name}.pdf", str(out / f"{folder.name}.summary.json"), paper
        )
    except InputError as error:
        return PatientResult(folder.name, ok=False, message=one_line(error))
    except Exception as error:  # one patient must never stop the others
        return PatientResult(
            folder.name, ok=False, message=f"internal error ({type(error).__name__})"
        )
    phq9 = summary.scores.phq9
    omitted = left_out(readings, summary)
    messages = [line.removeprefix("warning: ") for line in left_out_lines(omitted)]
    return PatientResult(
        folder.name,
        ok=True,
        attacks=summary.attacks.total,
        recorded_days=summary.period.days_recorded,
        issue_count=len(summary.input.issues),
        item9_flag=None if phq9 is None or phq9.item9 is None else phq9.item9 > 0,
        item9_unanswered=phq9 is not None and phq9.item9_unanswered,
        message="; ".join(messages),
        partial=bool(omitted),
    )


def patient_sources(folder: Path) -> Sources:
    """Every regular, non-hidden file of ``folder``, sorted by name and recognised by content.

    Earlier summaries (``previous_sources``) are not patient files and are left to the comparison.
    """
    kinds: dict[InputKind, list[tuple[str, bytes]]] = {kind: [] for kind in InputKind}
    unrecognised: list[Unreadable] = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith(".") and not _is_summary(path):
            data = path.read_bytes()
            try:
                kinds[recognise(data, path.name)].append((path.name, data))
            except InputError as error:  # left out like any unreadable file, as report does
                unrecognised.append(Unreadable(path.name, "file", error.reason))
    return Sources(
        kinds[InputKind.DIARY],
        kinds[InputKind.TREATMENTS],
        kinds[InputKind.QUESTIONNAIRE],
        unrecognised,
        previous_sources(folder),
    )


def previous_sources(folder: Path) -> list[tuple[str, bytes]]:
    """The folder's earlier tnprep summaries (last visit's), sorted by name."""
    return [(path.name, path.read_bytes()) for path in sorted(folder.iterdir())
            if path.is_file() and not path.name.startswith(".") and _is_summary(path)]  # fmt: skip


def _is_summary(path: Path) -> bool:
    """A tnprep summary JSON: named ``*.summary.json`` (as tnprep writes it) or saying so inside.

    A damaged ``*.summary.json`` is still taken as one, so it gets the comparison's clear refusal
    rather than a questionnaire error.
    """
    if path.name.casefold().endswith(".summary.json"):
        return True
    if not path.name.casefold().endswith(".json"):
        return False
    with path.open("rb") as stream:
        head = stream.read(200)
    return b'"schema": "tnprep.summary/' in head or b'"schema":"tnprep.summary/' in head


def index_csv(results: list[PatientResult]) -> str:
    """The index as CSV text, every cell neutralised against spreadsheet formulas."""
    return write_csv(INDEX_HEADER, (result.index_row() for result in results))


def _blank(value: int | None) -> object:
    return "" if value is None else value

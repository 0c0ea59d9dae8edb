"""Migraine Buddy's CSV export, recognised by its structure (not its file name).

The export holds two tables: a preamble (``"Date","Time Period","Description","Notes"`` and its
rows), a blank line, then the attack table whose header starts ``#, Started, Lasted``. ``Started``
is ``m/d/yy H:M`` local time, ``Lasted`` like ``01h 00m``; list cells are comma-separated inside
quotes and ``No medication`` is a sentinel. The per-attack medication ratings (helpful, somewhat
helpful, unhelpful, unsure) are kept: no other app records per-drug effectiveness per attack.
``Geohash`` (the user's location) and migraine-specific columns are never read.

Ongoing attacks are never dropped silently (docs/formats.md): an attack-table row with an empty
``Lasted`` is counted with its duration unknown and gets a notice (it may still have been going
on at export time), and each row of the preamble — which lists *ongoing events*; a real export
with none writes "No ongoing events recorded during this period." — is named in a notice, since
its layout gives no start time to count it by.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from tnprep.ingest.columns import normalise_header
from tnprep.ingest.decode import Table, sniff_delimiter
from tnprep.issues import Issue, IssueCode, clip
from tnprep.model import DateOrder

DATE_ORDER = DateOrder.MONTH_FIRST
"""Migraine Buddy writes ``Started`` as m/d/yy."""

MAPPING: dict[str, str] = {
    "Started": "start",
    "Lasted": "duration",
    "Pain Level": "intensity",
    "Pain Positions": "location",
    "Potential Triggers": "triggers",
    "Helpful Medication": "medication_helpful",
    "Somewhat Helpful Medication": "medication_somewhat",
    "Unhelpful Medication": "medication_unhelpful",
    "Unsure Medication": "medication_unsure",
    "Notes": "notes",
    # Deliberately not read: location data and migraine-only fields (docs/formats.md).
    "#": "ignore",
    "Start UTC Offset (min)": "ignore",
    "End UTC Offset (min)": "ignore",
    "Geohash": "ignore",
    "Attack Types": "ignore",
    "Attack Location": "ignore",
    "Affected Activities": "ignore",
    "Symptoms": "ignore",
    "Most Bothersome Symptom": "ignore",
    "Premonitory Symptoms": "ignore",
    "Helpful Non Drug Relief Methods": "ignore",
    "Somewhat Helpful Non Drug Relief Methods": "ignore",
    "Unhelpful Non Drug Relief Methods": "ignore",
    "Unsure Non Drug Relief Methods": "ignore",
}
"""Export header → diary field ('ignore' = deliberately not read)."""

_SIGNATURE = ("", "started", "lasted")  # '#' normalises to ''
_PREAMBLE = ("date", "timeperiod", "description")


@dataclass(frozen=True)
class ExportLayout:
    """Where the attack table of a Migraine Buddy export starts."""

    delimiter: str
    header_record: int
    """Index of the attack table's header among the file's records (0 = first row)."""


def find_attack_table(text: str) -> ExportLayout | None:
    """Return the layout when ``text`` is a Migraine Buddy export, else ``None``.

    Recognised by a first row ``Date, Time Period, Description, …`` (the preamble table) and a
    later attack-table header ``#, Started, Lasted, …``.
    """
    delimiter = sniff_delimiter(text)
    if not _starts_with_preamble(text, delimiter):
        return None  # any other file is dismissed after one record, whatever its size
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    next(records, [])
    try:
        for index, record in enumerate(records, start=1):
            if tuple(normalise_header(cell) for cell in record[:3]) == _SIGNATURE:
                return ExportLayout(delimiter, index)
    except csv.Error:  # an unclosed quote: the generic reader explains it to the user
        return None
    return None


_FIRST_LINES = 65_536
"""Characters read for the first record when a file is longer (a copy of the whole file is not)."""


def _starts_with_preamble(text: str, delimiter: str) -> bool:
    """Whether the first record begins ``Date, Time Period, Description``.

    A long file's first record is read from its first characters only: when a second record
    starts within them the first one is complete, so it is the record the whole text gives.
    Otherwise (or on a csv error there) the whole text is read, as before.
    """
    first = None
    if len(text) > _FIRST_LINES:
        head = csv.reader(io.StringIO(text[:_FIRST_LINES], newline=""), delimiter=delimiter)
        try:
            records = list(itertools.islice(head, 2))
        except csv.Error:
            records = []
        first = records[0] if len(records) == 2 else None
    if first is None:
        first = next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), [])
    return tuple(normalise_header(cell) for cell in first[:3]) == _PREAMBLE


_NO_ONGOING = normalise_header("No ongoing events recorded during this period.")
_LISTED_ROWS = 5
"""Attacks with an empty ``Lasted`` get one notice each up to this many, then one for the file."""


def ongoing_notices(
    text: str, layout: ExportLayout, table: Table, used_rows: Iterable[int]
) -> list[Issue]:
    """Notices for attacks that may still be ongoing: preamble events and empty ``Lasted`` cells.

    Args:
        text: The decoded export.
        layout: Where its attack table starts.
        table: The attack table as read.
        used_rows: Row numbers of the attacks kept (a rejected row has its own issue).
    """
    return [*_preamble_notices(text, layout, table.file), *_open_notices(table, used_rows)]


def _preamble_notices(text: str, layout: ExportLayout, file: str) -> list[Issue]:
    records = csv.reader(io.StringIO(text, newline=""), delimiter=layout.delimiter)
    notices = []
    for row, record in enumerate(itertools.islice(records, 1, layout.header_record), start=2):
        cells = [cell.strip() for cell in record if cell.strip()]
        if not cells or normalise_header(cells[0]) == _NO_ONGOING:
            continue
        notices.append(Issue(
            code=IssueCode.ONGOING_EVENT, file=file, row=row, column=None,
            value=clip(" | ".join(cells)),
            message="Migraine Buddy lists this among its ongoing events (an attack or a "
            "treatment not ended when the file was exported). It is not counted as an attack: the "
            "export gives no start time for it. If an attack was still going on, end it in the app "
            "and export again.",
        ))  # fmt: skip
    return notices


def _open_notices(table: Table, used_rows: Iterable[int]) -> list[Issue]:
    if "Lasted" not in table.header:
        return []
    cells = table.cells[table.header.index("Lasted")]
    empty = cells.isna() | cells.astype("string").str.strip().fillna("").eq("")
    used = set(used_rows)
    rows = [row for row in table.cells.index[empty.to_numpy(dtype=bool)] if row in used]
    message = (
        "'Lasted' is empty: the attack may still have been going on when the file was exported. "
        "It is counted as an attack with its duration unknown."
    )
    if len(rows) <= _LISTED_ROWS:
        return [Issue(code=IssueCode.DURATION_OPEN, file=table.file, row=row, column="Lasted",
                      value=None, message=message)
                for row in rows]  # fmt: skip
    listed = ", ".join(str(row) for row in rows[:_LISTED_ROWS])
    return [Issue(
        code=IssueCode.DURATION_OPEN, file=table.file, row=None, column="Lasted", value=None,
        message=f"{len(rows)} attacks (rows {listed}, …) have an empty 'Lasted': they may still "
        "have been going on when the file was exported. They are counted with their duration "
        "unknown.",
    )]  # fmt: skip

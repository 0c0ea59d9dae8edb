"""Migraine Buddy's CSV export, recognised by its structure (not its file name).

The export holds two tables: a preamble (``"Date","Time Period","Description","Notes"`` and its
rows), a blank line, then the attack table whose header starts ``#, Started, Lasted``. ``Started``
is ``m/d/yy H:M`` local time, ``Lasted`` like ``01h 00m``; list cells are comma-separated inside
quotes and ``No medication`` is a sentinel. The per-attack medication ratings (helpful, somewhat
helpful, unhelpful, unsure) are kept: no other app records per-drug effectiveness per attack.
``Geohash`` (the user's location) and migraine-specific columns are never read.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from tnprep.ingest.columns import normalise_header
from tnprep.ingest.decode import sniff_delimiter
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
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    first = next(records, [])
    if tuple(normalise_header(cell) for cell in first[:3]) != _PREAMBLE:
        return None  # any other file is dismissed after one record, whatever its size
    try:
        for index, record in enumerate(records, start=1):
            if tuple(normalise_header(cell) for cell in record[:3]) == _SIGNATURE:
                return ExportLayout(delimiter, index)
    except csv.Error:  # an unclosed quote: the generic reader explains it to the user
        return None
    return None

"""Files that must not be read as a treatment history, refused in one clear message.

Two kinds reached the treatment reader and were read wrongly (session 4 trust review):

- An attack diary (the CHT export: ``start_time, end_time, intensity, medication``): its rescue
  column became "current" treatments. A table whose columns give attack times and an intensity
  (or a duration with clock times), and nothing only a treatment history has (dose, response,
  reason stopped …), is refused with the option to use instead.
- JSON: a FHIR resource other than a QuestionnaireResponse (a MedicationStatement, say) is named
  and refused in the same words on every option (``fhir_refusal``), so no option sends the user
  to another that refuses it too. tnprep does not read FHIR medication resources: their dose is
  structured text or a coded dosage that this reader cannot turn into mg/day without guessing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

from tnprep.ingest.columns import match_columns
from tnprep.ingest.decode import Table
from tnprep.issues import InputError, clip

_INTENSITIES = frozenset({"intensity", "worst_intensity"})
_ATTACK_MEASURES = _INTENSITIES | {"duration"}
_ATTACK_TIMES = frozenset({"start", "date", "time"})
_TREATMENT_ONLY = frozenset(
    {"start", "end", "dose", "response", "stopped_because", "side_effects", "outcome",
     "pain_free_until", "recurrence", "complications"}
)  # fmt: skip
"""Treatment-history fields that count as such only when the diary does not read the column too
(a ``Date`` column is a diary's date as much as a treatment's start)."""

_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_ROWS_LOOKED_AT = 100

_MEDICATION_RESOURCES = frozenset(
    {"MedicationStatement", "MedicationRequest", "MedicationAdministration", "MedicationDispense",
     "Medication"}
)  # fmt: skip


def diary_refusal(table: Table, treatment_fields: Mapping[int, str]) -> InputError | None:
    """The error for a table shaped like an attack diary, else ``None``.

    An intensity with a start, date or time column is a diary's. A duration alone is not
    enough — a treatment history may say how long a course lasted — unless the attacks are
    timed: a time column, or start cells with a clock time (``2026-01-02 08:00``).

    Args:
        table: The file's table.
        treatment_fields: Column position → treatment field (the treatment reader's matching).
    """
    header = table.header
    diary_fields = match_columns(header).fields
    if not _attack_shaped(table, diary_fields):
        return None
    if any(
        field in _TREATMENT_ONLY and position not in diary_fields
        for position, field in treatment_fields.items()
    ):
        return None
    shown = ", ".join(header[position] for position in sorted(diary_fields))
    return InputError(
        table.file,
        f"looks like an attack diary (columns {clip(shown, 120)}), not a treatment history: "
        "it has attack times and pain intensity or duration, and no treatment start, dose or "
        "response column. Pass it with --diary (in the app: upload it as a diary).",
    )


def _attack_shaped(table: Table, diary_fields: Mapping[int, str]) -> bool:
    """True when the diary reading of the header finds timed attacks with a pain measure."""
    found = set(diary_fields.values())
    if not found & _ATTACK_TIMES:
        return False
    if found & _INTENSITIES or "time" in found:
        return bool(found & _ATTACK_MEASURES)
    if "duration" not in found:
        return False
    starts = [position for position, field in diary_fields.items() if field == "start"]
    return any(_has_clock_time(table, position) for position in starts)


def _has_clock_time(table: Table, position: int) -> bool:
    """True when a cell of the column (the first hundred rows) holds a clock time."""
    cells = table.cells.iloc[:_ROWS_LOOKED_AT, position]
    return any(_CLOCK_TIME.search(str(cell)) for cell in cells if cell is not None)


def json_refusal(data: bytes, file: str) -> InputError | None:
    """The error for a JSON file given as a treatment history, else ``None`` (not JSON)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"[")):
        return None
    kind = resource_type(data)
    if kind is not None and kind != "QuestionnaireResponse":
        return fhir_refusal(file, kind)
    return InputError(
        file,
        "is JSON, not a treatment history table (a CSV, TSV or XLSX table with a Treatment "
        "column). If it holds questionnaire answers, pass it with --questionnaire.",
    )


class UnreadResourceError(InputError):
    """A FHIR resource tnprep does not read: refused on every option, never sent to another."""


def fhir_refusal(file: str, kind: str) -> UnreadResourceError:
    """The one message for a FHIR resource tnprep does not read, whatever option it came by."""
    what = f"is a FHIR {clip(kind, 40)}, which tnprep does not read (yet)."
    if kind in _MEDICATION_RESOURCES:
        return UnreadResourceError(
            file,
            f"{what} Copy its medicines into a treatment history table (columns Treatment, "
            "Start, End, Dose) and pass that with --treatments.",
        )
    return UnreadResourceError(
        file,
        f"{what} tnprep reads diaries and treatment histories as CSV, TSV or XLSX tables, and "
        "questionnaire answers as CSV, JSON or a FHIR QuestionnaireResponse.",
    )


def resource_type(data: bytes) -> str | None:
    """The top-level FHIR ``resourceType`` of JSON ``data``, or ``None`` when there is none."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):  # not UTF-8 or not JSON: the other readers say why
        return None
    kind = value.get("resourceType") if isinstance(value, dict) else None
    return kind if isinstance(kind, str) else None

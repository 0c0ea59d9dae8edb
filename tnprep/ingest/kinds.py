"""Recognise what a table is before reading it: header *and* values decide (docs/formats.md).

- Columns are matched by header, then checked against their values: a matched column whose
  filled values mostly do not fit the field (place names under ``Location``, a diagnosis under
  ``Type``) is unmatched, with one notice naming it. A ``time`` column holding dates is the date.
- An **event log** has a type / category column whose values name kinds of events (symptom,
  medicine, sleep, mood …); only its pain rows are attacks (``tnprep.ingest.event_log``).
- A table with a date but nothing about pain (no intensity, duration, side, location, division,
  triggers, pain type, attack count, worst or background pain, and no header naming attacks) is
  **not a pain diary**: refused, naming what it looks like. A date
  column alone never makes a file an attack log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from tnprep.ingest import values
from tnprep.ingest.columns import ColumnMatch, normalise_header
from tnprep.ingest.dates import decide_order, parse_dates, parse_times
from tnprep.ingest.decode import Table
from tnprep.ingest.distinct import distinct_text
from tnprep.ingest.end_clock import reread_end_clock
from tnprep.issues import InputError, Issue, IssueCode
from tnprep.model import DateOrder

PAIN_EVIDENCE = frozenset(
    {"duration", "intensity", "side", "location", "division", "triggers", "pain_type",
     "attacks", "worst_intensity", "background_pain", "medication_helpful",
     "medication_somewhat", "medication_unhelpful", "medication_unsure"}
)  # fmt: skip
"""Fields that say a table records pain; a date with none of them is not a pain diary.

A rescue / medication column or an end time alone does not: a medication list has both.
"""
_PAIN_HEADER_WORDS = ("attack", "anfall")
"""A header naming attacks ('Attack start') says the rows are attacks; 'Back pain' says nothing."""
_SAMPLE = 2000
_FEW = 10
_MOSTLY = 0.5
_SYMPTOM_WORDS = ("headache", "migraine", "neuralgia", "facialpain", "pain")
"""Header words of a symptom tracker's headache or pain column (one tnprep did not match)."""
_LOOKS_LIKE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("patient", "encounter"), "an EHR table (patient and encounter columns)"),
    (_SYMPTOM_WORDS, "a symptom tracker"),
    (("mood", "emotion", "feeling"), "a mood diary"),
    (("medication", "drug", "medicine", "description", "dose", "dosage"), "a medication list"),
    (("sleep", "steps", "activities", "activity", "exercise", "weight", "calories"),
     "a lifestyle tracker"),
)  # fmt: skip


@dataclass(frozen=True)
class Checked:
    """Columns after the value check, and the notices it raised."""

    match: ColumnMatch
    issues: tuple[Issue, ...]


def check_columns(table: Table, match: ColumnMatch, user_fields: Mapping[str, str]) -> Checked:
    """Unmatch columns whose values mostly do not fit their field; a 'time' of dates is the date.

    Columns the user mapped by hand (``user_fields``, by normalised header) are never unmatched.
    """
    fields = dict(match.fields)
    issues: list[Issue] = []
    by_user = {normalise_header(header) for header in user_fields}
    for position, name in list(fields.items()):
        header = table.header[position]
        if normalise_header(header) in by_user:
            continue
        verdict = _fit(table.cells[position], name)
        if verdict == "date" and "date" not in fields.values() and "start" not in fields.values():
            fields[position] = "date"
            issues.append(_notice(table, position, IssueCode.COLUMN_HOLDS_DATES,
                                  "This column holds dates without a clock time; it was read as "
                                  "the date, and the time of day is unknown."))  # fmt: skip
        elif verdict == "misfit":
            del fields[position]
            issues.append(_notice(table, position, IssueCode.COLUMN_VALUES_MISMATCH,
                                  f"Most values in this column are not a {_WHAT[name]}, so it "
                                  f"was not read as '{name}'. If it is one, map it with --map "
                                  f'"{header}={name}".'))  # fmt: skip
    end_clock = reread_end_clock(table, fields, by_user)
    issues.extend([] if end_clock is None else [end_clock])
    return Checked(replace(match, fields=fields), tuple(issues))


_WHAT = {
    "side": "side (left/right/both)",
    "location": "side or division of the face",
    "division": "division (V1–V3)",
    "pain_type": "pain type (paroxysmal/continuous)",
    "time": "clock time",
    "intensity": "pain score",
}


def _fit(cells: pd.Series, name: str) -> str:
    """'ok', 'misfit' or (for a time column) 'date'."""
    if name not in _WHAT:
        return "ok"
    if name != "time":
        return _fit_per_distinct(cells, name)
    text = values.text_cells(cells.head(_SAMPLE))
    filled = text[text.ne("")]
    if len(filled) < _FEW:
        return "ok"  # a handful of cells: row-level issues say more than dropping the column
    readable = parse_times(filled).notna().mean()
    if readable >= _MOSTLY:
        return "ok"
    order = decide_order(filled).order or DateOrder.DAY_FIRST
    dated = parse_dates(filled, order, with_time=False).notna().mean()
    return "date" if dated >= _MOSTLY else "ok"


def _fit_per_distinct(cells: pd.Series, name: str) -> str:
    """``_fit`` of a field checked cell by cell, each distinct cell read once.

    The first ``_SAMPLE`` rows are the sample, as before; every reader below reads one cell
    without looking at the others, so reading the column's distinct cells and counting the
    sample's filled rows by code gives the same share. The column's distinct cells are then
    already there for the field's own reader (``distinct.one_table``).
    """
    found = distinct_text(cells)
    sample = found.codes[:_SAMPLE]
    filled = sample[np.array([text != "" for text in found.texts], dtype=bool)[sample]]
    if len(filled) < _FEW:
        return "ok"  # a handful of cells: row-level issues say more than dropping the column
    unreadable = _unreadable_cells(found.series(), name).to_numpy(dtype=bool)
    return "misfit" if float(unreadable[filled].mean()) > _MOSTLY else "ok"


def _unreadable_cells(filled: pd.Series, name: str) -> pd.Series:
    """For each cell: whether it says nothing the field can use."""
    if name == "side":
        return values.parse_sides(filled).unreadable
    if name == "location":
        side = values.parse_sides(filled).values.notna()
        divisions = values.divisions_in_location(filled).any(axis=1)
        return ~side & ~divisions
    if name == "division":
        return values.parse_divisions(filled)[1]
    if name == "intensity":
        numbers = values.parse_numbers(filled, decimal_comma=False).unreadable
        words = values.text_cells(filled).str.casefold().isin(_INTENSITY_WORDS)
        return numbers & ~words
    return values.parse_pain_types(filled).unreadable


_INTENSITY_WORDS = ("none", "mild", "moderate", "severe", "very severe", "extreme", "light")


def _notice(table: Table, position: int, code: IssueCode, message: str) -> Issue:
    return Issue(
        code=code, file=table.file, row=1, column=table.header[position], value=None,
        message=message,
    )  # fmt: skip


def refuse_unless_pain(table: Table, match: ColumnMatch) -> None:
    """Refuse a table that records nothing about pain (a date alone is not an attack log).

    Raises:
        InputError: naming what the file looks like and how to map a column if it is a diary.
    """
    mapped = set(match.fields.values())
    if mapped & PAIN_EVIDENCE or not mapped & {"date", "start"}:
        return  # no date at all: the shape check lists the headers seen and the fields needed
    if any(word in normalise_header(header) for header in table.header
           for word in _PAIN_HEADER_WORDS):  # fmt: skip
        return
    raise InputError(table.file, not_a_diary_reason(table.header))


def not_a_diary_reason(header: tuple[str, ...]) -> str:
    """'not a pain diary: it looks like a mood diary (columns date, mood, activities)'."""
    keys = [normalise_header(cell) for cell in header]
    looks = next(
        (what for words, what in _LOOKS_LIKE if any(w in key for key in keys for w in words)),
        "a table with no pain columns",
    )
    return (
        f"is not a pain diary: it looks like {looks} (columns {_columns_shown(header)}). A pain "
        "diary needs a date and at least one pain column (intensity, duration, side, triggers, "
        "attack count …); if one of these columns holds one, map it with "
        f'--map "Header=field"{_symptom_hint(header)}.'
    )


def _columns_shown(header: tuple[str, ...], limit: int = 160) -> str:
    """The headers, cut between columns (never inside one) with '+N more' for the rest."""
    named = [cell for cell in header if cell.strip()]
    shown: list[str] = []
    for cell in named:
        if shown and len(", ".join([*shown, cell])) > limit:
            break
        shown.append(cell)
    rest = len(named) - len(shown)
    return ", ".join(shown) + (f", +{rest} more" if rest else "")


def _symptom_hint(header: tuple[str, ...]) -> str:
    """' (its headache column: 'Headache Severity')' for a symptom tracker, else ''.

    The column is named, not mapped: a tracker's rating may be 0–3 or words, a day's worst or an
    average, so which field and scale it is stays the user's to say (SPEC: never guessed).
    """
    found = next(
        (cell for cell in header
         if any(word in normalise_header(cell) for word in _SYMPTOM_WORDS)
         and "note" not in normalise_header(cell)),
        None,
    )  # fmt: skip
    return "" if found is None else f" (its headache or pain column: '{found}')"

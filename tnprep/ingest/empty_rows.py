"""Attack-log rows that record no attack: a date with nothing else, or a note saying "no attacks".

A diary template with every day of the month already dated (a spreadsheet, a transcribed paper
diary: the date column filled down, the pain filled in on the days with pain) was read as a
date-only log with one attack per dated row — 30 attacks for a month with 3. And a row whose only
entry is a note such as "no attacks today" was one more attack. Counting either as an attack
invents attacks, so:

- a row with **no clock time and nothing but its date** (every other cell empty, a filled-down
  weekday column aside) is set aside as ``NOTHING_KIND`` — but only when the file's other rows do
  record something (pain, a trigger, a note …): a file of dates alone is a headache log whose
  every date is an attack, read as before. Its day is not made a recorded day by the row (a day
  left blank may not have been filled in); inside the attack log's span it is attack-free as any
  day without an attack row is;
- a row whose **only entry is a note of no attack** (``NO_ATTACK_NOTE``: "no attacks today",
  "None.", "Pain free - walked the dog") is set aside as ``NO_ATTACK_KIND``, and its day is a
  recorded day without attacks, as a pain-0 row's is (``tnprep.ingest.no_pain``).

Both are counted under ``rows_other`` by kind (accounting holds) and named in one notice each.
tnprep's own rule (docs/formats.md, "Rows that record no attack").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tnprep.ingest.columns import ColumnMatch
from tnprep.ingest.decode import Table
from tnprep.ingest.values import text_cells
from tnprep.issues import Issue, IssueCode

NOTHING_KIND = "a date with nothing recorded"
"""The kind under which dated rows with nothing else recorded are counted (``rows_other``)."""
NO_ATTACK_KIND = "no attack (noted)"
"""The kind under which rows whose only entry is a note of no attack are counted."""

NO_ATTACK_NOTE = re.compile(
    r"\s*(?:(?:no|zero|0|nil)\s+(?:tn\s+)?(?:attacks?|pain|episodes?|shocks?|zaps?|flare[\s-]?ups?)"
    r"|none|nothing|nil|(?:pain|attack)[\s-]?free)"
    r"(?:\s+(?:today|at all|all day|this day))?\s*(?:$|[.,;:!\-–—(]|\s+[-–—]\s)",
    re.IGNORECASE,
)
"""A note that says the day had no attack, alone or before a separator ("No pain. Walked")."""

_DATE_FIELDS = frozenset({"date", "time", "start"})
_WEEKDAYS = frozenset((
    "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs",
    "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
))  # fmt: skip
_SHOWN = 8


@dataclass(frozen=True)
class SetAside:
    """The attack rows left after setting aside those that record no attack, and why."""

    frame: pd.DataFrame
    """The attack rows still counted as attacks."""
    kinds: tuple[tuple[str, int], ...]
    """Rows set aside, by kind (for ``DiaryInfo.other_kinds``)."""
    issues: tuple[Issue, ...]
    """One notice per kind set aside."""
    no_attack_days: tuple[dt.date, ...]
    """The days of the notes of no attack: recorded days without attacks."""


def set_aside(frame: pd.DataFrame, table: Table, match: ColumnMatch) -> SetAside:
    """Set aside the attack rows of ``frame`` (read from ``table``) that record no attack."""
    notes = _position(match, "notes")
    noted = _noted(frame, notes)
    dateless = frame["time_unknown"].to_numpy(dtype=bool)
    candidates = noted | dateless
    if not candidates.any():
        return SetAside(frame, (), (), ())
    rows = frame["row"].to_numpy()[candidates]
    blank = np.zeros(len(frame), dtype=bool)
    blank[candidates] = _blank_but_date(table, match, rows, notes)
    note_empty = frame["notes"].fillna("").str.strip().eq("").to_numpy(dtype=bool)
    no_attack = noted & blank
    nothing = dateless & blank & note_empty
    if nothing.sum() == len(frame) - no_attack.sum():
        nothing[:] = False  # a file of dates alone: each date is an attack
    return _result(frame, table, notes, no_attack=no_attack, nothing=nothing)


def _position(match: ColumnMatch, field: str) -> int | None:
    return next((position for position, name in match.fields.items() if name == field), None)


def _noted(frame: pd.DataFrame, notes: int | None) -> np.ndarray:
    if notes is None:
        return np.zeros(len(frame), dtype=bool)
    # one vectorised pass over the notes (a ten-year diary has 364,606 of them; issue 15)
    said = frame["notes"].str.match(NO_ATTACK_NOTE.pattern, case=False, na=False)
    return said.to_numpy(dtype=bool)


def _blank_but_date(
    table: Table, match: ColumnMatch, rows: np.ndarray, notes: int | None
) -> np.ndarray:
    """Per row given, whether every cell but the date, time, notes and weekday cells is empty."""
    blank = np.ones(len(rows), dtype=bool)
    for position in range(len(table.header)):
        if match.fields.get(position) in _DATE_FIELDS or position == notes:
            continue
        column = text_cells(table.cells[position])
        if _weekdays_only(column):
            continue
        blank &= column.loc[rows].eq("").to_numpy(dtype=bool)
    return blank


def _weekdays_only(column: pd.Series) -> bool:
    """A column filled down with weekday names (``Mon``, ``Tuesday``) records nothing."""
    filled = column[column.ne("")]
    names = set(filled.str.casefold().str.rstrip(".").unique())
    return bool(names) and names <= _WEEKDAYS


def _result(
    frame: pd.DataFrame,
    table: Table,
    notes: int | None,
    *,
    no_attack: np.ndarray,
    nothing: np.ndarray,
) -> SetAside:
    row_numbers = frame["row"].to_numpy()
    kinds = tuple((kind, int(mask.sum())) for kind, mask in
                  ((NO_ATTACK_KIND, no_attack), (NOTHING_KIND, nothing)) if mask.any())  # fmt: skip
    issues = []
    if no_attack.any():
        column = None if notes is None else table.header[notes]
        issues.append(
            _no_attack_notice(table.file, column, [int(row) for row in row_numbers[no_attack]])
        )
    if nothing.any():
        issues.append(_nothing_notice(table.file, [int(row) for row in row_numbers[nothing]]))
    starts = frame["start"].to_numpy(dtype="datetime64[ns]")[no_attack].astype("datetime64[D]")
    days = tuple(pd.Timestamp(day).date() for day in np.unique(starts[~np.isnat(starts)]))
    kept = frame.loc[~(no_attack | nothing)].reset_index(drop=True)
    return SetAside(kept, kinds, tuple(issues), days)


def _listed(rows: list[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:_SHOWN])
    return shown + (f" and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else "")


def _no_attack_notice(file: str, column: str | None, rows: list[int]) -> Issue:
    many = "1 row's only entry is a note" if len(rows) == 1 else (
        f"{len(rows)} rows' only entry is a note")  # fmt: skip
    return Issue(
        code=IssueCode.NO_ATTACK_NOTED, file=file, row=None, column=column, value=None,
        message=(f"{many} saying there was no attack (rows {_listed(rows)}), such as 'no attacks' "
                 f"or 'pain free': they are not counted as attacks and are counted as "
                 f"'{NO_ATTACK_KIND}' among the other rows; their days count as recorded days "
                 "without attacks."),
        rows=len(rows),
    )  # fmt: skip


def _nothing_notice(file: str, rows: list[int]) -> Issue:
    many = "1 row holds" if len(rows) == 1 else f"{len(rows)} rows hold"
    return Issue(
        code=IssueCode.NOTHING_RECORDED, file=file, row=None, column=None, value=None,
        message=(f"{many} a date and nothing else (rows {_listed(rows)}), in a diary whose other "
                 "rows record the attack: a row left blank is not an attack (a diary dated in "
                 "advance), so they are not counted as attacks and are counted as "
                 f"'{NOTHING_KIND}' among the other rows. If they were attacks, give each one's "
                 "pain or a note in the file."),
        rows=len(rows),
    )  # fmt: skip

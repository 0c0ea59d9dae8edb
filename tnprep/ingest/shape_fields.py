"""Columns the file's shape cannot use: refused or named, never dropped silently.

An attack log has one attack per row; a daily log one day per row with its count of attacks.
Two mixes were read without a word about the column left over:

- an attack log (a time on every row) with a count of attacks on each row (``Number of attacks``:
  5, 3, 10) was read as one attack per row — 3 attacks where the file records 18 — while
  ``check`` listed the count column as read. When any row counts more than one attack, the file
  is **refused** (one line: the column, the rows, and how to read it either way with ``--map``);
  counts of 0 or 1 agree with one attack per row and are not a problem;
- a daily log with columns of an attack log (``Pain``, ``Trigger``) left them out silently: each
  gets a ``column-not-for-shape`` notice, saying how to map a pain column as the day's worst pain.

tnprep's own rule (docs/formats.md, "Columns the shape cannot use").
"""

from __future__ import annotations

from tnprep.ingest.columns import ColumnMatch
from tnprep.ingest.decode import Table
from tnprep.ingest.values import parse_numbers
from tnprep.issues import InputError, Issue, IssueCode
from tnprep.model import DiaryShape

_SHOWN = 5
_PAIN_FIELDS = frozenset({"intensity"})


def check(
    table: Table, match: ColumnMatch, shape: DiaryShape, attack_only: frozenset[str]
) -> tuple[Issue, ...]:
    """Refuse an attack log counting several attacks a row; name a daily log's unused columns.

    Raises:
        InputError: an attack log whose count column gives more than one attack on a row.
    """
    if shape is DiaryShape.ATTACK_LOG:
        _refuse_counts(table, match)
        return ()
    return tuple(
        _unused(table, position, field)
        for position, field in sorted(match.fields.items())
        if field in attack_only
    )


def _refuse_counts(table: Table, match: ColumnMatch) -> None:
    position = next((at for at, field in match.fields.items() if field == "attacks"), None)
    if position is None:
        return
    counts = parse_numbers(table.cells[position], decimal_comma=table.delimiter != ",").values
    several = (counts > 1).fillna(value=False).to_numpy(dtype=bool)
    if not several.any():
        return
    rows = [int(row) for row in table.cells.index[several]]
    shown = ", ".join(str(row) for row in rows[:_SHOWN])
    listed = (f"{shown} and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN
              else " and ".join(shown.rsplit(", ", 1)))  # fmt: skip
    column = table.header[position]
    clock = _clock_header(table, match)
    raise InputError(
        table.file,
        f"has a time on every row and a count of attacks in '{column}' that is more than 1 on "
        f"rows {listed}: a row cannot be one attack and several, so the file was not read. To "
        f'count one attack per row, leave the count out (--map "{column}=ignore", or in the '
        f'app); to read the counts as a daily log, leave the time out (--map "{clock}=ignore").',
    )


def _clock_header(table: Table, match: ColumnMatch) -> str:
    for field in ("time", "start"):
        for position, name in match.fields.items():
            if name == field:
                return table.header[position]
    return "Time"


def _unused(table: Table, position: int, field: str) -> Issue:
    column = table.header[position]
    hint = (f' If it holds the day\'s worst pain, map it with --map "{column}=worst_intensity" '
            "(or in the app)." if field in _PAIN_FIELDS else "")  # fmt: skip
    return Issue(
        code=IssueCode.COLUMN_NOT_FOR_SHAPE, file=table.file, row=1, column=column, value=None,
        message=(f"This column is a field of an attack log ('{field}'), but the file is read as "
                 "a daily log (one row per day with its count of attacks), so it was not used."
                 + hint),
    )  # fmt: skip

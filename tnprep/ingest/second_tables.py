"""Header rows inside a diary: the header repeated, or a second table under the first.

People keep a medication list under their diary in the same sheet, and paste months one under
another with the header each time. A date-only diary with a medication table under it
(``Date,Medication,Dose``) was read as two more attacks with triggers ``200mg`` and ``400mg``.
A row is a **header row** when its date cell is a date column's name (``Date``, ``Start time``)
and its other cells name diary columns too (or hold no digit at all, as names do). A header row
that repeats the file's own header (compared as headers are) is left out alone
(``header-repeated``); any other starts a **second table**, whose rows — the header row and every
row under it up to the next repeat of the diary's own header — are left out
(``second-table``), each with file, row and a plain reason. tnprep's own rule (docs/formats.md,
"A second table").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pandas as pd

from tnprep.ingest.columns import ColumnMatch, match_columns, normalise_header
from tnprep.ingest.decode import Table
from tnprep.ingest.row_issues import RowIssues
from tnprep.issues import IssueCode

_DATE_FIELDS = frozenset({"date", "start"})
_DIGIT = re.compile(r"[0-9]")


def reject(table: Table, match: ColumnMatch, issues: RowIssues) -> None:
    """Reject the header rows inside ``table`` and the rows of any second table (one issue each)."""
    position = next((at for at, name in match.fields.items() if name in _DATE_FIELDS), None)
    if position is None:
        return
    own = _key(table.header)
    for start, header, same in _header_rows(table, position):
        if same:
            message = "This row repeats the header row; it was left out of every figure."
            issues.reject(position, _mask(table, start, start), IssueCode.HEADER_REPEATED, message)
            continue
        end = _next_own_header(table, position, start, own)
        named = ", ".join(cell for cell in header if cell)
        issues.reject(
            position, _mask(table, start, end), IssueCode.SECOND_TABLE,
            f"Row {start} starts a second table ({named}) under the diary: its rows are not "
            "diary rows and were left out of every figure. Give that table as a file of its own "
            "(a treatment history, if it is one).",
        )  # fmt: skip


def _header_rows(table: Table, position: int) -> Iterator[tuple[int, tuple[str, ...], bool]]:
    """Each header row inside the table: its row number, its cells and whether it is the file's."""
    cells = table.cells[position]
    text = cells if isinstance(cells.dtype, pd.StringDtype) else cells.astype("string")
    # a date has digits, a column's name none: only the few cells without one are looked at (one
    # vectorised pass; factorising a ten-year diary's 364,606 start cells cost ~0.3 s, issue 15)
    wordy = (~text.str.contains(_DIGIT.pattern, regex=True)).fillna(value=False)
    rows = text.index[wordy.to_numpy(dtype=bool)]
    if rows.empty:
        return
    names = {word: _names_a_date(word) for word in text.loc[rows].str.strip().unique()}
    named = [row for row in rows if names[str(text.loc[row]).strip()]]
    own = _key(table.header)
    for row in named:
        found = tuple("" if pd.isna(cell) else str(cell).strip() for cell in table.cells.loc[row])
        if _key(found) == own:
            yield int(row), found, True
        elif _is_header(found):
            yield int(row), found, False


def _names_a_date(text: str) -> bool:
    if not text or _DIGIT.search(text):
        return False
    fields = set(match_columns((text,)).fields.values())
    return bool(fields) and fields <= _DATE_FIELDS


def _is_header(cells: tuple[str, ...]) -> bool:
    if len(match_columns(cells).fields) >= 2:
        return True
    return not any(_DIGIT.search(cell) for cell in cells)


def _key(cells: tuple[str, ...]) -> tuple[str, ...]:
    keys = [normalise_header(cell) for cell in cells]
    while keys and not keys[-1]:
        keys.pop()
    return tuple(keys)


def _next_own_header(table: Table, position: int, start: int, own: tuple[str, ...]) -> int:
    """The last row of the second table starting at ``start``: before the diary's header again."""
    for row, _, same in _header_rows(table, position):
        if row > start and same:
            return row - 1
    return int(table.cells.index.max())


def _mask(table: Table, first: int, last: int) -> pd.Series:
    index = table.cells.index
    return pd.Series((index >= first) & (index <= last), index=index, dtype=bool)

"""Collects the row-level issues of one file while its columns are read.

A small mutable helper private to one ``read_diary`` call: it remembers which rows were rejected so
that a rejected row gets one issue (why it was rejected) and no further field issues.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from tnprep.ingest.dates import OrderDecision
from tnprep.ingest.decode import Table
from tnprep.ingest.values import text_cells
from tnprep.issues import Issue, IssueCode, Severity, clip
from tnprep.model import DateOrderSource

_SERIAL = r"[2-7][0-9]{4}(?:\.[0-9]+)?"
"""An Excel date serial number of the years 1954–2119 (20000–79999), as Excel writes a date cell
formatted as a number into a CSV file."""
_SERIAL_MESSAGE = (
    "The date cannot be read: it looks like an Excel date serial number (a date cell formatted "
    "as a number). Format the column as dates in the spreadsheet and save the file again, or "
    "give the workbook (.xlsx) itself; the row was left out of every figure."
)


def _excel_serials(text: pd.Series) -> npt.NDArray[np.bool_]:
    """Per cell, whether it is a bare number in the range of Excel's recent date serials."""
    return text.str.fullmatch(_SERIAL).fillna(value=False).to_numpy(dtype=bool)


class RowIssues:
    """Issues of one table, with the set of rejected rows."""

    def __init__(self, table: Table) -> None:
        """Start with no issues for ``table``."""
        self._table = table
        self._issues: list[Issue] = []
        self._rejected = pd.Series(False, index=table.cells.index, dtype=bool)

    @property
    def rejected_count(self) -> int:
        """Rows rejected so far."""
        return int(self._rejected.sum())

    def rejected_rows(self) -> pd.Series:
        """Per row, whether it has been rejected so far (a copy)."""
        return self._rejected.copy()

    def reject_unreadable(
        self,
        position: int,
        parsed: pd.Series,
        what: Literal["date", "time"],
        decision: OrderDecision | None = None,
    ) -> None:
        """Reject rows whose parsed date or time is missing; one issue per row, naming why."""
        unread = parsed.isna().to_numpy() & ~self._rejected.to_numpy()
        text = text_cells(self._table.cells[position])
        blank = unread & text.eq("").to_numpy()
        missing_code, unreadable_code = _UNREAD_CODES[what]
        self._add(
            position,
            blank,
            missing_code,
            f"The {what} is empty; the row was left out of every figure.",
        )
        detail = _order_detail(decision) if what == "date" else ""
        serial = np.zeros(len(unread), dtype=bool)
        if what == "date" and (unread & ~blank).any():  # looked at only when a date failed
            serial = unread & ~blank & _excel_serials(text)
        self._add(position, serial, unreadable_code, _SERIAL_MESSAGE)
        self._add(
            position,
            unread & ~blank & ~serial,
            unreadable_code,
            f"The {what} cannot be read{detail}; the row was left out of every figure.",
        )
        self._rejected |= unread

    def reject_after(self, position: int, parsed: pd.Series, today: dt.date) -> None:
        """Reject rows dated after tomorrow (a day's margin for time zones).

        A diary cannot hold a day still to come: a year typed 2062 for 2026 made a 36-year
        period of 13,149 'attack-free' days.
        """
        latest = today + dt.timedelta(days=1)
        after = (parsed >= pd.Timestamp(latest + dt.timedelta(days=1))).fillna(False)
        message = (
            f"The date is after {latest.isoformat()}, the day after this file was read: a diary "
            "cannot record a day still to come; the row was left out of every figure."
        )
        self.reject(position, after, IssueCode.DATE_IN_FUTURE, message)

    def reject(self, position: int, mask: pd.Series, code: IssueCode, message: str) -> None:
        """Reject the masked rows not yet rejected, with one issue each (a *rejected* code)."""
        rows = mask.to_numpy(dtype=bool) & ~self._rejected.to_numpy()
        self._add(position, rows, code, message)
        self._rejected |= rows

    def drop(self, position: int, mask: pd.Series, code: IssueCode, message: str) -> None:
        """Record that a field was dropped for the masked rows (a *dropped* code; rows count)."""
        self._add(position, mask.to_numpy(dtype=bool), code, message)

    def keep_only(self, kept: pd.Series) -> None:
        """Forget field issues of rows that were rejected (their rejection is the one issue)."""
        rejected_rows = set(self._table.cells.index[~kept.to_numpy(dtype=bool)])
        self._issues = [
            issue
            for issue in self._issues
            if issue.severity is Severity.REJECTED or issue.row not in rejected_rows
        ]

    def collected(self) -> tuple[Issue, ...]:
        """Every issue, ordered by row and column; a column failing for most rows is one issue.

        When one field is dropped for more than half of a column's rows (and at least
        ``COLUMN_LEVEL_MINIMUM`` rows), the row issues become one column-level issue with the
        count and three examples: a mismatched column must not drown the real problems.
        """
        groups: dict[tuple[str | None, IssueCode], list[Issue]] = {}
        for issue in self._issues:
            if issue.severity is Severity.DROPPED:
                groups.setdefault((issue.column, issue.code), []).append(issue)
        rows = len(self._table.cells)
        crowded = {key for key, items in groups.items()
                   if len(items) >= COLUMN_LEVEL_MINIMUM and len(items) * 2 > rows}  # fmt: skip
        kept = [
            issue
            for issue in self._issues
            if issue.severity is not Severity.DROPPED or (issue.column, issue.code) not in crowded
        ]
        kept += [_column_level(groups[key], rows) for key in sorted(crowded, key=str)]
        return tuple(sorted(kept, key=Issue.sort_key))

    def _add(
        self,
        position: int,
        mask: npt.NDArray[np.bool_],
        code: IssueCode,
        message: str,
    ) -> None:
        cells = self._table.cells[position]
        header = self._table.header[position]
        rows = cells.index[mask]
        values = cells[mask]
        self._issues.extend(
            Issue(
                code=code,
                file=self._table.file,
                row=int(row),
                column=header,
                value=_shown(value),
                message=message,
            )
            for row, value in zip(rows, values, strict=True)
        )


_UNREAD_CODES = {
    "date": (IssueCode.DATE_MISSING, IssueCode.DATE_UNREADABLE),
    "time": (IssueCode.TIME_MISSING, IssueCode.TIME_UNREADABLE),
}
"""The empty-cell and unreadable-cell codes of the date and the time."""

COLUMN_LEVEL_MINIMUM = 10
"""Fewest dropped rows that can make one column-level issue."""


def _column_level(items: list[Issue], rows: int) -> Issue:
    first = items[0]
    examples = ", ".join(
        dict.fromkeys(f"row {item.row}: {item.value}" for item in items if item.value).keys()
    )
    shown = "; ".join(examples.split(", ")[:3])
    return Issue(
        code=IssueCode.COLUMN_MOSTLY_UNREADABLE, file=first.file, row=None, column=first.column,
        value=clip(shown) if shown else None,
        message=f"{len(items)} of {rows} rows: {first.message} Examples: {shown}.",
        rows=len(items),
    )  # fmt: skip


def _shown(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value).strip()
    return clip(text) if text else None


def _order_detail(decision: OrderDecision | None) -> str:
    if decision is None or decision.order is None:
        return ""
    why = {
        DateOrderSource.DATA: "decided from the other dates in the file",
        DateOrderSource.ASSUMED: "assumed",
        DateOrderSource.USER: "as you chose",
        DateOrderSource.FORMAT: "as the export writes them",
    }[decision.source]
    return f" (slash dates are read {decision.order.value}, {why})"

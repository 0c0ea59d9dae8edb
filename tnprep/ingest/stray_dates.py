"""Rows dated far apart from the rest of their file: a mistyped year, rejected as ``date-apart``.

A diary kept in November 2026 with one row typed 2016 for 2026 made a period of 3,659 days, 3,651
of them "attack-free" (an attack log covers every day from its first to its last row). The clock
catches a year typed into the future (``date-in-future``); a year typed into the past is caught
here, from the file's own dates: the rows are grouped into stretches separated by more than
``GAP_DAYS`` days, and a small stretch (at most ``STRAY_ROWS`` rows, and at most a quarter of the
rows of the file's largest stretch) whose dates another year would put in or beside the largest
stretch is rejected with its file, row and column. Two real stretches of diary a year apart are
both kept, and so are a few rows months after the rest that no year explains (a recurrence after
a pain-free spell). tnprep's own rule (docs/formats.md, "Dates far apart").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

GAP_DAYS = 180
"""A gap longer than this (about half a year) between two rows separates stretches of a diary.
Long enough for a diary paused over a summer; short enough to catch last year's number typed in
early January (2025-01-05 among rows of December 2025 and January 2026)."""
STRAY_ROWS = 3
"""A stretch of at most this many rows, apart from the rest, is taken for mistyped dates."""
_SHARE = 4
"""… and only when the file's largest stretch has at least this many times as many rows."""
YEARS_OFF = 20
"""… and only when another year, at most this many years off, puts the row in or beside the
largest stretch: the mark of a mistyped year."""
BESIDE_DAYS = 28
"""'Beside' the largest stretch: within a silence's length of its first or last day (the row
typed wrongly may be the diary's newest or oldest)."""


@dataclass(frozen=True)
class Apart:
    """The rows dated apart from the rest of a file, and the dates of the rest."""

    mask: pd.Series
    """Per row of the table (its index), whether the row is dated apart."""
    first: dt.date | None
    """The first day of the file's largest stretch (``None`` when no row is apart)."""
    last: dt.date | None
    """The last day of the file's largest stretch."""

    def message(self) -> str:
        """The plain reason given with each rejected row."""
        return (
            f"The date is more than {GAP_DAYS} days apart from the rest of this diary "
            f"({self.first} to {self.last}); a mistyped year would stretch the period with days "
            "counted as attack-free, so the row was left out of every figure. Correct the date, "
            "or give rows that really are this far apart in a file of their own."
        )


def dated_apart(dates: pd.Series) -> Apart:
    """Find the rows whose date lies in a small stretch far from the file's other rows.

    Args:
        dates: Per row, its date or date-time (``NaT`` for rows without one, ignored).

    Returns:
        The rows apart, with the span of the file's largest stretch for the message.
    """
    none = Apart(pd.Series(False, index=dates.index, dtype=bool), None, None)
    stamps = dates.to_numpy(dtype="datetime64[ns]")
    known = ~np.isnat(stamps)
    days = stamps.astype("datetime64[D]").astype(np.int64)
    distinct, rows_per_day = np.unique(days[known], return_counts=True)
    if distinct.size < 2:
        return none
    stretch = np.concatenate(([0], np.cumsum(np.diff(distinct) > GAP_DAYS)))
    if stretch[-1] == 0:  # one stretch: the common case, decided from the distinct days alone
        return none
    rows = np.bincount(stretch, weights=rows_per_day).astype(np.int64)
    largest = int(np.argmax(rows))
    stray = (rows <= STRAY_ROWS) & (rows[largest] >= _SHARE * rows)
    stray[largest] = False
    if not stray.any():
        return none
    span = distinct[stretch == largest]
    first, last = (_date(day) for day in (span[0], span[-1]))
    typed = [day for day in distinct[stray[stretch]] if _a_year_mistyped(_date(day), first, last)]
    if not typed:
        return none
    mask = known & np.isin(days, typed)
    return Apart(pd.Series(mask, index=dates.index, dtype=bool), first, last)


def _date(day: np.int64) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(day))


def _a_year_mistyped(day: dt.date, first: dt.date, last: dt.date) -> bool:
    """Whether ``day`` in another year (up to ``YEARS_OFF`` off) is in or beside ``first``–``last``.

    That is the mark of a mistyped year (2016-11-02 among 2026-11-01 … 2026-11-05). Rows apart
    that no year explains are kept: after a pain-free year, two attacks seven months after the
    last stretch are a recurrence, the page's most important news, not a typo.
    """
    low, high = first - dt.timedelta(days=BESIDE_DAYS), last + dt.timedelta(days=BESIDE_DAYS)
    for years in range(1, YEARS_OFF + 1):
        for year in (day.year - years, day.year + years):
            moved = _with_year(day, year)
            if moved is not None and low <= moved <= high:
                return True
    return False


def _with_year(day: dt.date, year: int) -> dt.date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return None

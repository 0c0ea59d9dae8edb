"""Rows dated far apart from the rest of their file: a mistyped year, rejected as ``date-apart``.

A diary kept in November 2026 with one row typed 2016 for 2026 made a period of 3,659 days, 3,651
of them "attack-free" (an attack log covers every day from its first to its last row). The clock
catches a year typed into the future (``date-in-future``); a year typed into the past is caught
here, from the file's own dates: the rows are grouped into stretches separated by more than
``GAP_DAYS`` days, and a small stretch (at most ``STRAY_ROWS`` rows, and at most a quarter of the
rows of the file's largest stretch) is rejected with its file, row and column. Two real stretches
of diary a year apart are both kept. tnprep's own rule (docs/formats.md, "Dates far apart").
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
    mask = known & np.isin(days, distinct[stray[stretch]])
    span = distinct[stretch == largest]
    first, last = (dt.date(1970, 1, 1) + dt.timedelta(days=int(day)) for day in (span[0], span[-1]))
    return Apart(pd.Series(mask, index=dates.index, dtype=bool), first, last)

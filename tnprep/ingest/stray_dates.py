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
    known = dates.dropna()
    if len(known) < 2:
        return none
    days = known.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]")
    order = np.argsort(days, kind="stable")
    sorted_days = days[order]
    breaks = np.flatnonzero(np.diff(sorted_days).astype(np.int64) > GAP_DAYS) + 1
    if breaks.size == 0:
        return none
    stretches = np.split(np.arange(len(sorted_days)), breaks)
    largest = max(stretches, key=len)
    stray = [part for part in stretches
             if part is not largest and len(part) <= STRAY_ROWS
             and len(largest) >= _SHARE * len(part)]  # fmt: skip
    if not stray:
        return none
    positions = order[np.concatenate(stray)]
    mask = pd.Series(False, index=dates.index, dtype=bool)
    mask.loc[known.index[positions]] = True
    first, last = (pd.Timestamp(sorted_days[largest[index]]).date() for index in (0, -1))
    return Apart(mask, first, last)

"""When an attack started, and how long it lasted when only its end is written (docs/formats.md).

- A start is a date-time, or a date plus a time column. A row whose date cannot be read is rejected.
- **Date-only logs**: when most dated rows carry no clock time (a ``time`` column holding dates, or
  no time column at all), the file is a date-only log: its rows are attacks with the time of day
  unknown — counted in the day figures, left out of the hour-of-day figures. In a file that does
  give times, a lone row without one is still rejected (SPEC Row rules).
- A time written as a **part of the day** (``Morning``, ``pm``, Bearable's ``pre``/``mid``) keeps
  the row with the time of day unknown.
- **Start and end** give the duration when no duration column does: an end that is a clock time
  only is on the start's day, or the next day when it is earlier (crossing midnight); an end
  date-time before the start is an issue and the duration is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from tnprep.ingest.dates import OrderDecision, parse_dates, parse_times, part_of_day
from tnprep.ingest.decode import Table
from tnprep.ingest.row_issues import RowIssues
from tnprep.issues import IssueCode

_NO_TIME = (
    "The date has no time of day, and an attack log needs one (a date-time, or a date and a time "
    "column); the row was left out of every figure."
)
_MOSTLY = 0.5
_DAY = pd.Timedelta(days=1)


@dataclass(frozen=True)
class Starts:
    """Attack starts, and which of them have no clock time."""

    start: pd.Series
    """datetime64: start (midnight when the time of day is unknown); NaT for rejected rows."""
    time_unknown: pd.Series
    """True where only the day is known."""


def attack_starts(
    table: Table, by_field: dict[str, int], decision: OrderDecision, issues: RowIssues
) -> Starts:
    """Start date-times; rows whose date (or, in a timed file, time) cannot be read are rejected."""
    time_position = by_field.get("time")
    if "date" in by_field and "start" in by_field and time_position is None:
        time_position = by_field["start"]  # 'Start Time' beside a 'Date' column is the time
    if time_position is None:
        position = by_field["start"] if "start" in by_field else by_field["date"]
        return _single_column(table, position, decision, issues)
    date_position = by_field["date"] if "date" in by_field else by_field["start"]
    return _date_and_time(table, date_position, time_position, decision, issues)


def _single_column(
    table: Table, position: int, decision: OrderDecision, issues: RowIssues
) -> Starts:
    cells = table.cells[position]
    start = parse_dates(cells, decision.order, with_time=True)
    unread = start.isna()
    day_only = pd.Series(False, index=start.index)
    days = parse_dates(cells[unread], decision.order, with_time=False)
    if unread.any():  # placing no values still costs a pass over the rows
        day_only[unread] = days.notna()
    dated = int(start.notna().sum() + day_only.sum())
    if dated and day_only.sum() / dated >= _MOSTLY:  # a date-only log
        start[day_only] = days[days.notna()]
        issues.reject_unreadable(position, start, "date", decision)
        return Starts(start, day_only.astype(bool))
    issues.reject(position, day_only, IssueCode.TIME_MISSING, _NO_TIME)
    issues.reject_unreadable(position, start, "date", decision)
    return Starts(start, pd.Series(False, index=start.index, dtype=bool))


def _date_and_time(
    table: Table, date_position: int, time_position: int, decision: OrderDecision,
    issues: RowIssues,
) -> Starts:  # fmt: skip
    # A 'Started' date-time beside a 'Time' column (no 'Date') gives the day; 'Time' the clock.
    dates = parse_dates(table.cells[date_position], decision.order, with_time=False)
    times = parse_times(table.cells[time_position])
    loose = part_of_day(table.cells[time_position]) & times.isna()
    times = times.mask(loose, pd.Timedelta(0))
    issues.reject_unreadable(date_position, dates, "date", decision)
    issues.reject_unreadable(time_position, times.where(dates.notna(), pd.Timedelta(0)), "time")
    combined: pd.Series = dates.dt.normalize() + times
    return Starts(combined, loose.astype(bool))


def durations_from_end(
    table: Table, position: int, starts: Starts, decision: OrderDecision, issues: RowIssues
) -> pd.Series:
    """Seconds from start to end; NaN (with an issue) where the end is unreadable or too early."""
    cells = table.cells[position]
    ends = parse_dates(cells, decision.order, with_time=True)
    clock = parse_times(cells)
    start = starts.start
    on_day = start.dt.normalize() + clock
    on_day = on_day.where(~(on_day < start), on_day + _DAY)  # a clock end before start: next day
    ends = ends.fillna(on_day)
    seconds = (ends - start).dt.total_seconds()
    known = ~starts.time_unknown
    filled = cells.notna() & cells.astype("string").str.strip().ne("")
    issues.drop(position, filled & known & ends.isna() & start.notna(), IssueCode.END_UNREADABLE,
                "The end time cannot be read; the duration was left out for this row.")  # fmt: skip
    negative = seconds < 0
    issues.drop(position, negative & known, IssueCode.END_BEFORE_START,
                "The end is before the start; the duration was left out for this row.")  # fmt: skip
    return seconds.where(known & ~negative).astype("float64")

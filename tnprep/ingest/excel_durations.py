"""Durations a workbook stores as Excel clock times (docs/formats.md *Workbooks*).

Excel turns a typed ``1:30`` into the time 01:30:00 — one hour and a half — whether the patient
meant that or 1 min 30 s (SPEC reads a written ``1:30`` as m:ss). The stored value is what the file
says, so it is read as it stands; but when every such cell is a whole number of minutes, the two
readings cannot be told apart, and a TN attack of 1 min 30 s would be printed as 90 min. One
notice says so, naming the file and column; nothing is changed or guessed.
"""

from __future__ import annotations

import datetime as dt

from tnprep.ingest.decode import Table
from tnprep.issues import Issue, IssueCode


def clock_duration_notice(table: Table, position: int) -> Issue | None:
    """The notice for a duration column holding Excel clock times, all whole minutes; else None.

    Only a workbook stores clock times: a text file's cells are text, and are not looked at (a
    ten-year diary's 364,606 cells took ~0.2 s to find none).
    """
    if table.encoding != "xlsx":
        return None
    clocks = [cell for cell in table.cells[position] if isinstance(cell, dt.time)]
    if not clocks or any(clock.second or clock.microsecond for clock in clocks):
        return None
    example = clocks[0]
    return Issue(
        code=IssueCode.DURATION_EXCEL_CLOCK, file=table.file, row=None,
        column=table.header[position], value=None,
        message=(f"{len(clocks)} durations are Excel clock times of whole minutes (e.g. "
                 f"{example:%H:%M}), read as hours:minutes ({example.hour} h {example.minute} "
                 "min). If they were typed as minutes:seconds (1:30 for 1 min 30 s), Excel "
                 "stored them 60 times too long: re-type them as e.g. '1 min 30 s' or '90s', or "
                 "format the column as text."),
    )  # fmt: skip

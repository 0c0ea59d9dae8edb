"""A workbook's durations stored as Excel clock times: read as they stand, and said.

Typing ``1:30`` into an Excel cell stores the time 01:30:00, an hour and a half. A TN patient
writing 1 min 30 s that way would see "90 min" on the page with no word; the page's "Lasting
<= 2 min" share would lose the attack. The value is kept (it is what the file says) and a notice
names the file and column.
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from tnprep.ingest.diary import read_diaries


def _workbook(durations: list[object]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Start", "Duration", "Pain"])
    for day, duration in enumerate(durations, start=2):
        sheet.append([dt.datetime(2026, 1, day, 8, 0), duration, 6])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _notices(durations: list[object]) -> tuple[list[str], list[float]]:
    diary = read_diaries([("diary.xlsx", _workbook(durations))])
    notices = [
        f"{issue.column}: {issue.message}"
        for issue in diary.issues
        if issue.code == "duration-excel-clock"
    ]
    return notices, list(diary.attacks["duration_s"])


def test_whole_minute_clock_times_are_read_as_stored_and_named() -> None:
    notices, seconds = _notices([dt.time(1, 30), dt.time(0, 45), dt.time(2, 0)])
    assert seconds == [5400.0, 2700.0, 7200.0]  # what the file stores, not guessed
    assert len(notices) == 1
    assert notices[0].startswith("Duration: 3 durations are Excel clock times of whole minutes")
    assert "(e.g. 01:30), read as hours:minutes (1 h 30 min)" in notices[0]


def test_clock_times_with_seconds_are_not_ambiguous() -> None:
    notices, seconds = _notices([dt.time(0, 1, 30), dt.time(0, 0, 45)])
    assert notices == [] and seconds == [90.0, 45.0]


def test_written_durations_in_a_workbook_get_no_notice() -> None:
    notices, seconds = _notices(["1:30", "45s"])
    assert notices == [] and seconds == [90.0, 45.0]

"""A diary row dated after the day the file is read is rejected, never counted.

A year typed 2062 for 2026 made a 36-year period of 13,149 'attack-free' days and an attack rate
near zero; the row is now rejected (``date-in-future``) with its file, row and column, and the
accounting still holds.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode

TODAY = dt.date(2026, 12, 3)
ATTACKS = (
    b"Date,Time,Pain (0-10)\n"
    b"2026-11-01,08:00,5\n"
    b"2026-12-04,23:30,6\n"  # tomorrow: inside the day's margin for time zones
    b"2026-12-05,00:10,7\n"  # after tomorrow
    b"2062-11-03,10:00,7\n"  # a mistyped year
)
DAYS = b"date,attacks\n2026-12-02,3\n2026-12-05,1\n"


def _future_rows(data: bytes, today: dt.date | None) -> list[int | None]:
    read = read_diary(data, "diary.csv", today=today)
    return [issue.row for issue in read.issues if issue.code is IssueCode.DATE_IN_FUTURE]


def test_attack_rows_after_tomorrow_are_rejected_with_file_row_and_column() -> None:
    read = read_diary(ATTACKS, "diary.csv", today=TODAY)
    future = [issue for issue in read.issues if issue.code is IssueCode.DATE_IN_FUTURE]
    assert [(issue.file, issue.row, issue.column, issue.value) for issue in future] == [
        ("diary.csv", 4, "Date", "2026-12-05"),
        ("diary.csv", 5, "Date", "2062-11-03"),
    ]
    assert "2026-12-04" in future[0].message
    assert (read.rows_read, read.rows_rejected, len(read.table)) == (4, 2, 2)
    assert read.table["row"].tolist() == [2, 3]


def test_a_daily_logs_day_after_tomorrow_is_rejected() -> None:
    assert _future_rows(DAYS, TODAY) == [3]


def test_without_a_day_to_read_on_no_date_is_checked() -> None:
    """The analysis never reads the clock: only the command line and the app pass ``today``."""
    assert _future_rows(ATTACKS, None) == []


def test_report_leaves_the_row_out_and_keeps_the_period_to_the_diarys_days(tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_bytes(b"Date,Time,Pain (0-10)\n2026-11-01,08:00,5\n2026-11-02,09:00,6\n"
                      b"2062-11-03,10:00,7\n")  # fmt: skip
    summary = tmp_path / "summary.json"
    command = [sys.executable, "-m", "tnprep", "report", "--diary", str(diary),
               "--out", str(tmp_path / "report.pdf"), "--summary-json", str(summary)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(summary.read_text(encoding="utf-8"))
    assert (figures["period"]["start"], figures["period"]["end"]) == ("2026-11-01", "2026-11-02")
    assert (figures["input"]["rows_read"], figures["input"]["rows_rejected"]) == (3, 1)
    assert [issue["code"] for issue in figures["input"]["issues"]] == ["date-in-future"]

"""A diary row dated far apart from the rest of its file (a mistyped year) is rejected.

A diary kept in November 2026 with one row typed 2016 for 2026 made a period of 3,659 days, 3,651
of them "attack-free": the same confidently wrong reading as the year 2062 (``date-in-future``),
but in the past, where no clock can catch it. A small group of rows (at most three, and at most
a quarter of the file's largest group) separated from every other row of the file by more than
180 days is rejected as ``date-apart`` with its file, row and column; the accounting still holds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_cli_report import report_summary

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode

ATTACKS = (
    b"Date,Time,Pain (0-10)\n"
    b"2026-11-01,07:30,7\n"
    b"2016-11-02,08:00,5\n"  # 2016 typed for 2026
    b"2026-11-03,09:00,6\n"
    b"2026-11-04,09:00,6\n"
    b"2026-11-05,09:00,8\n"
)


def _apart(data: bytes) -> list[tuple[int | None, str | None, str | None]]:
    read = read_diary(data, "diary.csv")
    return [(issue.row, issue.column, issue.value) for issue in read.issues
            if issue.code is IssueCode.DATE_APART]  # fmt: skip


def test_a_row_years_before_the_rest_is_rejected_with_file_row_and_column() -> None:
    read = read_diary(ATTACKS, "diary.csv")
    assert _apart(ATTACKS) == [(3, "Date", "2016-11-02")]
    issue = next(issue for issue in read.issues if issue.code is IssueCode.DATE_APART)
    assert issue.file == "diary.csv"
    assert "2026-11-01 to 2026-11-05" in issue.message
    assert (read.rows_read, read.rows_rejected, len(read.table)) == (5, 1, 4)


def test_a_daily_logs_day_apart_is_rejected() -> None:
    days = b"date,attacks\n2026-11-01,3\n2026-11-02,1\n2026-11-03,0\n2026-11-04,2\n2020-11-05,1\n"
    assert _apart(days) == [(6, "date", "2020-11-05")]


def test_a_december_row_typed_with_last_years_date_is_caught() -> None:
    """In early January people still type last year: 2025-01-05 among rows of December–January."""
    data = (b"Date,Time,Pain\n2025-12-20,08:00,5\n2025-12-28,08:00,5\n2026-01-02,08:00,6\n"
            b"2025-01-05,08:00,7\n2026-01-09,08:00,6\n")  # fmt: skip
    assert _apart(data) == [(5, "Date", "2025-01-05")]


def test_two_long_stretches_of_diary_are_both_kept() -> None:
    """A gap between two real stretches of diary is not a typo: nothing is rejected."""
    early = b"".join(b"2024-03-%02d,08:00,5\n" % day for day in range(1, 6))
    late = b"".join(b"2026-03-%02d,08:00,5\n" % day for day in range(1, 9))
    assert _apart(b"Date,Time,Pain\n" + early + late) == []


def test_rows_within_half_a_year_are_kept() -> None:
    data = b"Date,Time,Pain\n2026-01-01,08:00,5\n2026-05-20,08:00,5\n2026-05-21,08:00,5\n" * 1
    assert _apart(data + b"2026-05-22,08:00,5\n") == []


def test_report_keeps_the_period_to_the_diarys_days(tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_bytes(ATTACKS)
    figures: Any = report_summary(tmp_path, "--diary", diary)
    assert (figures["period"]["start"], figures["period"]["end"]) == ("2026-11-01", "2026-11-05")
    assert figures["attacks"]["attack_free_days"] == 1
    assert (figures["input"]["rows_read"], figures["input"]["rows_rejected"]) == (5, 1)
    assert [issue["code"] for issue in figures["input"]["issues"]] == ["date-apart"]


def test_a_recurrence_months_after_the_rest_is_kept() -> None:
    """Attacks January–March, a pain-free spring and summer (after MVD, say), then two attacks in
    November: a recurrence, the most important news of the page, not a mistyped year."""
    before = b"".join(b"2025-%02d-%02d,08:00,6\n" % (month, day)
                      for month in (1, 2, 3) for day in range(1, 21))  # fmt: skip
    data = b"Date,Time,Pain\n" + before + b"2025-11-14,08:00,7\n2025-11-20,08:00,8\n"
    assert _apart(data) == []
    assert len(read_diary(data, "diary.csv").table) == 62

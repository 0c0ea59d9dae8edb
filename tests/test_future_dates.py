"""A diary row dated after the day the file is read is rejected, never counted; a form's date
or a date of birth still to come is dropped (the form counts as undated).

A year typed 2062 for 2026 made a 36-year period of 13,149 'attack-free' days and an attack rate
near zero; the row is now rejected (``date-in-future``) with its file, row and column, and the
accounting still holds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from test_cli_report import report_summary

from tnprep.ingest.diary import read_diary
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.issues import IssueCode
from tnprep.model import Answers, Loaded

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
    figures: Any = report_summary(tmp_path, "--diary", diary)
    assert (figures["period"]["start"], figures["period"]["end"]) == ("2026-11-01", "2026-11-02")
    assert (figures["input"]["rows_read"], figures["input"]["rows_rejected"]) == (3, 1)
    assert [issue["code"] for issue in figures["input"]["issues"]] == ["date-in-future"]


QUESTIONNAIRE = (
    "item,answer\nvisit_date,2027-01-15\ndate_of_birth,{born}\nquestionnaire_date,{filled}\n"
    + "".join(f"phq9_{item},1\n" for item in range(1, 9))
    + "phq9_9,2\n"
)


def _answers(
    filled: str, born: str = "1968-04-12", today: dt.date | None = TODAY
) -> Loaded[Answers]:
    data = QUESTIONNAIRE.format(filled=filled, born=born).encode()
    return read_questionnaires([("form.csv", data)], today)


def test_a_form_dated_after_tomorrow_counts_as_undated_and_item_9_stays_flagged() -> None:
    """A PHQ-9 dated 2062 was printed 'answered 30 Oct 2062' and taken as the latest form."""
    read = _answers("2062-10-30")
    answers = read.records[0]
    assert answers.questionnaire_date is None
    assert [item.date for item in answers.administrations] == [None]
    assert answers.phq9[8] == 2  # the answer itself is kept: item 9 is still flagged
    assert [(issue.code, issue.row, issue.column) for issue in read.issues] == [
        (IssueCode.ANSWER_DATE_IN_FUTURE, 4, "answer")
    ]
    assert answers.visit_date == dt.date(2027, 1, 15)  # a visit may be planned: never checked


def test_a_birth_date_to_come_is_dropped_and_tomorrow_is_kept() -> None:
    read = _answers("2026-12-04", born="2068-04-12")
    assert read.records[0].date_of_birth is None
    assert read.records[0].questionnaire_date == dt.date(2026, 12, 4)  # the time-zone margin
    assert [issue.code for issue in read.issues] == [IssueCode.ANSWER_DATE_IN_FUTURE]


def test_without_a_day_to_read_on_no_form_date_is_checked() -> None:
    assert _answers("2062-10-30", today=None).records[0].questionnaire_date == dt.date(2062, 10, 30)

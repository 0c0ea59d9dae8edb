"""Rows that record no attack are not attacks: a date with nothing else, a note saying "no attacks".

A diary template with every day of the month already dated (a spreadsheet or paper-diary
transcription: the date column filled down, the pain filled in on the days with pain) was read as
a date-only log with one attack per dated row: 30 attacks for a month with 3. And a row whose only
entry is a note "no attacks today" was one more attack. Both kinds are set aside, counted under
``rows_other`` by kind and named in one notice each; a note of no attack makes its day a recorded
day without attacks, as a pain-0 row does. A file of dates alone (each date an attack, as in a
headache log) is read as before.
"""

from __future__ import annotations

import datetime as dt

from tnprep.ingest.diary import read_diary
from tnprep.ingest.empty_rows import NO_ATTACK_KIND, NOTHING_KIND
from tnprep.issues import IssueCode

PAIN_DAYS = {3: "7", 9: "5", 20: "8"}
TEMPLATE = "Date,Pain,Trigger,Notes\n" + "".join(
    f"2026-11-{day:02d},{PAIN_DAYS.get(day, '')},{'eating' if day in PAIN_DAYS else ''},\n"
    for day in range(1, 31)
)


def _codes(read: object) -> list[tuple[IssueCode, int | None]]:
    return [(issue.code, issue.rows) for issue in read.issues]  # type: ignore[attr-defined]


def test_a_month_of_dates_with_pain_on_three_days_is_three_attacks() -> None:
    read = read_diary(TEMPLATE.encode(), "template.csv")
    assert read.table["row"].tolist() == [4, 10, 21]
    assert dict(read.info.other_kinds) == {NOTHING_KIND: 27}
    assert (read.rows_read, read.rows_other, len(read.table)) == (30, 27, 3)
    notice = next(issue for issue in read.issues if issue.code is IssueCode.NOTHING_RECORDED)
    assert notice.rows == 27
    assert "rows 2, 3, 5, 6, 7, 8, 9, 11 and 19 more" in notice.message
    assert read.info.no_pain_days == ()  # a day left blank is not known to be attack-free


def test_a_note_of_no_attack_is_not_an_attack_and_records_its_day() -> None:
    data = (b"Date,Pain,Notes\n2026-11-01,7,bad\n2026-11-02,,no attacks today\n"
            b"2026-11-03,,None.\n2026-11-04,5,\n2026-11-05,,Pain free - walked the dog\n"
            b"2026-11-06,,bad one at lunch\n")  # fmt: skip
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 5, 7]
    assert dict(read.info.other_kinds) == {NO_ATTACK_KIND: 3}
    assert read.info.no_pain_days == (dt.date(2026, 11, 2), dt.date(2026, 11, 3),
                                      dt.date(2026, 11, 5))  # fmt: skip
    assert [issue.code for issue in read.issues] == [IssueCode.NO_ATTACK_NOTED]


def test_a_timed_note_of_no_attack_is_set_aside_too() -> None:
    data = b"Date,Time,Pain,Notes\n2026-11-01,08:00,7,\n2026-11-02,21:00,,No pain\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2]
    assert dict(read.info.other_kinds) == {NO_ATTACK_KIND: 1}


def test_a_log_of_dates_alone_counts_each_date() -> None:
    data = b"Date,Pain,Notes\n2026-11-01,,\n2026-11-02,,\n2026-11-04,,\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 3, 4]
    assert read.info.other_kinds == ()


def test_a_timed_row_with_nothing_else_stays_an_attack() -> None:
    data = b"Date,Time,Pain\n2026-11-01,08:00,7\n2026-11-02,09:00,\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 3]


def test_an_unreadable_cell_is_something_recorded() -> None:
    data = b"Date,Pain,Trigger\n2026-11-01,7,eating\n2026-11-02,bad,\n2026-11-03,,\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 3]
    assert dict(read.info.other_kinds) == {NOTHING_KIND: 1}


def test_a_weekday_column_filled_down_is_not_something_recorded() -> None:
    data = (b"Date,Day,Pain\n2026-11-02,Mon,6\n2026-11-03,Tue,\n2026-11-04,Wednesday,\n"
            b"2026-11-05,Thu,4\n")  # fmt: skip
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 5]
    assert dict(read.info.other_kinds) == {NOTHING_KIND: 2}


def test_an_unmatched_column_with_values_is_something_recorded() -> None:
    """A column tnprep could not match may hold the pain itself: its rows are not set aside."""
    data = b"Date,Pain,Schmerz\n2026-11-02,6,\n2026-11-03,,7\n2026-11-04,,\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 3]

"""A second table under the diary, and the header repeated mid-file, are not diary rows.

People keep a medication list under their diary in the same sheet, and paste months one under
another with the header each time. A date-only diary with a medication table under it
(``Date,Medication,Dose``) was read as two more attacks, with triggers ``200mg`` and ``400mg``
(the dose fell into the trigger column). Now a row that is a header (its cells match diary column
names, its date cell reads as none) either repeats the file's header — that row alone is left out
as ``header-repeated`` — or starts another table, whose rows are left out as ``second-table`` up to
the next repeat of the diary's own header; each with file, row and a plain reason.
"""

from __future__ import annotations

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode

SECOND = (
    b"Date,Pain,Trigger\n2026-11-01,7,eating\n2026-11-02,5,talking\n\n"
    b"Date,Medication,Dose\n2026-11-01,carbamazepine,200mg\n2026-11-05,carbamazepine,400mg\n"
)


def _codes(data: bytes) -> list[tuple[int | None, IssueCode]]:
    return [(issue.row, issue.code) for issue in read_diary(data, "diary.csv").issues]


def test_a_medication_table_under_the_diary_is_not_read_as_attacks() -> None:
    read = read_diary(SECOND, "diary.csv")
    assert read.table["row"].tolist() == [2, 3]
    assert (read.rows_read, read.rows_rejected) == (5, 3)
    assert _codes(SECOND) == [(5, IssueCode.SECOND_TABLE), (6, IssueCode.SECOND_TABLE),
                              (7, IssueCode.SECOND_TABLE)]  # fmt: skip
    issue = read.issues[0]
    assert "Row 5" in issue.message and "Date, Medication, Dose" in issue.message


def test_a_repeated_header_is_left_out_alone() -> None:
    data = b"Date,Pain,Trigger\n2026-11-01,7,eating\nDATE,pain,Trigger\n2026-11-03,6,wind\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 4]
    assert _codes(data) == [(3, IssueCode.HEADER_REPEATED)]


def test_the_diary_resumes_after_its_own_header() -> None:
    data = (b"Date,Time,Pain\n2026-11-01,08:00,7\nDate,Drug,Dose\n2026-11-01,cbz,200\n"
            b"Date,Time,Pain\n2026-11-03,09:00,6\n")  # fmt: skip
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 6]
    assert _codes(data) == [(3, IssueCode.SECOND_TABLE), (4, IssueCode.SECOND_TABLE),
                            (5, IssueCode.HEADER_REPEATED)]  # fmt: skip


def test_a_word_in_the_date_column_is_still_an_unreadable_date() -> None:
    data = b"Date,Pain\n2026-11-01,7\nsomeday,5\nTotal,12\n"
    assert _codes(data) == [(3, IssueCode.DATE_UNREADABLE), (4, IssueCode.DATE_UNREADABLE)]


def test_a_daily_log_with_a_second_table() -> None:
    data = (b"Date,Attacks,Worst pain\n2026-11-01,3,7\n2026-11-02,1,5\n,,\n"
            b"Date,Notes,\n2026-11-03,called the clinic,\n")  # fmt: skip
    read = read_diary(data, "diary.csv")
    assert read.table["date"].dt.day.tolist() == [1, 2]
    assert [code for _, code in _codes(data)] == [IssueCode.SECOND_TABLE] * 2

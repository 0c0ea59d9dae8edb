"""A CSV whose dates are Excel serial numbers (``46025``) is refused plainly, saying what they are.

Excel writes a date cell formatted as a number as its serial (``46025`` = 2026-01-03) when saved
as CSV. tnprep does not guess that a bare number in a text file is a date; each row was rejected
with "The date cannot be read", which does not tell the diary-keeper what went wrong. The issue
now says the number looks like an Excel date serial and how to save the file.
"""

from __future__ import annotations

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode


def test_an_excel_serial_in_a_csv_is_named_as_one() -> None:
    data = b"Date,Time,Pain\n46025,08:00,5\nsomeday,08:00,5\n2026-01-05,08:00,5\n"
    read = read_diary(data, "diary.csv")
    issues = [issue for issue in read.issues if issue.code is IssueCode.DATE_UNREADABLE]
    assert [issue.row for issue in issues] == [2, 3]
    assert "Excel date serial number" in issues[0].message
    assert "Excel" not in issues[1].message

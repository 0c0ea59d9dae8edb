"""A file with both an end time and a duration column: a row with only the end keeps its duration.

Tonnta's CSV export (documented at tonnta.thamlock.com/csv-format.html) writes ``Date, Start
Time, End Time, Duration (minutes), …`` and leaves the duration empty when it was not
calculated. tnprep read the end only when a file had no duration column, so a row with
``08:00``–``08:01`` and no duration lost its minute silently (no issue): the duration median came
from the other rows alone. Now an empty duration cell is filled from the end; a duration written
is kept as written.
"""

from __future__ import annotations

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode

DATA = (
    b"Date,Start Time,End Time,Duration (minutes),Intensity\n"
    b"2026-11-01,09:30,10:45,75,5\n"
    b"2026-11-02,23:30,00:15,,6\n"  # past midnight, no duration written
    b"2026-11-03,14:00,,,5\n"  # ongoing: neither
    b"2026-11-04,08:00,08:01,,7\n"
    b"2026-11-05,08:00,later,3,7\n"  # an unreadable end beside a written duration
)


def test_an_empty_duration_is_taken_from_the_end() -> None:
    read = read_diary(DATA, "episodes.csv")
    seconds = [None if value != value else value for value in read.table["duration_s"]]
    assert seconds == [4500.0, 2700.0, None, 60.0, 180.0]


def test_an_end_beside_a_written_duration_raises_no_issue() -> None:
    read = read_diary(DATA, "episodes.csv")
    assert [issue.code for issue in read.issues if issue.code is IssueCode.END_UNREADABLE] == []

"""A day-only row and a timed row of another diary that agree on every value both record.

A caregiver uploads a patient's date-only headache log (../shared/real-exports/asmith-headaches:
'12/15/2023,7,none,TRUE') beside an app's attack log holding the same headache at 08:00. They are
not exact duplicates (SPEC: the same start minute), so both count — but the page then said "2
attacks, most in a day: 2 (15 Dec 2023)" without a word. The overlap is now named.
"""

from __future__ import annotations

from pathlib import Path

from tnprep.ingest.diary import read_diaries

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
DATE_ONLY = CORPUS / "asmith-headaches" / "headaches.csv"
APP = (
    b"start,intensity,side\n2023-12-15 08:00,7,left\n2023-12-25 09:30,3,left\n2023-12-30 10:00,9,\n"
)


def test_day_only_rows_sharing_day_and_values_with_timed_rows_are_named() -> None:
    diary = read_diaries([(DATE_ONLY.name, DATE_ONLY.read_bytes()), ("app.csv", APP)])
    assert len(diary.attacks) == 22 + 3  # nothing is dropped: they are not exact duplicates
    notices = [issue for issue in diary.issues if issue.code == "day-only-overlap"]
    assert [(issue.file, issue.row, issue.column) for issue in notices] == [
        ("headaches.csv", None, None)
    ]
    message = notices[0].message
    # 15 Dec: 7 and 7, side none/left; 25 Dec: 3 and 3, left/left. 30 Dec: 2 against 9: differs.
    assert "2 rows" in message and "app.csv" in message
    assert "2023-12-15 (row 2)" in message and "2023-12-25 (row 3)" in message
    assert "2023-12-30" not in message


def test_timed_diaries_alone_get_no_overlap_notice() -> None:
    diary = read_diaries([("app.csv", APP), ("copy.csv", APP.replace(b"08:00", b"08:05"))])
    assert not [issue for issue in diary.issues if issue.code == "day-only-overlap"]

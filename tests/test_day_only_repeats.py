"""Several rows of one file on one day, with no clock time: each counts, and that is said.

The real Bearable export (../shared/real-exports/bearable-export) rates symptoms by part of the
day: on 25 Sep 2020 it holds 'Migraine (Moderate)' and 'Headache (Moderate)' at 'pre', and both
again at 'am'. Each pain row is an attack (SPEC: event logs), so the page said "Most in a day: 4
(25 Sep 2020)" without a word — four ratings that may be one headache. A notice now names such
days; nothing is dropped or merged.
"""

from __future__ import annotations

from pathlib import Path

from tnprep.ingest.diary import read_diaries

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
BEARABLE = CORPUS / "bearable-export" / "Bearable_Export_20210728.csv"


def _repeats(files: list[tuple[str, bytes]]) -> list[str]:
    diary = read_diaries(files)
    return [issue.message for issue in diary.issues if issue.code == "day-only-repeats"]


def test_bearable_days_with_several_untimed_pain_rows_are_named() -> None:
    diary = read_diaries([(BEARABLE.name, BEARABLE.read_bytes())])
    assert len(diary.attacks) == 22  # every pain row still counts
    notices = [issue for issue in diary.issues if issue.code == "day-only-repeats"]
    assert [(issue.file, issue.row, issue.column) for issue in notices] == [
        (BEARABLE.name, None, None)
    ]
    message = notices[0].message
    # 25 Sep 2020 (4 rows), 9 Dec 2020 (3), 11 Dec 2020 (2), 8 May 2021 (4), 9 May 2021 (2)
    assert message.startswith("5 days hold more than one attack row with no clock time")
    assert "2020-09-25: 4 rows" in message
    assert "counted as an attack" in message


def test_one_untimed_row_a_day_gets_no_notice() -> None:
    log = b"date,intensity\n2023-12-15,7\n2023-12-16,3\n2023-12-18,9\n"
    assert _repeats([("log.csv", log)]) == []


def test_timed_rows_on_one_day_get_no_notice() -> None:
    log = b"start,intensity\n2023-12-15 08:00,7\n2023-12-15 09:00,3\n2023-12-15 10:00,9\n"
    assert _repeats([("log.csv", log)]) == []


def test_untimed_rows_of_two_files_on_one_day_are_not_this_notice() -> None:
    one, two = b"date,intensity\n2023-12-15,7\n", b"date,intensity\n2023-12-15,3\n"
    assert _repeats([("one.csv", one), ("two.csv", two)]) == []

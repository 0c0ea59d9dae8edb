"""A 'Duration' column that holds the end's clock time is read as the end, never as minutes.

A real symptom-tracker export (../shared/real-exports/gchrg-pavia-symptoms) writes, under
`Duration`, the clock time the attack ended: `13:12` for an attack that started at 12:21:08,
`00:56` for one that started at 00:29:54. Read as m:ss durations these become 13 min 12 s and
56 s — cluster attacks printed as TN-like paroxysms under 'Lasting ≤ 2 min'.
"""

from __future__ import annotations

from pathlib import Path

from tnprep.ingest.diary import read_diary
from tnprep.model import DiaryFile

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"


def _read(text: str, **options: object) -> DiaryFile:
    return read_diary(text.encode("utf-8"), "diary.csv", **options)  # type: ignore[arg-type]


def test_real_export_duration_of_end_clock_times_is_read_as_the_end() -> None:
    diary_file = read_diary(PAVIA.read_bytes(), PAVIA.name)
    durations = diary_file.table["duration_s"].dropna()
    assert len(durations) == 16
    # End minus start, by hand from the file (12:21:08 → 13:12 is 51 min; 17:35:04 → 19:00 85 min)
    assert durations.min() >= 23 * 60 and durations.max() <= 85 * 60
    assert 33 * 60 <= durations.median() <= 36 * 60
    notices = [issue for issue in diary_file.issues if issue.code == "duration-holds-end-times"]
    assert [(issue.row, issue.column) for issue in notices] == [(1, "Duration")]
    assert "(14:03 for an attack that started at 13:55:07)" in notices[0].message
    assert "read as the end time" in notices[0].message
    assert ("Duration", "end") in diary_file.mapping


def _rows(pairs: list[tuple[str, str]]) -> str:
    return "date,time,duration,intensity\n" + "".join(
        f"2024-03-{day:02d},{start},{duration},5\n"
        for day, (start, duration) in enumerate(pairs, 1)
    )


def test_end_clock_times_after_each_start_give_the_duration() -> None:
    pairs = [("08:10", "08:40"), ("13:05", "13:50"), ("19:30", "20:05"), ("02:15", "02:50"),
             ("10:00", "10:25"), ("22:40", "23:30")]  # fmt: skip
    diary_file = _read(_rows(pairs))
    assert diary_file.table["duration_s"].tolist() == [
        1800.0, 2700.0, 2100.0, 2100.0, 1500.0, 3000.0,
    ]  # fmt: skip


def test_short_m_ss_durations_of_night_attacks_stay_durations() -> None:
    # Every attack in the half hour around midnight with 0:30–1:45 paroxysms: as clock times the
    # durations fall just after every start too, but just as well after any other row's start.
    pairs = [("23:50", "0:30"), ("00:05", "1:10"), ("23:55", "1:45"), ("00:10", "0:45"),
             ("00:00", "1:20"), ("23:58", "0:50")]  # fmt: skip
    diary_file = _read(_rows(pairs))
    assert diary_file.table["duration_s"].tolist() == [30.0, 70.0, 105.0, 45.0, 80.0, 50.0]
    assert not [issue for issue in diary_file.issues if issue.code == "duration-holds-end-times"]


def test_durations_spread_over_the_day_stay_durations() -> None:
    pairs = [("08:10", "1:30"), ("13:05", "0:45"), ("19:30", "2:00"), ("02:15", "1:10"),
             ("10:00", "0:20"), ("22:40", "1:05")]  # fmt: skip
    diary_file = _read(_rows(pairs))
    assert diary_file.table["duration_s"].tolist() == [90.0, 45.0, 120.0, 70.0, 20.0, 65.0]


def test_a_duration_column_mapped_by_hand_is_never_reread() -> None:
    pairs = [("08:10", "08:40"), ("13:05", "13:50"), ("19:30", "20:05"), ("02:15", "02:50"),
             ("10:00", "10:25"), ("22:40", "23:30")]  # fmt: skip
    diary_file = _read(_rows(pairs), mapping={"duration": "duration"})
    durations = diary_file.table["duration_s"]
    assert durations.iloc[0] == 520.0  # 08:40 read as m:ss, as the user said

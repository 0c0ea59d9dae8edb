"""Clock times as people type them in a diary: ``7.30pm``, ``7pm``, ``0730``.

``7.30pm`` (the British habit: a dot, am/pm), ``7 pm`` and ``0730`` (the 24-hour clock without a
colon, as on clinic forms) were unreadable, so the whole attack was rejected (``time-unreadable``)
and left out of every figure. They are read now; a two-digit number (``45``) stays unreadable
rather than become 04:05.
"""

from __future__ import annotations

import pytest

from tnprep.ingest.diary import read_diary


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("7.30pm", "19:30"),
        ("7.30 PM", "19:30"),
        ("11.05am", "11:05"),
        ("12.15am", "00:15"),
        ("7pm", "19:00"),
        ("7 pm", "19:00"),
        ("12am", "00:00"),
        ("0730", "07:30"),
        ("1945", "19:45"),
        ("7.30", "07:30"),  # as before
        ("1899-12-30 19:45:00", "19:45"),  # a time cell written on Excel's day zero
        ("1899-12-31 08:05", "08:05"),
        ("1900-01-01T06:30:00", "06:30"),
    ],
)
def test_clock_spellings_are_read(cell: str, expected: str) -> None:
    data = f"Date,Time,Pain\n2026-11-01,08:00,5\n2026-11-02,{cell},6\n".encode()
    read = read_diary(data, "diary.csv")
    assert read.table["start"].dt.strftime("%H:%M").tolist() == ["08:00", expected]


@pytest.mark.parametrize("cell", ["45", "2460", "0790", "13pm", "7.75pm", "1899-12-29 19:45:00"])
def test_numbers_that_are_no_clock_stay_unreadable(cell: str) -> None:
    data = f"Date,Time,Pain\n2026-11-01,08:00,5\n2026-11-02,{cell},6\n".encode()
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2]

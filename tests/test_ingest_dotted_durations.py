"""A duration typed like a clock with a dot (``1.30``) is not read as 1.3 seconds.

People type a minute and a half as ``1.30`` (the dot where a colon belongs, as in ``7.30pm``).
tnprep read it as 1.3 seconds, and ``2.15`` as 2.15 s: the median duration of three attacks of
a minute or two was printed as 1.3 s. When a duration column's bare numbers with two decimals all
stay below .60 (as minutes:seconds would), those cells are dropped for their row as
``duration-ambiguous`` with a message saying how to write them; a column with a ``.75`` among them
holds decimals and is read as before.
"""

from __future__ import annotations

import pytest

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode


def _read(header: str, cells: list[str]) -> tuple[list[float | None], list[int | None]]:
    rows = "".join(f"2026-11-{day:02d},08:00,5,{cell}\n" for day, cell in enumerate(cells, 1))
    read = read_diary(f"Date,Time,Pain,{header}\n{rows}".encode(), "diary.csv")
    seconds = [None if value != value else value for value in read.table["duration_s"]]
    ambiguous = [issue.row for issue in read.issues if issue.code is IssueCode.DURATION_AMBIGUOUS]
    return seconds, ambiguous


def test_clock_like_decimals_are_dropped_not_read_as_seconds() -> None:
    seconds, ambiguous = _read("Duration", ["1.30", "2.15", "0.45", "45s"])
    assert seconds == [None, None, None, 45.0]
    assert ambiguous == [2, 3, 4]


def test_in_a_minutes_column_too() -> None:
    seconds, ambiguous = _read("Duration (min)", ["1.30", "2"])
    assert seconds == [None, 120.0]
    assert ambiguous == [2]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["1.5", "2.5"], [1.5, 2.5]),  # one decimal: a decimal
        (["1.30", "1.75"], [1.3, 1.75]),  # a .75 shows the column holds decimals
        (["1:30", "90"], [90.0, 90.0]),
        (["1.30 min", "2 min"], [78.0, 120.0]),  # a unit written in the cell: a decimal of it
    ],
)
def test_decimals_that_cannot_be_a_clock_are_read(cells: list[str], expected: list[float]) -> None:
    seconds, ambiguous = _read("Duration", cells)
    assert (seconds, ambiguous) == (expected, [])


def test_the_message_says_how_to_write_it() -> None:
    data = b"Date,Time,Pain,Duration\n2026-11-01,08:00,5,1.30\n"
    issue = next(iter(read_diary(data, "diary.csv").issues))
    assert (issue.row, issue.column, issue.value) == (2, "Duration", "1.30")
    assert "1:30" in issue.message


def test_an_excel_number_is_read_as_the_number_it_is(tmp_path: object) -> None:
    """In a workbook 1.30 typed is the number 1.3: nothing shows a dot typed for a colon."""
    import io  # noqa: PLC0415

    from openpyxl import Workbook  # noqa: PLC0415 - only this test writes a workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Date", "Time", "Pain", "Duration (min)"])
    sheet.append(["2026-11-01", "08:00", 5, 2.25])
    sheet.append(["2026-11-02", "08:00", 5, 1.5])
    buffer = io.BytesIO()
    book.save(buffer)
    read = read_diary(buffer.getvalue(), "diary.xlsx")
    assert read.table["duration_s"].tolist() == [135.0, 90.0]


def test_decimal_hours_are_read_as_hours() -> None:
    """AidingMigraine's CSV export (its CSV_EXPORT_IMPORT_SPEC.md) writes ``Duration (hours)`` as
    decimal hours (``4.25`` = 4 h 15 min); nobody types minutes.seconds under an hours header."""
    seconds, ambiguous = _read("Duration (hours)", ["4.25", "1.50"])
    assert (seconds, ambiguous) == ([15300.0, 5400.0], [])

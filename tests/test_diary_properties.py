"""Hypothesis properties of the diary ingest.

- Any bytes give a ``DiaryFile`` or the one ``InputError`` — never another exception.
- Random diaries built from a grammar (headers, delimiters, encodings, date styles, units, junk):
  ``rows_read = rows_used + rows_rejected + duplicates + rows_other`` (rows of pain 0); no row
  is both used and rejected; every row number lies inside the file; each rejected row has
  exactly one issue.

Examples are bounded (``max_examples``, ``deadline=None``) so the module runs well under a minute.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tnprep.ingest.diary import combine_diaries, read_diary
from tnprep.issues import InputError, Severity
from tnprep.model import DateOrder, Diary, DiaryFile


def bounded(examples: int) -> settings:
    """Few enough examples that the module runs in well under a minute (a file with junk dates
    tries the whole format cascade, about half a second)."""
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )


FRAGMENTS = [
    b"Date", b"Time", b"Start", b"Pain", b"Duration (min)", b"Attacks", b"Worst pain", b"Side",
    b"Notes", b"#", b"Started", b"Lasted", b"Time Period", b"Description", b",", b";", b"\t",
    b"\n", b"\r\n", b"\r", b'"', b" ", b"2026-01-02", b"01/02/2026", b"13/01/2026",
    b"02.01.2026", b"08:00", b"25:61", b"45s", b"1:30", b"-1", b"11", b"6,5", b"right", b"V2/V3",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xe9", b"\x81", b"PK\x03\x04", b"%PDF", b"<html>",
    b"nan", b"inf", b"1e309", b"99999999999", b"0:90", b"1d 02h 15m",
]  # fmt: skip


def read_or_refuse(data: bytes, name: str = "f.csv") -> DiaryFile | None:
    try:
        return read_diary(data, name)
    except InputError as error:
        assert error.file == name
        assert error.reason
        return None


@bounded(300)
@given(st.binary(max_size=600))
def test_any_bytes_give_a_diary_or_input_error(data: bytes) -> None:
    read_or_refuse(data)


@bounded(300)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(b"".join))
def test_diary_like_bytes_give_a_diary_or_input_error(data: bytes) -> None:
    diary_file = read_or_refuse(data)
    if diary_file is not None:
        assert_file_invariants(diary_file, record_count=None)


# --- a grammar of diaries ---------------------------------------------------------------------

ATTACK_COLUMNS = {
    "date": ["Date", "DATE", "Datum", "Day"],
    "time": ["Time", "time of day", "Uhrzeit"],
    "duration": ["Duration", "Duration (min)", "Length (sec)", "Lasted", "Duration in minutes"],
    "intensity": ["Pain", "Pain (0-10)", "Severity", "Intensity (0-10)", "pain level"],
    "side": ["Side", "Side (L/R)"],
    "location": ["Location", "Pain Positions"],
    "triggers": ["Trigger(s)", "Triggers"],
    "notes": ["Notes", "Comments"],
    "junk": ["Mood", "Weather", ""],
}
DAILY_COLUMNS = {
    "date": ["Date", "Datum"],
    "attacks": ["Attacks", "Number of attacks"],
    "worst_intensity": ["Worst pain", "Max pain"],
    "background_pain": ["Background pain"],
    "notes": ["Notes"],
    "junk": ["Weather"],
}
DATE_STYLES = {
    "iso": "%Y-%m-%d",
    "dotted": "%d.%m.%Y",
    "day-first": "%d/%m/%Y",
    "month-first": "%m/%d/%Y",
    "dashes": "%d-%m-%Y",
}
JUNK = ["", "", "x", "-5", "11", "13/13/2026", "25:61", "6,5", "a\nb", '"', "=1+1", "é", " ", ";"]
GOOD = {
    "time": ["08:00", "8:05", "23:59", "12:00 PM", "00:00"],
    "duration": ["45s", "45 sec", "2 min", "1 min 30 s", "1:30", "01h 00m", "1d 02h 15m", "1.5"],
    "intensity": ["0", "5", "6.5", "6,5", "10", "7/10"],
    "side": ["left", "RIGHT", "Right Jaw", "both", "L"],
    "location": ["V2", "V2/V3", "Right Cheek", "left V1"],
    "triggers": ["chewing", "chewing; talking", "cold wind | touch", ""],
    "notes": ["", "fine", "lunch at the café", "two\nlines", "a, b; c"],
    "junk": ["", "sunny", "ok"],
    "attacks": ["0", "3", "12", "2.5"],
    "worst_intensity": ["7", "8,5", ""],
    "background_pain": ["0", "1,5", ""],
}


@dataclass(frozen=True)
class Generated:
    """A generated diary file and what the generator knows about it."""

    data: bytes
    delimiter: str
    records: int
    """Spreadsheet rows in the file, header included."""
    filled_rows: int
    """Data rows with at least one non-blank cell."""


@st.composite
def diaries(draw: st.DrawFn) -> Generated:
    columns = ATTACK_COLUMNS if draw(st.booleans()) else DAILY_COLUMNS
    fields = ["date", *draw(st.lists(st.sampled_from(sorted(set(columns) - {"date"})),
                                     min_size=1, max_size=5, unique=True))]  # fmt: skip
    if columns is ATTACK_COLUMNS and "time" not in fields and draw(st.booleans()):
        fields.append("time")
    fields = draw(st.permutations(fields))
    header = [draw(st.sampled_from(columns[field])) for field in fields]
    style = DATE_STYLES[draw(st.sampled_from(sorted(DATE_STYLES)))]
    rows = draw(st.lists(row_of(fields, style), max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buffer = io.StringIO(newline="")
    writer = csv.writer(
        buffer, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
    )
    writer.writerow(header)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    filled = sum(any(cell.strip() for cell in row) for row in rows)
    return Generated(buffer.getvalue().encode(encoding), delimiter, len(rows) + 1, filled)


def row_of(fields: list[str], style: str) -> st.SearchStrategy[list[str]]:
    dates = st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(
        lambda day: day.strftime(style)
    )
    cells = []
    for field in fields:
        good = dates if field == "date" else st.sampled_from(GOOD[field])
        cells.append(st.one_of(good, good, st.sampled_from(JUNK)))
    return st.tuples(*cells).map(list)


def assert_file_invariants(diary_file: DiaryFile, record_count: int | None) -> None:
    rejected_rows = [
        issue.row for issue in diary_file.issues if issue.severity is Severity.REJECTED
    ]
    used_rows = diary_file.table["row"].tolist()
    assert len(rejected_rows) == len(set(rejected_rows)) == diary_file.rows_rejected
    assert set(rejected_rows).isdisjoint(used_rows)
    other = diary_file.rows_other  # rows recording pain 0 (ingest/no_pain.py)
    assert diary_file.rows_read == len(used_rows) + diary_file.rows_rejected + other
    assert len(set(used_rows)) == len(used_rows)
    if record_count is not None:
        rows = [*used_rows, *(issue.row for issue in diary_file.issues if issue.row is not None)]
        assert all(1 <= row <= record_count for row in rows)
        assert all(row >= 2 for row in used_rows)


def assert_accounting(diary: Diary) -> None:
    used = len(diary.attacks) + len(diary.days)
    assert diary.rows_read == used + diary.rows_rejected + diary.duplicates + diary.rows_other
    assert diary.rows_used == used
    duplicate_issues = [issue for issue in diary.issues if issue.severity is Severity.DUPLICATE]
    assert len(duplicate_issues) == diary.duplicates
    kept = set(zip(diary.attacks["file"], diary.attacks["row"], strict=True))
    kept |= set(zip(diary.days["file"], diary.days["row"], strict=True))
    dropped = {(issue.file, issue.row) for issue in diary.issues
               if issue.severity in (Severity.REJECTED, Severity.DUPLICATE)}  # fmt: skip
    assert kept.isdisjoint(dropped)


@bounded(40)
@given(diaries(), st.sampled_from([None, DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST]))
def test_generated_diaries_keep_the_row_rules(
    generated: Generated, order: DateOrder | None
) -> None:
    try:
        diary_file = read_diary(generated.data, "gen.csv", date_order=order)
    except InputError:
        return  # e.g. junk in every header cell: refused with a reason, which is allowed
    assert_file_invariants(diary_file, generated.records)
    if diary_file.delimiter == generated.delimiter:
        assert diary_file.rows_read == generated.filled_rows  # blank rows never counted
    assert_accounting(combine_diaries([diary_file]))


@bounded(15)
@given(diaries(), diaries())
def test_accounting_holds_across_files_and_copies(first: Generated, second: Generated) -> None:
    files = []
    for name, data in (("a.csv", first.data), ("b.csv", second.data), ("copy.csv", first.data)):
        diary_file = read_or_refuse(data, name)
        if diary_file is not None:
            files.append(diary_file)
    diary = combine_diaries(files)
    assert_accounting(diary)
    if len(files) == 3 and files[0].shape is files[2].shape:
        # every attack of the copy is an exact duplicate of the original
        assert diary.duplicates >= len(files[2].table) * (files[2].shape.value == "attack log")


CELL_VALUES = st.one_of(
    st.none(),
    st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2035, 1, 1)).map(
        lambda stamp: stamp.replace(microsecond=0)
    ),
    st.dates(dt.date(2000, 1, 1), dt.date(2035, 1, 1)),
    st.times().map(lambda time: time.replace(microsecond=0)),
    st.floats(-1e6, 3e6, allow_nan=False),
    st.integers(-10, 100_000),
    st.sampled_from(["", "2026-01-02", "01/02/2026", "08:00", "45s", "x", "right"]),
)


@bounded(25)
@given(st.lists(st.lists(CELL_VALUES, min_size=4, max_size=4), max_size=8))
def test_xlsx_with_any_cell_types_keeps_the_row_rules(rows: list[list[object]]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Time", "Duration (min)", "Pain"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    diary_file = read_diary(buffer.getvalue(), "gen.xlsx")
    assert_file_invariants(diary_file, len(rows) + 1)
    assert_accounting(combine_diaries([diary_file]))

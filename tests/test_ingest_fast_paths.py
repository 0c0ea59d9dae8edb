"""Session 4's ingest shortcuts give exactly what the exact paths give (issue 15).

Each shortcut is compared with the path it skips: on Hypothesis-generated input full of the cells
that could tell them apart (malformed and impossible dates, mixed formats, empty cells, non-ASCII
digits, a byte-order mark, quoted cells), and on whole files read with the shortcut switched off.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_arrow_read import assert_same, corpus

from tnprep.ingest import dates, decode, diary, duplicates, fixed_dates, recognise
from tnprep.ingest.decode import decode_text
from tnprep.ingest.diary import read_diary
from tnprep.issues import InputError
from tnprep.model import DateOrder

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LINE_BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", ""]


@SETTINGS
@given(
    st.lists(st.tuples(st.text('ab,; \t"é', max_size=5), st.sampled_from(LINE_BREAKS))),
    st.integers(0, 8),
)
def test_head_lines_are_the_first_lines_of_the_whole_text(
    parts: list[tuple[str, str]], count: int
) -> None:
    text = "".join(line + end for line, end in parts)
    assert decode.head_lines(text, count) == text.splitlines()[:count]


# --- dates of a fixed-width numeric format, read from the bytes ----------------------------------


def formats_read_from_bytes() -> list[str]:
    """Every format of the date cascade (and the time column's) that the byte reader takes."""
    found = {
        pattern
        for order in (None, DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST)
        for with_time in (True, False)
        for pattern in dates._date_formats(order, with_time)
    } | set(dates._TIME_PARTS)
    return sorted(pattern for pattern in found if fixed_dates.shape_of(pattern) is not None)


FIXED_FORMATS = formats_read_from_bytes()
YEARS = ["0000", "0001", "1582", "1600", "1677", "1678", "1899", "1900", "1969", "1970", "1999",
         "2000", "2024", "2100", "2262", "2263", "9999"]  # fmt: skip
TWO_DIGITS = [f"{number:02d}" for number in range(100)]
BASE = {"%Y": "2024", "%y": "24", "%m": "02", "%d": "28", "%H": "23", "%M": "59", "%S": "30"}


def write(pattern: str, values: dict[str, str]) -> str:
    """The cell ``pattern`` gives for ``values`` (every directive written as given)."""
    return re.sub(r"%.", lambda directive: {**BASE, **values}[directive.group()], pattern)


def every_field_value(pattern: str) -> list[str]:
    """Cells of the pattern's exact shape: each field through every value it can be written
    with, the day through each month's end in leap and other years, the edges of datetime64."""
    cells = []
    for directive in re.findall(r"%.", pattern):
        choices = YEARS if directive == "%Y" else TWO_DIGITS
        cells += [write(pattern, {directive: value}) for value in choices]
    cells += [write(pattern, {"%Y": year, "%y": year[2:], "%m": month, "%d": day})
              for year in ("1900", "2000", "2023", "2024") for month in TWO_DIGITS[:14]
              for day in ("28", "29", "30", "31")]  # fmt: skip
    cells += [
        write(
            pattern, {"%Y": "1677", "%m": "09", "%d": "21", "%H": "00", "%M": minute, "%S": second}
        )
        for minute in ("12", "13")
        for second in ("43", "44")
    ]
    cells += [
        write(
            pattern, {"%Y": "2262", "%m": "04", "%d": "11", "%H": "23", "%M": minute, "%S": second}
        )
        for minute in ("47", "48")
        for second in ("16", "17")
    ]
    return cells  # fmt: skip


def pandas_reads(text: pd.Series, pattern: str) -> pd.Series:
    """What the cascade read before: pandas' parser, then the datetime64[ns] range."""
    parsed = pd.to_datetime(text, format=pattern, errors="coerce")
    return dates._within_range(parsed).astype("datetime64[ns]")


def assert_reads_as_pandas(cells: list[str], pattern: str, dtype: str = "str") -> None:
    text = pd.Series(cells, dtype=dtype)
    pd.testing.assert_series_equal(
        dates.read_format(text, pattern).astype("datetime64[ns]"),
        pandas_reads(text, pattern),
        check_exact=True,
    )


def test_the_byte_reader_takes_the_common_formats() -> None:
    assert {"%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y", "%m/%d/%y %H:%M", "%d.%m.%Y",
            "%Y%m%d", "%H:%M"} <= set(FIXED_FORMATS)  # fmt: skip
    for pattern in ("%d %b %Y", "%H:%M:%S.%f", "%I:%M %p", "%Y-%m-%d %I:%M%p"):
        assert fixed_dates.shape_of(pattern) is None


@pytest.mark.parametrize("pattern", FIXED_FORMATS)
def test_every_value_of_every_field_reads_as_pandas_reads_it(pattern: str) -> None:
    cells = every_field_value(pattern)
    text = pd.Series(cells, dtype="str")
    shaped, _ = fixed_dates.read_fixed(text, pattern) or (None, None)
    assert shaped is not None and shaped.all()  # every cell here is read from the bytes
    assert_reads_as_pandas(cells, pattern)


AWKWARD = ["", " ", "2024-02-28  23:59", "2024-02-28t23:59", "2024-2-28 23:59", "٢٠٢٤-٠٢-٢٨ ٢٣:٥٩",
           "２０２４-02-28 23:59", "2024-02-28 23:59 ", " 8/02/2024", "28/02/2024 9:05",
           "28.02.24 23.59", "2024/02/28T23:59:60", "+024-02-28", "-024-02-28", "2024-02-2823:59",
           "\ufeff2024-02-28", "2024-02-28 23:59:5", "28/02/2024 23:59:59.5", "2024-02-28 11:59 pm",
           "2024−02−28", "é024-02-28 23:59", "20240228", "24-02-28", "28-02-24 23:59:59",
           "12:30", "1:30", "12.30", "12:30:61", "24:00"]  # fmt: skip
"""Cells the byte reader must leave to pandas (or read exactly as pandas does)."""


@pytest.mark.parametrize("pattern", FIXED_FORMATS)
def test_mixed_columns_read_as_pandas_reads_them(pattern: str) -> None:
    cells = every_field_value(pattern)[::7] + AWKWARD
    for dtype in ("str", "string", "object"):
        assert_reads_as_pandas(cells, pattern, dtype)
    assert_reads_as_pandas([cell for cell in cells if cell.isascii()], pattern)  # one byte a char


@SETTINGS
@given(st.sampled_from(FIXED_FORMATS), st.data())
def test_generated_cells_read_as_pandas_reads_them(pattern: str, data: st.DataObject) -> None:
    """Cells near the format's shape: its characters, digits of other scripts, a byte more or
    less; sometimes a missing cell, sometimes a slice of a longer column."""
    width = len(write(pattern, {}))
    alphabet = st.sampled_from(list("0123456789" * 4 + "-/.:T t٣２\u00a0é+Z"))
    near = st.lists(alphabet, min_size=width - 1, max_size=width + 1).map("".join)
    written = st.builds(lambda values: write(pattern, values), st.fixed_dictionaries(
        {name: st.sampled_from(TWO_DIGITS) for name in BASE if name != "%Y"}
        | {"%Y": st.sampled_from(YEARS)}
    ))  # fmt: skip
    cells: list[str | None] = data.draw(st.lists(st.one_of(near, written, st.none()), max_size=40))
    skip = data.draw(st.integers(0, 2))
    text = pd.Series(["2024-02-28 23:59"] * skip + cells, dtype="str").iloc[skip:]
    text = text.fillna("")
    pd.testing.assert_series_equal(
        dates.read_format(text, pattern).astype("datetime64[ns]"),
        pandas_reads(text, pattern),
        check_exact=True,
    )


# --- whole files: the same DiaryFile with every session-4 shortcut off ---------------------------


@contextlib.contextmanager
def exact_paths() -> Iterator[None]:
    """Every shortcut of this module off: dates only by pandas' parser, text encoded again."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(dates, "read_fixed", return_value=None))
        stack.enter_context(mock.patch.object(diary, "utf8_bytes", return_value=None))
        yield


def both_ways(data: bytes, name: str) -> tuple[tuple[str, object], tuple[str, object]]:
    def read() -> tuple[str, object]:
        try:
            return "read", read_diary(data, name)
        except InputError as error:
            return "refused", error.reason

    fast = read()
    with exact_paths():
        return fast, read()


@pytest.mark.parametrize("path", corpus(), ids=lambda path: path.name)
def test_every_corpus_file_reads_the_same_without_the_shortcuts(path: Path) -> None:
    assert_same(*both_ways(path.read_bytes(), path.name))


DATE_CELLS = [cell for cell in AWKWARD if "," not in cell] + [
    "2024-02-29 10:00", "2023-02-29 10:00", "2024-04-31 08:00", "2024-01-01 24:00",
    "2024-01-01 23:59:60", "1677-09-21 00:12", "2262-04-11 23:48", "31/12/2024 10:00",
    "12/31/2024 10:00", "01.02.24 10:00", "2024-01-01T10:00:00", "20240101 10:00",
    '"2024-03-01 10:00"', "2024-03-01", "03/01/2024", "1/3/2024 10:00",
]  # fmt: skip
TIME_CELLS = ["10:00", "23:59", "24:00", "7:05", "10:61", "10.15", "10:00:60", "", "pm",
              "٣:٠٠", "10:00 am", "1000"]  # fmt: skip


@st.composite
def dated_diaries(draw: st.DrawFn) -> bytes:
    """Attack logs whose dates (one date-time column, or a date and a time) mix formats."""
    split = draw(st.booleans())
    header = "date,time,intensity" if split else "start,intensity"
    date = st.sampled_from(DATE_CELLS)
    row = st.tuples(date, st.sampled_from(TIME_CELLS), st.sampled_from(["5", "", "x"]))
    rows = draw(st.lists(row, max_size=12))
    lines = [",".join(row if split else (row[0], row[2])) for row in rows]
    bom = "\ufeff" if draw(st.booleans()) else ""
    return (bom + "\n".join([header, *lines])).encode("utf-8")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_diaries())
def test_generated_diaries_read_the_same_without_the_shortcuts(data: bytes) -> None:
    assert_same(*both_ways(data, "generated.csv"))


@SETTINGS
@given(
    st.lists(st.one_of(st.none(), st.integers(0, 40)), max_size=30),
    st.booleans(),
)
def test_shared_minutes_are_the_duplicated_minutes(minutes: list[int | None], rising: bool) -> None:
    if rising:  # the common case the shortcut takes: a diary in order
        minutes = sorted({minute for minute in minutes if minute is not None})
    start = pd.Timestamp("2026-01-01 08:00")
    stamps = pd.Series(
        [pd.NaT if minute is None else start + pd.Timedelta(minutes=minute) for minute in minutes],
        dtype="datetime64[ns]",
    )
    pd.testing.assert_series_equal(
        duplicates._shared_minutes(stamps), stamps.duplicated(keep=False), check_exact=True
    )


# --- recognition decodes only a file's first lines ----------------------------------------------


def decoded(read: object) -> tuple[str, object]:
    try:
        return "read", read()  # type: ignore[operator]
    except InputError as error:
        return "refused", error.reason


@st.composite
def text_files(draw: st.DrawFn) -> bytes:
    """Byte strings a user may pass: a BOM or not, blank or long lines, NUL, JSON, non-ASCII."""
    line = st.one_of(
        st.sampled_from(["start,intensity", "", "  ", "{", '[{"a": 1}]', "2026-01-02 10:00,5",
                         "é,5", "a\x00b", "x" * 70_000, "<html>", "item,answer", "\u2028"]),
        st.text("abc,;\t 019:-\r\x0b", max_size=8),
    )  # fmt: skip
    lines = draw(st.lists(line, max_size=70))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    bom = draw(st.sampled_from(["", "\ufeff"]))
    return (bom + ending.join(lines)).encode("utf-8")


@SETTINGS
@given(text_files(), st.integers(0, 60))
def test_the_decoded_head_is_the_start_of_the_whole_text(data: bytes, count: int) -> None:
    head = decoded(lambda: decode.decode_head(data, "f.csv", count))
    whole = decoded(lambda: decode.decode_text(data, "f.csv"))
    assert head[0] == whole[0]
    if head[0] == "refused":
        assert head == whole
        return
    (head_text, head_encoding), (text, encoding) = head[1], whole[1]  # type: ignore[misc]
    assert head_encoding == encoding and text.startswith(head_text)
    assert decode.head_lines(head_text, count) == decode.head_lines(text, count)
    starts = ("{", "[")
    assert head_text.lstrip().startswith(starts) == text.lstrip().startswith(starts)


@SETTINGS
@given(text_files())
def test_files_are_recognised_as_when_the_whole_text_was_decoded(data: bytes) -> None:
    fast = decoded(lambda: recognise.recognise(data, "f.csv"))
    with mock.patch.object(recognise, "decode_head", lambda data, file, _: decode_text(data, file)):
        assert decoded(lambda: recognise.recognise(data, "f.csv")) == fast


@pytest.mark.parametrize("count", [0, 1, 3])
@pytest.mark.parametrize("after", ['{"resourceType": "QuestionnaireResponse"}', "item,answer"])
def test_a_json_file_after_blank_lines_is_seen_as_json(count: int, after: str) -> None:
    data = ("\n" * 3 + after).encode("utf-8")
    head, _ = decode.decode_head(data, "f.json", count)
    whole, _ = decode.decode_text(data, "f.json")
    assert head.lstrip().startswith("{") == whole.lstrip().startswith("{")


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_the_arrow_reader_reads_the_files_own_bytes(bom: bytes) -> None:
    data = bom + "start,intensity,notes\n2026-01-02 10:00,5,naïve café\n".encode()
    text, encoding = decode.decode_text(data, "f.csv")
    assert bytes(decode.utf8_bytes(data, encoding) or b"") == text.encode("utf-8")
    assert decode.utf8_bytes(b"caf\xe9", "cp1252") is None
    assert_same(*both_ways(data, "f.csv"))

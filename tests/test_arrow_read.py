"""The Arrow-native reader gives exactly what the exact ``csv`` path gives (issue 15).

Three ways to read a text table: pyarrow for regular files (``tnprep.ingest.arrow_read``),
pandas' C parser for other well-formed ones, and Python's ``csv`` module for everything. Every
file of the test corpus (sample data, golden inputs, the adversarial files, the real exports in
``../shared/real-exports``) and Hypothesis-generated diaries are read all three ways; the
``DiaryFile`` values (table, issues, counts, mapping, everything) or the refusals must be equal.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnprep.ingest import arrow_read, decode
from tnprep.ingest.diary import read_diary
from tnprep.issues import InputError
from tnprep.model import DiaryFile

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FOLDERS = (
    ROOT / "sample_data",
    ROOT / "tests" / "real" / "files",
    ROOT / "tests" / "adversarial" / "files",
    ROOT / ".." / "shared" / "real-exports",
)
TABLE_ENDINGS = (".csv", ".tsv", ".txt", ".xlsx")
PATHS = ("arrow", "pandas", "csv")


def corpus() -> list[Path]:
    """Every table file of the test corpus (the real exports must be there: fail loudly)."""
    assert (ROOT / ".." / "shared" / "real-exports").is_dir(), "real-exports corpus missing"
    return sorted(path for folder in CORPUS_FOLDERS for path in folder.rglob("*")
                  if path.is_file() and path.suffix.casefold() in TABLE_ENDINGS)  # fmt: skip


@contextlib.contextmanager
def reading_by(path: str) -> Iterator[None]:
    """Force one reading path: 'arrow' (as shipped), 'pandas' (no pyarrow), 'csv' (exact)."""
    with contextlib.ExitStack() as stack:
        if path in ("pandas", "csv"):
            stack.enter_context(mock.patch.object(decode, "read_regular", return_value=None))
        if path == "csv":
            stack.enter_context(mock.patch.object(decode, "_fast_table", return_value=None))
        yield


def outcome(data: bytes, name: str, path: str) -> tuple[str, object]:
    """('read', comparable DiaryFile) or ('refused', reason), read by ``path``."""
    with reading_by(path):
        try:
            return "read", read_diary(data, name)
        except InputError as error:
            return "refused", error.reason


def assert_same(first: tuple[str, object], second: tuple[str, object]) -> None:
    assert first[0] == second[0], (first, second)
    if first[0] == "refused":
        assert first[1] == second[1]
        return
    left, right = first[1], second[1]
    assert isinstance(left, DiaryFile) and isinstance(right, DiaryFile)
    for field in dataclasses.fields(DiaryFile):
        if field.name != "table":
            assert getattr(left, field.name) == getattr(right, field.name), field.name
    pd.testing.assert_frame_equal(left.table, right.table)


@pytest.mark.parametrize("path", corpus(), ids=lambda path: path.name)
def test_every_corpus_file_reads_the_same_every_way(path: Path) -> None:
    data = path.read_bytes()
    exact = outcome(data, path.name, "csv")
    for other in ("arrow", "pandas"):
        assert_same(outcome(data, path.name, other), exact)


def test_the_corpus_exercises_the_arrow_reader() -> None:
    """At least some corpus files are regular (else the differential test proves nothing)."""
    regular = [path for path in corpus() if path.suffix != ".xlsx"
               and arrow_read.is_regular(path.read_bytes().decode("utf-8", "replace"))]  # fmt: skip
    assert len(regular) >= 3


def test_a_ten_thousand_row_diary_reads_the_same_every_way() -> None:
    lines = ["start,duration,intensity,side,division,triggers"]
    lines += [f"2026-01-{1 + row % 28:02d} {row % 24:02d}:{row % 60:02d},{row % 90}s,"
              f"{row % 11},{'left' if row % 3 else 'right'},V{1 + row % 3},chewing"
              for row in range(10_000)]  # fmt: skip
    lines[5000] = ""  # an empty line in the middle: later rows keep their numbers
    lines[6000] = ",,,,,"  # a blank row
    text = "\r\n".join(lines) + "\r\n"
    assert arrow_read.read_regular(text, ",") is not None  # the Arrow reader takes this one
    data = text.encode("utf-8")
    assert_same(outcome(data, "big.csv", "arrow"), outcome(data, "big.csv", "csv"))


# --- generated tables: regular and irregular, every cell shape the reader must keep ------------

HEADERS = ["Date", "Time", "Start", "Pain", "Duration", "Side", "Location", "Triggers", "Notes",
           "Attacks", "Worst pain", "Mood", "", " Pain (0-10) "]  # fmt: skip
CELLS = ["", " ", "2026-01-02", "02/01/2026", "13/01/2026 08:00", "2026-01-02 08:00", "08:00",
         "25:61", "45s", "1:30", "6,5", "7", "-1", "right", " left ", "V2/V3", "chewing; talk",
         "é", "naïve café", "\u00a0", "x", "nan", "NULL", "N/A", "=1+1", "\t", "1e309"]  # fmt: skip
LINE_ENDS = ["\n", "\r\n", "\r"]


@st.composite
def tables(draw: st.DrawFn) -> bytes:
    """A text table: header, rows of any width (ragged or not), empty lines, any line end."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    width = draw(st.integers(1, 6))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    cell = st.sampled_from(CELLS).filter(lambda text: delimiter not in text)
    row = st.lists(cell, min_size=width, max_size=width)
    ragged = st.lists(cell, min_size=0, max_size=width + 2)
    rows = draw(st.lists(st.one_of(row, row, row, ragged, st.just([])), max_size=15))
    end = draw(st.sampled_from(LINE_ENDS))
    text = end.join(delimiter.join(cells) for cells in [header, *rows])
    text += draw(st.sampled_from(["", end, end + end]))
    if draw(st.integers(0, 9)) == 0:
        text = text.replace("x", '"x"')  # now and then a quote: the exact path must take it
    return text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_generated_tables_read_the_same_every_way(data: bytes) -> None:
    exact = outcome(data, "generated.csv", "csv")
    for other in ("arrow", "pandas"):
        assert_same(outcome(data, "generated.csv", other), exact)


# --- the header alone (recognition reads only a file's first lines) ---------------------------


def header_outcome(data: bytes, name: str, reader: str) -> tuple[str, object]:
    """The header of the first 50 lines as recognition reads it, or the refusal."""
    try:
        text, encoding = decode.decode_text(data, name)
        head = "\n".join(text.splitlines()[:50])
        delimiter = decode.sniff_delimiter(head)
        if reader == "header only":
            return "read", decode.text_header(head, name, encoding, delimiter)
        return "read", decode.parse_text_table(head, name, encoding, delimiter).header
    except InputError as error:
        return "refused", error.reason


@pytest.mark.parametrize(
    "path", [path for path in corpus() if path.suffix != ".xlsx"], ids=lambda path: path.name
)
def test_the_header_alone_is_the_tables_header(path: Path) -> None:
    data = path.read_bytes()
    assert header_outcome(data, path.name, "header only") == header_outcome(
        data, path.name, "table"
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_the_header_alone_is_the_tables_header_for_generated_tables(data: bytes) -> None:
    assert header_outcome(data, "generated.csv", "header only") == header_outcome(
        data, "generated.csv", "table"
    )

"""Whole-column byte tests read a block at a time give what one pass gave (issue 15, session 5).

The date shortcuts (``fixed_dates.read_fixed``, the slash-date and UTC-offset tests on
``distinct.text_layout``, the untidy and ordinal tests on ``distinct.text_pieces``) now walk a
column ``ROW_BLOCK`` rows or ``_PIECE`` bytes at a time, so that their temporaries stay small.
Here the blocks are made tiny (a cell or two, a byte or three), so that every cell and every
pair of bytes meets a block's edge somewhere, and the results are compared with the normal
blocks and with every shortcut switched off. The frames' absent columns, now made without
touching memory, are compared with the arrays they replace.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator
from unittest import mock

import numpy as np
import pandas as pd
import pyarrow as pa  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ingest_distinct import assert_same_file, diaries, no_shortcuts
from test_ingest_fast_paths import DATE_CELLS, FIXED_FORMATS, dated_diaries, pandas_reads

from tnprep.ingest import dates, distinct, fixed_dates, frames
from tnprep.ingest.diary import _repeated, read_diary
from tnprep.issues import InputError

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextlib.contextmanager
def tiny_blocks(rows: int = 2, piece: int = 3) -> Iterator[None]:
    """Blocks of ``rows`` cells and pieces of ``piece`` bytes."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(dates, "ROW_BLOCK", rows))
        stack.enter_context(mock.patch.object(fixed_dates, "ROW_BLOCK", rows))
        stack.enter_context(mock.patch.object(distinct, "_PIECE", piece))
        yield


def read_three_ways(data: bytes) -> tuple[object, object, object]:
    """(normal blocks, tiny blocks, no shortcut at all) — a refusal as its reason."""

    def read() -> object:
        try:
            return read_diary(data, "generated.csv")
        except InputError as error:
            return error.reason

    normal = read()
    with tiny_blocks():
        tiny = read()
    with tiny_blocks(rows=1, piece=1):
        smallest = read()
    assert_same_file(tiny, smallest)
    with no_shortcuts():
        return normal, tiny, read()


@SETTINGS
@given(st.one_of(dated_diaries(), diaries()))
def test_generated_diaries_read_the_same_in_tiny_blocks(data: bytes) -> None:
    normal, tiny, plain = read_three_ways(data)
    assert_same_file(tiny, normal)
    assert_same_file(tiny, plain)


@SETTINGS
@given(
    st.sampled_from(FIXED_FORMATS),
    st.lists(st.one_of(st.sampled_from(DATE_CELLS), st.none()), max_size=30),
    st.integers(1, 4),
)
def test_fixed_formats_read_in_tiny_blocks_as_pandas_reads_them(
    pattern: str, cells: list[str | None], rows: int
) -> None:
    text = pd.Series(cells, dtype="str").fillna("")
    with tiny_blocks(rows=rows):
        read = dates.read_format(text, pattern).astype("datetime64[ns]")
    pd.testing.assert_series_equal(read, pandas_reads(text, pattern), check_exact=True)


def test_a_missing_cell_in_a_later_block_has_no_shape() -> None:
    text = pd.Series(["2024-01-01 10:00"] * 5 + [None, "2024-01-02 11:00"], dtype="string")
    with tiny_blocks(rows=2):
        shaped, stamps = fixed_dates.read_fixed(text, "%Y-%m-%d %H:%M") or (None, None)
    assert shaped is not None and stamps is not None
    assert shaped.tolist() == [True] * 5 + [False, True]
    assert stamps.isna().tolist() == [False] * 5 + [True, False]


@pytest.mark.parametrize(
    ("text", "untidy", "ordinal"),
    [("2024-01-01 10:00", False, False), ("1 Jan 2024,10:00", True, False),
     ("22nd Sep 2020", False, True), ("Sep 1st 2020", False, True), ("5 3t", False, False),
     ("1s2t", False, True), ("a  b", True, False), ("x\ty", True, False),
     ("1ſt Jan", False, True), ("SEP 3RD", False, True)],
)  # fmt: skip
def test_byte_tests_see_marks_across_every_piece_edge(
    text: str, untidy: bool, ordinal: bool
) -> None:
    raw = text.encode("utf-8")
    for size in range(1, len(raw) + 1):
        pieces = [raw[start : start + size] for start in range(0, len(raw), size)]
        assert dates._may_be_untidy(pieces) is untidy, (text, size)
        assert dates._may_hold_ordinal(pieces) is ordinal, (text, size)


def test_text_pieces_hold_exactly_the_columns_cells() -> None:
    column = pd.Series(["ab", "cde", "", "fghij"] * 3, dtype="string").iloc[2:9]
    with mock.patch.object(distinct, "_PIECE", 4):
        pieces = list(distinct.text_pieces(column) or [])
    assert all(len(piece) <= 4 for piece in pieces)
    assert b"".join(pieces) == "".join(column.tolist()).encode("utf-8")


def starts_like_a_slash_date(cell: str) -> bool:
    """'/' or '-' as the second or third character."""
    return (len(cell) >= 2 and cell[1] in "/-") or (len(cell) >= 3 and cell[2] in "/-")


@pytest.mark.parametrize("cells", [["1/2/2024", "2024-01-01"], ["2024-01", "x"], ["", "12-1-24"]])
def test_the_slash_test_looks_at_every_block(cells: list[str]) -> None:
    expected = any(starts_like_a_slash_date(cell) for cell in cells)
    for order in itertools.permutations(["2024", "x", "2024-01-01", *cells]):
        layout = distinct.text_layout(pd.Series(list(order), dtype="string"))
        assert layout is not None
        with mock.patch.object(dates, "ROW_BLOCK", 1):
            assert dates._may_start_slash_date(*layout) is expected


def test_an_absent_text_column_is_the_missing_array_it_replaces() -> None:
    made = frames._missing_text(11)
    before = pd.arrays.ArrowStringArray(pa.chunked_array([pa.nulls(11, pa.large_string())]))
    pd.testing.assert_extension_array_equal(made, before)
    assert made.isna().all() and len(frames._missing_text(0)) == 0


def test_the_repeated_file_name_is_the_series_it_replaces() -> None:
    before = pd.Series(["diary é.csv"], dtype="string").take(np.zeros(5, dtype=np.intp))
    pd.testing.assert_series_equal(_repeated("diary é.csv", 5), before.reset_index(drop=True))
    assert len(_repeated("x.csv", 0)) == 0 and _repeated("x.csv", 0).dtype == before.dtype

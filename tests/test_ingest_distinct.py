"""Ingest per distinct cell gives exactly what the per-row passes gave (issue 15).

The readers now factorise a column once, strip and read each distinct cell, and spread the
results back by code; byte tests on the column (``distinct.text_pieces``/``text_layout``) skip the
date passes that could change nothing. Each new path is compared here with the per-row code it
replaced (kept below as the reference, verbatim), on Hypothesis-generated columns of awkward cells:
Unicode digits and spaces, ordinal suffixes, UTC offsets, case-folding oddities ('ſ', 'İ'),
missing cells, sliced columns. Whole files are also read with every shortcut switched off.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import re
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnprep.ingest import arrow_read, dates, distinct, kinds, scales, values
from tnprep.ingest.diary import combine_diaries, read_diary
from tnprep.ingest.formats import migraine_buddy
from tnprep.issues import InputError
from tnprep.model import DiaryFile

ROOT = Path(__file__).resolve().parent.parent

CELLS = [
    "", " ", "\u00a0", "\t", "  right ", "RIGHT", "Right Jaw", "L", "left and right", "none",
    "N/A", "-", "İ", "ſ", "links", "V1", "v 2", "V2/V3", "V1, V2", "maxillary", "1", "4", "ＶＩ",
    "K", "left cheek V2", "jaw", "45s", "2 min", "1:30", "٣s", "٣", "3٣", "٠٣/٠٤/٢٠٢٦", "6,5",
    "7/10", "mild", "Severe", "very severe", "chewing; talking", " wind | cold ",
    "No medication", "paroxysmal", "Constant", "2026-01-02 08:00", "2026-01-02T08:00:00Z",
    "2026-01-02 08:00+01:00", "2026-01-02 08:00 -0130", "x+12:30", "+1234", "12:00Z",
    "03/04/2026 10:00", "13/04/2026", "4-13-26", "1/2", "12/13/٢٠٢٠ 10:00", "1st Jan 2026",
    "22nd Sep 2020 8:15", "4th Jul 2026 10:00", "2026-01-02 08:00Z", "Sep 1ST 2020",
    "1ſt Jan 2026", "2026-02-03,10:00", "2026-02-02  10:00",
    "5.2.2026 10:00", "a\nb", "Z", "é", "naïve café", "=1+1",
]  # fmt: skip
"""Cells that have tripped a reader before, or could."""


ASCII_CELLS = [cell for cell in CELLS if cell.isascii()]
ASCII = "".join(map(chr, range(32, 127))) + "\t"


@st.composite
def columns(draw: st.DrawFn) -> pd.Series:
    """A column of cells as a table gives it: pandas' ``str`` or ``string`` dtype, or objects
    (a workbook), sometimes with missing cells, sometimes a slice of a longer column."""
    if draw(st.booleans()):  # ASCII only: the byte tests decide for these columns
        cell = st.one_of(st.sampled_from(ASCII_CELLS), st.text(ASCII, max_size=6))
    else:
        cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=6))
    cells: list[object] = draw(st.lists(cell, min_size=0, max_size=30))
    if draw(st.booleans()):
        cells = [None if draw(st.integers(0, 5)) == 0 else cell for cell in cells]
    dtype = draw(st.sampled_from(["str", "string", "object"]))
    skip = draw(st.integers(0, 3))
    column = pd.Series(["skipped header"] * skip + cells, dtype=dtype)
    column = column.iloc[skip:]
    column.index = pd.RangeIndex(2, 2 + len(cells))
    return column


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --- the per-row code the distinct path replaced (reference, as it was) -------------------------


def old_parse_sides(cells: pd.Series) -> values.Parsed:
    text = values.text_cells(cells).str.casefold()
    text = text.where(~text.isin(values._NO_SIDE), "")
    side = values.per_distinct(text, values._side_of).astype("string")
    return values.Parsed(side, (text.ne("") & side.isna()).astype(bool))


def old_parse_divisions(cells: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    codes, found_cells = pd.factorize(values.text_cells(cells).str.casefold())
    found = [values._divisions_of(re.sub(r"\bv\s+", "v", value)) for value in found_cells]
    unreadable = np.array([values._UNKNOWN in divisions for divisions in found], dtype=bool)
    flags = {name: np.array([name in divisions for divisions in found], dtype=bool)
             for name in values.DIVISIONS}  # fmt: skip
    frame = pd.DataFrame({name: column[codes] for name, column in flags.items()}, index=cells.index)
    frame.loc[unreadable[codes]] = False
    return frame.astype(bool), pd.Series(unreadable[codes], index=cells.index, dtype=bool)


def old_divisions_in_location(cells: pd.Series) -> pd.DataFrame:
    text = values.text_cells(cells).str.casefold()
    return pd.DataFrame(
        {name: text.str.contains(rf"\b{name[0]}\s?{name[1]}\b", case=False)
         for name in values.DIVISIONS}
    ).astype(bool)  # fmt: skip


def old_on_distinct(cells: pd.Series, parse: object) -> values.Parsed:
    codes, found = pd.factorize(values.text_cells(cells))
    parsed = parse(pd.Series(found, dtype="string"))  # type: ignore[operator]
    read, unreadable = parsed.values.take(codes), parsed.unreadable.take(codes)
    read.index = unreadable.index = cells.index
    return values.Parsed(read, unreadable.astype(bool))


def old_mostly_words(cells: pd.Series) -> tuple[bool, pd.Series]:
    text = values.text_cells(cells)
    words = scales.word_values(text)
    filled = text.ne("")
    return bool(filled.any() and words[filled].notna().mean() > 0.5), words


def old_date_text(cells: pd.Series) -> pd.Series:
    if not dates._all_text(cells):
        cells = cells.where(cells.map(lambda cell: isinstance(cell, str)), "")
    text = cells if isinstance(cells.dtype, pd.StringDtype) else cells.astype("string")
    text = text.fillna("").str.strip()
    untidy = text.str.contains(",", regex=False) | text.str.contains("  ", regex=False)
    untidy |= text.str.contains("\t", regex=False) | text.str.contains("\n", regex=False)
    if untidy.any():
        text = text.where(~untidy, text.str.replace(r"\s*,\s*|\s+", " ", regex=True))
    ordinal = text.str.contains(r"\d(?:st|nd|rd|th)\b", case=False, regex=True)
    if ordinal.any():
        text = text.where(
            ~ordinal, text.str.replace(r"(\d)(?:st|nd|rd|th)\b", r"\1", case=False, regex=True)
        )
    return text


def old_without_offset(text: pd.Series) -> pd.Series:
    candidates = text.str.endswith("Z") | text.str.contains(r"[+-]\d\d:?\d\d$", regex=True)
    if not candidates.any():
        return text
    has_offset = candidates & text.str.contains(
        r":\d\d(?:\.\d+)?\s?(?:Z|[+-]\d\d:?\d\d)$", regex=True
    )
    if not has_offset.any():
        return text
    return text.where(~has_offset, text.str.replace(dates._OFFSET, r"\1", regex=True))


def old_order_evidence(text: pd.Series) -> tuple[int, int, bool]:
    parts = text[text.str.contains(r"^\d{1,2}[/-]\d{1,2}[/-]", regex=True)].str.extract(
        dates._SLASH
    )
    parts = parts.dropna()
    first, second = parts[0].astype(int), parts[1].astype(int)
    day = int(((first > 12) & (first <= 31) & (second <= 12)).sum())
    month = int(((second > 12) & (second <= 31) & (first <= 12)).sum())
    return day, month, not parts.empty


def old_filled_rows(body: pd.DataFrame) -> np.ndarray:
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    parts = [pa.array(body[column].array, type=pa.large_string()) for column in body.columns]
    joined = pc.binary_join_element_wise(*parts, pa.scalar("", pa.large_string()))
    return np.asarray(pc.not_equal(pc.utf8_trim_whitespace(joined), ""), dtype=bool)


# --- each new path against its reference ----------------------------------------------------------


def assert_parsed_equal(new: values.Parsed, old: values.Parsed) -> None:
    pd.testing.assert_series_equal(new.values, old.values, check_exact=True)
    pd.testing.assert_series_equal(new.unreadable, old.unreadable, check_exact=True)


@SETTINGS
@given(columns())
def test_sides_and_divisions_per_distinct_cell_match_the_per_row_readers(cells: pd.Series) -> None:
    assert_parsed_equal(values.parse_sides(cells), old_parse_sides(cells))
    new_flags, new_unreadable = values.parse_divisions(cells)
    old_flags, old_unreadable = old_parse_divisions(cells)
    pd.testing.assert_frame_equal(new_flags, old_flags, check_exact=True)
    pd.testing.assert_series_equal(new_unreadable, old_unreadable, check_exact=True)
    pd.testing.assert_frame_equal(
        values.divisions_in_location(cells), old_divisions_in_location(cells), check_exact=True
    )


@SETTINGS
@given(columns())
def test_numbers_durations_and_lists_per_distinct_cell_match(cells: pd.Series) -> None:
    for comma in (False, True):
        assert_parsed_equal(
            values.parse_numbers(cells, decimal_comma=comma),
            old_on_distinct(cells, lambda text, comma=comma: values._numbers(text, comma)),
        )
    assert_parsed_equal(
        values.parse_durations(cells, unit_seconds=60.0),
        old_on_distinct(cells, lambda text: values._durations(text, 60.0)),
    )
    assert_parsed_equal(values.parse_pain_types(cells), old_on_distinct(cells, values._pain_types))
    exclude = frozenset({"no medication", "none"})
    pd.testing.assert_series_equal(
        values.split_cells(cells, exclude),
        values.split_lists(values.text_cells(cells), exclude=exclude),
        check_exact=True,
    )


@SETTINGS
@given(columns())
def test_intensity_words_counted_by_rows_match(cells: pd.Series) -> None:
    from tnprep.ingest import intensity  # noqa: PLC0415

    found = distinct.distinct_text(cells)
    words = scales.word_values(found.series())
    old_decision, old_words = old_mostly_words(cells)
    assert intensity._mostly_words(found, words) == old_decision
    pd.testing.assert_series_equal(found.spread(words), old_words, check_exact=True)


@SETTINGS
@given(columns())
def test_date_text_offsets_and_order_evidence_match(cells: pd.Series) -> None:
    assert_date_passes_match(cells)


@pytest.mark.parametrize("dtype", ["str", "string", "object"])
@pytest.mark.parametrize("cell", CELLS)
def test_date_passes_match_on_each_cell_alone(cell: str, dtype: str) -> None:
    """Each awkward cell alone in a column: the byte tests see exactly that cell."""
    assert_date_passes_match(pd.Series([cell], dtype=dtype))
    assert_date_passes_match(pd.Series(["2026-01-02 08:00", cell], dtype=dtype).iloc[1:])


def assert_date_passes_match(cells: pd.Series) -> None:
    text = dates._text(cells)
    pd.testing.assert_series_equal(text, old_date_text(cells), check_exact=True)
    pd.testing.assert_series_equal(
        dates._without_offset(text), old_without_offset(text), check_exact=True
    )
    assert dates._order_evidence(text) == old_order_evidence(text)


@SETTINGS
@given(st.lists(st.sampled_from(CELLS), min_size=1, max_size=40), st.integers(0, 3))
def test_blank_rows_found_column_by_column_match_the_joined_rows(
    cells: list[str], width: int
) -> None:
    body = pd.DataFrame(
        {
            column: pd.Series(cells[column:] + cells[:column], dtype="str")
            for column in range(width + 1)
        }
    )
    assert (arrow_read.filled_rows(body) == old_filled_rows(body)).all()


def old_first_record(text: str) -> list[str]:
    sniffed = migraine_buddy.sniff_delimiter(text)
    return next(csv.reader(io.StringIO(text, newline=""), delimiter=sniffed), [])


@pytest.mark.parametrize("padding", [0, 70_000])
@pytest.mark.parametrize(
    "first",
    ["Date,Time Period,Description\n", '"Date","Time Period","Description\nmore"\n',
     'Date,"Time Period\n' + "x" * 70_000 + '",Description\n', "start,duration\n"],
)  # fmt: skip
def test_a_long_files_first_record_is_the_whole_texts(first: str, padding: int) -> None:
    text = first + "1,2,3\n" * (padding // 6)
    expected = tuple(migraine_buddy.normalise_header(cell) for cell in old_first_record(text)[:3])
    assert migraine_buddy._starts_with_preamble(text, migraine_buddy.sniff_delimiter(text)) == (
        expected == migraine_buddy._PREAMBLE
    )


# --- whole files: every shortcut off gives the same DiaryFile ------------------------------------


@contextlib.contextmanager
def no_shortcuts() -> Iterator[None]:
    """Byte tests say 'cannot tell' (every pass runs) and nothing is remembered between readers."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(dates, "text_pieces", return_value=None))
        stack.enter_context(mock.patch.object(dates, "text_layout", return_value=None))
        stack.enter_context(
            mock.patch.object(distinct, "_MEMO", distinct.ContextVar("off", default=None))
        )
        stack.enter_context(mock.patch.object(distinct, "one_table", contextlib.nullcontext))
        yield


def read_both_ways(data: bytes, name: str) -> tuple[object, object]:
    def read() -> object:
        try:
            return read_diary(data, name)
        except InputError as error:
            return error.reason

    fast = read()
    with no_shortcuts():
        plain = read()
    return fast, plain


def assert_same_file(fast: object, plain: object) -> None:
    assert type(fast) is type(plain)
    if not isinstance(fast, DiaryFile):
        assert fast == plain
        return
    assert isinstance(plain, DiaryFile)
    for field in dataclasses.fields(DiaryFile):
        if field.name != "table":
            assert getattr(fast, field.name) == getattr(plain, field.name), field.name
    pd.testing.assert_frame_equal(fast.table, plain.table, check_exact=True)
    pd.testing.assert_frame_equal(
        combine_diaries([fast]).attacks, combine_diaries([plain]).attacks, check_exact=True
    )


DIARY_CELLS = [cell for cell in CELLS if "," not in cell and "\n" not in cell]


@st.composite
def diaries(draw: st.DrawFn) -> bytes:
    header = "start,duration,intensity,side,division,triggers,pain type,location"
    cell = st.sampled_from(DIARY_CELLS)
    rows = draw(st.lists(st.lists(cell, min_size=8, max_size=8), max_size=25))
    return "\n".join([header, *(",".join(row) for row in rows)]).encode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diaries())
def test_generated_diaries_read_the_same_without_shortcuts(data: bytes) -> None:
    assert_same_file(*read_both_ways(data, "generated.csv"))


@pytest.mark.parametrize(
    "path",
    sorted(path for folder in (ROOT / "sample_data", ROOT / "tests" / "adversarial" / "files")
           for path in folder.rglob("*.csv")),
    ids=lambda path: path.name,
)  # fmt: skip
def test_corpus_diaries_read_the_same_without_shortcuts(path: Path) -> None:
    assert_same_file(*read_both_ways(path.read_bytes(), path.name))


def old_fit(cells: pd.Series, name: str) -> str:
    """``kinds._fit`` as it was for the fields checked cell by cell (the sample read per row)."""
    text = values.text_cells(cells.head(kinds._SAMPLE))
    filled = text[text.ne("")]
    if len(filled) < kinds._FEW:
        return "ok"
    if name == "side":
        share = float(values.parse_sides(filled).unreadable.mean())
    elif name == "location":
        side = values.parse_sides(filled).values.notna()
        divisions = values.divisions_in_location(filled).any(axis=1)
        share = float((~side & ~divisions).mean())
    elif name == "division":
        share = float(values.parse_divisions(filled)[1].mean())
    elif name == "intensity":
        numbers = values.parse_numbers(filled, decimal_comma=False).unreadable
        words = values.text_cells(filled).str.casefold().isin(kinds._INTENSITY_WORDS)
        share = float((numbers & ~words).mean())
    else:
        share = float(values.parse_pain_types(filled).unreadable.mean())
    return "misfit" if share > kinds._MOSTLY else "ok"


@SETTINGS
@given(columns(), st.sampled_from(["side", "location", "division", "intensity", "pain_type"]))
def test_column_fit_per_distinct_cell_matches_the_sample_read_per_row(
    cells: pd.Series, name: str
) -> None:
    with mock.patch.object(kinds, "_SAMPLE", 12), mock.patch.object(kinds, "_FEW", 3):
        assert kinds._fit(cells, name) == old_fit(cells, name)

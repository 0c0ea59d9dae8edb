"""Value readers: durations with units, decimal commas, enumerations, divisions, lists."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from tnprep.ingest.values import (
    divisions_in_location,
    optional_text,
    parse_divisions,
    parse_durations,
    parse_numbers,
    parse_pain_types,
    parse_sides,
    split_lists,
)


def cells(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype="object")


def one(parsed_values: pd.Series) -> object:
    value = parsed_values.iloc[0]
    return None if value is pd.NA or (isinstance(value, float) and math.isnan(value)) else value


@pytest.mark.parametrize(
    ("cell", "seconds"),
    [
        ("45", 45.0),  # a bare number is seconds when the header names no unit
        ("45s", 45.0),
        ("45 s", 45.0),
        ("45 sec", 45.0),
        ("45 secs", 45.0),
        ("45 seconds", 45.0),
        ("2 min", 120.0),
        ("2 mins.", 120.0),
        ("2 Minutes", 120.0),
        ("1 min 30 s", 90.0),
        ("1 min, 30 s", 90.0),
        ("5 min and 3 s", 303.0),
        ("2m30s", 150.0),
        ("1,5 min", 90.0),
        ("1.5 min", 90.0),
        ("1:30", 90.0),  # m:ss
        ("0:45", 45.0),
        ("1:02:03", 3723.0),  # h:mm:ss
        ("01h 00m", 3600.0),  # Migraine Buddy
        ("00h 03m", 180.0),
        ("1d 02h 15m", 94500.0),
        ("2 hours", 7200.0),
        ("1 Std", 3600.0),
        ("  45s  ", 45.0),
        (45, 45.0),  # a spreadsheet number
        (2.5, 2.5),
        ("-30s", -30.0),  # negative: read, so the caller can say why it is dropped
        ("-1:30", -90.0),
    ],
)
def test_parse_durations(cell: object, seconds: float) -> None:
    parsed = parse_durations(cells(cell), unit_seconds=None)
    assert one(parsed.values) == seconds
    assert not parsed.unreadable.any()


@pytest.mark.parametrize(
    ("cell", "unit_seconds", "seconds"),
    [
        ("1.5", 60.0, 90.0),  # Duration (min)
        ("0,5", 60.0, 30.0),
        ("2", 60.0, 120.0),
        ("90", 1.0, 90.0),  # Length (sec)
        ("2", 3600.0, 7200.0),
        # a unit or a clock written in the cell wins over the header's
        ("30s", 60.0, 30.0),
        ("1:30", 60.0, 90.0),
    ],
)
def test_parse_durations_honours_the_header_unit(
    cell: str, unit_seconds: float, seconds: float
) -> None:
    assert one(parse_durations(cells(cell), unit_seconds=unit_seconds).values) == seconds


@pytest.mark.parametrize(
    "cell",
    # '٣s', '1:3٣': non-ASCII digits (regression: these raised and refused the whole diary)
    ["forever", "1h30", "0:90", "1:75:00", "a while", "45 lightyears", "1:3:5:7", "--3", "٣s",
     "1:3٣", "३० min"],
)  # fmt: skip
def test_parse_durations_flags_unreadable_cells(cell: str) -> None:
    parsed = parse_durations(cells(cell), unit_seconds=None)
    assert one(parsed.values) is None
    assert parsed.unreadable.tolist() == [True]


@pytest.mark.parametrize("column", [[], [""], ["", None], ["x"], ["45s"], ["-1"]])
def test_parse_durations_of_columns_with_no_clock_cell_do_not_fail(column: list[object]) -> None:
    # regression: an empty column (header-only file) or one without any m:ss cell crashed
    parsed = parse_durations(cells(*column), unit_seconds=None)
    assert len(parsed.values) == len(column)
    assert str(parsed.values.dtype) == "float64"


def test_blank_duration_is_unknown_not_unreadable() -> None:
    parsed = parse_durations(cells("", None, "  "), unit_seconds=None)
    assert parsed.values.isna().all()
    assert not parsed.unreadable.any()


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "value"),
    [
        ("6", False, 6.0),
        ("6.5", False, 6.5),
        ("6.5", True, 6.5),
        ("6,5", True, 6.5),
        ("7/10", False, 7.0),
        ("7 / 10", False, 7.0),
        (" 8 ", False, 8.0),
        (".5", False, 0.5),
        ("-1", False, -1.0),
        (7, False, 7.0),
        (6.5, True, 6.5),
    ],
)
def test_parse_numbers(cell: object, decimal_comma: bool, value: float) -> None:
    parsed = parse_numbers(cells(cell), decimal_comma=decimal_comma)
    assert one(parsed.values) == value
    assert not parsed.unreadable.any()


@pytest.mark.parametrize(
    ("cell", "decimal_comma"),
    # '٣', '٣,٥': non-ASCII digits (regression: read as no value, with no issue — a lost cell)
    [("high", False), ("6,5", False), ("1,000,5", True), ("7/9", False), ("5-6", False),
     ("٣", False), ("٣,٥", True), ("7.٥", False)],
)  # fmt: skip
def test_parse_numbers_flags_unreadable_cells(cell: str, decimal_comma: bool) -> None:
    parsed = parse_numbers(cells(cell), decimal_comma=decimal_comma)
    assert one(parsed.values) is None
    assert parsed.unreadable.tolist() == [True]


@pytest.mark.parametrize(
    ("cell", "side"),
    [
        ("right", "right"),
        ("RIGHT", "right"),
        ("Right", "right"),
        ("Right Jaw", "right"),
        ("R", "right"),
        ("rt", "right"),
        ("rechts", "right"),
        ("left", "left"),
        ("L", "left"),
        ("Left cheek", "left"),
        ("both", "both"),
        ("BILATERAL", "both"),
        ("left and right", "both"),
        ("Left cheek, Right jaw", "both"),
        ("", None),
    ],
)
def test_parse_sides(cell: str, side: str | None) -> None:
    parsed = parse_sides(cells(cell))
    assert one(parsed.values) == side
    assert not parsed.unreadable.any()


@pytest.mark.parametrize("cell", ["middle", "centre", "jaw", "?"])
def test_parse_sides_flags_unknown_sides(cell: str) -> None:
    parsed = parse_sides(cells(cell))
    assert one(parsed.values) is None
    assert parsed.unreadable.tolist() == [True]


@pytest.mark.parametrize(
    ("cell", "divisions"),
    [
        ("V1", {"V1"}),
        ("v2", {"V2"}),
        ("V 3", {"V3"}),
        ("V2/V3", {"V2", "V3"}),
        ("V2; V3", {"V2", "V3"}),
        ("V1 | V2 | V3", {"V1", "V2", "V3"}),
        ("maxillary, mandibular", {"V2", "V3"}),
        ("Ophthalmic", {"V1"}),
        ("2,3", {"V2", "V3"}),
        ("", set()),
    ],
)
def test_parse_divisions(cell: str, divisions: set[str]) -> None:
    flags, unreadable = parse_divisions(cells(cell))
    assert {name for name in ("V1", "V2", "V3") if flags.at[0, name]} == divisions
    assert unreadable.tolist() == [False]


@pytest.mark.parametrize("cell", ["V4", "V2/V4", "cheek"])
def test_parse_divisions_drops_the_whole_cell_when_any_part_is_unknown(cell: str) -> None:
    flags, unreadable = parse_divisions(cells(cell))
    assert not flags.loc[0].any()
    assert unreadable.tolist() == [True]


@pytest.mark.parametrize(
    ("cell", "divisions"),
    [
        ("Right V2", {"V2"}),
        ("v2/v3 right cheek", {"V2", "V3"}),
        ("Right Jaw, Right Cheek", set()),  # anatomy words are not divisions
        ("V4", set()),
    ],
)
def test_divisions_in_location_only_reads_explicit_divisions(
    cell: str, divisions: set[str]
) -> None:
    flags = divisions_in_location(cells(cell))
    assert {name for name in ("V1", "V2", "V3") if flags.at[0, name]} == divisions


@pytest.mark.parametrize(
    ("cell", "pain_type"),
    [
        ("paroxysmal", "paroxysmal"),
        ("PAROXYSMAL", "paroxysmal"),
        ("Continuous", "continuous"),
        ("constant", "continuous"),
        ("", None),
    ],
)
def test_parse_pain_types(cell: str, pain_type: str | None) -> None:
    parsed = parse_pain_types(cells(cell))
    assert one(parsed.values) == pain_type
    assert not parsed.unreadable.any()


def test_parse_pain_types_flags_unknown_words() -> None:
    assert parse_pain_types(cells("burning")).unreadable.tolist() == [True]


@pytest.mark.parametrize(
    ("cell", "parts"),
    [
        ("chewing", ("chewing",)),
        ("chewing; talking", ("chewing", "talking")),
        ("chewing|talking", ("chewing", "talking")),
        ("Chewing, Talking", ("Chewing", "Talking")),  # case kept
        ("chewing / cold wind", ("chewing", "cold wind")),
        ("a; b | c, d / e", ("a", "b", "c", "d", "e")),
        (" ;chewing;; ", ("chewing",)),
        ("", ()),
    ],
)
def test_split_lists(cell: str, parts: tuple[str, ...]) -> None:
    assert split_lists(pd.Series([cell], dtype="string")).tolist() == [parts]


def test_split_lists_leaves_out_sentinels_ignoring_case() -> None:
    text = pd.Series(["No medication", "Lidocaine spray, NO MEDICATION"], dtype="string")
    assert split_lists(text, exclude=frozenset({"no medication"})).tolist() == [
        (),
        ("Lidocaine spray",),
    ]


def test_optional_text_keeps_text_as_written() -> None:
    values = optional_text(cells("  two\nlines ", "", None, '=HYPERLINK("x")', "<b>x</b>"))
    assert values.tolist() == ["two\nlines", pd.NA, pd.NA, '=HYPERLINK("x")', "<b>x</b>"]

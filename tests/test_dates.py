"""Dates and times: the explicit format cascade, per-file date order, spreadsheet cells."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from tnprep.ingest.dates import decide_order, parse_dates, parse_times
from tnprep.model import DateOrder, DateOrderSource

DAY, MONTH = DateOrder.DAY_FIRST, DateOrder.MONTH_FIRST


def cells(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype="object")


@pytest.mark.parametrize(
    ("values", "order", "source", "evidence"),
    [
        (["2026-01-02", "03.04.2026"], None, DateOrderSource.NOT_NEEDED, (0, 0)),
        (["01/02/2026", "13/02/2026"], DAY, DateOrderSource.DATA, (1, 0)),
        (["01/02/2026", "02/13/2026"], MONTH, DateOrderSource.DATA, (0, 1)),
        (["01/02/2026 08:00", "02/13/2026 09:00"], MONTH, DateOrderSource.DATA, (0, 1)),
        (["1-2-26", "25-2-26"], DAY, DateOrderSource.DATA, (1, 0)),
        (["01/02/2026", "03/04/2026"], DAY, DateOrderSource.ASSUMED, (0, 0)),
        # an impossible date (32/13) is evidence of nothing
        (["32/13/2026", "01/02/2026"], DAY, DateOrderSource.ASSUMED, (0, 0)),
        (["13/13/2026", "01/02/2026"], DAY, DateOrderSource.ASSUMED, (0, 0)),
        # the majority decides a contradictory file
        (["13/01/2026", "14/01/2026", "01/13/2026"], DAY, DateOrderSource.DATA, (2, 1)),
        (["13/01/2026", "01/13/2026", "01/14/2026"], MONTH, DateOrderSource.DATA, (1, 2)),
        ([dt.datetime(2026, 1, 2), 46025, None, ""], None, DateOrderSource.NOT_NEEDED, (0, 0)),
    ],
    ids=["iso-and-dotted", "day-first", "month-first", "month-first-with-time", "dashes",
         "ambiguous", "impossible-ignored", "thirteen-thirteen", "majority-day",
         "majority-month", "spreadsheet-cells"],
)  # fmt: skip
def test_decide_order(
    values: list[object],
    order: DateOrder | None,
    source: DateOrderSource,
    evidence: tuple[int, int],
) -> None:
    decision = decide_order(cells(*values))
    assert (decision.order, decision.source) == (order, source)
    assert (decision.day_first_evidence, decision.month_first_evidence) == evidence


@pytest.mark.parametrize("override", [DAY, MONTH])
def test_the_users_order_always_wins(override: DateOrder) -> None:
    decision = decide_order(cells("13/01/2026", "01/13/2026", "2026-01-01"), override)
    assert (decision.order, decision.source) == (override, DateOrderSource.USER)


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-01-02", None, "2026-01-02"),
        ("2026/01/02", None, "2026-01-02"),
        ("20260102", None, "2026-01-02"),
        ("02.01.2026", None, "2026-01-02"),
        ("2.1.26", None, "2026-01-02"),
        ("02/01/2026", DAY, "2026-01-02"),
        ("02/01/2026", MONTH, "2026-02-01"),
        ("2/1/26", MONTH, "2026-02-01"),
        ("02-01-2026", DAY, "2026-01-02"),
        ("2 Jan 2026", None, "2026-01-02"),
        ("2 January 2026", None, "2026-01-02"),
        ("Jan 2, 2026", None, "2026-01-02"),
        ("02-Jan-2026", None, "2026-01-02"),
        ("  2026-01-02  ", None, "2026-01-02"),
        # ISO is read first and never swapped, whatever the order
        ("2026-01-02", DAY, "2026-01-02"),
        ("2026-01-02", MONTH, "2026-01-02"),
        # a date cell with a time still gives its day
        ("2026-01-02 08:15", None, "2026-01-02 08:15"),
    ],
)
def test_parse_dates_without_time(text: str, order: DateOrder | None, expected: str) -> None:
    assert parse_dates(cells(text), order, with_time=False)[0] == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("32/13/2026", DAY),
        ("13/13/2026", MONTH),
        ("02/13/2026", DAY),  # read day-first, month 13 does not exist
        ("02/01/2026", None),  # slash dates are never read without an order
        ("2026-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_dates_leaves_unreadable_cells_empty(text: str, order: DateOrder | None) -> None:
    assert parse_dates(cells(text), order, with_time=False).isna().all()


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-01-02 08:15", None, "2026-01-02 08:15"),
        ("2026-01-02T08:15:30", None, "2026-01-02 08:15:30"),
        ("2026-01-02T08:15:30.250", None, "2026-01-02 08:15:30.250"),
        ("2026-01-02T08:15:00Z", None, "2026-01-02 08:15"),  # local clock kept, offset dropped
        ("2026-01-02T08:15:00+01:00", None, "2026-01-02 08:15"),
        ("2026-01-02 08:15:00-0500", None, "2026-01-02 08:15"),
        ("02.01.2026 8:15", None, "2026-01-02 08:15"),
        ("10/2/26 13:15", MONTH, "2026-10-02 13:15"),
        ("10/2/26 13:15", DAY, "2026-02-10 13:15"),
        ("1/2/2026 8:15 PM", MONTH, "2026-01-02 20:15"),
        ("Jan 2, 2026 08:15", None, "2026-01-02 08:15"),
    ],
)
def test_parse_dates_with_time(text: str, order: DateOrder | None, expected: str) -> None:
    assert parse_dates(cells(text), order, with_time=True)[0] == pd.Timestamp(expected)


def test_with_time_a_bare_date_is_not_read_as_midnight() -> None:
    parsed = parse_dates(cells("2026-01-02", dt.datetime(2026, 1, 2)), None, with_time=True)
    assert parsed.isna().all()


def test_spreadsheet_dates_and_excel_serials_are_taken_as_they_are() -> None:
    parsed = parse_dates(
        cells(dt.datetime(2026, 1, 2, 8, 30), dt.date(2026, 1, 3), 46025, 46025.75, True, 0),
        None,
        with_time=False,
    )
    assert parsed.tolist()[:4] == [
        pd.Timestamp("2026-01-02 08:30"),
        pd.Timestamp("2026-01-03"),
        pd.Timestamp("2026-01-03"),  # Excel serial 46025
        pd.Timestamp("2026-01-03 18:00"),
    ]
    assert parsed[4:].isna().all()  # booleans and serial 0 are not dates


def test_the_cascade_reads_mixed_formats_in_one_column() -> None:
    parsed = parse_dates(
        cells("2026-01-02", "03.01.2026", "04/01/2026", "5 Jan 2026", "", None),
        DAY,
        with_time=False,
    )
    assert parsed.tolist()[:4] == [pd.Timestamp(f"2026-01-0{day}") for day in (2, 3, 4, 5)]
    assert parsed[4:].isna().all()


def test_a_later_row_is_not_lost_to_inference_from_the_first() -> None:
    # pandas infers one format from row 1 and turns the rest into NaT; the cascade does not
    parsed = parse_dates(cells("2026-01-02", "13.01.2026", "2026-01-14"), None, with_time=False)
    assert parsed.notna().all()


@pytest.mark.parametrize(
    ("cell", "seconds"),
    [
        ("08:00", 8 * 3600),
        ("8:05", 8 * 3600 + 300),
        ("08:00:30", 8 * 3600 + 30),
        ("8:00 PM", 20 * 3600),
        ("8:00pm", 20 * 3600),
        ("12:15 AM", 15 * 60),
        ("8.30", 8 * 3600 + 1800),
        (dt.time(7, 45), 7 * 3600 + 2700),
        (dt.datetime(1899, 12, 30, 7, 45), 7 * 3600 + 2700),
        (0.5, 12 * 3600),
    ],
)
def test_parse_times(cell: object, seconds: int) -> None:
    assert parse_times(cells(cell))[0] == pd.Timedelta(seconds=seconds)


@pytest.mark.parametrize("cell", ["25:61", "24:00", "morning", "", None, 1.5])
def test_parse_times_leaves_unreadable_cells_empty(cell: object) -> None:
    assert parse_times(cells(cell)).isna().all()


@pytest.mark.parametrize(
    "cell",
    [
        "01.01.2300",
        "9999-12-31",
        "3000-01-01 08:00",
        dt.datetime(9999, 1, 1, 8, 0),
        dt.date(1500, 1, 1),
        132_321,  # Excel serial in 2262
        2_958_465,  # Excel's last day, 9999-12-31
        106_752.5,
    ],
)
def test_dates_beyond_what_a_diary_holds_are_unread_not_a_crash(cell: object) -> None:
    # regression: these raised OutOfBoundsDatetime (a traceback for the user)
    for with_time in (False, True):
        assert parse_dates(cells(cell), None, with_time=with_time).isna().all()

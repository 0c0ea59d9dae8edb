"""Partial dates as written in a treatment history."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnprep.ingest.partial_dates import (
    implied_order,
    needs_order,
    order_from_data,
    parse_partial_date,
)
from tnprep.model import DateOrder, PartialDate

READ = [
    ("2019", PartialDate(2019)),
    (" 2019 ", PartialDate(2019)),
    ("2019-03", PartialDate(2019, 3)),
    ("2019/3", PartialDate(2019, 3)),
    ("03/2019", PartialDate(2019, 3)),
    ("3.2019", PartialDate(2019, 3)),
    ("March 2019", PartialDate(2019, 3)),
    ("march 2019", PartialDate(2019, 3)),
    ("Mar 2019", PartialDate(2019, 3)),
    ("Sept. 2019", PartialDate(2019, 9)),
    ("Sep, 2019", PartialDate(2019, 9)),
    ("2019-03-14", PartialDate(2019, 3, 14)),
    ("2019-03-14T08:30", PartialDate(2019, 3, 14)),
    ("2019-03-14 00:00:00", PartialDate(2019, 3, 14)),
    ("2019/03/14", PartialDate(2019, 3, 14)),
    ("14.03.2019", PartialDate(2019, 3, 14)),
    ("04.03.2019", PartialDate(2019, 3, 4)),  # dotted is always day-first
    ("14/03/2019", PartialDate(2019, 3, 14)),
    ("03/14/2019", PartialDate(2019, 3, 14)),
    ("03/03/2019", PartialDate(2019, 3, 3)),  # the same either way
    ("14 March 2019", PartialDate(2019, 3, 14)),
    ("14th Mar 2019", PartialDate(2019, 3, 14)),
    ("March 14, 2019", PartialDate(2019, 3, 14)),
    (dt.datetime(2019, 3, 14, 9, 30), PartialDate(2019, 3, 14)),
    (dt.date(2019, 3, 14), PartialDate(2019, 3, 14)),
    (2019, PartialDate(2019)),
    (2019.0, PartialDate(2019)),
]

UNREAD: list[object] = [
    None,
    "",
    "soon",
    "about 2019",
    "spring 2019",
    "19",
    "14/03/19",  # two-digit year
    "2019-13",
    "13/2019",
    "2019-02-30",
    "31.02.2019",
    "Smarch 2019",
    "1850",
    "43500",  # an Excel day serial in an unformatted cell
    43500,
    2019.5,
    float("nan"),
    True,
    "03/04/2019",  # ambiguous without an order
]


@pytest.mark.parametrize(("value", "expected"), READ)
def test_reads(value: object, expected: PartialDate) -> None:
    assert parse_partial_date(value) == expected


@pytest.mark.parametrize("value", UNREAD)
def test_does_not_read(value: object) -> None:
    assert parse_partial_date(value) is None


@pytest.mark.parametrize(
    ("value", "order", "expected"),
    [
        ("03/04/2019", DateOrder.DAY_FIRST, PartialDate(2019, 4, 3)),
        ("03/04/2019", DateOrder.MONTH_FIRST, PartialDate(2019, 3, 4)),
        # A part over 12 decides whatever order is passed.
        ("14/03/2019", DateOrder.MONTH_FIRST, PartialDate(2019, 3, 14)),
        ("03/14/2019", DateOrder.DAY_FIRST, PartialDate(2019, 3, 14)),
        ("2019-03-04", DateOrder.MONTH_FIRST, PartialDate(2019, 3, 4)),
    ],
)
def test_order_reads_ambiguous_slash_dates(
    value: str, order: DateOrder, expected: PartialDate
) -> None:
    assert parse_partial_date(value, order) == expected


@pytest.mark.parametrize(
    ("value", "order", "ambiguous"),
    [
        ("14/03/2019", DateOrder.DAY_FIRST, False),
        ("03/14/2019", DateOrder.MONTH_FIRST, False),
        ("03/04/2019", None, True),
        ("03/03/2019", None, False),
        ("2019-03-04", None, False),
        ("14.03.2019", None, False),
        (dt.date(2019, 3, 4), None, False),
    ],
)
def test_order_evidence(value: object, order: DateOrder | None, ambiguous: bool) -> None:
    assert (implied_order(value), needs_order(value)) == (order, ambiguous)


partial_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)).flatmap(
    lambda day: st.sampled_from(
        [
            PartialDate(day.year),
            PartialDate(day.year, day.month),
            PartialDate(day.year, day.month, day.day),
        ]
    )
)


@given(partial_dates)
def test_iso_round_trip(date: PartialDate) -> None:
    assert parse_partial_date(date.iso()) == date


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_dotted_and_day_first_slash_agree(day: dt.date) -> None:
    dotted = parse_partial_date(day.strftime("%d.%m.%Y"))
    slashed = parse_partial_date(day.strftime("%d/%m/%Y"), DateOrder.DAY_FIRST)
    assert dotted == slashed == PartialDate(day.year, day.month, day.day)


@given(st.text(max_size=30))
def test_never_raises(text: str) -> None:
    parse_partial_date(text)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["25/03/2022", "03/04/2022"], DateOrder.DAY_FIRST),
        (["03/25/2022", "03/04/2022", None, 2020], DateOrder.MONTH_FIRST),
        (["25/03/2022", "03/25/2022", "03/04/2022"], None),  # contradicts itself
        (["25/03/2022", "2022-04-03"], None),  # nothing needs deciding
        (["03/04/2022", "05/06/2022"], None),  # nothing decides
        ([], None),
    ],
)
def test_order_from_data(cells: list[object], expected: DateOrder | None) -> None:
    assert order_from_data(cells) == expected

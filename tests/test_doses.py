"""Free-text doses → mg/day: table-driven, plus properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnprep.ingest.doses import parse_daily_dose

READ = [
    # The three.
    ("200 mg three times daily", 600),
    ("900mg bd", 1800),
    ("10 mg tds", 30),
    # Frequencies.
    ("200 mg once daily", 200),
    ("200 mg twice daily", 400),
    ("200 mg four times daily", 800),
    ("200 mg thrice daily", 600),
    ("200 mg 3 times a day", 600),
    ("200 mg twice a day", 400),
    ("200 mg twice per day", 400),
    ("200 mg od", 200),
    ("200 mg OD", 200),
    ("200 mg bid", 400),
    ("200 mg b.i.d.", 400),
    ("200 mg B.D.", 400),
    ("200 mg tid", 600),
    ("200 mg qds", 800),
    ("200 mg qid", 800),
    ("200mg x2/day", 400),
    ("200 mg x 3 daily", 600),
    ("200 mg 2x daily", 400),
    ("200 mg 2x/day", 400),
    ("200 mg every 8 hours", 600),
    ("200 mg every 12 hrs", 400),
    ("200 mg q8h", 600),
    ("200 mg 12-hourly", 400),
    ("600 mg per day", 600),
    ("600 mg/day", 600),
    ("600mg / day", 600),
    ("600 mg daily", 600),
    ("600 mg a day", 600),
    ("25 mg at night", 25),
    ("25 mg nocte", 25),
    ("25 mg mane", 25),
    ("total 600 mg daily", 600),
    ("400 mg SR twice daily", 800),
    # Units.
    ("1 g bd", 2000),
    ("1.5 g daily", 1500),
    ("1,5 g daily", 1500),
    ("500 mcg daily", 0.5),
    ("200 µg twice daily", 0.4),
    ("200 ug twice daily", 0.4),
    ("100 milligrams twice daily", 200),
    # Several doses.
    ("2 x 200 mg daily", 400),
    ("2x200mg daily", 400),
    ("2 x 200 mg tds", 1200),
    ("200-0-400 mg", 600),
    ("200mg-0-400mg", 600),
    ("200-200-200-200 mg daily", 800),
    ("200 mg morning, 400 mg night", 600),
    ("200 mg in the morning and 400 mg at night", 600),
    ("200mg mane + 400mg nocte", 600),
    ("200 mg am; 200 mg midday; 400 mg pm", 800),
    ("200mg bd + 100mg nocte", 500),
    ("0 mg daily", 0),
    ("200 mg twice daily.", 400),  # trailing punctuation
]

UNREAD = [
    "",
    "   ",
    "200 mg",  # no frequency
    "twice daily",  # no amount
    "200-0-400",  # no unit: 1-0-1 usually counts tablets
    "1-0-1",
    "100-200 mg",  # a range
    "100-200 mg daily",
    "100 to 200 mg daily",
    "200 or 400 mg daily",
    "up to 1200 mg daily",
    "max 1200 mg/day",
    "200 mg prn",
    "200 mg as needed",
    "200 mg when needed",
    "2 tablets twice daily",  # not a mass
    "5 ml bd",
    "100 units",
    "10 mg/kg daily",
    "200 mg every 5 hours",  # does not divide a day
    "200 mg every other day",
    "200 mg weekly",
    "1,200 mg daily",  # thousands comma or decimal? not guessed
    "200 mg daily, 400 mg daily",  # a titration?
    "200 mg morning, 400 mg morning",  # one slot twice
    "200 mg daily then 400 mg daily",
    "200mgbd",
    "Tegretol",
    "see notes",
    "200 mg bd and 100 mg tds",
]


@pytest.mark.parametrize(("text", "expected"), READ)
def test_reads_unambiguous_doses(text: str, expected: float) -> None:
    assert parse_daily_dose(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", UNREAD)
def test_refuses_unclear_doses(text: str) -> None:
    assert parse_daily_dose(text) is None


amounts = st.integers(min_value=1, max_value=5000)
FREQUENCIES = {"od": 1, "bd": 2, "tds": 3, "qds": 4, "twice daily": 2, "every 6 hours": 4}


@given(amounts, st.sampled_from(sorted(FREQUENCIES)))
def test_amount_times_frequency(amount: int, frequency: str) -> None:
    assert parse_daily_dose(f"{amount} mg {frequency}") == amount * FREQUENCIES[frequency]


@given(amounts, amounts)
def test_ranges_are_never_read(low: int, high: int) -> None:
    assert parse_daily_dose(f"{low}-{high} mg daily") is None


@given(st.text(max_size=40))
def test_never_raises_and_never_negative(text: str) -> None:
    result = parse_daily_dose(text)
    assert result is None or result >= 0

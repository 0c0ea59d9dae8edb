"""AttackFigures: totals, per recorded day, medians, max, by side / division / hour, triggers."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnprep.analysis.attacks import (
    _median,
    attack_figures,
    hour_counts,
    side_counts,
    trigger_counts,
)
from tnprep.analysis.coverage import attacks_in_period, day_table, days_in_period
from tnprep.ingest.frames import attack_frame, day_frame
from tnprep.model import Diary
from tnprep.report.sections import highest_day_text
from tnprep.summary import AttackFigures, DivisionCounts, SideCounts, TriggerCount

D = dt.date
NAN = float("nan")


def figures(
    attacks: pd.DataFrame, days: pd.DataFrame, start: dt.date, end: dt.date
) -> AttackFigures:
    diary = Diary(files=(), attacks=attacks, days=days, duplicates=0, issues=())
    return attack_figures(
        attacks_in_period(attacks, start, end),
        days_in_period(days, start, end),
        day_table(diary, start, end),
    )


ATTACKS = attack_frame(
    {
        "start": [
            "2024-03-01 07:10",
            "2024-03-01 07:50",
            "2024-03-01 19:05",
            "2024-03-03 23:59",
            "2024-03-04 00:00",
        ],
        "duration_s": [30, 90, NAN, 150, 10],
        "intensity": [4, 8, 6, NAN, 9],
        "side": ["right", "right", "left", None, "both"],
        "division_v1": [False, False, True, False, False],
        "division_v2": [True, True, True, False, True],
        "division_v3": [False, True, False, False, True],
        "triggers": [("eating",), ("Chewing", "talking"), (), ("speaking",), ("none",)],
        "file": ["a.csv"] * 5,
        "row": [2, 3, 4, 5, 6],
    }
)
DAYS = day_frame(
    {"date": ["2024-03-02", "2024-03-05"], "attacks": [1, 2], "worst_intensity": [10, 3]}
)


def test_figures_by_hand() -> None:
    result = figures(ATTACKS, DAYS, D(2024, 3, 1), D(2024, 3, 5))
    # Days: 1st 3 (attack log), 2nd max(0, 1) = 1 (conflict), 3rd 1, 4th 1, 5th 2 (daily only).
    assert result.total == 8
    assert result.per_recorded_day == 1.6
    assert result.attack_free_days == 0
    assert (result.max_per_day, result.max_day) == (3, D(2024, 3, 1))
    assert result.intensity_median == 7.0  # 4, 6, 8, 9
    assert result.intensity_max == 10.0  # from the daily log's worst intensity
    assert result.duration_median_s == 60.0  # 10, 30, 90, 150
    assert result.by_side == SideCounts(left=1, right=2, both=1, unknown=1)
    assert result.by_division == DivisionCounts(V1=1, V2=4, V3=2)
    assert result.triggers == (TriggerCount("chewing", 2), TriggerCount("talking", 2))
    assert result.by_hour[7] == 2 and result.by_hour[19] == 1
    assert result.by_hour[23] == 1 and result.by_hour[0] == 1 and sum(result.by_hour) == 5
    assert result.conflict_days == (D(2024, 3, 2),)


def test_period_filter_leaves_attacks_outside_out_of_every_figure() -> None:
    result = figures(ATTACKS, DAYS, D(2024, 3, 3), D(2024, 3, 4))
    assert result.total == 2
    assert result.per_recorded_day == 1.0
    assert result.intensity_median == 9.0
    assert result.intensity_max == 9.0
    assert result.by_side == SideCounts(both=1, unknown=1)
    assert result.triggers == (TriggerCount("talking", 1),)
    assert result.conflict_days == ()


def test_attack_free_days_and_first_max_day() -> None:
    attacks = attack_frame(
        {"start": ["2024-01-01 08:00", "2024-01-01 09:00", "2024-01-04 08:00", "2024-01-04 09:00"]}
    )
    result = figures(attacks, day_frame(), D(2024, 1, 1), D(2024, 1, 4))
    assert (result.total, result.attack_free_days, result.per_recorded_day) == (4, 2, 1.0)
    assert (result.max_per_day, result.max_day, result.max_days) == (2, D(2024, 1, 1), 2)
    assert highest_day_text(result) == "on 2 days, first 1 Jan 2024"


def test_one_highest_day_is_named_and_a_highest_of_0_names_none() -> None:
    attacks = attack_frame({"start": ["2024-01-01 08:00", "2024-01-01 09:00", "2024-01-03 08:00"]})
    result = figures(attacks, day_frame(), D(2024, 1, 1), D(2024, 1, 3))
    assert (result.max_days, highest_day_text(result)) == (1, "1 Jan 2024")
    none = figures(attack_frame(), day_frame({"date": ["2024-01-01"], "attacks": [0]}),
                   D(2024, 1, 1), D(2024, 1, 1))  # fmt: skip
    assert (none.max_per_day, none.max_days, highest_day_text(none)) == (0, 1, "")


def test_no_recorded_day_gives_unknowns_not_zeros() -> None:
    result = figures(attack_frame(), day_frame(), D(2024, 1, 1), D(2024, 1, 3))
    assert result.total == 0
    assert result.per_recorded_day is None
    assert result.max_per_day is None and result.max_day is None and result.max_days == 0
    assert result.intensity_median is None and result.intensity_max is None
    assert result.duration_median_s is None
    assert result.by_hour == (0,) * 24


def test_per_recorded_day_rounds_to_two_decimals() -> None:
    days = day_frame({"date": ["2024-01-01", "2024-01-02", "2024-01-03"], "attacks": [1, 0, 1]})
    assert figures(attack_frame(), days, D(2024, 1, 1), D(2024, 1, 3)).per_recorded_day == 0.67


@pytest.mark.parametrize(
    ("sides", "expected"),
    [
        ([], SideCounts()),
        (["left", "left"], SideCounts(left=2)),
        (["right", None, "both"], SideCounts(right=1, both=1, unknown=1)),
    ],
)
def test_side_counts(sides: list[str | None], expected: SideCounts) -> None:
    assert side_counts(pd.Series(sides, dtype="string")) == expected


def test_trigger_counts_sorted_by_count_then_name() -> None:
    triggers = pd.Series([("wind",), ("Eating",), ("talking",), ("breeze",), ("chewing",)])
    assert trigger_counts(triggers) == (
        TriggerCount("chewing", 2),
        TriggerCount("wind", 2),
        TriggerCount("talking", 1),
    )


def test_hour_counts_has_24_entries() -> None:
    starts = pd.Series(pd.to_datetime(["2024-01-01 00:30", "2024-01-01 23:10", "2024-01-02 23:00"]))
    counts = hour_counts(starts)
    assert len(counts) == 24 and counts[0] == 1 and counts[23] == 2


_NUMBERS = st.one_of(
    st.sampled_from([0.0, -0.0, 0.5, 3.0, 10.0, 7.25, NAN, 1e-320]),
    st.floats(-1e6, 1e6, allow_nan=False),
)


@given(st.lists(_NUMBERS, max_size=40), st.sampled_from(["float64", "Float64"]))
def test_median_is_the_value_pandas_gives(values: list[float], dtype: str) -> None:
    column = pd.Series(values, dtype="float64").astype(dtype)
    known = column.dropna()
    expected = None if known.empty else float(known.median())
    assert repr(_median(column)) == repr(expected)  # repr: -0.0 and 0.0 differ


@given(st.lists(st.sampled_from(["left", "right", "both", "Left", "middle", None]), max_size=30))
def test_side_counts_as_value_counts_counts_them(sides: list[str | None]) -> None:
    column = pd.Series(sides, dtype="string")
    counted = column.value_counts()
    expected = [int(counted.get(side, 0)) for side in ("left", "right", "both")]
    found = side_counts(column)
    assert [found.left, found.right, found.both] == expected
    assert found.unknown == len(sides) - sum(expected)


_MOMENTS = st.one_of(
    st.none(),
    st.datetimes(dt.datetime(1677, 9, 22), dt.datetime(2262, 4, 10)).map(
        lambda moment: moment.strftime("%Y-%m-%d %H:%M")
    ),
    st.sampled_from(["1969-12-31 23:59", "1970-01-01 00:00", "2024-03-01 00:00"]),
)
_DAYS = st.one_of(
    st.dates(D(1677, 9, 22), D(2262, 4, 10)), st.sampled_from([D(1969, 12, 31), D(2024, 3, 1)])
)


@given(st.lists(_MOMENTS, max_size=12), _DAYS, _DAYS)
def test_attacks_in_period_as_normalised_days_give_them(
    starts: list[str | None], start: dt.date, end: dt.date
) -> None:
    attacks = attack_frame({"start": starts})
    days = attacks["start"].dt.normalize()  # the pandas recipe
    expected = attacks.loc[(days >= pd.Timestamp(start)) & (days <= pd.Timestamp(end))]
    pd.testing.assert_frame_equal(attacks_in_period(attacks, start, end), expected)

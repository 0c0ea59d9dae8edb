"""Trend: the last 28 days against the 28 before, halves of a shorter period."""

from __future__ import annotations

import pandas as pd
import pytest

from tnprep.analysis.trend import per_recorded_day, trend
from tnprep.summary import Trend


def table(attacks: list[float | None]) -> pd.DataFrame:
    values = pd.Series([float("nan") if value is None else value for value in attacks], dtype=float)
    index = pd.date_range("2024-01-01", periods=len(attacks), freq="D")
    return pd.DataFrame(
        {"attacks": values.to_numpy(), "recorded": values.notna().to_numpy()}, index=index
    )


def test_full_windows_of_28_days_with_gaps() -> None:
    # 60 days: the first 4 fall in no window; previous = days 5–32, recent = days 33–60.
    previous = [1.0] * 20 + [None] * 8  # 20 attacks on 20 recorded days
    recent = [2.0] * 14 + [1.0] * 7 + [None] * 7  # 35 attacks on 21 recorded days
    result = trend(table([9.0] * 4 + previous + recent))
    assert result == Trend(
        window_days=28,
        recent_per_day=1.67,
        previous_per_day=1.0,
        recent_days_recorded=21,
        previous_days_recorded=20,
        ratio=1.67,
    )
    assert result.change_percent == 67


def test_short_period_uses_halves_and_drops_the_first_odd_day() -> None:
    # 7 days: window 3; day 1 belongs to neither window.
    result = trend(table([100.0, 1.0, 1.0, 1.0, 2.0, 2.0, 2.0]))
    assert (result.window_days, result.previous_per_day, result.recent_per_day) == (3, 1.0, 2.0)
    assert result.ratio == 2.0


def test_ratio_uses_unrounded_rates() -> None:
    # previous 1/3 per day, recent 2/3 per day: ratio exactly 2, not 0.67 / 0.33.
    result = trend(table([1.0, 0.0, 0.0, 1.0, 1.0, 0.0]))
    assert (result.previous_per_day, result.recent_per_day, result.ratio) == (0.33, 0.67, 2.0)


@pytest.mark.parametrize(
    ("attacks", "expected"),
    [
        ([], Trend(0, None, None, 0, 0, None)),
        ([3.0], Trend(0, None, None, 0, 0, None)),
        ([0.0, 2.0], Trend(1, 2.0, 0.0, 1, 1, None)),
        ([None, 2.0], Trend(1, 2.0, None, 1, 0, None)),
        ([None, None], Trend(1, None, None, 0, 0, None)),
    ],
)
def test_edges(attacks: list[float | None], expected: Trend) -> None:
    assert trend(table(attacks)) == expected


def test_per_recorded_day_ignores_gaps() -> None:
    days = table([2.0, None, 4.0])
    assert per_recorded_day(days["attacks"], days["recorded"]) == 3.0

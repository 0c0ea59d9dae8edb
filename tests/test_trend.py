"""Trend: the last 28 days against the 28 before, halves of a shorter period."""

from __future__ import annotations

import pandas as pd
import pytest

from tnprep.analysis.trend import per_recorded_day, trend
from tnprep.summary import Trend, TrendWithheld


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
        recent_attacks=35,
        previous_attacks=20,
    )
    assert result.change_percent == 67


def test_short_period_uses_halves_and_drops_the_first_odd_day() -> None:
    # 29 days: window 14; day 1 belongs to neither window.
    result = trend(table([100.0] + [1.0] * 14 + [2.0] * 14))
    assert (result.window_days, result.previous_per_day, result.recent_per_day) == (14, 1.0, 2.0)
    assert (result.ratio, result.reason, result.computed) == (2.0, None, True)


def test_ratio_uses_unrounded_rates() -> None:
    # previous 2/3 per day, recent 4/3 per day: ratio exactly 2, not 1.33 / 0.67 (1.99).
    result = trend(table([2.0, 0.0, 0.0] * 7 + [2.0, 2.0, 0.0] * 7))  # windows of 21 days
    assert (result.previous_per_day, result.recent_per_day, result.ratio) == (0.67, 1.33, 2.0)


WITHHELD = TrendWithheld.PERIOD_TOO_SHORT


@pytest.mark.parametrize(
    ("attacks", "expected"),
    [
        ([], Trend(0, None, None, 0, 0, None, WITHHELD)),
        ([3.0], Trend(0, None, None, 0, 0, None, WITHHELD)),
        ([0.0, 2.0], Trend(1, 2.0, 0.0, 1, 1, None, WITHHELD, 2, 0)),
        ([None, 2.0], Trend(1, 2.0, None, 1, 0, None, WITHHELD, 2, 0)),
        ([None, None], Trend(1, None, None, 0, 0, None, WITHHELD, 0, 0)),
    ],
)
def test_edges(attacks: list[float | None], expected: Trend) -> None:
    assert trend(table(attacks)) == expected


@pytest.mark.parametrize(
    ("attacks", "window", "reason"),
    [
        # The real CHT export's shape: 4 days, a "trend" of 2 against 2 days (regression).
        ([1.0, 1.0, 0.0, 1.0], 2, TrendWithheld.PERIOD_TOO_SHORT),
        ([1.0] * 27, 13, TrendWithheld.PERIOD_TOO_SHORT),
        # 28 days is the shortest period with a trend: 14 against 14.
        ([2.0] * 7 + [None] * 7 + [4.0] * 7 + [None] * 7, 14, None),
        ([1.0] * 6 + [None] * 8 + [2.0] * 14, 14, TrendWithheld.TOO_FEW_RECORDED_DAYS),
        ([1.0] * 28 + [2.0] * 13 + [None] * 15, 28, TrendWithheld.TOO_FEW_RECORDED_DAYS),
        ([0.0] * 28 + [2.0] * 28, 28, TrendWithheld.NO_EARLIER_ATTACKS),
        ([None] * 28 + [2.0] * 28, 28, TrendWithheld.TOO_FEW_RECORDED_DAYS),
        # asmith's real diary: 5 attacks, then 10, in 28 recorded days each (was "+100 %")
        ([1.0] * 5 + [0.0] * 23 + [1.0] * 10 + [0.0] * 18, 28, TrendWithheld.TOO_FEW_ATTACKS),
        ([1.0] * 10 + [0.0] * 18 + [1.0] * 9 + [0.0] * 19, 28, TrendWithheld.TOO_FEW_ATTACKS),
        # 10 in each window is the fewest with a stated change (MIN_TREND_ATTACKS)
        ([1.0] * 10 + [0.0] * 18 + [1.0] * 10 + [0.0] * 18, 28, None),
    ],
)
def test_minimum_data_for_a_trend(
    attacks: list[float | None], window: int, reason: TrendWithheld | None
) -> None:
    result = trend(table(attacks))
    assert (result.window_days, result.reason, result.computed) == (window, reason, reason is None)
    if reason is not None:
        assert (result.ratio, result.change_percent) == (None, None)


def test_per_recorded_day_ignores_gaps() -> None:
    days = table([2.0, None, 4.0])
    assert per_recorded_day(days["attacks"], days["recorded"]) == 3.0

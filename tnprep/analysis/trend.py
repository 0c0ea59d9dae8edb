"""Trend: attacks per recorded day in the most recent window against the window before it.

Windows are 28 days each; when the period is shorter than 56 days each window is half the
period (rounded down; with an odd number of days the first period day belongs to neither).
The windows end on the period's last day. Decisions are documented in docs/figures.md.
"""

from __future__ import annotations

import pandas as pd

from tnprep.summary import Trend

WINDOW_DAYS = 28
"""Length of each trend window when the period has at least twice as many days."""


def per_recorded_day(attacks: pd.Series, recorded: pd.Series) -> float | None:
    """Return attacks ÷ recorded days over the given days, ``None`` with no recorded day.

    Args:
        attacks: Attack counts per day (NaN on gaps).
        recorded: Whether each day is recorded.

    Returns:
        The unrounded rate, so ratios built from it are not skewed by rounding.
    """
    days_recorded = int(recorded.sum())
    if days_recorded == 0:
        return None
    return float(attacks[recorded].sum()) / days_recorded


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def trend(table: pd.DataFrame) -> Trend:
    """Return the trend over a per-day table from ``coverage.day_table``.

    Args:
        table: One row per period day with ``attacks`` and ``recorded``.

    Returns:
        A ``Trend``; ``ratio`` is ``None`` when either rate is unknown or the earlier one is 0.
    """
    window = min(WINDOW_DAYS, len(table) // 2)
    if window == 0:
        return Trend(0, None, None, 0, 0, None)
    recent = table.iloc[len(table) - window :]
    previous = table.iloc[len(table) - 2 * window : len(table) - window]
    recent_rate = per_recorded_day(recent["attacks"], recent["recorded"])
    previous_rate = per_recorded_day(previous["attacks"], previous["recorded"])
    ratio = None
    if recent_rate is not None and previous_rate:
        ratio = round(recent_rate / previous_rate, 2)
    return Trend(
        window_days=window,
        recent_per_day=_rounded(recent_rate),
        previous_per_day=_rounded(previous_rate),
        recent_days_recorded=int(recent["recorded"].sum()),
        previous_days_recorded=int(previous["recorded"].sum()),
        ratio=ratio,
    )

"""Trend: attacks per recorded day in the most recent window against the window before it.

Windows are 28 days each; when the period is shorter than 56 days each window is half the
period (rounded down; with an odd number of days the first period day belongs to neither).
The windows end on the period's last day. The change is stated only with enough data: each
window at least ``MIN_TREND_WINDOW_DAYS`` long (a period of 28 days or more), at least half
recorded, and at least ``MIN_TREND_ATTACKS`` attacks in each; otherwise ``Trend.reason`` says why
it is withheld. Decisions (and the reason for the
minimum) are documented in docs/figures.md *Trend*.
"""

from __future__ import annotations

import pandas as pd

from tnprep.summary import Trend, TrendWithheld

WINDOW_DAYS = 28
"""Length of each trend window when the period has at least twice as many days."""

MIN_TREND_WINDOW_DAYS = 14
"""Shortest window whose change is stated (a tnprep choice, docs/figures.md *Trend*): two whole
weeks in each window, so a weekday pattern weighs the same in both and a bout of a few days
cannot make a trend on its own. Below it (a period under 28 days) the change is withheld."""

MIN_TREND_ATTACKS = 10
"""Fewest attacks in each window for a percentage change (a tnprep choice, docs/figures.md
*Trend*). A count is a sample: the exact Poisson 95 % interval of 5 attacks is 1.6–11.7 (Garwood,
Biometrika 1936;28:437–442), so 10 attacks against 5 — asmith's "+100 %" — is also what an
unchanged rate gives (two-sided exact test of 10 of 15 against an even split: p = 0.30)."""


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
        A ``Trend``; ``ratio`` is ``None`` and ``reason`` says why when the change is withheld.
    """
    window = min(WINDOW_DAYS, len(table) // 2)
    if window == 0:
        return Trend(0, None, None, 0, 0, None, TrendWithheld.PERIOD_TOO_SHORT)
    recent = table.iloc[len(table) - window :]
    previous = table.iloc[len(table) - 2 * window : len(table) - window]
    recent_rate = per_recorded_day(recent["attacks"], recent["recorded"])
    previous_rate = per_recorded_day(previous["attacks"], previous["recorded"])
    recent_days, previous_days = int(recent["recorded"].sum()), int(previous["recorded"].sum())
    counts = _attacks(recent), _attacks(previous)
    reason = withheld(window, recent_days, previous_days, previous_rate) or _too_few(*counts)
    ratio = None
    if reason is None and recent_rate is not None and previous_rate:
        ratio = round(recent_rate / previous_rate, 2)
    return Trend(
        window_days=window,
        recent_per_day=_rounded(recent_rate),
        previous_per_day=_rounded(previous_rate),
        recent_days_recorded=recent_days,
        previous_days_recorded=previous_days,
        ratio=ratio,
        reason=reason,
        recent_attacks=counts[0],
        previous_attacks=counts[1],
    )


def _attacks(window: pd.DataFrame) -> int:
    """Attacks on the window's recorded days (a daily log's counts are whole numbers)."""
    return round(float(window.loc[window["recorded"], "attacks"].sum()))


def _too_few(recent: int, previous: int) -> TrendWithheld | None:
    """``TOO_FEW_ATTACKS`` when either window has fewer than ``MIN_TREND_ATTACKS`` attacks."""
    return TrendWithheld.TOO_FEW_ATTACKS if min(recent, previous) < MIN_TREND_ATTACKS else None


def withheld(
    window: int, recent_days: int, previous_days: int, previous_rate: float | None
) -> TrendWithheld | None:
    """Return why the change of a trend is not stated, ``None`` when it is.

    Args:
        window: Days in each window.
        recent_days: Recorded days in the recent window.
        previous_days: Recorded days in the window before.
        previous_rate: Attacks per recorded day in the window before (``None``: none recorded).
    """
    if window < MIN_TREND_WINDOW_DAYS:
        return TrendWithheld.PERIOD_TOO_SHORT
    if min(recent_days, previous_days) * 2 < window:
        return TrendWithheld.TOO_FEW_RECORDED_DAYS
    if not previous_rate:
        return TrendWithheld.NO_EARLIER_ATTACKS
    return None

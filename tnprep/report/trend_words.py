"""Words for the attack trend, shared by the page's 'at a glance' tile and the app's metric.

Both say the same thing: the change when the analysis computed it, otherwise why it was not
computed (``Trend.reason``; the minimum is explained in docs/figures.md *Trend*). The arrow is
never drawn from a withheld trend.
"""

from __future__ import annotations

from tnprep.analysis.trend import MIN_TREND_WINDOW_DAYS
from tnprep.report.wording import number_text
from tnprep.summary import Trend, TrendWithheld


def trend_label(trend: Trend) -> str:
    """'Trend, last 28 days', or 'Trend' when the period was too short for a window."""
    if trend.reason is TrendWithheld.PERIOD_TOO_SHORT:
        return "Trend"
    return f"Trend, last {trend.window_days} days"


def trend_value(trend: Trend) -> str:
    """'↑ +30 %', '↓ -50 %', '→ +0 %', or '–' when the change is not computed."""
    change = trend.change_percent
    if not trend.computed or change is None:
        return "–"
    arrow = "↑" if change > 0 else "↓" if change < 0 else "→"
    return f"{arrow} {change:+d} %"


def trend_detail(trend: Trend) -> str:
    """The rates compared, or why the change is not computed (plain words, no advice)."""
    window = trend.window_days
    if trend.computed:
        recent, previous = number_text(trend.recent_per_day), number_text(trend.previous_per_day)
        return f"{recent} vs {previous} a day in the {window} before"
    return f"not computed: {withheld_text(trend)}"


def withheld_text(trend: Trend) -> str:
    """Why a trend is not computed, e.g. 'period under 28 days' (the page's tile has 2 lines)."""
    needed = 2 * MIN_TREND_WINDOW_DAYS
    if trend.reason is TrendWithheld.PERIOD_TOO_SHORT:
        return f"period under {needed} days"
    window = trend.window_days
    if trend.reason is TrendWithheld.TOO_FEW_RECORDED_DAYS:
        if trend.recent_days_recorded * 2 < window:
            return f"{trend.recent_days_recorded} of last {window} recorded"
        return f"{trend.previous_days_recorded} of prior {window} recorded"
    if trend.reason is TrendWithheld.NO_EARLIER_ATTACKS:
        return f"no attack in prior {window} days"
    if trend.reason is TrendWithheld.TOO_FEW_ATTACKS:
        # the counts, last window first: "10 vs 5" reads like the computed "0.36 vs 0.18 a day"
        return f"too few attacks ({trend.recent_attacks} vs {trend.previous_attacks})"
    return "not enough data"

"""Before and after each treatment change: did attacks change?

For a change on day D (start, stop or dose change known to the day, inside the period):
the *before* window is days D−28 … D−1; the *after* window is days D+15 … D+42 (days
15–42 after, so the first two weeks of titration are skipped). Each window reports
attacks per recorded day and the median intensity of its attack rows. With fewer than 14
recorded days in either window the comparison is marked "not enough data". Days outside
the period are not recorded, so windows are effectively clipped to the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

import pandas as pd

from tnprep.analysis.trend import per_recorded_day
from tnprep.summary import BeforeAfter, ChangeKind, WindowFigures

BEFORE_DAYS = 28
"""Days before the change that are compared."""
AFTER_FIRST_DAY = 15
"""First day after the change that counts (titration skipped)."""
AFTER_LAST_DAY = 42
"""Last day after the change that counts."""
MINIMUM_RECORDED_DAYS = 14
"""Fewer recorded days than this in either window means "not enough data"."""


class Change(Protocol):
    """What ``before_after`` needs of a treatment change (``treatments.TreatmentChange``)."""

    @property
    def treatment(self) -> str:
        """The treatment's name."""

    @property
    def change(self) -> ChangeKind:
        """Start, stop or dose change."""

    @property
    def date(self) -> dt.date:
        """The day of the change."""


def window_figures(
    attacks: pd.DataFrame, table: pd.DataFrame, first_day: dt.date, last_day: dt.date
) -> WindowFigures:
    """Return attack figures over the days ``first_day`` … ``last_day`` inclusive.

    Args:
        attacks: Attack-log rows inside the period.
        table: The period's per-day table from ``coverage.day_table``.
        first_day: First day of the window.
        last_day: Last day of the window.
    """
    days = table.loc[pd.Timestamp(first_day) : pd.Timestamp(last_day)]
    recorded = days["recorded"].astype(bool)
    rate = per_recorded_day(days["attacks"], recorded)
    starts = attacks["start"].dt.normalize()
    inside = (starts >= pd.Timestamp(first_day)) & (starts <= pd.Timestamp(last_day))
    intensities = attacks.loc[inside, "intensity"].dropna()
    return WindowFigures(
        first_day=first_day,
        last_day=last_day,
        days_recorded=int(recorded.sum()),
        per_recorded_day=None if rate is None else round(rate, 2),
        intensity_median=None if intensities.empty else float(intensities.median()),
    )


def before_after(
    changes: Iterable[Change], attacks: pd.DataFrame, table: pd.DataFrame
) -> tuple[BeforeAfter, ...]:
    """Return a before/after comparison for each change, in date then name order.

    Args:
        changes: Treatment changes inside the period.
        attacks: Attack-log rows inside the period.
        table: The period's per-day table from ``coverage.day_table``.
    """
    results = []
    for change in sorted(changes, key=lambda item: (item.date, item.treatment)):
        day = change.date
        before = window_figures(
            attacks, table, day - dt.timedelta(days=BEFORE_DAYS), day - dt.timedelta(days=1)
        )
        after = window_figures(
            attacks,
            table,
            day + dt.timedelta(days=AFTER_FIRST_DAY),
            day + dt.timedelta(days=AFTER_LAST_DAY),
        )
        enough = min(before.days_recorded, after.days_recorded) >= MINIMUM_RECORDED_DAYS
        results.append(
            BeforeAfter(change.treatment, change.change, day, before, after, enough_data=enough)
        )
    return tuple(results)

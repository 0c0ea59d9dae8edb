"""Before and after each treatment change: what the diary can and cannot say.

For a change on day D (start, stop or dose change known to the day, inside the period) the
*before* window is days D−28 … D−1 and the *after* window depends on the kind of treatment
(``AFTER_WINDOWS``, docs/figures.md *Before and after*):

- drugs and procedures: days 15–42 (the first two weeks of titration or recovery skipped);
- lamotrigine: days 43–70 — its titration (25 mg for 2 weeks, 50 mg for 1 week, then +50 mg a
  week; Lambru et al., Pract Neurol 2021;21:392–402, table 5) takes about six weeks to 200 mg;
- stereotactic radiosurgery: days 91–180 — relief can be delayed (in a Marseille series of 497
  patients, 454 became pain free a median 10 days after Gamma Knife surgery, range 1–459 days;
  docs/clinical-sources.md), so it is not judged within its first three months (a tnprep choice,
  not a published cut-off).

A figure is claimed only when it can be: the verdict is *too early* when the after window ends
after the period, *overlapping change* when another change falls between the before window's
first day and the after window's last day (both changes share the windows, so neither owns the
difference), and *not enough data* with fewer than 14 recorded days in either window. Days
outside the period are not recorded, so windows are effectively clipped to the period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

import numpy as np
import pandas as pd

from tnprep.catalogue import Role, lookup
from tnprep.summary import BeforeAfter, ChangeKind, Verdict, WindowFigures

BEFORE_DAYS = 28
"""Days before the change that are compared."""
AFTER_FIRST_DAY = 15
"""First day after the change that counts for drugs and procedures (titration skipped)."""
AFTER_LAST_DAY = 42
"""Last day after the change that counts for drugs and procedures."""
AFTER_WINDOWS: dict[str, tuple[int, int]] = {
    "drug": (AFTER_FIRST_DAY, AFTER_LAST_DAY),
    "procedure": (AFTER_FIRST_DAY, AFTER_LAST_DAY),
    # Lamotrigine titration, Lambru et al. 2021 table 5: 25 mg 2 weeks, 50 mg 1 week, +50 mg/week.
    "lamotrigine": (43, 70),
    # Radiosurgery: relief can be delayed (median 10 days, range 1–459, in a Marseille series of
    # 497 patients); tnprep waits three months — its own choice, not a published cut-off.
    "radiosurgery": (91, 180),
}
"""Window rule → (first, last) day after the change that count."""
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
    # Plain numpy over the table's and the attacks' columns (called twice per change: the
    # pandas slicing and masking took ~0.4 ms a window); the same figures as before,
    # tests/test_day_table_parity.py checks them against the pandas recipe.
    window_start, window_end = pd.Timestamp(first_day), pd.Timestamp(last_day)
    low = table.index.searchsorted(window_start, side="left")
    high = max(table.index.searchsorted(window_end, side="right"), low)
    recorded = table["recorded"].to_numpy(dtype=bool)[low:high]
    days_recorded = int(recorded.sum())
    counts = table["attacks"].to_numpy(dtype="float64")[low:high][recorded]
    rate = float(np.nansum(counts)) / days_recorded if days_recorded else None
    starts = attacks["start"].to_numpy(dtype="datetime64[ns]")
    next_day = window_end + pd.Timedelta(days=1)
    inside = (starts >= window_start.to_datetime64()) & (starts < next_day.to_datetime64())
    intensities = attacks["intensity"].to_numpy(dtype="float64")[inside]
    intensities = intensities[~np.isnan(intensities)]
    return WindowFigures(
        first_day=first_day,
        last_day=last_day,
        days_recorded=days_recorded,
        per_recorded_day=None if rate is None else round(rate, 2),
        intensity_median=float(np.median(intensities)) if len(intensities) else None,
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
    ordered = sorted(changes, key=lambda item: (item.date, item.treatment))
    period_end = table.index.max().date() if len(table) else None
    results = []
    for change in ordered:
        day, rule = change.date, window_rule(change.treatment)
        first, last = AFTER_WINDOWS[rule]
        before = window_figures(
            attacks, table, day - dt.timedelta(days=BEFORE_DAYS), day - dt.timedelta(days=1)
        )
        after = window_figures(
            attacks, table, day + dt.timedelta(days=first), day + dt.timedelta(days=last)
        )
        enough = min(before.days_recorded, after.days_recorded) >= MINIMUM_RECORDED_DAYS
        overlapping = _overlapping(change, ordered, before.first_day, after.last_day)
        verdict = _verdict(enough, overlapping, after.last_day, period_end)
        results.append(
            BeforeAfter(
                change.treatment,
                change.change,
                day,
                before,
                after,
                enough,
                verdict,
                overlapping,
                rule,
            )
        )
    return tuple(results)


def window_rule(treatment: str) -> str:
    """The after-window rule for a treatment: 'lamotrigine', 'radiosurgery', 'procedure', 'drug'."""
    entry = lookup(treatment)
    if entry is None:
        return "drug"
    if entry.name == "lamotrigine":
        return "lamotrigine"
    if entry.role is Role.RADIOSURGERY:
        return "radiosurgery"
    if entry.role in {Role.SURGICAL, Role.PERCUTANEOUS, Role.NERVE_BLOCK}:
        return "procedure"
    return "drug"


_CHANGE_WORDS = {ChangeKind.START: "started", ChangeKind.STOP: "stopped",
                 ChangeKind.DOSE_CHANGE: "dose changed"}  # fmt: skip


def _overlapping(
    change: Change, changes: Iterable[Change], first_day: dt.date, last_day: dt.date
) -> tuple[str, ...]:
    """Other changes from ``first_day`` to ``last_day``: 'oxcarbazepine dose changed 2024-03-15'."""
    return tuple(
        f"{other.treatment} {_CHANGE_WORDS[other.change]} {other.date.isoformat()}"
        for other in changes
        if other is not change
        and first_day <= other.date <= last_day
        and not (other.treatment == change.treatment and other.date == change.date)
    )


def _verdict(
    enough: bool, overlapping: tuple[str, ...], after_last: dt.date, period_end: dt.date | None
) -> Verdict:
    if period_end is None or after_last > period_end:
        return Verdict.TOO_EARLY
    if overlapping:
        return Verdict.OVERLAPPING
    return Verdict.COMPARED if enough else Verdict.NOT_ENOUGH_DATA

"""Pandas recipes as they were before session 3 (issue 15), kept as references.

``coverage.day_table``, ``coverage.attack_log_file_spans``, ``before_after.window_figures`` and
``attacks.hour_counts`` now work on numpy arrays; tests/test_day_table_parity.py checks each
against its copy here. Copied from tnprep/analysis/coverage.py, before_after.py and
attacks.py at 94166c2 (only the imports added; since session 6 the day table takes pain-0 days
with the event-log days, `coverage.logged_days`).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tnprep.analysis.attacks import HOURS
from tnprep.analysis.coverage import (
    DAY_TABLE_COLUMNS,
    attack_log_spans,
    attacks_in_period,
    days_in_period,
    is_event_log,
    logged_days,
)
from tnprep.analysis.trend import per_recorded_day
from tnprep.model import SILENCE_DAYS, Diary, DiaryShape, SilenceRule
from tnprep.summary import WindowFigures


def day_table(
    diary: Diary,
    start: dt.date,
    end: dt.date,
    silences: SilenceRule = SilenceRule.ATTACK_FREE,
) -> pd.DataFrame:
    """Return one row per period day with its attack count, coverage and conflict flag.

    Args:
        diary: All diary files of the patient.
        start: First day of the period (inclusive).
        end: Last day of the period (inclusive); an empty table when before ``start``.
        silences: How the days of a long silence count: attack-free (SPEC's rule) or gaps.

    Returns:
        A frame indexed by day with ``DAY_TABLE_COLUMNS``: ``attacks`` is NaN on gaps,
        ``silent`` marks the days of long silences (whichever way they were counted).
    """
    index = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D", unit="ns")
    table = pd.DataFrame(index=index)
    span_covered = _covered(index, attack_log_spans(diary))
    logged = pd.Series(index.isin(_midnights(logged_days(diary))), index=index)
    table["attack_log_covered"] = span_covered | logged
    attacks = attacks_in_period(diary.attacks, start, end)
    per_day = attacks["start"].dt.normalize().value_counts()
    counts = per_day.reindex(index, fill_value=0).astype("float64")
    daily = _daily_by_date(days_in_period(diary.days, start, end)).reindex(index)
    quiet = span_covered & ~logged & (counts == 0) & daily["highest"].isna()
    table["silent"] = long_runs(quiet, SILENCE_DAYS)
    counted = table["attack_log_covered"]
    if silences is SilenceRule.UNRECORDED:
        counted = counted & ~table["silent"]
    table["attack_log_count"] = counts.where(counted)
    table["daily_count"] = daily["highest"]
    table["attacks"] = table[["attack_log_count", "daily_count"]].max(axis=1)
    table["recorded"] = table["attacks"].notna()
    table["conflict"] = _conflicts(table["attack_log_count"], daily)
    intensity = attacks.groupby(attacks["start"].dt.normalize())["intensity"].max()
    worst = pd.concat([intensity.reindex(index), daily["worst"]], axis=1).max(axis=1)
    table["worst_intensity"] = worst
    return table[list(DAY_TABLE_COLUMNS)]


def long_runs(days: pd.Series, minimum: int) -> pd.Series:
    """Return ``days`` kept only where it is part of a run of ``minimum`` or more True days."""
    run_id = (days != days.shift()).cumsum()
    sizes = days.groupby(run_id).transform("size")
    return (days & (sizes >= minimum)).astype(bool)


def _covered(index: pd.DatetimeIndex, spans: tuple[tuple[dt.date, dt.date], ...]) -> pd.Series:
    # One vectorised comparison per file (a handful), never one per row.
    covered = pd.Series(False, index=index)
    for first, last in spans:
        covered |= (index >= pd.Timestamp(first)) & (index <= pd.Timestamp(last))
    return covered


def _midnights(days: frozenset[dt.date]) -> pd.DatetimeIndex:
    return pd.DatetimeIndex([pd.Timestamp(day) for day in days], dtype="datetime64[ns]")


def _daily_by_date(days: pd.DataFrame) -> pd.DataFrame:
    counts = days["attacks"].astype("float64")
    grouped = pd.DataFrame(
        {"count": counts, "worst": days["worst_intensity"], "date": days["date"]}
    ).groupby("date")
    return pd.DataFrame(
        {
            "highest": grouped["count"].max(),
            "lowest": grouped["count"].min(),
            "worst": grouped["worst"].max(),
        }
    )


def _conflicts(attack_log_count: pd.Series, daily: pd.DataFrame) -> pd.Series:
    # Sources disagree when a daily count differs from the attack log's, or daily logs
    # listing the same day differ among themselves; NaN comparisons are False.
    highest, lowest = daily["highest"], daily["lowest"]
    against_log = (highest != attack_log_count) | (lowest != attack_log_count)
    with_log = attack_log_count.notna() & highest.notna() & against_log
    between_daily = highest.notna() & (highest != lowest)
    return (with_log | between_daily).astype(bool)


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


def attack_log_file_spans(diary: Diary) -> tuple[tuple[str, dt.date, dt.date], ...]:
    """Return each attack log's (file, first, last attack date), sorted (``attack_log_spans``)."""
    starts_by_file: dict[str, pd.Series] = {
        str(name): group["start"] for name, group in diary.attacks.groupby("file", dropna=False)
    }
    for diary_file in diary.files:
        if diary_file.shape is DiaryShape.ATTACK_LOG and len(diary_file.table):
            starts_by_file[diary_file.file] = diary_file.table["start"]
    for diary_file in diary.files:
        if is_event_log(diary_file):
            starts_by_file.pop(diary_file.file, None)
    spans = ((file, _span(starts)) for file, starts in starts_by_file.items())
    return tuple(sorted((file, *span) for file, span in spans if span is not None))


def _span(starts: pd.Series) -> tuple[dt.date, dt.date] | None:
    known = starts.dropna()
    if known.empty:
        return None
    return (known.min().date(), known.max().date())


def hour_counts(starts: pd.Series) -> tuple[int, ...]:
    """Return 24 counts of attack starts by local hour 0–23."""
    counts = starts.dropna().dt.hour.value_counts().reindex(range(HOURS), fill_value=0)
    return tuple(int(count) for count in counts)

"""Coverage and the per-day table: which period days are recorded, and how many attacks each had.

SPEC *Meaning of the figures*: an attack log covers every day from its *own* first to its
last attack date (a day without rows is attack-free); a daily log covers only the days it
lists. Decisions (docs/figures.md): a daily-log row covers its day only when it gives an
attack count, since a row with only background pain says nothing about attacks; an **event
log** (a general tracker where only some rows are attacks) covers only the days on which it
has a row of any kind, so its quiet days are gaps, never attack-free; where the sources give
different counts for a day, the highest is used and the day is a conflict. A **long silence**
(``SILENCE_DAYS`` or more days that only an attack log's span covers, with no row in any diary)
is flagged in the ``silent`` column; ``SilenceRule.UNRECORDED`` makes its days gaps.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tnprep.model import SILENCE_DAYS, Diary, DiaryFile, DiaryShape, SilenceRule
from tnprep.summary import DayFigure

DAY_TABLE_COLUMNS = (
    "attack_log_covered",
    "attack_log_count",
    "daily_count",
    "attacks",
    "recorded",
    "conflict",
    "worst_intensity",
    "silent",
)
"""Columns of ``day_table``'s frame, indexed by the period's days (midnight timestamps)."""

_BOOLEAN_COLUMNS = ("attack_log_covered", "recorded", "conflict", "silent")


def attack_log_spans(diary: Diary) -> tuple[tuple[dt.date, dt.date], ...]:
    """Return each attack log's (first, last) attack date, one span per file.

    The span comes from the file's own used rows, so a file whose rows were all counted as
    duplicates of another file still covers its days. Files named only in ``diary.attacks``
    (no ``DiaryFile``) get their span from there.

    Returns:
        Spans sorted by first date.
    """
    spans = {(first, last) for _, first, last in attack_log_file_spans(diary)}
    return tuple(sorted(spans))


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


def is_event_log(diary_file: DiaryFile) -> bool:
    """Whether a file is an event log (a general tracker: only some of its rows are attacks)."""
    return diary_file.info.kind == "event log"


def event_log_days(diary: Diary) -> frozenset[dt.date]:
    """Return the days the event logs cover: days with a row of any kind in the file.

    A general tracker (Bearable, a symptom app) records a headache only on the days the user
    logged something; a day with no row at all says nothing, so it is a gap, not attack-free.
    The file's own attack days always count (an attack row is a row).
    """
    days: set[dt.date] = set()
    for diary_file in diary.files:
        if is_event_log(diary_file):
            days.update(diary_file.info.logged_days)
            days.update(diary_file.table["start"].dropna().dt.date)
    return frozenset(days)


def _span(starts: pd.Series) -> tuple[dt.date, dt.date] | None:
    known = starts.dropna()
    if known.empty:
        return None
    return (known.min().date(), known.max().date())


def attacks_in_period(attacks: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Return the attack rows whose start falls on a day from ``start`` to ``end`` inclusive."""
    days = attacks["start"].dt.normalize()
    inside = (days >= pd.Timestamp(start)) & (days <= pd.Timestamp(end))
    selected: pd.DataFrame = attacks.loc[inside]
    return selected


def days_in_period(days: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Return the daily-log rows dated from ``start`` to ``end`` inclusive."""
    dates = days["date"]
    return days.loc[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))]


def empty_day_table() -> pd.DataFrame:
    """Return a per-day table with no days (for a period that is unknown or empty)."""
    table = pd.DataFrame(index=pd.DatetimeIndex([], dtype="datetime64[ns]"))
    for column in DAY_TABLE_COLUMNS:
        dtype = "bool" if column in _BOOLEAN_COLUMNS else "float64"
        table[column] = pd.Series(dtype=dtype)
    return table


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
    logged = pd.Series(index.isin(_midnights(event_log_days(diary))), index=index)
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


def day_figures(table: pd.DataFrame) -> tuple[DayFigure, ...]:
    """Return a ``DayFigure`` per period day from ``day_table``'s frame, in date order."""
    attacks = [None if pd.isna(value) else int(value) for value in table["attacks"]]
    worst = [None if pd.isna(value) else float(value) for value in table["worst_intensity"]]
    dates = [timestamp.date() for timestamp in table.index]
    conflicts = [bool(value) for value in table["conflict"]]
    return tuple(
        DayFigure(date=day, attacks=count, worst_intensity=worst_intensity, conflict=conflict)
        for day, count, worst_intensity, conflict in zip(
            dates, attacks, worst, conflicts, strict=True
        )
    )


def gaps(table: pd.DataFrame) -> tuple[tuple[dt.date, dt.date], ...]:
    """Return the runs of unrecorded period days as (first, last) pairs, in date order."""
    unrecorded = ~table["recorded"].astype(bool)
    run_id = (unrecorded != unrecorded.shift()).cumsum()
    runs = pd.Series(table.index, index=table.index)[unrecorded].groupby(run_id[unrecorded])
    return tuple((run.iloc[0].date(), run.iloc[-1].date()) for _, run in runs)

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
from collections.abc import Collection
from math import isnan

import numpy as np
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
    own_tables = {
        diary_file.file: diary_file.table["start"]
        for diary_file in diary.files
        if diary_file.shape is DiaryShape.ATTACK_LOG and len(diary_file.table)
    }
    starts_by_file: dict[str, pd.Series] = {}
    if not _files_within(diary.attacks["file"], own_tables):
        # Grouped only when some attack row's file has no table of its own (it would be
        # replaced by that table): the grouping took ~0.3 ms for a typical patient.
        starts_by_file = {
            str(name): group["start"] for name, group in diary.attacks.groupby("file", dropna=False)
        }
    starts_by_file.update(own_tables)
    for diary_file in diary.files:
        if is_event_log(diary_file):
            starts_by_file.pop(diary_file.file, None)
    spans = ((file, _span(starts)) for file, starts in starts_by_file.items())
    return tuple(sorted((file, *span) for file, span in spans if span is not None))


def _files_within(files: pd.Series, names: dict[str, pd.Series]) -> bool:
    """Whether every value of ``files`` is one of ``names`` (none missing)."""
    return bool(in_files(files, names).all())


_FEW_FILES = 4
"""Up to this many names, one comparison per name beats hashing every row (``isin``)."""


def in_files(files: pd.Series, names: Collection[str]) -> np.ndarray:
    """Return, per row, whether its file is one of ``names`` (a missing file is not).

    A few names are compared one by one (Arrow compute on the text column, ~0.4 ms for 364,606
    rows); hashing every row (``isin``, ``unique``) took ~2 ms.
    """
    if len(names) > _FEW_FILES:
        return files.isin(list(names)).fillna(False).to_numpy(dtype=bool)
    found = np.zeros(len(files), dtype=bool)
    for name in names:
        found |= (files == name).fillna(False).to_numpy(dtype=bool)
    return found


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


def no_pain_days(diary: Diary) -> frozenset[dt.date]:
    """Return the days on which a diary has a row recording pain 0 (``DiaryInfo.no_pain_days``).

    Such a row is not an attack, but the person kept the diary that day and wrote "no pain": the
    day is recorded, with no attack from that row. It covers its own day only: it does not
    stretch an attack log's span (the span runs from attack to attack).
    """
    return frozenset(day for diary_file in diary.files for day in diary_file.info.no_pain_days)


def logged_days(diary: Diary) -> frozenset[dt.date]:
    """Return the days covered by a row rather than a span: event-log rows and pain-0 rows.

    A day with such a row is recorded (attack-free unless an attack is counted) and is never
    part of a long silence.
    """
    return event_log_days(diary) | no_pain_days(diary)


def _span(starts: pd.Series) -> tuple[dt.date, dt.date] | None:
    values = starts.to_numpy(dtype="datetime64[ns]")
    missing = np.isnat(values)
    known = values[~missing] if missing.any() else values  # no copy when every start is known
    if not len(known):
        return None
    return (pd.Timestamp(known.min()).date(), pd.Timestamp(known.max()).date())


def attacks_in_period(attacks: pd.DataFrame, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Return the attack rows whose start falls on a day from ``start`` to ``end`` inclusive."""
    # Compared as day numbers on numpy (normalising 364,606 starts first took ~3 ms).
    starts = attacks["start"].to_numpy(dtype="datetime64[ns]")
    days = starts.view("int64") // _DAY_NS
    first, last = ((day - _EPOCH).days for day in (start, end))
    inside = ~np.isnat(starts) & (days >= first) & (days <= last)
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
    # Built on plain numpy arrays, one slot per period day: a typical diary's ~90 days took
    # ~7 ms through ~60 small pandas calls (groupby, reindex, concat) and take ~1 ms here. The
    # figures are the same (tests/test_day_table_parity.py checks it against the pandas recipe).
    index = pd.date_range(pd.Timestamp(start), pd.Timestamp(end), freq="D", unit="ns")
    first_ns = pd.Timestamp(start).value
    size = len(index)
    span_covered = _covered_days(first_ns, size, attack_log_spans(diary))
    logged = _logged_days(first_ns, size, logged_days(diary))
    covered = span_covered | logged
    counts, intensity = _attack_days(diary.attacks, first_ns, size)
    highest, lowest, worst = _daily_days(diary.days, first_ns, size)
    quiet = span_covered & ~logged & (counts == 0) & np.isnan(highest)
    silent = _long_runs(quiet, SILENCE_DAYS)
    counted = covered & ~silent if silences is SilenceRule.UNRECORDED else covered
    attack_log_count = np.where(counted, counts, np.nan)
    attacks = np.fmax(attack_log_count, highest)
    columns = {
        "attack_log_covered": covered,
        "attack_log_count": attack_log_count,
        "daily_count": highest,
        "attacks": attacks,
        "recorded": ~np.isnan(attacks),
        "conflict": _conflict_days(attack_log_count, highest, lowest),
        "worst_intensity": np.fmax(intensity, worst),
        "silent": silent,
    }
    return pd.DataFrame(columns, index=index)


_DAY_NS = 86_400 * 10**9
_EPOCH = dt.date(1970, 1, 1)


def _day_slots(values: np.ndarray, first_ns: int, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (which values fall on a period day, the slot of each value inside).

    ``values`` are datetime64[ns]; a missing one (NaT) is never inside. Counted in whole days
    (``first_ns`` is a midnight): nanoseconds apart would overflow int64 over ~292 years.
    """
    slots = values.view("int64") // _DAY_NS - first_ns // _DAY_NS
    inside = ~np.isnat(values) & (slots >= 0) & (slots < size)
    return inside, slots[inside]


def _covered_days(
    first_ns: int, size: int, spans: tuple[tuple[dt.date, dt.date], ...]
) -> np.ndarray:
    covered = np.zeros(size, dtype=bool)
    for first, last in spans:
        low = max((pd.Timestamp(first).value - first_ns) // _DAY_NS, 0)
        high = min((pd.Timestamp(last).value - first_ns) // _DAY_NS + 1, size)
        if high > low:
            covered[low:high] = True
    return covered


def _logged_days(first_ns: int, size: int, days: frozenset[dt.date]) -> np.ndarray:
    logged = np.zeros(size, dtype=bool)
    for day in days:
        slot = (pd.Timestamp(day).value - first_ns) // _DAY_NS
        if 0 <= slot < size:
            logged[slot] = True
    return logged


def _attack_days(attacks: pd.DataFrame, first_ns: int, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Return each period day's attack count and worst intensity (NaN when none is known)."""
    starts = attacks["start"].to_numpy(dtype="datetime64[ns]")
    inside, slots = _day_slots(starts, first_ns, size)
    counts = np.bincount(slots, minlength=size).astype("float64")
    intensity = np.full(size, np.nan)
    np.fmax.at(intensity, slots, attacks["intensity"].to_numpy(dtype="float64")[inside])
    return counts, intensity


def _daily_days(
    days: pd.DataFrame, first_ns: int, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return each period day's highest and lowest daily count and worst daily intensity.

    Only rows dated at a period day's midnight count (as reindexing on the days did).
    """
    highest, lowest, worst = (np.full(size, np.nan) for _ in range(3))
    dates = days["date"].to_numpy(dtype="datetime64[ns]")
    inside, slots = _day_slots(dates, first_ns, size)
    midnight = dates.view("int64")[inside] % _DAY_NS == 0
    inside[inside] = midnight
    slots = slots[midnight]
    counts = days["attacks"].to_numpy(dtype="float64", na_value=np.nan)[inside]
    np.fmax.at(highest, slots, counts)
    np.fmin.at(lowest, slots, counts)
    np.fmax.at(worst, slots, days["worst_intensity"].to_numpy(dtype="float64")[inside])
    return highest, lowest, worst


def _long_runs(days: np.ndarray, minimum: int) -> np.ndarray:
    """``long_runs`` on a boolean array."""
    kept = np.zeros(len(days), dtype=bool)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], days.view("int8"), [0]))))
    for first, after in zip(edges[::2], edges[1::2], strict=True):
        if after - first >= minimum:
            kept[first:after] = True
    return kept


def _conflict_days(
    attack_log_count: np.ndarray, highest: np.ndarray, lowest: np.ndarray
) -> np.ndarray:
    # Sources disagree when a daily count differs from the attack log's, or daily logs
    # listing the same day differ among themselves (a NaN never differs here: each side is
    # checked as known first).
    known = ~np.isnan(highest)
    against_log = (highest != attack_log_count) | (lowest != attack_log_count)
    with_log = ~np.isnan(attack_log_count) & known & against_log
    between_daily = known & (highest != lowest)
    conflict: np.ndarray = with_log | between_daily
    return conflict


def day_figures(table: pd.DataFrame) -> tuple[DayFigure, ...]:
    """Return a ``DayFigure`` per period day from ``day_table``'s frame, in date order."""
    # Python floats and dates made by numpy and pandas in bulk (a ``pd.isna`` and a Timestamp
    # per day took ~4 ms for ten years).
    attacks = [None if isnan(value) else int(value) for value in _floats(table["attacks"])]
    worst = [None if isnan(value) else value for value in _floats(table["worst_intensity"])]
    dates = table.index.date.tolist()  # type: ignore[attr-defined]
    conflicts = table["conflict"].to_numpy(dtype=bool).tolist()
    return tuple(map(DayFigure, dates, attacks, worst, conflicts))


def _floats(column: pd.Series) -> list[float]:
    """The column's values as Python floats, NaN where missing."""
    values: list[float] = column.to_numpy(dtype="float64", na_value=np.nan).tolist()
    return values


def gaps(table: pd.DataFrame) -> tuple[tuple[dt.date, dt.date], ...]:
    """Return the runs of unrecorded period days as (first, last) pairs, in date order."""
    unrecorded = ~table["recorded"].astype(bool)
    run_id = (unrecorded != unrecorded.shift()).cumsum()
    runs = pd.Series(table.index, index=table.index)[unrecorded].groupby(run_id[unrecorded])
    return tuple((run.iloc[0].date(), run.iloc[-1].date()) for _, run in runs)

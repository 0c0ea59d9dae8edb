"""The per-day table and the before/after windows on numpy equal the pandas recipes (issue 15).

``tests/day_table_reference.py`` keeps the pandas ``day_table`` and ``window_figures`` as they
were; every diary of the sample, the test corpus, the shared real exports and Hypothesis-generated
diaries gives the same frame (values, dtypes, index and its frequency) both ways, for both silence
rules and for periods narrower and wider than the data, and the same figures for windows inside,
across and outside the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from day_table_reference import attack_log_file_spans as pandas_file_spans
from day_table_reference import day_table as pandas_day_table
from day_table_reference import hour_counts as pandas_hour_counts
from day_table_reference import window_figures as pandas_window_figures
from hypothesis import given, settings
from hypothesis import strategies as st
from test_coverage import attack_log, daily_log, diary

from tnprep.analysis import period_bounds, period_rows
from tnprep.analysis.attacks import hour_counts
from tnprep.analysis.before_after import window_figures
from tnprep.analysis.coverage import attack_log_file_spans, day_table
from tnprep.cli.batch import patient_sources
from tnprep.model import Diary, DiaryInfo, SilenceRule
from tnprep.pipeline import assemble, read_sources
from tnprep.samples import sample_sources

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = (ROOT / "tests" / "real" / "files", ROOT / ".." / "shared" / "real-exports")


def assert_same_tables(patient: Diary, first: dt.date, last: dt.date) -> None:
    """Both builds agree for both silence rules, and so do windows over the table."""
    for rule in SilenceRule:
        expected = pandas_day_table(patient, first, last, rule)
        pd.testing.assert_frame_equal(day_table(patient, first, last, rule), expected)
    table, attacks, _ = period_rows(patient, first, last)
    for offset, length in ((-40, 28), (-3, 10), (0, 0), (5, 27), (20, 40), (60, 28), (3, -2)):
        window_first = first + dt.timedelta(days=offset)
        window_last = window_first + dt.timedelta(days=length)
        expected_window = pandas_window_figures(attacks, table, window_first, window_last)
        assert window_figures(attacks, table, window_first, window_last) == expected_window


def assert_same_for_periods(patient: Diary) -> None:
    """The diary's own period, a wider one and a narrower one (when it has days)."""
    assert attack_log_file_spans(patient) == pandas_file_spans(patient)
    assert hour_counts(patient.attacks["start"]) == pandas_hour_counts(patient.attacks["start"])
    first, last = period_bounds(patient, None, None)
    if first is None or last is None:
        return
    week = dt.timedelta(days=7)
    assert_same_tables(patient, first, last)
    assert_same_tables(patient, first - week, last + week)
    if (last - first).days > 14:
        assert_same_tables(patient, first + week, last - week)


def corpus_folders() -> list[Path]:
    """Every folder of the corpus holding a file (each read as one patient's files)."""
    folders = {path.parent for base in FOLDERS if base.is_dir() for path in base.rglob("*")
               if path.is_file()}  # fmt: skip
    return sorted(folders)


def test_sample_diary_gives_the_same_table() -> None:
    assert_same_for_periods(assemble(read_sources(sample_sources())).diary)


@pytest.mark.parametrize("folder", corpus_folders(), ids=lambda path: path.name)
def test_corpus_diaries_give_the_same_table(folder: Path) -> None:
    assert_same_for_periods(assemble(read_sources(patient_sources(folder))).diary)


DAY_ONE = dt.datetime(2024, 1, 1)
offsets = st.integers(0, 70)
minutes = st.integers(0, 24 * 60 - 1)
intensities = st.one_of(st.just(float("nan")), st.integers(0, 10).map(float))


@st.composite
def attack_logs(draw: st.DrawFn, name: str) -> object:
    """An attack log of up to 40 rows on days 0–70, some without a start or an intensity."""
    rows = draw(st.lists(st.tuples(st.one_of(st.none(), offsets), minutes, intensities),
                         max_size=40))  # fmt: skip
    starts = [None if day is None else str(DAY_ONE + dt.timedelta(days=day, minutes=minute))
              for day, minute, _ in rows]  # fmt: skip
    log = attack_log(name, starts, [intensity for _, _, intensity in rows] or None)
    if draw(st.booleans()):
        return log
    logged = tuple(sorted({(DAY_ONE + dt.timedelta(days=day)).date()
                           for day in draw(st.lists(offsets, max_size=10))}))  # fmt: skip
    return replace(log, info=DiaryInfo(kind="event log", logged_days=logged))


@st.composite
def daily_logs(draw: st.DrawFn, name: str) -> object:
    """A daily log of up to 30 rows (days may repeat), counts and intensities sometimes blank."""
    rows = draw(st.lists(st.tuples(offsets, st.one_of(st.none(), st.integers(0, 9).map(float)),
                                   intensities), max_size=30))  # fmt: skip
    dates = [str((DAY_ONE + dt.timedelta(days=day)).date()) for day, _, _ in rows]
    return daily_log(name, dates, [count for _, count, _ in rows],
                     worst_intensity=[worst for _, _, worst in rows])  # fmt: skip


@st.composite
def diaries(draw: st.DrawFn) -> Diary:
    """Up to two attack or event logs and up to two daily logs; the first file's own table may be
    missing."""
    files = [draw(attack_logs(f"log{number}.csv")) for number in range(draw(st.integers(0, 2)))]
    files += [draw(daily_logs(f"day{number}.csv")) for number in range(draw(st.integers(0, 2)))]
    patient = diary(*files)
    if files and draw(st.booleans()):  # rows whose file has no DiaryFile (spans from the rows)
        patient = replace(patient, files=patient.files[1:])
    return patient


@settings(max_examples=150, deadline=None)
@given(diaries(), offsets, st.integers(0, 90))
def test_generated_diaries_give_the_same_table(patient: Diary, first: int, length: int) -> None:
    assert_same_for_periods(patient)
    start = (DAY_ONE + dt.timedelta(days=first - 10)).date()
    assert_same_tables(patient, start, start + dt.timedelta(days=length))


def test_a_period_of_centuries_gives_the_same_table() -> None:
    # Over ~292 years apart, nanoseconds overflow int64 (a fuzzed diary: 1708 to 2055).
    log = attack_log(
        "log.csv", ["1708-10-02 09:51", "2039-01-01 10:00", "2055-12-09 14:48"], [4, 6, None]
    )
    daily = daily_log("day.csv", ["1690-01-01", "2100-05-05", "2100-05-05"], [2, 3, 1])
    assert_same_for_periods(diary(log, daily))

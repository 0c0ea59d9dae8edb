"""Coverage and the per-day table: recorded days, gaps, conflicts, per-file attack-log spans."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from tnprep.analysis.coverage import (
    attack_log_spans,
    day_figures,
    day_table,
    empty_day_table,
    gaps,
)
from tnprep.ingest.frames import attack_frame, day_frame
from tnprep.model import DateOrderSource, Diary, DiaryFile, DiaryInfo, DiaryShape
from tnprep.summary import DayFigure

D = dt.date


def attack_log(file: str, starts: list[str], intensity: list[float] | None = None) -> DiaryFile:
    table = attack_frame(
        {
            "start": starts,
            "intensity": intensity or [float("nan")] * len(starts),
            "file": [file] * len(starts),
            "row": list(range(2, len(starts) + 2)),
        }
    )
    return diary_file(file, DiaryShape.ATTACK_LOG, table)


def daily_log(file: str, dates: list[str], attacks: list[float | None], **more: list) -> DiaryFile:
    columns = {"date": dates, "attacks": attacks, "file": [file] * len(dates), **more}
    return diary_file(file, DiaryShape.DAILY_LOG, day_frame(columns))


def diary_file(file: str, shape: DiaryShape, table: pd.DataFrame) -> DiaryFile:
    return DiaryFile(
        file=file,
        shape=shape,
        source_format="generic table",
        encoding="utf-8",
        delimiter=",",
        date_order=None,
        date_order_source=DateOrderSource.NOT_NEEDED,
        mapping=(),
        ignored_columns=(),
        rows_read=len(table),
        rows_rejected=0,
        table=table,
    )


def diary(*files: DiaryFile) -> Diary:
    attacks = [f.table for f in files if f.shape is DiaryShape.ATTACK_LOG]
    days = [f.table for f in files if f.shape is DiaryShape.DAILY_LOG]
    return Diary(
        files=files,
        attacks=pd.concat([attack_frame(), *attacks], ignore_index=True).sort_values("start"),
        days=pd.concat([day_frame(), *days], ignore_index=True).sort_values("date"),
        duplicates=0,
        issues=(),
    )


def counts(table: pd.DataFrame) -> dict[dt.date, int | None]:
    return {day.date: day.attacks for day in day_figures(table)}


def test_attack_log_covers_its_span_and_days_without_rows_are_attack_free() -> None:
    table = day_table(
        diary(attack_log("a.csv", ["2024-01-02 08:00", "2024-01-02 09:00", "2024-01-04 10:00"])),
        D(2024, 1, 1),
        D(2024, 1, 5),
    )
    assert counts(table) == {
        D(2024, 1, 1): None,
        D(2024, 1, 2): 2,
        D(2024, 1, 3): 0,
        D(2024, 1, 4): 1,
        D(2024, 1, 5): None,
    }
    assert gaps(table) == ((D(2024, 1, 1), D(2024, 1, 1)), (D(2024, 1, 5), D(2024, 1, 5)))


def test_two_attack_logs_cover_their_own_spans_only() -> None:
    first = attack_log("a.csv", ["2024-01-01 08:00", "2024-01-03 08:00"])
    second = attack_log("b.csv", ["2024-01-08 08:00", "2024-01-09 08:00", "2024-01-09 10:00"])
    table = day_table(diary(first, second), D(2024, 1, 1), D(2024, 1, 9))
    assert attack_log_spans(diary(first, second)) == (
        (D(2024, 1, 1), D(2024, 1, 3)),
        (D(2024, 1, 8), D(2024, 1, 9)),
    )
    assert [counts(table)[D(2024, 1, day)] for day in range(1, 10)] == [
        1, 0, 1, None, None, None, None, 1, 2,
    ]  # fmt: skip
    assert gaps(table) == ((D(2024, 1, 4), D(2024, 1, 7)),)
    assert int(table["recorded"].sum()) == 5


def test_daily_log_covers_only_the_days_it_lists() -> None:
    log = daily_log("d.csv", ["2024-01-01", "2024-01-03"], [0, 4])
    table = day_table(diary(log), D(2024, 1, 1), D(2024, 1, 4))
    assert counts(table) == {
        D(2024, 1, 1): 0,
        D(2024, 1, 2): None,
        D(2024, 1, 3): 4,
        D(2024, 1, 4): None,
    }


def test_daily_row_without_an_attack_count_does_not_record_the_day() -> None:
    log = daily_log("d.csv", ["2024-01-01", "2024-01-02"], [3, None], worst_intensity=[5, 8])
    figures = day_figures(day_table(diary(log), D(2024, 1, 1), D(2024, 1, 2)))
    assert figures == (
        DayFigure(D(2024, 1, 1), 3, 5.0, conflict=False),
        DayFigure(D(2024, 1, 2), None, 8.0, conflict=False),
    )


def test_daily_and_attack_log_conflict_takes_the_higher_count() -> None:
    attacks = attack_log(
        "a.csv", ["2024-01-01 08:00", "2024-01-01 09:00", "2024-01-03 08:00"], [4, 6, 3]
    )
    daily = daily_log(
        "d.csv",
        ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
        [2, 1, 1, 5],
        worst_intensity=[9, 2, float("nan"), 7],
    )
    figures = day_figures(day_table(diary(attacks, daily), D(2024, 1, 1), D(2024, 1, 4)))
    assert figures == (
        # attack log 2, daily log 2: agree; worst intensity from the daily log (9 > 6)
        DayFigure(D(2024, 1, 1), 2, 9.0, conflict=False),
        # attack log 0 (covered, no rows), daily log 1: conflict, higher is 1
        DayFigure(D(2024, 1, 2), 1, 2.0, conflict=True),
        # attack log 1, daily log 1
        DayFigure(D(2024, 1, 3), 1, 3.0, conflict=False),
        # outside the attack log's span: the daily log alone, no conflict
        DayFigure(D(2024, 1, 4), 5, 7.0, conflict=False),
    )


def test_attack_log_higher_than_daily_log_is_a_conflict_too() -> None:
    attacks = attack_log("a.csv", ["2024-01-01 08:00", "2024-01-01 09:00", "2024-01-01 10:00"])
    daily = daily_log("d.csv", ["2024-01-01"], [1])
    figures = day_figures(day_table(diary(attacks, daily), D(2024, 1, 1), D(2024, 1, 1)))
    assert figures == (DayFigure(D(2024, 1, 1), 3, None, conflict=True),)


def test_two_daily_logs_that_differ_conflict() -> None:
    first = daily_log("d1.csv", ["2024-01-01", "2024-01-02"], [2, 3])
    second = daily_log("d2.csv", ["2024-01-01", "2024-01-02"], [2, 1])
    table = day_table(diary(first, second), D(2024, 1, 1), D(2024, 1, 2))
    assert counts(table) == {D(2024, 1, 1): 2, D(2024, 1, 2): 3}
    assert table["conflict"].tolist() == [False, True]


def test_period_filter_clips_the_span_but_keeps_the_file_coverage() -> None:
    log = attack_log("a.csv", ["2024-01-01 08:00", "2024-01-10 08:00"])
    table = day_table(diary(log), D(2024, 1, 4), D(2024, 1, 6))
    assert counts(table) == {D(2024, 1, 4): 0, D(2024, 1, 5): 0, D(2024, 1, 6): 0}


def test_span_comes_from_the_file_even_when_its_rows_were_duplicates() -> None:
    first = attack_log("a.csv", ["2024-01-01 08:00"])
    copy = attack_log("b.csv", ["2024-01-01 08:00", "2024-01-03 08:00"])
    combined = diary(first, copy)
    # b.csv's first row was counted under duplicates, so only its second row is in `attacks`.
    deduplicated = Diary(
        files=combined.files,
        attacks=combined.attacks.drop_duplicates(subset=["start"]),
        days=combined.days,
        duplicates=1,
        issues=(),
    )
    assert attack_log_spans(deduplicated) == (
        (D(2024, 1, 1), D(2024, 1, 1)),
        (D(2024, 1, 1), D(2024, 1, 3)),
    )
    assert counts(day_table(deduplicated, D(2024, 1, 1), D(2024, 1, 3))) == {
        D(2024, 1, 1): 1,
        D(2024, 1, 2): 0,
        D(2024, 1, 3): 1,
    }


def test_empty_day_table_has_the_columns_and_no_days() -> None:
    table = empty_day_table()
    assert list(table.columns) == list(day_table(diary(), D(2024, 1, 1), D(2024, 1, 1)).columns)
    assert len(table) == 0
    assert day_figures(table) == ()
    assert gaps(table) == ()


def test_end_before_start_has_no_days() -> None:
    assert len(day_table(diary(), D(2024, 1, 2), D(2024, 1, 1))) == 0


def test_event_log_covers_only_the_days_it_has_any_row() -> None:
    # Regression: a general tracker (Bearable) followed the attack-log span rule, so its days
    # without any row at all counted as attack-free.
    headaches = attack_log("tracker.csv", ["2024-01-01 08:00", "2024-01-06 09:00"])
    logged = (D(2024, 1, 1), D(2024, 1, 3), D(2024, 1, 6))
    tracker = replace(headaches, info=DiaryInfo(kind="event log", logged_days=logged))
    table = day_table(diary(tracker), D(2024, 1, 1), D(2024, 1, 6))
    assert [counts(table)[D(2024, 1, day)] for day in range(1, 7)] == [1, None, 0, None, None, 1]
    assert attack_log_spans(diary(tracker)) == ()
    assert gaps(table) == ((D(2024, 1, 2), D(2024, 1, 2)), (D(2024, 1, 4), D(2024, 1, 5)))


def test_event_log_attack_days_count_even_without_logged_days() -> None:
    tracker = attack_log("tracker.csv", ["2024-01-01 08:00", "2024-01-03 09:00"])
    tracker = replace(tracker, info=DiaryInfo(kind="event log"))
    table = day_table(diary(tracker), D(2024, 1, 1), D(2024, 1, 3))
    assert [counts(table)[D(2024, 1, day)] for day in range(1, 4)] == [1, None, 1]

"""summarise: the recipe, end to end on hand-built diaries, plus Hypothesis properties."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from tnprep.analysis import summarise
from tnprep.ingest.frames import attack_frame, day_frame
from tnprep.issues import Issue, IssueCode
from tnprep.model import (
    Answers,
    DateOrder,
    DateOrderSource,
    Diary,
    DiaryFile,
    DiaryShape,
    PartialDate,
    PatientData,
    Treatment,
    TreatmentCategory,
)
from tnprep.summary import ChangeKind, FindingKind, Period

D = dt.date
TODAY = D(2024, 7, 1)


def diary_file(
    file: str,
    table: pd.DataFrame,
    shape: DiaryShape,
    order: tuple[DateOrder | None, DateOrderSource] = (None, DateOrderSource.NOT_NEEDED),
    rows_read: int | None = None,
    rows_rejected: int = 0,
) -> DiaryFile:
    return DiaryFile(
        file=file, shape=shape, source_format="generic table", encoding="utf-8", delimiter=",",
        date_order=order[0], date_order_source=order[1], mapping=(), ignored_columns=(),
        rows_read=len(table) if rows_read is None else rows_read, rows_rejected=rows_rejected,
        table=table,
    )  # fmt: skip


def attack_log(file: str, starts: list[str], **fields: object) -> DiaryFile:
    columns = {"start": starts, "file": [file] * len(starts), **fields}
    return diary_file(file, attack_frame(columns), DiaryShape.ATTACK_LOG)  # type: ignore[arg-type]


def daily_log(
    file: str, dates: list[str], attacks: list[float | None], **fields: object
) -> DiaryFile:
    columns = {"date": dates, "attacks": attacks, "file": [file] * len(dates), **fields}
    return diary_file(file, day_frame(columns), DiaryShape.DAILY_LOG)  # type: ignore[arg-type]


def diary(*files: DiaryFile, duplicates: int = 0, issues: tuple[Issue, ...] = ()) -> Diary:
    attacks = [f.table for f in files if f.shape is DiaryShape.ATTACK_LOG]
    days = [f.table for f in files if f.shape is DiaryShape.DAILY_LOG]
    return Diary(
        files=files,
        attacks=pd.concat([attack_frame(), *attacks], ignore_index=True).sort_values("start"),
        days=pd.concat([day_frame(), *days], ignore_index=True).sort_values("date"),
        duplicates=duplicates,
        issues=issues,
    )


def issue(file: str, row: int | None, code: str) -> Issue:
    return Issue(
        code=IssueCode(code), file=file, row=row, column=None, value=None, message="message"
    )


# Two attack logs with different spans and a daily log that conflicts with one of them.
#   a.csv covers 1–4 January: 2, 0, 1, 1 attacks
#   b.csv covers 8–9 January: 1, 1
#   d.csv lists 2 January (3 attacks: conflict with a.csv's 0), 6 January (0), 9 January (1).
FIRST = attack_log(
    "a.csv",
    ["2024-01-01 06:00", "2024-01-01 06:30", "2024-01-03 12:00", "2024-01-04 18:00"],
    intensity=[3.0, 5.0, 7.0, 9.0],
    duration_s=[20.0, 40.0, 200.0, float("nan")],
    side=["right", "right", "right", None],
)
SECOND = attack_log("b.csv", ["2024-01-08 07:00", "2024-01-09 07:00"], intensity=[6.0, 6.0])
DAILY = daily_log(
    "d.csv", ["2024-01-02", "2024-01-06", "2024-01-09"], [3, 0, 1], worst_intensity=[10.0, 0.0, 4.0]
)
THREE_FILES = diary(FIRST, SECOND, DAILY)
SPAN = (D(2024, 1, 1), D(2024, 1, 9))
"""THREE_FILES' first and last day."""


def test_two_attack_logs_and_a_conflicting_daily_log() -> None:
    summary = summarise(PatientData(diary=THREE_FILES), today=TODAY)
    assert summary.generated == TODAY
    assert summary.period == Period(D(2024, 1, 1), D(2024, 1, 9), 9, 7, False, *SPAN)
    assert [day.attacks for day in summary.daily] == [2, 3, 1, 1, None, 0, None, 1, 1]
    assert [day.date for day in summary.daily if day.conflict] == [D(2024, 1, 2)]
    figures = summary.attacks
    assert (figures.total, figures.per_recorded_day, figures.attack_free_days) == (9, 1.29, 1)
    assert (figures.max_per_day, figures.max_day) == (3, D(2024, 1, 2))
    assert figures.intensity_median == 6.0  # 3, 5, 6, 6, 7, 9
    assert figures.intensity_max == 10.0  # d.csv's worst intensity on 2 January
    assert figures.duration_median_s == 40.0
    assert figures.conflict_days == (D(2024, 1, 2),)
    assert (figures.trend.window_days, figures.trend.recent_days_recorded) == (4, 3)
    assert summary.features.short_attacks == 2 and summary.features.with_duration == 3


def test_period_filter_counts_nothing_outside() -> None:
    summary = summarise(
        PatientData(diary=THREE_FILES), start=D(2024, 1, 3), end=D(2024, 1, 8), today=TODAY
    )
    assert summary.period == Period(D(2024, 1, 3), D(2024, 1, 8), 6, 4, True, *SPAN)
    account = summary.input  # 9 used rows; in the period 3 attack rows and 1 daily row (6 Jan)
    assert (account.rows_in_period, account.rows_outside_period) == (4, 5)
    assert [day.attacks for day in summary.daily] == [1, 1, None, 0, None, 1]
    assert summary.attacks.total == 3
    assert summary.attacks.intensity_median == 7.0  # 7, 9, 6
    assert summary.attacks.intensity_max == 9.0
    assert summary.attacks.conflict_days == ()
    assert sum(summary.attacks.by_hour) == 3


def test_period_wider_than_the_data_shows_gaps() -> None:
    summary = summarise(
        PatientData(diary=diary(FIRST)), start=D(2023, 12, 30), end=D(2024, 1, 6), today=TODAY
    )
    assert summary.period == Period(
        D(2023, 12, 30), D(2024, 1, 6), 8, 4, True, D(2024, 1, 1), D(2024, 1, 4)
    )
    assert [day.attacks for day in summary.daily] == [None, None, 2, 0, 1, 1, None, None]


def test_one_bound_given_the_other_from_the_data() -> None:
    summary = summarise(PatientData(diary=THREE_FILES), start=D(2024, 1, 8), today=TODAY)
    assert summary.period == Period(D(2024, 1, 8), D(2024, 1, 9), 2, 2, True, *SPAN)


def test_no_diary_rows_and_no_dates() -> None:
    summary = summarise(PatientData(diary=diary()), today=TODAY)
    assert summary.period == Period(None, None, 0, 0)
    assert summary.daily == ()
    assert summary.attacks.total == 0 and summary.attacks.per_recorded_day is None
    assert summary.attacks.by_hour == (0,) * 24
    assert summary.before_after == ()


def test_no_diary_rows_with_dates_given() -> None:
    summary = summarise(PatientData(diary=diary()), start=D(2024, 1, 1), today=TODAY)
    assert summary.period == Period(D(2024, 1, 1), D(2024, 1, 1), 1, 0, chosen=True)
    assert [day.attacks for day in summary.daily] == [None]


def test_end_before_start_has_no_days() -> None:
    summary = summarise(
        PatientData(diary=THREE_FILES), start=D(2024, 1, 9), end=D(2024, 1, 1), today=TODAY
    )
    assert summary.period == Period(D(2024, 1, 9), D(2024, 1, 1), 0, 0, True, *SPAN)
    assert summary.attacks.total == 0


def test_input_account_and_issues_sorted() -> None:
    files = (
        diary_file("b.csv", attack_frame(), DiaryShape.ATTACK_LOG, rows_read=5, rows_rejected=2),
        diary_file("a.csv", attack_frame(), DiaryShape.ATTACK_LOG, rows_read=4, rows_rejected=0),
    )
    data = PatientData(
        diary=diary(
            *files,
            duplicates=1,
            issues=(issue("b.csv", 4, "event-log"), issue("a.csv", 9, "duplicate")),
        ),
        issues=(issue("treatments.csv", 2, "dose-not-parsed"), issue("a.csv", 3, "side-unknown")),
    )
    account = summarise(data, today=TODAY).input
    assert (account.rows_read, account.rows_used, account.rows_rejected, account.duplicates) == (
        9, 6, 2, 1,
    )  # fmt: skip
    assert [(i.file, i.row, i.code) for i in account.issues] == [
        ("a.csv", 3, "side-unknown"),
        ("a.csv", 9, "duplicate"),
        ("b.csv", 4, "event-log"),
        ("treatments.csv", 2, "dose-not-parsed"),
    ]


def test_assumptions_name_assumed_and_user_date_orders() -> None:
    table, shape = attack_frame(), DiaryShape.ATTACK_LOG
    files = (
        diary_file("a.csv", table, shape, (DateOrder.DAY_FIRST, DateOrderSource.ASSUMED)),
        diary_file("b.csv", table, shape, (DateOrder.MONTH_FIRST, DateOrderSource.USER)),
        diary_file("c.csv", table, shape, (DateOrder.DAY_FIRST, DateOrderSource.DATA)),
        diary_file("d.csv", table, shape),
    )
    assert summarise(PatientData(diary=diary(*files)), today=TODAY).assumptions == (
        "a.csv: dates read day-first (assumed — every date was ambiguous)",
        "b.csv: dates read month-first (set by the user)",
    )


def test_treatment_change_inside_the_period_gets_a_before_after() -> None:
    days = pd.date_range("2024-01-01", "2024-03-31", freq="D")
    counts = [4.0] * len(days)  # the same before and after: no change
    log = daily_log("d.csv", [str(day.date()) for day in days], counts)  # type: ignore[arg-type]
    pregabalin = Treatment(
        name="pregabalin", name_as_written="Lyrica", category=TreatmentCategory.MEDICATION,
        start=PartialDate(2024, 2, 1), end=None, ongoing=True, dose_text=None,
        dose_mg_per_day=None, response=None, relief_percent=None, stopped_because=None,
        side_effects=None, notes=None,
    )  # fmt: skip
    answers = Answers(phq9=(0, 0, 0, 0, 0, 0, 0, 0, 1))
    summary = summarise(
        PatientData(diary=diary(log), treatments=(pregabalin,), answers=answers), today=TODAY
    )
    (comparison,) = summary.before_after
    assert (comparison.treatment, comparison.change, comparison.date) == (
        "pregabalin", ChangeKind.START, D(2024, 2, 1),
    )  # fmt: skip
    assert comparison.enough_data
    assert (comparison.before.per_recorded_day, comparison.after.per_recorded_day) == (4.0, 4.0)
    kinds = [finding.kind for finding in summary.findings]
    assert kinds[0] is FindingKind.SELF_HARM_ITEM
    assert FindingKind.NO_CHANGE_AFTER_TREATMENT in kinds
    assert summary.scores.phq9 is not None and summary.scores.phq9.item9 == 1


# --- Hypothesis properties ----------------------------------------------------------------

BASE = pd.Timestamp("2024-01-01")
minutes = st.integers(min_value=0, max_value=60 * 24 * 40 - 1)
attack_lists = st.lists(minutes, max_size=40)
daily_rows = st.lists(
    st.tuples(st.integers(0, 39), st.one_of(st.none(), st.integers(0, 6))), max_size=15
)
bounds = st.one_of(st.none(), st.integers(-5, 45))


def random_diary(first: list[int], second: list[int], daily: list[tuple[int, int | None]]) -> Diary:
    files = []
    for name, offsets in (("a.csv", first), ("b.csv", second)):
        if offsets:
            starts = [str(BASE + pd.Timedelta(minutes=offset)) for offset in offsets]
            files.append(attack_log(name, starts))
    if daily:
        dates = [str((BASE + pd.Timedelta(days=day)).date()) for day, _ in daily]
        files.append(daily_log("d.csv", dates, [count for _, count in daily]))  # type: ignore[misc]
    return diary(*files)


def day_of(offset: int | None) -> dt.date | None:
    return None if offset is None else (BASE + pd.Timedelta(days=offset)).date()


@settings(max_examples=60, deadline=None)
@given(attack_lists, attack_lists, daily_rows, bounds, bounds)
def test_properties(
    first: list[int],
    second: list[int],
    daily: list[tuple[int, int | None]],
    start: int | None,
    end: int | None,
) -> None:
    summary = summarise(
        PatientData(diary=random_diary(first, second, daily)),
        start=day_of(start),
        end=day_of(end),
        today=TODAY,
    )
    period, figures = summary.period, summary.attacks
    assert figures.total == sum(day.attacks or 0 for day in summary.daily)
    assert period.days_recorded <= period.days == len(summary.daily)
    assert period.days_recorded == sum(day.attacks is not None for day in summary.daily)
    assert figures.attack_free_days <= period.days_recorded
    if period.days_recorded:
        assert figures.per_recorded_day is not None
        assert abs(figures.per_recorded_day * period.days_recorded - figures.total) <= (
            0.005 * period.days_recorded + 1e-9
        )
    else:
        assert figures.per_recorded_day is None and figures.total == 0
    # Attack-log rows are never lost inside the period: the total is at least their number.
    assert figures.total >= sum(figures.by_hour)
    assert figures.by_side.unknown == sum(figures.by_hour)

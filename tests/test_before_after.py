"""Before/after each treatment change: 28 days before against days 15–42 after."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import pytest

from tnprep.analysis.before_after import before_after, window_figures
from tnprep.analysis.coverage import day_table
from tnprep.ingest.frames import attack_frame, day_frame
from tnprep.model import Diary
from tnprep.summary import ChangeKind, WindowFigures

D = dt.date
CHANGE_DAY = D(2024, 3, 1)


@dataclass(frozen=True)
class Change:
    treatment: str
    change: ChangeKind
    date: dt.date


def daily_table(counts: dict[dt.date, int]) -> pd.DataFrame:
    days = day_frame({"date": list(counts), "attacks": list(counts.values())})
    diary = Diary(files=(), attacks=attack_frame(), days=days, duplicates=0, issues=())
    return day_table(diary, D(2024, 1, 1), D(2024, 6, 30))


def days_around(first: int, last: int) -> list[dt.date]:
    return [CHANGE_DAY + dt.timedelta(days=offset) for offset in range(first, last + 1)]


def test_windows_are_28_days_before_and_days_15_to_42_after() -> None:
    counts = {day: 3 for day in days_around(-28, -1)}
    counts |= {day: 9 for day in days_around(1, 14)}  # titration: ignored
    counts |= {day: 1 for day in days_around(15, 42)}
    counts[CHANGE_DAY] = 50  # the day itself is in neither window
    counts[CHANGE_DAY - dt.timedelta(days=29)] = 50
    counts[CHANGE_DAY + dt.timedelta(days=43)] = 50
    (result,) = before_after(
        [Change("pregabalin", ChangeKind.START, CHANGE_DAY)], attack_frame(), daily_table(counts)
    )
    assert result.before == WindowFigures(D(2024, 2, 2), D(2024, 2, 29), 28, 3.0, None)
    assert result.after == WindowFigures(D(2024, 3, 16), D(2024, 4, 12), 28, 1.0, None)
    assert result.enough_data is True
    assert (result.treatment, result.change, result.date) == (
        "pregabalin",
        ChangeKind.START,
        CHANGE_DAY,
    )


@pytest.mark.parametrize(
    ("before_days", "after_days", "enough"),
    [(14, 14, True), (13, 28, False), (28, 13, False), (0, 0, False)],
)
def test_not_enough_data_below_14_recorded_days(
    before_days: int, after_days: int, enough: bool
) -> None:
    counts = {day: 1 for day in days_around(-before_days, -1)}
    counts |= {day: 1 for day in days_around(15, 14 + after_days)}
    (result,) = before_after(
        [Change("baclofen", ChangeKind.DOSE_CHANGE, CHANGE_DAY)],
        attack_frame(),
        daily_table(counts),
    )
    assert (result.before.days_recorded, result.after.days_recorded) == (before_days, after_days)
    assert result.enough_data is enough


def test_window_intensity_median_comes_from_attack_rows() -> None:
    attacks = attack_frame(
        {
            "start": [
                "2024-02-10 08:00",
                "2024-02-11 08:00",
                "2024-02-12 08:00",
                "2024-03-05 08:00",
            ],
            "intensity": [2, 8, float("nan"), 10],
        }
    )
    diary = Diary(files=(), attacks=attacks, days=day_frame(), duplicates=0, issues=())
    table = day_table(diary, D(2024, 2, 1), D(2024, 3, 31))
    window = window_figures(attacks, table, D(2024, 2, 2), D(2024, 2, 29))
    # Recorded: 10–29 February (the log spans 10 Feb – 5 Mar): 3 attacks on 20 days.
    assert window == WindowFigures(D(2024, 2, 2), D(2024, 2, 29), 20, 0.15, 5.0)


def test_changes_are_ordered_by_date_then_name() -> None:
    changes = [
        Change("b", ChangeKind.STOP, D(2024, 4, 1)),
        Change("c", ChangeKind.START, D(2024, 3, 1)),
        Change("a", ChangeKind.START, D(2024, 4, 1)),
    ]
    results = before_after(changes, attack_frame(), daily_table({}))
    assert [(r.date, r.treatment) for r in results] == [
        (D(2024, 3, 1), "c"),
        (D(2024, 4, 1), "a"),
        (D(2024, 4, 1), "b"),
    ]
    assert all(r.before.per_recorded_day is None and not r.enough_data for r in results)

"""Treatment summaries (order, published ranges) and dated treatment changes."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnprep.analysis.treatments import (
    DOSE_RANGES,
    PRACTICAL_NEUROLOGY_2021,
    TreatmentChange,
    summarise_treatments,
    treatment_changes,
)
from tnprep.model import PartialDate, Treatment, TreatmentCategory
from tnprep.summary import ChangeKind

TABLE = (
    "Lambru, Zakrzewska, Matharu. Trigeminal neuralgia: a practical guide. Pract Neurol "
    "2021;21:392–402, Table 5 (adapted from Bendtsen et al.)"
)


def _treatment(
    name: str,
    start: PartialDate | None = None,
    end: PartialDate | None = None,
    dose: float | None = None,
    row: int = 0,
) -> Treatment:
    return Treatment(
        name=name,
        name_as_written=name,
        category=TreatmentCategory.MEDICATION,
        start=start,
        end=end,
        ongoing=end is None,
        dose_text=None if dose is None else f"{dose} mg daily",
        dose_mg_per_day=dose,
        response=None,
        relief_percent=None,
        stopped_because=None,
        side_effects=None,
        notes=None,
        row=row,
    )


def test_current_first_then_most_recent_start_unknown_last() -> None:
    history = [
        _treatment("a", PartialDate(2018), PartialDate(2019), row=1),
        _treatment("b", PartialDate(2020, 5), row=2),
        _treatment("c", None, PartialDate(2021), row=3),
        _treatment("d", PartialDate(2021, 1, 3), PartialDate(2021, 2), row=4),
        _treatment("e", PartialDate(2022), row=5),
        _treatment("f", None, row=6),
        _treatment("g", PartialDate(2018, 6), PartialDate(2019), row=7),
        _treatment("h", PartialDate(2018), PartialDate(2018, 12), row=8),
    ]
    order = [summary.treatment.name for summary in summarise_treatments(history)]
    assert order == ["e", "b", "f", "d", "g", "a", "h", "c"]


@pytest.mark.parametrize(
    ("name", "dose", "low", "high", "outside"),
    [
        ("carbamazepine", 600.0, 200.0, 1200.0, False),
        ("carbamazepine", 200.0, 200.0, 1200.0, False),
        ("carbamazepine", 1200.0, 200.0, 1200.0, False),
        ("carbamazepine", 1600.0, 200.0, 1200.0, True),
        ("carbamazepine", 100.0, 200.0, 1200.0, True),
        ("carbamazepine", None, 200.0, 1200.0, None),
        ("oxcarbazepine", 1800.0, 300.0, 1800.0, False),
        ("oxcarbazepine", 2400.0, 300.0, 1800.0, True),
        ("oxcarbazepine", 150.0, 300.0, 1800.0, True),
        ("lamotrigine", 400.0, 25.0, 400.0, False),
        ("gabapentin", 3600.0, 300.0, 3600.0, False),
        ("gabapentin", 4800.0, 300.0, 3600.0, True),
        ("pregabalin", 300.0, 150.0, 600.0, False),
        ("baclofen", 30.0, 15.0, 90.0, False),
        ("baclofen", 10.0, 15.0, 90.0, True),
    ],
)
def test_published_ranges(
    name: str, dose: float | None, low: float, high: float, outside: bool | None
) -> None:
    (summary,) = summarise_treatments([_treatment(name, dose=dose)])
    assert summary.dose_range is not None
    assert (summary.dose_range.low_mg, summary.dose_range.high_mg) == (low, high)
    assert summary.dose_range.source == TABLE
    assert summary.outside_range is outside


@pytest.mark.parametrize("name", ["phenytoin", "Carbamazepine tea", "eslicarbazepine"])
def test_no_range_for_other_treatments(name: str) -> None:
    (summary,) = summarise_treatments([_treatment(name, dose=900.0)])
    assert (summary.dose_range, summary.outside_range) == (None, None)


def test_ranges_cite_the_verified_table() -> None:
    assert set(DOSE_RANGES) == {
        "carbamazepine", "oxcarbazepine", "lamotrigine", "gabapentin", "pregabalin", "baclofen",
        "botulinum toxin A",
    }  # fmt: skip
    assert {dose_range.source for dose_range in DOSE_RANGES.values()} == {PRACTICAL_NEUROLOGY_2021}
    assert PRACTICAL_NEUROLOGY_2021 == TABLE
    carbamazepine = DOSE_RANGES["carbamazepine"]
    assert carbamazepine.note is not None and "1600" in carbamazepine.note


def test_botulinum_toxin_range_counts_units_and_never_compares_mg() -> None:
    botox = DOSE_RANGES["botulinum toxin A"]
    assert (botox.low_mg, botox.high_mg, botox.unit) == (
        25.0, 195.0, "units per session (every 12 weeks)",
    )  # fmt: skip
    (summary,) = summarise_treatments([_treatment("botulinum toxin A", dose=100.0)])
    assert summary.outside_range is None


FIRST, LAST = dt.date(2024, 1, 1), dt.date(2024, 3, 31)


def _changes(*history: Treatment) -> list[tuple[str, ChangeKind, dt.date]]:
    changes = treatment_changes(list(history), FIRST, LAST)
    return [(change.treatment, change.change, change.date) for change in changes]


def test_starts_and_stops_inside_the_period() -> None:
    assert _changes(
        _treatment("carbamazepine", PartialDate(2023, 6, 1), PartialDate(2024, 2, 5)),
        _treatment("oxcarbazepine", PartialDate(2024, 2, 6)),
        _treatment("baclofen", PartialDate(2024, 3, 31), PartialDate(2024, 4, 2)),
        _treatment("gabapentin", PartialDate(2024, 1, 1), PartialDate(2023, 12, 31)),
    ) == [
        ("gabapentin", ChangeKind.START, dt.date(2024, 1, 1)),
        ("carbamazepine", ChangeKind.STOP, dt.date(2024, 2, 5)),
        ("oxcarbazepine", ChangeKind.START, dt.date(2024, 2, 6)),
        ("baclofen", ChangeKind.START, dt.date(2024, 3, 31)),
    ]


def test_partial_dates_are_skipped() -> None:
    assert (
        _changes(
            _treatment("carbamazepine", PartialDate(2024, 2), PartialDate(2024, 3)),
            _treatment("lamotrigine", PartialDate(2024), None),
        )
        == []
    )


def test_dose_change_of_a_running_drug() -> None:
    assert _changes(
        _treatment("carbamazepine", PartialDate(2024, 1, 10), PartialDate(2024, 2, 1), 400.0),
        _treatment("carbamazepine", PartialDate(2024, 2, 1), PartialDate(2024, 3, 1), 800.0),
        _treatment("carbamazepine", PartialDate(2024, 3, 2), None, 600.0),
    ) == [
        ("carbamazepine", ChangeKind.START, dt.date(2024, 1, 10)),
        ("carbamazepine", ChangeKind.DOSE_CHANGE, dt.date(2024, 2, 1)),
        ("carbamazepine", ChangeKind.DOSE_CHANGE, dt.date(2024, 3, 2)),
    ]


def test_dose_change_after_an_open_row_in_any_input_order() -> None:
    assert _changes(
        _treatment("oxcarbazepine", PartialDate(2024, 2, 15), None, 1200.0),
        _treatment("oxcarbazepine", PartialDate(2023, 11), None, 600.0),
    ) == [("oxcarbazepine", ChangeKind.DOSE_CHANGE, dt.date(2024, 2, 15))]


def test_same_or_unknown_dose_continuation_is_no_change() -> None:
    assert _changes(
        _treatment("baclofen", PartialDate(2024, 1, 5), PartialDate(2024, 2, 1), 30.0),
        _treatment("baclofen", PartialDate(2024, 2, 2), None, 30.0),
        _treatment("pregabalin", PartialDate(2023, 1, 5), None, 150.0),
        _treatment("pregabalin", PartialDate(2024, 2, 2), None, None),
    ) == [("baclofen", ChangeKind.START, dt.date(2024, 1, 5))]


def test_restart_after_a_gap_is_a_stop_and_a_start() -> None:
    assert _changes(
        _treatment("lamotrigine", PartialDate(2023, 5, 1), PartialDate(2024, 1, 15), 100.0),
        _treatment("lamotrigine", PartialDate(2024, 3, 1), None, 200.0),
    ) == [
        ("lamotrigine", ChangeKind.STOP, dt.date(2024, 1, 15)),
        ("lamotrigine", ChangeKind.START, dt.date(2024, 3, 1)),
    ]


def test_change_is_a_frozen_value() -> None:
    change = TreatmentChange("carbamazepine", ChangeKind.START, dt.date(2024, 1, 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        change.date = dt.date(2024, 1, 2)  # type: ignore[misc]


exact_dates = st.dates(min_value=dt.date(2023, 6, 1), max_value=dt.date(2024, 6, 30)).map(
    lambda day: PartialDate(day.year, day.month, day.day)
)
histories = st.lists(
    st.builds(
        _treatment,
        st.sampled_from(["carbamazepine", "oxcarbazepine", "baclofen"]),
        st.none() | exact_dates,
        st.none() | exact_dates,
        st.none() | st.sampled_from([300.0, 600.0, 900.0]),
    ),
    max_size=8,
)


@given(histories)
def test_changes_are_inside_the_period_and_sorted(history: list[Treatment]) -> None:
    dates = [change.date for change in treatment_changes(history, FIRST, LAST)]
    assert all(FIRST <= day <= LAST for day in dates)
    assert dates == sorted(dates)


@given(histories)
def test_summary_keeps_every_treatment(history: list[Treatment]) -> None:
    summaries = summarise_treatments(history)
    assert sorted(id(summary.treatment) for summary in summaries) == sorted(map(id, history))
    ongoing = [summary.treatment.ongoing for summary in summaries]
    assert ongoing == sorted(ongoing, reverse=True)

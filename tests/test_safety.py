"""Safety history (tnprep.analysis.safety): class adverse effects, values, dates, taken now."""

from __future__ import annotations

import dataclasses

import pytest

from tnprep.analysis.safety import safety_notes
from tnprep.catalogue import DrugClass
from tnprep.model import PartialDate, Treatment, TreatmentCategory


def treatment(name: str, **fields: object) -> Treatment:
    base = Treatment(
        name=name, name_as_written=name, category=TreatmentCategory.MEDICATION, start=None,
        end=None, ongoing=False, dose_text=None, dose_mg_per_day=None, response=None,
        relief_percent=None, stopped_because=None, side_effects=None, notes=None,
    )  # fmt: skip
    return dataclasses.replace(base, **fields)


def test_sodium_history_with_value_dates_and_the_class_drug_taken_now() -> None:
    history = [
        treatment("carbamazepine", start=PartialDate(2018), end=PartialDate(2019, 3),
                  side_effects="hyponatraemia (sodium 128), dizziness",
                  stopped_because="side effects"),
        treatment("oxcarbazepine", start=PartialDate(2026, 9, 24), ongoing=True),
    ]  # fmt: skip
    (note,) = safety_notes(history)
    assert note.drug_class is DrugClass.SODIUM_LOWERING
    assert note.taken_now == ("oxcarbazepine",)
    (event,) = note.events
    assert (event.start, event.end, event.value) == ("2018", "2019-03", "sodium 128")
    assert event.recorded == "hyponatraemia (sodium 128), dizziness"


@pytest.mark.parametrize(
    ("name", "effects", "classes"),
    [
        ("carbamazepine", "Na 127 mmol/L", [DrugClass.SODIUM_LOWERING]),
        ("eslicarbazepine", "low sodium", [DrugClass.SODIUM_LOWERING]),
        ("lamotrigine", "rash after 3 weeks", [DrugClass.SERIOUS_RASH]),
        ("phenytoin", "SJS", [DrugClass.SERIOUS_RASH]),
        ("carbamazepine", "rash and low sodium", [DrugClass.SODIUM_LOWERING,
                                                   DrugClass.SERIOUS_RASH]),
        # Must not fire: not the class, not the effect, or abbreviations that mean something else.
        ("pregabalin", "rash", []),
        ("carbamazepine", "NA", []),
        ("carbamazepine", "n/a", []),
        ("oxcarbazepine", "dizzy for ten days", []),
        ("oxcarbazepine", None, []),
    ],
)  # fmt: skip
def test_class_effects_fire_and_do_not(
    name: str, effects: str | None, classes: list[DrugClass]
) -> None:
    notes = safety_notes([treatment(name, side_effects=effects)])
    assert [note.drug_class for note in notes] == classes


def test_a_reason_for_stopping_can_name_the_effect() -> None:
    (note,) = safety_notes([treatment("oxcarbazepine", stopped_because="hyponatraemia")])
    assert note.events[0].recorded == "hyponatraemia"
    assert note.taken_now == ()


def test_impossible_partial_date_sorts_last_without_error() -> None:
    history = [
        treatment("carbamazepine", start=PartialDate(2019, 13), side_effects="low sodium"),
        treatment("oxcarbazepine", start=PartialDate(2018), side_effects="low sodium"),
    ]
    (note,) = safety_notes(history)
    assert [event.treatment for event in note.events] == ["oxcarbazepine", "carbamazepine"]

"""A symptom tracker with a headache column is refused as what it is, naming the column to map.

Real layouts (tests/real_data/PROVENANCE.md, "refusals"): a post-concussion symptom tracker's CSV
export (``Date,Headache Severity,Headache Notes,Dizziness Severity,…,Mood Severity,Mood,…``) was
refused as "a mood diary" — the headache column it does hold was not named — and its column list
was cut mid-column ("Sleep Quality,").
"""

from __future__ import annotations

import pytest

from tnprep.ingest.diary import read_diary
from tnprep.issues import InputError

TRACKER = (
    "Date,Headache Severity,Headache Notes,Dizziness Severity,Dizziness,Tinnitus Severity,"
    "Tinnitus,Vision Problems Severity,Vision Problems,Memory Issues Severity,Memory Issues,"
    "Mood Severity,Mood,PTSD Severity,PTSD Symptoms,Sleep Quality Severity,Sleep Quality,"
    "Fatigue Level\n"
    "2024-05-01,3,temple,1,yes,0,no,0,no,1,yes,2,low,0,none,2,poor,4\n"
    "2024-05-02,0,,0,no,0,no,0,no,0,no,1,ok,0,none,3,good,2\n"
)


def _reason(text: str) -> str:
    with pytest.raises(InputError) as refused:
        read_diary(text.encode(), "symptoms.csv")
    return str(refused.value)


def test_a_symptom_tracker_is_not_called_a_mood_diary() -> None:
    reason = _reason(TRACKER)
    assert "it looks like a symptom tracker" in reason
    assert "mood diary" not in reason


def test_the_headache_column_is_named_without_guessing_its_field() -> None:
    reason = _reason(TRACKER)
    assert "(its headache or pain column: 'Headache Severity')" in reason
    assert "=worst_intensity" not in reason  # which field and scale it is stays the user's to say


def test_the_column_list_is_cut_between_columns_and_says_how_many_more() -> None:
    reason = _reason(TRACKER)
    shown = reason.split("(columns ")[1].split(")")[0]
    assert shown.endswith("more") and ", +" in shown
    assert all(part.strip() for part in shown.split(","))


def test_a_mood_diary_stays_a_mood_diary() -> None:
    daylio = (
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2020-09-28,28 September,Monday,10:00 pm,rad,,,\n"
    )
    assert "it looks like a mood diary" in _reason(daylio)

"""Extra summary-JSON keys for the clinical contract (issue 10): scores, safety, before/after.

Kept apart from ``summary_json`` so its key order stays readable; every key is added at the end
of its object and never changes the meaning of an existing key (docs/summary-json.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tnprep.model import Answers
from tnprep.summary import BeforeAfter, QuestionnaireScore, SafetyNote, ScoreAdministration

JsonObject = dict[str, Any]
"""A JSON object ready for ``json.dumps``."""


def score_extras(score: QuestionnaireScore, *, phq9: bool) -> JsonObject:
    """Floor, date, file and older administrations of a score; PHQ-9 item 9/10 extras."""
    extras: JsonObject = {
        "items": int(score.items),
        "floor": score.floor,
        "floor_band": score.floor_band,
        "date": _date(score.date),
        "file": score.file,
        "older": [_older(item) for item in score.older],
    }
    if phq9:
        extras["item9_unanswered"] = bool(score.item9_unanswered)
        extras["item10_difficulty"] = score.difficulty
    return extras


def _older(item: ScoreAdministration) -> JsonObject:
    return {
        "file": item.file,
        "date": _date(item.date),
        "score": item.score,
        "floor": item.floor,
        "answered": int(item.answered),
    }


def patient_extras(patient: Answers) -> JsonObject:
    """Questionnaire date, PHQ-9 item 10 and the MRI status as the patient reports them."""
    return {
        "questionnaire_date": _date(patient.questionnaire_date),
        "phq9_difficulty": patient.phq9_difficulty,
        "mri": {
            "contact": patient.mri_contact.value if patient.mri_contact else None,
            "date": patient.mri_date,
            "side": patient.mri_side,
        },
    }


def before_after_extras(item: BeforeAfter) -> JsonObject:
    """The verdict (what may be claimed), overlapping changes and the window rule used."""
    return {
        "verdict": item.verdict.value,
        "overlapping": list(item.overlapping),
        "rule": item.rule,
    }


def safety_json(notes: tuple[SafetyNote, ...]) -> list[JsonObject]:
    """Earlier adverse effects per drug class, with every course that recorded one."""
    return [
        {
            "class": note.drug_class.value,
            "members": list(note.members),
            "taken_now": list(note.taken_now),
            "events": [
                {
                    "treatment": event.treatment,
                    "start": event.start,
                    "end": event.end,
                    "recorded": event.recorded,
                    "value": event.value,
                }
                for event in note.events
            ],
            "source": note.source,
        }
        for note in notes
    ]


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()

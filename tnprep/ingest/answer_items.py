"""The intake questionnaire's items: their names, accepted spellings, and the CSV download rows.

Shared by the CSV/JSON reader (``questionnaire.py``) and the FHIR reader (``fhir.py``). Item
names match case-, space- and punctuation-insensitively; how each answer is read lives in
``answer_values.py``. The items are documented in docs/questionnaires.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tnprep.ingest.answer_values import ItemKind, answer_text
from tnprep.ingest.columns import normalise_header
from tnprep.model import Answers

PHQ9_ITEMS = 9
GAD7_ITEMS = 7

ITEMS: dict[str, ItemKind] = {
    "name": ItemKind.TEXT,
    "date_of_birth": ItemKind.DATE,
    "visit_date": ItemKind.DATE,
    "clinician": ItemKind.TEXT,
    "diagnosis": ItemKind.TEXT,
    "onset": ItemKind.TEXT,
    "side": ItemKind.SIDE,
    "divisions": ItemKind.DIVISIONS,
    "bni_pain": ItemKind.BNI_PAIN,
    "bni_numbness": ItemKind.BNI_NUMBNESS,
    **{f"phq9_{number}": ItemKind.SCORE for number in range(1, PHQ9_ITEMS + 1)},
    "phq9_10": ItemKind.DIFFICULTY,
    "phq9_total": ItemKind.TOTAL,
    **{f"gad7_{number}": ItemKind.SCORE for number in range(1, GAD7_ITEMS + 1)},
    "gad7_total": ItemKind.TOTAL,
    "questionnaire_date": ItemKind.DATE,
    "mri_done": ItemKind.YES_NO,
    "mri_date": ItemKind.TEXT,
    "mri_contact": ItemKind.MRI_CONTACT,
    "mri_side": ItemKind.SIDE,
    "impact_eating": ItemKind.TEXT,
    "impact_sleep": ItemKind.TEXT,
    "impact_work": ItemKind.TEXT,
    "goals": ItemKind.TEXT,
    # Intake items of the treatment-resistance ledger (docs/questionnaires.md), kept as written.
    "emergency_visits": ItemKind.TEXT,
    "iv_infusions": ItemKind.TEXT,
    "days_unable_to_eat": ItemKind.TEXT,
    "weight_lost": ItemKind.TEXT,
    "driving": ItemKind.TEXT,
    "age_at_onset": ItemKind.TEXT,
    "question": ItemKind.QUESTION,
    "interested_in": ItemKind.INTEREST,
}
"""SPEC's items, by canonical name, in the order they are written out."""

_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("patient", "patientname", "fullname"),
    "date_of_birth": ("dob", "birthdate", "birthday"),
    "visit_date": ("visit", "appointment", "appointmentdate", "dateofvisit"),
    "clinician": ("doctor", "neurologist", "physician"),
    "onset": ("yearofonset", "onsetyear", "onsetdate"),
    "side": ("painside", "affectedside"),
    "divisions": ("division", "branch", "branches"),
    "bni_pain": ("bni", "bnipainscore", "bnipainintensity", "bnipainintensityscore"),
    "bni_numbness": ("bninumbnessscore", "bnifacialnumbness", "bnifacialnumbnessscore"),
    "goals": ("goal", "mygoals"),
    "impact_work": ("work", "workimpact"),
    "emergency_visits": ("edvisits", "aevisits", "ervisits", "emergencydepartmentvisits"),
    "iv_infusions": ("infusions", "intravenousinfusions"),
    "days_unable_to_eat": ("dayswithouteating", "couldnoteat"),
    "weight_lost": ("weightloss",),
    "driving": ("drive", "candrive"),
    "age_at_onset": ("onsetage", "agewhenpainbegan"),
    "phq9_10": ("phq9difficulty", "phq9item10", "phq910difficulty", "phqdifficulty"),
    "phq9_total": ("phq9score", "phq9totalscore", "phq9sum"),
    "gad7_total": ("gad7score", "gad7totalscore", "gad7sum", "anxietyscore"),
    "questionnaire_date": (
        "questionnairedate",
        "datecompleted",
        "completed",
        "authored",
        "filledin",
        "answereddate",
        "datetime",
    ),
    "mri_done": ("mri", "mridone", "hadmri"),
    "mri_contact": ("neurovascularcontact", "mrineurovascularcontact", "nvc", "mrinvc"),
    "mri_side": ("nvcside", "contactside"),
    "question": ("questions", "myquestions"),
    "interested_in": ("interests", "interest", "interestedin", "options"),
}
"""Other spellings, already normalised (case, spaces and punctuation removed)."""

_SCALE_ITEM = re.compile(r"^(phq9|gad7)(?:item|q|question|no|nr)?0?([1-9])$")


@dataclass(frozen=True)
class RawAnswer:
    """One answer as found in a file, before its item is matched and its value read."""

    item: str
    """The item name as written (for FHIR items: the canonical name when a LOINC code matched)."""
    answer: object
    """The answer as written: a text cell, a spreadsheet value or any JSON value."""
    file: str
    """The file's name as supplied."""
    row: int | None
    """Spreadsheet row number for CSV/XLSX (header = 1); ``None`` for JSON."""
    column: str | None
    """The answer column's header (CSV), the item name (JSON) or the linkId (FHIR)."""


def match_item(item: str) -> str | None:
    """Return the canonical item name for ``item`` as written, or ``None`` for an unknown item.

    Matching ignores case, spaces and punctuation: 'PHQ9_1', 'phq-9 1', 'PHQ-9 item 1' and
    'Date of birth' all match.
    """
    key = normalise_header(item)
    found = _LOOKUP.get(key)
    if found is not None:
        return found
    scale = _SCALE_ITEM.match(key)
    if scale is None:
        return None
    name, number = scale.group(1), int(scale.group(2))
    limit = PHQ9_ITEMS if name == "phq9" else GAD7_ITEMS
    return f"{name}_{number}" if number <= limit else None


def _lookup() -> dict[str, str]:
    table = {normalise_header(name): name for name in ITEMS}
    for name, aliases in _ALIASES.items():
        table.update(dict.fromkeys(aliases, name))
    return table


_LOOKUP = _lookup()


def answers_to_rows(answers: Answers) -> list[tuple[str, str]]:
    """Write ``answers`` as (item, answer) rows for a CSV download, readable back unchanged.

    Items come in the order of ``ITEMS``; dates are ISO, divisions 'V1; V2', PHQ-9/GAD-7 items
    their points; each question, option of interest and other answer is a row of its own.
    """
    rows: list[tuple[str, str]] = []
    for name in ITEMS:
        for value in _field_values(answers, name):
            text = answer_text(value)
            if text is not None:
                rows.append((name, text))
    rows.extend(answers.other)
    return rows


_NOT_WRITTEN = frozenset({"phq9_total", "gad7_total", "mri_done"})
"""Items read but not written back (a total is recomputed; mri_done lives in mri_contact)."""
_WRITTEN_FROM: dict[str, Callable[[Answers], object]] = {
    "phq9_10": lambda answers: answers.phq9_difficulty,
    "mri_contact": lambda answers: answers.mri_contact.value if answers.mri_contact else None,
}
"""Items written from an ``Answers`` field of another name."""


def _field_values(answers: Answers, name: str) -> tuple[object, ...]:
    if name in _NOT_WRITTEN:
        return ()
    if name in _WRITTEN_FROM:
        return (_WRITTEN_FROM[name](answers),)
    if ITEMS[name] is ItemKind.SCORE:
        scale, number = name.split("_")
        return (getattr(answers, scale)[int(number) - 1],)
    if name == "question":
        return answers.questions
    if name == "divisions":
        return ("; ".join(answers.divisions),)
    value = getattr(answers, name)
    return value if isinstance(value, tuple) else (value,)

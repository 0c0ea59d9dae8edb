"""The recipe: files' bytes → PatientData → Summary. Shared by the command line, batch and the app.

Pure: callers read the files and pass bytes and names; "today" is a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tnprep.analysis import summarise
from tnprep.ingest.diary import read_diaries
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import Issue
from tnprep.model import Answers, DateOrder, PatientData, Treatment
from tnprep.summary import Summary

Source = tuple[str, bytes]
"""A file as (name as the user knows it, bytes)."""


@dataclass(frozen=True)
class Sources:
    """Every file supplied for one patient."""

    diaries: Sequence[Source] = ()
    treatments: Sequence[Source] = ()
    questionnaires: Sequence[Source] = ()


def load_patient(
    sources: Sources,
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
    scales: Mapping[str, str] | None = None,
) -> PatientData:
    """Read every file of one patient.

    Raises:
        InputError: a file cannot be read at all (the message names it).
    """
    diary = read_diaries(sources.diaries, mapping=mapping, date_order=date_order, scales=scales)
    treatments: list[Treatment] = []
    issues: list[Issue] = []
    for name, data in sources.treatments:
        loaded = read_treatments(data, name, date_order=date_order)
        treatments.extend(loaded.records)
        issues.extend(loaded.issues)
    answers = read_questionnaires(list(sources.questionnaires))
    issues.extend(answers.issues)
    return PatientData(
        diary=diary,
        treatments=tuple(treatments),
        answers=answers.records[0] if answers.records else Answers(),
        issues=tuple(issues),
    )


def summarise_patient(
    data: PatientData, *, start: dt.date | None, end: dt.date | None, today: dt.date
) -> Summary:
    """Compute the Summary of ``data`` for the period ``start``–``end`` (inclusive)."""
    return summarise(data, start=start, end=end, today=today)


def has_content(data: PatientData) -> bool:
    """True when anything at all was read: a diary row, a treatment, or an answer."""
    return bool(data.diary.rows_used or data.treatments or data.answers != Answers())

"""Which PHQ-9 item 9 answer above 0 is flagged: one choice for the page and the app alike.

SPEC *Scores*: item 9 above 0 is always flagged. The PHQ-9 shown is scored from one
administration, but an earlier file may hold an item 9 above 0 that the one shown does not; the
page flags it (naming its file), so the app's message to the patient must speak of the same
answer. Both take it from ``flagged_item9``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tnprep.summary import Summary


@dataclass(frozen=True)
class Item9Answer:
    """One item 9 answer above 0 as recorded: its points, its day and where it came from."""

    value: int
    """0–3 points; above 0 here."""
    date: dt.date | None
    """The day it was answered (a file's date, or the day given in the app); ``None``: unknown."""
    file: str | None
    """The file of an earlier PHQ-9 than the one shown (named on the page); ``None`` for the
    PHQ-9 shown, answers entered in the app, or answers with no administration."""


def flagged_item9(summary: Summary) -> Item9Answer | None:
    """The item 9 answer above 0 that the page flags, or ``None``.

    The PHQ-9 shown first; else the first administration (in file order, then the app's) with
    item 9 above 0; else the merged answers' item 9 (no administration known).
    """
    phq9 = summary.scores.phq9
    if phq9 is None:
        return None
    if phq9.item9 is not None and phq9.item9 > 0:
        return Item9Answer(phq9.item9, phq9.date, None)
    patient = summary.patient
    for administration in patient.administrations:
        value = administration.items[8] if administration.scale == "phq9" else None
        if value is not None and value > 0:
            return Item9Answer(value, administration.date, administration.file or None)
    merged = patient.phq9[8] if len(patient.phq9) == 9 else None
    if merged is not None and merged > 0:
        return Item9Answer(merged, None, None)
    return None


@dataclass(frozen=True)
class LaterBlank:
    """A PHQ-9 filled in after the answer the page states, that left item 9 unanswered."""

    date: dt.date
    """The day that PHQ-9 was filled in."""
    file: str
    """Its file ('' for answers entered in the app)."""
    answered: int
    """How many of its nine items were answered."""


def later_blank_item9(summary: Summary, after: dt.date | None) -> LaterBlank | None:
    """The latest PHQ-9 dated after ``after`` whose item 9 is blank, or ``None``.

    SPEC *Scores*: item 9 left unanswered is flagged. The PHQ-9 shown is the latest *complete*
    one, so a later form that skipped item 9 (and others) was on no line of the safety block:
    its blank sat behind an older answer "as recorded then, not a current answer" (session 6
    review). Undated forms are not "later" than anything; nor is anything after an undated one.
    """
    if after is None:
        return None
    blanks = [
        administration
        for administration in summary.patient.administrations
        if administration.scale == "phq9"
        and administration.date is not None
        and administration.date > after
        and administration.items[8] is None
    ]
    if not blanks:
        return None
    latest = max(blanks, key=lambda administration: administration.date or after)
    answered = sum(item is not None for item in latest.items)
    return LaterBlank(latest.date or after, latest.file, answered)

"""The calm message to the patient when PHQ-9 item 9 is answered above 0, and how old the answer is.

SPEC *Scores*: item 9 above 0 is always flagged for the clinician (on the page); the app also
speaks to the patient, without advice beyond talking to their clinician and, in danger, emergency
services. No Streamlit here; the app decides where to show it.

PHQ-9 asks about "the last 2 weeks" before it is filled in (Kroenke et al. 2001), so an answer is
about the two weeks before its own date, never about "now": the app and the page state the date
of the answer. An answer more than ``ITEM9_RECENT_DAYS`` before the visit (or the day the summary
is made, without a visit date) is said to be an earlier answer, not a current one (docs/page.md).
"""

from __future__ import annotations

import datetime as dt

from tnprep.analysis.item9 import flagged_item9
from tnprep.summary import QuestionnaireScore, Scores, Summary

ITEM9_RECENT_DAYS = 28
"""A product choice, not a clinical figure: the form's two weeks plus two weeks between filling it
in and the visit. An item 9 answer dated earlier than this before the visit is 'an earlier
answer'."""

_THOUGHTS = (
    "thoughts that you would be better off dead or of hurting yourself. You are not alone with "
    "this."
)
_TELL = (
    "you do not have to wait for your visit. If you are in danger now, contact your local "
    "emergency services now."
)


def _undated_message(where: str = "") -> str:
    return (
        f"You answered{where} that, in the two weeks before you filled in the questionnaire, you "
        f"had {_THOUGHTS} Please tell your clinician about it; {_TELL}"
    )


CARE_MESSAGE = _undated_message()
"""Shown to the patient when PHQ-9 item 9 (thoughts of self-harm) is above 0, with no date."""


def care_message(scores: Scores, reference: dt.date | None = None) -> str | None:
    """The message when PHQ-9 item 9 was answered above 0 (``None`` otherwise).

    ``reference``: the visit day, else today; with it, an answer whose date a file gives is
    stated with that date, and an old one as an earlier answer (``dated_care_message``).
    """
    phq9 = scores.phq9
    if phq9 is None or phq9.item9 is None or phq9.item9 <= 0:
        return None
    answered = item9_answered_on(phq9)
    if answered is None or reference is None:
        return CARE_MESSAGE
    return dated_care_message(answered, reference)


def item9_care_message(summary: Summary, reference: dt.date | None) -> str | None:
    """The message for the item 9 answer the page flags (``flagged_item9``), ``None`` if none.

    The PHQ-9 shown, or an earlier file's PHQ-9 whose item 9 is above 0 (named, as on the page),
    said as of its own date when known.
    """
    answer = flagged_item9(summary)
    if answer is None:
        return None
    if answer.date is None or reference is None:
        return _undated_message(f" (in {answer.file})" if answer.file else "")
    return dated_care_message(answer.date, reference, answer.file)


def dated_care_message(answered: dt.date, reference: dt.date, file: str | None = None) -> str:
    """The care message for an item 9 answer of ``answered``, said as of that day.

    ``file``: the earlier file the answer is from (named, as the page names it).
    """
    day = f"{answered.day} {answered:%B %Y}"
    where = f" (in {file})" if file else ""
    head = f"On {day} you answered{where} that, in the two weeks before, you had {_THOUGHTS}"
    age = answer_age(answered, reference)
    if age is None:
        return f"{head} Please tell your clinician about it; {_TELL}"
    return (
        f"{head} That answer is {age} old. If such thoughts are with you now or come back, "
        f"please tell your clinician; {_TELL}"
    )


def item9_answered_on(phq9: QuestionnaireScore) -> dt.date | None:
    """The day the PHQ-9 shown was filled in: a file's date, or the day given in the app.

    ``None`` when not known. Answers entered or changed in the app carry the day the user gives
    (today unless they say otherwise), never the file's date (``analysis.scores``).
    """
    return phq9.date


def answer_age(answered: dt.date, reference: dt.date) -> str | None:
    """How long before ``reference`` an answer was given, when more than ``ITEM9_RECENT_DAYS``.

    '45 days', 'over 7 months', 'over 6 years'; ``None`` for a recent (or later) answer.
    """
    days = (reference - answered).days
    if days <= ITEM9_RECENT_DAYS:
        return None
    if days < 60:
        return f"{days} days"
    months = int(days / 30.4375)  # mean Gregorian month
    if months < 24:
        return f"over {months} months"
    return f"over {int(days / 365.25)} years"

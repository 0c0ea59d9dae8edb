"""The labels of a discussion finding's evidence, written once for the rules and the describers.

A rule stores its facts as ``(label, value)`` pairs (``Finding.evidence``); the describer that
words the finding reads them back by the same label, and the summary JSON prints them as
``discussion[].evidence``. A label is an ``Evidence`` member, so a typo is a name error, and
``required`` raises when a rule left out a fact its describer needs (a test then fails) instead
of printing an empty string on the page.
"""

from __future__ import annotations

from enum import StrEnum

from tnprep.summary import Finding


class Evidence(StrEnum):
    """One evidence label; compares equal to its text, the key written in the summary JSON."""

    TREATMENT_HISTORY = "treatment history"
    """'not supplied' when no treatment history was given (history rules stay silent)."""
    ITEM_9 = "item 9"
    """PHQ-9 item 9's answer (0–3), or 'not answered'."""
    ANSWERED = "answered"
    """How many PHQ-9 items were answered, e.g. '8 of 9'."""
    FIRST_LINE_TAKEN_NOW = "first-line taken now"
    """The first-line treatments taken now, comma-separated."""
    STOPPED_BECAUSE = "stopped because"
    """Why the treatment was stopped, as written."""
    ENDED = "ended"
    """When the treatment ended (ISO, as precise as written)."""
    SIDE_EFFECTS = "side effects"
    """The side effects recorded, as written."""
    DOSE_MG_PER_DAY = "dose mg/day"
    """The daily dose in mg."""
    DOSE_AS_WRITTEN = "dose as written"
    """The dose as the patient wrote it ('' when none)."""
    COURSE = "course"
    """The course a dose belongs to, ISO dates: '2013-04 – 2013-06', 'since 2026-06', 'current'."""
    POSITION = "position"
    """'above' or 'below' the published range."""
    PUBLISHED_RANGE = "published range"
    """The published range, e.g. '200–1200 mg/day'."""
    CHANGE = "change"
    """Trend: the change in attacks per recorded day ('50 %'); a treatment change's kind."""
    WINDOW_DAYS = "window days"
    """Days in each trend window."""
    RECENT_PER_DAY = "recent per day"
    """Attacks per recorded day in the recent window."""
    PREVIOUS_PER_DAY = "previous per day"
    """Attacks per recorded day in the window before."""
    RECENT_DAYS_RECORDED = "recent days recorded"
    """Recorded days in the recent window."""
    PREVIOUS_DAYS_RECORDED = "previous days recorded"
    """Recorded days in the window before."""
    DATE = "date"
    """The date of a treatment change (ISO)."""
    BEFORE_PER_DAY = "before per day"
    """Attacks per recorded day in the 28 days before a change."""
    AFTER_PER_DAY = "after per day"
    """Attacks per recorded day in the window after a change."""
    BEFORE_DAYS_RECORDED = "before days recorded"
    """Recorded days before a change."""
    AFTER_DAYS_RECORDED = "after days recorded"
    """Recorded days after a change."""
    AFTER_WINDOW = "after window"
    """Which days after a change were compared, e.g. 'days 15–42'."""
    SCORE = "score"
    """A questionnaire total."""
    BAND = "band"
    """The total's severity band ('' when none)."""
    IN_THE_HISTORY = "in the history"
    """A psychological treatment in the history with its dates (repeated, one per treatment)."""
    OLD_QUESTIONNAIRE = "old questionnaire"
    """A PHQ-9 / GAD-7 of 10 or more answered more than 28 days before the visit (or the day the
    summary is made): 'PHQ-9 of 21 Aug 2019, over 7 years before this page was made'."""
    PATIENT_INTERESTED = "patient interested"
    """'yes' when the patient would like to talk about the option."""
    PATIENT_WORDS = "patient's words"
    """The patient's ``interested_in`` answer, as written, that names the option ('surgery')."""
    MRI_CONTACT = "MRI neurovascular contact"
    """The MRI's neurovascular contact answer, or 'not recorded'."""
    MRI_DATE = "MRI date"
    """When the MRI was done, as written."""
    MRI_SIDE = "MRI side"
    """The side of the contact, as written."""


def required(finding: Finding, label: Evidence) -> str:
    """The value the rule stored under ``label``; raises ``KeyError`` when it stored none."""
    values = dict(finding.evidence)
    if label not in values:
        raise KeyError(f"{finding.kind.value} finding has no '{label}' evidence")
    return values[label]


def optional(finding: Finding, label: Evidence, default: str = "") -> str:
    """The value under ``label``, or ``default`` for a fact the rule records only when known."""
    return dict(finding.evidence).get(label, default)


def every(finding: Finding, label: Evidence) -> list[str]:
    """Every value stored under ``label`` (a label a rule may repeat), in order."""
    return [value for key, value in finding.evidence if key == label]

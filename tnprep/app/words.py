"""Plain words for everything a patient reads in the app (no field ids, no command-line flags).

The analysis and the readers speak in field names and CLI options (``worst_intensity``,
``--monthfirst``) because the command line and the summary JSON need them; the app translates.
The scale explanations are what each instrument asks, from its publication:
PHQ-9 — Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606–613;
GAD-7 — Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092–1097;
BNI pain and numbness scores — Rogers CL et al. Int J Radiat Oncol Biol Phys 2000;47:1013–1019.
"""

from __future__ import annotations

import datetime as dt
import re

from tnprep.editing import NOT_USED
from tnprep.issues import Severity
from tnprep.report.wording import day_text

FIELD_WORDS: dict[str, str] = {
    "start": "Date and time of the attack",
    "date": "Date",
    "time": "Time of day",
    "duration": "How long it lasted",
    "intensity": "Pain (0–10)",
    "side": "Side of the face",
    "location": "Where on the face",
    "division": "Nerve branch (V1, V2, V3)",
    "triggers": "What set it off",
    "pain_type": "Kind of pain (sudden or constant)",
    "rescue": "Rescue medicine taken",
    "rescue_helped": "Whether the rescue helped",
    "end": "When the attack ended",
    "notes": "Notes",
    "attacks": "Number of attacks that day",
    "worst_intensity": "Worst pain that day (0–10)",
    "background_pain": "Background pain that day (0–10)",
    "medication_helpful": "Medicine helped",
    "medication_somewhat": "Medicine helped somewhat",
    "medication_unhelpful": "Medicine did not help",
    "medication_unsure": "Not sure if the medicine helped",
    "ignore": "(not used)",
}
"""Each diary field (``tnprep.ingest.columns.FIELDS``) as a patient would say it."""

SEVERITY_WORDS: dict[Severity, str] = {
    Severity.REJECTED: "Row not used",
    Severity.DROPPED: "Value not used",
    Severity.DUPLICATE: "Counted once",
    Severity.NOTICE: "Note",
}
"""What each issue means for the figures."""

SHAPE_WORDS = {"attack log": "One row per attack", "daily log": "One row per day"}
"""Diary shapes as a patient would describe them."""

SCALE_WORDS = {
    "bni": (
        "Two short scales neurologists use for trigeminal neuralgia (from the Barrow "
        "Neurological Institute): how much pain you have and how much medicine it needs (I–V), "
        "and how much your face is numb (I–IV)."
    ),
    "phq9": (
        "PHQ-9: nine questions about mood over the last two weeks. Your clinician uses the total "
        "(0–27) to see how you are doing; it does not diagnose anything on its own."
    ),
    "gad7": (
        "GAD-7: seven questions about worry and anxiety over the last two weeks (total 0–21)."
    ),
}
"""One line under each scale saying what it is."""

DIVISION_WORDS = {
    "V1": "forehead and eye",
    "V2": "cheek, upper lip, upper teeth",
    "V3": "jaw, lower lip, lower teeth",
}
"""The trigeminal nerve's three branches by the part of the face each serves."""

SAMPLE_ITEM9 = (
    "The invented sample patient answered this question above 0. On the page this is flagged "
    "for the clinician. With your own answers, a message for you would appear here."
)
"""Beside item 9 for the sample: third person, never addressed to the reader."""

SAMPLE_BANNER = (
    "Sample data — an invented patient. Everything shown is made up, to show what tnprep does. "
    "Add your own files under “Your files” to use yours."
)

_CLI_HINTS = (
    (re.compile(r"\s*\(--monthfirst, or in the app\)"), " (choose it beside the file, under "
     "“Your files”)"),
    (re.compile(r"map it with --map \"[^\"]*\" or in the app"),
     "choose what it holds in the file's “Columns of …” box above the tabs"),
    (re.compile(r"--(?:dayfirst|monthfirst)"), "the date-order question beside the file"),
)  # fmt: skip


def app_message(message: str) -> str:
    """An issue's message with command-line advice replaced by what to do in the app.

    Its ISO dates ("2020-09-25", kept so in the summary JSON and on the command line) are
    written as the rest of the app and the page write them: "25 Sep 2020".
    """
    for pattern, words in _CLI_HINTS:
        message = pattern.sub(words, message)
    return _ISO_DAY.sub(_day_words, message)


_ISO_DAY = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\dT-])")
"""A calendar day written ISO 8601, not part of a longer number or a date-time."""


def _day_words(found: re.Match[str]) -> str:
    try:
        return day_text(dt.date(*(int(part) for part in found.groups())))
    except ValueError:  # not a real day (2026-02-30): as written
        return found.group(0)


def field_words(field: str) -> str:
    """A diary field in plain words (the field id itself when it has none)."""
    if field == NOT_USED:
        return field
    return FIELD_WORDS.get(field, field.replace("_", " "))

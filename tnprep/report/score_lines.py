"""Score lines of the page: PHQ-9 / GAD-7 tiles (totals, floors, dates), BNI descriptors, notes.

SPEC *Scores*: an incomplete form shows a floor, "≥ N (band of N), k of 9 answered"; each
administration is shown with its date and the page says when another one differs. BNI scores
carry their descriptors (Rogers et al. 2000) and are marked self-rated. Pure, plain text.
"""

from __future__ import annotations

import datetime as dt

from tnprep import bni
from tnprep.report.wording import day_text
from tnprep.summary import QuestionnaireScore, Summary


def score_value_detail(score: QuestionnaireScore | None, items: int) -> tuple[str, str]:
    """Return (value, detail) for a PHQ-9 / GAD-7 tile.

    SPEC *Scores*: a total with its band and date, or for an incomplete form a floor:
    ('≥ 24', '(severe), 8 of 9 answered; 30 Oct 2026').
    """
    if score is None:
        return "–", "not answered"
    dated = f"; {day_text(score.date)}" if score.date is not None else ""
    if score.score is None:
        return (
            f"≥ {score.floor}",
            f"({score.floor_band}), {score.answered} of {items} answered{dated}",
        )
    return str(score.score), f"{score.band or ''}{dated}"


def questionnaire_notes(summary: Summary) -> str | None:
    """PHQ-9 item 10 and other administrations that differ, as one line; ``None`` if neither."""
    notes = []
    phq9 = summary.scores.phq9
    if phq9 is not None and phq9.difficulty:
        notes.append(f"PHQ-9 item 10 (difficulty): {phq9.difficulty}")
    for name, score in (("PHQ-9", phq9), ("GAD-7", summary.scores.gad7)):
        if score is None:
            continue
        for other in score.older:
            result = (
                str(other.score)
                if other.score is not None
                else f"≥ {other.floor}, {other.answered} of {score.items} answered"
            )
            notes.append(
                f"{_which(name, score.date, other.date)} "
                f"({day_text(other.date) if other.date else 'undated'}, {other.file}) gave {result}"
            )
    return "; ".join(notes) or None


def _which(name: str, shown: dt.date | None, other: dt.date | None) -> str:
    """'an earlier PHQ-9', 'a later PHQ-9', 'another PHQ-9 of the same day' or 'another PHQ-9'.

    Session 6 review: every other administration was "an older PHQ-9", also one filled in after
    the one shown (the latest complete form is shown; a later incomplete one is not).
    """
    if shown is None or other is None:
        return f"another {name}"
    if other == shown:
        return f"another {name} of the same day"
    return f"an earlier {name}" if other < shown else f"a later {name}"


# ---------------------------------------------------------------------------
# Attack pattern
# ---------------------------------------------------------------------------


def bni_detail(pain: str | None, numbness: str | None) -> str:
    """The descriptors of the BNI scores given (Rogers et al. 2000)."""
    parts = []
    if pain is not None:
        parts.append(f"{pain}: {bni.BNI_PAIN_WORDS.get(pain, '')}")
    if numbness is not None:
        parts.append(f"{numbness}: {bni.BNI_NUMBNESS_WORDS.get(numbness, '')}")
    return "; ".join(parts)

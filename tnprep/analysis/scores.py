"""PHQ-9 and GAD-7 totals and severity bands, and the BNI scores, from the patient's answers.

A questionnaire with an unanswered item gets no total and no band, only the number of items
answered (SPEC *Scores*): prorating would invent answers. A questionnaire with no item answered
is ``None``. The bands are documented in docs/questionnaires.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from tnprep.model import Answers
from tnprep.summary import QuestionnaireScore, Scores

# PHQ-9 bands: Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613 (table 3 cut-points
# 5, 10, 15, 20 for mild, moderate, moderately severe and severe depression).
PHQ9_BANDS: tuple[tuple[int, str], ...] = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "moderately severe"),
    (20, "severe"),
)
"""(lowest total, band) in ascending order; totals run 0–27."""

# GAD-7 bands: Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092–1097 (cut-points
# 5, 10 and 15 for mild, moderate and severe anxiety).
GAD7_BANDS: tuple[tuple[int, str], ...] = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "severe"),
)
"""(lowest total, band) in ascending order; totals run 0–21."""

# BNI pain and numbness scores: Rogers et al. 2000, Int J Radiat Oncol Biol Phys 47:1013–1019.
# They are reported as the patient gave them (validated at ingest), never derived.


def score_answers(answers: Answers) -> Scores:
    """Score the questionnaires in ``answers``.

    Returns:
        PHQ-9 and GAD-7 results (``None`` when no item was answered) and the BNI scores as given.
    """
    return Scores(
        phq9=score_items(answers.phq9, PHQ9_BANDS, item9=True),
        gad7=score_items(answers.gad7, GAD7_BANDS, item9=False),
        bni_pain=answers.bni_pain,
        bni_numbness=answers.bni_numbness,
    )


def score_items(
    items: Sequence[int | None], bands: Sequence[tuple[int, str]], *, item9: bool
) -> QuestionnaireScore | None:
    """Total and band of one questionnaire.

    Args:
        items: Each item's points 0–3, ``None`` when unanswered.
        bands: (lowest total, band name), ascending.
        item9: Carry item 9 (PHQ-9's thoughts of self-harm) whenever it is answered.

    Returns:
        ``None`` when no item was answered; otherwise the result, whose total and band are
        ``None`` unless every item was answered.
    """
    answered = [value for value in items if value is not None]
    if not answered:
        return None
    complete = len(answered) == len(items)
    total = sum(answered) if complete else None
    return QuestionnaireScore(
        score=total,
        band=None if total is None else band_of(total, bands),
        answered=len(answered),
        item9=items[8] if item9 else None,
    )


def band_of(total: int, bands: Sequence[tuple[int, str]]) -> str:
    """The band whose lowest total is the highest one not above ``total``."""
    return [name for lowest, name in bands if total >= lowest][-1]

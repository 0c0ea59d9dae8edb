"""PHQ-9 and GAD-7 totals and severity bands, and the BNI scores, from the patient's answers.

A questionnaire with an unanswered item gets no total: the sum of its answered items is a floor
('≥ N (band of N), k of 9 answered', SPEC *Scores*); prorating would invent answers. Each
administration (file, date) is scored as a unit, never mixed with another file's items; the
latest complete one is shown. A questionnaire with no item answered is ``None``. The bands are
documented in docs/questionnaires.md.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from tnprep.model import Administration, Answers
from tnprep.summary import QuestionnaireScore, ScoreAdministration, Scores

# PHQ-9 bands: Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613 — verified against
# its abstract: "PHQ-9 scores of 5, 10, 15, and 20 represented mild, moderate, moderately severe,
# and severe depression" (the word "minimal" for 0–4 is SPEC's; docs/clinical-sources.md).
PHQ9_BANDS: tuple[tuple[int, str], ...] = (
    (0, "minimal"),
    (5, "mild"),
    (10, "moderate"),
    (15, "moderately severe"),
    (20, "severe"),
)
"""(lowest total, band) in ascending order; totals run 0–27."""

# GAD-7 bands: Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092–1097 (cut-points
# 5, 10 and 15 for mild, moderate and severe anxiety — checked as quoted from the article by
# secondary pages; the article's own sentence was not in the stored text).
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

    Each administration (file, date) is scored as a unit; the latest complete one is shown, and
    the others that differ are kept in ``older`` (SPEC *Scores*). Answers with no administration
    (entered or edited in the app) are one administration of their own.

    Returns:
        PHQ-9 and GAD-7 results (``None`` when no item was answered) and the BNI scores as given.
    """
    phq9 = _shown(_administrations(answers, "phq9"), PHQ9_BANDS, item9=True)
    if phq9 is not None:
        phq9 = dataclasses.replace(phq9, difficulty=answers.phq9_difficulty)
    return Scores(
        phq9=phq9,
        gad7=_shown(_administrations(answers, "gad7"), GAD7_BANDS, item9=False),
        bni_pain=answers.bni_pain,
        bni_numbness=answers.bni_numbness,
    )


def _administrations(answers: Answers, scale: str) -> list[Administration]:
    """The form's administrations; the merged items alone when they match none of them.

    The reader merges files later-wins into ``answers.phq9``. Answers entered or changed in the
    app come as one more administration, last, holding the form as edited with the day the user
    gave it (``tnprep.app.questionnaire``); the files' own stay as they were. Items that match
    neither (no administration given) are one administration dated with the questionnaire's
    date only when no file's administration exists: a file's day is never put on other answers.
    """
    merged: tuple[int | None, ...] = getattr(answers, scale)
    found = [item for item in answers.administrations if item.scale == scale]
    if found and (found[-1].items == merged or _later_wins(found, len(merged)) == merged):
        return found
    if all(value is None for value in merged):
        return []
    day = None if found else answers.questionnaire_date
    return [Administration(scale, "", day, merged)]


def _later_wins(found: Sequence[Administration], count: int) -> tuple[int | None, ...]:
    values: list[int | None] = [None] * count
    for administration in found:
        for index, value in enumerate(administration.items[:count]):
            if value is not None:
                values[index] = value
    return tuple(values)


def _shown(
    found: Sequence[Administration], bands: Sequence[tuple[int, str]], *, item9: bool
) -> QuestionnaireScore | None:
    """The latest complete administration (undated ones count as oldest), else the latest."""
    if not found:
        return None
    order = sorted(range(len(found)), key=lambda index: (found[index].date or dt.date.min, index))
    complete = [index for index in order if None not in found[index].items]
    chosen = complete[-1] if complete else order[-1]
    score = score_items(found[chosen].items, bands, item9=item9)
    if score is None:
        return None
    older = tuple(
        _other(found[index], score)
        for index in reversed(order)
        if index != chosen and _differs(found[index], score)
    )
    return dataclasses.replace(
        score, date=found[chosen].date, file=found[chosen].file or None, older=older
    )


def _differs(administration: Administration, shown: QuestionnaireScore) -> bool:
    answered = [value for value in administration.items if value is not None]
    if not answered:
        return False
    complete = len(answered) == len(administration.items)
    return (sum(answered) if complete else None, len(answered), sum(answered)) != (
        shown.score,
        shown.answered,
        shown.score if shown.score is not None else shown.floor,
    )


def _other(administration: Administration, shown: QuestionnaireScore) -> ScoreAdministration:
    answered = [value for value in administration.items if value is not None]
    complete = len(answered) == len(administration.items)
    return ScoreAdministration(
        file=administration.file,
        date=administration.date,
        score=sum(answered) if complete else None,
        floor=None if complete else sum(answered),
        answered=len(answered),
    )


def score_items(
    items: Sequence[int | None], bands: Sequence[tuple[int, str]], *, item9: bool
) -> QuestionnaireScore | None:
    """Total and band of one administration.

    Args:
        items: Each item's points 0–3, ``None`` when unanswered.
        bands: (lowest total, band name), ascending.
        item9: This is the PHQ-9: carry item 9 (thoughts of self-harm) and flag it unanswered.

    Returns:
        ``None`` when no item was answered. Otherwise the result: total and band when every item
        was answered; with unanswered items no total, but the answered sum as a *floor* ('≥ N')
        and its band — prorating would invent answers, and a floor never does.
    """
    answered = [value for value in items if value is not None]
    if not answered:
        return None
    complete = len(answered) == len(items)
    total = sum(answered) if complete else None
    floor = None if complete else sum(answered)
    return QuestionnaireScore(
        score=total,
        band=None if total is None else band_of(total, bands),
        answered=len(answered),
        item9=items[8] if item9 and len(items) > 8 else None,
        items=len(items),
        floor=floor,
        floor_band=None if floor is None else band_of(floor, bands),
        item9_unanswered=item9 and len(items) > 8 and items[8] is None,
    )


def band_of(total: int, bands: Sequence[tuple[int, str]]) -> str:
    """The band whose lowest total is the highest one not above ``total``."""
    return [name for lowest, name in bands if total >= lowest][-1]

"""PHQ-9 / GAD-7 totals and bands, hand-computed, every band boundary."""

from __future__ import annotations

import pytest

from tnprep.analysis.scores import GAD7_BANDS, PHQ9_BANDS, band_of, score_answers
from tnprep.model import Answers
from tnprep.summary import QuestionnaireScore, Scores


def _items(total: int, count: int) -> tuple[int, ...]:
    """Items summing to ``total``: 3s first, then the remainder, then 0s."""
    full, remainder = divmod(total, 3)
    items = [3] * full + ([remainder] if remainder else [])
    return tuple(items + [0] * (count - len(items)))


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately severe"),
        (19, "moderately severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_band_boundaries(total: int, band: str) -> None:
    items = _items(total, 9)
    assert sum(items) == total  # the helper itself is right
    result = score_answers(Answers(phq9=items)).phq9
    assert result == QuestionnaireScore(score=total, band=band, answered=9, item9=items[8])


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_band_boundaries(total: int, band: str) -> None:
    result = score_answers(Answers(gad7=_items(total, 7))).gad7
    assert result == QuestionnaireScore(score=total, band=band, answered=7, item9=None, items=7)


def test_hand_computed_phq9() -> None:
    # 1+2+0+3+1+0+2+1+1 = 11 → moderate; item 9 = 1
    result = score_answers(Answers(phq9=(1, 2, 0, 3, 1, 0, 2, 1, 1))).phq9
    assert result == QuestionnaireScore(score=11, band="moderate", answered=9, item9=1)


@pytest.mark.parametrize(
    ("phq9", "expected"),
    [
        ((None,) * 9, None),
        (
            (1, 1, 1, 1, 1, 1, 1, 1, None),
            QuestionnaireScore(
                None, None, 8, None, floor=8, floor_band="mild", item9_unanswered=True
            ),
        ),
        (
            (None, None, None, None, None, None, None, None, 2),
            QuestionnaireScore(None, None, 1, 2, floor=2, floor_band="minimal"),
        ),
        (
            (3, None, 3, 3, 3, 3, 3, 3, 0),
            QuestionnaireScore(None, None, 8, 0, floor=21, floor_band="severe"),
        ),
    ],
)
def test_missing_items_give_no_total(
    phq9: tuple[int | None, ...], expected: QuestionnaireScore | None
) -> None:
    assert score_answers(Answers(phq9=phq9)).phq9 == expected


def test_item9_carried_even_when_total_is_low() -> None:
    result = score_answers(Answers(phq9=(0, 0, 0, 0, 0, 0, 0, 0, 1))).phq9
    assert result is not None
    assert (result.score, result.band, result.item9) == (1, "minimal", 1)


def test_gad7_missing_item_and_bni_passed_through() -> None:
    answers = Answers(gad7=(1, 1, None, 1, 1, 1, 1), bni_pain="IIIa", bni_numbness="II")
    assert score_answers(answers) == Scores(
        phq9=None,
        gad7=QuestionnaireScore(None, None, 6, None, items=7, floor=6, floor_band="mild"),
        bni_pain="IIIa",
        bni_numbness="II",
    )


@pytest.mark.parametrize(("bands", "maximum"), [(PHQ9_BANDS, 27), (GAD7_BANDS, 21)])
def test_every_total_has_exactly_one_band(bands: tuple[tuple[int, str], ...], maximum: int) -> None:
    names = [band_of(total, bands) for total in range(maximum + 1)]
    # bands are contiguous: each band appears as one run, in the table's order
    runs = [name for index, name in enumerate(names) if index == 0 or names[index - 1] != name]
    assert runs == [name for _, name in bands]

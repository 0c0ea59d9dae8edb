"""The intake form's clinical wording (``tnprep.ingest.forms``) and the care message rule."""

from __future__ import annotations

import pytest

from tnprep.analysis.care import CARE_MESSAGE, care_message
from tnprep.ingest.answer_values import SCORE_WORDS
from tnprep.ingest.forms import BNI_NUMBNESS, BNI_PAIN, SCORE_TEXT
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.summary import QuestionnaireScore, Scores


@pytest.mark.parametrize(
    ("item", "scale"), [("bni_pain", BNI_PAIN), ("bni_numbness", BNI_NUMBNESS)]
)
def test_every_bni_choice_is_a_score_the_reader_keeps(item: str, scale: dict[str, str]) -> None:
    for score, text in scale.items():
        assert text.startswith(f"{score} — ")
        data = f"item,answer\n{item},{score}\n".encode()
        answers = read_questionnaires([("form.csv", data)]).records[0]
        assert getattr(answers, item) == score


def test_the_answer_words_carry_their_points() -> None:
    assert SCORE_TEXT == {0: "Not at all (0)", 1: "Several days (1)",
                          2: "More than half the days (2)", 3: "Nearly every day (3)"}  # fmt: skip
    assert set(SCORE_TEXT) == set(SCORE_WORDS.values())


@pytest.mark.parametrize(("item9", "shown"), [(None, False), (0, False), (1, True), (3, True)])
def test_the_care_message_only_when_item_9_is_above_0(item9: int | None, shown: bool) -> None:
    phq9 = QuestionnaireScore(score=None, band=None, answered=9, item9=item9)
    scores = Scores(phq9=phq9, gad7=None, bni_pain=None, bni_numbness=None)
    assert care_message(scores) == (CARE_MESSAGE if shown else None)
    assert care_message(Scores(None, None, None, None)) is None

"""The real files kept in tests/real_data (PROVENANCE.md there), read as a careful human would.

HL7's own SDC PHQ-9 QuestionnaireResponse examples (BSD-3-Clause): no LOINC codes at all, answer
codes written as words ('Several days', 'Not-at-all'), a stated total of 13 that the items do not
add up to, and in the adaptive one a questionnaire that is only a reference to a contained
Questionnaire ('#contained-adaptive-questionnaire-example-phq9') titled "Patient Health
Questionnaire - 9 Item".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tnprep.analysis.scores import score_answers
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.issues import IssueCode

REAL_DATA = Path(__file__).resolve().parent / "real_data"


@pytest.mark.parametrize(
    ("name", "items", "total"),
    [
        ("hl7_sdc_phq9_answers.json", (1, 0, 0, 1, 2, 1, 3, 2, 1), 11),
        ("hl7_sdc_adaptive_phq9.json", (0, 0, 0, 1, 2, 1, 3, 2, 1), 10),
    ],
)
def test_hl7_phq9_examples_are_scored_from_their_items(
    name: str, items: tuple[int, ...], total: int
) -> None:
    path = REAL_DATA / name
    loaded = read_questionnaires([(path.name, path.read_bytes())])
    answers = loaded.records[0]
    assert answers.phq9 == items
    score = score_answers(answers).phq9
    assert score is not None and (score.score, score.band, score.item9) == (total, "moderate", 1)
    differs = [issue for issue in loaded.issues if issue.code is IssueCode.STATED_TOTAL_DIFFERS]
    assert len(differs) == 1 and "13" in differs[0].message

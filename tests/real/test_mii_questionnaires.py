"""FHIR responses in the MII PRO module layout: numbered linkIds 'PHQ.1', 'phq-gad7-q01'.

Layouts re-created in tests/real/files (see its PROVENANCE.md). A PHQ-9 whose questionnaire URL
names it but whose items cannot be placed must never read as "not answered" without a word.
"""

from __future__ import annotations

from pathlib import Path

from tnprep.analysis.scores import score_answers
from tnprep.ingest.questionnaire import read_questionnaires

FILES = Path(__file__).resolve().parent / "files"


def _read(name: str) -> tuple[object, list[str]]:
    path = FILES / name
    loaded = read_questionnaires([(path.name, path.read_bytes())])
    return loaded.records[0], [issue.code for issue in loaded.issues]


def test_mii_phq9_items_and_item9_are_read() -> None:
    answers, codes = _read("mii_phq9_response.json")
    assert answers.phq9 == (1, 0, 2, 1, 0, 1, 0, 0, 2)  # type: ignore[attr-defined]
    result = score_answers(answers).phq9  # type: ignore[arg-type]
    assert result is not None
    assert (result.score, result.band, result.item9) == (7, "mild", 2)
    assert answers.phq9_difficulty == "somewhat difficult"  # type: ignore[attr-defined]
    assert answers.other == ()  # type: ignore[attr-defined]
    assert codes == []


def test_mii_gad7_items_are_read_and_the_t_score_is_only_kept() -> None:
    answers, codes = _read("mii_gad7_response.json")
    assert answers.gad7 == (2, 1, 1, 0, 3, 1, 2)  # type: ignore[attr-defined]
    result = score_answers(answers).gad7  # type: ignore[arg-type]
    assert result is not None and (result.score, result.band) == (10, "moderate")
    kept = dict(answers.other)  # type: ignore[attr-defined]
    assert kept == {"phq-gad7-promis-tscore": "58.2"}  # the stated total is read, not clutter
    assert codes == []


def test_mii_gad7_stated_total_is_compared() -> None:
    path = FILES / "mii_gad7_response.json"
    text = path.read_text(encoding="utf-8").replace('"valueDecimal": 10', '"valueDecimal": 12')
    loaded = read_questionnaires([(path.name, text.encode("utf-8"))])
    assert [issue.code for issue in loaded.issues] == ["stated-total-differs"]


def test_a_named_panel_whose_items_cannot_be_placed_is_said_plainly() -> None:
    resource = (
        b'{"resourceType": "QuestionnaireResponse", "questionnaire": "Questionnaire/phq-9",'
        b' "item": [{"linkId": "alpha", "answer": [{"valueInteger": 2}]},'
        b' {"linkId": "beta", "answer": [{"valueInteger": 1}]}]}'
    )
    loaded = read_questionnaires([("phq.json", resource)])
    (issue,) = loaded.issues
    assert issue.code == "fhir-items-not-placed"
    assert "PHQ-9" in issue.message and "item 9" in issue.message
    assert score_answers(loaded.records[0]).phq9 is None

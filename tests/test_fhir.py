"""FHIR R4 QuestionnaireResponse reading and writing (tnprep.ingest.fhir)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tnprep.analysis.scores import score_answers
from tnprep.ingest.fhir import ANSWER_CODES, GAD7, PHQ9, answers_to_fhir
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.issues import InputError
from tnprep.model import Answers

# LOINC item codes in form order, as published in the HL7 PHR Format IG examples
# (QuestionnaireResponse-ScoredAssessment-PHQ9.fsh / -GAD7.fsh). Written out here, not
# derived from the module, so a typo in the module fails this test.
PHQ9_CODES = (
    "44250-9",
    "44255-8",
    "44259-0",
    "44254-1",
    "44251-7",
    "44258-2",
    "44252-5",
    "44253-3",
    "44260-8",
)
GAD7_CODES = ("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7")
LA = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}


def _read(resource: object) -> tuple[Answers, list[tuple[str | None, str]]]:
    loaded = read_questionnaires([("qr.json", json.dumps(resource).encode())])
    return loaded.records[0], [(issue.column, issue.code) for issue in loaded.issues]


def _coding(value: int) -> dict[str, object]:
    return {"valueCoding": {"system": "http://loinc.org", "code": LA[value]}}


def test_codes_match_the_published_loinc_codes() -> None:
    assert tuple(code for code, _ in PHQ9.items) == PHQ9_CODES
    assert tuple(code for code, _ in GAD7.items) == GAD7_CODES
    assert (PHQ9.code, GAD7.code) == ("44249-1", "69737-5")
    assert {code: value for value, code in LA.items()} == ANSWER_CODES


def test_phq9_by_linkid_with_value_coding() -> None:
    values = (0, 1, 2, 3, 0, 1, 2, 3, 1)
    resource = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "questionnaire": "http://loinc.org/q/44249-1",
        "item": [
            {"linkId": f"/{code}", "answer": [_coding(value)]}
            for code, value in zip(PHQ9_CODES, values, strict=True)
        ],
    }
    answers, issues = _read(resource)
    assert dataclasses.replace(answers, administrations=(), questionnaire_date=None) == Answers(
        phq9=values
    )
    assert issues == []


def test_gad7_by_item_code_nested_groups_and_value_integer() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [
            {
                "linkId": "group",
                "item": [
                    {
                        "linkId": f"g{number}",
                        "code": [{"system": "http://loinc.org", "code": code}],
                        "answer": [{"valueInteger": number % 4}],
                    }
                    for number, code in enumerate(GAD7_CODES, start=1)
                ],
            },
            {"linkId": "/70274-6", "answer": [{"valueInteger": 9}]},
        ],
    }
    answers, issues = _read(resource)
    assert answers.gad7 == (1, 2, 3, 0, 1, 2, 3)
    assert issues == [("gad7_total", "stated-total-differs")]  # 12 from the items, 9 stated


def test_numbered_linkids_when_the_questionnaire_url_names_the_panel() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "https://forms.example/Questionnaire/gad-7|69737-5",
        "item": [
            {"linkId": f"q{number}", "answer": [{"valueInteger": 1}]} for number in range(1, 8)
        ]
        + [{"linkId": "q8", "text": "Extra", "answer": [{"valueString": "x"}]}],
    }
    answers, issues = _read(resource)
    assert answers.gad7 == (1,) * 7
    assert answers.other == (("Extra", "x"),)  # the text names an unknown item, not its linkId
    assert issues == []


@pytest.mark.parametrize(
    ("answer", "expected", "codes"),
    [
        ({"valueCoding": {"code": "LA6571-9"}}, 3, []),
        ({"valueInteger": 0}, 0, []),
        ({"valueString": "Several days"}, 1, []),
        ({"valueInteger": 4}, None, [("/44260-8", "answer-invalid")]),
        (
            {"valueCoding": {"code": "LA9999-9", "display": "Sometimes"}},
            None,
            [("/44260-8", "answer-invalid")],
        ),
        ({"valueBoolean": True}, None, [("/44260-8", "answer-invalid")]),
    ],
)
def test_item9_answers(
    answer: dict[str, object], expected: int | None, codes: list[tuple[str, str]]
) -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "item": [{"linkId": "/44260-8", "answer": [answer]}],
    }
    answers, issues = _read(resource)
    assert answers.phq9[8] == expected
    assert issues == codes


def test_other_items_are_matched_by_name_or_kept() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "item": [
            {"linkId": "visit_date", "answer": [{"valueDate": "2024-05-14"}]},
            {"linkId": "1.1", "text": "Favourite food", "answer": [{"valueString": "soup"}]},
            {"linkId": "/44250-9", "answer": [{"valueInteger": 2}]},
        ],
    }
    answers, issues = _read(resource)
    assert (answers.visit_date.isoformat() if answers.visit_date else None) == "2024-05-14"
    assert answers.other == (("Favourite food", "soup"),)
    assert answers.phq9[0] == 2
    assert issues == []


def test_unrecognised_response_is_kept_with_a_notice() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "item": [{"linkId": "a", "text": "Mood", "answer": [{"valueString": "ok"}]}],
    }
    answers, issues = _read(resource)
    assert answers.other == (("Mood", "ok"),)
    assert issues == [(None, "fhir-not-phq9-gad7")]


@pytest.mark.parametrize("questionnaire", ["phq9", "gad7"])
def test_answers_to_fhir_round_trip(questionnaire: str) -> None:
    answers = Answers(phq9=(0, 1, 2, 3, 3, 2, 1, 0, 1), gad7=(3, 2, 1, 0, 1, 2, 3))
    resource = answers_to_fhir(answers, questionnaire)
    _assert_valid_response(resource)
    assert resource["status"] == "completed"
    read, issues = _read(resource)
    assert getattr(read, questionnaire) == getattr(answers, questionnaire)
    assert issues == []


def test_answers_to_fhir_partial_is_in_progress() -> None:
    answers = Answers(phq9=(1, None, 2, None, None, None, None, None, 0))
    resource = answers_to_fhir(answers, "phq9")
    _assert_valid_response(resource)
    assert resource["status"] == "in-progress"
    assert [item["linkId"] for item in resource["item"]] == ["/44250-9", "/44259-0", "/44260-8"]  # type: ignore[index, union-attr]
    assert _read(resource)[0].phq9 == answers.phq9


def test_answers_to_fhir_refuses_an_unknown_questionnaire() -> None:
    with pytest.raises(ValueError, match="phq9"):
        answers_to_fhir(Answers(), "bdi")


def _assert_valid_response(resource: dict[str, object]) -> None:
    """The R4 QuestionnaireResponse rules this writer can break (status, linkId, one answer)."""
    assert resource["resourceType"] == "QuestionnaireResponse"
    assert resource["status"] in {
        "in-progress",
        "completed",
        "amended",
        "entered-in-error",
        "stopped",
    }
    assert isinstance(resource["questionnaire"], str)
    items = resource["item"]
    assert isinstance(items, list)
    for item in items:
        assert isinstance(item["linkId"], str) and item["linkId"]
        assert set(item) <= {"linkId", "definition", "text", "answer", "item"}
        (answer,) = item["answer"]
        coding = answer["valueCoding"]
        assert coding["system"] == "http://loinc.org"
        assert coding["code"] in ANSWER_CODES
    json.dumps(resource)  # plain JSON types only


_ANY = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=15,
)
_ANSWER = st.fixed_dictionaries(
    {},
    optional={
        "valueCoding": st.fixed_dictionaries({"code": st.sampled_from([*LA.values(), "x"])}) | _ANY,
        "valueInteger": _ANY,
        "valueString": _ANY,
        "item": st.just([]),
    },
)
_ITEM = st.fixed_dictionaries(
    {},
    optional={
        "linkId": st.sampled_from(["/44250-9", "/69725-0", "q1", "name", "x", ""]) | _ANY,
        "code": st.lists(st.fixed_dictionaries({"code": st.sampled_from(PHQ9_CODES) | _ANY}))
        | _ANY,
        "text": _ANY,
        "answer": st.lists(_ANSWER, max_size=3) | _ANY,
        "item": st.just([]) | _ANY,
    },
)
_RESPONSE = st.fixed_dictionaries(
    {"resourceType": st.just("QuestionnaireResponse")},
    optional={
        "questionnaire": st.sampled_from(["http://loinc.org/q/44249-1", "x"]) | _ANY,
        "item": st.lists(_ITEM, max_size=5) | _ANY,
    },
)


@settings(max_examples=300, deadline=None)
@given(_RESPONSE)
def test_any_response_shape_gives_answers_not_a_crash(resource: dict[str, object]) -> None:
    try:
        loaded = read_questionnaires([("qr.json", json.dumps(resource).encode())])
    except InputError:
        pytest.fail("a QuestionnaireResponse is always readable, whatever its items hold")
    assert isinstance(loaded.records[0], Answers)


# --- issue 9 item 10: no codes, STU3, stated totals, authored, item 10 --------------------

WORDS = ("Not at all", "Several days", "More than half the days", "Nearly every day")
PHQ9_TEXTS = tuple(text for _, text in PHQ9.items)


def _worded(questionnaire: object, values: tuple[int, ...], texts: tuple[str, ...]) -> dict:
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": questionnaire,
        "authored": "2025-02-03T10:00:00Z",
        "item": [
            {
                "linkId": f"H1/T1/Q{number}",
                "text": text + "?",
                "answer": [{"valueCoding": {"code": WORDS[value].replace(" ", "-"),
                                            "display": WORDS[value]}}],
            }
            for number, (text, value) in enumerate(zip(texts, values, strict=True), start=1)
        ],
    }  # fmt: skip


@pytest.mark.parametrize(
    "questionnaire",
    [
        "http://example.org/Questionnaire/my-PHQ9",  # the panel named by its URL
        "http://example.org/Questionnaire/intake",  # not named: the wording alone
    ],
)
def test_phq9_without_codes_is_known_by_its_wording(questionnaire: str) -> None:
    values = (0, 1, 2, 3, 0, 1, 2, 3, 2)
    answers, issues = _read(_worded(questionnaire, values, PHQ9_TEXTS))
    assert answers.phq9 == values
    assert answers.questionnaire_date == dt.date(2025, 2, 3)
    assert issues == []


def test_item9_flagged_whatever_the_coding() -> None:
    """Issue 9: item 9 above 0 is flagged whenever a PHQ-9 item 9 is recognisable."""
    resource = _worded("urn:uuid:1234", (1,), (PHQ9_TEXTS[8],))
    answers, _ = _read(resource)
    assert answers.phq9[8] == 1
    phq9 = score_answers(answers).phq9
    assert phq9 is not None and phq9.item9 == 1


def test_stu3_definition_carries_the_loinc_code() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": {"reference": "Questionnaire/phq-9"},  # STU3: a Reference
        "item": [
            {"linkId": str(number), "definition": f"http://loinc.org/q/44249-1#{code}",
             "answer": [{"valueCoding": {"system": "http://loinc.org", "code": LA[number % 4]}}]}
            for number, code in enumerate(PHQ9_CODES, start=1)
        ],
    }  # fmt: skip
    answers, issues = _read(resource)
    assert answers.phq9 == tuple(number % 4 for number in range(1, 10))
    assert issues == []


@pytest.mark.parametrize(
    ("stated", "codes"), [(12, []), (13, [("phq9_total", "stated-total-differs")])]
)
def test_a_stated_total_is_compared_with_the_items(stated: int, codes: list[object]) -> None:
    resource = _worded("x-PHQ9", (0, 1, 2, 3, 2, 1, 0, 1, 2), PHQ9_TEXTS)
    resource["item"].append(
        {"linkId": "H1/TS", "text": "Patient health questionnaire 9 item total score",
         "answer": [{"valueQuantity": {"value": stated, "unit": "{score}"}}]}
    )  # fmt: skip
    _, issues = _read(resource)
    assert issues == codes


def test_phq9_item10_is_captured() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "item": [
            {"linkId": "/69722-7",
             "answer": [{"valueCoding": {"system": "http://loinc.org", "code": "LA6573-5"}}]},
            {"linkId": "/44260-8", "answer": [_coding(0)]},
        ],
    }  # fmt: skip
    answers, _ = _read(resource)
    assert answers.phq9_difficulty == "somewhat difficult"
    assert answers.phq9[8] == 0


def test_a_questionnaire_that_is_not_phq9_keeps_its_answers() -> None:
    resource = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": "http://example.org/sleep",
        "item": [{"linkId": "s1", "text": "How many hours did you sleep?",
                  "answer": [{"valueInteger": 7}]}],
    }  # fmt: skip
    answers, issues = _read(resource)
    assert answers.phq9 == (None,) * 9
    assert answers.other == (("How many hours did you sleep?", "7"),)
    assert issues == [(None, "fhir-not-phq9-gad7")]

"""Questionnaire CSV/XLSX/JSON reading and merging (tnprep.ingest.questionnaire)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tnprep.ingest.answer_items import match_item
from tnprep.ingest.questionnaire import answers_to_rows, read_questionnaires
from tnprep.issues import InputError, IssueCode, Severity
from tnprep.model import Answers, MriContact


def _csv(*rows: tuple[str, str], header: str = "item,answer") -> bytes:
    buffer = io.StringIO()
    buffer.write(header + "\n")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _read(
    *files: tuple[str, bytes],
) -> tuple[Answers, list[tuple[str, int | None, str | None, str]]]:
    loaded = read_questionnaires(list(files))
    assert len(loaded.records) == 1
    issues = [(issue.file, issue.row, issue.column, issue.code) for issue in loaded.issues]
    return loaded.records[0], issues


# ---------------------------------------------------------------------------
# Item names
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "item"),
    [
        ("PHQ9_1", "phq9_1"),
        ("phq-9 1", "phq9_1"),
        ("PHQ-9 item 9", "phq9_9"),
        ("phq9 q5", "phq9_5"),
        ("GAD-7 7", "gad7_7"),
        ("gad7_8", None),
        ("phq9_10", "phq9_10"),  # PHQ-9 item 10 (difficulty) is an item of its own
        ("phq9_11", None),
        ("phq9_0", None),
        ("Date of birth", "date_of_birth"),
        ("DOB", "date_of_birth"),
        ("Visit date", "visit_date"),
        ("BNI pain", "bni_pain"),
        ("BNI", "bni_pain"),
        ("bni-numbness", "bni_numbness"),
        ("Interested in", "interested_in"),
        ("Questions", "question"),
        ("Impact: eating", "impact_eating"),
        ("favourite colour", None),
        ("", None),
    ],
)
def test_item_names_match_insensitively(written: str, item: str | None) -> None:
    assert match_item(written) == item


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected", "code"),
    [
        ("0", 0, None),
        ("3", 3, None),
        ("2.0", 2, None),
        (" Not at all ", 0, None),
        ("several DAYS", 1, None),
        ("More than half the days", 2, None),
        ("Nearly every day", 3, None),
        ("4", None, "answer-invalid"),
        ("-1", None, "answer-invalid"),
        ("1.5", None, "answer-invalid"),
        ("often", None, "answer-invalid"),
        ("", None, None),
    ],
)
def test_phq_item_values(answer: str, expected: int | None, code: str | None) -> None:
    answers, issues = _read(("q.csv", _csv(("phq9_4", answer))))
    assert answers.phq9[3] == expected
    assert issues == ([] if code is None else [("q.csv", 2, "answer", code)])


@pytest.mark.parametrize(
    ("item", "answer", "field", "expected"),
    [
        ("bni_pain", "I", "bni_pain", "I"),
        ("bni_pain", "iii", "bni_pain", "III"),
        ("bni_pain", "3a", "bni_pain", "IIIa"),
        ("bni_pain", "IIIA", "bni_pain", "IIIa"),
        ("bni_pain", "Grade IIIb", "bni_pain", "IIIb"),
        ("bni_pain", "BNI IV", "bni_pain", "IV"),
        ("bni_pain", "BNI V", "bni_pain", "V"),
        ("bni_pain", "5", "bni_pain", "V"),
        ("bni_numbness", "Grade II", "bni_numbness", "II"),
        ("bni_numbness", "4", "bni_numbness", "IV"),
        ("divisions", "V2; V3", "divisions", ("V2", "V3")),
        ("divisions", "v3, v1", "divisions", ("V1", "V3")),
        ("divisions", "maxillary and mandibular", "divisions", ("V2", "V3")),
        ("divisions", "V1/V2/V2", "divisions", ("V1", "V2")),
        ("date_of_birth", "1970-04-03", "date_of_birth", dt.date(1970, 4, 3)),
        ("date_of_birth", "03.04.1970", "date_of_birth", dt.date(1970, 4, 3)),
        ("date_of_birth", "23/04/1970", "date_of_birth", dt.date(1970, 4, 23)),
        ("date_of_birth", "04/23/1970", "date_of_birth", dt.date(1970, 4, 23)),
        ("date_of_birth", "05/05/1970", "date_of_birth", dt.date(1970, 5, 5)),
        ("visit_date", "2024-05-14T09:30:00", "visit_date", dt.date(2024, 5, 14)),
        ("side", "RIGHT", "side", "right"),
        ("side", "mostly right", "side", "mostly right"),
        ("onset", "spring 2019", "onset", "spring 2019"),
        (
            "interested_in",
            "surgery; clinical trials, psychology",
            "interested_in",
            ("surgery", "clinical trials", "psychology"),
        ),
    ],
)
def test_valid_values(item: str, answer: str, field: str, expected: object) -> None:
    answers, issues = _read(("q.csv", _csv((item, answer))))
    assert getattr(answers, field) == expected
    assert issues == []


@pytest.mark.parametrize(
    ("item", "answer", "code"),
    [
        ("bni_pain", "VI", "answer-invalid"),
        ("bni_pain", "IIIc", "answer-invalid"),
        ("bni_numbness", "V", "answer-invalid"),
        ("bni_numbness", "IIIa", "answer-invalid"),
        ("divisions", "V4", "answer-invalid"),
        ("divisions", "V1, jaw", "answer-invalid"),
        ("date_of_birth", "03/04/1970", "answer-date-ambiguous"),
        ("date_of_birth", "31.02.1970", "answer-date-unreadable"),
        ("visit_date", "next Tuesday", "answer-date-unreadable"),
        ("visit_date", "13/13/2024", "answer-date-unreadable"),
    ],
)
def test_invalid_values_are_dropped_with_an_issue(item: str, answer: str, code: str) -> None:
    loaded = read_questionnaires([("q.csv", _csv(("name", "A"), (item, answer)))])
    (issue,) = loaded.issues
    assert (issue.code, issue.severity, issue.row, issue.column, issue.value) == (
        code,
        Severity.DROPPED,
        3,
        "answer",
        answer,
    )
    assert issue.file == "q.csv"
    assert loaded.records[0] == Answers(name="A")


def test_issue_rows_and_columns_for_a_whole_file() -> None:
    data = _csv(
        ("name", "Jane"),
        ("phq9_1", "7"),
        ("", "orphan answer"),
        ("", ""),
        ("gad7_2", "x"),
        header="Item,Answer,Comment",
    )
    _, issues = _read(("intake.csv", data))
    assert issues == [
        ("intake.csv", 3, "Answer", "answer-invalid"),
        ("intake.csv", 4, "Answer", "item-missing"),
        ("intake.csv", 6, "Answer", "answer-invalid"),
    ]


def test_json_issue_has_no_row_and_names_the_item() -> None:
    data = json.dumps({"name": "Jane", "PHQ-9 3": 9}).encode()
    loaded = read_questionnaires([("q.json", data)])
    (issue,) = loaded.issues
    assert (issue.row, issue.column, issue.code, issue.value) == (
        None,
        "PHQ-9 3",
        "answer-invalid",
        "9",
    )


# ---------------------------------------------------------------------------
# Whole files
# ---------------------------------------------------------------------------


def test_full_csv() -> None:
    data = _csv(
        ("Name", "Zoë Ångström"),
        ("Date of birth", "1961-02-28"),
        ("visit_date", "14.05.2024"),
        ("clinician", "Dr Ş. Öz"),
        ("diagnosis", "classical TN"),
        ("side", "left"),
        ("divisions", "V2,V3"),
        ("bni_pain", "IV"),
        *[(f"phq9_{number}", "1") for number in range(1, 10)],
        *[(f"GAD7_{number}", "Several days") for number in range(1, 8)],
        ("impact_eating", "soft food only"),
        ("goals", "eat, sleep"),
        ("question", "Is MVD an option for me?"),
        ("question", "Can I drive, on carbamazepine?"),
        ("interested_in", "surgery"),
        ("pet", "cat <b>Tom</b>"),
    )
    answers, issues = _read(("intake.csv", data))
    assert issues == []
    assert dataclasses.replace(answers, administrations=()) == Answers(
        name="Zoë Ångström",
        date_of_birth=dt.date(1961, 2, 28),
        visit_date=dt.date(2024, 5, 14),
        clinician="Dr Ş. Öz",
        diagnosis="classical TN",
        side="left",
        divisions=("V2", "V3"),
        bni_pain="IV",
        phq9=(1,) * 9,
        gad7=(1,) * 7,
        impact_eating="soft food only",
        goals="eat, sleep",
        questions=("Is MVD an option for me?", "Can I drive, on carbamazepine?"),
        interested_in=("surgery",),
        other=(("pet", "cat <b>Tom</b>"),),
    )


def test_semicolon_cp1252_csv() -> None:
    data = "Item;Answer\nname;José\nphq9_2;2\n".encode("cp1252")
    answers, issues = _read(("q.csv", data))
    assert (answers.name, answers.phq9[1], issues) == ("José", 2, [])


def test_json_object_with_lists_and_numbers() -> None:
    data = json.dumps(
        {
            "name": "Jane",
            "phq9_1": 2,
            "gad7_1": "Nearly every day",
            "divisions": ["V1", "V2"],
            "question": ["First?", "Second?"],
            "interested_in": ["surgery", "psychology"],
            "onset": 2019,
            "shoe size": 38,
            "medications tried": ["a", "b", "a"],
        }
    ).encode()
    answers, issues = _read(("q.json", data))
    assert issues == []
    assert dataclasses.replace(answers, administrations=()) == Answers(
        name="Jane",
        phq9=(2,) + (None,) * 8,
        gad7=(3,) + (None,) * 6,
        divisions=("V1", "V2"),
        questions=("First?", "Second?"),
        interested_in=("surgery", "psychology"),
        onset="2019",
        other=(("shoe size", "38"), ("medications tried", "a; b; a")),
    )


@pytest.mark.parametrize(
    ("item", "value"),
    [
        ("phq9_1", True),
        ("phq9_1", [1, 2]),
        ("name", ["a", "b"]),
        ("phq9_1", {"a": 1}),
        ("phq9_1", 1e308 * 10),
    ],
)
def test_json_wrong_types_are_dropped(item: str, value: object) -> None:
    data = json.dumps({item: value}).encode()
    answers, issues = _read(("q.json", data))
    assert answers == Answers()
    assert issues == [("q.json", None, item, "answer-invalid")]


def test_xlsx_questionnaire() -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in (
        ("item", "answer"),
        ("visit_date", dt.datetime(2024, 5, 14)),
        ("phq9_1", 2.0),
        ("onset", 2019.0),
    ):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    answers, issues = _read(("q.xlsx", buffer.getvalue()))
    assert (answers.visit_date, answers.phq9[0], answers.onset, issues) == (
        dt.date(2024, 5, 14),
        2,
        "2019",
        [],
    )


@pytest.mark.parametrize(
    ("value", "phq9", "column"),
    [
        ([0, 1, 2, 3, 0, 1, 2, 3, 1], (0, 1, 2, 3, 0, 1, 2, 3, 1), None),
        ([0, 1, 2, 3, 0, 1, 2, 9, 1], (0, 1, 2, 3, 0, 1, 2, None, 1), "PHQ-9 8"),
    ],
)
def test_json_phq9_as_one_list(
    value: list[int], phq9: tuple[int | None, ...], column: str | None
) -> None:
    data = json.dumps({"PHQ-9": value, "GAD7": [1, 1, 1]}).encode()
    loaded = read_questionnaires([("q.json", data)])
    answers = loaded.records[0]
    assert answers.phq9 == phq9
    # a list of the wrong length is not spread over the items: it is kept as written
    assert answers.gad7 == (None,) * 7
    assert answers.other == (("GAD7", "1; 1; 1"),)
    assert [issue.column for issue in loaded.issues] == ([] if column is None else [column])


def test_nothing_gives_one_empty_record() -> None:
    loaded = read_questionnaires([])
    assert loaded.records == (Answers(),)
    assert loaded.issues == ()


# ---------------------------------------------------------------------------
# Merging several files
# ---------------------------------------------------------------------------


def test_later_file_wins_with_a_notice_naming_both() -> None:
    first = _csv(("phq9_1", "1"), ("name", "Jane"), ("question", "A?"), ("question", "B?"))
    second = json.dumps({"phq9_1": 3, "name": "Jane", "question": ["B?", "C?"]}).encode()
    loaded = read_questionnaires([("first.csv", first), ("second.json", second)])
    answers = loaded.records[0]
    assert answers.phq9[0] == 3
    assert answers.name == "Jane"
    assert answers.questions == ("A?", "B?", "C?")
    replaced, repeated = loaded.issues
    assert (replaced.code, replaced.severity, replaced.file, replaced.column) == (
        "answer-replaced",
        Severity.NOTICE,
        "second.json",
        "phq9_1",
    )
    assert "first.csv (row 2)" in replaced.message and "second.json" in replaced.message
    assert (repeated.code, repeated.value) == ("answer-repeated", "B?")


def test_blank_or_invalid_later_answer_keeps_the_earlier_one() -> None:
    first = _csv(("gad7_3", "2"), ("name", "Jane"))
    second = _csv(("gad7_3", "seven"), ("name", ""))
    answers, issues = _read(("a.csv", first), ("b.csv", second))
    assert (answers.gad7[2], answers.name) == (2, "Jane")
    assert issues == [("b.csv", 2, "answer", "answer-invalid")]


def test_repeat_within_one_file_later_row_wins() -> None:
    answers, issues = _read(("a.csv", _csv(("side", "left"), ("side", "right"))))
    assert answers.side == "right"
    assert issues == [("a.csv", 3, "answer", "answer-replaced")]


def test_questions_keep_the_patients_order() -> None:
    questions = [f"Question {number}?" for number in (3, 1, 2, 10)]
    answers, _ = _read(("q.csv", _csv(*[("question", text) for text in questions])))
    assert answers.questions == tuple(questions)


# ---------------------------------------------------------------------------
# Files that are not questionnaires
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"name": "Jane",', "not valid JSON"),
        (b"[1, 2]", "not a questionnaire"),
        (b'{"resourceType": "Patient"}', "a FHIR Patient, which tnprep does not read"),
        (b"date,attacks\n2024-01-01,3\n", "item and answer"),
        (b"", "empty"),
        (b"%PDF-1.4 ...", "PDF"),
    ],
)
def test_not_a_questionnaire_raises_input_error(data: bytes, words: str) -> None:
    with pytest.raises(InputError) as error:
        read_questionnaires([("bad.file", data)])
    assert words in str(error.value)
    assert error.value.file == "bad.file"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
_ITEM_NAMES = st.sampled_from(
    [
        "phq9_1",
        "gad7_2",
        "question",
        "divisions",
        "bni_pain",
        "date_of_birth",
        "interested_in",
        "name",
        "resourceType",
        "item",
    ]
)
_OBJECTS = st.dictionaries(st.one_of(_ITEM_NAMES, st.text(max_size=8)), _JSON, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_JSON, _OBJECTS))
def test_any_json_value_gives_answers_or_input_error(value: object) -> None:
    data = json.dumps(value).encode()
    try:
        loaded = read_questionnaires([("any.json", data)])
    except InputError as error:
        assert error.file == "any.json"
    else:
        assert len(loaded.records) == 1
        assert isinstance(loaded.records[0], Answers)


# ---------------------------------------------------------------------------
# CSV download round trip
# ---------------------------------------------------------------------------

_TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
_OPTION = _TEXT.filter(lambda text: not any(mark in text for mark in ",;|"))
_SCORE = st.none() | st.integers(0, 3)


@st.composite
def _answers(draw: st.DrawFn) -> Answers:
    return Answers(
        name=draw(st.none() | _TEXT),
        date_of_birth=draw(st.none() | st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1))),
        visit_date=draw(st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))),
        goals=draw(st.none() | _TEXT),
        divisions=tuple(sorted(draw(st.sets(st.sampled_from(["V1", "V2", "V3"]))))),
        bni_pain=draw(st.none() | st.sampled_from(["I", "II", "III", "IIIa", "IIIb", "IV", "V"])),
        bni_numbness=draw(st.none() | st.sampled_from(["I", "II", "III", "IV"])),
        phq9=tuple(draw(st.lists(_SCORE, min_size=9, max_size=9))),
        gad7=tuple(draw(st.lists(_SCORE, min_size=7, max_size=7))),
        questions=tuple(draw(st.lists(_TEXT, max_size=4, unique=True))),
        interested_in=tuple(draw(st.lists(_OPTION, max_size=3, unique=True))),
        other=tuple(
            (f"extra {index}", text) for index, text in enumerate(draw(st.lists(_TEXT, max_size=3)))
        ),
    )


def _to_csv(rows: list[tuple[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(("item", "answer"))
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


@settings(max_examples=150, deadline=None)
@given(_answers())
def test_rows_round_trip_through_the_reader(answers: Answers) -> None:
    rows = answers_to_rows(answers)
    if not rows:
        return
    loaded = read_questionnaires([("download.csv", _to_csv(rows))])
    assert dataclasses.replace(loaded.records[0], administrations=()) == answers
    assert loaded.issues == ()


def test_rows_are_in_item_order() -> None:
    answers = Answers(
        name="J",
        visit_date=dt.date(2024, 5, 1),
        phq9=(1,) + (None,) * 8,
        divisions=("V1", "V3"),
        questions=("Q?",),
        other=(("x", "y"),),
    )
    assert answers_to_rows(answers) == [
        ("name", "J"),
        ("visit_date", "2024-05-01"),
        ("divisions", "V1; V3"),
        ("phq9_1", "1"),
        ("question", "Q?"),
        ("x", "y"),
    ]


def test_a_phq9_item_written_out_in_its_words_is_recognised() -> None:
    """Issue 9: PHQ-9 item 9 is flagged whatever the coding — also as a CSV item's words."""
    text = (
        "item,answer\n"
        '"Thoughts that you would be better off dead, or of hurting yourself in some way",'
        "Several days\n"
        "Trouble relaxing at work,often\n"
    )
    loaded = read_questionnaires([("export.csv", text.encode())])
    answers = loaded.records[0]
    assert answers.phq9[8] == 1
    assert answers.other == (("Trouble relaxing at work", "often"),)


def test_mri_items_and_phq9_item10_round_trip() -> None:
    answers = Answers(
        mri_contact=MriContact.NO, mri_date="2025-04", mri_side="right",
        phq9_difficulty="somewhat difficult",
    )  # fmt: skip
    rows = answers_to_rows(answers)
    assert ("mri_contact", "no") in rows and ("phq9_10", "somewhat difficult") in rows
    loaded = read_questionnaires([("download.csv", _to_csv(rows))])
    assert dataclasses.replace(loaded.records[0], administrations=()) == answers


@pytest.mark.parametrize(
    ("rows", "contact"),
    [
        ("mri_done,no\n", MriContact.NOT_DONE),
        ("mri_done,yes\n", MriContact.UNKNOWN),
        ("mri_done,yes\nmri_contact,compression\n", MriContact.YES),
        ("neurovascular contact,none\n", MriContact.NO),
    ],
)
def test_mri_status_is_read(rows: str, contact: MriContact) -> None:
    loaded = read_questionnaires([("q.csv", ("item,answer\n" + rows).encode())])
    assert loaded.records[0].mri_contact is contact


def test_docs_issue_codes_agree_with_the_registry() -> None:
    """docs/questionnaires.md lists its codes with the registry's severities."""
    docs = Path(__file__).resolve().parents[1] / "docs" / "questionnaires.md"
    table = docs.read_text(encoding="utf-8").split("## Issue codes")[1]
    rows = re.findall(r"^\| `([a-z0-9-]+)` \| (\w+) \|", table, flags=re.MULTILINE)
    assert rows
    assert [(code, IssueCode(code).severity.value) for code, _ in rows] == rows

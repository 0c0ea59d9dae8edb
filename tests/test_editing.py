"""tnprep.editing: the app's tables and form values back to typed values, and the downloads."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnprep import editing
from tnprep.ingest.columns import FIELDS
from tnprep.ingest.diary import read_diary
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.ingest.treatments import read_treatments
from tnprep.model import Answers, PartialDate, Response, Treatment, TreatmentCategory

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def sample_treatments() -> tuple[Treatment, ...]:
    return read_treatments((SAMPLES / "treatments.csv").read_bytes(), "treatments.csv").records


def without_origin(treatments: tuple[Treatment, ...]) -> list[Treatment]:
    return [dataclasses.replace(item, file="", row=None) for item in treatments]


# ---------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------


def test_the_sample_history_survives_the_table_round_trip() -> None:
    treatments = sample_treatments()
    loaded = editing.treatments_from_table(editing.treatment_table(treatments))
    assert without_origin(loaded.records) == without_origin(treatments)
    assert {record.file for record in loaded.records} == {editing.EDITED_TREATMENTS}


def test_the_table_shows_what_a_user_would_type() -> None:
    table = editing.treatment_table(sample_treatments())
    assert list(table.columns) == list(editing.TREATMENT_COLUMNS)
    first = table.iloc[1].to_dict()  # the second row of the carbamazepine titration
    assert first["treatment"] == "Carbamazepine"
    assert first["category"] == "medication"
    assert (first["start"], first["end"]) == ("2018-02", "2019-03")
    assert first["dose"] == "200 mg three times daily"
    assert first["response"] == "good"
    procedure = table.iloc[8].to_dict()
    assert (procedure["side"], procedure["recurrence"]) == ("right", "2022-05")
    assert procedure["complications"] == "numb patch on right upper lip"


@pytest.mark.parametrize(
    ("response", "relief", "cell"),
    [
        (None, None, None),
        (Response.GOOD, None, "good"),
        (None, 40.0, "40%"),
        (None, 12.5, "12.5%"),
        (Response.PARTIAL, 40.0, "partial (40%)"),
    ],
)
def test_response_cell(response: Response | None, relief: float | None, cell: str | None) -> None:
    treatment = dataclasses.replace(
        sample_treatments()[0], response=response, relief_percent=relief
    )
    assert editing.response_cell(treatment) == cell
    if cell is not None:  # and it reads back the same
        loaded = editing.treatments_from_table(pd.DataFrame([{"treatment": "x", "response": cell}]))
        assert (loaded.records[0].response, loaded.records[0].relief_percent) == (response, relief)


def test_edits_are_read_like_a_file() -> None:
    table = pd.DataFrame(
        [
            {"treatment": "Tegretol", "start": "March 2019", "dose": "200 mg tds"},
            {"treatment": "Mystery tea", "category": "complementary", "end": "2020"},
            {"treatment": None, "dose": "5 mg"},
            {"treatment": "Gabapentin", "start": "sometime"},
            {},
        ]
    )
    loaded = editing.treatments_from_table(table)
    first, second, third = loaded.records
    assert (first.name, first.name_as_written) == ("carbamazepine", "Tegretol")
    assert first.start == PartialDate(2019, 3)
    assert first.dose_mg_per_day == 600
    assert first.ongoing
    assert second.category is TreatmentCategory.COMPLEMENTARY
    assert third.start is None
    # the empty row is not a row; the nameless one is listed, and so is the unreadable date
    assert [(issue.row, issue.column, issue.code) for issue in loaded.issues] == [
        (4, "treatment", "treatment-missing"),
        (5, "start", "treatment-date-unreadable"),
    ]


def test_an_empty_table_is_no_treatments() -> None:
    loaded = editing.treatments_from_table(editing.treatment_table(()))
    assert loaded.records == ()
    assert loaded.issues == ()


def test_the_csv_download_reads_back_as_a_treatment_file() -> None:
    treatments = sample_treatments()
    data = editing.treatments_csv(editing.treatment_table(treatments))
    assert data.startswith(b"\xef\xbb\xbf" + b"treatment,category,start,end,dose")
    again = read_treatments(data, "next-visit.csv").records
    assert without_origin(again) == without_origin(treatments)


@pytest.mark.parametrize(
    ("change", "same"),
    [
        (lambda table: table, True),
        (lambda table: table.fillna(""), True),  # None and '' are both an empty cell
        (lambda table: table.assign(dose="1 mg"), False),
        (lambda table: table.iloc[::-1], False),
        (lambda table: table.iloc[1:], False),
    ],
)
def test_same_table(change: object, same: bool) -> None:
    table = editing.treatment_table(sample_treatments())
    assert editing.same_table(table, change(table.copy())) is same  # type: ignore[operator]


# ---------------------------------------------------------------------------
# Questions and answers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "questions"),
    [
        ([], ()),
        ([(1, "a"), (2, "b")], ("a", "b")),
        ([(2, "a"), (1, "b")], ("b", "a")),
        ([(1, "a"), (1, "b")], ("a", "b")),  # ties keep table order
        ([(None, "a"), (5, "b")], ("b", "a")),  # no order: last
        ([(1, "  "), (2, None), (3, " c ")], ("c",)),  # empty questions go, text is stripped
        ([(1.5, "a"), (1, "b"), (float("nan"), "c")], ("b", "a", "c")),
    ],
)
def test_questions_from_table(
    rows: list[tuple[object, object]], questions: tuple[str, ...]
) -> None:
    table = pd.DataFrame(rows, columns=list(editing.QUESTION_COLUMNS))
    assert editing.questions_from_table(table) == questions


@given(st.lists(st.text().filter(lambda text: text.strip() == text and text != ""), max_size=8))
def test_question_table_round_trip(questions: list[str]) -> None:
    single_lines = [question for question in questions if question]
    table = editing.question_table(single_lines)
    assert editing.questions_from_table(table) == tuple(single_lines)


@pytest.mark.parametrize(
    ("text", "lines"),
    [(None, ()), ("", ()), ("surgery\n\n  clinical trials \n", ("surgery", "clinical trials"))],
)
def test_text_lines(text: str | None, lines: tuple[str, ...]) -> None:
    assert editing.text_lines(text) == lines


@pytest.mark.parametrize(("text", "answer"), [(None, None), ("", None), ("  ", None), (" a ", "a")])
def test_optional_text(text: str | None, answer: str | None) -> None:
    assert editing.optional_text(text) == answer


def test_answers_csv_reads_back_unchanged() -> None:
    files = [
        (name, (SAMPLES / name).read_bytes()) for name in ("questionnaire.csv", "phq9_fhir.json")
    ]
    answers = read_questionnaires(files).records[0]
    again = read_questionnaires([("answers.csv", editing.answers_csv(answers))]).records[0]
    # One downloaded file is one administration; the answers themselves read back unchanged.
    assert dataclasses.replace(again, administrations=()) == dataclasses.replace(
        answers, administrations=()
    )


def test_answers_fhir_json() -> None:
    answers = Answers(phq9=(0, 1, 2, 3, 0, 1, 2, 3, None))
    resource = json.loads(editing.answers_fhir_json(answers, "phq9"))
    assert resource["resourceType"] == "QuestionnaireResponse"
    assert resource["status"] == "in-progress"  # item 9 unanswered
    assert resource["item"][0]["linkId"] == "/44250-9"
    assert len(resource["item"]) == 8


# ---------------------------------------------------------------------------
# Column mapping
# ---------------------------------------------------------------------------


def test_diary_headers() -> None:
    assert editing.diary_headers(b"When,How bad\n2026-01-01,3\n", "x.csv") == ("When", "How bad")


MATCHED = {"Date": "date", "Pain": "intensity"}


@pytest.mark.parametrize(
    ("chosen", "shown"),
    [
        ({}, {"Date": "date", "Pain": "intensity", "Mood": editing.NOT_USED}),
        ({"Mood": "notes"}, {"Date": "date", "Pain": "intensity", "Mood": "notes"}),
        ({"Pain": "ignore"}, {"Date": "date", "Pain": editing.NOT_USED, "Mood": editing.NOT_USED}),
    ],
)
def test_mapping_choices(chosen: dict[str, str], shown: dict[str, str]) -> None:
    assert editing.mapping_choices(("Date", "Pain", "Mood"), MATCHED, chosen) == shown


@pytest.mark.parametrize(
    ("shown", "changes"),
    [
        ({"Date": "date", "Pain": "intensity", "Mood": editing.NOT_USED}, ()),
        ({"Date": "date", "Pain": "intensity", "Mood": "notes"}, (("Mood", "notes"),)),
        (
            {"Date": "date", "Pain": editing.NOT_USED, "Mood": editing.NOT_USED},
            (("Pain", "ignore"),),
        ),
        ({"Date": "start", "Pain": "intensity", "Mood": editing.NOT_USED}, (("Date", "start"),)),
    ],
)
def test_mapping_changes(shown: dict[str, str], changes: tuple[tuple[str, str], ...]) -> None:
    assert editing.mapping_changes(shown, MATCHED) == changes


@given(
    st.dictionaries(st.sampled_from(["Date", "Pain", "Mood"]), st.sampled_from([*FIELDS, "ignore"]))
)
def test_mapping_choices_and_changes_agree(chosen: dict[str, str]) -> None:
    """Showing a choice and reading it back gives the choice (less what matched anyway)."""
    shown = editing.mapping_choices(("Date", "Pain", "Mood"), MATCHED, chosen)
    changes = dict(editing.mapping_changes(shown, MATCHED))
    expected = {
        header: field for header, field in chosen.items() if field != MATCHED.get(header, "ignore")
    }
    assert changes == expected


def test_mapping_assumptions_name_the_file_and_column() -> None:
    diary = read_diary(
        b"When,How bad\n2026-01-01 08:00,3\n",
        "odd.csv",
        mapping={"When": "start", "How bad": "intensity"},
    )
    lines = editing.mapping_assumptions(
        [diary], {"odd.csv": (("When", "start"), ("Mood", "ignore"))}
    )
    assert lines == (
        "odd.csv: column 'When' read as start (set by the user)",
        "odd.csv: column 'Mood' not used (set by the user)",
    )
    assert editing.mapping_assumptions([diary], {}) == ()

"""Fuzz questionnaire reading: random JSON, flat answer objects, FHIR-shaped and broken FHIR, CSV.

Properties, for every input:
- the only exception is ``InputError``, its message starting with the file name;
- exactly one merged ``Answers`` comes back; PHQ-9 has 9 items and GAD-7 7, each 0–3 or unknown;
- nothing lost: an unknown item answered with text is kept, as written, among the other answers;
- every issue names the file.
"""

from __future__ import annotations

import csv
import io
import json

from hypothesis import event, given
from hypothesis import strategies as st

from fuzz import fuzz_settings
from tnprep.ingest.answer_items import match_item
from tnprep.ingest.fhir import ANSWER_CODES, GAD7, LOINC, PHQ9
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.issues import InputError
from tnprep.model import Answers

FILE = "fuzzed answers.json"
ITEM_SPELLINGS = (
    "name", "Name", "date_of_birth", "Date of birth", "visit_date", "bni_pain", "BNI pain",
    "bni_numbness", "phq9_1", "PHQ-9 item 9", "phq9 10", "gad7_7", "GAD-7 1", "question",
    "questions", "interested_in", "goals", "side", "divisions", "onset", "impact_sleep",
)  # fmt: skip
"""Item names as people write them, known and almost-known ('phq9 10' is not an item)."""
UNKNOWN_ITEMS = ("favourite colour", "<script>alert(1)</script>", "=1+1", "Ωμέγα", "")
HOSTILE = ("<img src=/etc/passwd>", '=HYPERLINK("x")', "@SUM(1)", "\u202e", "a\nb", "  ")
LINK_IDS = ("/44250-9", "/44260-8", "/69725-0", "/44261-6", "1", "q9", "item7", "x", "", "/99999-9")
ITEM_CODES = (*[code for code, _ in PHQ9.items], *[code for code, _ in GAD7.items], "44261-6")
QUESTIONNAIRES = (PHQ9.canonical, GAD7.canonical, f"Questionnaire/{PHQ9.code}", "junk", None)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(HOSTILE),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def flat_objects(draw: st.DrawFn) -> dict[str, object]:
    """``{item: answer}`` with known, almost-known and unknown items."""
    keys = st.one_of(st.sampled_from(ITEM_SPELLINGS + UNKNOWN_ITEMS), st.text(max_size=12))
    keys = keys.filter(lambda key: key != "resourceType")  # that key makes it a FHIR resource
    values = st.one_of(json_scalars, st.lists(json_scalars, max_size=3), st.integers(-1, 4))
    return draw(st.dictionaries(keys, values, max_size=12))


@st.composite
def fhir_items(draw: st.DrawFn, depth: int = 0) -> dict[str, object]:
    """One QuestionnaireResponse item: LOINC codes, linkIds, answers of every value type."""
    item: dict[str, object] = {}
    if draw(st.booleans()):
        item["linkId"] = draw(st.one_of(st.sampled_from(LINK_IDS), json_scalars))
    if draw(st.booleans()):
        code = draw(st.sampled_from(ITEM_CODES))
        item["code"] = draw(st.sampled_from(([{"system": LOINC, "code": code}], code, [code])))
    if draw(st.booleans()):
        item["text"] = draw(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=12)))
    answers = st.one_of(
        st.builds(lambda code: {"valueCoding": {"system": LOINC, "code": code}},
                  st.sampled_from((*ANSWER_CODES, "LA0000-0"))),
        st.builds(lambda value: {"valueInteger": value}, st.integers(-5, 30)),
        st.builds(lambda value: {"valueString": value}, st.text(max_size=10)),
        st.builds(lambda value: {"valueCoding": value}, json_values),
        json_values,
    )  # fmt: skip
    item["answer"] = draw(st.one_of(st.lists(answers, max_size=3), json_values))
    if depth < 2 and draw(st.integers(0, 4)) == 0:
        item["item"] = draw(st.lists(fhir_items(depth + 1), max_size=3))
    return item


@st.composite
def fhir_responses(
    draw: st.DrawFn, kinds: tuple[object, ...] = ("QuestionnaireResponse", "Patient", 7, None)
) -> dict[str, object]:
    """A QuestionnaireResponse-shaped object, sometimes of another resource type."""
    kind = draw(st.sampled_from(kinds))
    resource: dict[str, object] = {"resourceType": kind, "status": "completed"}
    questionnaire = draw(st.sampled_from(QUESTIONNAIRES))
    if questionnaire is not None:
        resource["questionnaire"] = questionnaire
    resource["item"] = draw(st.one_of(st.lists(fhir_items(), max_size=12), json_values))
    return resource


@st.composite
def item_answer_csvs(draw: st.DrawFn) -> bytes:
    """An ``item,answer`` CSV with junk cells and extra columns."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from((",", ";", "\t"))))
    writer.writerow(draw(st.sampled_from((["item", "answer"], ["Item", "Answer", "x"], ["a"]))))
    cells = st.one_of(
        st.sampled_from(ITEM_SPELLINGS + UNKNOWN_ITEMS + HOSTILE), st.text(max_size=9)
    )
    writer.writerows(draw(st.lists(st.lists(cells, max_size=3), max_size=15)))
    return buffer.getvalue().encode("utf-8")


def read_or_refuse(files: list[tuple[str, bytes]]) -> Answers | None:
    """The merged answers, or ``None`` when refused with a proper ``InputError``."""
    try:
        loaded = read_questionnaires(files)
    except InputError as error:
        assert any(str(error).startswith(f"{name}: ") for name, _ in files)
        assert error.reason.strip()
        event("refused")
        return None
    assert len(loaded.records) == 1
    answers = loaded.records[0]
    assert len(answers.phq9) == 9 and len(answers.gad7) == 7
    assert all(item is None or 0 <= item <= 3 for item in (*answers.phq9, *answers.gad7))
    names = {name for name, _ in files}
    assert all(issue.file in names for issue in loaded.issues)
    return answers


@fuzz_settings(scale=3)
@given(json_values)
def test_any_json_is_read_or_refused(value: object) -> None:
    read_or_refuse([(FILE, json.dumps(value).encode("utf-8"))])


@fuzz_settings(scale=3)
@given(flat_objects())
def test_unknown_items_are_kept_as_written(value: dict[str, object]) -> None:
    answers = read_or_refuse([(FILE, json.dumps(value).encode("utf-8"))])
    assert answers is not None  # a JSON object is always a questionnaire
    for key, answer in value.items():
        if isinstance(answer, str) and answer.strip() and match_item(key) is None:
            assert (key, answer.strip()) in answers.other


@fuzz_settings(scale=3)
@given(fhir_responses())
def test_fhir_shaped_json_is_read_or_refused(resource: dict[str, object]) -> None:
    answers = read_or_refuse([(FILE, json.dumps(resource).encode("utf-8"))])
    if resource["resourceType"] == "QuestionnaireResponse":
        assert answers is not None


@fuzz_settings(scale=3)
@given(item_answer_csvs(), st.binary(max_size=200))
def test_item_answer_csvs_and_bytes_are_read_or_refused(table: bytes, junk: bytes) -> None:
    read_or_refuse([("answers.csv", table)])
    read_or_refuse([("junk.bin", junk)])

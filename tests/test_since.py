"""Since the last visit: reading earlier summaries and comparing them with the current one."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from since_factory import earlier_bytes, earlier_document, with_earlier
from summary_factory import SAMPLE_QUESTIONS, make_patient, make_summary

from tnprep.analysis.since import with_since
from tnprep.ingest.previous import read_previous, read_previous_visits
from tnprep.issues import InputError
from tnprep.summary_json import dumps
from tnprep.visits import (
    Direction,
    PreviousReading,
    SinceStatus,
    TreatmentChangeKind,
)

# ---------------------------------------------------------------------------
# Reading an earlier summary
# ---------------------------------------------------------------------------


def test_reads_an_earlier_summary_as_written() -> None:
    visit = read_previous(earlier_bytes(), "last.summary.json")
    assert (visit.file, visit.schema, visit.name) == (
        "last.summary.json",
        "tnprep.summary/1",
        "Margaret O'Brien-Novak",
    )
    assert (visit.visit_date, visit.period_start, visit.period_end) == (
        dt.date(2024, 1, 8),
        dt.date(2023, 10, 10),
        dt.date(2024, 1, 7),
    )
    assert (visit.per_recorded_day, visit.attack_free_days, visit.days_recorded) == (9.5, 4, 80)
    assert visit.phq9 is not None and (visit.phq9.score, visit.phq9.date) == (
        14,
        dt.date(2024, 1, 8),
    )
    assert visit.bni_pain == "V"
    assert visit.questions == (SAMPLE_QUESTIONS[2], "Is there a support group near me?")
    assert any(item.name == "carbamazepine" and item.ongoing for item in visit.treatments)


def test_an_older_or_leaner_schema_is_read_and_unknown_keys_are_ignored() -> None:
    document = {
        "schema": "tnprep.summary/0",
        "patient": {"name": "Margaret O'Brien-Novak", "visit_date": "2024-01-08"},
        "period": {"start": "2023-12-01", "end": "2024-01-07"},
        "attacks": {"per_recorded_day": 3},
        "future_key": {"anything": [1, 2, 3]},
    }
    visit = read_previous(json.dumps(document).encode(), "old.json")
    assert visit.per_recorded_day == 3.0
    assert (visit.phq9, visit.treatments, visit.questions, visit.days) == (None, (), (), None)


def test_a_score_with_its_own_date_keeps_it() -> None:
    document = earlier_document()
    document["scores"]["phq9"]["date"] = "2023-12-20"
    visit = read_previous(earlier_bytes(document), "last.json")
    assert visit.phq9 is not None and visit.phq9.date == dt.date(2023, 12, 20)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "damaged or not JSON"),
        (b'{"schema": "tnprep.summary/1", "patient": ', "damaged or not JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "damaged or not JSON"),
        (b"[1, 2]", "not a tnprep summary (not a JSON object)"),
        (b'{"resourceType": "QuestionnaireResponse"}', "not a tnprep summary (no 'tnprep"),
        (b'{"schema": "other.summary/1"}', "not a tnprep summary"),
        (b'{"schema": "tnprep.summary/99"}', "written by a newer tnprep (tnprep.summary/99)"),
        (b'{"schema": "tnprep.summary/1", "attacks": {"per_recorded_day": "many"}}',
         "damaged summary: 'attacks.per_recorded_day' is not a number"),
        (b'{"schema": "tnprep.summary/1", "patient": {"visit_date": "02/11/2026"}}',
         "damaged summary: 'patient.visit_date' is not a date"),
        (b'{"schema": "tnprep.summary/1", "treatments": [{"name": "x", "ongoing": "yes"}]}',
         "damaged summary: 'treatments[0].ongoing' is not true or false"),
        (b'{"schema": "tnprep.summary/1", "questions": "why?"}',
         "damaged summary: 'questions' is not a list"),
    ],
)  # fmt: skip
def test_a_damaged_or_foreign_file_is_refused_with_a_clear_reason(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        read_previous(data, "last.json")
    assert str(caught.value).startswith("last.json: ")
    assert reason in caught.value.reason


def test_utf8_bom_and_utf16_are_read() -> None:
    text = earlier_bytes().decode("utf-8")
    assert read_previous(b"\xef\xbb\xbf" + text.encode(), "a.json").per_recorded_day == 9.5
    assert read_previous(text.encode("utf-16"), "b.json").per_recorded_day == 9.5


def test_reading_several_lists_the_unreadable_ones_as_left_out() -> None:
    reading = read_previous_visits([("good.json", earlier_bytes()), ("bad.json", b"{")])
    assert [visit.file for visit in reading.visits] == ["good.json"]
    assert [item.file for item in reading.left_out] == ["bad.json"]


# ---------------------------------------------------------------------------
# The comparison
# ---------------------------------------------------------------------------


def _figures(summary: object) -> dict[str, tuple[object, object, Direction]]:
    since = summary.since  # type: ignore[attr-defined]
    return {figure.key: (figure.then, figure.now, figure.direction) for figure in since.figures}


def test_figures_then_and_now_as_each_summary_stated_them() -> None:
    summary = with_earlier()
    since = summary.since
    assert since is not None and since.status is SinceStatus.COMPARED
    now = summary.attacks
    figures = _figures(summary)
    assert figures["per_recorded_day"] == (9.5, now.per_recorded_day, Direction.LOWER)
    assert figures["attack_free_percent"][0] == 5.0  # 4 of 80 recorded days
    assert figures["intensity_max"] == (10.0, now.intensity_max, Direction.LOWER)
    assert figures["bni_pain"] == ("V", "IV", Direction.LOWER)
    assert figures["bni_numbness"] == ("I", "I", Direction.SAME)
    assert figures["phq9"] == (14.0, 10.0, Direction.LOWER)
    phq9 = next(figure for figure in since.figures if figure.key == "phq9")
    assert (phq9.then_date, phq9.now_date) == (dt.date(2024, 1, 8), dt.date(2024, 4, 10))
    assert since.overlap is None and since.identity_checked


def test_overlapping_periods_are_said_and_figures_are_not_added() -> None:
    document = earlier_document()
    document["period"] = {"start": "2023-12-01", "end": "2024-02-01", "days": 63,
                          "days_recorded": 60}  # fmt: skip
    summary = with_earlier(make_summary(), document)
    since = summary.since
    assert since is not None and since.overlap is not None
    assert (since.overlap.first_day, since.overlap.last_day, since.overlap.days) == (
        dt.date(2024, 1, 8),
        dt.date(2024, 2, 1),
        25,
    )
    # Each side keeps its own figure: the earlier 9.5 is not blended into the current rate.
    assert _figures(summary)["per_recorded_day"][:2] == (
        9.5,
        make_summary().attacks.per_recorded_day,
    )
    assert summary.attacks == make_summary().attacks


def test_treatment_changes_between_the_visits() -> None:
    since = with_earlier().since
    assert since is not None
    changes = {(change.treatment, change.change, change.date) for change in since.treatment_changes}
    # The sample stops carbamazepine 2024-02-05 and starts oxcarbazepine 2024-02-06.
    assert ("oxcarbazepine", TreatmentChangeKind.STARTED, "2024-02-06") in changes
    assert ("carbamazepine", TreatmentChangeKind.STOPPED, "2024-02-05") in changes


def test_a_dose_change_of_a_current_treatment_from_the_lists() -> None:
    document = earlier_document()
    current = next(item.treatment for item in make_summary().treatments if item.treatment.ongoing)
    document["treatments"].append({"name": current.name, "start": current.start.iso(),
                                   "end": None, "ongoing": True, "dose": "300 mg twice daily",
                                   "dose_mg_per_day": 600.0})  # fmt: skip
    since = with_earlier(make_summary(), document).since
    assert since is not None
    doses = [(change.then_dose, change.now_dose) for change in since.treatment_changes
             if change.change is TreatmentChangeKind.DOSE_CHANGED]  # fmt: skip
    assert doses == [("600 mg/day", f"{current.dose_mg_per_day:g} mg/day")]


def test_earlier_questions_with_whether_they_are_asked_again() -> None:
    since = with_earlier().since
    assert since is not None
    assert [(q.question, q.asked_again) for q in since.earlier_questions] == [
        (SAMPLE_QUESTIONS[2], True),
        ("Is there a support group near me?", False),
    ]


def test_questions_match_ignoring_case_spacing_and_the_question_mark() -> None:
    document = earlier_document()
    document["questions"] = ["  am I a CANDIDATE for   microvascular decompression"]
    since = with_earlier(make_summary(), document).since
    assert since is not None and since.earlier_questions[0].asked_again


@pytest.mark.parametrize(
    ("patient", "reason"),
    [
        ({"name": "Someone Else"}, "another patient's summary (the name differs"),
        ({"date_of_birth": "1960-01-01"}, "another patient's summary (the date of birth differs)"),
    ],
)
def test_another_patients_summary_is_refused(patient: dict[str, str], reason: str) -> None:
    document = earlier_document()
    document["patient"].update(patient)
    summary = with_earlier(make_summary(), document)
    since = summary.since
    assert since is not None and since.status is SinceStatus.NOT_COMPARED
    assert since.previous is None and since.figures == ()
    assert reason in since.left_out[0].reason
    assert "Someone" not in since.left_out[0].reason  # never quotes the name (stderr, logs)
    issue = next(i for i in summary.input.issues if i.code == "previous-left-out")
    assert issue.file == "visit0.summary.json" and reason in issue.message


def test_names_compare_ignoring_case_and_spacing() -> None:
    document = earlier_document()
    document["patient"]["name"] = "  margaret   o'brien-novak "
    since = with_earlier(make_summary(), document).since
    assert since is not None and since.status is SinceStatus.COMPARED


def test_identity_not_checkable_is_said_not_refused() -> None:
    document = earlier_document()
    document["patient"].update({"name": None, "date_of_birth": None})
    since = with_earlier(make_summary(), document).since
    assert since is not None and since.status is SinceStatus.COMPARED
    assert not since.identity_checked


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"patient": {"visit_date": "2024-05-01"}}, "dated after this visit (1 May 2024)"),
        ({"period": {"start": "2024-04-01", "end": "2024-04-30"}},
         "covers days after this period ends (to 30 Apr 2024)"),
    ],
)  # fmt: skip
def test_a_summary_after_the_current_period_is_refused(
    changes: dict[str, dict[str, str]], reason: str
) -> None:
    document = earlier_document()
    for key, values in changes.items():
        document[key].update(values)
    since = with_earlier(make_summary(), document).since
    assert since is not None and since.status is SinceStatus.NOT_COMPARED
    assert reason in since.left_out[0].reason


def test_the_same_data_says_no_change() -> None:
    summary = make_summary()
    same = json.loads(dumps(summary))
    since = with_earlier(summary, same).since
    assert since is not None and since.status is SinceStatus.NO_CHANGE
    assert since.treatment_changes == ()
    assert all(figure.direction is Direction.SAME for figure in since.figures)


def test_the_latest_usable_summary_is_compared_and_every_visit_is_in_the_series() -> None:
    older = earlier_document(per_recorded_day=12.0)
    older["patient"]["visit_date"] = "2023-07-01"
    older["period"] = {"start": "2023-04-01", "end": "2023-06-30", "days": 91, "days_recorded": 91}
    summary = with_earlier(make_summary(), older, earlier_document())
    since = summary.since
    assert since is not None and since.previous is not None
    assert since.previous.visit_date == dt.date(2024, 1, 8)
    assert [(point.date, point.per_recorded_day) for point in since.visits] == [
        (dt.date(2023, 7, 1), 12.0),
        (dt.date(2024, 1, 8), 9.5),
        (dt.date(2024, 4, 10), summary.attacks.per_recorded_day),
    ]


def test_the_series_is_carried_forward_by_the_earlier_summarys_own_comparison() -> None:
    older = earlier_document(per_recorded_day=12.0)
    older["patient"]["visit_date"] = "2023-07-01"
    older["period"] = {"start": "2023-04-01", "end": "2023-06-30", "days": 91, "days_recorded": 91}
    earlier_summary = json.loads(earlier_bytes())
    # The earlier visit's own summary, made with --previous older: its since_last_visit.visits.
    earlier_summary["since_last_visit"] = {"visits": [
        {"date": "2023-07-01", "file": "older.json", "per_recorded_day": 12.0,
         "intensity_max": 9, "phq9": 16},
        {"date": "2024-01-08", "file": None, "per_recorded_day": 9.5, "intensity_max": 10,
         "phq9": 14},
    ]}  # fmt: skip
    since = with_earlier(make_summary(), earlier_summary).since
    assert since is not None
    assert [point.date for point in since.visits] == [
        dt.date(2023, 7, 1),
        dt.date(2024, 1, 8),
        dt.date(2024, 4, 10),
    ]


def test_the_same_summary_twice_counts_once() -> None:
    reading = read_previous_visits([("a.json", earlier_bytes()), ("b.json", earlier_bytes())])
    since = with_since(make_summary(), reading).since
    assert since is not None and len(since.visits) == 2 and since.left_out == ()


def test_no_earlier_summary_leaves_the_summary_unchanged() -> None:
    summary = make_summary()
    assert with_since(summary, PreviousReading()) is summary


@pytest.mark.parametrize(
    ("then", "now", "direction"),
    [("III", "IIIa", Direction.NOT_COMPARABLE), ("IIIa", "IIIb", Direction.HIGHER),
     ("III", "III", Direction.SAME), (None, "II", Direction.NOT_COMPARABLE)],
)  # fmt: skip
def test_bni_grades_compare_in_order_and_unsplit_iii_only_with_iii(
    then: str | None, now: str, direction: Direction
) -> None:
    document = earlier_document()
    document["scores"]["bni_pain"] = then
    summary = make_summary(patient=make_patient(bni_pain=now))
    summary = dataclasses.replace(summary, scores=dataclasses.replace(summary.scores, bni_pain=now))
    assert _figures(with_earlier(summary, document))["bni_pain"] == (then, now, direction)


def test_a_questionnaire_without_a_total_is_not_compared() -> None:
    document = earlier_document()
    document["scores"]["phq9"]["score"] = None
    figures = _figures(with_earlier(make_summary(), document))
    assert figures["phq9"] == (None, 10.0, Direction.NOT_COMPARABLE)


# ---------------------------------------------------------------------------
# Properties: any bytes, any JSON — a PreviousVisit or an InputError, nothing else
# ---------------------------------------------------------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_read_or_refused(data: bytes) -> None:
    try:
        read_previous(data, "x.json")
    except InputError as error:
        assert error.file == "x.json"


@settings(max_examples=300, deadline=None)
@given(_JSON, st.sampled_from(list(earlier_document())))
def test_any_value_under_any_key_is_read_or_refused(value: object, key: str) -> None:
    document = earlier_document()
    document[key] = value
    try:
        visit = read_previous(json.dumps(document).encode(), "x.json")
    except InputError as error:
        assert error.reason
    else:
        with_since(make_summary(), PreviousReading((visit,)))  # compares without raising

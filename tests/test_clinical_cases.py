"""Issue 10's numbered cases as regression tests, through the page text and the summary JSON.

Each test builds a small patient from files (the way ``report`` does), then reads what a
neurologist would read: the PDF's text and the JSON. Every rule is shown firing and not firing.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pypdf
import pytest

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.summary import Summary
from tnprep.summary_json import dumps

TODAY = dt.date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent
HEADER = "treatment,category,start,end,dose,response,stopped_because,side_effects,notes\n"


def diary(first: dt.date, days: int, per_day: dict[int, int] | None = None) -> bytes:
    """A daily log of ``days`` days from ``first``: 4 attacks a day unless ``per_day`` says."""
    rows = ["date,attacks"]
    for offset in range(days):
        count = (per_day or {}).get(offset, 4)
        rows.append(f"{(first + dt.timedelta(days=offset)).isoformat()},{count}")
    return ("\n".join(rows) + "\n").encode()


def patient(
    treatments: str = "",
    questionnaires: tuple[tuple[str, str], ...] = (),
    diary_bytes: bytes | None = None,
) -> Summary:
    sources = Sources(
        diaries=[("diary.csv", diary_bytes or diary(dt.date(2026, 7, 1), 120))],
        treatments=[("treatments.csv", (HEADER + treatments).encode())] if treatments else [],
        questionnaires=[(name, text.encode()) for name, text in questionnaires],
    )
    return summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)


def page_text(summary: Summary) -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, "a4")))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def summary_json(summary: Summary) -> dict[str, object]:
    document = json.loads(dumps(summary))
    assert isinstance(document, dict)
    return document


def questionnaire(*rows: str) -> tuple[str, str]:
    return ("q.csv", "item,answer\n" + "\n".join(rows) + "\n")


# --- 1. Safety history shown first, never cut --------------------------------------------

SODIUM_HISTORY = (
    'Carbamazepine,,2018,2019-03,200 mg tds,good,side effects,"hyponatraemia (sodium 128)",\n'
    "Oxcarbazepine,,2026-06-01,,600 mg bd,60%,,,\n"
)


def test_case1_sodium_history_is_in_the_safety_block_with_value_and_date() -> None:
    summary = patient(SODIUM_HISTORY)
    text = page_text(summary)
    assert "Safety" in text
    assert "Low sodium recorded before" in text
    assert "hyponatraemia (sodium 128)" in text
    assert "2018 – Mar 2019" in text
    assert "Taken now: oxcarbazepine" in text
    assert text.index("Low sodium recorded before") < text.index("At a glance")
    (note,) = summary_json(summary)["safety"]  # type: ignore[misc]
    assert note["class"] == "sodium-lowering"
    assert note["events"][0]["value"] == "sodium 128"


def test_case1_safety_survives_a_crowded_page() -> None:
    many = "".join(
        f"Drug{number},medication,2020,2021,,none,inefficacy,,\n" for number in range(40)
    )
    text = page_text(patient(many + SODIUM_HISTORY))
    assert "hyponatraemia (sodium 128)" in text


def test_case1_eslicarbazepine_is_in_the_sodium_class() -> None:
    summary = patient("Zebinix,,2019,2020,,none,side effects,low sodium 129,\n")
    assert [note.drug_class.value for note in summary.safety] == ["sodium-lowering"]


@pytest.mark.parametrize(
    "row",
    [
        'Pregabalin,,2019,2020,,none,side effects,"low sodium 129",\n',  # not the class
        "Carbamazepine,,2019,2020,,none,side effects,dizziness,\n",  # not the class effect
    ],
)
def test_case1_no_safety_line_without_a_class_effect(row: str) -> None:
    summary = patient(row)
    assert summary.safety == ()
    assert "recorded before" not in page_text(summary)


def test_case1_side_effects_are_in_every_treatment_line() -> None:
    rows = "".join(
        f"Drug{number},medication,20{10 + number},20{11 + number},,none,inefficacy,"
        f"effect{number},\n"
        for number in range(6)
    )
    text = page_text(patient(rows))
    for number in range(6):
        assert f"effect{number}" in text


# --- 2. Incomplete PHQ-9: a floor, and item 9 unanswered flagged ---------------------------

INCOMPLETE = tuple(f"phq9_{number},3" for number in range(1, 9))


def test_case2_incomplete_phq9_shows_a_floor_and_asks_about_item9() -> None:
    summary = patient(questionnaires=(questionnaire(*INCOMPLETE),))
    text = page_text(summary)
    assert "≥ 24" in text
    assert "(severe), 8 of 9 answered" in text
    assert "PHQ-9 item 9 not answered — ask" in text
    phq9 = summary_json(summary)["scores"]["phq9"]  # type: ignore[index]
    assert (phq9["score"], phq9["floor"], phq9["floor_band"]) == (None, 24, "severe")
    assert phq9["item9_unanswered"] is True


def test_case2_complete_phq9_has_no_unanswered_flag() -> None:
    summary = patient(questionnaires=(questionnaire(*INCOMPLETE, "phq9_9,0"),))
    text = page_text(summary)
    assert "not answered — ask" not in text
    assert summary.scores.phq9 is not None and summary.scores.phq9.score == 24


def test_case9_two_files_of_different_dates_are_never_merged() -> None:
    older = questionnaire("questionnaire_date,2026-01-10", *(f"phq9_{n},3" for n in range(1, 10)))
    newer = (
        "new.csv",
        "item,answer\nquestionnaire_date,2026-10-01\n"
        + "".join(f"phq9_{n},0\n" for n in range(1, 6)),
    )
    summary = patient(questionnaires=(older, newer))
    phq9 = summary.scores.phq9
    assert phq9 is not None
    # The latest complete administration is shown (the older file), never a chimeric mix.
    assert (phq9.score, phq9.date) == (27, dt.date(2026, 1, 10))
    assert [(older.floor, older.answered) for older in phq9.older] == [(0, 5)]
    # the later, incomplete form is "a later PHQ-9", never "an older" (session 6 review)
    text = page_text(summary)
    assert "a later PHQ-9 (1 Oct 2026, new.csv) gave ≥ 0, 5 of 9 answered" in text
    assert "A later PHQ-9 (1 Oct 2026, new.csv) left item 9 unanswered." in text


def test_case9_phq9_item10_is_captured() -> None:
    summary = patient(questionnaires=(questionnaire("phq9_10,Very difficult"),))
    assert summary_json(summary)["patient"]["phq9_difficulty"] == "very difficult"  # type: ignore[index]


def test_case9_bni_shows_its_descriptor_and_self_rated() -> None:
    text = page_text(patient(questionnaires=(questionnaire("bni_pain,IV", "bni_numbness,II"),)))
    assert "(self-rated)" in text
    assert "IV: some pain, not adequately controlled with medication" in text


# --- 3. No nudge toward surgery ------------------------------------------------------------

NUDGES = ("lists surgical options", "should", "recommend", "consider surgery")


@pytest.mark.parametrize(
    "rows",
    [
        "Carbamazepine,,2018,2019,,none,side effects,rash,\nOxcarbazepine,,2020,,,good,,,\n",
        "Carbamazepine,,2018,2019,,none,inefficacy,,\nMVD,procedure,2020-03,2020-03,,good,,,\n",
    ],
)
def test_case3_no_sentence_reads_as_a_recommendation(rows: str) -> None:
    summary = patient(rows)
    words = " ".join([page_text(summary), *summary_json(summary)["discussion_points"]])  # type: ignore[list-item]
    assert not any(nudge in words.casefold() for nudge in NUDGES)


def test_case3_psychological_support_sentence_once_and_no_band_repeat() -> None:
    rows = tuple(f"phq9_{n},2" for n in range(1, 10)) + tuple(f"gad7_{n},2" for n in range(1, 8))
    summary = patient("Carbamazepine,,2020,,,good,,,\n", (questionnaire(*rows),))
    points = summary_json(summary)["discussion_points"]
    assert sum("psychological support" in point for point in points) == 1  # type: ignore[union-attr]
    assert not any("score 18" in point for point in points)  # type: ignore[union-attr]
    assert "no psychological support in the history" in page_text(summary)


# --- 4. Before/after: overlapping, titration, latency, the threshold named -------------------


def test_case4_start_and_dose_change_14_days_later_are_overlapping() -> None:
    rows = (
        "Oxcarbazepine,,2026-08-01,2026-08-14,300 mg bd,,dose increased,,\n"
        "Oxcarbazepine,,2026-08-15,,600 mg bd,,,,\n"
    )
    summary = patient(rows, diary_bytes=diary(dt.date(2026, 6, 1), 150))
    verdicts = [item["verdict"] for item in summary_json(summary)["before_after"]]  # type: ignore[index, union-attr]
    assert verdicts == ["overlapping change", "overlapping change"]
    text = page_text(summary)
    assert "overlapping change" in text and "no figure claimed" in text
    assert "attacks per recorded day (28 days before" not in text


def test_case4_radiosurgery_within_weeks_is_too_early() -> None:
    summary = patient("Gamma Knife,procedure,2026-09-20,2026-09-20,,,,,\n")
    (item,) = summary.before_after
    assert (item.verdict.value, item.rule) == ("too early", "radiosurgery")
    assert "too early to compare (days 91–180 after; radiosurgery latency)" in page_text(summary)
    assert not [f for f in summary.findings if f.kind.value.startswith("no change")]


def test_case4_lamotrigine_is_judged_after_its_titration() -> None:
    summary = patient(
        "Lamotrigine,,2026-07-15,,,,,,\n", diary_bytes=diary(dt.date(2026, 6, 1), 150)
    )
    (item,) = summary.before_after
    assert item.rule == "lamotrigine"
    assert (item.after.first_day - item.date).days == 43


def test_case4_a_single_change_with_enough_diary_is_compared_and_names_the_threshold() -> None:
    summary = patient("Pregabalin,,2026-08-01,,,,,,\n", diary_bytes=diary(dt.date(2026, 6, 1), 150))
    (item,) = summary.before_after
    assert item.verdict.value == "compared"
    points = summary_json(summary)["discussion_points"]
    assert any("not followed by a fall of 30 % or more" in point for point in points)  # type: ignore[union-attr]


def test_case9_one_day_procedure_is_drawn_once() -> None:
    summary = patient("MVD,procedure,2026-09-01,2026-09-01,,,,,\n")
    assert [item.change.value for item in summary.before_after] == ["start"]
    text = page_text(summary)
    assert "microvascular decompression stopped" not in text


# --- 5. ICHD-3 codes --------------------------------------------------------------------------


def test_case5_no_wrong_ichd3_code_in_code_or_docs() -> None:
    for path in [*ROOT.joinpath("tnprep").rglob("*.py"), *ROOT.joinpath("docs").glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert "13.1.1.3 adds" not in text, path
        assert "continuous pain, 13.1.1.3)" not in text, path


# --- 6. Options the patient asked about: record only, MRI, never a menu --------------------


def test_case6_unasked_procedures_are_not_listed_as_a_menu() -> None:
    """SPEC *Clinical voice*: the page listed 'Not in the history yet: … neuroablative …'."""
    text = page_text(patient("Carbamazepine,,2020,,,partial,,,\n"))
    assert "neuroablative" not in text
    assert "in the history yet" not in text
    assert "no entry in the history" not in text


def test_case6_asked_procedure_carries_the_mri_fact_never_ranked() -> None:
    answers = questionnaire(
        "mri_done,yes", "mri_contact,no", "mri_date,2025-04", "interested_in,an operation"
    )
    summary = patient("Carbamazepine,,2020,,,partial,,,\n", (answers,))
    text = page_text(summary)
    assert (
        "Patient wants to discuss, no entry in the history: microvascular decompression (MRI: "
        'no neurovascular contact reported, 2025-04; patient wrote "an operation")'
    ) in text
    assert summary_json(summary)["patient"]["mri"]["contact"] == "no"  # type: ignore[index]
    assert "preferred" not in text


def test_case6_asked_option_is_listed_even_when_pain_is_controlled() -> None:
    summary = patient("Oxcarbazepine,,2020,,,good,,,\n", (questionnaire("bni_pain,IIIb"),))
    assert "no entry in the history" not in page_text(summary)
    interested = patient(
        "Oxcarbazepine,,2020,,,good,,,\n",
        (questionnaire("bni_pain,IIIb", "interested_in,clinical trials"),),
    )
    assert "Patient wants to discuss, no entry in the history: clinical trials." in page_text(
        interested
    )


@pytest.mark.parametrize("name", ["Topiramate", "Amitriptyline", "Tramadol", "nortriptyline"])
def test_case6_catalogue_knows_other_facial_pain_drugs(name: str) -> None:
    summary = patient(f"{name},,2020,2021,,none,inefficacy,,\n")
    assert summary.treatments[0].treatment.category.value == "medication"


# --- 7. HLA-B*15:02 only before a first course ---------------------------------------------


def test_case7_settled_on_oxcarbazepine_gets_no_hla_point() -> None:
    summary = patient("Oxcarbazepine,,2019,,,good,,,\n")
    assert "HLA-B*15:02" not in page_text(summary)
    assert not any("HLA" in point for point in summary_json(summary)["discussion_points"])  # type: ignore[union-attr]


def test_case7_before_a_first_course_hla_is_a_question() -> None:
    summary = patient("Pregabalin,,2019,,,good,,,\n")
    points = summary_json(summary)["discussion_points"]
    assert (
        "Before a first course of carbamazepine or oxcarbazepine: has HLA-B*15:02 been "
        "considered? tnprep records no ancestry (CPIC 2017)."
    ) in points  # type: ignore[operator]


# --- 8. Dose range with its source --------------------------------------------------------------


def test_case8_dose_outside_range_names_its_source() -> None:
    summary = patient("Carbamazepine,,2020,,1400 mg/day,partial,,,\n")
    text = page_text(summary)
    assert (
        "above the published range of 200–1200 mg/day (EAN 2019 table, Pract Neurol 2021; "
        "NICE CKS up to 1600)"
    ) in text
    ledger_range = summary_json(summary)["ledger"]["drugs"][0]["dose_range"]  # type: ignore[index]
    assert "Pract Neurol 2021" in ledger_range["source"]
    assert "1600" in ledger_range["note"]


def test_case6_no_procedures_listed_while_radiosurgery_is_within_its_latency() -> None:
    rows = (
        "Carbamazepine,,2019,2026-06,,partial,inefficacy,,\n"
        "Gamma Knife,procedure,2026-10-01,2026-10-01,,,,,\n"
    )
    text = page_text(patient(rows, (questionnaire("bni_pain,IV"),)))
    assert "microvascular decompression" not in text
    assert "neuroablative" not in text
    asked = page_text(patient(rows, (questionnaire("bni_pain,IV", "interested_in,surgery"),)))
    # after radiosurgery "surgery" may mean it again: tnprep names no option for the patient
    # (session 6 review), the wish stays on the line as written
    assert "microvascular decompression" not in asked
    assert "Patient wants to discuss (as written): surgery." in asked

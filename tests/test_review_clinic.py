"""The page read as a facial-pain neurologist would (session 6 review): each test a finding.

Each test failed on the code before its fix: what the record says is what the page says,
dates are written one way ("5 Feb 2024"), and no line narrows the patient's words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pypdf
from test_discussion import treatment

from tnprep.analysis.discussion import (
    describe,
    dose_outside_range,
    first_line_stopped,
    no_change_after_treatment,
    not_yet_in_history,
)
from tnprep.analysis.evidence import Evidence, optional
from tnprep.analysis.treatments import summarise_treatments
from tnprep.model import PartialDate, TreatmentCategory
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.ledger_lines import verdict_text
from tnprep.report.sections import build_footer
from tnprep.report.treatment_section import asked_options_text
from tnprep.summary import BeforeAfter, ChangeKind, Summary, Verdict, WindowFigures

D = dt.date


AFTER_MVD = [
    treatment("carbamazepine"),
    treatment(
        "microvascular decompression",
        TreatmentCategory.PROCEDURE,
        ongoing=False,
        start=PartialDate(2023, 5, 10),
        end=PartialDate(2023, 5, 10),
    ),
]


# --- "surgery" after an operation is not narrowed to the procedure not yet done ------------


def test_repeat_surgery_after_an_mvd_is_not_read_as_radiosurgery() -> None:
    """'repeat surgery' after an MVD printed 'stereotactic radiosurgery (patient wrote "repeat
    surgery")': tnprep chose the one surgery the history lacks for the patient."""
    found = not_yet_in_history(AFTER_MVD, ("repeat surgery",))
    assert found == ()


def test_a_named_option_keeps_its_own_words_beside_a_generic_one() -> None:
    found = not_yet_in_history(AFTER_MVD, ("repeat surgery", "radiosurgery"))
    assert [finding.subject for finding in found] == ["stereotactic radiosurgery"]
    assert [describe(finding) for finding in found] == [
        'The patient wants to discuss stereotactic radiosurgery (patient wrote "radiosurgery"); '
        "no entry in the history."
    ]


def test_surgery_without_any_operation_in_the_history_still_names_both() -> None:
    found = not_yet_in_history([treatment("carbamazepine")], ("surgery",))
    assert [finding.subject for finding in found] == [
        "microvascular decompression",
        "stereotactic radiosurgery",
    ]


# --- dates written as the rest of the page writes them ------------------------------------


def test_first_line_stopped_writes_its_month_as_the_page_does() -> None:
    history = [
        treatment(
            "oxcarbazepine",
            ongoing=False,
            end=PartialDate(2013, 7),
            stopped_because="side effects",
            side_effects="ataxia",
        ),
        treatment("carbamazepine"),
    ]
    (finding,) = first_line_stopped(history)
    assert describe(finding) == (
        "Oxcarbazepine stopped Jul 2013 (side effects: ataxia). Taken now: carbamazepine."
    )


def _comparison(overlapping: tuple[str, ...] = ()) -> BeforeAfter:
    return BeforeAfter(
        "carbamazepine", ChangeKind.DOSE_CHANGE, D(2026, 10, 1),
        WindowFigures(D(2026, 9, 3), D(2026, 9, 30), 28, 2.0, None),
        WindowFigures(D(2026, 10, 16), D(2026, 11, 12), 28, 2.1, None),
        enough_data=True, overlapping=overlapping,
    )  # fmt: skip


def test_no_change_point_writes_its_day_as_the_page_does() -> None:
    (finding,) = no_change_after_treatment([_comparison()])
    assert describe(finding).startswith("Carbamazepine dose changed on 1 Oct 2026: ")


def test_overlapping_change_is_dated_as_the_page_dates() -> None:
    """The ledger printed 'overlapping change (baclofen started 2026-10-01)' beside '1 Oct 2026'."""
    item = dataclasses.replace(
        _comparison(("baclofen started 2026-10-01",)), verdict=Verdict.OVERLAPPING
    )
    assert verdict_text(item) == (
        "overlapping change (baclofen started 1 Oct 2026) — no figure claimed"
    )


# --- a dose outside the published range says which course ----------------------------------


def test_dose_point_of_a_past_course_says_when() -> None:
    """'Baclofen 200 mg/day is above the published range' read as today's dose; it was 2013's."""
    history = [
        treatment(
            "baclofen",
            ongoing=False,
            start=PartialDate(2013, 4),
            end=PartialDate(2013, 6),
            dose_mg_per_day=200.0,
            dose_text="100 mg twice daily",
        )
    ]
    (finding,) = dose_outside_range(summarise_treatments(history))
    assert describe(finding) == (
        "Baclofen 200 mg/day (100 mg twice daily; Apr 2013 – Jun 2013) is above the published "
        "range of 15–90 mg/day (EAN 2019 table, Pract Neurol 2021)."
    )


def test_dose_point_of_a_current_course_says_since() -> None:
    history = [
        treatment(
            "carbamazepine",
            start=PartialDate(2026, 6),
            dose_mg_per_day=2400.0,
            dose_text="800 mg three times daily",
        )
    ]
    (finding,) = dose_outside_range(summarise_treatments(history))
    assert describe(finding).startswith(
        "Carbamazepine 2400 mg/day (800 mg three times daily; since Jun 2026) is above"
    )


# --- the patient's wish stays on the ledger's line when it names no missing option ---------

_HEADER = "treatment,category,start,end,dose,response,stopped_because,side_effects,notes\n"


def _summary(treatments: str, *answers: str) -> Summary:
    diary = "date,attacks\n" + "".join(
        f"{(D(2026, 7, 1) + dt.timedelta(days=offset)).isoformat()},3\n" for offset in range(60)
    )
    sources = Sources(
        diaries=[("diary.csv", diary.encode())],
        treatments=[("treatments.csv", (_HEADER + treatments).encode())] if treatments else [],
        questionnaires=[("q.csv", ("item,answer\n" + "\n".join(answers) + "\n").encode())],
    )
    return summarise_patient(load_patient(sources), start=None, end=None, today=D(2026, 9, 30))


MVD_ROWS = (
    "Microvascular decompression,procedure,2023-05-10,2023-05-10,,complete,,,\n"
    "Carbamazepine,,2024-09,,200 mg bd,partial,,,\n"
)


def test_a_wish_that_names_no_missing_option_stays_on_the_ledger_line() -> None:
    """'surgery' after an MVD, 'psychology' after CBT: on no line of the ledger before."""
    summary = _summary(
        MVD_ROWS + "Cognitive behavioural therapy,psychological,2025-01,2025-06,,,,,\n",
        "interested_in,repeat surgery",
        "interested_in,psychology",
        "interested_in,clinical trials",
    )
    assert asked_options_text(summary) == (
        "Patient wants to discuss, no entry in the history: clinical trials. "
        "Also wants to discuss (as written): repeat surgery, psychology."
    )


def test_only_wishes_with_an_entry_give_a_line_of_their_own() -> None:
    summary = _summary(MVD_ROWS, "interested_in,surgery")
    assert asked_options_text(summary) == "Patient wants to discuss (as written): surgery."


def test_without_a_history_the_ledger_says_nothing_of_the_wishes() -> None:
    """No history, no 'no entry' claim: the pattern's 'Wants to discuss' holds the words."""
    assert asked_options_text(_summary("", "interested_in,surgery")) is None


def test_the_patients_own_name_for_an_option_is_quoted_before_a_general_word() -> None:
    """'repeat surgery' then 'radiosurgery': radiosurgery quoted "repeat surgery", and the
    patient's own 'radiosurgery' went to the "also" list as if it named nothing."""
    found = not_yet_in_history([treatment("carbamazepine")], ("repeat surgery", "radiosurgery"))
    words = {finding.subject: optional(finding, Evidence.PATIENT_WORDS) for finding in found}
    assert words == {
        "microvascular decompression": "repeat surgery",
        "stereotactic radiosurgery": "radiosurgery",
    }


# --- a column is never narrower than its heading --------------------------------------------


def _page_text(summary: Summary) -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, "a4")))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_two_short_questions_beside_long_points_keep_their_heading_whole() -> None:
    """The long history's page printed "Patient's questions (their o…": the discussion column
    took 70 % and the heading lost "their order", which says the list is the patient's."""
    rows = "".join(
        f"{name},,20{10 + year}-01,20{10 + year}-03,{dose},none,inefficacy,,\n"
        for year, (name, dose) in enumerate(
            [("Gabapentin", "50 mg daily"), ("Lamotrigine", "200 mg three times daily"),
             ("Baclofen", "100 mg twice daily"), ("Oxcarbazepine", "50 mg daily"),
             ("Pregabalin", "25 mg daily"), ("Carbamazepine", "50 mg daily")]
        )
    )  # fmt: skip
    summary = _summary(rows, "question,Is it safe?", "question,Again?")
    assert "Patient's questions (their order)" in _page_text(summary)


# --- counts written one way: no thousands comma a European reader takes for a decimal --------

_YILATIVS = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "real-exports"
    / "gchrg-yilativs-tsv"
    / "yilativs-attacks.tsv"
)


def test_yilativs_counts_carry_no_thousands_comma() -> None:
    """'5672 of 6212 recorded, 5,286 in silences': the same page wrote counts two ways, and
    '5,286' reads as 5.286 where the comma is the decimal mark (the Danish Pavia export's own
    country)."""
    sources = Sources(
        diaries=[(_YILATIVS.name, _YILATIVS.read_bytes())], treatments=[], questionnaires=[]
    )
    summary = summarise_patient(load_patient(sources), start=None, end=None, today=D(2026, 12, 3))
    text = _page_text(summary)
    assert "5286 in silences" in text
    assert re.search(r"\d,\d{3}\b", text) is None
    assert all(re.search(r"\d,\d{3}\b", issue.message) is None for issue in summary.input.issues)


# --- no file path of the project on a clinical page; a rise is not "less than a fall" ----------


def test_no_change_point_says_the_change_and_the_rule_without_a_file_path() -> None:
    """It ended "— less than tnprep's 30 % threshold (docs/figures.md)." — a path no clinician
    has, and for a rise (2.00 → 2.10) "less than" a threshold of a fall."""
    (finding,) = no_change_after_treatment([_comparison()])
    assert describe(finding) == (
        "Carbamazepine dose changed on 1 Oct 2026: 2.00 attacks per recorded day in the 28 days "
        "before, 2.10 on days 15–42 after: up 5 % (tnprep lists a start or dose change not "
        "followed by a fall of 30 % or more)."
    )


def test_no_change_point_of_a_small_fall_says_down() -> None:
    item = dataclasses.replace(
        _comparison(),
        after=WindowFigures(D(2026, 10, 16), D(2026, 11, 12), 28, 1.6, None),
    )
    (finding,) = no_change_after_treatment([item])
    assert ": down 20 % (tnprep lists" in describe(finding)


# --- the footer says what the rows that are not attacks are ----------------------------------

_REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real-exports"


def _real_summary(path: Path) -> Summary:
    sources = Sources(diaries=[(path.name, path.read_bytes())], treatments=[], questionnaires=[])
    return summarise_patient(load_patient(sources), start=None, end=None, today=D(2026, 12, 3))


def test_footer_names_the_kinds_of_rows_that_are_not_attacks() -> None:
    """'1499 other rows (not attacks)': the Pavia workbook's 1499 rows are medicine entries
    (oxygen 1341 of them) that no other line of the page names."""
    workbook = _REAL / "gchrg-pavia-xlsx" / "Pavias-anfald-og-behandlinger.head.xlsx"
    quality = build_footer(_real_summary(workbook)).quality
    assert "1499 other rows (not attacks: medicine 1499)" in quality
    events = _REAL / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"
    quality = build_footer(_real_summary(events)).quality
    assert "1236 other rows (not attacks: medicine 551, symptom 443, sport 191, +2 kinds)" in (
        quality
    )


# --- a label that contradicts its own counts --------------------------------------------------


def test_an_attack_on_both_sides_is_not_labelled_left_and_right() -> None:
    """Migraine Buddy's one attack on both sides printed "Left and right both recorded: attack
    rows: right 0, left 0, both 1" — the label said what the counts deny."""
    export = _REAL / "mb-contributed" / "migraine_buddy_sample.csv"
    text = _page_text(_real_summary(export))
    assert "Left and right both recorded" not in text
    assert "Both sides in one attack: attack rows: right 0, left 0, both 1" in text


def test_left_and_right_attacks_keep_their_label() -> None:
    text = _page_text(_real_summary(_REAL / "asmith-headaches" / "headaches.csv"))
    assert "Left and right both recorded: attack rows: right 6, left 9, both 0" in text


def test_no_attack_free_day_is_said_plainly() -> None:
    """'longest attack-free run 0 recorded days' on a one-day diary with an attack."""
    export = _REAL / "mb-contributed" / "migraine_buddy_sample.csv"
    text = _page_text(_real_summary(export))
    assert "attack-free run 0" not in text
    assert "no attack-free recorded day" in text


# --- PHQ-9: a later form is not "older", and its blank item 9 is flagged ----------------------

_PHQ9_JUNE = (
    "questionnaire_date,2026-06-01",
    *(f"phq9_{item},{answer}" for item, answer in enumerate((2, 2, 2, 2, 1, 2, 1, 0, 2), 1)),
)
_PHQ9_NOVEMBER_ITEM9_BLANK = (
    "questionnaire_date,2026-11-20",
    *(f"phq9_{item},{answer}" for item, answer in enumerate((1, 1, 1, 1, 1, 1, 1, 0), 1)),
)


def _two_forms(june: tuple[str, ...], november: tuple[str, ...]) -> Summary:
    diary = "date,attacks\n" + "".join(
        f"{(D(2026, 9, 1) + dt.timedelta(days=offset)).isoformat()},3\n" for offset in range(80)
    )
    files = [
        ("visit.csv", "item,answer\nvisit_date,2026-11-24\n"),
        ("june.csv", "item,answer\n" + "\n".join(june) + "\n"),
        ("november.csv", "item,answer\n" + "\n".join(november) + "\n"),
    ]
    sources = Sources(
        diaries=[("diary.csv", diary.encode())],
        treatments=[],
        questionnaires=[(name, text.encode()) for name, text in files],
    )
    return summarise_patient(load_patient(sources), start=None, end=None, today=D(2026, 11, 25))


def test_a_later_incomplete_phq9_is_not_called_older() -> None:
    """It printed "an older PHQ-9 (20 Nov 2026, november.csv) gave ≥ 7" beside the PHQ-9 of
    1 Jun 2026 shown: the form called older was the later one."""
    text = _page_text(_two_forms(_PHQ9_JUNE, _PHQ9_NOVEMBER_ITEM9_BLANK))
    assert "an older PHQ-9" not in text
    assert "a later PHQ-9 (20 Nov 2026, november.csv) gave ≥ 7, 8 of 9 answered" in text


def test_a_later_phq9_that_left_item9_blank_is_flagged_beside_the_old_answer() -> None:
    """The safety band flagged June's item 9 = 2 "as recorded then, not a current answer" and
    said nothing of the November form, four days before the visit, that left item 9 blank."""
    text = _page_text(_two_forms(_PHQ9_JUNE, _PHQ9_NOVEMBER_ITEM9_BLANK))
    assert "PHQ-9 item 9 answered 2 (more than half the days) on 1 Jun 2026" in text
    assert "A later PHQ-9 (20 Nov 2026, november.csv) left item 9 unanswered." in text


def test_a_later_blank_item9_is_flagged_when_the_form_shown_answered_0() -> None:
    june_zero = (*_PHQ9_JUNE[:-1], "phq9_9,0")
    text = _page_text(_two_forms(june_zero, _PHQ9_NOVEMBER_ITEM9_BLANK))
    assert (
        "PHQ-9 item 9 not answered — ask (thoughts that you would be better off dead, or of "
        "hurting yourself in some way) on the later PHQ-9 (20 Nov 2026, november.csv); 8 of 9 "
        "items answered. A blank is not a 0. The PHQ-9 of 1 Jun 2026 answered it 0."
    ) in text


# --- a field the diary does not have is "not recorded", not "none recorded" ----------------


def test_sides_and_divisions_no_diary_records_are_not_recorded() -> None:
    """A daily log only printed "side none recorded; divisions none recorded": the file has no
    side or division column, so nothing says none — as a blank trigger is not 'spontaneous'."""
    text = _page_text(_summary(""))
    assert "Side, divisions: side not recorded; divisions not recorded" in text
    assert "none recorded" not in text.split("Side, divisions:")[1][:40]

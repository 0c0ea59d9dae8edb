"""The treatment-resistance ledger: courses from rows, spans, procedures, acute burden, facts."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from ledger_cases import TODAY, attack_rows, partial, rich_history, row
from summary_factory import make_summary

from tnprep.analysis.ledger import (
    build_ledger,
    drug_ledgers,
    ledger_from_summary,
    pain_free_interval,
    procedure_entries,
)
from tnprep.analysis.ledger_burden import acute_burden, facts
from tnprep.analysis.ledger_courses import day_span, group_courses, lab_values, overlap
from tnprep.analysis.rescue import rescue_from_rows
from tnprep.ledger_model import DaySpan, FactKind, LedgerGroup
from tnprep.model import Answers, TreatmentCategory
from tnprep.report.ledger_lines import burden_text, drug_line, procedure_line, span_text
from tnprep.summary import DayFigure, SideCounts

# --- spans between partial dates ------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "ongoing", "expected"),
    [
        ("2024-01-01", "2024-01-01", False, DaySpan(1, 1)),
        ("2024-01-01", "2024-03-04", False, DaySpan(64, 64)),
        ("2024-03", "2024-03", False, DaySpan(1, 31)),
        ("2018", "2019-03", False, DaySpan(61, 455)),
        ("2024-03-10", None, True, DaySpan(30, 30)),
        ("2024-03-10", None, False, None),  # end not given and not ongoing: unknown
        (None, "2024-03", False, None),
    ],
)
def test_day_span_is_exact_only_when_both_ends_are_known_to_the_day(
    start: str | None, end: str | None, ongoing: bool, expected: DaySpan | None
) -> None:
    today = dt.date(2024, 4, 8)
    assert day_span(partial(start), partial(end), ongoing=ongoing, today=today) == expected


@pytest.mark.parametrize(
    ("span", "text"),
    [
        (DaySpan(1, 1), "1 day"),
        (DaySpan(12, 12), "12 days"),
        (DaySpan(63, 63), "9 weeks"),
        (DaySpan(66, 66), "66 days"),
        (DaySpan(308, 308), "10 months"),
        (DaySpan(1000, 1000), "2.7 years"),
        (DaySpan(61, 455), "2–15 months"),
        (DaySpan(395, 420), "13–14 months"),
        (DaySpan(400, 410), "≈ 13 months"),
        (None, "length unknown"),
    ],
)
def test_span_text_never_invents_precision(span: DaySpan | None, text: str) -> None:
    assert span_text(span) == text


# --- courses from rows --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rows", "courses"),
    [
        # titration: consecutive days join
        ([("2024-01-01", "2024-01-14"), ("2024-01-15", "2024-02-20"), ("2024-02-21", None)], [3]),
        # a dose change the same day the previous row ends still joins
        ([("2024-01-01", "2024-01-14"), ("2024-01-14", "2024-02-20")], [2]),
        # a restart after a gap is a second course
        ([("2018", "2019-03"), ("2022-06", "2022-08")], [1, 1]),
        # partial dates: a row starting in the month the previous one ended joins it
        ([("2018", "2019-03"), ("2019-03", "2019-09")], [2]),
        # rows given out of order are sorted by start first
        ([("2024-02-21", None), ("2024-01-01", "2024-02-20")], [2]),
        # an ongoing row swallows any later row
        ([("2020-01", None), ("2023-05", "2023-06")], [2]),
        # a row without a start is a course of its own
        ([("2024-01-01", "2024-01-14"), (None, "2024-03")], [1, 1]),
    ],
)
def test_rows_of_one_drug_join_into_courses(
    rows: list[tuple[str | None, str | None]], courses: list[int]
) -> None:
    history = [row("lamotrigine", start, end, number=n) for n, (start, end) in enumerate(rows)]
    assert [len(course) for course in group_courses(history)] == courses


@pytest.mark.parametrize(
    ("doses", "highest"),
    [
        (["25 mg daily", "50 mg daily", "50 mg twice daily", "100 mg twice daily"], 200.0),
        (["100mg bd", "200 mg morning, 200 mg night", "200-0-400 mg"], 600.0),
        (["0.1 g twice daily", "300 mg tds", "150 mg x2/day"], 900.0),
        (["as needed", "up to 400 mg"], None),  # never read: no highest dose invented
    ],
)
def test_highest_dose_is_read_from_doses_written_many_ways(
    doses: list[str], highest: float | None
) -> None:
    days = ["2024-01-01", "2024-01-15", "2024-02-01", "2024-02-15", "2024-03-01"]
    history = [row("lamotrigine", days[i], _day_before(days[i + 1]), dose)
               for i, dose in enumerate(doses)]  # fmt: skip
    (drug,) = drug_ledgers(history, (), TODAY)
    assert drug.highest_mg_per_day == highest
    assert len(drug.courses) == 1


def _day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def test_a_titrated_course_reports_its_highest_dose_and_days_at_it() -> None:
    history = [
        row("lamotrigine", "2020-02-03", "2020-02-16", "25 mg daily"),
        row("lamotrigine", "2020-02-17", "2020-03-29", "50 mg twice daily"),
        row("lamotrigine", "2020-03-30", "2021-01-31", "100 mg twice daily", relief_percent=40.0,
            stopped_because="inefficacy"),
    ]  # fmt: skip
    (drug,) = drug_ledgers(history, (), TODAY)
    assert drug.highest_mg_per_day == 200.0
    assert drug.days_at_highest == DaySpan(308, 308)
    assert drug.total == DaySpan(364, 364)
    assert drug.dose_range is not None and (drug.dose_range.low_mg, drug.dose_range.high_mg) == (
        25.0, 400.0,
    )  # fmt: skip
    (course,) = drug.courses
    assert (course.response, course.stopped_because) == ("40 % relief", "inefficacy")
    line = drug_line(drug)
    assert "reached 200 of 25–400 mg/day* for 10 months" in line.text
    assert "25 → 100 → 200 mg/day" in line.text


def test_a_restart_counts_two_courses_and_keeps_each_side_effect_with_its_date() -> None:
    history = [
        row("carbamazepine", "2018", "2019-03", "200 mg three times daily",
            stopped_because="side effects", side_effects="hyponatraemia (sodium 128), dizziness"),
        row("carbamazepine", "2022-06", "2022-08", "100 mg twice daily",
            stopped_because="side effects", side_effects="low sodium again",
            name_as_written="Tegretol"),
    ]  # fmt: skip
    (drug,) = drug_ledgers(history, (), TODAY)
    assert len(drug.courses) == 2
    assert drug.highest_mg_per_day == 600.0 and drug.current is False
    first, second = drug.courses
    (effect,) = first.adverse_effects
    assert effect.when == partial("2019-03")
    assert [(lab.name, lab.value, lab.unit) for lab in effect.lab_values] == [
        ("sodium", 128.0, None)
    ]
    assert second.adverse_effects[0].text == "low sodium again"
    text = drug_line(drug).text
    assert "2 courses" in text and "hyponatraemia (sodium 128), dizziness (Mar 2019)" in text
    assert drug.dose_range is not None and drug.dose_range.note is not None


@pytest.mark.parametrize(
    ("text", "labs"),
    [
        ("hyponatraemia (sodium 128)", [("sodium", 128.0, None)]),
        ("Na+ 129 mmol/L on 3 May", [("sodium", 129.0, "mmol/L")]),
        ("ALT 95 U/L, platelets 90", [("ALT", 95.0, "U/L"), ("platelets", 90.0, None)]),
        ("low sodium again", []),
        ("rash, n/a", []),
    ],
)
def test_lab_values_are_read_only_with_a_number(
    text: str, labs: list[tuple[str, float, str | None]]
) -> None:
    assert [(lab.name, lab.value, lab.unit) for lab in lab_values(text)] == labs


def test_overlaps_are_certain_only_when_the_dates_prove_them() -> None:
    history = [
        row("baclofen", "2019-10-07", "2020-03-15", "10 mg tds"),
        row("lamotrigine", "2020-02-03", "2021-01-31", "100 mg twice daily"),
        row("gabapentin", "2019-03", "2019-09", "300 mg tds"),
        row("carbamazepine", "2018", "2019-03", "200 mg tds"),
    ]
    drugs = {drug.name: drug for drug in drug_ledgers(history, (), TODAY)}
    (lamotrigine,) = drugs["lamotrigine"].courses
    assert [(o.name, o.certain) for o in lamotrigine.overlaps] == [("baclofen", True)]
    (gabapentin,) = drugs["gabapentin"].courses
    assert [(o.name, o.certain) for o in gabapentin.overlaps] == [("carbamazepine", False)]
    assert "alongside baclofen" in drug_line(drugs["lamotrigine"]).text
    assert "alongside" not in drug_line(drugs["gabapentin"]).text  # only possible: JSON only
    first, second = drugs["baclofen"].courses[0], drugs["gabapentin"].courses[0]
    assert overlap(first, second, TODAY) is None


def test_drugs_are_ordered_current_first_then_first_line_add_ons_others() -> None:
    history = [
        row("acupuncture", "2024-01", "2024-03", category=TreatmentCategory.COMPLEMENTARY),
        row("gabapentin", "2023-01", "2023-06", "300 mg tds"),
        row("carbamazepine", "2018", "2019-03", "200 mg tds"),
        row("pregabalin", "2024-02", None, "150 mg bd"),
        row("lamotrigine", "2021-01", "2021-06", "100 mg bd"),
    ]
    drugs = drug_ledgers(history, (), TODAY)
    assert [drug.name for drug in drugs] == [
        "pregabalin", "carbamazepine", "gabapentin", "lamotrigine", "acupuncture",
    ]  # fmt: skip
    assert [drug.group for drug in drugs][1:] == [
        LedgerGroup.FIRST_LINE, LedgerGroup.ADD_ON, LedgerGroup.ADD_ON, LedgerGroup.OTHER,
    ]  # fmt: skip


# --- procedures -----------------------------------------------------------------------------


def test_a_procedure_with_recurrence_gives_its_pain_free_interval() -> None:
    (entry,) = procedure_entries([rich_history()[-1]])
    assert (entry.side, entry.outcome, entry.recurrence) == (
        "right",
        "pain-free",
        partial("2022-05"),
    )
    assert entry.pain_free == DaySpan(409, 439)
    line = procedure_line(entry)
    assert line.name == "Microvascular decompression, right"
    assert "recurrence May 2022" in line.text and "pain-free interval 13–14 months" in line.text
    assert "complications: wound bleed, Hb 95 g/L" in line.text
    assert "notes" not in line.text  # the recurrence column says it; the note is in the JSON


def test_a_procedure_without_outcome_columns_keeps_the_patients_words() -> None:
    mvd = row(
        "microvascular decompression", "2021-03", "2021-03",
        category=TreatmentCategory.PROCEDURE,
        notes="pain-free for a year, attacks returned May 2022",
    )  # fmt: skip
    (entry,) = procedure_entries([mvd])
    assert entry.recurrence is None and entry.pain_free is None  # words are never parsed
    assert "notes: pain-free for a year, attacks returned May 2022" in procedure_line(entry).text


@pytest.mark.parametrize(
    ("date", "until", "expected"),
    [
        ("2021-03-18", "2022-05", DaySpan(409, 439)),
        ("2021-03-18", "2021-03-19", DaySpan(1, 1)),
        ("2021-03", "2021-03", DaySpan(0, 30)),
        (None, "2022-05", None),
    ],
)
def test_pain_free_interval_counts_days_after_the_procedure(
    date: str | None, until: str, expected: DaySpan | None
) -> None:
    assert pain_free_interval(partial(date), partial(until)) == expected


def test_procedures_are_not_drugs_and_nerve_blocks_stay_drug_like() -> None:
    history = [
        row("microvascular decompression", "2021-03-18", "2021-03-18",
            category=TreatmentCategory.PROCEDURE),
        row("stereotactic radiosurgery", "2023-05", "2023-05",
            category=TreatmentCategory.PROCEDURE),
        row("nerve block", "2024-01", "2024-01", category=TreatmentCategory.INJECTION_OR_BLOCK),
    ]  # fmt: skip
    summary = make_summary()
    ledger = build_ledger(
        history, attacks=attack_rows([]), daily=(), figures=summary.attacks,
        features=summary.features, comparisons=(), answers=Answers(), today=TODAY,
    )  # fmt: skip
    assert [entry.name for entry in ledger.procedures] == [
        "stereotactic radiosurgery", "microvascular decompression",
    ]  # fmt: skip
    assert [drug.name for drug in ledger.drugs] == ["nerve block"]


# --- acute burden and facts -----------------------------------------------------------------


def _days(*counts: int | None) -> tuple[DayFigure, ...]:
    first = dt.date(2024, 1, 1)
    return tuple(
        DayFigure(first + dt.timedelta(days=index), count, None)
        for index, count in enumerate(counts)
    )


@pytest.mark.parametrize(
    ("counts", "run", "start"),
    [
        ((3, 0, 0, 1, 0, 0, 0, 2), 3, dt.date(2024, 1, 5)),
        ((0, 0, None, 0, 0, 0), 3, dt.date(2024, 1, 4)),  # a gap ends a run
        ((2, 1, 4), 0, None),
        ((None, None), None, None),
    ],
)
def test_longest_attack_free_run_counts_recorded_days_only(
    counts: tuple[int | None, ...], run: int | None, start: dt.date | None
) -> None:
    burden = acute_burden(attack_rows([]), _days(*counts), make_summary().features)
    assert (burden.longest_attack_free_run, burden.attack_free_run_start) == (run, start)


def test_rescues_count_once_per_attack_with_migraine_buddy_ratings() -> None:
    attacks = attack_rows([
        {"rescue": "Lidocaine spray; warm compress", "pain_type": "paroxysmal"},
        {"rescue": "lidocaine spray", "medication_helpful": ("Lidocaine spray",)},
        {"medication_somewhat": ("Ibuprofen",), "medication_unsure": ("No medication",),
         "pain_type": "continuous"},
        {"rescue": "none"},
        {},
    ])  # fmt: skip
    features = dataclasses.replace(
        make_summary().features, background_pain_days=4, background_pain_recorded_days=10
    )
    burden = acute_burden(attacks, (), features)
    assert [(u.name, u.uses, u.helpful, u.somewhat) for u in burden.rescues] == [
        ("Lidocaine spray", 2, 1, 0), ("Ibuprofen", 1, 0, 1), ("warm compress", 1, 0, 0),
    ]  # fmt: skip
    assert (burden.attacks, burden.attacks_with_rescue) == (5, 3)
    assert (burden.typed_attacks, burden.continuous_attacks) == (2, 1)
    text = burden_text(burden, ())
    assert text is not None
    assert text.startswith("rescue named in 3 of 5 attacks — Lidocaine spray 2 (1 helpful)")


def test_a_diary_without_a_rescue_column_gives_no_rescue_line() -> None:
    # Regression: a Bearable export (no rescue column) read "rescue named in 0 of 22 attacks".
    attacks = attack_rows([{"pain_type": "paroxysmal"}, {}])
    burden = acute_burden(attacks, (), make_summary().features, rescue_from_rows(attacks.iloc[0:0]))
    assert (burden.attacks, burden.attacks_with_rescue, burden.rescues) == (0, 0, ())
    assert burden.typed_attacks == 1  # the other figures still count every attack
    assert "rescue" not in (burden_text(burden, ()) or "")


def test_facts_fire_on_recorded_facts_and_stay_silent_otherwise() -> None:
    summary = make_summary()
    both = dataclasses.replace(summary.attacks, by_side=SideCounts(left=3, right=40))
    burden = acute_burden(attack_rows([{"pain_type": "continuous"}]), (), summary.features)
    found = facts(both, burden, Answers(bni_numbness="II"), procedure_done=False)
    assert [fact.kind for fact in found] == [
        FactKind.BOTH_SIDES, FactKind.NUMBNESS_NO_PROCEDURE, FactKind.CONTINUOUS_PAIN,
    ]  # fmt: skip
    assert found[0].text == "attack rows: right 40, left 3, both 0"
    quiet = acute_burden(attack_rows([{"pain_type": "paroxysmal"}]), (), summary.features)
    assert facts(summary.attacks, quiet, Answers(bni_numbness="II"), procedure_done=True) == ()
    assert facts(summary.attacks, quiet, Answers(bni_numbness="I"), procedure_done=False) == ()


def test_intake_items_stay_unknown_when_unanswered() -> None:
    summary = make_summary(patient=Answers(emergency_visits="2", driving="no"))
    ledger = ledger_from_summary(summary)
    answers = {item.item: item.answer for item in ledger.intake}
    assert answers["emergency_visits"] == "2" and answers["weight_lost"] is None
    text = burden_text(ledger.burden, ledger.intake)
    assert text is not None and "emergency visits: 2" in text and "weight lost" not in text

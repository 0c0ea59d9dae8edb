"""Discussion points: one test per rule, the exact words, and PHQ-9 item 9 always first."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from tnprep.analysis.discussion import (
    attacks_rising,
    describe,
    dose_outside_range,
    findings,
    first_line_stopped,
    monitoring_questions,
    mood_score_high,
    no_change_after_treatment,
    not_yet_in_history,
    self_harm_item,
)
from tnprep.analysis.discussion_words import short_source
from tnprep.analysis.evidence import Evidence, optional, required
from tnprep.analysis.treatments import summarise_treatments
from tnprep.model import Answers, PartialDate, Treatment, TreatmentCategory
from tnprep.sources import (
    CPIC_2017,
    EAN_2019,
    NICE_CKS_CARBAMAZEPINE,
    PRACT_NEUROL_2021_TABLE_5,
)
from tnprep.summary import (
    BeforeAfter,
    ChangeKind,
    Finding,
    FindingKind,
    QuestionnaireScore,
    Scores,
    Trend,
    WindowFigures,
)

D = dt.date
NO_SCORES = Scores(phq9=None, gad7=None, bni_pain=None, bni_numbness=None)
FLAT = Trend(28, 1.0, 1.0, 28, 28, 1.0)


def treatment(
    name: str, category: TreatmentCategory = TreatmentCategory.MEDICATION, **fields: object
) -> Treatment:
    base = Treatment(
        name=name, name_as_written=name, category=category, start=None, end=None, ongoing=True,
        dose_text=None, dose_mg_per_day=None, response=None, relief_percent=None,
        stopped_because=None, side_effects=None, notes=None,
    )  # fmt: skip
    return dataclasses.replace(base, **fields)


def phq9(score: int | None, item9: int | None) -> QuestionnaireScore:
    return QuestionnaireScore(
        score=score, band="moderate" if score else None, answered=9, item9=item9
    )


def texts(found: tuple[Finding, ...]) -> list[str]:
    return [describe(finding) for finding in found]


# --- PHQ-9 item 9 -----------------------------------------------------------------------


@pytest.mark.parametrize(("item9", "expected"), [(None, 0), (0, 0), (1, 1), (3, 1)])
def test_self_harm_item_above_zero(item9: int | None, expected: int) -> None:
    scores = dataclasses.replace(NO_SCORES, phq9=phq9(None, item9))
    assert len(self_harm_item(scores)) == expected


def test_self_harm_words_are_calm_and_factual() -> None:
    (finding,) = self_harm_item(dataclasses.replace(NO_SCORES, phq9=phq9(12, 2)))
    assert describe(finding) == (
        "PHQ-9 item 9 (thoughts that you would be better off dead, or of hurting yourself in "
        "some way) answered 2 — please ask about it."
    )


# --- first-line drug stopped ------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # Issue 10 case 3: facts only — no per-drug "EAN lists surgical options" nudge.
        (
            {"ongoing": False, "end": PartialDate(2023, 5), "stopped_because": "side effects"},
            ["Carbamazepine stopped May 2023 (side effects)."],
        ),
        (
            {"ongoing": False, "end": PartialDate(2023, 5), "stopped_because": "side effects",
             "side_effects": "rash"},
            ["Carbamazepine stopped May 2023 (side effects: rash)."],
        ),
        (
            {"ongoing": False, "end": PartialDate(2023), "stopped_because": "inefficacy"},
            ["Carbamazepine stopped 2023 (inefficacy)."],
        ),
        (
            {"ongoing": False, "end": PartialDate(2023), "stopped_because": "moved house"},
            ["Carbamazepine stopped 2023 (moved house)."],
        ),
        (
            {"ongoing": False, "end": PartialDate(2023)},
            ["Carbamazepine stopped 2023 (reason not recorded)."],
        ),
        ({"ongoing": True}, []),
    ],
)  # fmt: skip
def test_first_line_stopped(fields: dict[str, object], expected: list[str]) -> None:
    assert texts(first_line_stopped([treatment("carbamazepine", **fields)])) == expected


def test_first_line_stopped_only_for_first_line_drugs() -> None:
    history = [
        treatment("oxcarbazepine", ongoing=False, stopped_because="side effects"),
        treatment("pregabalin", ongoing=False, stopped_because="side effects"),
    ]
    found = first_line_stopped(history)
    assert [finding.subject for finding in found] == ["oxcarbazepine"]
    assert found[0].evidence == (("stopped because", "side effects"),)
    assert found[0].source == EAN_2019


def test_first_line_stopped_names_the_first_line_drug_taken_now() -> None:
    history = [
        treatment("carbamazepine", ongoing=False, stopped_because="inefficacy"),
        treatment("oxcarbazepine"),
    ]
    (finding,) = first_line_stopped(history)
    assert describe(finding) == "Carbamazepine stopped (inefficacy). Taken now: oxcarbazepine."
    assert "surgical" not in describe(finding)


# --- dose outside the published range ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "dose", "expected"),
    [
        ("carbamazepine", 2400.0, "Carbamazepine 2400 mg/day (as written; current) is above the "
         "published range of 200–1200 mg/day (EAN 2019 table, Pract Neurol 2021; NICE CKS up "
         "to 1600)."),
        ("oxcarbazepine", 150.0, "Oxcarbazepine 150 mg/day (as written; current) is below the "
         "published range of 300–1800 mg/day (EAN 2019 table, Pract Neurol 2021)."),
        ("carbamazepine", 1200.0, None),
        ("pregabalin", 9000.0, "Pregabalin 9000 mg/day (as written; current) is above the "
         "published range of 150–600 mg/day (EAN 2019 table, Pract Neurol 2021)."),
        ("phenytoin", 9000.0, None),
    ],
)  # fmt: skip
def test_dose_outside_range(name: str, dose: float, expected: str | None) -> None:
    summaries = summarise_treatments(
        [treatment(name, dose_mg_per_day=dose, dose_text="as written")]
    )
    assert texts(dose_outside_range(summaries)) == ([expected] if expected else [])


# --- attacks rising ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trend", "fires"),
    [
        (Trend(28, 2.5, 2.0, 28, 28, 1.25), True),
        (Trend(28, 2.48, 2.0, 28, 28, 1.24), False),
        (Trend(28, 5.0, 2.0, 14, 14, 2.5), True),
        (Trend(28, 5.0, 2.0, 13, 28, 2.5), False),  # too few recorded days
        (Trend(28, 5.0, 0.0, 28, 28, None), False),
        (Trend(0, None, None, 0, 0, None), False),
    ],
)
def test_attacks_rising(trend: Trend, fires: bool) -> None:
    assert bool(attacks_rising(trend)) is fires


def test_attacks_rising_words() -> None:
    (finding,) = attacks_rising(Trend(28, 3.2, 2.1, 27, 28, 1.52))
    assert describe(finding) == (
        "Attacks per recorded day rose 52 % in the last 28 days against the 28 days before "
        "(3.20 against 2.10; 27 and 28 recorded days)."
    )


# --- no change or worse after a treatment -----------------------------------------------


def comparison(
    change: ChangeKind, before: float | None, after: float | None, enough: bool = True
) -> BeforeAfter:
    return BeforeAfter(
        "pregabalin", change, D(2024, 3, 1),
        WindowFigures(D(2024, 2, 2), D(2024, 2, 29), 28, before, None),
        WindowFigures(D(2024, 3, 16), D(2024, 4, 12), 28, after, None),
        enough_data=enough,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("item", "fires"),
    [
        (comparison(ChangeKind.START, 2.0, 2.1), True),
        (comparison(ChangeKind.START, 2.0, 1.5), True),  # a 25 % fall: less than 30 %
        (comparison(ChangeKind.START, 2.0, 1.4), False),  # exactly 30 %
        (comparison(ChangeKind.DOSE_CHANGE, 2.0, 2.0), True),
        (comparison(ChangeKind.STOP, 2.0, 4.0), False),
        (comparison(ChangeKind.START, 2.0, 4.0, enough=False), False),
        (comparison(ChangeKind.START, 0.0, 1.0), False),
        (comparison(ChangeKind.START, None, 1.0), False),
    ],
)
def test_no_change_after_treatment(item: BeforeAfter, fires: bool) -> None:
    assert bool(no_change_after_treatment([item])) is fires


def test_no_change_words() -> None:
    (finding,) = no_change_after_treatment([comparison(ChangeKind.START, 2.0, 2.1)])
    assert describe(finding) == (
        "Pregabalin started on 1 Mar 2024: 2.00 attacks per recorded day in the 28 days before, "
        "2.10 on days 15–42 after: up 5 % (tnprep lists a start or dose change not followed by "
        "a fall of 30 % or more)."
    )


# --- PHQ-9 / GAD-7 of 10 or more ----------------------------------------------------------


@pytest.mark.parametrize(
    ("phq9_score", "gad7_score", "subjects"),
    [
        (9, 9, []),
        (10, 9, ["PHQ-9"]),
        (9, 15, ["GAD-7"]),
        (27, 21, ["PHQ-9", "GAD-7"]),
        (None, None, []),
    ],
)
def test_mood_score_high(
    phq9_score: int | None, gad7_score: int | None, subjects: list[str]
) -> None:
    scores = Scores(
        phq9=QuestionnaireScore(phq9_score, "band", 9, 0),
        gad7=QuestionnaireScore(gad7_score, "band", 7),
        bni_pain=None,
        bni_numbness=None,
    )
    assert [finding.subject for finding in mood_score_high(scores)] == subjects


def test_mood_words() -> None:
    scores = dataclasses.replace(NO_SCORES, gad7=QuestionnaireScore(12, "moderate", 7))
    # The score beside its published band, never a guideline pointing at a treatment (SPEC).
    assert texts(mood_score_high(scores)) == [
        "GAD-7 score 12 (moderate; bands: GAD-7, Spitzer 2006)."
    ]


# --- options the patient wants to discuss, with no entry in the history -----------------


def test_options_nobody_asked_about_are_not_listed() -> None:
    """Record only: the old rule named every missing option ('Not yet in the history: …')."""
    history = [
        treatment("carbamazepine"),
        treatment("pregabalin"),
        treatment("microvascular decompression", TreatmentCategory.PROCEDURE),
    ]
    assert not_yet_in_history(history, ()) == ()


def test_asked_options_keep_the_patients_words_and_never_say_yet() -> None:
    found = not_yet_in_history([treatment("carbamazepine")], ("surgery", "clinical trials"))
    assert [f.subject for f in found] == [
        "microvascular decompression",
        "stereotactic radiosurgery",
        "clinical trials",
    ]
    assert texts(found) == [
        "The patient wants to discuss microvascular decompression (MRI result not recorded; "
        'patient wrote "surgery"); no entry in the history.',
        'The patient wants to discuss stereotactic radiosurgery (patient wrote "surgery"); '
        "no entry in the history.",
        "The patient wants to discuss clinical trials; no entry in the history.",
    ]
    assert all("yet" not in text for text in texts(found))
    assert ("patient's words", "surgery") in found[0].evidence


def test_not_yet_in_history_needs_a_history() -> None:
    assert not_yet_in_history([], ("surgery",)) == ()


# --- monitoring questions -----------------------------------------------------------------


def test_monitoring_questions() -> None:
    history = [treatment("carbamazepine"), treatment("oxcarbazepine", ongoing=False)]
    assert texts(monitoring_questions(history)) == [
        "A question the patient may ask: sodium monitoring on carbamazepine "
        "(EAN 2019 table, Pract Neurol 2021)."
    ]
    # Issue 10 case 7: settled on oxcarbazepine → no HLA-B*15:02 point (CPIC covers both drugs).
    assert texts(monitoring_questions([treatment("oxcarbazepine")])) == [
        "A question the patient may ask: sodium monitoring on oxcarbazepine "
        "(EAN 2019 table, Pract Neurol 2021).",
    ]
    assert texts(monitoring_questions([treatment("pregabalin")])) == [
        "Before a first course of carbamazepine or oxcarbazepine: has HLA-B*15:02 been "
        "considered? tnprep records no ancestry (CPIC 2017).",
    ]


# --- all rules together -------------------------------------------------------------------


def test_findings_put_item_9_first_and_keep_kind_order() -> None:
    scores = Scores(phq9=phq9(14, 1), gad7=None, bni_pain=None, bni_numbness=None)
    history = summarise_treatments(
        [treatment("carbamazepine", ongoing=False, stopped_because="side effects")]
    )
    found = findings(scores, history, Trend(28, 3.0, 2.0, 28, 28, 1.5), (), Answers())
    kinds = [finding.kind for finding in found]
    assert kinds[0] is FindingKind.SELF_HARM_ITEM
    assert kinds == sorted(kinds, key=list(FindingKind).index)
    assert kinds[:4] == [
        FindingKind.SELF_HARM_ITEM,
        FindingKind.FIRST_LINE_STOPPED,
        FindingKind.ATTACKS_RISING,
        FindingKind.PSYCHOLOGICAL_SUPPORT,
    ]


def test_findings_none_for_a_quiet_history() -> None:
    history = summarise_treatments([treatment("carbamazepine", dose_mg_per_day=600.0)])
    found = findings(NO_SCORES, history, FLAT, (), Answers())
    # no option is named when the patient asked about none (record only, 2026-12-03)
    assert {finding.kind for finding in found} == {FindingKind.MONITORING_QUESTION}


def test_every_kind_has_words() -> None:
    evidence = tuple((label, "x") for label in Evidence)
    for kind in FindingKind:
        assert describe(Finding(kind, "subject", evidence, "a source"))


def test_words_never_advise() -> None:
    forbidden = ("you should", "recommend", "must ", "diagnos")
    history = summarise_treatments(
        [
            treatment("carbamazepine", ongoing=False, stopped_because="inefficacy"),
            treatment("oxcarbazepine", dose_mg_per_day=2400.0),
        ]
    )
    scores = Scores(
        phq9=phq9(20, 3), gad7=QuestionnaireScore(15, "severe", 7), bni_pain=None, bni_numbness=None
    )
    found = findings(scores, history, Trend(28, 3.0, 1.0, 28, 28, 3.0), (), Answers())
    for text in texts(found):
        assert not any(word in text.casefold() for word in forbidden), text


@pytest.mark.parametrize(
    ("source", "short"),
    [
        (EAN_2019, "EAN 2019"),
        (PRACT_NEUROL_2021_TABLE_5, "EAN 2019 table, Pract Neurol 2021"),
        (
            f"{PRACT_NEUROL_2021_TABLE_5}; {NICE_CKS_CARBAMAZEPINE}",
            "EAN 2019 table, Pract Neurol 2021; NICE CKS up to 1600",
        ),
        (CPIC_2017, "CPIC 2017"),
        # Only the constants are known: an author's name in other text is not looked for.
        ("EAN guideline (Bendtsen et al. 2019)", "EAN guideline (Bendtsen et al. 2019)"),
        ("something else", "something else"),
    ],
)
def test_short_source(source: str, short: str) -> None:
    assert short_source(source) == short


def test_first_line_dose_change_is_not_a_stop() -> None:
    """Regression: a course ended by a dose change, with the drug ongoing, is not 'stopped'."""
    history = [
        treatment("oxcarbazepine", ongoing=False, end=PartialDate(2026, 9, 23),
                  stopped_because="dose increased"),
        treatment("oxcarbazepine", ongoing=True, start=PartialDate(2026, 9, 24)),
    ]  # fmt: skip
    assert first_line_stopped(history) == ()


def test_first_line_stopped_once_per_drug_from_its_last_course() -> None:
    """Regression: two stopped courses of carbamazepine give one point, from the later course."""
    history = [
        treatment("carbamazepine", ongoing=False, end=PartialDate(2019, 3),
                  stopped_because="side effects"),
        treatment("carbamazepine", ongoing=False, end=PartialDate(2022),
                  stopped_because="inefficacy"),
    ]  # fmt: skip
    found = first_line_stopped(history)
    assert [(finding.subject, finding.evidence[0]) for finding in found] == [
        ("carbamazepine", ("stopped because", "inefficacy"))
    ]


def test_missing_evidence_fails_loudly_instead_of_printing_nothing() -> None:
    finding = Finding(FindingKind.MOOD_SCORE_HIGH, "PHQ-9", ((Evidence.SCORE, "12"),), EAN_2019)
    with pytest.raises(KeyError, match="has no 'band' evidence"):
        describe(finding)
    assert required(finding, Evidence.SCORE) == "12"
    assert optional(finding, Evidence.BAND, "none") == "none"


def test_every_evidence_label_is_written_by_a_rule() -> None:
    folder = Path(__file__).resolve().parents[1] / "tnprep" / "analysis"
    rules = "".join(
        (folder / name).read_text(encoding="utf-8")
        for name in ("discussion.py", "discussion_history.py")
    )
    assert [label for label in Evidence if f"Evidence.{label.name}," not in rules] == []


# --- no treatment history supplied ----------------------------------------------------------


def test_no_history_rules_stay_silent_without_a_treatment_history() -> None:
    # Regression: the HLA-B*15:02 question appeared on every diary-only page, although with no
    # treatment history nothing is known about past carbamazepine or oxcarbazepine.
    answers = Answers(interested_in=("surgery", "clinical trials"))
    found = findings(NO_SCORES, (), FLAT, (), answers)
    assert found == ()
    assert monitoring_questions([]) == ()
    assert first_line_stopped([]) == () and dose_outside_range([]) == ()


def test_psychological_point_without_history_says_none_was_supplied() -> None:
    scores = dataclasses.replace(NO_SCORES, phq9=phq9(14, 0))
    found = findings(scores, (), FLAT, (), Answers())
    assert texts(found) == [
        "PHQ-9 or GAD-7 at 10 or more (At a glance); no treatment history supplied."
    ]


def test_psychology_asked_about_stays_on_the_page_beside_the_mood_point() -> None:
    """The psychological-support point used to swallow the patient's own wish to discuss it."""
    scores = dataclasses.replace(NO_SCORES, phq9=phq9(14, 0))
    history = summarise_treatments([treatment("carbamazepine")])
    found = findings(scores, history, FLAT, (), Answers(interested_in=("psychology",)))
    assert [describe(f) for f in found if f.kind is FindingKind.NOT_YET_IN_HISTORY] == [
        "The patient wants to discuss cognitive behavioural therapy or psychological support "
        '(patient wrote "psychology"); no entry in the history.'
    ]

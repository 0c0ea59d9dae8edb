"""Summary → PageContent: pure, plain text, everything kept in priority order."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
from summary_factory import (
    SAMPLE_QUESTIONS,
    _treatment,
    attack_figures_from_daily,
    empty_summary,
    make_daily,
    make_patient,
    make_summary,
    make_treatments,
)

from tnprep.analysis.discussion import first_line_stopped
from tnprep.analysis.safety import safety_notes
from tnprep.model import PartialDate, Treatment, TreatmentCategory
from tnprep.report import wording
from tnprep.report.chart_content import MAX_BARS, MarkerKind
from tnprep.report.content import SHOWN_ELSEWHERE, Paper, build_content, in_safety_block
from tnprep.report.pattern_section import build_pattern
from tnprep.summary import (
    ChangeKind,
    FindingKind,
    QuestionnaireScore,
    Scores,
    Trend,
    TrendWithheld,
    TriggerCount,
)


def test_content_modules_do_not_import_reportlab() -> None:
    code = (
        "import sys, tnprep.report.content, tnprep.report\n"
        "assert not any(name.startswith('reportlab') for name in sys.modules), 'reportlab loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_build_content_is_pure_and_equal_for_equal_input() -> None:
    assert build_content(make_summary(), Paper.A4) == build_content(make_summary(), Paper.A4)


def test_content_keeps_every_question_and_finding_in_order() -> None:
    content = build_content(make_summary(), Paper.LETTER)
    assert content.questions.items == SAMPLE_QUESTIONS
    shown = [f for f in make_summary().findings if f.kind not in SHOWN_ELSEWHERE]
    assert len(content.discussion.items) == len(shown)
    # One ledger line per drug or procedure; each sample row is a drug of its own.
    assert len(content.treatments.lines) == len(make_treatments())
    assert content.treatments.lines[0].current


def test_item9_is_in_the_safety_block_not_repeated_in_the_discussion() -> None:
    findings = make_summary().findings
    summary = make_summary(findings=(*findings[1:], findings[0]))
    content = build_content(summary, Paper.A4)
    assert content.safety.alert is not None
    assert content.safety.alert.startswith("PHQ-9 item 9")
    assert "in some way" in content.safety.alert  # issue 10 case 9: the paraphrase keeps it
    assert not any(item.startswith("PHQ-9 item 9") for item in content.discussion.items)
    assert findings[0].kind is FindingKind.SELF_HARM_ITEM


@pytest.mark.parametrize(
    ("item9", "patient_item9", "alerted"),
    [(1, 1, True), (3, 3, True), (0, 0, False), (None, None, False), (None, 2, True)],
)
def test_item9_alert(item9: int | None, patient_item9: int | None, alerted: bool) -> None:
    phq9 = QuestionnaireScore(score=None, band=None, answered=8, item9=item9)
    summary = make_summary(
        scores=Scores(phq9=phq9, gad7=None, bni_pain=None, bni_numbness=None),
        patient=make_patient(phq9=(0, 0, 0, 0, 0, 0, 0, 0, patient_item9)),
    )
    alert = build_content(summary, Paper.A4).glance.alert
    assert (alert is not None) is alerted
    if alert is not None:
        assert wording.PHQ9_ANSWERS[patient_item9 or item9 or 0] in alert


@pytest.mark.parametrize(
    ("days", "bin_days"), [(0, 1), (1, 1), (90, 1), (120, 1), (121, 2), (400, 4), (3650, 31)]
)
def test_long_periods_are_drawn_in_groups_of_days(days: int, bin_days: int) -> None:
    daily = make_daily(dt.date(2020, 1, 1), days, gaps=())
    chart = build_content(make_summary(daily=daily), Paper.A4).chart
    assert chart.bin_days == bin_days
    assert len(chart.bins) <= MAX_BARS
    assert sum(chart_bin.recorded_days for chart_bin in chart.bins) == days


def test_gaps_stay_gaps_in_the_chart() -> None:
    gap = (dt.date(2024, 2, 20), dt.date(2024, 2, 22))
    chart = build_content(make_summary(), Paper.A4).chart
    gap_bins = [chart_bin for chart_bin in chart.bins if chart_bin.attacks is None]
    assert [chart_bin.first_day for chart_bin in gap_bins] == [
        gap[0] + dt.timedelta(days=offset) for offset in range(3)
    ]


def test_markers_only_for_changes_inside_the_period() -> None:
    markers = build_content(make_summary(), Paper.A4).chart.markers
    assert [(marker.date, marker.kind) for marker in markers] == [
        (dt.date(2024, 2, 6), MarkerKind.START),
        (dt.date(2024, 2, 5), MarkerKind.STOP),
    ]


@pytest.mark.parametrize(
    ("ratio", "expected"), [(1.3, "↑ +30 %"), (0.5, "↓ -50 %"), (1.0, "→ +0 %"), (None, "–")]
)
def test_trend_arrow(ratio: float | None, expected: str) -> None:
    summary = make_summary()
    trend = Trend(28, 1.0, 1.0, 28, 28, ratio)
    attacks = dataclasses.replace(summary.attacks, trend=trend)
    figures = build_content(make_summary(attacks=attacks), Paper.A4).glance.figures
    assert figures[-1].value == expected


@pytest.mark.parametrize(
    ("trend", "label", "detail"),
    [
        (
            Trend(2, 0.5, 1.0, 2, 2, None, TrendWithheld.PERIOD_TOO_SHORT),
            "Trend",
            "not computed: period under 28 days",
        ),
        (
            Trend(28, 2.0, 1.0, 9, 28, None, TrendWithheld.TOO_FEW_RECORDED_DAYS),
            "Trend, last 28 days",
            "not computed: 9 of last 28 recorded",
        ),
        (
            Trend(28, 2.0, 1.0, 28, 13, None, TrendWithheld.TOO_FEW_RECORDED_DAYS),
            "Trend, last 28 days",
            "not computed: 13 of prior 28 recorded",
        ),
        (
            Trend(28, 2.0, 0.0, 28, 28, None, TrendWithheld.NO_EARLIER_ATTACKS),
            "Trend, last 28 days",
            "not computed: no attack in prior 28 days",
        ),
    ],
)
def test_a_withheld_trend_draws_no_arrow_and_says_why(
    trend: Trend, label: str, detail: str
) -> None:
    # Regression: the real CHT export (4 days) printed "↓ -50 %, Trend, last 2 days".
    summary = make_summary()
    attacks = dataclasses.replace(summary.attacks, trend=trend)
    figure = build_content(make_summary(attacks=attacks), Paper.A4).glance.figures[-1]
    assert (figure.label, figure.value, figure.detail) == (label, "–", detail)


def test_empty_summary_has_words_for_everything() -> None:
    content = build_content(empty_summary(), Paper.A4)
    assert content.header.name == "Name not given"
    assert content.chart.bins == ()
    assert content.chart.words == ("No diary days in the period.",)
    assert content.glance.alert is None
    assert content.treatments.lines == ()


def test_triggers_beyond_the_top_six_are_counted() -> None:
    summary = make_summary()
    triggers = tuple(TriggerCount(f"trigger {index}", 20 - index) for index in range(10))
    attacks = attack_figures_from_daily(summary.daily, triggers)
    fields = build_content(make_summary(attacks=attacks), Paper.A4).pattern.fields
    assert dict((field.label, field.value) for field in fields)["Triggers"].endswith("+4 more")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "–"), (40.0, "40 s"), (59.6, "1 min"), (125, "2 min 5 s"), (4200, "1 h 10 min")],
)
def test_duration_text(value: float | None, expected: str) -> None:
    assert wording.duration_text(value) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (None, "?"),
        (PartialDate(2019), "2019"),
        (PartialDate(2019, 3), "Mar 2019"),
        (PartialDate(2024, 2, 5), "5 Feb 2024"),
    ],
)
def test_partial_date_text(date: PartialDate | None, expected: str) -> None:
    assert wording.partial_date_text(date) == expected


@pytest.mark.parametrize(
    ("birth", "day", "age"),
    [
        (dt.date(1957, 5, 14), dt.date(2024, 5, 13), 66),
        (dt.date(1957, 5, 14), dt.date(2024, 5, 14), 67),
        (None, dt.date(2024, 1, 1), None),
        (dt.date(2030, 1, 1), dt.date(2024, 1, 1), None),
    ],
)
def test_age_on(birth: dt.date | None, day: dt.date, age: int | None) -> None:
    assert wording.age_on(birth, day) == age


@pytest.mark.parametrize(
    ("fields", "dates", "dose", "stopped"),
    [
        ({"start": PartialDate(2024, 2, 6), "ongoing": True, "dose_text": "600 mg bd",
          "dose_mg_per_day": 1200.0}, "6 Feb 2024 – now", "1200 mg/day (600 mg bd)", "–"),
        ({"start": PartialDate(2019), "end": PartialDate(2019), "stopped_because": "inefficacy",
          "side_effects": "nausea"}, "2019", "–", "inefficacy; side effects: nausea"),
        ({"stopped_because": "side effects", "side_effects": "rash", "dose_text": "a lot"},
         "dates not given", "a lot", "side effects: rash"),
    ],
)  # fmt: skip
def test_treatment_cells(fields: dict[str, object], dates: str, dose: str, stopped: str) -> None:
    item = make_treatments()[0]
    blank = {"start": None, "end": None, "ongoing": False, "dose_text": None,
             "dose_mg_per_day": None, "stopped_because": None, "side_effects": None}  # fmt: skip
    treatment = dataclasses.replace(item.treatment, **{**blank, **fields})
    row = dataclasses.replace(item, treatment=treatment)
    assert wording.treatment_dates(treatment) == dates
    assert wording.dose_text(row) == dose
    assert wording.stopped_text(treatment) == stopped


def test_dose_outside_published_range_is_stated() -> None:
    item = dataclasses.replace(make_treatments()[1], outside_range=True)
    assert "outside published 200–1200 mg/day (EAN 2019)" in wording.dose_text(item)


def test_dose_change_is_marked_as_a_dose_change_not_a_start() -> None:
    """Regression: the sample page labelled oxcarbazepine's dose increase 'started'."""
    summary = make_summary()
    change = dataclasses.replace(
        summary.before_after[0], treatment="oxcarbazepine", change=ChangeKind.DOSE_CHANGE,
        date=dt.date(2024, 2, 20),
    )  # fmt: skip
    markers = build_content(make_summary(before_after=(change,)), Paper.A4).chart.markers
    assert (dt.date(2024, 2, 20), MarkerKind.DOSE_CHANGE) in [
        (marker.date, marker.kind) for marker in markers
    ]
    assert all(
        marker.kind is not MarkerKind.START for marker in markers
        if marker.date == dt.date(2024, 2, 20)
    )  # fmt: skip


def test_a_first_line_stop_the_safety_block_prints_is_not_repeated_in_the_discussion() -> None:
    """Carbamazepine stopped for low sodium is in the safety block; a stop for another reason,
    or another course, is still a discussion point."""

    def course(reason: str, effects: str, end: PartialDate) -> Treatment:
        return _treatment(
            "carbamazepine",
            TreatmentCategory.MEDICATION,
            start=PartialDate(2022, 6),
            end=end,
            stopped_because=reason,
            side_effects=effects,
        )

    sodium = course("side effects", "dizziness, low sodium again", PartialDate(2022, 8))
    notes = safety_notes([sodium])
    (stopped,) = first_line_stopped([sodium])
    assert notes and in_safety_block(stopped, notes)
    other = course("not enough relief", "", PartialDate(2023, 1))
    (kept,) = first_line_stopped([other])
    assert not in_safety_block(kept, notes)


def test_side_and_divisions_say_which_half_was_not_recorded() -> None:
    """A diary with neither side nor division reads 'side not recorded N; divisions none
    recorded', never a bare 'none recorded' whose subject the reader must guess."""
    summary = make_summary()
    attacks = dataclasses.replace(
        summary.attacks,
        by_side=dataclasses.replace(summary.attacks.by_side, right=0, left=0, both=0, unknown=9),
        by_division=dataclasses.replace(summary.attacks.by_division, V1=0, V2=0, V3=0),
    )
    fields = {field.label: field.value for field in build_pattern(
        dataclasses.replace(summary, attacks=attacks)).fields}  # fmt: skip
    assert fields["Side, divisions"] == "side not recorded 9; divisions not recorded"
    recorded = {field.label: field.value for field in build_pattern(summary).fields}
    assert recorded["Side, divisions"].startswith("right ")

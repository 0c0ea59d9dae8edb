"""Summaries for tests: one realistic patient, and Hypothesis strategies from empty to absurd.

Usage (``tests/`` is on ``sys.path`` under pytest's default import mode)::

    from summary_factory import make_summary, empty_summary, summaries

    summary = make_summary()                         # the sample patient below
    summary = make_summary(findings=())              # any Summary field, dataclasses.replace-style
    summary = make_summary(patient=make_patient(name="Ана <b>"))

    @given(summaries())
    def test_page(summary): ...

The sample patient is synthetic: treatment-resistant classical TN, right V2/V3, 90 days of
attack-log diary (2024-01-08 … 2024-04-06) with a three-day gap, carbamazepine stopped for side
effects on 2024-02-05, oxcarbazepine ongoing since 2024-02-06, PHQ-9 10 (moderate) with item 9 = 1,
GAD-7 7 (mild), BNI pain IV, five questions. Every aggregate (totals, medians, trend, before/after)
is computed from the daily figures so the Summary is internally consistent.

The public names here (``make_summary``, ``make_patient``, ``make_daily``, ``make_treatments``,
``attack_figures_from_daily``, ``empty_summary``, ``summaries``, ``user_texts``, ``SAMPLE_*``)
are stable: other test modules rely on them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import statistics
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

from tnprep.analysis.evidence import Evidence
from tnprep.issues import Issue, IssueCode
from tnprep.model import Answers, PartialDate, Response, Treatment, TreatmentCategory
from tnprep.sources import EAN_2019
from tnprep.summary import (
    AttackFigures,
    BeforeAfter,
    ChangeKind,
    DayFigure,
    DivisionCounts,
    DoseRange,
    Features,
    Finding,
    FindingKind,
    InputAccount,
    Period,
    QuestionnaireScore,
    Scores,
    SideCounts,
    Summary,
    TreatmentSummary,
    Trend,
    TrendWithheld,
    TriggerCount,
    WindowFigures,
)

SAMPLE_START = dt.date(2024, 1, 8)
"""First day of the sample period."""
SAMPLE_DAYS = 90
"""Length of the sample period in days."""
SAMPLE_GAP = (dt.date(2024, 2, 20), dt.date(2024, 2, 22))
"""Inclusive unrecorded days inside the sample period."""
SAMPLE_CHANGE_DAY = dt.date(2024, 2, 5)
"""Carbamazepine's last day; oxcarbazepine starts the next day."""
SAMPLE_GENERATED = dt.date(2024, 4, 8)
"""The sample's generation date."""
SAMPLE_QUESTIONS = (
    "Is the oxcarbazepine dose high enough, or can it go up?",
    "Do I need blood tests for sodium while on oxcarbazepine?",
    "Am I a candidate for microvascular decompression?",
    "Could the pain be coming from my teeth after all?",
    "What should I do during a bad flare at night?",
)
"""The sample patient's questions, in their priority order."""

# EAN guideline on trigeminal neuralgia (Bendtsen et al., Eur J Neurol 2019;26:831-849),
# maintenance doses: carbamazepine 200-1200 mg/day, oxcarbazepine 300-1800 mg/day.
_EAN_2019 = EAN_2019
_CARBAMAZEPINE_RANGE = DoseRange(low_mg=200, high_mg=1200, source=_EAN_2019)
_OXCARBAZEPINE_RANGE = DoseRange(low_mg=300, high_mg=1800, source=_EAN_2019)

_TRIGGERS = (
    TriggerCount("chewing", 118),
    TriggerCount("talking", 74),
    TriggerCount("brushing teeth", 51),
    TriggerCount("cold wind", 23),
    TriggerCount("touching face", 17),
    TriggerCount("shaving", 6),
)


# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------


def make_patient(**overrides: Any) -> Answers:
    """Return the sample patient's questionnaire answers, with any field replaced."""
    answers = Answers(
        name="Margaret O'Brien-Novak",
        date_of_birth=dt.date(1957, 5, 14),
        visit_date=dt.date(2024, 4, 10),
        clinician="Dr A. Okafor",
        diagnosis="Classical trigeminal neuralgia (right)",
        onset="2019",
        side="right",
        divisions=("V2", "V3"),
        bni_pain="IV",
        bni_numbness="I",
        phq9=(1, 2, 1, 2, 1, 1, 1, 0, 1),
        gad7=(1, 1, 2, 1, 0, 1, 1),
        impact_eating="Eats soft food only, on the left side",
        impact_sleep="Woken by attacks 2-3 nights a week",
        impact_work="Reduced to half-time since January",
        goals="Eat normally and get back to full-time work",
        questions=SAMPLE_QUESTIONS,
        interested_in=("surgery", "clinical trials"),
        other=(("preferred_language", "English"),),
    )
    return dataclasses.replace(answers, **overrides)


def make_daily(
    start: dt.date = SAMPLE_START,
    days: int = SAMPLE_DAYS,
    *,
    seed: int = 4,
    gaps: Sequence[tuple[dt.date, dt.date]] = (SAMPLE_GAP,),
    base_rate: float = 4.0,
) -> tuple[DayFigure, ...]:
    """Return ``days`` deterministic day figures from ``start``, with the given inclusive gaps.

    Attack counts follow a slow rise and fall around ``base_rate`` so charts show a shape;
    every tenth-ish day is attack-free. Gap days have ``attacks=None`` and no intensity.
    """
    generator = random.Random(seed)
    figures = []
    for offset in range(days):
        date = start + dt.timedelta(days=offset)
        if any(first <= date <= last for first, last in gaps):
            figures.append(DayFigure(date=date, attacks=None, worst_intensity=None))
            continue
        wave = 1.0 + 0.6 * ((offset % 45) - 22) / 22  # a slow sawtooth, 0.4x-1.6x
        count = max(0, round(generator.gauss(base_rate * wave, 1.5)))
        if generator.random() < 0.1:
            count = 0
        worst = None if count == 0 else float(min(10, 4 + count // 2 + generator.randint(0, 2)))
        figures.append(DayFigure(date=date, attacks=count, worst_intensity=worst))
    return tuple(figures)


def _window(daily: Sequence[DayFigure], first: dt.date, last: dt.date) -> WindowFigures:
    recorded = [day for day in daily if first <= day.date <= last and day.attacks is not None]
    total = sum(day.attacks or 0 for day in recorded)
    intensities = [day.worst_intensity for day in recorded if day.worst_intensity is not None]
    return WindowFigures(
        first_day=first,
        last_day=last,
        days_recorded=len(recorded),
        per_recorded_day=round(total / len(recorded), 2) if recorded else None,
        intensity_median=statistics.median(intensities) if intensities else None,
    )


def _trend(daily: Sequence[DayFigure]) -> Trend:
    # SPEC/summary.py: 28-day windows, or half the period when it is shorter than 56 days.
    window_days = 28 if len(daily) >= 56 else len(daily) // 2
    if window_days == 0:
        return Trend(window_days, None, None, 0, 0, None, TrendWithheld.PERIOD_TOO_SHORT)
    last = daily[-1].date
    recent = _window(daily, last - dt.timedelta(days=window_days - 1), last)
    previous = _window(
        daily, last - dt.timedelta(days=2 * window_days - 1), last - dt.timedelta(days=window_days)
    )
    # docs/figures.md *Trend*: windows of 14 days or more, each at least half recorded.
    reason = None
    if window_days < 14:
        reason = TrendWithheld.PERIOD_TOO_SHORT
    elif min(recent.days_recorded, previous.days_recorded) * 2 < window_days:
        reason = TrendWithheld.TOO_FEW_RECORDED_DAYS
    elif not previous.per_recorded_day:
        reason = TrendWithheld.NO_EARLIER_ATTACKS
    ratio = None
    if reason is None and recent.per_recorded_day is not None and previous.per_recorded_day:
        ratio = round(recent.per_recorded_day / previous.per_recorded_day, 2)
    return Trend(
        window_days=window_days,
        recent_per_day=recent.per_recorded_day,
        previous_per_day=previous.per_recorded_day,
        recent_days_recorded=recent.days_recorded,
        previous_days_recorded=previous.days_recorded,
        ratio=ratio,
        reason=reason,
    )


def attack_figures_from_daily(
    daily: Sequence[DayFigure], triggers: tuple[TriggerCount, ...] = _TRIGGERS
) -> AttackFigures:
    """Return attack figures consistent with ``daily`` (sides/divisions as the sample patient)."""
    recorded = [day for day in daily if day.attacks is not None]
    total = sum(day.attacks or 0 for day in recorded)
    peak = max(recorded, key=lambda day: day.attacks or 0, default=None)
    intensities = [day.worst_intensity for day in recorded if day.worst_intensity is not None]
    hours = [0, 0, 0, 1, 1, 2, 6, 9, 8, 5, 4, 5, 9, 11, 6, 4, 4, 6, 12, 14, 9, 5, 2, 1]
    scale = total / sum(hours) if total else 0
    return AttackFigures(
        total=total,
        per_recorded_day=round(total / len(recorded), 2) if recorded else None,
        attack_free_days=sum(1 for day in recorded if day.attacks == 0),
        max_per_day=peak.attacks if peak else None,
        max_day=peak.date if peak else None,
        max_days=sum(1 for day in recorded if peak and day.attacks == peak.attacks),
        intensity_median=statistics.median(intensities) - 1 if intensities else None,
        intensity_max=max(intensities) if intensities else None,
        duration_median_s=40.0 if total else None,
        by_side=SideCounts(right=total - total // 20, both=0, unknown=total // 20),
        by_division=DivisionCounts(V1=0, V2=round(total * 0.7), V3=round(total * 0.55)),
        triggers=triggers if total else (),
        by_hour=tuple(round(count * scale) for count in hours),
        trend=_trend(daily),
        conflict_days=(),
    )


def _treatment(name: str, category: TreatmentCategory, **fields: Any) -> Treatment:
    blank: dict[str, Any] = {
        "start": None,
        "end": None,
        "ongoing": False,
        "dose_text": None,
        "dose_mg_per_day": None,
        "response": None,
        "relief_percent": None,
        "stopped_because": None,
        "side_effects": None,
        "notes": None,
        "file": "treatments.csv",
        "name_as_written": name,
    }
    blank.update(fields)
    return Treatment(name=name, category=category, **blank)


def make_treatments() -> tuple[TreatmentSummary, ...]:
    """Return the sample treatment history: current first, then by most recent start."""
    medication = TreatmentCategory.MEDICATION
    oxcarbazepine = _treatment(
        "oxcarbazepine",
        medication,
        start=PartialDate(2024, 2, 6),
        ongoing=True,
        dose_text="600 mg twice daily",
        dose_mg_per_day=1200,
        response=Response.PARTIAL,
        side_effects="tiredness",
        row=2,
    )
    carbamazepine = _treatment(
        "carbamazepine",
        medication,
        start=PartialDate(2023, 6),
        end=PartialDate(2024, 2, 5),
        dose_text="400 mg three times daily",
        dose_mg_per_day=1200,
        response=Response.GOOD,
        stopped_because="side effects",
        side_effects="dizziness, double vision, falls",
        row=3,
    )
    gabapentin = _treatment(
        "gabapentin",
        medication,
        start=PartialDate(2022, 3),
        end=PartialDate(2022, 9),
        dose_text="300 mg 3x/day",
        dose_mg_per_day=900,
        relief_percent=20,
        stopped_because="inefficacy",
        row=4,
    )
    extraction = _treatment(
        "tooth extraction (lower right molar)",
        TreatmentCategory.PROCEDURE,
        start=PartialDate(2019),
        end=PartialDate(2019),
        response=Response.NONE,
        notes="dentist suspected a cracked tooth",
        row=5,
    )
    return (
        TreatmentSummary(oxcarbazepine, _OXCARBAZEPINE_RANGE, outside_range=False),
        TreatmentSummary(carbamazepine, _CARBAMAZEPINE_RANGE, outside_range=False),
        TreatmentSummary(gabapentin, None, None),
        TreatmentSummary(extraction, None, None),
    )


def _before_after(daily: Sequence[DayFigure]) -> tuple[BeforeAfter, ...]:
    # summary.py BeforeAfter: 28 days before the change against days 15-42 after it.
    changes = (
        ("carbamazepine", ChangeKind.STOP, SAMPLE_CHANGE_DAY),
        ("oxcarbazepine", ChangeKind.START, SAMPLE_CHANGE_DAY + dt.timedelta(days=1)),
    )
    results = []
    for name, kind, date in changes:
        before = _window(daily, date - dt.timedelta(days=28), date - dt.timedelta(days=1))
        after = _window(daily, date + dt.timedelta(days=14), date + dt.timedelta(days=41))
        enough = min(before.days_recorded, after.days_recorded) >= 14
        results.append(BeforeAfter(name, kind, date, before, after, enough))
    return tuple(results)


def _findings() -> tuple[Finding, ...]:
    # Evidence labels follow tnprep.analysis.discussion's rules, so describe() words them.
    phq9 = "PHQ-9 (Kroenke et al., J Gen Intern Med 2001;16:606–613)"
    return (
        Finding(FindingKind.SELF_HARM_ITEM, "PHQ-9", (("item 9", "1"),), phq9),
        Finding(
            FindingKind.FIRST_LINE_STOPPED,
            "carbamazepine",
            (("stopped because", "side effects"), ("response", "good")),
            _EAN_2019,
        ),
        Finding(
            FindingKind.MOOD_SCORE_HIGH, "PHQ-9", (("score", "10"), ("band", "moderate")), phq9
        ),
        Finding(
            FindingKind.NOT_YET_IN_HISTORY,
            "microvascular decompression",
            (("patient interested", "yes"),),
            _EAN_2019,
        ),
        Finding(
            FindingKind.MONITORING_QUESTION,
            "sodium (hyponatraemia) checks on oxcarbazepine",
            (("treatment", "oxcarbazepine"),),
            "Oxcarbazepine SmPC, section 4.4",
        ),
    )


def _input_account() -> InputAccount:
    issues = (
        Issue(
            code=IssueCode.DATE_UNREADABLE,
            file="attacks.csv",
            row=57,
            column="Start Time",
            value="31/02/2024",
            message="The date 31/02/2024 does not exist; the row is left out.",
        ),
        Issue(
            code=IssueCode.DATE_UNREADABLE,
            file="attacks.csv",
            row=203,
            column="Start Time",
            value="",
            message="The row has no date; it is left out.",
        ),
        Issue(
            code=IssueCode.INTENSITY_OUT_OF_RANGE,
            file="attacks.csv",
            row=118,
            column="Pain",
            value="12",
            message="Intensity 12 is outside 0-10; the attack counts without an intensity.",
        ),
        Issue(
            code=IssueCode.DUPLICATE,
            file="attacks-old-phone.csv",
            row=14,
            column=None,
            value=None,
            message="Same attack as attacks.csv row 88; counted once.",
        ),
    )
    return InputAccount(rows_read=392, rows_used=389, rows_rejected=2, duplicates=1, issues=issues)


# ---------------------------------------------------------------------------
# The Summary
# ---------------------------------------------------------------------------


def make_summary(**overrides: Any) -> Summary:
    """Return the sample patient's Summary with any top-level field replaced.

    Args:
        **overrides: Summary fields to replace (``dataclasses.replace`` semantics). Replacing
            ``daily`` does not recompute ``attacks``; use ``attack_figures_from_daily`` for that.
    """
    daily = make_daily()
    patient = make_patient()
    summary = Summary(
        generated=SAMPLE_GENERATED,
        patient=patient,
        period=Period(
            start=daily[0].date,
            end=daily[-1].date,
            days=len(daily),
            days_recorded=sum(1 for day in daily if day.attacks is not None),
        ),
        attacks=attack_figures_from_daily(daily),
        daily=daily,
        features=Features(
            short_attacks=301,
            with_duration=360,
            triggered=266,
            spontaneous=123,
            trigger_unknown=0,
            sides_seen=("right",),
            divisions_seen=("V2", "V3"),
            paroxysmal=371,
            continuous=0,
            background_pain_days=0,
            background_pain_recorded_days=0,
            background_pain_median=None,
        ),
        treatments=make_treatments(),
        before_after=_before_after(daily),
        scores=Scores(
            phq9=QuestionnaireScore(score=10, band="moderate", answered=9, item9=1),
            gad7=QuestionnaireScore(score=7, band="mild", answered=7),
            bni_pain=patient.bni_pain,
            bni_numbness=patient.bni_numbness,
        ),
        findings=_findings(),
        input=_input_account(),
        assumptions=("attacks.csv: dates read day-first (a first part over 12 in row 5).",),
    )
    return dataclasses.replace(summary, **overrides)


def empty_summary(generated: dt.date = SAMPLE_GENERATED) -> Summary:
    """Return the Summary of a run with no diary, no treatments and no questionnaire."""
    no_attacks = attack_figures_from_daily(())
    return Summary(
        generated=generated,
        patient=Answers(),
        period=Period(start=None, end=None, days=0, days_recorded=0),
        attacks=no_attacks,
        daily=(),
        features=Features(0, 0, 0, 0, 0, (), (), 0, 0, 0, 0, None),
        treatments=(),
        before_after=(),
        scores=Scores(phq9=None, gad7=None, bni_pain=None, bni_numbness=None),
        findings=(),
        input=InputAccount(0, 0, 0, 0, ()),
        assumptions=(),
    )


# ---------------------------------------------------------------------------
# Hypothesis strategies
# ---------------------------------------------------------------------------

_HOSTILE_TEXTS = (
    "<b>bold?</b>",
    "a & b &amp; c &lt;",
    '<img src="x.png" width="500" height="500"/>',
    '<a href="javascript:alert(1)">click</a>',
    "<para><font size=1>tiny</font></para>",
    "Ωμέγα — τριδυμικό νεύραλγία",
    "Тройничный нерв → боль",
    "三叉神経痛 😖",
    "\u200b\u202eright-to-left\u202c",
    "tab\tnew\nline",
    "x" * 500,
    "",
    " ",
)


def user_texts(max_size: int = 500) -> st.SearchStrategy[str]:
    """Text a user could type: hostile markup, non-Latin scripts, emoji, controls, very long."""
    return st.one_of(
        st.sampled_from(_HOSTILE_TEXTS),
        st.text(max_size=60),
        st.text(alphabet=st.sampled_from("<>&\"'/=;abc"), max_size=40),
        st.integers(1, max_size).map(lambda size: ("Ωж<&" * size)[:size]),
    )


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def _patients(draw: st.DrawFn) -> Answers:
    text = user_texts()
    item = _optional(st.integers(0, 3))
    return Answers(
        name=draw(_optional(text)),
        date_of_birth=draw(_optional(st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1)))),
        visit_date=draw(_optional(st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)))),
        clinician=draw(_optional(text)),
        diagnosis=draw(_optional(text)),
        onset=draw(_optional(text)),
        side=draw(_optional(text)),
        divisions=tuple(draw(st.sets(st.sampled_from(("V1", "V2", "V3"))))),
        bni_pain=draw(_optional(st.sampled_from(("I", "II", "III", "IIIa", "IIIb", "IV", "V")))),
        bni_numbness=draw(_optional(st.sampled_from(("I", "II", "III", "IV")))),
        phq9=tuple(draw(st.lists(item, min_size=9, max_size=9))),
        gad7=tuple(draw(st.lists(item, min_size=7, max_size=7))),
        impact_eating=draw(_optional(text)),
        impact_sleep=draw(_optional(text)),
        impact_work=draw(_optional(text)),
        goals=draw(_optional(text)),
        questions=_repeat(draw(st.lists(text, max_size=4)), draw(st.integers(0, 100))),
        interested_in=tuple(draw(st.lists(text, max_size=5))),
        other=tuple(draw(st.lists(st.tuples(text, text), max_size=5))),
    )


def _repeat(pool: Sequence[str], count: int) -> tuple[str, ...]:
    """``count`` items cycling through ``pool`` (cheap way to reach 100 or 200 items)."""
    if not pool:
        return ()
    return tuple(f"{pool[index % len(pool)]}" for index in range(count))


def _score(items: Sequence[int | None], bands: Sequence[tuple[int, str]]) -> QuestionnaireScore:
    answered = [item for item in items if item is not None]
    if len(answered) < len(items):
        return QuestionnaireScore(score=None, band=None, answered=len(answered))
    total = sum(answered)
    band = next(name for upper, name in bands if total <= upper)
    return QuestionnaireScore(score=total, band=band, answered=len(answered))


# SPEC *Questionnaires*: PHQ-9 and GAD-7 bands (Kroenke 2001; Spitzer 2006).
_PHQ9_BANDS = (
    (4, "minimal"),
    (9, "mild"),
    (14, "moderate"),
    (19, "moderately severe"),
    (27, "severe"),
)
_GAD7_BANDS = ((4, "minimal"), (9, "mild"), (14, "moderate"), (21, "severe"))


@st.composite
def _treatment_summaries(draw: st.DrawFn) -> tuple[TreatmentSummary, ...]:
    count = draw(st.integers(0, 200))
    texts = draw(st.lists(user_texts(), min_size=1, max_size=4))
    categories = list(TreatmentCategory)
    result = []
    for index in range(count):
        text = texts[index % len(texts)]
        start = PartialDate(
            2000 + index % 25, 1 + index % 12, None if index % 3 else 1 + index % 28
        )
        treatment = _treatment(
            text or f"drug {index}",
            categories[index % len(categories)],
            name_as_written=text,
            start=start if index % 5 else None,
            ongoing=index % 7 == 0,
            end=None if index % 7 == 0 else PartialDate(2001 + index % 25),
            dose_text=text,
            dose_mg_per_day=float(index * 50) if index % 2 else None,
            response=list(Response)[index % 4] if index % 3 else None,
            relief_percent=float(index % 101) if index % 4 == 1 else None,
            stopped_because=text,
            side_effects=text,
            notes=text,
        )
        range_ = _CARBAMAZEPINE_RANGE if index % 6 == 0 else None
        result.append(TreatmentSummary(treatment, range_, None if range_ is None else index > 20))
    return tuple(result)


@st.composite
def summaries(draw: st.DrawFn) -> Summary:
    """Summaries from empty to absurd: 0 to 3650 days, 200 treatments, 100 questions, hostile text.

    Aggregates are computed from the drawn daily figures, so figures are consistent even when
    the text is not. Sizes are drawn, but long sequences are built from a seed, which keeps
    Hypothesis fast.
    """
    if draw(st.integers(0, 9)) == 0:
        return empty_summary()
    patient = draw(_patients())
    days = draw(st.sampled_from((0, 1, 2, 7, 30, 90, 400, 3650)))
    start = draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1)))
    gap_start = start + dt.timedelta(days=draw(st.integers(0, max(days - 1, 0))))
    gap = (gap_start, gap_start + dt.timedelta(days=draw(st.integers(0, 60))))
    daily = make_daily(
        start,
        days,
        seed=draw(st.integers(0, 99)),
        gaps=(gap,),
        base_rate=draw(st.sampled_from((0.0, 0.3, 4.0, 40.0))),
    )
    trigger_names = draw(st.lists(user_texts(80), max_size=50))
    triggers = tuple(TriggerCount(name, 50 - index) for index, name in enumerate(trigger_names))
    phq9 = _score(patient.phq9, _PHQ9_BANDS)
    phq9 = dataclasses.replace(phq9, item9=patient.phq9[8])
    findings = draw(
        st.lists(
            st.builds(
                Finding,
                st.sampled_from(list(FindingKind)),
                user_texts(),
                # every label a describer may read, so any kind can be worded
                st.just(tuple((label, "value") for label in Evidence)),
                user_texts(80),
            ),
            max_size=30,
        )
    )
    if (phq9.item9 or 0) > 0:
        findings.insert(0, Finding(FindingKind.SELF_HARM_ITEM, "PHQ-9", (("item 9", "1"),), ""))
    return dataclasses.replace(
        make_summary(),
        patient=patient,
        period=Period(
            start=daily[0].date if daily else None,
            end=daily[-1].date if daily else None,
            days=days,
            days_recorded=sum(1 for day in daily if day.attacks is not None),
        ),
        attacks=attack_figures_from_daily(daily, triggers),
        daily=daily,
        treatments=draw(_treatment_summaries()),
        before_after=() if days < 60 else _before_after(daily),
        scores=Scores(
            phq9, _score(patient.gad7, _GAD7_BANDS), patient.bni_pain, patient.bni_numbness
        ),
        findings=tuple(findings),
        assumptions=tuple(draw(st.lists(user_texts(200), max_size=5))),
    )

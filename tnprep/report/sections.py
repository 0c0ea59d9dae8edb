"""The page's text sections (header, at a glance, attack pattern, treatments, footer) as values.

Pure, no ReportLab, plain text only. ``tnprep.report.content`` assembles them into a
``PageContent``; the renderer decides how much of each fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from tnprep.analysis.discussion import not_yet_phrase
from tnprep.analysis.evidence import Evidence
from tnprep.analysis.ledger import ledger_from_summary
from tnprep.issue_counts import values_left_out
from tnprep.issues import FILE_LEFT_OUT
from tnprep.ledger_model import FactKind
from tnprep.model import SilenceRule
from tnprep.report import wording
from tnprep.report.input_lines import RESCUE_LABEL, rescue_and_scale
from tnprep.report.ledger_lines import (
    LedgerLine,
    burden_text,
    ledger_lines,
    ranges_note,
    verdict_text,
)
from tnprep.report.safety import item9_alert
from tnprep.report.score_lines import bni_detail, questionnaire_notes, score_value_detail
from tnprep.report.trend_words import trend_detail, trend_label, trend_value
from tnprep.report.wording import NOT_GIVEN, day_text, number_text, percent, plural
from tnprep.summary import (
    BeforeAfter,
    ChangeKind,
    DivisionCounts,
    Finding,
    FindingKind,
    SideCounts,
    Summary,
    Trend,
)


@dataclass(frozen=True)
class Field:
    """A label and its value, e.g. ('Visit', '10 Apr 2024')."""

    label: str
    value: str


@dataclass(frozen=True)
class Figure:
    """One 'at a glance' figure: a big value with its label and a small detail line."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Header:
    """Who, which visit, and which period the page covers."""

    name: str
    fields: tuple[Field, ...]
    """Date of birth / age, visit, clinician, diagnosis as reported, onset, side and divisions."""
    period: tuple[Field, ...]
    """Period covered, recorded days, date generated."""
    left_out: str | None = None
    """Files that could not be read and were left out whole, named at the top (safety)."""


@dataclass(frozen=True)
class Glance:
    """The figures a clinician reads first."""

    alert: str | None
    """PHQ-9 item 9 above 0 or unanswered (the same words as the safety block, which draws it;
    kept here for the app); ``None`` otherwise."""
    figures: tuple[Figure, ...]
    scores: tuple[Figure, ...]


@dataclass(frozen=True)
class Pattern:
    """Attack pattern: side and divisions, triggers, time of day, TN features, daily life."""

    fields: tuple[Field, ...]
    core: int = 0
    """How many leading fields are the attack pattern itself; the rest (daily life, facts, what
    the patient wants to discuss, other answers) rank below the questions (SPEC *The page*)."""
    """In priority order; each is at most a couple of lines on the page."""


@dataclass(frozen=True)
class Treatments:
    """The treatment-resistance ledger: one line per drug or procedure, by relevance."""

    lines: tuple[LedgerLine, ...]
    """Current first, then first-line drugs, procedures, add-ons, others (cut from the end)."""
    burden: str | None
    """Acute burden: rescues, longest attack-free run, emergency visits and other intake items."""
    ranges_note: str | None
    """The source of the starred published dose ranges, when a line shows one."""
    before_after: tuple[str, ...]
    """Before/after sentences where the diary covers a change."""
    not_yet: str | None
    """Options the history does not show yet, as one line; ``None`` when there are none."""


@dataclass(frozen=True)
class Footer:
    """What every page states about its data."""

    disclaimer: str
    quality: str
    """Rows read/used/rejected, duplicates, gaps, conflicts."""
    assumptions: tuple[str, ...]
    page: str


# ---------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------


def build_header(summary: Summary) -> Header:
    """Return the header band's text."""
    patient, period = summary.patient, summary.period
    age = wording.age_on(patient.date_of_birth, patient.visit_date or summary.generated)
    birth = day_text(patient.date_of_birth)
    if age is not None:
        birth += f" (age {age})"
    sides = " ".join(part for part in (patient.side or "", ", ".join(patient.divisions)) if part)
    fields = (
        Field("Born", birth),
        Field("Visit", day_text(patient.visit_date)),
        Field("Clinician", patient.clinician or NOT_GIVEN),
        Field("Diagnosis as reported", patient.diagnosis or NOT_GIVEN),
        Field("Onset", _onset(patient.onset, patient.age_at_onset)),
        Field("Side, divisions", sides or NOT_GIVEN),
    )
    covered = "no diary data"
    if period.start is not None and period.end is not None:
        covered = (
            f"{day_text(period.start)} – {day_text(period.end)} ({plural(period.days, 'day')})"
        )
    return Header(
        name=patient.name or "Name not given",
        fields=fields,
        period=(
            Field("Period", covered),
            Field("Recorded days", f"{period.days_recorded} of {period.days}"),
        ),
        left_out=left_out_text(summary),
    )


def left_out_text(summary: Summary) -> str | None:
    """SPEC *Command line*: a file left out whole is named at the top of the page."""
    files = [issue for issue in summary.input.issues if issue.code == FILE_LEFT_OUT]
    if not files:
        return None
    named = ", ".join(issue.file for issue in files)
    return (
        f"Not on this page — could not be read, left out whole: {named}. "
        "The figures are from the other files; the reasons are in the issues."
    )


def _onset(onset: str | None, age: str | None) -> str:
    if age is None:
        return onset or NOT_GIVEN
    return f"{onset} (age {age})" if onset else f"age {age}"


# ---------------------------------------------------------------------------
# At a glance
# ---------------------------------------------------------------------------


def build_glance(summary: Summary) -> Glance:
    """Return the 'at a glance' figures, with the PHQ-9 item 9 alert when it is above 0."""
    attacks, period = summary.attacks, summary.period
    figures = (
        Figure(
            "Attacks per recorded day",
            number_text(attacks.per_recorded_day),
            f"{attacks.total} in {plural(period.days_recorded, 'day')}{_in_silences(summary)}",
        ),
        Figure("Attack-free days", str(attacks.attack_free_days), _attack_free_detail(summary)),
        Figure("Most in a day", number_text(attacks.max_per_day), day_text(attacks.max_day)),
        Figure(
            "Pain 0–10",
            f"{number_text(attacks.intensity_median)} / {number_text(attacks.intensity_max)}",
            "median / worst",
        ),
        Figure("Median duration", wording.duration_text(attacks.duration_median_s)),
        _trend_figure(attacks.trend),
    )
    scores = summary.scores
    score_figures = (
        Figure("PHQ-9", *score_value_detail(scores.phq9, 9)),
        Figure("GAD-7", *score_value_detail(scores.gad7, 7)),
        Figure(
            "BNI pain / numbness (self-rated)",
            f"{scores.bni_pain or '–'} / {scores.bni_numbness or '–'}",
            bni_detail(scores.bni_pain, scores.bni_numbness),
        ),
    )
    return Glance(alert=item9_alert(summary), figures=figures, scores=score_figures)


def _attack_free_detail(summary: Summary) -> str:
    """'of 6212 recorded', and how many of them are long silences counted attack-free."""
    return f"of {summary.period.days_recorded} recorded{_in_silences(summary)}"


def _in_silences(summary: Summary) -> str:
    """', 5,286 in silences' when long silences were counted as attack-free recorded days."""
    silences = summary.silences
    if silences.runs and silences.rule is SilenceRule.ATTACK_FREE:
        return f", {silences.days:,} in silences"
    return ""


def _trend_figure(trend: Trend) -> Figure:
    return Figure(trend_label(trend), trend_value(trend), trend_detail(trend))


TOP_TRIGGERS = 6
"""Triggers named on the page; the rest are counted ('+4 more')."""


def build_pattern(summary: Summary) -> Pattern:
    """Return the attack pattern lines."""
    attacks, features, patient = summary.attacks, summary.features, summary.patient
    sides, divisions = attacks.by_side, attacks.by_division
    triggers = [f"{trigger.name} {trigger.count}" for trigger in attacks.triggers[:TOP_TRIGGERS]]
    if len(attacks.triggers) > TOP_TRIGGERS:
        triggers.append(f"+{len(attacks.triggers) - TOP_TRIGGERS} more")
    fields = [
        # one line: the diary's counts (the header has the side and divisions as reported)
        Field("Side, divisions", _sides_and_divisions(sides, divisions)),
        Field("Triggers", ", ".join(triggers) or "none recorded"),
        *_questionnaire_field(summary),
        Field("Time of day", _time_of_day(attacks.by_hour)),
        Field("Lasting ≤ 2 min", percent(features.short_attacks, features.with_duration)),
        Field("Triggered / spontaneous", f"{features.triggered} / {features.spontaneous}"),
        _continuous_pain(summary),
    ]
    lines = dict(rescue_and_scale(summary))
    # Both say how to read the figures (every pain value; the recorded days): kept high.
    fields[0:0] = [
        Field(label, lines[label]) for label in ("Pain scale", "Silences") if label in lines
    ]
    core = len(fields)
    life = [
        f"{label}: {text}"
        for label, text in (
            ("eating", patient.impact_eating),
            ("sleep", patient.impact_sleep),
            ("work", patient.impact_work),
            ("goals", patient.goals),
        )
        if text
    ]
    if life:
        fields.append(Field("Daily life", "; ".join(life)))
    fields += _facts(summary)
    if patient.interested_in:
        fields.append(Field("Wants to discuss", ", ".join(patient.interested_in)))
    if RESCUE_LABEL in lines:  # after the patient's own words: a crowded page condenses it first
        fields.append(Field(RESCUE_LABEL, lines[RESCUE_LABEL]))
    fields.extend(Field(label, value) for label, value in patient.other)
    return Pattern(fields=tuple(fields), core=core)


_FACT_LABELS = {
    FactKind.BOTH_SIDES: "Both sides recorded",
    FactKind.NUMBNESS_NO_PROCEDURE: "Numbness",
    FactKind.CONTINUOUS_PAIN: "Continuous pain",
}


def _facts(summary: Summary) -> list[Field]:
    """Recorded facts worth a question (issue 11), never advice: both sides, numbness."""
    ledger = summary.ledger or ledger_from_summary(summary)
    return [
        Field(_FACT_LABELS[fact.kind], fact.text)
        for fact in ledger.facts
        if fact.kind is not FactKind.CONTINUOUS_PAIN
    ]


def _continuous_pain(summary: Summary) -> Field:
    """The continuous-pain fact in place of the background-pain line, when the diary shows it."""
    ledger = summary.ledger or ledger_from_summary(summary)
    fact = next((f for f in ledger.facts if f.kind is FactKind.CONTINUOUS_PAIN), None)
    if fact is None:
        return Field("Background pain", _background(summary))
    median = summary.features.background_pain_median
    text = fact.text
    if median is not None and summary.features.background_pain_days:
        text += f" (median {number_text(median)}/10)"
    return Field(_FACT_LABELS[fact.kind], text)


def _questionnaire_field(summary: Summary) -> tuple[Field, ...]:
    notes = questionnaire_notes(summary)
    return (Field("Questionnaires", notes),) if notes else ()


def _sides_and_divisions(sides: SideCounts, divisions: DivisionCounts) -> str:
    """'right 552; V2 420, V3 398'; a half with no side or division recorded says which it is."""
    side_text = _counts(
        ("right", sides.right),
        ("left", sides.left),
        ("both", sides.both),
        ("not recorded", sides.unknown),
    )
    if not (sides.right or sides.left or sides.both):
        side_text = f"side {side_text}"
    division_text = _counts(("V1", divisions.V1), ("V2", divisions.V2), ("V3", divisions.V3))
    if not (divisions.V1 or divisions.V2 or divisions.V3):
        division_text = f"divisions {division_text}"
    return f"{side_text}; {division_text}"


def _counts(*pairs: tuple[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in pairs if count) or "none recorded"


def _time_of_day(by_hour: tuple[int, ...]) -> str:
    total = sum(by_hour)
    if total == 0 or len(by_hour) != 24:
        return "no start times recorded"
    # the hours alone: one printed line in the pattern column ('night 0–6 h …' took two)
    parts = (("0–6 h", 0), ("6–12 h", 6), ("12–18 h", 12), ("18–24 h", 18))
    return ", ".join(
        f"{label} {round(100 * sum(by_hour[first : first + 6]) / total)} %"
        for label, first in parts
    )


def _background(summary: Summary) -> str:
    features = summary.features
    if features.background_pain_recorded_days == 0:
        return "not recorded"
    text = f"on {features.background_pain_days} of {features.background_pain_recorded_days} days"
    if features.background_pain_median is not None:
        text += f", median {number_text(features.background_pain_median)}/10"
    return text


# ---------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------


def build_treatments(summary: Summary) -> Treatments:
    """Return the ledger section (a Summary made without a ledger gets one from its history)."""
    ledger = summary.ledger or ledger_from_summary(summary)
    folded = {item for drug in ledger.drugs for item in drug.measured}
    not_yet = [
        not_yet_phrase(f) + (" — patient wants to discuss" if _asked(f) else "")
        for f in summary.findings
        if f.kind is FindingKind.NOT_YET_IN_HISTORY
    ]
    return Treatments(
        lines=ledger_lines(ledger),
        burden=burden_text(ledger.burden, ledger.intake, summary.silences),
        ranges_note=ranges_note(ledger),
        # a drug's own comparisons are on its ledger line; the rest (procedures) stay sentences
        before_after=tuple(
            _before_after_text(item) for item in summary.before_after if item not in folded
        ),
        not_yet=f"Not in the history yet: {', '.join(not_yet)}." if not_yet else None,
    )


def _asked(finding: Finding) -> bool:
    return (Evidence.PATIENT_INTERESTED, "yes") in finding.evidence


_CHANGE_WORDS = {
    ChangeKind.START: "started",
    ChangeKind.STOP: "stopped",
    ChangeKind.DOSE_CHANGE: "dose changed",
}


def _before_after_text(item: BeforeAfter) -> str:
    """One sentence per change; a number only when the verdict allows a claim (docs/figures.md)."""
    head = f"{item.treatment} {_CHANGE_WORDS[item.change]} {day_text(item.date)}"
    return f"{head}: {verdict_text(item)}."


# ---------------------------------------------------------------------------
# Footer
# ---------------------------------------------------------------------------


def build_footer(summary: Summary) -> Footer:
    """Return the footer: disclaimer, data-quality line, assumptions, page number."""
    account, period = summary.input, summary.period
    dropped = values_left_out(account.issues)  # a column-level issue counts its rows
    other = f"{account.rows_other} event-log rows not attacks, " if account.rows_other else ""
    quality = (
        f"Data: {account.rows_read} rows read, {account.rows_used} used, "
        f"{account.rows_rejected} rejected, "
        f"{plural(account.duplicates, 'duplicate')} counted once, {other}"
        f"{plural(dropped, 'value')} left out; {period.days - period.days_recorded} days without "
        f"diary; {plural(len(summary.attacks.conflict_days), 'day')} where diaries disagreed "
        "(higher count used)."
    )
    return Footer(
        disclaimer="Patient-reported data — not a diagnosis.",
        quality=quality,
        assumptions=summary.assumptions,
        page=f"Generated {day_text(summary.generated)} — page 1 of 1",
    )

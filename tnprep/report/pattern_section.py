"""The attack pattern section as values: how the attacks were recorded, then "the rest".

Pure, no ReportLab, plain text only. The leading fields (``Pattern.core``) are the attack
pattern itself — how to read the figures (pain scale, long silences), side and divisions,
triggers, questionnaire notes, time of day, duration, triggered or spontaneous, background or
continuous pain; the rest (daily life, recorded facts, what the patient wants to discuss, other
answers) ranks below the questions (SPEC *The page*), and the renderer cuts it first.
"""

from __future__ import annotations

from dataclasses import dataclass

from tnprep.analysis.ledger import ledger_from_summary
from tnprep.analysis.pain_reading import NO_SCALE_STATED, PainFigure, per_ten, scale_reading
from tnprep.ledger_model import FactKind
from tnprep.report.input_lines import scale_and_silences
from tnprep.report.score_lines import questionnaire_notes
from tnprep.report.sections import Field
from tnprep.report.wording import number_text, percent, share_text
from tnprep.summary import DivisionCounts, Features, SideCounts, Summary


@dataclass(frozen=True)
class Pattern:
    """Attack pattern: side and divisions, triggers, time of day, TN features, daily life."""

    fields: tuple[Field, ...]
    core: int = 0
    """How many leading fields are the attack pattern itself; the rest (daily life, facts, what
    the patient wants to discuss, other answers) rank below the questions (SPEC *The page*)."""
    """In priority order; each is at most a couple of lines on the page."""


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
        Field("Triggered / spontaneous / unknown", triggered_text(features)),
        _continuous_pain(summary),
    ]
    # Both say how to read the figures (every pain value; the recorded days): kept high.
    fields[0:0] = [Field(label, text) for label, text in scale_and_silences(summary)]
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
    fields.extend(Field(label, value) for label, value in patient.other)
    return Pattern(fields=tuple(fields), core=core)


_FACT_LABELS = {
    # left and right attacks both in the record, not attacks on both sides at once: "Both sides
    # recorded" and "Attacks on both sides" each read as bilateral attacks beside "both 0"
    FactKind.BOTH_SIDES: "Left and right both recorded",
    FactKind.NUMBNESS_NO_PROCEDURE: "Numbness",
    FactKind.CONTINUOUS_PAIN: "Continuous pain",
}


def _facts(summary: Summary) -> list[Field]:
    """Recorded facts worth a question (issue 11), never advice: both sides, numbness."""
    ledger = summary.ledger or ledger_from_summary(summary)
    return [
        Field(_fact_label(fact.kind, summary.attacks.by_side), fact.text)
        for fact in ledger.facts
        if fact.kind is not FactKind.CONTINUOUS_PAIN
    ]


def _fact_label(kind: FactKind, sides: SideCounts) -> str:
    """The fact's label; attacks on both sides at once without left and right ones are said so.

    Session 6 review: one attack recorded on both sides printed "Left and right both recorded:
    attack rows: right 0, left 0, both 1" — the label said what its counts deny.
    """
    if kind is FactKind.BOTH_SIDES and not (sides.left and sides.right):
        return "Both sides in one attack"
    return _FACT_LABELS[kind]


def _continuous_pain(summary: Summary) -> Field:
    """The continuous-pain fact in place of the background-pain line, when the diary shows it."""
    ledger = summary.ledger or ledger_from_summary(summary)
    fact = next((f for f in ledger.facts if f.kind is FactKind.CONTINUOUS_PAIN), None)
    if fact is None:
        return Field("Background pain", _background(summary))
    median = summary.features.background_pain_median
    text = fact.text
    if median is not None and summary.features.background_pain_days:
        # no parentheses: the unstated scale's words carry their own ('…, read as 0–10 (no …)')
        text += f", median {_background_per_ten(summary, median)}"
    return Field(_FACT_LABELS[fact.kind], text)


def _questionnaire_field(summary: Summary) -> tuple[Field, ...]:
    notes = questionnaire_notes(summary)
    return (Field("Questionnaires", notes),) if notes else ()


def _sides_and_divisions(sides: SideCounts, divisions: DivisionCounts) -> str:
    """'right 552; V2 420, V3 398'; a half with no side or division recorded says which it is.

    Nothing recorded is "not recorded", never "none recorded": a daily log has no side column
    and most diaries no division column (it read "side none recorded; divisions none recorded";
    session 6 review — as a blank trigger cell is not "spontaneous").
    """
    side_text = _counts(
        ("right", sides.right),
        ("left", sides.left),
        ("both", sides.both),
        ("not recorded", sides.unknown),
    )
    if not (sides.right or sides.left or sides.both):
        side_text = f"side {side_text}".replace("none recorded", "not recorded")
    division_text = _counts(("V1", divisions.V1), ("V2", divisions.V2), ("V3", divisions.V3))
    if not (divisions.V1 or divisions.V2 or divisions.V3):
        division_text = "divisions not recorded"
    return f"{side_text}; {division_text}"


def _counts(*pairs: tuple[str, int]) -> str:
    return ", ".join(f"{name} {count}" for name, count in pairs if count) or "none recorded"


def triggered_text(features: Features) -> str:
    """'398 / 5 / 149'; with no diary asking for triggers, 'not recorded', not '0 / 0 / 0'.

    Spontaneous counts only attacks recorded so ('none', 'spontaneous' …); unknown, those whose
    trigger cell is blank or says 'unknown': the record does not say (features.py).
    """
    counts = (features.triggered, features.spontaneous, features.trigger_unknown)
    if not any(counts):
        return "not recorded"
    return " / ".join(str(count) for count in counts)


FEW_TIMED = 20
"""Below this many timed attacks the bands are counts, not shares, and only the bands with an
attack are named: '12–18 h 100 %' of one attack read as a pattern (a product choice; the
hour-by-hour counts are in the JSON)."""


def _time_of_day(by_hour: tuple[int, ...]) -> str:
    total = sum(by_hour)
    if total == 0 or len(by_hour) != 24:
        return "no start times recorded"
    # the hours alone: one printed line in the pattern column ('night 0–6 h …' took two)
    parts = (("0–6 h", 0), ("6–12 h", 6), ("12–18 h", 12), ("18–24 h", 18))
    if total < FEW_TIMED:
        counts = [(label, sum(by_hour[first : first + 6])) for label, first in parts]
        named = ", ".join(f"{label} {count}" for label, count in counts if count)
        return f"{named} (of {total} timed)"
    return ", ".join(
        f"{label} {share_text(sum(by_hour[first : first + 6]), total)}" for label, first in parts
    )


def _background(summary: Summary) -> str:
    features = summary.features
    if features.background_pain_recorded_days == 0:
        return "not recorded"
    text = f"on {features.background_pain_days} of {features.background_pain_recorded_days} days"
    if features.background_pain_median is not None:
        text += f", median {_background_per_ten(summary, features.background_pain_median)}"
    return text


def _background_per_ten(summary: Summary, median: float) -> str:
    """'1.5/10'; '1.5' when the daily logs stated no scale — never '/10' the file did not say.

    Background pain is the daily logs' alone. Its file's reading is stated once in this same
    column, on the "Pain scale" line ("…: Worst pain / Background pain: no scale stated in the
    file; read as 0–10 (values 0–9)"), as an attack log's is; repeating it here took the line
    that kept the sample's third question on a Letter page (session 6).
    """
    reading = scale_reading(summary, PainFigure.BACKGROUND)
    if reading == NO_SCALE_STATED:
        return number_text(median)
    return per_ten(number_text(median), reading)

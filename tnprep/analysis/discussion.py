"""Discussion points: small named rules turn the figures into typed findings.

Each rule looks at one part of the summary and returns ``Finding`` values (kind, subject,
evidence, source), citing its published source in a comment. ``describe`` (from
``discussion_words``) makes the sentences at render time. ``findings`` runs every rule and
orders the result by kind, so the PHQ-9 item 9 finding always comes first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnprep.analysis.discussion_words import (
    CARBAMAZEPINE_LABEL,
    EAN_2019,
    GAD7_SOURCE,
    IMMPACT_2008,
    PHQ9_SOURCE,
    PRODUCT_RULE,
    describe,
    short_source,
)
from tnprep.catalogue import ResistantOption, Role, lookup, options_not_in_history, role_of
from tnprep.model import Answers, Treatment
from tnprep.summary import (
    BeforeAfter,
    ChangeKind,
    Finding,
    FindingKind,
    QuestionnaireScore,
    Scores,
    TreatmentSummary,
    Trend,
)

__all__ = ["describe", "findings", "short_source"]

RISING_RATIO = 1.25
"""Attacks rising by 25 % or more on the trend is a discussion point (a tnprep threshold)."""
MEANINGFUL_FALL = 0.30
"""IMMPACT 2008: a fall of 30 % or more is a moderately important improvement in pain trials."""
MOOD_SCORE_THRESHOLD = 10
"""PHQ-9 ≥ 10 (Kroenke 2001) and GAD-7 ≥ 10 (Spitzer 2006): the usual cut-points (moderate)."""
SODIUM_DRUGS = ("carbamazepine", "oxcarbazepine")
"""EAN 2019: hyponatraemia is a known adverse effect of both; sodium is usually checked."""


def findings(
    scores: Scores,
    treatments: Sequence[TreatmentSummary],
    trend: Trend,
    comparisons: Sequence[BeforeAfter],
    answers: Answers,
) -> tuple[Finding, ...]:
    """Run every rule and return the findings, ordered by kind (PHQ-9 item 9 first).

    Args:
        scores: PHQ-9, GAD-7 and BNI results.
        treatments: The treatment history as summarised (with dose ranges).
        trend: The attack trend of the period.
        comparisons: Before/after figures for each treatment change.
        answers: The questionnaire (for the options the patient is interested in).
    """
    history = tuple(summary.treatment for summary in treatments)
    found = (
        *self_harm_item(scores),
        *first_line_stopped(history),
        *dose_outside_range(treatments),
        *attacks_rising(trend),
        *no_change_after_treatment(comparisons),
        *mood_score_high(scores),
        *not_yet_in_history(history, answers.interested_in),
        *monitoring_questions(history),
    )
    order = list(FindingKind)
    return tuple(sorted(found, key=lambda finding: order.index(finding.kind)))


def self_harm_item(scores: Scores) -> tuple[Finding, ...]:
    """PHQ-9 item 9 above 0 is always flagged for the clinician (SPEC; Kroenke 2001)."""
    item9 = scores.phq9.item9 if scores.phq9 is not None else None
    if item9 is None or item9 <= 0:
        return ()
    return (Finding(FindingKind.SELF_HARM_ITEM, "PHQ-9", (("item 9", str(item9)),), PHQ9_SOURCE),)


def first_line_stopped(history: Sequence[Treatment]) -> tuple[Finding, ...]:
    """A first-line drug (carbamazepine, oxcarbazepine) that was stopped, and why.

    EAN 2019 (Bendtsen et al.): surgery is considered when drugs do not control the pain
    or are not tolerated; the words say so only for those two reasons. A drug counts as stopped
    only when none of its courses is ongoing (a row ended by a dose change is not a stop), and
    each drug gives one point, from its course that ended last.
    """
    courses: dict[str, list[Treatment]] = {}
    for treatment in history:
        if role_of(treatment) is Role.FIRST_LINE:
            courses.setdefault(treatment.name, []).append(treatment)
    return tuple(
        Finding(FindingKind.FIRST_LINE_STOPPED, name, _stop_evidence(_last_course(rows)), EAN_2019)
        for name, rows in courses.items()
        if not any(row.ongoing for row in rows)
    )


def _last_course(rows: Sequence[Treatment]) -> Treatment:
    """The course that ended last (undated ends count as earliest; ties keep file order)."""
    return max(reversed(rows), key=lambda row: row.end.last_day() if row.end else dt.date.min)


def _stop_evidence(treatment: Treatment) -> tuple[tuple[str, str], ...]:
    pairs = (
        ("stopped because", treatment.stopped_because),
        ("ended", treatment.end.iso() if treatment.end else None),
        ("side effects", treatment.side_effects),
    )
    return tuple((label, value) for label, value in pairs if value)


def dose_outside_range(treatments: Sequence[TreatmentSummary]) -> tuple[Finding, ...]:
    """A daily dose outside the published range, shown as a sourced fact, never as a limit.

    EAN 2019: carbamazepine 200–1200 mg/day, oxcarbazepine 300–1800 mg/day (the ranges come
    with each ``TreatmentSummary``).
    """
    found = []
    for summary in treatments:
        dose, published = summary.treatment.dose_mg_per_day, summary.dose_range
        if not summary.outside_range or dose is None or published is None:
            continue
        evidence = (
            ("dose mg/day", f"{dose:g}"),
            ("dose as written", summary.treatment.dose_text or ""),
            ("position", "above" if dose > published.high_mg else "below"),
            ("published range", f"{published.low_mg:g}–{published.high_mg:g} mg/day"),
        )
        found.append(
            Finding(
                FindingKind.DOSE_OUTSIDE_RANGE,
                summary.treatment.name,
                evidence,
                published.source,
            )
        )
    return tuple(found)


def attacks_rising(trend: Trend) -> tuple[Finding, ...]:
    """Attacks per recorded day up by 25 % or more (a tnprep threshold, docs/figures.md).

    Both windows need at least half their days recorded, so a few diary days do not make a trend.
    """
    enough = min(trend.recent_days_recorded, trend.previous_days_recorded) * 2 >= trend.window_days
    if trend.ratio is None or trend.ratio < RISING_RATIO or not enough or trend.window_days == 0:
        return ()
    evidence = (
        ("change", f"{trend.change_percent} %"),
        ("window days", str(trend.window_days)),
        ("recent per day", f"{trend.recent_per_day:.2f}"),
        ("previous per day", f"{trend.previous_per_day:.2f}"),
        ("recent days recorded", str(trend.recent_days_recorded)),
        ("previous days recorded", str(trend.previous_days_recorded)),
    )
    return (Finding(FindingKind.ATTACKS_RISING, "attacks", evidence, PRODUCT_RULE),)


def no_change_after_treatment(comparisons: Sequence[BeforeAfter]) -> tuple[Finding, ...]:
    """A start or dose change not followed by a fall of 30 % or more (IMMPACT, Dworkin 2008).

    Stops are left out: attacks after stopping say little about whether a drug helped.
    """
    found = []
    for comparison in comparisons:
        before = comparison.before.per_recorded_day
        after = comparison.after.per_recorded_day
        if comparison.change is ChangeKind.STOP or not comparison.enough_data:
            continue
        if before is None or after is None or before == 0:
            continue
        if after > before * (1 - MEANINGFUL_FALL):
            found.append(_no_change_finding(comparison, before, after))
    return tuple(found)


def _no_change_finding(comparison: BeforeAfter, before: float, after: float) -> Finding:
    words = {ChangeKind.START: "started", ChangeKind.DOSE_CHANGE: "dose changed"}
    evidence = (
        ("change", words.get(comparison.change, comparison.change.value)),
        ("date", comparison.date.isoformat()),
        ("before per day", f"{before:.2f}"),
        ("after per day", f"{after:.2f}"),
        ("before days recorded", str(comparison.before.days_recorded)),
        ("after days recorded", str(comparison.after.days_recorded)),
    )
    return Finding(
        FindingKind.NO_CHANGE_AFTER_TREATMENT, comparison.treatment, evidence, IMMPACT_2008
    )


def mood_score_high(scores: Scores) -> tuple[Finding, ...]:
    """PHQ-9 or GAD-7 total of 10 or more (Kroenke 2001; Spitzer 2006).

    EAN 2019 counts psychological support as part of TN care.
    """
    pairs = (("PHQ-9", scores.phq9, PHQ9_SOURCE), ("GAD-7", scores.gad7, GAD7_SOURCE))
    return tuple(
        Finding(FindingKind.MOOD_SCORE_HIGH, name, _score_evidence(result), source)
        for name, result, source in pairs
        if result is not None and result.score is not None and result.score >= MOOD_SCORE_THRESHOLD
    )


def _score_evidence(result: QuestionnaireScore) -> tuple[tuple[str, str], ...]:
    return (("score", str(result.score)), ("band", result.band or ""))


def not_yet_in_history(
    history: Sequence[Treatment], interested_in: Sequence[str]
) -> tuple[Finding, ...]:
    """Options commonly discussed for resistant TN that the history does not show.

    Worded as "not yet in the history", never as advice. Only made when there is a
    history at all: without one the page says so, and seven lines would be noise.
    """
    if not history:
        return ()
    return tuple(
        Finding(
            FindingKind.NOT_YET_IN_HISTORY,
            option.name,
            (("patient interested", "yes"),) if _interested(option, interested_in) else (),
            option.source,
        )
        for option in options_not_in_history(history)
    )


_INTEREST_WORDS: dict[str, frozenset[Role]] = {
    "surgery": frozenset({Role.SURGICAL, Role.RADIOSURGERY}),
    "surgical": frozenset({Role.SURGICAL, Role.RADIOSURGERY}),
    "operation": frozenset({Role.SURGICAL}),
    "psychology": frozenset({Role.PSYCHOLOGICAL}),
    "psychological": frozenset({Role.PSYCHOLOGICAL}),
    "complementary": frozenset({Role.COMPLEMENTARY}),
}
"""Interest words the catalogue does not know, and the roles they point to."""


def _interested(option: ResistantOption, interested_in: Sequence[str]) -> bool:
    for interest in interested_in:
        words = interest.casefold().split()
        roles = {role for word in words for role in _INTEREST_WORDS.get(word, frozenset())}
        entry = lookup(interest)
        if entry is not None:
            roles.add(entry.role)
        if roles & option.roles or option.name.casefold() in interest.casefold():
            return True
    return False


def monitoring_questions(history: Sequence[Treatment]) -> tuple[Finding, ...]:
    """Monitoring questions a patient may ask, as questions, never as advice.

    Sodium on current carbamazepine or oxcarbazepine (EAN 2019: hyponatraemia); HLA-B*15:02
    before carbamazepine for people of Asian ancestry (carbamazepine label, FDA boxed warning),
    asked only while carbamazepine is not yet in the history.
    """
    current = {treatment.name for treatment in history if treatment.ongoing}
    found = [
        Finding(FindingKind.MONITORING_QUESTION, f"sodium monitoring on {drug}", (), EAN_2019)
        for drug in SODIUM_DRUGS
        if drug in current
    ]
    if "carbamazepine" not in {treatment.name for treatment in history}:
        subject = "HLA-B*15:02 testing before carbamazepine for people of Asian ancestry"
        found.append(Finding(FindingKind.MONITORING_QUESTION, subject, (), CARBAMAZEPINE_LABEL))
    return tuple(found)

"""Discussion points: small named rules turn the figures into typed findings.

Each rule looks at one part of the summary and returns ``Finding`` values (kind, subject,
evidence, source), citing its published source in a comment. ``describe`` (from
``discussion_words``) makes the sentences at render time. ``findings`` runs every rule and
orders the result by kind, so the PHQ-9 item 9 findings always come first.

SPEC *Clinical voice*: the rules state recorded facts and ask questions; none suggests, ranks or
advises. They are defined per drug class and take what was already done into account (a
procedure done, the other first-line drug taken now, the MRI result), and none
repeats what *At a glance* shows (the PHQ-9 / GAD-7 bands).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnprep.analysis.discussion_history import (
    monitoring_questions,
    mood_score_high,
    not_yet_in_history,
    psychological_support,
)
from tnprep.analysis.discussion_words import (
    describe,
    option_phrase,
    short_source,
)
from tnprep.analysis.evidence import Evidence
from tnprep.catalogue import (
    Role,
    role_of,
)
from tnprep.model import Answers, Treatment
from tnprep.sources import EAN_2019, PHQ9_KROENKE_2001, PRODUCT_RULE
from tnprep.summary import (
    BeforeAfter,
    ChangeKind,
    Finding,
    FindingKind,
    Scores,
    TreatmentSummary,
    Trend,
    Verdict,
)

__all__ = [
    "describe",
    "findings",
    "monitoring_questions",
    "mood_score_high",
    "not_yet_in_history",
    "option_phrase",
    "psychological_support",
    "short_source",
]

RISING_RATIO = 1.25
"""Attacks rising by 25 % or more on the trend is a discussion point (a tnprep threshold)."""
MEANINGFUL_FALL = 0.30
"""tnprep's own threshold for "no change" in attacks per recorded day. Its basis: IMMPACT 2008
(Dworkin et al.) calls a 30 % fall in *pain intensity* a moderately important improvement in
chronic-pain trials; attack frequency was not its subject, so the page names it as tnprep's."""


def findings(
    scores: Scores,
    treatments: Sequence[TreatmentSummary],
    trend: Trend,
    comparisons: Sequence[BeforeAfter],
    answers: Answers,
    *,
    today: dt.date | None = None,
) -> tuple[Finding, ...]:
    """Run every rule and return the findings, ordered by kind (PHQ-9 item 9 first).

    Args:
        scores: PHQ-9, GAD-7 and BNI results.
        treatments: The treatment history as summarised (with dose ranges).
        trend: The attack trend of the period.
        comparisons: Before/after figures for each treatment change.
        answers: The questionnaire (for the options the patient is interested in).
        today: The day the summary is made; with the visit date it dates an old questionnaire.
    """
    history = tuple(summary.treatment for summary in treatments)
    support = psychological_support(scores, history, answers, today)
    found = (
        *self_harm_item(scores),
        *self_harm_unanswered(scores),
        *first_line_stopped(history),
        *dose_outside_range(treatments),
        *attacks_rising(trend),
        *no_change_after_treatment(comparisons),
        *support,
        *not_yet_in_history(
            history,
            answers.interested_in,
            answers=answers,
        ),
        *monitoring_questions(history),
    )
    order = list(FindingKind)
    return tuple(sorted(found, key=lambda finding: order.index(finding.kind)))


def self_harm_item(scores: Scores) -> tuple[Finding, ...]:
    """PHQ-9 item 9 above 0 is always flagged for the clinician (SPEC; Kroenke 2001)."""
    item9 = scores.phq9.item9 if scores.phq9 is not None else None
    if item9 is None or item9 <= 0:
        return ()
    return (
        Finding(
            FindingKind.SELF_HARM_ITEM, "PHQ-9", ((Evidence.ITEM_9, str(item9)),), PHQ9_KROENKE_2001
        ),
    )


def self_harm_unanswered(scores: Scores) -> tuple[Finding, ...]:
    """PHQ-9 answered but item 9 left blank: flagged 'not answered — ask' (SPEC *Scores*).

    A blank is not a 0: a reader must not assume the item was denied.
    """
    if scores.phq9 is None or not scores.phq9.item9_unanswered:
        return ()
    evidence = (
        (Evidence.ITEM_9, "not answered"),
        (Evidence.ANSWERED, f"{scores.phq9.answered} of 9"),
    )
    return (Finding(FindingKind.SELF_HARM_UNANSWERED, "PHQ-9", evidence, PHQ9_KROENKE_2001),)


def first_line_stopped(history: Sequence[Treatment]) -> tuple[Finding, ...]:
    """A first-line drug (carbamazepine, oxcarbazepine) that was stopped, and why — as a fact.

    EAN 2019 names both first-line. A drug counts as stopped only when none of its courses is
    ongoing (a row ended by a dose change is not a stop), and each drug gives one point, from
    its course that ended last. The other first-line drug taken now is named beside it; no
    sentence says what should follow (SPEC *Clinical voice*).
    """
    courses: dict[str, list[Treatment]] = {}
    for treatment in history:
        if role_of(treatment) is Role.FIRST_LINE:
            courses.setdefault(treatment.name, []).append(treatment)
    current = sorted(name for name, rows in courses.items() if any(row.ongoing for row in rows))
    return tuple(
        Finding(
            FindingKind.FIRST_LINE_STOPPED,
            name,
            _stop_evidence(_last_course(rows)) + _taken_now(current),
            EAN_2019,
        )
        for name, rows in courses.items()
        if not any(row.ongoing for row in rows)
    )


def _taken_now(current: Sequence[str]) -> tuple[tuple[str, str], ...]:
    return ((Evidence.FIRST_LINE_TAKEN_NOW, ", ".join(current)),) if current else ()


def _last_course(rows: Sequence[Treatment]) -> Treatment:
    """The course that ended last (undated ends count as earliest; ties keep file order)."""
    return max(reversed(rows), key=lambda row: row.end.last_day() if row.end else dt.date.min)


def _stop_evidence(treatment: Treatment) -> tuple[tuple[str, str], ...]:
    pairs = (
        (Evidence.STOPPED_BECAUSE, treatment.stopped_because),
        (Evidence.ENDED, treatment.end.iso() if treatment.end else None),
        (Evidence.SIDE_EFFECTS, treatment.side_effects),
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
            (Evidence.DOSE_MG_PER_DAY, f"{dose:g}"),
            (Evidence.DOSE_AS_WRITTEN, summary.treatment.dose_text or ""),
            (Evidence.COURSE, _course(summary.treatment)),
            (Evidence.POSITION, "above" if dose > published.high_mg else "below"),
            (Evidence.PUBLISHED_RANGE, f"{published.low_mg:g}–{published.high_mg:g} mg/day"),
        )
        found.append(
            Finding(
                FindingKind.DOSE_OUTSIDE_RANGE,
                summary.treatment.name,
                evidence,
                published.citation,
            )
        )
    return tuple(found)


def _course(treatment: Treatment) -> str:
    """The course's dates (ISO): a dose of 2013 printed undated read as today's dose."""
    start = treatment.start.iso() if treatment.start else None
    if treatment.ongoing:
        return f"since {start}" if start else "current"
    end = treatment.end.iso() if treatment.end else None
    if start is None and end is None:
        return "dates not recorded"
    return f"{start or '?'} – {end or '?'}" if start != end else f"{start}"


def attacks_rising(trend: Trend) -> tuple[Finding, ...]:
    """Attacks per recorded day up by 25 % or more (a tnprep threshold, docs/figures.md).

    Only a computed trend counts (``Trend.computed``: windows of two weeks or more, each at least
    half recorded), so a few diary days do not make a trend.
    """
    enough = min(trend.recent_days_recorded, trend.previous_days_recorded) * 2 >= trend.window_days
    if trend.ratio is None or not trend.computed or trend.ratio < RISING_RATIO or not enough:
        return ()
    evidence = (
        (Evidence.CHANGE, f"{trend.change_percent} %"),
        (Evidence.WINDOW_DAYS, str(trend.window_days)),
        (Evidence.RECENT_PER_DAY, f"{trend.recent_per_day:.2f}"),
        (Evidence.PREVIOUS_PER_DAY, f"{trend.previous_per_day:.2f}"),
        (Evidence.RECENT_DAYS_RECORDED, str(trend.recent_days_recorded)),
        (Evidence.PREVIOUS_DAYS_RECORDED, str(trend.previous_days_recorded)),
    )
    return (Finding(FindingKind.ATTACKS_RISING, "attacks", evidence, PRODUCT_RULE),)


def no_change_after_treatment(comparisons: Sequence[BeforeAfter]) -> tuple[Finding, ...]:
    """A start or dose change not followed by a fall of 30 % or more (a tnprep threshold).

    Only comparisons whose verdict is *compared* count: never one that is too early (the after
    window not over, radiosurgery within its latency) or shares its windows with another change.
    Stops are left out: attacks after stopping say little about whether a drug helped. The
    threshold is tnprep's own (``MEANINGFUL_FALL``), and a drug started in a flare may look
    better by regression to the mean (docs/figures.md).
    """
    found = []
    for comparison in comparisons:
        before = comparison.before.per_recorded_day
        after = comparison.after.per_recorded_day
        if comparison.change is ChangeKind.STOP or comparison.verdict is not Verdict.COMPARED:
            continue
        if before is None or after is None or before == 0:
            continue
        if after > before * (1 - MEANINGFUL_FALL):
            found.append(_no_change_finding(comparison, before, after))
    return tuple(found)


def _no_change_finding(comparison: BeforeAfter, before: float, after: float) -> Finding:
    words = {ChangeKind.START: "started", ChangeKind.DOSE_CHANGE: "dose changed"}
    evidence = (
        (Evidence.CHANGE, words.get(comparison.change, comparison.change.value)),
        (Evidence.DATE, comparison.date.isoformat()),
        (Evidence.BEFORE_PER_DAY, f"{before:.2f}"),
        (Evidence.AFTER_PER_DAY, f"{after:.2f}"),
        (Evidence.BEFORE_DAYS_RECORDED, str(comparison.before.days_recorded)),
        (Evidence.AFTER_DAYS_RECORDED, str(comparison.after.days_recorded)),
        (Evidence.AFTER_WINDOW, _after_window(comparison)),
    )
    return Finding(
        FindingKind.NO_CHANGE_AFTER_TREATMENT, comparison.treatment, evidence, PRODUCT_RULE
    )


def _after_window(comparison: BeforeAfter) -> str:
    first = (comparison.after.first_day - comparison.date).days
    last = (comparison.after.last_day - comparison.date).days
    return f"days {first}–{last}"

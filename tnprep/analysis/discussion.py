"""Discussion points: small named rules turn the figures into typed findings.

Each rule looks at one part of the summary and returns ``Finding`` values (kind, subject,
evidence, source), citing its published source in a comment. ``describe`` (from
``discussion_words``) makes the sentences at render time. ``findings`` runs every rule and
orders the result by kind, so the PHQ-9 item 9 findings always come first.

SPEC *Clinical voice*: the rules state recorded facts and ask questions; none suggests, ranks or
advises. They are defined per drug class and take what was already done into account (a
procedure done, the other first-line drug taken now, pain controlled, the MRI result), and none
repeats what *At a glance* shows (the PHQ-9 / GAD-7 bands).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnprep.analysis.discussion_words import (
    CPIC_2017,
    EAN_2019,
    GAD7_SOURCE,
    PHQ9_SOURCE,
    PRODUCT_RULE,
    describe,
    not_yet_phrase,
    short_source,
)
from tnprep.analysis.safety import safety_notes
from tnprep.catalogue import (
    DrugClass,
    ResistantOption,
    Role,
    lookup,
    options_not_in_history,
    role_of,
)
from tnprep.model import Answers, MriContact, Treatment
from tnprep.summary import (
    BeforeAfter,
    ChangeKind,
    Finding,
    FindingKind,
    QuestionnaireScore,
    Scores,
    TreatmentSummary,
    Trend,
    Verdict,
)

__all__ = ["describe", "findings", "not_yet_phrase", "short_source"]

RISING_RATIO = 1.25
"""Attacks rising by 25 % or more on the trend is a discussion point (a tnprep threshold)."""
MEANINGFUL_FALL = 0.30
"""tnprep's own threshold for "no change" in attacks per recorded day. Its basis: IMMPACT 2008
(Dworkin et al.) calls a 30 % fall in *pain intensity* a moderately important improvement in
chronic-pain trials; attack frequency was not its subject, so the page names it as tnprep's."""
MOOD_SCORE_THRESHOLD = 10
"""PHQ-9 ≥ 10 (Kroenke 2001) and GAD-7 ≥ 10 (Spitzer 2006): the usual cut-points (moderate)."""
SODIUM_DRUGS = ("carbamazepine", "oxcarbazepine", "eslicarbazepine")
"""The sodium-lowering class (EAN 2019; Pract Neurol 2021 table 5; eslicarbazepine label)."""
HLA_DRUGS = ("carbamazepine", "oxcarbazepine")
"""CPIC 2017: HLA-B*15:02 and SJS/TEN with carbamazepine and oxcarbazepine."""
CONTROLLED_BNI = frozenset({"I", "II", "III", "IIIa", "IIIb"})
"""BNI pain I–IIIb: no pain, or pain controlled with or without medication (Rogers et al. 2000);
IV (not adequately controlled) and V (severe, no relief) are not controlled."""
MINIMUM_CONTROLLED_DAYS = 14
"""A diary shows pain controlled when its last window has 0 attacks on ≥ 14 recorded days."""


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
    support = psychological_support(scores, history)
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
            controlled=pain_controlled(answers.bni_pain, trend),
            answers=answers,
            skip_psychological=bool(support),
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
    return (Finding(FindingKind.SELF_HARM_ITEM, "PHQ-9", (("item 9", str(item9)),), PHQ9_SOURCE),)


def self_harm_unanswered(scores: Scores) -> tuple[Finding, ...]:
    """PHQ-9 answered but item 9 left blank: flagged 'not answered — ask' (SPEC *Scores*).

    A blank is not a 0: a reader must not assume the item was denied.
    """
    if scores.phq9 is None or not scores.phq9.item9_unanswered:
        return ()
    evidence = (("item 9", "not answered"), ("answered", f"{scores.phq9.answered} of 9"))
    return (Finding(FindingKind.SELF_HARM_UNANSWERED, "PHQ-9", evidence, PHQ9_SOURCE),)


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
    return (("first-line taken now", ", ".join(current)),) if current else ()


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
        ("change", words.get(comparison.change, comparison.change.value)),
        ("date", comparison.date.isoformat()),
        ("before per day", f"{before:.2f}"),
        ("after per day", f"{after:.2f}"),
        ("before days recorded", str(comparison.before.days_recorded)),
        ("after days recorded", str(comparison.after.days_recorded)),
        ("after window", _after_window(comparison)),
    )
    return Finding(
        FindingKind.NO_CHANGE_AFTER_TREATMENT, comparison.treatment, evidence, PRODUCT_RULE
    )


def _after_window(comparison: BeforeAfter) -> str:
    first = (comparison.after.first_day - comparison.date).days
    last = (comparison.after.last_day - comparison.date).days
    return f"days {first}–{last}"


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


def psychological_support(scores: Scores, history: Sequence[Treatment]) -> tuple[Finding, ...]:
    """One point when PHQ-9 or GAD-7 is 10 or more (a total, or a floor of an incomplete form).

    It does not repeat the scores or bands (*At a glance* shows them); it states whether
    psychological support is in the history, with its dates. Made once, whichever form fired.
    """
    results = [result for result in (scores.phq9, scores.gad7) if result is not None]
    high = any(
        (result.score if result.score is not None else result.floor or 0) >= MOOD_SCORE_THRESHOLD
        for result in results
    )
    if not high:
        return ()
    done = [row for row in history if role_of(row) is Role.PSYCHOLOGICAL]
    evidence = tuple(
        ("in the history", f"{row.name_as_written or row.name} ({_dates(row)})") for row in done
    )
    subject = "psychological support"
    return (Finding(FindingKind.PSYCHOLOGICAL_SUPPORT, subject, evidence, EAN_2019),)


def _dates(treatment: Treatment) -> str:
    start = treatment.start.iso() if treatment.start else "?"
    end = "now" if treatment.ongoing else treatment.end.iso() if treatment.end else "?"
    return start if start == end else f"{start} – {end}"


def pain_controlled(bni_pain: str | None, trend: Trend) -> bool:
    """Pain controlled: BNI pain I–IIIb, or no attack in the last window on ≥ 14 recorded days."""
    if bni_pain is not None:
        return bni_pain in CONTROLLED_BNI
    return trend.recent_per_day == 0 and trend.recent_days_recorded >= MINIMUM_CONTROLLED_DAYS


def not_yet_in_history(
    history: Sequence[Treatment],
    interested_in: Sequence[str],
    *,
    controlled: bool = False,
    answers: Answers | None = None,
    skip_psychological: bool = False,
) -> tuple[Finding, ...]:
    """Options commonly discussed for resistant TN that the history does not show.

    Worded as "not yet in the history", never as advice, and never ranked. Made only when there
    is a history at all, and — when pain is controlled (BNI I–IIIb, or no attack in the diary's
    last window) — only for options the patient asked about. Microvascular decompression carries
    the MRI result as recorded (EAN 2019 discusses MVD where MRI shows neurovascular contact and
    neuroablative procedures where it does not; tnprep states the MRI fact, nothing more).
    Psychological support is left out when the psychological-support point already names it.
    """
    if not history:
        return ()
    found = []
    for option in options_not_in_history(history):
        interested = _interested(option, interested_in)
        if (controlled and not interested) or (
            skip_psychological and Role.PSYCHOLOGICAL in option.roles
        ):
            continue
        evidence: tuple[tuple[str, str], ...] = (
            (("patient interested", "yes"),) if interested else ()
        )
        if Role.SURGICAL in option.roles:
            evidence += _mri_evidence(answers)
        found.append(Finding(FindingKind.NOT_YET_IN_HISTORY, option.name, evidence, option.source))
    return tuple(found)


def _mri_evidence(answers: Answers | None) -> tuple[tuple[str, str], ...]:
    contact = answers.mri_contact if answers is not None else None
    if contact is None:
        return (("MRI neurovascular contact", "not recorded"),)
    pairs = [("MRI neurovascular contact", contact.value)]
    if answers is not None and answers.mri_date and contact is not MriContact.NOT_DONE:
        pairs.append(("MRI date", answers.mri_date))
    if answers is not None and answers.mri_side and contact is MriContact.YES:
        pairs.append(("MRI side", answers.mri_side))
    return tuple(pairs)


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

    Sodium on a current drug of the sodium-lowering class (EAN 2019: hyponatraemia), unless an
    earlier sodium problem is recorded — the safety block then shows it with its value and date.
    HLA-B*15:02 only before a *first* course of carbamazepine or oxcarbazepine (CPIC 2017 covers
    both); tnprep records no ancestry, so it is asked as a question for everyone without either.
    """
    current = {treatment.name for treatment in history if treatment.ongoing}
    earlier_sodium = any(
        note.drug_class is DrugClass.SODIUM_LOWERING for note in safety_notes(history)
    )
    found = [
        Finding(FindingKind.MONITORING_QUESTION, f"sodium monitoring on {drug}", (), EAN_2019)
        for drug in SODIUM_DRUGS
        if drug in current and not earlier_sodium
    ]
    names = {treatment.name for treatment in history}
    if not names & set(HLA_DRUGS):
        subject = "HLA-B*15:02 before a first course of carbamazepine or oxcarbazepine"
        found.append(Finding(FindingKind.MONITORING_QUESTION, subject, (), CPIC_2017))
    return tuple(found)

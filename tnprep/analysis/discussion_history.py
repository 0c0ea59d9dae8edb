"""Discussion rules that read the whole history and the intake: mood, options, monitoring.

Split from ``discussion`` (which runs every rule and re-exports these). Each rule is defined per
drug class and takes what was already done into account (SPEC *Clinical voice*): facts and
questions only, never a ranking or a suggestion. Sources in each docstring and docs/figures.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnprep.analysis.care import answer_age
from tnprep.analysis.evidence import Evidence
from tnprep.analysis.safety import safety_notes
from tnprep.catalogue import (
    DrugClass,
    ResistantOption,
    Role,
    lookup,
    options_not_in_history,
    role_of,
)
from tnprep.date_words import day_words, partial_date_words
from tnprep.model import Answers, MriContact, Treatment
from tnprep.sources import (
    CPIC_2017,
    EAN_2019,
    GAD7_SPITZER_2006,
    PHQ9_KROENKE_2001,
    PRACT_NEUROL_2021_TABLE_5,
)
from tnprep.summary import Finding, FindingKind, QuestionnaireScore, Scores

MOOD_SCORE_THRESHOLD = 10
"""PHQ-9 ≥ 10 (Kroenke 2001) and GAD-7 ≥ 10 (Spitzer 2006): the usual cut-points (moderate)."""
SODIUM_DRUGS = ("carbamazepine", "oxcarbazepine", "eslicarbazepine")
"""The sodium-lowering class (Pract Neurol 2021 table 5, verified; eslicarbazepine label)."""
SODIUM_QUESTION_SOURCE = PRACT_NEUROL_2021_TABLE_5
"""Hyponatraemia as a listed side effect of carbamazepine and oxcarbazepine: Lambru et al. Table 5
(verified). It was EAN 2019 until 2026-12-03, whose own wording on sodium was not reachable."""
HLA_DRUGS = ("carbamazepine", "oxcarbazepine")
"""CPIC 2017: HLA-B*15:02 and SJS/TEN with carbamazepine and oxcarbazepine."""


def mood_score_high(scores: Scores) -> tuple[Finding, ...]:
    """PHQ-9 or GAD-7 total of 10 or more (Kroenke 2001; Spitzer 2006).

    EAN 2019 counts psychological support as part of TN care.
    """
    pairs = (("PHQ-9", scores.phq9, PHQ9_KROENKE_2001), ("GAD-7", scores.gad7, GAD7_SPITZER_2006))
    return tuple(
        Finding(FindingKind.MOOD_SCORE_HIGH, name, _score_evidence(result), source)
        for name, result, source in pairs
        if result is not None and result.score is not None and result.score >= MOOD_SCORE_THRESHOLD
    )


def _score_evidence(result: QuestionnaireScore) -> tuple[tuple[str, str], ...]:
    return ((Evidence.SCORE, str(result.score)), (Evidence.BAND, result.band or ""))


def psychological_support(
    scores: Scores, history: Sequence[Treatment], answers: Answers | None = None,
    today: dt.date | None = None,
) -> tuple[Finding, ...]:  # fmt: skip
    """One point when PHQ-9 or GAD-7 is 10 or more (a total, or a floor of an incomplete form).

    It does not repeat the scores or bands (*At a glance* shows them); it states whether
    psychological support is in the history, with its dates. Made once, whichever form fired.
    With no treatment history supplied at all it says so, never "no psychological support in
    the history": nothing is known about past care (docs/figures.md). A form that fired and was
    answered more than ``ITEM9_RECENT_DAYS`` before the visit (``answers.visit_date``, else
    ``today``) is named with its date and age, as the glance dates it (``OLD_QUESTIONNAIRE``).
    """
    named = (("PHQ-9", scores.phq9), ("GAD-7", scores.gad7))
    high = [(name, result) for name, result in named if result is not None and _high(result)]
    if not high:
        return ()
    visit = answers.visit_date if answers is not None else None
    reference = visit or today
    before = "the visit" if visit else "this page was made"
    dated = tuple(
        (Evidence.OLD_QUESTIONNAIRE, f"{name} of {day_words(result.date)}, {age} before {before}")
        for name, result in high
        if result.date is not None and reference is not None
        and (age := answer_age(result.date, reference)) is not None
    )  # fmt: skip
    done = [row for row in history if role_of(row) is Role.PSYCHOLOGICAL]
    evidence = tuple(
        (Evidence.IN_THE_HISTORY, f"{row.name_as_written or row.name} ({_dates(row)})")
        for row in done
    )
    if not history:
        evidence = ((Evidence.TREATMENT_HISTORY, "not supplied"),)
    subject = "psychological support"
    return (Finding(FindingKind.PSYCHOLOGICAL_SUPPORT, subject, dated + evidence, EAN_2019),)


def _high(result: QuestionnaireScore) -> bool:
    """A total of 10 or more, or a floor of 10 or more of an incomplete form."""
    value = result.score if result.score is not None else result.floor or 0
    return value >= MOOD_SCORE_THRESHOLD


def _dates(treatment: Treatment) -> str:
    """'Mar 2024 – Sep 2024' as the page writes dates (it printed '2024-03 – 2024-09')."""
    start = partial_date_words(treatment.start) if treatment.start else "?"
    end = (
        "now" if treatment.ongoing else partial_date_words(treatment.end) if treatment.end else "?"
    )
    return start if start == end else f"{start} – {end}"


def not_yet_in_history(
    history: Sequence[Treatment],
    interested_in: Sequence[str],
    *,
    answers: Answers | None = None,
) -> tuple[Finding, ...]:
    """Options the patient wants to discuss that the history has no entry for.

    Record only (SPEC *Clinical voice*): an option is named only when the patient's own
    ``interested_in`` answer points to it, with the words the patient wrote; options nobody asked
    about are not listed (until 2026-12-03 every commonly discussed option missing from the
    history was, as "Not in the history yet: …" — a menu of procedures a patient could read as
    "you should have surgery"; docs/clinical-sources.md *Clinical voice*). Never ranked. Made only
    when there is a history at all. Microvascular decompression carries the MRI result as
    recorded. Psychological support asked about is listed even when the psychological-support
    point says none is in the history: that point was made from the scores, this is the patient's
    wish (it was left out until 2026-12-03, and the wish was then on no line of the page).
    """
    if not history:
        return ()
    done = {role for treatment in history if (role := role_of(treatment)) is not None}
    found = []
    for option in options_not_in_history(history):
        words = _interest(option, interested_in, done)
        if words is None:
            continue
        evidence: tuple[tuple[str, str], ...] = (
            (Evidence.PATIENT_INTERESTED, "yes"),
            (Evidence.PATIENT_WORDS, words),
        )
        if Role.SURGICAL in option.roles:
            evidence += _mri_evidence(answers)
        found.append(Finding(FindingKind.NOT_YET_IN_HISTORY, option.name, evidence, option.source))
    return tuple(found)


def _mri_evidence(answers: Answers | None) -> tuple[tuple[str, str], ...]:
    contact = answers.mri_contact if answers is not None else None
    if contact is None:
        return ((Evidence.MRI_CONTACT, "not recorded"),)
    pairs = [(Evidence.MRI_CONTACT, contact.value)]
    if answers is not None and answers.mri_date and contact is not MriContact.NOT_DONE:
        pairs.append((Evidence.MRI_DATE, answers.mri_date))
    if answers is not None and answers.mri_side and contact is MriContact.YES:
        pairs.append((Evidence.MRI_SIDE, answers.mri_side))
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


def _interest(option: ResistantOption, interested_in: Sequence[str], done: set[Role]) -> str | None:
    """The patient's interest answer (as written) that points to ``option``, or ``None``.

    An answer that names the option ("radiosurgery", "Gamma Knife") is quoted before a general
    word ("surgery"). A general word points to every option of its roles only while the history
    has none of them: after a microvascular decompression, "surgery" or "repeat surgery" may mean
    that operation again, and naming the one surgery not yet done ("stereotactic radiosurgery
    (patient wrote "repeat surgery")", until 2026-12-03) chose an option for the patient. Such
    words stay on the ledger's line as written ("Also wants to discuss (as written): …").
    """
    named = [interest for interest in interested_in if _names(option, interest)]
    general = [
        interest
        for interest in interested_in
        if _general_roles(interest) & option.roles and not _general_roles(interest) & done
    ]
    return (named + general)[0] if named + general else None


def _names(option: ResistantOption, interest: str) -> bool:
    """Whether ``interest`` names ``option``: a catalogue treatment of its roles, or its name."""
    entry = lookup(interest)
    in_roles = entry is not None and entry.role in option.roles
    return in_roles or option.name.casefold() in interest.casefold()


def _general_roles(interest: str) -> set[Role]:
    """The roles a general word in ``interest`` points to ("surgery": MVD and radiosurgery)."""
    words = interest.casefold().split()
    return {role for word in words for role in _INTEREST_WORDS.get(word, frozenset())}


def monitoring_questions(history: Sequence[Treatment]) -> tuple[Finding, ...]:
    """Monitoring questions a patient may ask, as questions, never as advice.

    Sodium on a current drug of the sodium-lowering class (Pract Neurol 2021 table 5 lists
    hyponatraemia for carbamazepine and oxcarbazepine; eslicarbazepine's label), unless an
    earlier sodium problem is recorded — the safety block then shows it with its value and date.
    HLA-B*15:02 only before a *first* course of carbamazepine or oxcarbazepine (CPIC 2017 covers
    both); tnprep records no ancestry, so it is asked as a question for everyone without either.
    With no treatment history supplied nothing is known about past courses, so no question is
    made at all (a first course cannot be told from an unrecorded one).
    """
    if not history:
        return ()
    current = {treatment.name for treatment in history if treatment.ongoing}
    earlier_sodium = any(
        note.drug_class is DrugClass.SODIUM_LOWERING for note in safety_notes(history)
    )
    found = [
        Finding(
            FindingKind.MONITORING_QUESTION,
            f"sodium monitoring on {drug}",
            (),
            SODIUM_QUESTION_SOURCE,
        )
        for drug in SODIUM_DRUGS
        if drug in current and not earlier_sodium
    ]
    names = {treatment.name for treatment in history}
    if not names & set(HLA_DRUGS):
        subject = "HLA-B*15:02 before a first course of carbamazepine or oxcarbazepine"
        found.append(Finding(FindingKind.MONITORING_QUESTION, subject, (), CPIC_2017))
    return tuple(found)

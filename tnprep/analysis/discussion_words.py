"""The words of the discussion points, made at render time from typed findings.

``describe`` turns a ``Finding`` (kind, subject, evidence, source) into one or two calm,
factual sentences for the page and the JSON. The wording states facts and questions,
never a diagnosis or advice. The sources the rules cite are named once, in ``tnprep.sources``.
Import ``describe`` from ``tnprep.analysis.discussion``.
"""

from __future__ import annotations

from collections.abc import Callable

from tnprep.analysis.evidence import Evidence, every, optional, required
from tnprep.date_words import iso_words
from tnprep.sources import (
    CARBAMAZEPINE_LABEL,
    CPIC_2017,
    EAN_2019,
    GAD7_SPITZER_2006,
    IMMPACT_2008,
    NICE_CKS_CARBAMAZEPINE,
    PHQ9_KROENKE_2001,
    PRACT_NEUROL_2021_TABLE_5,
)
from tnprep.summary import ChangeKind, Finding, FindingKind

_SHORT_SOURCES = {
    EAN_2019: "EAN 2019",
    PRACT_NEUROL_2021_TABLE_5: "EAN 2019 table, Pract Neurol 2021",
    PHQ9_KROENKE_2001: "PHQ-9, Kroenke 2001",
    GAD7_SPITZER_2006: "GAD-7, Spitzer 2006",
    CARBAMAZEPINE_LABEL: "carbamazepine label, FDA boxed warning",
    CPIC_2017: "CPIC 2017",
    IMMPACT_2008: "IMMPACT 2008",
}
"""Each source's short citation in a sentence."""

_SHORT_NOTES = {NICE_CKS_CARBAMAZEPINE: "NICE CKS up to 1600"}
"""Each dose range note's short form, after the range's source ('…; NICE CKS up to 1600')."""

_CHANGE_WORDS = {
    ChangeKind.START: "started",
    ChangeKind.STOP: "stopped",
    ChangeKind.DOSE_CHANGE: "dose changed",
}


# ---------------------------------------------------------------------------
# Words (made at render time from the typed finding)
# ---------------------------------------------------------------------------


def describe(finding: Finding) -> str:
    """Return the plain-language sentence for a finding, for the page and the JSON.

    Args:
        finding: A finding made by one of this module's rules.

    Returns:
        One or two calm, factual sentences; never a diagnosis or advice.
    """
    return _DESCRIBERS[finding.kind](finding)


def short_source(source: str) -> str:
    """Return the short citation used in sentences ('EAN 2019'), or the source unchanged.

    ``source`` is one of ``tnprep.sources``'s constants, or a dose range's citation (its source,
    '; ' and its note, ``DoseRange.citation``); anything else is returned as written.
    """
    for note, short_note in _SHORT_NOTES.items():
        if source.endswith(f"; {note}"):
            return f"{short_source(source.removesuffix(f'; {note}'))}; {short_note}"
    return _SHORT_SOURCES.get(source, source)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


ITEM9_WORDS = "thoughts that you would be better off dead, or of hurting yourself in some way"
"""PHQ-9 item 9 as printed on the form (Kroenke et al. 2001), 'in some way' included."""


def _describe_self_harm(finding: Finding) -> str:
    answer = required(finding, Evidence.ITEM_9)
    return f"PHQ-9 item 9 ({ITEM9_WORDS}) answered {answer} — please ask about it."


def _describe_self_harm_unanswered(finding: Finding) -> str:
    return (
        f"PHQ-9 item 9 ({ITEM9_WORDS}) not answered — ask "
        f"({required(finding, Evidence.ANSWERED)} items answered; a blank is not a 0)."
    )


def _describe_first_line_stopped(finding: Finding) -> str:
    reason = optional(finding, Evidence.STOPPED_BECAUSE, "reason not recorded")
    effects = optional(finding, Evidence.SIDE_EFFECTS)
    if effects and reason.strip().casefold() == "side effects":
        reason = f"side effects: {effects}"
    ended = iso_words(optional(finding, Evidence.ENDED))
    text = f"{_capitalised(finding.subject)} stopped" + (f" {ended}" if ended else "")
    text += f" ({reason})."
    current = optional(finding, Evidence.FIRST_LINE_TAKEN_NOW)
    if current:
        text += f" Taken now: {current}."
    return text


def _describe_dose(finding: Finding) -> str:
    # the course's dates since 2026-12-03: an undated dose of 2013 read as today's dose
    details = [
        required(finding, Evidence.DOSE_AS_WRITTEN),
        iso_words(optional(finding, Evidence.COURSE)),
    ]
    shown = "; ".join(detail for detail in details if detail)
    as_written = f" ({shown})" if shown else ""
    dose = required(finding, Evidence.DOSE_MG_PER_DAY)
    return (
        f"{_capitalised(finding.subject)} {dose} mg/day{as_written} "
        f"is {required(finding, Evidence.POSITION)} the published range of "
        f"{required(finding, Evidence.PUBLISHED_RANGE)} ({short_source(finding.source)})."
    )


def _describe_rising(finding: Finding) -> str:
    window = required(finding, Evidence.WINDOW_DAYS)
    change = required(finding, Evidence.CHANGE)
    return (
        f"Attacks per recorded day rose {change} in the last {window} days "
        f"against the {window} days before ({required(finding, Evidence.RECENT_PER_DAY)} against "
        f"{required(finding, Evidence.PREVIOUS_PER_DAY)}; "
        f"{required(finding, Evidence.RECENT_DAYS_RECORDED)} and "
        f"{required(finding, Evidence.PREVIOUS_DAYS_RECORDED)} recorded days)."
    )


def _describe_no_change(finding: Finding) -> str:
    window = required(finding, Evidence.AFTER_WINDOW)
    before, after = (required(finding, label) for label in _BEFORE_AFTER)
    return (
        f"{_capitalised(finding.subject)} {required(finding, Evidence.CHANGE)} on "
        f"{iso_words(required(finding, Evidence.DATE))}: {before} attacks per "
        f"recorded day in the 28 days before, {after} on {window} after: "
        f"{_direction(before, after)}(tnprep lists a start or dose change not "
        "followed by a fall of 30 % or more)."
    )


def _direction(before: str, after: str) -> str:
    """'up 5 % ', 'down 20 % ', 'no change ', or '' when the figures are not numbers.

    Session 6 review: the point ended "less than tnprep's 30 % threshold (docs/figures.md)" — a
    file path on a clinical page, and for a rise "less than" a threshold that is a fall.
    """
    try:
        change = round((float(after) - float(before)) / float(before) * 100)
    except (ValueError, ZeroDivisionError):
        return ""
    if change == 0:
        return "no change "
    return f"{'up' if change > 0 else 'down'} {abs(change)} % "


_BEFORE_AFTER = (Evidence.BEFORE_PER_DAY, Evidence.AFTER_PER_DAY)


def _describe_mood(finding: Finding) -> str:
    # The score beside its published band only (SPEC *Clinical voice*). Until 2026-12-03 this
    # added "The EAN 2019 guideline includes psychological support in the care of trigeminal
    # neuralgia" — a guideline cited to point at a treatment, not beside a published figure.
    return (
        f"{finding.subject} score {required(finding, Evidence.SCORE)} "
        f"({required(finding, Evidence.BAND)}; bands: {short_source(finding.source)})."
    )


def _describe_psychological(finding: Finding) -> str:
    done = every(finding, Evidence.IN_THE_HISTORY)
    dated = every(finding, Evidence.OLD_QUESTIONNAIRE)
    # an old form says its date here too (the glance dates it): "(At a glance: PHQ-9 of …)"
    head = f"PHQ-9 or GAD-7 at 10 or more (At a glance{': ' if dated else ''}{'; '.join(dated)}); "
    if optional(finding, Evidence.TREATMENT_HISTORY, "") == "not supplied":
        return head + "no treatment history supplied."
    if not done:
        return head + "no psychological support in the history."
    return head + "psychological support in the history: " + "; ".join(done) + "."


def option_phrase(finding: Finding) -> str:
    """The option the patient wants to discuss, with the MRI fact for MVD and the patient's words.

    'stereotactic radiosurgery (patient wrote "surgery")'; the words are left out when they are
    the option's own name ('clinical trials').
    """
    details = [_mri_detail(finding)] if optional(finding, Evidence.MRI_CONTACT) else []
    words = optional(finding, Evidence.PATIENT_WORDS)
    if words and words.strip().casefold() != finding.subject.casefold():
        details.append(f'patient wrote "{words}"')
    return f"{finding.subject} ({'; '.join(details)})" if details else finding.subject


def _mri_detail(finding: Finding) -> str:
    contact = optional(finding, Evidence.MRI_CONTACT)
    detail = {
        "yes": "MRI: neurovascular contact reported",
        "no": "MRI: no neurovascular contact reported",
        "not done": "no MRI recorded as done",
        "unknown": "MRI result not known",
        "not recorded": "MRI result not recorded",
    }.get(contact, f"MRI: {contact}")
    extras = [optional(finding, Evidence.MRI_SIDE), optional(finding, Evidence.MRI_DATE)]
    return detail + "".join(f", {extra}" for extra in extras if extra)


def _describe_not_yet(finding: Finding) -> str:
    # Record only: the patient's recorded wish and the history's recorded absence. Until
    # 2026-12-03: "Not yet in the history: X. The patient would like to talk about it." — "yet"
    # presumes a next step (docs/clinical-sources.md *Clinical voice*).
    return f"The patient wants to discuss {option_phrase(finding)}; no entry in the history."


def _describe_monitoring(finding: Finding) -> str:
    if finding.subject.startswith("HLA-B*15:02"):
        return (
            "Before a first course of carbamazepine or oxcarbazepine: has HLA-B*15:02 been "
            f"considered? tnprep records no ancestry ({short_source(finding.source)})."
        )
    return f"A question the patient may ask: {finding.subject} ({short_source(finding.source)})."


_DESCRIBERS: dict[FindingKind, Callable[[Finding], str]] = {
    FindingKind.SELF_HARM_ITEM: _describe_self_harm,
    FindingKind.SELF_HARM_UNANSWERED: _describe_self_harm_unanswered,
    FindingKind.FIRST_LINE_STOPPED: _describe_first_line_stopped,
    FindingKind.DOSE_OUTSIDE_RANGE: _describe_dose,
    FindingKind.ATTACKS_RISING: _describe_rising,
    FindingKind.NO_CHANGE_AFTER_TREATMENT: _describe_no_change,
    FindingKind.MOOD_SCORE_HIGH: _describe_mood,
    FindingKind.PSYCHOLOGICAL_SUPPORT: _describe_psychological,
    FindingKind.NOT_YET_IN_HISTORY: _describe_not_yet,
    FindingKind.MONITORING_QUESTION: _describe_monitoring,
}

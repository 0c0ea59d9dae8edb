"""The words of the discussion points, made at render time from typed findings.

``describe`` turns a ``Finding`` (kind, subject, evidence, source) into one or two calm,
factual sentences for the page and the JSON. The wording states facts and questions,
never a diagnosis or advice. The sources the rules cite are named here once.
Import ``describe`` from ``tnprep.analysis.discussion``.
"""

from __future__ import annotations

from collections.abc import Callable

from tnprep.summary import ChangeKind, Finding, FindingKind

EAN_2019 = "EAN guideline on trigeminal neuralgia (Bendtsen et al., Eur J Neurol 2019;26:831–849)"
"""European Academy of Neurology guideline, the source of most rules."""
PHQ9_SOURCE = "PHQ-9 (Kroenke et al., J Gen Intern Med 2001;16:606–613)"
"""The PHQ-9 and its bands."""
GAD7_SOURCE = "GAD-7 (Spitzer et al., Arch Intern Med 2006;166:1092–1097)"
"""The GAD-7 and its bands."""
CARBAMAZEPINE_LABEL = "Carbamazepine prescribing information, FDA boxed warning (HLA-B*1502)"
"""The carbamazepine label's boxed warning on HLA-B*1502 and serious skin reactions."""
CPIC_2017 = (
    "CPIC guideline for HLA genotype and carbamazepine and oxcarbazepine, 2017 update "
    "(Phillips et al., Clin Pharmacol Ther 2018;103:574–581)"
)
"""HLA-B*15:02 and SJS/TEN with carbamazepine and oxcarbazepine."""
IMMPACT_2008 = "IMMPACT recommendations (Dworkin et al., J Pain 2008;9:105–121)"
"""A fall of 30 % or more in pain intensity is a moderately important improvement in trials."""
PRODUCT_RULE = "tnprep rule (docs/figures.md)"
"""A threshold chosen by this product, not a clinical criterion."""
BNI_SOURCE = (
    "BNI pain intensity score (Rogers et al., Int J Radiat Oncol Biol Phys 2000;47:1013–1019)"
)
"""The Barrow Neurological Institute pain and numbness scores."""

_SHORT_SOURCES = {
    EAN_2019: "EAN 2019",
    PHQ9_SOURCE: "PHQ-9, Kroenke 2001",
    GAD7_SOURCE: "GAD-7, Spitzer 2006",
    CARBAMAZEPINE_LABEL: "carbamazepine label, FDA boxed warning",
    CPIC_2017: "CPIC 2017",
    IMMPACT_2008: "IMMPACT 2008",
}

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
    """Return the short citation used in sentences ('EAN 2019'), or the source unchanged."""
    if "Pract Neurol" in source:
        extra = "; NICE CKS up to 1600" if "NICE CKS" in source else ""
        return f"EAN 2019 table, Pract Neurol 2021{extra}"
    if "Bendtsen" in source:
        return _SHORT_SOURCES[EAN_2019]
    return _SHORT_SOURCES.get(source, source)


def _evidence(finding: Finding, label: str, default: str = "") -> str:
    return dict(finding.evidence).get(label, default)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


ITEM9_WORDS = "thoughts that you would be better off dead, or of hurting yourself in some way"
"""PHQ-9 item 9 as printed on the form (Kroenke et al. 2001), 'in some way' included."""


def _describe_self_harm(finding: Finding) -> str:
    answer = _evidence(finding, "item 9")
    return f"PHQ-9 item 9 ({ITEM9_WORDS}) answered {answer} — please ask about it."


def _describe_self_harm_unanswered(finding: Finding) -> str:
    return (
        f"PHQ-9 item 9 ({ITEM9_WORDS}) not answered — ask "
        f"({_evidence(finding, 'answered')} items answered; a blank is not a 0)."
    )


def _describe_first_line_stopped(finding: Finding) -> str:
    reason = _evidence(finding, "stopped because", "reason not recorded")
    effects = _evidence(finding, "side effects")
    if effects and reason.strip().casefold() == "side effects":
        reason = f"side effects: {effects}"
    ended = _evidence(finding, "ended")
    text = f"{_capitalised(finding.subject)} stopped" + (f" {ended}" if ended else "")
    text += f" ({reason})."
    current = _evidence(finding, "first-line taken now")
    if current:
        text += f" Taken now: {current}."
    return text


def _describe_dose(finding: Finding) -> str:
    written = _evidence(finding, "dose as written")
    as_written = f" ({written})" if written else ""
    return (
        f"{_capitalised(finding.subject)} {_evidence(finding, 'dose mg/day')} mg/day{as_written} "
        f"is {_evidence(finding, 'position')} the published range of "
        f"{_evidence(finding, 'published range')} ({short_source(finding.source)})."
    )


def _describe_rising(finding: Finding) -> str:
    window = _evidence(finding, "window days")
    return (
        f"Attacks per recorded day rose {_evidence(finding, 'change')} in the last {window} days "
        f"against the {window} days before ({_evidence(finding, 'recent per day')} against "
        f"{_evidence(finding, 'previous per day')}; "
        f"{_evidence(finding, 'recent days recorded')} and "
        f"{_evidence(finding, 'previous days recorded')} recorded days)."
    )


def _describe_no_change(finding: Finding) -> str:
    window = _evidence(finding, "after window", "days 15–42")
    return (
        f"{_capitalised(finding.subject)} {_evidence(finding, 'change')} on "
        f"{_evidence(finding, 'date')}: {_evidence(finding, 'before per day')} attacks per "
        f"recorded day in the 28 days before, {_evidence(finding, 'after per day')} on {window} "
        "after — less than tnprep's 30 % threshold (docs/figures.md)."
    )


def _describe_mood(finding: Finding) -> str:
    return (
        f"{finding.subject} score {_evidence(finding, 'score')} "
        f"({_evidence(finding, 'band')}). The EAN 2019 guideline includes psychological "
        "support in the care of trigeminal neuralgia."
    )


def _describe_psychological(finding: Finding) -> str:
    done = [value for label, value in finding.evidence if label == "in the history"]
    head = "PHQ-9 or GAD-7 at 10 or more (At a glance); "
    if not done:
        return head + "no psychological support in the history."
    return head + "psychological support in the history: " + "; ".join(done) + "."


def not_yet_phrase(finding: Finding) -> str:
    """The option as the 'not in the history yet' line names it, with the MRI fact for MVD."""
    contact = _evidence(finding, "MRI neurovascular contact")
    if not contact:
        return finding.subject
    detail = {
        "yes": "MRI: neurovascular contact reported",
        "no": "MRI: no neurovascular contact reported",
        "not done": "no MRI recorded as done",
        "unknown": "MRI result not known",
        "not recorded": "MRI result not recorded",
    }.get(contact, f"MRI: {contact}")
    extras = [_evidence(finding, "MRI side"), _evidence(finding, "MRI date")]
    detail += "".join(f", {extra}" for extra in extras if extra)
    return f"{finding.subject} ({detail})"


def _describe_not_yet(finding: Finding) -> str:
    text = f"Not yet in the history: {not_yet_phrase(finding)}."
    if _evidence(finding, "patient interested") == "yes":
        text += " The patient would like to talk about it."
    return text


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

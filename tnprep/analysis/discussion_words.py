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
IMMPACT_2008 = "IMMPACT recommendations (Dworkin et al., J Pain 2008;9:105–121)"
"""A fall of 30 % or more is a moderately important improvement in chronic pain trials."""
PRODUCT_RULE = "tnprep rule (docs/figures.md)"
"""A threshold chosen by this product, not a clinical criterion."""

_SHORT_SOURCES = {
    EAN_2019: "EAN 2019",
    PHQ9_SOURCE: "PHQ-9, Kroenke 2001",
    GAD7_SOURCE: "GAD-7, Spitzer 2006",
    CARBAMAZEPINE_LABEL: "carbamazepine label, FDA boxed warning",
    IMMPACT_2008: "IMMPACT 2008",
}

SURGICAL_REASONS = frozenset({"inefficacy", "side effects"})
"""Reasons for stopping after which EAN 2019 puts surgery on the table."""

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
    if "Bendtsen" in source:
        return _SHORT_SOURCES[EAN_2019]
    return _SHORT_SOURCES.get(source, source)


def _evidence(finding: Finding, label: str, default: str = "") -> str:
    return dict(finding.evidence).get(label, default)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe_self_harm(finding: Finding) -> str:
    answer = _evidence(finding, "item 9")
    return (
        "PHQ-9 item 9 (thoughts that you would be better off dead or of hurting yourself) "
        f"answered {answer} — please ask about it."
    )


def _describe_first_line_stopped(finding: Finding) -> str:
    reason = _evidence(finding, "stopped because", "reason not recorded")
    text = f"{_capitalised(finding.subject)} stopped ({reason})."
    if reason in SURGICAL_REASONS:
        text += (
            " The EAN 2019 guideline lists surgical options when drugs fail or are not tolerated."
        )
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
    return (
        f"{_capitalised(finding.subject)} {_evidence(finding, 'change')} on "
        f"{_evidence(finding, 'date')}: {_evidence(finding, 'before per day')} attacks per "
        f"recorded day in the 28 days before, {_evidence(finding, 'after per day')} on days "
        "15–42 after — less than a 30 % fall."
    )


def _describe_mood(finding: Finding) -> str:
    return (
        f"{finding.subject} score {_evidence(finding, 'score')} "
        f"({_evidence(finding, 'band')}). The EAN 2019 guideline includes psychological "
        "support in the care of trigeminal neuralgia."
    )


def _describe_not_yet(finding: Finding) -> str:
    text = f"Not yet in the history: {finding.subject}."
    if _evidence(finding, "patient interested") == "yes":
        text += " The patient would like to talk about it."
    return text


def _describe_monitoring(finding: Finding) -> str:
    return f"A question the patient may ask: {finding.subject} ({short_source(finding.source)})."


_DESCRIBERS: dict[FindingKind, Callable[[Finding], str]] = {
    FindingKind.SELF_HARM_ITEM: _describe_self_harm,
    FindingKind.FIRST_LINE_STOPPED: _describe_first_line_stopped,
    FindingKind.DOSE_OUTSIDE_RANGE: _describe_dose,
    FindingKind.ATTACKS_RISING: _describe_rising,
    FindingKind.NO_CHANGE_AFTER_TREATMENT: _describe_no_change,
    FindingKind.MOOD_SCORE_HIGH: _describe_mood,
    FindingKind.NOT_YET_IN_HISTORY: _describe_not_yet,
    FindingKind.MONITORING_QUESTION: _describe_monitoring,
}

"""Summary → PageContent: every word of the page as plain text, in priority order.

Pure and free of ReportLab. Text here is plain (never markup): the renderer escapes it.
Sections hold *everything* they could show, most important first; the renderer
(``tnprep.report.pdf``) measures each against its budget, cuts the tail and prints how much
it left out ("+12 more questions — see the app"), using each list's ``noun``. See docs/page.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from tnprep.analysis.discussion import describe
from tnprep.analysis.evidence import Evidence, optional
from tnprep.report.chart_content import Chart, build_chart
from tnprep.report.detail_section import build_detail
from tnprep.report.pattern_section import Pattern, build_pattern
from tnprep.report.safety import Safety, build_safety
from tnprep.report.sections import (
    Field,
    Figure,
    Footer,
    Glance,
    Header,
    build_footer,
    build_glance,
    build_header,
)
from tnprep.report.since import SinceStrip, build_since_strip, mark_asked_before
from tnprep.report.treatment_section import Treatments, build_treatments
from tnprep.summary import Finding, FindingKind, SafetyNote, Summary

__all__ = [
    "Chart",
    "Field",
    "Figure",
    "Footer",
    "Glance",
    "Header",
    "Listing",
    "PageContent",
    "Paper",
    "Pattern",
    "Safety",
    "Treatments",
    "build_content",
]


class Paper(Enum):
    """The two paper sizes the page is laid out for."""

    A4 = "a4"
    LETTER = "letter"


@dataclass(frozen=True)
class Listing:
    """A list the renderer may cut from the end, saying how many items it left out."""

    title: str
    items: tuple[str, ...]
    """Plain text, in priority order (the patient's order for questions)."""
    noun: str
    """Plural noun for the cut line: '+3 more {noun} — see the app'."""
    empty: str
    """What to print when there are no items."""
    flagged_first: bool = False
    """True when the first item is a flag that must be drawn emphasised (PHQ-9 item 9)."""


NO_SAFETY = Safety(alert=None, lines=())
"""The safety block when there is nothing to show."""


@dataclass(frozen=True)
class PageContent:
    """The whole page as plain values: Summary → PageContent → PDF bytes."""

    paper: Paper
    title: str
    """Document title, also the PDF metadata title (never the patient's name)."""
    patient_name: str | None
    """Only for metadata when the user asks for it; the header carries the printed name."""
    header: Header
    glance: Glance
    chart: Chart
    pattern: Pattern
    treatments: Treatments
    questions: Listing
    discussion: Listing
    footer: Footer
    since: SinceStrip | None = None
    """What changed since the last visit's summary; ``None`` when none was given."""
    safety: Safety = NO_SAFETY
    """Item 9, then earlier adverse effects in a drug class: printed first, never cut."""
    detail: tuple[Field, ...] = ()
    """More of the record (``detail_section``): printed only in room the page leaves unused."""


TITLE = "Trigeminal neuralgia — patient-reported summary"
"""Printed title and PDF metadata title."""


def build_content(summary: Summary, paper: Paper) -> PageContent:
    """Return the page content for ``summary`` on ``paper``.

    Args:
        summary: The patient's figures.
        paper: A4 or Letter (the renderer lays out for it; content is the same).

    Returns:
        Frozen plain-text content, everything in priority order, nothing cut yet.
    """
    return PageContent(
        paper=paper,
        title=TITLE,
        patient_name=summary.patient.name,
        header=build_header(summary),
        glance=build_glance(summary),
        chart=build_chart(summary),
        pattern=build_pattern(summary),
        treatments=build_treatments(summary),
        questions=Listing(
            title="Patient's questions (their order)",
            items=mark_asked_before(summary),
            noun="questions",
            empty="No questions listed.",
        ),
        discussion=_discussion(summary.findings, summary.safety),
        footer=build_footer(summary),
        since=build_since_strip(summary),
        safety=build_safety(summary),
        detail=build_detail(summary),
    )


SHOWN_ELSEWHERE = frozenset(
    {FindingKind.SELF_HARM_ITEM, FindingKind.SELF_HARM_UNANSWERED, FindingKind.NOT_YET_IN_HISTORY}
)
"""Findings the page prints elsewhere (item 9 in the safety block; options the patient wants to
discuss with no entry in the history on the treatments' 'Patient wants to discuss, no entry in the
history' line); the discussion list does not repeat them. The JSON keeps every finding."""


def _discussion(findings: Sequence[Finding], safety: Sequence[SafetyNote]) -> Listing:
    ordered = [
        finding
        for finding in findings
        if finding.kind not in SHOWN_ELSEWHERE and not in_safety_block(finding, safety)
    ]
    return Listing(
        title="Discussion points",
        items=tuple(describe(finding) for finding in ordered),
        noun="discussion points",
        empty="No discussion points from the rules.",
        flagged_first=bool(ordered) and ordered[0].kind is FindingKind.SELF_HARM_ITEM,
    )


def in_safety_block(finding: Finding, safety: Sequence[SafetyNote]) -> bool:
    """True for a first-line stop whose course the safety block already prints.

    Same drug class, same end date and the same recorded words: the discussion list then does not
    say it a second time (the JSON keeps the finding).
    """
    if finding.kind is not FindingKind.FIRST_LINE_STOPPED:
        return False
    ended = optional(finding, Evidence.ENDED)
    words = (optional(finding, Evidence.SIDE_EFFECTS), optional(finding, Evidence.STOPPED_BECAUSE))
    return any(
        finding.subject in note.members
        and event.end == ended
        and all(word in event.recorded for word in words if word.casefold() != "side effects")
        for note in safety
        for event in note.events
    )

"""The treatment ledger section as values: one line per drug or procedure, and the notes under it.

Pure, no ReportLab, plain text only. The lines and the acute-burden line are worded in
``ledger_lines``; here they are gathered with the before/after sentences of changes that are not
a listed drug's (procedures) and the options the history does not show yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from tnprep.analysis.discussion import not_yet_phrase
from tnprep.analysis.evidence import Evidence
from tnprep.analysis.ledger import ledger_from_summary
from tnprep.report.burden_lines import medicine_entries_text, summary_burden_text
from tnprep.report.ledger_lines import (
    LedgerLine,
    ledger_lines,
    ranges_note,
    verdict_text,
)
from tnprep.report.wording import day_text
from tnprep.summary import BeforeAfter, ChangeKind, Finding, FindingKind, Summary


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
    medicine_entries: str | None = None
    """A diary's medicine entries linked to no attack, by name (``medicine_entries_text``)."""


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
        burden=summary_burden_text(summary, ledger),
        ranges_note=ranges_note(ledger),
        # a drug's own comparisons are on its ledger line; the rest (procedures) stay sentences
        before_after=tuple(
            _before_after_text(item) for item in summary.before_after if item not in folded
        ),
        not_yet=f"Not in the history yet: {', '.join(not_yet)}." if not_yet else None,
        medicine_entries=medicine_entries_text(summary.rescue),
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

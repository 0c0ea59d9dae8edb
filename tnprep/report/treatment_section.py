"""The treatment ledger section as values: one line per drug or procedure, and the notes under it.

Pure, no ReportLab, plain text only. The lines and the acute-burden line are worded in
``ledger_lines``; here they are gathered with the before/after sentences of changes that are not
a listed drug's (procedures) and the options the patient wants to discuss that the history has no
entry for (``asked_options_text``, also the app ledger's line).
"""

from __future__ import annotations

from dataclasses import dataclass

from tnprep.analysis.discussion import option_phrase
from tnprep.analysis.evidence import Evidence, optional
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
    """Options the patient wants to discuss with no entry in the history, as one line
    (``asked_options_text``); ``None`` when there are none."""
    medicine_entries: str | None = None
    """A diary's medicine entries linked to no attack, by name (``medicine_entries_text``)."""


def build_treatments(summary: Summary) -> Treatments:
    """Return the ledger section (a Summary made without a ledger gets one from its history)."""
    ledger = summary.ledger or ledger_from_summary(summary)
    folded = {item for drug in ledger.drugs for item in drug.measured}
    return Treatments(
        lines=ledger_lines(ledger),
        burden=summary_burden_text(summary, ledger),
        ranges_note=ranges_note(ledger),
        # a drug's own comparisons are on its ledger line; the rest (procedures) stay sentences
        before_after=tuple(
            _before_after_text(item) for item in summary.before_after if item not in folded
        ),
        not_yet=asked_options_text(summary),
        medicine_entries=medicine_entries_text(summary.rescue),
    )


ASKED_OPTIONS_LABEL = "Patient wants to discuss, no entry in the history:"
"""The head of the line naming the options the patient asked about that the history lacks."""


def asked_options_text(summary: Summary) -> str | None:
    """The options the patient wants to discuss that the history lacks, as one line, or ``None``.

    'Patient wants to discuss, no entry in the history: stereotactic radiosurgery (patient wrote
    "radiosurgery"), clinical trials.' Record only (SPEC *Clinical voice*): the patient's recorded
    wish and the history's recorded absence, in the catalogue's order, never ranked. It read
    "Not in the history yet: …" until 2026-12-03 and named every option missing from the
    history, asked about or not — "yet" presumed a next step and the list read as a menu of
    surgeries (docs/clinical-sources.md *Clinical voice*).

    A wish that names no missing option ("surgery" after a decompression, "psychology" after
    CBT) follows as written: "Also wants to discuss (as written): surgery, psychology." — until
    2026-12-03 it was on no ledger line, and the pattern's "Wants to discuss" is cut first on a
    crowded page. Without a treatment history nothing is said here (no "no entry" is known).
    """
    asked = [
        finding for finding in summary.findings if finding.kind is FindingKind.NOT_YET_IN_HISTORY
    ]
    others = _other_wishes(summary, asked) if summary.treatments else []
    parts = []
    if asked:
        parts.append(f"{ASKED_OPTIONS_LABEL} {', '.join(map(option_phrase, asked))}.")
    if others:
        head = OTHER_WISHES_LABEL if asked else OTHER_WISHES_ALONE_LABEL
        parts.append(f"{head} {', '.join(others)}.")
    return " ".join(parts) or None


OTHER_WISHES_LABEL = "Also wants to discuss (as written):"
"""After the options line: the patient's wishes that name no option missing from the history."""

OTHER_WISHES_ALONE_LABEL = "Patient wants to discuss (as written):"
"""The same wishes when no option the patient named is missing from the history."""


def _other_wishes(summary: Summary, asked: list[Finding]) -> list[str]:
    """The patient's ``interested_in`` answers, as written, that no options finding quotes."""
    quoted = {optional(finding, Evidence.PATIENT_WORDS).strip().casefold() for finding in asked} | {
        finding.subject.casefold() for finding in asked
    }
    wishes = [wish.strip() for wish in summary.patient.interested_in]
    return [wish for wish in wishes if wish and wish.casefold() not in quoted]


_CHANGE_WORDS = {
    ChangeKind.START: "started",
    ChangeKind.STOP: "stopped",
    ChangeKind.DOSE_CHANGE: "dose changed",
}


def _before_after_text(item: BeforeAfter) -> str:
    """One sentence per change; a number only when the verdict allows a claim (docs/figures.md)."""
    head = f"{item.treatment} {_CHANGE_WORDS[item.change]} {day_text(item.date)}"
    return f"{head}: {verdict_text(item)}."

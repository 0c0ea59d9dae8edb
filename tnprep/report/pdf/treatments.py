"""The treatment ledger: one line per drug or procedure, the burden line, the remaining notes.

Lines come in relevance order (current, first-line drugs, procedures, add-ons, others), so when
the budget runs out only the least relevant are counted as "+N more treatments — see the app".
The first line always shows (cut with '…' when very long). A drug's before/after verdicts are on
its own line (``ledger_lines.drug_line``); only the others (procedures) are sentences below.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Paragraph

from tnprep.report.content import PageContent
from tnprep.report.ledger_lines import LedgerLine
from tnprep.report.pdf.blocks import (
    Block,
    fit_items,
    heading_block,
    more_line,
    paragraph_block,
    stack,
)
from tnprep.report.pdf.text import BODY, SMALL, TABLE, Text

LINE_LINES = 3
"""Printed lines one ledger entry may take at most (the rest is cut with '…')."""
TITLE = "Treatment ledger"
"""The section heading (the order — current, first-line, procedures, add-ons — is the docs')."""
BURDEN_LINES = 2
"""Printed lines of the acute-burden line; the app and the JSON hold the rest."""


@dataclass(frozen=True)
class MeasuredLedger:
    """The ledger's parts measured once at one width; ``block`` cuts them to a budget."""

    heading: Block
    lines: tuple[Block, ...]
    extras: Block
    first_look: int
    """How many leading lines are current, first-line or procedures (read first)."""
    more: float
    """Height of the '+N more treatments' line."""
    text: Text
    width: float

    def height(self, shown: int) -> float:
        """Height of the ledger showing its first ``shown`` lines (at least one)."""
        shown = max(1, min(shown, len(self.lines)))
        cut = self.more if shown < len(self.lines) else 0.0
        lines = sum(block.height for block in self.lines[:shown])
        return self.heading.height + lines + cut + self.extras.height

    def block(self, budget: float) -> Block:
        """The ledger cut to ``budget``; lines that do not fit are counted from the end."""
        if not self.lines:
            empty = paragraph_block(
                *self.text.paragraph("", "No treatments listed.", BODY, self.width, 1)
            )
            return stack([self.heading, empty, self.extras])
        room = budget - self.heading.height - self.extras.height
        if sum(block.height for block in self.lines) <= room:
            return stack([self.heading, *self.lines, self.extras])
        taken, _ = fit_items(iter(self.lines), max(room - self.more, self.lines[0].height))
        taken = taken or list(self.lines[:1])
        hidden = more_line(self.text, len(self.lines) - len(taken), "treatments", self.width)
        return stack([self.heading, *taken, hidden, self.extras])


def _line_block(text: Text, line: LedgerLine, width: float) -> Block:
    paragraph, height = text.paragraph(f"{line.name}:", line.text, TABLE, width, LINE_LINES)
    return paragraph_block(paragraph, height + 1.5)


def measure_ledger(text: Text, content: PageContent, width: float) -> MeasuredLedger:
    """Measure every ledger line, the heading and the notes under the lines."""
    lines = content.treatments.lines
    first_look = next((i for i, line in enumerate(lines) if not line.first_look), len(lines))
    return MeasuredLedger(
        heading=heading_block(text, TITLE, width),
        lines=tuple(_line_block(text, line, width) for line in lines),
        extras=_treatment_extras(text, content, width),
        first_look=first_look,
        more=float(SMALL.leading) + 1,
        text=text,
        width=width,
    )


def treatments_block(text: Text, content: PageContent, width: float, budget: float) -> Block:
    """The ledger cut to ``budget``; lines that do not fit are counted from the end."""
    return measure_ledger(text, content, width).block(budget)


BEFORE_AFTER_SHOWN = 3
"""Before/after sentences printed at most; the rest are counted."""
ALSO_TRIED_LINES = LINE_LINES
"""Kept for callers of the former 'Also tried' line: the most lines one entry takes."""


def _treatment_extras(text: Text, content: PageContent, width: float) -> Block:
    treatments = content.treatments
    lines: list[tuple[str, str, int]] = []
    if treatments.burden:
        lines.append(("Acute burden:", treatments.burden, BURDEN_LINES))
    lines += [("", sentence, 2) for sentence in treatments.before_after[:BEFORE_AFTER_SHOWN]]
    hidden = len(treatments.before_after) - BEFORE_AFTER_SHOWN
    if hidden > 0:
        lines.append(("", f"+{hidden} more before/after comparisons — see the app", 1))
    if treatments.not_yet:
        lines.append(("", treatments.not_yet, 2))
    if treatments.ranges_note:
        lines.append(("", treatments.ranges_note, 2))
    paragraphs: list[tuple[Paragraph, float]] = [
        text.paragraph(label, value, TABLE, width, most) for label, value, most in lines
    ]
    return stack([Block(2.0, lambda c, x, t: None)] + [paragraph_block(*p) for p in paragraphs])

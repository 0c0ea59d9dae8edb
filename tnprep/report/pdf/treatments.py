"""The treatment ledger: one line per drug or procedure, the burden line, before/after sentences.

Lines come in relevance order (current, first-line drugs, procedures, add-ons, others), so when
the budget runs out only the least relevant are counted as "+N more treatments — see the app".
The first line always shows (cut with '…' when very long).
"""

from __future__ import annotations

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
TITLE = "Treatment ledger (current first, then first-line, procedures, add-ons, others)"
"""The section heading."""


def _line_block(text: Text, line: LedgerLine, width: float) -> Block:
    paragraph, height = text.paragraph(f"{line.name}:", line.text, TABLE, width, LINE_LINES)
    return paragraph_block(paragraph, height + 1.5)


def treatments_block(text: Text, content: PageContent, width: float, budget: float) -> Block:
    """The ledger cut to ``budget``; lines that do not fit are counted from the end."""
    treatments = content.treatments
    heading = heading_block(text, TITLE, width)
    extras = _treatment_extras(text, content, width)
    if not treatments.lines:
        empty = paragraph_block(*text.paragraph("", "No treatments listed.", BODY, width, 1))
        return stack([heading, empty, extras])
    lines = [_line_block(text, line, width) for line in treatments.lines]
    room = budget - heading.height - extras.height
    if sum(block.height for block in lines) <= room:
        return stack([heading, *lines, extras])
    more = float(SMALL.leading) + 1
    taken, _ = fit_items(iter(lines), max(room - more, lines[0].height))
    taken = taken or lines[:1]
    hidden = more_line(text, len(lines) - len(taken), "treatments", width)
    return stack([heading, *taken, hidden, extras])


BEFORE_AFTER_SHOWN = 3
"""Before/after sentences printed at most; the rest are counted."""
ALSO_TRIED_LINES = LINE_LINES
"""Kept for callers of the former 'Also tried' line: the most lines one entry takes."""


def _treatment_extras(text: Text, content: PageContent, width: float) -> Block:
    treatments = content.treatments
    lines: list[tuple[str, str]] = []
    if treatments.burden:
        lines.append(("Acute burden:", treatments.burden))
    if treatments.ranges_note:
        lines.append(("", treatments.ranges_note))
    lines += [("", sentence) for sentence in treatments.before_after[:BEFORE_AFTER_SHOWN]]
    hidden = len(treatments.before_after) - BEFORE_AFTER_SHOWN
    if hidden > 0:
        lines.append(("", f"+{hidden} more before/after comparisons — see the app"))
    if treatments.not_yet:
        lines.append(("", treatments.not_yet))
    paragraphs: list[tuple[Paragraph, float]] = [
        text.paragraph(label, value, TABLE, width, 3 if label else 2) for label, value in lines
    ]
    return stack([Block(2.0, lambda c, x, t: None)] + [paragraph_block(*p) for p in paragraphs])

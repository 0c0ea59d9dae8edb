"""The treatment ledger: one line per drug or procedure, the burden line, the remaining notes.

Lines come in relevance order (current, first-line drugs, procedures, add-ons, others), so when
the budget runs out only the least relevant are counted as "+N more treatments — see the app".
The first line always shows (cut with '…' when very long). A drug's before/after verdicts are on
its own line (``ledger_lines.drug_line``); only the others (procedures) are sentences below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Paragraph

from tnprep.report.burden_lines import MEDICINE_ENTRIES_LABEL
from tnprep.report.content import PageContent
from tnprep.report.ledger_lines import LedgerLine
from tnprep.report.pdf.blocks import (
    MORE,
    Block,
    heading_block,
    more_line,
    paragraph_block,
    stack,
    tagged,
)
from tnprep.report.pdf.limits import CLAMPED, Limits
from tnprep.report.pdf.text import BODY, SMALL, TABLE, Text

LINE_LINES = CLAMPED.ledger
"""Printed lines one ledger entry may take at most in the first layout (the rest cut with '…')."""
TREATMENT = "treatment"
"""The kind of a ledger line (``limits.hides_nothing``): whole, in brief or named."""
TITLE = "Treatment ledger"
"""The section heading (the order — current, first-line, procedures, add-ons — is the docs')."""
BURDEN_LINES = CLAMPED.burden
"""Printed lines of the acute-burden line in the first layout; the app and the JSON hold all."""


ALSO_TRIED_LINES = LINE_LINES
"""Printed lines of the 'Also tried' line: whole briefs of the lines the page has no room for."""
BRIEFS_TRIED = 24
"""Briefs tried at most on the 'Also tried' line (more never fit its lines)."""
NAMES_TRIED = 20
"""Hidden treatments named at most on the '+N more treatments: …' line; more are only counted."""


@dataclass(frozen=True)
class MeasuredLedger:
    """The ledger's parts measured once at one width; ``block`` cuts them to a budget.

    Lines that do not fit are not just counted: the next ones are listed in brief on an 'Also
    tried' line (dates, doses in order, response, why stopped), and the '+N more treatments'
    line names the rest when their names fit.
    """

    heading: Block
    lines: tuple[Block, ...]
    extras: Block
    first_look: int
    """How many leading lines are current, first-line or procedures (read first)."""
    briefs: tuple[str, ...]
    """Each line's brief ('Lamotrigine (3 Feb 2020 – 31 Jan 2021, 25 → … mg/day, …)')."""
    names: tuple[str, ...]
    text: Text
    width: float

    def height(self, shown: int) -> float:
        """Height of the ledger showing its first ``shown`` lines (at least one).

        The lines after them count as their '+N more treatments' line only: the 'Also tried'
        briefs take what room is left (``block``), never room the questions were promised.
        """
        shown = max(1, min(shown, len(self.lines)))
        lines = sum(block.height for block in self.lines[:shown])
        return self.heading.height + lines + self.hidden(shown).height + self.extras.height

    def hidden(self, shown: int, room: float = 0.0) -> Block:
        """What stands for the lines after the first ``shown`` in ``room`` points.

        As many whole briefs as fit ('Also tried: …', at most ALSO_TRIED_LINES lines), then
        the '+N more treatments' line naming the rest; with no room, that line alone.
        """
        if shown >= len(self.lines):
            return stack([])
        briefs = self.briefs[shown : shown + BRIEFS_TRIED]
        lines = min(ALSO_TRIED_LINES, int(room // TABLE.leading))
        for most in range(lines, 0, -1):
            also, listed = _also_tried(self.text, briefs, self.width, most)
            if not listed:
                continue
            rest = self.names[shown + listed :]
            blocks = [also, *([_more_treatments(self.text, rest, self.width)] if rest else [])]
            if sum(block.height for block in blocks) <= room:
                return stack(blocks)
        return _more_treatments(self.text, self.names[shown:], self.width)

    def block(self, budget: float) -> Block:
        """The ledger cut to ``budget``; lines that do not fit are listed in brief or counted."""
        if not self.lines:
            empty = paragraph_block(
                *self.text.paragraph("", "No treatments listed.", BODY, self.width, 1)
            )
            return stack([self.heading, empty, self.extras])
        room = budget - self.heading.height - self.extras.height
        shown = self._shown(room)
        if shown == len(self.lines):
            return stack([self.heading, *self.lines, self.extras])
        used = sum(block.height for block in self.lines[:shown])
        hidden = self.hidden(shown, room - used)
        return stack([self.heading, *self.lines[:shown], hidden, self.extras])

    def _shown(self, room: float) -> int:
        """The most whole lines (at least one) that fit ``room`` with the line counting the rest.

        Lines are first taken against the most that line can need (no measuring), then one by
        one while they fit with it measured: a few measurements, whatever the count.
        """
        heights = [block.height for block in self.lines]
        if sum(heights) <= room:
            return len(heights)
        # the add-on and other lines are all whole or all in brief: a brief each shows more of
        # the history (doses in order, response, why stopped) than two of them whole
        first = max(self.first_look, 1)
        if first < len(heights):
            if sum(heights[:first]) + self.hidden(first).height <= room:
                return first
            heights = heights[:first]
        return self._fitting(heights, room)

    def _fitting(self, heights: list[float], room: float) -> int:
        most = 2 * SMALL.leading + 1.0
        shown, used = 1, heights[0]
        while shown < len(heights) - 1 and used + heights[shown] + most <= room:
            shown, used = shown + 1, used + heights[shown]
        while (shown < len(heights) - 1
               and used + heights[shown] + self.hidden(shown + 1).height <= room):  # fmt: skip
            shown, used = shown + 1, used + heights[shown]
        return shown


def _also_tried(text: Text, briefs: Sequence[str], width: float,
                lines: int) -> tuple[Block, int]:  # fmt: skip
    """'Also tried: A (…); B (…).': as many whole briefs as fit in ``lines`` printed lines."""
    limit = lines * TABLE.leading + 0.5

    def paragraph(count: int) -> tuple[Paragraph, float]:
        return text.paragraph("Also tried:", "; ".join(briefs[:count]) + ".", TABLE, width, 99)

    if not briefs or paragraph(1)[1] > limit:
        return stack([]), 0
    low, high = 1, len(briefs)  # the most whole briefs that fit
    while low < high:
        middle = (low + high + 1) // 2
        if paragraph(middle)[1] <= limit:
            low = middle
        else:
            high = middle - 1
    return tagged(paragraph_block(*paragraph(low)), TREATMENT, low, level=1), low


def _more_treatments(text: Text, names: Sequence[str], width: float) -> Block:
    """'+2 more treatments: A, B — see the app', or only the count when the names do not fit."""
    count = len(names)
    noun = "treatment" if count == 1 else "treatments"
    if count <= NAMES_TRIED:
        named = f"+{count} more {noun}: {', '.join(names)} — see the app"
        paragraph, height = text.paragraph("", named, SMALL, width, 99)
        if height <= 2 * SMALL.leading + 0.5:
            return tagged(tagged(paragraph_block(paragraph, height), MORE), TREATMENT, count, 2)
    return more_line(text, count, "treatments", width)


def _line_block(text: Text, line: LedgerLine, width: float, lines: int) -> Block:
    paragraph, height = text.paragraph(f"{line.name}:", line.text, TABLE, width, lines)
    return tagged(paragraph_block(paragraph, height + 1.5), TREATMENT)


def measure_ledger(text: Text, content: PageContent, width: float,
                   limits: Limits = CLAMPED) -> MeasuredLedger:  # fmt: skip
    """Measure every ledger line, the heading and the notes under the lines."""
    lines = content.treatments.lines
    first_look = next((i for i, line in enumerate(lines) if not line.first_look), len(lines))
    return MeasuredLedger(
        heading=heading_block(text, TITLE, width),
        lines=tuple(_line_block(text, line, width, limits.ledger) for line in lines),
        extras=_treatment_extras(text, content, width, limits),
        first_look=first_look,
        briefs=tuple(line.brief or line.name for line in lines),
        names=tuple(line.name for line in lines),
        text=text,
        width=width,
    )


def treatments_block(text: Text, content: PageContent, width: float, budget: float) -> Block:
    """The ledger cut to ``budget``; lines that do not fit are counted from the end."""
    return measure_ledger(text, content, width).block(budget)


BEFORE_AFTER_SHOWN = 3
"""Before/after sentences printed at most; the rest are counted."""


def _treatment_extras(text: Text, content: PageContent, width: float, limits: Limits) -> Block:
    treatments = content.treatments
    lines: list[tuple[str, str, int]] = []
    if treatments.burden:
        lines.append(("Acute burden:", treatments.burden, limits.burden))
    if treatments.medicine_entries:
        lines.append((MEDICINE_ENTRIES_LABEL, treatments.medicine_entries, limits.burden))
    note = limits.note
    lines += [("", sentence, note) for sentence in treatments.before_after[:BEFORE_AFTER_SHOWN]]
    hidden = len(treatments.before_after) - BEFORE_AFTER_SHOWN
    if hidden > 0:
        lines.append(("", f"+{hidden} more before/after comparisons — see the app", 1))
    if treatments.not_yet:
        lines.append(("", treatments.not_yet, note))
    if treatments.ranges_note:
        lines.append(("", treatments.ranges_note, note))
    paragraphs: list[tuple[Paragraph, float]] = [
        text.paragraph(label, value, TABLE, width, most) for label, value, most in lines
    ]
    return stack([Block(2.0, lambda c, x, t: None)] + [paragraph_block(*p) for p in paragraphs])

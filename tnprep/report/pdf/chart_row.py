"""The chart and the attack pattern, side by side in one row.

Left: the chart (its height set by the page, between CHART_MIN_HEIGHT and CHART_HEIGHT), its
legend, then its key numbers in words. Right: the attack pattern's fields in priority order
(the pattern itself first, then "the rest": daily life, facts, other answers). Both columns are
cut to the row's height and say what they left out ("+4 more answers — see the app").
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.content import PageContent
from tnprep.report.pdf.blocks import (
    Block,
    beside,
    cut_list,
    fit_items,
    heading_block,
    more_line,
    paragraph_block,
    stack,
)
from tnprep.report.pdf.chart import CHART_HEIGHT, chart_drawing
from tnprep.report.pdf.text import SMALL, TABLE, Text

CHART_SHARE = 0.55
"""Share of the width the chart column takes; the pattern column has the rest."""
COLUMN_GAP = 12.0
"""Space between the chart column and the pattern column."""
PATTERN_MOST = 150.0
"""Most the attack pattern column may take; further answers are counted, not printed."""
NOTES_SHOWN = 40
"""Chart notes measured at most (the rest are counted)."""


@dataclass(frozen=True)
class MeasuredPattern:
    """The attack pattern's fields measured once, one column wide; ``block`` cuts to a budget."""

    fields: tuple[Block, ...]
    core: int
    """Leading fields that are the attack pattern itself (``sections.Pattern.core``)."""
    text: Text
    width: float

    def block(self, budget: float) -> Block:
        """The fields that fit in ``budget``; the others counted ('+4 more answers')."""
        taken = self._taken(budget)
        if len(taken) == len(self.fields):
            return stack(taken)
        more = more_line(self.text, len(self.fields) - len(taken), "answers", self.width)
        return stack([*taken, more])

    def _taken(self, budget: float) -> list[Block]:
        taken, _ = fit_items(iter(self.fields), budget)
        if len(taken) < len(self.fields):
            taken, _ = fit_items(iter(self.fields), budget - SMALL.leading)
        return taken

    def core_budget(self, most: float) -> float:
        """The least budget (at most ``most``) that still prints every core field."""
        core = sum(block.height for block in self.fields[: self.core])
        cut = float(SMALL.leading) if self.core < len(self.fields) else 0.0
        return min(core + cut + 0.5, most)


def measure_pattern(text: Text, content: PageContent, width: float) -> MeasuredPattern:
    """Measure the attack pattern's fields once, at the pattern column's width."""
    column = _pattern_width(width)
    fields = tuple(
        paragraph_block(*text.paragraph(f"{field.label}:", field.value, TABLE, column, 3))
        for field in content.pattern.fields
    )
    return MeasuredPattern(fields, content.pattern.core, text, column)


def _picture(text: Text, content: PageContent, width: float, height: float) -> Block:
    """The chart as a Block; its drawing is built only when painted (one of the tried rows)."""

    def paint(canvas: Canvas, x: float, top: float) -> None:
        renderPDF.draw(chart_drawing(text, content.chart, width, height), canvas, x, top - height)

    return Block(height, paint)


def _chart_width(width: float) -> float:
    return width * CHART_SHARE


def _pattern_width(width: float) -> float:
    return width - _chart_width(width) - COLUMN_GAP


def chart_pattern_block(text: Text, content: PageContent, width: float, pattern: MeasuredPattern,
                        *, chart_height: float = CHART_HEIGHT,
                        pattern_budget: float = PATTERN_MOST,
                        notes_whole: bool = False) -> Block:  # fmt: skip
    """The row: headings, then chart, legend and notes on the left and the pattern on the right.

    The row is as tall as the taller column; the other column fills up to that height (more
    notes, more answers) before it counts what is left out. With ``notes_whole`` the chart's
    notes are all printed (the page has room for them).
    """
    chart = content.chart
    left_width, right_width = _chart_width(width), _pattern_width(width)
    legend = paragraph_block(*text.paragraph("", chart.caption, SMALL, left_width, 4))
    more = float(SMALL.leading) + 1 if chart.words else 0.0
    right = pattern.block(pattern_budget)
    # a pattern column taller than the chart column lets the chart grow back (up to full height)
    spare = right.height - (chart_height + legend.height + 2 + more)
    chart_height = min(max(chart_height, chart_height + spare), max(chart_height, CHART_HEIGHT))
    picture = _picture(text, content, left_width, chart_height)
    height = max(chart_height + legend.height + 2 + more, right.height)
    right = pattern.block(max(height, pattern_budget))
    height = max(height, right.height)
    notes = [text.paragraph("", note, SMALL, left_width, 2) for note in chart.words[:NOTES_SHOWN]]
    if notes_whole and len(notes) == len(chart.words):
        height = max(height, chart_height + legend.height + 2 + sum(h + 2 for _, h in notes))
    room = height - chart_height - legend.height - 2
    words = cut_list(text, notes, len(chart.words), room, noun="chart notes", width=left_width)
    left = stack([picture, Block(2.0, lambda c, x, t: None), legend, words])
    headings = beside([
        (0.0, heading_block(text, "Attacks per day and worst pain", left_width)),
        (left_width + COLUMN_GAP, heading_block(text, "Attack pattern (as recorded)", right_width)),
    ])  # fmt: skip
    return stack([headings, beside([(0.0, left), (left_width + COLUMN_GAP, right)])])

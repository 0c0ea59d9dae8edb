"""The chart and the attack pattern, side by side in one row.

Left: the chart (its height set by the page, between CHART_MIN_HEIGHT and CHART_HEIGHT), its
legend, then its key numbers in words. Right: the attack pattern's fields in priority order
(the pattern itself first, then "the rest": daily life, facts, other answers). Both columns are
cut to the row's height and say what they left out ("+4 more answers — see the app").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportlab.graphics import renderPDF
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.chart_content import marker_note
from tnprep.report.content import PageContent
from tnprep.report.pdf.blocks import (
    MORE,
    Block,
    beside,
    fit_items,
    heading_block,
    more_line,
    paragraph_block,
    stack,
    tagged,
)
from tnprep.report.pdf.chart import CHART_HEIGHT, chart_drawing, marker_labels
from tnprep.report.pdf.limits import CLAMPED, Limits
from tnprep.report.pdf.text import SMALL, TABLE, Text

CHART_SHARE = 0.55
"""Share of the width the chart column takes; the pattern column has the rest."""
COLUMN_GAP = 12.0
"""Space between the chart column and the pattern column."""
PATTERN_MOST = CLAMPED.pattern_most
"""Most the attack pattern column may take; further answers are counted, not printed."""
ANSWER = "answer"
"""The kind of an attack-pattern field (``limits.hides_nothing``)."""


@dataclass(frozen=True)
class MeasuredPattern:
    """The attack pattern's fields measured once, one column wide; ``block`` cuts to a budget."""

    fields: tuple[Block, ...]
    core: int
    """Leading fields that are the attack pattern itself (``sections.Pattern.core``)."""
    text: Text
    width: float
    labels: tuple[str, ...] = ()
    """Each field's label, to name the ones left out ('+2 more answers: Daily life, …')."""

    def block(self, budget: float) -> Block:
        """The fields that fit in ``budget``; the others named or counted ('+4 more answers')."""
        taken = self._taken(budget)
        if len(taken) == len(self.fields):
            return stack(taken)
        return stack([*taken, self._more(len(taken))])

    def _more(self, shown: int) -> Block:
        """'+2 more answers: Daily life, Rescue / medicines — see the app', or a count."""
        hidden = self.labels[shown:]
        count = len(self.fields) - shown
        if hidden and len(hidden) == count:
            noun = "answer" if count == 1 else "answers"
            named = f"+{count} more {noun}: {', '.join(hidden)} — see the app"
            paragraph, height = self.text.paragraph("", named, SMALL, self.width, 99)
            if height <= 2 * SMALL.leading + 0.5:
                line = tagged(paragraph_block(paragraph, height), MORE)
                return tagged(line, ANSWER, count, level=2)
        return more_line(self.text, count, "answers", self.width)

    def counted(self) -> MeasuredPattern:
        """The same fields, the ones left out counted without their names (one line)."""
        return replace(self, labels=())

    def _taken(self, budget: float) -> list[Block]:
        taken, used = fit_items(iter(self.fields), budget)
        while len(taken) < len(self.fields) and taken:
            if used + self._more(len(taken)).height <= budget:
                break
            used -= taken.pop().height
        return taken

    def core_budget(self, most: float) -> float:
        """The least budget (at most ``most``) that still prints every core field."""
        core = sum(block.height for block in self.fields[: self.core])
        cut = self._more(self.core).height if self.core < len(self.fields) else 0.0
        return min(core + cut + 0.5, most)


def measure_pattern(text: Text, content: PageContent, width: float,
                    limits: Limits = CLAMPED) -> MeasuredPattern:  # fmt: skip
    """Measure the attack pattern's fields once, at the pattern column's width."""
    column = _pattern_width(width)
    fields = tuple(
        tagged(
            paragraph_block(
                *text.paragraph(f"{field.label}:", field.value, TABLE, column, limits.pattern)
            ),
            ANSWER,
        )
        for field in content.pattern.fields
    )
    labels = tuple(field.label for field in content.pattern.fields)
    return MeasuredPattern(fields, content.pattern.core, text, column, labels)


def _picture(text: Text, content: PageContent, width: float, height: float) -> Block:
    """The chart as a Block; its drawing is built only when painted (one of the tried rows)."""

    def paint(canvas: Canvas, x: float, top: float) -> None:
        renderPDF.draw(chart_drawing(text, content.chart, width, height), canvas, x, top - height)

    return Block(height, paint)


def chart_notes(text: Text, content: PageContent, width: float) -> tuple[str, ...]:
    """The chart's words the page prints: the treatment marks the chart could not label.

    The chart's other words (attacks on recorded days, days without a diary, most in a day,
    worst pain) are the glance's and the header's figures, so the page does not repeat them;
    the app keeps them all. An empty period keeps its note.
    """
    chart = content.chart
    if not chart.markers:
        return chart.words if not chart.bins else ()
    labels = marker_labels(text, chart, width)
    return tuple(
        marker_note(marker)
        for marker, label in zip(chart.markers, labels, strict=True)
        if label is None
    )


def _chart_width(width: float) -> float:
    return width * CHART_SHARE


def _pattern_width(width: float) -> float:
    return width - _chart_width(width) - COLUMN_GAP


def chart_pattern_block(text: Text, content: PageContent, width: float, pattern: MeasuredPattern,
                        *, chart_height: float = CHART_HEIGHT,
                        pattern_budget: float = PATTERN_MOST) -> Block:  # fmt: skip
    """The row: headings, then chart and legend on the left and the pattern on the right.

    The row is as tall as the taller column; the pattern column fills up to that height (more
    answers) before it counts what is left out; a taller pattern column lets the chart grow.
    """
    left_width, right_width = _chart_width(width), _pattern_width(width)
    legend = legend_block(text, content, left_width)
    right = pattern.block(pattern_budget)
    # a pattern column taller than the chart column lets the chart grow back (up to full height)
    spare = right.height - (chart_height + legend.height + 2)
    chart_height = min(max(chart_height, chart_height + spare), max(chart_height, CHART_HEIGHT))
    picture = _picture(text, content, left_width, chart_height)
    height = max(chart_height + legend.height + 2, right.height)
    right = pattern.block(max(height, pattern_budget))
    left = stack([picture, Block(2.0, lambda c, x, t: None), legend])
    headings = beside([
        (0.0, heading_block(text, "Attacks per day and worst pain", left_width)),
        (left_width + COLUMN_GAP, heading_block(text, "Attack pattern (as recorded)", right_width)),
    ])  # fmt: skip
    return stack([headings, beside([(0.0, left), (left_width + COLUMN_GAP, right)])])


LEGEND_LINES = 6
"""Printed lines of the legend with the marks the chart could not label (the key alone: 3–4)."""
MARKS_TRIED = 8
"""Unlabelled marks tried at most in the legend; the rest are counted."""


def legend_block(text: Text, content: PageContent, width: float) -> Block:
    """The chart's key, then the marks it could not label, in one paragraph under the chart.

    '… ◆ dose changed. ▲ oxcarbazepine started 10 Sep 2026.' Marks that do not fit are counted
    at its end ('+3 more chart marks — see the app').
    """
    caption = content.chart.caption
    marks = chart_notes(text, content, width)
    if not marks:
        return paragraph_block(*text.paragraph("", caption, SMALL, width, 4))
    limit = LEGEND_LINES * SMALL.leading + 0.5
    for shown in range(min(len(marks), MARKS_TRIED), 0, -1):
        hidden = len(marks) - shown
        more = (
            f" +{hidden} more chart mark{'s' if hidden > 1 else ''} — see the app."
            if hidden
            else ""
        )
        paragraph, height = text.paragraph("", " ".join([caption, *marks[:shown]]) + more,
                                           SMALL, width, 99)  # fmt: skip
        if height <= limit:
            return paragraph_block(paragraph, height)
    counted = f"{caption} +{len(marks)} chart marks not labelled — see the app."
    return paragraph_block(*text.paragraph("", counted, SMALL, width, LEGEND_LINES))

"""The 'Since <date>' strip on the page, drawn from ``tnprep.report.since.SinceStrip``.

A heading, the files compared, one row of figures (then → now and the direction in words), then
the treatment and question lines.

Every paragraph is clamped to a few lines, so the strip has a known, bounded height; it is
drawn among the fixed sections because it ranks right after safety (SPEC *The page*).
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from tnprep.report.pdf.blocks import Block, beside, heading_block, paragraph_block, stack
from tnprep.report.pdf.text import SMALL, Text, bold_style
from tnprep.report.since import SinceCell, SinceStrip

CELL_GAP = 6.0
"""Space between two figure cells, in points."""
PER_ROW = 4
"""Figure cells per row: 'Attacks per recorded day 8.59 → 6.6 ↓ lower' takes two lines."""


def since_block(text: Text, strip: SinceStrip | None, width: float) -> Block | None:
    """The strip as one block, or ``None`` when no earlier summary was given."""
    if strip is None:
        return None
    parts = [heading_block(text, strip.title, width)]
    parts += [_line(text, line, width, bold=True) for line in strip.left_out]
    if strip.source:
        parts.append(_line(text, strip.source, width))
    if strip.cells:
        parts.append(_cells(text, strip.cells, width))
    parts += [_line(text, line, width) for line in strip.lines]
    return stack(parts, 1.5)


def _line(text: Text, line: str, width: float, *, bold: bool = False) -> Block:
    style = bold_style(SMALL) if bold else SMALL
    return paragraph_block(*text.paragraph("", line, style, width, 2))


def _cells(text: Text, cells: tuple[SinceCell, ...], width: float) -> Block:
    """Figures in rows of ``PER_ROW`` cells, left to right in the strip's order."""
    cell_width = (width + CELL_GAP) / PER_ROW
    rows = [cells[index : index + PER_ROW] for index in range(0, len(cells), PER_ROW)]
    return stack(
        [
            beside([(i * cell_width, _cell(text, cell, cell_width - CELL_GAP))
                    for i, cell in enumerate(row)])
            for row in rows
        ],
        2.0,
    )  # fmt: skip


def _cell(text: Text, cell: SinceCell, width: float) -> Block:
    inner = width - 4
    words = f"{cell.values} {cell.change}"
    body = paragraph_block(*text.paragraph(cell.label, words, SMALL, inner, 3))

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(0.8)
        canvas.line(x, top, x, top - body.height)
        body.paint(canvas, x + 3, top)

    return Block(body.height, paint)

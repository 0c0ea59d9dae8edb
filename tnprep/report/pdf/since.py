"""The 'Since <date>' strip on the page, drawn from ``tnprep.report.since.SinceStrip``.

A heading, the files compared, one row of figures (then → now and the direction in words), then
the treatment and question lines.

Every paragraph is clamped to a few lines, so the strip has a known, bounded height; it is
drawn among the fixed sections because it ranks right after safety (SPEC *The page*).
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.pdf.blocks import Block, beside, heading_block, paragraph_block, stack
from tnprep.report.pdf.text import BOLD, FONT, SMALL, Text, bold_style
from tnprep.report.since import SinceCell, SinceStrip

CELL_GAP = 6.0
"""Space between two figure cells, in points."""


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
    parts += [_line(text, line, width) for line in strip.not_compared]
    parts += [_line(text, line, width) for line in strip.lines]
    return stack(parts, 1.5)


def _line(text: Text, line: str, width: float, *, bold: bool = False) -> Block:
    style = bold_style(SMALL) if bold else SMALL
    return paragraph_block(*text.paragraph("", line, style, width, 2))


def _cells(text: Text, cells: tuple[SinceCell, ...], width: float) -> Block:
    """Figures left to right in the strip's order, as many to a row as fit on one line each.

    Each row's spare width is shared out so the rows fill the strip like a grid; a cell too
    wide for a row on its own takes the whole row and wraps (at most three lines).
    """
    rows: list[list[tuple[SinceCell, float]]] = [[]]
    for cell in cells:
        natural = min(_natural_width(text, cell), width)
        row = rows[-1]
        used = sum(cell_width + CELL_GAP for _, cell_width in row)
        if row and used + natural > width:
            rows.append([])
        rows[-1].append((cell, natural))
    blocks: list[Block] = []
    slots: list[tuple[float, float]] = []
    for row in rows:
        slots = _slots(row, width, slots)
        placed = [(x, _cell(text, cell, cell_width)) for (cell, _), (x, cell_width)
                  in zip(row, slots, strict=False)]  # fmt: skip
        blocks.append(beside(placed))
    return stack(blocks, 2.0)


def _slots(row: list[tuple[SinceCell, float]], width: float,
           above: list[tuple[float, float]]) -> list[tuple[float, float]]:  # fmt: skip
    """(x, width) of each cell in ``row``.

    Under the row above's cells when they fit there, so the rows line up as a grid; otherwise
    the row's spare width is shared out.
    """
    if len(row) <= len(above) and all(n <= w for (_, n), (_, w) in zip(row, above, strict=False)):
        return above[: len(row)]
    spare = (width - sum(natural for _, natural in row) - CELL_GAP * (len(row) - 1)) / len(row)
    slots: list[tuple[float, float]] = []
    x = 0.0
    for _, natural in row:
        cell_width = min(natural + max(spare, 0.0), width)
        slots.append((x, cell_width))
        x += cell_width + CELL_GAP
    return slots


def _natural_width(text: Text, cell: SinceCell) -> float:
    """Width of the cell's label and words on one line, with the rule and its padding."""
    label = stringWidth(text.plain(cell.label) + " ", BOLD, SMALL.fontSize)
    words = stringWidth(text.plain(f"{cell.values} {cell.change}"), FONT, SMALL.fontSize)
    return float(label) + float(words) + _PADDING + 1.0


_PADDING = 7.0
"""The rule's offset and the paragraph's inner margin inside a cell."""


def _cell(text: Text, cell: SinceCell, width: float) -> Block:
    inner = width - _PADDING + 3
    words = f"{cell.values} {cell.change}"
    body = paragraph_block(*text.paragraph(cell.label, words, SMALL, inner, 3))

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(0.8)
        canvas.line(x, top, x, top - body.height)
        body.paint(canvas, x + 3, top)

    return Block(body.height, paint)

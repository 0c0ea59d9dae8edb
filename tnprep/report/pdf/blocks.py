"""Blocks: measured once, drawn at a top-left corner; stacking, rows, headings and fitting."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from tnprep.report.pdf.text import HEADING, SMALL, Text

GAP = 4.0
"""Space between sections, in points."""

Painter = Callable[[Canvas, float, float], None]
"""Draws a block with its top-left corner at (x, top) on the canvas."""
Shown = tuple[tuple[str, int], ...]
"""One (kind, level) per item a block shows: level 0 whole, 1 in brief, 2 named (limits.py)."""
MORE = "+N more"
"""The kind of a line that says what was left out."""


@dataclass(frozen=True)
class Block:
    """Something with a known height that draws itself with its top-left corner at (x, top)."""

    height: float
    paint: Painter
    shown: Shown = ()
    """What the block shows, to compare two layouts (``limits.hides_nothing``)."""


def tagged(block: Block, kind: str, count: int = 1, level: int = 0) -> Block:
    """``block`` marked as showing ``count`` items of ``kind`` at ``level`` (0 whole)."""
    return replace(block, shown=block.shown + ((kind, level),) * count)


def paragraph_block(paragraph: Paragraph, height: float) -> Block:
    """A measured Paragraph as a Block ``height`` points tall."""
    return Block(height, lambda canvas, x, top: paragraph.drawOn(canvas, x, top - height))


def stack(blocks: Sequence[Block], gap: float = 0.0) -> Block:
    """Blocks one below the other, ``gap`` points apart."""
    height = sum(block.height for block in blocks) + gap * max(len(blocks) - 1, 0)

    def paint(canvas: Canvas, x: float, top: float) -> None:
        for block in blocks:
            block.paint(canvas, x, top)
            top -= block.height + gap

    return Block(height, paint, tuple(tag for block in blocks for tag in block.shown))


def beside(cells: Sequence[tuple[float, Block]]) -> Block:
    """Blocks side by side, each at its x offset; as tall as the tallest."""

    def paint(canvas: Canvas, x: float, top: float) -> None:
        for offset, block in cells:
            block.paint(canvas, x + offset, top)

    height = max((block.height for _, block in cells), default=0.0)
    return Block(height, paint, tuple(tag for _, block in cells for tag in block.shown))


def rule(width: float, weight: float = 0.8, space: float = 3.0) -> Block:
    """A horizontal line ``weight`` points thick, centred in ``space`` points."""

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(weight)
        canvas.line(x, top - space / 2, x + width, top - space / 2)

    return Block(space, paint)


def heading_block(text: Text, title: str, width: float) -> Block:
    """A section heading: a rule, then ``title`` in bold on one line."""
    paragraph, height = text.paragraph("", title, HEADING, width, 1)
    return stack([rule(width, 0.8, 2.5), paragraph_block(paragraph, height)])


def fit_items(blocks: Iterator[Block], budget: float) -> tuple[list[Block], float]:
    """Take blocks while they fit in ``budget``; return them and the height used."""
    taken: list[Block] = []
    used = 0.0
    for block in blocks:
        if used + block.height > budget:
            break
        taken.append(block)
        used += block.height
    return taken, used


def more_line(text: Text, count: int, noun: str, width: float) -> Block:
    """The line that says what was left out: '+12 more questions — see the app'."""
    if count == 1 and noun.endswith("s"):
        noun = noun[:-1]  # '+1 more question', '+1 more chart note'
    line = text.paragraph("", f"+{count} more {noun} — see the app", SMALL, width, 1)
    return tagged(paragraph_block(*line), MORE)


def cut_list(text: Text, items: Sequence[tuple[Paragraph, float]], total: int, budget: float,
              *, noun: str, width: float) -> Block:  # fmt: skip
    """Items while they fit; when some do not, the last line says how many were left out.

    ``items`` may be only the first of ``total`` items (measuring stops once past the budget).
    """
    blocks = [tagged(paragraph_block(paragraph, height + 2), noun) for paragraph, height in items]
    if len(blocks) == total and sum(block.height for block in blocks) <= budget:
        return stack(blocks)
    taken, _ = fit_items(iter(blocks), budget - SMALL.leading - 1)
    return stack([*taken, more_line(text, total - len(taken), noun, width)])

"""The safety block: PHQ-9 item 9 on a black band, then earlier adverse effects per drug class.

Drawn first after the header and never cut (SPEC *The page*: safety has the highest priority).
Each line is clamped to a few lines of text, so the block's height stays bounded.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.content import PageContent
from tnprep.report.pdf.blocks import Block, heading_block, paragraph_block, stack
from tnprep.report.pdf.text import ALERT, BODY, Text, bold_style

SAFETY_LINES = 4
"""Most lines one class's safety note may take (it names every course, so it is kept short)."""


def alert_block(text: Text, message: str, width: float) -> Block:
    """PHQ-9 item 9: white bold text on a black band, unmistakable in black and white."""
    return band_block(text, message, ALERT, width, Band(lines=4, side=6, edge=4))


@dataclass(frozen=True)
class Band:
    """A black band: its most lines and padding in pt (side: left, right; edge: top, bottom)."""

    lines: int
    side: float
    edge: float


def band_block(text: Text, message: str, style: ParagraphStyle, width: float, band: Band) -> Block:
    """'⚠ message' in ``style`` (white bold) on a black band ``width`` wide."""
    paragraph, height = text.paragraph("⚠", message, style, width - 2 * band.side, band.lines)
    total = height + 2 * band.edge

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setFillColor(colors.black)
        canvas.rect(x, top - total, width, total, stroke=0, fill=1)
        paragraph.drawOn(canvas, x + band.side, top - band.edge - height)
        canvas.setFillColor(colors.black)

    return Block(total, paint)


def safety_block(text: Text, content: PageContent, width: float) -> Block | None:
    """The block, or ``None`` when there is no safety item to show."""
    safety = content.safety
    if safety.empty:
        return None
    blocks = [heading_block(text, "Safety", width)]
    if safety.alert:
        blocks.append(alert_block(text, safety.alert, width))
    for line in safety.lines:
        paragraph = text.paragraph("⚠", line, bold_style(BODY), width, SAFETY_LINES)
        blocks.append(paragraph_block(*paragraph))
    return stack(blocks, 2.0)

"""Fixed sections: header, at a glance, chart row, attack pattern and footer.

Each paragraph is clamped to a few lines, so these sections have a known, bounded height.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.content import PageContent
from tnprep.report.pdf.blocks import (
    Block,
    beside,
    heading_block,
    paragraph_block,
    rule,
    stack,
)
from tnprep.report.pdf.safety import Band, alert_block, band_block
from tnprep.report.pdf.text import (
    ALERT,
    BODY,
    NAME,
    REPLACEMENT,
    SMALL,
    VALUE,
    Text,
    bold_style,
)
from tnprep.report.sections import Field, Figure
from tnprep.report.wording import plural


def _field_block(text: Text, field: Field, style: ParagraphStyle, width: float,
                 max_lines: int = 2) -> Block:  # fmt: skip
    return paragraph_block(*text.paragraph(f"{field.label}:", field.value, style, width, max_lines))


def _grid(blocks: Sequence[Block], columns: int, width: float, gap: float = 8.0) -> Block:
    """Lay blocks out left to right in ``columns`` equal columns, row by row."""
    column = (width + gap) / columns
    rows = [blocks[index : index + columns] for index in range(0, len(blocks), columns)]
    return stack(
        [beside([(index * column, block) for index, block in enumerate(row)]) for row in rows], 2.0
    )


def header_block(text: Text, content: PageContent, width: float) -> Block:
    """The page title, the patient's name, the period and the header fields."""
    header = content.header
    title = paragraph_block(*text.paragraph("", content.title, SMALL, width, 1))
    if header.sample:  # beside the title: unmistakable, and it takes almost no height
        title = beside([
            (0.0, paragraph_block(*text.paragraph("", content.title, SMALL, width * 0.42, 1))),
            (width * 0.44, _mark_block(text, header.sample, width * 0.56)),
        ])  # fmt: skip
    name = paragraph_block(*text.paragraph("", header.name, NAME, width * 0.55, 2))
    period = stack([_field_block(text, field, BODY, width * 0.42, 1) for field in header.period])
    top = beside([(0.0, name), (width * 0.58, period)])
    fields = _header_fields(text, header.fields, width)
    warning = [alert_block(text, header.left_out, width)] if header.left_out else []
    return stack([title, *warning, top, rule(width, 0.4, 4), fields], 2.0)


MARK = ParagraphStyle("mark", parent=ALERT, fontSize=8.5, leading=10)
"""The sample mark: white bold on black, one line beside the title."""


def _mark_block(text: Text, message: str, width: float) -> Block:
    """'⚠ SAMPLE — invented patient, …' as white bold text on a black band, one line."""
    return band_block(text, message, MARK, width, Band(lines=1, side=4, edge=1.5))


def _header_fields(text: Text, fields: Sequence[Field], width: float) -> Block:
    """The header fields: born, visit, clinician and side in a row of four.

    Below them the diagnosis (two cells wide, so a diagnosis as written rarely needs a second
    line) and the onset.
    """
    if len(fields) != 6:
        column = (width - 16) / 3
        return _grid([_field_block(text, field, BODY, column) for field in fields], 3, width)
    born, visit, clinician, diagnosis, onset, sides = fields
    step = (width + 8) / 4
    top = [_field_block(text, f, BODY, step - 8) for f in (born, visit, clinician, sides)]
    bottom = beside([
        (0.0, _field_block(text, diagnosis, BODY, 2 * step - 8)),
        (2 * step, _field_block(text, onset, BODY, step - 8)),
    ])  # fmt: skip
    return stack([beside([(i * step, block) for i, block in enumerate(top)]), bottom], 2.0)


def _tile(text: Text, figure: Figure, width: float) -> Block:
    inner = width - 6
    parts = [
        paragraph_block(*text.paragraph("", figure.value, VALUE, inner, 1)),
        paragraph_block(*text.paragraph("", figure.label, bold_style(SMALL), inner, 2)),
    ]
    if figure.detail:
        parts.append(paragraph_block(*text.paragraph("", figure.detail, SMALL, inner, 2)))
    body = stack(parts)

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(1.2)
        canvas.line(x, top, x, top - body.height)
        body.paint(canvas, x + 5, top)

    return Block(body.height, paint)


def glance_block(text: Text, content: PageContent, width: float) -> Block:
    """Six diary figures; below them the scores (item 9 is in the safety block above).

    The BNI tile is twice as wide: it carries the scores' descriptors.
    """
    glance = content.glance
    tile = width / len(glance.figures)
    figures = beside([(i * tile, _tile(text, f, tile)) for i, f in enumerate(glance.figures)])
    scores = [(i * tile, _tile(text, f, tile)) for i, f in enumerate(glance.scores[:-1])]
    if glance.scores:
        offset = tile * (len(glance.scores) - 1)
        scores.append((offset, _tile(text, glance.scores[-1], width - offset)))
    rows = [heading_block(text, "At a glance", width), figures]
    if glance.names is not None:  # what the attack count holds, by name (docs/page.md)
        rows.append(paragraph_block(*text.paragraph("", glance.names, SMALL, width, 2)))
    return stack([*rows, beside(scores)], 3.0)


def footer_block(text: Text, content: PageContent, width: float, missing: int) -> Block:
    """Disclaimer, page number, data quality and how many characters print as U+FFFD."""
    footer = content.footer
    disclaimer = paragraph_block(
        *text.paragraph("", footer.disclaimer, bold_style(BODY), width * 0.6, 1)
    )
    page = paragraph_block(*text.paragraph("", footer.page, BODY, width * 0.38, 1))
    quality = footer.quality
    if footer.assumptions:
        quality += " Assumptions: " + "; ".join(footer.assumptions)
    lines = [
        rule(width, 0.8, 4),
        beside([(0.0, disclaimer), (width * 0.62, page)]),
        paragraph_block(*text.paragraph("", quality, SMALL, width, 3)),
    ]
    if missing:
        note = (
            f"{plural(missing, 'character')} in the entries cannot be shown in the page font and "
            f"{'prints' if missing == 1 else 'print'} as {REPLACEMENT}; the app shows them."
        )
        lines.append(paragraph_block(*text.paragraph("", note, SMALL, width, 1)))
    return stack(lines)  # fmt: skip

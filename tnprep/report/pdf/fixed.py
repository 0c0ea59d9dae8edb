"""Fixed sections: header, at a glance, chart row, attack pattern and footer.

Each paragraph is clamped to a few lines, so these sections have a known, bounded height.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.lib.styles import ParagraphStyle
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
    rule,
    stack,
)
from tnprep.report.pdf.chart import CHART_HEIGHT, chart_drawing
from tnprep.report.pdf.safety import alert_block
from tnprep.report.pdf.text import (
    BODY,
    NAME,
    REPLACEMENT,
    SMALL,
    TABLE,
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
    name = paragraph_block(*text.paragraph("", header.name, NAME, width * 0.55, 2))
    period = stack([_field_block(text, field, BODY, width * 0.42, 1) for field in header.period])
    top = beside([(0.0, name), (width * 0.58, period)])
    column = (width - 16) / 3
    fields = _grid([_field_block(text, field, BODY, column) for field in header.fields], 3, width)
    warning = [alert_block(text, header.left_out, width)] if header.left_out else []
    return stack([title, *warning, top, rule(width, 0.4, 4), fields], 2.0)


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
    return stack([heading_block(text, "At a glance", width), figures, beside(scores)], 4.0)


def pattern_block(text: Text, content: PageContent, width: float, budget: float) -> Block:
    """Two columns filled like a newspaper (left, then right), so the cut keeps priority order."""
    heading = heading_block(text, "Attack pattern (as recorded)", width)
    column = (width - 12) / 2
    fields = [_field_block(text, field, BODY, column) for field in content.pattern.fields]
    room = budget - heading.height
    left, _ = fit_items(iter(fields), room)
    right, _ = fit_items(iter(fields[len(left) :]), room)
    left_out = len(fields) - len(left) - len(right)
    if left_out:
        right, _ = fit_items(iter(fields[len(left) :]), room - SMALL.leading)
        more = more_line(text, len(fields) - len(left) - len(right), "answers", column)
        right = [*right, more]
    return stack([heading, beside([(0.0, stack(left)), (column + 12, stack(right))])])


def footer_block(text: Text, content: PageContent, width: float, missing: int) -> Block:
    """Disclaimer, page number, data quality and how many characters print as U+FFFD."""
    footer = content.footer
    disclaimer = paragraph_block(
        *text.paragraph("", footer.disclaimer, bold_style(BODY), width * 0.8, 1)
    )
    page = paragraph_block(*text.paragraph("", footer.page, BODY, width * 0.18, 1))
    quality = footer.quality
    if footer.assumptions:
        quality += " Assumptions: " + "; ".join(footer.assumptions)
    lines = [
        rule(width, 0.8, 4),
        beside([(0.0, disclaimer), (width * 0.82, page)]),
        paragraph_block(*text.paragraph("", quality, SMALL, width, 3)),
    ]
    if missing:
        note = (
            f"{plural(missing, 'character')} in the entries cannot be shown in the page font and "
            f"{'prints' if missing == 1 else 'print'} as {REPLACEMENT}; the app shows them."
        )
        lines.append(paragraph_block(*text.paragraph("", note, SMALL, width, 1)))
    return stack(lines)  # fmt: skip


def chart_row_block(text: Text, content: PageContent, width: float) -> Block:
    """The chart on the left; its key numbers in words and its legend on the right."""
    chart = content.chart
    chart_width = width * 0.64
    drawing = chart_drawing(text, chart, chart_width)
    left = Block(CHART_HEIGHT, lambda c, x, top: renderPDF.draw(drawing, c, x, top - CHART_HEIGHT))
    words_width = width - chart_width - 12
    legend = paragraph_block(*text.paragraph("", chart.caption, SMALL, words_width, 4))
    notes = [text.paragraph("", note, TABLE, words_width, 3) for note in chart.words[:40]]
    room = CHART_HEIGHT - legend.height - 4
    words = cut_list(text, notes, len(chart.words), room, noun="chart notes", width=words_width)
    right = stack([words, Block(4, lambda c, x, t: None), legend])
    heading = heading_block(text, "Attacks per day and worst pain", width)
    return stack([heading, beside([(0.0, left), (chart_width + 12, right)])])

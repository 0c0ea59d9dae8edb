"""The treatments table, the compact 'Also tried' line and the before/after sentences."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from tnprep.report.content import PageContent
from tnprep.report.pdf.blocks import (
    Block,
    beside,
    fit_items,
    heading_block,
    more_line,
    paragraph_block,
    stack,
)
from tnprep.report.pdf.text import BODY, SMALL, TABLE, Text, bold_style
from tnprep.report.sections import TreatmentRow

_COLUMNS = (
    ("Treatment", 0.17), ("Category", 0.11), ("Dates", 0.15),
    ("Dose: mg/day (as written)", 0.2), ("Response", 0.1), ("Stopped because; side effects", 0.27),
)  # fmt: skip
"""Treatment table columns and their share of the width."""


def _table_row(text: Text, cells: Sequence[str], width: float, *, bold_first: bool,
               header: bool = False) -> Block:  # fmt: skip
    placed: list[tuple[float, Block]] = []
    offset = 0.0
    for index, (cell, (_, share)) in enumerate(zip(cells, _COLUMNS, strict=True)):
        style = bold_style(TABLE) if header or (index == 0 and bold_first) else TABLE
        placed.append(
            (offset, paragraph_block(*text.paragraph("", cell, style, share * width - 5, 3)))
        )
        offset += share * width
    cells_block = beside(placed)

    def paint(canvas: Canvas, x: float, top: float) -> None:
        cells_block.paint(canvas, x, top - 1.5)
        canvas.setLineWidth(0.8 if header else 0.3)
        canvas.line(x, top - cells_block.height - 3, x + width, top - cells_block.height - 3)

    return Block(cells_block.height + 4, paint)


def _treatment_cells(row: TreatmentRow) -> tuple[str, ...]:
    name = f"{row.name} (current)" if row.current else row.name
    return (name, row.category, row.dates, row.dose, row.response, row.stopped)


ALSO_TRIED_LINES = 5
"""Lines of the compact 'Also tried' paragraph for treatments the table has no room for."""


def treatments_block(text: Text, content: PageContent, width: float, budget: float) -> Block:
    """The treatments table cut to ``budget``; rows that do not fit are listed compactly."""
    treatments = content.treatments
    heading = heading_block(text, "Treatments tried (current first, then most recent)", width)
    extras = _treatment_extras(text, content, width)
    if not treatments.rows:
        empty = paragraph_block(*text.paragraph("", "No treatments listed.", BODY, width, 1))
        return stack([heading, empty, extras])
    titles = [title for title, _ in _COLUMNS]
    header = _table_row(text, titles, width, bold_first=True, header=True)
    room = budget - heading.height - header.height - extras.height
    rows = [_table_row(text, _treatment_cells(row), width, bold_first=row.current)
            for row in treatments.rows]  # fmt: skip
    if sum(block.height for block in rows) <= room:
        return stack([heading, header, *rows, extras])
    # The whole history matters to a neurologist: rows that do not fit the table are listed
    # compactly; only what does not fit there either is counted as '+N more'.
    reserve = ALSO_TRIED_LINES * TABLE.leading + SMALL.leading + 4
    taken, used = fit_items(iter(rows[:-1]), max(room - reserve, rows[0].height))
    rest = treatments.rows[len(taken) :]
    # On a crowded page (the safety block above, Letter paper) the compact line shrinks so the
    # block keeps to its budget and the questions below keep their first line.
    spare = room - used - SMALL.leading - 4
    lines = max(1, min(ALSO_TRIED_LINES, int(spare // TABLE.leading)))
    also, shown = _also_tried(text, [row.brief for row in rest], width, lines)
    blocks = [heading, header, *taken, also]
    if shown < len(rest):
        blocks.append(more_line(text, len(rest) - shown, "treatments", width))
    return stack([*blocks, extras])


def _also_tried(
    text: Text, briefs: Sequence[str], width: float, lines: int = ALSO_TRIED_LINES
) -> tuple[Block, int]:
    """'Also tried: A (…) · B (…)': as many whole entries as fit in ``lines`` lines."""
    limit = lines * TABLE.leading + 0.5

    def paragraph(count: int) -> tuple[Paragraph, float]:
        return text.paragraph("Also tried:", " · ".join(briefs[:count]), TABLE, width, 99)

    low, high = 1, len(briefs)  # the first entry always shows (cut with '…' when very long)
    while low < high:
        middle = (low + high + 1) // 2
        if paragraph(middle)[1] <= limit:
            low = middle
        else:
            high = middle - 1
    if paragraph(low)[1] <= limit:
        return paragraph_block(*paragraph(low)), low
    first = text.paragraph("Also tried:", briefs[0], TABLE, width, lines)
    return paragraph_block(*first), 1


BEFORE_AFTER_SHOWN = 3
"""Before/after sentences printed at most; the rest are counted."""


def _treatment_extras(text: Text, content: PageContent, width: float) -> Block:
    treatments = content.treatments
    lines = [("", sentence) for sentence in treatments.before_after[:BEFORE_AFTER_SHOWN]]
    hidden = len(treatments.before_after) - BEFORE_AFTER_SHOWN
    if hidden > 0:
        lines.append(("", f"+{hidden} more before/after comparisons — see the app"))
    if treatments.not_yet:
        lines.append(("", treatments.not_yet))
    paragraphs = [text.paragraph(label, value, TABLE, width, 2) for label, value in lines]
    return stack([Block(2.0, lambda c, x, t: None)] + [paragraph_block(*p) for p in paragraphs])

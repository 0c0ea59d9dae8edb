"""More of the record: fields drawn under everything else, only in room the page left unused.

The page is fitted first, exactly as without them; then as many of ``PageContent.detail``'s
fields as fit whole in the room left (each up to ``limits.ROOMY_LINES`` lines) are drawn under a
heading. They restate figures at a finer grain, so a field with no room is simply not drawn: the
page's own sections already state it in brief, and the summary JSON holds its figures.
"""

from __future__ import annotations

from tnprep.report.content import PageContent
from tnprep.report.detail_section import TITLE
from tnprep.report.pdf.blocks import Block, heading_block, paragraph_block, stack, tagged
from tnprep.report.pdf.limits import ROOMY_LINES
from tnprep.report.pdf.text import TABLE, Text

DETAIL = "detail"
"""The kind of a detail field (``limits.hides_nothing``)."""


def detail_block(text: Text, content: PageContent, width: float, room: float) -> Block | None:
    """The heading and the leading detail fields that fit ``room`` whole; ``None`` when none do."""
    if not content.detail:
        return None
    heading = heading_block(text, TITLE, width)
    used = heading.height
    shown: list[Block] = []
    for field in content.detail:
        paragraph, height = text.paragraph(f"{field.label}:", field.value, TABLE, width, 99)
        if height > ROOMY_LINES * TABLE.leading + 0.5 or used + height > room:
            break
        shown.append(tagged(paragraph_block(paragraph, height), DETAIL))
        used += height
    return stack([heading, *shown]) if shown else None

"""Flexible sections: treatments, questions and discussion points share what room is left.

Items are measured one by one and cut to their budget; the last line says how many were left
out ("+12 more questions — see the app").
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from tnprep.report.content import Listing, PageContent
from tnprep.report.pdf.blocks import (
    GAP,
    Block,
    beside,
    cut_list,
    heading_block,
    paragraph_block,
    stack,
)
from tnprep.report.pdf.text import BODY, SMALL, Text, bold_style
from tnprep.report.pdf.treatments import treatments_block


def _measured(text: Text, entries: Sequence[tuple[str, str, ParagraphStyle]], width: float,
              lines: int, budget: float) -> list[tuple[Paragraph, float]]:  # fmt: skip
    """Paragraphs for (label, value, style) entries, stopping once they pass ``budget``."""
    items: list[tuple[Paragraph, float]] = []
    used = 0.0
    for label, value, style in entries:
        if used > budget:
            break
        items.append(text.paragraph(label, value, style, width, lines))
        used += items[-1][1]
    return items


def _listing(text: Text, listing: Listing, width: float, budget: float, lines: int) -> Block:
    heading = heading_block(text, listing.title, width)
    if not listing.items:
        return stack([heading, paragraph_block(*text.paragraph("", listing.empty, BODY, width, 1))])
    entries = [(f"{index + 1}.", item, BODY) for index, item in enumerate(listing.items)]
    if listing.flagged_first:
        entries[0] = ("1. ⚠", listing.items[0], bold_style(BODY))
    room = budget - heading.height
    items = _measured(text, entries, width, lines, room)
    body = cut_list(text, items, len(entries), room, noun=listing.noun, width=width)
    return stack([heading, body])


def _minimum_listing(text: Text, listing: Listing, width: float, lines: int) -> float:
    """Height that always holds the heading, the first item and the '+N more' line."""
    heading = heading_block(text, listing.title, width).height
    if not listing.items:
        return heading + float(BODY.leading)
    first = text.paragraph("1.", listing.items[0], bold_style(BODY), width, lines)[1]
    return heading + first + 2 + float(SMALL.leading) + 1


QUESTION_LINES = 3
DISCUSSION_LINES = 4


def _bottom(text: Text, content: PageContent, width: float, budget: float) -> Block:
    column = (width - 14) / 2
    questions = _listing(text, content.questions, column, budget, QUESTION_LINES)
    discussion = _listing(text, content.discussion, column, budget, DISCUSSION_LINES)
    return beside([(0.0, questions), (column + 14, discussion)])


def flexible_blocks(text: Text, content: PageContent, width: float, room: float) -> list[Block]:
    """Share ``room`` between treatments and the questions/discussion row."""
    column = (width - 14) / 2
    bottom_minimum = max(
        _minimum_listing(text, content.questions, column, QUESTION_LINES),
        _minimum_listing(text, content.discussion, column, DISCUSSION_LINES),
    )
    # Measured against the whole room: anything cut here cannot fit in less room either.
    bottom_full = _bottom(text, content, width, room)
    treatments_full = treatments_block(text, content, width, room)
    if treatments_full.height + bottom_full.height + GAP <= room:
        return [treatments_full, bottom_full]
    # The ledger may take what the bottom row does not need, but at most 70 % when both overflow
    # (SPEC *The page*: the treatment ledger ranks above the patient's questions and the rest).
    bottom_share = max(bottom_minimum, min(bottom_full.height, room * 0.3),
                       room - GAP - treatments_full.height)  # fmt: skip
    treatments = treatments_block(text, content, width, room - GAP - bottom_share)
    bottom = _bottom(text, content, width, room - GAP - treatments.height)
    return [treatments, bottom]

"""Flexible sections: treatments, questions and discussion points share what room is left.

Items are measured one by one and cut to their budget; the last line says how many were left
out ("+12 more questions — see the app").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
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
from tnprep.report.pdf.limits import CLAMPED, Limits
from tnprep.report.pdf.text import BODY, HEADING, SMALL, TABLE, Text, bold_style
from tnprep.report.pdf.treatments import MeasuredLedger, measure_ledger


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


def _entries(listing: Listing, count: int | None = None) -> list[tuple[str, str, ParagraphStyle]]:
    """(number, item, style) for the first ``count`` items; a flagged first item in bold."""
    items = listing.items if count is None else listing.items[:count]
    entries = [(f"{index + 1}.", item, TABLE) for index, item in enumerate(items)]
    if listing.flagged_first and entries:
        entries[0] = ("1. ⚠", listing.items[0], bold_style(TABLE))
    return entries


def _listing(text: Text, listing: Listing, width: float, budget: float, lines: int) -> Block:
    heading = heading_block(text, listing.title, width)
    if not listing.items:
        return stack([heading, paragraph_block(*text.paragraph("", listing.empty, BODY, width, 1))])
    entries = _entries(listing)
    room = budget - heading.height
    items = _measured(text, entries, width, lines, room)
    body = cut_list(text, items, len(entries), room, noun=listing.noun, width=width)
    return stack([heading, body])


def _listing_height(text: Text, listing: Listing, width: float, lines: int, count: int) -> float:
    """Height that holds the heading, the first ``count`` items and, when cut, the '+N more' line.

    With ``count`` 1 this is the row's minimum: the first question (and the item 9 point) are
    always on the page.
    """
    heading = heading_block(text, listing.title, width).height
    if not listing.items:
        return heading + float(BODY.leading)
    shown = _entries(listing, count)
    height = sum(text.paragraph(number, item, style, width, lines)[1] + 2
                 for number, item, style in shown)  # fmt: skip
    more = float(SMALL.leading) + 1 if len(shown) < len(listing.items) else 0.0
    return heading + height + more


QUESTION_LINES = CLAMPED.question
"""Printed lines of each question in the first layout (``limits.ROOMY`` on a page with room)."""
DISCUSSION_LINES = CLAMPED.discussion
"""Printed lines of each discussion point in the first layout."""
QUESTIONS_WANTED = 3
"""The patient's first questions the page keeps before an add-on ledger line (sample: 3 of 5)."""
DISCUSSION_WANTED = 1
"""Discussion points kept before an add-on ledger line."""


COLUMN_GAP = 14.0
"""Space between the questions column and the discussion column."""
WIDER_SHARES = (0.55, 0.6, 0.65, 0.7)
"""Shares the taller column of the even split may take in turn (the other column: the rest)."""
SHARE_ITEMS = 12
"""Items of each list the share is chosen on (a longer list is cut on the page anyway)."""


def _columns(width: float, share: float) -> tuple[float, float]:
    """The questions column's and the discussion column's widths for ``share``."""
    inner = width - COLUMN_GAP
    return inner * share, inner * (1 - share)


def _bottom(text: Text, content: PageContent, width: float, budget: float,
            *, limits: Limits, share: float = 0.5) -> Block:  # fmt: skip
    left, right = _columns(width, share)
    questions = _listing(text, content.questions, left, budget, limits.question)
    discussion = _listing(text, content.discussion, right, budget, limits.discussion)
    return beside([(0.0, questions), (left + COLUMN_GAP, discussion)])


def _bottom_height(text: Text, content: PageContent, width: float, questions: int,
                   points: int, *, limits: Limits, share: float = 0.5) -> float:  # fmt: skip
    """Height of the questions/discussion row showing the first ``questions`` and ``points``."""
    left, right = _columns(width, share)
    return max(
        _listing_height(text, content.questions, left, limits.question, questions),
        _listing_height(text, content.discussion, right, limits.discussion, points),
    )


def _share(text: Text, content: PageContent, width: float, limits: Limits) -> float:
    """The questions column's share that makes the row shortest; the even split on a tie.

    The taller column of the even split is widened step by step (``WIDER_SHARES``) while that
    makes the row shorter: once it is no taller than the other column, a wider share can only
    make the other one taller. Measured with the first ``SHARE_ITEMS`` questions and points.
    """
    count = min(max(len(content.questions.items), len(content.discussion.items), 1), SHARE_ITEMS)

    def heights(share: float) -> tuple[float, float]:
        left, right = _columns(width, share)
        return (
            _listing_height(text, content.questions, left, limits.question, count),
            _listing_height(text, content.discussion, right, limits.discussion, count),
        )

    questions, points = heights(0.5)
    if abs(questions - points) <= 0.5:
        return 0.5
    widen = questions > points
    best, shortest = 0.5, max(questions, points)
    for wider in WIDER_SHARES:
        share = wider if widen else 1 - wider
        if not _headings_fit(content, width, share):
            break
        questions, points = heights(share)
        if max(questions, points) < shortest - 0.5:
            best, shortest = share, max(questions, points)
        if (questions <= points) if widen else (points <= questions):
            break
    return best


def _headings_fit(content: PageContent, width: float, share: float) -> bool:
    """Whether both headings fit their columns at ``share`` (one line, never cut).

    A narrow questions column printed "Patient's questions (their o…" — the words that say the
    list is in the patient's order (session 6 review).
    """
    titles = (content.questions.title, content.discussion.title)
    columns = zip(titles, _columns(width, share), strict=True)
    return all(
        stringWidth(title, HEADING.fontName, HEADING.fontSize) <= column
        for title, column in columns
    )


@dataclass(frozen=True)
class FlexibleNeeds:
    """What the flexible sections want, measured once, before the chart's height is chosen."""

    ledger: MeasuredLedger
    bottom_minimum: float
    """The first question and first discussion point, with their '+N more' lines."""
    bottom_wanted: float
    """The first QUESTIONS_WANTED questions and DISCUSSION_WANTED points."""
    bottom_whole: float
    limits: Limits = CLAMPED
    """The line limits all of these were measured with."""
    share: float = 0.5
    """The questions column's share of the row (``QUESTION_SHARES``)."""

    @property
    def wanted(self) -> float:
        """Room for the whole ledger and the wanted questions: the chart shrinks for this."""
        whole = self.ledger.height(len(self.ledger.lines)) + GAP + self.bottom_whole
        return min(whole, self.ledger.height(len(self.ledger.lines)) + GAP + self.bottom_wanted)


def flexible_needs(text: Text, content: PageContent, width: float,
                   limits: Limits = CLAMPED) -> FlexibleNeeds:  # fmt: skip
    """Measure the ledger and the questions/discussion row once, with ``limits``' lines."""
    everything = max(len(content.questions.items), len(content.discussion.items), 1)
    wanted = (QUESTIONS_WANTED, DISCUSSION_WANTED)
    share = _share(text, content, width, limits)
    return FlexibleNeeds(
        ledger=measure_ledger(text, content, width, limits),
        bottom_minimum=_bottom_height(text, content, width, 1, 1, limits=limits, share=share),
        bottom_wanted=_bottom_height(text, content, width, *wanted, limits=limits, share=share),
        bottom_whole=_bottom_height(text, content, width, everything, everything,
                                    limits=limits, share=share)
        if everything <= 40 else float("inf"),
        limits=limits,
        share=share,
    )  # fmt: skip


def flexible_blocks(text: Text, content: PageContent, width: float, room: float,
                    needs: FlexibleNeeds | None = None) -> list[Block]:  # fmt: skip
    """Share ``room`` between the ledger and the questions/discussion row, by SPEC priority.

    First the ledger's current, first-line and procedure lines, then the first three questions
    and the first discussion point, then the add-on lines, then the remaining questions. The
    row always keeps its first question and first point.
    """
    needs = needs or flexible_needs(text, content, width)
    ledger = needs.ledger
    first_look = ledger.height(ledger.first_look)
    most = room - GAP - needs.bottom_minimum
    budget = min(max(first_look, room - GAP - needs.bottom_wanted), most)
    treatments = ledger.block(max(budget, 0.0))
    bottom = _bottom(text, content, width, room - GAP - treatments.height,
                     limits=needs.limits, share=needs.share)  # fmt: skip
    return [treatments, bottom]

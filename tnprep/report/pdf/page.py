"""The page: ``render_pdf`` draws every section on exactly one canvas page."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.content import PageContent, Paper
from tnprep.report.pdf.blocks import GAP, Block, stack
from tnprep.report.pdf.chart import CHART_HEIGHT, CHART_MIN_HEIGHT
from tnprep.report.pdf.chart_row import MeasuredPattern, chart_pattern_block, measure_pattern
from tnprep.report.pdf.detail import detail_block
from tnprep.report.pdf.fixed import footer_block, glance_block, header_block
from tnprep.report.pdf.flexible import flexible_blocks, flexible_needs
from tnprep.report.pdf.limits import CLAMPED, ROOMY, Limits, hides_nothing
from tnprep.report.pdf.measure import MeasuringText
from tnprep.report.pdf.safety import safety_block
from tnprep.report.pdf.since import since_block
from tnprep.report.pdf.text import FONT, TABLE, Text, covered_code_points

MARGIN = 26.0
"""Page margin on every side, in points."""
SUBJECT = "Patient-reported trigeminal neuralgia diary summary for a clinic visit"
"""The PDF's subject metadata."""
SPARE_ROOM = 2 * TABLE.leading
"""Room the first layout must leave unused before the page is laid out again with ``ROOMY``."""
GROW_FROM = 3 * TABLE.leading
"""Room a laid-out page (with more of the record) must leave before its chart is made taller."""
CHART_TALLEST = 2 * CHART_HEIGHT
"""The chart's height at most, on a page with room (a long diary's bars get the height)."""


def render_pdf(content: PageContent, *, include_name_in_metadata: bool = False) -> bytes:
    """Return the one-page PDF for ``content``.

    Args:
        content: The page's plain-text content (``tnprep.report.content.build_content``).
        include_name_in_metadata: Put the patient's name in the PDF title; off by default so
            file listings and search indexes do not show it.

    Returns:
        The PDF bytes, identical for identical content (ReportLab ``invariant=1``).
    """
    text = MeasuringText()  # each paragraph wrapped once, however many layouts are tried
    page_width, page_height = A4 if content.paper is Paper.A4 else LETTER
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(page_width, page_height), invariant=1,
                    initialFontName=FONT, lang="en")  # fmt: skip
    title = content.title
    if include_name_in_metadata and content.patient_name:
        title = f"{title} — {text.plain(content.patient_name)}"
    canvas.setTitle(title)
    canvas.setSubject(SUBJECT)
    canvas.setCreator("tnprep")
    canvas.setAuthor("tnprep")
    width = page_width - 2 * MARGIN
    missing = _missing_characters(content)
    footer = footer_block(text, content, width, len(missing))
    available = page_height - 2 * MARGIN - footer.height - 2 * GAP
    _grown(text, content, width, available).paint(canvas, MARGIN, page_height - MARGIN)
    footer.paint(canvas, MARGIN, MARGIN + footer.height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _grown(text: MeasuringText, content: PageContent, width: float, available: float) -> Block:
    """The laid-out page with more of the record; on a page still with room, a taller chart.

    When the page leaves ``GROW_FROM`` unused, it is laid out once more with the chart up to
    that much taller (at most ``CHART_TALLEST``), kept only when it fits and hides nothing.
    """
    page = _with_detail(text, content, width, available, _laid_out(text, content, width, available))
    spare = available - page.height
    if spare < GROW_FROM or not content.chart.bins:
        return page
    tallest = min(CHART_HEIGHT + spare, CHART_TALLEST)
    laid = _laid_out(text, content, width, available, tallest=tallest)
    grown = _with_detail(text, content, width, available, laid)
    if grown.height <= available and hides_nothing(page, grown):
        return grown
    return page


def _laid_out(text: MeasuringText, content: PageContent, width: float,
              available: float, *, tallest: float = CHART_HEIGHT) -> Block:  # fmt: skip
    """Everything above the footer: the clamped layout, or the roomy one when it shows more.

    A first layout that cut a paragraph and leaves SPARE_ROOM unused is laid out again with
    ``ROOMY`` line limits (a clamped paragraph as many lines as it needs, up to
    ``limits.ROOMY_LINES``); that layout is kept only when it fits the same room and hides
    nothing the first one printed.
    """
    first = _layout(text, content, width, available, CLAMPED, tallest=tallest)
    if available - first.height < SPARE_ROOM or not text.cut:
        return first
    roomy = _layout(text, content, width, available, ROOMY, tallest=tallest)
    if roomy.height <= available and hides_nothing(first, roomy):
        return roomy
    return first


def _with_detail(text: Text, content: PageContent, width: float, available: float,
                 laid_out: Block) -> Block:  # fmt: skip
    """``laid_out`` and, under it, the detail fields that fit the room it leaves (pdf/detail.py)."""
    detail = detail_block(text, content, width, available - laid_out.height - GAP)
    return laid_out if detail is None else stack([laid_out, detail], GAP)


def _layout(text: Text, content: PageContent, width: float, available: float,
            limits: Limits, *, tallest: float = CHART_HEIGHT) -> Block:  # fmt: skip
    """The sections above the footer with ``limits``' line limits, fitted to ``available``.

    ``tallest``: the chart's height when nothing asks it to shrink.
    """
    needs = flexible_needs(text, content, width, limits)
    top, room = _top(text, content, width, available, needs.wanted, limits=limits,
                     tallest=tallest)  # fmt: skip
    return stack([top, *flexible_blocks(text, content, width, room, needs)], GAP)


def _top(text: Text, content: PageContent, width: float, available: float,
         wanted: float, *, limits: Limits,
         tallest: float = CHART_HEIGHT) -> tuple[Block, float]:  # fmt: skip
    """Every section above the ledger, and the room left under it (after the gap between).

    When the ledger and the first questions do not fit, the attack pattern first gives up its
    lowest-ranked answers (daily life, other answers: "the rest" in SPEC's order, named on its
    '+N more answers' line), then that line counts them without names, then the chart shrinks
    towards CHART_MIN_HEIGHT; only then are ledger lines or questions cut (docs/page.md).
    """
    fixed = stack(_fixed_blocks(text, content, width), GAP)
    pattern = measure_pattern(text, content, width, limits)
    most = limits.pattern_most

    def measured(chart_height: float, pattern_budget: float,
                 shown: MeasuredPattern = pattern) -> tuple[Block, float]:  # fmt: skip
        row = chart_pattern_block(
            text, content, width, shown, chart_height=chart_height, pattern_budget=pattern_budget
        )
        top = stack([fixed, row], GAP)
        return top, available - top.height - GAP  # the gap between it and the ledger

    top, room = measured(tallest, most)
    if wanted <= room:
        return top, room
    top, room = measured(tallest, pattern.core_budget(most))
    if wanted <= room:
        return top, room
    # the answers left out are then counted, no longer named (one line, not two)
    counted = pattern.counted()
    core = counted.core_budget(most)
    top, room = measured(tallest, core, shown=counted)
    if wanted <= room:
        return top, room
    return measured(max(tallest - (wanted - room), CHART_MIN_HEIGHT), core, shown=counted)


def _fixed_blocks(text: Text, content: PageContent, width: float) -> list[Block]:
    safety = safety_block(text, content, width)
    strip = since_block(text, content.since, width)
    return [
        header_block(text, content, width),
        *([safety] if safety is not None else []),
        glance_block(text, content, width),
        # what changed since the last visit comes right after safety and the glance (SPEC)
        *([strip] if strip is not None else []),
    ]


def _missing_characters(content: PageContent) -> set[str]:
    """Characters anywhere in the content that the page font cannot draw."""
    covered = covered_code_points()
    return {
        character
        for value in _strings(content)
        for character in value
        if character not in "\t\n\r\v\f"
        and (ord(character) not in covered or unicodedata.category(character) == "Cc")
    }


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings(getattr(value, name))

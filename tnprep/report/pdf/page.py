"""The page: ``render_pdf`` draws every section on exactly one canvas page."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterator

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

from tnprep.report.content import PageContent, Paper
from tnprep.report.pdf.blocks import GAP, Block, stack
from tnprep.report.pdf.fixed import (
    chart_row_block,
    footer_block,
    glance_block,
    header_block,
    pattern_block,
)
from tnprep.report.pdf.flexible import flexible_blocks
from tnprep.report.pdf.safety import safety_block
from tnprep.report.pdf.since import since_block
from tnprep.report.pdf.text import FONT, Text, covered_code_points

MARGIN = 26.0
"""Page margin on every side, in points."""
SUBJECT = "Patient-reported trigeminal neuralgia diary summary for a clinic visit"
"""The PDF's subject metadata."""
PATTERN_BUDGET = 84.0
"""Most the attack pattern may take; further answers are counted, not printed."""


def render_pdf(content: PageContent, *, include_name_in_metadata: bool = False) -> bytes:
    """Return the one-page PDF for ``content``.

    Args:
        content: The page's plain-text content (``tnprep.report.content.build_content``).
        include_name_in_metadata: Put the patient's name in the PDF title; off by default so
            file listings and search indexes do not show it.

    Returns:
        The PDF bytes, identical for identical content (ReportLab ``invariant=1``).
    """
    text = Text()
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
    top = stack(_fixed_blocks(text, content, width), GAP)
    room = page_height - 2 * MARGIN - footer.height - top.height - 2 * GAP
    stack([top, *flexible_blocks(text, content, width, room)], GAP).paint(
        canvas, MARGIN, page_height - MARGIN
    )
    footer.paint(canvas, MARGIN, MARGIN + footer.height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fixed_blocks(text: Text, content: PageContent, width: float) -> list[Block]:
    safety = safety_block(text, content, width)
    strip = since_block(text, content.since, width)
    return [
        header_block(text, content, width),
        *([safety] if safety is not None else []),
        glance_block(text, content, width),
        # what changed since the last visit comes right after safety and the glance (SPEC)
        *([strip] if strip is not None else []),
        chart_row_block(text, content, width),
        pattern_block(text, content, width, PATTERN_BUDGET),
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

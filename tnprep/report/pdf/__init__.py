"""PageContent → PDF bytes on exactly one canvas page: the only package that imports ReportLab.

The page is drawn on one ``Canvas`` page with ``Paragraph.wrapOn/drawOn`` and
``reportlab.graphics`` shapes, so a second page cannot exist. Fixed sections (header, at a
glance, chart, attack pattern, footer) clamp every paragraph to a few lines; the flexible ones
(treatments, questions, discussion points) are measured item by item and cut to their
budget, printing what was left out ("+12 more questions — see the app"). No style is below
``MIN_FONT_SIZE``. User text is escaped before it reaches Paragraph markup, and a character
the embedded DejaVu Sans lacks is printed as U+FFFD and counted in the footer.
See docs/page.md for the layout and budgets.

Modules:
    text: fonts, paragraph styles and ``Text`` (escaping, clamped paragraphs).
    measure: ``MeasuringText``: each clamped paragraph wrapped once per page and width.
    blocks: ``Block`` and how blocks stack, sit side by side, fit and are cut.
    chart: the attacks and pain chart as a ``reportlab.graphics`` Drawing.
    fixed: header, at a glance and footer.
    chart_row: the chart and the attack pattern side by side.
    treatments: the treatment ledger and what does not fit in it.
    flexible: treatments, questions and discussion points sharing the room left.
    page: ``render_pdf``.
"""

from tnprep.report.pdf.blocks import GAP, Block, Painter
from tnprep.report.pdf.chart import CHART_HEIGHT, CHART_MIN_HEIGHT, GREY_BAR, GREY_GAP
from tnprep.report.pdf.chart_row import PATTERN_MOST
from tnprep.report.pdf.flexible import DISCUSSION_LINES, QUESTION_LINES
from tnprep.report.pdf.page import MARGIN, SUBJECT, render_pdf
from tnprep.report.pdf.text import (
    ALERT,
    BODY,
    BOLD,
    FONT,
    FONTS_DIR,
    HEADING,
    MIN_FONT_SIZE,
    NAME,
    REPLACEMENT,
    SMALL,
    TABLE,
    VALUE,
)
from tnprep.report.pdf.treatments import ALSO_TRIED_LINES, BEFORE_AFTER_SHOWN

__all__ = [
    "ALERT",
    "ALSO_TRIED_LINES",
    "BEFORE_AFTER_SHOWN",
    "BODY",
    "BOLD",
    "CHART_HEIGHT",
    "CHART_MIN_HEIGHT",
    "DISCUSSION_LINES",
    "FONT",
    "FONTS_DIR",
    "GAP",
    "GREY_BAR",
    "GREY_GAP",
    "HEADING",
    "MARGIN",
    "MIN_FONT_SIZE",
    "NAME",
    "PATTERN_MOST",
    "QUESTION_LINES",
    "REPLACEMENT",
    "SMALL",
    "SUBJECT",
    "TABLE",
    "VALUE",
    "Block",
    "Painter",
    "render_pdf",
]

"""Fonts, paragraph styles and ``Text``: plain user text → safe Paragraph markup.

Every character prints as typed: '<', '&' and '>' are escaped, whitespace controls become
spaces, and a character the embedded DejaVu Sans lacks is printed as U+FFFD and remembered so
the footer can count it.
"""

from __future__ import annotations

import functools
import unicodedata
from html import escape as _html_escape
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph

from tnprep.report.pdf.font_faces import bundled_font

FONT = "TNPrepSans"
BOLD = "TNPrepSans-Bold"
FONTS_DIR = Path(__file__).parent.parent / "fonts"
"""DejaVu Sans 2.37 (Bitstream Vera licence, fonts/LICENSE-DejaVu.txt), shipped in the package."""
FONT_FILES = (FONTS_DIR / "DejaVuSans.ttf", FONTS_DIR / "DejaVuSans-Bold.ttf")
"""The regular and bold weights, each with its metrics file beside it (``font_faces``)."""
MIN_FONT_SIZE = 7.0
"""No glyph on the page is smaller (SPEC *The page*)."""
REPLACEMENT = "\ufffd"
"""Printed for a character the font cannot show."""


@functools.cache
def covered_code_points() -> frozenset[int]:
    """Register the fonts once; return the code points both weights can draw.

    The fonts' metrics come from the files shipped beside them (``font_faces``), not from parsing
    the fonts in every process; the PDF is the same either way.
    """
    regular = bundled_font(FONT, FONT_FILES[0])
    bold = bundled_font(BOLD, FONT_FILES[1])
    for font in (regular, bold):
        pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
    return frozenset(regular.face.charToGlyph) & frozenset(bold.face.charToGlyph)


def _style(name: str, size: float, leading: float, *, bold: bool = False) -> ParagraphStyle:
    font = BOLD if bold else FONT
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, splitLongWords=1)


BODY = _style("body", 8.5, 10.4)
TABLE = _style("table", 8, 9.6)
SMALL = _style("small", 7.5, 9)
HEADING = _style("heading", 9.5, 11.5, bold=True)
NAME = _style("name", 15, 17.5, bold=True)
VALUE = _style("value", 13, 15, bold=True)
ALERT = ParagraphStyle("alert", parent=_style("a", 9.5, 12, bold=True), textColor=colors.white)


@functools.cache
def bold_style(style: ParagraphStyle) -> ParagraphStyle:
    """``style`` in the bold weight (one shared object per style)."""
    return ParagraphStyle(f"{style.name}-bold", parent=style, fontName=BOLD)


class Text:
    """Turns plain user text into safe Paragraph markup, counting characters the font lacks."""

    def __init__(self) -> None:
        self.covered = covered_code_points()
        self.missing: set[str] = set()

    def plain(self, text: str) -> str:
        """Return ``text`` with whitespace controls as spaces and unknown glyphs as U+FFFD."""
        characters = []
        for character in text:
            if character in "\t\n\r\v\f":
                characters.append(" ")
            elif ord(character) in self.covered and unicodedata.category(character) != "Cc":
                characters.append(character)
            else:
                self.missing.add(character)
                characters.append(REPLACEMENT)
        return "".join(characters)

    def markup(self, text: str) -> str:
        """Return ``text`` escaped for Paragraph markup: '<', '&' and '>' print literally."""
        # quote=False: only <, > and & matter inside Paragraph markup (xml.sax.saxutils does the
        # same, but importing it pulls in urllib, http and ssl at start-up).
        return _html_escape(self.plain(text), quote=False)

    def paragraph(self, label: str, value: str, style: ParagraphStyle, width: float,
                  max_lines: int) -> tuple[Paragraph, float]:  # fmt: skip
        """Return a Paragraph '<b>label</b> value' cut with '…' to ``max_lines`` at ``width``."""
        head = f"<b>{self.markup(label)}</b> " if label else ""
        limit = max_lines * style.leading + 0.5
        whole = Paragraph(head + self.markup(value), style)
        height = float(whole.wrap(width, 10_000)[1])
        if height <= limit:
            return whole, height
        low, high = 0, len(value)  # binary search the longest prefix that fits with '…'
        while low < high:
            middle = (low + high + 1) // 2
            if self._height(head, value[:middle], style, width) <= limit:
                low = middle
            else:
                high = middle - 1
        cut = Paragraph(head + self.markup(value[:low].rstrip() + "…"), style)
        return cut, float(cut.wrap(width, 10_000)[1])

    def _height(self, head: str, value: str, style: ParagraphStyle, width: float) -> float:
        paragraph = Paragraph(head + self.markup(value.rstrip() + "…"), style)
        return float(paragraph.wrap(width, 10_000)[1])

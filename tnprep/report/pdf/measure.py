"""Measuring once: a ``Text`` whose clamped paragraphs are wrapped once per page and width.

Fitting the one page tries several layouts (the chart's words whole or counted, the attack
pattern whole or its core, the chart shrunk; the questions' row for one, three or every
question). Every try asks for the same paragraphs at the same widths again. ``MeasuringText``
keeps each clamped paragraph — its ``Paragraph`` already wrapped and its height — keyed by what
decides its layout (label, value, style, width, most lines), so each is parsed, wrapped and,
when too long, cut with '…' once per page. The result is the same object ``Text.paragraph``
would build, so the page is identical; only the repeated work goes.

The memory lives as long as the ``MeasuringText`` (one page), so no patient text outlives it.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from tnprep.report.pdf.text import Text

_Key = tuple[str, str, int, float, int]
_Text = tuple[str, str, int, float]


class MeasuringText(Text):
    """``Text`` that measures each clamped paragraph once (per label, value, style and width)."""

    def __init__(self) -> None:
        super().__init__()
        self._measured: dict[_Key, tuple[Paragraph, float]] = {}
        self._short: dict[_Text, tuple[Paragraph, float]] = {}
        """Paragraphs that took fewer lines than their limit: whole, good for any limit that
        holds them (the roomy layout asks for the same text with more lines)."""
        self._styles: dict[int, ParagraphStyle] = {}
        self.cut = False
        """True once any paragraph was cut with '…' to its limit (a roomier layout may help)."""

    def paragraph(self, label: str, value: str, style: ParagraphStyle, width: float,
                  max_lines: int) -> tuple[Paragraph, float]:  # fmt: skip
        """The clamped paragraph and its height, wrapped on the first request only.

        A paragraph drawn at two places is one wrapped ``Paragraph`` drawn twice: drawing
        reads its lines and changes nothing.
        """
        key = (label, value, id(style), width, max_lines)
        found = self._measured.get(key)
        if found is not None:
            return found
        short = self._short.get(key[:4])
        if short is not None and short[1] <= max_lines * style.leading + 0.5:
            return short
        found = super().paragraph(label, value, style, width, max_lines)
        self._measured[key] = found
        self._styles[id(style)] = style  # keeps the id unique while the key lives
        if found[1] <= (max_lines - 1) * style.leading + 0.5:
            self._short[key[:4]] = found
        elif not self.cut:
            # a paragraph that fills its lines is cut when its text is not the value's whole
            self.cut = not found[0].text.endswith(self.markup(value))
        return found

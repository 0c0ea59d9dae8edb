"""PageContent → PDF bytes on exactly one canvas page: the only module that imports ReportLab.

The page is drawn on one ``Canvas`` page with ``Paragraph.wrapOn/drawOn`` and
``reportlab.graphics`` shapes, so a second page cannot exist. Fixed sections (header, at a
glance, chart, attack pattern, footer) clamp every paragraph to a few lines; the flexible ones
(treatments, questions, discussion points) are measured item by item and cut to their
budget, printing what was left out ("+12 more questions — see the app"). No style is below
``MIN_FONT_SIZE``. User text is escaped before it reaches Paragraph markup, and a character
the embedded DejaVu Sans lacks is printed as U+FFFD and counted in the footer. One module,
although long, because the contract is that nothing else in tnprep imports ReportLab.
See docs/page.md for the layout and budgets.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from html import escape as _html_escape
from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from tnprep.report.chart_content import Chart, ChartBin
from tnprep.report.content import Listing, PageContent, Paper
from tnprep.report.sections import Field, Figure, TreatmentRow
from tnprep.report.wording import MONTHS, plural

FONT = "TNPrepSans"
BOLD = "TNPrepSans-Bold"
FONTS_DIR = Path(__file__).parent / "fonts"
"""DejaVu Sans 2.37 (Bitstream Vera licence, fonts/LICENSE-DejaVu.txt), shipped in the package."""
MIN_FONT_SIZE = 7.0
"""No glyph on the page is smaller (SPEC *The page*)."""
REPLACEMENT = "\ufffd"
"""Printed for a character the font cannot show."""
MARGIN = 26.0
GAP = 5.0
GREY_BAR = colors.Color(0.45, 0.45, 0.45)
GREY_GAP = colors.Color(0.88, 0.88, 0.88)
SUBJECT = "Patient-reported trigeminal neuralgia diary summary for a clinic visit"


@functools.cache
def _covered() -> frozenset[int]:
    """Register the fonts once; return the code points both weights can draw."""
    regular = TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf"))
    bold = TTFont(BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
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


# ---------------------------------------------------------------------------
# Text: every character prints as typed
# ---------------------------------------------------------------------------


class _Text:
    """Turns plain user text into safe Paragraph markup, counting characters the font lacks."""

    def __init__(self) -> None:
        self.covered = _covered()
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


# ---------------------------------------------------------------------------
# Blocks: measured once, drawn at a top-left corner
# ---------------------------------------------------------------------------

Painter = Callable[[Canvas, float, float], None]


@dataclass(frozen=True)
class Block:
    """Something with a known height that draws itself with its top-left corner at (x, top)."""

    height: float
    paint: Painter


def _para_block(paragraph: Paragraph, height: float) -> Block:
    return Block(height, lambda canvas, x, top: paragraph.drawOn(canvas, x, top - height))


def _stack(blocks: Sequence[Block], gap: float = 0.0) -> Block:
    height = sum(block.height for block in blocks) + gap * max(len(blocks) - 1, 0)

    def paint(canvas: Canvas, x: float, top: float) -> None:
        for block in blocks:
            block.paint(canvas, x, top)
            top -= block.height + gap

    return Block(height, paint)


def _row(cells: Sequence[tuple[float, Block]]) -> Block:
    """Blocks side by side, each at its x offset; as tall as the tallest."""

    def paint(canvas: Canvas, x: float, top: float) -> None:
        for offset, block in cells:
            block.paint(canvas, x + offset, top)

    return Block(max((block.height for _, block in cells), default=0.0), paint)


def _rule(width: float, weight: float = 0.8, space: float = 3.0) -> Block:
    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(weight)
        canvas.line(x, top - space / 2, x + width, top - space / 2)

    return Block(space, paint)


def _heading(text: _Text, title: str, width: float) -> Block:
    paragraph, height = text.paragraph("", title, HEADING, width, 1)
    return _stack([_rule(width, 0.8, 3), _para_block(paragraph, height)])


def _fit_items(blocks: Iterator[Block], budget: float) -> tuple[list[Block], float]:
    """Take blocks while they fit in ``budget``; return them and the height used."""
    taken: list[Block] = []
    used = 0.0
    for block in blocks:
        if used + block.height > budget:
            break
        taken.append(block)
        used += block.height
    return taken, used


# ---------------------------------------------------------------------------
# Fixed sections
# ---------------------------------------------------------------------------


def _field_block(text: _Text, field: Field, style: ParagraphStyle, width: float,
                 max_lines: int = 2) -> Block:  # fmt: skip
    return _para_block(*text.paragraph(f"{field.label}:", field.value, style, width, max_lines))


def _grid(blocks: Sequence[Block], columns: int, width: float, gap: float = 8.0) -> Block:
    """Lay blocks out left to right in ``columns`` equal columns, row by row."""
    column = (width + gap) / columns
    rows = [blocks[index : index + columns] for index in range(0, len(blocks), columns)]
    return _stack(
        [_row([(index * column, block) for index, block in enumerate(row)]) for row in rows], 2.0
    )


def _header(text: _Text, content: PageContent, width: float) -> Block:
    header = content.header
    title = _para_block(*text.paragraph("", content.title, SMALL, width, 1))
    name = _para_block(*text.paragraph("", header.name, NAME, width * 0.55, 2))
    period = _stack([_field_block(text, field, BODY, width * 0.42, 1) for field in header.period])
    top = _row([(0.0, name), (width * 0.58, period)])
    column = (width - 16) / 3
    fields = _grid([_field_block(text, field, BODY, column) for field in header.fields], 3, width)
    return _stack([title, top, _rule(width, 0.4, 4), fields], 2.0)


def _tile(text: _Text, figure: Figure, width: float) -> Block:
    inner = width - 6
    parts = [
        _para_block(*text.paragraph("", figure.value, VALUE, inner, 1)),
        _para_block(*text.paragraph("", figure.label, _bold(SMALL), inner, 2)),
    ]
    if figure.detail:
        parts.append(_para_block(*text.paragraph("", figure.detail, SMALL, inner, 2)))
    body = _stack(parts)

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setLineWidth(1.2)
        canvas.line(x, top, x, top - body.height)
        body.paint(canvas, x + 5, top)

    return Block(body.height, paint)


@functools.cache
def _bold(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-bold", parent=style, fontName=BOLD)


def _alert(text: _Text, message: str, width: float) -> Block:
    """PHQ-9 item 9: white bold text on a black band, unmistakable in black and white."""
    paragraph, height = text.paragraph("⚠", message, ALERT, width - 12, 4)
    total = height + 8

    def paint(canvas: Canvas, x: float, top: float) -> None:
        canvas.setFillColor(colors.black)
        canvas.rect(x, top - total, width, total, stroke=0, fill=1)
        paragraph.drawOn(canvas, x + 6, top - 4 - height)
        canvas.setFillColor(colors.black)

    return Block(total, paint)


def _glance(text: _Text, content: PageContent, width: float) -> Block:
    """Six diary figures; below them the scores, with the item 9 alert beside them."""
    glance = content.glance
    tile = width / len(glance.figures)
    figures = _row([(i * tile, _tile(text, f, tile)) for i, f in enumerate(glance.figures)])
    scores = [(i * tile, _tile(text, f, tile)) for i, f in enumerate(glance.scores)]
    if glance.alert:
        offset = tile * len(glance.scores)
        scores.append((offset, _alert(text, glance.alert, width - offset)))
    return _stack([_heading(text, "At a glance", width), figures, _row(scores)], 4.0)


def _pattern(text: _Text, content: PageContent, width: float, budget: float) -> Block:
    """Two columns filled like a newspaper (left, then right), so the cut keeps priority order."""
    heading = _heading(text, "Attack pattern (as recorded)", width)
    column = (width - 12) / 2
    fields = [_field_block(text, field, BODY, column) for field in content.pattern.fields]
    room = budget - heading.height
    left, _ = _fit_items(iter(fields), room)
    right, _ = _fit_items(iter(fields[len(left) :]), room)
    left_out = len(fields) - len(left) - len(right)
    if left_out:
        right, _ = _fit_items(iter(fields[len(left) :]), room - SMALL.leading)
        more = _more_line(text, len(fields) - len(left) - len(right), "answers", column)
        right = [*right, more]
    return _stack([heading, _row([(0.0, _stack(left)), (column + 12, _stack(right))])])


def _more_line(text: _Text, count: int, noun: str, width: float) -> Block:
    return _para_block(*text.paragraph("", f"+{count} more {noun} — see the app", SMALL, width, 1))


def _footer(text: _Text, content: PageContent, width: float, missing: int) -> Block:
    footer = content.footer
    disclaimer = _para_block(*text.paragraph("", footer.disclaimer, _bold(BODY), width * 0.8, 1))
    page = _para_block(*text.paragraph("", footer.page, BODY, width * 0.18, 1))
    quality = footer.quality
    if footer.assumptions:
        quality += " Assumptions: " + "; ".join(footer.assumptions)
    lines = [
        _rule(width, 0.8, 4),
        _row([(0.0, disclaimer), (width * 0.82, page)]),
        _para_block(*text.paragraph("", quality, SMALL, width, 3)),
    ]
    if missing:
        note = (
            f"{plural(missing, 'character')} in the entries cannot be shown in the page font and "
            f"{'prints' if missing == 1 else 'print'} as {REPLACEMENT}; the app shows them."
        )
        lines.append(_para_block(*text.paragraph("", note, SMALL, width, 1)))
    return _stack(lines)  # fmt: skip


# ---------------------------------------------------------------------------
# Chart (reportlab.graphics: vector, no extra engine)
# ---------------------------------------------------------------------------

CHART_HEIGHT = 106.0
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_BOTTOM, _PLOT_TOP = 20.0, 20.0, 12.0, 20.0


def _chart(text: _Text, chart: Chart, width: float) -> Drawing:
    drawing = Drawing(width, CHART_HEIGHT, initialFontName=FONT, initialFontSize=MIN_FONT_SIZE)
    plot = (_PLOT_LEFT, _PLOT_BOTTOM, width - _PLOT_LEFT - _PLOT_RIGHT,
            CHART_HEIGHT - _PLOT_BOTTOM - _PLOT_TOP)  # fmt: skip
    if not chart.bins or chart.first_day is None:
        drawing.add(String(width / 2, CHART_HEIGHT / 2, "No diary days to draw",
                           fontName=FONT, fontSize=9, textAnchor="middle"))  # fmt: skip
        return drawing
    scale = _nice_ceiling(chart.max_attacks)
    _draw_gaps(drawing, chart.bins, plot)
    _draw_bars(drawing, chart.bins, plot, scale)
    _draw_line(drawing, chart.bins, plot)
    _draw_axes(drawing, chart, plot, scale)
    _draw_markers(drawing, text, chart, plot)
    return drawing


def _nice_ceiling(value: float) -> float:
    for step in (1, 2, 4, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if value <= step:
            return float(step)
    return float(int(value) + 1)


def _slot(plot: tuple[float, ...], count: int, index: float) -> float:
    return plot[0] + plot[2] * index / count


def _draw_gaps(drawing: Drawing, bins: Sequence[ChartBin], plot: tuple[float, ...]) -> None:
    """Days without a diary: grey with diagonal hatching, never confused with attack-free days."""
    x0, y0, width, height = plot
    index = 0
    while index < len(bins):
        if bins[index].attacks is not None:
            index += 1
            continue
        end = index
        while end < len(bins) and bins[end].attacks is None:
            end += 1
        left, right = x0 + width * index / len(bins), x0 + width * end / len(bins)
        drawing.add(Rect(left, y0, right - left, height, fillColor=GREY_GAP, strokeColor=None))
        for segment in _hatch(left, y0, right, y0 + height, 5.0):
            drawing.add(Line(*segment, strokeColor=colors.black, strokeWidth=0.3))
        index = end


def _hatch(x0: float, y0: float, x1: float, y1: float, step: float) -> Iterator[tuple[float, ...]]:
    """45° lines clipped to the rectangle (x0, y0)–(x1, y1)."""
    offset = -(y1 - y0)
    while offset < x1 - x0:
        low, high = max(x0, x0 + offset), min(x1, x0 + offset + (y1 - y0))
        if low < high:
            yield (low, y0 + low - x0 - offset, high, y0 + high - x0 - offset)
        offset += step


def _draw_bars(drawing: Drawing, bins: Sequence[ChartBin], plot: tuple[float, ...],
               scale: float) -> None:  # fmt: skip
    x0, y0, width, height = plot
    slot = width / len(bins)
    for index, chart_bin in enumerate(bins):
        left = x0 + slot * index
        if chart_bin.attacks is None:
            continue
        if chart_bin.attacks == 0:  # attack-free: an open circle on the axis
            radius = max(0.8, min(2.2, slot * 0.38))
            drawing.add(Circle(left + slot / 2, y0 + radius, radius, fillColor=colors.white,
                               strokeColor=colors.black, strokeWidth=0.6))  # fmt: skip
            continue
        bar = height * chart_bin.attacks / scale
        drawing.add(Rect(left + slot * 0.12, y0, slot * 0.76, bar, fillColor=GREY_BAR,
                         strokeColor=None))  # fmt: skip


def _draw_line(drawing: Drawing, bins: Sequence[ChartBin], plot: tuple[float, ...]) -> None:
    """Worst pain 0–10, broken where it is unknown."""
    x0, y0, width, height = plot
    slot = width / len(bins)
    run: list[float] = []
    for index, chart_bin in enumerate([*bins, None]):
        if chart_bin is not None and chart_bin.worst_intensity is not None:
            run += [x0 + slot * (index + 0.5), y0 + height * chart_bin.worst_intensity / 10]
            continue
        if len(run) == 2:
            drawing.add(Circle(run[0], run[1], 1.0, fillColor=colors.black, strokeColor=None))
        elif run:
            drawing.add(PolyLine(run, strokeColor=colors.black, strokeWidth=1.1))
        run = []


def _label(x: float, y: float, words: str, anchor: str = "start") -> String:
    return String(x, y, words, fontName=FONT, fontSize=MIN_FONT_SIZE, textAnchor=anchor)


def _draw_axes(drawing: Drawing, chart: Chart, plot: tuple[float, ...], scale: float) -> None:
    x0, y0, width, height = plot
    drawing.add(Line(x0, y0, x0 + width, y0, strokeWidth=0.6))
    for value in (0.0, scale / 2, scale):
        y = y0 + height * value / scale
        drawing.add(_label(x0 - 3, y - 2.5, f"{value:g}", "end"))
        drawing.add(Line(x0 - 2, y, x0, y, strokeWidth=0.5))
    for pain in (0, 5, 10):
        y = y0 + height * pain / 10
        drawing.add(_label(x0 + width + 3, y - 2.5, str(pain)))
        drawing.add(Line(x0 + width, y, x0 + width + 2, y, strokeWidth=0.5))
    drawing.add(_label(0, y0 + height + 4, "attacks", "start"))
    drawing.add(_label(drawing.width, y0 + height + 4, "pain", "end"))
    _draw_dates(drawing, chart, plot)


def _draw_dates(drawing: Drawing, chart: Chart, plot: tuple[float, ...]) -> None:
    x0, y0, width, _ = plot
    bins = chart.bins
    ticks = [(0, _short_date(bins[0].first_day, year=True))]
    for index, chart_bin in enumerate(bins[1:], start=1):
        if chart_bin.first_day.month != bins[index - 1].first_day.month:
            year = chart_bin.first_day.month == 1 or chart.bin_days > 20
            ticks.append((index, _month(chart_bin.first_day, year=year)))
    last = _short_date(bins[-1].last_day, year=True)
    limit = x0 + width - _width(last) - 6  # intermediate labels end before the last one
    placed: list[tuple[float, float]] = []
    for index, words in ticks:
        x = _slot(plot, len(bins), index)
        right = x + _width(words)
        if right < limit and all(x > end + 6 or right + 6 < start for start, end in placed):
            drawing.add(Line(x, y0, x, y0 - 2, strokeWidth=0.5))
            drawing.add(_label(x, y0 - 9, words, "start"))
            placed.append((x, right))
    drawing.add(_label(x0 + width, y0 - 9, last, "end"))


def _short_date(day: dt.date, *, year: bool) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}" + (f" {day.year}" if year else "")


def _month(day: dt.date, *, year: bool) -> str:
    return MONTHS[day.month - 1] + (f" {day.year}" if year else "")


def _draw_markers(drawing: Drawing, text: _Text, chart: Chart, plot: tuple[float, ...]) -> None:
    """Draw treatment starts (▲), stops (▼) and dose changes (◆) as dashed lines.

    Labels are drawn where they do not collide.
    """
    assert chart.first_day is not None
    x0, y0, width, height = plot
    span = len(chart.bins) * chart.bin_days
    # Lane 0 already holds the axis titles 'attacks' (left) and 'pain' (right).
    titles = [(0.0, _width("attacks")), (drawing.width - _width("pain"), drawing.width)]
    lanes: tuple[list[tuple[float, float]], ...] = (titles, [])
    for marker in chart.markers:  # most recent first: the latest changes get the labels
        x = x0 + width * ((marker.date - chart.first_day).days + 0.5) / span
        drawing.add(Line(x, y0, x, y0 + height + 2, strokeWidth=0.7, strokeDashArray=[2, 1.5]))
        symbol = marker.kind.symbol
        words = _clipped(text.plain(f"{symbol} {marker.label}"), drawing.width * 0.6)
        label_width = _width(words)
        left = min(max(x - 3, 0.0), drawing.width - label_width)
        for lane, taken in enumerate(lanes):
            if all(left + label_width + 3 < start or left > end + 3 for start, end in taken):
                taken.append((left, left + label_width))
                drawing.add(_label(left, y0 + height + 4 + lane * 8, words))
                break


def _width(words: str) -> float:
    return float(pdfmetrics.stringWidth(words, FONT, MIN_FONT_SIZE))


def _clipped(words: str, width: float) -> str:
    """``words`` cut with '…' to at most ``width`` points at the label size."""
    if _width(words) <= width:
        return words
    low, high = 0, len(words)  # the longest prefix that fits with '…'
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if _width(words[:middle] + "…") <= width else (low, middle - 1)
    return words[:low] + "…"


# ---------------------------------------------------------------------------
# Flexible sections: cut to budget, say what was left out
# ---------------------------------------------------------------------------


def _chart_row(text: _Text, content: PageContent, width: float) -> Block:
    """The chart on the left; its key numbers in words and its legend on the right."""
    chart = content.chart
    chart_width = width * 0.64
    drawing = _chart(text, chart, chart_width)
    left = Block(CHART_HEIGHT, lambda c, x, top: renderPDF.draw(drawing, c, x, top - CHART_HEIGHT))
    words_width = width - chart_width - 12
    legend = _para_block(*text.paragraph("", chart.caption, SMALL, words_width, 4))
    notes = [text.paragraph("", note, TABLE, words_width, 3) for note in chart.words[:40]]
    room = CHART_HEIGHT - legend.height - 4
    words = _cut_list(text, notes, len(chart.words), room, noun="chart notes", width=words_width)
    right = _stack([words, Block(4, lambda c, x, t: None), legend])
    heading = _heading(text, "Attacks per day and worst pain", width)
    return _stack([heading, _row([(0.0, left), (chart_width + 12, right)])])


def _cut_list(text: _Text, items: Sequence[tuple[Paragraph, float]], total: int, budget: float,
              *, noun: str, width: float) -> Block:  # fmt: skip
    """Items while they fit; when some do not, the last line says how many were left out.

    ``items`` may be only the first of ``total`` items (measuring stops once past the budget).
    """
    blocks = [_para_block(paragraph, height + 2) for paragraph, height in items]
    if len(blocks) == total and sum(block.height for block in blocks) <= budget:
        return _stack(blocks)
    taken, _ = _fit_items(iter(blocks), budget - SMALL.leading - 1)
    return _stack([*taken, _more_line(text, total - len(taken), noun, width)])


def _measured(text: _Text, entries: Sequence[tuple[str, str, ParagraphStyle]], width: float,
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


def _listing(text: _Text, listing: Listing, width: float, budget: float, lines: int) -> Block:
    heading = _heading(text, listing.title, width)
    if not listing.items:
        return _stack([heading, _para_block(*text.paragraph("", listing.empty, BODY, width, 1))])
    entries = [(f"{index + 1}.", item, BODY) for index, item in enumerate(listing.items)]
    if listing.flagged_first:
        entries[0] = ("1. ⚠", listing.items[0], _bold(BODY))
    room = budget - heading.height
    items = _measured(text, entries, width, lines, room)
    body = _cut_list(text, items, len(entries), room, noun=listing.noun, width=width)
    return _stack([heading, body])


_COLUMNS = (
    ("Treatment", 0.17), ("Category", 0.11), ("Dates", 0.15),
    ("Dose: mg/day (as written)", 0.2), ("Response", 0.1), ("Stopped because; side effects", 0.27),
)  # fmt: skip
"""Treatment table columns and their share of the width."""


def _table_row(text: _Text, cells: Sequence[str], width: float, *, bold_first: bool,
               header: bool = False) -> Block:  # fmt: skip
    placed: list[tuple[float, Block]] = []
    offset = 0.0
    for index, (cell, (_, share)) in enumerate(zip(cells, _COLUMNS, strict=True)):
        style = _bold(TABLE) if header or (index == 0 and bold_first) else TABLE
        placed.append((offset, _para_block(*text.paragraph("", cell, style, share * width - 5, 3))))
        offset += share * width
    cells_block = _row(placed)

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


def _treatments(text: _Text, content: PageContent, width: float, budget: float) -> Block:
    treatments = content.treatments
    heading = _heading(text, "Treatments tried (current first, then most recent)", width)
    extras = _treatment_extras(text, content, width)
    if not treatments.rows:
        empty = _para_block(*text.paragraph("", "No treatments listed.", BODY, width, 1))
        return _stack([heading, empty, extras])
    titles = [title for title, _ in _COLUMNS]
    header = _table_row(text, titles, width, bold_first=True, header=True)
    room = budget - heading.height - header.height - extras.height
    rows = [_table_row(text, _treatment_cells(row), width, bold_first=row.current)
            for row in treatments.rows]  # fmt: skip
    if sum(block.height for block in rows) <= room:
        return _stack([heading, header, *rows, extras])
    # The whole history matters to a neurologist: rows that do not fit the table are listed
    # compactly; only what does not fit there either is counted as '+N more'.
    reserve = ALSO_TRIED_LINES * TABLE.leading + SMALL.leading + 4
    taken, _ = _fit_items(iter(rows[:-1]), max(room - reserve, rows[0].height))
    rest = treatments.rows[len(taken) :]
    also, shown = _also_tried(text, [row.brief for row in rest], width)
    blocks = [heading, header, *taken, also]
    if shown < len(rest):
        blocks.append(_more_line(text, len(rest) - shown, "treatments", width))
    return _stack([*blocks, extras])


def _also_tried(text: _Text, briefs: Sequence[str], width: float) -> tuple[Block, int]:
    """'Also tried: A (…) · B (…)': as many whole entries as fit in ALSO_TRIED_LINES lines."""
    limit = ALSO_TRIED_LINES * TABLE.leading + 0.5

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
        return _para_block(*paragraph(low)), low
    first = text.paragraph("Also tried:", briefs[0], TABLE, width, ALSO_TRIED_LINES)
    return _para_block(*first), 1


BEFORE_AFTER_SHOWN = 3
"""Before/after sentences printed at most; the rest are counted."""


def _treatment_extras(text: _Text, content: PageContent, width: float) -> Block:
    treatments = content.treatments
    lines = [("", sentence) for sentence in treatments.before_after[:BEFORE_AFTER_SHOWN]]
    hidden = len(treatments.before_after) - BEFORE_AFTER_SHOWN
    if hidden > 0:
        lines.append(("", f"+{hidden} more before/after comparisons — see the app"))
    if treatments.not_yet:
        lines.append(("", treatments.not_yet))
    paragraphs = [text.paragraph(label, value, TABLE, width, 2) for label, value in lines]
    return _stack([Block(2.0, lambda c, x, t: None)] + [_para_block(*p) for p in paragraphs])


def _minimum_listing(text: _Text, listing: Listing, width: float, lines: int) -> float:
    """Height that always holds the heading, the first item and the '+N more' line."""
    heading = _heading(text, listing.title, width).height
    if not listing.items:
        return heading + float(BODY.leading)
    first = text.paragraph("1.", listing.items[0], _bold(BODY), width, lines)[1]
    return heading + first + 2 + float(SMALL.leading) + 1


QUESTION_LINES = 3
DISCUSSION_LINES = 4


def _bottom(text: _Text, content: PageContent, width: float, budget: float) -> Block:
    column = (width - 14) / 2
    questions = _listing(text, content.questions, column, budget, QUESTION_LINES)
    discussion = _listing(text, content.discussion, column, budget, DISCUSSION_LINES)
    return _row([(0.0, questions), (column + 14, discussion)])


def _flexible(text: _Text, content: PageContent, width: float, room: float) -> list[Block]:
    """Share ``room`` between treatments and the questions/discussion row."""
    column = (width - 14) / 2
    bottom_minimum = max(
        _minimum_listing(text, content.questions, column, QUESTION_LINES),
        _minimum_listing(text, content.discussion, column, DISCUSSION_LINES),
    )
    # Measured against the whole room: anything cut here cannot fit in less room either.
    bottom_full = _bottom(text, content, width, room)
    treatments_full = _treatments(text, content, width, room)
    if treatments_full.height + bottom_full.height + GAP <= room:
        return [treatments_full, bottom_full]
    # Treatments may take what the bottom row does not need, but at most 55 % when both overflow.
    bottom_share = max(bottom_minimum, min(bottom_full.height, room * 0.45),
                       room - GAP - treatments_full.height)  # fmt: skip
    treatments = _treatments(text, content, width, room - GAP - bottom_share)
    bottom = _bottom(text, content, width, room - GAP - treatments.height)
    return [treatments, bottom]


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

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
    text = _Text()
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
    footer = _footer(text, content, width, len(missing))
    top = _stack(_fixed_blocks(text, content, width), GAP)
    room = page_height - 2 * MARGIN - footer.height - top.height - 2 * GAP
    _stack([top, *_flexible(text, content, width, room)], GAP).paint(
        canvas, MARGIN, page_height - MARGIN
    )
    footer.paint(canvas, MARGIN, MARGIN + footer.height)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fixed_blocks(text: _Text, content: PageContent, width: float) -> list[Block]:
    return [
        _header(text, content, width),
        _glance(text, content, width),
        _chart_row(text, content, width),
        _pattern(text, content, width, PATTERN_BUDGET),
    ]


def _missing_characters(content: PageContent) -> set[str]:
    """Characters anywhere in the content that the page font cannot draw."""
    covered = _covered()
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

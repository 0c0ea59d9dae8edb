"""The chart as a ``reportlab.graphics`` Drawing: vector, no extra engine.

Bars are attacks per day, the line is worst pain 0–10, hatched grey marks days without a
diary, an open circle an attack-free recorded day, and dashed lines treatment changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from tnprep.date_words import MONTHS
from tnprep.report.chart_content import Chart, ChartBin, ChartMarker
from tnprep.report.pdf.text import FONT, MIN_FONT_SIZE, Text

GREY_BAR = colors.Color(0.45, 0.45, 0.45)
"""Fill of the attack bars."""
GREY_GAP = colors.Color(0.88, 0.88, 0.88)
"""Fill under the hatching of days without a diary."""
CHART_HEIGHT = 106.0
"""Height of the chart drawing when the page has room, in points."""
CHART_MIN_HEIGHT = 68.0
"""The chart shrinks to this before a ledger line is cut (SPEC: the ledger ranks above the
attack pattern); its plot is then 36 pt tall, the axis labels still 7 pt."""
_PLOT_LEFT, _PLOT_RIGHT, _PLOT_BOTTOM, _PLOT_TOP = 20.0, 20.0, 12.0, 20.0


def chart_drawing(text: Text, chart: Chart, width: float, height: float = CHART_HEIGHT) -> Drawing:
    """The chart ``width`` by ``height`` points, or a note when it is empty."""
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=MIN_FONT_SIZE)
    plot = (_PLOT_LEFT, _PLOT_BOTTOM, width - _PLOT_LEFT - _PLOT_RIGHT,
            height - _PLOT_BOTTOM - _PLOT_TOP)  # fmt: skip
    if not chart.bins or chart.first_day is None:
        drawing.add(String(width / 2, height / 2, "No diary days to draw",
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
    # the middle tick only when it is a whole number of attacks ("0.5 attacks" on a scale of 1)
    for value in (value for value in (0.0, scale / 2, scale) if value.is_integer()):
        y = y0 + height * value / scale
        drawing.add(_label(x0 - 3, y - 2.5, f"{value:g}", "end"))
        drawing.add(Line(x0 - 2, y, x0, y, strokeWidth=0.5))
    drawing.add(_label(0, y0 + height + 4, "attacks", "start"))
    if not any(chart_bin.worst_intensity is not None for chart_bin in chart.bins):
        _draw_dates(drawing, chart, plot)
        return  # no 0–10 pain to draw (e.g. a 1–5 scale not converted): no empty scale
    for pain in (0, 5, 10):
        y = y0 + height * pain / 10
        drawing.add(_label(x0 + width + 3, y - 2.5, str(pain)))
        drawing.add(Line(x0 + width, y, x0 + width + 2, y, strokeWidth=0.5))
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


def _draw_markers(drawing: Drawing, text: Text, chart: Chart, plot: tuple[float, ...]) -> None:
    """Draw treatment starts (▲), stops (▼) and dose changes (◆) as dashed lines.

    Labels are drawn where they do not collide (``marker_labels``).
    """
    _, y0, _, height = plot
    for marker, label in zip(chart.markers, marker_labels(text, chart, drawing.width), strict=True):
        x = _marker_x(chart, plot, marker)
        drawing.add(Line(x, y0, x, y0 + height + 2, strokeWidth=0.7, strokeDashArray=[2, 1.5]))
        if label is not None:
            left, lane, words = label
            drawing.add(_label(left, y0 + height + 4 + lane * 8, words))


def _marker_x(chart: Chart, plot: tuple[float, ...], marker: ChartMarker) -> float:
    assert chart.first_day is not None
    span = len(chart.bins) * chart.bin_days
    return plot[0] + plot[2] * ((marker.date - chart.first_day).days + 0.5) / span


def marker_labels(text: Text, chart: Chart,
                  width: float) -> list[tuple[float, int, str] | None]:  # fmt: skip
    """Where each marker's label goes (left, lane, words) in a chart ``width`` wide, or ``None``.

    Most recent first: the latest changes get the labels; one that would collide with another
    label or an axis title in both lanes above the plot is not drawn (the page names it below
    the chart). The places do not depend on the chart's height.
    """
    if not chart.bins or chart.first_day is None:
        return [None for _ in chart.markers]
    plot = (_PLOT_LEFT, _PLOT_BOTTOM, width - _PLOT_LEFT - _PLOT_RIGHT, 0.0)
    # Lane 0 already holds the axis titles 'attacks' (left) and 'pain' (right).
    titles = [(0.0, _width("attacks")), (width - _width("pain"), width)]
    lanes: tuple[list[tuple[float, float]], ...] = (titles, [])
    labels: list[tuple[float, int, str] | None] = []
    for marker in chart.markers:
        x = _marker_x(chart, plot, marker)
        words = _clipped(text.plain(f"{marker.kind.symbol} {marker.label}"), width * 0.6)
        label_width = _width(words)
        left = min(max(x - 3, 0.0), width - label_width)
        label = None
        for lane, taken in enumerate(lanes):
            if all(left + label_width + 3 < start or left > end + 3 for start, end in taken):
                taken.append((left, left + label_width))
                label = (left, lane, words)
                break
        labels.append(label)
    return labels


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

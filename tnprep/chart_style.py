"""Chart colours and text that meet WCAG 2.2 AA on the app's white page; no Streamlit here.

SC 1.4.3 asks 4.5:1 for text, SC 1.4.11 3:1 for graphical objects a reader needs
(https://www.w3.org/TR/WCAG22/). ``readable`` gives every chart's text ``TEXT_COLOUR``;
``contrast_ratio`` is WCAG's relative-luminance formula, so the tests check every colour.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt

PAGE_COLOUR = "#ffffff"
"""The app's background (Streamlit's light theme), against which contrast is measured."""
TEXT_COLOUR = "#31333f"
"""Chart titles, axis labels and legends: Streamlit's body text colour, 12.5:1 on white."""
GAP_COLOUR = "#949494"
"""Days no diary covers: grey (3.0:1 on white), never the colour of a zero."""
NO_PAIN_COLOUR = "#4a5f8a"
"""Days with attacks whose worst pain was not recorded: slate blue (6.4:1), apart from the
warm pain scale, so the day is drawn and never mistaken for a pain score."""
PAIN_RANGE = ("#d97706", "#7f1d1d")
"""Worst pain 0 → 10: amber (3.2:1) to dark red (10:1); every step stays above 3:1."""


@dataclass(frozen=True)
class AppChart:
    """A chart for the app and the words that describe it to someone who cannot see it."""

    title: str
    chart: alt.TopLevelMixin
    """The Altair chart (its ``description`` is ``alt_text``)."""
    alt_text: str
    """What the chart shows, in one or two plain sentences."""


COUNT_FORMAT = ",d"
"""Counts as whole numbers with a thousands separator (1,234)."""


def count_axis(title: str) -> alt.Axis:
    """A count axis: whole-number ticks only (never 0.5), thousands separators."""
    return alt.Axis(title=title, tickMinStep=1, format=COUNT_FORMAT)


def readable(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """The chart with its text in ``TEXT_COLOUR`` (axes, legends, titles) at a legible size.

    Streamlit's chart theme draws axis text in #808495 (3.7:1 on white, under WCAG's 4.5:1);
    a chart's own config wins over the theme.
    """
    colour, size = TEXT_COLOUR, 12
    styled: alt.TopLevelMixin = (
        chart.configure_axis(
            labelColor=colour, titleColor=colour, labelFontSize=size, titleFontSize=size
        )
        .configure_legend(
            labelColor=colour, titleColor=colour, labelFontSize=size, titleFontSize=size
        )
        .configure_title(color=colour, subtitleColor=colour, anchor="start")
        .configure_header(labelColor=colour, titleColor=colour)
    )
    return styled


def contrast_ratio(first: str, second: str = PAGE_COLOUR) -> float:
    """WCAG 2.2 contrast ratio of two '#rrggbb' colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    """WCAG relative luminance of '#rrggbb'."""
    channels = [int(colour.lstrip("#")[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [
        value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        for value in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

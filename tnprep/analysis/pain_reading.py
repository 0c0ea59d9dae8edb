"""How the diaries' 0–10 pain figures were read: the one wording source for every pain label.

The glance's pain tile (``report.pain_figure``) and the 'since the last visit' figures
(``analysis.since``, printed on the strip and in the JSON's ``since_last_visit.figures[].label``)
both say it: a file that stated no scale is "read as 0–10 (no scale stated)" (asmith), one
converted from another scale says from which. The strip said "Worst / Median pain 0–10" while the
glance said "Pain, read as 0–10 … no scale stated" (session 5 page review). A daily log's worst and
background pain say it too (session 6; ``PainFigure`` picks the files a figure comes from): its
columns were read as 0–10 with no mark, and the page printed "background pain … (median 1.5/10)"
of a file that stated no scale.
"""

from __future__ import annotations

from enum import Enum

from tnprep.ingest.scales import NOT_STATED
from tnprep.model import DiaryShape, PainScale
from tnprep.summary import Summary

NO_SCALE_STATED = "no scale stated"


class PainFigure(Enum):
    """Which 0–10 figure a reading is for, and so which files' scales it comes from."""

    MEDIAN = "median"
    """The attacks' median pain: attack logs only (``intensity_median``)."""
    WORST = "worst"
    """The worst pain: attack logs and daily logs' worst pain (``intensity_max``, the chart)."""
    BACKGROUND = "background"
    """Background pain: daily logs only (``background_pain_median``)."""


def pain_scales(summary: Summary, figure: PainFigure = PainFigure.WORST) -> list[PainScale]:
    """Each diary file's pain scale, as read (files without a pain column give none).

    ``figure`` keeps the files that give it: a daily log's scale does not describe the attacks'
    median, an attack log's not the background pain.
    """
    return [
        info.scale
        for _, info in summary.input.files
        if info.scale is not None and _gives(info.kind == DiaryShape.DAILY_LOG.value, figure)
    ]


def _gives(daily_log: bool, figure: PainFigure) -> bool:
    if figure is PainFigure.MEDIAN:
        return not daily_log
    return daily_log or figure is PainFigure.WORST


def scale_reading(summary: Summary, figure: PainFigure = PainFigure.WORST) -> str:
    """How a 0–10 pain figure was read: 'no scale stated', 'converted from 0–7', or ''.

    The one wording source of the glance's pain tile, the chart's legend, the 'since the last
    visit' strip and the daily logs' background pain; ``figure`` says which figure (its files).
    """
    scales = pain_scales(summary, figure)
    if any(scale.source == NOT_STATED for scale in scales):
        return NO_SCALE_STATED
    converted = sorted({scale.label for scale in scales if scale.converted})
    return f"converted from {', '.join(converted)}" if converted else ""


def pain_label(summary: Summary, which: str) -> str:
    """'Worst pain 0–10', 'Worst pain, read as 0–10 (no scale stated)' or '… (converted from 0–7)'.

    ``which``: 'Worst' or 'Median'. The strip's label says what the glance's tile says.
    """
    figure = PainFigure.MEDIAN if which == "Median" else PainFigure.WORST
    reading = scale_reading(summary, figure)
    if reading == NO_SCALE_STATED:
        return f"{which} pain, read as 0–10 ({reading})"
    return f"{which} pain 0–10" + (f" ({reading})" if reading else "")


def per_ten(value: str, reading: str) -> str:
    """A 0–10 figure as printed: '1.5/10', or '1.5, read as 0–10 (no scale stated)'.

    ``reading`` is ``scale_reading``'s answer; a converted scale says from which
    ('7/10 (converted from 0–7)').
    """
    if reading == NO_SCALE_STATED:
        return f"{value}, read as 0–10 ({reading})"
    return f"{value}/10" + (f" ({reading})" if reading else "")


def scale_words(summary: Summary, figure: PainFigure = PainFigure.WORST) -> str:
    """What follows a pain title in the app charts' axis and legend titles.

    ' (0–10)', ', read as 0–10 (no scale stated)' or ' (0–10, converted from 0–100)'.
    """
    reading = scale_reading(summary, figure)
    if reading == NO_SCALE_STATED:
        return f", read as 0–10 ({reading})"
    return " (0–10" + (f", {reading}" if reading else "") + ")"

"""How the diaries' 0–10 pain figures were read: the one wording source for every pain label.

The glance's pain tile (``report.pain_figure``) and the 'since the last visit' figures
(``analysis.since``, printed on the strip and in the JSON's ``since_last_visit.figures[].label``)
both say it: a file that stated no scale is "read as 0–10 (no scale stated)" (asmith), one
converted from another scale says from which. The strip said "Worst / Median pain 0–10" while the
glance said "Pain, read as 0–10 … no scale stated" (session 5 page review). A daily log's worst and
background pain say it too (``per_ten``; session 6): its columns were read as 0–10 whatever they
stated, and the page printed "background pain … (median 1.5/10)" of a file that said no scale.
"""

from __future__ import annotations

from tnprep.ingest.scales import NOT_STATED
from tnprep.model import DiaryShape, PainScale
from tnprep.summary import Summary

NO_SCALE_STATED = "no scale stated"


def pain_scales(summary: Summary) -> list[PainScale]:
    """Each diary file's pain scale, as read (files without a pain column give none)."""
    return [info.scale for _, info in summary.input.files if info.scale is not None]


def scale_reading(summary: Summary, *, daily_logs_only: bool = False) -> str:
    """How the 0–10 pain figures were read: 'no scale stated', 'converted from 0–7', or ''.

    The one wording source of the glance's pain tile, the chart's legend, the 'since the last
    visit' strip and the daily logs' background pain. ``daily_logs_only``: only the daily logs'
    scales (a figure only they give, such as background pain).
    """
    scales = pain_scales(summary)
    if daily_logs_only:
        scales = [
            info.scale
            for _, info in summary.input.files
            if info.scale is not None and info.kind == DiaryShape.DAILY_LOG.value
        ]
    if any(scale.source == NOT_STATED for scale in scales):
        return NO_SCALE_STATED
    converted = sorted({scale.label for scale in scales if scale.converted})
    return f"converted from {', '.join(converted)}" if converted else ""


def pain_label(summary: Summary, which: str) -> str:
    """'Worst pain 0–10', 'Worst pain, read as 0–10 (no scale stated)' or '… (converted from 0–7)'.

    ``which``: 'Worst' or 'Median'. The strip's label says what the glance's tile says.
    """
    reading = scale_reading(summary)
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

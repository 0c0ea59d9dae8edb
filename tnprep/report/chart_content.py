"""The chart's data as plain values: day (or multi-day) bars, the worst-pain line, treatment marks.

Pure, no ReportLab. A period longer than ``MAX_BARS`` days is drawn in bins of several days
so every bar stays wide enough to see (a ten-year diary would otherwise draw 0.1 pt bars); a
bin's bar is then the attacks *per recorded day* in the bin, and the caption says so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from tnprep.analysis.pain_reading import NO_SCALE_STATED, per_ten, scale_reading
from tnprep.model import PartialDate
from tnprep.report.sections import highest_day_text
from tnprep.report.wording import day_text, number_text, partial_date_text
from tnprep.summary import ChangeKind, DayFigure, Summary

MAX_BARS = 120
"""At most this many bars: about 4 pt each across the chart's width on A4 or Letter."""


@dataclass(frozen=True)
class ChartBin:
    """One bar: a day, or several days when the period is long."""

    first_day: dt.date
    last_day: dt.date
    attacks: float | None
    """Attacks per recorded day in the bin (the day's count for one-day bins); ``None`` = gap."""
    worst_intensity: float | None
    """Worst pain 0–10 in the bin, ``None`` when unknown."""
    recorded_days: int
    """Days of the bin covered by a diary."""


class MarkerKind(Enum):
    """A treatment change drawn on the time axis."""

    START = "started"
    STOP = "stopped"
    DOSE_CHANGE = "dose changed"

    @property
    def symbol(self) -> str:
        """The glyph drawn on the axis and used in the words beside the chart."""
        return {"started": "▲", "stopped": "▼", "dose changed": "◆"}[self.value]


@dataclass(frozen=True)
class ChartMarker:
    """A treatment start, stop or dose change inside the period."""

    date: dt.date
    """Where it is drawn (a partial date is drawn at its first day inside the period)."""
    kind: MarkerKind
    label: str
    """Plain text such as 'oxcarbazepine started 6 Feb 2024'."""


@dataclass(frozen=True)
class Chart:
    """Everything the renderer needs to draw the chart, and its key numbers in words."""

    first_day: dt.date | None
    last_day: dt.date | None
    bin_days: int
    """Days per bar (1 for periods up to ``MAX_BARS`` days)."""
    bins: tuple[ChartBin, ...]
    markers: tuple[ChartMarker, ...]
    """Most recent first, so a renderer that cannot label all labels the latest."""
    max_attacks: float
    """The tallest bar (0 when there is none)."""
    caption: str
    words: tuple[str, ...]
    """The key numbers beside the chart, in priority order."""


def build_chart(summary: Summary) -> Chart:
    """Return the chart content for ``summary``."""
    daily = summary.daily
    bin_days = max(1, math.ceil(len(daily) / MAX_BARS))
    bins = tuple(_bin(daily[index : index + bin_days]) for index in range(0, len(daily), bin_days))
    markers = _markers(summary)
    tallest = max((chart_bin.attacks or 0.0 for chart_bin in bins), default=0.0)
    return Chart(
        first_day=summary.period.start,
        last_day=summary.period.end,
        bin_days=bin_days,
        bins=bins,
        markers=markers,
        max_attacks=tallest,
        caption=_caption(
            bin_days,
            any(b.worst_intensity is not None for b in bins),
            stated=scale_reading(summary) != NO_SCALE_STATED,
        ),
        words=_words(summary, markers),
    )


def _bin(days: Sequence[DayFigure]) -> ChartBin:
    recorded = [day for day in days if day.attacks is not None]
    intensities = [day.worst_intensity for day in days if day.worst_intensity is not None]
    attacks = sum(day.attacks or 0 for day in recorded) / len(recorded) if recorded else None
    return ChartBin(
        first_day=days[0].date,
        last_day=days[-1].date,
        attacks=attacks,
        worst_intensity=max(intensities) if intensities else None,
        recorded_days=len(recorded),
    )


def _caption(bin_days: int, pain: bool = True, *, stated: bool = True) -> str:
    """The legend; without pain on the 0–10 scale the line and its scale are not drawn.

    A scale no file stated is said as read, like the pattern's "Pain scale" line.
    """
    bars = (
        "Bars: attacks per day"
        if bin_days == 1
        else f"Bars: attacks per recorded day, {bin_days}-day groups"
    )
    scale = " 0–10" if stated else ", read as 0–10"
    line = f"Line: worst pain{scale} (right)." if pain else "No pain on the 0–10 scale to draw."
    return (
        f"{bars} (left). {line} ○ attack-free day. "
        "Hatched: no diary — a gap, not attack-free. ▲ started, ▼ stopped, ◆ dose changed."
    )


_MARKER_OF_CHANGE = {
    ChangeKind.START: MarkerKind.START,
    ChangeKind.STOP: MarkerKind.STOP,
    ChangeKind.DOSE_CHANGE: MarkerKind.DOSE_CHANGE,
}


def _markers(summary: Summary) -> tuple[ChartMarker, ...]:
    """Treatment changes inside the period, most recent first.

    Changes known to the day come from the analysis (which tells a dose change from a stop and a
    start); changes known only to the month or year are drawn at their first day in the period.
    """
    start, end = summary.period.start, summary.period.end
    if start is None or end is None:
        return ()
    markers = [
        ChartMarker(change.date, _MARKER_OF_CHANGE[change.change],
                    f"{change.treatment} {_MARKER_OF_CHANGE[change.change].value} "
                    f"{day_text(change.date)}")
        for change in summary.before_after
        if start <= change.date <= end
    ]  # fmt: skip
    for item in summary.treatments:
        treatment = item.treatment
        for kind, date in ((MarkerKind.START, treatment.start), (MarkerKind.STOP, treatment.end)):
            if kind is MarkerKind.STOP and treatment.end == treatment.start:
                continue  # a one-day procedure is drawn once, as started (issue 10 case 9)
            placed = _placed(date, start, end)
            if date is not None and not date.is_exact and placed is not None:
                label = f"{treatment.name} {kind.value} {partial_date_text(date)}"
                markers.append(ChartMarker(placed, kind, label))
    return tuple(sorted(markers, key=lambda marker: (marker.date, marker.label), reverse=True))


def _placed(date: PartialDate | None, start: dt.date, end: dt.date) -> dt.date | None:
    """The day a (partial) date is drawn on, or ``None`` when it lies outside the period."""
    if date is None:
        return None
    try:
        first, last = date.first_day(), date.last_day()
    except ValueError:  # an impossible partial date is shown in the table, not drawn
        return None
    if last < start or first > end:
        return None
    return max(first, start)


def _words(summary: Summary, markers: Sequence[ChartMarker]) -> tuple[str, ...]:
    attacks, period = summary.attacks, summary.period
    if period.days == 0:
        return ("No diary days in the period.",)
    gap_days = period.days - period.days_recorded
    words = [
        f"{attacks.total} attacks on {period.days_recorded} recorded days; "
        f"{gap_days} of {period.days} days have no diary.",
    ]
    most = []
    if attacks.max_per_day is not None:
        highest = highest_day_text(attacks)
        most.append(f"Most in a day: {attacks.max_per_day}{f' ({highest})' if highest else ''}.")
    if attacks.intensity_max is not None:
        worst = per_ten(number_text(attacks.intensity_max), scale_reading(summary))
        most.append(f"Worst pain {worst}.")
    if most:
        words.append(" ".join(most))
    words.extend(marker_note(marker) for marker in markers)
    return tuple(words)


def marker_note(marker: ChartMarker) -> str:
    """The marker in words, as beside the chart: '▲ oxcarbazepine started 10 Sep 2026.'."""
    return f"{marker.kind.symbol} {marker.label}."

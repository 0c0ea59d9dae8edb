"""Summary → the app's Altair charts, each with alt text; no Streamlit here.

Four charts: attacks per day (worst pain as colour, treatment periods as shaded bands, days
without a diary as grey columns so a gap never looks attack-free, days whose worst pain was not
recorded in their own colour so a day with attacks is never missing), attacks by hour of day,
triggers, and the spread of the worst pain per recorded day. Every chart carries its alt text
in the Vega-Lite ``description`` (read out by screen readers) and in ``AppChart.alt_text`` for
the app to show beside it. Data are inlined into the chart spec: rendering fetches nothing.

Colours and text meet WCAG 2.2 AA on the white page (``tnprep.chart_style``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import altair as alt
import pandas as pd

from tnprep.analysis.pain_reading import scale_words
from tnprep.chart_daily import daily_alt_text, daily_chart, date_format, treatment_periods
from tnprep.chart_pain import pain_elsewhere
from tnprep.chart_style import (
    COUNT_FORMAT,
    GAP_COLOUR,
    NO_PAIN_COLOUR,
    PAGE_COLOUR,
    PAIN_RANGE,
    TEXT_COLOUR,
    AppChart,
    contrast_ratio,
    count_axis,
    readable,
)
from tnprep.summary import DayFigure, Summary

__all__ = [
    "GAP_COLOUR", "NO_PAIN_COLOUR", "PAGE_COLOUR", "PAIN_RANGE", "TEXT_COLOUR", "AppChart",
    "contrast_ratio", "daily_alt_text", "daily_chart", "date_format", "hour_chart",
    "intensity_chart", "overview_charts", "readable", "treatment_periods", "trigger_chart",
]  # fmt: skip


def overview_charts(summary: Summary) -> tuple[AppChart, ...]:
    """Return the Overview tab's charts in display order."""
    return (
        daily_chart(summary),
        hour_chart(summary),
        trigger_chart(summary),
        intensity_chart(summary),
    )


# ---------------------------------------------------------------------------
# Hour of day, triggers, worst pain
# ---------------------------------------------------------------------------


def hour_chart(summary: Summary) -> AppChart:
    """Attack starts by hour of day (0–23, local time as recorded)."""
    title = "Attacks by hour of day"
    counts = summary.attacks.by_hour
    frame = pd.DataFrame({"hour": list(range(len(counts))), "attacks": list(counts)})
    text = hour_alt_text(counts)
    chart = _columns(frame, ("hour", "Hour of day", "Hour"), ("attacks", "Attacks"), title, text)
    return AppChart(title, chart, text)


def _columns(
    frame: pd.DataFrame,
    category: tuple[str, str, str],
    amount: tuple[str, str],
    title: str,
    text: str,
) -> alt.Chart:
    """A column chart: (field, axis title, tooltip title) across, (field, axis title) up."""
    across, across_title, tooltip_title = category
    up, up_title = amount
    chart: alt.Chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{across}:O", title=across_title, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(f"{up}:Q", axis=count_axis(up_title)),
            tooltip=[
                alt.Tooltip(f"{across}:O", title=tooltip_title),
                alt.Tooltip(f"{up}:Q", title=up_title, format=COUNT_FORMAT),
            ],
        )
        .properties(title=title, description=text, height=220)
    )
    return chart


def hour_alt_text(counts: Sequence[int]) -> str:
    """Name the three busiest hours, e.g. '18:00–18:59 (89 attacks)'."""
    busiest = sorted(
        (hour for hour in range(len(counts)) if counts[hour]),
        key=lambda hour: (-counts[hour], hour),
    )[:3]
    if not busiest:
        return "Attacks by hour of day: no attack times recorded."
    parts = [f"{hour:02d}:00–{hour:02d}:59 ({counts[hour]:,} attacks)" for hour in busiest]
    return "Attacks by hour of day; busiest: " + ", ".join(parts) + "."


def trigger_chart(summary: Summary) -> AppChart:
    """Triggers named in attack rows, most frequent first."""
    title = "Triggers"
    triggers = summary.attacks.triggers
    frame = pd.DataFrame(
        {"trigger": [item.name for item in triggers], "attacks": [item.count for item in triggers]}
    )
    text = trigger_alt_text(summary)
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("trigger:N", title=None, sort="-x", axis=alt.Axis(labelLimit=220)),
            x=alt.X("attacks:Q", axis=count_axis("Attacks naming it")),
            tooltip=[
                alt.Tooltip("trigger:N", title="Trigger"),
                alt.Tooltip("attacks:Q", title="Attacks", format=COUNT_FORMAT),
            ],
        )
        # A fixed step per trigger: every label shown, bars never squeezed to a few pixels.
        .properties(title=title, description=text, height=alt.Step(28))
    )
    return AppChart(title, chart, text)


def trigger_alt_text(summary: Summary) -> str:
    """List every trigger with its count."""
    triggers = summary.attacks.triggers
    if not triggers:
        return "Triggers: none recorded."
    return "Triggers: " + ", ".join(f"{item.name} {item.count:,}" for item in triggers) + "."


def intensity_chart(summary: Summary) -> AppChart:
    """How many recorded days reached each worst-pain score (0–10)."""
    title = "Worst pain per recorded day"
    counts = intensity_counts(summary.daily)
    frame = pd.DataFrame(
        {"worst_pain": [score for score, _ in counts], "days": [days for _, days in counts]}
    )
    text = intensity_alt_text(counts, pain_elsewhere(summary))
    # read as the page reads it: 'Worst pain that day, read as 0–10 (no scale stated)'
    worst = ("worst_pain", f"Worst pain that day{scale_words(summary)}", "Worst pain")
    chart = _columns(frame, worst, ("days", "Days"), title, text)
    return AppChart(title, chart, text)


def intensity_counts(daily: Sequence[DayFigure]) -> tuple[tuple[float, int], ...]:
    """(worst pain, number of days) over recorded days that give a worst pain, by score."""
    scores = Counter(
        day.worst_intensity
        for day in daily
        if day.attacks is not None and day.worst_intensity is not None
    )
    return tuple(sorted(scores.items()))


def intensity_alt_text(counts: Sequence[tuple[float, int]], elsewhere: str | None = None) -> str:
    """Every worst-pain score with its number of days.

    ``elsewhere`` names pain left on its own scale (``chart_pain.pain_elsewhere``): such a
    diary recorded pain, just not on 0–10, and is never said to have none.
    """
    if not counts:
        if elsewhere is not None:
            return (
                "Worst pain per recorded day: no pain scores on the 0–10 scale "
                f"({elsewhere}, not converted)."
            )
        return "Worst pain per recorded day: no pain scores recorded."
    parts = [f"{score:g}: {days:,} {'day' if days == 1 else 'days'}" for score, days in counts]
    return "Worst pain per recorded day (score: days): " + ", ".join(parts) + "."

"""Summary → the app's Altair charts, each with alt text; no Streamlit here.

Four charts: attacks per day (worst pain as colour, treatment periods as shaded bands, days
without a diary as grey columns so a gap never looks attack-free), attacks by hour of day,
triggers, and the spread of the worst pain per recorded day. Every chart carries its alt text
in the Vega-Lite ``description`` (read out by screen readers) and in ``AppChart.alt_text`` for
the app to show beside it. Data are inlined into the chart spec: rendering fetches nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from tnprep.summary import DayFigure, Summary, TreatmentSummary

GAP_COLOUR = "#c8c8c8"
"""Days no diary covers: grey, never the colour of a zero."""
BAND_OPACITY = 0.18
"""Treatment periods stay faint behind the bars."""


@dataclass(frozen=True)
class AppChart:
    """A chart for the app and the words that describe it to someone who cannot see it."""

    title: str
    chart: alt.TopLevelMixin
    """The Altair chart (its ``description`` is ``alt_text``)."""
    alt_text: str
    """What the chart shows, in one or two plain sentences."""


def overview_charts(summary: Summary) -> tuple[AppChart, ...]:
    """Return the Overview tab's charts in display order."""
    return (
        daily_chart(summary),
        hour_chart(summary),
        trigger_chart(summary),
        intensity_chart(summary),
    )


# ---------------------------------------------------------------------------
# Attacks per day
# ---------------------------------------------------------------------------


def daily_chart(summary: Summary) -> AppChart:
    """Attacks per day as bars coloured by worst pain, with gaps and treatment periods."""
    title = "Attacks per day"
    text = daily_alt_text(summary)
    days = _day_frame(summary.daily)
    layers = [
        _treatment_bands(summary),
        _gap_columns(days),
        _attack_bars(days),
    ]
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(
            title, subtitle="Grey columns: no diary on those days (a gap, not attack-free)."
        ),
        description=text,
        height=260,
    )
    return AppChart(title, chart.resolve_scale(color="independent"), text)


def _day_frame(daily: Sequence[DayFigure]) -> pd.DataFrame:
    """One row per day: ISO start and end (next day) for rects, attacks, worst pain, gap flag."""
    return pd.DataFrame(
        {
            "day": [day.date.isoformat() for day in daily],
            "next_day": [(day.date + dt.timedelta(days=1)).isoformat() for day in daily],
            "attacks": [day.attacks for day in daily],
            "worst_pain": [day.worst_intensity for day in daily],
            "recorded": [day.attacks is not None for day in daily],
        },
        columns=["day", "next_day", "attacks", "worst_pain", "recorded"],
    )


def _time_axis() -> alt.X:
    # Date-only ISO strings are read as UTC midnight; a UTC scale keeps each bar on its own day.
    return alt.X("day:T", title=None, scale=alt.Scale(type="utc"), axis=alt.Axis(format="%d %b"))


def _day_tooltip(title: str) -> alt.Tooltip:
    return alt.Tooltip("day:T", title=title, timeUnit="utcyearmonthdate", format="%d %b %Y")


def _attack_bars(days: pd.DataFrame) -> alt.Chart:
    recorded = days[days["recorded"]]
    bars: alt.Chart = (
        alt.Chart(recorded)
        .mark_rect()
        .encode(
            x=_time_axis(),
            x2="next_day:T",
            y=alt.Y("attacks:Q", title="Attacks"),
            y2=alt.datum(0),
            color=alt.Color(
                "worst_pain:Q",
                title="Worst pain (0–10)",
                scale=alt.Scale(domain=[0, 10], scheme="orangered"),
            ),
            tooltip=[
                _day_tooltip("Day"),
                alt.Tooltip("attacks:Q", title="Attacks"),
                alt.Tooltip("worst_pain:Q", title="Worst pain"),
            ],
        )
    )
    return bars


def _gap_columns(days: pd.DataFrame) -> alt.Chart:
    gaps = days[~days["recorded"]]
    columns: alt.Chart = (
        alt.Chart(gaps)
        .mark_rect(color=GAP_COLOUR)
        .encode(
            x=_time_axis(),
            x2="next_day:T",
            tooltip=[_day_tooltip("No diary on")],
        )
    )
    return columns


def _treatment_bands(summary: Summary) -> alt.Chart:
    bands = pd.DataFrame(
        treatment_periods(summary.treatments, summary.period.start, summary.period.end),
        columns=["treatment", "day", "next_day"],
    )
    shaded: alt.Chart = (
        alt.Chart(bands)
        .mark_rect(opacity=BAND_OPACITY)
        .encode(
            x=_time_axis(),
            x2="next_day:T",
            color=alt.Color("treatment:N", title="Treatment period"),
            tooltip=[alt.Tooltip("treatment:N", title="Treatment")],
        )
    )
    return shaded


def treatment_periods(
    treatments: Sequence[TreatmentSummary], start: dt.date | None, end: dt.date | None
) -> list[tuple[str, str, str]]:
    """(name, first day, day after the last) of each treatment's time inside the period.

    A partial start is drawn from its first possible day and a partial end to its last, so the
    band covers every day the treatment may have been taken; ongoing runs to the period's end.
    Treatments without a start, or wholly outside the period, are not drawn.
    """
    if start is None or end is None:
        return []
    periods = []
    for item in treatments:
        treatment = item.treatment
        if treatment.start is None:
            continue
        first = max(treatment.start.first_day(), start)
        last = end if treatment.end is None else min(treatment.end.last_day(), end)
        if first <= last:
            after = last + dt.timedelta(days=1)
            periods.append((treatment.name, first.isoformat(), after.isoformat()))
    return periods


def daily_alt_text(summary: Summary) -> str:
    """Describe the per-day chart: period, totals, the highest day, gaps and treatments."""
    period, attacks = summary.period, summary.attacks
    if period.start is None or period.end is None or not summary.daily:
        return "Attacks per day: no diary days to show."
    gap_days = period.days - period.days_recorded
    words = [
        f"Attacks per day from {period.start.isoformat()} to {period.end.isoformat()}: "
        f"{attacks.total} attacks on {period.days_recorded} recorded days"
    ]
    if attacks.max_per_day is not None and attacks.max_day is not None:
        words.append(f"highest {attacks.max_per_day} on {attacks.max_day.isoformat()}")
    words.append(f"{gap_days} days without a diary shown as grey columns")
    names = sorted({name for name, _, _ in treatment_periods(
        summary.treatments, period.start, period.end)})  # fmt: skip
    if names:
        words.append("treatment periods shaded: " + ", ".join(names))
    return "; ".join(words) + "."


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
            x=alt.X(f"{across}:O", title=across_title),
            y=alt.Y(f"{up}:Q", title=up_title),
            tooltip=[alt.Tooltip(f"{across}:O", title=tooltip_title), alt.Tooltip(f"{up}:Q")],
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
    parts = [f"{hour:02d}:00–{hour:02d}:59 ({counts[hour]} attacks)" for hour in busiest]
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
            y=alt.Y("trigger:N", title=None, sort="-x"),
            x=alt.X("attacks:Q", title="Attacks naming it"),
            tooltip=[alt.Tooltip("trigger:N"), alt.Tooltip("attacks:Q")],
        )
        .properties(title=title, description=text, height=max(60, 24 * len(triggers)))
    )
    return AppChart(title, chart, text)


def trigger_alt_text(summary: Summary) -> str:
    """List every trigger with its count."""
    triggers = summary.attacks.triggers
    if not triggers:
        return "Triggers: none recorded."
    return "Triggers: " + ", ".join(f"{item.name} {item.count}" for item in triggers) + "."


def intensity_chart(summary: Summary) -> AppChart:
    """How many recorded days reached each worst-pain score (0–10)."""
    title = "Worst pain per recorded day"
    counts = intensity_counts(summary.daily)
    frame = pd.DataFrame(
        {"worst_pain": [score for score, _ in counts], "days": [days for _, days in counts]}
    )
    text = intensity_alt_text(counts)
    worst = ("worst_pain", "Worst pain that day (0–10)", "Worst pain")
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


def intensity_alt_text(counts: Sequence[tuple[float, int]]) -> str:
    """Every worst-pain score with its number of days."""
    if not counts:
        return "Worst pain per recorded day: no pain scores recorded."
    parts = [f"{score:g}: {days} {'day' if days == 1 else 'days'}" for score, days in counts]
    return "Worst pain per recorded day (score: days): " + ", ".join(parts) + "."

"""Summary → the app's Altair charts, each with alt text; no Streamlit here.

Four charts: attacks per day (worst pain as colour, treatment periods as shaded bands, days
without a diary as grey columns so a gap never looks attack-free, days whose worst pain was not
recorded in their own colour so a day with attacks is never missing), attacks by hour of day,
triggers, and the spread of the worst pain per recorded day. Every chart carries its alt text
in the Vega-Lite ``description`` (read out by screen readers) and in ``AppChart.alt_text`` for
the app to show beside it. Data are inlined into the chart spec: rendering fetches nothing.

Colours and text meet WCAG 2.2 AA on the white page (SC 1.4.3 text 4.5:1, SC 1.4.11 graphical
objects 3:1; https://www.w3.org/TR/WCAG22/): ``readable`` sets the chart text colour, and
``contrast_ratio`` (the WCAG relative-luminance formula) lets the tests check every colour.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from tnprep.summary import DayFigure, Summary, TreatmentSummary

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
BAND_OPACITY = 0.18
"""Treatment periods stay faint behind the bars (the legend and the alt text name them)."""
COUNT_FORMAT = ",d"
"""Counts as whole numbers with a thousands separator (1,234)."""


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
    axis_format = date_format(summary.period.start, summary.period.end)
    bands = _treatment_bands(summary, axis_format)
    layers = [
        *([bands] if bands is not None else []),  # an empty layer would be an unnamed image
        _gap_columns(days, axis_format),
        _attack_bars(days, axis_format),
        _unscored_bars(days, axis_format),
    ]
    subtitle = ["Grey columns: no diary on those days (a gap, not attack-free)."]
    if _unscored(days).shape[0]:
        subtitle.append("Blue bars: attacks recorded, worst pain not recorded.")
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(title, subtitle=subtitle),
        description=text,
        height=260,
    )
    return AppChart(title, chart.resolve_scale(color="independent"), text)


def date_format(start: dt.date | None, end: dt.date | None) -> str:
    """The time axis' label format for the period's length: days, months, or years.

    Up to four months each label is a day ('03 Jun'); up to two years a month with its year
    ('Jun 2026'); longer, the year alone — a ten-year axis never repeats '01 Jan'.
    """
    if start is None or end is None:
        return "%d %b"
    length = (end - start).days
    if length <= 124:
        return "%d %b"
    return "%b %Y" if length <= 731 else "%Y"


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


def _time_axis(axis_format: str) -> alt.X:
    # Date-only ISO strings are read as UTC midnight; a UTC scale keeps each bar on its own day.
    return alt.X(
        "day:T", title=None, scale=alt.Scale(type="utc"),
        axis=alt.Axis(format=axis_format, formatType="utc", labelOverlap=True),
    )  # fmt: skip


def count_axis(title: str) -> alt.Axis:
    """A count axis: whole-number ticks only (never 0.5), thousands separators."""
    return alt.Axis(title=title, tickMinStep=1, format=COUNT_FORMAT)


def _day_tooltip(title: str) -> alt.Tooltip:
    return alt.Tooltip("day:T", title=title, timeUnit="utcyearmonthdate", format="%d %b %Y")


def _unscored(days: pd.DataFrame) -> pd.DataFrame:
    """Recorded days with attacks but no worst pain (Vega-Lite drops a bar whose colour is null)."""
    return days[days["recorded"] & days["worst_pain"].isna() & (days["attacks"] > 0)]


def _attack_bars(days: pd.DataFrame, axis_format: str) -> alt.Chart:
    scored = days[days["recorded"] & (days["worst_pain"].notna() | (days["attacks"] == 0))]
    bars: alt.Chart = (
        alt.Chart(scored.fillna({"worst_pain": 0}))
        .mark_rect()
        .encode(
            x=_time_axis(axis_format),
            x2="next_day:T",
            y=alt.Y("attacks:Q", axis=count_axis("Attacks")),
            y2=alt.datum(0),
            color=alt.Color(
                "worst_pain:Q",
                title="Worst pain (0–10)",
                scale=alt.Scale(domain=[0, 10], range=list(PAIN_RANGE)),
            ),
            tooltip=[
                _day_tooltip("Day"),
                alt.Tooltip("attacks:Q", title="Attacks", format=COUNT_FORMAT),
                alt.Tooltip("worst_pain:Q", title="Worst pain"),
            ],
        )
        .properties(name="attacks")
    )
    return bars


def _unscored_bars(days: pd.DataFrame, axis_format: str) -> alt.Chart:
    bars: alt.Chart = (
        alt.Chart(_unscored(days).drop(columns=["worst_pain"]))
        .mark_rect(color=NO_PAIN_COLOUR)
        .encode(
            x=_time_axis(axis_format),
            x2="next_day:T",
            y=alt.Y("attacks:Q", axis=count_axis("Attacks")),
            y2=alt.datum(0),
            tooltip=[
                _day_tooltip("Day"),
                alt.Tooltip("attacks:Q", title="Attacks", format=COUNT_FORMAT),
                alt.Tooltip("pain:N", title="Worst pain"),
            ],
        )
        .transform_calculate(pain="'not recorded'")
        .properties(name="pain_not_recorded")
    )
    return bars


def _gap_columns(days: pd.DataFrame, axis_format: str) -> alt.Chart:
    gaps = days[~days["recorded"]]
    columns: alt.Chart = (
        alt.Chart(gaps)
        .mark_rect(color=GAP_COLOUR)
        .encode(
            x=_time_axis(axis_format),
            x2="next_day:T",
            tooltip=[_day_tooltip("No diary on")],
        )
        .properties(name="gaps")
    )
    return columns


def _treatment_bands(summary: Summary, axis_format: str) -> alt.Chart | None:
    periods = treatment_periods(summary.treatments, summary.period.start, summary.period.end)
    if not periods:
        return None
    bands = pd.DataFrame(periods, columns=["treatment", "day", "next_day"])
    shaded: alt.Chart = (
        alt.Chart(bands)
        .mark_rect(opacity=BAND_OPACITY)
        .encode(
            x=_time_axis(axis_format),
            x2="next_day:T",
            color=alt.Color("treatment:N", title="Treatment period"),
            tooltip=[alt.Tooltip("treatment:N", title="Treatment")],
        )
        .properties(name="treatment_periods")
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
        f"{attacks.total:,} attacks on {period.days_recorded:,} recorded days"
    ]
    if attacks.max_per_day is not None and attacks.max_day is not None:
        words.append(f"highest {attacks.max_per_day:,} on {attacks.max_day.isoformat()}")
    words.append(f"{gap_days} days without a diary shown as grey columns")
    unscored = sum(1 for day in summary.daily if day.attacks and day.worst_intensity is None)
    if unscored:
        days = "1 day" if unscored == 1 else f"{unscored:,} days"
        words.append(f"{days} with attacks but no worst pain recorded shown in blue")
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
    parts = [f"{score:g}: {days:,} {'day' if days == 1 else 'days'}" for score, days in counts]
    return "Worst pain per recorded day (score: days): " + ", ".join(parts) + "."


# ---------------------------------------------------------------------------
# Readable text and colours
# ---------------------------------------------------------------------------


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

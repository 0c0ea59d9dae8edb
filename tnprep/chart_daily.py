"""The app's "Attacks per day" chart: no day with attacks ever missing; no Streamlit here.

Bars coloured by worst pain; a day with attacks whose worst pain was not recorded in its own
colour (Vega-Lite drops a bar whose colour value is null, so such days once vanished); days
without a diary as grey columns, never zero bars; treatment periods as faint bands. The time
axis names days, months or years by the period's length, and always spans the whole period.

An attack-free day draws no mark (a bar of height 0 showed nothing and could not be hovered):
it is the white between bars, set apart from the grey gaps. Its 0-height bar was most of the
browser's work on a long log (the 17-year yilativs log: 5,672 of 6,212 days, 0.6–1 s a draw).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import altair as alt
import pandas as pd

from tnprep.analysis.pain_reading import scale_words
from tnprep.chart_pain import no_pain_words, pain_elsewhere
from tnprep.chart_style import (
    COUNT_FORMAT,
    GAP_COLOUR,
    NO_PAIN_COLOUR,
    PAIN_RANGE,
    AppChart,
    count_axis,
)
from tnprep.summary import DayFigure, Summary, TreatmentSummary

GAP_LINE = "Grey columns: no diary on those days (a gap, not attack-free)."
"""The subtitle's line for the gap columns, said only when the chart has one."""

BAND_OPACITY = 0.18
"""Treatment periods stay faint behind the bars (the legend and the alt text name them)."""


def daily_chart(summary: Summary) -> AppChart:
    """Attacks per day as bars coloured by worst pain, with gaps and treatment periods."""
    title = "Attacks per day"
    text = daily_alt_text(summary)
    days = _day_frame(summary.daily)
    axis = _TimeAxis(date_format(summary.period.start, summary.period.end), _domain(summary))
    bands = _treatment_bands(summary, axis)
    # An empty layer is an unnamed image to a screen reader (axe svg-img-alt): each layer is
    # drawn only when it has rows (a log without gaps, a 1–5 scale with no 0–10 pain).
    gaps, unscored = bool((~days["recorded"]).any()), not _unscored(days).empty
    drawn = [
        (bands is not None, bands),
        (gaps, _gap_columns(days, axis)),
        (not _scored(days).empty, _attack_bars(days, axis, scale_words(summary))),
        (unscored, _unscored_bars(days, axis, _tooltip_words(summary))),
    ]
    layers = [layer for shown, layer in drawn if shown and layer is not None] or [
        _attack_bars(days, axis, scale_words(summary))
    ]
    # The subtitle names only marks the chart draws: a log without gaps has no grey column.
    unscored_line = f"Blue bars: attacks recorded, worst pain {no_pain_words(summary)}."
    subtitle = [line for shown, line in ((gaps, GAP_LINE), (unscored, unscored_line)) if shown]
    chart = alt.layer(*layers).properties(
        title=alt.TitleParams(title, subtitle=subtitle or alt.Undefined),
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


@dataclass(frozen=True)
class _TimeAxis:
    """The shared time axis: its label format and the period it spans (``None``: the data's)."""

    format: str
    domain: tuple[dt.date, dt.date] | None


def _domain(summary: Summary) -> tuple[dt.date, dt.date] | None:
    """From the period's first day to the end of its last (attack-free days draw no mark)."""
    start, end = summary.period.start, summary.period.end
    if start is None or end is None or start > end:
        return None
    return start, end + dt.timedelta(days=1)


def _time_axis(axis: _TimeAxis) -> alt.X:
    # Date-only ISO strings are read as UTC midnight; a UTC scale keeps each bar on its own day.
    scale = alt.Scale(type="utc")
    if axis.domain is not None:
        scale = alt.Scale(type="utc", domain=[_utc_day(day) for day in axis.domain])
    return alt.X(
        "day:T", title=None, scale=scale,
        axis=alt.Axis(format=axis.format, formatType="utc", labelOverlap=True),
    )  # fmt: skip


def _utc_day(day: dt.date) -> alt.DateTime:
    return alt.DateTime(year=day.year, month=day.month, date=day.day, utc=True)


def _day_tooltip(title: str) -> alt.Tooltip:
    return alt.Tooltip("day:T", title=title, timeUnit="utcyearmonthdate", format="%d %b %Y")


def _unscored(days: pd.DataFrame) -> pd.DataFrame:
    """Recorded days with attacks but no worst pain (Vega-Lite drops a bar whose colour is null)."""
    return days[days["recorded"] & days["worst_pain"].isna() & (days["attacks"] > 0)]


def _scored(days: pd.DataFrame) -> pd.DataFrame:
    """Days with attacks drawn in the pain colours: a worst pain given."""
    return days[days["recorded"] & days["worst_pain"].notna() & (days["attacks"] > 0)]


def _attack_bars(days: pd.DataFrame, axis: _TimeAxis, scale: str = " (0–10)") -> alt.Chart:
    """Bars in the pain colours; ``scale``: how the worst pain was read (``scale_words``)."""
    bars: alt.Chart = (
        alt.Chart(_scored(days))
        .mark_rect()
        .encode(
            x=_time_axis(axis),
            x2="next_day:T",
            y=alt.Y("attacks:Q", axis=count_axis("Attacks")),
            y2=alt.datum(0),
            color=alt.Color(
                "worst_pain:Q",
                title=f"Worst pain{scale}",
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


def _alt_words(summary: Summary) -> str:
    """'recorded', or 'on the 0–10 scale (pain on a 1–5 scale, not converted)'."""
    elsewhere = pain_elsewhere(summary)
    return "recorded" if elsewhere is None else f"on the 0–10 scale ({elsewhere}, not converted)"


def _tooltip_words(summary: Summary) -> str:
    """The tooltip's worst pain of a blue bar: 'not recorded' or 'not on the 0–10 scale'."""
    return "not recorded" if pain_elsewhere(summary) is None else "not on the 0–10 scale"


def _unscored_bars(days: pd.DataFrame, axis: _TimeAxis, words: str) -> alt.Chart:
    bars: alt.Chart = (
        alt.Chart(_unscored(days).drop(columns=["worst_pain"]))
        .mark_rect(color=NO_PAIN_COLOUR)
        .encode(
            x=_time_axis(axis),
            x2="next_day:T",
            y=alt.Y("attacks:Q", axis=count_axis("Attacks")),
            y2=alt.datum(0),
            tooltip=[
                _day_tooltip("Day"),
                alt.Tooltip("attacks:Q", title="Attacks", format=COUNT_FORMAT),
                alt.Tooltip("pain:N", title="Worst pain"),
            ],
        )
        .transform_calculate(pain=f"'{words}'")
        .properties(name="pain_not_recorded")
    )
    return bars


def _gap_columns(days: pd.DataFrame, axis: _TimeAxis) -> alt.Chart:
    gaps = days[~days["recorded"]]
    columns: alt.Chart = (
        alt.Chart(gaps)
        .mark_rect(color=GAP_COLOUR)
        .encode(
            x=_time_axis(axis),
            x2="next_day:T",
            tooltip=[_day_tooltip("No diary on")],
        )
        .properties(name="gaps")
    )
    return columns


def _treatment_bands(summary: Summary, axis: _TimeAxis) -> alt.Chart | None:
    periods = treatment_periods(summary.treatments, summary.period.start, summary.period.end)
    if not periods:
        return None
    bands = pd.DataFrame(periods, columns=["treatment", "day", "next_day"])
    shaded: alt.Chart = (
        alt.Chart(bands)
        .mark_rect(opacity=BAND_OPACITY)
        .encode(
            x=_time_axis(axis),
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
    words.append(  # the chart draws no grey column for a log without gaps: none is named
        f"{gap_days:,} days without a diary shown as grey columns"
        if gap_days
        else "no day without a diary"
    )
    unscored = sum(1 for day in summary.daily if day.attacks and day.worst_intensity is None)
    if unscored:
        days = "1 day" if unscored == 1 else f"{unscored:,} days"
        words.append(f"{days} with attacks but no worst pain {_alt_words(summary)} shown in blue")
    names = sorted({name for name, _, _ in treatment_periods(
        summary.treatments, period.start, period.end)})  # fmt: skip
    if names:
        words.append("treatment periods shaded: " + ", ".join(names))
    return "; ".join(words) + "."

"""The Overview tab: the figures at a glance and the charts."""

from __future__ import annotations

import streamlit as st

from tnprep import charts
from tnprep.report.wording import duration_text, number_text
from tnprep.summary import Summary


def overview_tab(summary: Summary) -> None:
    """The at-a-glance figures and the charts."""
    patient = summary.patient
    st.text(
        f"{patient.name or 'Patient'} · period {_period_text(summary)} · data are patient-reported"
    )
    _metrics(summary)
    for chart in charts.overview_charts(summary):
        # The alt text is the chart's Vega-Lite description (its accessible name).
        st.altair_chart(chart.chart, width="stretch")  # type: ignore[call-overload]  # any top-level chart


def _period_text(summary: Summary) -> str:
    period = summary.period
    if period.start is None or period.end is None:
        return "no diary days"
    return f"{period.start} to {period.end}, {period.days_recorded} of {period.days} days recorded"


def _metrics(summary: Summary) -> None:
    attacks, trend, scores = summary.attacks, summary.attacks.trend, summary.scores
    change = trend.change_percent
    delta = None if change is None else f"{change:+d} % vs previous {trend.window_days} days"
    first, second = st.columns(4), st.columns(4)
    first[0].metric("Attacks", attacks.total)
    first[1].metric(
        "Per recorded day", number_text(attacks.per_recorded_day), delta, delta_color="inverse"
    )
    first[2].metric("Recorded days", f"{summary.period.days_recorded} of {summary.period.days}")
    first[3].metric("Attack-free days", attacks.attack_free_days)
    second[0].metric(
        "Most in a day", number_text(attacks.max_per_day), help=f"on {attacks.max_day}"
    )
    second[1].metric(
        "Pain median / worst",
        f"{number_text(attacks.intensity_median)} / {number_text(attacks.intensity_max)}",
    )
    second[2].metric("Median duration", duration_text(attacks.duration_median_s))
    second[3].metric("PHQ-9 / GAD-7", f"{_score(scores.phq9)} / {_score(scores.gad7)}")


def _score(score: object) -> str:
    total = getattr(score, "score", None)
    return "–" if total is None else str(total)

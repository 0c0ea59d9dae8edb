"""The app's visit-series chart: one point per visit for attack rate, worst pain and PHQ-9.

Pure (no Streamlit): ``Summary.since.visits`` → an ``AppChart`` (``tnprep.charts``) whose alt
text says every value in words. Each point is a figure *as that visit's summary stated it*, over
that summary's own period; points are never re-counted or joined into one period. The app's
Overview shows it beside the strip (``tnprep.report.since.build_since_strip``).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tnprep.charts import AppChart
from tnprep.report.wording import day_text, number_text
from tnprep.summary import Summary
from tnprep.visits import VisitPoint

MEASURES = (
    ("per_recorded_day", "Attacks per recorded day"),
    ("intensity_max", "Worst pain 0–10"),
    ("phq9", "PHQ-9 total"),
)
"""The series drawn, in panel order: (VisitPoint field, label)."""


def visit_series_chart(summary: Summary) -> AppChart | None:
    """The visit series, or ``None`` without an earlier visit to compare with."""
    points = visit_points(summary)
    if len(points) < 2:
        return None
    text = visit_series_text(points)
    frame = visit_frame(points)
    chart = (
        alt.Chart(frame, height=90, width=420)
        .mark_line(point=True, color="black")
        .encode(
            x=alt.X("date:T", title="Visit"),
            y=alt.Y("value:Q", title=None),
            tooltip=["visit:N", "measure:N", "value:Q", "source:N"],
        )
        .facet(row=alt.Row("measure:N", title=None, sort=[label for _, label in MEASURES]))
        .resolve_scale(y="independent")
        .properties(title="Visit by visit", description=text)
    )
    return AppChart(title="Visit by visit", chart=chart, alt_text=text)


def visit_points(summary: Summary) -> tuple[VisitPoint, ...]:
    """Every visit known, oldest first, the current one last (empty without an earlier one)."""
    since = summary.since
    return () if since is None or since.previous is None else since.visits


def visit_frame(points: tuple[VisitPoint, ...]) -> pd.DataFrame:
    """Long table: one row per visit and measure with a known value."""
    rows = [
        {
            "date": pd.Timestamp(point.date),
            "visit": day_text(point.date),
            "measure": label,
            "value": value,
            "source": point.file or "this visit",
        }
        for point in points
        for field, label in MEASURES
        if (value := getattr(point, field)) is not None
    ]
    return pd.DataFrame(rows, columns=["date", "visit", "measure", "value", "source"])


def visit_series_text(points: tuple[VisitPoint, ...]) -> str:
    """The chart in words, e.g. 'Attacks per recorded day: 7 Sep 2026 8.59, 2 Nov 2026 6.6. …'."""
    sentences = []
    for field, label in MEASURES:
        values = [f"{day_text(point.date)} {_number(getattr(point, field))}" for point in points]
        sentences.append(f"{label}: {', '.join(values)}.")
    return f"{len(points)} visits, each as its own summary stated it. " + " ".join(sentences)


def _number(value: float | int | None) -> str:
    return "not known" if value is None else number_text(value)

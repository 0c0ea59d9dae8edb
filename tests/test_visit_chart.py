"""The app's visit-series chart and its words (pure; the app wires it into Overview)."""

from __future__ import annotations

import json

from since_factory import earlier_document, with_earlier
from summary_factory import make_summary

from tnprep.visit_chart import visit_frame, visit_points, visit_series_chart


def test_no_earlier_visit_no_chart() -> None:
    assert visit_series_chart(make_summary()) is None
    document = earlier_document()
    document["patient"]["name"] = "Someone Else"  # refused: nothing to draw
    assert visit_series_chart(with_earlier(make_summary(), document)) is None


def test_two_earlier_visits_give_three_points_with_words() -> None:
    older = earlier_document(per_recorded_day=12.0)
    older["patient"]["visit_date"] = "2023-07-01"
    older["period"] = {"start": "2023-04-01", "end": "2023-06-30", "days": 91, "days_recorded": 91}
    summary = with_earlier(make_summary(), older, earlier_document())
    chart = visit_series_chart(summary)
    assert chart is not None
    now = summary.attacks.per_recorded_day
    assert chart.alt_text.startswith("3 visits, each as its own summary stated it.")
    assert f"Attacks per recorded day: 1 Jul 2023 12, 8 Jan 2024 9.5, 10 Apr 2024 {now:g}." in (
        chart.alt_text
    )
    spec = chart.chart.to_dict()
    assert spec["description"] == chart.alt_text
    assert "url" not in json.dumps(spec["data"])  # inlined: rendering fetches nothing
    frame = visit_frame(visit_points(summary))
    assert sorted(set(frame["measure"])) == ["Attacks per recorded day", "PHQ-9 total",
                                             "Worst pain 0–10"]  # fmt: skip
    assert list(frame["source"])[-1] == "this visit"

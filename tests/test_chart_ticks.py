"""The chart's attack axis never labels a fraction of an attack (the page review: '0.5' and
'2.5' attacks on the real CHT and check-in pages, whose busiest day had 1 or 5 attacks)."""

from __future__ import annotations

import datetime as dt

import pytest
from reportlab.graphics.shapes import Group, String

from tnprep.report.chart_content import Chart, ChartBin
from tnprep.report.pdf.chart import chart_drawing
from tnprep.report.pdf.text import Text


def _labels(node: Group) -> list[str]:
    found = []
    for item in node.contents:
        if isinstance(item, String):
            found.append(item.text)
        elif isinstance(item, Group):
            found.extend(_labels(item))
    return found


def _chart(most: float) -> Chart:
    day = dt.date(2026, 10, 1)
    bins = tuple(
        ChartBin(day + dt.timedelta(days=i), day + dt.timedelta(days=i), value, 5.0, 1)
        for i, value in enumerate((most, 0.0, 1.0))
    )
    return Chart(day, day + dt.timedelta(days=2), 1, bins, (), most, "", ())


@pytest.mark.parametrize(("most", "axis"), [(1, ["0", "1"]), (5, ["0", "5"]), (2, ["0", "1", "2"]),
                                            (20, ["0", "10", "20"])])  # fmt: skip
def test_the_attack_axis_labels_whole_attacks_only(most: float, axis: list[str]) -> None:
    labels = _labels(chart_drawing(Text(), _chart(most), width=300))
    assert labels[: labels.index("attacks")] == axis

"""The "Attacks per day" chart's subtitle names only what the chart draws (session 5, app2).

The yilativs log has a diary on every day of its 17 years: its chart drew no grey column, yet the
subtitle said "Grey columns: no diary on those days" to a new user looking for them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from summary_factory import make_summary

from tnprep import charts
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.summary import DayFigure, Summary

REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
YILATIVS = REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
GREY = "Grey columns: no diary on those days (a gap, not attack-free)."
BLUE = "Blue bars: attacks recorded, worst pain not recorded."


def subtitle(summary: Summary) -> list[str]:
    title = charts.daily_chart(summary).chart.to_dict()["title"]
    return list(title.get("subtitle", []))


def layers(summary: Summary) -> list[str]:
    return [layer["name"] for layer in charts.daily_chart(summary).chart.to_dict()["layer"]]


def with_daily(daily: list[DayFigure]) -> Summary:
    summary = make_summary()
    period = dataclasses.replace(summary.period, start=daily[0].date, end=daily[-1].date)
    return dataclasses.replace(summary, daily=tuple(daily), period=period, treatments=())


def test_the_real_yilativs_chart_has_no_grey_column_and_says_none() -> None:
    data = load_patient(Sources(diaries=[(YILATIVS.name, YILATIVS.read_bytes())]))
    summary = summarise_patient(data, start=None, end=None, today=dt.date(2026, 12, 3))
    assert "gaps" not in layers(summary)
    assert GREY not in subtitle(summary)


def test_a_chart_without_gaps_or_unscored_days_has_no_subtitle() -> None:
    first = dt.date(2026, 1, 1)
    summary = with_daily([DayFigure(first, 2, 5.0), DayFigure(first + dt.timedelta(1), 0, None)])
    assert subtitle(summary) == []


def test_each_line_is_said_when_its_marks_are_drawn() -> None:
    first = dt.date(2026, 1, 1)
    days = [DayFigure(first, 2, 5.0), DayFigure(first + dt.timedelta(1), None, None),
            DayFigure(first + dt.timedelta(2), 3, None)]  # fmt: skip
    assert subtitle(with_daily(days)) == [GREY, BLUE]
    assert subtitle(with_daily([days[0], days[2]])) == [BLUE]
    assert subtitle(with_daily(days[:2])) == [GREY]


BEARABLE = REAL / "bearable-export" / "Bearable_Export_20210728.csv"


def real_summary(path: Path) -> Summary:
    data = load_patient(Sources(diaries=[(path.name, path.read_bytes())]))
    return summarise_patient(data, start=None, end=None, today=dt.date(2026, 12, 3))


def test_pain_on_another_scale_is_not_called_not_recorded() -> None:
    # yilativs recorded pain on every attack, on a 1–5 scale the page leaves unconverted; the
    # charts said "worst pain not recorded" and "no pain scores recorded" (Bearable: words).
    for path, scale in ((YILATIVS, "pain on a 1–5 scale"), (BEARABLE, "pain recorded as words")):
        summary = real_summary(path)
        made = {chart.title: chart for chart in charts.overview_charts(summary)}
        daily = made["Attacks per day"]
        said = " ".join(
            [*subtitle(summary), daily.alt_text, made["Worst pain per recorded day"].alt_text]
        )
        assert "not recorded" not in said and "no pain scores recorded" not in said, said
        assert f"worst pain not on the 0–10 scale ({scale}, not converted)" in subtitle(summary)[-1]
        assert f"({scale}, not converted)" in made["Worst pain per recorded day"].alt_text
        unscored = [layer for layer in daily.chart.to_dict()["layer"]
                    if layer["name"] == "pain_not_recorded"]  # fmt: skip
        assert "'not on the 0–10 scale'" in str(unscored[0]["transform"])


def test_the_alt_text_names_no_grey_column_when_there_is_none() -> None:
    assert "grey columns" not in charts.daily_alt_text(real_summary(YILATIVS))
    assert "no day without a diary" in charts.daily_alt_text(real_summary(YILATIVS))

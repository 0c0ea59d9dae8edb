"""tnprep.charts: the app's Altair charts carry the right data, the gaps, and their alt text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings
from summary_factory import SAMPLE_GAP, empty_summary, make_summary, summaries

from tnprep import charts
from tnprep.model import PartialDate
from tnprep.summary import DayFigure, Summary, TreatmentSummary, TriggerCount


def layer_data(chart_dict: dict[str, object], index: int | str) -> list[dict[str, object]]:
    """The inlined rows of layer ``index`` (a position or the layer's name) of a layered chart."""
    layers = chart_dict["layer"]  # type: ignore[index]
    if isinstance(index, str):
        index = next(
            position for position, layer in enumerate(layers) if layer.get("name") == index
        )
    name = layers[index]["data"]["name"]  # type: ignore[index]
    return chart_dict["datasets"][name]  # type: ignore[index, no-any-return]


def test_overview_has_four_charts_each_described() -> None:
    made = charts.overview_charts(make_summary())
    assert [chart.title for chart in made] == [
        "Attacks per day", "Attacks by hour of day", "Triggers", "Worst pain per recorded day",
    ]  # fmt: skip
    for chart in made:
        spec = chart.chart.to_dict()
        assert spec["description"] == chart.alt_text
        assert chart.alt_text.endswith(".")


def test_gap_days_are_their_own_grey_layer_never_zero_bars() -> None:
    summary = make_summary()
    spec = charts.daily_chart(summary).chart.to_dict()
    bands, gaps, bars = (layer_data(spec, index) for index in range(3))
    first, last = SAMPLE_GAP
    gap_days = [row["day"] for row in gaps]
    assert gap_days == [
        (first + dt.timedelta(days=offset)).isoformat() for offset in range((last - first).days + 1)
    ]
    assert not set(gap_days) & {row["day"] for row in bars}
    assert all(row["attacks"] is not None for row in bars)
    assert spec["layer"][1]["mark"]["color"] == charts.GAP_COLOUR
    assert {row["treatment"] for row in bands} == {"carbamazepine", "oxcarbazepine"}


def test_attack_free_days_draw_no_mark_but_stay_on_the_axis() -> None:
    # Session 5: a zero-height bar per attack-free day drew nothing, yet the 17-year log's 5,672
    # of them were most of the browser's work on the Overview (0.6-1 s a draw under load).
    summary = make_summary()
    first, last = summary.daily[0], summary.daily[-1]
    zero = dataclasses.replace(
        summary,
        daily=(
            dataclasses.replace(first, attacks=0),
            *summary.daily[1:-1],
            dataclasses.replace(last, attacks=0),
        ),
    )
    spec = charts.daily_chart(zero).chart.to_dict()
    bars = layer_data(spec, "attacks")
    assert first.date.isoformat() not in {row["day"] for row in bars}
    assert all(row["attacks"] > 0 for row in bars)
    # the axis still runs from the period's first day to the end of its last
    domains = [layer["encoding"]["x"]["scale"].get("domain") for layer in spec["layer"]]
    expected = [
        {"year": day.year, "month": day.month, "date": day.day, "utc": True}
        for day in (first.date, last.date + dt.timedelta(days=1))
    ]
    assert domains == [expected] * len(domains)


def treatment(start: PartialDate | None, end: PartialDate | None) -> TreatmentSummary:
    item = make_summary().treatments[0]
    changed = dataclasses.replace(
        item.treatment, name="drug", start=start, end=end, ongoing=end is None
    )
    return dataclasses.replace(item, treatment=changed)


PERIOD = (dt.date(2024, 1, 8), dt.date(2024, 4, 6))


@pytest.mark.parametrize(
    ("start", "end", "periods"),
    [
        (PartialDate(2024, 2, 1), PartialDate(2024, 2, 10), [("drug", "2024-02-01", "2024-02-11")]),
        (PartialDate(2019), None, [("drug", "2024-01-08", "2024-04-07")]),  # ongoing, clipped
        (PartialDate(2024, 3), PartialDate(2024, 3), [("drug", "2024-03-01", "2024-04-01")]),
        (PartialDate(2020), PartialDate(2021), []),  # before the period
        (None, PartialDate(2024, 2, 1), []),  # no start: not drawn
    ],
)
def test_treatment_periods(
    start: PartialDate | None, end: PartialDate | None, periods: list[tuple[str, str, str]]
) -> None:
    assert charts.treatment_periods([treatment(start, end)], *PERIOD) == periods


def test_treatment_periods_without_a_period() -> None:
    assert charts.treatment_periods([treatment(PartialDate(2024), None)], None, None) == []


def test_hour_chart_has_24_hours_and_names_the_busiest() -> None:
    counts = tuple([0] * 18 + [9] + [0] * 2 + [4] + [0, 4])
    summary = make_summary()
    summary = dataclasses.replace(
        summary, attacks=dataclasses.replace(summary.attacks, by_hour=counts)
    )
    made = charts.hour_chart(summary)
    rows = next(iter(made.chart.to_dict()["datasets"].values()))
    assert [row["attacks"] for row in rows] == list(counts)
    assert made.alt_text == (
        "Attacks by hour of day; busiest: 18:00–18:59 (9 attacks), 21:00–21:59 (4 attacks), "
        "23:00–23:59 (4 attacks)."
    )


@pytest.mark.parametrize(
    ("triggers", "text"),
    [
        ((), "Triggers: none recorded."),
        ((TriggerCount("chewing", 3), TriggerCount("<b>wind</b>", 1)),
         "Triggers: chewing 3, <b>wind</b> 1."),
    ],
)  # fmt: skip
def test_trigger_alt_text(triggers: tuple[TriggerCount, ...], text: str) -> None:
    summary = make_summary()
    summary = dataclasses.replace(
        summary, attacks=dataclasses.replace(summary.attacks, triggers=triggers)
    )
    assert charts.trigger_chart(summary).alt_text == text


def test_intensity_counts_use_recorded_days_with_a_score() -> None:
    day = dt.date(2024, 1, 1)
    daily = [
        DayFigure(day, 3, 7.0),
        DayFigure(day, 1, 7.0),
        DayFigure(day, 0, 6.5),
        DayFigure(day, 2, None),
        DayFigure(day, None, None),
    ]
    assert charts.intensity_counts(daily) == ((6.5, 1), (7.0, 2))
    assert charts.intensity_alt_text(charts.intensity_counts(daily)) == (
        "Worst pain per recorded day (score: days): 6.5: 1 day, 7: 2 days."
    )


def test_empty_summary_gives_empty_charts_with_words() -> None:
    made = charts.overview_charts(empty_summary())
    assert [chart.alt_text for chart in made] == [
        "Attacks per day: no diary days to show.",
        "Attacks by hour of day: no attack times recorded.",
        "Triggers: none recorded.",
        "Worst pain per recorded day: no pain scores recorded.",
    ]
    for chart in made:
        chart.chart.to_dict()  # valid Vega-Lite


def test_daily_alt_text_of_the_sample() -> None:
    text = charts.daily_alt_text(make_summary())
    assert text.startswith("Attacks per day from 2024-01-08 to 2024-04-06: ")
    assert "3 days without a diary shown as grey columns" in text
    assert "treatment periods shaded: carbamazepine, oxcarbazepine" in text


@settings(max_examples=40, deadline=None)
@given(summaries())
def test_any_summary_makes_valid_charts(summary: Summary) -> None:
    for chart in charts.overview_charts(summary):
        spec = chart.chart.to_dict()  # validates against the Vega-Lite schema
        assert spec["description"] == chart.alt_text


# ---------------------------------------------------------------------------
# Issue 14: no vanished days, readable axes, colours at WCAG AA
# ---------------------------------------------------------------------------


def with_daily(daily: list[DayFigure]) -> Summary:
    summary = make_summary()
    period = dataclasses.replace(summary.period, start=daily[0].date, end=daily[-1].date)
    return dataclasses.replace(summary, daily=tuple(daily), period=period, treatments=())


def test_a_day_with_attacks_but_no_worst_pain_is_drawn_in_its_own_colour() -> None:
    first = dt.date(2026, 7, 27)
    later = [first + dt.timedelta(days=offset) for offset in (1, 2)]
    summary = with_daily(
        [DayFigure(first, 3, 6.0), DayFigure(later[0], 9, None), DayFigure(later[1], 0, None)]
    )
    made = charts.daily_chart(summary)
    spec = made.chart.to_dict()
    unscored = layer_data(spec, "pain_not_recorded")
    assert [(row["day"], row["attacks"]) for row in unscored] == [("2026-07-28", 9)]
    scored = layer_data(spec, "attacks")
    assert [(row["day"], row["attacks"]) for row in scored] == [("2026-07-27", 3)]
    assert all(row["worst_pain"] is not None for row in scored)  # a null colour drops the bar
    assert "1 day with attacks but no worst pain recorded shown in blue" in made.alt_text
    assert "Blue bars" in " ".join(spec["title"]["subtitle"])


def test_no_empty_layer() -> None:
    # An empty layer was an unnamed image (axe svg-img-alt, serious) on a log without gaps.
    spec = charts.daily_chart(with_daily([DayFigure(dt.date(2026, 1, 1), 1, 3.0)])).chart.to_dict()
    assert [layer["name"] for layer in spec["layer"]] == ["attacks"]
    unscored = with_daily([DayFigure(dt.date(2026, 1, 1), 2, None)])
    spec = charts.daily_chart(unscored).chart.to_dict()
    assert [layer["name"] for layer in spec["layer"]] == ["pain_not_recorded"]


@pytest.mark.parametrize(
    ("days", "expected"),
    [(30, "%d %b"), (124, "%d %b"), (200, "%b %Y"), (731, "%b %Y"), (3650, "%Y")],
)
def test_the_time_axis_names_years_on_long_periods(days: int, expected: str) -> None:
    start = dt.date(2016, 1, 1)
    assert charts.date_format(start, start + dt.timedelta(days=days)) == expected


def test_count_axes_have_whole_ticks_and_thousands_separators() -> None:
    for made in charts.overview_charts(make_summary()):
        spec = made.chart.to_dict()
        encodings = [layer["encoding"] for layer in spec.get("layer", [spec])]
        for encoding in encodings:
            for channel in ("x", "y"):
                axis = encoding.get(channel, {}).get("axis") or {}
                if encoding.get(channel, {}).get("type") == "quantitative":
                    assert axis.get("tickMinStep") == 1, made.title
                    assert axis.get("format") == ",d", made.title


def test_the_trigger_chart_gives_each_trigger_a_fixed_row() -> None:
    spec = charts.trigger_chart(make_summary()).chart.to_dict()
    assert spec["height"] == {"step": 28}


@pytest.mark.parametrize(
    ("colour", "minimum"),
    [
        (charts.TEXT_COLOUR, 4.5),
        (charts.GAP_COLOUR, 3.0),
        (charts.NO_PAIN_COLOUR, 3.0),
        (charts.PAIN_RANGE[0], 3.0),
        (charts.PAIN_RANGE[1], 3.0),
    ],
)
def test_chart_colours_meet_wcag_aa_on_white(colour: str, minimum: float) -> None:
    assert charts.contrast_ratio(colour) >= minimum


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert charts.contrast_ratio("#000000") == pytest.approx(21.0)
    assert charts.contrast_ratio("#767676") == pytest.approx(4.54, abs=0.01)
    assert charts.contrast_ratio("#808495") < 4.5  # Streamlit's axis grey: why ``readable``


def test_readable_sets_every_chart_text_colour() -> None:
    for made in charts.overview_charts(make_summary()):
        config = charts.readable(made.chart).to_dict()["config"]
        assert config["axis"]["labelColor"] == charts.TEXT_COLOUR
        assert config["legend"]["titleColor"] == charts.TEXT_COLOUR
        assert config["title"]["subtitleColor"] == charts.TEXT_COLOUR


def test_a_record_of_attack_free_days_only_is_said_in_words_in_the_app() -> None:
    # Its chart would be an empty layer (axe svg-img-alt); the app shows the chart's words.
    from tnprep.app.overview import _has_data  # noqa: PLC0415

    quiet = with_daily(
        [DayFigure(dt.date(2026, 1, 1), 0, None), DayFigure(dt.date(2026, 1, 2), 0, 2.0)]
    )
    assert not _has_data("Attacks per day", quiet)
    gap = with_daily(
        [DayFigure(dt.date(2026, 1, 1), 0, None), DayFigure(dt.date(2026, 1, 2), None, None)]
    )
    assert _has_data("Attacks per day", gap)

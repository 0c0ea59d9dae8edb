"""The Overview tab: what the data hold, any problems, the figures at a glance, the charts."""

from __future__ import annotations

import altair as alt
import streamlit as st

from tnprep import charts
from tnprep.app.silences import silence_question
from tnprep.app.since import since_section
from tnprep.issues import Severity
from tnprep.model import SilenceRule
from tnprep.report.input_lines import scale_and_silences
from tnprep.report.name_lines import attack_names_text
from tnprep.report.sections import build_glance, highest_day_text
from tnprep.report.trend_words import trend_detail, trend_label
from tnprep.report.wording import day_text, number_text
from tnprep.summary import AttackFigures, Summary


def problems_section(box: st.delta_generator.DeltaGenerator, problems: dict[Severity, int]) -> None:
    """The problems line in ``box``, above the tabs, so it is seen from every tab."""
    line = problems_line(problems)
    if sum(problems.values()):
        box.warning(line)
    else:
        box.success(line)


def period_warning(box: st.delta_generator.DeltaGenerator, summary: Summary) -> None:
    """Say so in ``box`` when "Since my last visit" is after the last diary day (no day in it)."""
    period = summary.period
    if backwards(summary):
        box.warning(
            f"“Since my last visit” ({day_text(period.start)}) is after the last diary day "
            f"({day_text(period.end)}): "
            "no diary day falls in the period. Choose an earlier day, or clear it to use every "
            "recorded day."
        )


def backwards(summary: Summary) -> bool:
    """True when the period starts after it ends ("Since my last visit" after the last diary day).

    No page or summary JSON is made for it: it would print "1 Jan 2030 – 29 Oct 2026".
    """
    period = summary.period
    return period.start is not None and period.end is not None and period.start > period.end


def no_page_text(summary: Summary) -> str:
    """What the Report tab says instead of a page when the period runs backwards."""
    period = summary.period
    return (
        f"No page is made: “Since my last visit” ({day_text(period.start)}) is after the last "
        f"diary day ({day_text(period.end)}), so no diary day falls in the period. Choose an "
        "earlier day, or clear it to use every recorded day."
    )


def overview_tab(summary: Summary, charts_shown: bool = True) -> None:
    """The at-a-glance figures, the since-last-visit strip and the charts.

    The charts are drawn only when ``charts_shown`` (the tab is open): they are most of the
    tab's work (data converted for Vega-Lite, then drawn by the browser) and nobody sees them
    from another tab.
    """
    patient = summary.patient
    st.text(
        f"{patient.name or 'Patient'} · period {_period_text(summary)} · data are patient-reported"
    )
    silence_question(summary)
    _metrics(summary)
    names = attack_names_text(summary)  # the page's line under its figures, word for word
    if names:
        st.text(names)
    for label, text in scale_and_silences(summary):
        if label == "Pain scale":  # a 1–5 or word scale is left out of the 0–10 figures: say so
            st.text(f"Pain scale: {text}")
    since_section(summary)
    if not charts_shown:
        return
    st.header("Charts", anchor=False)
    key = repr((summary.daily, summary.period, summary.treatments, summary.attacks))
    for spec in chart_specs(key, summary):
        description = str(spec.get("description", ""))
        if not spec.get(_DRAWN, True):  # nothing to draw: the words say so (an empty chart
            st.text(description)  # said nothing to a screen reader and failed axe svg-img-alt)
            continue
        # The chart's description is its accessible name (``alt``), said once.
        described = {
            name: value for name, value in spec.items() if name not in {"description", _DRAWN}
        }
        st.vega_lite_chart(described, width="stretch", alt=description)


_DRAWN = "_drawn"
"""Key of a chart spec: ``False`` when the chart has no data (its description is shown instead)."""


def _has_data(title: str, summary: Summary) -> bool:
    """Whether the chart ``title`` has anything to draw for ``summary``."""
    attacks = summary.attacks
    drawn = {
        # an attack-free day draws no mark: only gaps and days with attacks are drawn
        "Attacks per day": any(day.attacks != 0 for day in summary.daily),
        "Attacks by hour of day": any(attacks.by_hour),
        "Triggers": bool(attacks.triggers),
        "Worst pain per recorded day": bool(charts.intensity_counts(summary.daily)),
    }
    return drawn.get(title, True)


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def chart_specs(key: str, _summary: Summary) -> list[dict[str, object]]:
    """The charts as Vega-Lite, keyed on the figures they draw (an edited name redraws none).

    Altair's schema validation is skipped: the specs are the same every run and the unit tests
    validate them (``tests/test_charts.py``); on a ten-year diary it took a quarter second.
    Altair's 5,000-row limit is lifted while converting: a period of more than 5,000 days (the
    real 17-year yilativs log has 6,212) raised ``MaxRowsError`` and the app showed an error.
    """
    with alt.data_transformers.disable_max_rows():
        return [
            {**charts.readable(chart.chart).to_dict(validate=False), _DRAWN: True}
            if _has_data(chart.title, _summary)
            else {"description": chart.alt_text, _DRAWN: False}
            for chart in charts.overview_charts(_summary)
        ]


_PROBLEM_WORDS = (
    (Severity.REJECTED, "row or file not used", "rows or files not used"),
    (Severity.DROPPED, "value not used", "values not used"),
    (Severity.DUPLICATE, "duplicate counted once", "duplicates counted once"),
    (Severity.NOTICE, "note", "notes"),
)


def problems_line(problems: dict[Severity, int]) -> str:
    """One line naming what was not used, e.g. '2 rows not used, 14 duplicates counted once'."""
    said = [
        _count(problems.get(severity, 0), one, many)
        for severity, one, many in _PROBLEM_WORDS
        if problems.get(severity, 0)
    ]
    if not said:
        return "Every row of your files was used; nothing to check in Data issues."
    return "In your files: " + ", ".join(said) + ". Each is explained in the Data issues tab."


def _count(count: int, one: str, many: str) -> str:
    return "" if not count else f"{count} {one if count == 1 else many}"


def _period_text(summary: Summary) -> str:
    period = summary.period
    if period.start is None or period.end is None or period.start > period.end:
        return "no diary days"
    text = (
        f"{day_text(period.start)} to {day_text(period.end)}, {period.days_recorded} of "
        f"{period.days} days recorded"
    )
    if period.chosen and period.diary_start is not None and period.diary_end is not None:
        # the page's header line "Chosen from: …": the diaries hold more than the period
        text += (
            f", chosen from the diaries' {day_text(period.diary_start)} to "
            f"{day_text(period.diary_end)}"
        )
    return text


def _metrics(summary: Summary) -> None:
    attacks, scores = summary.attacks, summary.scores
    first, second = st.columns(4), st.columns(4)
    first[0].metric("Attacks", f"{attacks.total}")
    first[1].metric(
        "Per recorded day", number_text(attacks.per_recorded_day), trend_text(summary),
        delta_color="off", help=trend_help(summary),
    )  # fmt: skip
    silences = summary.silences  # the page's "6212 of 6212, 5,286 in silences"
    first[2].metric(
        "Recorded days", f"{summary.period.days_recorded} of {summary.period.days}",
        f"{silences.days} in silences (counted attack-free)"
        if silences.runs and silences.rule is SilenceRule.ATTACK_FREE else None,
        delta_color="off", delta_arrow="off",
    )  # fmt: skip
    first[3].metric("Attack-free days", f"{attacks.attack_free_days}")
    second[0].metric(
        "Most in a day",
        number_text(attacks.max_per_day),
        help=_highest_day_help(attacks),
    )
    # The page's own figures, word for word: the pain on the scale the files were read on
    # ("Pain 1–5 (not converted)", "read as 0–10 … no scale stated"), the duration to the minute
    # with how many attacks gave one (the tile once said "0–10 scale your diary used" and "– / –"
    # for a 1–5 log, and gave seconds from 16 of 139 attacks).
    glance = build_glance(summary)
    pain = next(figure for figure in glance.figures if figure.label.startswith("Pain"))
    second[1].metric(
        pain.label, pain.value, pain.detail or None, delta_color="off", delta_arrow="off",
        help="As on the page. Pain of the attacks: the median, and the worst; the Pain scale "
        "line says how each file's pain was read.",
    )  # fmt: skip
    duration = next(figure for figure in glance.figures if figure.label == "Median duration")
    second[2].metric(
        "Median duration", duration.value, duration.detail or None, delta_color="off",
        delta_arrow="off", help="As on the page: to the minute.",
    )  # fmt: skip
    second[3].metric(
        "PHQ-9 / GAD-7", f"{_score(scores.phq9)} / {_score(scores.gad7)}",
        help="Mood (PHQ-9, 0–27) and anxiety (GAD-7, 0–21) questionnaire totals; "
        "see the Questionnaire tab.",
    )  # fmt: skip


def trend_text(summary: Summary) -> str | None:
    """'+12 % vs prior 28 days' — only when the analysis computed the trend, never coloured."""
    trend = summary.attacks.trend
    change = trend.change_percent
    if not trend.computed or change is None:
        return None
    return f"{change:+.0f} % vs prior {trend.window_days} days"


def trend_help(summary: Summary) -> str:
    """The metric's help: what the change compares, or why it is not shown (as on the page)."""
    trend = summary.attacks.trend
    if trend.computed:
        return f"{trend_label(trend)}: {trend_detail(trend)}."
    return f"Trend {trend_detail(trend)}."


def _score(score: object) -> str:
    total = getattr(score, "score", None)
    return "–" if total is None else str(total)


def _highest_day_help(attacks: AttackFigures) -> str | None:
    """The page's words for the day: 'on 21 Aug 2026', or 'on 22 days, first 15 Dec 2023'."""
    text = highest_day_text(attacks)
    if not text:
        return None
    return text if attacks.max_days > 1 else f"on {text}"

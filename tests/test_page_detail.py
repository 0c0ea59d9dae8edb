"""More of the record: a page with room prints the attack pattern at a finer grain (docs/page.md).

Every field restates figures the summary holds (attacks by start hour, per calendar year, each
silence, every trigger), only in room the fitted page leaves unused: the crowded sample page
gets none, the sparse 17-year log gets them all, and the page still fits its room.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from summary_factory import make_daily, make_summary
from test_golden_sample import sample_summary

from tnprep.model import SilenceRule
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.content import Paper, build_content
from tnprep.report.detail_section import build_detail
from tnprep.report.pdf import CHART_HEIGHT, chart_row, page, render_pdf
from tnprep.report.pdf.blocks import Block
from tnprep.summary import Period, Silence, Silences, Summary, TriggerCount

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real-exports"
CHT = REAL / "cht-export" / "sample_logs.csv"
YILATIVS = REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
TODAY = dt.date(2026, 12, 3)


def _summary(path: Path) -> Summary:
    sources = Sources([(path.name, path.read_bytes())], [], [])
    return summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)


def _words(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().replace("\u00a0", " ").split())


@pytest.mark.skipif(not YILATIVS.exists(), reason="real exports not present")
@pytest.mark.parametrize("paper", list(Paper))
def test_the_sparse_17_year_log_uses_its_room_for_more_of_the_record(
    paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    heights: list[tuple[float, float]] = []
    with_detail = page._with_detail

    def spy(*arguments: Any) -> Block:
        block = with_detail(*arguments)
        heights.append((block.height, arguments[3]))
        return block

    monkeypatch.setattr(page, "_with_detail", spy)
    text = _words(render_pdf(build_content(_summary(YILATIVS), paper)))
    assert "More of the record (as recorded)" in text
    assert "Attacks by hour of start: 0 h 14, 1 h 27, 2 h 39," in text
    assert "23 h 12" in text
    # a year inside a silence is not read as a recorded attack-free year
    assert (
        "2004 (from 7 Jan): 30 attacks (291 days in silences); 2005: 28 (310 in silences);" in text
    )
    assert "2011: 0 (365 in silences);" in text
    assert "2021 (to 8 Jan): 3" in text
    assert "Each silence (days): 12 Feb – 2 Sep 2004 (204); 6 Oct 2004 – 30 Aug 2005 (329);" in text
    assert "13 Apr – 15 Sep 2020 (156)" in text  # the last of the 18
    assert all(height <= room + 0.001 for height, room in heights)


@pytest.mark.skipif(not CHT.exists(), reason="real exports not present")
def test_a_few_attacks_list_only_their_hours() -> None:
    text = _words(build_page(_summary(CHT), "a4"))
    assert "Attacks by hour of start: 8 h 1, 15 h 1, 23 h 1 (none at the other hours)" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_crowded_sample_has_no_room_for_it(paper: str) -> None:
    assert "More of the record" not in _words(build_page(sample_summary(), paper))
    assert build_detail(sample_summary())  # it has the fields; the page has no room


def test_a_short_period_has_no_years_and_the_years_say_what_was_not_recorded() -> None:
    labels = [field.label for field in build_detail(make_summary())]
    assert "Attacks per calendar year" not in labels  # 90 days: the chart shows them
    start, days = dt.date(2023, 3, 1), 800
    daily = make_daily(start, days, gaps=((dt.date(2024, 1, 1), dt.date(2024, 1, 10)),))
    end = start + dt.timedelta(days=days - 1)
    summary = dataclasses.replace(
        make_summary(), daily=daily, period=Period(start, end, days, days - 10)
    )
    fields = dict((field.label, field.value) for field in build_detail(summary))
    years = fields["Attacks per calendar year"]
    assert years.startswith("2023 (from 1 Mar): ") and " attacks; 2024: " in years
    assert "(10 without diary)" in years and "2025 (to 8 May): " in years


def test_silences_counted_as_gaps_are_days_without_diary_not_silences() -> None:
    runs = (
        Silence(dt.date(2023, 4, 1), dt.date(2023, 5, 31), ("log.csv",)),
        Silence(dt.date(2024, 2, 1), dt.date(2024, 3, 31), ("log.csv",)),
    )
    start, days = dt.date(2023, 3, 1), 800
    summary = dataclasses.replace(
        make_summary(),
        daily=make_daily(start, days, gaps=()),
        period=Period(start, start + dt.timedelta(days=days - 1), days, days),
        silences=Silences(SilenceRule.ATTACK_FREE, runs),
    )
    fields = dict((field.label, field.value) for field in build_detail(summary))
    assert "(61 days in silences); 2024: " in fields["Attacks per calendar year"]
    assert "(60 in silences)" in fields["Attacks per calendar year"]
    assert fields["Each silence (days)"] == "1 Apr – 31 May 2023 (61); 1 Feb – 31 Mar 2024 (60)"
    gaps = dataclasses.replace(summary, silences=Silences(SilenceRule.UNRECORDED, runs))
    years = dict((field.label, field.value) for field in build_detail(gaps))
    assert "in silences" not in years["Attacks per calendar year"]


def _chart_heights(summary: Summary, paper: Paper, monkeypatch: pytest.MonkeyPatch) -> list[float]:
    heights: list[float] = []
    drawing = chart_row.chart_drawing

    def spy(text: Any, chart: Any, width: float, height: float) -> Any:
        heights.append(height)
        return drawing(text, chart, width, height)

    with monkeypatch.context() as patched:
        patched.setattr(chart_row, "chart_drawing", spy)
        render_pdf(build_content(summary, paper))
    return heights


@pytest.mark.skipif(not YILATIVS.exists(), reason="real exports not present")
@pytest.mark.parametrize("paper", list(Paper))
def test_room_still_left_makes_the_chart_taller(
    paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _chart_heights(_summary(YILATIVS), paper, monkeypatch) == [page.CHART_TALLEST]
    # the crowded sample has no room: its chart is not grown
    assert _chart_heights(sample_summary(), paper, monkeypatch)[0] <= CHART_HEIGHT


def test_every_trigger_only_when_the_pattern_names_six_or_more() -> None:
    summary = make_summary()
    names = ("chewing", "talking", "brushing teeth", "wind", "touch", "shaving", "cold", "eating")
    many = tuple(TriggerCount(name, 10 - index) for index, name in enumerate(names))
    attacks = dataclasses.replace(summary.attacks, triggers=many)
    detail = build_detail(dataclasses.replace(summary, attacks=attacks))
    assert dict((field.label, field.value) for field in detail)["Every trigger"] == (
        "chewing 10, talking 9, brushing teeth 8, wind 7, touch 6, shaving 5, cold 4, eating 3"
    )
    assert "Every trigger" not in [field.label for field in build_detail(summary)]

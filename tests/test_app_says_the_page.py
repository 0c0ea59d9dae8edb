"""The Overview says what the page says, for real exports (session 5, second app pass).

Walked as a new user with real exports: the page's pain figure said "Pain 1–5 (not converted)
2 / 5" (yilativs) or "Pain, read as 0–10 … no scale stated" (asmith, Pavia, CHT) while the
Overview's tile showed "– / –" or said "the 0–10 scale your diary used"; the page's median
duration is to the minute "from 16 of 139 attacks" (Pavia), the tile gave seconds and no count;
and the page's "Attacks by the name recorded" line (Pavia, Bearable) was not in the app.
Through AppTest; real exports read in place from ``../shared/real-exports``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.sections import Figure, build_glance

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-exports"
FILES = {
    "yilativs": REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv",
    "pavia": REAL / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv",
    "bearable": REAL / "bearable-export" / "Bearable_Export_20210728.csv",
    "asmith": REAL / "asmith-headaches" / "headaches.csv",
}


def app_with(path: Path, since: dt.date | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    app.run()
    app.file_uploader(key="diaries").set_value([(path.name, path.read_bytes(), "text/csv")])
    app.run()
    if since is not None:
        app.date_input(key="since").set_value(since)
        app.run()
    assert not app.exception
    return app


def page_figures(path: Path, since: dt.date | None = None) -> dict[str, Figure]:
    data = load_patient(Sources(diaries=[(path.name, path.read_bytes())]))
    summary = summarise_patient(data, start=since, end=None, today=dt.date.today())
    glance = build_glance(summary)
    figures = {figure.label: figure for figure in glance.figures}
    figures["names"] = Figure("names", glance.names or "")
    return figures


def pain(figures: dict[str, Figure]) -> Figure:
    return next(figure for label, figure in figures.items() if label.startswith("Pain"))


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_overview_tiles_say_the_pages_pain_and_duration(name: str) -> None:
    app = app_with(FILES[name])
    page = page_figures(FILES[name])
    tiles = {metric.label: metric for metric in app.metric}
    expected = pain(page)
    assert expected.label in tiles, (expected.label, list(tiles))
    assert tiles[expected.label].value == expected.value
    assert tiles[expected.label].delta == expected.detail
    duration = page["Median duration"]
    assert tiles["Median duration"].value == duration.value
    assert tiles["Median duration"].delta == duration.detail


@pytest.mark.parametrize(("name", "since"), [("pavia", None), ("bearable", None),
                                             ("pavia", dt.date(2019, 8, 1))])  # fmt: skip
def test_the_attacks_by_name_line_is_in_the_overview(name: str, since: dt.date | None) -> None:
    app = app_with(FILES[name], since)
    line = page_figures(FILES[name], since)["names"].value
    assert line.startswith("Attacks by the name recorded: ")
    assert line in [text.value for text in app.text]


def test_no_names_line_when_the_attacks_carry_one_name() -> None:
    app = app_with(FILES["asmith"])
    assert not [text for text in app.text if "by the name recorded" in text.value]


def test_a_chosen_period_names_the_diaries_span_as_the_page_does() -> None:
    # The page's header says "Chosen from: 21 Jul 2019 – 24 Nov 2019"; the Overview said the
    # period alone, so a user could not see the file held more (43 attacks outside it).
    app = app_with(FILES["pavia"], dt.date(2019, 8, 1))
    line = next(text.value for text in app.text if " · period " in text.value)
    assert "period 1 Aug 2019 to 24 Nov 2019, 100 of 116 days recorded" in line
    assert "chosen from the diaries' 21 Jul 2019 to 24 Nov 2019" in line
    whole = app_with(FILES["pavia"])
    assert "chosen from" not in next(
        text.value for text in whole.text if " · period " in text.value
    )


def test_recorded_days_say_how_many_are_long_silences_as_the_page_does() -> None:
    # The page: "Recorded days 6212 of 6212, 5286 in silences"; the tile said "6,212 of 6,212".
    # No thousands comma, as on the page: a European reader reads "5,286" as 5.286.
    tiles = {metric.label: metric for metric in app_with(FILES["yilativs"]).metric}
    assert tiles["Recorded days"].value == "6212 of 6212"
    assert tiles["Recorded days"].delta == "5286 in silences (counted attack-free)"
    tiles = {metric.label: metric for metric in app_with(FILES["asmith"]).metric}
    assert not tiles["Recorded days"].delta

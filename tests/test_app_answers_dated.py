"""Questionnaire answers entered or changed in the app carry the day the user gives (session 5).

Regression: an answer changed in the app was dated with the file's ``questionnaire_date`` (the
page, the JSON and the care message said it was given on the file's old day); and the message
above the tabs spoke only of the PHQ-9 shown while the page also flagged an older file's item 9.
Through AppTest, on the Report tab so each run builds the page and the summary JSON.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from streamlit.testing.v1 import AppTest
from test_app import downloads, on_report, run, summary_json  # noqa: F401

from tnprep.analysis.scores import score_answers
from tnprep.model import Administration, Answers
from tnprep.report.wording import day_text

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90
TODAY = dt.date.today()


def form(day: str, items: str, name: str = "Robin Datetest") -> bytes:
    """A questionnaire CSV dated ``day`` with PHQ-9 items ``items`` (nine digits)."""
    rows = [f"phq9_{number},{value}" for number, value in enumerate(items, start=1)]
    return "\n".join(["item,answer", f"name,{name}", f"questionnaire_date,{day}", *rows]).encode()


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))


def upload(app: AppTest, *files: tuple[str, bytes]) -> None:
    run(app)
    app.file_uploader(key="questionnaires").set_value(
        [(name, data, "text/csv") for name, data in files]
    )
    run(app)


def page_text(downloads: dict[str, bytes]) -> str:  # noqa: F811
    pdf = pypdf.PdfReader(io.BytesIO(downloads["tnprep-report.pdf"]))
    return " ".join(pdf.pages[0].extract_text().split())


def care_messages(app: AppTest) -> list[str]:
    return [item.value for item in app.info if "emergency services" in item.value]


def phq9(downloads: dict[str, bytes]) -> dict[str, object]:  # noqa: F811
    return summary_json(downloads)["scores"]["phq9"]  # type: ignore[index, no-any-return]


def test_unchanged_answers_keep_their_files_date(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    upload(app, ("old.csv", form("2023-04-06", "111111110")))
    shown = phq9(downloads)
    assert (shown["date"], shown["file"], shown["older"]) == ("2023-04-06", "old.csv", [])


def test_a_changed_answer_is_dated_today_said_plainly_never_the_files_day(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    upload(app, ("old.csv", form("2023-04-06", "111111110")))
    app.selectbox(key="form-phq9-3").set_value(3)
    run(app)
    shown = phq9(downloads)
    assert (shown["score"], shown["date"], shown["file"]) == (10, TODAY.isoformat(), None)
    # the file's own answers are kept as an older PHQ-9, with their date and file
    assert shown["older"] == [
        {"file": "old.csv", "date": "2023-04-06", "score": 8, "floor": None, "answered": 9}
    ]
    text = page_text(downloads)
    assert f"moderate; {day_text(TODAY)}" in text
    assert "an earlier PHQ-9 (6 Apr 2023, old.csv) gave 8" in text
    said = " ".join(item.value for item in app.text)
    assert "dated today" in said  # the form says plainly which day the changed answers get


def test_the_day_the_user_gives_dates_the_changed_answers(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    upload(app, ("old.csv", form("2023-04-06", "111111110")))
    app.selectbox(key="form-phq9-9").set_value(2)
    app.date_input(key="form-answered").set_value(dt.date(2026, 11, 20))
    run(app)
    shown = phq9(downloads)
    assert (shown["item9"], shown["date"], shown["file"]) == (2, "2026-11-20", None)
    text = page_text(downloads)
    assert "PHQ-9 item 9 = 2 (more than half the days), answered 20 Nov 2026" in text or (
        "PHQ-9 item 9 answered 2 (more than half the days) on 20 Nov 2026" in text
    )
    assert "date of the answer not given" not in text
    assert "2023" not in " ".join(care_messages(app))
    assert all("On 20 November 2026 you answered" in message for message in care_messages(app))
    assert len(care_messages(app)) == 2  # above the tabs and beside item 9


def test_an_older_files_item9_the_page_flags_is_also_said_above_the_tabs(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    # The newer, complete PHQ-9 (item 9 = 0) is shown; the older file's item 9 = 2 is flagged
    # on the page. The app said nothing about it.
    upload(
        app,
        ("older.csv", form("2019-08-21", "111111112")),
        ("newer.csv", form("2023-04-06", "000000000")),
    )
    assert phq9(downloads)["file"] == "newer.csv"
    assert "in older.csv on 21 Aug 2019" in page_text(downloads)
    above = care_messages(app)
    assert len(above) == 1
    assert above[0].startswith("On 21 August 2019 you answered (in older.csv)")


def test_items_no_administration_holds_never_get_a_files_day() -> None:
    # Answers changed without an administration of their own (not the app's way) are undated:
    # the file's questionnaire_date is not theirs.
    filed = Administration("phq9", "old.csv", dt.date(2023, 4, 6), (1,) * 9)
    answers = Answers(
        phq9=(2,) * 9, questionnaire_date=dt.date(2023, 4, 6), administrations=(filed,)
    )
    shown = score_answers(answers).phq9
    assert shown is not None
    assert (shown.score, shown.date, shown.file) == (18, None, None)
    alone = score_answers(Answers(phq9=(2,) * 9, questionnaire_date=dt.date(2023, 4, 6))).phq9
    assert alone is not None
    assert alone.date == dt.date(2023, 4, 6)  # a form with no file's administration: its date

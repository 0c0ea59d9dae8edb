"""AppTest for the last session's follow-ups: the trend on tiny data, long silences in an attack
log, and an uploaded event log's other rows in the row account (real exports, read in place)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import real

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def upload(app: AppTest, *files: tuple[str, bytes, str]) -> AppTest:
    app.run()
    app.file_uploader(key="diaries").set_value(list(files))
    app.run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def metric(app: AppTest, label: str) -> object:
    return next(item for item in app.metric if item.label == label)


def test_a_four_day_diary_shows_no_trend_and_says_why(app: AppTest) -> None:
    # Regression: the CHT export's 4 days gave "-50 % vs prior 2 days" on the page.
    upload(app, real("cht-export", "sample_logs.csv"))
    per_day = metric(app, "Per recorded day")
    assert per_day.delta in (None, "")  # type: ignore[attr-defined]
    assert "not computed: period under 28 days" in per_day.help  # type: ignore[attr-defined]


def test_long_silences_are_asked_and_the_answer_changes_every_figure(app: AppTest) -> None:
    # Regression: the sparse 17-year yilativs log gave 6,212 "recorded" days without a word.
    upload(app, real("gchrg-yilativs-tsv", "yilativs-attacks.tsv"))
    assert metric(app, "Recorded days").value == "6212 of 6212"  # type: ignore[attr-defined]
    (warning,) = [item.value for item in app.warning if "no entry at all" in item.value]
    assert warning.startswith(
        "Your attack log has 18 stretches of 28 days or more with no entry at all (5286 days; "
        "the longest 576 days, 8 Sep 2010 to 5 Apr 2012)."
    )
    assert warning.endswith("Until you choose, these days count as attack-free.")
    question = app.radio(key="silences")
    assert question.value is None
    question.set_value("Not recorded: I did not keep the diary then")
    app.run()
    assert not app.exception
    assert metric(app, "Recorded days").value == "926 of 6212"  # type: ignore[attr-defined]
    assert metric(app, "Attack-free days").value == "386"  # type: ignore[attr-defined]
    assert any("they count as days without a diary" in item.value for item in app.warning)


def test_no_question_without_a_long_silence(app: AppTest) -> None:
    upload(app, real("cht-export", "sample_logs.csv"))
    assert not [item for item in app.radio if item.key == "silences"]


def test_an_uploaded_event_log_shows_its_other_rows_in_the_row_account(app: AppTest) -> None:
    # The row account named other rows, but only the sample's 0 was asserted (issue 14 follow-up).
    upload(app, real("bearable-export", "Bearable_Export_20210728.csv"))
    account = [item.value for item in app.text if item.value.startswith("Rows read")]
    assert account == [
        "Rows read 1040 = used 22 + rejected 0 + duplicates 0 + other rows 1018 "
        "(an event log's rows that are not pain attacks)"
    ]
    assert metric(app, "Attacks").value == "22"  # type: ignore[attr-defined]

"""AppTest for the last session's follow-ups: the trend on tiny data, long silences in an attack
log, and an uploaded event log's other rows in the row account (real exports, read in place)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-exports"
TIMEOUT = 90


def real(folder: str, name: str) -> tuple[str, bytes, str]:
    path = REAL / folder / name
    assert path.is_file(), f"missing real export {path} (see COMMON.md: ../shared/real-exports)"
    return name, path.read_bytes(), "text/csv"


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

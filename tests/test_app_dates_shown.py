"""Dates the app shows are written as the page writes them ("21 Aug 2026"), never ISO."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tnprep.app.words import app_message

ROOT = Path(__file__).resolve().parent.parent
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
TYPING_HINT = "Dates may be 2019, 2019-03, March 2019 or 2019-03-14."
"""The treatment table's hint says how dates may be typed: ISO on purpose."""


def test_most_in_a_day_and_the_overview_give_dates_as_the_page_does() -> None:
    # Regression: the tile's help said "on 2026-08-21" and the period line "2026-07-01 to
    # 2026-10-29"; the page and the rest of the app say "21 Aug 2026".
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    assert not app.exception
    tile = next(metric for metric in app.metric if metric.label == "Most in a day")
    assert tile.help == "on 21 Aug 2026"
    shown = [
        *(item.value for item in app.text if TYPING_HINT not in item.value),
        *(str(item.value) for kind in (app.info, app.warning, app.success) for item in kind),
        *(f"{metric.value} {metric.help or ''}" for metric in app.metric),
    ]
    assert [text for text in shown if ISO.search(text)] == []
    assert any("period 1 Jul 2026 to 29 Oct 2026" in text for text in shown)


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("fall on 2020-09-25 (row 38) with", "fall on 25 Sep 2020 (row 38) with"),
        ("(2020-12-09: 3 rows (155, 158, 159)", "(9 Dec 2020: 3 rows (155, 158, 159)"),
        ("2026-02-30 cannot be read", "2026-02-30 cannot be read"),  # not a day: as written
        ("at 2020-09-25T10:00", "at 2020-09-25T10:00"),  # a date-time: as written
        ("row 12019-01-010", "row 12019-01-010"),
    ],
)
def test_an_issue_gives_its_days_as_the_page_does(message: str, shown: str) -> None:
    # The Data issues table said "2020-09-25 (row 38)" (the summary JSON keeps ISO).
    assert app_message(message) == shown


def test_most_in_a_day_says_how_many_days_share_the_highest_count() -> None:
    """asmith's 22 days with 1 attack: the tile named 15 Dec 2023 alone; the page says the same."""
    from test_app import real, run  # noqa: PLC0415 - the app tests' one reader of real exports

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    run(app)
    app.file_uploader(key="diaries").set_value([real("asmith-headaches", "headaches.csv")])
    run(app)
    tile = next(metric for metric in app.metric if metric.label == "Most in a day")
    assert (tile.value, tile.help) == ("1", "on 22 days, first 15 Dec 2023")

"""AppTest: with "Since my last visit" set, the Data issues tab says what the figures cover.

The row account ("Rows read 600 = used 586 + …") counts the whole files; with a period chosen
every figure covers fewer rows, and the tab now says how many, in the page's footer words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def _period_lines(app: AppTest) -> list[str]:
    return [item.value for item in app.text if item.value.startswith("With the period chosen")]


def test_the_row_account_says_how_many_used_rows_the_chosen_period_holds(app: AppTest) -> None:
    app.run()  # the built-in sample: 1 Jul – 29 Oct 2026
    assert not app.exception
    assert _period_lines(app) == []
    app.date_input(key="since").set_value(dt.date(2026, 10, 1))
    app.run()
    assert not app.exception
    (line,) = _period_lines(app)
    assert line.startswith("With the period chosen, every figure covers it: ")
    assert " dated in this page's period, " in line and line.endswith(" outside it).")

"""A period after the last diary day is never shown backwards ("1 Jan 2030 – 29 Oct 2026").

``report`` refuses it (tests/test_trust_refusals.py); the app's "Since my last visit" warns above
the tabs, and its Report tab offers no page or summary for a period with no diary day in it.
Through AppTest (not the browser).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import downloads, on_report  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=90))


def test_the_report_tab_makes_no_backwards_page(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811 - the fixture of test_app
) -> None:
    app.session_state["since"] = dt.date(2026, 11, 1)  # the sample diary ends 2026-10-29
    app.run()
    assert not app.exception, [item.value for item in app.exception]
    assert "tnprep-summary.json" not in downloads and "tnprep-report.pdf" not in downloads
    said = [item.value for item in app.warning if item.value.startswith("No page is made")]
    assert said == [
        "No page is made: “Since my last visit” (1 Nov 2026) is after the last diary day "
        "(29 Oct 2026), so no diary day falls in the period. Choose an earlier day, or clear it "
        "to use every recorded day."
    ]

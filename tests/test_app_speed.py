"""Issue 14, the app's speed, through AppTest: work nobody sees waits, and nothing is stale.

The page and its preview are built only while the Report tab is open, always from the record as
edited; a rerun that changes nothing (switching tabs) reuses the summary; an upload summarises
once (the tab labels no longer carry a count that had to be predicted before the summary).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from test_app import downloads, run  # noqa: F401

import tnprep.app.record
import tnprep.app.state
from tnprep.app.tabs import KEY as TAB_KEY

ROOT = Path(__file__).resolve().parent.parent
YILATIVS = ROOT.parent / "shared" / "real-exports" / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
TIMEOUT = 90


@pytest.fixture
def app() -> Iterator[AppTest]:
    st.cache_data.clear()  # AppTest sessions share the session-scoped caches
    yield AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How many pages and summaries were built."""
    counted = {"page": 0, "summary": 0}
    build_page, summarise = tnprep.app.state.build_page, tnprep.app.record.summarise_patient

    def page(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted["page"] += 1
        return build_page(*args, **kwargs)

    def summary(*args, **kwargs):  # type: ignore[no-untyped-def]
        counted["summary"] += 1
        return summarise(*args, **kwargs)

    monkeypatch.setattr(tnprep.app.state, "build_page", page)
    monkeypatch.setattr(tnprep.app.record, "summarise_patient", summary)
    return counted


def page_text(downloads: dict[str, bytes]) -> str:  # noqa: F811
    return pypdf.PdfReader(io.BytesIO(downloads["tnprep-report.pdf"])).pages[0].extract_text()


def test_no_page_is_built_while_the_report_tab_is_closed(
    app: AppTest,
    calls: dict[str, int],
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    app.text_input(key="sample-form-name").set_value("Kim Edited")
    run(app)
    assert calls["page"] == 0
    assert not app.get("image")
    assert "tnprep-report.pdf" not in downloads
    assert "Kim Edited · period" in next(
        item.value for item in app.text if "· period" in item.value
    )


def test_the_report_tab_shows_the_page_of_the_record_as_edited(
    app: AppTest,
    calls: dict[str, int],
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    app.text_input(key="sample-form-name").set_value("Kim Edited")
    run(app)
    app.session_state[TAB_KEY] = "Report"
    run(app)
    assert calls["page"] == 1
    assert len(app.get("image")) == 1
    assert "Kim Edited" in page_text(downloads)
    app.text_input(key="sample-form-name").set_value("Lee Edited Again")  # an edit with Report open
    run(app)
    assert calls["page"] == 2
    assert "Lee Edited Again" in page_text(downloads)
    assert "Kim Edited" not in page_text(downloads)


def test_switching_tabs_reuses_the_summary_and_an_edit_does_not(
    app: AppTest, calls: dict[str, int]
) -> None:
    run(app)
    made = calls["summary"]
    for label in ("Treatments", "Report", "Overview"):
        app.session_state[TAB_KEY] = label
        run(app)
    assert calls["summary"] == made
    app.text_input(key="sample-form-name").set_value("Kim Edited")
    run(app)
    assert calls["summary"] == made + 1


def test_an_upload_with_long_silences_summarises_once(app: AppTest, calls: dict[str, int]) -> None:
    # Regression (session 3): the silence notice changed the issue count in the tab label, and
    # each upload of such a log ran the app, and its summary, twice.
    run(app)
    made = calls["summary"]
    app.file_uploader(key="diaries").set_value(
        [(YILATIVS.name, YILATIVS.read_bytes(), "text/tab-separated-values")]
    )
    run(app)
    assert calls["summary"] == made + 1
    assert any(item.value.startswith("Your attack log has 18 stretches") for item in app.warning)
    app.date_input(key="since").set_value(dt.date(2020, 1, 1))  # fewer silences in the period
    run(app)
    assert calls["summary"] == made + 2

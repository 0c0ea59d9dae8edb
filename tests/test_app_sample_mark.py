"""AppTest (no browser): the sample patient renamed in the app still downloads a marked page.

A user who renamed the invented sample patient used to download a real-looking page and summary.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pypdf
import pytest
from streamlit.testing.v1 import AppTest
from test_app import ROOT, SAMPLES, TIMEOUT, downloads, on_report, run  # noqa: F401 - fixture

MARK = "SAMPLE — invented patient, not a real record"


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))


def _page_text(files: dict[str, bytes]) -> str:
    reader = pypdf.PdfReader(io.BytesIO(files["tnprep-report.pdf"]))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_a_renamed_sample_is_still_marked(app: AppTest, downloads: dict[str, bytes]) -> None:  # noqa: F811
    run(app)
    app.text_input(key="sample-form-name").set_value("Maria Realname")
    run(app)
    text = _page_text(downloads)
    assert "Maria Realname" in text
    assert MARK in text
    assert json.loads(downloads["tnprep-summary.json"])["sample"] is True


def test_a_user_s_own_upload_is_not_marked(app: AppTest, downloads: dict[str, bytes]) -> None:  # noqa: F811
    run(app)
    own = (SAMPLES / "attack_log.csv").read_bytes().replace(b"2026-", b"2025-")
    app.file_uploader(key="diaries").set_value([("mine.csv", own, "text/csv")])
    run(app)
    assert MARK not in _page_text(downloads)
    assert json.loads(downloads["tnprep-summary.json"])["sample"] is False

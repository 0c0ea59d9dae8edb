"""Golden tests: the built-in sample data → summary JSON and page text, compared whole.

Set ``TNPREP_UPDATE_GOLDEN=1`` to rewrite the golden files after a wanted change, then read the
diff before committing it: every changed figure must be explained.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
from pathlib import Path

import pypdf
import pytest

from tnprep.analysis.since import with_since
from tnprep.ingest.previous import read_previous_visits
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.summary import Summary
from tnprep.summary_json import dumps

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 11, 25)
DIARIES = ("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv")
QUESTIONNAIRES = ("questionnaire.csv", "phq9_fhir.json")
PREVIOUS = ("previous_visit.summary.json",)
"""The earlier visit's summary: the sample page shows what changed since it (README command)."""


def sample_summary() -> Summary:
    """The summary the app shows on first start and the README's report command builds."""

    def files(names: tuple[str, ...]) -> list[tuple[str, bytes]]:
        return [(name, (SAMPLE / name).read_bytes()) for name in names]

    sources = Sources(files(DIARIES), files(("treatments.csv",)), files(QUESTIONNAIRES))
    summary = summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)
    return with_since(summary, read_previous_visits(files(PREVIOUS)))


def check_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("TNPREP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def summary() -> Summary:
    return sample_summary()


def test_sample_summary_json_is_golden(summary: Summary) -> None:
    check_golden("sample_summary.json", dumps(summary))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_sample_page_text_is_golden(summary: Summary, paper: str) -> None:
    pdf = build_page(summary, paper)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    check_golden(f"sample_page_{paper}.txt", reader.pages[0].extract_text())


def test_sample_page_rebuilds_byte_identical(summary: Summary) -> None:
    assert build_page(summary, "a4") == build_page(sample_summary(), "a4")


def test_sample_accounting_holds(summary: Summary) -> None:
    account = summary.input
    assert account.rows_read == account.rows_used + account.rows_rejected + account.duplicates
    document = json.loads(dumps(summary))
    assert document["schema"] == "tnprep.summary/1"
    assert document["attacks"]["total"] == sum(
        day["attacks"] for day in document["daily"] if day["attacks"] is not None
    )

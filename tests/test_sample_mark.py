"""The built-in invented sample patient's page and summary JSON say so, renamed or not.

A user who renamed the sample in the app used to download a real-looking page of invented data.
The mark comes from the files' bytes (``tnprep.samples.is_sample_data``), so the command line,
batch and the app agree; a user's own files are never marked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pypdf

from tnprep.pipeline import Sources, assemble, read_sources, summarise_patient, with_edits
from tnprep.report import build_page
from tnprep.samples import is_sample_data, sample_sources
from tnprep.summary import Summary
from tnprep.summary_json import dumps

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-exports" / "cht-export" / "sample_logs.csv"
TODAY = dt.date(2026, 11, 25)
MARK = "SAMPLE — invented patient, not a real record"


def _summary(sources: Sources, *, rename: str | None = None) -> Summary:
    readings = read_sources(sources)
    if rename is not None:
        answers = dataclasses.replace(readings.answers.records[0], name=rename)
        readings = with_edits(readings, answers=answers)
    return summarise_patient(assemble(readings), start=None, end=None, today=TODAY)


def _page_text(summary: Summary) -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, "a4")))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_the_sample_page_and_json_are_marked_even_when_renamed() -> None:
    summary = _summary(sample_source_files(), rename="Maria Realname")
    assert MARK in _page_text(summary)
    assert json.loads(dumps(summary))["sample"] is True


def test_one_sample_diary_among_a_user_s_files_marks_the_page() -> None:
    diary = ("my diary.csv", (ROOT / "sample_data" / "attack_log.csv").read_bytes())
    assert is_sample_data([diary])
    assert _summary(Sources([diary])).sample


def test_a_user_s_own_file_is_never_marked() -> None:
    own = (ROOT / "sample_data" / "attack_log.csv").read_bytes().replace(b"2026-", b"2025-")
    assert not is_sample_data([("attack_log.csv", own)])
    summary = _summary(Sources([("attack_log.csv", own)]))
    assert not summary.sample
    assert MARK not in _page_text(summary)
    assert json.loads(dumps(summary))["sample"] is False


def test_a_real_export_is_not_marked() -> None:
    if not REAL.exists():
        return
    summary = _summary(Sources([(REAL.name, REAL.read_bytes())]))
    assert not summary.sample
    assert "SAMPLE" not in _page_text(summary)


def sample_source_files() -> Sources:
    """The app's sample (its earlier visit left out: not needed here)."""
    return dataclasses.replace(sample_sources(), previous=())

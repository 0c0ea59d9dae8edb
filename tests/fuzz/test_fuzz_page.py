"""Fuzz the page end to end: hostile files → ingest → analysis → page, and random Summaries.

``tests/test_report_properties.py`` already renders ``summaries()`` through ``render_pdf``; these
fuzzers go wider. The first feeds grammar-built diaries, treatment histories and questionnaires
(the other fuzzers' strategies) through the real pipeline, so the Summary is whatever the real
analysis makes of junk, then calls ``build_page`` and the summary JSON as the CLI does. The second
checks what a random Summary must never do: put the patient's name in the PDF metadata.

Properties: no exception but ``InputError``; the summary's accounting identity
(``rows_read = rows_used + rows_rejected + duplicates``, the same in the JSON); exactly one page;
no glyph under 7 pt (SPEC *The page*).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pdfplumber
import pypdf
from hypothesis import event, given
from hypothesis import strategies as st
from summary_factory import summaries

from fuzz import fuzz_settings
from fuzz.test_fuzz_diary import grammar_csvs
from fuzz.test_fuzz_questionnaire import fhir_responses, flat_objects
from fuzz.test_fuzz_treatments import treatment_csvs
from tnprep.issues import InputError
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.summary import Summary
from tnprep.summary_json import dumps

SMALLEST_GLYPH_PT = 7.0
"""SPEC *The page*: no text below 7 pt."""
TODAY = dt.date(2024, 4, 8)
NAME_MARK = "QZXNAME"
READABLE = ("attack-start", "attack-date-time", "daily")
"""Diary shapes the reader accepts (refusals are fuzzed in test_fuzz_diary.py)."""


def assert_one_readable_page(pdf: bytes) -> None:
    """Exactly one page, and every glyph at least 7 pt."""
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sizes = [character["size"] for character in document.pages[0].chars]
    assert sizes, "the page has no text"
    assert min(sizes) >= SMALLEST_GLYPH_PT - 0.01


def assert_accounting(summary: Summary) -> None:
    """The input account adds up, on the page's Summary and in its JSON twin."""
    account = summary.input
    # SPEC: rows_read = rows_used + rows_rejected + duplicates + rows_other (a row of pain 0,
    # an event log's other kinds); without rows_other a diary of one pain-0 row failed it
    assert account.rows_read == (
        account.rows_used + account.rows_rejected + account.duplicates + account.rows_other
    )
    assert (
        min(account.rows_used, account.rows_rejected, account.duplicates, account.rows_other) >= 0
    )
    document = json.loads(dumps(summary))["input"]
    assert (document["rows_read"], document["rows_used"]) == (account.rows_read, account.rows_used)
    assert len(document["issues"]) == len(account.issues)


@st.composite
def patient_sources(draw: st.DrawFn) -> Sources:
    """One patient's files, each drawn from the hostile grammars (some kinds may be absent)."""
    cases = draw(st.lists(grammar_csvs(READABLE), min_size=1, max_size=2))
    diaries = [(f"diary{index}.csv", case[0]) for index, case in enumerate(cases)]
    treatments = [
        ("treatments.csv", case[0]) for case in draw(st.lists(treatment_csvs(), max_size=1))
    ]
    answers = draw(
        st.lists(st.one_of(flat_objects(), fhir_responses(("QuestionnaireResponse",))), max_size=2)
    )
    questionnaires = [
        (f"answers{index}.json", json.dumps(value).encode("utf-8"))
        for index, value in enumerate(answers)
    ]
    return Sources(diaries, treatments, questionnaires)


@fuzz_settings(scale=0.2)
@given(patient_sources(), st.sampled_from(("a4", "letter")))
def test_hostile_files_make_one_readable_page(sources: Sources, paper: str) -> None:
    try:
        data = load_patient(sources)
    except InputError as error:
        assert error.reason.strip()
        event("refused")
        return
    summary = summarise_patient(data, start=None, end=None, today=TODAY)
    assert_accounting(summary)
    assert summary.input.rows_read == data.diary.rows_read
    assert_one_readable_page(build_page(summary, paper=paper))


@fuzz_settings(scale=0.2)
@given(summaries(), st.sampled_from(("a4", "letter")))
def test_the_patient_name_stays_out_of_the_metadata(summary: Summary, paper: str) -> None:
    named = dataclasses.replace(summary.patient, name=f"{NAME_MARK} {summary.patient.name or ''}")
    pdf = build_page(dataclasses.replace(summary, patient=named), paper=paper)
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).metadata or {}
    assert not any(NAME_MARK in str(value) for value in metadata.values())

"""Hypothesis: whatever the Summary, the page is one page, ≥ 7 pt, inside the box, its first
layout within its room (gaps kept), and keeps the first question and the PHQ-9 item 9 flag."""

from __future__ import annotations

import dataclasses
import io
import re

import pdfplumber
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from summary_factory import summaries
from test_page_fit import layouts_tried

from tnprep.report.content import Paper, build_content
from tnprep.report.pdf import MIN_FONT_SIZE, render_pdf
from tnprep.summary import Summary

FIRST_QUESTION_MARK = "FIRSTQ"
"""Prefixed to the first question so its presence can be found whatever else it contains."""


def with_marked_first_question(summary: Summary) -> Summary:
    questions = summary.patient.questions
    if not questions:
        return summary
    marked = (f"{FIRST_QUESTION_MARK} {questions[0]}", *questions[1:])
    return dataclasses.replace(
        summary, patient=dataclasses.replace(summary.patient, questions=marked)
    )


def item9_positive(summary: Summary) -> bool:
    phq9 = summary.scores.phq9
    return phq9 is not None and (phq9.item9 or 0) > 0


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(summary=summaries(), paper=st.sampled_from(list(Paper)))
def test_any_summary_makes_one_readable_page(summary: Summary, paper: Paper) -> None:
    summary = with_marked_first_question(summary)
    with pytest.MonkeyPatch.context() as patched:
        tried = layouts_tried(patched)
        pdf = render_pdf(build_content(summary, paper))
    height, room = tried[0]
    assert height <= room + 0.001  # nothing eats into the gaps above the footer
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = re.sub(r"\s+", "", reader.pages[0].extract_text())
    if summary.patient.questions:
        assert FIRST_QUESTION_MARK in text
    assert ("PHQ-9item9=" in text) is item9_positive(summary)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        for character in page.chars:
            assert character["size"] >= MIN_FONT_SIZE - 0.01
            assert character["x0"] >= 0 and character["x1"] <= page.width + 0.01
            assert character["top"] >= 0 and character["bottom"] <= page.height + 0.01

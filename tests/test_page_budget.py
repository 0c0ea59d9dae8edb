"""The sample page's budget: what a facial-pain clinic reads first is on it, on A4 and Letter.

SPEC *The page*: safety > since the last visit > ledger > attack pattern > questions > the rest.
Issue 11: the sample page shows a titration history and a procedure with recurrence at first look.
"""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from test_golden_sample import sample_summary

from tnprep.report import build_page


def _text(paper: str) -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(sample_summary(), paper)))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().replace("\u00a0", " ").split())


@pytest.fixture(scope="module", params=["a4", "letter"])
def text(request: pytest.FixtureRequest) -> str:
    return _text(request.param)


def test_ledger_shows_current_first_line_titration_and_procedure_with_recurrence(text: str) -> None:
    assert "Oxcarbazepine (current): reached 1200 of 300–1800 mg/day*" in text
    assert "Carbamazepine: reached 600 of 200–1200 mg/day*" in text
    assert "200 → 600 mg/day" in text and "hyponatraemia (sodium 128)" in text
    assert "Microvascular decompression, right: 18 Mar 2021: pain-free; recurrence May 2022" in text
    # the lines left out are named ('+7 more treatments: Botox injections, …'), never just counted
    assert re.search(r"\+\d+ more treatments: [^—]*Baclofen[^—]*Acupuncture — see the app", text)


def test_titration_that_failed_is_on_the_a4_page_in_brief() -> None:
    """Lamotrigine's titration (25 → 200 mg/day, stopped: not enough relief) is not hidden."""
    text = _text("a4")
    assert "Also tried: Botox injections (Feb 2025 – Aug 2025" in text
    assert (
        "Lamotrigine (3 Feb 2020 – 31 Jan 2021, 25 → 50 → 100 → 200 mg/day, 40 % relief, "
        "stopped: not enough relief, surgery planned)" in text
    )


def test_acute_burden_line_is_whole(text: str) -> None:
    assert "driving: Does not drive on bad days" in text
    assert "longest attack-free run 1 recorded day (11 Oct 2026)" in text


def test_before_after_is_on_the_drug_line_not_a_sentence_of_its_own(text: str) -> None:
    assert "diary before/after — start 10 Sep 2026: overlapping change, no figure claimed" in text
    assert "oxcarbazepine started 10 Sep 2026: overlapping change" not in text


def test_first_three_questions_and_first_discussion_point_are_on_the_page(text: str) -> None:
    questions = sample_summary().questions
    for question in questions[:3]:
        assert question in text
    shown = sum(question in text for question in questions)
    hidden = re.search(r"\+(\d+) more questions? — see the app", text)
    assert shown + (int(hidden.group(1)) if hidden else 0) == len(questions)
    assert "1. PHQ-9 or GAD-7 at 10 or more" in text
    # Carbamazepine's stop for low sodium is in the safety block, so it is not said twice.
    assert "Carbamazepine stopped 2022-08" not in text


def test_safety_and_since_strip_are_whole(text: str) -> None:
    assert "PHQ-9 item 9 = 1 (several days)" in text
    assert "Low sodium recorded before" in text
    assert "Attacks per recorded day 8.59 → 6.6 ↓ lower" in text
    assert "GAD-7 13 → 11 ↓ lower" in text


def test_the_rest_of_the_pattern_is_counted_not_dropped(text: str) -> None:
    assert re.search(r"\+\d+ more answers", text)


def test_chart_names_the_mark_it_could_not_label_and_repeats_no_figure(text: str) -> None:
    """The start of oxcarbazepine has no room for its label on the chart: the legend names it.

    The chart's figures in words (attacks on recorded days, most in a day) are the glance's.
    """
    assert "◆ dose changed. ▲ oxcarbazepine started 10 Sep 2026." in text
    assert "chart notes" not in text
    assert "752 attacks on 114 recorded days" not in text

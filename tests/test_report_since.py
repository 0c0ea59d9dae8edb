"""The 'Since <date>' strip: its words (report.since) and its place on the one page."""

from __future__ import annotations

import dataclasses
import io
import json

import pypdf
from since_factory import earlier_document, with_earlier
from summary_factory import SAMPLE_QUESTIONS, make_summary

from tnprep.report import build_page
from tnprep.report.content import Paper, build_content
from tnprep.report.since import NBSP, build_since_strip, mark_asked_before
from tnprep.summary_json import dumps


def _page_text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text().replace(NBSP, " ")


def test_no_earlier_summary_no_strip() -> None:
    assert build_since_strip(make_summary()) is None
    assert build_content(make_summary(), Paper.A4).since is None


def test_strip_words_then_now_with_arrows_and_words() -> None:
    strip = build_since_strip(with_earlier())
    assert strip is not None
    assert strip.title == "Since 8 Jan 2024 — last visit's summary visit0.summary.json"
    assert strip.source.startswith("Then: 10 Oct 2023 – 7 Jan 2024, 80 of 90 days recorded.")
    cells = {cell.label: f"{cell.values} {cell.change}".replace(NBSP, " ") for cell in strip.cells}
    assert cells["Attacks per recorded day"].startswith("9.5 → ")
    assert cells["Attacks per recorded day"].endswith("↓ lower")
    assert cells["BNI pain"] == "V → IV ↓ lower"
    assert cells["BNI numbness"] == "I → I = same"
    assert cells["PHQ-9"] == "14 → 10 ↓ lower"  # the visits' own dates are not repeated
    assert any("oxcarbazepine started 6 Feb 2024" in line for line in strip.lines)
    assert "Earlier questions: 1 of 2 asked again" in strip.lines[1]


def test_a_score_dated_apart_from_the_visit_shows_its_dates() -> None:
    document = earlier_document()
    document["scores"]["phq9"]["date"] = "2023-12-20"
    strip = build_since_strip(with_earlier(make_summary(), document))
    assert strip is not None
    phq9 = next(cell for cell in strip.cells if cell.label == "PHQ-9")
    assert phq9.change.replace(NBSP, " ") == "↓ lower (20 Dec 2023 → 10 Apr 2024)"


def test_overlap_is_said_on_the_strip() -> None:
    document = earlier_document()
    document["period"] = {"start": "2023-12-01", "end": "2024-02-01", "days": 63,
                          "days_recorded": 60}  # fmt: skip
    strip = build_since_strip(with_earlier(make_summary(), document))
    assert strip is not None
    assert "Shared with now: 25 days (8 Jan – 1 Feb 2024), each summary's own count." in (
        strip.source
    )


def test_left_out_summary_is_named_first_and_bold_line() -> None:
    document = earlier_document()
    document["patient"]["name"] = "Someone Else"
    strip = build_since_strip(with_earlier(make_summary(), document))
    assert strip is not None
    assert strip.title == "Since the last visit: not compared"
    assert strip.left_out == (
        "Left out: visit0.summary.json — another patient's summary (the name differs from this "
        "one's); not compared.",
    )


def test_same_data_says_no_change() -> None:
    summary = make_summary()
    strip = build_since_strip(with_earlier(summary, json.loads(dumps(summary))))
    assert strip is not None and strip.cells == ()
    assert strip.source.endswith("Same period, same figures as now: no change.")


def test_questions_asked_before_are_marked() -> None:
    marked = mark_asked_before(with_earlier())
    assert marked[2] == f"{SAMPLE_QUESTIONS[2]} (asked{NBSP}before)"
    assert marked[0] == SAMPLE_QUESTIONS[0]


def test_page_with_strip_stays_one_page_and_shows_both_rates() -> None:
    document = earlier_document()
    document["questions"] = [SAMPLE_QUESTIONS[0]]
    summary = with_earlier(make_summary(), document)
    text = _page_text(build_page(summary, "a4"))
    assert "Since 8 Jan 2024" in text
    assert f"9.5 → {summary.attacks.per_recorded_day:g}" in text
    assert "(asked before)" in text
    letter = _page_text(build_page(summary, "letter"))
    assert "Since 8 Jan 2024" in letter


def test_strip_survives_a_crowded_page() -> None:
    crowded = with_earlier()
    patient = dataclasses.replace(
        crowded.patient, questions=tuple(f"Question {i}?" for i in range(60))
    )
    text = _page_text(build_page(dataclasses.replace(crowded, patient=patient), "a4"))
    assert "Since 8 Jan 2024" in text and "more questions" in text


def test_hostile_file_names_print_literally_and_the_page_stays_one_page() -> None:
    summary = with_earlier()
    assert summary.since is not None and summary.since.previous is not None
    previous = dataclasses.replace(summary.since.previous, file="<b>&amp;" + "x" * 300 + ".json")
    summary = dataclasses.replace(
        summary, since=dataclasses.replace(summary.since, previous=previous)
    )
    text = _page_text(build_page(summary, "letter"))
    assert "last visit's summary <b>&amp;xxx" in text

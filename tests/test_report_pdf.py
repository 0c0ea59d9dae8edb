"""The rendered page: one page, fonts embedded, text as typed, sizes, metadata, determinism."""

from __future__ import annotations

import dataclasses
import io
import os
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from summary_factory import SAMPLE_QUESTIONS, empty_summary, make_patient, make_summary

from tnprep.report import build_page
from tnprep.report.content import Paper, build_content
from tnprep.report.pdf import MIN_FONT_SIZE, render_pdf
from tnprep.summary import QuestionnaireScore, Scores, TreatmentSummary

GOLDEN = Path(__file__).parent / "golden"
PAPER_POINTS = {Paper.A4: (595.28, 841.89), Paper.LETTER: (612.0, 792.0)}
HOSTILE = '<b>Bold</b> & <img src="x.png"/> <a href="javascript:alert(1)">x</a> &amp;'


def page_text(pdf: bytes) -> str:
    return pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def squashed(text: str) -> str:
    """Text without whitespace: line wrapping may split a phrase anywhere."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", params=list(Paper), ids=lambda paper: paper.value)
def sample(request: pytest.FixtureRequest) -> tuple[Paper, bytes]:
    paper = request.param
    return paper, render_pdf(build_content(make_summary(), paper))


def test_exactly_one_page_of_the_right_size(sample: tuple[Paper, bytes]) -> None:
    paper, pdf = sample
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(PAPER_POINTS[paper], abs=0.1)


@pytest.mark.parametrize(
    "expected",
    [
        "Margaret O'Brien-Novak",
        "8 Jan 2024 – 6 Apr 2024",
        "87 of 90",
        SAMPLE_QUESTIONS[0],
        "PHQ-9 item 9 = 1",
        "Patient-reported data — not a diagnosis.",
        "page 1 of 1",
        "oxcarbazepine",
    ],
)
def test_page_states(sample: tuple[Paper, bytes], expected: str) -> None:
    assert squashed(expected) in squashed(page_text(sample[1]))


def test_fonts_are_embedded_and_no_helvetica_is_left(sample: tuple[Paper, bytes]) -> None:
    pdf = sample[1]
    fonts = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]["/Resources"]["/Font"]
    assert fonts
    for reference in fonts.values():
        font = reference.get_object()
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        assert "DejaVuSans" in str(font["/BaseFont"])
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert b"Helvetica" not in pdf


def test_no_glyph_below_7_pt_and_all_inside_the_page(sample: tuple[Paper, bytes]) -> None:
    with pdfplumber.open(io.BytesIO(sample[1])) as document:
        page = document.pages[0]
        characters = page.chars
        assert characters
        assert min(character["size"] for character in characters) >= MIN_FONT_SIZE - 0.01
        for character in characters:
            assert character["x0"] >= 0 and character["x1"] <= page.width
            assert character["top"] >= 0 and character["bottom"] <= page.height


def test_rebuild_is_byte_identical(sample: tuple[Paper, bytes]) -> None:
    paper, pdf = sample
    assert render_pdf(build_content(make_summary(), paper)) == pdf


@pytest.mark.parametrize("include_name", [False, True])
def test_metadata_names_the_patient_only_when_asked(include_name: bool) -> None:
    pdf = build_page(make_summary(), "a4", include_name_in_metadata=include_name)
    metadata = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None
    assert metadata.title.startswith("Trigeminal neuralgia")
    assert metadata.subject
    assert ("O'Brien-Novak" in metadata.title) is include_name
    # Page text is a compressed stream of glyph ids, so raw bytes show metadata only.
    assert (b"O'Brien-Novak" in pdf) is include_name
    assert pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "en"


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        "<para><font size=1>tiny</font></para>",
        "Τριδυμική νευραλγία — Ελένη",
        "Тройничный нерв: боль ↑",
    ],
)
def test_user_text_prints_literally(text: str) -> None:
    summary = make_summary(patient=make_patient(name=text, questions=(text,)))
    pdf = build_page(summary, "a4")
    assert squashed(text) in squashed(page_text(pdf))
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert "/Annots" not in page  # no link was made from '<a href=…>'
    assert "/XObject" not in page["/Resources"]  # no image was loaded from '<img …>'


def test_a_character_the_font_lacks_is_replaced_and_stated() -> None:
    summary = make_summary(patient=make_patient(questions=("三叉神経痛 pain?",)))
    text = page_text(build_page(summary, "a4"))
    assert "\ufffd\ufffd\ufffd\ufffd\ufffd pain?" in text
    assert "5 characters in the entries cannot be shown" in text


def _distinct_drugs(count: int) -> tuple[TreatmentSummary, ...]:
    """``count`` different stopped drugs (the ledger joins rows of one drug into one line)."""
    base = make_summary().treatments[1]
    return tuple(
        dataclasses.replace(
            base,
            treatment=dataclasses.replace(
                base.treatment, name=f"drug{number:03d}", name_as_written=f"Drug{number:03d}"
            ),
        )
        for number in range(count)
    )


def test_long_lists_are_cut_and_counted() -> None:
    questions = tuple(f"Question number {index} about the treatment plan?" for index in range(100))
    treatments = _distinct_drugs(200)
    summary = make_summary(patient=make_patient(questions=questions), treatments=treatments)
    text = squashed(page_text(build_page(summary, "letter")))
    assert squashed(questions[0]) in text
    more = re.search(r"\+(\d+)moretreatments—seetheapp", text)
    assert more is not None and 180 < int(more.group(1)) < 200
    assert re.search(r"\+\d+morequestions—seetheapp", text)


@pytest.mark.parametrize("item9", [0, None])
def test_no_item9_flag_without_a_positive_answer(item9: int | None) -> None:
    phq9 = QuestionnaireScore(score=9, band="mild", answered=9, item9=item9)
    scores = Scores(phq9=phq9, gad7=None, bni_pain=None, bni_numbness=None)
    patient = make_patient(phq9=(1, 1, 1, 1, 1, 1, 1, 2, item9))
    summary = make_summary(patient=patient, scores=scores, findings=make_summary().findings[1:])
    assert "item 9" not in page_text(build_page(summary, "a4"))


def test_an_empty_summary_still_makes_one_clear_page() -> None:
    text = page_text(build_page(empty_summary(), "letter"))
    for expected in ("Name not given", "No questions listed.", "No treatments listed."):
        assert expected in text


def test_golden_text_of_the_sample_page() -> None:
    """The sample page's text; set TNPREP_UPDATE_GOLDEN=1 to rewrite it after a wanted change."""
    golden = GOLDEN / "report_page_a4.txt"
    text = page_text(build_page(make_summary(), "a4"))
    if os.environ.get("TNPREP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_build_page_accepts_the_enum_and_its_value() -> None:
    summary = dataclasses.replace(make_summary())
    assert build_page(summary, Paper.LETTER) == build_page(summary, "letter")


def test_ledger_lines_that_do_not_fit_are_counted_from_the_least_relevant_end() -> None:
    """One line per drug; the current one first; what does not fit is listed in brief or named.

    Every drug is on the page: a whole line, a brief on the 'Also tried' line, or a name on the
    '+N more treatments: …' line, whose count is the number of names it holds.
    """
    current = make_summary().treatments[0]
    history = (current, *_distinct_drugs(14))
    text = page_text(build_page(make_summary(treatments=history), "a4"))
    assert "Oxcarbazepine (current):" in text
    assert len(set(re.findall(r"Drug\d\d\d", text))) == 14
    hidden = re.search(r"\+(\d+) more treatments?: ([^—]*) — see the app", " ".join(text.split()))
    assert hidden is not None
    assert int(hidden.group(1)) == len(re.findall(r"Drug\d\d\d", hidden.group(2)))
    assert "Also tried: Drug" in text

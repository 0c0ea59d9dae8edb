"""Spare room: a page with room left prints whole what the first layout cut (docs/page.md).

The first layout clamps each flexible paragraph (pattern fields 3 lines, the acute-burden line
3, ...). When it leaves room, the page is laid out again with ``limits.ROOMY`` and that layout is
kept only when it fits and hides nothing the first one printed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pypdf
import pytest
from summary_factory import empty_summary
from test_golden_sample import sample_summary

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.content import PageContent, Paper, build_content
from tnprep.report.pdf import MIN_FONT_SIZE, page, render_pdf
from tnprep.report.pdf.blocks import MORE, Block, stack, tagged
from tnprep.report.pdf.limits import CLAMPED, ROOMY, ROOMY_LINES, Limits, hides_nothing

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real-exports"
YILATIVS = REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
TODAY = dt.date(2026, 11, 25)
BURDEN = " ".join(f"rescue number {index} taken {index} times;" for index in range(20))
"""An acute-burden line of about six printed lines: more than 3, fewer than ROOMY_LINES."""


def _words(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().replace("\u00a0", " ").split())


def _squashed(text: str) -> str:
    return "".join(text.split())


def _sizes(pdf: bytes) -> set[float]:
    sizes: set[float] = set()

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            sizes.add(round(size * tm[0], 2))

    pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return sizes


def _clamped_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page, "SPARE_ROOM", float("inf"))


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[Limits]:
    """The limits of every layout ``render_pdf`` tries, in order."""
    tried: list[Limits] = []
    layout = page._layout

    def spy(*arguments: Any, **keywords: Any) -> Block:
        tried.append(arguments[-1])
        return layout(*arguments, **keywords)

    monkeypatch.setattr(page, "_layout", spy)
    return tried


def _with_burden(content: PageContent, burden: str) -> PageContent:
    return dataclasses.replace(
        content, treatments=dataclasses.replace(content.treatments, burden=burden)
    )


@pytest.mark.parametrize("paper", [Paper.A4, Paper.LETTER])
def test_a_long_burden_line_on_a_sparse_page_is_printed_whole(paper: Paper) -> None:
    content = _with_burden(build_content(empty_summary(), paper), BURDEN)
    pdf = render_pdf(content)
    text = _squashed(_words(pdf))
    assert _squashed(BURDEN) in text
    assert min(_sizes(pdf)) >= MIN_FONT_SIZE


def test_the_same_burden_line_is_cut_when_the_page_has_no_room(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    content = _with_burden(build_content(empty_summary(), Paper.A4), BURDEN)
    _clamped_only(monkeypatch)
    text = _squashed(_words(render_pdf(content)))
    assert _squashed(BURDEN) not in text
    assert "rescuenumber0taken0times" in text


def test_a_paragraph_longer_than_the_roomy_limit_is_still_cut() -> None:
    endless = " ".join(f"rescue number {index};" for index in range(400))
    content = _with_burden(build_content(empty_summary(), Paper.A4), endless)
    text = _words(render_pdf(content))
    assert "rescue number 399;" not in text
    assert "rescue number 10;" in text
    assert ROOMY_LINES == 8


@pytest.mark.skipif(not YILATIVS.exists(), reason="real exports not present")
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_sparse_17_year_log_prints_its_burden_and_rescue_whole(paper: str) -> None:
    sources = Sources([(YILATIVS.name, YILATIVS.read_bytes())], [], [])
    summary = summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)
    pdf = build_page(summary, paper)
    text = _words(pdf)
    # the burden line's end (and its rescue answers), cut by the 3-line clamp
    assert "longest attack-free run 576 recorded days (8 Sep 2010; 576 of them in silences)" in text
    assert "rescue named in 868 of 1039 attacks (helped, as recorded: yes 808, no 41" in text
    assert "more answers" not in text  # the pattern's answers all printed
    assert min(_sizes(pdf)) >= MIN_FONT_SIZE


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_crowded_sample_page_is_the_first_layout(
    paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = sample_summary()
    tried = _spy(monkeypatch)
    chosen = build_page(summary, paper)
    assert tried == [CLAMPED]  # no spare room: the second layout costs nothing
    _clamped_only(monkeypatch)
    assert build_page(summary, paper) == chosen


@pytest.mark.parametrize("paper", ["a4"])
def test_a_roomy_layout_that_would_hide_anything_is_not_kept(
    paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long questions leave room, but printed whole they push a question off the A4 page: the
    roomy layout is tried and the clamped one kept. (On Letter the questions column now takes
    the wider share of its row, the first question prints whole and hides nothing: kept.)"""
    long = " ".join(["Could the dose be split so that mornings are easier for me?"] * 6)
    summary = sample_summary()
    patient = dataclasses.replace(summary.patient, questions=tuple([long] * 12))
    # the unmarked geometry this case was measured on (the sample mark takes 4 pt of the page)
    summary = dataclasses.replace(summary, patient=patient, sample=False)
    tried = _spy(monkeypatch)
    chosen = build_page(summary, paper)
    assert tried == [CLAMPED, ROOMY]
    _clamped_only(monkeypatch)
    assert build_page(summary, paper) == chosen


def _item(kind: str, level: int = 0) -> Block:
    return tagged(Block(1.0, lambda canvas, x, top: None), kind, level=level)


def test_hides_nothing_compares_kind_by_kind() -> None:
    first = stack([_item("question"), _item("question"), _item(MORE)])
    assert hides_nothing(first, stack([_item("question"), _item("question"), _item(MORE)]))
    assert hides_nothing(first, stack([_item("question")] * 3))
    assert not hides_nothing(first, stack([_item("question"), _item(MORE)]))
    assert not hides_nothing(stack([_item("question")]), stack([_item("question"), _item(MORE)]))
    # a treatment in brief is less than a whole line, more than a named one
    whole, brief, named = _item("treatment"), _item("treatment", 1), _item("treatment", 2)
    assert hides_nothing(stack([brief]), stack([whole]))
    assert not hides_nothing(stack([whole]), stack([brief]))
    assert not hides_nothing(stack([brief]), stack([named]))

"""Fitting: everything above the footer fits its room exactly, gaps included (docs/page.md).

The sections above the footer are stacked ``GAP`` points apart, and the footer keeps ``2 * GAP``
above it. A layout taller than its room eats into those gaps (the sample A4 page once did, by
3.2 pt: the gap between the top sections and the ledger was not counted in the ledger's room).
"""

from __future__ import annotations

from typing import Any

import pytest
from summary_factory import make_summary
from test_golden_sample import sample_summary

from tnprep.report.content import Paper, build_content
from tnprep.report.pdf import page, render_pdf
from tnprep.report.pdf.blocks import Block
from tnprep.summary import Summary


def layouts_tried(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float]]:
    """(height, room) of every layout ``render_pdf`` tries, in order."""
    tried: list[tuple[float, float]] = []
    layout = page._layout

    def spy(*arguments: Any, **keywords: Any) -> Block:
        block = layout(*arguments, **keywords)
        tried.append((block.height, arguments[3]))
        return block

    monkeypatch.setattr(page, "_layout", spy)
    return tried


def _overshoot(summary: Summary, paper: Paper, monkeypatch: pytest.MonkeyPatch) -> float:
    """How far the first layout passes its room (negative: room left)."""
    with monkeypatch.context() as patched:
        tried = layouts_tried(patched)
        render_pdf(build_content(summary, paper))
    height, room = tried[0]
    return height - room


@pytest.mark.parametrize("paper", list(Paper))
def test_the_crowded_sample_fits_its_room_with_every_gap(
    paper: Paper, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _overshoot(sample_summary(), paper, monkeypatch) <= 0.001


@pytest.mark.parametrize("paper", list(Paper))
def test_the_test_patient_fits_its_room(paper: Paper, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _overshoot(make_summary(), paper, monkeypatch) <= 0.001

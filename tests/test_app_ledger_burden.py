"""The app's "Acute burden" line says what the page's says (no browser: ``st`` is a recorder).

It used to be built without the summary's rescue tally, so the app left out whether a rescue
helped as recorded and event logs' medicine entries that the page printed.
"""

from __future__ import annotations

import contextlib
import dataclasses

import pytest
from summary_factory import make_summary

import tnprep.app.ledger as app_ledger
from tnprep.report.content import Paper, build_content
from tnprep.summary import RescueSummary, RescueUse


class LedgerRecorder:
    """The few ``st`` calls ``ledger_section`` makes, recorded as text."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def header(self, text: str, **_: object) -> None:
        self.lines.append(text)

    def text(self, text: str) -> None:
        self.lines.append(text)


def test_the_app_burden_line_is_the_page_s(monkeypatch: pytest.MonkeyPatch) -> None:
    rescue = RescueSummary(
        attacks_with_record=20,
        attacks_with_rescue=3,
        by_name=(("ice", 2), ("oxygen", 1)),
        helped=(("helpful", 1), ("unsure", 2)),
        medicine_events=(("sumatriptan", 4),),
        uses=(RescueUse("ice", 2, 1, 0, 0), RescueUse("oxygen", 1, 1, 0, 0)),
    )
    summary = dataclasses.replace(make_summary(), rescue=rescue, ledger=None)
    page = build_content(summary, Paper.A4).treatments.burden
    assert page is not None
    assert "unsure 2" in page
    assert "sumatriptan" not in page  # a medicine entry linked to no attack is not acute burden
    entries = build_content(summary, Paper.A4).treatments.medicine_entries
    assert entries == "linked to no attack; regular or as needed not recorded — sumatriptan 4"
    recorder = LedgerRecorder()
    monkeypatch.setattr(app_ledger, "st", recorder)
    app_ledger.ledger_section(contextlib.nullcontext(), summary)  # type: ignore[arg-type]
    assert f"Acute burden: {page}" in recorder.lines
    assert f"Medicine entries: {entries}" in recorder.lines

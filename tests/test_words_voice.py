"""The page's and the app's words state recorded facts and never nudge (SPEC *Clinical voice*).

Session 6 sweep: the ledger's options line (it read "Not in the history yet: …" and listed options
nobody asked about), daily logs' pain under an unstated scale, sentences that address someone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from summary_factory import make_summary
from test_app_ledger_burden import LedgerRecorder
from test_golden_sample import sample_summary

import tnprep.app.ledger as app_ledger
from tnprep.analysis.pain_reading import pain_label
from tnprep.charts import overview_charts
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.content import Paper, build_content
from tnprep.report.pain_figure import pain_figure
from tnprep.summary import Summary
from tnprep.summary_json import dumps


def test_the_app_ledger_shows_the_page_s_asked_options_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    summary = make_summary()
    page = build_content(summary, Paper.A4).treatments.not_yet
    assert page == (
        "Patient wants to discuss, no entry in the history: microvascular decompression. "
        # the factory's finding quotes no words: the wishes follow as written (session 6 review)
        "Also wants to discuss (as written): surgery, clinical trials."
    )
    recorder = LedgerRecorder()
    monkeypatch.setattr(app_ledger, "st", recorder)
    app_ledger.ledger_section(contextlib.nullcontext(), summary)  # type: ignore[arg-type]
    assert page in recorder.lines


# --- a daily log's worst and background pain under a pain column with no stated scale -----

_PAPER = Path(__file__).resolve().parent.parent / "sample_data" / "paper_diary.csv"
"""A transcribed paper diary ('Worst pain;Background pain', cp1252, decimal commas): no scale."""


def _daily_summary(data: bytes, name: str = "paper_diary.csv") -> Summary:
    sources = Sources(diaries=[(name, data)], treatments=[], questionnaires=[])
    return summarise_patient(
        load_patient(sources), start=None, end=None, today=dt.date(2026, 11, 25)
    )


def _page(summary: Summary) -> str:
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, "a4")))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_a_daily_log_without_a_stated_scale_is_marked_everywhere() -> None:
    summary = _daily_summary(_PAPER.read_bytes())
    text = _page(summary)
    # the same words as an attack log's pain column with no scale (asmith's 'intensity')
    assert (
        "Worst pain / Background pain: no scale stated in the file; read as 0–10 (values 0–9)"
    ) in text
    # background pain: no '/10' the file did not state; the Pain scale line above says how read
    assert "background pain on 28 of 34 daily-log days, median 1.5" in text
    assert "1.5/10" not in text
    assert "Pain, read as 0–10" in text  # the glance's tile (no attack log: one reading)
    assert "Line: worst pain, read as 0–10 (right)." in text  # the chart's legend
    chart = build_content(summary, Paper.A4).chart
    assert "Worst pain 9, read as 0–10 (no scale stated)." in " ".join(chart.words)
    files = json.loads(dumps(summary))["input"]["files"]
    assert files[0]["scale"]["source"] == "not stated"
    assert files[0]["scale"]["column"] == "Worst pain / Background pain"


def test_a_daily_log_whose_headers_state_0_10_is_not_marked() -> None:
    stated = _PAPER.read_bytes().replace(
        b"Worst pain;Background pain", b"Worst pain (0-10);Background pain (0-10)"
    )
    summary = _daily_summary(stated)
    text = _page(summary)
    assert "no scale stated" not in text
    assert "median 1.5/10" in text
    assert json.loads(dumps(summary))["input"]["files"][0]["scale"] is None


def test_only_the_unstated_column_is_named() -> None:
    one = _PAPER.read_bytes().replace(b"Worst pain;", b"Worst pain (0-10);")
    files = json.loads(dumps(_daily_summary(one)))["input"]["files"]
    assert files[0]["scale"]["column"] == "Background pain"
    assert files[0]["scale"]["max"] == 3  # the background column's own values (worst: 9)


def test_a_stated_attack_log_beside_an_unstated_daily_log_marks_only_the_worst() -> None:
    """The median is the attack log's ('Pain (0-10)'); the worst also takes the daily log's."""
    attack_log = (_PAPER.parent / "attack_log.csv").read_bytes()
    sources = Sources(
        diaries=[("attack_log.csv", attack_log), ("paper_diary.csv", _PAPER.read_bytes())],
        treatments=[],
        questionnaires=[],
    )
    summary = summarise_patient(
        load_patient(sources), start=None, end=None, today=dt.date(2026, 11, 25)
    )
    label, _, detail = pain_figure(summary)
    assert (label, detail) == ("Pain, read as 0–10", "median / worst; worst: no scale stated")
    assert pain_label(summary, "Median") == "Median pain 0–10"
    assert pain_label(summary, "Worst") == "Worst pain, read as 0–10 (no scale stated)"


# --- the sweep: no sentence on the sample page or in the JSON's points nudges ---------------

_NUDGES = ("yet", "should", "recommend", "consider surgery", "you may want", "suggest", "try")
"""Words that presume a next step or advise; the patient's own questions are left out."""


def test_no_sentence_of_the_sample_nudges() -> None:
    names = ("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv")
    sources = Sources(
        diaries=[(name, (_PAPER.parent / name).read_bytes()) for name in names],
        treatments=[("treatments.csv", (_PAPER.parent / "treatments.csv").read_bytes())],
        questionnaires=[
            (name, (_PAPER.parent / name).read_bytes())
            for name in ("questionnaire.csv", "phq9_fhir.json")
        ],
    )
    summary = summarise_patient(
        load_patient(sources), start=None, end=None, today=dt.date(2026, 12, 3)
    )
    questions = set(summary.questions)
    text = _page(summary)
    for question in questions:  # the patient's words print as typed ("Should my sodium …")
        text = text.replace(" ".join(question.split()), "")
    words = " ".join([text, *json.loads(dumps(summary))["discussion_points"]]).casefold()
    assert [nudge for nudge in _NUDGES if re.search(rf"\b{nudge}\b", words)] == []


def test_the_app_charts_say_how_a_daily_log_s_worst_pain_was_read() -> None:
    summary = _daily_summary(_PAPER.read_bytes())
    specs = json.dumps(
        [chart.chart.to_dict() for chart in overview_charts(summary)], ensure_ascii=False
    )
    assert "Worst pain that day, read as 0–10 (no scale stated)" in specs
    assert "Worst pain, read as 0–10 (no scale stated)" in specs
    assert "(0–10)" not in specs


def test_a_discussion_point_writes_dates_as_the_page_does() -> None:
    """The psychological-support point printed '(2024-03 – 2024-09)' on a page of '5 Feb 2024'."""
    points = " ".join(json.loads(dumps(sample_summary()))["discussion_points"])
    assert "Cognitive behavioural therapy (Mar 2024 – Sep 2024)" in points
    assert "2024-03" not in points

"""The glance's median duration says how many attacks it is made from when not all record one.

Pavia's real event log gives a duration for 16 of its 139 pain attacks; the glance printed
"34 min 17 s" alone, which reads as the typical length of all 139.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.sections import build_glance

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"
CHT = CORPUS / "cht-export" / "sample_logs.csv"


def _duration_figure(path: Path) -> tuple[str, str]:
    data = load_patient(Sources(diaries=[(path.name, path.read_bytes())]))
    summary = summarise_patient(data, start=None, end=None, today=dt.date(2026, 12, 3))
    figure = next(f for f in build_glance(summary).figures if f.label == "Median duration")
    return figure.value, figure.detail


def test_a_median_of_some_attacks_names_how_many() -> None:
    # to the minute from 10 minutes (test_page_review): '34 min 17 s' claimed seconds
    assert _duration_figure(PAVIA) == ("34 min", "from 16 of 139 attacks")


def test_a_median_of_every_attack_needs_no_count() -> None:
    value, detail = _duration_figure(CHT)
    assert value != "–"
    assert detail == ""

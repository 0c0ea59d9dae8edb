"""Medicine entries of an event log or a medicines-taken sheet count in the period only.

A real symptom tracker (../shared/real-exports/gchrg-pavia-symptoms) logs oxygen uses as their
own rows. The page's 'Rescue / medicines' line printed the whole file's 398 oxygen entries on a
page for 1–24 Nov 2019, where the file holds far fewer: a tenfold overstatement of rescue use. The
headache app's workbook (gchrg-pavia-xlsx) holds medicine rows from 2009–2013 beside attacks of
2016–2018: none of them belongs to the page's period.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from tnprep.cli import main

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
SYMPTOMS = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"
WORKBOOK = CORPUS / "gchrg-pavia-xlsx" / "Pavias-anfald-og-behandlinger.head.xlsx"


def _rescue(tmp_path: Path, diary: Path, *period: str) -> dict[str, object]:
    out = tmp_path / "summary.json"
    args = ["report", "--diary", str(diary), *period, "--out", str(tmp_path / "page.pdf")]
    assert main([*args, "--summary-json", str(out)]) == 0
    rescue: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))["attacks"]["rescue"]
    return rescue


def _oxygen_rows_from(first: dt.date) -> int:
    """By hand from the file: medicine rows named oxygen-demand-valve on or after ``first``."""
    with SYMPTOMS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    days = [dt.datetime.strptime(row["Date"].strip(), "%d/%m/%Y").date() for row in rows
            if row["Type"] == "medicine" and row["Name"] == "oxygen-demand-valve"]  # fmt: skip
    return sum(day >= first for day in days)


def test_event_log_medicine_entries_count_in_the_period_only(tmp_path: Path) -> None:
    rescue = _rescue(tmp_path, SYMPTOMS, "--from", "2019-11-01")
    events = {item["name"]: item["count"] for item in rescue["medicine_events"]}  # type: ignore[attr-defined]
    expected = _oxygen_rows_from(dt.date(2019, 11, 1))
    assert 0 < expected < 100
    assert events["oxygen-demand-valve"] == expected


def test_whole_period_still_counts_every_entry(tmp_path: Path) -> None:
    rescue = _rescue(tmp_path, SYMPTOMS)
    events = {item["name"]: item["count"] for item in rescue["medicine_events"]}  # type: ignore[attr-defined]
    assert events["oxygen-demand-valve"] == 398


def test_workbook_medicine_rows_outside_the_period_are_not_listed(tmp_path: Path) -> None:
    rescue = _rescue(tmp_path, WORKBOOK)
    assert rescue["medicine_events"] == []

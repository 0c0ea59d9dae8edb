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
import io
import json
from pathlib import Path

from openpyxl import Workbook

from tnprep.analysis.spellings import spelling_key
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
    """By hand from the file: medicine rows naming the oxygen valve (either spelling, as the page
    counts them: 'oxygen-demand-valve', 'Oxygen demand valve') on or after ``first``."""
    with SYMPTOMS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    days = [dt.datetime.strptime(row["Date"].strip(), "%d/%m/%Y").date() for row in rows
            if row["Type"] == "medicine"
            and row["Name"] in ("oxygen-demand-valve", "Oxygen demand valve")]  # fmt: skip
    return sum(day >= first for day in days)


def test_event_log_medicine_entries_count_in_the_period_only(tmp_path: Path) -> None:
    rescue = _rescue(tmp_path, SYMPTOMS, "--from", "2019-11-01")
    events = {item["name"]: item["count"] for item in rescue["medicine_events"]}  # type: ignore[attr-defined]
    expected = _oxygen_rows_from(dt.date(2019, 11, 1))
    assert 0 < expected < 100
    oxygen = [count for name, count in events.items() if spelling_key(name) == "oxygendemandvalve"]
    assert oxygen == [expected]


def test_whole_period_still_counts_every_entry(tmp_path: Path) -> None:
    rescue = _rescue(tmp_path, SYMPTOMS)
    events = {item["name"]: item["count"] for item in rescue["medicine_events"]}  # type: ignore[attr-defined]
    assert events["oxygen-demand-valve"] == 398 + 49  # the two spellings are one name


def test_workbook_medicine_rows_outside_the_period_are_not_listed(tmp_path: Path) -> None:
    rescue = _rescue(tmp_path, WORKBOOK)
    assert rescue["medicine_events"] == []


def test_medicine_sheet_naming_none_of_the_attacks_says_nothing_about_their_rescue(
    tmp_path: Path,
) -> None:
    # The sheet's 'Taken For Headache' ids are 1-1211 (2009-2013); the attack sheet's Headache
    # Ids 3506-5006 (2016-2018): rescue per attack is unknown, not "named in 0 of 1500".
    rescue = _rescue(tmp_path, WORKBOOK)
    assert (rescue["attacks_with_record"], rescue["attacks_with_rescue"]) == (0, 0)
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    notices = [issue for issue in summary["input"]["issues"]
               if issue["code"] == "medicine-sheet-unlinked"]  # fmt: skip
    assert len(notices) == 1 and "Ark2" in notices[0]["message"]


def _workbook() -> bytes:
    book = Workbook()
    attacks = book.active
    assert attacks is not None
    attacks.title = "Attacks"
    attacks.append(["Headache Id", "Start Time", "End Time", "Severity"])
    attacks.append([7, dt.datetime(2024, 3, 1, 8), dt.datetime(2024, 3, 1, 8, 30), 6])
    attacks.append([8, dt.datetime(2024, 3, 2, 9), dt.datetime(2024, 3, 2, 9, 20), 5])
    doses = book.create_sheet("Doses")
    doses.append(["Taken For Headache", "Date/Time Taken", "Medication Description",
                  "Was Severity Reduced?"])  # fmt: skip
    doses.append([7, dt.datetime(2024, 3, 1, 8, 5), "Oxygen", "Yes"])
    doses.append([3, dt.datetime(2024, 2, 1, 8, 5), "Sumatriptan", "No"])  # an earlier attack
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_a_medicine_sheet_naming_some_attacks_gives_their_rescue(tmp_path: Path) -> None:
    path = tmp_path / "app.xlsx"
    path.write_bytes(_workbook())
    rescue = _rescue(tmp_path, path)
    # Attack 7 took oxygen; attack 8 has no dose row: none taken, as the app records it.
    assert (rescue["attacks_with_record"], rescue["attacks_with_rescue"]) == (2, 1)
    assert rescue["by_name"] == [{"name": "Oxygen", "count": 1}]
    # The February sumatriptan dose is before the period (1-2 Mar 2024).
    assert rescue["medicine_events"] == [{"name": "oxygen", "count": 1}]

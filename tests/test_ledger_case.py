"""A held-back-style case through ``tnprep report``: the ledger's figures on the page and in JSON.

A titrated first-line drug (oxcarbazepine 300 → 600 → 1200 mg/day), an adjunct overlapping it
(baclofen, written as a brand), an earlier drug restarted, and a microvascular decompression with
a recurrence date. The highest mg/day, the days at it and the recurrence date must be on the page
and in the summary JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdf

from tnprep.ledger_model import DaySpan
from tnprep.report.ledger_lines import span_text

ROOT = Path(__file__).resolve().parent.parent

DIARY = "date,time,duration,pain,side\n" + "".join(
    f"2025-03-{day:02d},08:{minute:02d},30s,6,right\n" for day in range(1, 29) for minute in (5, 40)
)
HISTORY = (
    "Medication,Start,End,Dose,Response,Reason stopped,Side effects,Notes,Side,Recurrence,"
    "Complications\n"
    "Oxcarbazepine,2024-06-03,2024-06-16,150 mg twice daily,,dose increased,,,,,\n"
    "Trileptal,2024-06-17,2024-07-14,300 mg bd,,dose increased,,,,,\n"
    'Oxcarbazepine,2024-07-15,,600 mg twice daily,50%,,"tired; Na 131 mmol/L",,,,\n'
    "Lioresal,2024-09,2025-01,10 mg three times daily,partial,inefficacy,drowsy,,,,\n"
    "Carbamazepine,2019,2020-05,200 mg tds,good,side effects,rash,,,,\n"
    "Carbamazepine,2022-02,2022-04,100 mg bd,none,inefficacy,,,,,\n"
    "MVD,2021-01-12,2021-01-12,,complete,,,pain-free until autumn 2022,left,2022-11,"
    "numb chin\n"
)


def test_titration_adjunct_and_recurrence_reach_the_page_and_the_json(tmp_path: Path) -> None:
    diary, history = tmp_path / "diary.csv", tmp_path / "history.csv"
    diary.write_text(DIARY, encoding="utf-8")
    history.write_text(HISTORY, encoding="utf-8")
    pdf, summary = tmp_path / "case.pdf", tmp_path / "case.json"
    result = subprocess.run(
        [sys.executable, "-m", "tnprep", "report", "--diary", str(diary), "--treatments",
         str(history), "--to", "2025-03-28", "--out", str(pdf), "--summary-json", str(summary)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    page = " ".join(reader.pages[0].extract_text().split())
    ledger = json.loads(summary.read_text(encoding="utf-8"))["ledger"]

    oxcarbazepine, carbamazepine, baclofen = (
        next(drug for drug in ledger["drugs"] if drug["name"] == name)
        for name in ("oxcarbazepine", "carbamazepine", "baclofen")
    )
    assert oxcarbazepine["current"] is True
    assert oxcarbazepine["highest_mg_per_day"] == 1200.0
    # The ongoing course runs to the day the report is made (the clock), so its day count moves.
    assert [step["mg_per_day"] for step in oxcarbazepine["courses"][0]["steps"]] == [
        300.0, 600.0, 1200.0,
    ]  # fmt: skip
    days_at = oxcarbazepine["days_at_highest"]
    assert days_at["shortest_days"] == days_at["longest_days"] > 200
    assert [o["name"] for o in oxcarbazepine["courses"][0]["overlaps"]] == ["baclofen"]
    sodium = oxcarbazepine["courses"][0]["adverse_effects"][0]["lab_values"][0]
    assert (sodium["name"], sodium["value"], sodium["unit"]) == ("sodium", 131.0, "mmol/L")
    assert baclofen["highest_mg_per_day"] == 30.0 and baclofen["name_as_written"] == "Lioresal"
    assert len(carbamazepine["courses"]) == 2 and carbamazepine["highest_mg_per_day"] == 600.0
    (mvd,) = ledger["procedures"]
    assert (mvd["date"], mvd["side"], mvd["recurrence"]) == ("2021-01-12", "left", "2022-11")
    assert mvd["pain_free"] == {"shortest_days": 658, "longest_days": 687}

    length = span_text(DaySpan(days_at["shortest_days"], days_at["longest_days"]))
    assert f"Oxcarbazepine (current): reached 1200 of 300–1800 mg/day* for {length}" in page
    assert "300 → 600 → 1200 mg/day" in page and "alongside baclofen" in page
    assert "Carbamazepine: reached 600 of 200–1200 mg/day*" in page and "2 courses" in page
    assert "MVD, left: 12 Jan 2021: complete; recurrence Nov 2022" in page
    assert "pain-free interval 22–23 months" in page
    assert "Range: Pract Neurol 2021" in page

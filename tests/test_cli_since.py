"""``report --previous`` and ``batch`` with an earlier summary, through a subprocess.

The returning patient: an earlier summary made by ``report`` on an earlier period of the sample
diaries, then the later period with ``--previous``; both rates must be on the page.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tnprep.report.since import NBSP
from tnprep.report.wording import number_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
DIARIES = ["--diary", str(SAMPLES / "attack_log.csv"), "--diary", str(SAMPLES / "paper_diary.csv"),
           "--diary", str(SAMPLES / "migraine_buddy.csv")]  # fmt: skip


def tnprep(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tnprep", *map(str, arguments)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip


def page_text(pdf: Path) -> str:
    reader = pypdf.PdfReader(pdf)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().replace(NBSP, " ").split())


def earlier_questionnaire(folder: Path) -> Path:
    """The sample answers as they were at an earlier visit on 2026-09-01."""
    text = (SAMPLES / "questionnaire.csv").read_text(encoding="utf-8")
    path = folder / "earlier_questionnaire.csv"
    path.write_text(text.replace("visit_date,2026-11-02", "visit_date,2026-09-01"), "utf-8")
    return path


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The summary ``report`` writes for the earlier period (up to 2026-08-31)."""
    folder = tmp_path_factory.mktemp("earlier")
    summary = folder / "last_visit.summary.json"
    result = tnprep("report", *DIARIES, "--treatments", SAMPLES / "treatments.csv",
                    "--questionnaire", earlier_questionnaire(folder), "--to", "2026-08-31",
                    "--out", folder / "last_visit.pdf", "--summary-json", summary)  # fmt: skip
    assert result.returncode == 0, result.stderr
    return summary


def test_returning_patient_page_shows_the_earlier_and_the_current_rate(
    earlier: Path, tmp_path: Path
) -> None:
    pdf, summary = tmp_path / "now.pdf", tmp_path / "now.summary.json"
    result = tnprep("report", *DIARIES, "--treatments", SAMPLES / "treatments.csv",
                    "--questionnaire", SAMPLES / "questionnaire.csv", "--from", "2026-09-01",
                    "--previous", earlier, "--out", pdf, "--summary-json", summary)  # fmt: skip
    assert result.returncode == 0, result.stderr
    then = json.loads(earlier.read_text(encoding="utf-8"))["attacks"]["per_recorded_day"]
    document = json.loads(summary.read_text(encoding="utf-8"))
    now = document["attacks"]["per_recorded_day"]
    assert then != now
    text = page_text(pdf)
    assert "Since 1 Sep 2026" in text
    assert f"Attacks per recorded day {number_text(then)} → {number_text(now)}" in text
    since = document["since_last_visit"]
    assert since["status"] == "compared" and since["overlap"] is None
    assert since["previous"]["file"] == "last_visit.summary.json"
    assert {"treatment": "oxcarbazepine", "change": "started", "date": "2026-09-10",
            "then_dose": None, "now_dose": None} in since["treatment_changes"]  # fmt: skip
    assert all(question["asked_again"] for question in since["earlier_questions"])


def test_a_damaged_previous_file_is_named_and_exits_1(earlier: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "broken.summary.json"
    damaged.write_bytes(earlier.read_bytes()[:300])
    pdf, summary = tmp_path / "now.pdf", tmp_path / "now.summary.json"
    result = tnprep("report", *DIARIES, "--previous", damaged, "--out", pdf,
                    "--summary-json", summary)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        "tnprep: warning: broken.summary.json: damaged or not JSON; it is not compared.\n"
    )
    assert "Traceback" not in result.stderr
    assert "Left out: broken.summary.json — damaged or not JSON" in page_text(pdf)
    issues = json.loads(summary.read_text(encoding="utf-8"))["input"]["issues"]
    assert any(i["file"] == "broken.summary.json" and i["code"] == "previous-left-out"
               for i in issues)  # fmt: skip


def test_another_patients_summary_is_refused_with_a_warning(earlier: Path, tmp_path: Path) -> None:
    other = json.loads(earlier.read_text(encoding="utf-8"))
    other["patient"]["name"] = "Someone Else"
    path = tmp_path / "other.summary.json"
    path.write_text(json.dumps(other), encoding="utf-8")
    result = tnprep("report", *DIARIES, "--questionnaire", SAMPLES / "questionnaire.csv",
                    "--previous", path, "--out", tmp_path / "now.pdf")  # fmt: skip
    assert result.returncode == 1
    assert "another patient's summary (the name differs" in result.stderr
    assert "Someone Else" not in result.stderr


def test_a_missing_previous_file_is_one_line_exit_2(tmp_path: Path) -> None:
    result = tnprep("report", *DIARIES, "--previous", tmp_path / "nope.json",
                    "--out", tmp_path / "now.pdf")  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().endswith("nope.json: no such file.")
    assert "Traceback" not in result.stderr


def test_the_current_data_as_its_own_previous_says_no_change(tmp_path: Path) -> None:
    first = tmp_path / "first.summary.json"
    arguments = [*DIARIES, "--questionnaire", SAMPLES / "questionnaire.csv"]
    assert tnprep("report", *arguments, "--out", tmp_path / "a.pdf",
                  "--summary-json", first).returncode == 0  # fmt: skip
    pdf, again = tmp_path / "b.pdf", tmp_path / "again.json"
    result = tnprep("report", *arguments, "--previous", first, "--out", pdf,
                    "--summary-json", again)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(again.read_text(encoding="utf-8"))["since_last_visit"]["status"] == (
        "no change"
    )
    assert "Same period, same figures as now: no change." in page_text(pdf)


def _index(out: Path) -> dict[str, dict[str, str]]:
    rows = csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8")))
    return {row["patient_folder"]: row for row in rows}


def test_batch_compares_with_the_summary_in_a_patient_folder(earlier: Path, tmp_path: Path) -> None:
    intake = tmp_path / "intake"
    for folder in ("anna", "ben"):
        (intake / folder).mkdir(parents=True)
        shutil.copyfile(SAMPLES / "attack_log.csv", intake / folder / "diary.csv")
        shutil.copyfile(SAMPLES / "questionnaire.csv", intake / folder / "answers.csv")
    shutil.copyfile(earlier, intake / "anna" / "anna.summary.json")
    (intake / "ben" / "last.summary.json").write_text("{not json", encoding="utf-8")
    out = tmp_path / "out"
    result = tnprep("batch", intake, "--out", out, "--jobs", "1")
    assert result.returncode == 1, result.stderr
    index = _index(out)
    assert index["anna"]["status"] == "ok" and index["anna"]["message"] == ""
    assert index["ben"]["status"] == "partial"
    assert index["ben"]["message"] == "last.summary.json: damaged or not JSON; it is not compared."
    anna = json.loads((out / "anna.summary.json").read_text(encoding="utf-8"))
    assert anna["since_last_visit"]["previous"]["file"] == "anna.summary.json"
    assert "Since 1 Sep 2026" in page_text(out / "anna.pdf")
    ben = json.loads((out / "ben.summary.json").read_text(encoding="utf-8"))
    assert ben["since_last_visit"]["status"] == "not compared"

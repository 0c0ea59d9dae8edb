"""``python -m tnprep report`` through a subprocess: outputs, options, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
SAMPLE_ARGUMENTS = [
    "--diary", str(SAMPLES / "attack_log.csv"), "--diary", str(SAMPLES / "paper_diary.csv"),
    "--diary", str(SAMPLES / "migraine_buddy.csv"), "--treatments", str(SAMPLES / "treatments.csv"),
    "--questionnaire", str(SAMPLES / "questionnaire.csv"),
    "--questionnaire", str(SAMPLES / "phq9_fhir.json"),
]  # fmt: skip


def report(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tnprep", "report", *map(str, arguments)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip


def report_summary(folder: Path, *arguments: str | Path) -> dict[str, object]:
    """The summary JSON of a ``report`` written into ``folder`` (the report must exit 0)."""
    summary = folder / "summary.json"
    done = report(*arguments, "--out", folder / "report.pdf", "--summary-json", summary)
    assert done.returncode == 0, done.stderr
    written: dict[str, object] = json.loads(summary.read_text(encoding="utf-8"))
    return written


def test_sample_report_writes_one_page_and_the_summary(tmp_path: Path) -> None:
    pdf, summary = tmp_path / "report.pdf", tmp_path / "summary.json"
    result = report(*SAMPLE_ARGUMENTS, "--out", pdf, "--summary-json", summary)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Wrote {pdf}: 752 attacks over 114 recorded days of 121; 18 issues in the data."
    )
    assert len(pypdf.PdfReader(pdf).pages) == 1
    document = json.loads(summary.read_text(encoding="utf-8"))
    assert document["schema"] == "tnprep.summary/1"
    assert document["input"]["rows_read"] == 600
    assert "Alex Example" not in result.stdout + result.stderr  # no patient text in the output


def test_period_and_paper_options(tmp_path: Path) -> None:
    pdf, summary = tmp_path / "report.pdf", tmp_path / "summary.json"
    result = report(*SAMPLE_ARGUMENTS, "--from", "2026-09-01", "--to", "2026-09-30",
                    "--paper", "letter", "--out", pdf, "--summary-json", summary)  # fmt: skip
    assert result.returncode == 0, result.stderr
    period = json.loads(summary.read_text(encoding="utf-8"))["period"]
    assert period == {
        "start": "2026-09-01", "end": "2026-09-30", "days": 30, "days_recorded": 30,
        "chosen": True, "diary_start": "2026-07-01", "diary_end": "2026-10-29",
    }  # fmt: skip
    box = pypdf.PdfReader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "1 Sep"], "tnprep: error: --from '1 Sep': write the date as YYYY-MM-DD."),
        (["--from", "2026-10-01", "--to", "2026-09-01"],
         "tnprep: error: --from 2026-10-01 is after --to 2026-09-01."),
        (["--treatments", "missing.csv"], "tnprep: error: missing.csv: no such file."),
    ],
)  # fmt: skip
def test_problems_exit_2_with_one_line(tmp_path: Path, arguments: list[str], message: str) -> None:
    out = tmp_path / "report.pdf"
    result = report("--diary", SAMPLES / "attack_log.csv", *arguments, "--out", out)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unwritable_output_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "report.pdf"
    result = report("--diary", SAMPLES / "attack_log.csv", "--out", out)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot be written" in result.stderr and "Traceback" not in result.stderr


def test_nothing_usable_is_exit_2(tmp_path: Path) -> None:
    empty_diary = tmp_path / "diary.csv"
    empty_diary.write_text("Date,Time,Pain\n", encoding="utf-8")
    result = report("--diary", empty_diary, "--out", tmp_path / "report.pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("tnprep: error: nothing usable")
    assert not (tmp_path / "report.pdf").exists()

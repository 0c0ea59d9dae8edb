"""One policy for a file that cannot be read (SPEC *Command line*, issue 9 item 12).

``report`` builds the page from the rest, names the file at the top of the page, lists it in the
issues, says it on stderr and exits 1; ``batch`` marks the patient ``partial``; both agree. Exit 2
only when nothing usable remains.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tnprep.cli.files import left_out_lines
from tnprep.pipeline import (
    EARLIER_SUMMARY,
    Sources,
    assemble,
    left_out,
    load_patient,
    read_sources,
    summarise_patient,
)
from tnprep.report import build_page

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
BROKEN = b"Date,Pain\x00\x01\x02 binary"
"""Not a table at all: the diary reader refuses it (NUL bytes)."""
BAD_QUESTIONNAIRE = b"colour,size\nred,3\n"
"""Recognised as a table, but neither a diary, a treatment history nor a questionnaire."""


def tnprep(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tnprep", *map(str, arguments)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip


def page_text(pdf: Path) -> str:
    return " ".join(pypdf.PdfReader(pdf).pages[0].extract_text().split())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    patient = tmp_path / "intake" / "anna"
    patient.mkdir(parents=True)
    shutil.copyfile(SAMPLES / "attack_log.csv", patient / "diary.csv")
    shutil.copyfile(SAMPLES / "treatments.csv", patient / "history.csv")
    (patient / "broken.csv").write_bytes(BROKEN)
    return patient


def test_report_builds_the_page_from_the_rest_and_exits_1(folder: Path, tmp_path: Path) -> None:
    pdf, summary = tmp_path / "anna.pdf", tmp_path / "anna.summary.json"
    result = tnprep("report", "--diary", folder / "diary.csv", "--diary", folder / "broken.csv",
                    "--treatments", folder / "history.csv", "--out", pdf,
                    "--summary-json", summary)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"Wrote {pdf}: 526 attacks")
    assert result.stderr.splitlines() == [result.stderr.rstrip("\n")]
    assert result.stderr.startswith("tnprep: left out broken.csv: contains NUL bytes")
    assert "Traceback" not in result.stderr
    text = page_text(pdf)
    assert text.index("left out whole: broken.csv") < text.index("At a glance")  # at the top
    issues = json.loads(summary.read_text(encoding="utf-8"))["input"]["issues"]
    left_out = [issue for issue in issues if issue["code"] == "file-left-out"]
    assert [(issue["file"], issue["row"]) for issue in left_out] == [("broken.csv", None)]
    assert left_out[0]["message"].startswith("This file was left out whole: contains NUL bytes")


def test_a_bad_questionnaire_is_left_out_too(tmp_path: Path) -> None:
    bad = tmp_path / "answers.csv"
    bad.write_bytes(BAD_QUESTIONNAIRE)
    pdf = tmp_path / "report.pdf"
    result = tnprep("report", "--diary", SAMPLES / "attack_log.csv", "--questionnaire", bad,
                    "--out", pdf)  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("tnprep: left out answers.csv: is not a questionnaire")
    assert "left out whole: answers.csv" in page_text(pdf)


def test_nothing_usable_left_is_exit_2_naming_the_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes(BROKEN)
    result = tnprep("report", "--diary", broken, "--out", tmp_path / "report.pdf")
    assert result.returncode == 2
    assert result.stderr.startswith("tnprep: error: broken.csv: contains NUL bytes")
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "report.pdf").exists()


def test_batch_marks_the_patient_partial_and_agrees_with_report(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pages"
    result = tnprep("batch", folder.parent, "--out", out, "--jobs", "1")
    assert result.returncode == 1, result.stderr
    assert "0 failed, 1 partial" in result.stdout
    rows = list(csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8"))))
    assert [(row["patient_folder"], row["status"]) for row in rows] == [("anna", "partial")]
    assert rows[0]["message"].startswith("left out broken.csv: contains NUL bytes")
    assert rows[0]["attacks"] == "526"
    # The same files through report: the same summary and the same page.
    pdf, summary = tmp_path / "report.pdf", tmp_path / "report.summary.json"
    report = tnprep("report", "--diary", folder / "broken.csv", "--diary", folder / "diary.csv",
                    "--treatments", folder / "history.csv", "--out", pdf,
                    "--summary-json", summary)  # fmt: skip
    assert report.returncode == 1
    assert summary.read_text(encoding="utf-8") == (out / "anna.summary.json").read_text(
        encoding="utf-8"
    )
    assert page_text(pdf) == page_text(out / "anna.pdf")


def test_batch_with_only_unreadable_files_fails_naming_them(tmp_path: Path) -> None:
    patient = tmp_path / "intake" / "bob"
    patient.mkdir(parents=True)
    (patient / "broken.csv").write_bytes(BROKEN)
    out = tmp_path / "pages"
    result = tnprep("batch", patient.parent, "--out", out, "--jobs", "1")
    assert result.returncode == 2
    rows = list(csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8"))))
    assert rows[0]["status"] == "failed"
    assert rows[0]["message"].startswith("broken.csv: ")


def test_check_names_an_unreadable_diary_and_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes(BROKEN)
    result = tnprep("check", "--diary", SAMPLES / "attack_log.csv", "--diary", broken)
    assert result.returncode == 2
    assert "attack_log.csv: attack log" in result.stdout
    assert result.stderr.startswith("tnprep: error: broken.csv: contains NUL bytes")


def test_several_left_out_files_are_all_named_on_one_page() -> None:
    broken = [(f"export-from-phone-{number}.csv", BROKEN) for number in range(5)]
    diaries = [("attack_log.csv", (SAMPLES / "attack_log.csv").read_bytes()), *broken]
    data = load_patient(Sources(diaries=diaries))
    summary = summarise_patient(data, start=None, end=None, today=dt.date(2026, 11, 25))
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, "a4")))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for name, _ in broken:
        assert name in text.split("At a glance")[0]


# --- one left-out path: unreadable files and refused earlier summaries ------------------------


def test_left_out_is_one_list_of_unreadable_files_then_refused_earlier_summaries() -> None:
    sources = Sources(
        diaries=[("diary.csv", (SAMPLES / "attack_log.csv").read_bytes()), ("broken.csv", BROKEN)],
        previous=[("old.summary.json", b"{not json")],
    )
    readings = read_sources(sources)
    summary = summarise_patient(
        assemble(readings), start=None, end=None, today=dt.date(2026, 12, 3),
        previous=readings.previous,
    )  # fmt: skip
    items = left_out(readings, summary)
    assert [(item.file, item.role, item.earlier_summary) for item in items] == [
        ("broken.csv", "diary", False),
        ("old.summary.json", EARLIER_SUMMARY, True),
    ]
    assert items[1].reason == summary.since.left_out[0].reason  # type: ignore[union-attr]
    assert left_out_lines(items) == [
        f"left out broken.csv: {items[0].reason}",
        f"warning: old.summary.json: {items[1].reason}",
    ]


def test_report_and_batch_name_both_kinds_and_exit_1(folder: Path, tmp_path: Path) -> None:
    (folder / "old.summary.json").write_bytes(b"{not json")
    result = tnprep("report", "--diary", folder / "diary.csv", "--diary", folder / "broken.csv",
                    "--previous", folder / "old.summary.json",
                    "--out", tmp_path / "r.pdf")  # fmt: skip
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert [line.split(":")[:2] for line in lines] == [
        ["tnprep", " left out broken.csv"],
        ["tnprep", " warning"],
    ]
    assert lines[1].startswith("tnprep: warning: old.summary.json: damaged or not JSON")
    out = tmp_path / "pages"
    assert tnprep("batch", folder.parent, "--out", out, "--jobs", "1").returncode == 1
    rows = list(csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8"))))
    assert rows[0]["status"] == "partial"
    assert rows[0]["message"].startswith("left out broken.csv: contains NUL bytes")
    assert "; old.summary.json: damaged or not JSON" in rows[0]["message"]

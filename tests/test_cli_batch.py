"""``python -m tnprep batch``: a page per patient folder, an index, failures that stop no one."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from tnprep.cli.batch import PatientResult, index_csv, patient_sources, run_patient
from tnprep.ingest.recognise import InputKind, recognise

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"


def batch(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tnprep", "batch", *map(str, arguments)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip


def patient(folder: Path, names: dict[str, str]) -> Path:
    """Copy sample files into ``folder`` under new, meaningless names (recognised by content)."""
    folder.mkdir(parents=True)
    for sample, target in names.items():
        shutil.copyfile(SAMPLES / sample, folder / target)
    return folder


@pytest.fixture
def intake(tmp_path: Path) -> Path:
    root = tmp_path / "intake"
    anna = {"attack_log.csv": "export1.csv", "treatments.csv": "file2.csv",
            "questionnaire.csv": "form.csv", "phq9_fhir.json": "x.json"}  # fmt: skip
    patient(root / "anna", anna)
    patient(root / "ben", {"migraine_buddy.csv": "a.csv", "paper_diary.csv": "b.csv"})
    broken = root / "carl"
    broken.mkdir()
    (broken / "diary.csv").write_bytes(b"%PDF-1.7 not a table")
    (root / ".hidden").mkdir()
    return root


def read_index(out: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((out / "index.csv").read_text(encoding="utf-8"))))


@pytest.mark.timeout(300)
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_writes_each_patient_and_reports_the_broken_one(
    intake: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "out"
    result = batch(intake, "--out", out, "--jobs", jobs)
    assert result.returncode == 1, result.stderr  # some failed, not all
    assert "Traceback" not in result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("Batch: 2 of 3 patients written")
    rows = read_index(out)
    assert [(row["patient_folder"], row["status"]) for row in rows] == [
        ("anna", "ok"), ("ben", "ok"), ("carl", "failed"),
    ]  # fmt: skip
    assert rows[0]["phq9_item9_flag"] == "yes"
    assert rows[1]["phq9_item9_flag"] == ""
    assert "diary.csv" in rows[2]["message"] and "PDF" in rows[2]["message"]
    for name in ("anna", "ben"):
        reader = pypdf.PdfReader(out / f"{name}.pdf")
        assert len(reader.pages) == 1
        assert (out / f"{name}.summary.json").exists()
    assert not (out / "carl.pdf").exists()
    assert sorted(path.name for path in out.iterdir() if path.name.startswith(".")) == []


def test_batch_counts_match_the_report(intake: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    batch(intake, "--out", out, "--jobs", "1")
    anna = read_index(out)[0]
    assert anna["attacks"] == "526"
    assert int(anna["issues"]) >= 0


def test_no_patient_folder_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = batch(tmp_path / "empty", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"tnprep: error: {tmp_path / 'empty'}: no patient folders found (one sub-folder per "
        "patient)."
    ]


def test_files_are_recognised_by_content_not_name(intake: Path) -> None:
    sources = patient_sources(intake / "anna")
    assert [name for name, _ in sources.diaries] == ["export1.csv"]
    assert [name for name, _ in sources.treatments] == ["file2.csv"]
    assert [name for name, _ in sources.questionnaires] == ["form.csv", "x.json"]


@pytest.mark.parametrize(
    ("sample", "kind"),
    [("attack_log.csv", InputKind.DIARY), ("paper_diary.csv", InputKind.DIARY),
     ("migraine_buddy.csv", InputKind.DIARY), ("treatments.csv", InputKind.TREATMENTS),
     ("questionnaire.csv", InputKind.QUESTIONNAIRE), ("phq9_fhir.json", InputKind.QUESTIONNAIRE)],
)  # fmt: skip
def test_recognise_each_sample(sample: str, kind: InputKind) -> None:
    assert recognise((SAMPLES / sample).read_bytes(), sample) is kind


def test_index_neutralises_spreadsheet_formulas() -> None:
    rows = [PatientResult('=HYPERLINK("http://x","y")', ok=False, message="@SUM(A1)")]
    document = index_csv(rows)
    assert "'=HYPERLINK" in document and "'@SUM(A1)" in document


@pytest.mark.timeout(300)
def test_index_flags_an_unanswered_item9(tmp_path: Path) -> None:
    # Regression: a PHQ-9 with item 9 blank left the index's flag empty, unlike the page's
    # "not answered — ask".
    folder = patient(tmp_path / "intake" / "dana", {"attack_log.csv": "diary.csv"})
    answers = "".join(f"phq9_{item},1\n" for item in range(1, 9))
    (folder / "form.csv").write_text(f"item,answer\n{answers}", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = run_patient(folder, tmp_path / "out", "a4", dt.date(2026, 11, 2))
    assert (result.status, result.index_row()[5]) == ("ok", "not answered")


@pytest.mark.parametrize(
    ("flag", "unanswered", "written"),
    [(None, False, ""), (False, False, "no"), (True, False, "yes"), (None, True, "not answered")],
)
def test_index_item9_column(flag: bool | None, unanswered: bool, written: str) -> None:
    row = PatientResult("p", ok=True, item9_flag=flag, item9_unanswered=unanswered).index_row()
    assert row[5] == written

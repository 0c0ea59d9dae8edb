"""``report`` never writes over one of its own input files, nor its two outputs over each other.

``--diary diary.csv --out diary.csv`` replaced the patient's diary with the page; ``--previous
last.json --summary-json last.json`` the last visit's summary with this one's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tnprep.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture
def diary(tmp_path: Path) -> Path:
    copy = tmp_path / "diary.csv"
    shutil.copyfile(SAMPLES / "attack_log.csv", copy)
    return copy


def test_the_page_over_the_diary_is_refused_and_the_diary_kept(
    diary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = diary.read_bytes()
    assert main(["report", "--diary", str(diary), "--out", str(diary)]) == 2
    assert diary.read_bytes() == before
    error = capsys.readouterr().err
    assert "--out" in error and "one of the input files" in error and "nothing was written" in error


def test_the_summary_over_the_last_visits_summary_is_refused(diary: Path, tmp_path: Path) -> None:
    previous = tmp_path / "last.summary.json"
    shutil.copyfile(SAMPLES / "previous_visit.summary.json", previous)
    before = previous.read_bytes()
    same = tmp_path / "sub" / ".." / "last.summary.json"  # another spelling of the same path
    (tmp_path / "sub").mkdir()
    arguments = ["report", "--diary", str(diary), "--previous", str(previous),
                 "--out", str(tmp_path / "r.pdf"), "--summary-json", str(same)]  # fmt: skip
    assert main(arguments) == 2
    assert previous.read_bytes() == before
    assert not (tmp_path / "r.pdf").exists()


def test_a_link_to_an_input_is_the_input(diary: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(diary)
    assert main(["report", "--diary", str(diary), "--out", str(link)]) == 2
    assert diary.read_bytes() == (SAMPLES / "attack_log.csv").read_bytes()


def test_the_pdf_and_the_json_on_one_path_are_refused(diary: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert (
        main(["report", "--diary", str(diary), "--out", str(out), "--summary-json", str(out)]) == 2
    )
    assert not out.exists()


def test_batch_refuses_an_out_dir_among_the_patient_folders(tmp_path: Path) -> None:
    """Pages written into a patient's folder were that patient's files on the next run."""
    patient = tmp_path / "intake" / "p1"
    patient.mkdir(parents=True)
    shutil.copyfile(SAMPLES / "attack_log.csv", patient / "attack_log.csv")
    for out in (patient, tmp_path / "intake" / "pages"):
        assert main(["batch", str(tmp_path / "intake"), "--out", str(out)]) == 2
        assert sorted(path.name for path in patient.iterdir()) == ["attack_log.csv"]
    assert not (tmp_path / "intake" / "pages").exists()
    assert main(["batch", str(tmp_path / "intake"), "--out", str(tmp_path / "intake")]) == 0


def test_a_folder_as_out_and_a_missing_folder_are_said_by_the_path_given(
    diary: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """They named the temporary file ('/tmp/.edge.vkxu0qj8: cannot be written (Is a directory)')."""
    assert main(["report", "--diary", str(diary), "--out", str(tmp_path)]) == 2
    assert f"--out {tmp_path}: this is a folder" in capsys.readouterr().err
    missing = tmp_path / "no" / "r.pdf"
    assert main(["report", "--diary", str(diary), "--out", str(missing)]) == 2
    assert f"{missing}: cannot be written (No such file or directory)" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["diary.csv"]


def test_the_result_line_counts_one_as_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'Wrote …: 1 attacks over 1 recorded days' for a one-attack Migraine Buddy export."""
    diary = tmp_path / "one.csv"
    diary.write_text("Date,Time,Pain\n2026-11-02,08:00,5\n", encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert main(["report", "--diary", str(diary), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Wrote {out}: 1 attack over 1 recorded day of 1; 0 issues in the data."
    )

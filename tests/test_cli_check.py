"""``python -m tnprep check`` run as a user runs it: a subprocess from the repository root."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"


def check(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tnprep", "check", *map(str, arguments)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_text_report_of_the_messy_sample() -> None:
    result = check("--diary", SAMPLES / "messy_diary.csv")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "messy_diary.csv: attack log (generic table)",
        "  encoding utf-8, delimiter ,, dates day-first (decided from the data)",
        "  columns: Date → date, Time → time, Duration (min) → duration, Pain → intensity, "
        "Side → side, Location → location, Triggers → triggers, Notes → notes",
        "  rows: 23 read, 3 rejected, 0 other, 20 kept",
    ]
    assert lines[4:6] == [  # 'Pain' names no scale: read as 0–10 and said (docs/formats.md)
        "  pain scale: Pain: no scale stated in the file; read as 0–10 (values 4–8)",
        '    if the diary used another scale, give it, e.g. --scale "Pain=1-5" (or 0-100)',
    ]
    assert lines[6:8] == [
        "Total: 23 rows read = 19 used + 3 rejected + 1 duplicates + 0 other.",
        "Issues: 10:",
    ]
    assert lines[8] == (
        "  messy_diary.csv, row 4, column Date: The date cannot be read (slash dates are read "
        "day-first, decided from the other dates in the file); the row was left out of every "
        "figure. [32/13/2026]"
    )
    assert lines[-1] == (
        "  messy_diary.csv, row 17, column -: Same start minute and the same recorded values as "
        "row 16; counted once."
    )
    assert len(lines) == 18


def test_text_report_names_encoding_delimiter_and_ignored_columns(tmp_path: Path) -> None:
    diary = tmp_path / "tab.tsv"
    diary.write_bytes("Date\tTime\tPain\tMood\n2026-01-02\t08:00\t5\tok\n".encode("utf-16"))
    result = check("--diary", diary)
    assert result.returncode == 0
    assert result.stdout.splitlines()[:5] == [
        "tab.tsv: attack log (generic table)",
        "  encoding utf-16, delimiter tab, dates no slash dates (not needed)",
        "  columns: Date → date, Time → time, Pain → intensity",
        "  not used: Mood",
        "  rows: 1 read, 0 rejected, 0 other, 1 kept",
    ]


def test_json_output_is_the_input_object_plus_files() -> None:
    result = check(
        "--diary", SAMPLES / "attack_log.csv", "--diary", SAMPLES / "migraine_buddy.csv",
        "--diary", SAMPLES / "paper_diary.csv", "--json",
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert set(document) == {"input", "files"}
    counts = {key: document["input"][key] for key in
              ("rows_read", "rows_used", "rows_rejected", "duplicates")}  # fmt: skip
    assert counts == {"rows_read": 600, "rows_used": 586, "rows_rejected": 0, "duplicates": 14}
    # 14 duplicates + the Migraine Buddy preamble event
    assert len(document["input"]["issues"]) == 15
    assert set(document["input"]["issues"][0]) >= {"file", "row", "column", "message"}
    assert [(item["file"], item["shape"], item["format"], item["encoding"], item["delimiter"],
             item["date_order"], item["date_order_source"], item["rows_read"])
            for item in document["files"]] == [
        ("attack_log.csv", "attack log", "generic table", "utf-8", ",", None, "not needed", 526),
        ("migraine_buddy.csv", "attack log", "Migraine Buddy", "utf-8", ",", "month-first",
         "fixed by the export format", 40),
        ("paper_diary.csv", "daily log", "generic table", "cp1252", ";", None, "not needed", 34),
    ]  # fmt: skip
    mapping = document["files"][2]["mapping"]
    assert mapping[0] == {"header": "Datum", "field": "date"}


@pytest.mark.parametrize(
    ("option", "order", "source", "issue_count"),
    [
        ([], "day-first", "assumed", 1),
        (["--dayfirst"], "day-first", "set by the user", 0),
        (["--monthfirst"], "month-first", "set by the user", 0),
    ],
)
def test_date_order_options(option: list[str], order: str, source: str, issue_count: int) -> None:
    result = check("--diary", SAMPLES / "ambiguous_dates.csv", "--json", *option)
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert (document["files"][0]["date_order"], document["files"][0]["date_order_source"]) == (
        order,
        source,
    )
    # Read month-first, 12/05/2026 is 5 December 2026: rejected as a date still to come while
    # the clock is before 4 December 2026 (tests/test_future_dates.py), not after.
    issues = [item for item in document["input"]["issues"] if item["code"] != "date-in-future"]
    assert len(issues) == issue_count


def test_map_option_reads_unknown_headers(tmp_path: Path) -> None:
    diary = tmp_path / "own.csv"
    diary.write_text("Wann,Wie sehr\n2026-01-02 08:00,5\n", encoding="utf-8")
    result = check("--diary", diary, "--map", "Wann=start", "--map", "Wie sehr=intensity", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert document["files"][0]["mapping"] == [
        {"header": "Wann", "field": "start"},
        {"header": "Wie sehr", "field": "intensity"},
    ]
    assert document["input"]["rows_used"] == 1


UNUSABLE = {
    "empty.csv": b"",
    "binary.dat": bytes(range(256)),
    "page.html": b"<!DOCTYPE html>\n<html><body><table><tr><td>Date</td></tr></table></html>",
    "report.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "no_date.csv": b"Name,Pain,Mood\nAlex,5,ok\n",
    "workbook.xlsx": b"PK\x03\x04\x14\x00broken",
}


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.csv", "is empty."),
        ("binary.dat", "contains NUL bytes"),
        ("page.html", "is a web page or XML, not a table."),
        ("report.pdf", "is a PDF, not a table."),
        ("no_date.csv", "is not a diary tnprep can read: no date columns found."),
        ("workbook.xlsx", "is a damaged zip/Excel file."),
    ],
)
def test_unusable_files_exit_2_with_one_line(tmp_path: Path, name: str, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(UNUSABLE[name])
    result = check("--diary", SAMPLES / "attack_log.csv", "--diary", path)
    assert result.returncode == 2
    assert result.stdout.startswith("attack_log.csv: attack log")  # the rest is still shown
    assert f"\n{name}:" not in result.stdout
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"tnprep: error: {name}: {reason}")


def test_spreadsheet_without_a_date_column_exits_2_with_one_line(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Name", "Pain"])
    workbook.active.append(["Alex", 5])
    path = tmp_path / "scores.xlsx"
    workbook.save(path)
    result = check("--diary", path)
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [result.stderr.rstrip("\n")]
    assert result.stderr.startswith(
        "tnprep: error: scores.xlsx: is not a diary tnprep can read: no date columns found. "
        "Headers seen: 'Name', 'Pain'."
    )


def test_no_date_column_error_lists_headers_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "no_date.csv"
    path.write_bytes(UNUSABLE["no_date.csv"])
    result = check("--diary", path)
    assert "Headers seen: 'Name', 'Pain', 'Mood'." in result.stderr
    assert "'start', or 'date' and 'time'" in result.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--diary", "missing.csv"], "tnprep: error: missing.csv: no such file."),
        (["--diary", "sample_data"], "tnprep: error: sample_data: is a folder, not a file."),
        (["--diary", "sample_data/messy_diary.csv", "--map", "Pain"],
         """tnprep: error: --map 'Pain': write it as "Header=field"."""),
        (["--diary", "sample_data/messy_diary.csv", "--map", "Pain=agony"],
         "tnprep: error: --map 'Pain=agony': unknown field 'agony'; fields are: start, date,"),
    ],
    ids=["missing-file", "folder", "map-without-equals", "map-unknown-field"],
)  # fmt: skip
def test_usage_problems_exit_2_with_one_line(arguments: list[str], message: str) -> None:
    result = check(*arguments)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(message)


def test_a_treatment_history_passed_as_a_diary_is_refused_with_the_right_option() -> None:
    """Regression: treatments.csv as --diary had every row rejected and exited 0."""
    result = check("--diary", SAMPLES / "treatments.csv")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "tnprep: error: treatments.csv: this is a treatment history, not a diary; "
        "pass it with --treatments."
    ]


def test_output_cut_short_by_the_reader_is_not_a_traceback() -> None:
    """Regression: `check ... | head` printed a BrokenPipeError traceback."""
    command = (
        f"{sys.executable} -m tnprep check --json --diary {SAMPLES / 'attack_log.csv'} | head -1"
    )
    result = subprocess.run(
        ["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert "Traceback" not in result.stderr
    assert result.stdout.strip() == "{"

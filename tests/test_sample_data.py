"""Committed sample data equals a fresh run of tools/make_sample_data.py and matches README."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
README = (SAMPLES / "README.md").read_text(encoding="utf-8")


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_sample_data", ROOT / "tools" / "make_sample_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building the class
    spec.loader.exec_module(module)
    return module


GENERATOR = load_generator()


def rows_of(name: str, *, delimiter: str = ",", encoding: str = "utf-8") -> list[list[str]]:
    text = (SAMPLES / name).read_bytes().decode(encoding)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def attack_table(name: str) -> list[list[str]]:
    """Data rows of an attack table (after Migraine Buddy's preamble), blank rows left out."""
    rows = rows_of(name)
    header = "#" if rows[0][:2] == ["Date", "Time Period"] else "Date"
    start = next(index for index, row in enumerate(rows) if row[:1] == [header]) + 1
    return [row for row in rows[start:] if any(cell.strip() for cell in row)]


def readme_table(headers: str) -> list[list[str]]:
    """Body rows of the README table whose header line starts with ``| headers |``."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {headers} |"))
    table = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip("|").split("|")])
    return table


def seconds(text: str) -> int:
    """Parse the attack log's and Migraine Buddy's duration styles (test-side, independent)."""
    if match := re.fullmatch(r"(\d+):(\d\d)", text):
        return int(match[1]) * 60 + int(match[2])
    if match := re.fullmatch(r"(\d+)h (\d+)m", text):
        return int(match[1]) * 3600 + int(match[2]) * 60
    total = 0
    for number, unit in re.findall(r"(\d+)\s*(min|sec|s)", text):
        total += int(number) * (60 if unit == "min" else 1)
    return total


# --- the generator ---------------------------------------------------------------------------


def test_committed_files_equal_a_fresh_run(tmp_path: Path) -> None:
    GENERATOR.main(tmp_path)
    generated = sorted(path.name for path in tmp_path.iterdir())
    committed = sorted(path.name for path in SAMPLES.iterdir() if path.name != "README.md")
    assert generated == committed
    for name in generated:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name


def test_two_runs_give_identical_bytes() -> None:
    assert GENERATOR.sample_files() == GENERATOR.sample_files()


# --- README against the files ------------------------------------------------------------------


@pytest.mark.parametrize("row", readme_table("File | Shape"), ids=lambda row: row[0])
def test_readme_rows_read_match_the_file(row: list[str]) -> None:
    name, _, rows_read, rejected, duplicates, rows_used = row
    if name == "paper_diary.csv":
        data = [r for r in rows_of(name, delimiter=";", encoding="cp1252")[1:] if any(r)]
    else:
        data = attack_table(name)
    assert len(data) == int(rows_read)
    assert int(rows_read) - int(rejected) - int(duplicates) == int(rows_used)


MESSY_LINES = (SAMPLES / "messy_diary.csv").read_text(encoding="utf-8").splitlines()
MESSY_HEADER = MESSY_LINES[0].split(",")


@pytest.mark.parametrize("row", readme_table("Row | Column"), ids=lambda row: f"row {row[0]}")
def test_messy_table_points_at_the_right_cell(row: list[str]) -> None:
    number, column, value, _ = row
    line = MESSY_LINES[int(number) - 1]
    if value == "blank line":
        assert line == ""
    elif column == "(all)" and value.startswith("same as row"):
        assert line == MESSY_LINES[int(value.split()[-1]) - 1]
    elif column == "(all)":
        assert line == value.strip("`")
    else:
        cells = next(csv.reader([line]))
        expected = "" if value == "(empty)" else value.strip("`")
        assert cells[MESSY_HEADER.index(column)] == expected


# --- what the issue asked of the data --------------------------------------------------------


def attack_log_days() -> Counter[dt.date]:
    return Counter(dt.date.fromisoformat(row[0]) for row in attack_table("attack_log.csv"))


def test_attack_log_spans_90_days_with_a_few_attack_free() -> None:
    counts = attack_log_days()
    assert (min(counts), max(counts)) == (dt.date(2026, 8, 1), dt.date(2026, 10, 29))
    attack_free = [day for day in GENERATOR.days(min(counts), max(counts)) if not counts[day]]
    assert 2 <= len(attack_free) <= 5
    assert sum(1 for count in counts.values() if count >= 20) >= 2


@pytest.mark.parametrize(
    ("first", "last", "low", "high", "pain_low", "pain_high"),
    [
        ("2026-08-01", "2026-09-09", 6, 10, 5, 9),  # before oxcarbazepine, bad days included
        ("2026-09-24", "2026-10-29", 2, 4, 3, 7),  # two weeks after the start
    ],
)
def test_medication_change_shows_in_the_numbers(
    first: str, last: str, low: float, high: float, pain_low: int, pain_high: int
) -> None:
    rows = [row for row in attack_table("attack_log.csv") if first <= row[0] <= last]
    period = GENERATOR.days(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert low <= len(rows) / len(period) <= high
    pains = [int(row[3]) for row in rows]
    assert (min(pains), max(pains)) == (pain_low, pain_high)


def test_migraine_buddy_holds_14_exact_duplicates_of_the_attack_log() -> None:
    log = {
        (dt.datetime.fromisoformat(f"{row[0]} {row[1]}"), row[3], seconds(row[2]))
        for row in attack_table("attack_log.csv")
    }
    buddy = [
        (dt.datetime.strptime(row[1], "%m/%d/%y %H:%M"), row[8], seconds(row[2]))
        for row in attack_table("migraine_buddy.csv")
    ]
    assert len(buddy) == 40
    assert sum(key in log for key in buddy) == 14


def test_paper_diary_conflicts_with_the_attack_log_on_one_day_only() -> None:
    counts = attack_log_days()
    paper = rows_of("paper_diary.csv", delimiter=";", encoding="cp1252")[1:]
    overlap = {
        day: int(row[1])
        for row in paper
        if (day := dt.datetime.strptime(row[0], "%d.%m.%Y").date()) in counts
    }
    assert len(overlap) == 10
    assert [day for day, count in overlap.items() if count != counts[day]] == [dt.date(2026, 8, 6)]


def test_phq9_response_has_loinc_items_in_order_and_flags_item_9() -> None:
    response = json.loads((SAMPLES / "phq9_fhir.json").read_text(encoding="utf-8"))
    codes = [item["linkId"].rsplit("/", 1)[-1] for item in response["item"]]
    assert codes == [
        "44250-9", "44255-8", "44259-0", "44254-1", "44251-7",
        "44258-2", "44252-5", "44253-3", "44260-8",
    ]  # fmt: skip
    answers = [item["answer"][0]["valueCoding"]["code"] for item in response["item"]]
    scores = [["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"].index(code) for code in answers]
    assert (sum(scores), scores[8]) == (11, 1)

"""Golden test: the sample diaries → the ``input`` object that ``check --json`` prints.

The expected document is ``tests/golden/sample_input.json``: one entry per case, each the whole
``input`` object (counts and every issue, with its code, severity, row, column, value and
message). After an intended change to the ingest or the sample data, regenerate it and review the
diff before committing:

    TNPREP_UPDATE_GOLDEN=1 pytest tests/test_golden_input.py

Without the variable the test only compares, and fails on any difference.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tnprep.cli.check import check_json
from tnprep.ingest.diary import read_diaries
from tnprep.model import DateOrder

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
GOLDEN = ROOT / "tests" / "golden" / "sample_input.json"

CASES: dict[str, tuple[tuple[str, ...], DateOrder | None]] = {
    "default set": (("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv"), None),
    "messy diary": (("messy_diary.csv",), None),
    "ambiguous dates": (("ambiguous_dates.csv",), None),
    "ambiguous dates --monthfirst": (("ambiguous_dates.csv",), DateOrder.MONTH_FIRST),
    "every sample diary": (
        (
            "attack_log.csv",
            "paper_diary.csv",
            "migraine_buddy.csv",
            "messy_diary.csv",
            "ambiguous_dates.csv",
        ),
        None,
    ),
}


def input_object(names: tuple[str, ...], order: DateOrder | None) -> object:
    diary = read_diaries(
        [(name, (SAMPLES / name).read_bytes()) for name in names], date_order=order
    )
    # through JSON and back, exactly as `check --json` prints it
    return json.loads(json.dumps(check_json(diary)["input"], ensure_ascii=False))


def actual_document() -> dict[str, object]:
    return {case: input_object(names, order) for case, (names, order) in CASES.items()}


def test_sample_diaries_give_the_golden_input_object() -> None:
    actual = actual_document()
    if os.environ.get("TNPREP_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(actual, indent=2, ensure_ascii=False) + "\n"
        GOLDEN.write_text(text, encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert list(actual) == list(expected)
    for case in CASES:
        assert actual[case] == expected[case], case


@pytest.mark.parametrize("case", list(CASES))
def test_golden_cases_keep_the_accounting(case: str) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[case]
    assert expected["rows_read"] == (
        expected["rows_used"] + expected["rows_rejected"] + expected["duplicates"]
    )
    severities = [issue["severity"] for issue in expected["issues"]]
    assert severities.count("rejected") == expected["rows_rejected"]
    assert severities.count("duplicate") == expected["duplicates"]

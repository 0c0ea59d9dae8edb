"""Rescue names print as typed: entity-like text is never split (SPEC *The page*)."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from ledger_cases import attack_rows
from summary_factory import make_summary

from tnprep.analysis.ledger_burden import acute_burden
from tnprep.analysis.rescue import _SPLIT, split_names
from tnprep.cli import main
from tnprep.report.ledger_lines import burden_text


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("Tylenol &amp; codeine", ["Tylenol &amp; codeine"]),
        ("Ice&#38;heat; oxygen", ["Ice&#38;heat", "oxygen"]),
        ("Ice &#x26; heat", ["Ice &#x26; heat"]),
        ("Sumatriptan; Oxygen", ["Sumatriptan", "Oxygen"]),
        ("A & B", ["A", "B"]),  # a lone '&' is the documented separator
        ("Rizatriptan + ice", ["Rizatriptan", "ice"]),
    ],
)
def test_split_names_keeps_entity_like_text_whole(cell: str, names: list[str]) -> None:
    assert split_names(cell, _SPLIT) == names


def test_ledger_rescue_prints_entity_text_as_typed() -> None:
    # Regression: '&amp;' was split on ';' and printed as 'Tylenol &amp' plus 'codeine'.
    attacks = attack_rows([{"rescue": "Tylenol &amp; codeine"}, {"rescue": "oxygen;Ice&lt;3"}])
    burden = acute_burden(attacks, (), make_summary().features)
    assert [use.name for use in burden.rescues] == ["Ice&lt;3", "oxygen", "Tylenol &amp; codeine"]
    text = burden_text(burden, ())
    assert text is not None and "Tylenol &amp; codeine 1" in text


def test_page_and_summary_print_rescue_as_typed(tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text(
        "Start,Pain,Rescue\n2026-01-02 08:00,5,Tylenol &amp; codeine\n"
        "2026-01-03 08:00,6,Sumatriptan\n2026-01-04 08:00,6,sumatriptan\n",
        encoding="utf-8",
    )
    summary = tmp_path / "s.json"
    arguments = ["report", "--diary", str(diary), "--out", str(tmp_path / "r.pdf")]
    assert main([*arguments, "--summary-json", str(summary)]) == 0
    rescue = json.loads(summary.read_text(encoding="utf-8"))["attacks"]["rescue"]
    assert rescue["by_name"] == [
        {"name": "Sumatriptan", "count": 2}, {"name": "Tylenol &amp; codeine", "count": 1},
    ]  # fmt: skip
    page = pypdf.PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
    assert "Tylenol &amp; codeine" in " ".join(page.split())

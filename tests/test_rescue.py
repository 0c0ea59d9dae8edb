"""Rescue names print as typed: entity-like text is never split (SPEC *The page*)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pypdf
import pytest
from ledger_cases import attack_rows
from summary_factory import make_summary

from tnprep.analysis.ledger_burden import acute_burden
from tnprep.analysis.rescue import _SPLIT, rescue_from_rows, split_names
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


# --- one rescue tally: attacks.rescue and ledger.acute_burden agree -------------------------

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real-exports"
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"


def _summary_json(tmp_path: Path, *diaries: Path) -> dict:  # type: ignore[type-arg]
    for path in diaries:
        assert path.is_file(), f"missing {path}"
    out = tmp_path / "s.json"
    arguments = [
        "report",
        *(f"--diary={path}" for path in diaries),
        "--out",
        str(tmp_path / "r.pdf"),
    ]
    assert main([*arguments, "--summary-json", str(out)]) in (0, 1)
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "diaries",
    [
        (SAMPLE / "attack_log.csv", SAMPLE / "paper_diary.csv", SAMPLE / "migraine_buddy.csv"),
        (REAL / "cht-export" / "sample_logs.csv",),
        (REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv",),
        (REAL / "mb-contributed" / "migraine_buddy_sample.csv",),
        (REAL / "bearable-export" / "Bearable_Export_20210728.csv",),
    ],
    ids=["sample", "cht", "yilativs", "migraine-buddy", "bearable"],
)
def test_attacks_rescue_and_the_ledger_burden_agree(tmp_path: Path, diaries: tuple[Path]) -> None:
    data = _summary_json(tmp_path, *diaries)
    rescue, burden = data["attacks"]["rescue"], data["ledger"]["acute_burden"]
    assert burden["attacks"] == rescue["attacks_with_record"]
    assert burden["attacks_with_rescue"] == rescue["attacks_with_rescue"]
    assert [(use["name"], use["uses"]) for use in burden["rescues"]] == [
        (item["name"], item["count"]) for item in rescue["by_name"]
    ]


def test_a_plus_between_two_rescues_is_two_rescues_in_both_outputs(tmp_path: Path) -> None:
    # Regression: the CHT export's "Sumatriptan + Oxygen" was two rescues in attacks.rescue but
    # one rescue named "Sumatriptan + Oxygen" in the ledger's acute burden.
    data = _summary_json(tmp_path, REAL / "cht-export" / "sample_logs.csv")
    assert data["attacks"]["rescue"]["by_name"] == [
        {"name": "Oxygen", "count": 2}, {"name": "Sumatriptan", "count": 2},
    ]  # fmt: skip
    assert [use["name"] for use in data["ledger"]["acute_burden"]["rescues"]] == [
        "Oxygen", "Sumatriptan",
    ]  # fmt: skip


def test_summary_rescue_is_computed_once_and_handed_to_the_ledger() -> None:
    summary = make_summary(ledger=None)
    from tnprep.analysis.ledger import ledger_from_summary  # noqa: PLC0415

    tally = dataclasses.replace(
        summary,
        rescue=rescue_from_rows(attack_rows([{"rescue": "oxygen"}, {"rescue": "none"}])),
    )
    burden = ledger_from_summary(tally).burden
    assert (burden.attacks, burden.attacks_with_rescue) == (2, 1)
    assert burden.rescues == tally.rescue.uses


def test_a_yes_no_medication_column_counts_rescue_taken_with_no_name(tmp_path: Path) -> None:
    # Regression: a Yes/No 'Medication' column printed "rescue named in 2 of 4 attacks — Yes 2".
    diary = tmp_path / "yes_no.csv"
    diary.write_text(
        "Date,Time,Pain,Medication\n2026-10-01,08:00,6,Yes\n2026-10-01,12:00,5,No\n"
        "2026-10-02,09:00,7,yes\n2026-10-03,10:00,4,Yes + ibuprofen\n"
    )
    rescue = _summary_json(tmp_path, diary)["attacks"]["rescue"]
    assert rescue["attacks_with_rescue"] == 3
    assert rescue["attacks_rescue_unnamed"] == 2
    assert rescue["by_name"] == [{"name": "ibuprofen", "count": 1}]
    pdf = pypdf.PdfReader(tmp_path / "r.pdf").pages[0].extract_text()
    text = " ".join(pdf.split())
    assert "rescue taken in 3 of 4 attacks (2 with no name recorded) — ibuprofen 1" in text
    assert "Yes" not in text


@pytest.mark.parametrize(
    ("cell", "unnamed"), [("Yes", 1), ("TRUE", 1), ("no", 0), ("Sumatriptan", 0)]
)
def test_only_a_bare_yes_word_is_a_rescue_without_a_name(cell: str, unnamed: int) -> None:
    rescue = rescue_from_rows(attack_rows([{"rescue": cell}]))
    assert rescue.attacks_rescue_unnamed == unnamed
    assert all(name.casefold() not in {"yes", "true"} for name, _ in rescue.by_name)

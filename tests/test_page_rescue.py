"""Rescue is stated once, on the ledger's acute-burden line, with every figure of the one tally.

It used to be stated twice: in the attack pattern ("Rescue / medicines": top three names, whether
it helped, event logs' medicine entries) and in the ledger ("Acute burden": every name with its
ratings). A facial-pain neurologist reads acute treatment in the ledger, so the line is there,
and it keeps the figures only the pattern had.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import pypdf
import pytest
from summary_factory import make_summary

from tnprep.cli import main
from tnprep.ledger_model import AcuteBurden
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report import build_page
from tnprep.report.burden_lines import burden_text, medicine_entries_text
from tnprep.report.pattern_section import build_pattern
from tnprep.summary import RescueSummary, RescueUse

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real-exports"
CHT = REAL / "cht-export" / "sample_logs.csv"
YILATIVS = REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
TODAY = dt.date(2026, 12, 3)


def _page(path: Path, paper: str = "a4") -> str:
    sources = Sources([(path.name, path.read_bytes())], [], [])
    summary = summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)
    reader = pypdf.PdfReader(io.BytesIO(build_page(summary, paper)))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().replace("\u00a0", " ").split())


@pytest.mark.skipif(not CHT.exists(), reason="real exports not present")
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_cht_export_states_rescue_once_in_the_ledger(paper: str) -> None:
    text = _page(CHT, paper)
    assert "Acute burden: rescue named in 3 of 3 attacks — Oxygen 2, Sumatriptan 2;" in text
    assert "Rescue / medicines" not in text
    assert len(re.findall("Sumatriptan 2", text)) == 1


@pytest.mark.skipif(not YILATIVS.exists(), reason="real exports not present")
def test_the_17_year_log_keeps_whether_it_helped_on_the_burden_line() -> None:
    text = _page(YILATIVS)
    assert (
        "rescue named in 868 of 1039 attacks (helped, as recorded: yes 808, no 41, false / true 1, "
        "+1 more answer) — Oxygen 739, COFFEE 52," in text
    )
    assert "Sumatriptan nasal spray 20mg 1;" in text  # every name, as before
    assert text.count("Oxygen 739") == 1


def _burden(*uses: RescueUse) -> AcuteBurden:
    return AcuteBurden(
        attacks=20, attacks_with_rescue=sum(use.uses for use in uses), rescues=uses,
        longest_attack_free_run=None, attack_free_run_start=None, typed_attacks=0,
        continuous_attacks=0, background_pain_days=0, background_pain_recorded_days=0,
    )  # fmt: skip


def test_a_rating_the_names_already_state_is_not_said_twice() -> None:
    lidocaine, compress = (
        RescueUse("lidocaine spray", 10, 0, 4, 0),
        RescueUse("warm compress", 9, 0, 0, 0),
    )
    burden = _burden(lidocaine, compress)
    rescue = RescueSummary(20, 19, helped=(("somewhat helpful", 4),))
    assert burden_text(burden, (), rescue=rescue) == (
        "rescue named in 19 of 20 attacks — lidocaine spray 10 (4 somewhat helpful), "
        "warm compress 9"
    )


def test_answers_not_stated_per_name_are_kept() -> None:
    # one attack rated both names helpful: 1 attack, 2 per name; 'unsure' has no per-name count
    burden = _burden(RescueUse("ice", 2, 1, 0, 0), RescueUse("oxygen", 1, 1, 0, 0))
    rescue = RescueSummary(20, 3, helped=(("helpful", 1), ("unsure", 2)))
    text = burden_text(burden, (), rescue=rescue)
    assert text == (
        "rescue named in 3 of 20 attacks (helped, as recorded: helpful 1, unsure 2) — "
        "ice 2 (1 helpful), oxygen 1 (1 helpful)"
    )


def test_event_log_medicine_entries_have_a_line_of_their_own() -> None:
    # Not under "Acute burden": the diary does not say they were taken for an attack.
    burden = dataclasses.replace(_burden(), attacks=0)
    rescue = RescueSummary(medicine_events=(("oxygen", 12), ("sumatriptan", 3)))
    assert burden_text(burden, (), rescue=rescue) is None
    assert medicine_entries_text(rescue) == (
        "linked to no attack; regular or as needed not recorded — oxygen 12, sumatriptan 3"
    )


def test_bearables_daily_medicines_are_not_called_acute_burden(tmp_path: Path) -> None:
    # Regression: Bearable's export put lisdexamfetamine 19, clomipramine 12 and fluoxetine 12
    # (daily medicines) on the "Acute burden:" line of the page.
    export = REAL / "bearable-export" / "Bearable_Export_20210728.csv"
    out = tmp_path / "bearable.pdf"
    assert main(["report", "--diary", str(export), "--out", str(out)]) in (0, 1)
    text = " ".join(pypdf.PdfReader(out).pages[0].extract_text().split())
    burden = text.split("Acute burden:", 1)[1].split("Medicine entries:", 1)[0]
    assert "lisdexamfetamine" not in burden
    assert "Medicine entries: linked to no attack; regular or as needed not recorded — " in text
    assert "lisdexamfetamine (mg) 19" in text


def test_the_attack_pattern_has_no_rescue_field() -> None:
    labels = [field.label for field in build_pattern(make_summary()).fields]
    assert not [label for label in labels if "rescue" in label.casefold()]

"""Long silences in an attack log: found, named, and counted as the user chose (docs/figures.md)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_coverage import attack_log, daily_log, diary

from tnprep.analysis import summarise
from tnprep.analysis.coverage import day_table
from tnprep.analysis.silences import find_silences, silence_issues
from tnprep.issues import IssueCode
from tnprep.model import PatientData, SilenceRule
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.input_lines import scale_and_silences
from tnprep.report.ledger_lines import burden_text
from tnprep.report.sections import build_glance
from tnprep.summary import Silence, Silences

D = dt.date
TODAY = D(2026, 12, 3)
ROOT = Path(__file__).resolve().parent.parent
YILATIVS = ROOT.parent / "shared" / "real-exports" / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"


def starts(*days: int) -> list[str]:
    """Attack starts on the given days of January–March 2024 (day 1 = 1 January)."""
    return [f"{D(2024, 1, 1) + dt.timedelta(days=day - 1)} 08:00" for day in days]


def day(number: int) -> dt.date:
    return D(2024, 1, 1) + dt.timedelta(days=number - 1)


def test_28_silent_days_are_a_silence_27_are_not() -> None:
    # Rows on days 1, 30 and 58: days 2–29 (28 days) are a silence, days 31–57 (27) are not.
    log = diary(attack_log("log.csv", starts(1, 30, 58)))
    table = day_table(log, day(1), day(58))
    silences = find_silences(table, log, SilenceRule.ATTACK_FREE)
    assert silences.runs == (Silence(day(2), day(29), ("log.csv",)),)
    assert silences.days == 28
    assert table["recorded"].all()  # SPEC's rule by default: attack-free days


def test_unrecorded_makes_the_silence_gaps_and_nothing_else() -> None:
    log = diary(attack_log("log.csv", starts(1, 30, 58)))
    summary = summarise(PatientData(diary=log), today=TODAY, silences=SilenceRule.UNRECORDED)
    assert (summary.period.days, summary.period.days_recorded) == (58, 30)
    assert (summary.attacks.total, summary.attacks.attack_free_days) == (3, 27)
    assert [figure.attacks for figure in summary.daily[:3]] == [1, None, None]
    assert summary.silences.rule is SilenceRule.UNRECORDED
    default = summarise(PatientData(diary=log), today=TODAY)
    assert (default.period.days_recorded, default.attacks.attack_free_days) == (58, 55)


def test_another_diary_s_row_breaks_a_silence() -> None:
    # A daily log's count on day 15 records that day: two runs of 13 and 14 days, no silence.
    log = diary(attack_log("log.csv", starts(1, 30)), daily_log("paper.csv", [str(day(15))], [0.0]))
    table = day_table(log, day(1), day(30), SilenceRule.UNRECORDED)
    assert find_silences(table, log, SilenceRule.UNRECORDED).runs == ()
    assert table["recorded"].all()


def test_a_period_cut_counts_only_the_silence_s_days_inside_it() -> None:
    log = diary(attack_log("log.csv", starts(1, 100)))
    summary = summarise(PatientData(diary=log), start=day(80), end=day(100), today=TODAY)
    assert summary.silences.runs == ()  # 20 days inside the period: under the threshold
    summary = summarise(PatientData(diary=log), start=day(50), end=day(100), today=TODAY)
    assert summary.silences.runs == (Silence(day(50), day(99), ("log.csv",)),)


def test_one_notice_per_attack_log_with_dates_and_counts() -> None:
    runs = (
        Silence(D(2024, 1, 2), D(2024, 1, 29), ("a.csv",)),
        Silence(D(2024, 3, 1), D(2024, 4, 30), ("a.csv", "b.csv")),
    )
    issues = silence_issues(Silences(SilenceRule.ATTACK_FREE, runs))
    assert [(issue.code, issue.file, issue.row) for issue in issues] == [
        (IssueCode.ATTACK_LOG_SILENCE, "a.csv", None),
        (IssueCode.ATTACK_LOG_SILENCE, "b.csv", None),
    ]
    assert issues[0].message.startswith(
        "2 silences of 28 days or more without a row in any diary (89 days): "
        "2024-01-02 to 2024-01-29 (28 days); 2024-03-01 to 2024-04-30 (61 days). "
        "Counted as attack-free (the attack-log rule)"
    )
    assert issues[1].message.startswith("1 silence of 28 days or more")


@pytest.mark.parametrize(
    ("rule", "ending"),
    [
        (
            SilenceRule.ATTACK_FREE,
            "counted attack-free (attack-log rule), may be unrecorded",
        ),
        (SilenceRule.UNRECORDED, "counted as not recorded (gaps), as the user chose"),
    ],
)
def test_the_page_states_how_the_silent_days_were_counted(rule: SilenceRule, ending: str) -> None:
    log = diary(attack_log("log.csv", starts(1, 30, 58)))
    summary = summarise(PatientData(diary=log), today=TODAY, silences=rule)
    lines = dict(scale_and_silences(summary))
    assert lines["Silences"] == (
        f"28 days {ending}: 1 silence of 28+ days without a diary row (longest 28 days, "
        "2 Jan 2024 – 29 Jan 2024)"
    )
    quiet = diary(attack_log("log.csv", starts(1, 29)))  # 27 silent days
    assert "Silences" not in dict(
        scale_and_silences(summarise(PatientData(diary=quiet), today=TODAY))
    )


# --- the real sparse 17-year log (regression: 6,212 "recorded" days) -------------------------


@pytest.fixture(scope="module")
def yilativs() -> PatientData:
    assert YILATIVS.is_file(), f"missing real export {YILATIVS}"
    return load_patient(Sources(diaries=[(YILATIVS.name, YILATIVS.read_bytes())]))


@pytest.mark.parametrize(
    ("rule", "recorded", "per_day", "attack_free"),
    [(SilenceRule.ATTACK_FREE, 6212, 0.17, 5672), (SilenceRule.UNRECORDED, 926, 1.12, 386)],
)
def test_yilativs_silences(
    yilativs: PatientData, rule: SilenceRule, recorded: int, per_day: float, attack_free: int
) -> None:
    summary = summarise_patient(yilativs, start=None, end=None, today=TODAY, silences=rule)
    assert (summary.period.days, summary.period.days_recorded) == (6212, recorded)
    assert (summary.attacks.per_recorded_day, summary.attacks.attack_free_days) == (
        per_day,
        attack_free,
    )
    assert (len(summary.silences.runs), summary.silences.days) == (18, 5286)
    longest = max(summary.silences.runs, key=lambda run: run.days)
    assert (longest.first, longest.last, longest.days) == (D(2010, 9, 8), D(2012, 4, 5), 576)
    notices = [i for i in summary.input.issues if i.code is IssueCode.ATTACK_LOG_SILENCE]
    assert [issue.file for issue in notices] == ["yilativs-attacks.tsv"]


def report(tmp_path: Path, *options: str) -> tuple[subprocess.CompletedProcess[str], dict]:
    out = tmp_path / "r.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "tnprep", "report", "--diary", str(YILATIVS), "--out", str(out),
         "--summary-json", str(tmp_path / "s.json"), *options],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    return result, json.loads((tmp_path / "s.json").read_text("utf-8"))


def test_cli_says_so_plainly_and_lets_the_user_choose(tmp_path: Path) -> None:
    result, data = report(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "tnprep: notice: yilativs-attacks.tsv: 18 silences of 28 days or more without a row "
        "(5,286 days, from 2004-02-12 to 2020-09-15; longest 576 days, 2010-09-08 to 2012-04-05) "
        "counted as attack-free; --silences unrecorded counts them as gaps.\n"
    )
    assert (data["period"]["days_recorded"], data["silences"]["counted_as"]) == (
        6212,
        "attack-free",
    )
    result, data = report(tmp_path, "--silences", "unrecorded")
    assert result.returncode == 0, result.stderr
    assert "counted as not recorded (gaps); --silences attack-free counts them attack-free" in (
        result.stderr
    )
    assert (data["period"]["days_recorded"], data["silences"]["counted_as"]) == (926, "unrecorded")


def test_cli_refuses_an_unknown_choice(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tnprep", "report", "--diary", str(YILATIVS), "--out",
         str(tmp_path / "r.pdf"), "--silences", "maybe"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_the_day_tiles_say_how_many_of_their_days_are_silences() -> None:
    """Silent days counted attack-free are named beside the count; counted as gaps, they are not
    attack-free days at all, so the tile says nothing more."""
    log = diary(attack_log("log.csv", starts(1, 30, 58)))
    tiles = {
        rule: {
            figure.label: figure.detail
            for figure in build_glance(
                summarise(PatientData(diary=log), today=TODAY, silences=rule)
            ).figures
        }
        for rule in SilenceRule
    }
    assert tiles[SilenceRule.ATTACK_FREE]["Attack-free days"].endswith(", 28 in silences")
    assert tiles[SilenceRule.ATTACK_FREE]["Attacks per recorded day"].endswith(", 28 in silences")
    assert "silences" not in tiles[SilenceRule.UNRECORDED]["Attacks per recorded day"]
    assert "silences" not in tiles[SilenceRule.UNRECORDED]["Attack-free days"]
    quiet = diary(attack_log("log.csv", starts(1, 29)))  # 27 silent days: no silence
    figures = build_glance(summarise(PatientData(diary=quiet), today=TODAY)).figures
    assert "silences" not in {f.label: f.detail for f in figures}["Attack-free days"]


def test_the_longest_attack_free_run_says_how_many_of_its_days_are_silent() -> None:
    """Attacks on days 1, 30 and 58: the longest run is days 2–29, 28 days with no row at all (a
    silence); counted attack-free, the line says so; counted as gaps, or without the silences
    given, it does not."""
    log = diary(attack_log("log.csv", starts(1, 30, 58)))
    free = summarise(PatientData(diary=log), today=TODAY, silences=SilenceRule.ATTACK_FREE)
    burden = free.ledger.burden if free.ledger else None
    assert burden is not None and burden.longest_attack_free_run == 28
    assert "(2 Jan 2024; 28 of them in silences)" in (burden_text(burden, (), free.silences) or "")
    assert "in silences" not in (burden_text(burden, ()) or "")
    gaps = summarise(PatientData(diary=log), today=TODAY, silences=SilenceRule.UNRECORDED)
    assert "in silences" not in (burden_text(gaps.ledger.burden, (), gaps.silences) or "")

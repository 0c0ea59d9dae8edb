"""A day whose only rows record pain 0 is a recorded day with no attack, never left out.

A row of pain 0 is not an attack (tnprep/ingest/no_pain.py), but it is a record: the person kept
the diary that day and wrote "no pain". Before, such days fell outside the period and the
recorded days: the real check-in layout (tests/real_data/checkin_export.csv, six daily
check-ins 3–13 Nov 2025, pain 0 on four) gave "2 attacks over 4 recorded days of 4"
(4–7 Nov), leaving out the check-ins of 3 and 13 Nov. docs/figures.md *Coverage*.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tnprep.analysis import period_bounds, summarise
from tnprep.analysis.coverage import day_table
from tnprep.cli import main
from tnprep.ingest.diary import read_diaries, read_diary
from tnprep.model import PatientData

CHECKIN = Path(__file__).resolve().parent / "real_data" / "checkin_export.csv"


def test_the_check_in_days_of_no_pain_are_recorded_days(tmp_path: Path) -> None:
    summary = tmp_path / "s.json"
    arguments = ["report", "--diary", str(CHECKIN), "--out", str(tmp_path / "r.pdf")]
    assert main([*arguments, "--summary-json", str(summary)]) == 0
    written = json.loads(summary.read_text(encoding="utf-8"))
    period, attacks = written["period"], written["attacks"]
    assert (period["start"], period["end"], period["days"]) == ("2025-11-03", "2025-11-13", 11)
    assert (period["diary_start"], period["diary_end"]) == ("2025-11-03", "2025-11-13")
    assert period["days_recorded"] == 6  # the six check-ins' days
    assert (attacks["total"], attacks["attack_free_days"]) == (2, 4)  # never more attacks
    assert attacks["per_recorded_day"] == 0.33
    by_day = {entry["date"]: entry["attacks"] for entry in written["daily"]}
    assert by_day["2025-11-03"] == 0 and by_day["2025-11-13"] == 0
    # 8–12 Nov: no check-in at all, and no attack span reaches them: gaps, not attack-free
    assert [by_day[f"2025-11-{day:02d}"] for day in range(8, 13)] == [None] * 5
    account = written["input"]
    assert account["rows_read"] == (
        account["rows_used"] + account["rows_rejected"] + account["duplicates"]
        + account["rows_other"]
    )  # fmt: skip


def test_a_no_pain_row_does_not_stretch_an_attack_log_s_span() -> None:
    # The attack log's span is its first to last ATTACK; a later pain-0 row adds its own day only
    data = b"Start,Pain\n2026-01-01 08:00,6\n2026-01-03 08:00,5\n2026-01-10 08:00,0\n"
    diary = read_diaries([("log.csv", data)])
    table = day_table(diary, dt.date(2026, 1, 1), dt.date(2026, 1, 10))
    assert table["attacks"].tolist()[:3] == [1.0, 0.0, 1.0]
    assert table["attacks"].isna().tolist()[3:9] == [True] * 6
    assert table["attacks"].tolist()[9] == 0.0


def test_no_pain_rows_break_a_silence() -> None:
    # The person wrote 'pain 0' every nine days: the quiet weeks are not silences
    rows = ["2026-01-01 08:00,6", *(f"2026-01-{day:02d} 20:00,0" for day in (10, 19, 28)),
            "2026-02-05 08:00,4"]  # fmt: skip
    data = ("Start,Pain\n" + "\n".join(rows) + "\n").encode()
    diary = read_diaries([("log.csv", data)])
    table = day_table(diary, dt.date(2026, 1, 1), dt.date(2026, 2, 5))
    assert not table["silent"].any()
    assert int(table["recorded"].sum()) == 36


def test_the_period_reaches_the_no_pain_days() -> None:
    data = b"Start,Pain\n2026-01-01 08:00,0\n2026-01-03 08:00,5\n2026-01-05 08:00,0\n"
    diary = read_diaries([("log.csv", data)])
    assert period_bounds(diary, None, None) == (dt.date(2026, 1, 1), dt.date(2026, 1, 5))


def test_a_file_of_only_no_pain_rows_records_days_with_no_attack() -> None:
    data = b"Start,Pain\n2026-01-01 08:00,0\n2026-01-02 08:00,0\n"
    diary = read_diaries([("calm.csv", data)])
    figures = summarise(PatientData(diary=diary), today=dt.date(2026, 1, 3))
    assert (figures.period.days_recorded, figures.attacks.total) == (2, 0)
    assert figures.attacks.attack_free_days == 2


def test_the_days_are_read_from_the_rows() -> None:
    info = read_diary(CHECKIN.read_bytes(), CHECKIN.name).info
    assert info.no_pain_days == tuple(dt.date(2025, 11, day) for day in (3, 5, 6, 13))

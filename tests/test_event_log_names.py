"""An event log's notice names what its pain rows are called.

Every pain row of an event log counts as an attack, whatever it is called: the real Pavia
symptom tracker (../shared/real-exports/gchrg-pavia-symptoms) logs 134 cluster headaches and 5
migraines, all 139 counted as attacks. The notice said only "139 pain rows are attacks"; it now
says which, so a reader sees the migraines counted beside the attacks the log is kept for.
"""

from __future__ import annotations

from pathlib import Path

from tnprep.ingest.diary import read_diaries

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"


def _event_notice(files: list[tuple[str, bytes]]) -> str:
    diary = read_diaries(files)
    (notice,) = [issue.message for issue in diary.issues if issue.code == "event-log"]
    return notice


def test_the_pavia_notice_names_the_migraines_counted_as_attacks() -> None:
    notice = _event_notice([(PAVIA.name, PAVIA.read_bytes())])
    assert "only its 139 pain rows are attacks (by name: " in notice
    assert "migraine 5" in notice


def test_names_are_counted_as_written_most_frequent_first() -> None:
    log = (
        b"Date,Time,Type,Name,Pain\n2026-01-02,08:00,symptom,Headache,5\n"
        b"2026-01-02,09:00,symptom,TN attack,7\n2026-01-03,08:00,symptom,tn attack ,6\n"
        b"2026-01-03,09:00,sleep,asleep,\n"
    )
    notice = _event_notice([("log.csv", log)])
    assert "only its 3 pain rows are attacks (by name: tn attack 2, headache 1);" in notice

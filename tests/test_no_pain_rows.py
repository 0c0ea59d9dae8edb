"""A row that records pain 0 (no pain) is not a pain attack: counted by kind, named once.

Real layouts write rows that are not attacks into a table tnprep reads as an attack log: a
pain-management app's daily check-in export (tests/real_data/checkin_export.csv, see its
PROVENANCE.md) rates pain 0 on most days; a migraine logger writes ``0`` when a headache ends
(bitmask/migraine-plots, described in the PROVENANCE). Before, every such row was an "attack"
(6 attacks, median pain 0, for two days with pain). docs/formats.md, "Rows that record no pain".
"""

from __future__ import annotations

import json
from pathlib import Path

from tnprep.cli import main
from tnprep.ingest.diary import read_diaries, read_diary
from tnprep.ingest.no_pain import NO_PAIN_KIND
from tnprep.issues import IssueCode

CHECKIN = Path(__file__).resolve().parent / "real_data" / "checkin_export.csv"


def test_check_in_rows_with_pain_0_are_not_attacks() -> None:
    diary_file = read_diary(CHECKIN.read_bytes(), CHECKIN.name)
    assert diary_file.table["row"].tolist() == [3, 6]
    assert diary_file.table["intensity"].tolist() == [2.0, 5.0]
    assert dict(diary_file.info.other_kinds) == {NO_PAIN_KIND: 4}
    scale = diary_file.info.scale  # 'Pain' names no scale: the line's range is the two attacks'
    assert scale is not None and (scale.minimum, scale.maximum) == (2.0, 5.0)
    assert (diary_file.rows_read, diary_file.rows_rejected, diary_file.rows_other) == (6, 0, 4)


def test_one_notice_names_the_rows() -> None:
    issues = read_diary(CHECKIN.read_bytes(), CHECKIN.name).issues
    notices = [issue for issue in issues if issue.code is IssueCode.PAIN_ZERO]
    assert len(notices) == 1
    notice = notices[0]
    assert (notice.row, notice.column, notice.rows) == (None, "Pain", 4)
    assert "4 rows record pain 0 (rows 2, 4, 5, 7)" in notice.message
    assert "not counted as attacks" in notice.message


def test_accounting_holds_with_rows_of_no_pain() -> None:
    diary = read_diaries([(CHECKIN.name, CHECKIN.read_bytes())])
    assert diary.rows_read == diary.rows_used + diary.rows_rejected + diary.duplicates + (
        diary.rows_other
    )
    assert diary.rows_used == 2


def test_report_counts_only_the_rows_with_pain(tmp_path: Path) -> None:
    summary = tmp_path / "s.json"
    arguments = ["report", "--diary", str(CHECKIN), "--out", str(tmp_path / "r.pdf")]
    assert main([*arguments, "--summary-json", str(summary)]) == 0
    written = json.loads(summary.read_text(encoding="utf-8"))
    assert written["attacks"]["total"] == 2
    assert written["attacks"]["intensity_median"] == 3.5
    assert written["input"]["rows_other"] == 4
    assert written["input"]["files"][0]["rows_other_by_kind"] == {NO_PAIN_KIND: 4}


def test_unknown_pain_is_not_no_pain() -> None:
    data = b"Start,Pain\n2026-01-02 08:00,\n2026-01-03 08:00,4\n2026-01-04 08:00,0.0\n"
    diary_file = read_diary(data, "p.csv")
    assert diary_file.table["row"].tolist() == [2, 3]
    assert diary_file.rows_other == 1


def test_a_converted_0_100_zero_is_no_pain_too() -> None:
    data = b"Start,VAS (0-100)\n2026-01-02 08:00,0\n2026-01-03 08:00,35\n"
    assert read_diary(data, "vas.csv").table["intensity"].tolist() == [3.5]


def test_a_1_5_scale_never_reads_0_as_no_pain() -> None:
    # 0 is outside 1–5: the value is dropped for its row (intensity-out-of-range), the attack counts
    data = b"Start,Pain (1-5)\n2026-01-02 08:00,0\n2026-01-03 08:00,3\n"
    diary_file = read_diary(data, "five.csv")
    assert len(diary_file.table) == 2 and diary_file.rows_other == 0

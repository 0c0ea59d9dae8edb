"""Migraine Buddy's two-table CSV export, recognised by structure, never by file name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tnprep.ingest.diary import read_diary
from tnprep.ingest.formats.migraine_buddy import MAPPING, ExportLayout, find_attack_table
from tnprep.model import DateOrder, DateOrderSource, DiaryShape

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "migraine_buddy.csv"
CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports" / "mb-contributed"

PREAMBLE = '"Date","Time Period","Description","Notes"\n"9/24/26","Medication","Started","x"\n\n'
ATTACK_HEADER = (
    '"#","Started","Lasted","Start UTC Offset (min)","End UTC Offset (min)","Geohash",'
    '"Attack Types","Attack Location","Pain Level","Affected Activities","Potential Triggers",'
    '"Symptoms","Most Bothersome Symptom","Premonitory Symptoms","Pain Positions",'
    '"Helpful Medication","Somewhat Helpful Medication","Unhelpful Medication",'
    '"Unsure Medication","Helpful Non Drug Relief Methods",'
    '"Somewhat Helpful Non Drug Relief Methods","Unhelpful Non Drug Relief Methods",'
    '"Unsure Non Drug Relief Methods","Notes"\n'
)


def attack(number: int, started: str, lasted: str, pain: str, **cells: str) -> str:
    row = {
        "geohash": "",
        "triggers": "",
        "positions": "Right Jaw",
        "helpful": "",
        "somewhat": "",
        "unhelpful": "",
        "unsure": "No medication",
        "notes": "",
        **cells,
    }
    values = [
        str(number), started, lasted, "120", "120", row["geohash"], "Trigeminal neuralgia",
        "Home", pain, "Eating", row["triggers"], "Electric shock pain", "Electric shock pain",
        "", row["positions"], row["helpful"], row["somewhat"], row["unhelpful"], row["unsure"],
        "Ice", "", "", "", row["notes"],
    ]  # fmt: skip
    return ",".join('"' + value.replace('"', '""') + '"' for value in values) + "\n"


EXPORT = (
    PREAMBLE
    + ATTACK_HEADER
    + attack(1, "10/2/26 13:15", "00h 03m", "3", triggers="Chewing, Talking", geohash="u0yjjd")
    + attack(2, "10/13/26 7:05", "01h 00m", "8", helpful="Carbamazepine, Lidocaine spray",
             unhelpful="Ibuprofen", unsure="No medication", notes="woke me,\nthen again")
    + attack(3, "1/2/27 0:00", "1d 02h 15m", "6", positions="Left Cheek, Right Jaw",
             somewhat="Lidocaine spray", unsure="Paracetamol")
    + "\n"
)  # fmt: skip


# --- recognition ------------------------------------------------------------------------------


def test_find_attack_table_in_the_sample_export() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert find_attack_table(text) == ExportLayout(delimiter=",", header_record=4)


@pytest.mark.parametrize(
    "text",
    [
        ATTACK_HEADER + attack(1, "10/2/26 13:15", "00h 03m", "3"),  # no preamble
        PREAMBLE,  # no attack table
        "Date,Time,Pain\n2026-01-02,08:00,5\n",
        '"#","Started","Lasted"\n' + PREAMBLE,  # attack header before the preamble
    ],
    ids=["attack-table-only", "preamble-only", "generic", "wrong-order"],
)
def test_other_files_are_not_migraine_buddy(text: str) -> None:
    assert find_attack_table(text) is None


def test_recognised_by_structure_not_by_name() -> None:
    renamed = read_diary(EXPORT.encode("utf-8"), "my export (1).csv")
    assert renamed.source_format == "Migraine Buddy"
    impostor = read_diary(b"Date,Time,Pain\n2026-01-02,08:00,5\n", "migraine_buddy.csv")
    assert impostor.source_format == "generic table"


def test_utf8_bom_export_is_recognised() -> None:
    diary_file = read_diary(EXPORT.encode("utf-8-sig"), "export.csv")
    assert (diary_file.source_format, diary_file.encoding) == ("Migraine Buddy", "utf-8-sig")


# --- reading ----------------------------------------------------------------------------------


def test_synthetic_export_values() -> None:
    diary_file = read_diary(EXPORT.encode("utf-8"), "export.csv")
    assert diary_file.shape is DiaryShape.ATTACK_LOG
    assert (diary_file.date_order, diary_file.date_order_source) == (
        DateOrder.MONTH_FIRST,
        DateOrderSource.FORMAT,
    )
    # the preamble's event is named, never counted as an attack and never dropped silently
    assert [(issue.code, issue.row) for issue in diary_file.issues] == [("ongoing-event", 2)]
    table = diary_file.table
    # the attack header is spreadsheet row 4 (preamble 1–2, blank row 3); the note's newline
    # stays inside row 6
    assert table["row"].tolist() == [5, 6, 7]
    assert table["start"].tolist() == [
        pd.Timestamp("2026-10-02 13:15"),
        pd.Timestamp("2026-10-13 07:05"),
        pd.Timestamp("2027-01-02 00:00"),
    ]
    assert table["duration_s"].tolist() == [180.0, 3600.0, 94500.0]
    assert table["intensity"].tolist() == [3.0, 8.0, 6.0]
    assert table["side"].tolist() == ["right", "right", "both"]
    assert table["triggers"].tolist() == [("Chewing", "Talking"), (), ()]
    assert table["notes"].tolist() == [pd.NA, "woke me,\nthen again", pd.NA]
    # per-attack medication helpfulness is kept; 'No medication' is a sentinel, not a drug
    assert table["medication_helpful"].tolist() == [(), ("Carbamazepine", "Lidocaine spray"), ()]
    assert table["medication_somewhat"].tolist() == [(), (), ("Lidocaine spray",)]
    assert table["medication_unhelpful"].tolist() == [(), ("Ibuprofen",), ()]
    assert table["medication_unsure"].tolist() == [(), (), ("Paracetamol",)]


def test_geohash_and_migraine_only_columns_are_never_read() -> None:
    diary_file = read_diary(EXPORT.encode("utf-8"), "export.csv")
    assert "Geohash" in diary_file.ignored_columns
    assert "Geohash" not in dict(diary_file.mapping)
    cells = diary_file.table.map(str).to_numpy().ravel().tolist()
    assert not any("u0yjjd" in cell for cell in cells)
    assert not any("Electric shock" in cell or "Eating" in cell for cell in cells)
    assert MAPPING["Geohash"] == "ignore"


def test_mapping_of_the_export() -> None:
    diary_file = read_diary(EXPORT.encode("utf-8"), "export.csv")
    assert dict(diary_file.mapping) == {
        header: field for header, field in MAPPING.items() if field != "ignore"
    }
    assert set(diary_file.ignored_columns) == {
        header for header, field in MAPPING.items() if field == "ignore"
    }


def test_sample_export() -> None:
    diary_file = read_diary(SAMPLE.read_bytes(), "migraine_buddy.csv")
    assert (diary_file.source_format, diary_file.rows_read, diary_file.rows_rejected) == (
        "Migraine Buddy",
        40,
        0,
    )
    assert [(issue.code, issue.row) for issue in diary_file.issues] == [("ongoing-event", 3)]
    table = diary_file.table.set_index("row")
    assert table.index.tolist() == list(range(6, 46))  # the preamble is never read as attacks
    assert table.at[10, "start"] == pd.Timestamp("2026-10-05 13:02")  # '#5'
    assert table.at[10, "duration_s"] == 120.0
    assert table.at[10, "medication_somewhat"] == ("Lidocaine spray",)
    assert "\n" in table.at[15, "notes"]  # '#10', a note over two lines, still row 15
    assert table.at[16, "start"] == pd.Timestamp("2026-10-09 14:23")  # '#11'
    assert table["medication_unsure"].map(len).sum() == 0  # every one is 'No medication'
    assert set(table["side"]) == {"right"}


def test_export_order_wins_over_the_users_dayfirst() -> None:
    """Regression: --dayfirst for a paper diary made Migraine Buddy's 10/29/26 unreadable."""
    data = SAMPLE.read_bytes()
    diary_file = read_diary(data, "migraine_buddy.csv", date_order=DateOrder.DAY_FIRST)
    assert diary_file.date_order is DateOrder.MONTH_FIRST
    assert diary_file.rows_rejected == 0


# --- attacks still ongoing ------------------------------------------------------------------


def test_an_attack_without_lasted_is_counted_with_a_notice() -> None:
    # Regression: an attack still going on at export time (empty 'Lasted') was kept without a
    # word; it now counts, with its duration unknown and a notice naming the row.
    export = (
        PREAMBLE
        + ATTACK_HEADER
        + attack(1, "10/2/26 13:15", "00h 03m", "3")
        + attack(2, "10/3/26 8:00", "", "7")
    )
    diary_file = read_diary(export.encode("utf-8"), "export.csv")
    assert diary_file.table["row"].tolist() == [5, 6]
    assert diary_file.table["duration_s"].isna().tolist() == [False, True]
    assert [(issue.code, issue.row, issue.column) for issue in diary_file.issues] == [
        ("ongoing-event", 2, None), ("duration-open", 6, "Lasted"),
    ]  # fmt: skip


def test_the_no_ongoing_sentinel_is_not_a_notice() -> None:
    diary_file = read_diary((CORPUS / "migraine_buddy_sample.csv").read_bytes(), "mb.csv")
    assert diary_file.issues == ()
    assert len(diary_file.table) == 1


def test_many_open_attacks_are_one_notice() -> None:
    rows = "".join(attack(number, f"10/{number}/26 8:00", "", "5") for number in range(1, 8))
    diary_file = read_diary((PREAMBLE + ATTACK_HEADER + rows).encode("utf-8"), "export.csv")
    opened = [issue for issue in diary_file.issues if issue.code == "duration-open"]
    assert len(diary_file.table) == 7 and len(opened) == 1 and opened[0].message.startswith("7 ")

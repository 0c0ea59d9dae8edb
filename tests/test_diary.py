"""Diary files → DiaryFile → Diary: shapes, formats, row rules, accounting, duplicates, mapping.

Issue lists are asserted whole, as ``(row, column, code)`` tuples in the order ingest returns them.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from tnprep.ingest.diary import combine_diaries, read_diaries, read_diary
from tnprep.ingest.treatments import ISSUE_CODES as TREATMENT_CODES
from tnprep.issues import InputError, Issue, IssueCode, Severity, code_table
from tnprep.model import DateOrder, DateOrderSource, Diary, DiaryFile, DiaryShape

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
FORMATS_DOC = ROOT / "docs" / "formats.md"

Located = tuple[int | None, str | None, str]


def located(issues: tuple[Issue, ...] | list[Issue]) -> list[Located]:
    return [(issue.row, issue.column, issue.code) for issue in issues]


def read(text: str, name: str = "diary.csv", **options: object) -> DiaryFile:
    return read_diary(text.encode("utf-8"), name, **options)  # type: ignore[arg-type]


def starts(diary_file: DiaryFile) -> list[str]:
    return [stamp.isoformat(sep=" ", timespec="minutes") for stamp in diary_file.table["start"]]


def xlsx(*rows: list[object]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def assert_accounting(diary: Diary) -> None:
    used = len(diary.attacks) + len(diary.days)
    assert diary.rows_read == used + diary.rows_rejected + diary.duplicates
    assert diary.rows_used == used
    rejected = [issue for issue in diary.issues if issue.severity is Severity.REJECTED]
    assert len(rejected) == diary.rows_rejected
    assert sum(issue.severity is Severity.DUPLICATE for issue in diary.issues) == diary.duplicates


# --- the messy sample: every row rule at once -------------------------------------------------


def test_messy_sample_whole_issue_list_and_counts() -> None:
    diary_file = read_diary((SAMPLES / "messy_diary.csv").read_bytes(), "messy_diary.csv")
    assert located(diary_file.issues) == [
        (4, "Date", "date-unreadable"),
        (6, "Date", "date-missing"),
        (7, "Time", "time-unreadable"),
        (8, "Pain", "intensity-out-of-range"),
        (9, "Pain", "intensity-unreadable"),
        (11, "Duration (min)", "duration-negative"),
        (12, "Duration (min)", "duration-unreadable"),
        (13, "Side", "side-unknown"),
        (14, "Location", "location-unread"),
    ]
    assert (diary_file.rows_read, diary_file.rows_rejected, len(diary_file.table)) == (23, 3, 20)
    assert (diary_file.date_order, diary_file.date_order_source) == (
        DateOrder.DAY_FIRST,
        DateOrderSource.DATA,
    )
    by_row = diary_file.table.set_index("row")
    assert by_row.loc[[5, 18, 21], "side"].tolist() == ["right"] * 3  # RIGHT, Right Jaw, right
    assert by_row.at[22, "start"] == pd.Timestamp("2026-06-14 07:55")
    assert by_row.at[2, "duration_s"] == 30.0  # Duration (min): 0.5 → 30 s
    assert by_row.at[19, "notes"] == '=HYPERLINK("http://x","y")'
    assert by_row.at[20, "notes"] == "<b>markup</b>"
    assert pd.isna(by_row.at[8, "intensity"]) and by_row.at[8, "duration_s"] == 30.0
    assert 10 not in by_row.index and 15 not in by_row.index  # blank rows: not rows at all

    diary = combine_diaries([diary_file])
    assert (diary.rows_read, diary.rows_used, diary.rows_rejected, diary.duplicates) == (
        23,
        19,
        3,
        1,
    )
    assert located(diary.issues)[-1] == (17, None, "duplicate")
    assert_accounting(diary)


def test_rejection_message_names_the_date_order_used() -> None:
    diary_file = read_diary((SAMPLES / "messy_diary.csv").read_bytes(), "messy_diary.csv")
    assert diary_file.issues[0].message == (
        "The date cannot be read (slash dates are read day-first, decided from the other dates "
        "in the file); the row was left out of every figure."
    )
    assert diary_file.issues[0].value == "32/13/2026"
    assert diary_file.issues[0].severity is Severity.REJECTED


# --- row rules, table-driven ------------------------------------------------------------------

HEADER = "Date,Time,Duration,Pain,Side,Location,Triggers,Type,Notes\n"


@pytest.mark.parametrize(
    ("body", "issues", "kept_rows"),
    [
        ("2026-01-02,08:00,45s,5,right,V2,chewing,paroxysmal,\n", [], [2]),
        # blank line and an all-empty row are skipped, not counted, and keep later numbers right
        ("\n,,,,,,,,\n2026-01-02,08:00,45s,5,right,V2,,,\n", [], [4]),
        ('2026-01-02,08:00,45s,5,right,V2,,,"a\nb"\n2026-01-03,08:00,1,5,,,,,\n', [], [2, 3]),
        (",08:00,45s,5,,,,,\n", [(2, "Date", "date-missing")], []),
        ("someday,08:00,45s,5,,,,,\n", [(2, "Date", "date-unreadable")], []),
        ("2026-01-02,,45s,5,,,,,\n", [(2, "Time", "time-missing")], []),
        ("2026-01-02,soonish,45s,5,,,,,\n", [(2, "Time", "time-unreadable")], []),
        # a rejected row gets one issue, not one per bad field
        ("someday,08:00,forever,11,middle,V4,,weird,\n", [(2, "Date", "date-unreadable")], []),
        ("2026-01-02,08:00,forever,5,,,,,\n", [(2, "Duration", "duration-unreadable")], [2]),
        ("2026-01-02,08:00,-5,5,,,,,\n", [(2, "Duration", "duration-negative")], [2]),
        ("2026-01-02,08:00,,10.5,,,,,\n", [(2, "Pain", "intensity-out-of-range")], [2]),
        ("2026-01-02,08:00,,-1,,,,,\n", [(2, "Pain", "intensity-out-of-range")], [2]),
        ("2026-01-02,08:00,,bad,,,,,\n", [(2, "Pain", "intensity-unreadable")], [2]),
        ("2026-01-02,08:00,,,middle,,,,\n", [(2, "Side", "side-unknown")], [2]),
        ("2026-01-02,08:00,,,,nose,,,\n", [(2, "Location", "location-unread")], [2]),
        ("2026-01-02,08:00,,,,,,burning,\n", [(2, "Type", "pain-type-unknown")], [2]),
        (
            "2026-01-02,08:00,forever,11,middle,V4,,burning,\n",
            [(2, "Duration", "duration-unreadable"), (2, "Location", "location-unread"),
             (2, "Pain", "intensity-out-of-range"), (2, "Side", "side-unknown"),
             (2, "Type", "pain-type-unknown")],
            [2],
        ),
        ("2026-01-02,08:00,45s,5,,,,,,surplus\n", [(2, None, "extra-cells")], [2]),
    ],
    ids=["good", "blank-rows", "quoted-newline", "date-missing", "date-unreadable",
         "time-missing", "time-unreadable", "rejected-once", "duration-unreadable",
         "duration-negative", "pain-over-10", "pain-negative", "pain-unreadable", "side-unknown",
         "location-unread", "pain-type-unknown", "every-field-dropped", "extra-cells"],
)  # fmt: skip
def test_row_rules(body: str, issues: list[Located], kept_rows: list[int]) -> None:
    diary_file = read(HEADER + body)
    assert located(diary_file.issues) == issues
    assert diary_file.table["row"].tolist() == kept_rows
    rejected = sum(issue.severity is Severity.REJECTED for issue in diary_file.issues)
    assert diary_file.rows_rejected == rejected
    assert diary_file.rows_read == len(kept_rows) + rejected


def test_a_dropped_field_keeps_the_rest_of_the_row() -> None:
    diary_file = read(HEADER + "2026-01-02,08:00,2 min,11,Right Jaw,V2/V3,chewing; talking,,x\n")
    row = diary_file.table.iloc[0]
    assert pd.isna(row["intensity"])
    assert (row["duration_s"], row["side"], row["triggers"], row["notes"]) == (
        120.0,
        "right",
        ("chewing", "talking"),
        "x",
    )
    assert (row["division_v1"], row["division_v2"], row["division_v3"]) == (False, True, True)


def test_issue_values_quote_the_cell_as_written() -> None:
    diary_file = read(HEADER + "2026-01-02,08:00,,  high  ,,,,,\n")
    assert [(issue.value, issue.severity) for issue in diary_file.issues] == [
        ("high", Severity.DROPPED)
    ]


# --- shapes and date/time columns --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shape", "mapping"),
    [
        ("Date,Time,Pain\n2026-01-02,08:00,5\n", DiaryShape.ATTACK_LOG,
         (("Date", "date"), ("Time", "time"), ("Pain", "intensity"))),
        ("Timestamp,Severity\n2026-01-02 08:00,5\n", DiaryShape.ATTACK_LOG,
         (("Timestamp", "start"), ("Severity", "intensity"))),
        ("Date,Start Time,Pain\n2026-01-02,08:00,5\n", DiaryShape.ATTACK_LOG,
         (("Date", "date"), ("Start Time", "start"), ("Pain", "intensity"))),
        ("Date,Attacks,Worst pain\n2026-01-02,3,7\n", DiaryShape.DAILY_LOG,
         (("Date", "date"), ("Attacks", "attacks"), ("Worst pain", "worst_intensity"))),
        ("Day,Background pain\n2026-01-02,2\n", DiaryShape.DAILY_LOG,
         (("Day", "date"), ("Background pain", "background_pain"))),
        # a count with a time column is an attack log (daily logs have no time)
        ("Date,Time,Attacks\n2026-01-02,08:00,1\n", DiaryShape.ATTACK_LOG,
         (("Date", "date"), ("Time", "time"), ("Attacks", "attacks"))),
    ],
)  # fmt: skip
def test_shape_is_recognised_from_the_columns(
    text: str, shape: DiaryShape, mapping: tuple[tuple[str, str], ...]
) -> None:
    diary_file = read(text)
    assert diary_file.shape is shape
    assert diary_file.mapping == mapping


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date,Time,Pain\n2026-01-02,08:15,5\n", "2026-01-02 08:15"),
        ("Date,Start Time,Pain\n2026-01-02,08:15,5\n", "2026-01-02 08:15"),
        ("Start,Pain\n2026-01-02T08:15:00Z,5\n", "2026-01-02 08:15"),
        ("Date/Time,Pain\n02.01.2026 08:15,5\n", "2026-01-02 08:15"),
        # regression: 'Started' beside a 'Time' column and no 'Date' raised KeyError
        ("Started,Time,Pain\n2026-01-02,08:15,5\n", "2026-01-02 08:15"),
        ("Time,Started,Pain\n08:15,2026-01-02 07:00,5\n", "2026-01-02 08:15"),
        # regression: dd-mm-yyyy lost its year to the UTC-offset stripper
        ("Date,Time,Pain\n13-01-2026,08:15,5\n", "2026-01-13 08:15"),
    ],
)
def test_start_from_date_time_pairs(text: str, expected: str) -> None:
    diary_file = read(text)
    assert diary_file.issues == ()
    assert starts(diary_file) == [expected]


def test_attack_log_with_a_date_but_no_time_rejects_rows_saying_the_time_is_missing() -> None:
    # regression: these rows were rejected as 'date-unreadable' although the date was fine;
    # issue 9: only where most rows give a time (a date-only log is read, see tests/real)
    diary_file = read(
        "Date,Pain\n2026-01-02,5\nsomeday,6\n2026-01-03 08:00,7\n2026-01-04 08:00,7\n"
    )
    assert located(diary_file.issues) == [
        (2, "Date", "time-missing"),
        (3, "Date", "date-unreadable"),
    ]
    assert diary_file.issues[0].message.startswith("The date has no time of day")
    assert starts(diary_file) == ["2026-01-03 08:00", "2026-01-04 08:00"]


def test_date_only_log_keeps_its_rows_with_the_time_of_day_unknown() -> None:
    diary_file = read("Date,Pain\n2026-01-02,5\nsomeday,6\n2026-01-03,7\n")
    assert located(diary_file.issues) == [(3, "Date", "date-unreadable")]
    assert diary_file.info.kind == "date-only log"
    assert diary_file.table["time_unknown"].tolist() == [True, True]


def test_header_only_files_are_diaries_with_no_rows() -> None:
    # regression: a duration column with no rows crashed the clock-duration reader
    for text in ("Date,Time,Duration\n", "Start,Duration (min)\n", "Date,Attacks\n"):
        diary_file = read(text)
        assert (diary_file.rows_read, diary_file.rows_rejected, len(diary_file.table)) == (0, 0, 0)
        assert diary_file.issues == ()


# --- encodings, delimiters, XLSX --------------------------------------------------------------

ATTACKS = "Date,Time,Pain,Notes\n2026-01-02,08:00,5,lunch at the café\n2026-01-03,09:30,6,\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ATTACKS.encode("utf-8"), "utf-8"),
        (ATTACKS.encode("utf-8-sig"), "utf-8-sig"),
        (ATTACKS.encode("utf-16"), "utf-16"),
        (ATTACKS.encode("cp1252"), "cp1252"),
        (ATTACKS.replace("\n", "\r\n").encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252", "cp1252-crlf"],
)
def test_encodings(data: bytes, encoding: str) -> None:
    diary_file = read_diary(data, "diary.csv")
    assert diary_file.encoding == encoding
    assert diary_file.mapping[0] == ("Date", "date")
    assert diary_file.table["notes"].tolist() == ["lunch at the café", pd.NA]
    assert starts(diary_file) == ["2026-01-02 08:00", "2026-01-03 09:30"]
    assert diary_file.issues == ()


def test_semicolon_file_with_decimal_commas_and_a_quoted_semicolon() -> None:
    text = (
        "Datum;Attacks;Worst pain;Background pain;Notes\r\n"
        "01.07.2026;7;6,5;1,5;\r\n"
        '02.07.2026;5;8;0;"bad day; soup only, 9 °C"\r\n'
    )
    diary_file = read_diary(text.encode("cp1252"), "paper.csv")
    assert (diary_file.shape, diary_file.delimiter, diary_file.encoding) == (
        DiaryShape.DAILY_LOG,
        ";",
        "cp1252",
    )
    assert diary_file.table["worst_intensity"].tolist() == [6.5, 8.0]
    assert diary_file.table["background_pain"].tolist() == [1.5, 0.0]
    assert diary_file.table["notes"].tolist() == [pd.NA, "bad day; soup only, 9 °C"]
    assert diary_file.issues == ()


def test_comma_file_does_not_read_decimal_commas() -> None:
    diary_file = read('Date,Time,Pain\n2026-01-02,08:00,"6,5"\n')
    assert located(diary_file.issues) == [(2, "Pain", "intensity-unreadable")]


def test_tab_separated_file() -> None:
    diary_file = read("Date\tTime\tPain\tTriggers\n2026-01-02\t08:00\t6,5\tchewing, talking\n")
    assert diary_file.delimiter == "\t"
    assert diary_file.table["intensity"].tolist() == [6.5]
    assert diary_file.table["triggers"].tolist() == [("chewing", "talking")]


def test_one_column_file() -> None:
    # issue 9: a date column alone is not an attack log; with a pain column it is
    with pytest.raises(InputError, match="is not a pain diary"):
        read("Timestamp\n2026-01-02 08:00\n2026-01-03 09:15\n")
    diary_file = read("Timestamp,Pain\n2026-01-02 08:00,\n\n2026-01-03 09:15,\nlater,\n")
    assert (diary_file.delimiter, diary_file.mapping) == (
        ",",
        (("Timestamp", "start"), ("Pain", "intensity")),
    )
    assert starts(diary_file) == ["2026-01-02 08:00", "2026-01-03 09:15"]
    assert located(diary_file.issues) == [(5, "Timestamp", "date-unreadable")]
    assert diary_file.rows_read == 3


def test_xlsx_with_real_dates_text_dates_and_excel_serials() -> None:
    data = xlsx(
        ["Date", "Time", "Duration (min)", "Pain (0-10)"],
        [dt.datetime(2026, 1, 2), dt.time(8, 0), 1.5, 6],  # real date and time cells
        ["03/01/2026", "09:00", "2", 7],  # text
        [46025, 0.5, 3, 8],  # Excel serial day 46025 = 2026-01-03, 0.5 = noon
        [None, None, None, None],  # empty row: skipped, not counted
        ["13/01/2026", "10:00", None, 8.5],  # decides day-first
        ["someday", "10:00", None, 2],
    )
    diary_file = read_diary(data, "diary.xlsx")
    assert (diary_file.encoding, diary_file.delimiter) == ("xlsx", None)
    assert (diary_file.date_order, diary_file.date_order_source) == (
        DateOrder.DAY_FIRST,
        DateOrderSource.DATA,
    )
    assert starts(diary_file) == [
        "2026-01-02 08:00",
        "2026-01-03 09:00",
        "2026-01-03 12:00",
        "2026-01-13 10:00",
    ]
    assert diary_file.table["row"].tolist() == [2, 3, 4, 6]
    assert diary_file.table["duration_s"].tolist()[:3] == [90.0, 120.0, 180.0]
    assert diary_file.table["intensity"].tolist() == [6.0, 7.0, 8.0, 8.5]
    assert located(diary_file.issues) == [(7, "Date", "date-unreadable")]


def test_xlsx_start_column_with_date_times_and_serials() -> None:
    data = xlsx(
        ["Start", "Pain"],
        [dt.datetime(2026, 1, 2, 8, 30), 6],
        [46025.25, 7],  # serial with a fraction: 2026-01-03 06:00
        [dt.datetime(2026, 1, 4), 5],  # a date with no time of day
        ["2026-01-05 07:00", 5],
    )
    diary_file = read_diary(data, "diary.xlsx")
    assert starts(diary_file) == ["2026-01-02 08:30", "2026-01-03 06:00", "2026-01-05 07:00"]
    assert located(diary_file.issues) == [(4, "Start", "time-missing")]


# --- dates: per-file order, ambiguity, overrides ----------------------------------------------

AMBIGUOUS = "Date,Time,Pain\n01/05/2026,08:00,5\n03/04/2026,09:00,6\n"


@pytest.mark.parametrize(
    ("order", "expected", "source", "issues"),
    [
        (None, ["2026-05-01 08:00", "2026-04-03 09:00"], DateOrderSource.ASSUMED,
         [(None, None, "date-order-assumed")]),
        (DateOrder.DAY_FIRST, ["2026-05-01 08:00", "2026-04-03 09:00"], DateOrderSource.USER, []),
        (DateOrder.MONTH_FIRST, ["2026-01-05 08:00", "2026-03-04 09:00"], DateOrderSource.USER,
         []),
    ],
)  # fmt: skip
def test_ambiguous_file_gets_an_issue_unless_the_user_chose(
    order: DateOrder | None, expected: list[str], source: DateOrderSource, issues: list[Located]
) -> None:
    diary_file = read(AMBIGUOUS, date_order=order)
    assert starts(diary_file) == expected
    assert diary_file.date_order_source is source
    assert located(diary_file.issues) == issues


def test_the_assumption_notice_names_the_order_and_the_override() -> None:
    issue = read(AMBIGUOUS).issues[0]
    assert issue.severity is Severity.NOTICE
    assert "read day-first" in issue.message
    assert "--monthfirst" in issue.message


@pytest.mark.parametrize(
    ("body", "order", "expected"),
    [
        ("01/02/2026,08:00,5\n25/02/2026,09:00,6\n", DateOrder.DAY_FIRST,
         ["2026-02-01 08:00", "2026-02-25 09:00"]),
        ("01/02/2026,08:00,5\n02/25/2026,09:00,6\n", DateOrder.MONTH_FIRST,
         ["2026-01-02 08:00", "2026-02-25 09:00"]),
        ("2026-01-02,08:00,5\n03.01.2026,09:00,6\n", None,
         ["2026-01-02 08:00", "2026-01-03 09:00"]),
    ],
)  # fmt: skip
def test_date_order_is_decided_per_file_from_the_data(
    body: str, order: DateOrder | None, expected: list[str]
) -> None:
    diary_file = read("Date,Time,Pain\n" + body)
    assert diary_file.date_order is order
    assert starts(diary_file) == expected
    assert diary_file.issues == ()


def test_the_user_override_rejects_dates_impossible_in_that_order() -> None:
    diary_file = read(
        "Date,Time,Pain\n01/02/2026,08:00,5\n25/02/2026,09:00,6\n",
        date_order=DateOrder.MONTH_FIRST,
    )
    assert located(diary_file.issues) == [(3, "Date", "date-unreadable")]
    assert "read month-first, as you chose" in diary_file.issues[0].message


# --- column mapping -----------------------------------------------------------------------------


def test_unmatched_file_is_an_error_listing_headers_seen_and_fields_needed() -> None:
    with pytest.raises(InputError) as raised:
        read("Wann,Wie sehr,Wo\n2026-01-02 08:00,5,rechts\n", "fremd.csv")
    error = raised.value
    assert error.file == "fremd.csv"
    assert "Headers seen: 'Wann', 'Wie sehr', 'Wo'." in error.reason
    for field in ("'start'", "'date'", "'time'", "'intensity'", "'duration'", "'attacks'"):
        assert field in error.reason
    assert '--map "Header=field"' in error.reason


def test_a_date_without_any_diary_field_is_an_error() -> None:
    with pytest.raises(
        InputError, match=r"not a pain diary: it looks like a mood diary \(columns Date, Mood\)"
    ):
        read("Date,Mood\n2026-01-02,fine\n")


def test_mapping_reads_a_file_the_alias_table_does_not_know() -> None:
    diary_file = read(
        "Wann,Wie sehr,Wo,Wetter\n2026-01-02 08:00,5,rechts,sunny\n",
        mapping={"Wann": "start", "Wie sehr": "intensity", "wo": "side", "Wetter": "ignore"},
    )
    assert diary_file.mapping == (("Wann", "start"), ("Wie sehr", "intensity"), ("Wo", "side"))
    assert diary_file.ignored_columns == ("Wetter",)
    assert diary_file.table[["intensity", "side"]].iloc[0].tolist() == [5.0, "right"]


def test_unknown_and_repeated_columns_are_notices_on_the_header_row() -> None:
    diary_file = read("Date,Time,Pain,Mood,Severity\n2026-01-02,08:00,5,ok,9\n")
    assert located(diary_file.issues) == [
        (1, "Mood", "column-ignored"),
        (1, "Severity", "column-repeated"),
    ]
    assert {issue.severity for issue in diary_file.issues} == {Severity.NOTICE}
    assert '--map "Mood=field"' in diary_file.issues[0].message
    assert diary_file.table["intensity"].tolist() == [5.0]


def test_header_units_are_honoured() -> None:
    text = "Date,Time,Length (sec),Duration (min)\n2026-01-02,08:00,90,1.5\n"
    diary_file = read(text)
    assert diary_file.table["duration_s"].tolist() == [90.0]  # the first duration column
    assert located(diary_file.issues) == [(1, "Duration (min)", "column-repeated")]
    diary_file = read("Date,Time,Duration (min)\n2026-01-02,08:00,1.5\n")
    assert diary_file.table["duration_s"].tolist() == [90.0]


def test_scale_in_a_header_is_not_a_unit() -> None:
    diary_file = read("Date,Time,Pain (0-10),Duration\n2026-01-02,08:00,7,10\n")
    assert diary_file.table[["intensity", "duration_s"]].iloc[0].tolist() == [7.0, 10.0]


# --- daily logs ------------------------------------------------------------------------------


def test_daily_log_rows_and_issues() -> None:
    diary_file = read(
        "Date,Attacks,Worst pain,Background pain,Notes\n"
        "2026-01-01,3,7,1,\n"
        "2026-01-02,-1,11,x,\n"
        "2026-01-03,2.5,,,\n"
        "2026-01-04,many,,,\n"
        ",2,,,lost\n"
        "2026-01-06,0,0,0,pain-free\n"
        "2026-01-07,,5,,\n"  # regression: a blank count was flagged out of range
    )
    assert diary_file.shape is DiaryShape.DAILY_LOG
    assert located(diary_file.issues) == [
        (3, "Attacks", "attacks-out-of-range"),
        (3, "Background pain", "background-pain-unreadable"),
        (3, "Worst pain", "worst-intensity-out-of-range"),
        (4, "Attacks", "attacks-out-of-range"),
        (5, "Attacks", "attacks-unreadable"),
        (6, "Date", "date-missing"),
    ]
    table = diary_file.table
    assert table["row"].tolist() == [2, 3, 4, 5, 7, 8]
    assert table["attacks"].tolist() == [3.0, pd.NA, pd.NA, pd.NA, 0.0, pd.NA]
    assert table["worst_intensity"].tolist()[-1] == 5.0
    assert table["date"].tolist() == [
        pd.Timestamp(day) for day in ("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04",
                                      "2026-01-06", "2026-01-07")
    ]  # fmt: skip


def test_daily_log_date_cells_with_a_time_give_their_day() -> None:
    diary_file = read("Date,Attacks\n2026-01-02 21:00,3\n")
    assert diary_file.table["date"].tolist() == [pd.Timestamp("2026-01-02")]


# --- duplicates and accounting ----------------------------------------------------------------

ATTACK_HEADER = "Date,Time,Duration,Pain\n"


def test_duplicates_within_one_file_count_once() -> None:
    diary = read_diaries(
        [("a.csv", (ATTACK_HEADER + "2026-01-02,08:00,45s,5\n" * 3 + "2026-01-02,08:00,45s,6\n")
          .encode())]
    )  # fmt: skip
    assert diary.duplicates == 2
    assert located(diary.issues) == [(3, None, "duplicate"), (4, None, "duplicate")]
    assert diary.issues[0].message == (
        "Same start minute and the same recorded values as row 2; counted once."
    )
    assert diary.attacks["row"].tolist() == [2, 5]
    assert_accounting(diary)


def test_duplicates_across_files_name_the_first_copy() -> None:
    first = ("phone.csv", (ATTACK_HEADER + "2026-01-02,08:00,1 min,5\n").encode())
    second = (
        "paper.csv",
        (ATTACK_HEADER + "2026-01-02,08:00:40,60,5\n2026-01-02,08:00,1 min,4\n").encode(),
    )
    diary = read_diaries([first, second])
    assert [(issue.file, issue.row, issue.code) for issue in diary.issues] == [
        ("paper.csv", 2, "duplicate")
    ]
    assert diary.issues[0].message == (
        "Same start minute and the same recorded values as row 2 of phone.csv; counted once."
    )
    assert diary.issues[0].severity is Severity.DUPLICATE
    assert sorted(zip(diary.attacks["file"], diary.attacks["row"], strict=True)) == [
        ("paper.csv", 3),
        ("phone.csv", 2),
    ]
    assert (diary.rows_read, diary.rows_used, diary.duplicates) == (3, 2, 1)
    assert_accounting(diary)


@pytest.mark.parametrize(
    "second_row",
    ["2026-01-02,08:01,1 min,5", "2026-01-02,08:00,2 min,5", "2026-01-02,08:00,1 min,6"],
)
def test_rows_differing_in_minute_duration_or_intensity_are_not_duplicates(
    second_row: str,
) -> None:
    diary = read_diaries([("a.csv", (ATTACK_HEADER + "2026-01-02,08:00,1 min,5\n").encode()),
                          ("b.csv", (ATTACK_HEADER + second_row + "\n").encode())])  # fmt: skip
    assert diary.duplicates == 0


def test_daily_logs_are_never_duplicates() -> None:
    day = ("days.csv", b"Date,Attacks\n2026-01-02,3\n2026-01-02,3\n")
    diary = read_diaries([day, day])
    assert (diary.duplicates, len(diary.days)) == (0, 4)
    assert_accounting(diary)


def test_combined_sample_diaries_keep_the_accounting() -> None:
    names = ["attack_log.csv", "paper_diary.csv", "migraine_buddy.csv", "messy_diary.csv",
             "ambiguous_dates.csv"]  # fmt: skip
    diary = read_diaries([(name, (SAMPLES / name).read_bytes()) for name in names])
    assert (diary.rows_read, diary.rows_rejected, diary.duplicates) == (631, 3, 15)
    assert_accounting(diary)
    kept = set(zip(diary.attacks["file"], diary.attacks["row"], strict=True))
    kept |= set(zip(diary.days["file"], diary.days["row"], strict=True))
    dropped = {(issue.file, issue.row) for issue in diary.issues
               if issue.severity in (Severity.REJECTED, Severity.DUPLICATE)}  # fmt: skip
    assert kept.isdisjoint(dropped)


def test_read_diaries_raises_for_the_first_unreadable_file() -> None:
    with pytest.raises(InputError, match=r"^bad\.csv: is empty\.$"):
        read_diaries([("good.csv", b"Date,Attacks\n2026-01-02,3\n"), ("bad.csv", b"")])


# --- docs/formats.md lists exactly the issue codes ingest produces ------------------------------

KITCHEN_SINK = [
    HEADER + "someday,08:00,,,,,,,\n,08:00,,,,,,,\n2026-01-02,,,,,,,,\n2026-01-02,25:61,,,,,,,\n"
    "2026-01-02,08:00,forever,bad,middle,nose,,burning,\n2026-01-02,08:01,-1,11,,,,,,x\n"
    "2026-01-02,08:01,-1,11,,,,,\n",
    "Date,Time,Division,Pain,Mood,Severity\n01/02/2026,08:00,V4,5,ok,3\n",
    "Date,Pain\n2026-01-02,5\n",
    "Date,Pain\n2026-03-02,5\n2026-03-02,6\n",  # two rows of one day, no clock time
    "Start,Pain\n2026-04-02 08:00,0\n2026-04-03 08:00,4\n",  # a row recording no pain
    # a template dated in advance, a note of no attack (tests/test_ingest_empty_rows.py)
    "Date,Pain,Notes\n2026-06-01,5,\n2026-06-02,,\n2026-06-03,,no attacks today\n",
    # a minute and a half typed 1.30 (tests/test_ingest_dotted_durations.py)
    "Date,Time,Pain,Duration\n2026-07-01,08:00,5,1.30\n",
    # the header repeated, a second table (tests/test_ingest_second_tables.py)
    "Date,Pain\n2026-08-01,5\nDate,Pain\n2026-08-02,5\nDate,Drug\n2026-08-03,cbz\n",
    # a daily log with an attack log's column (tests/test_ingest_shape_fields.py)
    "Date,Attacks,Trigger\n2026-09-01,2,eating\n",
    # a year typed 2016 for 2026 (tests/test_ingest_stray_dates.py)
    "Date,Pain\n2016-05-02,5\n" + "".join(f"2026-05-{day:02d},5\n" for day in range(1, 5)),
    "Date,Attacks,Worst pain,Background pain\n2026-01-02,x,x,x\n2026-01-03,-1,11,11\n",
    # issue 9: event logs, dates under 'time', mismatched and unnamed columns, end times,
    # a column failing for most rows
    "Date,Time,Type,Name,Pain\n"
    + "2026-01-02,08:00,symptom,Headache,5\n" * 2
    + "2026-01-02,09:00,sleep,asleep,\n",
    "Time,Pain,Side\n" + "".join(f"2026-01-{day:02d},5,Odense\n" for day in range(1, 13)),
    "Start,End,Pain,,Notes\n2026-01-02 08:00,2026-01-02 07:00,5,,\n2026-01-02 09:00,later,5,,\n",
    "Start,Duration\n" + "".join(f"2026-01-{day:02d} 08:00,forever\n" for day in range(1, 13)),
    # a 'Duration' holding the end's clock time (a real symptom tracker's export)
    "Date,Time,Duration,Pain\n"
    + "".join(f"2026-02-{day:02d},{day:02d}:10,{day:02d}:45,5\n" for day in range(1, 7)),
    # Migraine Buddy: an ongoing event in the preamble, an attack with an empty 'Lasted'
    '"Date","Time Period","Description","Notes"\n"1/2/26","Ongoing","Attack","x"\n\n'
    '"#","Started","Lasted","Pain Level"\n"1","1/2/26 8:00","","5"\n',
]


NOT_FROM_DIARIES = {
    *(set(TREATMENT_CODES) - {IssueCode.COLUMN_IGNORED, IssueCode.COLUMN_REPEATED}),
    *(code for code in IssueCode if code.meaning.startswith("Questionnaire:")),
    IssueCode.SHEET_SKIPPED,  # workbooks only (tests/test_workbooks.py)
    IssueCode.MEDICINE_SHEET_UNLINKED,  # workbooks only (tests/test_medicine_period.py)
    IssueCode.DURATION_EXCEL_CLOCK,  # workbooks only (tests/test_excel_durations.py)
    IssueCode.FILE_LEFT_OUT,  # the pipeline (tests/test_pipeline.py)
    IssueCode.PREVIOUS_LEFT_OUT,  # report --previous (tests/test_since.py)
    IssueCode.ATTACK_LOG_SILENCE,  # the analysis (tests/test_silences.py)
    IssueCode.DATE_IN_FUTURE,  # only with a day to read on (tests/test_future_dates.py)
}
"""Codes that the diary reader cannot produce: other readers and whole-file issues."""


def produced_codes() -> set[IssueCode]:
    diary = read_diaries([(f"{i}.csv", text.encode()) for i, text in enumerate(KITCHEN_SINK)])
    return {issue.code for issue in diary.issues}


def test_docs_print_the_issue_code_registry() -> None:
    text = FORMATS_DOC.read_text(encoding="utf-8")
    block = text.split("<!-- codes:start -->\n")[1].split("<!-- codes:end -->")[0]
    assert block == code_table() + "\n"
    assert all(code.meaning and code.severity for code in IssueCode)


def test_the_diary_reader_produces_every_diary_code() -> None:
    assert produced_codes() == set(IssueCode) - NOT_FROM_DIARIES


def test_every_registered_code_is_raised_somewhere() -> None:
    package = FORMATS_DOC.parents[1] / "tnprep"
    sources = "".join(
        path.read_text(encoding="utf-8")
        for path in package.rglob("*.py")
        if path.name != "issues.py"
    )
    assert [code for code in IssueCode if f"IssueCode.{code.name}" not in sources] == []

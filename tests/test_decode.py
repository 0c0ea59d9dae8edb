"""Bytes → text → Table: encodings, refusals, delimiter sniffing, row numbers, XLSX."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import Workbook

from tnprep.ingest.decode import (
    decode_text,
    parse_text_table,
    read_table,
    read_xlsx,
    sniff_delimiter,
)
from tnprep.issues import InputError

SAMPLE = "Date,Time,Notes\n2026-01-02,08:00,café au lait\n"


def xlsx_bytes(*rows: list[object], sheets: int = 1) -> bytes:
    workbook = Workbook()
    for _ in range(sheets - 1):
        workbook.create_sheet()
    sheet = workbook.worksheets[-1]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- decode_text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-8-sig"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),  # with BOM, native order
        (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252"],
)
def test_decode_text_reads_every_supported_encoding(data: bytes, encoding: str) -> None:
    text, detected = decode_text(data, "f.csv")
    assert detected == encoding
    assert text.lstrip("\ufeff") == SAMPLE


def test_bom_is_not_part_of_the_first_header() -> None:
    table = read_table(SAMPLE.encode("utf-8-sig"), "f.csv")
    assert table.header == ("Date", "Time", "Notes")


@pytest.mark.parametrize(
    ("text", "characters"),
    [
        ("Date,Notes\n2026-01-02,lunch at the café\n", "café"),
        ("Date,Notes\n2026-01-02,only 9 °C; naïve – “quotes”\n", "9 °C; naïve – “quotes”"),
    ],
)
def test_cp1252_keeps_western_characters(text: str, characters: str) -> None:
    decoded, encoding = decode_text(text.encode("cp1252"), "f.csv")
    assert encoding == "cp1252"
    assert characters in decoded


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty."),
        (b"  \r\n\n\t ", "is empty."),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF, not a table."),
        (b"<!DOCTYPE html><html><body>Diary</body></html>", "is a web page or XML, not a table."),
        (b"  <html lang='en'><head></head></html>", "is a web page or XML, not a table."),
        (b"<?xml version='1.0'?><diary/>", "is a web page or XML, not a table."),
        (b"Date,Pain\x00\x01\x02\n", "contains NUL bytes"),
        (b"PK\x03\x04rest of a zip", "is a zip archive, not a text table."),
    ],
    ids=["empty", "whitespace", "pdf", "html", "html-indented", "xml", "nul", "zip"],
)
def test_decode_text_refuses_what_is_not_a_text_table(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        decode_text(data, "upload.csv")
    assert raised.value.file == "upload.csv"
    assert raised.value.reason.startswith(reason)
    assert str(raised.value).startswith("upload.csv: ")


def test_refusals_for_non_tables_say_how_to_fix_it() -> None:
    with pytest.raises(InputError, match="Save it from your spreadsheet or app as 'CSV UTF-8'"):
        decode_text(b"%PDF-1.4", "f.pdf")


def test_utf16_bom_with_odd_length_is_refused() -> None:
    with pytest.raises(InputError, match="is not valid utf-16 text"):
        decode_text(b"\xff\xfeD\x00a", "f.csv")


# --- sniff_delimiter -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("Date,Time,Pain\n2026-01-02,08:00,5\n", ","),
        ("Datum;Attacks;Worst pain\n01.07.2026;7;6,5\n02.07.2026;5;8\n", ";"),
        ("Date\tTime\tPain\n2026-01-02\t08:00\t5\n", "\t"),
        # semicolons inside a comma file's cells do not win
        ("Date,Time,Triggers\n2026-01-02,08:00,chewing; talking\n2026-01-03,09:00,a; b\n", ","),
        # decimal commas inside a semicolon file do not win
        ("Date;Pain;Background\n01.07.2026;6,5;1,5\n02.07.2026;7,5;0,5\n", ";"),
        # commas inside tab-separated notes do not win
        ("Date\tNotes\n2026-01-02\tate, talked, slept\n2026-01-03\ta, b\n", "\t"),
        # one column: no delimiter in the data, read with a comma
        ("Timestamp\n2026-01-02 08:00\n2026-01-03 09:15\n", ","),
        ("Timestamp\n", ","),
    ],
    ids=["comma", "semicolon", "tab", "comma-with-semicolons", "semicolon-decimal-comma",
         "tab-with-commas", "one-column", "header-only"],
)  # fmt: skip
def test_sniff_delimiter(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


# --- parse_text_table ------------------------------------------------------------------------


def test_row_numbers_are_spreadsheet_rows_across_quoted_newlines_and_blank_lines() -> None:
    text = (
        "Date,Notes\n"  # row 1
        '2026-01-02,"two\nlines"\n'  # row 2 (one record, two lines)
        "\n"  # row 3: blank line
        ",\n"  # row 4: every cell empty
        '2026-01-03,"three\r\nline\nnote"\n'  # row 5
        "2026-01-04,last\n"  # row 6
    )
    table = parse_text_table(text, "f.csv", "utf-8", ",")
    assert list(table.cells.index) == [2, 5, 6]
    assert table.cells.loc[5, 1] == "three\r\nline\nnote"
    assert table.blank_rows == 2
    assert table.issues == ()


def test_rows_before_the_header_shift_row_numbers() -> None:
    text = "Title line\n\nDate,Pain\n2026-01-02,5\n"
    table = parse_text_table(text, "f.csv", "utf-8", ",", skip_records=2)
    assert table.header == ("Date", "Pain")
    assert list(table.cells.index) == [4]


def test_leading_blank_lines_before_the_header_are_skipped_and_rows_keep_their_numbers() -> None:
    table = parse_text_table("\n\nDate,Pain\n2026-01-02,5\n", "f.csv", "utf-8", ",")
    assert table.header == ("Date", "Pain")
    assert list(table.cells.index) == [4]


def test_short_rows_are_padded_and_extra_cells_are_an_issue() -> None:
    table = parse_text_table(
        "Date,Pain,Notes\n2026-01-02,5\n2026-01-03,6,x,surplus\n", "f.csv", "utf-8", ","
    )
    assert table.cells.loc[2].tolist() == ["2026-01-02", "5", ""]
    assert table.cells.loc[3].tolist() == ["2026-01-03", "6", "x"]
    assert [(issue.row, issue.column, issue.code) for issue in table.issues] == [
        (3, None, "extra-cells")
    ]


def test_trailing_empty_header_cells_are_trimmed() -> None:
    table = parse_text_table("Date,Pain,,\n2026-01-02,5,,\n", "f.csv", "utf-8", ",")
    assert table.header == ("Date", "Pain")
    assert table.issues == ()


def test_header_cells_are_stripped() -> None:
    table = parse_text_table(" Date , Pain \n2026-01-02,5\n", "f.csv", "utf-8", ",")
    assert table.header == ("Date", "Pain")


def test_a_file_of_blank_lines_is_empty() -> None:
    with pytest.raises(InputError, match="is empty"):
        parse_text_table(",,\n\n", "f.csv", "utf-8", ",")


def test_read_table_reports_encoding_and_delimiter() -> None:
    text = "Datum;Schmerz\n01.07.2026;6,5\n"
    table = read_table(text.encode("utf-16"), "f.csv")
    assert (table.encoding, table.delimiter, table.header) == ("utf-16", ";", ("Datum", "Schmerz"))
    assert table.cells.loc[2].tolist() == ["01.07.2026", "6,5"]


# --- XLSX ------------------------------------------------------------------------------------


def test_read_xlsx_keeps_native_cell_types_and_row_numbers() -> None:
    data = xlsx_bytes(
        ["Date", "Time", "Pain"],
        [dt.datetime(2026, 1, 2), dt.time(8, 0), 6],
        [None, None, None],
        ["03/01/2026", "09:00", 6.5],
        [46025, 0.5, "7"],
    )
    table = read_table(data, "diary.xlsx")
    assert (table.encoding, table.delimiter) == ("xlsx", None)
    assert table.header == ("Date", "Time", "Pain")
    assert list(table.cells.index) == [2, 4, 5]
    assert table.blank_rows == 1
    assert table.cells.loc[2].tolist() == [dt.datetime(2026, 1, 2), dt.time(8, 0), 6]
    assert table.cells.loc[5].tolist() == [46025, 0.5, "7"]


def test_read_xlsx_uses_the_first_sheet_with_cells() -> None:
    data = xlsx_bytes(["Date", "Pain"], ["2026-01-02", 5], sheets=2)
    table = read_xlsx(data, "diary.xlsx")
    assert table.header == ("Date", "Pain")


def test_read_xlsx_of_an_empty_workbook_is_an_input_error() -> None:
    with pytest.raises(InputError, match="is an Excel workbook with no filled cells"):
        read_xlsx(xlsx_bytes(), "empty.xlsx")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "is a damaged zip/Excel file."),
        (zip_bytes({"notes.txt": b"hello"}), "is a zip archive, not an Excel workbook."),
        (zip_bytes({"[Content_Types].xml": b"<Types/>"}), "is not a readable Excel workbook"),
    ],
    ids=["damaged", "plain-zip", "broken-workbook"],
)
def test_read_table_refuses_zips_that_are_not_workbooks(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as raised:
        read_table(data, "upload.xlsx")
    assert raised.value.reason.startswith(reason)

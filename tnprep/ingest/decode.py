"""Bytes → text → a table of cells with spreadsheet row numbers.

Decoding tries UTF-8 (with or without BOM) first, then UTF-16 with a BOM, then asks
charset-normalizer, falling back to cp1252 (sqlite-utils ``rows_from_file`` does a similar
dance). Delimiters are sniffed from the first lines. XLSX is recognised from its zip signature, not
its name, and read with openpyxl, which parses the XML with defusedxml when it is installed
(requirements.txt pins it).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from tnprep.ingest.arrow_read import filled_rows, line_lengths_may_exceed, read_regular
from tnprep.issues import InputError, Issue, IssueCode

DELIMITERS = (",", ";", "\t")
"""Field delimiters SPEC allows, in order of preference when the data cannot decide."""

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest file read (32 MiB). The heaviest plausible diary, ten years at up to 200 attacks a day
(benchmarks/generate.py 'heavy'), is about 16 MB; a 50 MB file took 34 s and 1 GB of memory just
to read, so anything past twice the heaviest is refused as the wrong file rather than read slowly.
The app refuses uploads over 10 MB before this (``server.maxUploadSize``)."""
MAX_LINE_CHARACTERS = 131_072
"""Longest line read: Python's csv module refuses a longer cell (``csv.field_size_limit()``), and no
diary line comes near it. Checked before parsing so a 100 MB single line costs no more memory."""

_XLSX_SIGNATURE = b"PK\x03\x04"
_UTF8_BOM = b"\xef\xbb\xbf"
_MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024  # a zip bomb inflates far beyond any real diary
_SNIFF_LINES = 30
_MARKUP_STARTS = (b"<!doctype", b"<html", b"<?xml", b"<head", b"<body", b"<!--", b"<table")
_SAVE_AS_CSV = "Save it from your spreadsheet or app as 'CSV UTF-8' and try again."
# Detection is unreliable on short Western text (it answers cp1250 or cp775 for French notes,
# turning ï into ď), so a non-UTF-8 file is read as cp1252, the encoding SPEC names for legacy Excel
# exports, unless detection finds one of these other scripts (Cyrillic, Greek).
_OTHER_SCRIPTS = {
    "cp1251": "cp1251",
    "koi8_r": "cp1251",
    "koi8_u": "cp1251",
    "cp866": "cp1251",
    "iso8859_5": "cp1251",
    "mac_cyrillic": "cp1251",
    "cp1253": "cp1253",
    "iso8859_7": "cp1253",
}
"""Detected code page → the Windows code page read instead (exports come from Windows Excel)."""


@dataclass(frozen=True)
class Table:
    """A file's cells, header separated, with spreadsheet row numbers as the index."""

    file: str
    """The file's name as supplied."""
    encoding: str
    """'utf-8', 'utf-8-sig', 'utf-16', 'cp1252', … or 'xlsx'."""
    delimiter: str | None
    """',', ';' or tab; ``None`` for XLSX."""
    header: tuple[str, ...]
    """Header cells as written, stripped."""
    cells: pd.DataFrame = field(repr=False)
    """Columns 0…len(header)−1, object dtype; index = spreadsheet row numbers (header = 1)."""
    blank_rows: int = 0
    """Rows skipped because every cell was empty (not counted anywhere)."""
    issues: tuple[Issue, ...] = ()
    """Structural problems (e.g. a row with more cells than the header)."""


def decode_text(data: bytes, file: str) -> tuple[str, str]:
    """Decode a text file, returning ``(text, encoding)``.

    Raises:
        InputError: the bytes are empty, binary, HTML or a PDF, or in no known encoding.
    """
    _refuse_oversized(data, file)
    _refuse_non_tables(data, file)
    text, encoding = _decode(data, file)
    _refuse_long_lines(text, file)
    return text, encoding


def decode_head(data: bytes, file: str, line_count: int) -> tuple[str, str]:
    """The start of ``decode_text(data, file)``'s text holding its first ``line_count`` lines.

    Same encoding and same refusals as ``decode_text``; the text is cut after the
    ``line_count``-th newline (or is whole), so ``head_lines`` of it are the whole text's. An
    ASCII file (after a UTF-8 byte-order mark) is UTF-8 whatever follows, so only its first
    lines are decoded: recognising a ten-year diary decoded all 14.6 MB to read its header.
    """
    _refuse_oversized(data, file)
    _refuse_non_tables(data, file)
    body = data[3:] if data.startswith(_UTF8_BOM) else data
    if not body.isascii() or b"\x00" in body or not _short_lines(body):
        return decode_text(data, file)
    end = -1
    for _ in range(line_count):
        end = body.find(b"\n", end + 1)
        if end < 0:
            break
    head = (body if end < 0 else body[: end + 1]).decode("ascii")
    if not head.strip() and end >= 0:
        return decode_text(data, file)  # blank lines only: whatever follows may matter
    return head, "utf-8-sig" if body is not data else "utf-8"


def _short_lines(data: bytes) -> bool:
    """``_refuse_long_lines``' test, on the bytes of ASCII text: True when no line can be long."""
    return len(data) <= MAX_LINE_CHARACTERS or not line_lengths_may_exceed(
        data, MAX_LINE_CHARACTERS
    )


def _decode(data: bytes, file: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", file), "utf-16"
    if b"\x00" in data:
        raise InputError(
            file,
            "contains NUL bytes, so it is binary or UTF-16 without a byte-order mark. "
            + _SAVE_AS_CSV,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _legacy(data, file)
    return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"


def read_table(data: bytes, file: str) -> Table:
    """Read CSV/TSV/semicolon text or XLSX (detected from the bytes) into a ``Table``.

    Raises:
        InputError: the file is not a table at all.
    """
    if data.startswith(_XLSX_SIGNATURE):
        return read_xlsx(data, file)
    text, encoding = decode_text(data, file)
    delimiter = sniff_delimiter(text)
    return parse_text_table(text, file, encoding, delimiter)


def sniff_delimiter(text: str) -> str:
    """Pick the delimiter that splits the first lines into the most consistent number of fields.

    A file with one column has no delimiter at all; it is read with a comma, which it lacks.
    """
    lines = [line for line in _head(text, _SNIFF_LINES * 2).splitlines() if line.strip()]
    sample = lines[:_SNIFF_LINES]
    best, best_score = DELIMITERS[0], (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter))
        except csv.Error:  # a cell over the csv size limit: this delimiter cannot split it
            continue
        if not counts:
            continue
        width, rows = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (rows, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_text_table(
    text: str,
    file: str,
    encoding: str,
    delimiter: str,
    skip_records: int = 0,
    *,
    utf8: bytes | memoryview | None = None,
) -> Table:
    """Split decoded text into a ``Table``; ``skip_records`` records come before the header.

    Records are counted the way a spreadsheet shows them: a quoted cell holding a newline is one
    row, a blank line is a row. Row numbers therefore match what the user sees on opening the file.
    ``utf8``, when given, is ``text.encode("utf-8")`` already at hand (``utf8_bytes``).
    """
    fast = _fast_table(text, file, encoding, delimiter, utf8) if skip_records == 0 else None
    if fast is not None:
        return fast
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:  # a quote left open swallows the rest of the file into one cell
        raise InputError(file, _cell_too_long(error)) from error
    return _records_to_table(records[skip_records:], skip_records, file, encoding, delimiter)


def text_header(text: str, file: str, encoding: str, delimiter: str) -> tuple[str, ...]:
    """The header ``parse_text_table`` would find in ``text``, without building the table.

    The first record holding a value, each cell stripped, trailing blank cells trimmed — the exact
    path's rule, which the fast path agrees with (``tests/test_arrow_read.py``). Used to recognise
    a file from its first lines: a whole table per file costs ~2 ms of fixed pandas overhead.
    When the exact path refuses (a cell over the csv limit, no value at all), the table is read
    as before, so the outcome is unchanged.
    """
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(map(_has_value, record)):
                header = tuple(_header_text(cell) for cell in record)
                return header[: _trimmed_width(header)]
    except csv.Error:
        pass
    return parse_text_table(text, file, encoding, delimiter).header


def utf8_bytes(data: bytes, encoding: str) -> bytes | memoryview | None:
    """A file's text as UTF-8 without encoding it again: its bytes past a BOM, when UTF-8.

    Decoding valid UTF-8 and encoding it again gives the same bytes; the Arrow reader reads
    these (a ten-year diary's text was encoded again, 14.6 MB).
    """
    if encoding == "utf-8":
        return data
    return memoryview(data)[len(_UTF8_BOM) :] if encoding == "utf-8-sig" else None


def _fast_table(
    text: str, file: str, encoding: str, delimiter: str, utf8: bytes | memoryview | None = None
) -> Table | None:
    """Read a regular file with pyarrow, else pandas' C parser; ``None`` sends the rest to csv.

    pyarrow reads the files without quotes or empty lines (``tnprep.ingest.arrow_read``). Taken
    only when the first line is the header, no header cell is blank at the end, and no row is
    wider than the header; blank lines are kept as rows (then dropped) so that row numbers
    are the spreadsheet's, exactly as the csv path counts them.
    """
    read = read_regular(text, delimiter, utf8) or _pandas_read(text, delimiter)
    if read is None:
        return None
    header, body = read
    if not header or not any(header) or not header[-1]:
        return None
    filled = filled_rows(body)
    blank = len(filled) - int(filled.sum())
    cells = body[filled] if blank else body
    cells.columns = pd.RangeIndex(len(header))
    return Table(file, encoding, delimiter, header, cells, blank, ())


def _pandas_read(text: str, delimiter: str) -> tuple[tuple[str, ...], pd.DataFrame] | None:
    """(header, body rows) by pandas' C parser, blank lines kept as rows; ``None`` if it refuses."""
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, dtype=str, keep_default_na=False,
            na_filter=False, skip_blank_lines=False, engine="c", quotechar='"', doublequote=True,
        )  # fmt: skip
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error):
        return None
    # Cells stay in pandas' Arrow-backed str dtype: stripping and matching then run in C.
    frame = frame.fillna("")
    header = tuple(str(cell).strip() for cell in frame.iloc[0]) if len(frame) else ()
    body = frame.iloc[1:]
    body.index = pd.RangeIndex(2, len(frame) + 1).astype("int64")
    return header, body


def read_xlsx(data: bytes, file: str) -> Table:
    """Read the first non-empty worksheet of an XLSX file into a ``Table``.

    Raises:
        InputError: the zip is corrupt, inflates to an implausible size, or holds no table.
    """
    workbook = _open_workbook(data, file)
    try:
        records = _first_filled_sheet(workbook, file)
    finally:
        workbook.close()
    return _records_to_table(records, 0, file, "xlsx", None)


def read_xlsx_sheets(data: bytes, file: str) -> list[tuple[str, Table]]:
    """Every filled worksheet of an XLSX file as (sheet name, ``Table``), in workbook order.

    Raises:
        InputError: the zip is corrupt or damaged, or no sheet has a filled cell.
    """
    workbook = _open_workbook(data, file)
    try:
        sheets = [(sheet.title, _sheet_records(sheet, file)) for sheet in workbook.worksheets]
    finally:
        workbook.close()
    filled = [(name, records) for name, records in sheets
              if any(_has_value(cell) for record in records for cell in record)]  # fmt: skip
    if not filled:
        raise InputError(file, "is an Excel workbook with no filled cells.")
    return [(name, _records_to_table(*_past_title(records), file, "xlsx", None))
            for name, records in filled]  # fmt: skip


def _open_workbook(data: bytes, file: str) -> Any:
    """Open an XLSX file read-only, after the size and zip checks (``InputError`` if damaged)."""
    _refuse_oversized(data, file)
    _check_zip(data, file)
    from openpyxl import load_workbook  # noqa: PLC0415 - only XLSX uploads pay for the import

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged workbook
        raise InputError(
            file, f"is not a readable Excel workbook ({type(error).__name__}). {_SAVE_AS_CSV}"
        ) from error


def _past_title(records: list[list[object]]) -> tuple[list[list[object]], int]:
    """Skip a sheet's title row ('--Medications Taken Table--' alone above the real header)."""
    filled = [index for index, record in enumerate(records) if any(map(_has_value, record))]
    if len(filled) < 2:
        return records, 0
    title, header = records[filled[0]], records[filled[1]]
    if sum(map(_has_value, title)) == 1 and sum(map(_has_value, header)) >= 3:
        return records[filled[1] :], filled[1]
    return records, 0


def _sheet_records(sheet: Any, file: str) -> list[list[object]]:
    try:
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception as error:  # openpyxl, zipfile and the XML parser all raise their own types
        raise InputError(
            file, f"is a damaged Excel workbook ({type(error).__name__}). {_SAVE_AS_CSV}"
        ) from error


def _first_filled_sheet(workbook: Any, file: str) -> list[list[object]]:
    """The records of the first sheet with a filled cell.

    Read-only mode parses each sheet only while it is iterated, so damaged XML (or a DTD, which
    defusedxml forbids) in a sheet raises here, not in ``load_workbook``.
    """
    for sheet in workbook.worksheets:
        records = _sheet_records(sheet, file)
        if any(_has_value(cell) for record in records for cell in record):
            return records
    raise InputError(file, "is an Excel workbook with no filled cells.")


def _records_to_table(
    records: Sequence[Sequence[object]],
    offset: int,
    file: str,
    encoding: str,
    delimiter: str | None,
) -> Table:
    header_index = next(
        (index for index, record in enumerate(records) if any(map(_has_value, record))), None
    )
    if header_index is None:
        raise InputError(file, "is empty: it has no header row and no data.")
    header = tuple(_header_text(cell) for cell in records[header_index])
    width = _trimmed_width(header)
    header = header[:width]
    first_row = offset + header_index + 2  # spreadsheet rows count from 1, and 1 is the header
    body = records[header_index + 1 :]
    rows, numbers, issues, blank = [], [], [], 0
    for number, record in enumerate(body, start=first_row):
        if not any(map(_has_value, record)):
            blank += 1
            continue
        if any(map(_has_value, record[width:])):
            issues.append(_extra_cells_issue(file, number, len(record), width))
        rows.append(_fit(record, width, encoding))
        numbers.append(number)
    cells = pd.DataFrame(rows, index=pd.Index(numbers, dtype="int64"), dtype="object")
    cells = cells.reindex(columns=range(width))
    return Table(file, encoding, delimiter, header, cells, blank, tuple(issues))


def _fit(record: Sequence[object], width: int, encoding: str) -> list[object]:
    blank: object = None if encoding == "xlsx" else ""
    return list(record[:width]) + [blank] * (width - len(record))


def _trimmed_width(header: tuple[str, ...]) -> int:
    width = len(header)
    while width > 1 and not header[width - 1]:
        width -= 1
    return width


def _header_text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()


def _has_value(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _extra_cells_issue(file: str, row: int, cell_count: int, width: int) -> Issue:
    return Issue(
        code=IssueCode.EXTRA_CELLS,
        file=file,
        row=row,
        column=None,
        value=None,
        message=f"The row has {cell_count} cells but the header has {width}; the extra cells "
        "were ignored.",
    )


def _refuse_oversized(data: bytes, file: str) -> None:
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            file,
            f"is {len(data) / 1024 / 1024:.1f} MB; tnprep reads files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB (ten years of a very busy diary is about "
            "16 MB). Check that this is the right file, or split it (for example by year).",
        )


def head_lines(text: str, line_count: int) -> list[str]:
    """``text.splitlines()[:line_count]``, without splitting the lines past them (issue 15).

    Splitting a ten-year diary's 365,000 lines to keep its first 50 cost ~30 ms and as many
    string objects.
    """
    end = -1
    for _ in range(line_count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text.splitlines()[:line_count]
    return text[: end + 1].splitlines()[:line_count]  # with the n-th '\n': an empty line counts


def _head(text: str, line_count: int) -> str:
    r"""The first ``line_count`` lines of ``text`` (at least: more when ``\r`` also ends lines).

    Cut at a newline, so ``_head(text, n).splitlines()[:n] == text.splitlines()[:n]`` without
    splitting a ten-year diary's 365,000 lines to look at its first few.
    """
    end = -1
    for _ in range(line_count):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end]


def _refuse_long_lines(text: str, file: str) -> None:
    if len(text) <= MAX_LINE_CHARACTERS or not line_lengths_may_exceed(text, MAX_LINE_CHARACTERS):
        return
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE_CHARACTERS:
        raise InputError(
            file,
            f"has a line of {longest:,} characters; tnprep reads lines up to "
            f"{MAX_LINE_CHARACTERS:,}. It is not a table of rows: {_SAVE_AS_CSV}",
        )


def _cell_too_long(error: csv.Error) -> str:
    return (
        f"has a cell longer than {MAX_LINE_CHARACTERS:,} characters ({error}), usually a quote "
        'mark (") opened in a cell and never closed. Remove the stray quote or ' + _SAVE_AS_CSV
    )


def _refuse_non_tables(data: bytes, file: str) -> None:
    if not data or data.isspace():  # as 'not data.strip()', without copying 14 MB
        raise InputError(file, "is empty.")
    # A byte-order mark does not make a web page a table; '<!--' opens a browser's saved page.
    head = data[:512].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(b"%pdf"):
        raise InputError(file, "is a PDF, not a table. " + _SAVE_AS_CSV)
    if head.startswith(_MARKUP_STARTS):
        raise InputError(file, "is a web page or XML, not a table. " + _SAVE_AS_CSV)
    if data.startswith(_XLSX_SIGNATURE):
        raise InputError(file, "is a zip archive, not a text table.")


def _strict(data: bytes, encoding: str, file: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(file, f"is not valid {encoding} text. {_SAVE_AS_CSV}") from error


def _legacy(data: bytes, file: str) -> tuple[str, str]:
    """Decode a non-UTF-8 file: cp1252 unless detection finds a Cyrillic or Greek code page."""
    from charset_normalizer import from_bytes  # noqa: PLC0415 - only legacy files need it

    match = from_bytes(data).best()
    detected = None if match is None else match.encoding
    for encoding in (_OTHER_SCRIPTS.get(detected or ""), "cp1252"):
        if encoding is None:
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(file, "is not text in a known encoding. " + _SAVE_AS_CSV)


def _check_zip(data: bytes, file: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise InputError(file, "is a damaged zip/Excel file. " + _SAVE_AS_CSV) from error
    if inflated > _MAX_XLSX_UNCOMPRESSED:
        raise InputError(file, "inflates to an implausible size for a diary; it was not opened.")
    if "[Content_Types].xml" not in names:
        raise InputError(file, "is a zip archive, not an Excel workbook. " + _SAVE_AS_CSV)

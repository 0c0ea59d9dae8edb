"""Arrow-native reading of *regular* text tables, with the spreadsheet's row numbers.

pyarrow's CSV reader is multi-threaded and about ten times faster than any other reader here,
but its rules for quoted cells are not Python's ``csv`` rules (a quote inside a cell, a quoted
line break). So it reads only *regular* files, where no such rule can matter:

- no quote character at all (so no quoted cell, no quoted line break, no doubled quotes);
- every line as wide as the header (pyarrow refuses a ragged line; the file then falls back).

Empty lines are kept as rows of empty cells (``ignore_empty_lines=False``), so line *n* is still
spreadsheet row *n*, and blank rows are dropped afterwards exactly as the ``csv`` path drops them.
For such a file every line is one record and every cell is the text between delimiters, exactly
what ``csv.reader`` gives. Anything else returns ``None`` and takes the exact path
(``tnprep.ingest.decode``); ``tests/test_arrow_read.py`` reads the whole test corpus both ways
and asserts identical results.
"""

from __future__ import annotations

from typing import Any

import pandas as pd


def line_lengths_may_exceed(text: str | bytes, limit: int) -> bool:
    """False when no line of ``text`` can be longer than ``limit`` characters (checked in C).

    A line longer than ``limit`` holds a whole stretch ``[k·w, (k+1)·w)`` of ``w = limit // 2``
    characters without a newline, so finding a newline in every such stretch proves all lines
    are short; ``True`` means "look line by line".
    """
    width = max(1, limit // 2)
    newline: Any = b"\n" if isinstance(text, bytes) else "\n"
    return any(text.find(newline, start, start + width) < 0 for start in range(0, len(text), width))


def is_regular(text: str) -> bool:
    """True when ``text`` has no quote character (one search in C, no line splitting)."""
    return bool(text) and '"' not in text


def read_regular(
    text: str, delimiter: str, utf8: bytes | memoryview | None = None
) -> tuple[tuple[str, ...], pd.DataFrame] | None:
    """Read a regular text table: (header cells stripped, every body row as written).

    The body is indexed by spreadsheet row number (header = 1), columns ``0…width−1`` in pandas'
    Arrow-backed ``str`` dtype, blank rows still in. ``None`` when the file has a quote or a line
    is wider or narrower than the header. ``utf8`` is ``text.encode("utf-8")`` when the caller
    has it already.
    """
    if not is_regular(text):
        return None
    width = len(_first_line(text).split(delimiter))
    table = _arrow_table(text.encode("utf-8") if utf8 is None else utf8, delimiter, width)
    if table is None:
        return None
    frame = table.to_pandas(types_mapper=_string_dtype)
    frame.columns = pd.RangeIndex(width)
    header = tuple(str(cell).strip() for cell in frame.iloc[0])
    body = frame.iloc[1:]
    body.index = pd.RangeIndex(2, len(frame) + 1).astype("int64")
    return header, body


def filled_rows(body: pd.DataFrame) -> Any:
    """A boolean array: True for each row with a cell holding more than whitespace.

    A row is filled when one of its cells is not all whitespace (Arrow's whitespace, as the
    stripping of every later step). Columns are tested one at a time, each only on the rows still
    blank: in a diary the first column is nearly always filled, so one pass settles every row.
    """
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # type: ignore[import-untyped]  # noqa: PLC0415
    import pyarrow.compute as pc  # type: ignore[import-untyped]  # noqa: PLC0415

    filled = np.zeros(len(body), dtype=bool)
    for position, column in enumerate(body.columns):
        cells = pa.array(body[column].array, type=pa.large_string())
        if not position:  # every row still blank: no positions to gather (~3 MB; issue 15)
            filled[:] = np.asarray(pc.not_equal(pc.utf8_trim_whitespace(cells), ""), dtype=bool)
            continue
        blank = np.flatnonzero(~filled)
        if not len(blank):
            break
        cells = cells.take(pa.array(blank))
        filled[blank] = np.asarray(pc.not_equal(pc.utf8_trim_whitespace(cells), ""), dtype=bool)
    return filled


def _first_line(text: str) -> str:
    ends = [position for position in (text.find("\n"), text.find("\r")) if position >= 0]
    return text[: min(ends)] if ends else text


def _arrow_table(utf8: bytes | memoryview, delimiter: str, width: int) -> Any:
    """A ``pyarrow.Table``: every line as ``width`` strings; ``None`` when pyarrow refuses it.

    Read as ``large_string``, the type pandas' ``str`` dtype holds, so no column is cast again.
    """
    # pandas imports pyarrow already; only its CSV part is new. pyarrow ships no type stubs
    # (the ignore is on filled_rows' import, which mypy meets first).
    import pyarrow as pa  # noqa: PLC0415
    from pyarrow import csv as arrow_csv  # noqa: PLC0415

    names = [f"column{index}" for index in range(width)]
    try:
        return arrow_csv.read_csv(
            pa.py_buffer(utf8),
            read_options=arrow_csv.ReadOptions(column_names=names, use_threads=True),
            parse_options=arrow_csv.ParseOptions(
                delimiter=delimiter, quote_char=False, escape_char=False,
                newlines_in_values=False, ignore_empty_lines=False,
            ),
            convert_options=arrow_csv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()), null_values=[],
                strings_can_be_null=False, quoted_strings_can_be_null=False,
            ),
        )  # fmt: skip
    except (pa.ArrowInvalid, ValueError):
        return None


def _string_dtype(arrow_type: object) -> object:
    """Every column as pandas' ``str`` dtype, the dtype the pandas C reader gives."""
    del arrow_type
    return pd.StringDtype(storage="pyarrow", na_value=float("nan"))

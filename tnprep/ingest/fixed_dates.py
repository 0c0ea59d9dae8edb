"""Date-times of one fixed-width numeric format, read from the column's bytes (issue 15).

``pd.to_datetime(format=…)`` reads ~365,000 cells of a ten-year diary one by one in pandas'
parser (~40 ms). Most diary cells are written in one fixed-width, all-numeric format
('2026-01-02 08:15', '02/01/2026', '02.01.26 08:15:30'): for such a cell the digits sit at
fixed places, so the whole column is read at once in numpy from its UTF-8 bytes.

Only a cell whose bytes are *exactly* the format's shape is read here: a digit where the format
has a number, the very character where it has any other. For such a cell pandas' parser can only
read the same places, and the same checks are made: month 1–12, day within its month (29 February
only in a leap year), hour 0–23, minute 0–59, second 0–61 (60 and 61 carry into the next minute,
as pandas does), a two-digit year 00–68 in the 2000s and 69–99 in the 1900s (Python's rule).
Every other cell (a one-digit day, two spaces, a lower-case 't', a non-ASCII digit) is left to
``pd.to_datetime`` itself. ``tests/test_ingest_fast_paths.py`` checks every value of every field
of every format read here against pandas.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from tnprep.ingest.distinct import ROW_BLOCK, arrow_array

_WIDTHS = {"%Y": 4, "%y": 2, "%m": 2, "%d": 2, "%H": 2, "%M": 2, "%S": 2}
"""The directives read here, and how many digits each is written with."""
_DIGIT_ZERO = ord("0")
_EARLIEST_SECOND = -9_223_372_036
"""The first whole second datetime64[ns] holds (``pd.Timestamp.min`` is 1677-09-21 00:12:43.15)."""
_LATEST_SECOND = 9_223_372_036
"""The last whole second datetime64[ns] holds (``pd.Timestamp.max`` is 2262-04-11 23:47:16.85)."""
_DEFAULTS = {"%Y": 1900, "%m": 1, "%d": 1, "%H": 0, "%M": 0, "%S": 0}
"""What pandas (like ``strptime``) takes for a part the format does not have."""


@dataclass(frozen=True)
class Shape:
    """A format laid out as bytes: where each number is, and which byte is everywhere else."""

    width: int
    """Bytes in a cell of this format."""
    fields: tuple[tuple[str, int, int], ...]
    """(directive, first byte, digits) of each number."""
    literals: tuple[tuple[int, int], ...]
    """(place, byte) of each other character."""


@functools.cache
def shape_of(pattern: str) -> Shape | None:
    """The fixed-width shape of a strptime ``pattern``; ``None`` if it has any other directive.

    A directive may appear once; other characters must be ASCII and not '%'.
    """
    fields: list[tuple[str, int, int]] = []
    literals: list[tuple[int, int]] = []
    place = 0
    for part in re.split(r"(%.)", pattern):
        if part in _WIDTHS:
            fields.append((part, place, _WIDTHS[part]))
            place += _WIDTHS[part]
        elif "%" in part or not part.isascii():
            return None
        else:
            literals.extend((place + offset, ord(char)) for offset, char in enumerate(part))
            place += len(part)
    directives = [name for name, _, _ in fields]
    if not fields or len(set(directives)) < len(directives) or {"%Y", "%y"} <= set(directives):
        return None
    return Shape(place, tuple(fields), tuple(literals))


def read_fixed(text: pd.Series, pattern: str) -> tuple[npt.NDArray[np.bool_], pd.Series] | None:
    """(which cells have the format's exact shape, their date-times) — ``None`` if not readable.

    ``None`` when the pattern is not fixed-width numeric or the column is not held as Arrow
    text. The date-times are datetime64[ns], ``NaT`` where a shaped cell is not a real
    date-time (31 April, hour 24) or lies outside what datetime64[ns] holds; cells without the
    shape are ``NaT`` too and must be read by pandas.

    The rows are read ``ROW_BLOCK`` at a time: each step's arrays (a dozen per block) then stay
    small and are reused from one block to the next, where whole-column arrays took ~35 MB of
    fresh memory for a ten-year diary — most of the cost of a first run being the system
    handing over those pages (issue 15). Only the two results are whole columns.
    """
    shape = shape_of(pattern)
    layout = None if shape is None else _layout(text)
    if shape is None or layout is None:
        return None
    data, bounds, missing = layout
    stamps = np.full(len(text), np.iinfo(np.int64).min, dtype=np.int64)  # NaT
    matched = np.zeros(len(text), dtype=bool)
    for begin in range(0, len(text), ROW_BLOCK):
        end = min(begin + ROW_BLOCK, len(text))
        lengths = np.diff(bounds[begin : end + 1])
        if missing is not None:
            lengths[missing[begin:end]] = 0  # a missing cell has no bytes: no shape has that
        results = (matched[begin:end], stamps[begin:end])
        _read_block(data, bounds[begin:end], lengths, shape, results)
    return matched, pd.Series(stamps.view("datetime64[ns]"), index=text.index, copy=False)


_NO_SECOND = np.iinfo(np.int64).min
"""A shaped cell that is no real date-time, or lies outside datetime64[ns]."""


def _read_block(
    data: npt.NDArray[np.uint8],
    starts: npt.NDArray[np.int64],
    lengths: npt.NDArray[np.int64],
    shape: Shape,
    results: tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64]],
) -> None:
    """Read one block of cells into ``results`` (views of the whole column's two results)."""
    matched, stamps = results
    shaped = np.flatnonzero(lengths == shape.width)
    if not len(shaped):
        return
    grid = _grid(data, starts[shaped], shape.width, len(shaped) == len(lengths))
    fits, seconds = _read_grid(grid, shape)
    matched[shaped] = fits
    stamps[shaped] = np.where(seconds == _NO_SECOND, stamps[shaped], seconds * 10**9)


def _layout(
    text: pd.Series,
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64], npt.NDArray[np.bool_] | None] | None:
    """(UTF-8 bytes, where each cell starts and the last ends, missing cells) — or ``None``.

    ``None`` unless ``text`` is an Arrow text column; the missing cells are ``None`` when
    there are none.
    """
    if not isinstance(text.dtype, pd.StringDtype) or text.dtype.storage != "pyarrow":
        return None
    array = arrow_array(text)
    if str(array.type) not in ("string", "large_string"):
        return None  # another layout (a string view)
    _, offsets, data = array.buffers()
    width = np.int64 if str(array.type).startswith("large") else np.int32
    window = slice(array.offset, array.offset + len(array) + 1)
    bounds = np.frombuffer(offsets, dtype=width)[window].astype(np.int64, copy=False)
    missing = np.asarray(array.is_null(), dtype=bool) if array.null_count else None
    raw = np.zeros(0, dtype=np.uint8) if data is None else np.frombuffer(data, dtype=np.uint8)
    return raw, bounds, missing


def _grid(
    data: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], width: int, every: bool
) -> npt.NDArray[np.uint8]:
    """The shaped cells' bytes as rows of a 2-D array (a view when every cell is shaped)."""
    if every:  # one cell after the other: the bytes already are the grid
        first = int(starts[0])
        grid: npt.NDArray[np.uint8] = data[first : first + len(starts) * width]
        return grid.reshape(len(starts), width)
    gathered: npt.NDArray[np.uint8] = data[starts[:, np.newaxis] + np.arange(width)]
    return gathered


def _read_grid(
    grid: npt.NDArray[np.uint8], shape: Shape
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """(rows of exactly the shape, seconds since 1970 or ``_NO_SECOND``) of each grid row.

    The grid is turned so that each place is one contiguous row of bytes: every test below then
    runs over contiguous memory.
    """
    expected, limit = _template(shape)
    places = np.ascontiguousarray((grid - expected).T)  # a digit's value; 0 for the right byte
    fits = np.ones(len(grid), dtype=bool)
    for place, highest in enumerate(limit):
        fits &= places[place] <= highest  # below '0' wraps round past 9
    parts: dict[str, Any] = {}
    for directive, first, digits in shape.fields:
        number = places[first].astype(np.int32)
        for place in range(first + 1, first + digits):
            number = number * 10 + places[place]
        parts[directive] = number
    return fits, _seconds(parts, fits)


@functools.cache
def _template(shape: Shape) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.uint8]]:
    """(the byte each place is measured from, the most it may exceed it by) of a shape."""
    expected = np.zeros(shape.width, dtype=np.uint8)
    limit = np.zeros(shape.width, dtype=np.uint8)
    for place, byte in shape.literals:
        expected[place] = byte
    for _, first, digits in shape.fields:
        expected[first : first + digits] = _DIGIT_ZERO
        limit[first : first + digits] = 9
    return expected, limit


def _seconds(parts: dict[str, Any], fits: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
    """Seconds since 1970 of each fitting row's parts; ``_NO_SECOND`` where they are none.

    Parts are 32-bit (four digits at most); only the seconds since 1970 need 64 bits.
    """
    year = parts.get("%Y", _DEFAULTS["%Y"])
    if "%y" in parts:
        year = np.where(parts["%y"] <= 68, 2000, 1900) + parts["%y"]
    month, day, hour, minute, second = (
        parts.get(name, _DEFAULTS[name]) for name in ("%m", "%d", "%H", "%M", "%S")
    )
    real = fits & (month >= 1) & (month <= 12)
    first_day, month_days = _month_starts(np.where(real, (year - 1970) * 12 + month - 1, 0))
    real &= (day >= 1) & (day <= month_days)
    real &= (hour <= 23) & (minute <= 59) & (second <= 61)
    clock = np.asarray(hour * 3_600 + minute * 60 + second, dtype=np.int64)
    seconds = (first_day + day - 1) * 86_400 + clock
    real &= (seconds >= _EARLIEST_SECOND) & (seconds <= _LATEST_SECOND)
    return np.where(real, seconds, _NO_SECOND)


def _month_starts(
    months: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(days from 1970 to the month's first day, days in the month) of months counted from 1970.

    Computed once per month between the first and the last (a diary spans a few hundred).
    """
    low = int(months.min()) if len(months) else 0
    high = int(months.max()) if len(months) else 0
    starts = np.arange(low, high + 2).astype("datetime64[M]").astype("datetime64[D]")
    days = starts.astype(np.int64)
    place = months - low
    return days[place], np.diff(days)[place]

"""Dates and times, read with an explicit format cascade — never by pandas guessing.

ISO 8601 comes first, then ``dd.mm.yyyy``, then slash (or dash) dates in the order decided for the
whole file from its data: a first part over 12 means day-first, a second part over 12 month-first.
Each format is tried with ``pd.to_datetime(format=…)`` on the cells still unread, so a cell is
only ever read by a format that matches it exactly (``format="mixed"`` with ``dayfirst`` swaps ISO
dates, and inference from row 1 turns later rows into NaT; STYLE.md habit 5).
Spreadsheet cells holding real dates, times or Excel serial numbers are taken as they are.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from tnprep.ingest.distinct import ROW_BLOCK, remembered, text_layout, text_pieces
from tnprep.ingest.fixed_dates import read_fixed
from tnprep.model import DateOrder, DateOrderSource

_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0 (it counts 1900 as a leap year)
_EARLIEST, _LATEST = pd.Timestamp.min, pd.Timestamp.max  # what datetime64[ns] holds (1677–2262)
_EXCEL_LAST_SERIAL = 106_750  # 2192-04-07: pandas Timedeltas span ~292 years (Excel goes to 9999)
_TIME_PARTS = (
    "%H:%M", "%H:%M:%S", "%H:%M:%S.%f", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p", "%H.%M",
    "%I.%M%p", "%I.%M %p", "%I%p", "%I %p",  # 7.30pm, 7pm: as diaries are typed (session 6)
)  # fmt: skip
_DAY_ZERO = r"^(?:1899-12-3[01]|1900-01-01)[ T]([0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)(?:\.0+)?$"
"""A clock time written on a spreadsheet's day zero (``1899-12-30 19:45:00``)."""
_HOUR_MINUTE = re.compile(r"([01][0-9]|2[0-3])[0-5][0-9]")
"""``0730``: the 24-hour clock without a colon (clinic forms); four digits only, so ``45`` is
never read as 04:05."""
_DAY_FIRST = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d-%m-%y")
_MONTH_FIRST = ("%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y", "%m-%d-%y")
_FIXED = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%d.%m.%y", "%Y%m%d")
_WORDS = ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%d-%b-%Y", "%d-%b-%y")
_SLASH = re.compile(r"^\s*(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})\b")
_SAMPLE_CELLS = 50
# Only after a clock time: a bare "-2026" ending dd-mm-yyyy is a year, not an offset.
_OFFSET = re.compile(r"(:\d{2}(?:\.\d+)?)\s?(?:Z|[+-]\d{2}:?\d{2})$")


@dataclass(frozen=True)
class OrderDecision:
    """How a file's slash dates are read, and why."""

    order: DateOrder | None
    source: DateOrderSource
    day_first_evidence: int
    """Cells whose first part is over 12."""
    month_first_evidence: int
    """Cells whose second part is over 12."""


def decide_order(cells: pd.Series, override: DateOrder | None = None) -> OrderDecision:
    """Decide day-first or month-first for a whole file from its date cells.

    Args:
        cells: The date (or date-time) column; non-text cells are ignored.
        override: The user's choice (``--dayfirst`` / ``--monthfirst``), which always wins.
    """
    day_evidence, month_evidence, slash_dates = _order_evidence(_text(cells))
    if override is not None:
        return OrderDecision(override, DateOrderSource.USER, day_evidence, month_evidence)
    if not slash_dates:
        return OrderDecision(None, DateOrderSource.NOT_NEEDED, 0, 0)
    if day_evidence == month_evidence == 0:
        # Most of the world writes day-first; the issue raised says so and how to override.
        return OrderDecision(DateOrder.DAY_FIRST, DateOrderSource.ASSUMED, 0, 0)
    order = DateOrder.DAY_FIRST if day_evidence >= month_evidence else DateOrder.MONTH_FIRST
    return OrderDecision(order, DateOrderSource.DATA, day_evidence, month_evidence)


def _order_evidence(text: pd.Series) -> tuple[int, int, bool]:
    """(cells whose first part is a day over 12, cells whose second is, whether any is n/n/n)."""
    layout = text_layout(text)
    if layout is not None and not _may_start_slash_date(*layout):
        return 0, 0, False
    parts = text[text.str.contains(r"^\d{1,2}[/-]\d{1,2}[/-]", regex=True)].str.extract(_SLASH)
    parts = parts.dropna()
    first, second = parts[0].astype(int), parts[1].astype(int)
    # Only a part that could be a day (13–31) beside one that could be a month counts as evidence.
    day_evidence = int(((first > 12) & (first <= 31) & (second <= 12)).sum())
    month_evidence = int(((second > 12) & (second <= 31) & (first <= 12)).sum())
    return day_evidence, month_evidence, not parts.empty


_SEPARATORS = (ord("/"), ord("-"))


def _may_start_slash_date(
    data: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> bool:
    """False when no ASCII cell has '/' or '-' as its second or third character.

    'n/n/…' and 'nn/n/…' need one there; a True only means the pattern must look. The cells
    are places in ``data`` (``text_layout``), tested ``ROW_BLOCK`` at a time.
    """
    if not len(data):
        return False  # every cell empty
    last = len(data) - 1  # a place past a short cell is clipped; that cell is not counted
    for begin in range(0, len(starts), ROW_BLOCK):
        first = starts[begin : begin + ROW_BLOCK]
        length = ends[begin : begin + ROW_BLOCK] - first
        second = np.isin(data[np.minimum(first + 1, last)], _SEPARATORS) & (length >= 2)
        third = np.isin(data[np.minimum(first + 2, last)], _SEPARATORS) & (length >= 3)
        if (second | third).any():
            return True
    return False


def parse_dates(cells: pd.Series, order: DateOrder | None, *, with_time: bool) -> pd.Series:
    """Read date (``with_time=False``) or date-time cells; NaT where a cell cannot be read.

    With ``with_time=True`` a cell must carry a time of day: a bare date is not read as midnight.
    """
    result = _native(cells, with_time)
    text = _without_offset(_text(cells))
    for pattern in _likely_first(_date_formats(order, with_time), text[result.isna()]):
        pending = (result.isna() & text.ne("")).to_numpy(dtype=bool)
        if not pending.any():
            break
        unread = text if pending.all() else text[pending]
        if not _could_match(pattern, unread):
            continue
        parsed = read_format(unread, pattern)
        if pending.all():  # the first format of a regular file: no cells to place one by one
            result = parsed.astype("datetime64[ns]")
        else:
            result[pending] = parsed
    return result.astype("datetime64[ns]")


def read_format(text: pd.Series, pattern: str) -> pd.Series:
    """``pd.to_datetime(format=pattern, errors="coerce")`` of stripped cells, within range.

    Cells of a fixed-width numeric format's exact shape are read from the column's bytes
    (``tnprep.ingest.fixed_dates``, the same date-times); only the others meet pandas' parser.
    """
    fixed = read_fixed(text, pattern)
    if fixed is None:
        return _within_range(pd.to_datetime(text, format=pattern, errors="coerce"))
    shaped, stamps = fixed
    if shaped.all():
        return stamps
    others = ~shaped
    stamps[others] = _within_range(pd.to_datetime(text[others], format=pattern, errors="coerce"))
    return stamps


def _within_range(parsed: pd.Series) -> pd.Series:
    """Date-times outside what datetime64[ns] holds become NaT (no test when none can be)."""
    earliest, latest = parsed.min(), parsed.max()
    if pd.notna(earliest) and earliest >= _EARLIEST and latest <= _LATEST:
        return parsed
    return parsed.where(parsed.between(_EARLIEST, _LATEST))


_DIRECTIVES = {
    "%Y": r"\d{4}", "%y": r"\d{1,2}", "%m": r"\d{1,2}", "%d": r"\d{1,2}", "%H": r"\d{1,2}",
    "%I": r"\d{1,2}", "%M": r"\d{1,2}", "%S": r"\d{1,2}", "%f": r"\d{1,9}", "%p": r"[ap]\.?m\.?",
    "%b": r"[^\W\d_]+\.?", "%B": r"[^\W\d_]+",
}  # fmt: skip
"""A loose regular expression per strptime directive: anything the directive reads, and more."""
_FEW_CELLS = 200


def _could_match(pattern: str, cells: pd.Series) -> bool:
    """Whether any of a few cells has the shape of ``pattern``; always True for many cells.

    A rejected row's cell would otherwise meet every one of ~300 formats in pandas (about 1 ms
    each); a shape test in Python skips the formats it cannot possibly fit.
    """
    if len(cells) > _FEW_CELLS:
        return True
    distinct = cells.unique()
    shape = _shape(pattern)
    return any(shape.fullmatch(str(cell)) for cell in distinct)


@functools.cache
def _shape(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(%[A-Za-z])", pattern)
    expression = "".join(
        _DIRECTIVES.get(part, r"\s+" if part == " " else re.escape(part)) for part in parts
    )
    return re.compile(expression, re.IGNORECASE)


def parse_times(cells: pd.Series) -> pd.Series:
    """Read time-of-day cells into timedeltas since midnight; NaT where unreadable."""
    result = pd.Series(pd.NaT, index=cells.index, dtype="timedelta64[ns]")
    native = cells.map(_native_time, na_action="ignore").dropna()
    result[native.index] = pd.to_timedelta(native.astype("float64"), unit="s")
    text = _text(cells)
    for pattern in _TIME_PARTS:
        pending = result.isna() & text.ne("")
        if not pending.any():
            break
        parsed = read_format(text[pending], pattern)  # on 1 January 1900: always in range
        result[pending] = parsed - parsed.dt.normalize()
    unread = result.isna() & text.ne("")
    if unread.any():
        result = _read_leftover_times(text[unread], result)
    return result


def _read_leftover_times(text: pd.Series, result: pd.Series) -> pd.Series:
    """Times no format above read: ``0730``, and a clock on a spreadsheet's day zero.

    A time cell that a spreadsheet or a script wrote as a date-time on its day zero
    (``1899-12-30 19:45:00``: Excel's and LibreOffice's, ``1899-12-31``, ``1900-01-01``) holds
    only its clock time.
    """
    four = text[text.str.fullmatch(_HOUR_MINUTE.pattern).fillna(value=False)]
    parsed = read_format(four, "%H%M")
    result[four.index] = parsed - parsed.dt.normalize()
    zero = text.str.extract(_DAY_ZERO, expand=False).dropna()
    for pattern in ("%H:%M:%S", "%H:%M"):
        pending = zero[result[zero.index].isna()]
        parsed = read_format(pending, pattern)
        result[pending.index] = parsed - parsed.dt.normalize()
    return result


PARTS_OF_DAY = frozenset(
    {"morning", "afternoon", "evening", "night", "noon", "midday", "am", "pm", "pre", "mid",
     "all day", "allday", "early morning", "late evening", "overnight", "daytime", "before noon"}
)  # fmt: skip
"""Times written as a part of the day (Bearable writes pre/am/mid/pm/all day): no clock time."""


def part_of_day(cells: pd.Series) -> pd.Series:
    """True where a cell names a part of the day rather than a clock time."""
    return _text(cells).str.casefold().isin(list(PARTS_OF_DAY))


def _without_offset(text: pd.Series) -> pd.Series:
    """Drop a trailing UTC offset or 'Z', keeping the local clock time as recorded."""
    # Cheap tests in C (a trailing 'Z', or '+hh:mm' / '-hhmm' at the end) pick the candidates;
    # only those meet the exact pattern, which needs a clock time before the offset.
    layout = text_layout(text)
    if layout is not None and not _may_end_with_offset(*layout):
        return text
    candidates = text.str.endswith("Z") | text.str.contains(r"[+-]\d\d:?\d\d$", regex=True)
    if not candidates.any():
        return text
    has_offset = candidates & text.str.contains(
        r":\d\d(?:\.\d+)?\s?(?:Z|[+-]\d\d:?\d\d)$", regex=True
    )
    if not has_offset.any():
        return text
    return text.where(~has_offset, text.str.replace(_OFFSET, r"\1", regex=True))


def _likely_first(patterns: list[str], text: pd.Series) -> list[str]:
    """Order the cascade so formats that read a sample of the cells come first.

    Every format is still tried on whatever remains unread, in the documented order; this only
    saves running dozens of formats that fit no cell over a whole ten-year diary. The common case
    — one format reads the whole sample — stops testing at that format.
    """
    sample = text[text.ne("")].head(_SAMPLE_CELLS)
    if sample.empty:
        return patterns
    fitting: list[str] = []
    for pattern in patterns:
        read = pd.to_datetime(sample, format=pattern, errors="coerce").notna()
        if read.all():
            return [pattern, *fitting, *(other for other in patterns if other not in fitting)]
        if read.any():
            fitting.append(pattern)
    return fitting + [pattern for pattern in patterns if pattern not in fitting]


def _date_formats(order: DateOrder | None, with_time: bool) -> list[str]:
    slash = _MONTH_FIRST if order is DateOrder.MONTH_FIRST else _DAY_FIRST
    dates: Sequence[str] = (*_FIXED, *(slash if order is not None else ()), *_WORDS)
    times = [f"{separator}{part}" for part in _TIME_PARTS for separator in (" ", "T")]
    if with_time:
        return [date + time for date in dates for time in times]
    return [*dates, *(date + time for date in dates for time in times)]


def _text(cells: pd.Series) -> pd.Series:
    """Text cells stripped, with runs of spaces and commas after words folded; others ''."""
    return remembered("date text", cells, _folded_text)


def _folded_text(cells: pd.Series) -> pd.Series:
    """``_text`` computed."""
    if not _all_text(cells):
        cells = cells.where(cells.map(lambda cell: isinstance(cell, str)), "")
    text = cells if isinstance(cells.dtype, pd.StringDtype) else cells.astype("string")
    raw = text_pieces(text)
    untidy_bytes = raw is None or _may_be_untidy(raw)
    ordinal_bytes = raw is None or _may_hold_ordinal(text_pieces(text) or ())
    text = text.fillna("").str.strip()
    # Regex replacement runs per cell in Python; only the cells that need folding pay for it.
    # A test on the column's bytes first skips the cell passes that could change nothing.
    if untidy_bytes:
        untidy = (
            text.str.contains(",", regex=False)
            | text.str.contains("  ", regex=False)
            | text.str.contains("\t", regex=False)
            | text.str.contains("\n", regex=False)
        )
        if untidy.any():
            text = text.where(~untidy, text.str.replace(r"\s*,\s*|\s+", " ", regex=True))
    # Ordinal days ('22nd Sep 2020', 'Sep 1st 2020'): the suffix goes, the day stays.
    if not ordinal_bytes:
        return text
    ordinal = text.str.contains(r"\d(?:st|nd|rd|th)\b", case=False, regex=True)
    if ordinal.any():
        text = text.where(
            ~ordinal, text.str.replace(r"(\d)(?:st|nd|rd|th)\b", r"\1", case=False, regex=True)
        )
    return text


_UNTIDY = (b",", b"  ", b"\t", b"\n")
_NOT_LETTERS = b"0123456789 -:/.+"
_SUFFIXES = (b"st", b"nd", b"rd", b"th")


def _may_be_untidy(pieces: Iterable[bytes]) -> bool:
    """Whether the column's bytes hold a comma, two spaces, a tab or a line break."""
    tail = b""
    for piece in pieces:
        window = tail + piece  # two spaces across two pieces are found too
        if any(mark in window for mark in _UNTIDY):
            return True
        tail = piece[-1:]
    return False


def _may_hold_ordinal(pieces: Iterable[bytes]) -> bool:
    """False when no cell can hold an ordinal suffix: only ASCII, and no 'st', 'nd', 'rd', 'th'.

    Digits, spaces and date punctuation are dropped first (two letters next to each other stay
    next to each other, across pieces too), so a column of numeric dates is tested in one
    short pass. Outside ASCII a case-insensitive match has other spellings ('ſt'), so such a
    column is always tested.
    """
    tail = b""
    for piece in pieces:
        letters = tail + piece.translate(None, _NOT_LETTERS)
        if not letters.isascii():
            return True
        lowered = letters.lower()
        if any(suffix in lowered for suffix in _SUFFIXES):
            return True
        tail = letters[-1:]
    return False


def _may_end_with_offset(
    data: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> bool:
    """Whether an ASCII cell ends with 'Z', '±dddd' or '±dd:dd' (the candidates' own test).

    The cells are places in ``data`` (``text_layout``), tested ``ROW_BLOCK`` at a time.
    """
    return any(
        _ends_with_offset(data, starts[begin : begin + ROW_BLOCK], ends[begin : begin + ROW_BLOCK])
        for begin in range(0, len(starts), ROW_BLOCK)
    )


def _ends_with_offset(
    data: npt.NDArray[np.uint8], starts: npt.NDArray[np.int64], ends: npt.NDArray[np.int64]
) -> bool:
    """``_may_end_with_offset`` of one block of cells."""
    length = ends - starts

    def back(place: int) -> npt.NDArray[np.uint8]:
        # A place before a short cell's start is clipped to 0; that cell is not counted.
        return data[np.maximum(ends - place, 0)]

    def digit(place: int) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = (back(place) - ord("0")) < 10  # below '0' wraps round
        return found

    def sign(place: int) -> npt.NDArray[np.bool_]:
        found: npt.NDArray[np.bool_] = (back(place) == ord("+")) | (back(place) == ord("-"))
        return found

    if not len(data):
        return False  # every cell empty
    zulu = (length >= 1) & (back(1) == ord("Z"))
    plain = (length >= 5) & sign(5) & digit(4) & digit(3) & digit(2) & digit(1)
    colon = (length >= 6) & sign(6) & digit(5) & digit(4) & (back(3) == ord(":")) & digit(2)
    return bool((zulu | plain | (colon & digit(1))).any())


def _native(cells: pd.Series, with_time: bool) -> pd.Series:
    """Spreadsheet cells that already are dates or Excel serial numbers."""
    result = pd.Series(pd.NaT, index=cells.index, dtype="datetime64[ns]")
    if _all_text(cells):
        return result  # a text file: nothing native to take
    stamps = cells.map(_native_stamp, na_action="ignore").dropna()
    if with_time:
        stamps = stamps[stamps != stamps.dt.normalize()] if len(stamps) else stamps
    result[stamps.index] = stamps.astype("datetime64[ns]")
    return result


def _all_text(cells: pd.Series) -> bool:
    """True when every filled cell is a string (always so for CSV; checked in C, not per cell)."""
    return pd.api.types.infer_dtype(cells, skipna=True) in {"string", "empty"}


def _native_stamp(cell: object) -> pd.Timestamp | None:
    if isinstance(cell, dt.datetime | dt.date):
        stamp = pd.Timestamp(cell)
        return stamp if _EARLIEST <= stamp <= _LATEST else None  # year 9999 is not a diary date
    if isinstance(cell, int | float | np.integer | np.floating) and not isinstance(cell, bool):
        serial = float(cell)
        if 1 <= serial <= _EXCEL_LAST_SERIAL:
            return (_EXCEL_EPOCH + pd.to_timedelta(serial, unit="D")).round("s")
    return None


def _native_time(cell: object) -> float | None:
    """Seconds since midnight for an XLSX time cell or day fraction, else ``None``."""
    if isinstance(cell, dt.time):
        return cell.hour * 3600 + cell.minute * 60 + cell.second
    if isinstance(cell, dt.datetime):
        return cell.hour * 3600 + cell.minute * 60 + cell.second
    if isinstance(cell, float | int) and not isinstance(cell, bool) and 0 <= cell < 1:
        return round(float(cell) * 86400)
    return None

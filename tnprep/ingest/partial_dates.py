"""Dates known to the year, the month or the day, as people write them in a treatment history.

Accepted (docs/treatments.md): ``2019``; ``2019-03``, ``2019/03``, ``03/2019``, ``3.2019``;
``March 2019``, ``Mar 2019``, ``Sept. 2019``; ISO dates and date-times (``2019-03-14``,
``2019-03-14T08:00``); ``2019/03/14``; ``14.03.2019`` (always day-first, the European dotted form);
``14 March 2019`` and ``March 14, 2019``; ``14/03/2019`` or ``03/14/2019``; spreadsheet date cells
(``datetime``/``date``) and a whole-number year cell (``2019``).

Slash dates ``nn/nn/yyyy`` are read day-first when the first part is over 12 and month-first when
the second is; when both parts are 12 or less and differ the date is *ambiguous*: it is read only
when the caller passes the order (decided from the rest of the file, or set by the user), never
guessed here. Two-digit years and approximate dates ("about 2019", "spring 2019") are not read.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable

from tnprep.model import DateOrder, PartialDate

MONTHS: dict[str, int] = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
"""English month names and abbreviations → month number."""

EARLIEST_YEAR = 1900
"""Years before this are not plausible treatment dates (and are usually a typing slip)."""
LATEST_YEAR = 2100
"""Years after this are not plausible treatment dates."""

_YEAR = r"(?P<year>\d{4})"
_MONTH_NAME = r"(?P<name>[a-z]+)\.?"
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern)
    for pattern in (
        rf"{_YEAR}",
        rf"{_YEAR}[-/.](?P<month>\d{{1,2}})",
        rf"(?P<month>\d{{1,2}})[-/.]{_YEAR}",
        rf"{_YEAR}-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}}){_TIME}",
        rf"{_YEAR}/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}}){_TIME}",
        rf"(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}{_TIME}",
        rf"{_MONTH_NAME},? {_YEAR}",
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)? {_MONTH_NAME},? {_YEAR}",
        rf"{_MONTH_NAME} (?P<day>\d{{1,2}})(?:st|nd|rd|th)?,? {_YEAR}",
    )
)
_SLASH = re.compile(rf"(?P<first>\d{{1,2}})[/-](?P<second>\d{{1,2}})[/-]{_YEAR}{_TIME}")


def parse_partial_date(value: object, order: DateOrder | None = None) -> PartialDate | None:
    """Read a cell as a date known to the year, month or day.

    Args:
        value: Text as written, or a spreadsheet cell (``datetime``, ``date``, a whole-number year).
        order: How to read an ambiguous slash date such as ``03/04/2019``; without it such a date
            is not read (see ``needs_order``).

    Returns:
        The date at the precision written, or ``None`` when blank, unreadable, impossible
        (31 February) or ambiguous without an order.
    """
    if isinstance(value, dt.datetime | dt.date):
        return _from_date(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_number(value)
    if not isinstance(value, str):
        return None
    text = _normalise(value)
    slash = _SLASH.fullmatch(text)
    if slash is not None:
        return _from_slash(slash, order)
    return next(filter(None, (_from_match(p.fullmatch(text)) for p in _PATTERNS)), None)


def implied_order(value: object) -> DateOrder | None:
    """Return the order an ``nn/nn/yyyy`` date proves (a part over 12), else ``None``."""
    parts = _slash_parts(value)
    if parts is None:
        return None
    first, second = parts
    if first > 12 >= second:
        return DateOrder.DAY_FIRST
    if second > 12 >= first:
        return DateOrder.MONTH_FIRST
    return None


def needs_order(value: object) -> bool:
    """Return True for an ``nn/nn/yyyy`` date that reads differently day-first and month-first."""
    parts = _slash_parts(value)
    if parts is None:
        return False
    first, second = parts
    return first != second and first <= 12 and second <= 12


def order_from_data(cells: Iterable[object]) -> DateOrder | None:
    """Return the order a file's dates prove, when it is needed and only one order is proven.

    Args:
        cells: Every date cell of the file.

    Returns:
        The order when some cell proves it (a part over 12), no cell proves the other, and some
        cell is ambiguous; else ``None`` (nothing to decide, or the file contradicts itself).
    """
    values = list(cells)
    proven = {implied_order(value) for value in values} - {None}
    if len(proven) != 1 or not any(map(needs_order, values)):
        return None
    return proven.pop()


def _normalise(text: str) -> str:
    return " ".join(text.strip().casefold().split())


def _slash_parts(value: object) -> tuple[int, int] | None:
    if not isinstance(value, str):
        return None
    match = _SLASH.fullmatch(_normalise(value))
    if match is None:
        return None
    return int(match["first"]), int(match["second"])


def _from_slash(match: re.Match[str], order: DateOrder | None) -> PartialDate | None:
    first, second = int(match["first"]), int(match["second"])
    decided = implied_order(match.group(0))
    if decided is None and first != second:
        decided = order
    if first == second:
        decided = DateOrder.DAY_FIRST  # 03/03/2019 reads the same either way
    if decided is None:
        return None
    day, month = (first, second) if decided is DateOrder.DAY_FIRST else (second, first)
    return _checked(int(match["year"]), month, day)


def _from_match(match: re.Match[str] | None) -> PartialDate | None:
    if match is None:
        return None
    groups = match.groupdict()
    month = _month_number(groups)
    if month is None:
        return None
    day = int(groups["day"]) if groups.get("day") else None
    return _checked(int(groups["year"]), month or None, day)


def _month_number(groups: dict[str, str | None]) -> int | None:
    """Month of a match: 0 when the pattern has none, ``None`` when a name is not a month."""
    if groups.get("name") is not None:
        return MONTHS.get(groups["name"] or "")
    if groups.get("month") is not None:
        return int(groups["month"] or 0) or None
    return 0


def _checked(year: int, month: int | None, day: int | None) -> PartialDate | None:
    """Return the date when it exists and the year is plausible, else ``None``."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            dt.date(year, month or 0, day)
        except ValueError:
            return None
    return PartialDate(year, month, day)


def _from_date(value: dt.date) -> PartialDate | None:
    # A spreadsheet date cell is exact to the day; its time of day does not matter here.
    return _checked(value.year, value.month, value.day)


def _from_number(value: float) -> PartialDate | None:
    # A whole-number cell is a year typed into a spreadsheet. Other numbers (an Excel day serial
    # in an unformatted cell, 2019.5) are not guessed at.
    if math.isnan(value) or value != int(value):
        return None
    return _checked(int(value), None, None)

"""Dates as the page and the app write them: ``5 Feb 2024``, ``Mar 2019``, ``2019``.

English month abbreviations from a fixed table, not the locale, so the page reads the same in
Europe and the US and the bytes do not depend on the machine. No dependencies: the analysis (a
discussion point's words) and the report (``report.wording``) both use it.
"""

from __future__ import annotations

import datetime as dt

from tnprep.model import PartialDate

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""Month abbreviations, fixed so output never depends on the locale."""


def day_words(date: dt.date) -> str:
    """Return ``5 Feb 2024``."""
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def partial_date_words(date: PartialDate) -> str:
    """Return a partial date at its precision: '2019', 'Mar 2019' or '5 Feb 2024'."""
    if date.month is None or not 1 <= date.month <= 12:
        return f"{date.year}"
    if date.day is None:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"

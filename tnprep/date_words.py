"""Dates as the page and the app write them: ``5 Feb 2024``, ``Mar 2019``, ``2019``.

English month abbreviations from a fixed table, not the locale, so the page reads the same in
Europe and the US and the bytes do not depend on the machine. No dependencies: the analysis (a
discussion point's words) and the report (``report.wording``) both use it.
"""

from __future__ import annotations

import datetime as dt
import re

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


_ISO_DATE = re.compile(r"\b(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\b")


def iso_words(text: str) -> str:
    """Return ``text`` with each ISO date in it written as the page writes dates.

    'baclofen started 2026-10-01' → 'baclofen started 1 Oct 2026'; '2013-07' → 'Jul 2013'. A
    finding's evidence and a before/after's overlapping changes keep ISO dates for the summary
    JSON; the page and the app write them in words, so one page never mixes '2026-10-01' and
    '1 Oct 2026'. Text that is not a valid date is left as written.
    """
    return _ISO_DATE.sub(_iso_match_words, text)


def _iso_match_words(match: re.Match[str]) -> str:
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return match.group(0)
    return partial_date_words(PartialDate(year or 0, month, day))

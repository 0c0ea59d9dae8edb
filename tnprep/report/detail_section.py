"""More of the record, for a page with room: the attack pattern at a finer grain.

Pure, no ReportLab, plain text only. Every field restates figures the ``Summary`` already holds,
finer than the page's other sections give them, and says nothing about them (SPEC *Clinical
voice*): attacks by start hour (the pattern gives four six-hour bands), attacks per calendar year
of a long period (the chart groups its days into bars), every long silence with its dates (the
'Silences' line names the longest), every trigger (the pattern names six). The renderer prints
these fields only in room the page leaves unused (docs/page.md *More of the record*); the
summary JSON holds every figure they restate (``attacks.by_hour``, ``daily``, ``silences``,
``attacks.triggers``) whatever the room.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from tnprep.date_words import MONTHS
from tnprep.model import SilenceRule
from tnprep.report.pattern_section import TOP_TRIGGERS
from tnprep.report.sections import Field
from tnprep.report.wording import day_text, plural
from tnprep.summary import Silence, Summary

YEARS_FROM_DAYS = 730
"""A period this long or longer (two years) gets its attacks per calendar year."""
TITLE = "More of the record (as recorded)"
"""The section's heading."""


def build_detail(summary: Summary) -> tuple[Field, ...]:
    """The fields the page may add in spare room, most useful first; empty when none apply."""
    fields = [
        _by_hour(summary.attacks.by_hour),
        _by_year(summary),
        _silences(summary.silences.runs),
        _triggers(summary),
    ]
    return tuple(field for field in fields if field is not None)


def _by_hour(by_hour: Sequence[int]) -> Field | None:
    """'0 h 14, 1 h 27, …': the attacks that started in each clock hour, when times were recorded.

    Hours with none are left out and said to be ('none at the other hours'), so three attacks are
    not a row of twenty-one zeros.
    """
    if len(by_hour) != 24 or not sum(by_hour):
        return None
    hours = ", ".join(f"{hour} h {count}" for hour, count in enumerate(by_hour) if count)
    if not all(by_hour):
        hours += " (none at the other hours)"
    return Field("Attacks by hour of start", hours)


def _by_year(summary: Summary) -> Field | None:
    """'2004 (from 7 Jan): 30 attacks (291 days in silences); 2005: 28 (310 in silences); …'.

    Days in long silences counted attack-free are named per year (a year inside a silence reads
    '0 (365 in silences)', not as a recorded attack-free year); days without a diary too.
    """
    period = summary.period
    if period.start is None or period.end is None or period.days < YEARS_FROM_DAYS:
        return None
    attacks: Counter[int] = Counter()
    unrecorded: Counter[int] = Counter()
    for day in summary.daily:
        if day.attacks is None:
            unrecorded[day.date.year] += 1
        else:
            attacks[day.date.year] += day.attacks
    silent = _silent_days_per_year(summary)
    parts = []
    for index, year in enumerate(range(period.start.year, period.end.year + 1)):
        days = " days" if index == 0 else ""  # the first entry says what the numbers are
        notes = [f"{silent[year]}{days} in silences"] if silent[year] else []
        notes += [f"{unrecorded[year]}{days} without diary"] if unrecorded[year] else []
        count = plural(attacks[year], "attack") if index == 0 else str(attacks[year])
        noted = f" ({', '.join(notes)})" if notes else ""
        parts.append(f"{_year(year, period.start, period.end)}: {count}{noted}")
    return Field("Attacks per calendar year", "; ".join(parts))


def _silent_days_per_year(summary: Summary) -> Counter[int]:
    """Days of long silences counted attack-free, per calendar year (none when they are gaps)."""
    days: Counter[int] = Counter()
    if summary.silences.rule is not SilenceRule.ATTACK_FREE:
        return days  # counted as gaps: they are the 'days without diary'
    for run in summary.silences.runs:
        day = run.first
        while day <= run.last:
            end = min(run.last, dt.date(day.year, 12, 31))
            days[day.year] += (end - day).days + 1
            day = end + dt.timedelta(days=1)
    return days


def _year(year: int, start: dt.date, end: dt.date) -> str:
    """'2004 (from 7 Jan)', '2021 (to 8 Jan)' or '2010': a partial first or last year says so."""
    if year == start.year and (start.month, start.day) != (1, 1):
        return f"{year} (from {start.day} {MONTHS[start.month - 1]})"
    if year == end.year and (end.month, end.day) != (12, 31):
        return f"{year} (to {end.day} {MONTHS[end.month - 1]})"
    return str(year)


def _silences(runs: Sequence[Silence]) -> Field | None:
    """Every silence with its dates, in date order (the 'Silences' line has the longest)."""
    if len(runs) < 2:
        return None
    spans = "; ".join(f"{_span(run.first, run.last)} ({run.days})" for run in runs)
    return Field("Each silence (days)", spans)


def _span(first: dt.date, last: dt.date) -> str:
    """'12 Feb – 2 Sep 2004', or '6 Oct 2004 – 30 Aug 2005' across a year's end."""
    if first.year == last.year:
        return f"{first.day} {MONTHS[first.month - 1]} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"


def _triggers(summary: Summary) -> Field | None:
    """Every trigger with its count, when the pattern names only the first ``TOP_TRIGGERS``."""
    triggers = summary.attacks.triggers
    if len(triggers) <= TOP_TRIGGERS:
        return None
    return Field("Every trigger", ", ".join(f"{item.name} {item.count}" for item in triggers))

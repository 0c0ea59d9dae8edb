"""Courses from treatment-history rows: spans between partial dates, dose steps, lab values.

A drug written over several rows (a titration, a dose change, a restart) becomes courses: rows
of one drug, by start, join the course before them when they start no later than the day after
that course's last possible end (or while it is ongoing); a later start is a *restart* and opens a
new course. Rows without a start are a course each. Nothing is merged away: every row is a
``DoseStep`` of exactly one course. docs/treatments.md ("The ledger") gives the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from tnprep.ledger_model import AdverseEffect, Course, DaySpan, DoseStep, LabValue, Overlap
from tnprep.model import PartialDate, Treatment

_ONE_DAY = dt.timedelta(days=1)


def day_span(
    start: PartialDate | None, end: PartialDate | None, *, ongoing: bool, today: dt.date
) -> DaySpan | None:
    """Return the days from ``start`` to ``end`` inclusive, bounded by the dates' precision.

    Args:
        start: First day at its recorded precision; ``None`` gives ``None``.
        end: Last day; ``None`` means up to ``today`` when ``ongoing``, else unknown (``None``).
        ongoing: True when the row is still running.
        today: The summary day, the end of an ongoing row.

    Returns:
        The shortest and the longest day count the dates allow (at least 1 day each), equal when
        both ends are known to the day.
    """
    if start is None or (end is None and not ongoing):
        return None
    earliest_end = end.first_day() if end is not None else today
    latest_end = end.last_day() if end is not None else today
    return span_between(start.first_day(), start.last_day(), earliest_end, latest_end)


def span_between(
    earliest_start: dt.date, latest_start: dt.date, earliest_end: dt.date, latest_end: dt.date
) -> DaySpan:
    """Days from a start to an end inclusive, each known only to lie between two days."""
    shortest = max(1, (earliest_end - latest_start).days + 1)
    return DaySpan(shortest, max(shortest, (latest_end - earliest_start).days + 1))


def group_courses(rows: Sequence[Treatment]) -> list[list[Treatment]]:
    """Split one drug's rows into courses (each a list of rows by start; see the module doc)."""
    dated = sorted((row for row in rows if row.start is not None), key=_start_day)
    courses: list[list[Treatment]] = []
    for row in dated:
        if courses and _continues(courses[-1], row):
            courses[-1].append(row)
        else:
            courses.append([row])
    courses += [[row] for row in rows if row.start is None]
    return courses


def _start_day(row: Treatment) -> dt.date:
    return row.start.first_day() if row.start is not None else dt.date.min


def _continues(course: Sequence[Treatment], row: Treatment) -> bool:
    """True when ``row`` starts while the course runs or the day after its last possible end."""
    if any(earlier.end is None and earlier.ongoing for earlier in course):
        return True
    ends = [earlier.end.last_day() for earlier in course if earlier.end is not None]
    return bool(ends) and _start_day(row) <= max(ends) + _ONE_DAY


def build_course(rows: Sequence[Treatment], today: dt.date) -> Course:
    """Return the course of ``rows`` (one drug, by start), without overlaps (added later)."""
    steps = tuple(_step(row, today) for row in rows)
    last = rows[-1]
    ongoing = any(row.ongoing and row.end is None for row in rows)
    end = None if ongoing else _latest_end(rows)
    highest = max((step.mg_per_day for step in steps if step.mg_per_day is not None), default=None)
    return Course(
        steps=steps,
        start=rows[0].start,
        end=end,
        ongoing=ongoing,
        span=_course_span(rows, ongoing=ongoing, today=today),
        highest_mg_per_day=highest,
        days_at_highest=_days_at(steps, highest),
        response=next(filter(None, (response_text(row) for row in reversed(rows))), None),
        stopped_because=None if ongoing else last.stopped_because,
        adverse_effects=adverse_effects(rows),
        overlaps=(),
    )


def _course_span(rows: Sequence[Treatment], *, ongoing: bool, today: dt.date) -> DaySpan | None:
    """First start to last end; each bound is the tightest any row allows (rows are by start)."""
    starts = [row.start for row in rows if row.start is not None]
    ends = [row.end for row in rows if row.end is not None]
    if not starts or (not ongoing and not ends):
        return None
    first, latest = min(s.first_day() for s in starts), min(s.last_day() for s in starts)
    if ongoing:
        return span_between(first, latest, today, today)
    end_first, end_last = max(e.first_day() for e in ends), max(e.last_day() for e in ends)
    return span_between(first, latest, end_first, end_last)


def _step(row: Treatment, today: dt.date) -> DoseStep:
    return DoseStep(
        start=row.start,
        end=row.end,
        ongoing=row.ongoing,
        mg_per_day=row.dose_mg_per_day,
        dose_text=row.dose_text,
        span=day_span(row.start, row.end, ongoing=row.ongoing, today=today),
        file=row.file,
        row=row.row,
    )


def _latest_end(rows: Sequence[Treatment]) -> PartialDate | None:
    ends = [row.end for row in rows if row.end is not None]
    return max(ends, key=PartialDate.last_day) if ends else None


def _days_at(steps: Sequence[DoseStep], highest: float | None) -> DaySpan | None:
    """Total span of the steps at the highest dose; ``None`` when one of them is undated."""
    spans = [step.span for step in steps if highest is not None and step.mg_per_day == highest]
    known = [span for span in spans if span is not None]
    return sum_spans(known) if len(known) == len(spans) else None


def sum_spans(spans: Sequence[DaySpan]) -> DaySpan | None:
    """Spans laid end to end; ``None`` for none."""
    if not spans:
        return None
    return DaySpan(
        sum(span.shortest_days for span in spans), sum(span.longest_days for span in spans)
    )


def response_text(row: Treatment) -> str | None:
    """The response as recorded: 'good', '60 % relief', 'partial, 40 % relief', or ``None``."""
    parts = [row.response.value] if row.response is not None else []
    if row.relief_percent is not None:
        parts.append(f"{row.relief_percent:g} % relief")
    return ", ".join(parts) or None


def adverse_effects(rows: Sequence[Treatment]) -> tuple[AdverseEffect, ...]:
    """Each row's side effects as written (repeats once), with lab values and the row's end."""
    effects: list[AdverseEffect] = []
    for row in rows:
        for text in (row.side_effects, row.complications):
            if text and all(effect.text != text for effect in effects):
                effects.append(AdverseEffect(text, lab_values(text), row.end))
    return tuple(effects)


# Analytes a TN history mentions: sodium (carbamazepine/oxcarbazepine hyponatraemia), liver
# enzymes, blood counts. The number must follow the name; a unit is kept only when written.
_ANALYTES = {
    "sodium": "sodium", "na": "sodium", "serum sodium": "sodium", "alt": "ALT", "ast": "AST",
    "ggt": "GGT", "platelets": "platelets", "platelet": "platelets", "plt": "platelets",
    "wbc": "white cells", "white cells": "white cells", "white cell count": "white cells",
    "neutrophils": "neutrophils", "hb": "haemoglobin", "haemoglobin": "haemoglobin",
    "hemoglobin": "haemoglobin",
}  # fmt: skip
_LAB = re.compile(
    r"\b(?P<name>" + "|".join(sorted(_ANALYTES, key=len, reverse=True)) + r")\+?"
    r"(?:\s*(?:of|was|at|:|=|level))*\s*(?P<value>\d+(?:[.,]\d+)?)"
    r"(?:\s*(?P<unit>mmol/l|mmol|meq/l|u/l|iu/l|g/l|g/dl|x ?10\^?9/l|×10⁹/l))?",
    re.IGNORECASE,
)


def lab_values(text: str) -> tuple[LabValue, ...]:
    """Read lab values such as 'sodium 128', 'Na+ 129 mmol/L', 'ALT 95 U/L' from a text."""
    found = []
    for match in _LAB.finditer(text):
        value = float(match["value"].replace(",", "."))
        unit = match["unit"]
        found.append(
            LabValue(_ANALYTES[match["name"].casefold()], value, unit, match.group(0).strip())
        )
    return tuple(found)


def _bounds(course: Course, today: dt.date) -> tuple[dt.date, dt.date, dt.date, dt.date] | None:
    """(earliest start, latest start, earliest end, latest end) of a dated course."""
    if course.start is None or (course.end is None and not course.ongoing):
        return None
    end_first = course.end.first_day() if course.end is not None else today
    end_last = course.end.last_day() if course.end is not None else today
    return course.start.first_day(), course.start.last_day(), end_first, end_last


def overlap(first: Course, second: Course, today: dt.date) -> bool | None:
    """True when the dates prove the courses overlap, False when they allow it, else ``None``."""
    one, two = _bounds(first, today), _bounds(second, today)
    if one is None or two is None:
        return None
    if max(one[1], two[1]) <= min(one[2], two[2]):
        return True
    if max(one[0], two[0]) <= min(one[3], two[3]):
        return False
    return None


def with_overlaps(
    course: Course, others: Sequence[tuple[str, Course]], today: dt.date
) -> tuple[Overlap, ...]:
    """Other drugs (name, course) overlapping ``course``, certain ones winning, by name."""
    found: dict[str, bool] = {}
    for name, other in others:
        result = overlap(course, other, today)
        if result is not None:
            found[name] = found.get(name, False) or result
    return tuple(Overlap(name, certain) for name, certain in sorted(found.items()))

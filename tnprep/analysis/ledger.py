"""The treatment-resistance ledger: what was tried, how far, how long, with what effect and harm.

``build_ledger`` turns the treatment history into one ``DrugLedger`` per drug (its courses,
highest mg/day and the days at it, time on it, overlaps, the published range, the diary's
before/after comparisons) and one ``ProcedureEntry`` per procedure row, and adds the diary's acute
burden, the intake answers and the facts worth a question. Pure: "today" is a parameter.

Order (SPEC *The page*, issue 11): current treatments first, then first-line drugs, procedures,
add-on drugs, others; within a group the most recent start first. Facts only, never a verdict:
EAN 2019 gives no numeric definition of "refractory".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import pandas as pd

from tnprep.analysis.ledger_burden import acute_burden, facts, intake_items
from tnprep.analysis.ledger_courses import (
    adverse_effects,
    build_course,
    group_courses,
    response_text,
    sum_spans,
    with_overlaps,
)
from tnprep.analysis.treatments import DOSE_RANGES
from tnprep.catalogue import Role, role_of
from tnprep.ledger_model import (
    Course,
    DaySpan,
    DrugLedger,
    Ledger,
    LedgerGroup,
    ProcedureEntry,
)
from tnprep.model import Answers, PartialDate, Treatment, TreatmentCategory
from tnprep.summary import AttackFigures, BeforeAfter, DayFigure, Features, RescueSummary, Summary

PROCEDURE_ROLES = frozenset({Role.SURGICAL, Role.RADIOSURGERY, Role.PERCUTANEOUS})
"""Roles listed in the procedures block (besides anything categorised 'procedure')."""

_GROUP_OF_ROLE = {Role.FIRST_LINE: LedgerGroup.FIRST_LINE, Role.ADJUNCT: LedgerGroup.ADD_ON}


def build_ledger(
    treatments: Sequence[Treatment],
    *,
    attacks: pd.DataFrame,
    daily: Sequence[DayFigure],
    figures: AttackFigures,
    features: Features,
    comparisons: Sequence[BeforeAfter],
    answers: Answers,
    today: dt.date,
    rescue: RescueSummary | None = None,
) -> Ledger:
    """Return the ledger of one patient.

    Args:
        treatments: Every treatment-history row, in any order.
        attacks: The period's attack rows.
        daily: Every period day (``Summary.daily``).
        figures: The period's attack figures (sides for the facts).
        features: The period's TN features (background pain).
        comparisons: The before/after comparisons of ``analysis.before_after``.
        answers: The intake questionnaire.
        today: The summary day: ongoing courses run to it, or to the visit date when that is
            earlier (``counted_to``).
        rescue: The summary's one rescue tally (``analysis.rescue.rescue_summary``); ``None``:
            tallied from every row of ``attacks``.
    """
    procedures = tuple(row for row in treatments if is_procedure(row))
    others = [row for row in treatments if not is_procedure(row)]
    burden = acute_burden(attacks, daily, features, rescue)
    return Ledger(
        drugs=drug_ledgers(others, comparisons, counted_to(answers.visit_date, today)),
        procedures=procedure_entries(procedures),
        burden=burden,
        intake=intake_items(answers),
        facts=facts(figures, burden, answers, procedure_done=bool(procedures)),
    )


def counted_to(visit_date: dt.date | None, today: dt.date) -> dt.date:
    """The day an ongoing course is counted to: the visit date, never later than ``today``.

    ``today`` is the day the summary is made, used alone when no visit date is given.
    A page made after the visit said "since 10 Sep 2026 (85 days)" counted to the day it was made;
    a page made before the visit counts no day that has not happened (docs/treatments.md).
    """
    return today if visit_date is None else min(visit_date, today)


def is_procedure(row: Treatment) -> bool:
    """True for a procedure: category 'procedure' or a surgical, radiosurgical or lesioning role."""
    return row.category is TreatmentCategory.PROCEDURE or role_of(row) in PROCEDURE_ROLES


def drug_ledgers(
    rows: Sequence[Treatment], comparisons: Sequence[BeforeAfter], today: dt.date
) -> tuple[DrugLedger, ...]:
    """One ledger line per drug (canonical name), ordered for the page."""
    by_name: dict[str, list[Treatment]] = {}
    for row in rows:
        by_name.setdefault(row.name.casefold(), []).append(row)
    courses = {key: [build_course(group, today) for group in group_courses(found)]
               for key, found in by_name.items()}  # fmt: skip
    medicines = [(by_name[key][0].name, course) for key, found in courses.items()
                 for course in found if _is_medicine(by_name[key][0])]  # fmt: skip
    ledgers = []
    for key, found in courses.items():
        first = by_name[key][0]
        others = [(name, course) for name, course in medicines if name != first.name]
        dated = [_with(course, others, today) for course in found]
        ledgers.append(_drug(first, dated, comparisons))
    return tuple(sorted(ledgers, key=_drug_order))


def _is_medicine(row: Treatment) -> bool:
    return row.category in {TreatmentCategory.MEDICATION, TreatmentCategory.INJECTION_OR_BLOCK}


def _with(course: Course, others: Sequence[tuple[str, Course]], today: dt.date) -> Course:
    return replace(course, overlaps=with_overlaps(course, others, today))


def _drug(
    first: Treatment, courses: Sequence[Course], comparisons: Sequence[BeforeAfter]
) -> DrugLedger:
    dated = [course for course in courses if course.span is not None]
    highest = max((c.highest_mg_per_day for c in courses if c.highest_mg_per_day is not None),
                  default=None)  # fmt: skip
    at_highest = [c.days_at_highest for c in courses if highest is not None
                  and c.highest_mg_per_day == highest]  # fmt: skip
    latest = courses[-1] if dated else None
    return DrugLedger(
        name=first.name,
        name_as_written=first.name_as_written or first.name,
        category=first.category.value,
        group=_GROUP_OF_ROLE.get(role_of(first) or Role.CLINICAL_TRIAL, LedgerGroup.OTHER),
        courses=tuple(courses),
        current=any(course.ongoing for course in courses),
        first_start=_first_start(dated),
        last_end=None if latest is None or latest.ongoing else _last_end(courses),
        total=_sum([course.span for course in dated]),
        undated_courses=len(courses) - len(dated),
        highest_mg_per_day=highest,
        days_at_highest=None if None in at_highest else _sum(at_highest),
        dose_range=DOSE_RANGES.get(first.name),
        measured=tuple(item for item in comparisons if item.treatment == first.name),
    )


def _first_start(courses: Sequence[Course]) -> PartialDate | None:
    starts = [course.start for course in courses if course.start is not None]
    return min(starts, key=PartialDate.first_day) if starts else None


def _last_end(courses: Sequence[Course]) -> PartialDate | None:
    ends = [course.end for course in courses if course.end is not None]
    return max(ends, key=PartialDate.last_day) if ends else None


def _sum(spans: Sequence[DaySpan | None]) -> DaySpan | None:
    return sum_spans([span for span in spans if span is not None])


def _recency(date: PartialDate | None) -> tuple[bool, int]:
    return (date is None, -date.first_day().toordinal() if date is not None else 0)


_GROUP_RANK = {group: rank for rank, group in enumerate(LedgerGroup)}


def _drug_order(drug: DrugLedger) -> tuple[bool, int, bool, int]:
    latest = drug.courses[-1].start if drug.courses else None
    return (not drug.current, _GROUP_RANK[drug.group], *_recency(latest))


def procedure_entries(rows: Sequence[Treatment]) -> tuple[ProcedureEntry, ...]:
    """One entry per procedure row, most recent first (undated last)."""
    entries = [_procedure(row) for row in rows]
    return tuple(sorted(entries, key=lambda entry: _recency(entry.date)))


def _procedure(row: Treatment) -> ProcedureEntry:
    date = row.start or row.end
    return ProcedureEntry(
        name=row.name,
        name_as_written=row.name_as_written or row.name,
        date=date,
        side=row.side,
        outcome=row.outcome or response_text(row),
        pain_free_until=row.pain_free_until,
        recurrence=row.recurrence,
        pain_free=pain_free_interval(date, row.recurrence or row.pain_free_until),
        complications=adverse_effects([row]),
        notes=row.notes,
        file=row.file,
        row=row.row,
    )


def pain_free_interval(date: PartialDate | None, until: PartialDate | None) -> DaySpan | None:
    """Days from the procedure to the recurrence (or the last pain-free date), both bounded.

    The days are counted *after* the procedure day (a recurrence the next day is 1 day); partial
    dates give the fewest and the most days they allow.
    """
    if date is None or until is None:
        return None
    shortest = max(0, (until.first_day() - date.last_day()).days)
    return DaySpan(shortest, max(shortest, (until.last_day() - date.first_day()).days))


def ledger_from_summary(summary: Summary) -> Ledger:
    """Return the ledger a Summary made without one implies (its treatments, days, features).

    Rescue uses come from the summary's one rescue tally (``Summary.rescue``); everything else
    is as ``build_ledger`` makes it. The page uses it for summaries built without a ledger.
    """
    rows = [item.treatment for item in summary.treatments]
    procedures = tuple(row for row in rows if is_procedure(row))
    features = summary.features
    burden = acute_burden(_NO_ATTACKS, summary.daily, features, summary.rescue)
    burden = replace(
        burden,
        typed_attacks=features.paroxysmal + features.continuous,
        continuous_attacks=features.continuous,
    )
    return Ledger(
        drugs=drug_ledgers(
            [r for r in rows if not is_procedure(r)],
            summary.before_after,
            counted_to(summary.patient.visit_date, summary.generated),
        ),
        procedures=procedure_entries(procedures),
        burden=burden,
        intake=intake_items(summary.patient),
        facts=facts(summary.attacks, burden, summary.patient, procedure_done=bool(procedures)),
    )


_NO_ATTACKS = pd.DataFrame({"rescue": pd.Series([], dtype="string"),
                            "pain_type": pd.Series([], dtype="string")})  # fmt: skip

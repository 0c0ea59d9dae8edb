"""The treatment history as the page lists it, and the dated changes the before/after figures use.

``summarise_treatments`` orders the history (current first, then most recent start) and attaches
the published daily dose range where one exists; ``treatment_changes`` lists starts, stops and
dose changes inside the diary period. Both are pure.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from tnprep.model import PartialDate, Treatment
from tnprep.summary import ChangeKind, DoseRange, TreatmentSummary

EAN_2019 = "EAN guideline on trigeminal neuralgia (Bendtsen et al., Eur J Neurol 2019;26:831–849)"
"""The EAN guideline, the basis of the table below."""

PRACTICAL_NEUROLOGY_2021 = (
    "Lambru, Zakrzewska, Matharu. Trigeminal neuralgia: a practical guide. Pract Neurol "
    "2021;21:392–402, Table 5 (adapted from Bendtsen et al.)"
)
"""Source of every published dose range tnprep prints (verified against the table's text)."""

NICE_CKS_CARBAMAZEPINE = "NICE CKS: carbamazepine up to 1600 mg/day"
"""NICE Clinical Knowledge Summary's maximum for carbamazepine, printed beside the range."""

# Dose ranges of the preventive treatments in Table 5 of Lambru G, Zakrzewska J, Matharu M,
# "Trigeminal neuralgia: a practical guide", Pract Neurol 2021;21:392–402
# (doi:10.1136/practneurol-2020-002782), "adapted from Bendtsen et al." (the EAN 2019 guideline
# authors). Verified against the table's text: carbamazepine 200–1200 mg, oxcarbazepine
# 300–1800 mg, lamotrigine 25–400 mg, gabapentin 300–3600 mg, pregabalin 150–600 mg, baclofen
# 15–90 mg (daily), botulinum toxin type A 25–195 units every 12 weeks. NICE CKS (Trigeminal
# neuralgia) gives carbamazepine "maximum dosage 1600 mg daily". The table has no range for
# phenytoin, eslicarbazepine, fosphenytoin or lidocaine, so none is printed for them.
# Ranges are shown as sourced facts beside the dose, never as limits or judgements.
DOSE_RANGES: dict[str, DoseRange] = {
    "carbamazepine": DoseRange(
        200.0, 1200.0, PRACTICAL_NEUROLOGY_2021, note=NICE_CKS_CARBAMAZEPINE
    ),
    "oxcarbazepine": DoseRange(300.0, 1800.0, PRACTICAL_NEUROLOGY_2021),
    "lamotrigine": DoseRange(25.0, 400.0, PRACTICAL_NEUROLOGY_2021),
    "gabapentin": DoseRange(300.0, 3600.0, PRACTICAL_NEUROLOGY_2021),
    "pregabalin": DoseRange(150.0, 600.0, PRACTICAL_NEUROLOGY_2021),
    "baclofen": DoseRange(15.0, 90.0, PRACTICAL_NEUROLOGY_2021),
    "botulinum toxin A": DoseRange(
        25.0, 195.0, PRACTICAL_NEUROLOGY_2021, unit="units per session (every 12 weeks)"
    ),
}
"""Canonical catalogue name → published range (mg/day unless ``unit`` says otherwise)."""

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class TreatmentChange:
    """A dated change in the treatment history inside the diary period."""

    treatment: str
    """Canonical name of the treatment (as written when the catalogue does not know it)."""
    change: ChangeKind
    """Start, stop or dose change."""
    date: dt.date
    """The day of the change (always known to the day)."""


def summarise_treatments(treatments: Sequence[Treatment]) -> tuple[TreatmentSummary, ...]:
    """Order the history for the page and attach published dose ranges.

    Args:
        treatments: Every treatment row, in any order.

    Returns:
        Current (ongoing) treatments first, then the others; within each group the most recent
        start first (a partial start counts from its first possible day) and unknown starts
        last; ties keep the input order.
    """
    ordered = sorted(treatments, key=_page_order)
    return tuple(_summary(treatment) for treatment in ordered)


def treatment_changes(
    treatments: Sequence[Treatment], first_day: dt.date, last_day: dt.date
) -> tuple[TreatmentChange, ...]:
    """List the starts, stops and dose changes known to the day inside ``[first_day, last_day]``.

    A row is a *dose change* of the previous row of the same treatment (by start) when it starts
    on or after that row's start, before or the day after that row's end (or that row is
    ongoing), and both give a different mg/day; it is then not also a start, and the previous
    row's end is not a stop. A continuation at the same or an unknown dose gives no change. Dates
    known only to the month or year are skipped: the before/after windows need the day.

    Args:
        treatments: Every treatment row, in any order.
        first_day: First day of the diary period.
        last_day: Last day of the diary period (inclusive).

    Returns:
        Changes sorted by date, keeping input order on the same day.
    """
    continued = _continuations(treatments)
    changes: list[TreatmentChange] = []
    for index, treatment in enumerate(treatments):
        previous = continued.get(index)
        if previous is None:
            changes += _dated(treatment, ChangeKind.START, treatment.start)
        elif _dose_differs(treatments[previous], treatment):
            changes += _dated(treatment, ChangeKind.DOSE_CHANGE, treatment.start)
        # A one-day treatment (a procedure: start = end) is a start, not also a stop.
        if index not in continued.values() and treatment.end != treatment.start:
            changes += _dated(treatment, ChangeKind.STOP, treatment.end)
    inside = (change for change in changes if first_day <= change.date <= last_day)
    return tuple(sorted(inside, key=lambda change: change.date))


def _page_order(treatment: Treatment) -> tuple[bool, bool, int]:
    start = treatment.start
    recency = -start.first_day().toordinal() if start is not None else 0
    return (not treatment.ongoing, start is None, recency)


def _summary(treatment: Treatment) -> TreatmentSummary:
    dose_range = DOSE_RANGES.get(treatment.name)
    dose = treatment.dose_mg_per_day
    outside = None
    if dose_range is not None and dose is not None and dose_range.unit == "mg/day":
        outside = not dose_range.low_mg <= dose <= dose_range.high_mg
    return TreatmentSummary(treatment=treatment, dose_range=dose_range, outside_range=outside)


def _continuations(treatments: Sequence[Treatment]) -> dict[int, int]:
    """Map the index of each row that continues an earlier row of the same drug to that row."""
    by_name: dict[str, list[int]] = {}
    for index, treatment in enumerate(treatments):
        if treatment.start is not None:
            by_name.setdefault(treatment.name.casefold(), []).append(index)
    continued: dict[int, int] = {}
    for indexes in by_name.values():
        ordered = sorted(indexes, key=lambda index: _start_day(treatments[index]))
        for previous, current in itertools.pairwise(ordered):
            if _continues(treatments[previous], treatments[current]):
                continued[current] = previous
    return continued


def _continues(previous: Treatment, current: Treatment) -> bool:
    """True when ``current`` starts while ``previous`` runs (or the day after it ends)."""
    start = _start_day(current)
    if previous.end is None:
        return previous.ongoing
    return start <= previous.end.last_day() + _ONE_DAY


def _start_day(treatment: Treatment) -> dt.date:
    return treatment.start.first_day() if treatment.start is not None else dt.date.min


def _dose_differs(previous: Treatment, current: Treatment) -> bool:
    before, after = previous.dose_mg_per_day, current.dose_mg_per_day
    return before is not None and after is not None and before != after


def _dated(
    treatment: Treatment, change: ChangeKind, when: PartialDate | None
) -> list[TreatmentChange]:
    if when is None or not when.is_exact:
        return []
    return [TreatmentChange(treatment.name, change, when.first_day())]

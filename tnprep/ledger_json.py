"""Ledger → the ``ledger`` object of the summary JSON (docs/summary-json.md, *ledger*).

Dates keep their recorded precision (``2019``, ``2019-03``, ``2019-03-14``); a length of time is
``{"shortest_days", "longest_days"}`` (equal when both ends were known to the day); unknowns are
``null``. The key was added without changing any existing key, so the schema stays
``tnprep.summary/1`` and files written before it stay readable (they simply lack ``ledger``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from tnprep.ledger_model import (
    AcuteBurden,
    AdverseEffect,
    Course,
    DaySpan,
    DoseStep,
    DrugLedger,
    Ledger,
    ProcedureEntry,
)
from tnprep.model import PartialDate
from tnprep.summary import BeforeAfter, DoseRange

JsonObject = dict[str, object]
"""A JSON object ready for ``json.dumps``."""


def ledger_json(ledger: Ledger, measured: Callable[[BeforeAfter], JsonObject]) -> JsonObject:
    """Return the ``ledger`` object.

    Args:
        ledger: The patient's ledger.
        measured: How a before/after comparison is written (``summary_json.before_after_json``),
            so ``drugs[].measured[]`` has exactly the keys of the top-level ``before_after[]``.
    """
    return {
        "drugs": [drug_json(drug, measured) for drug in ledger.drugs],
        "procedures": [procedure_json(entry) for entry in ledger.procedures],
        "acute_burden": burden_json(ledger.burden),
        "intake": {item.item: item.answer for item in ledger.intake},
        "facts": [{"kind": fact.kind.value, "text": fact.text} for fact in ledger.facts],
    }


def drug_json(drug: DrugLedger, measured: Callable[[BeforeAfter], JsonObject]) -> JsonObject:
    """One drug over all its courses."""
    return {
        "name": drug.name,
        "name_as_written": drug.name_as_written,
        "category": drug.category,
        "group": drug.group.value,
        "current": drug.current,
        "first_start": _partial(drug.first_start),
        "last_end": _partial(drug.last_end),
        "total": span_json(drug.total),
        "undated_courses": drug.undated_courses,
        "highest_mg_per_day": _float(drug.highest_mg_per_day),
        "days_at_highest": span_json(drug.days_at_highest),
        "dose_range": _dose_range(drug.dose_range),
        "courses": [course_json(course) for course in drug.courses],
        "measured": [measured(item) for item in drug.measured],
    }


def course_json(course: Course) -> JsonObject:
    """One uninterrupted course."""
    return {
        "start": _partial(course.start),
        "end": _partial(course.end),
        "ongoing": course.ongoing,
        "length": span_json(course.span),
        "highest_mg_per_day": _float(course.highest_mg_per_day),
        "days_at_highest": span_json(course.days_at_highest),
        "response": course.response,
        "stopped_because": course.stopped_because,
        "adverse_effects": [effect_json(effect) for effect in course.adverse_effects],
        "overlaps": [
            {"name": overlap.name, "certain": overlap.certain} for overlap in course.overlaps
        ],
        "steps": [step_json(step) for step in course.steps],
    }


def step_json(step: DoseStep) -> JsonObject:
    """One history row inside a course."""
    return {
        "start": _partial(step.start),
        "end": _partial(step.end),
        "ongoing": step.ongoing,
        "dose": step.dose_text,
        "mg_per_day": _float(step.mg_per_day),
        "length": span_json(step.span),
        "file": step.file,
        "row": step.row,
    }


def effect_json(effect: AdverseEffect) -> JsonObject:
    """A side effect or complication as written, with its date and lab values."""
    return {
        "text": effect.text,
        "when": _partial(effect.when),
        "lab_values": [
            {"name": lab.name, "value": lab.value, "unit": lab.unit, "as_written": lab.as_written}
            for lab in effect.lab_values
        ],
    }


def procedure_json(entry: ProcedureEntry) -> JsonObject:
    """One procedure with its outcome, pain-free interval and recurrence."""
    return {
        "name": entry.name,
        "name_as_written": entry.name_as_written,
        "date": _partial(entry.date),
        "side": entry.side,
        "outcome": entry.outcome,
        "pain_free_until": _partial(entry.pain_free_until),
        "recurrence": _partial(entry.recurrence),
        "pain_free": span_json(entry.pain_free),
        "complications": [effect_json(effect) for effect in entry.complications],
        "notes": entry.notes,
        "file": entry.file,
        "row": entry.row,
    }


def burden_json(burden: AcuteBurden) -> JsonObject:
    """The period's acute burden."""
    return {
        "attacks": burden.attacks,
        "attacks_with_rescue": burden.attacks_with_rescue,
        "rescues": [
            {
                "name": use.name,
                "uses": use.uses,
                "helpful": use.helpful,
                "somewhat": use.somewhat,
                "unhelpful": use.unhelpful,
            }
            for use in burden.rescues
        ],
        "longest_attack_free_run": burden.longest_attack_free_run,
        "attack_free_run_start": _date(burden.attack_free_run_start),
        "typed_attacks": burden.typed_attacks,
        "continuous_attacks": burden.continuous_attacks,
        "background_pain_days": burden.background_pain_days,
        "background_pain_recorded_days": burden.background_pain_recorded_days,
    }


def span_json(span: DaySpan | None) -> JsonObject | None:
    """``{"shortest_days", "longest_days"}`` or ``null``."""
    if span is None:
        return None
    return {"shortest_days": span.shortest_days, "longest_days": span.longest_days}


def _dose_range(dose_range: DoseRange | None) -> JsonObject | None:
    if dose_range is None:
        return None
    return {
        "low": _float(dose_range.low_mg),
        "high": _float(dose_range.high_mg),
        "unit": dose_range.unit,
        "source": dose_range.source,
        "note": dose_range.note,
    }


def _partial(value: PartialDate | None) -> str | None:
    return None if value is None else value.iso()


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _float(value: float | None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return float(value)

"""SinceLastVisit → the summary JSON's ``since_last_visit`` object (docs/summary-json.md).

It also carries the visit series forward: the next visit's comparison reads ``visits`` back
(``tnprep.ingest.previous``), so one earlier summary is enough to draw every earlier visit.
"""

from __future__ import annotations

import datetime as dt
import math

from tnprep.visits import (
    EarlierQuestion,
    FigureChange,
    LeftOut,
    Overlap,
    PreviousVisit,
    SinceLastVisit,
    TreatmentChangeSince,
    VisitPoint,
)

JsonObject = dict[str, object]
"""A JSON object ready for ``json.dumps``."""


def since_json(since: SinceLastVisit | None) -> JsonObject | None:
    """The ``since_last_visit`` object; ``null`` when no earlier summary was given."""
    if since is None:
        return None
    return {
        "status": since.status.value,
        "previous": _previous(since.previous),
        "identity_checked": since.identity_checked,
        "overlap": _overlap(since.overlap),
        "figures": [_figure(figure) for figure in since.figures],
        "treatment_changes": [_change(change) for change in since.treatment_changes],
        "earlier_questions": [_question(question) for question in since.earlier_questions],
        "visits": [_point(point) for point in since.visits],
        "left_out": [_left_out(item) for item in since.left_out],
    }


def _previous(visit: PreviousVisit | None) -> JsonObject | None:
    if visit is None:
        return None
    return {
        "file": visit.file,
        "schema": visit.schema,
        "visit_date": _date(visit.visit_date),
        "generated": _date(visit.generated),
        "period": {
            "start": _date(visit.period_start),
            "end": _date(visit.period_end),
            "days": visit.days,
            "days_recorded": visit.days_recorded,
        },
        "figure_rules": list(visit.rules.rules),
        "figure_rules_stated": visit.rules.stated,
    }


def _overlap(overlap: Overlap | None) -> JsonObject | None:
    if overlap is None:
        return None
    return {
        "first_day": overlap.first_day.isoformat(),
        "last_day": overlap.last_day.isoformat(),
        "days": overlap.days,
    }


def _figure(figure: FigureChange) -> JsonObject:
    return {
        "key": figure.key,
        "label": figure.label,
        "then": _value(figure.then),
        "now": _value(figure.now),
        "direction": figure.direction.value,
        "then_date": _date(figure.then_date),
        "now_date": _date(figure.now_date),
        "not_compared": list(figure.not_compared),
    }


def _change(change: TreatmentChangeSince) -> JsonObject:
    return {
        "treatment": change.treatment,
        "change": change.change.value,
        "date": change.date,
        "then_dose": change.then_dose,
        "now_dose": change.now_dose,
    }


def _question(question: EarlierQuestion) -> JsonObject:
    return {"question": question.question, "asked_again": question.asked_again}


def _point(point: VisitPoint) -> JsonObject:
    return {
        "date": point.date.isoformat(),
        "file": point.file,
        "per_recorded_day": _value(point.per_recorded_day),
        "intensity_max": _value(point.intensity_max),
        "phq9": point.phq9,
    }


def _left_out(item: LeftOut) -> JsonObject:
    return {"file": item.file, "reason": item.reason}


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _value(value: float | str | None) -> float | int | str | None:
    """Numbers as numbers (a whole one as an integer), BNI grades as text, unknown ``null``."""
    if value is None or isinstance(value, str):
        return value
    if not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else float(value)

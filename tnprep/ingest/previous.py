"""An earlier tnprep summary JSON, read back: bytes → ``PreviousVisit``, or a clear refusal.

Accepted: an object whose ``schema`` is ``tnprep.summary/N`` with N no newer than this tnprep
writes. Older versions are read (a key they lack is unknown, ``null``), keys tnprep does not
know are ignored. Anything else — not JSON, damaged JSON, another program's JSON, a key of the
wrong type — is refused whole with one plain sentence (``InputError``): a figure is never
guessed from a damaged file. The comparison itself is in ``tnprep.analysis.since``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Sequence

from tnprep.ingest.previous_rules import DamagedError as _DamagedError
from tnprep.ingest.previous_rules import read_rules
from tnprep.issues import InputError
from tnprep.summary import SCHEMA
from tnprep.visits import (
    LeftOut,
    PreviousReading,
    PreviousScore,
    PreviousTreatment,
    PreviousVisit,
    VisitPoint,
)

MAX_BYTES = 50_000_000
"""Larger files are refused: a ten-year summary is a few megabytes."""
_SCHEMA = re.compile(r"tnprep\.summary/(\d+)")
_NEWEST = int(SCHEMA.rsplit("/", 1)[1])


def read_previous_visits(sources: Sequence[tuple[str, bytes]]) -> PreviousReading:
    """Read every earlier summary; a file that cannot be read is listed as left out, with why."""
    visits: list[PreviousVisit] = []
    left_out: list[LeftOut] = []
    for name, data in sources:
        try:
            visits.append(read_previous(data, name))
        except InputError as error:
            left_out.append(LeftOut(name, error.reason))
    return PreviousReading(tuple(visits), tuple(left_out))


def read_previous(data: bytes, file: str) -> PreviousVisit:
    """Return the earlier summary in ``data``.

    Raises:
        InputError: not a tnprep summary, written by a newer tnprep, or damaged.
    """
    document = _document(data, file)
    schema = document.get("schema")
    match = _SCHEMA.fullmatch(schema) if isinstance(schema, str) else None
    if match is None:
        raise InputError(file, "not a tnprep summary (no 'tnprep.summary/N' schema); not compared.")
    if int(match.group(1)) > _NEWEST:
        raise InputError(
            file, f"written by a newer tnprep ({schema}); update tnprep to compare with it."
        )
    try:
        return _visit(document, file, str(schema))
    except _DamagedError as error:
        raise InputError(file, f"damaged summary: {error}; not compared.") from error


def _document(data: bytes, file: str) -> dict[str, object]:
    if len(data) > MAX_BYTES:
        raise InputError(file, "too large for a tnprep summary; not compared.")
    try:
        # tnprep writes UTF-8; an editor may have re-saved it with a BOM or as UTF-16.
        text = data.decode("utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig")
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise InputError(file, "damaged or not JSON; it is not compared.") from error
    if not isinstance(document, dict):
        raise InputError(file, "not a tnprep summary (not a JSON object); not compared.")
    return document


def _visit(document: dict[str, object], file: str, schema: str) -> PreviousVisit:
    patient, period = _object(document, "patient"), _object(document, "period")
    attacks, scores = _object(document, "attacks"), _object(document, "scores")
    visit_date = _date(patient, "visit_date", "patient.")
    generated = _date(document, "generated", "")
    own_date = visit_date or generated
    return PreviousVisit(
        file=file,
        schema=schema,
        name=_text(patient, "name", "patient."),
        date_of_birth=_date(patient, "date_of_birth", "patient."),
        visit_date=visit_date,
        generated=generated,
        period_start=_date(period, "start", "period."),
        period_end=_date(period, "end", "period."),
        days=_integer(period, "days", "period."),
        days_recorded=_integer(period, "days_recorded", "period."),
        attacks_total=_integer(attacks, "total", "attacks."),
        per_recorded_day=_number(attacks, "per_recorded_day", "attacks."),
        attack_free_days=_integer(attacks, "attack_free_days", "attacks."),
        intensity_median=_number(attacks, "intensity_median", "attacks."),
        intensity_max=_number(attacks, "intensity_max", "attacks."),
        phq9=_score(scores, "phq9", own_date),
        gad7=_score(scores, "gad7", own_date),
        bni_pain=_text(scores, "bni_pain", "scores."),
        bni_numbness=_text(scores, "bni_numbness", "scores."),
        treatments=tuple(_treatment(item, index) for index, item in _items(document, "treatments")),
        questions=tuple(_question(item, index) for index, item in _items(document, "questions")),
        earlier_points=_earlier_points(document),
        rules=read_rules(document),
    )


def _object(parent: dict[str, object], key: str, path: str = "") -> dict[str, object]:
    """A sub-object; a missing or null one reads as empty (an older summary may lack it)."""
    value = parent.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _DamagedError(f"'{path}{key}' is not an object")
    return value


def _items(parent: dict[str, object], key: str, path: str = "") -> list[tuple[int, object]]:
    value = parent.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise _DamagedError(f"'{path}{key}' is not a list")
    return list(enumerate(value))


def _text(parent: dict[str, object], key: str, path: str) -> str | None:
    value = parent.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _DamagedError(f"'{path}{key}' is not text")


def _number(parent: dict[str, object], key: str, path: str) -> float | None:
    value = parent.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _DamagedError(f"'{path}{key}' is not a number")
    return float(value)


def _integer(parent: dict[str, object], key: str, path: str) -> int | None:
    value = parent.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _DamagedError(f"'{path}{key}' is not a whole number")
    return value


def _date(parent: dict[str, object], key: str, path: str) -> dt.date | None:
    value = _text(parent, key, path)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise _DamagedError(f"'{path}{key}' is not a date (YYYY-MM-DD)") from error


def _score(scores: dict[str, object], key: str, own_date: dt.date | None) -> PreviousScore | None:
    if scores.get(key) is None:
        return None
    score = _object(scores, key, "scores.")
    path = f"scores.{key}."
    return PreviousScore(
        score=_integer(score, "score", path),
        band=_text(score, "band", path),
        answered=_integer(score, "answered", path),
        # A score's own date (a later schema may give the administration date) wins.
        date=_date(score, "date", path) or own_date,
    )


def _treatment(item: object, index: int) -> PreviousTreatment:
    path = f"treatments[{index}]."
    if not isinstance(item, dict):
        raise _DamagedError(f"'treatments[{index}]' is not an object")
    name = _text(item, "name", path)
    if not name:
        raise _DamagedError(f"'{path}name' is missing")
    ongoing = item.get("ongoing", False)
    if not isinstance(ongoing, bool):
        raise _DamagedError(f"'{path}ongoing' is not true or false")
    return PreviousTreatment(
        name=name,
        start=_text(item, "start", path),
        end=_text(item, "end", path),
        ongoing=ongoing,
        dose=_text(item, "dose", path),
        dose_mg_per_day=_number(item, "dose_mg_per_day", path),
    )


def _question(item: object, index: int) -> str:
    if not isinstance(item, str):
        raise _DamagedError(f"'questions[{index}]' is not text")
    return item


def _earlier_points(document: dict[str, object]) -> tuple[VisitPoint, ...]:
    """The visit series that summary carried (its own comparison), so the series grows."""
    since = _object(document, "since_last_visit")
    points = []
    for index, item in _items(since, "visits", "since_last_visit."):
        path = f"since_last_visit.visits[{index}]."
        if not isinstance(item, dict):
            raise _DamagedError(f"'since_last_visit.visits[{index}]' is not an object")
        date = _date(item, "date", path)
        if date is None:
            continue
        points.append(
            VisitPoint(
                date=date,
                per_recorded_day=_number(item, "per_recorded_day", path),
                intensity_max=_number(item, "intensity_max", path),
                phq9=_integer(item, "phq9", path),
                file=_text(item, "file", path),
            )
        )
    return tuple(points)

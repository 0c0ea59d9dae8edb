"""Treatment changes between two visits, for ``tnprep.analysis.since`` (pure).

Dated changes (known to the day, after the earlier visit up to this one) come from the current
history by the same rule as the before/after figures (``analysis.treatments.treatment_changes``);
a treatment current in one summary's list and not the other's, or current in both at another
dose, is added from the two lists (as each summary was) when no dated change already says so.
"""

from __future__ import annotations

import datetime as dt

from tnprep.analysis.treatments import treatment_changes
from tnprep.model import Treatment
from tnprep.summary import ChangeKind, Summary
from tnprep.visits import PreviousVisit, TreatmentChangeKind, TreatmentChangeSince

_CHANGE_KINDS = {
    ChangeKind.START: TreatmentChangeKind.STARTED,
    ChangeKind.STOP: TreatmentChangeKind.STOPPED,
    ChangeKind.DOSE_CHANGE: TreatmentChangeKind.DOSE_CHANGED,
}
_ONE_DAY = dt.timedelta(days=1)


def treatment_changes_since(
    visit: PreviousVisit, summary: Summary, until: dt.date
) -> tuple[TreatmentChangeSince, ...]:
    """Starts, stops and dose changes between the two visits.

    Dated changes (known to the day, after the earlier visit up to this one) come from the
    current history; a treatment current in one list and not the other, or current in both at a
    different dose, is added from the lists when no dated change already says so.
    """
    history = tuple(item.treatment for item in summary.treatments)
    dated = _dated_changes(history, visit.date, until)
    said = {(change.treatment.casefold(), change.change) for change in dated}
    listed = [
        change
        for change in _list_changes(visit, history)
        if (change.treatment.casefold(), change.change) not in said
    ]
    return (*dated, *listed)


def _dated_changes(
    history: tuple[Treatment, ...], since: dt.date | None, until: dt.date
) -> list[TreatmentChangeSince]:
    if since is None or since >= until:
        return []
    changes = []
    for change in treatment_changes(history, since + _ONE_DAY, until):
        kind = _CHANGE_KINDS[change.change]
        then_dose, now_dose = (None, None)
        if kind is TreatmentChangeKind.DOSE_CHANGED:
            then_dose, now_dose = _doses_around(history, change.treatment, change.date)
        changes.append(
            TreatmentChangeSince(
                change.treatment, kind, change.date.isoformat(), then_dose, now_dose
            )
        )
    return changes


def _doses_around(history: tuple[Treatment, ...], name: str, day: dt.date) -> tuple[str, str]:
    """The dose before and from ``day`` for a dose change of ``name``."""
    rows = sorted(
        (row for row in history if row.name == name and row.start is not None),
        key=lambda row: row.start.first_day() if row.start else dt.date.min,
    )
    index = next(i for i, row in enumerate(rows) if row.start and row.start.first_day() == day)
    before = rows[index - 1] if index > 0 else None
    return (
        _dose_words(before.dose_mg_per_day, before.dose_text) if before else "?",
        _dose_words(rows[index].dose_mg_per_day, rows[index].dose_text),
    )


def _dose_words(mg_per_day: float | None, text: str | None) -> str:
    if mg_per_day is not None:
        return f"{mg_per_day:g} mg/day"
    return text or "dose not given"


def _list_changes(
    visit: PreviousVisit, history: tuple[Treatment, ...]
) -> list[TreatmentChangeSince]:
    then = _current_by_name(
        [(t.name, t.dose_mg_per_day, t.dose, t.start, t.end, t.ongoing) for t in visit.treatments]
    )
    now = _current_by_name(
        [
            (
                t.name,
                t.dose_mg_per_day,
                t.dose_text,
                t.start.iso() if t.start else None,
                t.end.iso() if t.end else None,
                t.ongoing,
            )
            for t in history
        ]
    )
    changes = []
    for key in sorted(set(then) | set(now)):
        before, after = then.get(key), now.get(key)
        if before and not after:
            changes.append(
                TreatmentChangeSince(
                    before[0], TreatmentChangeKind.STOPPED, _last_end(history, key)
                )
            )
        elif after and not before:
            changes.append(TreatmentChangeSince(after[0], TreatmentChangeKind.STARTED, after[2]))
        elif before and after and before[1] != after[1]:
            changes.append(
                TreatmentChangeSince(
                    after[0], TreatmentChangeKind.DOSE_CHANGED, after[2], before[1], after[1]
                )
            )
    return changes


_Row = tuple[str, float | None, str | None, str | None, str | None, bool]


def _current_by_name(rows: list[_Row]) -> dict[str, tuple[str, str, str | None]]:
    """Ongoing treatments by name: (name, dose words, latest start as written)."""
    current: dict[str, tuple[str, str, str | None]] = {}
    for name, mg_per_day, dose, start, _end, ongoing in rows:
        if ongoing:
            earlier = current.get(name.casefold())
            if earlier is None or (start or "") >= (earlier[2] or ""):
                current[name.casefold()] = (name, _dose_words(mg_per_day, dose), start)
    return current


def _last_end(history: tuple[Treatment, ...], key: str) -> str | None:
    ends = [row.end for row in history if row.name.casefold() == key and row.end is not None]
    return max(ends).iso() if ends else None

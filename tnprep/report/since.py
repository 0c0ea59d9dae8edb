"""The 'Since <date>' strip: what changed since the last visit's summary, as plain text.

Pure, no ReportLab. Each figure is written then → now with an arrow *and* a word (never colour
alone); the direction is a fact ('lower'), never a judgement ('better'). An earlier summary that
was left out is named first. See docs/page.md, *Since the last visit*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tnprep.analysis.since import question_key
from tnprep.model import PartialDate
from tnprep.report.wording import day_text, number_text, partial_date_text, plural
from tnprep.summary import Summary
from tnprep.visits import (
    Direction,
    FigureChange,
    Overlap,
    PreviousVisit,
    SinceLastVisit,
    SinceStatus,
    TreatmentChangeKind,
    TreatmentChangeSince,
)

_ARROWS = {
    Direction.HIGHER: "↑ higher",
    Direction.LOWER: "↓ lower",
    Direction.SAME: "= same",
    Direction.NOT_COMPARABLE: "not comparable",
}


@dataclass(frozen=True)
class SinceCell:
    """One figure: its label, 'then → now', and the direction in words."""

    label: str
    values: str
    """E.g. '8.59 → 6.6'."""
    change: str
    """E.g. '↓ lower', or '↓ lower (7 Sep → 2 Nov 2026)' for a score."""


@dataclass(frozen=True)
class SinceStrip:
    """The strip as plain values; the renderer keeps it whole (it ranks right after safety)."""

    title: str
    """'Since 7 Sep 2026 (last visit)'."""
    left_out: tuple[str, ...]
    """One line per earlier summary not used, drawn bold and first."""
    source: str
    """Which summary, its visit and period; the overlap when there is one."""
    cells: tuple[SinceCell, ...]
    lines: tuple[str, ...]
    """Treatment changes, earlier questions, identity note."""


def build_since_strip(summary: Summary) -> SinceStrip | None:
    """Return the strip, or ``None`` when no earlier summary was given."""
    since = summary.since
    if since is None:
        return None
    left_out = tuple(f"Left out: {item.file} — {item.reason}" for item in since.left_out)
    visit = since.previous
    if visit is None:
        return SinceStrip("Since the last visit: not compared", left_out, "", (), ())
    title = f"Since {day_text(visit.date)} (last visit)"
    if since.status is SinceStatus.NO_CHANGE:
        source = f"{_source(visit)} It covers the same period with the same figures: no change."
        return SinceStrip(title + ": no change", left_out, source, (), _identity(since))
    return SinceStrip(
        title=title,
        left_out=left_out,
        source=_source(visit) + _overlap_text(since.overlap),
        cells=tuple(_cell(figure) for figure in since.figures),
        lines=(
            _treatments_line(since.treatment_changes),
            _questions_line(since),
            *_identity(since),
        ),
    )


def _source(visit: PreviousVisit) -> str:
    period = "no diary period"
    if visit.period_start and visit.period_end:
        period = f"period {day_text(visit.period_start)} – {day_text(visit.period_end)}"
        if visit.days is not None and visit.days_recorded is not None:
            period += f", {visit.days_recorded} of {visit.days} days recorded"
    return f"Then = {visit.file} ({period}); now = this page. Each as its own summary computed it."


def _overlap_text(overlap: Overlap | None) -> str:
    if overlap is None:
        return ""
    return (
        f" The periods share {plural(overlap.days, 'day')} ({day_text(overlap.first_day)} – "
        f"{day_text(overlap.last_day)}): counted in each, never added together."
    )


def _cell(figure: FigureChange) -> SinceCell:
    label = figure.label
    unit = " %" if figure.key == "attack_free_percent" else ""
    values = f"{_value(figure.then, unit)} → {_value(figure.now, unit)}"
    change = _ARROWS[figure.direction]
    if figure.then_date is not None and figure.now_date is not None:
        change += f" ({_short_day(figure.then_date)} → {day_text(figure.now_date)})"
    return SinceCell(label, values, change)


def _value(value: float | str | None, unit: str) -> str:
    if isinstance(value, str):
        return value
    return "–" if value is None else number_text(value, unit)


def _short_day(date: dt.date) -> str:
    """'7 Sep' (the year follows in the 'now' date)."""
    return day_text(date).rsplit(" ", 1)[0]


_CHANGE_WORDS = {
    TreatmentChangeKind.STARTED: "started",
    TreatmentChangeKind.STOPPED: "stopped",
    TreatmentChangeKind.DOSE_CHANGED: "dose changed",
}


def _treatments_line(changes: tuple[TreatmentChangeSince, ...]) -> str:
    if not changes:
        return "Treatments: no start, stop or dose change recorded between the visits."
    return "Treatments: " + "; ".join(_change_text(change) for change in changes) + "."


def _change_text(change: TreatmentChangeSince) -> str:
    text = f"{change.treatment} {_CHANGE_WORDS[change.change]}"
    if change.date:
        text += f" {_iso_text(change.date)}"
    if change.then_dose or change.now_dose:
        text += f" ({change.then_dose or '?'} → {change.now_dose or '?'})"
    return text


def _iso_text(iso: str) -> str:
    """A partial ISO date ('2026-09', '2026-09-24') in the page's words."""
    parts = iso.split("-")
    if not 1 <= len(parts) <= 3 or not all(part.isdigit() for part in parts):
        return iso
    numbers = [int(part) for part in parts]
    month = numbers[1] if len(numbers) > 1 else None
    day = numbers[2] if len(numbers) > 2 else None
    return partial_date_text(PartialDate(numbers[0], month, day))


def _questions_line(since: SinceLastVisit) -> str:
    earlier = since.earlier_questions
    if not earlier:
        return "Earlier questions: none were listed last time."
    again = sum(question.asked_again for question in earlier)
    text = f"Earlier questions: {again} of {len(earlier)} asked again"
    if again:
        text += " (marked 'asked before' in the questions)"
    if again < len(earlier):
        text += f"; {len(earlier) - again} not asked again (listed in the app and the summary JSON)"
    return text + "."


def _identity(since: SinceLastVisit) -> tuple[str, ...]:
    if since.identity_checked:
        return ()
    return ("Name and date of birth could not be compared (missing on one side).",)


def mark_asked_before(summary: Summary) -> tuple[str, ...]:
    """The patient's questions, each asked at the last visit too marked '(asked before)'."""
    since = summary.since
    if since is None or since.previous is None:
        return summary.questions
    earlier = {question_key(question.question) for question in since.earlier_questions}
    return tuple(
        f"{question} (asked before)" if question_key(question) in earlier else question
        for question in summary.questions
    )

"""The 'Since <date>' strip: what changed since the last visit's summary, as plain text.

Pure, no ReportLab. Each figure is written then → now with an arrow *and* a word (never colour
alone); the direction is a fact ('lower'), never a judgement ('better'). An earlier summary that
was left out is named first. See docs/page.md, *Since the last visit*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tnprep.analysis.since import current_date, question_key
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

NBSP = "\u00a0"
"""Keeps an arrow with its word, and 'then → now' on one line, when a cell wraps."""
_ARROWS = {
    Direction.HIGHER: f"↑{NBSP}higher",
    Direction.LOWER: f"↓{NBSP}lower",
    Direction.SAME: f"={NBSP}same",
    Direction.NOT_COMPARABLE: f"not{NBSP}comparable",
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
    not_compared: tuple[str, ...] = ()
    """One line per reason naming the figures not compared because the two summaries made them
    under different rules ('Not compared — Attacks per recorded day; …: the last summary …'),
    then the figures neither summary has ('Recorded in neither summary: BNI pain; PHQ-9.')."""


def build_since_strip(summary: Summary) -> SinceStrip | None:
    """Return the strip, or ``None`` when no earlier summary was given."""
    since = summary.since
    if since is None:
        return None
    left_out = tuple(f"Left out: {item.file} — {item.reason}" for item in since.left_out)
    visit = since.previous
    if visit is None:
        return SinceStrip("Since the last visit: not compared", left_out, "", (), ())
    title = f"Since {day_text(visit.date)} — last visit's summary {visit.file}"
    if since.status is SinceStatus.NO_CHANGE:
        source = f"{_source(visit)} Same period, same figures as now: no change."
        return SinceStrip(title, left_out, source, (), _identity(since))
    now = current_date(summary)
    return SinceStrip(
        title=title,
        left_out=left_out,
        source=_source(visit) + _overlap_text(since.overlap),
        cells=tuple(
            _cell(figure, visit.date, now)
            for figure in since.figures
            if not figure.not_compared and not _in_neither(figure)
        ),
        lines=(
            _treatments_line(since.treatment_changes),
            _questions_line(since),
            *_identity(since),
        ),
        not_compared=(
            *not_compared_lines(since.figures),
            *filter(None, [_in_neither_line(since.figures)]),
        ),
    )


def not_compared_lines(figures: tuple[FigureChange, ...]) -> tuple[str, ...]:
    """The figures made under different rules, grouped by why, in the strip's order.

    Labels are joined with ';' because a label may hold a comma ('Attack-free days, % of
    recorded'). docs/page.md *Since the last visit*.
    """
    groups: dict[tuple[str, ...], list[str]] = {}
    for figure in figures:
        if figure.not_compared:
            groups.setdefault(figure.not_compared, []).append(figure.label)
    return tuple(
        f"Not compared — {'; '.join(labels)}: {'; '.join(reasons)}."
        for reasons, labels in groups.items()
    )


def _in_neither(figure: FigureChange) -> bool:
    return figure.then is None and figure.now is None


def _in_neither_line(figures: tuple[FigureChange, ...]) -> str:
    """'Recorded in neither summary: BNI pain; PHQ-9.' — one line, not a '– → –' cell each.

    Bearable's strip was six cells of '– → – not comparable' (no 0–10 pain, no BNI, no
    questionnaire then or now): clutter that read like six findings.
    """
    labels = [figure.label for figure in figures if _in_neither(figure) and not figure.not_compared]
    return f"Recorded in neither summary: {'; '.join(labels)}." if labels else ""


def _source(visit: PreviousVisit) -> str:
    period = "no diary period"
    if visit.period_start and visit.period_end:
        period = _span(visit.period_start, visit.period_end)
        if visit.days is not None and visit.days_recorded is not None:
            period += f", {visit.days_recorded} of {visit.days} days recorded"
    return f"Then: {period}."


def _span(first: dt.date, last: dt.date) -> str:
    """'1 Jul – 6 Sep 2026' (the year once when both days share it)."""
    start = day_text(first)
    if first.year == last.year:
        start = start.rsplit(" ", 1)[0]
    return f"{start} – {day_text(last)}"


def _overlap_text(overlap: Overlap | None) -> str:
    if overlap is None:
        return " Each figure as its own summary computed it."
    return (
        f" Shared with now: {plural(overlap.days, 'day')} "
        f"({_span(overlap.first_day, overlap.last_day)}), each summary's own count."
    )


def _cell(figure: FigureChange, then: dt.date | None, now: dt.date) -> SinceCell:
    """A score's dates are written only when they are not the two visits' dates."""
    unit = f"{NBSP}%" if figure.key == "attack_free_percent" else ""
    values = f"{_value(figure.then, unit)}{NBSP}→{NBSP}{_value(figure.now, unit)}"
    change = _ARROWS[figure.direction]
    dates = (figure.then_date, figure.now_date)
    if None not in dates and dates != (then, now):
        change += f" ({day_text(figure.then_date)} → {day_text(figure.now_date)})"
    return SinceCell(figure.label, values, change)


def _value(value: float | str | None, unit: str) -> str:
    if isinstance(value, str):
        return value
    return "–" if value is None else number_text(value, unit)


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
        text += " (marked 'asked before' below)"
    if again < len(earlier):
        text += f"; {len(earlier) - again} not asked again (in the app and the summary JSON)"
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
        # the mark never breaks across lines (a no-break space inside it)
        f"{question} (asked{NBSP}before)" if question_key(question) in earlier else question
        for question in summary.questions
    )

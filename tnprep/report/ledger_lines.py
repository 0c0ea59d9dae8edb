"""The ledger in words: one plain-text line per drug or procedure.

Pure, no ReportLab. Facts only (SPEC *Clinical voice*): "reached 600 of 200–1200 mg/day for
9 weeks" puts a recorded dose beside a published range and says nothing about it. Lengths of time
come from ``DaySpan``: exact ones as days, weeks, months or years; ones bounded by partial dates
as "13–15 months", or "≈ 13 months" when both bounds round alike (docs/treatments.md). The
acute-burden line is ``burden_lines``; its ``burden_text`` is re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tnprep.date_words import iso_words
from tnprep.ledger_model import (
    AdverseEffect,
    Course,
    DaySpan,
    DrugLedger,
    Ledger,
    LedgerGroup,
    ProcedureEntry,
)
from tnprep.report.burden_lines import burden_text
from tnprep.report.wording import day_text, number_text, partial_date_text
from tnprep.sources import PRACT_NEUROL_2021_TABLE_5_SHORT
from tnprep.summary import BeforeAfter, ChangeKind, DoseRange, Verdict

__all__ = [
    "DAYS_PER_MONTH",
    "LedgerLine",
    "burden_text",
    "drug_line",
    "effect_text",
    "ledger_lines",
    "procedure_line",
    "range_text",
    "ranges_note",
    "span_text",
    "verdict_text",
]

DAYS_PER_MONTH = 365.25 / 12
"""Average month length used to write long spans in months."""


@dataclass(frozen=True)
class LedgerLine:
    """One ledger line of the page: a name (drawn bold) and the facts after it."""

    name: str
    """'Oxcarbazepine (current)', 'Microvascular decompression, right'."""
    text: str
    current: bool
    first_look: bool = False
    """Current, first-line or a procedure: what a facial-pain clinic reads first (issue 11)."""
    brief: str = ""
    """The line in one phrase for 'Also tried' when the page has no room for the whole line:
    'Lamotrigine (3 Feb 2020 – 31 Jan 2021, 25 → 50 → 100 → 200 mg/day, 40 % relief, stopped:
    not enough relief)' — dates, the doses in order, response, why it stopped, side effects."""


def ledger_lines(ledger: Ledger) -> tuple[LedgerLine, ...]:
    """Current drugs first, then first-line drugs, procedures, add-ons and others (issue 11)."""
    current = [drug_line(drug) for drug in ledger.drugs if drug.current]
    earlier = [drug for drug in ledger.drugs if not drug.current]
    first_line = [drug_line(drug) for drug in earlier if drug.group is LedgerGroup.FIRST_LINE]
    procedures = [procedure_line(entry) for entry in ledger.procedures]
    rest = [drug_line(drug) for drug in earlier if drug.group is not LedgerGroup.FIRST_LINE]
    return (*current, *first_line, *procedures, *rest)


_CHANGE_NOUNS = {
    ChangeKind.START: "start",
    ChangeKind.STOP: "stop",
    ChangeKind.DOSE_CHANGE: "dose change",
}


def verdict_text(item: BeforeAfter) -> str:
    """What the comparison may claim, after its head: 'too early to compare (days 15–42 after; …)'.

    A number only when the verdict allows a claim (docs/figures.md *Before and after*).
    """
    first = (item.after.first_day - item.date).days
    last = (item.after.last_day - item.date).days
    if item.verdict is Verdict.TOO_EARLY:
        reason = "radiosurgery latency" if item.rule == "radiosurgery" else "window not over"
        return f"too early to compare (days {first}–{last} after; {reason})"
    if item.verdict is Verdict.OVERLAPPING:
        changes = "; ".join(iso_words(change) for change in item.overlapping)
        return f"overlapping change ({changes}) — no figure claimed"
    if item.verdict is Verdict.NOT_ENOUGH_DATA:
        return "not enough diary around the change (under 14 recorded days a side)"
    before, after = item.before, item.after
    return (
        f"{number_text(before.per_recorded_day)} → {number_text(after.per_recorded_day)} "
        f"attacks per recorded day (28 days before → days {first}–{last} after; "
        f"{before.days_recorded}/{after.days_recorded} days recorded)"
    )


def _measured_text(item: BeforeAfter, drug_name: str) -> str:
    """'dose change 24 Sep 2026: too early to compare (…)', folded into the drug's own line.

    An overlap that is only this drug's own other change is not repeated: the line shows it.
    """
    head = f"{_CHANGE_NOUNS[item.change]} {day_text(item.date)}"
    own = all(change.casefold().startswith(drug_name) for change in item.overlapping)
    if item.verdict is Verdict.OVERLAPPING and own:
        return f"{head}: overlapping change, no figure claimed"
    return f"{head}: {verdict_text(item)}"


def span_text(span: DaySpan | None) -> str:
    """'12 days', '9 weeks', '10 months', '2.5 years'; bounded: '13–15 months', '≈ 13 months'."""
    if span is None:
        return "length unknown"
    if span.exact:
        return _length(span.shortest_days, _unit(span.longest_days))
    unit = _unit(span.longest_days)
    low, high = _amount(span.shortest_days, unit), _amount(span.longest_days, unit)
    if low == high:
        return f"≈ {_length(span.longest_days, unit)}"
    return f"{low}–{high} {unit}"


def _unit(days: int) -> str:
    if days <= 120:
        return "weeks" if days >= 14 else "days"
    return "months" if days <= 730 else "years"


def _amount(days: int, unit: str) -> str:
    if unit == "days":
        return str(days)
    if unit == "weeks":
        return str(round(days / 7))
    if unit == "months":
        return str(max(1, round(days / DAYS_PER_MONTH)))
    return number_text(round(days / 365.25, 1))


def _length(days: int, unit: str) -> str:
    if unit == "weeks" and days % 7:
        unit = "days"  # an exact 66 days is not rounded to weeks
    amount = _amount(days, unit)
    return f"{amount} {unit[:-1] if amount == '1' else unit}"


def drug_line(drug: DrugLedger) -> LedgerLine:
    """'Carbamazepine' + 'reached 600 of 200–1200 mg/day for 12–14 months; 2 courses: …'."""
    parts = [_reached(drug)] if drug.highest_mg_per_day is not None else []
    if len(drug.courses) > 1:
        parts.append(f"{len(drug.courses)} courses, {span_text(drug.total)} in all")
    parts += [_course_text(course, drug) for course in drug.courses]
    if drug.measured:
        measured = "; ".join(_measured_text(item, drug.name.casefold()) for item in drug.measured)
        parts.append(f"diary before/after — {measured}")
    name = drug.name_as_written if drug.name_as_written.casefold() != drug.name else drug.name
    name = name[:1].upper() + name[1:]
    if drug.current:
        name += " (current)"
    first_look = drug.current or drug.group is LedgerGroup.FIRST_LINE
    brief = _brief(name, [_course_brief(course) for course in drug.courses])
    text = "; ".join(part for part in parts if part)
    return LedgerLine(name, text, drug.current, first_look, brief)


def _brief(name: str, details: Sequence[str]) -> str:
    """'Name (details; details)', or the name alone when nothing is recorded."""
    shown = "; ".join(detail for detail in details if detail)
    return f"{name} ({shown})" if shown else name


def _course_brief(course: Course) -> str:
    """One course in a phrase: dates, every dose in order, response, why it stopped, effects."""
    steps = _distinct([step.mg_per_day for step in course.steps if step.mg_per_day is not None])
    details = [_dates(course)]
    if steps:
        details.append(" → ".join(number_text(mg) for mg in steps) + " mg/day")
    if course.response:
        details.append(course.response)
    details.append(_stopped(course, dated=False))
    return ", ".join(detail for detail in details if detail)


def _reached(drug: DrugLedger) -> str:
    highest = number_text(drug.highest_mg_per_day)
    dose_range = drug.dose_range
    at = f" for {span_text(drug.days_at_highest)}" if drug.days_at_highest else ""
    if dose_range is None or dose_range.unit != "mg/day":
        return f"reached {highest} mg/day{at}"
    return f"reached {highest} of {range_text(dose_range)}{at}"


def range_text(dose_range: DoseRange) -> str:
    """'200–1200 mg/day*': the published range, starred to the source line under the ledger."""
    low, high = number_text(dose_range.low_mg), number_text(dose_range.high_mg)
    return f"{low}–{high} {dose_range.unit}*"


def _course_text(course: Course, drug: DrugLedger) -> str:
    dates = _dates(course)
    steps = [step.mg_per_day for step in course.steps if step.mg_per_day is not None]
    doses = " → ".join(number_text(mg) for mg in _distinct(steps))
    same = len(drug.courses) == 1 and course.span == drug.days_at_highest
    details = [dates if same else f"{dates} ({span_text(course.span)})"]
    if doses and (len(drug.courses) > 1 or len(set(steps)) > 1):
        details.append(f"{doses} mg/day")
    overlaps = [overlap.name for overlap in course.overlaps if overlap.certain]
    if overlaps:
        details.append("alongside " + ", ".join(overlaps))
    if course.response:
        details.append(course.response)
    details.append(_stopped(course))
    return ", ".join(detail for detail in details if detail)


def _distinct(values: Sequence[float]) -> list[float]:
    """Doses in order, repeats in a row shown once (200 → 400 → 400 is 200 → 400)."""
    return [value for index, value in enumerate(values) if index == 0 or values[index - 1] != value]


def _dates(course: Course) -> str:
    start = partial_date_text(course.start) if course.start else "start not given"
    if course.ongoing:
        return f"since {start}"
    if course.end is None:
        return f"{start} – end not given"
    if course.end == course.start:
        return start
    return f"{start} – {partial_date_text(course.end)}"


def _stopped(course: Course, *, dated: bool = True) -> str:
    texts = [effect_text(effect) if dated else effect.text for effect in course.adverse_effects]
    effects = "; ".join(texts)
    reason = course.stopped_because
    if reason and reason.casefold() == "side effects" and effects:
        return f"stopped for side effects: {effects}"
    parts = [f"stopped: {reason}"] if reason else []
    if effects:
        parts.append(f"side effects: {effects}")
    return ", ".join(parts)


def effect_text(effect: AdverseEffect) -> str:
    """'hyponatraemia (sodium 128), dizziness (Mar 2019)': as written, with the row's date."""
    when = f" ({partial_date_text(effect.when)})" if effect.when is not None else ""
    return f"{effect.text}{when}"


def procedure_line(entry: ProcedureEntry) -> LedgerLine:
    """'Microvascular decompression, right' + '18 Mar 2021: pain-free; recurrence May 2022 …'."""
    name = entry.name_as_written[:1].upper() + entry.name_as_written[1:]
    if entry.side:
        name += f", {entry.side}"
    when = partial_date_text(entry.date) if entry.date else "date not given"
    parts = [f"{when}: {entry.outcome}" if entry.outcome else when]
    if entry.pain_free_until is not None:
        parts.append(f"pain-free until {partial_date_text(entry.pain_free_until)}")
    if entry.recurrence is not None:
        parts.append(f"recurrence {partial_date_text(entry.recurrence)}")
    if entry.pain_free is not None:
        parts.append(f"pain-free interval {span_text(entry.pain_free)}")
    if entry.complications:
        parts.append("complications: " + "; ".join(e.text for e in entry.complications))
    if entry.notes and entry.recurrence is None and entry.pain_free_until is None:
        parts.append(f"notes: {entry.notes}")  # the patient's words, never parsed
    brief = _brief(name, [", ".join(parts[:3])])  # date and outcome, recurrence or pain-free
    return LedgerLine(name, "; ".join(parts), current=False, first_look=True, brief=brief)


def ranges_note(ledger: Ledger) -> str | None:
    """The source line for the starred ranges, when a line shows one."""
    shown = [drug.dose_range for drug in ledger.drugs
             if drug.dose_range is not None and drug.highest_mg_per_day is not None
             and drug.dose_range.unit == "mg/day"]  # fmt: skip
    if not shown:
        return None
    notes = sorted({dose_range.note for dose_range in shown if dose_range.note})
    text = f"* Range: {PRACT_NEUROL_2021_TABLE_5_SHORT}"
    return text + "".join(f"; {note}" for note in notes) + "."

"""The safety block's words: PHQ-9 item 9, then earlier adverse effects in a current drug class.

SPEC *The page*: safety has the highest priority — PHQ-9 item 9, then earlier serious adverse
effects of a drug class the patient takes now or may be offered. The block is printed first
after the header, in full; it is never cut under "+N more". Pure, plain text, no ReportLab.
"""

from __future__ import annotations

from dataclasses import dataclass

from tnprep.analysis.discussion_words import ITEM9_WORDS
from tnprep.catalogue import DrugClass
from tnprep.model import PartialDate
from tnprep.report import wording
from tnprep.report.wording import partial_date_text
from tnprep.summary import SafetyEvent, SafetyNote, Summary

_CLASS_TITLES = {
    DrugClass.SODIUM_LOWERING: "Low sodium recorded before",
    DrugClass.SERIOUS_RASH: "Rash / skin reaction recorded before",
}


@dataclass(frozen=True)
class Safety:
    """The safety block: the item 9 alert (or its blank) and one line per drug class."""

    alert: str | None
    """PHQ-9 item 9 above 0, or left unanswered; drawn white on black. ``None`` otherwise."""
    lines: tuple[str, ...]
    """One line per drug class with a recorded class adverse effect, value and dates."""

    @property
    def empty(self) -> bool:
        """True when there is nothing to show (the block is then left out)."""
        return self.alert is None and not self.lines


def build_safety(summary: Summary) -> Safety:
    """Return the safety block for ``summary``."""
    return Safety(alert=item9_alert(summary), lines=tuple(map(note_line, summary.safety)))


def item9_alert(summary: Summary) -> str | None:
    """SPEC *Scores*: item 9 above 0 is always flagged; item 9 unanswered is flagged too."""
    phq9 = summary.scores.phq9
    if phq9 is None:
        return None
    if phq9.item9 is not None and phq9.item9 > 0:
        answer = wording.PHQ9_ANSWERS[min(phq9.item9, 3)]
        return f"PHQ-9 item 9 = {phq9.item9} ({answer}): {ITEM9_WORDS}. Please ask about it today."
    earlier = _earlier_item9(summary)
    if earlier is not None:
        return earlier
    if phq9.item9_unanswered:
        return (
            f"PHQ-9 item 9 not answered — ask ({ITEM9_WORDS}); "
            f"{phq9.answered} of 9 items answered. A blank is not a 0."
        )
    return None


def _earlier_item9(summary: Summary) -> str | None:
    """Item 9 above 0 in any other PHQ-9 the files hold (or the merged answers) is flagged too."""
    patient = summary.patient
    for administration in patient.administrations:
        value = administration.items[8] if administration.scale == "phq9" else None
        if value is not None and value > 0:
            when = wording.day_text(administration.date) if administration.date else "undated"
            return (
                f"PHQ-9 item 9 = {value} in {administration.file} ({when}): {ITEM9_WORDS}. "
                "Please ask about it today."
            )
    merged = patient.phq9[8] if len(patient.phq9) == 9 else None
    if merged is not None and merged > 0:
        answer = wording.PHQ9_ANSWERS[min(merged, 3)]
        return f"PHQ-9 item 9 = {merged} ({answer}): {ITEM9_WORDS}. Please ask about it today."
    return None


def note_line(note: SafetyNote) -> str:
    """'Low sodium recorded before (class: …): Carbamazepine 2018 – Mar 2019: …. Taken now: …'."""
    events = "; ".join(_event_text(event) for event in note.events)
    now = ", ".join(note.taken_now) if note.taken_now else "no drug of this class"
    return (
        f"{_CLASS_TITLES[note.drug_class]} (class: {', '.join(note.members)}): {events}. "
        f"Taken now: {now}."
    )


def _event_text(event: SafetyEvent) -> str:
    dates = _dates(event.start, event.end)
    value = f" [{event.value}]" if event.value and event.value not in event.recorded else ""
    return f"{event.treatment} ({dates}): {event.recorded}{value}"


def _dates(start: str | None, end: str | None) -> str:
    first = _partial(start)
    last = _partial(end) if end is not None else "now"
    return first if first == last else f"{first} – {last}"


def _partial(iso: str | None) -> str:
    if iso is None:
        return "?"
    parts = [int(part) for part in iso.split("-")]
    return partial_date_text(PartialDate(*parts))

"""The safety block's words: PHQ-9 item 9, then earlier adverse effects in a current drug class.

SPEC *The page*: safety has the highest priority — PHQ-9 item 9, then earlier serious adverse
effects of a drug class the patient takes now or may be offered. The block is printed first
after the header, in full; it is never cut under "+N more". Pure, plain text, no ReportLab.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tnprep.analysis.care import answer_age
from tnprep.analysis.discussion_words import ITEM9_WORDS
from tnprep.analysis.item9 import LaterBlank, flagged_item9, later_blank_item9
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
    """SPEC *Scores*: item 9 above 0 is always flagged; item 9 unanswered is flagged too.

    SPEC *Clinical voice*: the page states recorded facts and asks. An answer is about the two
    weeks before its own date, so the line states that date, and an answer older than
    ``ITEM9_RECENT_DAYS`` before the visit is said as recorded then, never as current; the
    "Please ask about it today" of SPEC's flag stays.
    """
    phq9 = summary.scores.phq9
    if phq9 is None:
        return None
    answer = flagged_item9(summary)  # the app's message speaks of the same answer
    if answer is not None:
        positive = _positive(
            summary, answer.value, answer.date, answer.file, named=bool(answer.file)
        )
        later = later_blank_item9(summary, answer.date)
        return positive + (f" A later {_form(later)} left item 9 unanswered." if later else "")
    if phq9.item9_unanswered:
        return (
            f"PHQ-9 item 9 not answered — ask ({ITEM9_WORDS}); "
            f"{phq9.answered} of 9 items answered. A blank is not a 0."
        )
    later = later_blank_item9(summary, phq9.date)
    if later is not None and phq9.date is not None:
        return (
            f"PHQ-9 item 9 not answered — ask ({ITEM9_WORDS}) on the later {_form(later)}; "
            f"{later.answered} of 9 items answered. A blank is not a 0. "
            f"The PHQ-9 of {wording.day_text(phq9.date)} answered it {phq9.item9}."
        )
    return None


def _form(later: LaterBlank) -> str:
    """'PHQ-9 (20 Nov 2026, november.csv)'; answers entered in the app name no file."""
    where = f", {later.file}" if later.file else ""
    return f"PHQ-9 ({wording.day_text(later.date)}{where})"


def _positive(
    summary: Summary,
    value: int,
    answered: dt.date | None,
    file: str | None,
    *,
    named: bool = False,
) -> str:
    """The item 9 line for an answer above 0, with the answer's date.

    'PHQ-9 item 9 = 1 (several days), answered 20 Nov 2026: …'; an old answer: 'PHQ-9 item 9
    answered 1 (several days) on 3 May 2019, over 7 years before the visit — as recorded then,
    not a current answer: …'. ``named``: say ``file`` (an earlier PHQ-9 than the one shown).
    """
    answer = wording.PHQ9_ANSWERS[min(value, 3)]
    where = f" in {file}" if named and file else ""
    # A prompt to ask, never advice (SPEC *Clinical voice*). A positive screen calls for the
    # clinician's further assessment: Simon et al., Psychiatr Serv 2013;64:1195-202 (item 9
    # predicts attempts, risk within days); Joint Commission NPSG.15.01.01 EP 3 (an assessment
    # of patients who screened positive). docs/clinical-sources.md *Clinical voice*.
    ask = f"{ITEM9_WORDS}. Please ask about it today."
    if answered is None:
        return f"PHQ-9 item 9 = {value} ({answer}){where}, date of the answer not given: {ask}"
    visit = summary.patient.visit_date
    reference = visit or summary.generated
    age = answer_age(answered, reference)
    day = wording.day_text(answered)
    if age is None:
        return f"PHQ-9 item 9 = {value} ({answer}){where}, answered {day}: {ask}"
    before = "the visit" if visit else "this page was made"
    return (
        f"PHQ-9 item 9 answered {value} ({answer}){where} on {day}, {age} before {before} — "
        f"as recorded then, not a current answer: {ask}"
    )


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

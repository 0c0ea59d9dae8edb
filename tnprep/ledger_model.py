"""The treatment-resistance ledger as frozen values: what was tried, how far, how long, with what.

Produced by ``tnprep.analysis.ledger.build_ledger`` (pure), consumed by the page
(``tnprep.report.ledger_lines``), the summary JSON (``tnprep.summary_json``, key ``ledger``) and
the app. Every value is a recorded fact or arithmetic on recorded facts; nothing here judges a
treatment (SPEC *Clinical voice*). docs/treatments.md defines each figure.

Dates keep the precision they were written with (``PartialDate``). A length of time between two
partial dates is a ``DaySpan``: the shortest and the longest number of days the dates allow, so a
course from "2018" to "Mar 2019" is "between 60 and 455 days", never an invented day count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from tnprep.model import PartialDate
from tnprep.summary import BeforeAfter, DoseRange, RescueUse


@dataclass(frozen=True)
class DaySpan:
    """A length of time in days, exact or bounded by what partial dates allow (both inclusive)."""

    shortest_days: int
    """The fewest days the recorded dates allow (at least 1)."""
    longest_days: int
    """The most days the recorded dates allow (equal to ``shortest_days`` when exact)."""

    @property
    def exact(self) -> bool:
        """True when both ends were known to the day."""
        return self.shortest_days == self.longest_days


@dataclass(frozen=True)
class DoseStep:
    """One treatment-history row inside a course: a dose held from a start to an end."""

    start: PartialDate | None
    end: PartialDate | None
    """``None`` while ongoing or when not given."""
    ongoing: bool
    mg_per_day: float | None
    """Total daily dose in mg read from the dose text, ``None`` when not unambiguous."""
    dose_text: str | None
    """The dose exactly as written."""
    span: DaySpan | None
    """How long the row lasted (ongoing rows up to the summary day); ``None`` without a start."""
    file: str
    row: int | None
    """Spreadsheet row number of the history (header = 1)."""


@dataclass(frozen=True)
class LabValue:
    """A laboratory value written in a side-effect text, e.g. 'sodium 128'."""

    name: str
    """Canonical analyte name, e.g. 'sodium'."""
    value: float
    unit: str | None
    """The unit when written ('mmol/L'), else ``None`` (never assumed)."""
    as_written: str
    """The words the value was read from."""


@dataclass(frozen=True)
class AdverseEffect:
    """A side effect or complication as written, with the row's dates and any lab value."""

    text: str
    """As written."""
    lab_values: tuple[LabValue, ...]
    when: PartialDate | None
    """The end of the row it was written on (the nearest date recorded); ``None`` while the
    row is ongoing or its end is not given (the start is no date of the effect)."""


@dataclass(frozen=True)
class Overlap:
    """Another drug taken at the same time as a course."""

    name: str
    """The other drug's canonical name."""
    certain: bool
    """True when the dates prove the overlap; False when partial dates only allow it."""


@dataclass(frozen=True)
class Course:
    """One uninterrupted course of a drug: consecutive rows joined (titration, dose change)."""

    steps: tuple[DoseStep, ...]
    """The rows, by start."""
    start: PartialDate | None
    end: PartialDate | None
    ongoing: bool
    span: DaySpan | None
    """First start to last end (or the summary day when ongoing); ``None`` without a start."""
    highest_mg_per_day: float | None
    days_at_highest: DaySpan | None
    """Time on rows at the highest dose; ``None`` when any such row lacks a start."""
    response: str | None
    """As recorded on the latest row that gives one ('60 % relief', 'partial')."""
    stopped_because: str | None
    """Why the course (its last row) stopped, as recorded; ``None`` when ongoing or not given."""
    adverse_effects: tuple[AdverseEffect, ...]
    overlaps: tuple[Overlap, ...]
    """Other drugs whose courses overlap this one, by name."""


class LedgerGroup(Enum):
    """Relevance groups of the ledger, in page order after current treatments."""

    FIRST_LINE = "first-line drug"
    PROCEDURE = "procedure"
    ADD_ON = "add-on drug"
    OTHER = "other"


@dataclass(frozen=True)
class DrugLedger:
    """Everything recorded about one drug (or injection, therapy) over all its courses."""

    name: str
    """Canonical name (as written when the catalogue does not know it)."""
    name_as_written: str
    """How the first row wrote it."""
    category: str
    """SPEC category of the first row."""
    group: LedgerGroup
    courses: tuple[Course, ...]
    """By start; a restart after a gap is a second course."""
    current: bool
    """True when the latest course is ongoing."""
    first_start: PartialDate | None
    last_end: PartialDate | None
    """``None`` when current or never given."""
    total: DaySpan | None
    """Time on the drug over every dated course; ``None`` when no course has a start."""
    undated_courses: int
    """Courses left out of ``total`` because they have no start."""
    highest_mg_per_day: float | None
    days_at_highest: DaySpan | None
    dose_range: DoseRange | None
    """The published range with its source, shown beside the dose as a fact."""
    measured: tuple[BeforeAfter, ...]
    """The diary's before/after comparisons for this drug (``analysis.before_after``)."""


@dataclass(frozen=True)
class ProcedureEntry:
    """One procedure row: date, side, outcome, pain-free interval, recurrence, complications."""

    name: str
    name_as_written: str
    date: PartialDate | None
    """When it was done (the row's start, else its end)."""
    side: str | None
    outcome: str | None
    """The ``outcome`` column, else the response as recorded."""
    pain_free_until: PartialDate | None
    recurrence: PartialDate | None
    pain_free: DaySpan | None
    """From the procedure to the recurrence (or the last pain-free date); ``None`` when unknown."""
    complications: tuple[AdverseEffect, ...]
    """The ``complications`` column and the row's side effects, as written."""
    notes: str | None
    """Notes as written ('pain-free for a year, attacks returned May 2022'), never parsed."""
    file: str
    row: int | None


@dataclass(frozen=True)
class AcuteBurden:
    """Acute burden from the diary over the period."""

    attacks: int
    """Attack rows in the period from diaries that record rescue (a rescue or rating column)."""
    attacks_with_rescue: int
    rescues: tuple[RescueUse, ...]
    """By uses (descending), then name."""
    longest_attack_free_run: int | None
    """Most consecutive recorded days with no attack (a gap ends a run); ``None`` unrecorded."""
    attack_free_run_start: dt.date | None
    typed_attacks: int
    """Attack rows typed paroxysmal or continuous."""
    continuous_attacks: int
    background_pain_days: int
    """Daily-log days with background pain above 0."""
    background_pain_recorded_days: int


@dataclass(frozen=True)
class IntakeItem:
    """An intake answer the ledger shows, as written; ``None`` stays unknown."""

    item: str
    """Questionnaire item name, e.g. 'emergency_visits'."""
    label: str
    """Words for the page, e.g. 'emergency visits'."""
    answer: str | None


class FactKind(Enum):
    """Recorded facts worth a question (never advice; SPEC *Clinical voice*)."""

    BOTH_SIDES = "attacks on both sides"
    NUMBNESS_NO_PROCEDURE = "numbness with no procedure in the history"
    CONTINUOUS_PAIN = "continuous pain"


@dataclass(frozen=True)
class Fact:
    """A fact for the attack-pattern block, as a label and recorded figures."""

    kind: FactKind
    text: str
    """Plain words of recorded figures, e.g. 'left 3, right 552 attack rows'."""


@dataclass(frozen=True)
class Ledger:
    """The treatment-resistance ledger of one patient."""

    drugs: tuple[DrugLedger, ...]
    """Current first, then first-line, add-on and other drugs, most recent first."""
    procedures: tuple[ProcedureEntry, ...]
    """Most recent first."""
    burden: AcuteBurden
    intake: tuple[IntakeItem, ...]
    facts: tuple[Fact, ...]

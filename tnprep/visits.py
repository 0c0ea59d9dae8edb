"""Earlier visits: an earlier summary as read back, and what changed since it, as frozen values.

    earlier summary JSON ──ingest.previous──▶ PreviousVisit
    Summary + PreviousVisit(s) ──analysis.since──▶ SinceLastVisit (Summary.since)

Figures are taken from each summary *as it was computed*: nothing here re-counts a diary, and a
figure of an earlier period is never added to one of the current period. docs/page.md and
docs/summary-json.md (``since_last_visit``) describe the comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class PreviousScore:
    """A PHQ-9 or GAD-7 result as an earlier summary stated it."""

    score: int | None
    """Total, ``None`` when that summary gave none (an incomplete form)."""
    band: str | None
    """Severity band words as written there."""
    answered: int | None
    """Items answered, ``None`` when not stated."""
    date: dt.date | None
    """The day the score belongs to: its own date when the summary gives one, else that visit's."""


@dataclass(frozen=True)
class PreviousTreatment:
    """One treatment row as an earlier summary listed it."""

    name: str
    start: str | None
    """Partial ISO date as written there ('2019', '2019-03', '2019-03-14')."""
    end: str | None
    ongoing: bool
    dose: str | None
    """Dose as written."""
    dose_mg_per_day: float | None


@dataclass(frozen=True)
class VisitPoint:
    """One visit in the visit series (the app's chart): figures as that summary stated them."""

    date: dt.date
    """The visit date, else the day that summary was made."""
    per_recorded_day: float | None
    intensity_max: float | None
    phq9: int | None
    file: str | None
    """The earlier summary's file; ``None`` for the current visit."""


@dataclass(frozen=True)
class PreviousRules:
    """The counting rules an earlier summary's figures were made under (``tnprep.figure_rules``).

    Stated in its ``figure_rules``, or told from the keys an older tnprep wrote; with the facts
    that say whether a missing rule could have changed anything.
    """

    rules: tuple[str, ...] = ()
    """The rule names it applied (``figure_rules.FIGURE_RULES`` order; unknown names kept)."""
    stated: bool = False
    """True when the summary named them itself (``figure_rules``), false when told from its keys."""
    file_kinds: tuple[str, ...] | None = None
    """Its diaries' kinds (``input.files[].kind``: 'attack log', 'event log' …); ``None`` when it
    lists no files (before real files were read, when no event log could be read)."""
    pain_zero_rows: bool | None = None
    """Whether its diaries held rows of pain 0 (``rows_other_by_kind``); ``None`` when unknown."""
    silences: str = "attack-free"
    """How it counted long silences (``silences.counted_as``; SPEC's attack-free rule before
    silences were named)."""
    silence_days: int | None = None
    """Days in its silences; ``None`` when it does not say."""


@dataclass(frozen=True)
class PreviousVisit:
    """An earlier tnprep summary, read back (only what the comparison needs)."""

    file: str
    """File name as supplied."""
    schema: str
    """The schema it declares, e.g. 'tnprep.summary/1'."""
    name: str | None
    date_of_birth: dt.date | None
    visit_date: dt.date | None
    generated: dt.date | None
    period_start: dt.date | None
    period_end: dt.date | None
    days: int | None
    days_recorded: int | None
    attacks_total: int | None
    per_recorded_day: float | None
    attack_free_days: int | None
    intensity_median: float | None
    intensity_max: float | None
    phq9: PreviousScore | None
    gad7: PreviousScore | None
    bni_pain: str | None
    bni_numbness: str | None
    treatments: tuple[PreviousTreatment, ...]
    questions: tuple[str, ...]
    earlier_points: tuple[VisitPoint, ...] = ()
    """Visits that summary had itself compared with (its ``since_last_visit.visits``)."""
    rules: PreviousRules = PreviousRules()
    """The counting rules its figures were made under."""

    @property
    def date(self) -> dt.date | None:
        """The visit's date: the visit date given, else the day the summary was made."""
        return self.visit_date or self.generated


@dataclass(frozen=True)
class LeftOut:
    """An earlier summary not used for the comparison, and why (the page and stderr name it)."""

    file: str
    reason: str
    """Plain words: damaged, not a tnprep summary, another patient, after this period …"""


@dataclass(frozen=True)
class PreviousReading:
    """Every ``--previous`` file as read: the usable ones and the ones left out."""

    visits: tuple[PreviousVisit, ...] = ()
    left_out: tuple[LeftOut, ...] = ()


class Direction(Enum):
    """How a figure moved from then to now, in words (the page never relies on colour)."""

    HIGHER = "higher"
    LOWER = "lower"
    SAME = "same"
    NOT_COMPARABLE = "not comparable"


@dataclass(frozen=True)
class FigureChange:
    """One figure then and now."""

    key: str
    """Stable key, e.g. 'per_recorded_day', 'phq9' (docs/summary-json.md lists them)."""
    label: str
    """Words for the page, e.g. 'Attacks per recorded day'."""
    then: float | str | None
    now: float | str | None
    direction: Direction
    then_date: dt.date | None = None
    """For scores: the date the earlier score belongs to."""
    now_date: dt.date | None = None
    not_compared: tuple[str, ...] = ()
    """Why the figure is not compared: the two summaries made it under different rules (plain
    words, ``figure_rules.WORDS``); empty when it is compared."""


class TreatmentChangeKind(Enum):
    """A change in the treatment history between two visits."""

    STARTED = "started"
    STOPPED = "stopped"
    DOSE_CHANGED = "dose changed"


@dataclass(frozen=True)
class TreatmentChangeSince:
    """A treatment started, stopped or changed in dose between the two visits."""

    treatment: str
    change: TreatmentChangeKind
    date: str | None
    """Partial ISO date of the change as the history gives it; ``None`` when not known."""
    then_dose: str | None = None
    """For a dose change: the dose at the earlier visit (mg/day, or as written)."""
    now_dose: str | None = None


@dataclass(frozen=True)
class EarlierQuestion:
    """A question of the earlier visit and whether the patient asks it again now."""

    question: str
    asked_again: bool


@dataclass(frozen=True)
class Overlap:
    """Days both periods cover: said on the page, never counted twice."""

    first_day: dt.date
    last_day: dt.date
    days: int


class SinceStatus(Enum):
    """The outcome of the comparison."""

    COMPARED = "compared"
    NO_CHANGE = "no change"
    """The earlier summary covers the same period with the same figures (e.g. the same data)."""
    NOT_COMPARED = "not compared"
    """Every earlier summary was left out."""


@dataclass(frozen=True)
class SinceLastVisit:
    """What changed since the latest earlier summary, and the earlier visits' series."""

    status: SinceStatus
    previous: PreviousVisit | None
    """The latest usable earlier summary; ``None`` when every one was left out."""
    figures: tuple[FigureChange, ...] = ()
    treatment_changes: tuple[TreatmentChangeSince, ...] = ()
    earlier_questions: tuple[EarlierQuestion, ...] = ()
    overlap: Overlap | None = None
    identity_checked: bool = True
    """False when neither name nor birth date could be compared (one side gives neither)."""
    visits: tuple[VisitPoint, ...] = ()
    """Every visit known, oldest first, the current one last (for the app's chart)."""
    left_out: tuple[LeftOut, ...] = ()

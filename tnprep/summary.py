"""The Summary: every figure of the page and of ``tnprep.summary/1``, as frozen values.

Produced by ``tnprep.analysis.summarise`` (pure), consumed by ``tnprep.report`` (the page),
``tnprep.charts`` (the app) and ``tnprep.summary_json`` (the JSON twin). Definitions of
each figure follow SPEC *Meaning of the figures*; docs/summary-json.md documents them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from tnprep.catalogue import DrugClass
from tnprep.issues import Issue
from tnprep.model import Answers, DiaryInfo, SilenceRule, Treatment
from tnprep.visits import SinceLastVisit

if TYPE_CHECKING:  # ledger_model imports this module's BeforeAfter and DoseRange
    from tnprep.ledger_model import Ledger

SCHEMA = "tnprep.summary/1"
"""The schema name written into every summary JSON."""


@dataclass(frozen=True)
class Period:
    """The days the figures cover (``--from`` / ``--to`` inclusive)."""

    start: dt.date | None
    """First day, ``None`` when there is no diary data and no ``--from``."""
    end: dt.date | None
    """Last day."""
    days: int
    """Calendar days from start to end inclusive (0 when unknown)."""
    days_recorded: int
    """Period days covered by at least one diary."""
    chosen: bool = False
    """True when the period was chosen (``--from`` or ``--to``, the app's "Since my last visit")
    rather than taken from the diaries' first and last day."""
    diary_start: dt.date | None = None
    """First day of the used diary rows, whatever the period (``None`` when there are none)."""
    diary_end: dt.date | None = None
    """Last day of the used diary rows."""


@dataclass(frozen=True)
class DayFigure:
    """One calendar day of the period, for the chart and the JSON ``daily`` list."""

    date: dt.date
    attacks: int | None
    """Attacks that day; ``None`` when no diary covers the day (a gap, not attack-free)."""
    worst_intensity: float | None
    """Worst pain 0–10 that day from attack rows and daily logs, ``None`` when unknown."""
    conflict: bool = False
    """True when a daily log's count differed from the attack log's (the higher is used)."""


class TrendWithheld(Enum):
    """Why the trend's change is not computed (docs/figures.md *Trend*; JSON ``trend.reason``)."""

    PERIOD_TOO_SHORT = "period-too-short"
    """Each window would be shorter than ``MIN_TREND_WINDOW_DAYS`` (a period under 28 days)."""
    TOO_FEW_RECORDED_DAYS = "too-few-recorded-days"
    """A window has fewer than half its days recorded."""
    NO_EARLIER_ATTACKS = "no-earlier-attacks"
    """The earlier window recorded no attack, so there is no ratio to state."""
    TOO_FEW_ATTACKS = "too-few-attacks"
    """A window recorded fewer than ``MIN_TREND_ATTACKS`` attacks: a percentage change of a
    handful of attacks states more than the record supports."""


@dataclass(frozen=True)
class Trend:
    """Attacks per recorded day in the recent window against the window before it."""

    window_days: int
    """Length of each window: 28, or half the period when it is shorter than 56 days."""
    recent_per_day: float | None
    """Attacks per recorded day in the last window, ``None`` with no recorded day."""
    previous_per_day: float | None
    """Attacks per recorded day in the window before."""
    recent_days_recorded: int
    previous_days_recorded: int
    ratio: float | None
    """recent ÷ previous (2 decimals); ``None`` whenever ``reason`` says why it is withheld."""
    reason: TrendWithheld | None = None
    """Why no change is stated, ``None`` when the trend is computed."""
    recent_attacks: int | None = None
    """Attacks on the recorded days of the last window (``None``: not counted)."""
    previous_attacks: int | None = None
    """Attacks on the recorded days of the window before."""

    @property
    def computed(self) -> bool:
        """True when the change is stated (a ratio, with enough days in each window)."""
        return self.reason is None and self.ratio is not None

    @property
    def change_percent(self) -> float | None:
        """(ratio − 1) × 100, rounded to a whole percent; ``None`` when ratio is unknown."""
        return None if self.ratio is None else round((self.ratio - 1) * 100)


@dataclass(frozen=True)
class SideCounts:
    """Attack rows by side as recorded (rows without a side are counted in ``unknown``)."""

    left: int = 0
    right: int = 0
    both: int = 0
    unknown: int = 0


@dataclass(frozen=True)
class DivisionCounts:
    """Attack rows naming each trigeminal division (a row may name several).

    Fields carry the divisions' clinical names V1–V3 (ruff's naming rule allows them).
    """

    V1: int = 0
    V2: int = 0
    V3: int = 0


@dataclass(frozen=True)
class TriggerCount:
    """A normalised trigger and the number of attack rows that name it."""

    name: str
    count: int


@dataclass(frozen=True)
class AttackFigures:
    """SPEC's ``attacks`` object."""

    total: int
    per_recorded_day: float | None
    """total ÷ recorded days, 2 decimals; ``None`` with no recorded day."""
    attack_free_days: int
    max_per_day: int | None
    max_day: dt.date | None
    """The (first) day with ``max_per_day`` attacks."""
    max_days: int
    """How many recorded days have ``max_per_day`` attacks (0 when no day was recorded)."""
    intensity_median: float | None
    intensity_max: float | None
    duration_median_s: float | None
    by_side: SideCounts
    by_division: DivisionCounts
    triggers: tuple[TriggerCount, ...]
    """Sorted by count (descending), then name."""
    by_hour: tuple[int, ...]
    """24 counts of attack starts by local hour 0–23."""
    trend: Trend
    conflict_days: tuple[dt.date, ...]
    """Days where a daily log's count differed from the attack logs'."""
    names: tuple[tuple[str, int], ...] = ()
    """The period's attacks by the name an event log gave them ('cluster-headache', 'migraine'),
    spellings grouped (``analysis.attack_names``), most frequent first, 'no name' for attacks
    without one; empty when no attack has a name. The counts add up to ``total`` less the
    daily logs' counts."""


@dataclass(frozen=True)
class Features:
    """TN features as recorded (facts for the ICHD-3 13.1.1 picture, never a diagnosis)."""

    short_attacks: int
    """Attacks with a duration ≤ 120 s."""
    with_duration: int
    """Attacks with a known duration (the denominator of the share ≤ 2 min)."""
    triggered: int
    """Attacks naming at least one trigger."""
    spontaneous: int
    """Attacks in a file with a trigger column recorded with no trigger ('none', 'spontaneous')."""
    trigger_unknown: int
    """Attacks in a file with a trigger column whose trigger cell is blank or says 'unknown'."""
    sides_seen: tuple[str, ...]
    """Distinct sides recorded, sorted ('both', 'left', 'right')."""
    divisions_seen: tuple[str, ...]
    """Distinct divisions recorded, sorted."""
    paroxysmal: int
    continuous: int
    """Attack rows recorded as paroxysmal / continuous pain."""
    background_pain_days: int
    """Daily-log days in the period with background pain above 0."""
    background_pain_recorded_days: int
    """Daily-log days in the period that give background pain at all."""
    background_pain_median: float | None

    @property
    def unilateral(self) -> bool | None:
        """True when only one side was ever recorded, ``None`` when no side was recorded."""
        if not self.sides_seen:
            return None
        return self.sides_seen in (("left",), ("right",))


class ChangeKind(Enum):
    """What changed in the treatment history on a date inside the diary period."""

    START = "start"
    STOP = "stop"
    DOSE_CHANGE = "dose change"


@dataclass(frozen=True)
class WindowFigures:
    """Attack figures over one window of days."""

    first_day: dt.date
    last_day: dt.date
    days_recorded: int
    per_recorded_day: float | None
    intensity_median: float | None


@dataclass(frozen=True)
class BeforeAfter:
    """Attacks in the 28 days before a treatment change against days 15–42 after it."""

    treatment: str
    change: ChangeKind
    date: dt.date
    before: WindowFigures
    after: WindowFigures
    enough_data: bool
    """False when either window has fewer than 14 recorded days ("not enough data")."""
    verdict: Verdict = None  # type: ignore[assignment]  # set in __post_init__
    """Whether a figure can be claimed: compared, too early, overlapping change, not enough data."""
    overlapping: tuple[str, ...] = ()
    """Other changes between the before window's first day and the after window's last day."""
    rule: str = "drug"
    """The window rule used: 'drug', 'lamotrigine', 'procedure' or 'radiosurgery'."""

    def __post_init__(self) -> None:
        """Default the verdict from ``enough_data`` for callers that do not set it."""
        if self.verdict is None:
            verdict = Verdict.COMPARED if self.enough_data else Verdict.NOT_ENOUGH_DATA
            object.__setattr__(self, "verdict", verdict)


class Verdict(Enum):
    """What a before/after comparison may claim (docs/figures.md *Before and after*)."""

    COMPARED = "compared"
    """Both windows have enough recorded days and no other change overlaps: figures shown."""
    TOO_EARLY = "too early"
    """The after window is not over by the end of the period (or the latency has not passed)."""
    OVERLAPPING = "overlapping change"
    """Another change falls inside the windows: no single-change figure is claimed."""
    NOT_ENOUGH_DATA = "not enough data"
    """Fewer than 14 recorded days in either window."""


@dataclass(frozen=True)
class DoseRange:
    """A published daily dose range, shown as a sourced fact, never as a limit."""

    low_mg: float
    high_mg: float
    source: str
    """Citation, e.g. 'EAN guideline on trigeminal neuralgia, Bendtsen et al. 2019'."""
    unit: str = "mg/day"
    """What ``low_mg``/``high_mg`` count: 'mg/day', or 'units per session' for botulinum toxin."""
    note: str | None = None
    """Another published figure worth printing beside the range (e.g. NICE CKS's maximum)."""

    @property
    def citation(self) -> str:
        """The source with the note, as cited beside a dose (e.g. NICE CKS's maximum)."""
        return f"{self.source}; {self.note}" if self.note else self.source


@dataclass(frozen=True)
class TreatmentSummary:
    """A treatment as listed on the page, with its published dose range where one exists."""

    treatment: Treatment
    dose_range: DoseRange | None
    outside_range: bool | None
    """True/False when both dose and range are known, else ``None``."""


@dataclass(frozen=True)
class QuestionnaireScore:
    """A PHQ-9 or GAD-7 result."""

    score: int | None
    """Total, ``None`` when any item is unanswered."""
    band: str | None
    """Severity band of the total (SPEC), ``None`` with no total."""
    answered: int
    """Items answered."""
    item9: int | None = None
    """PHQ-9 item 9 (thoughts of self-harm), 0–3; ``None`` for GAD-7 or unanswered."""
    items: int = 9
    """Items on the form (9 for PHQ-9, 7 for GAD-7)."""
    floor: int | None = None
    """With unanswered items: the sum of the answered ones, a floor ('≥ N'); else ``None``."""
    floor_band: str | None = None
    """The band of ``floor`` (the band is at least this), ``None`` with a complete form."""
    item9_unanswered: bool = False
    """PHQ-9 only: item 9 left unanswered (flagged 'not answered — ask', SPEC *Scores*)."""
    date: dt.date | None = None
    """When the administration shown was filled in, ``None`` when not given."""
    file: str | None = None
    """The file of the administration shown (``None`` for answers entered in the app)."""
    older: tuple[ScoreAdministration, ...] = ()
    """The other administrations of this form whose result differs from the one shown."""
    difficulty: str | None = None
    """PHQ-9 item 10 (how difficult the problems made things), as answered; not in the total."""


@dataclass(frozen=True)
class ScoreAdministration:
    """Another administration of the same form, kept so the page can say it differs."""

    file: str
    date: dt.date | None
    score: int | None
    """Total when complete, else ``None``."""
    floor: int | None
    """Sum of the answered items when incomplete."""
    answered: int


@dataclass(frozen=True)
class Scores:
    """SPEC's ``scores`` object."""

    phq9: QuestionnaireScore | None
    gad7: QuestionnaireScore | None
    bni_pain: str | None
    bni_numbness: str | None


@dataclass(frozen=True)
class SafetyEvent:
    """One course whose recorded side effects (or reason for stopping) name a class effect."""

    treatment: str
    """The treatment's name as written."""
    start: str | None
    """Start date at its recorded precision (ISO), ``None`` when not given."""
    end: str | None
    """End date at its recorded precision (ISO), ``None`` when ongoing or not given."""
    recorded: str
    """The side effects (and reason for stopping) exactly as written."""
    value: str | None
    """A value found in the record, e.g. 'sodium 128' ('sodium 128 mmol/L'); ``None`` if none."""


@dataclass(frozen=True)
class SafetyNote:
    """Earlier adverse effects in one drug class, beside the class drugs taken now."""

    drug_class: DrugClass
    members: tuple[str, ...]
    """The drugs of the class, in catalogue order."""
    events: tuple[SafetyEvent, ...]
    """Every course that recorded a class effect, oldest first."""
    taken_now: tuple[str, ...]
    """Class drugs with an ongoing course (canonical names, sorted)."""
    source: str
    """Where the class effect is described."""


class FindingKind(Enum):
    """The kinds of discussion point; each is produced by one named rule."""

    SELF_HARM_ITEM = "phq9 item 9 above 0"
    SELF_HARM_UNANSWERED = "phq9 item 9 not answered"
    FIRST_LINE_STOPPED = "first-line drug stopped"
    DOSE_OUTSIDE_RANGE = "dose outside published range"
    ATTACKS_RISING = "attacks rising"
    NO_CHANGE_AFTER_TREATMENT = "no change or worse after a treatment"
    MOOD_SCORE_HIGH = "questionnaire score 10 or more"
    PSYCHOLOGICAL_SUPPORT = "psychological support in the history"
    NOT_YET_IN_HISTORY = "option not yet in the history"
    MONITORING_QUESTION = "monitoring question"


@dataclass(frozen=True)
class Finding:
    """A discussion point as data; its words are made at render time."""

    kind: FindingKind
    subject: str
    """What it is about: a treatment name, 'PHQ-9', or an option such as 'microvascular
    decompression'."""
    evidence: tuple[tuple[str, str], ...]
    """(label, value) pairs the rule used, e.g. (('stopped because', 'side effects'),)."""
    source: str
    """The published source behind the rule."""


@dataclass(frozen=True)
class InputAccount:
    """SPEC's ``input`` object: every row accounted for."""

    rows_read: int
    rows_used: int
    rows_rejected: int
    duplicates: int
    issues: tuple[Issue, ...]
    rows_other: int = 0
    """Rows that are not pain attacks: an event log's other kinds, a workbook's medicine sheet,
    rows of pain 0 (counted by kind per file in ``files``)."""
    files: tuple[tuple[str, DiaryInfo], ...] = ()
    """(file, what it turned out to be: kind, other rows by kind, pain scale, sheets)."""
    rows_outside_period: int = 0
    """Used rows dated before or after the period (a chosen period): counted in ``rows_used``
    and in no figure of the page (docs/figures.md *Period*)."""

    @property
    def rows_in_period(self) -> int:
        """Used rows dated in the period: the rows the page's figures are made from."""
        return self.rows_used - self.rows_outside_period


@dataclass(frozen=True)
class RescueUse:
    """One rescue treatment named in the diary and how the export rated it.

    One tally serves the ``attacks.rescue`` figures and the ledger's acute burden.
    """

    name: str
    """As first written."""
    uses: int
    """Attack rows naming it (``rescue`` column or any Migraine Buddy rating column)."""
    helpful: int
    somewhat: int
    unhelpful: int
    """Migraine Buddy's helpful / somewhat helpful / unhelpful ratings (0 elsewhere)."""


@dataclass(frozen=True)
class RescueSummary:
    """Rescue use recorded with the attacks of the period, and medicine events of event logs.

    The one rescue tally (``analysis.rescue.rescue_summary``): the summary's ``attacks.rescue``
    and the ledger's acute burden (``ledger.acute_burden``) are both read from it, so they agree.
    """

    attacks_with_record: int = 0
    """Attacks in files that have a rescue / medication column (the denominator)."""
    attacks_with_rescue: int = 0
    """Of those, attacks with a rescue recorded (a name, or a bare 'yes'; not 'none')."""
    by_name: tuple[tuple[str, int], ...] = ()
    """Rescue names (lower case) by number of attacks, most frequent first."""
    helped: tuple[tuple[str, int], ...] = ()
    """Whether it helped, as recorded (lower case; Migraine Buddy ratings as helpful/somewhat/
    unhelpful/unsure), with counts."""
    medicine_events: tuple[tuple[str, int], ...] = ()
    """Medicine rows of event logs by name (whole files, not linked to an attack)."""
    uses: tuple[RescueUse, ...] = ()
    """Each rescue name with its attack rows and ratings, in ``by_name``'s order."""
    attacks_rescue_unnamed: int = 0
    """Of ``attacks_with_rescue``, attacks whose rescue cell only says one was taken ('yes',
    'true'): no name."""


@dataclass(frozen=True)
class Silence:
    """A run of ``SILENCE_DAYS`` or more days covered only by an attack log's span, with no row.

    No diary has a row on any of its days: attack-free, or simply not recorded — the data
    cannot tell.
    """

    first: dt.date
    last: dt.date
    files: tuple[str, ...]
    """The attack logs whose span covers it (file names, sorted)."""

    @property
    def days(self) -> int:
        """Days in the silence, first and last included."""
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Silences:
    """The long silences of the period and how their days were counted."""

    rule: SilenceRule = SilenceRule.ATTACK_FREE
    runs: tuple[Silence, ...] = ()
    """In date order."""

    @property
    def days(self) -> int:
        """Days in all the silences."""
        return sum(run.days for run in self.runs)

    def by_file(self) -> tuple[tuple[str, tuple[Silence, ...]], ...]:
        """(attack log, its silences in date order) for each log with one, logs sorted by name."""
        files = sorted({file for run in self.runs for file in run.files})
        return tuple((file, tuple(run for run in self.runs if file in run.files)) for file in files)


@dataclass(frozen=True)
class Summary:
    """Everything the page and the JSON say about one patient."""

    generated: dt.date
    """The day the summary was made (a parameter, never read from the clock here)."""
    patient: Answers
    period: Period
    attacks: AttackFigures
    daily: tuple[DayFigure, ...]
    """Every day of the period in order."""
    features: Features
    treatments: tuple[TreatmentSummary, ...]
    """Current first, then by most recent start."""
    before_after: tuple[BeforeAfter, ...]
    scores: Scores
    findings: tuple[Finding, ...]
    """Discussion points, the PHQ-9 item 9 finding always first."""
    input: InputAccount
    assumptions: tuple[str, ...]
    """Plain statements of assumptions made (date order per file, column mappings)."""
    since: SinceLastVisit | None = None
    """What changed since the last visit's summary; ``None`` when none was given
    (``tnprep.analysis.since.with_since`` sets it)."""
    ledger: Ledger | None = None
    """The treatment-resistance ledger; ``None`` in summaries made without it (old files)."""
    rescue: RescueSummary = field(default_factory=RescueSummary)
    """Rescue use (docs/summary-json.md ``attacks.rescue``)."""
    safety: tuple[SafetyNote, ...] = ()
    """Earlier adverse effects per drug class (sodium-lowering, serious rash), first on the page."""
    silences: Silences = field(default_factory=Silences)
    """Long silences in the attack logs and how their days were counted (docs/figures.md)."""
    sample: bool = False
    """True when built from the built-in invented sample patient: the page and JSON say so."""

    @property
    def questions(self) -> tuple[str, ...]:
        """The patient's questions in their order."""
        return self.patient.questions

"""The domain: frozen dataclasses and enums passed between the pipeline's stages.

    bytes ──ingest──▶ DiaryFile / Loaded[Treatment] / Loaded[Answers] ──▶ PatientData
          ──analysis──▶ Summary ──report──▶ PDF

Diary rows are held in pandas DataFrames with fixed, documented columns (see
``ATTACK_COLUMNS`` and ``DAY_COLUMNS``) because a ten-year diary has hundreds of
thousands of rows and every stage works on them vectorised. Everything else is a
plain frozen dataclass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, TypeVar

import pandas as pd

from tnprep.issues import Issue

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """Records read from one or more files, with the issues found on the way."""

    records: tuple[T, ...]
    """What could be read, in input order."""
    issues: tuple[Issue, ...] = ()
    """Every problem found, in file/row order."""


# ---------------------------------------------------------------------------
# Diaries
# ---------------------------------------------------------------------------


class DiaryShape(Enum):
    """The two diary shapes SPEC recognises from the columns."""

    ATTACK_LOG = "attack log"
    """One row per attack."""
    DAILY_LOG = "daily log"
    """One row per day."""


class DateOrder(Enum):
    """How ``nn/nn/yyyy`` dates of a file are read."""

    DAY_FIRST = "day-first"
    MONTH_FIRST = "month-first"


class SilenceRule(Enum):
    """How the days of a long silence in an attack log are counted (``--silences``)."""

    ATTACK_FREE = "attack-free"
    """SPEC's attack-log rule: a covered day without rows is attack-free (the default)."""
    UNRECORDED = "unrecorded"
    """The silence's days are gaps: not recorded, never attack-free."""


SILENCE_DAYS = 28
"""Shortest silence named (a tnprep threshold, docs/figures.md *Long silences*): as long as a trend
window and a before/after window, so a silence this long can decide a whole window by itself."""


class DateOrderSource(Enum):
    """Why a file's date order is what it is."""

    NOT_NEEDED = "not needed"
    """No slash dates in the file (ISO, dd.mm.yyyy, spreadsheet dates)."""
    DATA = "decided from the data"
    """A first part over 12 (day-first) or a second part over 12 (month-first)."""
    ASSUMED = "assumed"
    """Every date was ambiguous; an issue names the assumption."""
    USER = "set by the user"
    """``--dayfirst`` / ``--monthfirst`` or the app's control."""
    FORMAT = "fixed by the export format"
    """A known export (e.g. Migraine Buddy writes m/d/yy)."""


ATTACK_COLUMNS: dict[str, str] = {
    "start": "datetime64[ns]: attack start, local time as recorded (naive)",
    "duration_s": "float64: duration in seconds, NaN when unknown",
    "intensity": "float64: pain 0–10 (NRS), NaN when unknown",
    "side": "string: 'left', 'right', 'both' or <NA>",
    "division_v1": "bool: ophthalmic division (V1) recorded",
    "division_v2": "bool: maxillary division (V2) recorded",
    "division_v3": "bool: mandibular division (V3) recorded",
    "triggers": "object: tuple[str, ...] as written (stripped), () when none",
    "pain_type": "string: 'paroxysmal', 'continuous' or <NA>",
    "rescue": "string: rescue treatment as written, or <NA>",
    "rescue_helped": "string: whether the rescue helped, as written ('yes', '50%'), or <NA>",
    "notes": "string: free text as written, or <NA>",
    "medication_helpful": "object: tuple[str, ...] medications rated helpful (Migraine Buddy)",
    "medication_somewhat": "object: tuple[str, ...] rated somewhat helpful",
    "medication_unhelpful": "object: tuple[str, ...] rated unhelpful",
    "medication_unsure": "object: tuple[str, ...] rated unsure",
    "time_unknown": "bool: the row gave a day but no clock time (kept out of hour figures)",
    "file": "string: file name the row came from",
    "row": "int64: spreadsheet row number in that file (header = 1)",
}
"""Columns of every attack DataFrame, in this order, with their dtype and meaning."""

DAY_COLUMNS: dict[str, str] = {
    "date": "datetime64[ns]: the day (midnight)",
    "attacks": "Float64: attack count ≥ 0, <NA> when not given",
    "worst_intensity": "float64: worst pain 0–10, NaN when unknown",
    "background_pain": "float64: background (continuous) pain 0–10, NaN when unknown",
    "notes": "string: free text as written, or <NA>",
    "file": "string: file name the row came from",
    "row": "int64: spreadsheet row number in that file (header = 1)",
}
"""Columns of every daily-log DataFrame, in this order, with their dtype and meaning."""


GENERIC_TABLE = "generic table"
"""``DiaryFile.source_format`` of a file read through the alias table (not a known export)."""


@dataclass(frozen=True)
class PainScale:
    """The pain scale a diary column uses, and how its values were read (docs/formats.md)."""

    column: str
    """The column as written (e.g. 'pain level (1-5)')."""
    low: float | None
    """Lowest value of a numeric scale (1 for 1–5); ``None`` for a word scale."""
    high: float | None
    """Highest value of a numeric scale (5 for 1–5); ``None`` for a word scale."""
    source: str
    """Where the scale came from: 'header', 'values', 'user' or the export's name."""
    converted: bool
    """True when values were converted to 0–10 (only 0–N scales, by value × 10 / N)."""
    median: float | None = None
    """Median of the values on their own scale (numeric scales), ``None`` when none."""
    maximum: float | None = None
    """Highest value on its own scale (numeric scales)."""
    words: tuple[tuple[str, int], ...] = ()
    """A word scale's words (lower case) with their counts, most frequent first."""
    minimum: float | None = None
    """Lowest value as read (a 0–10 scale the file did not state: the values' range is shown)."""

    @property
    def label(self) -> str:
        """The scale as people write it: '1–5', '0–100' or 'words'."""
        if self.low is None or self.high is None:
            return "words"
        return f"{self.low:g}–{self.high:g}"


@dataclass(frozen=True)
class DiaryInfo:
    """What a diary file turned out to be, beyond its columns (kind, other rows, scale, sheets)."""

    kind: str = ""
    """'attack log', 'daily log', 'event log', 'date-only log' …; '' = the shape's own name."""
    other_kinds: tuple[tuple[str, int], ...] = ()
    """Rows of an event log that are not pain attacks, counted by kind (SPEC ``rows_other``)."""
    medicine_events: tuple[tuple[str, int], ...] = ()
    """Medicine rows of an event log by name (as written, lower case) with counts."""
    medicine_by_day: tuple[tuple[dt.date | None, str, int], ...] = ()
    """The same medicine rows by (day, name) → count; day ``None`` where the date cannot be read.
    The summary counts only the period's days (``analysis.rescue``); ``check`` the whole file."""
    pain_names: tuple[tuple[str, int, str], ...] = ()
    """(file as in the attack rows' ``file`` column — a workbook's 'name [sheet]' —, spreadsheet
    row, name as written, stripped) of each named attack row: an event log's pain rows, or an
    attack log's type column naming headaches; the summary counts its period's attacks by name
    (``analysis.attack_names``)."""
    scale: PainScale | None = None
    """The pain scale when it is not the plain 0–10 (or when it was converted)."""
    sheets_read: tuple[str, ...] = ()
    """Workbook sheets read as diaries (empty for a text file)."""
    sheets_skipped: tuple[str, ...] = ()
    """Workbook sheets named as skipped."""
    logged_days: tuple[dt.date, ...] = ()
    """Event logs only: the days with at least one row of any kind (sorted). An event log covers
    these days and no others (docs/figures.md *Coverage*): a day without any row is a gap."""
    no_pain_days: tuple[dt.date, ...] = ()
    """The days of the rows recording pain 0 (sorted; ``tnprep.ingest.no_pain``): not attacks,
    but records of a day without pain, so each is a recorded day (docs/figures.md *Coverage*)."""


@dataclass(frozen=True)
class DiaryFile:
    """One diary file as read: its rows plus everything ``tnprep check`` reports about it."""

    file: str
    """The file's name as supplied."""
    shape: DiaryShape
    """Attack log or daily log."""
    source_format: str
    """'generic table' or the name of a recognised export such as 'Migraine Buddy'."""
    encoding: str
    """Text encoding detected (e.g. 'utf-8-sig', 'utf-16', 'cp1252'), or 'xlsx'."""
    delimiter: str | None
    """Field delimiter detected; ``None`` for XLSX."""
    date_order: DateOrder | None
    """How slash dates were read; ``None`` when the file has none."""
    date_order_source: DateOrderSource
    """Why that order."""
    mapping: tuple[tuple[str, str], ...]
    """(header as written, field) for every matched column, in file order."""
    ignored_columns: tuple[str, ...]
    """Headers that match no field (kept out of the figures, listed for the user)."""
    rows_read: int
    """Non-blank data rows in the file."""
    rows_rejected: int
    """Rows left out because their date/time could not be read."""
    table: pd.DataFrame = field(repr=False)
    """Used rows: ATTACK_COLUMNS for an attack log, DAY_COLUMNS for a daily log."""
    issues: tuple[Issue, ...] = ()
    """Problems found in this file, in row order."""
    info: DiaryInfo = field(default_factory=DiaryInfo)
    """What the file is and how it was read beyond the columns (event kinds, scale, sheets)."""

    @property
    def rows_other(self) -> int:
        """Rows of other kinds (an event log's sleep, mood, medicine … rows), counted by kind."""
        return sum(count for _, count in self.info.other_kinds)

    @property
    def mapping_offered(self) -> bool:
        """True when the user may map the columns the alias table left unused.

        Only a generic table with unused columns: a known export's layout is fixed.
        """
        return self.source_format == GENERIC_TABLE and bool(self.ignored_columns)


@dataclass(frozen=True)
class Diary:
    """All diary files of a patient, combined, with exact duplicates counted once."""

    files: tuple[DiaryFile, ...]
    """Each file as read, in the order given."""
    attacks: pd.DataFrame = field(repr=False)
    """Attack rows of all attack logs (ATTACK_COLUMNS), duplicates removed, sorted by start."""
    days: pd.DataFrame = field(repr=False)
    """Rows of all daily logs (DAY_COLUMNS), sorted by date."""
    duplicates: int
    """Extra copies of attack rows (same start minute, intensity and duration) not counted."""
    issues: tuple[Issue, ...]
    """Every file's issues plus one per duplicate."""

    @property
    def rows_read(self) -> int:
        """Non-blank data rows over all files."""
        return sum(diary_file.rows_read for diary_file in self.files)

    @property
    def rows_rejected(self) -> int:
        """Rows rejected over all files."""
        return sum(diary_file.rows_rejected for diary_file in self.files)

    @property
    def rows_other(self) -> int:
        """Rows of other kinds (event logs) over all files."""
        return sum(diary_file.rows_other for diary_file in self.files)

    @property
    def rows_used(self) -> int:
        """Rows that count: read, less rejected, duplicates and rows of other kinds."""
        return self.rows_read - self.rows_rejected - self.duplicates - self.rows_other


# ---------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------


class TreatmentCategory(Enum):
    """SPEC's treatment categories."""

    MEDICATION = "medication"
    PROCEDURE = "procedure"
    INJECTION_OR_BLOCK = "injection or block"
    COMPLEMENTARY = "complementary"
    PSYCHOLOGICAL = "psychological"
    NEUROMODULATION = "neuromodulation"
    OTHER = "other"


class Response(Enum):
    """The patient's judgement of a treatment, as SPEC words it."""

    NONE = "none"
    PARTIAL = "partial"
    GOOD = "good"
    COMPLETE = "complete"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (``2019``, ``2019-03``, ``2019-03-14``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def iso(self) -> str:
        """ISO text at the precision known: '2019', '2019-03' or '2019-03-14'."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """The earliest day the partial date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day the partial date can mean."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        if self.month is None:
            return dt.date(self.year, 12, 31)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def is_exact(self) -> bool:
        """True when the day is known."""
        return self.day is not None


@dataclass(frozen=True)
class Treatment:
    """One row of the treatment history; none is merged away."""

    name: str
    """Canonical name from the catalogue, or the name as written when unknown."""
    name_as_written: str
    """The name exactly as the user wrote it."""
    category: TreatmentCategory
    """Given in the file, else from the catalogue, else OTHER."""
    start: PartialDate | None
    """When it began, at the precision recorded; ``None`` when not given."""
    end: PartialDate | None
    """When it ended; ``None`` when ongoing or not given."""
    ongoing: bool
    """True when the end is empty."""
    dose_text: str | None
    """The dose exactly as written (e.g. '200 mg three times daily')."""
    dose_mg_per_day: float | None
    """Total daily dose in mg when the text is unambiguous; ``None`` otherwise."""
    response: Response | None
    """none / partial / good / complete, when given as a word."""
    relief_percent: float | None
    """Relief in percent when given as a number (0–100)."""
    stopped_because: str | None
    """'inefficacy', 'side effects' or the free text written."""
    side_effects: str | None
    """Side effects as written."""
    notes: str | None
    """Notes as written."""
    file: str = ""
    """File the row came from ('' when entered in the app)."""
    row: int | None = None
    """Spreadsheet row number (header = 1), ``None`` when entered in the app."""
    side: str | None = None
    """Side treated as written (a procedure's side: left, right, both), ``None`` when not given."""
    outcome: str | None = None
    """A procedure's outcome as written (optional ``outcome`` column)."""
    pain_free_until: PartialDate | None = None
    """Last day known pain-free after the treatment (optional column), at its precision."""
    recurrence: PartialDate | None = None
    """When pain came back after the treatment (optional ``recurrence`` column)."""
    complications: str | None = None
    """Complications as written, e.g. 'new numbness of the upper lip' (optional column)."""


# ---------------------------------------------------------------------------
# Questionnaires
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Administration:
    """One PHQ-9 or GAD-7 as filled in once: the items one file gives, with its date.

    SPEC *Scores*: each administration (file, date) is scored as a unit; items from different
    files are never mixed into one total.
    """

    scale: str
    """'phq9' or 'gad7'."""
    file: str
    """The file the items came from."""
    date: dt.date | None
    """When it was filled in: FHIR ``authored`` or the file's ``questionnaire_date``."""
    items: tuple[int | None, ...]
    """Items 1–9 (PHQ-9) or 1–7 (GAD-7), 0–3 each, ``None`` when unanswered."""
    stated_total: int | None = None
    """A total the file states itself (compared with the items at ingest), ``None`` if none."""


class MriContact(Enum):
    """What an MRI showed about the trigeminal nerve, as the patient reports it."""

    YES = "yes"
    """Neurovascular contact reported."""
    NO = "no"
    """No neurovascular contact reported."""
    NOT_DONE = "not done"
    """No MRI done."""
    UNKNOWN = "unknown"
    """MRI done, result not known to the patient."""


@dataclass(frozen=True)
class Answers:
    """The intake questionnaire, merged over every questionnaire file (later answers win)."""

    name: str | None = None
    date_of_birth: dt.date | None = None
    visit_date: dt.date | None = None
    clinician: str | None = None
    diagnosis: str | None = None
    """Diagnosis as reported by the patient (not made by tnprep)."""
    onset: str | None = None
    """When TN began, as written (a year, a date or text)."""
    side: str | None = None
    divisions: tuple[str, ...] = ()
    """Subset of 'V1', 'V2', 'V3' in that order."""
    bni_pain: str | None = None
    """Barrow Neurological Institute pain score: I, II, III, IIIa, IIIb, IV or V."""
    bni_numbness: str | None = None
    """BNI facial numbness score: I–IV."""
    phq9: tuple[int | None, ...] = (None,) * 9
    """PHQ-9 items 1–9, each 0–3 or ``None`` when unanswered."""
    gad7: tuple[int | None, ...] = (None,) * 7
    """GAD-7 items 1–7, each 0–3 or ``None`` when unanswered."""
    impact_eating: str | None = None
    impact_sleep: str | None = None
    impact_work: str | None = None
    goals: str | None = None
    emergency_visits: str | None = None
    """Emergency visits for facial pain in the period, as written (a count or text)."""
    iv_infusions: str | None = None
    """Intravenous infusions (e.g. fosphenytoin, lidocaine) in the period, as written."""
    days_unable_to_eat: str | None = None
    """Days unable to eat because of the pain, as written."""
    weight_lost: str | None = None
    """Weight lost because of the pain, as written (e.g. '4 kg since June')."""
    driving: str | None = None
    """Whether the pain or the medicines affect driving, as written."""
    age_at_onset: str | None = None
    """Age when the facial pain began, as written."""
    questions: tuple[str, ...] = ()
    """The patient's questions in their priority order."""
    interested_in: tuple[str, ...] = ()
    """Options the patient wants to talk about (surgery, neuromodulation, …)."""
    other: tuple[tuple[str, str], ...] = ()
    """Unknown items as (item, answer), kept and shown, never dropped."""
    phq9_difficulty: str | None = None
    """PHQ-9 item 10: how difficult the problems made work, home or getting along
    ('not difficult at all', 'somewhat difficult', 'very difficult', 'extremely difficult')."""
    questionnaire_date: dt.date | None = None
    """When the questionnaire was filled in (FHIR ``authored`` or the item), latest file wins."""
    administrations: tuple[Administration, ...] = ()
    """Each file's PHQ-9 / GAD-7 as filled in, in file order (SPEC *Scores*)."""
    mri_contact: MriContact | None = None
    """Neurovascular contact on MRI: yes / no / not done / unknown (item ``mri_contact``)."""
    mri_date: str | None = None
    """When the MRI was done, as written (a year, a month or a date)."""
    mri_side: str | None = None
    """Side of the contact, as written."""


# ---------------------------------------------------------------------------
# Everything about one patient
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PatientData:
    """Everything ingested for one patient: the input to the analysis."""

    diary: Diary
    treatments: tuple[Treatment, ...] = ()
    answers: Answers = field(default_factory=Answers)
    issues: tuple[Issue, ...] = ()
    """Issues from treatment and questionnaire files (diary issues live in ``diary``)."""
    assumptions: tuple[str, ...] = ()
    """Assumptions made while reading, e.g. a column mapped by hand (see ``tnprep.pipeline``)."""
    sample: bool = False
    """True when the record is built from the built-in invented sample (``tnprep.samples``)."""

"""Data problems as values, and the one exception for input that cannot be read at all.

Ingest never raises on a bad row: it returns records plus a list of `Issue`s
(frictionless-py style). Only a file that is not a diary / treatment history /
questionnaire at all raises `InputError`, whose message says how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Severity(Enum):
    """How much an issue changed what was counted."""

    REJECTED = "rejected"
    """The whole row was left out of every figure (e.g. its date cannot be read)."""
    DROPPED = "dropped"
    """One field of the row was left out; the row itself still counts."""
    DUPLICATE = "duplicate"
    """An exact copy of a row already counted; counted once (SPEC ``duplicates``)."""
    NOTICE = "notice"
    """Nothing was left out; an assumption or a fact the user should know (e.g. date order)."""


_R, _D, _U, _N = Severity.REJECTED, Severity.DROPPED, Severity.DUPLICATE, Severity.NOTICE


class IssueCode(StrEnum):
    """Every issue code tnprep can write: its stable text, severity and one-line meaning.

    The one registry of codes (docs/formats.md prints it; a test keeps the two equal). A member
    is its code text (``IssueCode.DUPLICATE == "duplicate"``), so summaries and pages show the
    same strings as before. One event has one code: ``column-unknown`` (treatment histories) was
    merged into ``column-ignored`` and ``column-duplicate`` into ``column-repeated``.
    """

    severity: Severity
    """Whether the row was rejected, a field dropped, a copy counted once, or nothing lost."""
    meaning: str
    """One line for docs/formats.md: what happened and what was left out."""

    def __new__(cls, code: str, severity: Severity, meaning: str) -> IssueCode:
        """A member whose value is ``code``, carrying its severity and meaning."""
        member = str.__new__(cls, code)
        member._value_ = code
        member.severity = severity
        member.meaning = meaning
        return member

    # Diaries: a rejected row (docs/formats.md).
    DATE_MISSING = "date-missing", _R, "The date cell is empty."
    DATE_UNREADABLE = (
        "date-unreadable", _R,
        "The date matches none of the formats above (or is impossible in the file's date order).",
    )  # fmt: skip
    DATE_IN_FUTURE = (
        "date-in-future", _R,
        "The date is after the day the file is read, beyond one day's margin for time zones: a "
        "diary cannot record a day still to come (a mistyped year, a wrong date order).",
    )  # fmt: skip
    DATE_APART = (
        "date-apart", _R,
        "The date lies in a small group of rows (at most 3) more than 180 days apart from the rest "
        "of the file: a mistyped year, which would stretch the period with 'attack-free' days.",
    )  # fmt: skip
    HEADER_REPEATED = (
        "header-repeated", _R,
        "The row repeats the file's header row (months pasted one under another).",
    )  # fmt: skip
    SECOND_TABLE = (
        "second-table", _R,
        "The row is in a second table under the diary (its own header row names other columns, "
        "e.g. a medication list), up to the next repeat of the diary's header.",
    )  # fmt: skip
    TIME_MISSING = (
        "time-missing", _R,
        "Attack log: the time cell is empty, or the date-time cell holds a date without a time "
        "of day.",
    )  # fmt: skip
    TIME_UNREADABLE = (
        "time-unreadable", _R, "Attack log: the time cannot be read (`25:61`, `noon`)."
    )  # fmt: skip
    # Diaries: a field dropped.
    DURATION_UNREADABLE = (
        "duration-unreadable", _D, "The duration cannot be read (`forever`, `0:90`)."
    )  # fmt: skip
    DURATION_NEGATIVE = "duration-negative", _D, "The duration is below zero (`-30s`)."
    DURATION_AMBIGUOUS = (
        "duration-ambiguous", _D,
        "A bare number with two decimals in a column whose such numbers all stay below .60 "
        "(`1.30`): a decimal or minutes and seconds written with a dot, not guessed.",
    )  # fmt: skip
    INTENSITY_UNREADABLE = "intensity-unreadable", _D, "The pain is not a number (`high`)."
    INTENSITY_OUT_OF_RANGE = "intensity-out-of-range", _D, "The pain is outside 0–10."
    WORST_INTENSITY_UNREADABLE = (
        "worst-intensity-unreadable", _D, "Daily log: the worst pain is not a number."
    )  # fmt: skip
    WORST_INTENSITY_OUT_OF_RANGE = (
        "worst-intensity-out-of-range", _D, "Daily log: the worst pain is outside 0–10."
    )  # fmt: skip
    BACKGROUND_PAIN_UNREADABLE = (
        "background-pain-unreadable", _D, "Daily log: the background pain is not a number."
    )  # fmt: skip
    BACKGROUND_PAIN_OUT_OF_RANGE = (
        "background-pain-out-of-range", _D, "Daily log: the background pain is outside 0–10."
    )  # fmt: skip
    ATTACKS_UNREADABLE = "attacks-unreadable", _D, "Daily log: the attack count is not a number."
    ATTACKS_OUT_OF_RANGE = (
        "attacks-out-of-range", _D,
        "Daily log: the attack count is negative or not whole (`2.5`).",
    )  # fmt: skip
    SIDE_UNKNOWN = "side-unknown", _D, "The side is not left, right or both (`middle`)."
    DIVISION_UNKNOWN = (
        "division-unknown", _D, "The division cell holds something other than V1, V2, V3 (`V4`)."
    )  # fmt: skip
    LOCATION_UNREAD = (
        "location-unread", _D,
        "The location names neither a side nor a division (`V4`, `nose`), so nothing could be "
        "taken from it.",
    )  # fmt: skip
    PAIN_TYPE_UNKNOWN = "pain-type-unknown", _D, "The pain type is not paroxysmal or continuous."
    EXTRA_CELLS = (
        "extra-cells", _D,
        "The row has more cells than the header; the extra cells are ignored (any CSV: diary, "
        "treatment history, questionnaire).",
    )  # fmt: skip
    END_UNREADABLE = (
        "end-unreadable", _D, "Attack log: the end time cannot be read; no duration for the row."
    )  # fmt: skip
    END_BEFORE_START = (
        "end-before-start", _D,
        "Attack log: the end date-time is before the start; no duration for the row.",
    )  # fmt: skip
    COLUMN_MOSTLY_UNREADABLE = (
        "column-mostly-unreadable", _D,
        "One field failed for most rows of a column: one issue with the count and three "
        "examples (no row).",
    )  # fmt: skip
    # Diaries: a copy counted once.
    DUPLICATE = (
        "duplicate", _U,
        "Same start minute and the same recorded values as an attack already counted.",
    )  # fmt: skip
    DAY_ONLY_OVERLAP = (
        "day-only-overlap", _N,
        "A day-only row and a timed attack of another diary on the same day agree on every value "
        "both record: both are counted, named in one notice per pair of files (no row).",
    )  # fmt: skip
    DURATION_EXCEL_CLOCK = (
        "duration-excel-clock", _N,
        "A workbook's duration column holds Excel clock times of whole minutes, read as "
        "hours:minutes; typed minutes:seconds would be 60 times too long (no row).",
    )  # fmt: skip
    PAIN_ZERO = (
        "pain-zero", _N,
        "Attack log: rows that record pain 0 (no pain) are not pain attacks (a daily check-in, the "
        "end of a headache): counted under `rows_other` as `pain 0 (no pain)`, named in one notice "
        "per file (no row).",
    )  # fmt: skip
    NO_ATTACK_NOTED = (
        "no-attack-noted", _N,
        "Attack log: rows whose only entry is a note saying there was no attack ('no attacks "
        "today', 'pain free') are not attacks: counted under `rows_other` as `no attack (noted)`, "
        "their days recorded days without attacks, named in one notice per file (no row).",
    )  # fmt: skip
    NOTHING_RECORDED = (
        "nothing-recorded", _N,
        "Date-only rows with nothing but the date, in a diary whose other rows record the attack "
        "(a template dated in advance): not attacks, counted under `rows_other` as `a date with "
        "nothing recorded`, named in one notice per file (no row).",
    )  # fmt: skip
    DAY_ONLY_REPEATS = (
        "day-only-repeats", _N,
        "Days on which one diary holds several attack rows with no clock time: each row counts as "
        "an attack, named in one notice per file (no row).",
    )  # fmt: skip
    # Diaries: nothing left out.
    COLUMN_VALUES_MISMATCH = (
        "column-values-mismatch", _N,
        "The header matched a field but most values do not fit it (places under `Location`, a "
        "diagnosis under `Type`); the column was not read (row 1).",
    )  # fmt: skip
    COLUMN_HOLDS_DATES = (
        "column-holds-dates", _N,
        "A `time` column holds dates only: read as the date, time of day unknown (row 1).",
    )  # fmt: skip
    DURATION_HOLDS_END_TIMES = (
        "duration-holds-end-times", _N,
        "A `duration` column holds clock times shortly after each start (the end, `13:12` for "
        "12:21): read as the end time, or not read when an end column exists (row 1).",
    )  # fmt: skip
    COLUMNS_UNNAMED = (
        "columns-unnamed", _N,
        "Columns with an empty header, counted in one notice; not read (row 1).",
    )  # fmt: skip
    EVENT_LOG = (
        "event-log", _N,
        "An event log: only its pain rows are attacks; the other rows are counted by kind (row "
        "1, the type column).",
    )  # fmt: skip
    ONGOING_EVENT = (
        "ongoing-event", _N,
        "Migraine Buddy: a row of the export's first table (ongoing events, e.g. an attack still "
        'going on or a medication change) is named with its cells; it is not counted as an attack'
        ' (the export gives it no start time).',
    )  # fmt: skip
    DURATION_OPEN = (
        "duration-open", _N,
        'Migraine Buddy: `Lasted` is empty — the attack may still have been going on at export '
        'time; it is counted with its duration unknown (one notice per row, or one for the file '
        'past 5 rows).',
    )  # fmt: skip
    DATE_ORDER_ASSUMED = (
        "date-order-assumed", _N,
        "Every slash date could be day- or month-first; day-first was assumed (whole file).",
    )  # fmt: skip
    COLUMN_NOT_FOR_SHAPE = (
        "column-not-for-shape", _N,
        "Daily log: a column of an attack log (pain, trigger, side …) that a daily log cannot use; "
        "not used (header row).",
    )  # fmt: skip
    COLUMN_IGNORED = (
        "column-ignored", _N,
        "A header matches no field; the column was not read (diary: row 1; treatment history: "
        "no row). Replaces the treatment histories' `column-unknown`.",
    )  # fmt: skip
    COLUMN_REPEATED = (
        "column-repeated", _N,
        "A second column for a field already given; not read (diary: row 1; treatment "
        "history: no row). Replaces the treatment histories' `column-duplicate`.",
    )  # fmt: skip
    MEDICINE_SHEET_UNLINKED = (
        "medicine-sheet-unlinked", _N,
        "Workbook: a medicines-taken sheet names none of the workbook's attacks by id; its rows "
        "are medicine events, no attack's rescue is taken from it (no row).",
    )  # fmt: skip
    SHEET_SKIPPED = (
        "sheet-skipped", _N,
        "Workbook: a sheet that is not a diary, named with the reason (a medicines-taken table, "
        "a chart's data); no row.",
    )  # fmt: skip
    # Treatment histories (docs/treatments.md).
    TREATMENT_MISSING = (
        "treatment-missing", _R,
        "Treatment history: the row names no treatment; it is left out.",
    )  # fmt: skip
    TREATMENT_UNKNOWN = (
        "treatment-unknown", _N,
        "Treatment history: the name is not in the catalogue and no category was given: "
        "category *other*.",
    )  # fmt: skip
    CATEGORY_UNKNOWN = (
        "category-unknown", _D,
        "Treatment history: the category is not a known one; the catalogue's (or *other*) is used.",
    )  # fmt: skip
    TREATMENT_DATE_UNREADABLE = (
        "treatment-date-unreadable", _D,
        "Treatment history: a start or end date could not be read; left empty.",
    )  # fmt: skip
    TREATMENT_DATE_AMBIGUOUS = (
        "treatment-date-ambiguous", _D,
        "Treatment history: an `nn/nn/yyyy` date could be day- or month-first and nothing "
        "decides; left empty.",
    )  # fmt: skip
    DATE_ORDER_FROM_DATA = (
        "date-order-from-data", _N,
        "Treatment history: ambiguous slash dates were read in the only order the file's other "
        "dates allow.",
    )  # fmt: skip
    TREATMENT_END_BEFORE_START = (
        "treatment-end-before-start", _N,
        "Treatment history: the end is before the start; both kept as written (was "
        "`end-before-start`, which in a diary drops the duration).",
    )  # fmt: skip
    DOSE_NOT_PARSED = (
        "dose-not-parsed", _N,
        "Treatment history: the dose is kept as written but gives no unambiguous mg/day.",
    )  # fmt: skip
    RESPONSE_UNREADABLE = (
        "response-unreadable", _D,
        "Treatment history: the response is neither a known word nor a percentage 0–100; left "
        "empty.",
    )  # fmt: skip
    PRESCRIPTIONS_JOINED = (
        "prescriptions-joined", _N,
        "EHR medication list: repeated prescriptions of one drug shown as one course (rows "
        "named).",
    )  # fmt: skip
    # Questionnaires (docs/questionnaires.md).
    ANSWER_INVALID = (
        "answer-invalid", _D,
        "Questionnaire: the answer is not valid for its item (a PHQ-9 item of 7, BNI `VI`).",
    )  # fmt: skip
    ANSWER_DATE_UNREADABLE = (
        "answer-date-unreadable", _D,
        "Questionnaire: not a date, or no such day (`31.02.1970`).",
    )  # fmt: skip
    ANSWER_DATE_IN_FUTURE = (
        "answer-date-in-future", _D,
        "Questionnaire: the form's date or the date of birth is after the day the file is read "
        "(one day's margin); dropped, so the form counts as undated.",
    )  # fmt: skip
    ANSWER_DATE_AMBIGUOUS = (
        "answer-date-ambiguous", _D,
        "Questionnaire: a slash date that could be day/month or month/day.",
    )  # fmt: skip
    ITEM_MISSING = "item-missing", _D, "Questionnaire: a CSV row with an answer but no item name."
    ANSWER_REPLACED = (
        "answer-replaced", _N, "Questionnaire: a later answer replaced an earlier, different one."
    )  # fmt: skip
    ANSWER_REPEATED = (
        "answer-repeated", _N,
        "Questionnaire: a question or other answer repeated word for word; listed once.",
    )  # fmt: skip
    STATED_TOTAL_DIFFERS = (
        "stated-total-differs", _N,
        "Questionnaire: a stated PHQ-9 / GAD-7 total differs from the sum of its items (or "
        "cannot be checked); the items' total (or, items missing, its floor) is shown.",
    )  # fmt: skip
    FHIR_ITEMS_NOT_PLACED = (
        "fhir-items-not-placed", _N,
        "Questionnaire: a FHIR QuestionnaireResponse names PHQ-9 or GAD-7 but none of its "
        "answers matches an item of it; no score, the answers are kept by item name.",
    )  # fmt: skip
    FHIR_NOT_FINAL = (
        "fhir-not-final", _N,
        "Questionnaire: a FHIR QuestionnaireResponse marked `in-progress` or `stopped`; its "
        "answers are scored as they stand (a response marked `entered-in-error` is refused).",
    )  # fmt: skip
    FHIR_NOT_PHQ9_GAD7 = (
        "fhir-not-phq9-gad7", _N,
        "Questionnaire: a FHIR QuestionnaireResponse that is neither PHQ-9 nor GAD-7; its "
        "answers are kept by item name.",
    )  # fmt: skip
    # Analysis (docs/figures.md *Long silences*).
    ATTACK_LOG_SILENCE = (
        "attack-log-silence", _N,
        "Attack log: 28 days or more without a row in any diary inside the log's span; counted "
        "as attack-free (SPEC), or as gaps with `--silences unrecorded` / the app's control.",
    )  # fmt: skip
    # Whole files (docs/formats.md, "A file that cannot be read"; docs/summary-json.md).
    FILE_LEFT_OUT = (
        "file-left-out", _R,
        "A file that could not be read at all was left out of the page (SPEC exit 1); no row.",
    )  # fmt: skip
    PREVIOUS_LEFT_OUT = (
        "previous-left-out", _N,
        "An earlier visit's summary was not used for \"since the last visit\" (reasons in "
        "docs/summary-json.md).",
    )  # fmt: skip


FILE_LEFT_OUT = IssueCode.FILE_LEFT_OUT
"""Issue code of a file that could not be read at all and was left out of the page (SPEC exit 1)."""


def code_table() -> str:
    """The registry as the Markdown table docs/formats.md prints between its ``codes`` markers."""
    rows = [f"| `{code}` | {code.severity.value} | {code.meaning} |" for code in IssueCode]
    return "\n".join(["| Code | Severity | Meaning |", "|---|---|---|", *rows])


@dataclass(frozen=True)
class Issue:
    """One problem found in the input, located as a spreadsheet user would find it."""

    code: IssueCode
    """Stable machine code, e.g. ``date-unreadable``; its severity and meaning in the registry."""
    file: str
    """The file's name as the user supplied it (no directories)."""
    row: int | None
    """Spreadsheet row number (header = 1); ``None`` for whole-file issues."""
    column: str | None
    """The column header as written in the file; ``None`` when not about one column."""
    value: str | None
    """The offending cell as written (truncated to 80 characters), or ``None``."""
    message: str
    """Plain-language explanation for the user."""
    rows: int = 1
    """How many rows the issue stands for: 1, or every failed row of a column-level issue."""

    @property
    def severity(self) -> Severity:
        """Whether the row was rejected, a field dropped, or nothing lost (the code's severity)."""
        return self.code.severity

    def sort_key(self) -> tuple[str, int, str, str]:
        """Order issues by file, row, column and code for stable output."""
        return (self.file, self.row or 0, self.column or "", self.code)


class InputError(Exception):
    """A file that cannot be read at all (binary, empty, not a table, wrong kind of file).

    The message names the file and says how to fix it; the CLI prints it as one line
    and exits 2, the app shows it beside the upload.
    """

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}: {reason}")
        self.file = file
        """The file's name as the user supplied it."""
        self.reason = reason
        """What is wrong and how to fix it, without the file name."""


def clip(value: object, limit: int = 80) -> str:
    """Return ``value`` as text short enough to quote in an issue."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"

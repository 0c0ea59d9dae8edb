"""Treatment history files (CSV, TSV, XLSX) → ``Loaded[Treatment]``: every named row kept.

Headers match ``HEADER_ALIASES`` case-, space- and punctuation-insensitively. Every row with a
treatment name becomes one ``Treatment`` (none is merged away); a row without a name is the only
rejection. Names are looked up in the TN catalogue (``tnprep.catalogue``); a category written in the
file wins over the catalogue's. Dates may be partial (``tnprep.ingest.partial_dates``); doses are
kept as written with mg/day beside them when unambiguous (``tnprep.ingest.doses``). Every problem
is an ``Issue``; docs/treatments.md lists the codes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tnprep.catalogue import lookup
from tnprep.ingest import ehr_medications
from tnprep.ingest.columns import normalise_header
from tnprep.ingest.decode import Table, read_table
from tnprep.ingest.doses import parse_daily_dose
from tnprep.ingest.partial_dates import needs_order, order_from_data, parse_partial_date
from tnprep.ingest.treatment_values import (
    ResponseReading,
    cell_text,
    means_ongoing,
    read_category,
    read_response,
    read_stop_reason,
)
from tnprep.ingest.treatments_refusal import diary_refusal, json_refusal
from tnprep.issues import InputError, Issue, IssueCode, clip
from tnprep.model import DateOrder, Loaded, PartialDate, Treatment, TreatmentCategory

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "treatment": (
        "treatment", "medication", "medicine", "drug", "name", "therapy", "treatmentname",
        "medicationname", "drugname", "medications", "medicines", "drugs", "treatments",
    ),
    "category": ("category", "type", "treatmenttype", "kind"),
    "start": (
        "start", "started", "startdate", "from", "datestarted", "since", "began", "timestamp",
        "date", "datetime",
    ),
    "end": ("end", "enddate", "stopped", "to", "until", "ended", "datestopped", "stopdate"),
    "dose": ("dose", "dosage", "dosing", "dailydose"),
    "response": ("response", "effect", "relief", "benefit", "effectiveness", "helped"),
    "stopped_because": (
        "stoppedbecause", "reasonstopped", "whystopped", "reasonforstopping", "stopreason",
    ),
    "side_effects": ("sideeffects", "adverseeffects", "sideeffect", "adverseeffect"),
    "notes": ("notes", "comments", "note", "comment", "remarks"),
    # Optional columns of the treatment-resistance ledger (procedures mostly; docs/treatments.md).
    "side": ("side", "treatedside", "operatedside", "sidetreated"),
    "outcome": ("outcome", "result", "procedureoutcome"),
    "pain_free_until": ("painfreeuntil", "painfreeto", "painfreetill"),
    "recurrence": (
        "recurrence", "recurrencedate", "painreturned", "attacksreturned", "relapse", "relapsedate",
    ),
    "complications": ("complications", "complication"),
}  # fmt: skip
"""Field → normalised header keys that mean it (docs/treatments.md prints this table)."""

_FIELD_OF_KEY = {key: field for field, keys in HEADER_ALIASES.items() for key in keys}
_DATE_FIELDS = ("start", "end", "pain_free_until", "recurrence")

ISSUE_CODES: tuple[IssueCode, ...] = (
    IssueCode.TREATMENT_MISSING,
    IssueCode.TREATMENT_UNKNOWN,
    IssueCode.CATEGORY_UNKNOWN,
    IssueCode.TREATMENT_DATE_UNREADABLE,
    IssueCode.TREATMENT_DATE_AMBIGUOUS,
    IssueCode.DATE_ORDER_FROM_DATA,
    IssueCode.TREATMENT_END_BEFORE_START,
    IssueCode.DOSE_NOT_PARSED,
    IssueCode.RESPONSE_UNREADABLE,
    IssueCode.COLUMN_IGNORED,
    IssueCode.COLUMN_REPEATED,
    IssueCode.PRESCRIPTIONS_JOINED,
)
"""Every issue code this reader raises (docs/treatments.md explains each; the registry holds
their severities)."""


@dataclass(frozen=True)
class _Row:
    """One spreadsheet row's cells by field, with where they came from."""

    number: int
    cells: Mapping[str, object]
    headers: Mapping[str, str]


@dataclass(frozen=True)
class _Context:
    """What every row of one file shares."""

    file: str
    order: DateOrder | None


def read_treatments(
    data: bytes, file: str, date_order: DateOrder | None = None
) -> Loaded[Treatment]:
    """Read a treatment history file.

    Args:
        data: The file's bytes (CSV/TSV/semicolon text or XLSX, detected from the bytes).
        file: The file's name as supplied, used in issues.
        date_order: The user's reading of ambiguous ``nn/nn/yyyy`` dates; by default it is decided
            from the file's unambiguous slash dates, and left unread (with an issue) when they
            cannot decide.

    Returns:
        One ``Treatment`` per row with a name, in row order, and every issue in row order.

    Raises:
        InputError: the file is not a table, is JSON, is shaped like an attack diary
            (``tnprep.ingest.treatments_refusal``), or has no column naming the treatment.
    """
    refusal = json_refusal(data, file)
    if refusal is not None:
        raise refusal
    table, ehr_issues = _as_treatment_table(_not_a_diary(read_table(data, file)))
    columns, issues = _match_columns(table)
    if "treatment" not in columns.values():
        raise InputError(file, _NO_TREATMENT_COLUMN.format(headers=", ".join(table.header)))
    split = ehr_medications.split_several(table, *_name_and_dose(columns))
    if split.header != table.header:  # a Dose column was added for the strengths split off
        columns, issues = _match_columns(split)
    table = split
    issues += ehr_issues
    rows = list(_rows(table, columns))
    order, order_issues = _file_order(rows, file, date_order)
    context = _Context(file, order)
    records: list[Treatment] = []
    for row in rows:
        treatment, row_issues = _read_row(row, context)
        records += [treatment] if treatment is not None else []
        issues += row_issues
    issues = [*table.issues, *issues, *order_issues]
    return Loaded(tuple(records), tuple(sorted(issues, key=Issue.sort_key)))


def _as_treatment_table(table: Table) -> tuple[Table, list[Issue]]:
    """An EHR medication list becomes one row per course (``tnprep.ingest.ehr_medications``)."""
    if ehr_medications.is_medication_list(table.header):
        return ehr_medications.as_treatment_table(table)
    return table, []


def _not_a_diary(table: Table) -> Table:
    """``table`` itself, unless its columns say it is an attack diary (then refused)."""
    refusal = diary_refusal(table, _match_columns(table)[0])
    if refusal is not None:
        raise refusal
    return table


def _name_and_dose(columns: Mapping[int, str]) -> tuple[int, int | None]:
    by_field = {name: position for position, name in columns.items()}
    return by_field["treatment"], by_field.get("dose")


_NO_TREATMENT_COLUMN = (
    "has no column naming the treatment (headers found: {headers}). Add a column headed "
    "'Treatment' (or Medication, Drug, Name, Therapy) with one treatment per row."
)


def _match_columns(table: Table) -> tuple[dict[int, str], list[Issue]]:
    """Map column positions to fields; unknown and repeated columns become notices."""
    columns: dict[int, str] = {}
    issues: list[Issue] = []
    for position, header in enumerate(table.header):
        field = _FIELD_OF_KEY.get(normalise_header(header))
        if field is None:
            issues.append(
                _column_issue(IssueCode.COLUMN_IGNORED, table.file, header, _UNKNOWN_COLUMN)
            )
        elif field in columns.values():
            issues.append(_column_issue(IssueCode.COLUMN_REPEATED, table.file, header, _DUPLICATE))
        else:
            columns[position] = field
    return columns, issues


_UNKNOWN_COLUMN = (
    "This column is not part of a treatment history and was not read; rename it (see "
    "docs/treatments.md) or copy its content into Notes to keep it."
)
_DUPLICATE = "Another column already gives this field; this one was not read."


def _column_issue(code: IssueCode, file: str, header: str, message: str) -> Issue:
    return Issue(
        code=code, file=file, row=None, column=header or "(blank header)", value=None,
        message=message,
    )  # fmt: skip


def _rows(table: Table, columns: Mapping[int, str]) -> Iterable[_Row]:
    headers = {field: table.header[position] for position, field in columns.items()}
    for number, values in table.cells.iterrows():
        cells = {field: values.iloc[position] for position, field in columns.items()}
        yield _Row(int(str(number)), cells, headers)


def _file_order(
    rows: list[_Row], file: str, user_order: DateOrder | None
) -> tuple[DateOrder | None, list[Issue]]:
    """Decide how ambiguous slash dates are read: the user's order, else the file's evidence."""
    if user_order is not None:
        return user_order, []
    order = order_from_data([row.cells.get(field) for row in rows for field in _DATE_FIELDS])
    if order is None:
        return None, []
    message = (
        f"Dates such as 03/04/2019 were read {order.value} because other dates in the file "
        "can only be read that way."
    )
    issue = Issue(
        code=IssueCode.DATE_ORDER_FROM_DATA, file=file, row=None, column=None, value=None,
        message=message,
    )  # fmt: skip
    return order, [issue]


def _read_row(row: _Row, context: _Context) -> tuple[Treatment | None, list[Issue]]:
    name = cell_text(row.cells.get("treatment"))
    if name is None:
        return None, [_issue(row, context, "treatment", IssueCode.TREATMENT_MISSING, _NO_NAME)]
    issues: list[Issue] = []
    canonical, category = _name_and_category(name, row, context, issues)
    start = _date(row, context, "start", issues)
    end, ongoing = _end(row, context, issues)
    if start is not None and end is not None and end.last_day() < start.first_day():
        issues.append(
            _issue(row, context, "end", IssueCode.TREATMENT_END_BEFORE_START, _END_BEFORE_START)
        )
    dose_text, dose = _dose(row, context, issues)
    response = _response(row, context, issues)
    stop_text = cell_text(row.cells.get("stopped_because"))
    treatment = Treatment(
        name=canonical,
        name_as_written=name,
        category=category,
        start=start,
        end=end,
        ongoing=ongoing,
        dose_text=dose_text,
        dose_mg_per_day=dose,
        response=response.response,
        relief_percent=response.relief_percent,
        stopped_because=read_stop_reason(stop_text) if stop_text is not None else None,
        side_effects=cell_text(row.cells.get("side_effects")),
        notes=cell_text(row.cells.get("notes")),
        file=context.file,
        row=row.number,
        side=cell_text(row.cells.get("side")),
        outcome=cell_text(row.cells.get("outcome")),
        pain_free_until=_date(row, context, "pain_free_until", issues),
        recurrence=_date(row, context, "recurrence", issues),
        complications=cell_text(row.cells.get("complications")),
    )
    return treatment, issues


def _dose(row: _Row, context: _Context, issues: list[Issue]) -> tuple[str | None, float | None]:
    """The dose as written and its mg/day (``None`` with a notice when not unambiguous)."""
    text = cell_text(row.cells.get("dose"))
    if text is None:
        return None, None
    dose = parse_daily_dose(text)
    if dose is None:
        issues.append(_issue(row, context, "dose", IssueCode.DOSE_NOT_PARSED, _DOSE_NOT_PARSED))
    return text, dose


def _response(row: _Row, context: _Context, issues: list[Issue]) -> ResponseReading:
    text = cell_text(row.cells.get("response"))
    reading = read_response(text) if text is not None else _NO_RESPONSE
    if reading is None:
        issues.append(
            _issue(row, context, "response", IssueCode.RESPONSE_UNREADABLE, _BAD_RESPONSE)
        )
    return reading or _NO_RESPONSE


_NO_RESPONSE = ResponseReading(None, None)


_NO_NAME = "The row names no treatment, so it was left out. Add the treatment's name to keep it."
_END_BEFORE_START = "The end date is before the start date; both are kept as written. Please check."
_DOSE_NOT_PARSED = (
    "The dose is kept as written, but no daily total in mg could be read from it unambiguously "
    "(e.g. '200 mg three times daily')."
)
_BAD_RESPONSE = (
    "The response was not understood and was left out. Write none, partial, good or complete, "
    "or the relief in percent (e.g. 60%)."
)
_UNKNOWN_TREATMENT = (
    "This treatment is not in the built-in list, so it is listed under 'other'. Add a Category "
    "column (medication, procedure, injection or block, complementary, psychological, "
    "neuromodulation, other) to set it."
)
_BAD_CATEGORY = (
    "The category was not understood and was not used. Write one of: medication, procedure, "
    "injection or block, complementary, psychological, neuromodulation, other."
)


def _name_and_category(
    name: str, row: _Row, context: _Context, issues: list[Issue]
) -> tuple[str, TreatmentCategory]:
    """Canonical name and category: the file's category wins, then the catalogue, then OTHER."""
    entry = lookup(name)
    given = _given_category(row, context, issues)
    if entry is None and given is None:
        issues.append(
            _issue(row, context, "treatment", IssueCode.TREATMENT_UNKNOWN, _UNKNOWN_TREATMENT)
        )
    canonical = entry.name if entry is not None else name
    category = given or (entry.category if entry is not None else TreatmentCategory.OTHER)
    return canonical, category


def _given_category(row: _Row, context: _Context, issues: list[Issue]) -> TreatmentCategory | None:
    text = cell_text(row.cells.get("category"))
    if text is None:
        return None
    category = read_category(text)
    if category is None:
        issues.append(_issue(row, context, "category", IssueCode.CATEGORY_UNKNOWN, _BAD_CATEGORY))
    return category


def _date(row: _Row, context: _Context, field: str, issues: list[Issue]) -> PartialDate | None:
    cell = row.cells.get(field)
    if cell_text(cell) is None:
        return None
    date = parse_partial_date(cell, context.order)
    if date is None and needs_order(cell):
        issues.append(_issue(row, context, field, IssueCode.TREATMENT_DATE_AMBIGUOUS, _AMBIGUOUS))
    elif date is None:
        issues.append(_issue(row, context, field, IssueCode.TREATMENT_DATE_UNREADABLE, _UNREADABLE))
    return date


_AMBIGUOUS = (
    "The date could be day-first or month-first and nothing in the file decides, so it was left "
    "out. Write it as 2019-03-04 (year-month-day), or choose the date order."
)
_UNREADABLE = (
    "The date could not be read and was left out. Write it as 2019, 2019-03, March 2019 or "
    "2019-03-14."
)


def _end(row: _Row, context: _Context, issues: list[Issue]) -> tuple[PartialDate | None, bool]:
    """The end date and whether the treatment continues (an empty or 'ongoing' end)."""
    text = cell_text(row.cells.get("end"))
    if text is None or means_ongoing(text):
        return None, True
    return _date(row, context, "end", issues), False


def _issue(row: _Row, context: _Context, field: str, code: IssueCode, message: str) -> Issue:
    cell = row.cells.get(field)
    value = None if cell_text(cell) is None else clip(cell_text(cell))
    return Issue(
        code=code, file=context.file, row=row.number, column=row.headers.get(field), value=value,
        message=message,
    )  # fmt: skip

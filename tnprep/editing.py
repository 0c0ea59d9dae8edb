"""Pure helpers behind the app's editing tabs: tables in, typed values out, downloads as bytes.

The app (``app.py``) shows the treatment history and the questions in ``st.data_editor`` tables
and the intake in a form; this module turns those tables and form values back into the typed
values the analysis takes, and writes the downloads. Nothing here imports Streamlit or reads the
clock. An edited treatment table is read back by the same reader as a treatment file
(``tnprep.ingest.treatments.read_treatments``), so a date typed as ``March 2019`` or a dose typed
as ``200 mg tds`` is understood, and anything it cannot read becomes an ``Issue``, exactly as in
a file: nothing is guessed and nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence

import pandas as pd

from tnprep.csv_safety import write_csv
from tnprep.ingest.decode import read_table
from tnprep.ingest.fhir import answers_to_fhir, answers_to_rows
from tnprep.ingest.treatments import read_treatments
from tnprep.model import Answers, Loaded, Treatment, TreatmentCategory
from tnprep.pipeline import mapping_assumptions  # re-exported: the recipe owns it

TREATMENT_COLUMNS: tuple[str, ...] = (
    "treatment",
    "category",
    "start",
    "end",
    "dose",
    "response",
    "stopped_because",
    "side_effects",
    "notes",
    "side",
    "outcome",
    "pain_free_until",
    "recurrence",
    "complications",
)
"""Columns of the treatment table, in order: the headers of ``sample_data/treatments.csv``
(the last five are the ledger's optional procedure columns, docs/treatments.md)."""

EDITED_TREATMENTS = "treatment table (app)"
"""The 'file' name issues about an edited treatment table carry."""

CATEGORY_CHOICES: tuple[str, ...] = tuple(category.value for category in TreatmentCategory)
"""The categories a table row can take; an empty cell means 'from the catalogue'."""

QUESTION_COLUMNS: tuple[str, ...] = ("order", "question")
"""Columns of the questions table: the priority (1 = first) and the question as typed."""

NOT_USED = "(not used)"
"""The column-mapping choice for a header that holds no diary field."""


# ---------------------------------------------------------------------------
# Treatments
# ---------------------------------------------------------------------------


def treatment_table(treatments: Sequence[Treatment]) -> pd.DataFrame:
    """Return the treatment history as a text table for ``st.data_editor``.

    Every cell is the text a user would type (``None`` when empty): the name as written, the
    category word, partial dates as ``2019`` / ``2019-03`` / ``2019-03-14``, the dose as written,
    the response as ``good``, ``40%`` or ``partial (40%)``.
    """
    rows = [_treatment_row(treatment) for treatment in treatments]
    return pd.DataFrame(rows, columns=list(TREATMENT_COLUMNS), dtype="object")


def _treatment_row(treatment: Treatment) -> list[str | None]:
    return [
        treatment.name_as_written,
        treatment.category.value,
        treatment.start.iso() if treatment.start is not None else None,
        treatment.end.iso() if treatment.end is not None else None,
        treatment.dose_text,
        response_cell(treatment),
        treatment.stopped_because,
        treatment.side_effects,
        treatment.notes,
        treatment.side,
        treatment.outcome,
        treatment.pain_free_until.iso() if treatment.pain_free_until is not None else None,
        treatment.recurrence.iso() if treatment.recurrence is not None else None,
        treatment.complications,
    ]


def response_cell(treatment: Treatment) -> str | None:
    """The response as a cell ``read_response`` reads back: 'good', '40%' or 'partial (40%)'."""
    percent = treatment.relief_percent
    percent_text = None if percent is None else f"{percent:g}%"
    if treatment.response is None:
        return percent_text
    if percent_text is None:
        return treatment.response.value
    return f"{treatment.response.value} ({percent_text})"


def treatments_csv(table: pd.DataFrame) -> bytes:
    """Return the table as a UTF-8 CSV (with BOM, so Excel opens it) to upload at the next visit.

    Rows whose every cell is empty are left out; cells are written as typed, except that a cell a
    spreadsheet would run as a formula (``=…``, ``@…``) gets a leading apostrophe (csv_safety).
    """
    return write_csv(TREATMENT_COLUMNS, _table_rows(table)).encode("utf-8-sig")


def _table_rows(table: pd.DataFrame) -> list[list[str]]:
    rows = []
    for record in table.reindex(columns=list(TREATMENT_COLUMNS)).itertuples(index=False):
        cells = [cell_text(value) for value in record]
        if any(cells):
            rows.append(cells)
    return rows


def cell_text(value: object) -> str:
    """A table cell as text: '' for None, NaN and <NA>, else ``str`` of the value, stripped."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def treatments_from_table(table: pd.DataFrame, file: str = EDITED_TREATMENTS) -> Loaded[Treatment]:
    """Read an edited treatment table with the treatment-file reader.

    Args:
        table: The table as ``st.data_editor`` returns it (columns ``TREATMENT_COLUMNS``).
        file: The name issues carry; their row numbers are the table's rows + 1 (header = 1),
            counting only rows with something in them.

    Returns:
        One ``Treatment`` per row with a name, and an issue for every other row and every
        cell that could not be read.
    """
    return read_treatments(treatments_csv(table), file)


def same_table(first: pd.DataFrame, second: pd.DataFrame) -> bool:
    """True when two treatment tables hold the same text in every cell (row order matters)."""
    return _table_rows(first) == _table_rows(second)


# ---------------------------------------------------------------------------
# Questions and the intake form
# ---------------------------------------------------------------------------


def question_table(questions: Sequence[str]) -> pd.DataFrame:
    """Return the questions as a table: ``order`` 1, 2, … and the question as typed."""
    return pd.DataFrame(
        {
            "order": pd.array(range(1, len(questions) + 1), dtype="Int64"),
            "question": pd.array(list(questions), dtype="object"),
        },
        columns=list(QUESTION_COLUMNS),
    )


def questions_from_table(table: pd.DataFrame) -> tuple[str, ...]:
    """Return the table's questions sorted by ``order`` (rows without one last, ties kept).

    Empty questions are left out; the text is kept exactly as typed (only outer spaces go).
    """
    entries = []
    for position, (order, question) in enumerate(
        table.reindex(columns=list(QUESTION_COLUMNS)).itertuples(index=False)
    ):
        text = cell_text(question)
        if text:
            entries.append((_order_key(order), position, text))
    return tuple(text for *_, text in sorted(entries))


def _order_key(order: object) -> tuple[int, float]:
    """Sort key: numbered rows first by number, rows without a number after them."""
    try:
        number = float(cell_text(order))
    except ValueError:
        return (1, 0.0)
    return (0, number) if math.isfinite(number) else (1, 0.0)


def optional_text(text: str | None) -> str | None:
    """A form's text as an answer: stripped, ``None`` when empty."""
    if text is None:
        return None
    return text.strip() or None


def text_lines(text: str | None) -> tuple[str, ...]:
    """The non-empty lines of a text area, each stripped, in order."""
    if not text:
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def answers_csv(answers: Answers) -> bytes:
    """Return the answers as an ``item,answer`` CSV (UTF-8 with BOM), formulas neutralised."""
    return write_csv(("item", "answer"), answers_to_rows(answers)).encode("utf-8-sig")


def answers_fhir_json(answers: Answers, questionnaire: str) -> bytes:
    """Return the PHQ-9 ('phq9') or GAD-7 ('gad7') answers as FHIR R4 QuestionnaireResponse JSON.

    ``authored`` is the day those answers were given (``answered_on``), so the file read back in
    is the same dated administration; with no such day it is left out, never invented.
    """
    resource = answers_to_fhir(answers, questionnaire)
    day = answered_on(answers, questionnaire)
    if day is not None:
        resource["authored"] = day.isoformat()  # FHIR R4 dateTime: a date alone is allowed
    return (json.dumps(resource, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def answered_on(answers: Answers, questionnaire: str) -> dt.date | None:
    """The day the PHQ-9 ('phq9') or GAD-7 ('gad7') answers shown were given, else ``None``.

    The latest administration of that scale holding exactly those answers: a file's, or the
    one entered in the app, dated with the day the user chose in the Questionnaire tab.
    """
    shown = answers.phq9 if questionnaire == "phq9" else answers.gad7
    same = [
        item.date
        for item in answers.administrations
        if item.scale == questionnaire and item.items == shown
    ]
    return same[-1] if same else None


# ---------------------------------------------------------------------------
# Column mapping
# ---------------------------------------------------------------------------


def diary_headers(data: bytes, file: str) -> tuple[str, ...]:
    """Return a diary file's header cells as written, for the column-mapping choices.

    Raises:
        InputError: the file is not a table at all (nothing to map).
    """
    return read_table(data, file).header


def mapping_choices(
    headers: Sequence[str], matched: Mapping[str, str], chosen: Mapping[str, str]
) -> dict[str, str]:
    """The field shown for each header: the user's choice, else the automatic match, else none.

    Args:
        headers: The file's headers as written.
        matched: Header → field as the file was read (``DiaryFile.mapping``).
        chosen: Header → field or 'ignore' the user chose earlier.
    """
    shown = {}
    for header in headers:
        field = chosen.get(header, matched.get(header, NOT_USED))
        shown[header] = NOT_USED if field == "ignore" else field
    return shown


def mapping_changes(
    shown: Mapping[str, str], matched: Mapping[str, str]
) -> tuple[tuple[str, str], ...]:
    """The user's mapping: only headers whose field differs from the automatic match.

    A header set to ``NOT_USED`` that was matched becomes 'ignore'. Headers left as matched
    are not repeated, so the alias table's unit handling (``Duration (min)``) still applies.
    """
    changes = []
    for header, field in shown.items():
        automatic = matched.get(header, NOT_USED)
        if field != automatic:
            changes.append((header, "ignore" if field == NOT_USED else field))
    return tuple(changes)


__all__ = [
    "CATEGORY_CHOICES",
    "EDITED_TREATMENTS",
    "NOT_USED",
    "QUESTION_COLUMNS",
    "TREATMENT_COLUMNS",
    "answers_csv",
    "answers_fhir_json",
    "cell_text",
    "diary_headers",
    "mapping_assumptions",
    "mapping_changes",
    "mapping_choices",
    "optional_text",
    "question_table",
    "questions_from_table",
    "response_cell",
    "same_table",
    "text_lines",
    "treatment_table",
    "treatments_csv",
    "treatments_from_table",
]

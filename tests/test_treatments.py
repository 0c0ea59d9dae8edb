"""Treatment history files → Loaded[Treatment]: every named row kept, every problem an issue."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from tnprep.ingest.treatments import HEADER_ALIASES, ISSUE_CODES, read_treatments
from tnprep.issues import InputError, Severity
from tnprep.model import DateOrder, PartialDate, Response, Treatment, TreatmentCategory

HISTORY = """\
Medication,Started,Stopped,Dosage,Effect,Why stopped,Adverse effects,Comments,Shoe size
Tegretol,March 2019,2019-11,200 mg three times daily,partial,Side-effects,dizzy,,42
Oxcarbazepine,2019-11,,900mg bd,60 %,,,"tired, slow",
,2020,,,,,,,
Lyrica,2020-02-01,2019,75 mg,good (70%),didn't work,,,
Magic tea,2021,ongoing,,meh,,,brewed daily,
Baclofen,25/03/2022,03/04/2022,10 mg tds,none,Not effective,,,
Gabapentin,spring 2022,,300 mg at night,Complete,moved abroad,,,
"""


def _read(
    text: str, file: str = "history.csv", **options: DateOrder
) -> tuple[list[Treatment], list[tuple[int | None, str | None, str]]]:
    loaded = read_treatments(text.encode("utf-8"), file, **options)
    issues = [(issue.row, issue.column, issue.code) for issue in loaded.issues]
    return list(loaded.records), issues


def test_every_named_row_is_kept_in_order() -> None:
    records, _ = _read(HISTORY)
    assert [(record.row, record.name) for record in records] == [
        (2, "carbamazepine"),
        (3, "oxcarbazepine"),
        (5, "pregabalin"),
        (6, "Magic tea"),
        (7, "baclofen"),
        (8, "gabapentin"),
    ]
    assert {record.file for record in records} == {"history.csv"}


def test_whole_issue_list() -> None:
    _, issues = _read(HISTORY)
    assert issues == [
        (None, None, "date-order-from-data"),
        (None, "Shoe size", "column-ignored"),
        (4, "Medication", "treatment-missing"),
        (5, "Dosage", "dose-not-parsed"),
        (5, "Stopped", "treatment-end-before-start"),
        (6, "Effect", "response-unreadable"),
        (6, "Medication", "treatment-unknown"),
        (8, "Started", "treatment-date-unreadable"),
    ]


def test_severities() -> None:
    loaded = read_treatments(HISTORY.encode(), "history.csv")
    severity = {(issue.row, issue.code): issue.severity for issue in loaded.issues}
    assert severity[(4, "treatment-missing")] is Severity.REJECTED
    assert severity[(6, "response-unreadable")] is Severity.DROPPED
    assert severity[(6, "treatment-unknown")] is Severity.NOTICE
    assert severity[(5, "treatment-end-before-start")] is Severity.NOTICE


def test_fields_of_a_full_row() -> None:
    records, _ = _read(HISTORY)
    assert records[0] == Treatment(
        name="carbamazepine",
        name_as_written="Tegretol",
        category=TreatmentCategory.MEDICATION,
        start=PartialDate(2019, 3),
        end=PartialDate(2019, 11),
        ongoing=False,
        dose_text="200 mg three times daily",
        dose_mg_per_day=600.0,
        response=Response.PARTIAL,
        relief_percent=None,
        stopped_because="side effects",
        side_effects="dizzy",
        notes=None,
        file="history.csv",
        row=2,
    )


@pytest.mark.parametrize(
    ("row", "field", "expected"),
    [
        (3, "ongoing", True),
        (3, "end", None),
        (3, "dose_mg_per_day", 1800.0),
        (3, "relief_percent", 60.0),
        (3, "response", None),
        (3, "notes", "tired, slow"),
        (5, "dose_text", "75 mg"),
        (5, "dose_mg_per_day", None),
        (5, "response", Response.GOOD),
        (5, "relief_percent", 70.0),
        (5, "stopped_because", "inefficacy"),
        (5, "start", PartialDate(2020, 2, 1)),
        (5, "end", PartialDate(2019)),  # kept as written, with an issue
        (6, "category", TreatmentCategory.OTHER),
        (6, "ongoing", True),
        (6, "response", None),
        (7, "start", PartialDate(2022, 3, 25)),
        (7, "end", PartialDate(2022, 4, 3)),  # day-first, decided by 25/03/2022
        (7, "dose_mg_per_day", 30.0),
        (7, "response", Response.NONE),
        (7, "stopped_because", "inefficacy"),
        (8, "start", None),
        (8, "response", Response.COMPLETE),
        (8, "stopped_because", "moved abroad"),
    ],
)
def test_field_values(row: int, field: str, expected: object) -> None:
    records, _ = _read(HISTORY)
    record = next(record for record in records if record.row == row)
    assert getattr(record, field) == expected


AMBIGUOUS = """\
Treatment,Start,End
Carbamazepine,03/04/2022,05/06/2022
"""


def test_ambiguous_dates_are_not_guessed() -> None:
    records, issues = _read(AMBIGUOUS)
    assert (records[0].start, records[0].end, records[0].ongoing) == (None, None, False)
    assert issues == [
        (2, "End", "treatment-date-ambiguous"),
        (2, "Start", "treatment-date-ambiguous"),
    ]


@pytest.mark.parametrize(
    ("order", "start"),
    [
        (DateOrder.DAY_FIRST, PartialDate(2022, 4, 3)),
        (DateOrder.MONTH_FIRST, PartialDate(2022, 3, 4)),
    ],
)
def test_the_user_sets_the_date_order(order: DateOrder, start: PartialDate) -> None:
    records, issues = _read(AMBIGUOUS, date_order=order)
    assert records[0].start == start
    assert issues == []


CATEGORIES = """\
Drug;Type;From
Carbamazepine;Procedure;2019
Occipital stimulator;neuromodulation;2020
Carbamazepine;MEDICATION;2021
Mystery;sort of a thing;2021
"""


def test_given_category_wins_and_is_case_insensitive() -> None:
    records, issues = _read(CATEGORIES, "history.csv")
    assert [record.category for record in records] == [
        TreatmentCategory.PROCEDURE,
        TreatmentCategory.NEUROMODULATION,
        TreatmentCategory.MEDICATION,
        TreatmentCategory.OTHER,
    ]
    assert [record.name for record in records][:2] == ["carbamazepine", "Occipital stimulator"]
    assert issues == [
        (5, "Drug", "treatment-unknown"),
        (5, "Type", "category-unknown"),
    ]


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_date_cells_years_and_blank_rows() -> None:
    data = _xlsx(
        [
            ["Therapy", "Start date", "End", "Dose", "Relief", "Reason stopped", "Notes"],
            ["Trileptal", dt.datetime(2023, 5, 2), None, "600 mg bd", "80%", None, None],
            [None, None, None, None, None, None, None],
            ["MVD", 2021, 2021, None, "complete", None, "left side"],
            ["Lamotrigine", "Jan 2020", dt.datetime(2020, 6, 30), 50, 0.6, "intolerance", None],
            [None, 2020, None, None, None, None, None],
        ]
    )
    loaded = read_treatments(data, "history.xlsx")
    records = loaded.records
    assert [(record.row, record.name, record.category) for record in records] == [
        (2, "oxcarbazepine", TreatmentCategory.MEDICATION),
        (4, "microvascular decompression", TreatmentCategory.PROCEDURE),
        (5, "lamotrigine", TreatmentCategory.MEDICATION),
    ]
    assert records[0].start == PartialDate(2023, 5, 2)
    assert records[0].dose_mg_per_day == 1200.0
    assert records[0].relief_percent == 80.0
    assert (records[1].start, records[1].end) == (PartialDate(2021), PartialDate(2021))
    assert records[2].end == PartialDate(2020, 6, 30)
    assert records[2].dose_text == "50"
    assert records[2].stopped_because == "side effects"
    assert [(issue.row, issue.column, issue.code) for issue in loaded.issues] == [
        (5, "Dose", "dose-not-parsed"),
        (5, "Relief", "response-unreadable"),
        (6, "Therapy", "treatment-missing"),
    ]


def test_a_file_without_a_treatment_column_cannot_be_read() -> None:
    with pytest.raises(InputError, match="no column naming the treatment") as error:
        read_treatments(b"Date,Mood\n2024-01-01,good\n", "mood.csv")
    assert "Date, Mood" in error.value.reason


def test_a_daily_pain_diary_is_refused_as_a_diary() -> None:
    with pytest.raises(InputError, match=r"looks like an attack diary .* --diary"):
        read_treatments(b"Date,Pain\n2024-01-01,5\n", "diary.csv")


def test_header_aliases_do_not_overlap() -> None:
    keys = [key for keys in HEADER_ALIASES.values() for key in keys]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize(
    "header",
    ["Treatment", "MEDICATION", "drug", "Name", "Therapy", "Treatment name"],
)
def test_treatment_header_aliases(header: str) -> None:
    records, _ = _read(f"{header}\nBotox\n")
    assert [record.name for record in records] == ["botulinum toxin A"]


def test_repeated_field_column_is_noted_and_the_first_used() -> None:
    records, issues = _read("Drug,Dose,Dosage\nBaclofen,10 mg tds,20 mg tds\n")
    assert records[0].dose_mg_per_day == 30.0
    assert issues == [(None, "Dosage", "column-repeated")]


DOCS = Path(__file__).resolve().parents[1] / "docs" / "treatments.md"


def test_docs_print_the_header_aliases() -> None:
    text = DOCS.read_text(encoding="utf-8")
    block = text.split("<!-- header-aliases:start -->\n")[1].split("<!-- header-aliases:end -->")[0]
    rows = [f"| `{field}` | {', '.join(keys)} |" for field, keys in HEADER_ALIASES.items()]
    header = "| Field | Headers recognised (compared without case, spaces or punctuation) |"
    assert block == "\n".join([header, "|---|---|", *rows, ""])


def test_docs_list_every_issue_code_with_its_severity() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for code in ISSUE_CODES:
        assert f"| `{code}` | {code.severity.value} |" in text

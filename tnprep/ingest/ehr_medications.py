"""Treatment histories from clinic systems: EHR medication lists and cells naming several drugs.

**EHR medication lists** (the layout of Synthea's ``medications.csv`` and of many EHR exports:
``START, STOP, PATIENT, ENCOUNTER, CODE, DESCRIPTION …``) hold one row per *prescription*, with
the drug, strength and form in one description (``Carbamazepine 200 MG Oral Tablet``). They are
turned into a plain treatment table before the treatment reader sees them:

- drug, strength and form are parsed from the description (``Carbamazepine`` / ``200 MG`` /
  ``Oral Tablet``); a leading package size (``24 HR``, ``1 ML``) is skipped;
- repeated prescriptions of one drug are **joined into courses**: sorted by start, a prescription
  starting no later than ``COURSE_GAP_DAYS`` after the previous one stopped continues its course
  (a prescription without a stop makes the course ongoing). The course's dose lists the strengths
  in order (``200 MG then 400 MG``), and a notice names the rows joined.

**Cells naming several drugs** (``omeprazole 40 mg;pindolol 10 mg``, split on ``;`` and line
breaks — never on commas, which doses use, nor on ``|``, which a formula-like name may hold)
become one treatment each, the strength written after a name going to the dose when the row has
none. A cell with fewer than two parts (``;`` alone) stays as written.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

import pandas as pd

from tnprep.ingest.columns import normalise_header
from tnprep.ingest.dates import parse_dates
from tnprep.ingest.decode import Table
from tnprep.issues import Issue, Severity

COURSE_GAP_DAYS = 31
"""Days between one prescription's stop and the next one's start that still continue a course."""
_EHR_MARKERS = frozenset({"patient", "encounter", "code", "payer", "reasoncode", "dispenses"})
_DESCRIPTION = ("description", "medicationdescription", "drugdescription")
_UNITS = r"(?:MG|MCG|µG|UG|G|ML|UNT|UNITS?|IU|MEQ|%|MG/ML|MG/HR|MCG/HR|MG/ACTUAT|MCG/ACTUAT)"
_STRENGTH = re.compile(
    rf"(?P<strength>\d+(?:[.,]\d+)?\s*{_UNITS}(?:\s*/\s*\d*(?:[.,]\d+)?\s*{_UNITS})?)",
    re.IGNORECASE,
)
_PACKAGE = re.compile(r"^\s*(?:NDA\d+\s+)?\d+(?:[.,]\d+)?\s*(?:HR|ML|ACTUAT|DAY)\s+", re.IGNORECASE)
_SEVERAL = re.compile(r"\s*[;\n]\s*")


@dataclass(frozen=True)
class Description:
    """A prescription description split into drug, strength and form."""

    drug: str
    strength: str | None
    form: str | None


def parse_description(text: str) -> Description:
    """``Carbamazepine 200 MG Oral Tablet`` → Carbamazepine, strength 200 MG, form Oral Tablet."""
    cleaned = _PACKAGE.sub("", text.strip())
    found = _STRENGTH.search(cleaned)
    if found is None or not cleaned[: found.start()].strip():
        return Description(cleaned, None, None)
    drug = cleaned[: found.start()].strip(" ,-")
    form = cleaned[found.end() :].strip(" ,-") or None
    return Description(drug, re.sub(r"\s+", " ", found.group("strength")), form)


def is_medication_list(header: tuple[str, ...]) -> bool:
    """An EHR medication list: a description, a start or stop, and an EHR column (patient …)."""
    keys = {normalise_header(cell) for cell in header}
    return (
        bool(keys & set(_DESCRIPTION))
        and bool(keys & {"start", "stop"})
        and bool(keys & _EHR_MARKERS)
    )


def as_treatment_table(table: Table) -> tuple[Table, list[Issue]]:
    """The EHR list as a treatment table (name, category medication, start, end, dose, notes).

    One row per course, numbered by its first prescription's row.
    """
    keys = [normalise_header(cell) for cell in table.header]
    column = {key: position for position, key in reversed(list(enumerate(keys)))}
    described = table.cells[column[next(key for key in _DESCRIPTION if key in column)]]
    starts = _dates(table, column.get("start"))
    stops = _dates(table, column.get("stop"))
    parsed = [parse_description(str(cell)) if _filled(cell) else None for cell in described]
    prescriptions = pd.DataFrame(
        {"drug": [item.drug if item else None for item in parsed],
         "strength": [item.strength if item else None for item in parsed],
         "form": [item.form if item else None for item in parsed],
         "start": starts.to_numpy(), "stop": stops.to_numpy(),
         "start_text": _texts(table, column.get("start")),
         "stop_text": _texts(table, column.get("stop"))},
        index=table.cells.index,
    )  # fmt: skip
    courses = _courses(prescriptions.dropna(subset=["drug"]))
    rows = [course.cells() for course in courses]
    cells = pd.DataFrame(rows, index=pd.Index([c.rows[0] for c in courses], dtype="int64"),
                         columns=range(6), dtype="object")  # fmt: skip
    issues = [_joined_notice(table.file, course) for course in courses if len(course.rows) > 1]
    header = ("Treatment", "Category", "Start", "End", "Dose", "Notes")
    return replace(table, header=header, cells=cells.sort_index()), issues


@dataclass
class _Course:
    drug: str
    rows: list[int]
    strengths: list[str]
    form: str | None
    start_text: str
    stop_text: str
    stop: pd.Timestamp | None

    def cells(self) -> list[object]:
        dose = " then ".join(dict.fromkeys(self.strengths)) or None
        if dose and self.form:
            dose = f"{dose} {self.form}"
        joined = ", ".join(map(str, self.rows))
        notes = (
            f"EHR: {len(self.rows)} prescriptions joined (rows {joined})"
            if len(self.rows) > 1
            else "EHR prescription"
        )
        return [self.drug, "medication", self.start_text, self.stop_text, dose, notes]


def _courses(prescriptions: pd.DataFrame) -> list[_Course]:
    courses: list[_Course] = []
    key = prescriptions["drug"].str.casefold()
    ordered = prescriptions.assign(key=key).sort_values(["key", "start"], kind="stable")
    for _, group in ordered.groupby("key", sort=False):
        current: _Course | None = None
        for row_number, row in group.iterrows():
            if current is not None and _continues(current, row["start"]):
                _extend(current, int(str(row_number)), row)
                continue
            current = _Course(str(row["drug"]), [int(str(row_number))],
                              [row["strength"]] if row["strength"] else [], row["form"],
                              row["start_text"], row["stop_text"], _stamp(row["stop"]))  # fmt: skip
            courses.append(current)
    return sorted(courses, key=lambda course: course.rows[0])


def _continues(course: _Course, start: object) -> bool:
    if course.stop is None:
        return True  # an ongoing prescription: a renewal continues the course
    begin = _stamp(start)
    return begin is not None and begin <= course.stop + pd.Timedelta(days=COURSE_GAP_DAYS)


def _extend(course: _Course, row_number: int, row: pd.Series) -> None:
    course.rows.append(row_number)
    if row["strength"]:
        course.strengths.append(str(row["strength"]))
    stop = _stamp(row["stop"])
    if stop is None:
        course.stop, course.stop_text = None, ""
    elif course.stop is not None and stop > course.stop:
        course.stop, course.stop_text = stop, row["stop_text"]


def _stamp(value: object) -> pd.Timestamp | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    return pd.Timestamp(value)  # type: ignore[arg-type]


def _dates(table: Table, position: int | None) -> pd.Series:
    if position is None:
        return pd.Series(pd.NaT, index=table.cells.index, dtype="datetime64[ns]")
    stamps = parse_dates(table.cells[position], None, with_time=True)
    return stamps.fillna(parse_dates(table.cells[position], None, with_time=False))


def _texts(table: Table, position: int | None) -> list[str]:
    if position is None:
        return [""] * len(table.cells)
    # The treatment reader takes partial dates: keep the day (2019-03-04) of a date-time.
    return [str(cell).strip()[:10] if _filled(cell) else "" for cell in table.cells[position]]


def _filled(cell: object) -> bool:
    return (
        cell is not None
        and not (isinstance(cell, float) and pd.isna(cell))
        and bool(str(cell).strip())
    )


def _joined_notice(file: str, course: _Course) -> Issue:
    return Issue(
        "prescriptions-joined", Severity.NOTICE, file, course.rows[0], None, course.drug,
        f"{len(course.rows)} prescriptions of {course.drug} (rows "
        f"{', '.join(map(str, course.rows))}) follow each other within {COURSE_GAP_DAYS} days; "
        "they are shown as one course.",
    )  # fmt: skip


def split_several(table: Table, name_position: int, dose_position: int | None) -> Table:
    """One row per drug where a name cell lists several (``a 40 mg;b 10 mg``); same row number."""
    names = table.cells[name_position]
    several = names.map(lambda cell: len(drug_parts(cell)) > 1)
    if not several.any():
        return table
    cells = table.cells
    if dose_position is None:
        dose_position = len(table.header)
        table = replace(table, header=(*table.header, "Dose"))
        cells = cells.assign(**{str(dose_position): None}).rename(
            columns={str(dose_position): dose_position}
        )
    rows: list[pd.Series] = []
    for number, row in cells.iterrows():
        if not several.loc[number]:  # type: ignore[call-overload]
            rows.append(row)
            continue
        rows.extend(
            _piece_row(row, piece, name_position, dose_position)
            for piece in drug_parts(row[name_position])
        )
    return replace(table, cells=pd.DataFrame(rows))


def drug_parts(cell: object) -> list[str]:
    """The drugs a name cell lists (split on ';' and line breaks); one part when it names one."""
    if not isinstance(cell, str):
        return []
    return [part for part in _SEVERAL.split(cell.strip()) if part]


def _piece_row(row: pd.Series, piece: str, name_position: int, dose_position: int) -> pd.Series:
    described = parse_description(piece)
    copy = row.copy()
    copy[name_position] = described.drug if described.strength else piece
    if described.strength and not _filled(row[dose_position]):
        copy[dose_position] = " ".join(filter(None, (described.strength, described.form)))
    return copy

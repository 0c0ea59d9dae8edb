"""Treatment histories as clinic systems and people write them (tests/real/files/PROVENANCE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnprep.ingest.diary import read_diary
from tnprep.ingest.recognise import InputKind, recognise
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import InputError
from tnprep.model import PartialDate, TreatmentCategory

FILES = Path(__file__).parent / "files"


def _read(name: str) -> tuple[list[tuple[object, ...]], list[str]]:
    loaded = read_treatments((FILES / name).read_bytes(), name)
    rows = [(t.name, t.start, t.end, t.ongoing, t.dose_text, t.category) for t in loaded.records]
    return rows, [issue.code for issue in loaded.issues]


def test_ehr_medication_list_becomes_courses_with_drug_strength_and_form() -> None:
    rows, codes = _read("synthea_medications.csv")
    medication = TreatmentCategory.MEDICATION
    assert rows == [
        ("carbamazepine", PartialDate(2018, 2, 11), PartialDate(2019, 2, 16), False,
         "200 MG then 400 MG Oral Tablet", medication),
        ("oxcarbazepine", PartialDate(2019, 6, 1), PartialDate(2019, 9, 1), False,
         "300 MG Oral Tablet", medication),
        ("Ibuprofen", PartialDate(2019, 2, 16), None, True, "200 MG Oral Tablet", medication),
        ("Metformin hydrochloride", PartialDate(2020, 1, 5), PartialDate(2020, 2, 4), False,
         "500 MG Extended Release Oral Tablet", medication),
    ]  # fmt: skip
    assert codes.count("prescriptions-joined") == 1


def test_ehr_list_is_a_treatment_history_for_batch_and_not_a_diary() -> None:
    data = (FILES / "synthea_medications.csv").read_bytes()
    assert recognise(data, "medications.csv") is InputKind.TREATMENTS
    with pytest.raises(InputError, match="not a pain diary: it looks like an EHR table"):
        read_diary(data, "medications.csv")


def test_a_cell_naming_several_drugs_is_one_treatment_each() -> None:
    rows, _ = _read("several_drugs_per_cell.csv")
    assert [(name, start, dose) for name, start, _, _, dose, _ in rows] == [
        ("omeprazole", PartialDate(2021, 3, 2), "40 mg"),
        ("pindolol", PartialDate(2021, 3, 2), "10 mg"),
        ("carbamazepine", PartialDate(2021, 3, 2), "200 mg"),
        ("gabapentin", PartialDate(2021, 9, 14), None),  # one drug: the cell is kept as written
    ]

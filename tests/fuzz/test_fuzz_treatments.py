"""Fuzz the treatment history reader: grammar-built CSVs and random bytes.

Properties, for every input:
- the only exception is ``InputError``, its message starting with the file name;
- every row with a treatment name becomes exactly one ``Treatment`` (none merged away), in row
  order, with the name as written; every row without one is a ``treatment-missing`` issue;
- nothing invented: a relief percentage stays within 0–100 and an end date is never a guess.
"""

from __future__ import annotations

import csv
import io

from hypothesis import event, given
from hypothesis import strategies as st

from fuzz import fuzz_settings
from tnprep.ingest.decode import read_table
from tnprep.ingest.ehr_medications import drug_parts
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import InputError
from tnprep.model import Loaded, Treatment

FILE = "fuzzed treatments.csv"
HEADER_SPELLINGS: dict[str, tuple[str, ...]] = {
    "treatment": ("Treatment", "Medication", "DRUG", "treatment name"),
    "category": ("Category", "Type"),
    "start": ("Start", "Started", "Start date", "since"),
    "end": ("End", "Stopped", "End date", "until"),
    "dose": ("Dose", "Dosage", "daily dose"),
    "response": ("Response", "Relief", "Effect"),
    "stopped_because": ("Stopped because", "Reason stopped"),
    "side_effects": ("Side effects", "Adverse effects"),
    "notes": ("Notes", "Comments"),
}
VALUES: dict[str, tuple[str, ...]] = {
    "treatment": ("carbamazepine", "Tegretol", "MVD", "botox", "<b>x</b>", "=cmd|' /C calc'!A0"),
    "category": ("medication", "procedure", "injection or block", "magic", ""),
    "start": ("2019", "2019-03", "March 2019", "03/04/2019", "13/04/2019", "31/02/2020", "soon"),
    "end": ("", "ongoing", "2020-01-01", "2018", "yesterday", "12/31/2021"),
    "dose": ("200 mg three times daily", "300 mg 3x/day", "1.5 g bd", "lots", "-5 mg"),
    "response": ("none", "partial", "good", "complete", "50%", "150 %", "-10%", "meh"),
    "stopped_because": ("inefficacy", "side effects", "<img src=/etc/passwd>", ""),
    "side_effects": ("dizziness, double vision", "@SUM(1)", ""),
    "notes": ("\u202eevil", "line\nbreak", "Ωμέγα", ""),
}


@st.composite
def treatment_csvs(draw: st.DrawFn) -> tuple[bytes, str, list[str | None]]:
    """A treatment CSV, its delimiter and per data row the name as written (``None``: blank row)."""
    fields = ["treatment", *draw(st.lists(st.sampled_from(sorted(VALUES)[1:]), unique=True))]
    fields = draw(st.permutations(fields))
    header = [draw(st.sampled_from(HEADER_SPELLINGS.get(name, (name,)))) for name in fields]
    junk = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=10)
    cells = {name: st.one_of(st.sampled_from(VALUES[name]), junk) for name in fields}
    rows = draw(st.lists(st.fixed_dictionaries(cells), max_size=20))
    buffer = io.StringIO(newline="")
    delimiter = draw(st.sampled_from((",", ";", "\t")))
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows([row[name] for name in fields] for row in rows)
    names = [
        row["treatment"] if any(cell.strip() for cell in row.values()) else None for row in rows
    ]
    encoding = draw(st.sampled_from(("utf-8", "utf-8-sig", "utf-16")))
    return buffer.getvalue().encode(encoding), delimiter, names


def read_or_refuse(data: bytes) -> Loaded[Treatment] | None:
    """The treatments, or ``None`` when refused with a proper ``InputError``."""
    try:
        loaded = read_treatments(data, FILE)
    except InputError as error:
        assert str(error).startswith(f"{FILE}: ") and error.reason.strip()
        event("refused")
        return None
    assert all(issue.file == FILE for issue in loaded.issues)
    for treatment in loaded.records:
        assert treatment.relief_percent is None or 0 <= treatment.relief_percent <= 100
        assert not (treatment.ongoing and treatment.end is not None)
    return loaded


@fuzz_settings(scale=3)
@given(treatment_csvs())
def test_every_named_row_is_one_treatment(case: tuple[bytes, str, list[str | None]]) -> None:
    data, delimiter, names = case
    loaded = read_or_refuse(data)
    if read_table(data, FILE).delimiter != delimiter:  # junk cells fooled the sniffer
        event("delimiter differs")
        return
    assert loaded is not None, "a table with a treatment column was refused"
    filled = [name for name in names if name is not None]
    written = [name.strip() for name in filled if name.strip()]
    missing = [issue for issue in loaded.issues if issue.code == "treatment-missing"]
    # issue 9: a cell naming several drugs ('a;b') is one treatment per drug
    expected = sum(max(len(drug_parts(name)), 1) for name in written)
    assert len(loaded.records) == expected
    unsplit = [name for name in written if len(drug_parts(name)) <= 1]
    as_written = [treatment.name_as_written for treatment in loaded.records]
    assert all(name in as_written for name in unsplit)
    assert len(missing) == len(filled) - len(written)


@fuzz_settings(scale=3)
@given(st.binary(max_size=1024))
def test_random_bytes_are_read_or_refused(data: bytes) -> None:
    read_or_refuse(data)

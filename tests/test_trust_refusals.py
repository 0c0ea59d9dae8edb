"""Three confidently-wrong behaviours, now refused plainly (session 4 trust review).

1. An attack diary passed as the treatment history is refused, not read as "current" treatments.
2. A FHIR MedicationStatement gets ONE message on every option (no "pass it with …" loop).
3. A ``--from`` after the last diary day (or ``--to`` before the first) is a usage error, never a
   backwards period on the page and in the JSON.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tnprep.cli import main
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.ingest.recognise import recognise
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import InputError

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-exports"
CHT = REAL / "cht-export" / "sample_logs.csv"
SAMPLES = ROOT / "sample_data"

# The shape of HL7's R4 example "medicationstatementexample1" (https://hl7.org/fhir/R4/
# medicationstatementexample1.json.html), cut down: a contained Medication, a dosage in words.
MEDICATION_STATEMENT = {
    "resourceType": "MedicationStatement",
    "id": "example001",
    "contained": [{"resourceType": "Medication", "id": "med0309",
                   "code": {"text": "Tylenol PM"}}],
    "status": "active",
    "medicationReference": {"reference": "#med0309"},
    "subject": {"reference": "Patient/pat1"},
    "effectiveDateTime": "2015-01-23",
    "dateAsserted": "2015-02-22",
    "dosage": [{"sequence": 1, "text": "1-2 tablets once daily at bedtime as needed for sleep"}],
}  # fmt: skip
STATEMENT_BYTES = json.dumps(MEDICATION_STATEMENT).encode("utf-8")
STATEMENT_SAYS = "is a FHIR MedicationStatement, which tnprep does not read (yet)"


@pytest.mark.skipif(not CHT.exists(), reason="real exports not present")
def test_the_cht_diary_is_refused_as_a_treatment_history() -> None:
    with pytest.raises(InputError) as raised:
        read_treatments(CHT.read_bytes(), CHT.name)
    reason = raised.value.reason
    assert "looks like an attack diary" in reason
    assert "start_time" in reason and "intensity" in reason
    assert "--diary" in reason


@pytest.mark.parametrize(
    "text",
    [
        "Date,Time,Intensity,Medication,Notes\n2026-01-02,08:00,6,Carbamazepine,\n",
        "Start,Duration (min),Pain,Drug\n2026-01-02 08:00,5,7,Oxcarbazepine\n",
        # timed attacks with a duration and the rescue taken, no intensity
        "Start,Duration,Medication\n2026-01-02,,\n2026-01-03 08:00,5 min,Sumatriptan\n",
    ],
)
def test_a_diary_shaped_table_is_refused_as_a_treatment_history(text: str) -> None:
    with pytest.raises(InputError, match="looks like an attack diary"):
        read_treatments(text.encode("utf-8"), "log.csv")


@pytest.mark.parametrize(
    "text",
    [
        "Treatment,Start,End,Dose\nCarbamazepine,2019-03,2020,200 mg twice daily\n",
        # a dose column says "treatment history" even beside a pain column
        "Medication,Date,Dose,Pain\nCarbamazepine,2019-03,200 mg,6\n",
        "Treatment,Started,Stopped,Effect\nMVD,2021-05,,good\n",
        # how long a course lasted is not an attack's duration: no clock times
        "Medication,Start,Duration\nCarbamazepine,2019-03,6 months\n",
    ],
)
def test_a_treatment_history_is_still_read(text: str) -> None:
    assert read_treatments(text.encode("utf-8"), "history.csv").records


def test_a_medication_statement_is_refused_as_treatments_in_one_message() -> None:
    with pytest.raises(InputError) as raised:
        read_treatments(STATEMENT_BYTES, "meds.json")
    assert STATEMENT_SAYS in raised.value.reason
    assert "headers found" not in raised.value.reason


def test_a_medication_statement_is_refused_as_a_questionnaire_in_the_same_words() -> None:
    with pytest.raises(InputError) as raised:
        read_questionnaires([("meds.json", STATEMENT_BYTES)])
    assert STATEMENT_SAYS in raised.value.reason


def test_a_medication_statement_is_not_recognised_as_a_questionnaire() -> None:
    with pytest.raises(InputError, match="MedicationStatement, which tnprep does not read"):
        recognise(STATEMENT_BYTES, "meds.json")


def test_a_questionnaire_json_is_refused_as_treatments_naming_the_option() -> None:
    data = (SAMPLES / "phq9_fhir.json").read_bytes()
    with pytest.raises(InputError) as raised:
        read_treatments(data, "phq9_fhir.json")
    assert "--questionnaire" in raised.value.reason
    assert "headers found" not in raised.value.reason


@pytest.mark.parametrize("option", ["--diary", "--treatments", "--questionnaire"])
def test_every_option_gives_the_same_one_message_for_a_medication_statement(
    option: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    statement = tmp_path / "meds.json"
    statement.write_bytes(STATEMENT_BYTES)
    diary = [] if option == "--diary" else ["--diary", str(SAMPLES / "attack_log.csv")]
    status = main(["report", *diary, option, str(statement), "--out", str(tmp_path / "r.pdf")])
    error = capsys.readouterr().err
    assert STATEMENT_SAYS in error
    assert "pass it with --questionnaire" not in error
    assert "Traceback" not in error
    assert status == (2 if option == "--diary" else 1)


def _report(*arguments: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tnprep", "report", *map(str, arguments)],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("period", "says"),
    [
        (["--from", "2030-01-01"], "--from 2030-01-01 is after the last diary day"),
        (["--to", "2001-01-01"], "--to 2001-01-01 is before the first diary day"),
    ],
)
def test_a_period_outside_the_diary_is_a_usage_error(
    period: list[str], says: str, tmp_path: Path
) -> None:
    pdf, summary = tmp_path / "r.pdf", tmp_path / "s.json"
    diary = SAMPLES / "attack_log.csv"
    result = _report("--diary", diary, *period, "--out", pdf, "--summary-json", summary)
    assert result.returncode == 2, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert not pdf.exists() and not summary.exists()

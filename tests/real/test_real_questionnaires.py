"""Real public FHIR questionnaire files (issue 9 item 10), read from ../shared/real-exports.

Each case states what a careful human reads in the file (its provenance.txt): the items, the
total, item 9, the date. The files are never copied into the project; a missing file fails loudly.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tnprep.analysis.scores import score_answers
from tnprep.ingest.questionnaire import read_questionnaires

REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "real-exports"

CASES = [
    # HL7 SDC example: no LOINC codes, linkIds H1/T1/Q1…, answers as words, stated total 13.
    pytest.param(
        "hl7-sdc-phq9/questionnaireresponse-sdc-profile-example-PHQ9.json",
        "phq9", (0, 0, 0, 1, 2, 1, 3, 2, 1), 10, "moderate", 1, dt.date(2019, 8, 21),
        ["stated-total-differs"],
        id="hl7-sdc-phq9",
    ),
    # Beda EMR: bare LOINC linkIds in a group, stated total 12 agrees.
    pytest.param(
        "beda-emr-phq9/phq_2_phq_9.json",
        "phq9", (0, 1, 2, 3, 2, 1, 0, 1, 2), 12, "moderate", 2, dt.date(2023, 4, 6), [],
        id="beda-emr-phq9",
    ),
    pytest.param(
        "beda-emr-gad7/gad_7.json",
        "gad7", (1, 2, 0, 3, 2, 1, 0), 9, "mild", None, dt.date(2023, 4, 6), [],
        id="beda-emr-gad7",
    ),
]  # fmt: skip


def _read(relative: str) -> tuple[object, list[str]]:
    path = REAL / relative
    assert path.is_file(), f"real export missing: {path}"
    loaded = read_questionnaires([(path.name, path.read_bytes())])
    return loaded.records[0], [issue.code for issue in loaded.issues]


@pytest.mark.parametrize(
    ("relative", "scale", "items", "total", "band", "item9", "date", "codes"), CASES
)
def test_real_questionnaire_is_read_as_a_careful_human_reads_it(
    relative: str,
    scale: str,
    items: tuple[int, ...],
    total: int,
    band: str,
    item9: int | None,
    date: dt.date,
    codes: list[str],
) -> None:
    answers, issue_codes = _read(relative)
    assert getattr(answers, scale) == items
    assert answers.questionnaire_date == date  # FHIR authored is kept
    result = getattr(score_answers(answers), scale)
    assert (result.score, result.band, result.date) == (total, band, date)
    assert result.item9 == item9
    assert issue_codes == codes
    assert "fhir-not-phq9-gad7" not in issue_codes


def test_hl7_example_item9_is_flagged_and_its_own_total_is_compared() -> None:
    """The file states 13; the items add up to 10: the difference is an issue, item 9 flagged."""
    path = REAL / "hl7-sdc-phq9/questionnaireresponse-sdc-profile-example-PHQ9.json"
    loaded = read_questionnaires([(path.name, path.read_bytes())])
    (issue,) = loaded.issues
    assert issue.code == "stated-total-differs"
    assert "13" in issue.message and "10" in issue.message
    phq9 = score_answers(loaded.records[0]).phq9
    assert phq9 is not None and phq9.item9 == 1


def test_beda_name_and_stated_total_are_not_clutter() -> None:
    answers, _ = _read("beda-emr-phq9/phq_2_phq_9.json")
    assert answers.name == "Emily Nguyen"
    kept = dict(answers.other)
    assert "phq9-total-score" not in kept and "dateTime" not in kept

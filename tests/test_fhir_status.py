"""A FHIR QuestionnaireResponse's own status is heeded (FHIR R4, QuestionnaireResponseStatus).

Before, a response marked ``entered-in-error`` ("entered in error and voided") was scored like any
other: the real Beda EMR PHQ-9 (``../shared/real-exports/beda-emr-phq9``) with only its status
changed gave "PHQ-9 12 moderate, item 9 = 2" on the page and no issue — a voided record, perhaps
another patient's, shown as this patient's safety answer. docs/questionnaires.md, "Status".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tnprep.cli import main
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.issues import InputError, IssueCode

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
BEDA_PHQ9 = CORPUS / "beda-emr-phq9" / "phq_2_phq_9.json"
DIARY = CORPUS / "cht-export" / "sample_logs.csv"


def _with_status(tmp_path: Path, status: str) -> Path:
    resource = json.loads(BEDA_PHQ9.read_text(encoding="utf-8"))
    resource["status"] = status
    path = tmp_path / f"phq9_{status}.json"
    path.write_text(json.dumps(resource), encoding="utf-8")
    return path


def test_a_voided_response_is_refused(tmp_path: Path) -> None:
    path = _with_status(tmp_path, "entered-in-error")
    with pytest.raises(InputError, match="entered-in-error"):
        read_questionnaires([(path.name, path.read_bytes())])


def test_report_leaves_a_voided_response_out_and_scores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, summary = _with_status(tmp_path, "entered-in-error"), tmp_path / "s.json"
    arguments = ["report", "--diary", str(DIARY), "--questionnaire", str(path)]
    status = main([*arguments, "--out", str(tmp_path / "r.pdf"), "--summary-json", str(summary)])
    assert status == 1  # a file left out whole (SPEC exit 1), named on the page and on stderr
    assert "entered-in-error" in capsys.readouterr().err
    scores = json.loads(summary.read_text(encoding="utf-8"))["scores"]
    assert scores["phq9"] is None


@pytest.mark.parametrize("status", ["in-progress", "stopped"])
def test_an_unfinished_response_is_scored_as_it_stands_with_a_notice(
    tmp_path: Path, status: str
) -> None:
    path = _with_status(tmp_path, status)
    answers = read_questionnaires([(path.name, path.read_bytes())])
    notices = [issue for issue in answers.issues if issue.code is IssueCode.FHIR_NOT_FINAL]
    assert len(notices) == 1 and status in notices[0].message
    record = answers.records[0]
    assert [item.items[8] for item in record.administrations if item.scale == "phq9"] == [2]


@pytest.mark.parametrize("status", ["completed", "amended", None])
def test_a_final_response_has_no_notice(tmp_path: Path, status: str | None) -> None:
    resource = json.loads(BEDA_PHQ9.read_text(encoding="utf-8"))
    if status is None:
        del resource["status"]
    else:
        resource["status"] = status
    answers = read_questionnaires([("p.json", json.dumps(resource).encode())])
    assert not [issue for issue in answers.issues if issue.code is IssueCode.FHIR_NOT_FINAL]

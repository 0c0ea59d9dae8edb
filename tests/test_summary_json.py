"""Summary → tnprep.summary/1 JSON, and docs/summary-json.md agreeing with the code."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

from hypothesis import given, settings
from ledger_cases import rich_ledger
from since_factory import with_earlier
from summary_factory import empty_summary, make_patient, make_summary, summaries

from tnprep.catalogue import DrugClass
from tnprep.issues import Issue, IssueCode
from tnprep.model import DiaryInfo, PainScale
from tnprep.sources import EAN_2019
from tnprep.summary import (
    InputAccount,
    QuestionnaireScore,
    RescueSummary,
    SafetyEvent,
    SafetyNote,
    ScoreAdministration,
    Scores,
    Silence,
    SilenceRule,
    Silences,
    Summary,
    Trend,
    TrendWithheld,
)
from tnprep.summary_json import dumps, summary_to_json
from tnprep.visits import LeftOut, Overlap

DOC = Path(__file__).resolve().parents[1] / "docs" / "summary-json.md"
SPEC_TOP_LEVEL = [
    "schema",
    "patient",
    "period",
    "attacks",
    "treatments",
    "scores",
    "questions",
    "discussion_points",
    "input",
]
MAPS = {"findings[].evidence", "input.files[].rows_other_by_kind"}
"""Objects whose keys are data (labels chosen by each rule), documented as one row."""


def _paths(value: object, prefix: str = "", found: list[str] | None = None) -> list[str]:
    """Every key path in ``value``, depth first, list elements merged under ``[]``."""
    found = [] if found is None else found
    if isinstance(value, dict) and prefix not in MAPS:
        for key, child in value.items():
            path = f"{prefix}.{key}" if prefix else key
            if path not in found:
                found.append(path)
            _paths(child, path, found)
    elif isinstance(value, list):
        for element in value:
            _paths(element, prefix + "[]", found)
    return found


def _documented() -> list[str]:
    rows = re.findall(r"^\| `([^`]+)` \|", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return rows


_EVENT_INFO = DiaryInfo(
    kind="event log",
    other_kinds=(("sleep", 1), ("medicine", 5)),
    medicine_events=(("oxygen-demand-valve", 5),),
    scale=PainScale("pain (1-5)", 1.0, 5.0, "header", False, 2.0, 5.0, (("mild", 1),)),
    sheets_read=("Ark1",),
    sheets_skipped=("Ark2",),
)


def _full_summary() -> Summary:
    """The sample patient: every optional object present at least once."""
    summary = with_earlier(make_summary(ledger=rich_ledger()))
    assert summary.since and summary.since.treatment_changes and summary.since.visits
    assert summary.since.overlap is None  # an overlap is added below, so the keys are emitted
    summary = dataclasses.replace(
        summary,
        since=dataclasses.replace(
            summary.since,
            overlap=Overlap(dt.date(2024, 1, 8), dt.date(2024, 1, 8), 1),
            left_out=(LeftOut("other.json", "damaged or not JSON; it is not compared."),),
        ),
        rescue=RescueSummary(3, 2, (("oxygen", 2),), (("yes", 2),), (("oxygen-demand-valve", 5),)),
        silences=Silences(
            SilenceRule.ATTACK_FREE,
            (Silence(dt.date(2024, 1, 1), dt.date(2024, 1, 28), ("attack_log.csv",)),),
        ),
        input=dataclasses.replace(
            summary.input, rows_other=6, files=(("events.csv", _EVENT_INFO),)
        ),
        attacks=dataclasses.replace(summary.attacks, names=(("headache", 3), ("migraine", 1))),
    )
    assert summary.scores.phq9 and summary.scores.gad7
    assert any(item.dose_range for item in summary.treatments)
    assert summary.patient.other and summary.findings and summary.before_after
    older = (ScoreAdministration("older.json", dt.date(2024, 1, 2), None, 6, 8),)
    scores = dataclasses.replace(
        summary.scores,
        phq9=dataclasses.replace(summary.scores.phq9, older=older),
        gad7=dataclasses.replace(summary.scores.gad7, older=older),
    )
    event = SafetyEvent("Tegretol", "2019", "2019-03", "hyponatraemia (sodium 128)", "sodium 128")
    note = SafetyNote(
        DrugClass.SODIUM_LOWERING, ("carbamazepine", "oxcarbazepine", "eslicarbazepine"),
        (event,), ("oxcarbazepine",), "EAN 2019",
    )  # fmt: skip
    return dataclasses.replace(summary, scores=scores, safety=(note,))


def test_documented_keys_are_exactly_the_emitted_keys_in_order() -> None:
    emitted = _paths(summary_to_json(_full_summary()))
    documented = _documented()
    assert len(documented) == len(set(documented)), "a key is documented twice"
    assert sorted(set(documented) - set(emitted)) == [], "documented but not emitted"
    assert sorted(set(emitted) - set(documented)) == [], "emitted but not documented"
    assert documented == emitted


def test_the_doc_table_is_found() -> None:
    # Guards the regex above: if the table format changed, the comparison would be vacuous.
    assert len(_documented()) > 100
    assert "attacks.by_side.left" in _documented()


def test_top_level_keys_start_with_specs_order() -> None:
    keys = list(summary_to_json(make_summary()))
    assert keys[: len(SPEC_TOP_LEVEL)] == SPEC_TOP_LEVEL


def test_empty_summary_has_the_same_keys_with_nulls() -> None:
    data = summary_to_json(empty_summary())
    assert list(data) == list(summary_to_json(make_summary()))
    assert data["period"] == {
        "start": None, "end": None, "days": 0, "days_recorded": 0,
        "chosen": False, "diary_start": None, "diary_end": None,
    }  # fmt: skip
    assert data["scores"] == {"phq9": None, "gad7": None, "bni_pain": None, "bni_numbness": None}
    attacks = data["attacks"]
    assert isinstance(attacks, dict)
    assert (attacks["total"], attacks["per_recorded_day"], attacks["max_day"]) == (0, None, None)
    assert data["questions"] == [] and data["treatments"] == [] and data["daily"] == []


def test_sample_values() -> None:
    data = summary_to_json(make_summary())
    patient, scores, treatments = data["patient"], data["scores"], data["treatments"]
    assert isinstance(patient, dict) and isinstance(scores, dict) and isinstance(treatments, list)
    assert data["schema"] == "tnprep.summary/1"
    assert data["generated"] == "2024-04-08"
    assert patient["visit_date"] == "2024-04-10"
    assert patient["divisions"] == ["V2", "V3"]
    assert patient["other"] == [{"item": "preferred_language", "answer": "English"}]
    phq9, gad7 = scores["phq9"], scores["gad7"]
    assert isinstance(phq9, dict) and isinstance(gad7, dict)
    assert {key: phq9[key] for key in ("score", "band", "item9", "answered")} == {
        "score": 10, "band": "moderate", "item9": 1, "answered": 9,
    }  # fmt: skip
    assert {key: gad7[key] for key in ("score", "band", "answered")} == {
        "score": 7, "band": "mild", "answered": 7,
    }  # fmt: skip
    assert scores["bni_pain"] == "IV"
    assert treatments[1] == {
        "name": "carbamazepine",
        "category": "medication",
        "start": "2023-06",
        "end": "2024-02-05",
        "ongoing": False,
        "dose": "400 mg three times daily",
        "response": "good",
        "stopped_because": "side effects",
        "side_effects": "dizziness, double vision, falls",
        "name_as_written": "carbamazepine",
        "notes": None,
        "relief_percent": None,
        "dose_mg_per_day": 1200.0,
        "dose_range": {
            "low_mg": 200.0,
            "high_mg": 1200.0,
            "source": EAN_2019,
        },
        "outside_range": False,
    }
    assert treatments[2]["dose_range"] is None and treatments[2]["relief_percent"] == 20.0
    assert data["questions"] == list(make_patient().questions)


def test_discussion_points_follow_findings() -> None:
    data = summary_to_json(make_summary())
    points, findings = data["discussion_points"], data["findings"]
    assert isinstance(points, list) and isinstance(findings, list)
    assert len(points) == len(findings) == len(make_summary().findings)
    assert all(isinstance(point, str) and point for point in points)
    assert findings[0] == {
        "kind": "phq9 item 9 above 0",
        "subject": "PHQ-9",
        "evidence": {"item 9": "1"},
        "source": "PHQ-9 (Kroenke et al., J Gen Intern Med 2001;16:606–613)",
    }


def test_issues_carry_specs_keys_then_code_severity_value() -> None:
    issue = Issue(
        code=IssueCode.ANSWER_INVALID,
        file="q.json",
        row=None,
        column="phq9_1",
        value="7",
        message="Dropped.",
    )
    summary = make_summary(input=InputAccount(1, 1, 0, 0, (issue,)))
    data = summary_to_json(summary)["input"]
    assert data == {
        "rows_read": 1,
        "rows_used": 1,
        "rows_rejected": 0,
        "duplicates": 0,
        "rows_other": 0,
        "rows_in_period": 1,
        "rows_outside_period": 0,
        "files": [],
        "issues": [
            {
                "file": "q.json",
                "row": None,
                "column": "phq9_1",
                "message": "Dropped.",
                "code": "answer-invalid",
                "severity": "dropped",
                "value": "7",
            }
        ],
    }


def test_partial_questionnaire_and_trend_change_percent() -> None:
    summary = make_summary()
    trend = Trend(28, 3.0, 2.0, 28, 27, 1.5)
    summary = dataclasses.replace(
        summary,
        scores=Scores(QuestionnaireScore(None, None, 8, 0), None, None, None),
        attacks=dataclasses.replace(summary.attacks, trend=trend),
    )
    data = summary_to_json(summary)
    scores = data["scores"]
    assert isinstance(scores, dict)
    phq9 = scores["phq9"]
    assert isinstance(phq9, dict)
    assert {key: phq9[key] for key in ("score", "band", "item9", "answered")} == {
        "score": None, "band": None, "item9": 0, "answered": 8,
    }  # fmt: skip
    assert (scores["gad7"], scores["bni_pain"], scores["bni_numbness"]) == (None, None, None)
    attacks = data["attacks"]
    assert isinstance(attacks, dict)
    assert attacks["trend"] == {
        "window_days": 28,
        "recent_per_day": 3.0,
        "previous_per_day": 2.0,
        "recent_days_recorded": 28,
        "previous_days_recorded": 27,
        "recent_attacks": None,
        "previous_attacks": None,
        "ratio": 1.5,
        "change_percent": 50,
        "computed": True,
        "reason": None,
    }


def test_dumps_is_indented_unescaped_and_ends_with_a_newline() -> None:
    summary = make_summary(patient=make_patient(name="Ана <b>Ωμέγα</b> & 三叉"))
    text = dumps(summary)
    assert text.endswith("}\n")
    assert '\n  "patient": {\n    "name": "Ана <b>Ωμέγα</b> & 三叉",' in text
    assert json.loads(text) == summary_to_json(summary)


def test_not_a_number_becomes_null() -> None:
    summary = make_summary()
    attacks = dataclasses.replace(summary.attacks, intensity_median=float("nan"))
    text = dumps(dataclasses.replace(summary, attacks=attacks))
    assert '"intensity_median": null' in text


@settings(max_examples=40, deadline=None)
@given(summaries())
def test_any_summary_serialises_to_valid_json_with_documented_keys(summary: Summary) -> None:
    text = dumps(summary)
    data = json.loads(text)
    documented = set(_documented())
    assert set(_paths(data)) <= documented
    assert list(data)[: len(SPEC_TOP_LEVEL)] == SPEC_TOP_LEVEL


def test_a_withheld_trend_says_why_and_keeps_its_keys() -> None:
    # Regression (CHT export, 4 days): the JSON said "-50 %" from 2 days against 2.
    summary = make_summary()
    trend = Trend(2, 0.5, 1.0, 2, 2, None, TrendWithheld.PERIOD_TOO_SHORT)
    data = summary_to_json(
        dataclasses.replace(summary, attacks=dataclasses.replace(summary.attacks, trend=trend))
    )
    attacks = data["attacks"]
    assert isinstance(attacks, dict)
    assert attacks["trend"] == {
        "window_days": 2,
        "recent_per_day": 0.5,
        "previous_per_day": 1.0,
        "recent_days_recorded": 2,
        "previous_days_recorded": 2,
        "recent_attacks": None,
        "previous_attacks": None,
        "ratio": None,
        "change_percent": None,
        "computed": False,
        "reason": "period-too-short",
    }


def test_silences_say_how_their_days_were_counted() -> None:
    runs = (Silence(dt.date(2004, 2, 12), dt.date(2004, 9, 2), ("log.tsv",)),)
    summary = dataclasses.replace(make_summary(), silences=Silences(SilenceRule.UNRECORDED, runs))
    assert summary_to_json(summary)["silences"] == {
        "counted_as": "unrecorded",
        "threshold_days": 28,
        "days": 204,
        "runs": [{"start": "2004-02-12", "end": "2004-09-02", "days": 204, "files": ["log.tsv"]}],
    }
    assert summary_to_json(make_summary())["silences"] == {
        "counted_as": "attack-free", "threshold_days": 28, "days": 0, "runs": [],
    }  # fmt: skip

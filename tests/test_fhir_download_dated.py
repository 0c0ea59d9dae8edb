"""A PHQ-9 / GAD-7 downloaded as FHIR from the app carries the day the answers were given.

The answers CSV carried ``questionnaire_date``; the FHIR download carried no ``authored``, so
read back in it was an undated administration (SPEC *Questionnaires*: ``authored`` is kept).
"""

from __future__ import annotations

import datetime as dt
import json

from tnprep import editing
from tnprep.app.questionnaire import entered
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.model import Answers

FILE_DAY = dt.date(2019, 8, 21)
GIVEN = dt.date(2024, 5, 6)


def from_file(phq9: str, day: dt.date = FILE_DAY) -> Answers:
    rows = [f"phq9_{number},{value}" for number, value in enumerate(phq9, start=1)]
    text = "\n".join(["item,answer", f"questionnaire_date,{day.isoformat()}", *rows, "gad7_1,2"])
    return read_questionnaires([("phq9.csv", text.encode())]).records[0]


def read_back(answers: Answers, scale: str) -> Answers:
    data = editing.answers_fhir_json(answers, scale)
    return read_questionnaires([(f"{scale}_fhir.json", data)]).records[0]


def test_answers_changed_in_the_app_carry_the_day_the_user_gave() -> None:
    base = from_file("111111112")
    changed = entered(base, GIVEN, phq9=(2, 1, 1, 1, 1, 1, 1, 1, 2), gad7=base.gad7)
    resource = json.loads(editing.answers_fhir_json(changed, "phq9"))
    assert resource["authored"] == GIVEN.isoformat()
    again = read_back(changed, "phq9")
    assert [(item.scale, item.date, item.items) for item in again.administrations] == [
        ("phq9", GIVEN, (2, 1, 1, 1, 1, 1, 1, 1, 2))
    ]
    assert again.questionnaire_date == GIVEN


def test_answers_from_a_file_keep_the_files_day() -> None:
    base = from_file("111111112")
    unchanged = entered(base, GIVEN, phq9=base.phq9, gad7=base.gad7)
    assert json.loads(editing.answers_fhir_json(unchanged, "phq9"))["authored"] == "2019-08-21"
    assert read_back(unchanged, "phq9").administrations[0].date == FILE_DAY


def test_each_scale_carries_its_own_day() -> None:
    base = from_file("111111112")
    changed = entered(base, GIVEN, phq9=base.phq9, gad7=(1, 0, 0, 0, 0, 0, 0))
    assert json.loads(editing.answers_fhir_json(changed, "phq9"))["authored"] == "2019-08-21"
    assert json.loads(editing.answers_fhir_json(changed, "gad7"))["authored"] == "2024-05-06"


def test_answers_of_no_dated_administration_get_no_invented_day() -> None:
    resource = json.loads(editing.answers_fhir_json(Answers(phq9=(0,) * 9), "phq9"))
    assert "authored" not in resource

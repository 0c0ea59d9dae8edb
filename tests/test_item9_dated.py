"""PHQ-9 item 9 is said as of the date it was answered, never as current (SPEC *Clinical voice*).

A PHQ-9 of 2019 with item 9 = 1 used to read "Please ask about it today" on the page and "over the
last two weeks you have had thoughts…" in the app, as if current.
"""

from __future__ import annotations

import datetime as dt

from tnprep.analysis.care import CARE_MESSAGE, answer_age, care_message
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.safety import item9_alert
from tnprep.summary import Summary

TODAY = dt.date(2026, 12, 3)
DIARY = ("diary.csv", b"date,attacks\n2026-11-01,2\n2026-11-02,0\n")


def _summary(*questionnaires: tuple[str, bytes]) -> Summary:
    data = load_patient(Sources([DIARY], [], list(questionnaires)))
    return summarise_patient(data, start=None, end=None, today=TODAY)


def _phq9(day: str, item9: int, visit: str = "2026-11-20") -> tuple[str, bytes]:
    rows = [f"phq9_{n},0" for n in range(1, 9)] + [f"phq9_9,{item9}"]
    text = f"item,answer\nvisit_date,{visit}\nquestionnaire_date,{day}\n" + "\n".join(rows)
    return (f"phq9_{day}.csv", text.encode())


def test_an_old_item9_answer_is_dated_and_not_said_to_be_current() -> None:
    summary = _summary(_phq9("2019-05-03", 1))
    alert = item9_alert(summary)
    assert alert is not None
    assert "PHQ-9 item 9 answered 1 (several days) on 3 May 2019" in alert
    assert "over 7 years before the visit — as recorded then, not a current answer" in alert
    assert alert.endswith("Please ask about it today.")  # SPEC's flag: ask
    message = care_message(summary.scores, summary.patient.visit_date)
    assert message is not None
    assert "On 3 May 2019 you answered" in message
    assert "over 7 years old" in message
    assert "last two weeks" not in message
    assert "emergency services" in message


def test_a_recent_answer_states_its_date() -> None:
    summary = _summary(_phq9("2026-11-18", 2))
    alert = item9_alert(summary)
    assert alert is not None
    assert alert.startswith("PHQ-9 item 9 = 2 (more than half the days), answered 18 Nov 2026:")
    assert "not a current answer" not in alert
    message = care_message(summary.scores, summary.patient.visit_date)
    assert message is not None
    assert message.startswith("On 18 November 2026 you answered that, in the two weeks before")
    assert "old" not in message


def test_an_earlier_file_s_item9_is_dated_too() -> None:
    summary = _summary(_phq9("2019-05-03", 1), _phq9("2026-11-18", 0))
    alert = item9_alert(summary)
    assert alert is not None
    assert "answered 1 (several days) in phq9_2019-05-03.csv on 3 May 2019" in alert
    assert "not a current answer" in alert


def test_an_undated_answer_says_so() -> None:
    summary = _summary(("q.csv", b"item,answer\nphq9_9,1\n"))
    alert = item9_alert(summary)
    assert alert is not None
    assert "date of the answer not given" in alert
    assert care_message(summary.scores, TODAY) == CARE_MESSAGE
    assert "last two weeks" not in CARE_MESSAGE


def test_the_age_of_an_answer() -> None:
    assert answer_age(dt.date(2026, 11, 5), dt.date(2026, 12, 3)) is None  # 28 days: recent
    assert answer_age(dt.date(2026, 11, 4), dt.date(2026, 12, 3)) == "29 days"
    assert answer_age(dt.date(2026, 5, 1), dt.date(2026, 12, 3)) == "over 7 months"
    assert answer_age(dt.date(2019, 5, 3), dt.date(2026, 12, 3)) == "over 7 years"


def test_two_files_answering_one_scored_item_say_what_happens() -> None:
    loaded = read_questionnaires([
        ("a.csv", b"item,answer\nphq9_9,1\nname,A\n"),
        ("b.csv", b"item,answer\nphq9_9,0\nname,B\n"),
    ])  # fmt: skip
    messages = [issue.message for issue in loaded.issues]
    item9 = next(message for message in messages if message.startswith("'phq9_9'"))
    assert "each file's PHQ-9 is scored on its own answers" in item9
    assert "the later answer is used" not in item9
    name = next(message for message in messages if message.startswith("'name'"))
    assert name.endswith("the later answer is used.")

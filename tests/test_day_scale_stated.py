"""A daily log's pain column on another stated scale is left out, never printed as x/10.

'Worst pain (1-5)' in a daily log was read as 0–10: its 5 became the page's worst pain 5/10,
the error SPEC forbids ("a 1–5 value is never printed as x/10").
"""

from __future__ import annotations

import datetime as dt

from tnprep.ingest.diary import read_diary
from tnprep.issues import IssueCode
from tnprep.pipeline import Sources, load_patient, summarise_patient

DAYS = (
    b"date,attacks,Worst pain (1-5),Background pain\n"
    b"2026-11-01,3,4,2\n2026-11-02,5,5,3\n2026-11-03,0,,1\n"
)


def test_a_1_to_5_worst_pain_is_left_out_with_an_issue_per_value() -> None:
    read = read_diary(DAYS, "days.csv")
    assert read.table["worst_intensity"].isna().all()
    assert read.table["background_pain"].tolist() == [2.0, 3.0, 1.0]
    issues = [(issue.row, issue.column, issue.value) for issue in read.issues
              if issue.code is IssueCode.WORST_INTENSITY_OUT_OF_RANGE]  # fmt: skip
    assert issues == [(2, "Worst pain (1-5)", "4"), (3, "Worst pain (1-5)", "5")]
    assert "scored 1 to 5" in read.issues[0].message


def test_the_page_has_no_worst_pain_out_of_10_from_it() -> None:
    data = load_patient(Sources(diaries=[("days.csv", DAYS)]))
    summary = summarise_patient(data, start=None, end=None, today=dt.date(2026, 12, 3))
    assert summary.attacks.intensity_max is None
    assert summary.attacks.total == 8


def test_the_users_scale_choice_counts_like_the_header() -> None:
    days = b"date,attacks,Worst pain\n2026-11-01,3,4\n"
    read = read_diary(days, "days.csv", scales={"Worst pain": "0-100"})
    assert read.table["worst_intensity"].isna().all()
    assert [issue.code for issue in read.issues] == [IssueCode.WORST_INTENSITY_OUT_OF_RANGE]
    stated = read_diary(b"date,attacks,Worst pain (0-10)\n2026-11-01,3,4\n", "days.csv")
    assert stated.table["worst_intensity"].tolist() == [4.0]


def test_a_scale_the_user_gives_is_stated_not_marked_as_missing() -> None:
    """'--scale "Worst pain=1-5"' left the values out but still called the scale 'not stated'."""
    days = b"date,attacks,Worst pain,Background pain\n2026-11-01,3,4,2\n"
    read = read_diary(days, "days.csv", scales={"Worst pain": "1-5"})
    assert read.table["worst_intensity"].isna().all()
    assert read.info.scale is not None and read.info.scale.column == "Background pain"

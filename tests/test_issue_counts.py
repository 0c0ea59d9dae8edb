"""The footer's "values left out" counts the rows a column-level issue stands for."""

from __future__ import annotations

import dataclasses

from summary_factory import make_summary

from tnprep.ingest.diary import read_diary
from tnprep.issue_counts import COLUMN_LEVEL_CODE, values_left_out
from tnprep.issues import Issue, IssueCode
from tnprep.report.sections import build_footer

MOSTLY_UNREADABLE = "Start,Duration,Pain\n" + "".join(
    f"2026-01-{day:02d} 08:00,forever,{'high' if day == 1 else 5}\n" for day in range(1, 13)
)


def test_a_column_level_issue_counts_the_rows_it_stands_for() -> None:
    # Regression: one column-level issue for 12 unreadable durations counted as 1 value.
    issues = read_diary(MOSTLY_UNREADABLE.encode(), "d.csv").issues
    assert [issue.code for issue in issues] == [COLUMN_LEVEL_CODE, "intensity-unreadable"]
    assert values_left_out(issues) == 12 + 1


def test_only_dropped_issues_count() -> None:
    notice = Issue(
        code=IssueCode.COLUMN_IGNORED, file="d.csv", row=1, column="Mood", value=None,
        message="not used",
    )  # fmt: skip
    rejected = Issue(
        code=IssueCode.DATE_UNREADABLE, file="d.csv", row=2, column="Date", value="x",
        message="no date",
    )  # fmt: skip
    assert values_left_out([notice, rejected]) == 0


def test_footer_counts_values_not_issues() -> None:
    issues = read_diary(MOSTLY_UNREADABLE.encode(), "d.csv").issues
    summary = make_summary()
    summary = dataclasses.replace(summary, input=dataclasses.replace(summary.input, issues=issues))
    assert "13 values left out" in build_footer(summary).quality

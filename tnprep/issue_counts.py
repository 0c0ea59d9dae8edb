"""How many values the issues stand for: the footer's "values left out" (docs/figures.md).

A dropped-field issue names one row, so it stands for one value. A column-level issue
(``column-mostly-unreadable``, SPEC: "a column that fails for most rows is one column-level
issue") stands for every row of that column that failed (``Issue.rows``), so it is counted as
those rows, never as one value.
"""

from __future__ import annotations

from collections.abc import Iterable

from tnprep.issues import Issue, IssueCode, Severity

COLUMN_LEVEL_CODE = IssueCode.COLUMN_MOSTLY_UNREADABLE
"""The code of a dropped-field issue that stands for many rows of one column."""


def values_left_out(issues: Iterable[Issue]) -> int:
    """Return how many values the dropped-field issues left out (rows, not issues)."""
    return sum(issue.rows for issue in issues if issue.severity is Severity.DROPPED)

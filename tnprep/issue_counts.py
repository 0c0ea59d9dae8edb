"""How many values the issues stand for: the footer's "values left out" (docs/figures.md).

A dropped-field issue names one row, so it stands for one value. A column-level issue
(``column-mostly-unreadable``, SPEC: "a column that fails for most rows is one column-level
issue") stands for every row of that column that failed; its message starts with that count
("1236 of 1375 rows: …", written by ``tnprep.ingest.row_issues``), so it is counted as those rows,
never as one value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tnprep.issues import Issue, Severity

COLUMN_LEVEL_CODE = "column-mostly-unreadable"
"""The code of a dropped-field issue that stands for many rows of one column."""
_COUNT = re.compile(r"^(\d+) of \d+ rows: ")


def values_left_out(issues: Iterable[Issue]) -> int:
    """Return how many values the dropped-field issues left out (rows, not issues)."""
    return sum(_values(issue) for issue in issues if issue.severity is Severity.DROPPED)


def _values(issue: Issue) -> int:
    if issue.code != COLUMN_LEVEL_CODE:
        return 1
    found = _COUNT.match(issue.message)
    # Never fewer than the one issue, should the message change: a count is not lost.
    return max(1, int(found[1])) if found else 1

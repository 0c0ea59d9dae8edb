"""Columns the file's shape cannot use are never dropped silently.

- An attack log (a time on every row) with a count of attacks on each row (``Number of
  attacks``: 5, 3, 10) was read as one attack per row — 3 attacks where the file records 18 —
  while ``check`` listed the count column as read. A row that is one attack cannot count
  several: the file is refused, saying which column and rows, and how to read it either way.
- A daily log (one row per day, with ``Attacks``) with a ``Pain`` or ``Trigger`` column dropped
  those columns without a word, while ``check`` listed them as read. Each gets a notice now,
  saying how to map it if it holds the day's worst pain.
"""

from __future__ import annotations

import pytest

from tnprep.ingest.diary import read_diary
from tnprep.issues import InputError, IssueCode


def test_an_attack_log_counting_several_attacks_a_row_is_refused() -> None:
    data = (b"Date,Time,Number of attacks,Pain\n2026-11-01,08:00,5,7\n2026-11-01,19:00,1,6\n"
            b"2026-11-02,09:00,10,8\n")  # fmt: skip
    with pytest.raises(InputError) as refused:
        read_diary(data, "clusters.csv")
    reason = refused.value.reason
    assert "'Number of attacks'" in reason and "rows 2 and 4" in reason
    assert '--map "Number of attacks=ignore"' in reason and '--map "Time=ignore"' in reason


def test_an_attack_log_whose_count_is_one_per_row_is_read() -> None:
    data = b"Date,Time,Attacks,Pain\n2026-11-01,08:00,1,7\n2026-11-02,09:00,,8\n"
    read = read_diary(data, "diary.csv")
    assert read.table["row"].tolist() == [2, 3]


def test_a_daily_logs_attack_columns_are_named_as_not_used() -> None:
    data = b"Date,Attacks,Pain,Trigger\n2026-11-01,5,7,eating\n2026-11-02,3,6,talking\n"
    read = read_diary(data, "daily.csv")
    unused = [(issue.column, issue.row) for issue in read.issues
              if issue.code is IssueCode.COLUMN_NOT_FOR_SHAPE]  # fmt: skip
    assert unused == [("Pain", 1), ("Trigger", 1)]
    pain = next(issue for issue in read.issues if issue.column == "Pain")
    assert '--map "Pain=worst_intensity"' in pain.message

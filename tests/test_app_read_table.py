"""How each diary was read, one table per file: a row per property, every cell escaped."""

from __future__ import annotations

import pandas as pd

from tnprep.app.data_issues import file_read_table, plain_cell, unused_words


def test_a_file_is_a_table_of_its_own_with_its_name_as_typed() -> None:
    row = pd.Series({"File": "*my* diary.csv", "Kind": "One row per attack", "Rows read": 3,
                     "Columns used": "Pain [0-10] → Pain (0–10)"})  # fmt: skip
    table = file_read_table(row)
    assert list(table.columns) == [plain_cell("*my* diary.csv")]
    assert list(table.index) == ["Kind", "Rows read", "Columns used"]
    assert table.iloc[:, 0].tolist() == [
        "One row per attack", "3", plain_cell("Pain [0-10] → Pain (0–10)")
    ]  # fmt: skip


def test_columns_without_a_header_are_counted_not_listed_as_empty() -> None:
    assert unused_words(["pain description", "", " "]) == (
        "pain description; and 2 columns without a header"
    )
    assert unused_words([""]) == "1 column without a header"
    assert unused_words([]) == "–"

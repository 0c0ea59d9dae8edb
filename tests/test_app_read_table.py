"""How each diary was read, one table per file: a row per property, every cell escaped."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tnprep.app.data_issues import file_read_table, files_tables, plain_cell, unused_words
from tnprep.app.words import FIELD_WORDS
from tnprep.ingest.columns import FIELDS
from tnprep.pipeline import Sources, load_patient


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


REAL = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"


def columns_used(path: Path) -> str:
    data = load_patient(Sources(diaries=[(path.name, path.read_bytes())]))
    table, _ = files_tables(data.diary.files)
    return str(table["Columns used"].iloc[0])


def test_the_pain_column_is_named_with_the_scale_it_was_read_on() -> None:
    # "pain level (1-5) → Pain (0–10)" told a new user the 1–5 values were 0–10 ones, while the
    # page and the Pain scale line say "on a 1–5 scale … not converted to 0–10".
    yilativs = columns_used(REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv")
    assert "pain level (1-5) → Pain (a 1–5 scale; not converted to 0–10)" in yilativs
    asmith = columns_used(REAL / "asmith-headaches" / "headaches.csv")
    assert "intensity → Pain (no scale stated in the file; read as 0–10)" in asmith
    assert "Pain (0–10)" not in yilativs + asmith


def test_every_field_has_words() -> None:
    # 'end_time → end' and 'treatment helped → rescue helped' were field ids, not words.
    assert [field for field in FIELDS if field not in FIELD_WORDS] == []

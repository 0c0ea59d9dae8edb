"""Hypothesis: a file with a date column and random other columns is read with the accounting
identity holding, or refused — never an attack log from a date alone (issue 9)."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnprep.ingest.columns import match_columns
from tnprep.ingest.diary import read_diary
from tnprep.ingest.kinds import PAIN_EVIDENCE
from tnprep.issues import InputError

OTHER_HEADERS = [
    "mood", "activities", "weekday", "note_title", "energy", "sleep hours", "weather", "steps",
    "category", "type", "detail", "Location", "Notes", "medication", "time", "Name", "value",
    "Pain", "Side", "Triggers", "Duration (min)", "rating/amount", "",
]  # fmt: skip
CELLS = st.sampled_from(
    ["", "5", "right", "Hjem", "symptom", "medicine", "sleep", "Headache (Mild)", "08:00", "pm",
     "happy", "oxygen", "2026-01-03", "cluster headache", "45s", "walk", "11"]
)  # fmt: skip


@st.composite
def dated_tables(draw: st.DrawFn) -> tuple[bytes, list[str]]:
    headers = draw(st.lists(st.sampled_from(OTHER_HEADERS), min_size=0, max_size=5, unique=True))
    header = ["date", *headers]
    rows = []
    for day in range(draw(st.integers(min_value=1, max_value=14))):
        cells = [draw(CELLS) for _ in headers]
        rows.append(",".join([(dt.date(2026, 1, 1) + dt.timedelta(days=day)).isoformat(), *cells]))
    return ("\n".join([",".join(header), *rows]) + "\n").encode(), header


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dated_tables())
def test_a_date_with_random_columns_is_read_with_accounting_or_refused(
    table: tuple[bytes, list[str]],
) -> None:
    data, header = table
    try:
        diary_file = read_diary(data, "random.csv")
    except InputError as error:
        assert error.file == "random.csv" and error.reason
        return
    used = len(diary_file.table)
    assert diary_file.rows_read == used + diary_file.rows_rejected + diary_file.rows_other
    matched = {name for _, name in diary_file.mapping}
    # never an attack log from a date alone: something about pain was matched, or the file is an
    # event log whose pain rows were recognised
    assert matched & PAIN_EVIDENCE or diary_file.info.kind == "event log", (header, matched)
    assert set(match_columns(header).fields.values()) >= {"date"}

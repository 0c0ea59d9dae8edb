"""``n/a`` in a list cell is one word ("not applicable"), never two values split at its slash.

A trigger cell written ``n/a`` — the commonest way a diary-keeper says "none / not known" —
was split on ``/`` like ``V2/V3`` and printed as two triggers named ``n`` and ``a``.
"""

from __future__ import annotations

import pytest

from tnprep.analysis.triggers import normalise_trigger
from tnprep.ingest.diary import read_diary


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("n/a", ("n/a",)),
        ("N/A", ("N/A",)),
        ("chewing; n/a", ("chewing", "n/a")),
        ("chewing/talking", ("chewing", "talking")),
        ("wind/air", ("wind", "air")),
        ("fan/a draught", ("fan", "a draught")),
    ],
)
def test_a_trigger_cell_n_a_is_one_word(cell: str, expected: tuple[str, ...]) -> None:
    data = f'Date,Time,Pain,Trigger\n2026-11-01,08:00,5,"{cell}"\n'.encode()
    read = read_diary(data, "diary.csv")
    assert read.table["triggers"].tolist() == [expected]


def test_n_a_names_no_trigger() -> None:
    assert normalise_trigger("n/a") is None
    assert normalise_trigger("N/A") is None


def test_divisions_n_a_is_one_unreadable_value_not_two() -> None:
    data = b"Date,Time,Pain,Division\n2026-11-01,08:00,5,n/a\n2026-11-02,08:00,5,V2/V3\n"
    read = read_diary(data, "diary.csv")
    assert read.table[["division_v2", "division_v3"]].values.tolist() == [
        [False, False],
        [True, True],
    ]

"""Spellings of one name are counted together: the page's medicine entries (Pavia's oxygen)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tnprep.analysis.spellings import grouped_spellings, spelling_key
from tnprep.pipeline import Sources, load_patient, summarise_patient

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"


def test_case_spaces_hyphens_and_underscores_are_one_name() -> None:
    counts = {"oxygen-demand-valve": 398, "oxygen demand valve": 49, "Oxygen_Demand_Valve": 1}
    assert grouped_spellings(counts) == {"oxygen-demand-valve": 448}


def test_other_differences_keep_names_apart() -> None:
    counts = {"oxygen": 5, "o2": 3, "oxygen 15 l": 2, "sumatriptan": 1}
    assert grouped_spellings(counts) == counts


@given(st.dictionaries(st.text(max_size=12), st.integers(min_value=1, max_value=50), max_size=8))
def test_grouping_keeps_every_count_and_one_name_per_key(counts: dict[str, int]) -> None:
    grouped = grouped_spellings(counts)
    assert sum(grouped.values()) == sum(counts.values())
    assert len({spelling_key(name) for name in grouped}) == len(grouped)
    assert set(grouped) <= set(counts)


def test_pavias_oxygen_is_one_medicine_on_the_page() -> None:
    # Regression: 'oxygen-demand-valve 398' and 'oxygen demand valve 49' were two medicines.
    data = load_patient(Sources(diaries=[(PAVIA.name, PAVIA.read_bytes())]))
    summary = summarise_patient(data, start=None, end=None, today=dt.date(2026, 12, 3))
    events = dict(summary.rescue.medicine_events)
    assert events["oxygen-demand-valve"] == 447
    assert "oxygen demand valve" not in events
    assert events["oxygen"] == 5  # another name, not another spelling: kept apart

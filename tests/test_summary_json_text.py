"""``dumps_indented`` writes exactly what ``json.dumps(indent=2, ensure_ascii=False,
allow_nan=False)`` writes (issue 15: the summary JSON of every batch patient).

Checked on the sample's summary, on every corpus folder's, on Hypothesis-generated summaries
(hostile text, up to ten years of days) and on arbitrary JSON-like values, including the ones the
fast path hands back to the standard encoder (a key that is not a string, NaN, a subclass).
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from summary_factory import summaries
from test_day_table_parity import corpus_folders

from tnprep.cli.batch import patient_sources
from tnprep.pipeline import assemble, read_sources, summarise_patient
from tnprep.samples import sample_sources
from tnprep.summary import Summary
from tnprep.summary_json import summary_to_json
from tnprep.summary_json_text import dumps_indented

TODAY = dt.date(2026, 11, 25)


def standard(value: Any) -> str:
    """The text the standard library writes."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False)


def assert_same_text(summary: Summary) -> None:
    value = summary_to_json(summary)
    assert dumps_indented(value) == standard(value)


def summary_of(sources: Any) -> Summary:
    readings = read_sources(sources)
    return summarise_patient(
        assemble(readings), start=None, end=None, today=TODAY, previous=readings.previous
    )


def test_sample_summary_text_is_the_same() -> None:
    assert_same_text(summary_of(sample_sources()))


@pytest.mark.parametrize("folder", corpus_folders(), ids=lambda path: path.name)
def test_corpus_summary_text_is_the_same(folder: Path) -> None:
    assert_same_text(summary_of(patient_sources(folder)))


@settings(max_examples=40, deadline=None)
@given(summaries())
def test_generated_summary_text_is_the_same(summary: Summary) -> None:
    assert_same_text(summary)


class Colour(enum.StrEnum):
    RED = "red"


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),  # NaN and infinities: both raise ValueError
    st.text(),
    st.just(Colour.RED),  # a str subclass
    st.just(enum.IntEnum("Level", "LOW")["LOW"]),  # an int subclass
)
keys = st.one_of(st.text(max_size=8), st.integers(0, 3), st.none(), st.booleans())
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.lists(children, max_size=4).map(tuple),
        st.dictionaries(keys, children, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(values)
def test_any_value_gives_the_same_text_or_the_same_error(value: Any) -> None:
    try:
        expected = standard(value)
    except ValueError as error:
        with pytest.raises(ValueError, match="Out of range float values"):
            dumps_indented(value)
        assert "Out of range" in str(error)
        return
    assert dumps_indented(value) == expected

"""Trigger normalisation: case, spacing, the synonym table, and 'no trigger' words."""

from __future__ import annotations

import datetime as dt
import pathlib

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tnprep.analysis import summarise, triggers
from tnprep.analysis.triggers import (
    NO_TRIGGER,
    SYNONYMS,
    has_trigger,
    normalise_trigger,
    trigger_key,
    trigger_name_counts,
    trigger_names,
)
from tnprep.ingest.frames import attack_frame, day_frame
from tnprep.model import DateOrderSource, Diary, DiaryFile, DiaryShape, PatientData

DOCS = pathlib.Path(__file__).resolve().parents[1] / "docs" / "figures.md"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("brushing teeth", "brushing teeth"),
        ("Toothbrushing", "brushing teeth"),
        ("BRUSHING", "brushing teeth"),
        ("brushing my teeth", "brushing teeth"),
        ("  Brushing   my  TEETH. ", "brushing teeth"),
        ("tooth-brushing", "brushing teeth"),
        ("eating", "chewing"),
        ("Chewing food", "chewing"),
        ("speaking", "talking"),
        ("Talking", "talking"),
        ("wind", "wind"),
        ("Cold wind", "wind"),
        ("breeze", "wind"),
        ("touching face", "touch"),
        ("Washing face", "washing face"),
        ("shaving", "shaving"),
        ("make-up", "make-up"),
        ("Makeup", "make-up"),
        ("make up", "make-up"),
        ("drinking", "drinking"),
        ("cold drinks", "cold drinks"),
        ("Cold drink", "cold drinks"),
        ("cold", "cold"),
        ("Lying on my LEFT side!", "lying on my left side"),
        ("Bright  light", "bright light"),
        ("Ψυχρό νερό", "ψυχρό νερό"),
    ],
)
def test_normalise_trigger(written: str, expected: str) -> None:
    assert normalise_trigger(written) == expected


@pytest.mark.parametrize(
    "written", ["none", "None", "no trigger", "Spontaneous", "-", "n/a", "", " "]
)
def test_no_trigger_words_are_not_triggers(written: str) -> None:
    assert normalise_trigger(written) is None


def test_trigger_key_evens_out_punctuation_and_spacing() -> None:
    assert trigger_key(" Make-Up_ ") == "make up"


def test_synonym_table_has_no_spelling_for_two_triggers() -> None:
    keys = [trigger_key(spelling) for spellings in SYNONYMS.values() for spelling in spellings]
    targets = {
        trigger_key(spelling): canonical
        for canonical, spellings in SYNONYMS.items()
        for spelling in spellings
    }
    assert len(targets) == len(set(keys))
    assert all(normalise_trigger(canonical) == canonical for canonical in SYNONYMS)


def test_trigger_name_counts_count_a_row_once_per_trigger() -> None:
    triggers = pd.Series(
        [("Eating", "chewing", "wind"), (), ("none",), ("Breeze",)], index=[10, 11, 12, 13]
    )
    assert trigger_name_counts(triggers) == {"chewing": 1, "wind": 2}


def test_has_trigger() -> None:
    triggers = pd.Series([("Eating",), (), ("none",), ("none", "talking")], index=[3, 1, 2, 0])
    assert has_trigger(triggers).to_dict() == {3: True, 1: False, 2: False, 0: True}


def test_has_trigger_with_duplicate_index_labels() -> None:
    triggers = pd.Series([("Eating",), ()], index=[7, 7])
    assert has_trigger(triggers).tolist() == [True, False]


_SPELLINGS = st.sampled_from(["Eating", "chewing", "none", "Breeze", "", " - ", "wind", "Talk"])
_CELLS = st.one_of(
    st.tuples(_SPELLINGS),
    st.tuples(_SPELLINGS, _SPELLINGS),
    st.just(()),
    st.lists(_SPELLINGS, max_size=2),
    st.none(),
    st.just(float("nan")),
)


def _names_row_by_row(cell: object) -> frozenset[str]:
    # The reference: every row normalised on its own (a missing cell names nothing).
    if cell is None or (isinstance(cell, float) and np.isnan(cell)):
        return frozenset()
    assert isinstance(cell, tuple | list)
    return frozenset(name for name in map(normalise_trigger, cell) if name)


@given(st.lists(_CELLS, max_size=30))
def test_trigger_names_match_each_row_normalised_on_its_own(cells: list[object]) -> None:
    found = trigger_names(pd.Series(cells, dtype=object))
    expected = [_names_row_by_row(cell) for cell in cells]
    assert [found.names[code] for code in found.codes] == expected
    assert found.named().tolist() == [bool(names) for names in expected]
    counts = {name: sum(name in names for names in expected) for name in set().union(*expected)}
    assert found.counts() == counts


def test_a_summary_normalises_each_distinct_trigger_cell_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []

    def counted(text: str) -> str | None:
        calls.append(text)
        return normalise_trigger(text)

    monkeypatch.setattr(triggers, "normalise_trigger", counted)
    table = attack_frame({
        "start": ["2024-01-01 08:00", "2024-01-02 09:00", "2024-01-03 10:00"],
        "triggers": [("Eating",), ("Eating",), ("wind",)],
        "file": ["a.csv"] * 3,
    })  # fmt: skip
    diary_file = DiaryFile(
        file="a.csv", shape=DiaryShape.ATTACK_LOG, source_format="generic table",
        encoding="utf-8", delimiter=",", date_order=None,
        date_order_source=DateOrderSource.NOT_NEEDED, mapping=(("Triggers", "triggers"),),
        ignored_columns=(), rows_read=3, rows_rejected=0, table=table,
    )  # fmt: skip
    diary = Diary(files=(diary_file,), attacks=table, days=day_frame(), duplicates=0, issues=())
    summary = summarise(PatientData(diary=diary), today=dt.date(2024, 2, 1))
    assert sorted(calls) == ["Eating", "wind"]  # once each, though two stages use the names
    assert summary.features.triggered == 3
    assert [(item.name, item.count) for item in summary.attacks.triggers] == [
        ("chewing", 2),
        ("wind", 1),
    ]


def test_docs_list_every_synonym_and_no_trigger_word() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for canonical, spellings in SYNONYMS.items():
        for spelling in (canonical, *spellings):
            assert f"`{spelling}`" in text, spelling
    for word in NO_TRIGGER:
        assert f"`{word}`" in text, word

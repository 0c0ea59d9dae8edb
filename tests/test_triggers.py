"""Trigger normalisation: case, spacing, the synonym table, and 'no trigger' words."""

from __future__ import annotations

import pathlib

import pandas as pd
import pytest

from tnprep.analysis.triggers import (
    NO_TRIGGER,
    SYNONYMS,
    has_trigger,
    normalise_trigger,
    trigger_key,
    trigger_name_counts,
)

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


def test_docs_list_every_synonym_and_no_trigger_word() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for canonical, spellings in SYNONYMS.items():
        for spelling in (canonical, *spellings):
            assert f"`{spelling}`" in text, spelling
    for word in NO_TRIGGER:
        assert f"`{word}`" in text, word

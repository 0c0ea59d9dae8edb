"""Trigger normalisation: one name per trigger, so the same trigger is counted once.

A trigger as written is folded to lower case, its punctuation and spacing evened out,
and looked up in ``SYNONYMS`` (data, documented in docs/figures.md). A trigger not in
the table keeps its own words (lower case, single spaces). Words that mean *no trigger*
(``none``, ``spontaneous`` …) are not triggers: the attack counts as spontaneous. Words that say
the trigger is *not known* (``unknown``, ``n/a``, ``-``) are not triggers either, and an attack
with one of them — or with the cell left blank — is not counted as spontaneous: the record does
not say (Pavia's workbook: 1,488 of 1,500 attacks with the cell blank were printed as
"spontaneous"; issue: confidently wrong).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

SYNONYMS: dict[str, tuple[str, ...]] = {
    "brushing teeth": (
        "toothbrushing",
        "tooth brushing",
        "brushing",
        "brushing my teeth",
        "brushing teeth",
        "brush teeth",
        "teeth brushing",
        "cleaning teeth",
        "cleaning my teeth",
    ),
    "chewing": ("chewing", "chewing food", "eating", "eating food", "eat", "chew", "biting"),
    "talking": ("talking", "talk", "speaking", "speak", "speech", "conversation"),
    "wind": ("wind", "cold wind", "breeze", "windy", "draught", "draft", "cold air"),
    "touch": (
        "touch",
        "touching",
        "touching face",
        "touching my face",
        "light touch",
        "face touch",
    ),
    "washing face": ("washing face", "washing my face", "face washing", "wash face", "washing"),
    "shaving": ("shaving", "shave"),
    "make-up": ("make up", "makeup", "applying make up", "applying makeup", "putting on make up"),
    "drinking": ("drinking", "drink", "drinks"),
    "cold drinks": ("cold drinks", "cold drink", "cold water", "ice water", "iced drinks"),
    "hot drinks": ("hot drinks", "hot drink"),
    "smiling": ("smiling", "smile"),
    "laughing": ("laughing", "laugh", "laughter"),
    "yawning": ("yawning", "yawn"),
    "cold": ("cold", "cold weather", "cold temperature"),
}
"""Canonical trigger → the spellings that mean it (compared after ``trigger_key``)."""

SPONTANEOUS: tuple[str, ...] = ("none", "no trigger", "no triggers", "spontaneous", "nothing")
"""Words recorded in a trigger column that say the attack came without a trigger."""
NOT_KNOWN: tuple[str, ...] = ("n a", "na", "unknown", "not known", "-")
"""Words recorded in a trigger column that say the trigger is not known (like a blank cell)."""
NO_TRIGGER: tuple[str, ...] = SPONTANEOUS + NOT_KNOWN
"""Every word that names no trigger (neither kind is counted as a trigger)."""

_PUNCTUATION = re.compile(r"[^\w]+")
_OUTER_PUNCTUATION = " \t.,;:!?\"'()[]{}"


def trigger_key(text: str) -> str:
    """Return the comparison key of a trigger: lower case, punctuation as spaces, single spaces.

    Args:
        text: A trigger as written, e.g. ``"Brushing  my TEETH."``.

    Returns:
        The key, e.g. ``"brushing my teeth"``; ``"-"`` stays ``"-"`` so it can mean *none*.
    """
    folded = text.casefold().strip()
    key = " ".join(_PUNCTUATION.sub(" ", folded).replace("_", " ").split())
    return key or folded


_CANONICAL: dict[str, str] = {
    trigger_key(spelling): canonical
    for canonical, spellings in SYNONYMS.items()
    for spelling in (canonical, *spellings)
}
_NO_TRIGGER_KEYS = frozenset(trigger_key(word) for word in NO_TRIGGER)
_SPONTANEOUS_KEYS = frozenset(trigger_key(word) for word in SPONTANEOUS)


def normalise_trigger(text: str) -> str | None:
    """Return the canonical name of a trigger, or ``None`` when it means *no trigger*.

    Args:
        text: A trigger as written.

    Returns:
        The canonical name from ``SYNONYMS``; otherwise the trigger in lower case with single
        spaces and no surrounding punctuation; ``None`` for blanks and the ``NO_TRIGGER`` words.
    """
    key = trigger_key(text)
    if not key.strip() or key in _NO_TRIGGER_KEYS:
        return None
    if key in _CANONICAL:
        return _CANONICAL[key]
    return " ".join(text.casefold().split()).strip(_OUTER_PUNCTUATION) or None


@dataclass(frozen=True)
class TriggerNames:
    """The normalised trigger names of a period's attack rows, worked out once per summary.

    A ten-year diary repeats a few dozen trigger cells hundreds of thousands of times, so each
    distinct cell is normalised once: ``names[codes[row]]`` are the names of attack row ``row``.
    The attack figures (``counts``) and the TN features (``named``) share one instance.
    """

    codes: np.ndarray
    """Per attack row, in the rows' order, the position of its cell's names in ``names``."""
    names: tuple[frozenset[str], ...]
    """The normalised names of each distinct cell (a missing cell names nothing)."""
    spontaneous: tuple[bool, ...]
    """Per distinct cell: names no trigger and says so with a ``SPONTANEOUS`` word."""

    def named(self) -> np.ndarray:
        """Per attack row, whether it names at least one real trigger."""
        return self._per_row([bool(found) for found in self.names])

    def said_spontaneous(self) -> np.ndarray:
        """Per attack row, whether it names no trigger and records the attack as spontaneous."""
        return self._per_row(list(self.spontaneous))

    def _per_row(self, per_cell: list[bool]) -> np.ndarray:
        if not len(self.codes):
            return np.zeros(0, dtype=bool)
        per_row: np.ndarray = np.array(per_cell, dtype=bool)[self.codes]
        return per_row

    def counts(self) -> dict[str, int]:
        """Normalised trigger → number of attack rows naming it (a row counts a name once)."""
        occurrences = np.bincount(self.codes, minlength=len(self.names))
        counts: dict[str, int] = {}
        for found, occurrence in zip(self.names, occurrences, strict=True):
            for name in found:
                counts[name] = counts.get(name, 0) + int(occurrence)
        return counts


def trigger_names(triggers: pd.Series) -> TriggerNames:
    """Return the normalised trigger names of each attack row (``triggers``: tuples of text).

    A missing cell (``None``, NaN) names no trigger, like an empty tuple.
    """
    values = triggers.to_numpy(dtype=object)
    try:  # tuples hash as they are: no per-row conversion (~20 ms on 364,606 rows)
        codes, distinct = pd.factorize(values)
    except TypeError:  # an unhashable cell (a list): each cell as a tuple first
        codes, distinct = pd.factorize(triggers.map(tuple, na_action="ignore").to_numpy())
    names = [
        frozenset(name for name in map(normalise_trigger, map(str, cell or ())) if name)
        for cell in distinct
    ]
    spontaneous = [
        not found and says_spontaneous(cell or ())
        for found, cell in zip(names, distinct, strict=True)
    ]
    missing = codes < 0
    if missing.any():
        codes = np.where(missing, len(names), codes)
        names.append(frozenset())
        spontaneous.append(False)
    return TriggerNames(
        codes=codes.astype(np.intp, copy=False), names=tuple(names), spontaneous=tuple(spontaneous)
    )


def says_spontaneous(cell: Iterable[object]) -> bool:
    """True when a trigger cell's texts hold a ``SPONTANEOUS`` word such as 'none'."""
    return any(trigger_key(str(text)) in _SPONTANEOUS_KEYS for text in cell)


def has_trigger(triggers: pd.Series) -> pd.Series:
    """Return, for each attack row, whether it names at least one real trigger."""
    return pd.Series(trigger_names(triggers).named(), index=triggers.index, dtype=bool)


def trigger_name_counts(triggers: pd.Series) -> dict[str, int]:
    """Return normalised trigger → number of attack rows naming it (each row counts a name once)."""
    return trigger_names(triggers).counts()

"""Rescue use: which rescue treatments the attacks of the period record, and whether they helped.

Read from an attack log's ``rescue`` column (a medication / treatment column; several names in one
cell split on ``+ ; , | &`` and "and"; never on ``/``, which doses use: ``10-25l/min``), its
``rescue_helped`` column, and Migraine Buddy's four per-attack medication ratings. Event logs'
medicine rows (oxygen, sumatriptan …) are not linked to an attack in the file, so they are counted
by name over the whole file. Recorded facts only: no
judgement of whether a rescue works.

Names print as typed (SPEC *The page*): an entity-like sequence such as ``&amp;`` or ``&#38;`` is
text the user typed, never two separators (``split_names``); names are counted case-insensitively
and shown in their first spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pandas as pd

from tnprep.model import Diary
from tnprep.summary import RescueSummary

_SPLIT = re.compile(r"\s*(?:\+|;|,|\||&|\band\b)\s*", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
"""An HTML-entity-like sequence ('&amp;', '&#38;'): kept whole, as typed, never split."""
_HIDDEN = re.compile("\x00([0-9]+)\x00")
_NONE = frozenset({"", "none", "no", "nothing", "no medication", "no medications", "-", "n/a"})
_RATINGS = (
    ("medication_helpful", "helpful"),
    ("medication_somewhat", "somewhat helpful"),
    ("medication_unhelpful", "unhelpful"),
    ("medication_unsure", "unsure"),
)


def rescue_summary(diary: Diary, attacks: pd.DataFrame) -> RescueSummary:
    """Rescue figures for ``attacks`` (the period's attack rows) and the diary's medicine events."""
    recording = _files_recording_rescue(diary)
    recorded = attacks[attacks["file"].isin(recording)]
    names = [_names(row) for row in recorded.itertuples(index=False)]
    helped: Counter[str] = Counter()
    for row in recorded.itertuples(index=False):
        helped.update(_helped(row))
    spelling: dict[str, str] = {}
    for found in names:
        for name in found:
            spelling.setdefault(name.casefold(), name)
    counted = Counter(name.casefold() for found in names for name in found)
    return RescueSummary(
        attacks_with_record=len(recorded),
        attacks_with_rescue=sum(1 for found in names if found),
        by_name=_ordered(Counter({spelling[key]: count for key, count in counted.items()})),
        helped=_ordered(helped),
        medicine_events=_ordered(_medicine_events(diary)),
    )


def _files_recording_rescue(diary: Diary) -> set[str]:
    wanted = {"rescue", *(name for name, _ in _RATINGS)}
    files: set[str] = set()
    for item in diary.files:
        if wanted & {name for _, name in item.mapping}:
            files.update(set(item.table["file"].dropna().unique()) | {item.file})
    return files


def split_names(text: str, separators: re.Pattern[str]) -> list[str]:
    """Split a cell on ``separators``, keeping entity-like text ('&amp;', '&#38;') whole.

    The user typed those characters; splitting '&amp;' on '&' and ';' would print 'amp'.
    """
    if "\x00" in text:
        return separators.split(text)
    entities: list[str] = []

    def hide(match: re.Match[str]) -> str:
        entities.append(match[0])
        return f"\x00{len(entities) - 1}\x00"

    parts = separators.split(_ENTITY.sub(hide, text))
    return [_HIDDEN.sub(lambda found: entities[int(found[1])], part) for part in parts]


def _names(row: Any) -> tuple[str, ...]:
    """One row's rescue names as typed (first spelling), each once (case-insensitively)."""
    text = row.rescue
    parts = [] if pd.isna(text) else split_names(str(text), _SPLIT)
    for column, _ in _RATINGS:
        parts.extend(getattr(row, column))
    kept: dict[str, str] = {}
    for part in (part.strip() for part in parts):
        if part.casefold() not in _NONE:
            kept.setdefault(part.casefold(), part)
    return tuple(kept.values())


def _helped(row: Any) -> list[str]:
    answers = [label for column, label in _RATINGS if getattr(row, column)]
    text = row.rescue_helped
    if not pd.isna(text) and str(text).strip():
        answer = str(text).strip().casefold()
        answers.append(_YES_NO.get(answer, answer))
    return answers


_YES_NO = {"true": "yes", "y": "yes", "1": "yes", "false": "no", "n": "no", "0": "no"}


def _medicine_events(diary: Diary) -> Counter[str]:
    events: Counter[str] = Counter()
    for item in diary.files:
        events.update(dict(item.info.medicine_events))
    return events


def _ordered(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((name, int(count)) for name, count in counts.items() if count),
                        key=lambda item: (-item[1], item[0])))  # fmt: skip

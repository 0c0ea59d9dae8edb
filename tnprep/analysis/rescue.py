"""Rescue use: which rescue treatments the attacks of the period record, and whether they helped.

Read from an attack log's ``rescue`` column (a medication / treatment column; several names in one
cell split on ``+ ; , | &`` and "and"; never on ``/``, which doses use: ``10-25l/min``), its
``rescue_helped`` column, and Migraine Buddy's four per-attack medication ratings. Event logs'
medicine rows (oxygen, sumatriptan …) are not linked to an attack in the file, so they are counted
by name over the whole file. Recorded facts only: no
judgement of whether a rescue works.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pandas as pd

from tnprep.model import Diary
from tnprep.summary import RescueSummary

_SPLIT = re.compile(r"\s*(?:\+|;|,|\||&|\band\b)\s*", re.IGNORECASE)
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
    return RescueSummary(
        attacks_with_record=len(recorded),
        attacks_with_rescue=sum(1 for found in names if found),
        by_name=_ordered(Counter(name for found in names for name in set(found))),
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


def _names(row: Any) -> tuple[str, ...]:
    text = row.rescue
    parts = [] if pd.isna(text) else _SPLIT.split(str(text))
    for column, _ in _RATINGS:
        parts.extend(getattr(row, column))
    folded = (part.strip().casefold() for part in parts)
    return tuple(dict.fromkeys(part for part in folded if part not in _NONE))


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

"""The period's attacks by the name an event log gave them (docs/figures.md *Attacks by name*).

Every pain row of an event log counts as an attack, whatever it is called (SPEC *Event logs*):
the real Pavia tracker logs 'cluster-headache', 'Cluster headache' and 'migraine' rows, all
attacks. The page says which names its count holds; it never re-labels or judges them.

**Same name:** two names are one when they differ only in letter case, spaces, hyphens or
underscores ('cluster-headache', 'Cluster headache'), or by a pain word in brackets at the end
('Headache (Mild)', 'Headache (Moderate)' — Bearable's rating, read as the pain scale, not a
kind of attack). Such a group is shown under its most frequent spelling, in lower case as the
event-log notice writes names. Any other difference ('Headache (tension)', 'TN attack') keeps
the names apart.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import pandas as pd

from tnprep.analysis.spellings import most_frequent, spelling_key
from tnprep.ingest.scales import PAIN_WORDS
from tnprep.model import DiaryFile

NO_NAME = "no name"
"""Attacks without a name (a plain attack log's rows, or an event log row with an empty name),
counted so the names add up to the attack rows; only when some attack has a name."""

_RATING = re.compile(r"\s*\(\s*([^()]*?)\s*\)\s*$")


def attack_names(attacks: pd.DataFrame, files: Sequence[DiaryFile]) -> tuple[tuple[str, int], ...]:
    """(name, attacks) for the period's attack rows, most frequent first; () when none is named.

    Args:
        attacks: The period's attack rows (ATTACK_COLUMNS; their ``file`` and ``row`` say which
            event-log row each is).
        files: The diary files as read (``DiaryInfo.pain_names`` of the event logs).
    """
    named = {
        (file, row): name for diary_file in files for file, row, name in diary_file.info.pain_names
    }
    if not named or attacks.empty:
        return ()
    written = [
        named.get((file, int(row)), "")
        for file, row in zip(attacks["file"].tolist(), attacks["row"].tolist(), strict=True)
    ]
    if not any(written):
        return ()
    return _grouped(written)


def name_key(name: str) -> str:
    """The name's key: two names with one key are one name.

    Case, spaces, hyphens, underscores and a pain word in brackets at the end are set aside:
    'Headache (Mild)' and 'head-ache' → 'headache'.
    """
    rating = _RATING.search(name)
    if rating and rating.group(1).casefold() in PAIN_WORDS:
        name = name[: rating.start()]
    return spelling_key(name)


def _grouped(written: list[str]) -> tuple[tuple[str, int], ...]:
    """Group spellings by ``name_key``; each group under its most frequent spelling."""
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for name, count in Counter(written).items():
        key = name_key(name) if name else ""
        spellings[key][_shown(name) if name else NO_NAME] += count
    groups = [
        (most_frequent(counter), sum(counter.values()), key == "")
        for key, counter in spellings.items()
    ]
    groups.sort(key=lambda group: (group[2], -group[1], group[0]))
    return tuple((name, count) for name, count, _ in groups)


def _shown(name: str) -> str:
    """A spelling as shown: lower case, a bracketed pain word dropped, spaces collapsed."""
    rating = _RATING.search(name)
    if rating and rating.group(1).casefold() in PAIN_WORDS:
        name = name[: rating.start()]
    return " ".join(name.casefold().split())

"""Rescue use: which rescue treatments the attacks of the period record, and whether they helped.

Read from an attack log's ``rescue`` column (a medication / treatment column; several names in one
cell split on ``+ ; , | &`` and "and"; never on ``/``, which doses use: ``10-25l/min``), its
``rescue_helped`` column, and Migraine Buddy's four per-attack medication ratings. Event logs'
medicine rows (oxygen, sumatriptan …) are not linked to an attack in the file, so they are counted
by name over the whole file. Recorded facts only: no judgement of whether a rescue works.

This is the **one** rescue tally (``rescue_summary``, computed once per summary): the summary's
``attacks.rescue`` and the ledger's acute burden (``ledger.acute_burden``) both read it, so their
counts always agree.

Names print as typed (SPEC *The page*): an entity-like sequence such as ``&amp;`` or ``&#38;`` is
text the user typed, never two separators (``split_names``); names are counted case-insensitively
and shown in their first spelling.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import replace

import numpy as np
import pandas as pd

from tnprep.analysis.spellings import grouped_spellings
from tnprep.model import Diary
from tnprep.summary import RescueSummary, RescueUse

_SPLIT = re.compile(r"\s*(?:\+|;|,|\||&|\band\b)\s*", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
"""An HTML-entity-like sequence ('&amp;', '&#38;'): kept whole, as typed, never split."""
_HIDDEN = re.compile("\x00([0-9]+)\x00")
_NONE = frozenset(
    {"", "none", "no", "nothing", "no medication", "no medications", "-", "n/a", "na"}
)
"""Words that mean no rescue was taken (compared case-insensitively, also without spaces)."""
_NONE_COMPACT = frozenset(word.replace(" ", "") for word in _NONE)
_TAKEN = frozenset({"yes", "y", "true", "taken"})
"""Words that say a rescue was taken without naming it (a Yes/No ``Medication`` column): the
attack counts as one with rescue, and no name is made of the word (it printed as "Yes 2")."""
_UNNAMED = "\x00taken"
"""The key under which a row's unnamed rescue is tallied (never a name: no text holds NUL)."""
_RATINGS = (
    ("medication_helpful", "helpful", "helpful"),
    ("medication_somewhat", "somewhat helpful", "somewhat"),
    ("medication_unhelpful", "unhelpful", "unhelpful"),
    ("medication_unsure", "unsure", None),
)
"""Migraine Buddy's rating columns: (column, word in ``helped``, ``RescueUse`` field or None)."""
_CELL_COLUMNS = ("rescue", "rescue_helped", *(column for column, _, _ in _RATINGS))
_YES_NO = {"true": "yes", "y": "yes", "1": "yes", "false": "no", "n": "no", "0": "no"}


def rescue_summary(
    diary: Diary,
    attacks: pd.DataFrame,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> RescueSummary:
    """The one rescue tally of the period: ``attacks.rescue`` and the ledger's burden read it.

    Args:
        diary: The diary (which files record rescue; event logs' medicine rows).
        attacks: The period's attack rows; only those from files with a rescue or rating
            column count, so a diary without one never reads "rescue named in 0 of N".
        first: The period's first day; medicine entries before it are not counted.
        last: The period's last day; medicine entries after it are not counted.
    """
    recorded = attacks[attacks["file"].isin(files_recording_rescue(diary))]
    events = _medicine_events(diary, first, last)
    return replace(rescue_from_rows(recorded), medicine_events=_ordered(grouped_spellings(events)))


def rescue_from_rows(attacks: pd.DataFrame) -> RescueSummary:
    """Rescue figures of the given attack rows (every row counts in the denominator).

    Each distinct row of rescue cells is named once and weighted by how often it occurs (a
    ten-year diary has 365,000 rows but a few hundred distinct ones); a name counts once per
    row, case-insensitively, under its first spelling.
    """
    spelling: dict[str, str] = {}
    tallies: dict[str, Counter[str]] = {}
    helped: Counter[str] = Counter()
    with_rescue = unnamed = 0
    for cells, occurrences in _distinct_rescue_cells(attacks).items():
        named = _named(cells)
        with_rescue += occurrences if named else 0
        if named.pop(_UNNAMED, None) is not None and not named:
            unnamed += occurrences
        for word in _helped(cells):
            helped[word] += occurrences
        for key, (name, ratings) in named.items():
            spelling.setdefault(key, name)
            tally = tallies.setdefault(key, Counter())
            tally["uses"] += occurrences
            tally.update({rating: occurrences for rating in ratings})
    uses = sorted(
        (RescueUse(spelling[key], tally["uses"], tally["helpful"], tally["somewhat"],
                   tally["unhelpful"]) for key, tally in tallies.items()),
        key=lambda use: (-use.uses, use.name.casefold()),
    )  # fmt: skip
    return RescueSummary(
        attacks_with_record=len(attacks),
        attacks_with_rescue=with_rescue,
        attacks_rescue_unnamed=unnamed,
        by_name=tuple((use.name, use.uses) for use in uses),
        helped=_ordered(helped),
        uses=tuple(uses),
    )


def _distinct_rescue_cells(attacks: pd.DataFrame) -> Counter[tuple[object, ...]]:
    """Rows' (rescue, helped, rating tuples …) cells → how many rows hold them; blank rows out.

    A column the frame lacks reads as blank (no rescue, no ratings).
    """
    present = [column for column in _CELL_COLUMNS if column in attacks]
    if not present or not len(attacks):
        return Counter()
    filled = np.zeros(len(attacks), dtype=bool)
    for column in present:
        values = attacks[column]
        text = column in ("rescue", "rescue_helped")
        filled |= values.notna().to_numpy() if text else _non_empty(values)
    rows = attacks.loc[filled]
    count = int(filled.sum())
    blanks = (None, None, (), (), (), ())
    cells = [rows[column].tolist() if column in attacks else [blank] * count
             for column, blank in zip(_CELL_COLUMNS, blanks, strict=True)]  # fmt: skip
    return Counter(zip(*cells, strict=True))


def _non_empty(values: pd.Series) -> np.ndarray:
    """True where a cell of tuples holds anything (truth tested in C, no Python loop)."""
    return np.asarray(values.to_numpy(dtype=object).astype(bool), dtype=bool)


def _named(cells: tuple[object, ...]) -> dict[str, tuple[str, set[str]]]:
    """Rescue names in one row's cells → (first spelling, ``RescueUse`` rating fields)."""
    rescue, _, *rated = cells
    parts: list[tuple[str, str | None]] = []
    if isinstance(rescue, str):
        parts += [(part, None) for part in split_names(rescue, _SPLIT)]
    for values, (_, _, field) in zip(rated, _RATINGS, strict=True):
        parts += [(value, field) for value in values if isinstance(value, str)]  # type: ignore[attr-defined]
    named: dict[str, tuple[str, set[str]]] = {}
    for text, field in parts:
        name = " ".join(text.split())
        key = name.casefold()
        if key in _NONE or key.replace(" ", "") in _NONE_COMPACT:
            continue
        if key in _TAKEN:
            key = _UNNAMED
        entry = named.setdefault(key, (name, set()))
        if field is not None:
            entry[1].add(field)
    return named


def _helped(cells: tuple[object, ...]) -> list[str]:
    """Whether it helped, as recorded in one row: the rating columns' words, then yes / no."""
    _, text, *rated = cells
    answers = [word for values, (_, word, _) in zip(rated, _RATINGS, strict=True) if values]
    if isinstance(text, str) and text.strip():
        answer = text.strip().casefold()
        answers.append(_YES_NO.get(answer, answer))
    return answers


def files_recording_rescue(diary: Diary) -> set[str]:
    """The diary files (and their sheets' sources) that have a rescue or rescue-rating column."""
    wanted = {"rescue", *(name for name, _, _ in _RATINGS)}
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


def _medicine_events(diary: Diary, first: dt.date | None, last: dt.date | None) -> Counter[str]:
    """Medicine entries by name on the period's days (an undated entry is on none of them).

    A file read without days (``medicine_by_day`` empty) counts whole, as before.
    """
    events: Counter[str] = Counter()
    for item in diary.files:
        if not item.info.medicine_by_day:
            events.update(dict(item.info.medicine_events))
            continue
        for day, name, count in item.info.medicine_by_day:
            if day is not None and _within(day, first, last):
                events[name] += count
    return events


def _within(day: dt.date, first: dt.date | None, last: dt.date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def _ordered(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((name, int(count)) for name, count in counts.items() if count),
                        key=lambda item: (-item[1], item[0])))  # fmt: skip

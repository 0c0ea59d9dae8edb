"""Event logs: one row per event of any kind; only the pain rows are attacks (docs/formats.md).

A general tracker writes symptoms, medicines taken, sleep, sport and notes into one table with a
type / category column. A row is a **pain attack** when its kind names pain (attack, headache,
pain, TN, neuralgia, migraine) or when it is a symptom whose name names head or face pain
("Cluster headache", "Headache (Mild)", "Facial pain"; not "Back pain", and not "shadows" — the
faint after-pain some trackers log). A **medicine** row is a
rescue or medication event, counted by name. Every other row is counted by its kind under
``rows_other`` and listed nowhere row by row.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

import pandas as pd

from tnprep.ingest import values
from tnprep.ingest.columns import normalise_header
from tnprep.ingest.dates import parse_dates
from tnprep.ingest.decode import Table
from tnprep.model import DateOrder

TYPE_HEADERS = frozenset(
    {"type", "category", "eventtype", "event", "kind", "entrytype", "recordtype", "eventkind"}
)
"""Headers of the column that says what kind of event a row is."""
NAME_HEADERS = ("name", "detail", "details", "symptom", "item", "description", "what", "label")
"""Headers of the column naming the event within its kind (first found wins)."""
PAIN_KINDS = ("attack", "headache", "pain", "neuralgia", "migraine", "tn", "tic", "anfall")
SYMPTOM_KINDS = ("symptom", "symptoms")
MEDICINE_KINDS = (
    "medicine", "medicines", "medication", "medications", "meds", "drug", "drugs", "rescue",
    "medssupplements", "treatment", "altmedicine",
)  # fmt: skip
_EVENT_KINDS = frozenset(
    {*PAIN_KINDS, *SYMPTOM_KINDS, *MEDICINE_KINDS, "sleep", "mood", "food", "sport", "note",
     "notes", "report", "activity", "activities", "exercise", "factors", "energy", "gratitudes",
     "fooddiary", "fooddiaryfactors", "sleepfactors", "sleepquality", "bowelmovements", "weather",
     "supplement", "supplements", "diet", "drink", "water", "weight", "steps", "period",
     "menstruation", "stress", "journal", "event", "other"}
)  # fmt: skip
_NOT_PAIN = ("shadow",)
_SYMPTOM_PAIN = ("headache", "migraine", "neuralgia", "trigeminal", "facialpain", "facepain",
                 "attack", "anfall", "tnpain", "tnattack")  # fmt: skip
"""Symptom names that make a symptom row a pain attack: head and face pain only (a tracker's
back or joint pain is not a TN / headache attack)."""
_MOSTLY = 0.5


@dataclass(frozen=True)
class EventSplit:
    """Which rows of an event log are attacks, and how the others are counted."""

    type_position: int
    """The type / category column."""
    attack_rows: pd.Series
    """True for pain-attack rows (aligned with the table's rows)."""
    other_kinds: tuple[tuple[str, int], ...]
    """Other rows by kind (lower case as written), most frequent first."""
    medicine_events: tuple[tuple[str, int], ...]
    """Medicine rows by name (lower case), most frequent first."""
    names: pd.Series
    """Each row's event name ('' when the file has no name column)."""
    medicine_rows: pd.Series
    """True for medicine rows (aligned with the table's rows)."""


def type_column(table: Table) -> int | None:
    """The position of an event-type column: a type header whose values mostly name event kinds."""
    for position, header in enumerate(table.header):
        if normalise_header(header) not in TYPE_HEADERS:
            continue
        kinds = values.text_cells(table.cells[position].head(2000)).map(normalise_header)
        filled = kinds[kinds.ne("")]
        if not filled.empty and filled.isin(_EVENT_KINDS).mean() > _MOSTLY:
            return position
    return None


def split_events(table: Table, type_position: int) -> EventSplit:
    """Split an event log's rows into attacks, medicine events and other kinds."""
    kinds = values.text_cells(table.cells[type_position])
    keys = kinds.map(normalise_header)
    names = _names(table, type_position)
    pain_kind = keys.isin(PAIN_KINDS)
    symptom = keys.isin(SYMPTOM_KINDS)
    named_pain = names.map(_names_pain).astype(bool)
    attacks = pain_kind | (symptom & named_pain)
    medicine = keys.isin(MEDICINE_KINDS) & ~attacks
    other = ~attacks & ~medicine
    label = kinds.str.casefold().where(kinds.ne(""), "(no kind)")
    other_counts = Counter(label[other].tolist())
    other_counts.update({"medicine": int(medicine.sum())} if medicine.any() else {})
    medicine_names = names[medicine].str.casefold().where(names[medicine].ne(""), "(unnamed)")
    return EventSplit(
        type_position,
        attacks.astype(bool),
        _ordered(other_counts),
        _ordered(Counter(medicine_names.tolist())),
        names,
        medicine.astype(bool),
    )


def medicine_by_day(
    split: EventSplit, date_cells: pd.Series, order: DateOrder | None
) -> tuple[tuple[dt.date | None, str, int], ...]:
    """The medicine rows by (day, name) → count, so a summary counts only its period's days."""
    rows = split.medicine_rows.to_numpy(dtype=bool)
    names = split.names[rows]
    named = names.str.casefold().where(names.ne(""), "(unnamed)")
    return dated_counts(named, dated_days(date_cells[rows], order))


def pain_names(file: str, split: EventSplit) -> tuple[tuple[str, int, str], ...]:
    """(file, spreadsheet row, name as written, stripped) of each pain row that has a name."""
    names = split.names[split.attack_rows.to_numpy(dtype=bool)].str.strip()
    return _named_rows(file, names)


def _named_rows(file: str, names: pd.Series) -> tuple[tuple[str, int, str], ...]:
    """(file, row, name) for the rows with a name (the series' index is the row number)."""
    named = names[names.ne("")]
    rows = (int(row) for row in named.index)
    return tuple((file, row, name) for row, name in zip(rows, named.tolist(), strict=True))


def type_names(table: Table, used: Collection[int]) -> tuple[tuple[str, int, str], ...]:
    """An attack log's type column naming each attack's kind of head or face pain, as written.

    A headache app's workbook writes 'Cluster Headache', 'Migraine Headache' in a 'Type' column
    per attack row: not a pain type (paroxysmal / continuous), so not read as one, yet it says
    what each counted attack was. A type column (``TYPE_HEADERS``) no field took whose filled
    cells mostly name head or face pain gives (file, spreadsheet row, name stripped) per row.
    """
    for position, header in enumerate(table.header):
        if position in used or normalise_header(header) not in TYPE_HEADERS:
            continue
        cells = values.text_cells(table.cells[position]).str.strip()
        filled = cells[cells.ne("")]
        counts = filled.value_counts()  # judged per distinct name, not per row
        painful = sum(int(count) for name, count in counts.items() if _names_pain(str(name)))
        if len(filled) and painful > _MOSTLY * len(filled):
            return _named_rows(table.file, filled)
    return ()


def dated_counts(names: pd.Series, days: pd.Series) -> tuple[tuple[dt.date | None, str, int], ...]:
    """(day or None, name, count) for aligned names and datetime64 days, in day order."""
    counts = Counter(
        (None if pd.isna(day) else pd.Timestamp(day).date(), name)
        for day, name in zip(days.tolist(), names.tolist(), strict=True)
    )
    return tuple(sorted(((day, name, count) for (day, name), count in counts.items()),
                        key=lambda item: (item[0] or dt.date.min, item[1])))  # fmt: skip


def dated_days(cells: pd.Series, order: DateOrder | None) -> pd.Series:
    """Each cell's day (datetime64 at midnight; NaT where no date can be read)."""
    stamps = parse_dates(cells, order, with_time=True)
    missing = stamps.isna()
    if missing.any():
        stamps[missing] = parse_dates(cells[missing], order, with_time=False)
    normalised: pd.Series = stamps.dt.normalize()
    return normalised


def name_words(names: pd.Series) -> pd.Series:
    """A pain word written in brackets after the name ('Headache (Moderate)' → 'moderate')."""
    found = names.str.extract(r"\(\s*([A-Za-z ]+?)\s*\)\s*$", expand=False)
    return found.astype("string")


def _names(table: Table, type_position: int) -> pd.Series:
    keys = [normalise_header(header) for header in table.header]
    for wanted in NAME_HEADERS:
        if wanted in keys and keys.index(wanted) != type_position:
            return values.text_cells(table.cells[keys.index(wanted)])
    return pd.Series("", index=table.cells.index, dtype="string")


def _names_pain(name: str) -> bool:
    words = normalise_header(name)
    if any(word in words for word in _NOT_PAIN):
        return False
    return any(word in words for word in _SYMPTOM_PAIN)


def _ordered(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(((kind, int(count)) for kind, count in counts.items() if count),
                        key=lambda item: (-item[1], item[0])))  # fmt: skip


def keep_rows(table: Table, rows: pd.Series) -> Table:
    """The same table holding only ``rows`` (row numbers kept)."""
    return replace(table, cells=table.cells[rows.to_numpy(dtype=bool)])


def logged_days(cells: pd.Series, order: DateOrder | None) -> tuple[dt.date, ...]:
    """The days on which an event log has a row of any kind (the date column of every row).

    An event log covers these days only (docs/figures.md *Coverage*): the user was logging
    that day, so a day without a pain row is attack-free; a day without any row is a gap.
    Rows whose date cannot be read cover nothing.
    """
    days = dated_days(cells, order).dropna().unique()
    return tuple(sorted(pd.Timestamp(day).date() for day in days))

"""Keeping the user's edits across every setting change and upload.

Two tools, both on ``st.session_state``:

- ``fill(key, from_files)`` before a form widget is drawn: the widget shows what the files say
  until the user changes it; after that a new upload or setting never overwrites what they typed.
- ``EditedTable`` for a data editor: the editor's input and key stay put while the files under it
  change, so no edit is lost. When the files change under a table the user edited, the table
  either merges the new rows in (questions) or asks before anything is discarded (treatments).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
import streamlit as st

FILLED = "_filled_from_files"
"""Session key of the values the files gave each form field (``fill``)."""
_REMEMBERED = 8
"""How many earlier file values per field still count as 'not typed by the user'."""


def fill(key: str, from_files: object) -> None:
    """Set widget ``key`` to ``from_files`` unless the user has changed it from the files' value.

    Call before drawing the widget, and draw it without a default (``key`` only). A value the
    files gave earlier counts as untouched: the browser may send back the previous file's value
    when uploads follow each other before it has shown the new one.
    """
    filled: dict[str, list[object]] = st.session_state.setdefault(FILLED, {})
    given = filled.setdefault(key, [])
    shown = st.session_state.get(key)
    if key not in st.session_state or (
        untouched(key, shown, filled) and not _same(shown, from_files)
    ):
        st.session_state[key] = from_files
    if not given or not _same(given[-1], from_files):
        given.append(from_files)
        del given[:-_REMEMBERED]


def untouched(key: str, shown: object, filled: dict[str, list[object]]) -> bool:
    """True when field ``key`` shows a value the files gave it (``filled``), not a typed one."""
    return any(_same(shown, value) for value in filled.get(key, []))


def _same(first: object, second: object) -> bool:
    if isinstance(first, list | tuple) and isinstance(second, list | tuple):
        return list(first) == list(second)
    return first == second


@dataclass(frozen=True)
class TableRecord:
    """What one editable table shows: its input, the files it came from, and a generation."""

    files_key: str
    """Fingerprint of the files (and settings) the table was last filled from."""
    table: pd.DataFrame
    """The editor's input; the editor's own state holds the edits made on top of it."""
    generation: int = 0
    """Bumped whenever the input is replaced, so the editor starts from the new input."""
    adopted: bool = False
    """True once the input holds the user's own changes (not just the files' table)."""
    pending: tuple[str, pd.DataFrame] | None = None
    """A newer files' table waiting for the user's choice (files key, table)."""


Merge = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], pd.DataFrame]
"""(the user's edited table, the old files' table, the new files' table) → the table to show."""


class EditedTable:
    """A data editor whose edits survive uploads and setting changes."""

    def __init__(self, name: str, merge: Merge | None = None) -> None:
        """``merge`` joins new files into an edited table; without it the user is asked."""
        self.name = name
        self.merge = merge

    @property
    def record(self) -> TableRecord | None:
        """The table's record in this session, if any."""
        value = st.session_state.get(f"_table-{self.name}")
        return value if isinstance(value, TableRecord) else None

    def store(self, record: TableRecord) -> None:
        """Make ``record`` the table's record in this session."""
        st.session_state[f"_table-{self.name}"] = record

    @property
    def editor_key(self) -> str:
        """The key of the data editor now drawn."""
        record = self.record
        return f"{self.name}-{0 if record is None else record.generation}"

    def current(self) -> pd.DataFrame:
        """The table as the user sees it now: the input with the editor's edits applied."""
        record = self.record
        if record is None:
            return pd.DataFrame()
        return apply_edits(record.table, st.session_state.get(self.editor_key))

    def edited(self) -> bool:
        """True when the user has changed the table."""
        record = self.record
        return record is not None and (record.adopted or has_edits(
            st.session_state.get(self.editor_key)))  # fmt: skip

    def update(self, files_key: str, from_files: pd.DataFrame) -> TableRecord:
        """Follow the files: unchanged tables follow silently, edited ones merge or wait."""
        record = self.record
        if record is None:
            record = TableRecord(files_key, from_files)
        elif record.files_key != files_key and (
            record.pending is None or record.pending[0] != files_key
        ):
            record = self._follow(record, files_key, from_files)
        self.store(record)
        return record

    def _follow(self, record: TableRecord, files_key: str, new: pd.DataFrame) -> TableRecord:
        if not self.edited():
            return TableRecord(files_key, new, record.generation + 1)
        if self.merge is not None:
            merged = self.merge(self.current(), record.table, new)
            return TableRecord(files_key, merged, record.generation + 1, adopted=True)
        return replace(record, pending=(files_key, new))

    def adopt(self, table: pd.DataFrame) -> None:
        """Make ``table`` (the user's) the editor's input, e.g. after 'Add question'."""
        record = self.record
        if record is not None:
            self.store(replace(record, table=table, generation=record.generation + 1,
                                adopted=True))  # fmt: skip

    def keep_mine(self) -> None:
        """The user keeps their edited table; the newer files' table is set aside."""
        record = self.record
        if record is not None and record.pending is not None:
            current = self.current()
            self.store(TableRecord(record.pending[0], current, record.generation + 1, True))

    def use_files(self) -> None:
        """The user takes the newer files' table; their edits are discarded (they chose it)."""
        record = self.record
        if record is not None and record.pending is not None:
            files_key, table = record.pending
            self.store(TableRecord(files_key, table, record.generation + 1))


def has_edits(state: object) -> bool:
    """True when a data editor's state holds any edit, added or deleted row."""
    if not isinstance(state, dict):
        return False
    return any(state.get(part) for part in ("edited_rows", "added_rows", "deleted_rows"))


def apply_edits(table: pd.DataFrame, state: object) -> pd.DataFrame:
    """``table`` with a data editor's state (edited, added, deleted rows) applied."""
    if not isinstance(state, dict):
        return table
    rows: list[dict[Any, Any]] = table.to_dict("records")
    for position, changes in (state.get("edited_rows") or {}).items():
        index = int(position)
        if 0 <= index < len(rows):
            rows[index] = {**rows[index], **changes}
    deleted = {int(position) for position in state.get("deleted_rows") or []}
    kept = [row for index, row in enumerate(rows) if index not in deleted]
    added = [dict(row) for row in state.get("added_rows") or []]
    return pd.DataFrame([*kept, *added], columns=table.columns)

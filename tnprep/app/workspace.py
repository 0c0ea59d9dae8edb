"""Two workspaces: the invented sample patient's and the user's own; edits never cross.

Everything the user can change that belongs to one record — the form's answers, the treatment
and question tables, the date order of an ambiguous file, the answer about long silences — is
kept per workspace. Turning the sample on or off (an upload turns it off) sets the other
workspace's edits aside and brings this one's back, so a dose changed in the invented history
or an answer changed on the sample's PHQ-9 never reaches the user's page, and the user's own
edits are back when the sample is turned off again. A notice says where the edits went.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import streamlit as st

from tnprep.app.keep import FILLED, EditedTable, TableRecord, untouched
from tnprep.app.questionnaire import KEY as FORM
from tnprep.app.questions import TABLE as QUESTIONS
from tnprep.app.silences import KEY as SILENCES
from tnprep.app.treatments import TABLE as TREATMENTS
from tnprep.app.workspace_keys import OPEN, SAMPLE, YOURS, workspace_key

_STASH = "_workspace-set-aside-"
"""Prefix of each workspace's edits while the other one is shown."""
_SET_ASIDE = "_workspace-notice"
"""The notice of the last switch that set edits aside (shown until the next switch)."""
TABLES = (TREATMENTS, QUESTIONS)
WIDGET_PREFIXES = (f"{FORM}-", "order-", SILENCES)
"""Session keys of the widgets that hold one workspace's answers (the user's; the sample's
carry ``sample-`` before them: ``workspace_key``)."""

NOTICES = {
    SAMPLE: "Your changes to the invented sample patient stay with the sample; they are not "
    "used for your files. Turn on “Show the sample patient” to see them again.",
    YOURS: "Your own files and your changes to them are kept while the sample is shown; turn "
    "off “Show the sample patient” to return to them.",
}
"""What is said after a switch, by the workspace whose edits were set aside."""


@dataclass(frozen=True)
class SetAside:
    """One workspace's edits while the other is shown."""

    widgets: dict[str, Any] = field(default_factory=dict)
    """Widget values by session key (form answers, date orders, the silences answer)."""
    filled: dict[str, list[object]] = field(default_factory=dict)
    """``keep.fill``'s memory of the values the files gave."""
    tables: dict[str, TableRecord] = field(default_factory=dict)
    """Each table's record, its edits applied."""
    edited: bool = False
    """True when anything in it was changed by the user."""


def enter(sample: bool) -> None:
    """Show the workspace of this run (the sample's or the user's), before any tab is drawn."""
    shown = SAMPLE if sample else YOURS
    last = st.session_state.get(OPEN)
    st.session_state[OPEN] = shown
    if last not in (SAMPLE, YOURS) or last == shown:
        return
    aside = _set_aside(last)
    st.session_state[f"{_STASH}{last}"] = aside
    st.session_state[_SET_ASIDE] = NOTICES[last] if aside.edited else None
    _bring_back(st.session_state.pop(f"{_STASH}{shown}", None))


def notice() -> str | None:
    """What the last switch set aside, in words, or ``None``."""
    text = st.session_state.get(_SET_ASIDE)
    return text if isinstance(text, str) else None


def _widget_keys(workspace: str) -> list[str]:
    """The session keys of ``workspace``'s widgets (its form, date orders, silences answer)."""
    prefixes = tuple(workspace_key(prefix, workspace) for prefix in WIDGET_PREFIXES)
    return [
        key
        for key in list(st.session_state.keys())
        if isinstance(key, str) and key.startswith(prefixes)
    ]


def _set_aside(workspace: str) -> SetAside:
    """Take ``workspace``'s edits out of the session (the other one starts from its files)."""
    filled: dict[str, list[object]] = dict(st.session_state.get(FILLED, {}))
    widgets = {key: st.session_state[key] for key in _widget_keys(workspace)}
    form = workspace_key(f"{FORM}-", workspace)
    typed = any(key.startswith(form) and not untouched(key, value, filled)
                for key, value in widgets.items())  # fmt: skip
    tables = {}
    edited_tables = False
    for table in TABLES:
        record = table.record
        if record is not None:
            edited_tables = edited_tables or table.edited()
            tables[table.name] = replace(record, table=table.current(), adopted=table.edited())
            _start_again(table, record)
    for key in widgets:
        del st.session_state[key]
    st.session_state[FILLED] = {}
    chosen = any(not key.startswith(form) for key in widgets)
    return SetAside(widgets, filled, tables, typed or edited_tables or chosen)


def _start_again(table: EditedTable, record: TableRecord) -> None:
    """An empty record on a new editor key: the next run fills it from this workspace's files."""
    table.store(TableRecord("", record.table.iloc[0:0], record.generation + 1))


def _bring_back(aside: object) -> None:
    """Put a workspace's edits back, each table on a fresh editor key."""
    if not isinstance(aside, SetAside):
        return
    for key, value in aside.widgets.items():
        st.session_state[key] = value
    st.session_state[FILLED] = dict(aside.filled)
    for table in TABLES:
        stored = aside.tables.get(table.name)
        current = table.record
        if stored is not None:
            generation = (current.generation if current is not None else stored.generation) + 1
            table.store(replace(stored, generation=generation))

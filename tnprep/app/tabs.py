"""The app's tabs: they know which one is open, so work nobody sees can wait.

Streamlit 1.67's ``st.tabs(..., key=..., on_change="rerun")`` tracks the open tab: each tab's
``.open`` says whether it is the one shown, and switching tabs reruns the script (without it
every tab runs and ``.open`` is ``None``). The app uses it to build the page and its preview
only while the Report tab is open (``tnprep.app.main``); every other tab is drawn on every run,
because the editing tabs' widgets hold the user's work and must never be left out of a run.

A tab widget's identity includes its labels and its default: new labels make a new widget, the
browser draws every tab again and what the user is typing in a field at that moment is lost (the
Data issues label carried the issue count until session 4; the app's labels are now fixed and
the count is said above the tabs). Should labels ever change, the tabs remember the open tab's
position and open that same position by default; while the labels stay the same the default
stays the same (a changing default would make a new widget, and redraw every tab, on each
switch).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:  # a module of Streamlit's own, named for the type checker only
    from streamlit.elements.lib.mutable_tab_container import TabContainer

KEY = "tab"
"""Session key of the open tab's label (set it to open a tab from code or a test)."""
_OPEN = "_open_tab_position"
"""Position of the tab open at the end of the last run."""
_SHOWN = "_tab_labels_and_default"
"""The labels and default the tabs were last drawn with."""


def draw_tabs(names: Sequence[str], labels: Sequence[str]) -> dict[str, TabContainer]:
    """Draw the tabs with ``labels``; returns each tab's container by its fixed ``names``."""
    default = _default(tuple(labels))
    tabs = st.tabs(list(labels), default=default, key=KEY, on_change="rerun")
    opened = [position for position, tab in enumerate(tabs) if tab.open]
    st.session_state[_OPEN] = opened[0] if opened else 0
    return dict(zip(names, tabs, strict=True))


def _default(labels: tuple[str, ...]) -> str:
    """The default tab: unchanged while the labels are; else the one at the open position."""
    shown = st.session_state.get(_SHOWN)
    if isinstance(shown, tuple) and shown[0] == labels:
        default = str(shown[1])
    else:
        position = st.session_state.get(_OPEN, 0)
        default = (
            labels[position] if isinstance(position, int) and position < len(labels) else labels[0]
        )
    st.session_state[_SHOWN] = (labels, default)
    return default

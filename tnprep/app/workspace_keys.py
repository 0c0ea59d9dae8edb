"""Widget keys per workspace: the sample's form and the user's are never the same widget.

A browser that has not yet drawn the workspace just switched to (uploads in quick succession, a
run cut short by the next click) sends the other workspace's form values back with the next run.
When both workspaces drew the same widget keys, those values landed in the user's form as if
typed there; the fix of session 5 took every value the sample had shown for "not typed", so a
user's own answer that happened to equal the invented patient's (side "right", PHQ-9 "Several
days") was refused, and was lost after a look at the sample. With a key per workspace, a value
sent back from the other workspace belongs to a widget this run does not draw, and Streamlit
drops it; the user's own keys are the names themselves, the sample's carry ``sample-``.
"""

from __future__ import annotations

import streamlit as st

OPEN = "_workspace"
"""Session key of the workspace shown in this run (set by ``tnprep.app.workspace.enter``)."""
SAMPLE = "sample"
YOURS = "yours"
SAMPLE_PREFIX = "sample-"
"""What the sample's widget keys start with."""


def shown_workspace() -> str:
    """The workspace of this run: the sample's or the user's own."""
    return SAMPLE if st.session_state.get(OPEN) == SAMPLE else YOURS


def workspace_key(name: str, workspace: str | None = None) -> str:
    """The key of widget ``name`` in ``workspace`` (the one shown when not given)."""
    return f"{SAMPLE_PREFIX}{name}" if (workspace or shown_workspace()) == SAMPLE else name

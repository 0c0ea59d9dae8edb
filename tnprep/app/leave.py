"""The browser asks before the page is reloaded or closed while the user's own files are in.

Nothing is kept on this computer or the server (``docs/security.md``): a reload starts a new
session, and every upload and edit is gone. So while the user's own files (or their own empty
form, the sample turned off) are shown, the page sets the browser's standard ``beforeunload``
question ("Leave site? Changes you made may not be saved."); on the sample it sets none. The
script is a fixed string: no user text ever goes into it.
"""

from __future__ import annotations

import streamlit as st

ASK = (
    "<script>window.onbeforeunload = (event) => "
    "{ event.preventDefault(); event.returnValue = ''; return ''; };</script>"
)
"""Set the browser's own question before leaving."""
DO_NOT_ASK = "<script>window.onbeforeunload = null;</script>"
"""Remove it (the sample is shown: nothing of the user's would be lost)."""


def ask_before_leaving(own_work: bool) -> None:
    """Ask before a reload or close while ``own_work`` is on the page (in the sidebar's end)."""
    st.sidebar.html(ASK if own_work else DO_NOT_ASK, unsafe_allow_javascript=True)

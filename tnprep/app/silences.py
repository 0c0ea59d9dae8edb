"""The app's question about long silences in an attack log: attack-free, or not recorded?

The figures are computed first with the user's answer from the session (``silence_rule``; SPEC's
attack-log rule until answered), then the Overview asks, only when the period has silences
(``silence_question``), the same way the app asks a file's date order: a radio with no answer
chosen. Changing it reruns the app, and every figure, chart and the page follow. Dates and
counts only; docs/figures.md *Long silences in an attack log* gives the rule.
"""

from __future__ import annotations

import streamlit as st

from tnprep.app.workspace_keys import workspace_key
from tnprep.model import SILENCE_DAYS, SilenceRule
from tnprep.report.wording import day_text
from tnprep.summary import Summary

KEY = "silences"
"""Session key of the question's answer (the sample's carries ``sample-``: ``workspace_key``)."""

CHOICES = {
    "Attack-free: I had no attacks then": SilenceRule.ATTACK_FREE,
    "Not recorded: I did not keep the diary then": SilenceRule.UNRECORDED,
}
"""The question's answers, in the user's words, and the rule each one means."""


def silence_rule() -> SilenceRule:
    """The user's answer, or SPEC's attack-log rule (attack-free) until answered."""
    chosen = st.session_state.get(workspace_key(KEY))
    return (
        CHOICES.get(chosen, SilenceRule.ATTACK_FREE)
        if isinstance(chosen, str)
        else (SilenceRule.ATTACK_FREE)
    )


def silence_question(summary: Summary) -> None:
    """Ask how the silent days count, only when the period has silences of 28 days or more."""
    silences = summary.silences
    if not silences.runs:
        return
    longest = max(silences.runs, key=lambda run: run.days)
    count = "1 stretch" if len(silences.runs) == 1 else f"{len(silences.runs)} stretches"
    st.warning(
        f"Your attack log has {count} of {SILENCE_DAYS} days or more with no entry at all "
        f"({silences.days} days; the longest {longest.days} days, {day_text(longest.first)} to "
        f"{day_text(longest.last)}). tnprep cannot tell whether you had no attacks then or did not "
        f"keep the diary. {_counted_now()}"
    )
    st.radio("How should these days count?", list(CHOICES), index=None, key=workspace_key(KEY))


def _counted_now() -> str:
    if st.session_state.get(workspace_key(KEY)) is None:
        return "Until you choose, these days count as attack-free."
    if silence_rule() is SilenceRule.UNRECORDED:
        return "As you chose, they count as days without a diary."
    return "As you chose, they count as attack-free."

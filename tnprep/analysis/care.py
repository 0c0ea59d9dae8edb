"""The calm message to the patient when PHQ-9 item 9 is answered above 0.

SPEC *Scores*: item 9 above 0 is always flagged for the clinician (on the page); the app also
speaks to the patient, without advice beyond talking to their clinician and, in danger, emergency
services. No Streamlit here; the app decides where to show it.
"""

from __future__ import annotations

from tnprep.summary import Scores

CARE_MESSAGE = (
    "You answered that, over the last two weeks, you have had thoughts that you would be better "
    "off dead or of hurting yourself. You are not alone with this. Please tell your clinician "
    "about it; you do not have to wait for your visit. If you are in danger now, contact your "
    "local emergency services now."
)
"""Shown to the patient when PHQ-9 item 9 (thoughts of self-harm) is above 0."""


def care_message(scores: Scores) -> str | None:
    """Return ``CARE_MESSAGE`` when PHQ-9 item 9 was answered above 0, else ``None``."""
    phq9 = scores.phq9
    if phq9 is not None and phq9.item9 is not None and phq9.item9 > 0:
        return CARE_MESSAGE
    return None

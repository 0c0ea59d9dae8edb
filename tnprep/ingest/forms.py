"""The intake form's clinical wording: BNI scale text, the PHQ-9 / GAD-7 stem and answer words.

The app shows these beside its widgets; the item wording itself is ``tnprep.ingest.fhir``'s
(checked against LOINC 44249-1 / 69737-5). No Streamlit here.
"""

from __future__ import annotations

from tnprep.ingest.answer_values import SCORE_WORDS

# Standard stem of both questionnaires (PHQ-9: Kroenke, Spitzer & Williams 2001, J Gen Intern Med
# 16:606–613; GAD-7: Spitzer et al. 2006, Arch Intern Med 166:1092–1097).
SCALE_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
"""The question both PHQ-9 and GAD-7 items answer."""

# BNI pain intensity and facial numbness scores: Rogers et al. 2000, Int J Radiat Oncol Biol
# Phys 47:1013–1019 (the wording of the scale, shortened). SPEC keeps the unsplit III. Checked
# against secondary sources only (Rogers 2000 was not reachable): see report/wording.py and
# docs/clinical-sources.md.
BNI_PAIN: dict[str, str] = {
    "I": "I — no pain, no medication",
    "II": "II — occasional pain, no medication needed",
    "III": "III — some pain, controlled with medication",
    "IIIa": "IIIa — no pain, continued medication",
    "IIIb": "IIIb — persistent pain, controlled with medication",
    "IV": "IV — some pain, not adequately controlled with medication",
    "V": "V — severe pain, or no pain relief",
}
"""BNI pain intensity score → its meaning, for the form's choices."""

BNI_NUMBNESS: dict[str, str] = {
    "I": "I — no facial numbness",
    "II": "II — mild facial numbness, not bothersome",
    "III": "III — facial numbness, somewhat bothersome",
    "IV": "IV — facial numbness, very bothersome",
}
"""BNI facial numbness score → its meaning."""

SCORE_TEXT: dict[int, str] = {
    points: f"{word.capitalize()} ({points})" for word, points in SCORE_WORDS.items()
}
"""The standard answer words of PHQ-9 and GAD-7 items with their points: 'Several days (1)'."""

SIDES = ("left", "right", "both")
"""The sides the form offers (SPEC *Questionnaires* item ``side``)."""

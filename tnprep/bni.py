"""The BNI pain intensity and facial numbness scales' words, one place for the form and the page."""

from __future__ import annotations

# BNI pain intensity and facial numbness scores (Rogers et al., Int J Radiat Oncol Biol Phys
# 2000;47:1013–1019). Usually a clinician's grade; on this page it is the patient's own rating.
# Rogers 2000 itself was not reachable (2026-12-03 audit, docs/clinical-sources.md); every
# descriptor below was checked against secondary sources only: I, II, III, IV, V and numbness
# I–IV word for word against a hospital's BNI intake form; IIIb ("pain adequately controlled with
# medication") and I–IIIa against the abstract of J Neurosurg 2010;112(4):758; IIIa (pain free on
# medication) against Rashid et al., Radiat Oncol 2018. Whether IIIa/IIIb are Rogers' own split
# or a later one is not verified.
BNI_PAIN_WORDS = {
    "I": "no pain, no medication",
    "II": "occasional pain, not requiring medication",
    "III": "some pain, adequately controlled with medication",
    "IIIa": "no pain, continued medication",
    "IIIb": "persistent pain, adequately controlled with medication",
    "IV": "some pain, not adequately controlled with medication",
    "V": "severe pain or no pain relief",
}
"""BNI pain score → its descriptor."""
BNI_NUMBNESS_WORDS = {
    "I": "no facial numbness",
    "II": "mild facial numbness, not bothersome",
    "III": "facial numbness, somewhat bothersome",
    "IV": "facial numbness, very bothersome",
}
"""BNI numbness score → its descriptor."""

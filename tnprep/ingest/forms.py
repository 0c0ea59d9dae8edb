"""The intake form's clinical wording: BNI scale text, the PHQ-9 / GAD-7 stem and answer words.

The app shows these beside its widgets; the item wording itself is ``tnprep.ingest.fhir``'s
(checked against LOINC 44249-1 / 69737-5). No Streamlit here.
"""

from __future__ import annotations

from tnprep.bni import BNI_NUMBNESS_WORDS, BNI_PAIN_WORDS
from tnprep.ingest.answer_values import SCORE_WORDS

# Standard stem of both questionnaires (PHQ-9: Kroenke, Spitzer & Williams 2001, J Gen Intern Med
# 16:606–613; GAD-7: Spitzer et al. 2006, Arch Intern Med 166:1092–1097).
SCALE_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
"""The question both PHQ-9 and GAD-7 items answer."""

BNI_PAIN: dict[str, str] = {score: f"{score} — {words}" for score, words in BNI_PAIN_WORDS.items()}
"""BNI pain intensity score → its meaning, for the form's choices (words: ``tnprep.bni``)."""

BNI_NUMBNESS: dict[str, str] = {
    score: f"{score} — {words}" for score, words in BNI_NUMBNESS_WORDS.items()
}
"""BNI facial numbness score → its meaning, for the form's choices."""

SCORE_TEXT: dict[int, str] = {
    points: f"{word.capitalize()} ({points})" for word, points in SCORE_WORDS.items()
}
"""The standard answer words of PHQ-9 and GAD-7 items with their points: 'Several days (1)'."""

SIDES = ("left", "right", "both")
"""The sides the form offers (SPEC *Questionnaires* item ``side``)."""

"""PHQ-9 and GAD-7 known by their words when a file carries no codes.

HL7's own SDC example (questionnaireresponse-sdc-profile-example-PHQ9) names its questionnaire
'…questionnaire-sdc-profile-example-PHQ9', uses linkIds 'H1/T1/Q1' … and writes each item's
standard wording (with small slips: 'could gave noticed'). ``panel_by_name`` finds the panel in a
questionnaire URL or title; ``item_by_wording`` finds an item by the overlap of its words with the
standard wording (Kroenke et al. 2001; Spitzer et al. 2006; texts as in LOINC 44249-1 / 69737-5).
"""

from __future__ import annotations

import re

from tnprep.ingest.columns import normalise_header

# Standard item wording, one entry per item (LOINC 44249-1 PHQ-9, 69737-5 GAD-7).
_WORDING: dict[str, str] = {
    "phq9_1": "Little interest or pleasure in doing things",
    "phq9_2": "Feeling down, depressed, or hopeless",
    "phq9_3": "Trouble falling or staying asleep, or sleeping too much",
    "phq9_4": "Feeling tired or having little energy",
    "phq9_5": "Poor appetite or overeating",
    "phq9_6": "Feeling bad about yourself - or that you are a failure or have let yourself or "
    "your family down",
    "phq9_7": "Trouble concentrating on things, such as reading the newspaper or watching "
    "television",
    "phq9_8": "Moving or speaking so slowly that other people could have noticed, or the opposite "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "phq9_9": "Thoughts that you would be better off dead, or of hurting yourself in some way",
    "phq9_10": "How difficult have these problems made it for you to do your work, take care of "
    "things at home, or get along with other people",
    "gad7_1": "Feeling nervous, anxious, or on edge",
    "gad7_2": "Not being able to stop or control worrying",
    "gad7_3": "Worrying too much about different things",
    "gad7_4": "Trouble relaxing",
    "gad7_5": "Being so restless that it is hard to sit still",
    "gad7_6": "Becoming easily annoyed or irritable",
    "gad7_7": "Feeling afraid, as if something awful might happen",
}
"""tnprep item name → standard wording."""

MATCH_SHARE = 0.6
"""Share of words two texts must have in common (of the larger word set) to be the same item."""

_WORD = re.compile(r"[a-z]+")
_TOTAL_WORDS = frozenset({"total", "score", "sum"})
_NAMES = {"phq9": ("phq9", "patienthealthquestionnaire9"), "gad7": ("gad7",)}


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.casefold()))


_ITEM_WORDS = {name: _words(text) for name, text in _WORDING.items()}


def panel_by_name(text: str) -> str | None:
    """Return 'phq9' or 'gad7' when a questionnaire URL or title names one, else ``None``.

    'phq2phq9' and '…example-PHQ9' name the PHQ-9; 'gad-7' the GAD-7.
    """
    key = normalise_header(text)
    found = [panel for panel, names in _NAMES.items() if any(name in key for name in names)]
    return found[0] if len(found) == 1 else None


def item_by_wording(text: str | None, panel: str | None) -> str | None:
    """Return the tnprep item whose standard wording an item text matches, else ``None``.

    Args:
        text: The item's text as written.
        panel: 'phq9' or 'gad7' when the questionnaire is known (only its items, and its total
            worded as a 'total score', are then matched); ``None`` to match either form.
    """
    if not text:
        return None
    words = _words(text)
    if panel is not None and words | {"sum"} >= _TOTAL_WORDS and len(words & _TOTAL_WORDS) >= 2:
        return f"{panel}_total"
    best, best_share = None, 0.0
    for name, standard in _ITEM_WORDS.items():
        if panel is not None and not name.startswith(panel):
            continue
        share = len(words & standard) / max(len(words), len(standard))
        if share > best_share:
            best, best_share = name, share
    return best if best_share >= MATCH_SHARE else None

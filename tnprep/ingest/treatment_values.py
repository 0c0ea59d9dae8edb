"""Cell readers for the treatment history: category, response, reason for stopping, end words.

Each table below is documented in docs/treatments.md; matching ignores case, spacing and
punctuation (``tnprep.ingest.columns.normalise_header``). A cell that matches nothing is never
guessed at: the category and response readers return ``None`` and the caller raises an issue;
the reason for stopping is kept as written.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from tnprep.ingest.columns import normalise_header
from tnprep.model import Response, TreatmentCategory

CATEGORY_WORDS: dict[str, TreatmentCategory] = {
    **{normalise_header(category.value): category for category in TreatmentCategory},
    "medications": TreatmentCategory.MEDICATION,
    "medicine": TreatmentCategory.MEDICATION,
    "drug": TreatmentCategory.MEDICATION,
    "procedures": TreatmentCategory.PROCEDURE,
    "surgery": TreatmentCategory.PROCEDURE,
    "surgical": TreatmentCategory.PROCEDURE,
    "injection": TreatmentCategory.INJECTION_OR_BLOCK,
    "block": TreatmentCategory.INJECTION_OR_BLOCK,
    "nerveblock": TreatmentCategory.INJECTION_OR_BLOCK,
    "injectionblock": TreatmentCategory.INJECTION_OR_BLOCK,
    "psychology": TreatmentCategory.PSYCHOLOGICAL,
}
"""Category cell (normalised) → category: SPEC's words plus a few synonyms."""

RESPONSE_WORDS: dict[str, Response] = {
    **{normalise_header(response.value): response for response in Response},
    "no": Response.NONE,
    "noeffect": Response.NONE,
    "norelief": Response.NONE,
    "nil": Response.NONE,
    "didnothelp": Response.NONE,
    "didnthelp": Response.NONE,
    "some": Response.PARTIAL,
    "slight": Response.PARTIAL,
    "alittle": Response.PARTIAL,
    "somewhat": Response.PARTIAL,
    "moderate": Response.PARTIAL,
    "partialrelief": Response.PARTIAL,
    "verygood": Response.GOOD,
    "goodrelief": Response.GOOD,
    "complete": Response.COMPLETE,
    "completerelief": Response.COMPLETE,
    "full": Response.COMPLETE,
    "painfree": Response.COMPLETE,
}
"""Response cell (normalised) → response: SPEC's four words plus documented synonyms."""

INEFFICACY = "inefficacy"
"""The normalised reason for stopping a treatment that did not work."""
SIDE_EFFECTS = "side effects"
"""The normalised reason for stopping a treatment that was not tolerated."""

STOP_REASONS: dict[str, str] = {
    "inefficacy": INEFFICACY,
    "noteffective": INEFFICACY,
    "didntwork": INEFFICACY,
    "didnotwork": INEFFICACY,
    "noeffect": INEFFICACY,
    "ineffective": INEFFICACY,
    "lackofeffect": INEFFICACY,
    "sideeffects": SIDE_EFFECTS,
    "sideeffect": SIDE_EFFECTS,
    "adverseeffects": SIDE_EFFECTS,
    "adverseeffect": SIDE_EFFECTS,
    "intolerance": SIDE_EFFECTS,
    "nottolerated": SIDE_EFFECTS,
}
"""Reason for stopping (normalised) → 'inefficacy' or 'side effects'; other text is kept."""

ONGOING_WORDS = frozenset(
    {"ongoing", "current", "currently", "continuing", "now", "present", "stilltaking", "still"}
)
"""End cells (normalised) that mean the treatment has not ended."""

_PERCENT = re.compile(r"(?P<number>\d+(?:[.,]\d+)?)\s*%")
_RELIEF_WORDS = frozenset({"", "relief", "better", "improvement", "reduction"})


@dataclass(frozen=True)
class ResponseReading:
    """What a response cell says."""

    response: Response | None
    """The response word, when one was written."""
    relief_percent: float | None
    """Relief in percent (0–100), when a percentage was written."""


def read_category(text: str) -> TreatmentCategory | None:
    """Return the category a cell names, or ``None`` when it names none."""
    return CATEGORY_WORDS.get(normalise_header(text))


def read_response(text: str) -> ResponseReading | None:
    """Read 'good', '60%', '60 % relief' or 'partial (40%)'; ``None`` when unreadable.

    A percentage must be 0–100. Text besides one percentage must be a response word or 'relief'.
    """
    percents = _PERCENT.findall(text)
    if len(percents) > 1:
        return None
    relief = float(percents[0].replace(",", ".")) if percents else None
    if relief is not None and not 0 <= relief <= 100:
        return None
    rest = normalise_header(_PERCENT.sub(" ", text))
    if rest in _RELIEF_WORDS:
        return ResponseReading(None, relief) if relief is not None else None
    response = RESPONSE_WORDS.get(rest)
    return None if response is None else ResponseReading(response, relief)


def read_stop_reason(text: str) -> str:
    """Return 'inefficacy' or 'side effects' for their synonyms, else the text as written."""
    return STOP_REASONS.get(normalise_header(text), text)


def means_ongoing(text: str) -> bool:
    """True when an end cell says the treatment continues ('ongoing', 'current', 'now')."""
    return normalise_header(text) in ONGOING_WORDS


def cell_text(cell: object) -> str | None:
    """A cell as text as the user wrote it, stripped; ``None`` when blank."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return None
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime) and cell.time() == dt.time():
        return cell.date().isoformat()
    text = str(cell).strip()
    return text or None

"""What the app's charts say of attacks without a 0–10 pain: not recorded, or on another scale.

A diary on a 1–5 scale, or in words, is left unconverted (SPEC *Pain scales*: a 1–5 value is
never shown as x/10), so its days carry no 0–10 worst pain. The charts said "worst pain not
recorded" of the yilativs log, which recorded pain on every attack: they now say the pain is
not on the 0–10 scale and on which scale it is, as the page's "Pain scale" line does.
"""

from __future__ import annotations

from tnprep.analysis.pain_reading import pain_scales
from tnprep.ingest.scales import NOT_STATED
from tnprep.model import PainScale
from tnprep.summary import Summary


def pain_elsewhere(summary: Summary) -> str | None:
    """'pain on a 1–5 scale' or 'pain recorded as words' when a file's pain was left unconverted.

    Several scales are named together; ``None`` when every pain is on 0–10.
    """
    kept = sorted({_words(scale) for scale in pain_scales(summary) if _unconverted(scale)})
    return " and ".join(kept) or None


def _unconverted(scale: PainScale) -> bool:
    if scale.low is None:
        return True
    on_ten = (scale.low, scale.high) == (0, 10) or scale.source == NOT_STATED
    return not scale.converted and not on_ten


def _words(scale: PainScale) -> str:
    return "pain recorded as words" if scale.low is None else f"pain on a {scale.label} scale"


def no_pain_words(summary: Summary) -> str:
    """How a day with attacks but no 0–10 worst pain is named.

    'not recorded', or 'not on the 0–10 scale (pain on a 1–5 scale, not converted)'.
    """
    elsewhere = pain_elsewhere(summary)
    return (
        "not recorded"
        if elsewhere is None
        else f"not on the 0–10 scale ({elsewhere}, not converted)"
    )

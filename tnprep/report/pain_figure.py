"""The glance's pain figure, labelled with the scale the diaries were read on.

Pure text from the ``Summary``. The glance said "Pain 0–10" whatever the files stated, beside a
pattern line "no scale stated in the file; read as 0–10" (asmith) or "1–5 scale … not converted"
(yilativs, where the glance showed "–/–" as if no pain had been recorded). The label now says what
the pattern line says (SPEC *Pain scales*: the page states the original scale; a 1–5 value is never
printed as x/10), in a few words; the pattern keeps the file-by-file sentence.
"""

from __future__ import annotations

from tnprep.analysis.pain_reading import NO_SCALE_STATED, pain_scales, scale_reading
from tnprep.ingest.scales import NOT_STATED
from tnprep.model import PainScale
from tnprep.report.wording import number_text
from tnprep.summary import Summary

MEDIAN_WORST = "median / worst"


def pain_figure(summary: Summary) -> tuple[str, str, str]:
    """Return the glance's (label, value, detail) for pain.

    A 0–10 figure whose file stated no scale is "read as 0–10", one converted from another scale
    says from which; with no 0–10 figure at all, a
    single numeric scale not converted shows its own median and worst on its own scale, and
    words say they were not converted.
    """
    attacks = summary.attacks
    scales = pain_scales(summary)
    if attacks.intensity_median is not None or attacks.intensity_max is not None:
        value = f"{number_text(attacks.intensity_median)} / {number_text(attacks.intensity_max)}"
        reading = scale_reading(summary)
        if reading == NO_SCALE_STATED:
            return "Pain, read as 0–10", value, f"{MEDIAN_WORST}; {reading}"
        if reading:
            # a worst of 10 that was a 7 on 0–7: the glance says the values were converted
            return "Pain 0–10", value, f"{MEDIAN_WORST}; {reading}"
        return "Pain 0–10", value, MEDIAN_WORST
    kept = [scale for scale in scales if not scale.converted and scale.source != NOT_STATED]
    if len(kept) == 1:
        return _own_scale(kept[0])
    return "Pain 0–10", "– / –", MEDIAN_WORST


def _own_scale(scale: PainScale) -> tuple[str, str, str]:
    """A scale left as recorded: its own figures ('2 / 5' on 1–5), or words."""
    if scale.low is None or scale.median is None or scale.maximum is None:
        return "Pain", "–", "recorded as words; not converted"
    value = f"{scale.median:g} / {scale.maximum:g}"
    return f"Pain {scale.label} (not converted)", value, MEDIAN_WORST

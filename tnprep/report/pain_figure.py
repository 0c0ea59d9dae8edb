"""The glance's pain figure, labelled with the scale the diaries were read on.

Pure text from the ``Summary``. The glance said "Pain 0–10" whatever the files stated, beside a
pattern line "no scale stated in the file; read as 0–10" (asmith) or "1–5 scale … not converted"
(yilativs, where the glance showed "–/–" as if no pain had been recorded). The label now says what
the pattern line says (SPEC *Pain scales*: the page states the original scale; a 1–5 value is never
printed as x/10), in a few words; the pattern keeps the file-by-file sentence.
"""

from __future__ import annotations

from tnprep.analysis.pain_reading import (
    NO_SCALE_STATED,
    PainFigure,
    pain_scales,
    scale_reading,
)
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
        return _read_on_ten(summary, value)
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


def _read_on_ten(summary: Summary, value: str) -> tuple[str, str, str]:
    """The 0–10 tile; the detail says how the median and the worst were read.

    The median is the attack logs' and the worst also takes the daily logs' worst pain: an attack
    log stating 0–10 beside a daily log stating nothing gives 'worst: no scale stated'.
    """
    median = scale_reading(summary, PainFigure.MEDIAN)
    worst = scale_reading(summary, PainFigure.WORST)
    if median == worst or (not median and summary.attacks.intensity_median is None):
        reading = worst
    else:
        reading = "; ".join(
            f"{name}: {text}" for name, text in (("median", median), ("worst", worst)) if text
        )
    label = "Pain, read as 0–10" if NO_SCALE_STATED in (median, worst) else "Pain 0–10"
    return label, value, f"{MEDIAN_WORST}; {reading}" if reading else MEDIAN_WORST

"""Pain scales: recognised from the header, the values or the user, converted only by one rule.

The rule (docs/formats.md, "Pain scales"):

- A **0–10** scale is read as it is (SPEC: intensities are NRS 0–10).
- A **0–N** scale (``0-100``, ``/5`` read as 0–5 only when written ``0-5``) is converted to 0–10 by
  value × 10 / N: both ends are anchored (0 = no pain, N = worst), so the conversion is a change
  of unit, not an interpretation. Hjermstad et al. 2011 (below) support it for a 0–100 VAS
  ("Overall, NRS and VAS scores corresponded"); for other 0–N scales (0–5) the rescale is
  tnprep's own rule — the review does not map one NRS length onto another.
- A scale that **starts above 0** (``1-5``, ``1–3``, ``/5`` — a file writing ``/5`` scores from
  1) has no "no pain" anchor, so any mapping to 0–10 would invent one: values are **not converted**.
  They are kept on their own scale (median and worst in the file's scale, stated on the page) and
  stay out of the 0–10 intensity figures. A 1–5 value is never printed as x/10.
- **Words** (mild / moderate / severe …) are kept as words and counted; no number is made up.
- A header that **names no scale** (``intensity``, ``Pain``), in a file that is not a known export
  and for which the user gave none, is read as the SPEC's 0–10 (the diary format's scale: SPEC
  *Inputs* lists bare ``Pain`` / ``Severity`` as the 0–10 intensity) — but the scale is kept as
  **not stated** (``NOT_STATED``), so the page and ``check`` say that 0–10 was the format's
  default, not the file's word, with the values' range (asmith's log: 2–7, which could as well be
  on 1–7). tnprep's own rule (docs/formats.md, "Pain scales").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tnprep.ingest.columns import normalise_header
from tnprep.model import PainScale

_RANGE = re.compile(r"(?<![\d.])(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})(?![\d.])")
_OUT_OF = re.compile(r"(?:/|out\s+of\s+)\s*(\d{1,3})(?![\d.])")
PAIN_WORDS: dict[str, int] = {
    "none": 0, "no pain": 0, "very mild": 1, "mild": 1, "light": 1, "moderate": 2, "medium": 2,
    "severe": 3, "strong": 3, "very severe": 4, "extreme": 4, "unbearable": 4, "worst": 4,
}  # fmt: skip
"""Words of verbal rating scales (VRS) and their rank, kept as words (never turned into 0–10).

The ranks only order the words for display (none < mild < moderate < severe < extreme), as in the
verbal rating scales reviewed by Hjermstad et al. 2011 ("Studies comparing numerical rating scales,
verbal rating scales, and visual analogue scales for assessment of pain intensity in adults",
J Pain Symptom Manage 41(6):1073-93), which found "wide distributions of NRS scores within each
category of the VRSs" — no agreed NRS equivalent for a word, the reason tnprep does not convert.
"""


NOT_STATED = "not stated"
"""``PainScale.source`` of a 0–10 reading the file itself did not state (see the module doc)."""


@dataclass(frozen=True)
class ScaleRange:
    """A numeric scale's ends."""

    low: float
    high: float

    @property
    def zero_anchored(self) -> bool:
        """True for 0–N scales (convertible to 0–10 by value × 10 / N)."""
        return self.low == 0


def header_range(header: str) -> ScaleRange | None:
    """The scale a header names: ``(1-5)`` → 1–5, ``0-100`` → 0–100, ``/5`` → 1–5; else ``None``.

    ``/N`` and ``out of N`` name only the top; such files score from 1 (a "3/5"), so the scale is
    taken as 1–N and not converted — except ``/10`` and ``out of 10``: that is how the 0–10 NRS
    itself is written ("pain 0/10"), so it states the SPEC's 0–10 (tnprep's own rule; before, a
    ``Pain /10`` column was taken as 1–10 and every value left out of the figures).
    """
    found = _RANGE.search(header)
    if found:
        low, high = float(found.group(1)), float(found.group(2))
        return ScaleRange(low, high) if low < high else None
    top = _OUT_OF.search(header)
    if top and float(top.group(1)) == 10:
        return ScaleRange(0.0, 10.0)
    if top and float(top.group(1)) > 1:
        return ScaleRange(1.0, float(top.group(1)))
    return None


def user_ranges(pairs: Mapping[str, str] | None) -> dict[str, ScaleRange]:
    """The user's ``--scale "Header=1-5"`` choices, by normalised header.

    Raises:
        ValueError: a scale is not written like ``1-5`` or ``0-100``.
    """
    ranges: dict[str, ScaleRange] = {}
    for header, text in (pairs or {}).items():
        found = header_range(text.strip())
        if found is None:
            raise ValueError(f'--scale "{header}={text}": write the scale as e.g. 1-5 or 0-100.')
        ranges[normalise_header(header)] = found
    return ranges


def stated_range(header: str, user_scales: Mapping[str, str] | None) -> ScaleRange | None:
    """The scale the user (``--scale``) or else the header states for a column; ``None`` if none."""
    return user_ranges(user_scales).get(normalise_header(header)) or header_range(header)


def parse_scale_pairs(pairs: list[str]) -> dict[str, str]:
    """Parse ``--scale "Header=1-5"`` arguments into header → scale text.

    Raises:
        ValueError: a pair has no '=' or its scale cannot be read.
    """
    parsed: dict[str, str] = {}
    for pair in pairs:
        header, separator, scale = pair.rpartition("=")
        if not separator or not header.strip():
            raise ValueError(f'--scale {pair!r}: write it as "Header=1-5".')
        parsed[header.strip()] = scale.strip()
    user_ranges(parsed)
    return parsed


def values_range(values: pd.Series) -> ScaleRange | None:
    """0–100 when the values leave no doubt: a quarter or more above 10, none above 100 or < 0."""
    known = values.dropna()
    if len(known) < 4 or (known < 0).any() or (known > 100).any():
        return None
    return ScaleRange(0.0, 100.0) if (known > 10).mean() >= 0.25 else None


def apply_scale(
    values: pd.Series, scale: ScaleRange, column: str, source: str
) -> tuple[pd.Series, PainScale]:
    """Values on 0–10 (converted, or all unknown when the scale cannot be converted) and the scale.

    Values outside the scale are left to the caller's range check on the result (converted values
    outside 0–10 are dropped there; unconverted ones are kept only within the scale).
    """
    inside = values.where((values >= scale.low) & (values <= scale.high))
    median = None if inside.dropna().empty else float(inside.median())
    maximum = None if inside.dropna().empty else float(inside.max())
    info = PainScale(column, scale.low, scale.high, source, scale.zero_anchored, median, maximum)
    if scale.zero_anchored:
        return values * 10.0 / scale.high, info
    return pd.Series(float("nan"), index=values.index, dtype="float64"), info


def word_values(text: pd.Series) -> pd.Series:
    """The pain word of each cell (lower case) when the whole cell is one, else <NA>."""
    folded = text.str.casefold().str.strip()
    words: pd.Series = folded.mask(~folded.isin(list(PAIN_WORDS))).astype("string")
    return words


def word_scale(words: pd.Series, column: str, source: str) -> PainScale:
    """A word scale with its words counted (most frequent first, then by rank)."""
    counts = words.dropna().value_counts()
    ordered = sorted(counts.items(), key=lambda item: (-int(item[1]), PAIN_WORDS[str(item[0])]))
    return PainScale(
        column, None, None, source, False, words=tuple((str(w), int(c)) for w, c in ordered)
    )


def not_stated(values: pd.Series, column: str) -> PainScale | None:
    """The 0–10 scale marked not stated, with the values' range; ``None`` if no value.

    The range (lowest and highest, two cheap passes) is what lets a reader judge the scale — values
    2–7 could be 1–7 — and the median is on the page's glance already.
    """
    array = values.to_numpy(dtype="float64", na_value=np.nan)
    known = array[~np.isnan(array)]
    if known.size == 0:
        return None
    return PainScale(
        column, 0.0, 10.0, NOT_STATED, False,
        maximum=float(known.max()), minimum=float(known.min()),
    )  # fmt: skip

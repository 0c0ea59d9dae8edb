"""The scale a daily log's worst and background pain were read on, when the file stated none.

A daily log's ``worst_intensity`` and ``background_pain`` columns are read as 0–10 (SPEC *daily
log*). An attack log's pain column under a header with no scale already comes with a scale marked
``scales.NOT_STATED`` (``intensity.read_intensity``), which the page, the app and the JSON state
("no scale stated in the file; read as 0–10"); a daily log's two pain columns did not, so its
"worst 9" and "background pain median 1.5/10" were printed as if the file had said 0–10 (session
6). The mark is the same ``PainScale``, so every place that reads ``pain_reading.pain_scales``
says it, and ``check`` and the JSON's ``input.files[].scale`` carry it.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from tnprep.ingest import scales
from tnprep.model import PainScale

DAY_PAIN_FIELDS = ("worst_intensity", "background_pain")
"""The daily log's pain columns, in the order their headers are named."""


def day_scale(
    headers: Mapping[str, str], frame: pd.DataFrame, user_scales: Mapping[str, str] | None
) -> PainScale | None:
    """The not-stated 0–10 scale of a daily log's pain columns, or ``None``.

    Args:
        headers: Field name → the column's header as written, for the fields the file has.
        frame: The daily rows as read (0–10 values, NaN where unknown).
        user_scales: The user's ``--scale`` choices: a header the user gave a scale is stated
            (0–10 is read; another scale's values are left out, ``fields.day_columns``).

    Returns:
        ``None`` when every pain column states its scale (header or user) or holds no value;
        else one scale marked not stated, named by the unstated columns' headers ('Worst pain /
        Background pain') with the lowest and highest value read in them.
    """
    unstated = [
        field
        for field in DAY_PAIN_FIELDS
        if field in headers and scales.stated_range(headers[field], user_scales) is None
    ]
    if not unstated:
        return None
    values = pd.concat([frame[field] for field in unstated], ignore_index=True)
    return scales.not_stated(values, " / ".join(headers[field] for field in unstated))

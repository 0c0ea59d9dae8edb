"""The intensity column, read on the file's own pain scale (``tnprep.ingest.scales`` has the rule).

The scale comes from the user (``--scale "Header=1-5"``), else the header (``pain level (1-5)``),
else the values when they leave no doubt (0–100), else it is the SPEC's 0–10 — marked *not stated*
unless a known export's format states it. A column of words (mild / moderate / severe) is kept as
words.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from tnprep.ingest import fields, scales, values
from tnprep.ingest.columns import normalise_header
from tnprep.ingest.decode import Table
from tnprep.ingest.distinct import Distinct, distinct_text
from tnprep.ingest.row_issues import RowIssues
from tnprep.issues import IssueCode
from tnprep.model import PainScale

_MOSTLY = 0.5


def read_intensity(
    table: Table,
    position: int,
    issues: RowIssues,
    user_scales: Mapping[str, str] | None,
    *,
    format_states_scale: bool = False,
) -> tuple[pd.Series, PainScale | None]:
    """Intensities on 0–10 (NaN where unknown or not convertible) and the scale when not 0–10.

    A 0–10 reading that neither the header, the values, the user nor a known export's format
    (``format_states_scale``) stated comes with a scale marked ``scales.NOT_STATED``.
    """
    header = table.header[position]
    distinct = distinct_text(table.cells[position])
    words = scales.word_values(distinct.series())  # each distinct cell once
    if _mostly_words(distinct, words):
        return (
            pd.Series(float("nan"), index=distinct.index),
            scales.word_scale(distinct.spread(words), header, "values"),
        )
    chosen, source = _chosen(header, user_scales)
    numbers = values.parse_numbers(table.cells[position], decimal_comma=table.delimiter != ",")
    if chosen is None:
        chosen = scales.values_range(numbers.values)
        source = "values"
    if chosen is None or (chosen.low == 0 and chosen.high == 10):
        read = fields.scale_0_10(table, position, issues, "intensity")
        if chosen is None and not format_states_scale:
            return read, scales.not_stated(read, header)
        return read, None
    return _on_scale(table, position, issues, numbers=numbers, scale=chosen, source=source)


def _mostly_words(distinct: Distinct, words: pd.Series) -> bool:
    """Whether more than half of the filled rows hold a pain word (rows counted, not cells)."""
    counts = distinct.counts()
    filled = np.array([text != "" for text in distinct.texts], dtype=bool)
    filled_rows = int(counts[filled].sum())
    word_rows = int(counts[filled & words.notna().to_numpy(dtype=bool)].sum())
    return filled_rows > 0 and word_rows / filled_rows > _MOSTLY


def _chosen(
    header: str, user_scales: Mapping[str, str] | None
) -> tuple[scales.ScaleRange | None, str]:
    by_user = scales.user_ranges(user_scales).get(normalise_header(header))
    if by_user is not None:
        return by_user, "user"
    return scales.header_range(header), "header"


def _on_scale(
    table: Table,
    position: int,
    issues: RowIssues,
    *,
    numbers: values.Parsed,
    scale: scales.ScaleRange,
    source: str,
) -> tuple[pd.Series, PainScale]:
    label = f"{scale.low:g} to {scale.high:g}"
    issues.drop(position, numbers.unreadable, IssueCode.INTENSITY_UNREADABLE,
                f"This is not a number from {label}; it was left out for this row.")  # fmt: skip
    outside = (numbers.values < scale.low) | (numbers.values > scale.high)
    issues.drop(
        position,
        outside,
        IssueCode.INTENSITY_OUT_OF_RANGE,
        f"Pain in this column is scored {label}; this value was left out for this row.",
    )
    kept = numbers.values.mask(outside)
    converted, info = scales.apply_scale(kept, scale, table.header[position], source)
    return converted, info

"""Durations typed like a clock with a dot (``1.30`` for a minute and a half): dropped, not guessed.

People type a minute and a half as ``1.30`` — the dot where a colon belongs, as in ``7.30pm`` —
and tnprep read it as 1.3 seconds (a bare number is seconds, SPEC): three attacks of a minute or
two had a median duration of 1.3 s. ``1.30`` could be 1.3 (of the column's unit) or 1 min 30 s,
so when a duration column's bare numbers with exactly two decimals **all** stay below .60 (as
minutes:seconds would), those cells are dropped for their row as ``duration-ambiguous``; a column
with one such number at .60 or above (``1.75``) holds decimals and is read as before. A number
with a unit written in the cell (``1.30 min``) is a decimal of that unit; a column whose header
names hours holds decimal hours (AidingMigraine's export: ``4.25``); an Excel cell holds a
number. tnprep's own rule (docs/formats.md, "Durations").
"""

from __future__ import annotations

import re

import pandas as pd

from tnprep.ingest.distinct import distinct_text

_TWO_DECIMALS = re.compile(r"\+?([0-9]+)[.,]([0-9]{2})")

_HOUR = 3600.0

MESSAGE = (
    "This duration could be a decimal or minutes and seconds written with a dot (1.30 for a "
    "minute and a half); it was left out for this row. Write 1:30 for minutes and seconds, or "
    "1.3 (with one decimal, or a unit such as 1.3 min) for a decimal."
)
"""The plain reason given with each dropped cell."""


def clock_like(cells: pd.Series, *, unit_seconds: float | None, excel: bool) -> pd.Series:
    """Per cell, whether it is a two-decimal number in a column whose such numbers look like m.ss.

    Args:
        cells: A duration column's cells as the file holds them.
        unit_seconds: The unit the header names (``Duration (hours)``: 3600), or ``None``.
            Under hours nothing is ambiguous: decimal hours are what apps write (AidingMigraine:
            ``4.25`` = 4 h 15 min), and nobody types minutes.seconds under an hours header.
        excel: Whether the cells are a workbook's: an Excel cell holds a number, not what was
            typed (a typed ``1.30`` is already 1.3 there).

    Returns:
        A boolean mask over ``cells`` (all False when the column shows it holds decimals). Each
        distinct cell is looked at once (a ten-year diary repeats a few durations).
    """
    if excel or (unit_seconds is not None and unit_seconds >= _HOUR):
        return pd.Series(False, index=cells.index, dtype=bool)
    distinct = distinct_text(cells)
    found = [_TWO_DECIMALS.fullmatch(text) for text in distinct.texts]
    fractions = [int(match.group(2)) for match in found if match is not None]
    if not fractions or max(fractions) >= 60:
        return pd.Series(False, index=cells.index, dtype=bool)
    return distinct.spread_mask([match is not None for match in found])

"""Vectorised readers for diary values: numbers, durations, sides, divisions, pain types, lists.

Each reader takes a column of raw cells and returns the values plus a boolean mask of cells that
were filled but could not be read (so the caller can drop the field for that row and raise an
issue). Blank cells are simply unknown, never an issue.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tnprep.ingest.columns import UNIT_SECONDS
from tnprep.ingest.distinct import Distinct, distinct_text, remembered

DIVISIONS = ("V1", "V2", "V3")
"""The trigeminal divisions: ophthalmic, maxillary, mandibular."""

LIST_SEPARATORS = r"\s*(?:[;|,]|/(?!(?<=\b[nN]/)[aA]\b))\s*"
"""Multi-valued cells are split on ; | , and / (SPEC) — but not at the slash of ``n/a``, one word
("not applicable"): a trigger cell ``n/a`` was two triggers named ``n`` and ``a``."""

_NUMBER = r"[+-]?[0-9]+(?:[.,][0-9]+)?"
_UNIT_WORDS = "|".join(sorted(UNIT_SECONDS, key=len, reverse=True))
# ASCII digits only: pandas and pyarrow read '٣' (Arabic-Indic three) as no number, so such a cell
# must stay unread (an issue), never reach the number conversion.
_DURATION_PART = rf"([0-9]+(?:[.,][0-9]+)?)\s*({_UNIT_WORDS})\.?"
_DURATION_WHOLE = re.compile(rf"^(-)?\s*(?:{_DURATION_PART}\s*(?:and\s*|,\s*)?)+$")
_CLOCK = re.compile(r"^(-)?([0-9]+):([0-9]{1,2})(?::([0-9]{1,2}))?$")
_SIDE_WORDS = {
    "left": "left", "l": "left", "lt": "left", "links": "left",
    "right": "right", "r": "right", "rt": "right", "rechts": "right",
    "both": "both", "bilateral": "both", "beide": "both",
}  # fmt: skip
_DIVISION_WORDS = {
    "v1": "V1", "ophthalmic": "V1", "1": "V1",
    "v2": "V2", "maxillary": "V2", "2": "V2",
    "v3": "V3", "mandibular": "V3", "3": "V3",
}  # fmt: skip
_UNKNOWN = "?"
"""Marks a part of a division cell that names no division."""
_PAIN_TYPES = {
    "paroxysmal": "paroxysmal", "paroxysm": "paroxysmal",
    "continuous": "continuous", "constant": "continuous",
}  # fmt: skip


@dataclass(frozen=True)
class Parsed:
    """Values read from a column and the cells that could not be read."""

    values: pd.Series
    """One value per cell (NaN / <NA> where blank or unreadable)."""
    unreadable: pd.Series
    """True where a filled cell could not be read."""


def text_cells(cells: pd.Series) -> pd.Series:
    """Cells as stripped strings ('' for blank), whatever the spreadsheet stored."""
    # A text file's cells already are pandas strings; converting them again would cost a pass
    # through Python objects on a ten-year diary.
    text = cells if isinstance(cells.dtype, pd.StringDtype) else cells.astype("string")
    return text.fillna("").str.strip()


def parse_numbers(cells: pd.Series, *, decimal_comma: bool) -> Parsed:
    """Read numbers such as ``6``, ``6.5``, ``7/10``; ``6,5`` when the file uses decimal commas.

    Read once per table (``distinct.one_table``): the intensity asks twice (its range, its values).
    """
    return remembered(
        f"numbers, decimal comma {decimal_comma}",
        cells,
        lambda column: on_distinct(column, lambda text: _numbers(text, decimal_comma)),
    )


def _numbers(text: pd.Series, decimal_comma: bool) -> Parsed:
    text = text.str.replace(r"\s*/\s*10$", "", regex=True)
    if decimal_comma:
        text = text.str.replace(",", ".", regex=False)
    # ASCII digits only, as for durations: '٣' must be an unreadable cell (an issue), not a
    # readable one that pandas then turns into no value without a word.
    readable = text.str.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
    values = pd.to_numeric(text.where(readable), errors="coerce").astype("float64")
    return Parsed(values, (text.ne("") & ~readable).astype(bool))


def on_distinct(cells: pd.Series, parse: Callable[[pd.Series], Parsed]) -> Parsed:
    """Parse each distinct cell once and spread the result back over the column.

    Diaries repeat the same few values ('45s', '7', 'right') hundreds of thousands of times, so
    the vectorised parsers run over the distinct values only.
    """
    distinct = distinct_text(cells)
    parsed = parse(pd.Series(distinct.texts, dtype="string"))
    return Parsed(distinct.spread(parsed.values), distinct.spread(parsed.unreadable).astype(bool))


def parse_durations(cells: pd.Series, *, unit_seconds: float | None) -> Parsed:
    """Read durations in seconds: ``45``, ``45s``, ``2 min``, ``1 min 30 s``, ``1:30``, ``01h 00m``.

    A bare number is in the header's unit, or seconds when the header names none (SPEC);
    ``m:ss`` and ``h:mm:ss`` are clock durations. Negative values stay negative here; the caller
    drops them with their own issue.
    """
    return on_distinct(cells, lambda text: _durations(text, unit_seconds))


def _durations(text: pd.Series, unit_seconds: float | None) -> Parsed:
    text = text.str.casefold()
    plain = text.str.replace(",", ".", regex=False)
    bare = plain.str.fullmatch(_NUMBER.replace("[.,]", r"\."))
    values = pd.to_numeric(plain.where(bare), errors="coerce") * (unit_seconds or 1.0)
    values = values.astype("float64")
    # Each later pass only fills cells still unread, so it runs on those alone, and the clock
    # pass only when a cell holds a colon (its pattern needs one): same values, fewer passes.
    if text.str.contains(":", regex=False).any():
        values = values.fillna(_clock_seconds(text))
    unread = values.isna()
    if unread.any():
        values = values.fillna(_worded_seconds(text[unread]))
    return Parsed(values, (text.ne("") & values.isna()).astype(bool))


def _clock_seconds(text: pd.Series) -> pd.Series:
    parts = text.str.extract(_CLOCK)
    # float64 even when no cell matches: an empty or all-<NA> extract stays 'string' otherwise
    numbers = parts[[1, 2, 3]].apply(pd.to_numeric, errors="coerce").astype("float64")
    has_hours = numbers[3].notna()
    minutes_seconds = numbers[1] * 60 + numbers[2]
    hours_minutes_seconds = numbers[1] * 3600 + numbers[2] * 60 + numbers[3]
    seconds = minutes_seconds.where(~has_hours, hours_minutes_seconds)
    # '0:90' or '1:75:00' is not a clock reading; leave it unread rather than guess what was meant
    seconds = seconds.mask((numbers[2] >= 60) | (numbers[3] >= 60))
    signed: pd.Series = seconds.where(parts[0].isna(), -seconds).astype("float64")
    return signed


def _worded_seconds(text: pd.Series) -> pd.Series:
    whole = text.str.match(_DURATION_WHOLE)
    candidates = text[whole]
    result = pd.Series(np.nan, index=text.index, dtype="float64")
    if candidates.empty:
        return result
    parts = candidates.str.extractall(_DURATION_PART)
    amounts = pd.to_numeric(parts[0].str.replace(",", ".", regex=False))
    seconds = (amounts * parts[1].map(UNIT_SECONDS)).groupby(level=0).sum()
    negative = candidates.str.startswith("-")
    result[seconds.index] = seconds.where(~negative.reindex(seconds.index), -seconds)
    return result


def parse_sides(cells: pd.Series) -> Parsed:
    """Read sides: 'left', 'right', 'both' from words such as ``RIGHT``, ``Right Jaw``, ``L``.

    A cell naming left and right (``left and right``, ``Left cheek, Right jaw``) is 'both'.
    Each distinct cell is read once (``tnprep.ingest.distinct``).
    """
    return sides_of(distinct_text(cells))


def sides_of(distinct: Distinct) -> Parsed:
    """``parse_sides`` on a column already factorised."""
    folded = [text.casefold() for text in distinct.texts]
    folded = ["" if text in _NO_SIDE else text for text in folded]  # 'none': no side, no error
    sides = [_side_of(text) for text in folded]
    unreadable = [text != "" and side is None for text, side in zip(folded, sides, strict=True)]
    return Parsed(
        distinct.spread(pd.Series(sides, dtype="string")), distinct.spread_mask(unreadable)
    )


_NO_SIDE = ("none", "no side", "n/a", "na", "-", "neither")


def _side_of(text: str) -> str | None:
    sides = {_SIDE_WORDS[word] for word in re.split(r"[^a-z]+", text) if word in _SIDE_WORDS}
    if "both" in sides or {"left", "right"} <= sides:
        return "both"
    return next(iter(sides), None)


def parse_divisions(cells: pd.Series) -> tuple[pd.DataFrame, pd.Series]:
    """Read trigeminal divisions (``V2``, ``V2/V3``, ``maxillary``) into three boolean columns.

    Returns:
        (columns V1/V2/V3 as booleans, mask of filled cells holding anything but divisions).
    """
    distinct = distinct_text(cells)
    found = [_divisions_of(re.sub(r"\bv\s+", "v", text.casefold())) for text in distinct.texts]
    unreadable = np.array([_UNKNOWN in divisions for divisions in found], dtype=bool)
    # an unreadable cell gives no division at all
    frame = pd.DataFrame(
        {name: distinct.spread_mask([name in divisions and _UNKNOWN not in divisions
                                     for divisions in found]) for name in DIVISIONS},
        index=distinct.index,
    )  # fmt: skip
    return frame, distinct.spread_mask(unreadable)


def _divisions_of(text: str) -> frozenset[str]:
    parts = [part for part in re.split(LIST_SEPARATORS, text) if part.strip()]
    return frozenset(_DIVISION_WORDS.get(part.strip(), _UNKNOWN) for part in parts)


def per_distinct(text: pd.Series, reader: Callable[[str], object]) -> pd.Series:
    """Apply ``reader`` once per distinct cell and spread the results back over the column.

    Diaries repeat the same few cells thousands of times; this keeps Python work per distinct
    value, not per row.
    """
    codes, distinct = pd.factorize(text.fillna("").astype("string"))
    results = np.empty(len(distinct), dtype=object)
    results[:] = [reader(value) for value in distinct]
    return pd.Series(results[codes] if len(codes) else [], index=text.index, dtype=object)


def divisions_in_location(cells: pd.Series) -> pd.DataFrame:
    """Divisions named explicitly (V1–V3) anywhere in a free 'location' cell."""
    return location_divisions(distinct_text(cells))


def location_divisions(distinct: Distinct) -> pd.DataFrame:
    """``divisions_in_location`` on a column already factorised."""
    text = distinct.series([value.casefold() for value in distinct.texts])
    found = {
        name: text.str.contains(rf"\b{name[0]}\s?{name[1]}\b", case=False).to_numpy(dtype=bool)
        for name in DIVISIONS
    }
    return pd.DataFrame(
        {name: distinct.spread_mask(flags) for name, flags in found.items()}, index=distinct.index
    )


def parse_pain_types(cells: pd.Series) -> Parsed:
    """Read 'paroxysmal' or 'continuous' (``constant`` counts as continuous), case ignored."""
    return on_distinct(cells, _pain_types)


def _pain_types(text: pd.Series) -> Parsed:
    folded = text.str.casefold()
    values = folded.map(_PAIN_TYPES).astype("string")
    return Parsed(values, (folded.ne("") & values.isna()).astype(bool))


def split_lists(
    text: pd.Series, separators: str = LIST_SEPARATORS, exclude: frozenset[str] = frozenset()
) -> pd.Series:
    """Split each cell into a tuple of stripped, non-empty parts (case kept).

    Parts equal (ignoring case) to one in ``exclude`` — sentinels such as 'No medication' — are left
    out.
    """
    return per_distinct(text, _splitter(separators, exclude))


def split_cells(cells: pd.Series, exclude: frozenset[str] = frozenset()) -> pd.Series:
    """``split_lists`` of a column's stripped cells, each distinct cell split once."""
    distinct = distinct_text(cells)
    split = _splitter(LIST_SEPARATORS, exclude)
    return distinct.spread([split(text) for text in distinct.texts])


def _splitter(separators: str, exclude: frozenset[str]) -> Callable[[str], tuple[str, ...]]:
    def parts(value: str) -> tuple[str, ...]:
        pieces = (item.strip() for item in re.split(separators, value))
        return tuple(item for item in pieces if item and item.casefold() not in exclude)

    return parts


def optional_text(cells: pd.Series) -> pd.Series:
    """Free text as written (only surrounding spaces removed); <NA> when blank."""
    text = text_cells(cells)
    return text.where(text.ne(""), pd.NA).astype("string")

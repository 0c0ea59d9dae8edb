"""Read every mapped column of a diary table into typed values, dropping what cannot be read.

``attack_columns`` and ``day_columns`` return column name → Series (aligned with the table's
rows), ready for ``ingest.frames``. Each unreadable or out-of-range cell is dropped for its row
only and reported through ``RowIssues``.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from tnprep.ingest import dotted_durations, values
from tnprep.ingest.columns import ColumnMatch
from tnprep.ingest.decode import Table
from tnprep.ingest.row_issues import RowIssues
from tnprep.ingest.scales import ScaleRange, stated_range
from tnprep.ingest.values import text_cells
from tnprep.issues import IssueCode

_SCALE_LOW, _SCALE_HIGH = 0.0, 10.0  # SPEC: intensities are NRS 0–10
_NO_MEDICATION = frozenset({"no medication", "none", "no medications", "nothing"})
_MEDICATION_FIELDS = (
    "medication_helpful",
    "medication_somewhat",
    "medication_unhelpful",
    "medication_unsure",
)


def attack_columns(table: Table, match: ColumnMatch, issues: RowIssues) -> dict[str, pd.Series]:
    """Typed attack-log columns (all but ``start``, ``intensity``, ``file`` and ``row``).

    Intensity depends on the file's pain scale: ``tnprep.ingest.intensity`` reads it.
    """
    by_field = {name: position for position, name in match.fields.items()}
    columns: dict[str, pd.Series] = {}
    if "duration" in by_field:
        columns["duration_s"] = _duration(table, by_field["duration"], match, issues)
    columns.update(_side_and_divisions(table, by_field, issues))
    for name in ("triggers", *_MEDICATION_FIELDS):
        if name in by_field:
            columns[name] = _list(table, by_field[name], drop_sentinels=name != "triggers")
    if "pain_type" in by_field:
        parsed = values.parse_pain_types(table.cells[by_field["pain_type"]])
        issues.drop(
            by_field["pain_type"],
            parsed.unreadable,
            IssueCode.PAIN_TYPE_UNKNOWN,
            "Pain type must be paroxysmal or continuous; it was left out for this row.",
        )
        columns["pain_type"] = parsed.values
    for name in ("rescue", "rescue_helped", "notes"):
        if name in by_field:
            columns[name] = values.optional_text(table.cells[by_field[name]])
    return columns


def day_columns(
    table: Table,
    match: ColumnMatch,
    issues: RowIssues,
    user_scales: Mapping[str, str] | None = None,
) -> dict[str, pd.Series]:
    """Typed daily-log columns (everything but ``date``, ``file`` and ``row``).

    A pain column whose header (or the user's ``--scale``) states a scale other than 0–10 is
    left out whole, each value with an issue (``_other_scale``).
    """
    by_field = {name: position for position, name in match.fields.items()}
    columns: dict[str, pd.Series] = {}
    if "attacks" in by_field:
        columns["attacks"] = _count(table, by_field["attacks"], issues)
    for name in ("worst_intensity", "background_pain"):
        if name in by_field:
            position, field = by_field[name], name.replace("_", "-")
            other = _stated_scale(table.header[position], user_scales)
            if other is None:
                columns[name] = _scale(table, position, issues, field)
            else:
                columns[name] = _other_scale(table, position, issues, field, other)
    if "notes" in by_field:
        columns["notes"] = values.optional_text(table.cells[by_field["notes"]])
    return columns


def _duration(table: Table, position: int, match: ColumnMatch, issues: RowIssues) -> pd.Series:
    parsed = values.parse_durations(table.cells[position], unit_seconds=match.units.get(position))
    issues.drop(
        position,
        parsed.unreadable,
        IssueCode.DURATION_UNREADABLE,
        "The duration cannot be read (write e.g. 45s, 2 min, 1:30); it was left out for this row.",
    )
    negative = parsed.values < 0
    issues.drop(
        position,
        negative,
        IssueCode.DURATION_NEGATIVE,
        "A duration cannot be negative; it was left out for this row.",
    )
    ambiguous = dotted_durations.clock_like(
        table.cells[position],
        unit_seconds=match.units.get(position),
        excel=table.encoding == "xlsx",
    )
    issues.drop(position, ambiguous, IssueCode.DURATION_AMBIGUOUS, dotted_durations.MESSAGE)
    return parsed.values.mask(negative | ambiguous.to_numpy(dtype=bool))


def scale_0_10(table: Table, position: int, issues: RowIssues, name: str) -> pd.Series:
    """A 0–10 pain column: unreadable or out-of-range cells dropped with an issue."""
    return _scale(table, position, issues, name)


_SCALE_CODES = {
    "intensity": (IssueCode.INTENSITY_UNREADABLE, IssueCode.INTENSITY_OUT_OF_RANGE),
    "worst-intensity": (
        IssueCode.WORST_INTENSITY_UNREADABLE, IssueCode.WORST_INTENSITY_OUT_OF_RANGE
    ),
    "background-pain": (
        IssueCode.BACKGROUND_PAIN_UNREADABLE, IssueCode.BACKGROUND_PAIN_OUT_OF_RANGE
    ),
}  # fmt: skip
"""The unreadable and out-of-range codes of each 0–10 column."""


def _scale(table: Table, position: int, issues: RowIssues, name: str) -> pd.Series:
    parsed = values.parse_numbers(table.cells[position], decimal_comma=table.delimiter != ",")
    unreadable_code, out_of_range_code = _SCALE_CODES[name]
    issues.drop(
        position,
        parsed.unreadable,
        unreadable_code,
        "This is not a number from 0 to 10; it was left out for this row.",
    )
    outside = (parsed.values < _SCALE_LOW) | (parsed.values > _SCALE_HIGH)
    issues.drop(
        position,
        outside,
        out_of_range_code,
        "Pain is scored 0 to 10; this value was left out for this row.",
    )
    return parsed.values.mask(outside)


def _stated_scale(header: str, user_scales: Mapping[str, str] | None) -> ScaleRange | None:
    """The scale the user or the header states for a daily pain column, when it is not 0–10."""
    stated = stated_range(header, user_scales)
    return None if stated is None or (stated.low, stated.high) == (0, 10) else stated


def _other_scale(
    table: Table, position: int, issues: RowIssues, field: str, scale: ScaleRange
) -> pd.Series:
    """Every value of a daily pain column on another scale, left out with an issue.

    A daily log's worst and background pain are read on 0–10 only (SPEC *daily log*); a
    'Worst pain (1-5)' column's 5 was printed as 5/10, the error SPEC forbids ("a 1–5 value is
    never printed as x/10"). Left out rather than converted: the page has no place for a
    daily log's own scale (an attack log's is shown as it is: ``intensity.read_intensity``).
    """
    filled = text_cells(table.cells[position]).ne("")
    issues.drop(
        position,
        filled,
        _SCALE_CODES[field][1],
        f"This column is scored {scale.low:g} to {scale.high:g}, and a daily log's pain is "
        "read on 0 to 10 only: the value was left out rather than printed as a score out of 10.",
    )
    return pd.Series(float("nan"), index=table.cells.index, dtype="float64")


def _count(table: Table, position: int, issues: RowIssues) -> pd.Series:
    parsed = values.parse_numbers(table.cells[position], decimal_comma=table.delimiter != ",")
    issues.drop(
        position,
        parsed.unreadable,
        IssueCode.ATTACKS_UNREADABLE,
        "The attack count is not a number; it was left out for this day.",
    )
    invalid = (parsed.values < 0) | (parsed.values % 1 > 0)  # NaN % 1 != 0 would flag blanks
    issues.drop(
        position,
        invalid,
        IssueCode.ATTACKS_OUT_OF_RANGE,
        "An attack count must be a whole number, 0 or more; it was left out for this day.",
    )
    return parsed.values.mask(invalid)


def _side_and_divisions(
    table: Table, by_field: dict[str, int], issues: RowIssues
) -> dict[str, pd.Series]:
    columns: dict[str, pd.Series] = {}
    location = by_field.get("location")
    if "side" in by_field:
        parsed = values.parse_sides(table.cells[by_field["side"]])
        issues.drop(
            by_field["side"],
            parsed.unreadable,
            IssueCode.SIDE_UNKNOWN,
            "Side must be left, right or both; it was left out for this row.",
        )
        columns["side"] = parsed.values
    elif location is not None:
        columns["side"] = values.parse_sides(table.cells[location]).values
    if "division" in by_field:
        flags, unreadable = values.parse_divisions(table.cells[by_field["division"]])
        issues.drop(
            by_field["division"],
            unreadable,
            IssueCode.DIVISION_UNKNOWN,
            "Divisions must be V1, V2 and/or V3; they were left out for this row.",
        )
    elif location is not None:
        flags = values.divisions_in_location(table.cells[location])
    else:
        return columns
    columns.update({f"division_{name.lower()}": flags[name] for name in values.DIVISIONS})
    if location is not None:
        _check_location(table, location, issues)
    return columns


def _check_location(table: Table, position: int, issues: RowIssues) -> None:
    """A filled location that gave neither side nor division would be lost silently: report it."""
    filled = values.text_cells(table.cells[position]).ne("")
    side = values.parse_sides(table.cells[position]).values.notna()
    divisions = values.divisions_in_location(table.cells[position]).any(axis=1)
    unread = filled & ~side & ~divisions
    issues.drop(
        position,
        unread,
        IssueCode.LOCATION_UNREAD,
        "Neither a side (left/right/both) nor a division (V1–V3) was found in this "
        "location; it was left out for this row.",
    )


def _list(table: Table, position: int, *, drop_sentinels: bool) -> pd.Series:
    cells = table.cells[position]
    return values.split_cells(cells, exclude=_NO_MEDICATION if drop_sentinels else frozenset())

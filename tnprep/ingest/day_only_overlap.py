"""Day-only rows that another diary also holds, with a time (docs/formats.md *Row rules*).

A date-only log (a row per headache day, no clock time) beside an app's attack log may hold the
same attack twice: '15 Dec 2023, pain 7' and '15 Dec 2023 08:00, pain 7'. They are not exact
duplicates (SPEC: the same start minute), so both are counted; where a day-only row and a timed
row of another file fall on the same day and agree on every value both record (intensity,
duration, side, triggers — a value missing in one is not a difference, as for duplicates), one
notice per pair of files names them, so the reader can remove one copy. Nothing is dropped.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pandas as pd

from tnprep.issues import Issue, IssueCode

Row = dict[Hashable, Any]
"""One merged pair of rows (``DataFrame.to_dict('records')``)."""
_SAME_VALUES = ("intensity", "duration_s", "side", "triggers")
_EXAMPLES = 3


def day_only_overlaps(attacks: pd.DataFrame) -> list[Issue]:
    """One notice per (day-only file, other file) naming rows that may be the same attack."""
    unknown = attacks["time_unknown"].fillna(False).astype(bool)
    if not unknown.any() or unknown.all():
        return []
    day = attacks["start"].dt.normalize()
    loose = attacks[unknown].assign(day=day[unknown])
    timed = attacks[~unknown].assign(day=day[~unknown])
    timed = timed[timed["day"].isin(set(loose["day"].dropna()))]
    if timed.empty:
        return []
    pairs = loose.merge(timed, on="day", suffixes=("", "_other"))
    pairs = pairs[pairs["file"].ne(pairs["file_other"])]
    found: dict[tuple[str, str], list[str]] = {}
    seen: set[tuple[str, int]] = set()
    for pair in pairs.to_dict("records"):
        key = (str(pair["file"]), int(pair["row"]))
        if key in seen or not _agree(pair):
            continue
        seen.add(key)
        found.setdefault((key[0], str(pair["file_other"])), []).append(_named(pair))
    return [_notice(file, other, rows) for (file, other), rows in found.items()]


def _named(pair: Row) -> str:
    day, start = pd.Timestamp(pair["day"]), pd.Timestamp(pair["start_other"])
    return (f"{day:%Y-%m-%d} (row {pair['row']}) with {pair['file_other']} row "
            f"{pair['row_other']} at {start:%H:%M}")  # fmt: skip


def _agree(pair: Row) -> bool:
    for name in _SAME_VALUES:
        one, two = pair[name], pair[f"{name}_other"]
        if _blank(one) or _blank(two):
            continue
        if _comparable(one) != _comparable(two):
            return False
    return True


def _comparable(value: object) -> object:
    if isinstance(value, tuple):
        return frozenset(str(item).casefold() for item in value)
    return value


def _blank(value: object) -> bool:
    if isinstance(value, tuple):
        return not value
    return bool(pd.isna(value))  # type: ignore[call-overload]


def _notice(file: str, other: str, rows: list[str]) -> Issue:
    shown = "; ".join(rows[:_EXAMPLES]) + (
        f"; +{len(rows) - _EXAMPLES} more" if len(rows) > _EXAMPLES else ""
    )
    return Issue(
        code=IssueCode.DAY_ONLY_OVERLAP, file=file, row=None, column=None, value=None,
        message=(f"{len(rows)} rows of this file (a day, no time of day) fall on the same day as "
                 f"an attack in {other} and agree on every value both record: {shown}. Both copies "
                 "are counted; if they are the same attack, remove one of them."),
    )  # fmt: skip

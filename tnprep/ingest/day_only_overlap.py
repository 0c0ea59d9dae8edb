"""Day-only rows that another diary also holds, with a time (docs/formats.md *Row rules*).

A date-only log (a row per headache day, no clock time) beside an app's attack log may hold the
same attack twice: '15 Dec 2023, pain 7' and '15 Dec 2023 08:00, pain 7'. They are not exact
duplicates (SPEC: the same start minute), so both are counted; where a day-only row and a timed
row of another file fall on the same day and agree on every value both record (intensity,
duration, side, triggers — a value missing in one is not a difference, as for duplicates), one
notice per pair of files names them, so the reader can remove one copy. Nothing is dropped.

Likewise one file's several day-only rows on one day (a tracker rating symptoms by part of the
day: 'Migraine, pre', 'Headache, pre', 'Headache, am') each count as an attack (SPEC), which the
day's count — and "most in a day" — then shows; one notice per file names those days.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import pandas as pd

from tnprep.ingest.duplicates import SAME_VALUES, values_agree
from tnprep.issues import Issue, IssueCode

Row = dict[Hashable, Any]
"""One merged pair of rows (``DataFrame.to_dict('records')``)."""
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
    return values_agree((pair[name], pair[f"{name}_other"]) for name in SAME_VALUES)


def _notice(file: str, other: str, rows: list[str]) -> Issue:
    shown = _examples(rows, "more")
    return Issue(
        code=IssueCode.DAY_ONLY_OVERLAP, file=file, row=None, column=None, value=None,
        message=(f"{len(rows)} rows of this file (a day, no time of day) fall on the same day as "
                 f"an attack in {other} and agree on every value both record: {shown}. Both copies "
                 "are counted; if they are the same attack, remove one of them."),
    )  # fmt: skip


def day_only_repeats(attacks: pd.DataFrame) -> list[Issue]:
    """One notice per file naming the days on which it holds several rows with no clock time."""
    unknown = attacks["time_unknown"].fillna(False).astype(bool)
    if not unknown.any():
        return []
    loose = attacks.loc[unknown, ["file", "row"]].assign(day=attacks["start"][unknown].dt.date)
    notices = []
    for file, rows in loose.groupby("file", sort=False):
        per_day = rows.groupby("day", sort=True)["row"].apply(list)
        repeated = per_day[per_day.map(len) > 1]
        if len(repeated):
            notices.append(_repeats_notice(str(file), repeated))
    return notices


def _repeats_notice(file: str, repeated: pd.Series) -> Issue:
    named = [
        f"{day:%Y-%m-%d}: {len(rows)} rows ({', '.join(str(row) for row in rows)})"
        for day, rows in repeated.items()
    ]
    shown = _examples(named, "more days")
    return Issue(
        code=IssueCode.DAY_ONLY_REPEATS, file=file, row=None, column=None, value=None,
        message=(f"{len(named)} days hold more than one attack row with no clock time ({shown}). "
                 "Each row is counted as an attack, so the count of such a day (and the most in "
                 "a day) may count one attack recorded more than once, under two names or in "
                 "two parts of the day."),
    )  # fmt: skip


def _examples(items: list[str], more: str) -> str:
    """The first few items, then '+N more' for the rest."""
    rest = len(items) - _EXAMPLES
    return "; ".join(items[:_EXAMPLES]) + (f"; +{rest} {more}" if rest > 0 else "")

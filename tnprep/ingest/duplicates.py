"""Exact duplicate attacks (SPEC Row rules): the same start minute and the same recorded values.

Intensity, duration, side and triggers (as a set, case ignored) must agree; a value missing in
one copy and present in the other is not a difference. Rows of one file with only the day known
are never duplicates of each other. The first copy counts; each extra copy gets one issue.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from tnprep.issues import Issue, IssueCode

SAME_VALUES = ("intensity", "duration_s", "side", "triggers")
"""Recorded values two copies of an attack must agree on (SPEC Row rules)."""


def find_duplicates(attacks: pd.DataFrame) -> tuple[list[int], pd.Series, pd.Series]:
    """Indexes of extra copies, and for each row the file and row of the first copy.

    Copies share the start minute and agree on every recorded value: a value missing in one and
    present in the other is not a difference (SPEC). Only rows sharing a minute are compared one
    by one, so a ten-year diary pays for its few same-minute pairs only.
    """
    first_file = attacks["file"].copy()
    first_row = attacks["row"].copy()
    minute = attacks["start"].dt.floor("min")
    crowded = _shared_minutes(minute)
    duplicate: list[int] = []
    for _, group in attacks[crowded].groupby(minute[crowded], sort=False):
        firsts: list[int] = []
        for index in group.index:
            original = next((first for first in firsts if _agree(attacks, first, index)), None)
            if original is None:
                firsts.append(index)
                continue
            duplicate.append(index)
            first_file[index], first_row[index] = (
                attacks.at[original, "file"],
                attacks.at[original, "row"],
            )
    return duplicate, first_file, first_row


def _shared_minutes(minute: pd.Series) -> pd.Series:
    """True for each row whose start minute another row shares.

    A diary written in order, one attack a minute at most, has rising minutes: then no row
    shares one, seen in one pass instead of hashing every minute.
    """
    stamps = minute.to_numpy(dtype="datetime64[ns]").view("int64")
    if not minute.isna().any() and bool((stamps[1:] > stamps[:-1]).all()):
        return pd.Series(False, index=minute.index, dtype=bool)
    return minute.duplicated(keep=False)


def _agree(attacks: pd.DataFrame, first: int, other: int) -> bool:
    # Rows of one file with only the day known are separate entries (two 'pm' headaches).
    same_file = str(attacks.at[first, "file"]) == str(attacks.at[other, "file"])
    if bool(attacks.at[first, "time_unknown"]) and same_file:
        return False
    return values_agree((attacks.at[first, name], attacks.at[other, name]) for name in SAME_VALUES)


def values_agree(pairs: Iterable[tuple[object, object]]) -> bool:
    """True when every pair of recorded values agrees; a missing value is no difference."""
    for one, two in pairs:
        if _blank(one) or _blank(two):
            continue
        if _comparable(one) != _comparable(two):
            return False
    return True


def _comparable(value: object) -> object:
    """Triggers compare as a set of words, case ignored ('Talking' is 'talking')."""
    if isinstance(value, tuple):
        return frozenset(str(item).casefold() for item in value)
    return value


def _blank(value: object) -> bool:
    if isinstance(value, tuple):
        return not value
    return bool(pd.isna(value))  # type: ignore[call-overload]


def duplicate_issue(
    attacks: pd.DataFrame, index: int, first_file: pd.Series, first_row: pd.Series
) -> Issue:
    """The issue of one extra copy, naming the row (and file) of the first."""
    where = f"row {first_row[index]}"
    if first_file[index] != attacks.at[index, "file"]:
        where += f" of {first_file[index]}"
    return Issue(
        code=IssueCode.DUPLICATE,
        file=str(attacks.at[index, "file"]),
        row=int(attacks["row"][index]),
        column=None,
        value=None,
        message=f"Same start minute and the same recorded values as {where}; counted once.",
    )

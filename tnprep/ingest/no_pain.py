"""Attack-log rows that record no pain (pain 0) are not pain attacks: set aside, named once.

A TN attack is pain (SPEC: "Only pain-attack rows are attacks"). Real tables that tnprep reads as
attack logs also hold rows recording **no** pain: a pain app's daily check-in rates pain 0 on most
days (one row per check-in, not per attack), and a logger that records changes of headache
severity writes 0 when a headache ends. Counting those rows as attacks invents attacks (six
"attacks", median pain 0, for two days with pain). So a row whose pain is recorded as 0 — on the
0–10 scale, or 0 on a 0–N scale converted to 0–10 — is not counted as an attack: it is counted
under ``rows_other`` by the kind ``NO_PAIN_KIND`` (accounting holds, nothing is dropped unseen), and
one notice per file names the rows, so an app that wrote 0 for an attack whose pain was not set can
be corrected. A row with its pain unknown (empty, unreadable, a 1–5 or word scale) is never set
aside. tnprep's own rule (docs/formats.md, "Rows that record no pain").
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tnprep.issues import Issue, IssueCode

NO_PAIN_KIND = "pain 0 (no pain)"
"""The kind under which rows recording pain 0 are counted (``rows_other_by_kind``)."""

_SHOWN = 8


def days(frame: pd.DataFrame) -> tuple[dt.date, ...]:
    """The days on which the attack rows record pain 0 (sorted, once each; unknown starts none).

    Such a row is not an attack but a record of the day ("no pain"), so its day is a recorded
    day with no attack from it (docs/figures.md *Coverage*).
    """
    zero = frame["intensity"].eq(0).fillna(False).to_numpy(dtype=bool)
    if not zero.any():
        return ()
    starts = frame["start"].to_numpy(dtype="datetime64[ns]")[zero]
    known = starts[~np.isnat(starts)].astype("datetime64[D]")
    return tuple(pd.Timestamp(day).date() for day in np.unique(known))


def set_aside(
    frame: pd.DataFrame, file: str, column: str | None
) -> tuple[pd.DataFrame, int, Issue | None]:
    """The attack rows without those recording pain 0, how many were set aside, and the notice."""
    zero = frame["intensity"].eq(0).fillna(False).to_numpy(dtype=bool)
    count = int(zero.sum())
    if count == 0:
        return frame, 0, None
    rows = [int(row) for row in frame["row"].to_numpy()[zero]]
    kept = frame.loc[~zero].reset_index(drop=True)
    return kept, count, _notice(file, column, rows)


def _notice(file: str, column: str | None, rows: list[int]) -> Issue:
    shown = ", ".join(str(row) for row in rows[:_SHOWN])
    more = f" and {len(rows) - _SHOWN} more" if len(rows) > _SHOWN else ""
    many = "1 row records" if len(rows) == 1 else f"{len(rows)} rows record"
    return Issue(
        code=IssueCode.PAIN_ZERO, file=file, row=None, column=column, value=None,
        message=(f"{many} pain 0 (rows {shown}{more}): a row with no pain is not a pain attack "
                 "(a check-in or the end of a headache), so they are not counted as attacks and "
                 f"are counted as '{NO_PAIN_KIND}' among the other rows. If one was an attack "
                 "whose pain was not set, give its pain in the file."),
        rows=len(rows),
    )  # fmt: skip

"""A ``duration`` column that holds the end's clock time (docs/formats.md *Header and values*).

A real symptom-tracker export writes, under ``Duration``, the clock time the attack ended: ``13:12``
beside a start of 12:21:08, ``00:56`` beside 00:29:54. Read as ``m:ss`` (SPEC) these become
13 min 12 s and 56 s. The column is recognised from the values and the starts together: nearly every
clock-like value falls a little after its *own* row's start, and far fewer do when each value is set
beside another row's start (so short ``m:ss`` durations of attacks that all start around midnight,
which also fall "just after" their starts, stay durations). The test is tnprep's own rule.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tnprep.ingest import values
from tnprep.ingest.columns import normalise_header
from tnprep.ingest.dates import decide_order, parse_dates, parse_times
from tnprep.ingest.decode import Table
from tnprep.issues import Issue, IssueCode
from tnprep.model import DateOrder

_SAMPLE = 2000
_FEW = 5
"""At least this many rows with a clock-like value and a start time before anything is decided."""
_CLOCK = r"^(?:[01]?\d|2[0-3]):[0-5]\d$"
_CLOCK_SHARE = 0.9
"""Share of the filled cells that must look like ``h:mm`` (a column of '45 min' is a duration)."""
_WITHIN_MINUTES = 6 * 60
"""An end is at most six hours after its start (a cluster attack lasts up to 3 h, ICHD-3 3.1)."""
_OWN_FIT = 0.9
_OTHER_FIT = 0.5


@dataclass(frozen=True)
class EndClock:
    """Evidence that a duration column holds end times: one row's start and value, as written."""

    start: str
    end: str


def reread_end_clock(table: Table, fields: dict[int, str], by_user: set[str]) -> Issue | None:
    """Read a ``duration`` column of end clock times as the ``end`` (in place), with its notice.

    When the file also has an end column, the duration column is only unmatched. A column the
    user mapped by hand (``by_user``, normalised headers) is never re-read.
    """
    duration = next((position for position, name in fields.items() if name == "duration"), None)
    if duration is None or normalise_header(table.header[duration]) in by_user:
        return None
    evidence = end_clock_evidence(table, duration, fields)
    if evidence is None:
        return None
    header = table.header[duration]
    if "end" in fields.values():
        del fields[duration]
        effect = "not read (the end column gives the duration)"
    else:
        fields[duration] = "end"
        effect = "read as the end time; the duration is end minus start"
    return Issue(
        code=IssueCode.DURATION_HOLDS_END_TIMES, file=table.file, row=1, column=header,
        value=None,
        message=(f"This column holds clock times shortly after each attack's start "
                 f"({evidence.end} for an attack that started at {evidence.start}), not lengths, "
                 f"so it was {effect}. If it holds durations, map it with --map "
                 f'"{header}=duration".'),
    )  # fmt: skip


def end_clock_evidence(table: Table, duration: int, fields: dict[int, str]) -> EndClock | None:
    """The first fitting row when column ``duration`` holds end clock times, else ``None``."""
    text = values.text_cells(table.cells[duration].head(_SAMPLE))
    filled = text[text.ne("")]
    if len(filled) < _FEW:
        return None
    clock_like = filled.str.fullmatch(_CLOCK)
    if float(clock_like.mean()) < _CLOCK_SHARE:
        return None
    starts = _start_clock(table, fields).reindex(filled.index)
    usable = clock_like & starts.notna()
    if int(usable.sum()) < _FEW:
        return None
    ends = _minutes(filled[usable]).to_numpy()
    begins = (starts[usable].dt.total_seconds() // 60).astype("int64").to_numpy()
    own = _fits(ends, begins)
    shifted = _fits(ends, begins[_rotation(len(begins))])
    if own.mean() < _OWN_FIT or shifted.mean() > _OTHER_FIT:
        return None
    first = filled[usable].index[int(own.argmax())]
    start_text = values.text_cells(table.cells[_start_position(fields)].loc[[first]]).iloc[0]
    return EndClock(start=start_text, end=str(filled[first]))


def _start_position(fields: dict[int, str]) -> int:
    by_field = {name: position for position, name in fields.items()}
    return by_field.get("time", by_field.get("start", -1))


def _start_clock(table: Table, fields: dict[int, str]) -> pd.Series:
    """Each sampled row's start as time since midnight (NaT where not known)."""
    position = _start_position(fields)
    if position < 0:
        return pd.Series(pd.NaT, index=table.cells.index[:0], dtype="timedelta64[ns]")
    cells = table.cells[position].head(_SAMPLE)
    clock = parse_times(cells)
    if fields[position] == "start" and clock.isna().mean() > 0.5:
        order = decide_order(cells).order or DateOrder.DAY_FIRST
        stamps = parse_dates(cells, order, with_time=True)
        clock = stamps - stamps.dt.normalize()
    return clock


def _minutes(clock_text: pd.Series) -> pd.Series:
    parts = clock_text.str.split(":", n=1, expand=True).astype("int64")
    return parts[0] * 60 + parts[1]


def _fits(ends: np.ndarray, begins: np.ndarray) -> np.ndarray:
    """Whether each end falls within six hours after the start (across midnight too)."""
    gap = (ends - begins) % (24 * 60)
    return np.asarray((gap > 0) & (gap <= _WITHIN_MINUTES), dtype=bool)


def _rotation(count: int) -> list[int]:
    """Each row set beside the start of the row half the sample away."""
    half = max(count // 2, 1)
    return [(index + half) % count for index in range(count)]

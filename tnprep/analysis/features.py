"""TN features as recorded: the facts a clinician weighs for the ICHD-3 13.1.1 picture.

ICHD-3 (Cephalalgia 2018;38:1–211), 13.1.1 trigeminal neuralgia: paroxysms lasting from a
fraction of a second to 2 minutes, unilateral, in one or more trigeminal divisions,
precipitated by innocuous stimuli. Concomitant continuous pain is the ``.2`` sub-form
(13.1.1.1.2 classical and 13.1.1.3.2 idiopathic TN with concomitant continuous pain); 13.1.1.3
itself is *idiopathic* TN (ichd-3.org, checked). tnprep only counts
what the diary says; it never makes or suggests a diagnosis.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pandas as pd

from tnprep.analysis.attacks import median_of, side_counts
from tnprep.analysis.coverage import in_files
from tnprep.analysis.triggers import TriggerNames, trigger_names
from tnprep.model import Diary, DiaryShape
from tnprep.summary import Features, SideCounts

SHORT_ATTACK_S = 120
"""ICHD-3 13.1.1 criterion B: attacks last from a fraction of a second to 2 minutes."""

_DIVISIONS = {"V1": "division_v1", "V2": "division_v2", "V3": "division_v3"}


def files_with_trigger_column(diary: Diary) -> frozenset[str]:
    """Return the attack logs that have a column mapped to ``triggers``.

    Only in those files does an attack without a trigger mean *spontaneous*; elsewhere
    the diary simply did not ask.
    """
    return frozenset(
        label
        for diary_file in diary.files
        if diary_file.shape is DiaryShape.ATTACK_LOG
        and any(field == "triggers" for _, field in diary_file.mapping)
        for label in _row_labels(diary_file.file, diary_file.info.sheets_read)
    )


def _row_labels(file: str, sheets: Collection[str]) -> tuple[str, ...]:
    """The ``file`` values of a diary file's rows: a workbook's rows are 'name [sheet]'.

    (ingest/workbooks.py). Matching the workbook's own name alone found none of its rows, so
    the Pavia workbook's 1,488 attacks without a trigger were not counted as spontaneous.
    """
    return (file, *(f"{file} [{sheet}]" for sheet in sheets))


def features(
    attacks: pd.DataFrame,
    days: pd.DataFrame,
    trigger_files: Collection[str],
    names: TriggerNames | None = None,
    sides: SideCounts | None = None,
) -> Features:
    """Return the TN features of the period's rows.

    Args:
        attacks: Attack-log rows inside the period.
        days: Daily-log rows inside the period.
        trigger_files: Files that record triggers (see ``files_with_trigger_column``).
        names: ``trigger_names`` of ``attacks["triggers"]`` when already worked out (the
            summary shares them with the attack figures); worked out here when not given.
        sides: ``side_counts`` of ``attacks["side"]`` when already counted (the figures'
            ``by_side``); counted here when not given.

    Returns:
        Counts only; shares are left to the page (e.g. short_attacks ÷ with_duration).
    """
    names = names or trigger_names(attacks["triggers"])
    triggered = names.named()
    spontaneous = names.said_spontaneous()
    asked = in_files(attacks["file"], trigger_files)
    durations = attacks["duration_s"].dropna()
    background = _background_by_day(days)
    return Features(
        short_attacks=int((durations <= SHORT_ATTACK_S).sum()),
        with_duration=len(durations),
        triggered=int(triggered.sum()),
        spontaneous=int((asked & spontaneous).sum()),
        trigger_unknown=int((asked & ~triggered & ~spontaneous).sum()),
        sides_seen=sides_seen(attacks["side"], sides),
        divisions_seen=tuple(name for name, column in _DIVISIONS.items() if attacks[column].any()),
        paroxysmal=int((attacks["pain_type"] == "paroxysmal").sum()),
        continuous=int((attacks["pain_type"] == "continuous").sum()),
        background_pain_days=int((background > 0).sum()),
        background_pain_recorded_days=len(background),
        background_pain_median=median_of(background),
    )


def sides_seen(sides: pd.Series, counts: SideCounts | None = None) -> tuple[str, ...]:
    """Return the distinct sides written, sorted (read sides are 'left', 'right' or 'both').

    ``counts``: ``side_counts(sides)`` when already counted.
    """
    counts = side_counts(sides) if counts is None else counts
    if counts.left + counts.right + counts.both == int(sides.notna().sum()):
        # every side is one of the three (ingest reads no other): no hashing of every row
        named = {"both": counts.both, "left": counts.left, "right": counts.right}
        return tuple(side for side, count in named.items() if count)
    return tuple(sorted(str(side) for side in sides.dropna().unique()))


def _background_by_day(days: pd.DataFrame) -> np.ndarray:
    """Each day's background pain, the highest where two daily logs list the same day.

    On numpy (a ``dropna`` and a ``groupby`` took ~0.5 ms even with no background pain): the
    days in date order, as ``groupby("date").max()`` gives them; an undated row counts nowhere.
    """
    values = days["background_pain"].to_numpy(dtype="float64", na_value=np.nan)
    dates = days["date"].to_numpy(dtype="datetime64[ns]")
    known = ~np.isnan(values) & ~np.isnat(dates)
    if not known.any():  # most diaries: no background pain at all
        return np.empty(0)
    day_dates, day_of_row = np.unique(dates[known], return_inverse=True)
    highest = np.full(len(day_dates), -np.inf)
    np.maximum.at(highest, day_of_row, values[known])
    return highest

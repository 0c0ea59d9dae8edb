"""The Data issues tab's count, known before the tabs are drawn.

A tab's label is fixed when the tabs are drawn, which is before the edits in them are read and
the summary is made. The count is the summary's issue count (``analysis.input_account``: the
diaries' issues + the files left out + the treatment and questionnaire issues + the earlier
summaries left out + one notice per attack log with long silences in the period), predicted here
from the readings, the period's first day, the treatment table as the user left it and the name,
birth and visit dates the form will show (an earlier summary of another name is left out). When
an edit makes the prediction wrong, the app reruns once (``main``).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from tnprep import editing
from tnprep.analysis import period_bounds, period_rows
from tnprep.analysis.silences import find_silences, silence_issues
from tnprep.analysis.since import left_out_count
from tnprep.app.questionnaire import identity
from tnprep.app.treatments import TABLE
from tnprep.ingest.diary import combine_diaries
from tnprep.model import Answers, DiaryFile, SilenceRule
from tnprep.pipeline import Readings


def diary_issue_count(
    diaries: tuple[DiaryFile, ...], since: dt.date | None
) -> tuple[int, dt.date | None]:
    """Issues of the diaries joined and their silence notices; and the period's last day.

    The issues include duplicates across files. The notices name the long silences of an attack
    log within the period (``analysis.silences``), one per log, whichever way their days are
    counted; the period starts on ``since`` (the first diary day when ``None``) and ends on the
    last diary day (the app sets no end).
    """
    diary = combine_diaries(diaries)
    first, last = period_bounds(diary, since, None)
    table = period_rows(diary, first, last)[0]
    silences = find_silences(table, diary, SilenceRule.ATTACK_FREE)
    return len(diary.issues) + len(silence_issues(silences)), last


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def _diary_issue_count(
    files_key: str, since: dt.date | None, _diaries: tuple[DiaryFile, ...]
) -> tuple[int, dt.date | None]:
    """``diary_issue_count``, keyed on the files and the period's first day."""
    return diary_issue_count(_diaries, since)


def predicted_issue_count(readings: Readings, files_key: str, since: dt.date | None) -> int:
    """The number of issues the summary will list, from what is known before the tabs."""
    treatment_issues = len(readings.treatments.issues)
    record = TABLE.record
    if record is not None and TABLE.edited():
        treatment_issues = len(editing.treatments_from_table(TABLE.current()).issues)
    diary_issues, last_day = _diary_issue_count(files_key, since, readings.diaries)
    base = readings.answers.records[0] if readings.answers.records else Answers()
    return (
        diary_issues
        + len(readings.unreadable)
        + treatment_issues
        + len(readings.answers.issues)
        + left_out_count(identity(base), last_day, readings.previous)
    )

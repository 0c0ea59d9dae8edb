"""The Data issues tab's count, known before the tabs are drawn.

A tab's label is fixed when the tabs are drawn, which is before the edits in them are read and
the summary is made. The count is the summary's issue count (``analysis.input_account``: the
diaries' issues + the files left out + the treatment and questionnaire issues + the earlier
summaries left out), predicted here from the readings and the treatment table as the user left
it. When an edit makes the prediction wrong, the app reruns once (``main``).
"""

from __future__ import annotations

import streamlit as st

from tnprep import editing
from tnprep.app.treatments import TABLE
from tnprep.ingest.diary import combine_diaries
from tnprep.model import DiaryFile
from tnprep.pipeline import Readings


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def _diary_issue_count(files_key: str, _diaries: tuple[DiaryFile, ...]) -> int:
    """Issues of the diaries joined (duplicates across files included); keyed on the files."""
    return len(combine_diaries(_diaries).issues)


def predicted_issue_count(readings: Readings, files_key: str) -> int:
    """The number of issues the summary will list, from what is known before the tabs."""
    treatment_issues = len(readings.treatments.issues)
    record = TABLE.record
    if record is not None and TABLE.edited():
        treatment_issues = len(editing.treatments_from_table(TABLE.current()).issues)
    return (
        _diary_issue_count(files_key, readings.diaries)
        + len(readings.unreadable)
        + treatment_issues
        + len(readings.answers.issues)
        + len(readings.previous.left_out)
    )

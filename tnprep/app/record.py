"""The summary of the record as edited, made once per version of the record.

Switching tabs reruns the app (``tnprep.app.tabs``); the record is then the same, so its summary
is taken from a session-scoped cache keyed on everything it is made of: the diaries' bytes and
how each was read, the treatment table and the form as edited, the questionnaires' issues, the
files left out, the earlier visits, the period, the day and the silence answer. Any edit changes
the key, so a summary is never served for a record other than the one on screen.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from tnprep.app.state import digest
from tnprep.model import SilenceRule
from tnprep.pipeline import Readings, assemble, summarise_patient
from tnprep.summary import Summary


def record_summary(
    readings: Readings, files_key: str, since: dt.date | None, silences: SilenceRule
) -> Summary:
    """The summary of ``readings`` (edits in place) for the period from ``since`` to today.

    ``files_key`` fingerprints the diary files' bytes and names (``state.sources_digest``).
    """
    how_read = [(item.file, item.date_order, item.date_order_source, item.mapping)
                for item in readings.diaries]  # fmt: skip
    key = digest(files_key, repr(how_read), repr(dataclasses.replace(readings, diaries=())))
    return _summary(key, readings, since, dt.date.today(), silences)


@st.cache_data(scope="session", show_spinner=False, max_entries=4)
def _summary(
    key: str, _readings: Readings, since: dt.date | None, today: dt.date, silences: SilenceRule
) -> Summary:
    """Join the readings and summarise them (``_readings`` is not hashed: ``key`` stands for it)."""
    return summarise_patient(
        assemble(_readings),
        start=since,
        end=None,
        today=today,
        previous=_readings.previous,
        silences=silences,
    )

"""The sidebar, "Your files": the uploads, the sample switch, and two settings (period, paper).

Each upload has its own label naming what it takes. The date order is not a setting here: it is
asked beside the one file whose dates could be read either way (``tnprep.app.files``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from tnprep.app.state import Choices
from tnprep.pipeline import Source
from tnprep.samples import sample_sources

TABLE_TYPES = ["csv", "tsv", "txt", "xlsx"]
QUESTIONNAIRE_TYPES = ["csv", "tsv", "txt", "json", "xlsx"]
_SAMPLE_HELP = (
    "Shows an invented patient (synthetic data) so you can see what tnprep does. Turned off "
    "when you add your own files; while it is on, your files are not used."
)


def sidebar() -> tuple[Choices, st.delta_generator.DeltaGenerator]:
    """Ask for the files and settings; returns them and the box for per-file questions."""
    bar = st.sidebar
    bar.header("Your files", anchor=False)
    diaries = _uploads(bar.file_uploader(
        "Pain diaries (CSV, TSV or Excel; several allowed)", type=TABLE_TYPES,
        accept_multiple_files=True, key="diaries",
    ))  # fmt: skip
    treatments = _uploads(bar.file_uploader(
        "Treatment history (CSV or Excel)", type=TABLE_TYPES, key="treatments"
    ))  # fmt: skip
    questionnaires = _uploads(bar.file_uploader(
        "Questionnaires (CSV, JSON, FHIR or Excel; several allowed)", type=QUESTIONNAIRE_TYPES,
        accept_multiple_files=True, key="questionnaires",
    ))  # fmt: skip
    previous = _uploads(bar.file_uploader(
        "Last visit's summary (the .summary.json tnprep made then; several allowed)",
        type=["json"], accept_multiple_files=True, key="previous",
        help="tnprep compares today's figures with it ('Since <date>' on Overview and the page).",
    ))  # fmt: skip
    questions_box = bar.container()
    uploaded = bool(diaries or treatments or questionnaires or previous)
    # No key: the switch's default follows the uploads (on when nothing is uploaded).
    sample = bar.toggle("Show the sample patient", value=not uploaded, help=_SAMPLE_HELP)
    if sample:
        files = sample_sources()
        diaries, treatments = tuple(files.diaries), tuple(files.treatments)
        questionnaires, previous = tuple(files.questionnaires), tuple(files.previous)
    bar.header("Period and page", anchor=False)
    since = bar.date_input(
        "Since my last visit", value=None, format="YYYY-MM-DD", key="since",
        max_value=dt.date.today(),  # a last visit is never in the future (a typed 2062)
        help="The period starts on this day. Leave it empty to use every recorded day.",
    )  # fmt: skip
    paper = bar.radio("Paper size", ["A4", "Letter"], horizontal=True, key="paper")
    choices = Choices(
        diaries, treatments, questionnaires, one_date(since), paper.lower(), previous, sample
    )
    return choices, questions_box


def _uploads(value: Any) -> tuple[Source, ...]:
    """Streamlit's uploaded file(s) as (name, bytes)."""
    files: list[Any] = value if isinstance(value, list) else [] if value is None else [value]
    return tuple((upload.name, upload.getvalue()) for upload in files)


def one_date(value: object) -> dt.date | None:
    """A date widget's value as a date, or ``None`` when empty."""
    return value if isinstance(value, dt.date) else None

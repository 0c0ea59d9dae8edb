"""The sidebar: the files, and three settings (since the last visit, paper, date order)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from tnprep.app.state import Choices
from tnprep.model import DateOrder
from tnprep.pipeline import Source
from tnprep.samples import sample_sources

TABLE_TYPES = ["csv", "tsv", "txt", "xlsx"]
QUESTIONNAIRE_TYPES = ["csv", "tsv", "txt", "json", "xlsx"]
DATE_ORDERS = {
    "Decide from the data": None,
    "Day first (03/04 = 3 April)": DateOrder.DAY_FIRST,
    "Month first (03/04 = 4 March)": DateOrder.MONTH_FIRST,
}
_SAMPLE_HELP = (
    "Shows the invented patient in sample_data/ (synthetic data). Turned off when you upload "
    "your own files; while it is on, uploads are not used."
)


def sidebar() -> Choices:
    """Ask for the files and settings; the sample data fill in when nothing is uploaded."""
    bar = st.sidebar
    bar.header("Your files")
    diaries = _uploads(bar.file_uploader(
        "Diaries (CSV, TSV or Excel)", type=TABLE_TYPES, accept_multiple_files=True, key="diaries"
    ))  # fmt: skip
    treatments = _uploads(bar.file_uploader(
        "Treatment history (CSV or Excel)", type=TABLE_TYPES, key="treatments"
    ))  # fmt: skip
    questionnaires = _uploads(bar.file_uploader(
        "Questionnaires (CSV, JSON, FHIR or Excel)", type=QUESTIONNAIRE_TYPES,
        accept_multiple_files=True, key="questionnaires",
    ))  # fmt: skip
    uploaded = bool(diaries or treatments or questionnaires)
    # No key: the switch's default follows the uploads (on when nothing is uploaded).
    if bar.toggle("Try it with sample data", value=not uploaded, help=_SAMPLE_HELP):
        sample = sample_sources()
        diaries, treatments = tuple(sample.diaries), tuple(sample.treatments)
        questionnaires = tuple(sample.questionnaires)
    bar.header("Period and page")
    since = bar.date_input(
        "Since my last visit", value=None, format="YYYY-MM-DD", key="since",
        help="The period starts on this day. Leave it empty to use every recorded day.",
    )  # fmt: skip
    paper = bar.radio("Paper size", ["A4", "Letter"], horizontal=True, key="paper")
    order = bar.radio("Dates like 03/04/2026", list(DATE_ORDERS), key="date_order")
    return Choices(
        diaries, treatments, questionnaires, one_date(since), paper.lower(), DATE_ORDERS[order]
    )


def _uploads(value: Any) -> tuple[Source, ...]:
    """Streamlit's uploaded file(s) as (name, bytes)."""
    files: list[Any] = value if isinstance(value, list) else [] if value is None else [value]
    return tuple((upload.name, upload.getvalue()) for upload in files)


def one_date(value: object) -> dt.date | None:
    """A date widget's value as a date, or ``None`` when empty."""
    return value if isinstance(value, dt.date) else None

"""What the app remembers: the sidebar's choices, fingerprints, and the session-scoped caches.

Every cache is ``st.cache_data(scope="session")`` keyed on the upload bytes, so one person's
result is never served to another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from tnprep import editing
from tnprep.ingest.previous import read_previous_visits
from tnprep.model import Answers, DateOrder, DiaryFile, Loaded, Treatment
from tnprep.pipeline import (
    MappingPairs,
    Source,
    Unreadable,
    check_questionnaire_file,
    read_answers,
    read_diary_file,
    read_treatment_file,
)
from tnprep.report import build_page
from tnprep.summary import Summary
from tnprep.visits import PreviousReading


@dataclass(frozen=True)
class Choices:
    """What the sidebar asks: the files, the period and the paper."""

    diaries: tuple[Source, ...]
    treatments: tuple[Source, ...]
    questionnaires: tuple[Source, ...]
    since: dt.date | None
    paper: str
    previous: tuple[Source, ...] = ()
    """Earlier visits' summary JSONs."""
    sample: bool = False
    """True while the invented sample patient is shown."""


def _order(order: str | None) -> DateOrder | None:
    return None if order is None else DateOrder(order)


def _unexpected(name: str, role: str, error: Exception) -> Unreadable:
    return Unreadable(
        name, role, f"could not be read ({type(error).__name__}). Save it as CSV UTF-8 and retry."
    )


@st.cache_data(scope="session", show_spinner=False, max_entries=64)
def cached_diary(
    data: bytes, name: str, mapping: MappingPairs, order: str | None, today: dt.date
) -> DiaryFile | Unreadable:
    """Read one diary file through the recipe's reader, as on ``today`` (``read_diary``)."""
    try:
        return read_diary_file(
            (name, data), mapping=dict(mapping), date_order=_order(order), today=today
        )
    except Exception as error:  # any unreadable upload: a message, never a traceback
        return _unexpected(name, "diary", error)


@st.cache_data(scope="session", show_spinner=False, max_entries=16)
def cached_treatments(data: bytes, name: str, order: str | None) -> Loaded[Treatment] | Unreadable:
    """Read a treatment history file through the recipe's reader."""
    try:
        return read_treatment_file((name, data), date_order=_order(order))
    except Exception as error:  # a message, never a traceback
        return _unexpected(name, "treatment history", error)


@st.cache_data(scope="session", show_spinner=False, max_entries=16)
def cached_questionnaire_check(data: bytes, name: str) -> Source | Unreadable:
    """Whether one questionnaire file can be read (the readable ones are merged together)."""
    try:
        return check_questionnaire_file((name, data))
    except Exception as error:  # a message, never a traceback
        return _unexpected(name, "questionnaire", error)


@st.cache_data(scope="session", show_spinner=False, max_entries=16)
def cached_answers(files: tuple[Source, ...], today: dt.date) -> Loaded[Answers]:
    """Read and merge the readable questionnaire files, as on ``today`` (``read_answers``)."""
    return read_answers(files, today)


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def cached_previous(files: tuple[Source, ...]) -> PreviousReading:
    """Read the earlier visits' summaries (a damaged one is said, never raised)."""
    return read_previous_visits(files)


@st.cache_data(scope="session", show_spinner=False, max_entries=16)
def cached_headers(data: bytes, name: str) -> tuple[str, ...] | None:
    """A diary's header cells for the mapping panel (``None`` when it is not a table)."""
    try:
        return editing.diary_headers(data, name)
    except Exception:  # not a table: the read error says so
        return None


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def cached_page(summary_text: str, paper: str, _summary: Summary) -> bytes:
    """Build the page; keyed on the summary's full ``repr`` (``_summary`` is not hashed)."""
    return build_page(_summary, paper)


@st.cache_data(scope="session", show_spinner=False, max_entries=8)
def cached_preview(pdf: bytes) -> bytes | None:
    """Render the page to PNG in memory, or ``None`` when no renderer is installed."""
    try:
        import pypdfium2  # noqa: PLC0415 - optional: only the preview needs it
    except ImportError:
        return None
    import io  # noqa: PLC0415

    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=1.4).to_pil()
    output = io.BytesIO()
    image.save(output, format="PNG", compress_level=1)  # fastest: 20 ms, not 40, for the sample
    return output.getvalue()


def digest(*parts: bytes | str) -> str:
    """A short fingerprint of files or settings, to key widgets to the data that filled them."""
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode() if isinstance(part, str) else part)
        hasher.update(b"\x00")
    return hasher.hexdigest()[:16]


def sources_digest(sources: Sequence[Source], *extra: str) -> str:
    """Fingerprint of (name, bytes) pairs."""
    return digest(*[part for name, data in sources for part in (name, data)], *extra)


def remembered_mapping(file_key: str) -> MappingPairs:
    """The mapping the user chose for this file earlier in the session (empty if none)."""
    mappings: dict[str, MappingPairs] = st.session_state.setdefault("mappings", {})
    return mappings.get(file_key, ())


def remember_mapping(file_key: str, chosen: MappingPairs) -> None:
    """Remember the user's mapping for this file for the rest of the session."""
    st.session_state.setdefault("mappings", {})[file_key] = chosen


def show_problem(title: str, detail: str) -> None:
    """A fixed error title plus the detail as plain text (it holds file names and headers)."""
    st.error(title)
    st.text(detail)

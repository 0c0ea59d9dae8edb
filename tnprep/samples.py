"""The built-in synthetic sample patient, wherever tnprep runs from.

The canonical files are the repository's top-level ``sample_data/`` (described in its README and
written by ``tools/make_sample_data.py``). The wheel ships that same folder as the package data
``tnprep/sample_data/`` (pyproject's ``package-dir``), so an installed tnprep finds it without a
copy in the repository that could drift.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tnprep.pipeline import Source, Sources

DIARIES = ("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv")
"""The sample diaries the app and the README's report command use."""
TREATMENTS = ("treatments.csv",)
QUESTIONNAIRES = ("questionnaire.csv", "phq9_fhir.json")
PREVIOUS = ("previous_visit.summary.json",)
"""The sample patient's earlier visit (the app's sample shows the 'Since' strip)."""


def sample_folder() -> Traversable:
    """The folder holding the sample files: the installed package data, else the repository's."""
    try:
        return resources.files("tnprep.sample_data")
    except ModuleNotFoundError:  # running from a checkout: the top-level folder
        return Path(__file__).resolve().parent.parent / "sample_data"


def sample_sources() -> Sources:
    """The sample patient's files as (name, bytes), the earlier visit's summary included."""
    return Sources(
        _read(DIARIES), _read(TREATMENTS), _read(QUESTIONNAIRES), previous=_read(PREVIOUS)
    )


def _read(names: tuple[str, ...]) -> tuple[Source, ...]:
    folder = sample_folder()
    return tuple((name, folder.joinpath(name).read_bytes()) for name in names)


def is_sample_data(files: Iterable[Source]) -> bool:
    """True when any of ``files`` is byte for byte one of the built-in sample files.

    The page and the summary JSON of such a record are marked as the invented sample's, whatever
    name the form was given (a renamed sample stays marked). A user's own file never matches:
    the sample files are synthetic (``tools/make_sample_data.py``).
    """
    known = _sample_bytes()
    return any(data in known.get(len(data), ()) for _, data in files)


@cache
def _sample_bytes() -> dict[int, tuple[bytes, ...]]:
    """Every sample data file's bytes (README excepted) by length, read once (~110 kB)."""
    by_length: dict[int, tuple[bytes, ...]] = {}
    for item in sample_folder().iterdir():
        if item.is_file() and not item.name.endswith(".md") and not item.name.startswith("_"):
            data = item.read_bytes()
            by_length[len(data)] = (*by_length.get(len(data), ()), data)
    return by_length

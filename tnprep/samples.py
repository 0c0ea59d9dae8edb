"""The built-in synthetic sample patient, wherever tnprep runs from.

The canonical files are the repository's top-level ``sample_data/`` (described in its README and
written by ``tools/make_sample_data.py``). The wheel ships that same folder as the package data
``tnprep/sample_data/`` (pyproject's ``package-dir``), so an installed tnprep finds it without a
copy in the repository that could drift.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
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

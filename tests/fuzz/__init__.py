"""Hypothesis fuzzers: ingest and the page under random and grammar-built hostile input.

Profiles are registered in ``conftest.py``; ``fuzz_settings()`` returns the one selected by the
environment variable ``TNPREP_FUZZ_PROFILE`` (``ci`` by default, ``long`` for thousands of
examples). Each fuzzer applies it itself, so loading this folder never changes the settings of
the other Hypothesis tests in the suite.
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE_VARIABLE = "TNPREP_FUZZ_PROFILE"
"""Environment variable naming the Hypothesis profile for the fuzzers."""


def fuzz_settings(scale: float = 1.0) -> settings:
    """The selected profile, with ``max_examples`` scaled for a slow target (e.g. the PDF)."""
    profile = settings.get_profile(os.environ.get(PROFILE_VARIABLE, "ci"))
    return settings(profile, max_examples=max(1, round(profile.max_examples * scale)))

"""Hypothesis profiles for the fuzzers.

``ci`` (default) keeps the whole folder under about a minute and a half on two cores;
``long`` is the thorough run documented in docs/security.md::

    TNPREP_FUZZ_PROFILE=long python -m pytest tests/fuzz -q
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,  # pandas and ReportLab timings vary with the machine; no timing assertions
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,  # a failure prints the blob that reproduces it
}
settings.register_profile("ci", max_examples=60, **_COMMON)
settings.register_profile("long", max_examples=3000, **_COMMON)

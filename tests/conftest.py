"""The Hypothesis profile for the whole suite: no deadline.

A deadline is a timing assertion, and speed is measured in benchmarks, never in unit tests: on a
loaded two-core machine ``test_question_table_round_trip`` once took longer than Hypothesis's
default 200 ms for one example and failed with nothing wrong. Examples stay bounded per test
(``max_examples``). ``tests/fuzz`` loads its own profiles on top of this one.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("tnprep", deadline=None, print_blob=True)
settings.load_profile("tnprep")

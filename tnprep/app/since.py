"""The Overview's "Since <date>" strip and, with several earlier visits, the visit series.

Both are built by the pure modules the page uses (``tnprep.report.since.build_since_strip``,
``tnprep.visit_chart.visit_series_chart``); this module only shows them. Text from the files
(names, questions) goes through ``st.text`` or tables, never Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tnprep import charts
from tnprep.report.since import build_since_strip
from tnprep.summary import Summary
from tnprep.visit_chart import visit_series_chart


def since_section(summary: Summary) -> None:
    """The strip (then → now per figure, arrows with words) and the visit series, if any."""
    strip = build_since_strip(summary)
    if strip is None:
        return
    st.header("Since the last visit", anchor=False)
    st.text(strip.title)
    for line in strip.left_out:
        st.warning("A last visit's summary was left out.")
        st.text(line)
    if strip.source:
        st.text(strip.source)
    if strip.cells:
        table = pd.DataFrame(
            [(cell.label, cell.values, cell.change) for cell in strip.cells],
            columns=["Figure", "Then → now", "Change"],
        )
        st.dataframe(table, hide_index=True, width="stretch", alt="Since the last visit")
    for line in strip.not_compared:  # figures made under other rules: which and why
        st.info(line, icon=None)
    for line in strip.lines:
        if line:
            st.text(line)
    series = visit_series_chart(summary)
    if series is not None and len(summary.since.visits if summary.since else ()) > 2:
        st.altair_chart(charts.readable(series.chart), width="stretch")  # type: ignore[call-overload]
        st.text(series.alt_text)

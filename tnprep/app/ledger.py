"""The Treatments tab's ledger, beside the editable history (issue 11, item 8).

What was tried, how far, how long, with what effect and harm — the same lines as the page
(``tnprep.report.ledger_lines``), rebuilt on every run from the history *as edited*, so a dose
changed in the table changes the course at once. Facts only: never a verdict.
"""

from __future__ import annotations

import streamlit as st

from tnprep.analysis.ledger import ledger_from_summary
from tnprep.report.burden_lines import (
    MEDICINE_ENTRIES_LABEL,
    medicine_entries_text,
    summary_burden_text,
)
from tnprep.report.ledger_lines import ledger_lines, ranges_note
from tnprep.report.treatment_section import asked_options_text
from tnprep.summary import Summary


def ledger_section(box: st.delta_generator.DeltaGenerator, summary: Summary) -> None:
    """Fill ``box`` with one line per drug or procedure, the acute burden and the sources."""
    ledger = summary.ledger or ledger_from_summary(summary)
    with box:
        st.header("What was tried (the ledger)", anchor=False)
        st.text("From the history as edited here: each drug's courses, highest dose, time on "
                "it and why it stopped; each procedure and its outcome.")  # fmt: skip
        lines = ledger_lines(ledger)
        for line in lines:
            st.text(f"{line.name}: {line.text}")
        if not lines:
            st.text("No treatments in the history.")
        burden = summary_burden_text(summary, ledger)  # the page's line, word for word
        if burden:
            st.text(f"Acute burden: {burden}")
        entries = medicine_entries_text(summary.rescue)  # the page's line, word for word
        if entries:
            st.text(f"{MEDICINE_ENTRIES_LABEL} {entries}")
        asked = asked_options_text(summary)  # the page's line, word for word
        if asked:
            st.text(asked)
        note = ranges_note(ledger)
        if note:
            st.text(note)

"""The Report tab: a preview of the page, the PDF and the summary JSON.

The tab is drawn only while it is open (``tnprep.app.main``), always from the summary of that
run: the page and its preview are cached on the summary's full text, so reopening the tab after
no edit builds nothing, and any edit builds the page of the record as edited.

The JSON is a download, and shown in the page only on demand: a ten-year diary's JSON drawn as
a highlighted code block was most of the page's work (84,000 of 86,000 DOM nodes) even while
its box was closed.
"""

from __future__ import annotations

import streamlit as st

from tnprep.app.overview import backwards, no_page_text
from tnprep.app.state import cached_page, cached_preview
from tnprep.summary import Summary
from tnprep.summary_json import dumps


def report_tab(summary: Summary, paper: str) -> None:
    """A preview of the page, the PDF and the summary JSON."""
    if backwards(summary):  # the warning above the tabs says why; no backwards page to download
        st.warning(no_page_text(summary))
        return
    pdf = cached_page(repr(summary), paper, summary)
    json_text = dumps(summary)
    st.header("The page for your neurologist", anchor=False)
    left, right = st.columns(2)
    left.download_button("Download the page (PDF)", pdf, file_name="tnprep-report.pdf",
                         mime="application/pdf", on_click="ignore", type="primary")  # fmt: skip
    right.download_button(
        "Download the summary (JSON, for your next visit)", json_text,
        file_name="tnprep-summary.json", mime="application/json", on_click="ignore",
    )  # fmt: skip
    preview = cached_preview(pdf)
    if preview is None:
        st.text("No preview here (install pypdfium2 to see one); the PDF download works.")
    else:
        st.image(preview, alt="Preview of the one-page report for the clinician", width="stretch",
                 output_format="PNG")  # fmt: skip  # as made: "auto" re-encoded it as JPEG each run
    if st.toggle("Show the summary JSON here", key="show-json"):
        st.json(json_text, expanded=1)

"""The Treatments tab: the history as an editable table, its CSV download, the catalogue."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tnprep import editing
from tnprep.catalogue import entries
from tnprep.model import Loaded, Treatment


def treatments_tab(loaded: Loaded[Treatment], key: str) -> Loaded[Treatment]:
    """The history in an editable table; returns the treatments as edited, with their issues."""
    st.text("Add, change or remove rows. Dates may be 2019, 2019-03, March 2019 or 2019-03-14.")
    original = editing.treatment_table(loaded.records)
    edited = st.data_editor(
        original, key=f"treatments-{key}", num_rows="dynamic", hide_index=True, width="stretch",
        column_config=_TREATMENT_COLUMNS,
    )  # fmt: skip
    st.download_button(
        "Download the treatment history (CSV)", editing.treatments_csv(edited),
        file_name="treatments.csv", mime="text/csv", on_click="ignore",
    )  # fmt: skip
    with st.expander("Treatments tnprep knows (names, brands, category)"):
        catalogue = [
            (entry.name, entry.category.value, ", ".join(entry.aliases)) for entry in entries()
        ]
        st.dataframe(
            pd.DataFrame(catalogue, columns=["name", "category", "also written"]), hide_index=True
        )
    if editing.same_table(edited, original):
        return loaded
    return editing.treatments_from_table(edited)


_TREATMENT_COLUMNS = {
    "treatment": st.column_config.TextColumn("Treatment", required=True),
    "category": st.column_config.SelectboxColumn(
        "Category", options=list(editing.CATEGORY_CHOICES),
        help="Empty: taken from tnprep's list of TN treatments.",
    ),
    "start": st.column_config.TextColumn("Start"),
    "end": st.column_config.TextColumn("End", help="Empty = ongoing."),
    "dose": st.column_config.TextColumn("Dose", help="As said: 200 mg three times daily."),
    "response": st.column_config.TextColumn("Response", help="none, partial, good, complete, 40%"),
    "stopped_because": st.column_config.TextColumn("Stopped because"),
    "side_effects": st.column_config.TextColumn("Side effects"),
    "notes": st.column_config.TextColumn("Notes"),
}  # fmt: skip

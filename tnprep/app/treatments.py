"""The Treatments tab: the history as an editable table, its CSV download, the catalogue.

Edits survive every upload and setting change (``tnprep.app.keep``): when the files under an
edited table change, the user is asked before their edits are replaced.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from tnprep import editing
from tnprep.app.keep import EditedTable
from tnprep.catalogue import entries
from tnprep.model import Loaded, Treatment

TABLE = EditedTable("treatments")


def treatments_tab(
    loaded: Loaded[Treatment], files_key: str
) -> tuple[Loaded[Treatment], st.delta_generator.DeltaGenerator]:
    """The history in an editable table; returns the treatments as edited and the ledger's box.

    The ledger (``tnprep.app.ledger``) is drawn beside the table once the summary is made.
    """
    table_side, ledger_box = st.columns([3, 2])
    with table_side:
        return _history(loaded, files_key), ledger_box


def _history(loaded: Loaded[Treatment], files_key: str) -> Loaded[Treatment]:
    st.header("Treatment history", anchor=False)
    st.text(
        "Add, change or remove rows (the last, empty row adds one). Dates may be 2019, 2019-03, "
        "March 2019 or 2019-03-14. An empty end means the treatment goes on."
    )
    from_files = editing.treatment_table(loaded.records)
    record = TABLE.update(files_key, from_files)
    if record.pending is not None:
        _ask_before_replacing()
    edited = st.data_editor(
        record.table, key=TABLE.editor_key, num_rows="dynamic", hide_index=True,
        width="stretch", column_config=_TREATMENT_COLUMNS, placeholder="",
        alt="Treatment history, editable",
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
            pd.DataFrame(catalogue, columns=["Name", "Category", "Also written"]),
            hide_index=True,
            alt="Treatments tnprep knows",
        )
    unchanged = record.files_key == files_key and not record.adopted
    if unchanged and editing.same_table(edited, from_files):
        return loaded
    return editing.treatments_from_table(edited)


def _ask_before_replacing() -> None:
    """The files changed under a table the user edited: ask, never discard silently."""
    st.warning(
        "The treatment history from your files has changed, and you have changed the table "
        "below. Your table is kept until you choose."
    )
    left, right = st.columns(2)
    left.button("Keep my table", on_click=TABLE.keep_mine, type="primary")
    right.button("Use the file's table (discard my changes)", on_click=TABLE.use_files)


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

"""The Questions tab: the patient's questions, editable and re-orderable, beside the points."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from tnprep import editing


def questions_tab(
    questions: Sequence[str], key: str
) -> tuple[tuple[str, ...], st.delta_generator.DeltaGenerator]:
    """The questions, editable and re-orderable; returns them and the box for discussion points."""
    left, right = st.columns(2)
    with left:
        st.text("Your questions. Change 'Order' to move one up or down; add rows at the bottom.")
        edited = st.data_editor(
            editing.question_table(questions), key=f"questions-{key}", num_rows="dynamic",
            hide_index=True, width="stretch",
            column_config={
                "order": st.column_config.NumberColumn("Order", min_value=1, step=1),
                "question": st.column_config.TextColumn("Question", width="large"),
            },
        )  # fmt: skip
    right.text("Points for discussion (from your data, for the clinician):")
    return editing.questions_from_table(edited), right.container()

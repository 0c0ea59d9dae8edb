"""The Questions tab: the patient's questions, editable and re-orderable, beside the points.

A plain form adds a question (Enter or the button), so no one needs the grid's last row; the
questions are also listed in full below the grid. Questions from a new upload are added to the
user's edited list, never put in its place.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tnprep import editing
from tnprep.app.keep import EditedTable


def _merge(edited: pd.DataFrame, old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """The user's questions, then the new files' questions they do not have yet."""
    mine = list(editing.questions_from_table(edited))
    before = set(editing.questions_from_table(old))
    added = [text for text in editing.questions_from_table(new) if text not in {*mine, *before}]
    return editing.question_table([*mine, *added])


TABLE = EditedTable("questions", merge=_merge)


def questions_tab(
    questions: Sequence[str], files_key: str
) -> tuple[tuple[str, ...], st.delta_generator.DeltaGenerator]:
    """The questions, editable and re-orderable; returns them and the box for discussion points."""
    left, right = st.columns(2)
    with left:
        st.header("Your questions", anchor=False)
        st.text("Change 'Order' to move a question up or down; clear a question to remove it.")
        record = TABLE.update(files_key, editing.question_table(questions))
        edited = st.data_editor(
            record.table, key=TABLE.editor_key, num_rows="dynamic", hide_index=True,
            width="stretch", row_height=56, alt="Your questions, editable",
            column_config={
                "order": st.column_config.NumberColumn("Order", min_value=1, step=1, width=60),
                "question": st.column_config.TextColumn("Question", width="large"),
            },
        )  # fmt: skip
        with st.form("add-question", clear_on_submit=True, border=False):
            st.text_input("New question", key="new-question")
            st.form_submit_button("Add question", on_click=_add_question)
        kept = editing.questions_from_table(edited)
        st.text("\n".join(f"{number}. {text}" for number, text in enumerate(kept, start=1))
                or "No questions yet.")  # fmt: skip
    with right:
        st.header("Points for discussion", anchor=False)
        st.text("From your data, for the clinician:")
    return kept, right.container()


def _add_question() -> None:
    text = editing.optional_text(st.session_state.get("new-question"))
    if text is None:
        return
    current = list(editing.questions_from_table(TABLE.current()))
    TABLE.adopt(editing.question_table([*current, text]))

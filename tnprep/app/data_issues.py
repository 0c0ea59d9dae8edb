"""The Data issues tab: every issue, the row account, how each diary was read, assumptions."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tnprep.model import DiaryFile
from tnprep.summary import Summary


def issues_tab(summary: Summary, files: Sequence[DiaryFile]) -> None:
    """Every issue, the accounting line, the files as read and the assumptions made."""
    account = summary.input
    st.text(
        f"Rows read {account.rows_read} = used {account.rows_used} + rejected "
        f"{account.rows_rejected} + duplicates {account.duplicates}"
    )
    issues = pd.DataFrame(
        [(issue.file, issue.row, issue.column, issue.value, issue.severity.value, issue.code,
          issue.message) for issue in account.issues],
        columns=["file", "row", "column", "value", "severity", "code", "message"],
    )  # fmt: skip
    issues["row"] = issues["row"].astype("Int64")
    st.dataframe(issues, hide_index=True, width="stretch")
    st.subheader("How each diary was read")
    st.dataframe(_files_table(files), hide_index=True, width="stretch")
    st.subheader("Assumptions")
    for line in summary.assumptions or ("None: every date order was decided from the data.",):
        st.text(line)


def _files_table(files: Sequence[DiaryFile]) -> pd.DataFrame:
    rows = [
        (item.file, item.shape.value, item.source_format, item.encoding, repr(item.delimiter),
         _order_text(item),
         item.rows_read, item.rows_rejected,
         "; ".join(f"{header} → {field}" for header, field in item.mapping),
         "; ".join(item.ignored_columns))
        for item in files
    ]  # fmt: skip
    columns = ["file", "shape", "format", "encoding", "delimiter", "date order", "rows read",
               "rejected", "columns used", "columns not used"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _order_text(item: DiaryFile) -> str:
    if item.date_order is None:
        return "–"
    return f"{item.date_order.value} ({item.date_order_source.value})"

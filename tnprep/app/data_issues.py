"""The Data issues tab: every issue in plain words, the row account, how each diary was read.

The issues, how each diary was read and the file details for technical support are real tables
(``st.table``): every cell wraps, so "What happened" is read whole and a screen reader meets a
table with column headers (the canvas grid of ``st.dataframe`` cut each cell to one line and
scrolled sideways on a phone). ``st.table`` renders Markdown, so every cell is escaped first
(``plain_cell``): a value the user typed shows as typed, never as an image, link or colour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tnprep.app.words import SEVERITY_WORDS, SHAPE_WORDS, app_message, field_words
from tnprep.ingest.scales import NOT_STATED
from tnprep.issues import Issue, Severity
from tnprep.model import DiaryFile
from tnprep.report.sections import period_rows_text
from tnprep.summary import Summary


def issues_tab(summary: Summary, files: Sequence[DiaryFile]) -> None:
    """Every issue, the accounting line, the files as read and the assumptions made."""
    account = summary.input
    st.header("What tnprep could not use, or used with a note", anchor=False)
    st.text(
        f"Rows read {account.rows_read} = used {account.rows_used} + rejected "
        f"{account.rows_rejected} + duplicates {account.duplicates} + other rows "
        f"{account.rows_other} (an event log's rows that are not pain attacks)"
    )
    in_period = period_rows_text(summary)  # the page's footer words
    if in_period:
        st.text(f"With the period chosen, every figure covers it: {in_period}.")
    if account.issues:
        table = issue_table(account.issues).map(plain_cell)
        st.table(table, hide_index=True, border="horizontal", alt="Data issues")
    else:
        st.text("Nothing to report: every row was used.")
    st.header("How each diary was read", anchor=False)
    table, details = files_tables(files)
    for _, row in table.iterrows():
        # One short table per file, a row per property: read whole on a phone (the wide grid
        # cut "Columns used" off on the right); escaped, since st.table renders Markdown.
        st.table(file_read_table(row), border="horizontal", alt=f"How {row['File']} was read")
    with st.expander("File details for technical support"):
        # Real tables too (the canvas grid was cut on a phone and read as no table at all).
        for _, row in details.iterrows():
            st.table(
                file_read_table(row), border="horizontal", alt=f"Technical details of {row['File']}"
            )
    st.header("Assumptions", anchor=False)
    for line in summary.assumptions or (
        "No assumptions: every date order was decided from the data.",
    ):
        st.text(line)


def issue_table(issues: Sequence[Issue]) -> pd.DataFrame:
    """The issues as a patient-readable table: no codes, no empty 'None' cells."""
    rows = [
        (issue.file, "" if issue.row is None else str(issue.row), issue.column or "",
         "" if issue.value is None else str(issue.value), SEVERITY_WORDS[issue.severity],
         app_message(issue.message))
        for issue in issues
    ]  # fmt: skip
    columns = ["File", "Row", "Column", "Value", "Effect", "What happened"]
    return pd.DataFrame(rows, columns=columns)


_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")
"""Every ASCII punctuation character: CommonMark lets each be escaped with a backslash."""
_LINK_STARTS = (re.compile(r"(?<=:)(?=//)"), re.compile(r"(?i)(?<=www)(?=\.)"), re.compile("(?=@)"))
"""Where GitHub's autolink literals start: 'http:' + '//', 'www' + '.', and an e-mail's '@'."""
_WORD_JOINER = "\u2060"
"""Invisible, zero width: it splits an autolink literal without changing what is shown."""


def plain_cell(text: str) -> str:
    """``text`` escaped for a Markdown cell, so it shows exactly as written.

    Backslash before every ASCII punctuation character (CommonMark *Backslash escapes*): no
    image, emphasis, HTML, ``:colour[...]`` or ``$math$`` can form. A URL or e-mail address is
    made a link after escaping (GFM autolink literals are found in the text itself), so an
    invisible word joiner splits each where it would start.
    """
    for start in _LINK_STARTS:
        text = start.sub(_WORD_JOINER, text)
    return _MARKDOWN.sub(r"\\\1", text)


def problem_counts(summary: Summary) -> dict[Severity, int]:
    """How many issues of each kind, for the Overview's problems line and the tab label."""
    counts = dict.fromkeys(Severity, 0)
    for issue in summary.input.issues:
        counts[issue.severity] += 1
    return counts


def files_tables(files: Sequence[DiaryFile]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """How each diary was read (plain words), and the technical details apart."""
    rows = [
        (item.file, SHAPE_WORDS.get(item.shape.value, item.shape.value), _format_words(item),
         _order_text(item), item.rows_read, item.rows_rejected,
         "; ".join(f"{header} → {_field_read(item, header, field)}"
                   for header, field in item.mapping),
         unused_words(item.ignored_columns))
        for item in files
    ]  # fmt: skip
    columns = ["File", "Kind", "Made by", "Dates like 03/04", "Rows read", "Rows not used",
               "Columns used", "Columns not used"]  # fmt: skip
    details = [(item.file, item.source_format, item.encoding, _delimiter(item.delimiter))
               for item in files]  # fmt: skip
    return (
        pd.DataFrame(rows, columns=columns),
        pd.DataFrame(details, columns=["File", "Format", "Text encoding", "Separator"]),
    )


def _field_read(item: DiaryFile, header: str, field: str) -> str:
    """The field a column was read as; a pain column with the scale it was read on.

    "Pain (0–10)" said of a 1–5 column told a user its values were 0–10 ones, while the page's
    pain line says "not converted" (SPEC *Pain scales*: the original scale is stated).
    """
    scale = item.info.scale
    if scale is None or scale.column != header or field not in _PAIN_FIELDS:
        return field_words(field)
    if (scale.low, scale.high) == (0, 10) and scale.source != NOT_STATED:
        return field_words(field)  # a stated 0–10 scale: "Pain (0–10)" says it
    if scale.source == NOT_STATED:
        read = "no scale stated in the file; read as 0–10"
    elif scale.low is None:
        read = "recorded as words; not converted to 0–10"
    else:
        done = "converted to 0–10" if scale.converted else "not converted to 0–10"
        read = f"a {scale.label} scale; {done}"
    return f"{_PAIN_FIELDS[field]} ({read})"


_PAIN_FIELDS = {"intensity": "Pain", "worst_intensity": "Worst pain that day"}
"""Pain fields named with their scale when a file's scale was stated, found or not stated."""


def file_read_table(row: pd.Series) -> pd.DataFrame:
    """One file's row of ``files_tables`` as a table of its own: a row per property, escaped.

    The properties are the row headers; the one column is named after the file (as typed).
    """
    values = row.drop("File")
    return pd.DataFrame(
        {plain_cell(str(row["File"])): [plain_cell(str(value)) for value in values]},
        index=list(values.index),
    )


def unused_words(ignored: Sequence[str]) -> str:
    """The columns not used by name; blank header cells counted, never listed as '; ; ;'."""
    named = [header for header in ignored if header.strip()]
    blank = len(ignored) - len(named)
    if blank:
        named.append(f"{'and ' if named else ''}{blank} column{'s' if blank > 1 else ''} "
                     "without a header")  # fmt: skip
    return "; ".join(named) or "–"


def _format_words(item: DiaryFile) -> str:
    return "A spreadsheet or diary" if item.source_format == "generic table" else item.source_format


def _delimiter(delimiter: str | None) -> str:
    names = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
    return "–" if delimiter is None else names.get(delimiter, repr(delimiter))


def _order_text(item: DiaryFile) -> str:
    if item.date_order is None:
        return "–"
    order = "day first" if item.date_order.value == "day-first" else "month first"
    return f"{order} ({item.date_order_source.value})"

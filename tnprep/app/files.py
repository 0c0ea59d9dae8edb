"""Reading the uploads through the recipe (``tnprep.pipeline``), as the command line does.

A plain message beside each unreadable file; the column-mapping panel for a diary whose columns
were not all matched; and, beside the one file whose dates could be read either way (every
``03/04`` ambiguous), the question "day first or month first?" for that file only — the other
files keep the order their own data decided.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from tnprep import editing
from tnprep.app.data_issues import plain_cell
from tnprep.app.state import (
    Choices,
    cached_answers,
    cached_diary,
    cached_headers,
    cached_previous,
    cached_questionnaire_check,
    cached_treatments,
    digest,
    remember_mapping,
    remembered_mapping,
    show_problem,
)
from tnprep.app.words import field_words
from tnprep.app.workspace_keys import workspace_key
from tnprep.ingest.columns import FIELDS, match_columns
from tnprep.model import DateOrder, DateOrderSource, DiaryFile, Loaded, Treatment
from tnprep.pipeline import MappingPairs, Readings, Source, Unreadable, join_loaded
from tnprep.samples import is_sample_data

ORDER_CHOICES = {
    "Day first (03/04/2026 is 3 April)": DateOrder.DAY_FIRST,
    "Month first (03/04/2026 is 4 March)": DateOrder.MONTH_FIRST,
}


def read_files(choices: Choices, questions_box: st.delta_generator.DeltaGenerator) -> Readings:
    """Read every upload (or the sample) as the command line does; show what could not be read.

    ``questions_box`` (in "Your files") receives the date-order question of an ambiguous file.
    """
    diaries, mappings, unreadable = _diaries(choices, questions_box)
    treatments = _treatments(choices, unreadable, questions_box)
    readable: list[Source] = []
    for name, data in choices.questionnaires:
        checked = cached_questionnaire_check(data, name)
        if isinstance(checked, Unreadable):
            unreadable.append(checked)
            show_problem("A questionnaire could not be read; the others are still used.",
                         checked.message)  # fmt: skip
        else:
            readable.append(checked)
    return Readings(
        diaries=tuple(diaries),
        treatments=treatments,
        answers=cached_answers(tuple(readable), dt.date.today()),
        unreadable=tuple(unreadable),
        user_mappings=tuple(mappings.items()),
        previous=cached_previous(choices.previous),
        # the invented sample's page and JSON are marked, renamed or not (tnprep.samples)
        sample=choices.sample
        or is_sample_data((*choices.diaries, *choices.treatments, *choices.questionnaires)),
    )


def ask_order(box: st.delta_generator.DeltaGenerator, name: str, file_key: str) -> str | None:
    """Ask, beside ``name``, how its ambiguous dates are read; ``None`` until answered."""
    box.text(
        f"{name}: every date could be read either way (e.g. 03/04/2026). Until you choose, "
        "they are read day first."
    )
    chosen = box.radio(
        f"How are the dates in {name} written?", list(ORDER_CHOICES), index=None,
        key=workspace_key(f"order-{file_key}"),
    )  # fmt: skip
    return None if chosen is None else ORDER_CHOICES[chosen].value


def _diaries(
    choices: Choices, box: st.delta_generator.DeltaGenerator
) -> tuple[list[DiaryFile], dict[str, MappingPairs], list[Unreadable]]:
    """Each diary with its remembered mapping; the mapping panel where one is needed."""
    files: list[DiaryFile] = []
    used: dict[str, MappingPairs] = {}
    unreadable: list[Unreadable] = []
    seen: set[str] = set()
    said = False  # the warning about unused columns is said once, above the first such file
    for name, data in choices.diaries:
        file_key = digest(name, data)
        if file_key in seen:  # its rows count once (duplicates); its questions are asked once
            _added_twice(name, files)
            continue
        seen.add(file_key)
        mapping = remembered_mapping(file_key)
        read = cached_diary(data, name, mapping, None, dt.date.today())
        if isinstance(read, DiaryFile) and read.date_order_source is DateOrderSource.ASSUMED:
            order = ask_order(box, name, file_key)
            read = (
                read if order is None else cached_diary(data, name, mapping, order, dt.date.today())
            )
        if isinstance(read, Unreadable):
            unreadable.append(read)
            show_problem("A diary file could not be read; the others are still used.",
                         read.message)  # fmt: skip
        else:
            files.append(read)
            if mapping:
                used[name] = mapping
        if isinstance(read, Unreadable) or mapping or read.mapping_offered:
            said = mapping_panel(name, data, file_key, isinstance(read, Unreadable), said) or said
    return files, used, unreadable


def _added_twice(name: str, files: list[DiaryFile]) -> None:
    """The same file again: said beside the files; read again, so each row is one duplicate."""
    st.warning("A diary file was added twice.")
    st.text(f"{name}: added twice (same name and content); each of its rows is counted once.")
    earlier = next((item for item in files if item.file == name), None)
    if earlier is not None:
        files.append(earlier)


def _treatments(
    choices: Choices, unreadable: list[Unreadable], box: st.delta_generator.DeltaGenerator
) -> Loaded[Treatment]:
    parts: list[Loaded[Treatment]] = []
    for name, data in choices.treatments:
        read = cached_treatments(data, name, None)
        if isinstance(read, Loaded) and any(
            issue.code == "treatment-date-ambiguous" for issue in read.issues
        ):
            order = ask_order(box, name, digest(name, data))
            read = read if order is None else cached_treatments(data, name, order)
        if isinstance(read, Unreadable):
            unreadable.append(read)
            show_problem("The treatment history could not be read.", read.message)
        else:
            parts.append(read)
    return join_loaded(parts)


UNUSED_WARNING = (
    "Some diary columns were not used. Open a file's “Columns of …” box below to say what they "
    "hold."
)
"""Said once above the files with unused columns (each file's box is named after it)."""


def unused_text(unused: list[str], headers: tuple[str, ...]) -> str:
    """The unused columns by name; blank header cells counted, never listed as '' (a stray ', ')."""
    named = [header for header in unused if header.strip()]
    if len(named) == len(unused):
        return ", ".join(named)
    blank = sum(1 for header in headers if not header.strip())
    counted = f"{blank} column{'s' if blank > 1 else ''} without a header"
    return f"{', '.join(named)}, and {counted}" if named else counted


def mapping_panel(name: str, data: bytes, file_key: str, failed: bool, said: bool = False) -> bool:
    """Let the user pick the field of each header; the choice is remembered for this file.

    The box is named after its file: five diaries drew five boxes all called "Some diary
    columns were not used", each under the same warning again. The warning is given once
    (``said``: already given above); returns True when this file has unused columns.
    """
    headers = cached_headers(data, name)
    if headers is None:  # not a table: the read error above says so
        return False
    remembered = dict(remembered_mapping(file_key))
    automatic = {
        headers[position]: field for position, field in match_columns(headers).fields.items()
    }
    shown = editing.mapping_choices(headers, automatic, remembered)
    title = f"{'Match the columns' if failed else 'Columns'} of {plain_cell(name)}"
    unused = [header for header, field in shown.items() if field == editing.NOT_USED]
    if unused and not failed:
        if not said:
            st.warning(UNUSED_WARNING)
        st.text(f"{name}: not used: {unused_text(unused, headers)}")
    with st.expander(title, expanded=failed):
        st.text(f"{name}: choose what each column holds ('{editing.NOT_USED}' leaves it out).")
        table = pd.DataFrame({"column": list(shown), "field": list(shown.values())})
        edited = st.data_editor(
            table, key=f"map-{file_key}-{digest(repr(sorted(remembered.items())))}",
            hide_index=True, disabled=["column"], width="stretch",
            alt=f"Columns of {name} and what each holds",
            column_config={
                "column": st.column_config.TextColumn("Column in the file"),
                "field": st.column_config.SelectboxColumn(
                    "What it holds", options=[editing.NOT_USED, *FIELDS], required=True,
                    format_func=lambda field: field_words(str(field))),
            },
        )  # fmt: skip
    chosen = editing.mapping_changes(
        dict(zip(edited["column"], edited["field"], strict=True)), automatic
    )
    if chosen != remembered_mapping(file_key):
        remember_mapping(file_key, chosen)
        st.rerun()
    return bool(unused) and not failed

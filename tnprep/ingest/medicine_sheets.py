"""A workbook's medicines-taken sheet, linked to the attacks it names (docs/formats.md *Workbooks*).

Headache apps export the medicines taken as a second table: one row per dose, with the attack it
was taken for (``Taken For Headache`` → the attack sheet's ``Headache Id``), the medicine
(``Medication Description``) and whether it helped (``Was Severity Reduced?``). Its rows are
medicine events: counted under ``rows_other`` as 'medicine', by name in the medicine events, and —
where the attack they name is in the workbook — written into that attack's rescue (and whether it
helped). Nothing is matched by time: only the file's own link is used.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import pandas as pd

from tnprep.ingest import event_log, values
from tnprep.ingest.columns import ALIASES, normalise_header
from tnprep.ingest.dates import decide_order
from tnprep.ingest.decode import Table

LINK_HEADERS = frozenset({"takenforheadache", "takenfor", "forheadache", "forattack",
                          "headacheid", "attackid", "episodeid"})  # fmt: skip
"""Headers of the column naming the attack a medicine was taken for."""
ID_HEADERS = frozenset({"headacheid", "attackid", "episodeid", "id"})
"""Headers of an attack sheet's own id column."""
_TAKEN = frozenset({"taken", "timetaken", "when", "takenat"})
"""Headers of the time a medicine was taken, besides any header naming a date."""


@dataclass(frozen=True)
class MedicineSheet:
    """Medicine rows of one sheet, by the attack id they name."""

    rows: int
    names: tuple[tuple[str, int], ...]
    """Medicine (lower case) → rows, most frequent first."""
    by_attack: dict[str, tuple[list[str], list[str]]]
    """Attack id → (medicine names, helped answers)."""
    by_day: tuple[tuple[dt.date | None, str, int], ...] = ()
    """Medicine rows by (day taken, name) → count; day ``None`` where not dated."""


def read_medicine_sheet(table: Table) -> MedicineSheet | None:
    """The sheet as medicine events, or ``None`` when it is not a medicines-taken table."""
    keys = [normalise_header(header) for header in table.header]
    link = next((i for i, key in enumerate(keys) if key in LINK_HEADERS), None)
    medicine = next((i for i, key in enumerate(keys) if key in ALIASES["rescue"]), None)
    if link is None or medicine is None:
        return None
    helped = next((i for i, key in enumerate(keys) if key in ALIASES["rescue_helped"]), None)
    names = values.text_cells(table.cells[medicine])
    answers = (values.text_cells(table.cells[helped]) if helped is not None
               else pd.Series("", index=names.index))  # fmt: skip
    ids = _ids(table.cells[link])
    by_attack: dict[str, tuple[list[str], list[str]]] = {}
    for attack, name, answer in zip(ids, names, answers, strict=True):
        if attack and name:
            entry = by_attack.setdefault(attack, ([], []))
            entry[0].append(name)
            if answer:
                entry[1].append(answer)
    counts = Counter(name.casefold() for name in names if name)
    ordered = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    return MedicineSheet(len(table.cells), ordered, by_attack, _by_day(table, keys, names))


def _by_day(
    table: Table, keys: list[str], names: pd.Series
) -> tuple[tuple[dt.date | None, str, int], ...]:
    """Named rows by (day taken, name); every day ``None`` when the sheet has no date column."""
    position = next((i for i, key in enumerate(keys) if "date" in key or key in _TAKEN), None)
    named = names.ne("")
    if position is None:
        days = pd.Series(pd.NaT, index=names.index, dtype="datetime64[ns]")
    else:
        cells = table.cells[position]
        days = event_log.dated_days(cells, decide_order(cells).order)
    return event_log.dated_counts(names[named].str.casefold(), days[named])


def names_any(attacks: pd.DataFrame, table: Table, sheet: MedicineSheet) -> bool:
    """Whether ``sheet`` names any attack of ``table``'s sheet by its id."""
    attack_ids = _attack_ids(attacks, table)
    return attack_ids is not None and bool(attack_ids.isin(list(sheet.by_attack)).any())


def link_rescue(attacks: pd.DataFrame, table: Table, sheet: MedicineSheet) -> pd.DataFrame:
    """Attacks of ``table``'s sheet with the rescue its medicine rows name (where none written)."""
    attack_ids = _attack_ids(attacks, table)
    if attack_ids is None:
        return attacks
    found = attack_ids.map(sheet.by_attack.get)
    linked = found.notna() & attacks.loc[attack_ids.index, "rescue"].isna()
    if not linked.any():
        return attacks
    result = attacks.copy()
    rows = linked[linked].index
    result.loc[rows, "rescue"] = [" + ".join(dict.fromkeys(found[i][0])) for i in rows]
    result.loc[rows, "rescue_helped"] = [
        " / ".join(dict.fromkeys(found[i][1])) or pd.NA for i in rows
    ]
    return result


def _attack_ids(attacks: pd.DataFrame, table: Table) -> pd.Series | None:
    """The id each attack of ``table``'s sheet has in its id column; None without one."""
    keys = [normalise_header(header) for header in table.header]
    position = next((i for i, key in enumerate(keys) if key in ID_HEADERS), None)
    if position is None or attacks.empty:
        return None
    ids = pd.Series(_ids(table.cells[position]), index=table.cells.index)
    return attacks.loc[attacks["file"].eq(table.file), "row"].map(ids)


def _ids(cells: pd.Series) -> list[str]:
    """Ids as text, '12.0' read as '12' (spreadsheets store numbers as floats)."""
    text = values.text_cells(cells)
    return [item[:-2] if item.endswith(".0") else item for item in text]

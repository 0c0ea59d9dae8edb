"""Workbooks: every sheet that holds a diary is read and merged; the others are named as skipped.

A workbook with one filled sheet reads like a text file. With several, each sheet is read on its
own (its rows keep their own row numbers; issues name the sheet as ``file [sheet]``) and the diary
sheets of the first diary sheet's shape are merged into one source. A medicines-taken sheet is
read as medicine events linked to the attacks it names (``tnprep.ingest.medicine_sheets``). Any
other sheet that is not a diary — a chart's data, a settings sheet — is named in one notice with
the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from tnprep.ingest.decode import Table, read_xlsx_sheets
from tnprep.ingest.frames import attack_frame, concat_frames, day_frame
from tnprep.ingest.medicine_sheets import (
    MedicineSheet,
    link_rescue,
    names_any,
    read_medicine_sheet,
)
from tnprep.issues import InputError, Issue, IssueCode
from tnprep.model import DiaryFile, DiaryShape


def read_workbook(data: bytes, file: str, read: Callable[[Table], DiaryFile]) -> DiaryFile:
    """Read every diary sheet of a workbook with ``read`` and merge them into one ``DiaryFile``.

    Raises:
        InputError: no sheet is a diary (the first sheet's reason, naming the sheet).
    """
    sheets = read_xlsx_sheets(data, file)
    if len(sheets) == 1:
        return read(sheets[0][1])
    read_files: list[tuple[str, DiaryFile]] = []
    skipped: list[tuple[str, str]] = []
    tables: list[Table] = []
    medicines: list[tuple[str, MedicineSheet]] = []
    for name, table in sheets:
        labelled = replace(table, file=f"{file} [{name}]")
        try:
            read_files.append((name, read(labelled)))
            tables.append(labelled)
        except InputError as error:
            medicine = read_medicine_sheet(labelled)
            if medicine is None:
                skipped.append((name, error.reason))
            else:
                medicines.append((name, medicine))
    if not read_files:
        name, reason = skipped[0] if skipped else (sheets[0][0], "holds no attacks")
        raise InputError(file, f"(sheet {name}) {reason}")
    merged = _merge(file, read_files, skipped)
    return _with_medicines(merged, tables, medicines)


def _with_medicines(
    merged: DiaryFile, tables: list[Table], medicines: list[tuple[str, MedicineSheet]]
) -> DiaryFile:
    """Medicine sheets: their rows counted as 'medicine' events, linked to attacks by id."""
    if not medicines:
        return merged
    frame = merged.table
    linking: list[str] = []
    notices: list[Issue] = []
    for _, sheet in medicines:
        for table in tables:
            frame = link_rescue(frame, table, sheet)
    for name, sheet in medicines:
        if any(names_any(frame, table, sheet) for table in tables):
            linking.append(name)
        else:
            notices.append(_unlinked_notice(merged.file, name, sheet))
    rows = sum(sheet.rows for _, sheet in medicines)
    names = [pair for _, sheet in medicines for pair in sheet.names]
    info = replace(
        merged.info,
        other_kinds=_summed([*merged.info.other_kinds, ("medicine", rows)]),
        medicine_events=_summed([*merged.info.medicine_events, *names]),
        medicine_by_day=(
            *merged.info.medicine_by_day,
            *(entry for _, sheet in medicines for entry in sheet.by_day),
        ),
        sheets_read=(*merged.info.sheets_read, *(name for name, _ in medicines)),
    )
    # Only a sheet that names some of the attacks records their rescue; one that names none
    # says nothing about it ("rescue named in 0 of 1,500 attacks" would be read as none taken).
    mapping = (*merged.mapping, *((f"[{name}] medicines taken", "rescue") for name in linking))
    return replace(merged, rows_read=merged.rows_read + rows, table=frame, info=info,
                   mapping=mapping, issues=(*merged.issues, *notices))  # fmt: skip


def _unlinked_notice(file: str, sheet_name: str, sheet: MedicineSheet) -> Issue:
    ids = sorted(sheet.by_attack, key=lambda text: (len(text), text))
    named = f"attack {ids[0]}" if len(ids) == 1 else f"attacks {ids[0]}–{ids[-1]}"
    named = named if ids else "no attack"
    return Issue(
        code=IssueCode.MEDICINE_SHEET_UNLINKED, file=file, row=None, column=None, value=None,
        message=(f"Sheet '{sheet_name}' lists medicines taken for {named} (by id), none of them "
                 "in this workbook's attack sheets; its rows are counted as medicine events, and "
                 "the rescue of these attacks is not known from it (not 'none taken')."),
    )  # fmt: skip


def _merge(
    file: str, read_files: list[tuple[str, DiaryFile]], skipped: list[tuple[str, str]]
) -> DiaryFile:
    shape = read_files[0][1].shape
    kept = [(name, item) for name, item in read_files if item.shape is shape]
    skipped += [(name, f"is a {item.shape.value}, not a {shape.value} like the first sheet")
                for name, item in read_files if item.shape is not shape]  # fmt: skip
    first = kept[0][1]
    empty = attack_frame() if shape is DiaryShape.ATTACK_LOG else day_frame()
    issues = [issue for _, item in kept for issue in item.issues]
    issues += [_skipped_notice(file, name, reason) for name, reason in skipped]
    info = replace(
        first.info,
        other_kinds=_summed([kind for _, item in kept for kind in item.info.other_kinds]),
        medicine_events=_summed([event for _, item in kept for event in item.info.medicine_events]),
        medicine_by_day=tuple(entry for _, item in kept for entry in item.info.medicine_by_day),
        pain_names=tuple(entry for _, item in kept for entry in item.info.pain_names),
        sheets_read=tuple(name for name, _ in kept),
        sheets_skipped=tuple(name for name, _ in skipped),
        logged_days=tuple(sorted({day for _, item in kept for day in item.info.logged_days})),
        no_pain_days=tuple(sorted({day for _, item in kept for day in item.info.no_pain_days})),
    )
    return replace(
        first,
        file=file,
        mapping=tuple(pair for _, item in kept for pair in item.mapping),
        ignored_columns=tuple(column for _, item in kept for column in item.ignored_columns),
        rows_read=sum(item.rows_read for _, item in kept),
        rows_rejected=sum(item.rows_rejected for _, item in kept),
        table=concat_frames([item.table for _, item in kept], empty),
        issues=tuple(issues),
        info=info,
    )


def _summed(pairs: list[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    totals: dict[str, int] = {}
    for name, count in pairs:
        totals[name] = totals.get(name, 0) + count
    return tuple(sorted(totals.items(), key=lambda item: (-item[1], item[0])))


def _skipped_notice(file: str, sheet: str, reason: str) -> Issue:
    return Issue(
        code=IssueCode.SHEET_SKIPPED, file=file, row=None, column=None, value=None,
        message=f"Sheet '{sheet}' was not read as a diary; it {reason}",
    )  # fmt: skip

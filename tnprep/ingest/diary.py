"""Diary files → ``DiaryFile`` (one file) → ``Diary`` (all files, duplicates counted once).

Row rules (SPEC *Row rules*): blank rows are skipped and not counted; a row whose date (and time,
for an attack log) cannot be read is rejected with an issue; a field that cannot be read or is out
of range is dropped for that row only, with an issue; exact duplicate attacks (same start minute,
intensity and duration, within or across files) count once. Every step is vectorised over the
whole column; Python only touches the rows that raise an issue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from tnprep.ingest import fields as field_readers
from tnprep.ingest.columns import ColumnMatch, match_columns
from tnprep.ingest.dates import OrderDecision, decide_order, parse_dates, parse_times
from tnprep.ingest.decode import Table, decode_text, parse_text_table, read_table, read_xlsx
from tnprep.ingest.formats import migraine_buddy
from tnprep.ingest.frames import attack_frame, concat_frames, day_frame
from tnprep.ingest.row_issues import RowIssues
from tnprep.issues import InputError, Issue, Severity
from tnprep.model import GENERIC_TABLE, DateOrder, DateOrderSource, Diary, DiaryFile, DiaryShape

ATTACK_ONLY_FIELDS = frozenset(
    {
        "start", "time", "duration", "intensity", "side", "location", "division", "triggers",
        "pain_type", "rescue", "medication_helpful", "medication_somewhat",
        "medication_unhelpful", "medication_unsure",
    }
)  # fmt: skip
"""Fields that make a file an attack log."""
DAILY_ONLY_FIELDS = frozenset({"attacks", "worst_intensity", "background_pain"})
"""Fields that make a file a daily log."""
_NO_TIME = (
    "The date has no time of day, and an attack log needs one (a date-time, or a date and a time "
    "column); the row was left out of every figure."
)


def read_diary(
    data: bytes,
    file: str,
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
) -> DiaryFile:
    """Read one diary file (attack log or daily log, any supported export).

    Args:
        data: The file's bytes.
        file: Its name as the user knows it (used in every issue).
        mapping: Header as written → field, for headers the alias table does not know.
        date_order: The user's date order for slash dates; ``None`` decides from the data.

    Raises:
        InputError: the file is not a diary at all (not a table, no date column, …).
    """
    table, fixed_mapping, fixed_order = _read(data, file)
    match = match_columns(table.header, {**fixed_mapping, **(mapping or {})})
    shape = _shape(table, match)
    date_cells = _date_cells(table, match)
    decision = _order(date_cells, date_order, fixed_order)
    issues = RowIssues(table)
    if shape is DiaryShape.ATTACK_LOG:
        frame = _attack_rows(table, match, decision, issues)
    else:
        frame = _day_rows(table, match, decision, issues)
    return DiaryFile(
        file=file,
        shape=shape,
        source_format="Migraine Buddy" if fixed_mapping else GENERIC_TABLE,
        encoding=table.encoding,
        delimiter=table.delimiter,
        date_order=decision.order,
        date_order_source=decision.source,
        mapping=tuple((table.header[position], name) for position, name in match.fields.items()),
        ignored_columns=tuple(table.header[position] for position in match.ignored),
        rows_read=len(table.cells),
        rows_rejected=issues.rejected_count,
        table=frame,
        issues=(*table.issues, *_file_issues(table, match, decision, bool(fixed_mapping)),
                *issues.collected()),
    )  # fmt: skip


def combine_diaries(files: Sequence[DiaryFile]) -> Diary:
    """Combine diary files, counting exact duplicate attacks once (the first copy is kept)."""
    attack_tables = [item.table for item in files if item.shape is DiaryShape.ATTACK_LOG]
    day_tables = [item.table for item in files if item.shape is DiaryShape.DAILY_LOG]
    attacks = concat_frames(attack_tables, attack_frame())
    duplicate, first_file, first_row = _duplicates(attacks)
    issues = [_duplicate_issue(attacks, index, first_file, first_row) for index in duplicate]
    kept = attacks.drop(index=duplicate).sort_values(["start", "file", "row"], kind="stable")
    days = concat_frames(day_tables, day_frame()).sort_values(
        ["date", "file", "row"], kind="stable"
    )
    all_issues = [issue for item in files for issue in item.issues] + issues
    return Diary(
        files=tuple(files),
        attacks=kept.reset_index(drop=True),
        days=days.reset_index(drop=True),
        duplicates=len(duplicate),
        issues=tuple(sorted(all_issues, key=Issue.sort_key)),
    )


def read_diaries(
    sources: Sequence[tuple[str, bytes]],
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
) -> Diary:
    """Read several diary files and combine them (``InputError`` from the first unreadable one)."""
    return combine_diaries(
        [read_diary(data, name, mapping=mapping, date_order=date_order) for name, data in sources]
    )


def _read(data: bytes, file: str) -> tuple[Table, dict[str, str], DateOrder | None]:
    """The table, plus a known export's own mapping and date order."""
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, file), {}, None
    text, encoding = decode_text(data, file)
    export = migraine_buddy.find_attack_table(text)
    if export is None:
        return read_table(data, file), {}, None
    table = parse_text_table(text, file, encoding, export.delimiter, export.header_record)
    return table, migraine_buddy.MAPPING, migraine_buddy.DATE_ORDER


def _shape(table: Table, match: ColumnMatch) -> DiaryShape:
    mapped = set(match.fields.values())
    has_date = bool(mapped & {"date", "start"})
    if has_date and mapped & DAILY_ONLY_FIELDS and not mapped & {"start", "time"}:
        return DiaryShape.DAILY_LOG
    if has_date and mapped & ATTACK_ONLY_FIELDS:
        return DiaryShape.ATTACK_LOG
    seen = ", ".join(repr(header) for header in table.header) or "none"
    raise InputError(
        table.file,
        f"is not a diary tnprep can read: no {'diary' if has_date else 'date'} columns found. "
        f"Headers seen: {seen}. Fields needed: an attack log needs 'start', or 'date' and "
        "'time' (optional: 'duration', 'intensity', 'side', 'location', 'division', 'triggers', "
        "'pain_type', 'rescue', 'notes'); a daily log needs 'date' plus 'attacks', "
        "'worst_intensity' or 'background_pain' (optional: 'notes'). "
        'Map a header to a field with --map "Header=field" (or in the app).',
    )


def _date_cells(table: Table, match: ColumnMatch) -> pd.Series:
    by_field = {name: position for position, name in match.fields.items()}
    position = by_field.get("date", by_field.get("start"))
    return table.cells[position]


def _order(cells: pd.Series, user: DateOrder | None, fixed: DateOrder | None) -> OrderDecision:
    # A known export writes one date order whatever the user's other files do, so the export's
    # own order wins over a --dayfirst/--monthfirst meant for a paper diary beside it.
    if fixed is not None:
        return OrderDecision(fixed, DateOrderSource.FORMAT, 0, 0)
    return decide_order(cells, user)


def _attack_rows(
    table: Table, match: ColumnMatch, decision: OrderDecision, issues: RowIssues
) -> pd.DataFrame:
    start = _attack_starts(table, match, decision, issues)
    columns = field_readers.attack_columns(table, match, issues)
    return attack_frame(_kept_rows(table, issues, {**columns, "start": start}, start.notna()))


def _attack_starts(
    table: Table, match: ColumnMatch, decision: OrderDecision, issues: RowIssues
) -> pd.Series:
    """Start date-times; rows whose date or time cannot be read are rejected."""
    by_field = {name: position for position, name in match.fields.items()}
    time_position = by_field.get("time")
    if "date" in by_field and "start" in by_field and time_position is None:
        time_position = by_field["start"]  # 'Start Time' beside a 'Date' column is the time
    if time_position is None:
        position = by_field["start"] if "start" in by_field else by_field["date"]
        start = parse_dates(table.cells[position], decision.order, with_time=True)
        unread = start.isna()
        day_only = pd.Series(False, index=start.index)
        day_only[unread] = parse_dates(
            table.cells[position][unread], decision.order, with_time=False
        ).notna()
        issues.reject(position, day_only, "time-missing", _NO_TIME)
        issues.reject_unreadable(position, start, "date", decision)
        return start
    # A 'Started' date-time beside a 'Time' column (no 'Date') gives the day; 'Time' the clock.
    date_position = by_field["date"] if "date" in by_field else by_field["start"]
    dates = parse_dates(table.cells[date_position], decision.order, with_time=False)
    times = parse_times(table.cells[time_position])
    issues.reject_unreadable(date_position, dates, "date", decision)
    issues.reject_unreadable(time_position, times.where(dates.notna(), pd.Timedelta(0)), "time")
    combined: pd.Series = dates.dt.normalize() + times
    return combined


def _day_rows(
    table: Table, match: ColumnMatch, decision: OrderDecision, issues: RowIssues
) -> pd.DataFrame:
    position = next(position for position, name in match.fields.items() if name == "date")
    dates = parse_dates(table.cells[position], decision.order, with_time=False)
    issues.reject_unreadable(position, dates, "date", decision)
    columns = field_readers.day_columns(table, match, issues)
    return day_frame(_kept_rows(table, issues, {**columns, "date": dates}, dates.notna()))


def _kept_rows(
    table: Table, issues: RowIssues, columns: dict[str, pd.Series], kept: pd.Series
) -> dict[str, Sequence[Any] | pd.Series]:
    """The columns of the rows whose date could be read, with their file and row number.

    Field issues of rejected rows are forgotten: the rejection is the one issue such a row gets.
    """
    issues.keep_only(kept)
    return {
        **{name: values[kept] for name, values in columns.items()},
        "file": [table.file] * int(kept.sum()),
        "row": table.cells.index[kept].tolist(),
    }


def _file_issues(
    table: Table, match: ColumnMatch, decision: OrderDecision, known_export: bool
) -> list[Issue]:
    issues = []
    if decision.source is DateOrderSource.ASSUMED:
        issues.append(Issue(
            "date-order-assumed", Severity.NOTICE, table.file, None, None, None,
            "Every date in this file could be day-first or month-first (e.g. 03/04); they were "
            "read day-first. If that is wrong, choose month-first (--monthfirst, or in the app).",
        ))  # fmt: skip
    if not known_export:
        issues.extend(
            Issue("column-ignored", Severity.NOTICE, table.file, 1, table.header[position], None,
                  "This column matches no diary field and was not used; if it holds one, map it "
                  f"with --map \"{table.header[position]}=field\" or in the app.")
            for position in match.ignored
        )  # fmt: skip
    issues.extend(
        Issue("column-repeated", Severity.NOTICE, table.file, 1, table.header[position], None,
              f"Another column already gives '{name}'; this one was not used.")
        for position, name in match.duplicated
    )  # fmt: skip
    return issues


def _duplicates(attacks: pd.DataFrame) -> tuple[list[int], pd.Series, pd.Series]:
    """Indexes of extra copies, and for each row the file and row of the first copy."""
    keys = pd.DataFrame(
        {"minute": attacks["start"].dt.floor("min"), "intensity": attacks["intensity"],
         "duration": attacks["duration_s"]}
    )  # fmt: skip
    duplicate = keys.duplicated(keep="first")
    grouped = attacks.groupby([keys[name] for name in keys.columns], dropna=False, sort=False)
    first_file = grouped["file"].transform("first")
    first_row = grouped["row"].transform("first")
    return list(attacks.index[duplicate]), first_file, first_row


def _duplicate_issue(
    attacks: pd.DataFrame, index: int, first_file: pd.Series, first_row: pd.Series
) -> Issue:
    where = f"row {first_row[index]}"
    if first_file[index] != attacks.at[index, "file"]:
        where += f" of {first_file[index]}"
    return Issue(
        "duplicate",
        Severity.DUPLICATE,
        str(attacks.at[index, "file"]),
        int(attacks["row"][index]),
        None,
        None,
        f"Same start minute, intensity and duration as {where}; counted once.",
    )

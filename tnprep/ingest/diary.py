"""Diary files → ``DiaryFile`` (one file) → ``Diary`` (all files, duplicates counted once).

Row rules (SPEC *Row rules*): blank rows are skipped and not counted; a row whose date (and time,
for an attack log) cannot be read is rejected with an issue; a field that cannot be read or is out
of range is dropped for that row only, with an issue; exact duplicate attacks (same start minute,
intensity and duration, within or across files) count once. Every step is vectorised over the
whole column; Python only touches the rows that raise an issue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from tnprep.ingest import (
    distinct,
    empty_rows,
    end_fill,
    event_log,
    second_tables,
    shape_fields,
    stray_dates,
    workbooks,
)
from tnprep.ingest import fields as field_readers
from tnprep.ingest import no_pain as no_pain_rows
from tnprep.ingest import scales as scales_module
from tnprep.ingest.attack_times import attack_starts, durations_from_end
from tnprep.ingest.columns import ColumnMatch, match_columns
from tnprep.ingest.dates import OrderDecision, decide_order, parse_dates
from tnprep.ingest.day_only_overlap import day_only_overlaps, day_only_repeats
from tnprep.ingest.day_scale import DAY_PAIN_FIELDS, day_scale
from tnprep.ingest.decode import (
    Table,
    decode_text,
    parse_text_table,
    sniff_delimiter,
    utf8_bytes,
)
from tnprep.ingest.duplicates import duplicate_issue, find_duplicates
from tnprep.ingest.excel_durations import clock_duration_notice
from tnprep.ingest.formats import migraine_buddy
from tnprep.ingest.frames import attack_frame, concat_frames, day_frame
from tnprep.ingest.intensity import read_intensity
from tnprep.ingest.kinds import check_columns, refuse_unless_pain
from tnprep.ingest.row_issues import RowIssues
from tnprep.issues import InputError, Issue, IssueCode
from tnprep.model import (
    GENERIC_TABLE,
    DateOrder,
    DateOrderSource,
    Diary,
    DiaryFile,
    DiaryInfo,
    DiaryShape,
    PainScale,
)

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


def read_diary(
    data: bytes,
    file: str,
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
    scales: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> DiaryFile:
    """Read one diary file (attack log, daily log, event log, any supported export).

    Args:
        data: The file's bytes.
        file: Its name as the user knows it (used in every issue).
        mapping: Header as written → field, for headers the alias table does not know.
        date_order: The user's date order for slash dates; ``None`` decides from the data.
        scales: Header as written → pain scale (``"1-5"``), from ``--scale``.
        today: The day the file is read: rows dated after the next day are rejected
            (``date-in-future``). ``None`` checks no date against the clock (tnprep's analysis
            never reads it; the command line and the app pass it).

    Raises:
        InputError: the file is not a pain diary at all (not a table, no date, nothing about
            pain, …), with what it looks like.
    """
    options = _Options(mapping or {}, date_order, scales or {}, today)
    if data.startswith(b"PK\x03\x04"):
        return workbooks.read_workbook(
            data, file, lambda table: _read_source(table, {}, None, options)
        )
    text, encoding = decode_text(data, file)
    export = migraine_buddy.find_attack_table(text)
    if export is None:  # the text already decoded is split, not the bytes decoded again
        utf8 = utf8_bytes(data, encoding)
        table = parse_text_table(text, file, encoding, sniff_delimiter(text), utf8=utf8)
        return _read_source(table, {}, None, options)
    table = parse_text_table(text, file, encoding, export.delimiter, export.header_record)
    exported = replace(options, known_export=True)
    diary_file = _read_source(table, migraine_buddy.MAPPING, migraine_buddy.DATE_ORDER, exported)
    ongoing = migraine_buddy.ongoing_notices(text, export, table, diary_file.table["row"])
    issues = sorted((*diary_file.issues, *ongoing), key=Issue.sort_key)
    return replace(diary_file, issues=tuple(issues))


@dataclass(frozen=True)
class _Options:
    mapping: Mapping[str, str]
    date_order: DateOrder | None
    scales: Mapping[str, str]
    today: dt.date | None
    known_export: bool = False
    """A known export (Migraine Buddy) whose format states its pain scale (0–10)."""


def _read_source(
    table: Table, fixed_mapping: dict[str, str], fixed_order: DateOrder | None, options: _Options
) -> DiaryFile:
    """One table (a text file or one sheet) read as a diary."""
    with distinct.one_table():  # a column looked at twice is stripped and factorised once
        return _read_table(table, fixed_mapping, fixed_order, options)


def _read_table(
    table: Table, fixed_mapping: dict[str, str], fixed_order: DateOrder | None, options: _Options
) -> DiaryFile:
    """``_read_source`` itself."""
    explicit = {**fixed_mapping, **options.mapping}
    checked = check_columns(table, match_columns(table.header, explicit), explicit)
    match, split = checked.match, None
    type_position = None if fixed_mapping else event_log.type_column(table)
    if type_position is not None:
        split = event_log.split_events(table, type_position)
        match = _without(match, type_position)
        _refuse_eventless(table, split)
        work = event_log.keep_rows(table, split.attack_rows)
    else:
        refuse_unless_pain(table, match)
        work = table
    shape = _shape(table, match)
    shape_issues = shape_fields.check(table, match, shape, ATTACK_ONLY_FIELDS)
    decision = _order(_date_cells(work, match), options.date_order, fixed_order)
    issues = RowIssues(work)
    second_tables.reject(work, match, issues)
    scale: PainScale | None = None
    no_pain: tuple[tuple[str, int], ...] = ()
    no_pain_issues: tuple[Issue, ...] = ()
    no_pain_days: tuple[dt.date, ...] = ()
    if shape is DiaryShape.ATTACK_LOG:
        frame, scale = _attack_rows(work, match, decision, issues, options=options, split=split)
        empty = empty_rows.set_aside(frame, work, match)
        frame = empty.frame
        no_pain_days = tuple(sorted({*no_pain_rows.days(frame), *empty.no_attack_days}))
        frame, count, notice = no_pain_rows.set_aside(
            frame, table.file, _header_of(table, match, "intensity")
        )
        no_pain = empty.kinds + (((no_pain_rows.NO_PAIN_KIND, count),) if count else ())
        no_pain_issues = empty.issues + (() if notice is None else (notice,))
        if count and scale is not None and scale.source == scales_module.NOT_STATED:
            # the line's range describes the attacks the figures count
            scale = scales_module.not_stated(frame["intensity"], scale.column)
    else:
        frame = _day_rows(work, match, decision, issues, options)
        headers = {field: _header_of(table, match, field) for field in DAY_PAIN_FIELDS}
        scale = day_scale(
            {field: header for field, header in headers.items() if header is not None},
            frame,
            options.scales,
        )
    info = DiaryInfo(
        kind=_kind(shape, split, frame),
        other_kinds=(() if split is None else split.other_kinds) + no_pain,
        medicine_events=() if split is None else split.medicine_events,
        medicine_by_day=()
        if split is None
        else event_log.medicine_by_day(split, _date_cells(table, match), decision.order),
        pain_names=_pain_names(table, match, shape, split),
        scale=scale,
        logged_days=()
        if split is None
        else event_log.logged_days(_date_cells(table, match), decision.order),
        no_pain_days=no_pain_days,
    )
    return DiaryFile(
        file=table.file,
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
        issues=(*table.issues, *checked.issues,
                *_file_issues(table, match, decision, bool(fixed_mapping), split),
                *shape_issues, *issues.collected(), *no_pain_issues),
        info=info,
    )  # fmt: skip


def _pain_names(
    table: Table, match: ColumnMatch, shape: DiaryShape, split: event_log.EventSplit | None
) -> tuple[tuple[str, int, str], ...]:
    """Each named attack row's name: an event log's pain rows, or an attack log's type column."""
    if split is not None:
        return event_log.pain_names(table.file, split)
    if shape is DiaryShape.ATTACK_LOG:
        return event_log.type_names(table, match.fields)
    return ()


def _header_of(table: Table, match: ColumnMatch, field: str) -> str | None:
    """The header as written of the column matched to ``field``, if any."""
    return next((table.header[p] for p, name in match.fields.items() if name == field), None)


def _without(match: ColumnMatch, position: int) -> ColumnMatch:
    """The match without the event-type column (it says what a row is, not a pain type)."""
    fields = {key: name for key, name in match.fields.items() if key != position}
    return replace(match, fields=fields, ignored=tuple(p for p in match.ignored if p != position))


def _refuse_eventless(table: Table, split: event_log.EventSplit) -> None:
    if split.attack_rows.any():
        return
    kinds = ", ".join(f"{kind} {count}" for kind, count in split.other_kinds[:6])
    raise InputError(
        table.file,
        "is not a pain diary: it is an event log (a row per event, with a "
        f"'{table.header[split.type_position]}' column) with no pain, headache or attack rows "
        f"(rows by kind: {kinds}).",
    )


def _kind(shape: DiaryShape, split: event_log.EventSplit | None, frame: pd.DataFrame) -> str:
    if split is not None:
        return "event log"
    if shape is DiaryShape.ATTACK_LOG and len(frame) and bool(frame["time_unknown"].all()):
        return "date-only log"
    return shape.value


def combine_diaries(files: Sequence[DiaryFile]) -> Diary:
    """Combine diary files, counting exact duplicate attacks once (the first copy is kept)."""
    attack_tables = [item.table for item in files if item.shape is DiaryShape.ATTACK_LOG]
    day_tables = [item.table for item in files if item.shape is DiaryShape.DAILY_LOG]
    attacks = concat_frames(attack_tables, attack_frame())
    duplicate, first_file, first_row = find_duplicates(attacks)
    issues = [duplicate_issue(attacks, index, first_file, first_row) for index in duplicate]
    kept = _sorted(attacks.drop(index=duplicate) if duplicate else attacks, "start")
    issues += day_only_overlaps(kept) + day_only_repeats(kept)
    days = _sorted(concat_frames(day_tables, day_frame()), "date")
    all_issues = [issue for item in files for issue in item.issues] + issues
    return Diary(
        files=tuple(files),
        attacks=kept.reset_index(drop=True),
        days=days.reset_index(drop=True),
        duplicates=len(duplicate),
        issues=tuple(sorted(all_issues, key=Issue.sort_key)),
    )


def _sorted(frame: pd.DataFrame, time: str) -> pd.DataFrame:
    """The frame ordered by time, file and row (stable); as it is when the times already rise.

    A diary written in order (no two rows at the same moment) is already in that order, and a
    sort would only copy its every column.
    """
    stamps = frame[time].to_numpy(dtype="datetime64[ns]").view("int64")
    if not frame[time].isna().any() and bool((stamps[1:] > stamps[:-1]).all()):
        return frame
    return frame.sort_values([time, "file", "row"], kind="stable")


def read_diaries(
    sources: Sequence[tuple[str, bytes]],
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
    scales: Mapping[str, str] | None = None,
) -> Diary:
    """Read several diary files and combine them (``InputError`` from the first unreadable one)."""
    return combine_diaries(
        [read_diary(data, name, mapping=mapping, date_order=date_order, scales=scales)
         for name, data in sources]
    )  # fmt: skip


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
    table: Table,
    match: ColumnMatch,
    decision: OrderDecision,
    issues: RowIssues,
    *,
    options: _Options,
    split: event_log.EventSplit | None,
) -> tuple[pd.DataFrame, PainScale | None]:
    by_field = {name: position for position, name in match.fields.items()}
    starts = attack_starts(table, by_field, decision, issues)
    date_position = by_field["date"] if "date" in by_field else by_field["start"]
    _reject_misdated(issues, date_position, starts.start, options.today)
    columns = field_readers.attack_columns(table, match, issues)
    scale: PainScale | None = None
    if "intensity" in by_field:
        columns["intensity"], scale = read_intensity(
            table,
            by_field["intensity"],
            issues,
            options.scales,
            format_states_scale=options.known_export,
        )
    elif split is not None:
        scale = _event_name_scale(table, split)
    if "end" in by_field and "duration" not in by_field:
        columns["duration_s"] = durations_from_end(table, by_field["end"], starts, decision, issues)
    elif "end" in by_field:
        columns["duration_s"] = end_fill.fill_from_end(
            table, (by_field["end"], by_field["duration"]), columns["duration_s"], starts,
            (decision, issues),
        )  # fmt: skip
    columns = {**columns, "start": starts.start, "time_unknown": starts.time_unknown}
    kept = starts.start.notna() & ~issues.rejected_rows()
    return attack_frame(_kept_rows(table, issues, columns, kept)), scale


def _event_name_scale(table: Table, split: event_log.EventSplit) -> PainScale | None:
    """An event log's pain words written after the name ('Headache (Mild)'), kept as words."""
    words = scales_module.word_values(event_log.name_words(split.names[table.cells.index]))
    if words.dropna().empty:
        return None
    return scales_module.word_scale(words, "event names", "event names")


def _day_rows(
    table: Table,
    match: ColumnMatch,
    decision: OrderDecision,
    issues: RowIssues,
    options: _Options,
) -> pd.DataFrame:
    position = next(position for position, name in match.fields.items() if name == "date")
    dates = parse_dates(table.cells[position], decision.order, with_time=False)
    issues.reject_unreadable(position, dates, "date", decision)
    _reject_misdated(issues, position, dates, options.today)
    columns = field_readers.day_columns(table, match, issues, options.scales)
    kept = dates.notna() & ~issues.rejected_rows()
    return day_frame(_kept_rows(table, issues, {**columns, "date": dates}, kept))


def _reject_misdated(
    issues: RowIssues, position: int, dates: pd.Series, today: dt.date | None
) -> None:
    """Reject rows dated after tomorrow, then rows dated apart from the rest of the file.

    The second looks only at the rows still kept, so a year typed into the future does not
    make the diary's own stretch look apart (``stray_dates``).
    """
    if today is not None:
        issues.reject_after(position, dates, today)
    apart = stray_dates.dated_apart(dates.where(~issues.rejected_rows().to_numpy(dtype=bool)))
    if apart.mask.any():
        issues.reject(position, apart.mask, IssueCode.DATE_APART, apart.message())


def _kept_rows(
    table: Table, issues: RowIssues, columns: dict[str, pd.Series], kept: pd.Series
) -> dict[str, Sequence[Any] | pd.Series]:
    """The columns of the rows whose date could be read, with their file and row number.

    Field issues of rejected rows are forgotten: the rejection is the one issue such a row gets.
    """
    issues.keep_only(kept)
    every = bool(kept.all())  # then no column (nor the row numbers) is copied row by row
    rows = table.cells.index if every else table.cells.index[kept.to_numpy(dtype=bool)]
    return {
        **{name: values if every else values[kept] for name, values in columns.items()},
        "file": _repeated(table.file, int(kept.sum())),
        "row": pd.Series(rows, dtype="int64"),
    }


def _repeated(text: str, length: int) -> pd.Series:
    """``length`` copies of one text as a 'string' Series, repeated in Arrow (no Python list).

    ``pa.repeat`` writes the copies directly; a ``take`` by ``length`` zero positions first
    read ~3 MB of positions for a ten-year diary (issue 15).
    """
    import pyarrow as pa  # type: ignore[import-untyped]  # noqa: PLC0415 - imported by pandas

    cells = pa.repeat(pa.scalar(text, type=pa.large_string()), length)
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([cells])), copy=False)


def _file_issues(
    table: Table,
    match: ColumnMatch,
    decision: OrderDecision,
    known_export: bool,
    split: event_log.EventSplit | None,
) -> list[Issue]:
    issues = []
    if decision.source is DateOrderSource.ASSUMED:
        issues.append(Issue(
            code=IssueCode.DATE_ORDER_ASSUMED, file=table.file, row=None, column=None, value=None,
            message="Every date in this file could be day-first or month-first (e.g. 03/04); they "
            "were read day-first. If that is wrong, choose month-first (--monthfirst, or in the "
            "app).",
        ))  # fmt: skip
    if split is not None:
        issues.append(_event_log_notice(table, split))
    durations = [position for position, name in match.fields.items() if name == "duration"]
    clocks = [clock_duration_notice(table, position) for position in durations]
    issues.extend(notice for notice in clocks if notice is not None)
    if not known_export:
        named = [position for position in match.ignored if table.header[position]]
        unnamed = len(match.ignored) - len(named)
        issues.extend(
            Issue(code=IssueCode.COLUMN_IGNORED, file=table.file, row=1,
                  column=table.header[position], value=None,
                  message="This column matches no diary field and was not used; if it holds one, "
                  f"map it with --map \"{table.header[position]}=field\" or in the app.")
            for position in named
        )  # fmt: skip
        if unnamed:
            issues.append(Issue(
                code=IssueCode.COLUMNS_UNNAMED, file=table.file, row=1, column=None, value=None,
                message=f"{unnamed} column{'s have' if unnamed > 1 else ' has'} no header and "
                f"{'were' if unnamed > 1 else 'was'} not used; give a column a header in the "
                "file if it holds diary data.",
            ))  # fmt: skip
    issues.extend(
        Issue(code=IssueCode.COLUMN_REPEATED, file=table.file, row=1,
              column=table.header[position], value=None,
              message=f"Another column already gives '{name}'; this one was not used.")
        for position, name in match.duplicated
    )  # fmt: skip
    return issues


def _event_log_notice(table: Table, split: event_log.EventSplit) -> Issue:
    kinds = ", ".join(f"{kind} {count}" for kind, count in split.other_kinds)
    return Issue(
        code=IssueCode.EVENT_LOG, file=table.file, row=1,
        column=table.header[split.type_position], value=None,
        message=f"An event log: only its {int(split.attack_rows.sum())} pain rows are attacks"
        f"{_attack_names(split)}; the other rows are counted by kind, not as attacks ({kinds}).",
    )  # fmt: skip


def _attack_names(split: event_log.EventSplit) -> str:
    """' (by name: cluster headache 134, migraine 5)' when the pain rows have names, else ''.

    Every pain row counts as an attack whatever it is called, so a reader must see when a
    migraine or another headache is counted beside the attacks the log is kept for.
    """
    names = split.names[split.attack_rows.to_numpy(dtype=bool)].str.strip().str.casefold()
    counts = names[names.ne("")].value_counts()
    if counts.empty:
        return ""
    return " (by name: " + ", ".join(f"{name} {count}" for name, count in counts.items()) + ")"

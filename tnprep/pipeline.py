"""The one recipe: files' bytes → PatientData → Summary (STYLE habit 0).

Per-file readers return what they read or an ``Unreadable`` value (file, reason); ``assemble``
joins what was read into ``PatientData``, with an issue for every file left out and a plain
assumption line for every column the user mapped by hand. ``load_patient`` = read each +
assemble. ``left_out`` is the one list of every file left out of a patient's page: files that
could not be read and earlier summaries not compared, each an ``Unreadable``. The app
(``tnprep/app/``), ``check``, ``report`` and ``batch`` all call these; none rebuilds them.

Pure: callers read the files and pass bytes and names; "today" is a parameter.

The analysis, the summary and the earlier-visit readers are imported when first used, so
``tnprep check`` (which only reads and assembles) does not load them at start-up (issue 15).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tnprep.ingest.columns import normalise_header
from tnprep.ingest.diary import combine_diaries, read_diary
from tnprep.ingest.questionnaire import read_questionnaires
from tnprep.ingest.treatments import read_treatments
from tnprep.issues import InputError, Issue, IssueCode
from tnprep.model import Answers, DateOrder, DiaryFile, Loaded, PatientData, SilenceRule, Treatment

if TYPE_CHECKING:
    from tnprep.summary import Summary
    from tnprep.visits import PreviousReading

Source = tuple[str, bytes]
"""A file as (name as the user knows it, bytes)."""

MappingPairs = tuple[tuple[str, str], ...]
"""A user's column mapping for one file: (header as written in the file, field or 'ignore')."""


EARLIER_SUMMARY = "earlier summary"
"""``Unreadable.role`` of a last visit's summary that was not compared (``--previous``)."""


@dataclass(frozen=True)
class Unreadable:
    """A file left out whole; the page is built from the rest (SPEC exit 1).

    Either a file that could not be read at all, or an earlier visit's summary that was not
    compared (role ``EARLIER_SUMMARY``: damaged, another patient's, after this period).
    """

    file: str
    """The file's name as the user supplied it."""
    role: str
    """What it was given as: 'diary', 'treatment history', 'questionnaire', 'earlier summary'
    (or 'file')."""
    reason: str
    """The reader's reason, as the reader gave it (an ``InputError`` reason), without the name."""

    @property
    def earlier_summary(self) -> bool:
        """True for a last visit's summary that was not compared.

        The page is whole without it, so the command line warns (and the 'since' strip names
        it) rather than the band at the top of the page.
        """
        return self.role == EARLIER_SUMMARY

    @property
    def message(self) -> str:
        """One line naming the file and the reason, for stderr and the app."""
        return f"{self.file}: {self.reason}"

    def issue(self) -> Issue:
        """The whole-file issue listed with the others (and named at the top of the page)."""
        return Issue(
            code=IssueCode.FILE_LEFT_OUT,
            file=self.file,
            row=None,
            column=None,
            value=None,
            message=f"This file was left out whole: {self.reason}",
        )


@dataclass(frozen=True)
class Sources:
    """Every file supplied for one patient."""

    diaries: Sequence[Source] = ()
    treatments: Sequence[Source] = ()
    questionnaires: Sequence[Source] = ()
    unrecognised: Sequence[Unreadable] = ()
    """Files whose kind could not even be told (batch reads folders by content)."""
    previous: Sequence[Source] = ()
    """Earlier visits' summary JSONs (``--previous``, the app's "Last visit's summary")."""


def _no_previous() -> PreviousReading:
    """No earlier visit (``Readings``' default), built when first needed."""
    from tnprep.visits import PreviousReading  # noqa: PLC0415 - not loaded by `check`

    return PreviousReading()


@dataclass(frozen=True)
class Readings:
    """One patient's files as read, before they are joined: the input of ``assemble``."""

    diaries: tuple[DiaryFile, ...] = ()
    treatments: Loaded[Treatment] = dataclasses.field(default_factory=lambda: Loaded(()))
    answers: Loaded[Answers] = dataclasses.field(default_factory=lambda: Loaded(()))
    """At most one merged ``Answers`` record (none when no questionnaire was read)."""
    unreadable: tuple[Unreadable, ...] = ()
    """Files left out whole, in the order they were given."""
    user_mappings: tuple[tuple[str, MappingPairs], ...] = ()
    """Per diary file name, the columns the user mapped by hand."""
    sample: bool = False
    """True when a file is one of the built-in sample's (``tnprep.samples.is_sample_data``)."""
    previous: PreviousReading = dataclasses.field(default_factory=_no_previous)
    """The earlier visits' summaries as read (``summarise_patient`` compares with them)."""


# ---------------------------------------------------------------------------
# Per-file readers: a record, or an Unreadable value
# ---------------------------------------------------------------------------


def read_diary_file(
    source: Source,
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
    scales: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> DiaryFile | Unreadable:
    """Read one diary file, or say why it cannot be read (``today``: see ``read_diary``)."""
    name, data = source
    try:
        return read_diary(
            data, name, mapping=mapping, date_order=date_order, scales=scales, today=today
        )
    except InputError as error:
        return Unreadable(name, "diary", error.reason)


def read_treatment_file(
    source: Source, *, date_order: DateOrder | None = None
) -> Loaded[Treatment] | Unreadable:
    """Read one treatment history, or say why it cannot be read."""
    name, data = source
    try:
        return read_treatments(data, name, date_order=date_order)
    except InputError as error:
        return Unreadable(name, "treatment history", error.reason)


def check_questionnaire_file(source: Source) -> Source | Unreadable:
    """Return ``source`` when it reads as a questionnaire, else why it cannot be read.

    Questionnaires are merged across files (later answers win), so the readable files are read
    together by ``read_answers``.
    """
    try:
        read_questionnaires([source])
    except InputError as error:
        return Unreadable(source[0], "questionnaire", error.reason)
    return source


def read_answers(readable: Sequence[Source], today: dt.date | None = None) -> Loaded[Answers]:
    """Read and merge the readable questionnaire files (none: no record; ``today``: above)."""
    return read_questionnaires(list(readable), today) if readable else Loaded(())


def read_sources(
    sources: Sources,
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
    scales: Mapping[str, str] | None = None,
    today: dt.date | None = None,
) -> Readings:
    """Read each file of one patient; a file that cannot be read becomes an ``Unreadable``.

    Args:
        sources: The patient's files.
        mapping: ``--map`` pairs (header → field or 'ignore'), applied to every diary.
        date_order: The user's date order, or ``None`` to decide per file from the data.
        scales: ``--scale`` pairs (header → scale such as ``1-5``), applied to every diary.
        today: The day the files are read; diary rows dated after the next day are rejected
            (``read_diary``), a form's date after it dropped (``read_questionnaires``). The
            command line and the app pass it.
    """
    from tnprep.ingest.previous import read_previous_visits  # noqa: PLC0415 - not loaded by `check`
    from tnprep.samples import is_sample_data  # noqa: PLC0415 - it imports this module

    diaries = [read_diary_file(item, mapping=mapping, date_order=date_order, scales=scales,
                               today=today)
               for item in sources.diaries]  # fmt: skip
    treatments = [read_treatment_file(item, date_order=date_order) for item in sources.treatments]
    checked = [check_questionnaire_file(item) for item in sources.questionnaires]
    read = [item for item in diaries if isinstance(item, DiaryFile)]
    return Readings(
        diaries=tuple(read),
        treatments=join_loaded([item for item in treatments if isinstance(item, Loaded)]),
        answers=read_answers([item for item in checked if not isinstance(item, Unreadable)], today),
        unreadable=(
            *sources.unrecognised,
            *(item for item in (*diaries, *treatments, *checked) if isinstance(item, Unreadable)),
        ),
        user_mappings=user_mappings(read, mapping or {}),
        previous=read_previous_visits(sources.previous),
        sample=is_sample_data((*sources.diaries, *sources.treatments, *sources.questionnaires)),
    )


def join_loaded(parts: Sequence[Loaded[Treatment]]) -> Loaded[Treatment]:
    """Join treatment files' records and issues, in file order."""
    return Loaded(
        tuple(record for part in parts for record in part.records),
        tuple(issue for part in parts for issue in part.issues),
    )


def user_mappings(
    files: Sequence[DiaryFile], mapping: Mapping[str, str]
) -> tuple[tuple[str, MappingPairs], ...]:
    """Per file, the ``--map`` pairs whose header the file has, spelled as in the file."""
    wanted = {normalise_header(header): field for header, field in mapping.items()}
    result = []
    for diary_file in files:
        headers = (*(header for header, _ in diary_file.mapping), *diary_file.ignored_columns)
        pairs = tuple(
            (header, wanted[normalise_header(header)])
            for header in headers
            if normalise_header(header) in wanted
        )
        if pairs:
            result.append((diary_file.file, pairs))
    return tuple(result)


# ---------------------------------------------------------------------------
# Assemble
# ---------------------------------------------------------------------------


def assemble(readings: Readings) -> PatientData:
    """Join one patient's readings into ``PatientData`` (the input of the analysis).

    Every file left out whole becomes an issue; every column mapped by hand an assumption line.
    """
    answers = readings.answers.records[0] if readings.answers.records else Answers()
    return PatientData(
        diary=combine_diaries(readings.diaries),
        treatments=readings.treatments.records,
        answers=answers,
        issues=(
            *(item.issue() for item in readings.unreadable),
            *readings.treatments.issues,
            *readings.answers.issues,
        ),
        assumptions=mapping_assumptions(readings.diaries, dict(readings.user_mappings)),
        sample=readings.sample,
    )


def mapping_assumptions(
    files: Sequence[DiaryFile], chosen: Mapping[str, Sequence[tuple[str, str]]]
) -> tuple[str, ...]:
    """One plain line per column the user mapped by hand, for the page and the JSON.

    Lines follow each file's used columns, then its unused ones (so the app's table and the
    command line's ``--map`` order give the same lines), then any other pair as given.

    Args:
        files: The diary files as read.
        chosen: File name → the user's (header, field or 'ignore') pairs for that file.
    """
    lines = []
    for diary_file in files:
        pairs = dict(chosen.get(diary_file.file, ()))
        known = (*(header for header, _ in diary_file.mapping), *diary_file.ignored_columns)
        ordered = [header for header in known if header in pairs]
        ordered += [header for header in pairs if header not in ordered]
        for header in ordered:
            what = "not used" if pairs[header] == "ignore" else f"read as {pairs[header]}"
            lines.append(f"{diary_file.file}: column '{header}' {what} (set by the user)")
    return tuple(lines)


def load_patient(
    sources: Sources,
    *,
    mapping: Mapping[str, str] | None = None,
    date_order: DateOrder | None = None,
    scales: Mapping[str, str] | None = None,
) -> PatientData:
    """Read every file of one patient and assemble them (files that cannot be read are issues)."""
    return assemble(read_sources(sources, mapping=mapping, date_order=date_order, scales=scales))


def with_edits(
    readings: Readings,
    *,
    treatments: Loaded[Treatment] | None = None,
    answers: Answers | None = None,
) -> Readings:
    """Readings with the app's edited treatment table and questionnaire form in place."""
    changed = readings
    if treatments is not None:
        changed = dataclasses.replace(changed, treatments=treatments)
    if answers is not None:
        changed = dataclasses.replace(changed, answers=Loaded((answers,), readings.answers.issues))
    return changed


def summarise_patient(
    data: PatientData,
    *,
    start: dt.date | None,
    end: dt.date | None,
    today: dt.date,
    previous: PreviousReading | None = None,
    silences: SilenceRule = SilenceRule.ATTACK_FREE,
) -> Summary:
    """Compute the Summary of ``data`` for the period ``start``–``end`` (inclusive).

    With ``previous`` (``Readings.previous``) the summary also says what changed since the
    latest usable earlier visit (``Summary.since``); each one left out becomes an input issue.
    ``silences`` says how the days of an attack log's long silences count (``--silences``).
    """
    from tnprep.analysis import summarise  # noqa: PLC0415 - not loaded by `check`
    from tnprep.analysis.since import with_since  # noqa: PLC0415

    summary = summarise(data, start=start, end=end, today=today, silences=silences)
    if data.sample:
        summary = dataclasses.replace(summary, sample=True)
    return summary if previous is None else with_since(summary, previous)


def left_out(readings: Readings, summary: Summary) -> tuple[Unreadable, ...]:
    """Every file left out of the patient's page, in one list (the command line's one loop).

    Files that could not be read (``readings.unreadable``, in the order given), then earlier
    summaries that were not compared (``summary.since.left_out``: refused when read, or by the
    comparison — another patient's, after this period). Any of them makes the run partial.
    """
    refused = summary.since.left_out if summary.since is not None else ()
    earlier = (Unreadable(item.file, EARLIER_SUMMARY, item.reason) for item in refused)
    return (*readings.unreadable, *earlier)


def has_content(data: PatientData) -> bool:
    """True when anything at all was read: a diary row, a treatment, or an answer."""
    return bool(data.diary.rows_used or data.treatments or data.answers != Answers())

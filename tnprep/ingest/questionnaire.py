"""Questionnaire files (CSV/XLSX ``item,answer``, a JSON object, FHIR R4) → one merged ``Answers``.

Each file is recognised by its content. Answers are read in file order and row order; for a
single-valued item a later answer replaces an earlier one with a NOTICE naming both places;
``question`` and ``interested_in`` accumulate (exact repeats once). An answer that cannot be
read is dropped with a DROPPED issue; unknown items are kept in ``Answers.other``.
docs/questionnaires.md describes the forms, the items and the issue codes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tnprep.ingest import fhir
from tnprep.ingest.answer_items import (
    GAD7_ITEMS,
    ITEMS,
    PHQ9_ITEMS,
    RawAnswer,
    answers_to_rows,
    match_item,
)
from tnprep.ingest.answer_values import (
    REPEATABLE,
    ItemKind,
    Parsed,
    Rejection,
    answer_text,
    parse_answer,
)
from tnprep.ingest.columns import normalise_header
from tnprep.ingest.decode import decode_text, read_table
from tnprep.ingest.treatments_refusal import fhir_refusal
from tnprep.ingest.wording import item_by_wording
from tnprep.issues import InputError, Issue, IssueCode, clip
from tnprep.model import Administration, Answers, Loaded, MriContact

__all__ = ["answers_to_rows", "read_questionnaires"]

ITEM_HEADERS = ("item", "items", "field", "key")
"""Header keys naming the item column of an ``item,answer`` CSV."""
ANSWER_HEADERS = ("answer", "answers", "value", "response")
"""Header keys naming the answer column."""
_XLSX_SIGNATURE = b"PK\x03\x04"
_FORMS_HINT = (
    "A questionnaire is a CSV with the columns item,answer, a JSON object such as "
    '{"phq9_1": 2}, or a FHIR QuestionnaireResponse.'
)


def read_questionnaires(
    files: Sequence[tuple[str, bytes]], today: dt.date | None = None
) -> Loaded[Answers]:
    """Read and merge questionnaire files, later files winning for the same item.

    Args:
        files: (file name, bytes) pairs in the order the user gave them.
        today: The day the files are read: a form's date or a date of birth after the next day
            is dropped with an issue (``answer-date-in-future``), so the form counts as undated.
            ``None`` checks no date against the clock (the command line and the app pass it).

    Returns:
        Exactly one merged ``Answers`` record (empty when there is nothing) and the issues.

    Raises:
        InputError: a file is not a questionnaire at all (not JSON/CSV, wrong columns).
    """
    latest = None if today is None else today + dt.timedelta(days=1)
    merge = _Merge(latest=latest)
    issues: list[Issue] = []
    administrations: list[Administration] = []
    for file, data in files:
        entries, file_issues = read_entries(file, data)
        merge.issues = file_issues
        for entry in entries:
            merge.add(entry)
        found = file_administrations(file, entries, latest)
        administrations.extend(found)
        merge.issues.extend(stated_total_issues(found))
        # Row order within each file (stable: JSON and FHIR issues keep their document order).
        issues.extend(sorted(merge.issues, key=lambda issue: issue.row or 0))
    answers = dataclasses.replace(merge.answers(), administrations=tuple(administrations))
    return Loaded((answers,), tuple(issues))


def file_administrations(
    file: str, entries: Sequence[RawAnswer], latest: dt.date | None = None
) -> list[Administration]:
    """The PHQ-9 and GAD-7 one file gives, each scored as a unit (SPEC *Scores*).

    Items are read again file by file so that two files are never mixed into one total; the
    date is the file's ``questionnaire_date`` (FHIR ``authored``), none when after ``latest``.
    """
    alone = _Merge(latest=latest)
    for entry in entries:
        alone.add(entry)
    answers = alone.answers()
    found = []
    for scale in ("phq9", "gad7"):
        items: tuple[int | None, ...] = getattr(answers, scale)
        stated = alone.values.get(f"{scale}_total")
        total = stated[0] if stated is not None and isinstance(stated[0], int) else None
        if any(value is not None for value in items):
            found.append(Administration(scale, file, answers.questionnaire_date, items, total))
    return found


def stated_total_issues(administrations: Sequence[Administration]) -> list[Issue]:
    """A NOTICE for each administration whose stated total differs from its items' sum."""
    issues = []
    for administration in administrations:
        stated = administration.stated_total
        answered = [value for value in administration.items if value is not None]
        if stated is None or sum(answered) == stated:
            continue
        name = "PHQ-9" if administration.scale == "phq9" else "GAD-7"
        complete = len(answered) == len(administration.items)
        ours = f"the items add up to {sum(answered)}" if complete else (
            f"only {len(answered)} of {len(administration.items)} items are answered "
            f"(at least {sum(answered)})"
        )  # fmt: skip
        shown = "the total of the items" if complete else (
            f"at least {sum(answered)}, from the answered items"
        )  # fmt: skip
        issues.append(
            Issue(
                code=IssueCode.STATED_TOTAL_DIFFERS,
                file=administration.file,
                row=None,
                column=f"{administration.scale}_total",
                value=str(stated),
                message=f"The file states a {name} total of {stated}, but {ours}; tnprep shows "
                f"{shown}.",
            )
        )
    return issues


def read_entries(file: str, data: bytes) -> tuple[list[RawAnswer], list[Issue]]:
    """Return one file's answers as written, in file order, with the file's structural issues.

    Raises:
        InputError: the file is not a questionnaire at all.
    """
    if not data.startswith(_XLSX_SIGNATURE):
        text, _ = decode_text(data, file)
        if text.lstrip().startswith(("{", "[")):
            return _json_entries(file, text)
    return _table_entries(file, data)


def _json_entries(file: str, text: str) -> tuple[list[RawAnswer], list[Issue]]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            file,
            f"is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg}). "
            "Check for a missing comma or quote, or save the answers as CSV with the columns "
            "item,answer.",
        ) from error
    except (ValueError, RecursionError) as error:  # a huge number or absurd nesting
        raise InputError(file, "is JSON this program cannot read. " + _FORMS_HINT) from error
    if not isinstance(value, dict):
        raise InputError(file, "is JSON but not a questionnaire. " + _FORMS_HINT)
    kind = value.get("resourceType")
    if kind == "QuestionnaireResponse":
        return fhir.read_response(value, file)
    if isinstance(kind, str):  # the same words on every option (no "pass it with …" loop)
        raise fhir_refusal(file, kind)
    return [
        entry for key, answer in value.items() for entry in _object_entries(file, key, answer)
    ], []


def _object_entries(file: str, key: str, answer: object) -> list[RawAnswer]:
    """One JSON member as answers; ``"phq9": [9 numbers]`` (or GAD-7's 7) is its items in order."""
    lengths = {"phq9": PHQ9_ITEMS, "gad7": GAD7_ITEMS}
    scale = normalise_header(key)
    if isinstance(answer, list) and len(answer) == lengths.get(scale):
        return [
            RawAnswer(f"{scale}_{number}", element, file, None, f"{key} {number}")
            for number, element in enumerate(answer, start=1)
        ]
    return [RawAnswer(key, answer, file, None, key)]


def _table_entries(file: str, data: bytes) -> tuple[list[RawAnswer], list[Issue]]:
    table = read_table(data, file)
    keys = [normalise_header(header) for header in table.header]
    item_column = next((keys.index(name) for name in ITEM_HEADERS if name in keys), None)
    answer_column = next((keys.index(name) for name in ANSWER_HEADERS if name in keys), None)
    if item_column is None or answer_column is None:
        raise InputError(
            file,
            "is not a questionnaire: its first row must name the columns item and answer. "
            "Add the line item,answer at the top.",
        )
    answer_header = table.header[answer_column]
    entries, issues = [], list(table.issues)
    rows = table.cells.itertuples(index=False, name=None)
    for row, cells in zip(table.cells.index.tolist(), rows, strict=True):
        item, answer = answer_text(cells[item_column]), cells[answer_column]
        if item is not None:
            entries.append(RawAnswer(item, answer, file, int(row), answer_header))
        elif answer_text(answer) is not None:
            issues.append(_no_item_issue(file, int(row), answer_header, answer))
    return entries, issues


def _no_item_issue(file: str, row: int, column: str, answer: object) -> Issue:
    return Issue(
        code=IssueCode.ITEM_MISSING,
        file=file,
        row=row,
        column=column,
        value=clip(answer_text(answer)),
        message="The answer has no item name, so it was dropped. Write the item in the first "
        "column.",
    )


_NOT_AFTER_TODAY = frozenset({"questionnaire_date", "date_of_birth"})
"""Dates that cannot be after the day the files are read (a visit date can: it may be planned).
A PHQ-9 dated 30 Oct 2062 (a mistyped 2026) was printed 'answered 30 Oct 2062' and taken as the
latest form."""


@dataclass
class _Merge:
    """Answers accumulated over files in order (mutable; used inside ``read_questionnaires``)."""

    values: dict[str, tuple[Parsed, RawAnswer]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(
        default_factory=lambda: {"question": [], "interested_in": []}
    )
    other: list[tuple[str, str]] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    latest: dt.date | None = None
    """A form's date or a date of birth after this day is dropped (``_still_to_come``)."""

    def add(self, entry: RawAnswer) -> None:
        """Read one answer and merge it in.

        An item not known by name may be a PHQ-9 / GAD-7 item written out in its standard words
        (a spreadsheet export with the questions as items): it is matched by its wording, so a
        PHQ-9 item 9 above 0 is flagged whatever the file calls it.
        """
        key = match_item(entry.item) or item_by_wording(entry.item, None)
        if key is None:
            self._add_other(entry)
            return
        kind = ITEMS[key]
        if kind in REPEATABLE and isinstance(entry.answer, list):
            for element in entry.answer:
                self._add_parsed(key, kind, entry, element)
            return
        self._add_parsed(key, kind, entry, entry.answer)

    def _add_parsed(self, key: str, kind: ItemKind, entry: RawAnswer, answer: object) -> None:
        parsed = parse_answer(kind, answer)
        if parsed is None:
            return
        if key in _NOT_AFTER_TODAY and self._still_to_come(parsed):
            parsed = Rejection(
                IssueCode.ANSWER_DATE_IN_FUTURE,
                f"the date is after {self.latest}, the day after the files were read: a form is "
                "not filled in, nor a patient born, on a day still to come (the form counts as "
                "undated)",
            )
        if isinstance(parsed, Rejection):
            self.issues.append(_rejected(entry, answer, parsed))
        elif kind in REPEATABLE and isinstance(parsed, tuple):
            for text in parsed:
                self._append(key, text, entry)
        else:
            self._replace(key, parsed, entry)

    def _still_to_come(self, parsed: object) -> bool:
        return isinstance(parsed, dt.date) and self.latest is not None and parsed > self.latest

    def _replace(self, key: str, value: Parsed, entry: RawAnswer) -> None:
        previous = self.values.get(key)
        if previous is not None and previous[0] != value:
            self.issues.append(_replaced(key, previous, value, entry))
        self.values[key] = (value, entry)

    def _append(self, key: str, text: str, entry: RawAnswer) -> None:
        if text in self.lists[key]:
            self.issues.append(_repeated(entry, text))
        else:
            self.lists[key].append(text)

    def _add_other(self, entry: RawAnswer) -> None:
        text = _other_text(entry.answer)
        if text is None:
            return
        if (entry.item, text) in self.other:
            self.issues.append(_repeated(entry, text))
        else:
            self.other.append((entry.item, text))

    def answers(self) -> Answers:
        """The merged answers."""
        single: dict[str, Any] = {
            key: value
            for key, (value, _) in self.values.items()
            if ITEMS[key] is not ItemKind.SCORE and key not in _NOT_FIELDS
        }
        return Answers(
            **single,
            phq9_difficulty=self._text("phq9_10"),
            mri_contact=self._mri_contact(),
            phq9=self._scale("phq9", PHQ9_ITEMS),
            gad7=self._scale("gad7", GAD7_ITEMS),
            questions=tuple(self.lists["question"]),
            interested_in=tuple(self.lists["interested_in"]),
            other=tuple(self.other),
        )

    def _text(self, key: str) -> str | None:
        found = self.values.get(key)
        return found[0] if found is not None and isinstance(found[0], str) else None

    def _mri_contact(self) -> MriContact | None:
        """``mri_contact`` as given; else ``mri_done`` no → not done, yes → unknown."""
        contact = self._text("mri_contact")
        if contact is not None:
            return MriContact(contact)
        done = self._text("mri_done")
        if done is None:
            return None
        return MriContact.NOT_DONE if done == "no" else MriContact.UNKNOWN

    def _scale(self, name: str, count: int) -> tuple[int | None, ...]:
        values = (self.values.get(f"{name}_{number}") for number in range(1, count + 1))
        return tuple(
            found[0] if found is not None and isinstance(found[0], int) else None
            for found in values
        )


_NOT_FIELDS = frozenset({"phq9_10", "phq9_total", "gad7_total", "mri_done", "mri_contact"})
"""Items that are not an ``Answers`` field of the same name (read into other fields)."""


def _other_text(answer: object) -> str | None:
    """An unknown item's answer as one text; a JSON list is shown as its elements joined by '; '."""
    if not isinstance(answer, list):
        return answer_text(answer)
    return "; ".join(text for text in map(answer_text, answer) if text is not None) or None


def _where(entry: RawAnswer) -> str:
    return entry.file if entry.row is None else f"{entry.file} (row {entry.row})"


def _rejected(entry: RawAnswer, answer: object, rejection: Rejection) -> Issue:
    return Issue(
        code=rejection.code,
        file=entry.file,
        row=entry.row,
        column=entry.column,
        value=clip(answer_text(answer)),
        message=f"The answer to '{entry.item}' was dropped: {rejection.reason}.",
    )


def _replaced(
    key: str, previous: tuple[Parsed, RawAnswer], value: Parsed, entry: RawAnswer
) -> Issue:
    return Issue(
        code=IssueCode.ANSWER_REPLACED,
        file=entry.file,
        row=entry.row,
        column=entry.column,
        value=clip(_shown(value)),
        message=f"'{key}' was answered '{clip(_shown(previous[0]), 40)}' in {_where(previous[1])} "
        f"and '{clip(_shown(value), 40)}' in {_where(entry)}; "
        + _which_used(key, previous[1], entry),
    )


_SCORED = frozenset({*(f"phq9_{n}" for n in range(1, 10)), *(f"gad7_{n}" for n in range(1, 8))})
"""Items scored per administration (SPEC *Scores*): PHQ-9 items 1–9, GAD-7 items 1–7."""


def _which_used(key: str, previous: RawAnswer, entry: RawAnswer) -> str:
    """What is done with two answers to one item, said in the notice.

    A scored item of two files stays in each file's own score (``file_administrations``); only
    the merged answers (the app's form) take the later one.
    """
    if key not in _SCORED or previous.file == entry.file:
        return "the later answer is used."
    scale = "PHQ-9" if key.startswith("phq9") else "GAD-7"
    return (
        f"each file's {scale} is scored on its own answers (the latest complete one is shown, "
        "with its date, and the page says when an older one differs); the later answer is the "
        "one shown in the app's form."
    )


def _repeated(entry: RawAnswer, text: str) -> Issue:
    return Issue(
        code=IssueCode.ANSWER_REPEATED,
        file=entry.file,
        row=entry.row,
        column=entry.column,
        value=clip(text),
        message=f"'{entry.item}' repeats an earlier answer word for word; it is listed once.",
    )


def _shown(value: Parsed) -> str:
    if isinstance(value, tuple):
        return ", ".join(value)
    return answer_text(value) or ""

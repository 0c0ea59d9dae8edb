"""How each questionnaire answer is read: text, dates, BNI scores, divisions, PHQ-9/GAD-7 points.

A parser takes an answer as written (a text cell, a spreadsheet value or a JSON value) and returns
the typed value, ``None`` for a blank answer, or a ``Rejection`` saying why the answer was dropped.
Nothing is guessed: an ambiguous date or an unknown division drops the answer with an issue.
The accepted spellings are documented in docs/questionnaires.md.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from tnprep.ingest.columns import normalise_header


class ItemKind(Enum):
    """How an item's answer is read."""

    TEXT = "text"
    DATE = "date"
    SIDE = "side"
    DIVISIONS = "divisions"
    BNI_PAIN = "BNI pain score"
    BNI_NUMBNESS = "BNI numbness score"
    SCORE = "PHQ-9/GAD-7 item (0–3)"
    TOTAL = "stated total (whole number)"
    DIFFICULTY = "PHQ-9 item 10 (difficulty)"
    YES_NO = "yes or no"
    MRI_CONTACT = "neurovascular contact on MRI"
    QUESTION = "question (repeatable)"
    INTEREST = "option of interest (repeatable)"


REPEATABLE = frozenset({ItemKind.QUESTION, ItemKind.INTEREST})
"""Kinds whose answers accumulate instead of replacing each other."""

# The four answers printed on both forms, scored 0–3 (Kroenke et al. 2001; Spitzer et al. 2006).
SCORE_WORDS: dict[str, int] = {
    "not at all": 0,
    "several days": 1,
    "more than half the days": 2,
    "nearly every day": 3,
}
"""The standard answer words of PHQ-9 and GAD-7 items and their points."""

# PHQ-9 item 10 (Kroenke et al. 2001; LOINC 69722-7, answer list LL359-1): how difficult the
# problems have made work, home or getting along with other people. Not part of the total.
DIFFICULTY_WORDS: dict[str, str] = {
    "not difficult at all": "not difficult at all",
    "somewhat difficult": "somewhat difficult",
    "very difficult": "very difficult",
    "extremely difficult": "extremely difficult",
    "0": "not difficult at all",
    "1": "somewhat difficult",
    "2": "very difficult",
    "3": "extremely difficult",
}
"""PHQ-9 item 10 answers (words as printed on the form, or their position 0–3)."""

_YES_NO = {
    **dict.fromkeys(("yes", "y", "true", "1", "done"), "yes"),
    **dict.fromkeys(("no", "n", "false", "0", "not done", "none"), "no"),
}
_MRI_CONTACT = {
    **dict.fromkeys(("yes", "y", "true", "contact", "neurovascular contact", "compression",
                     "neurovascular compression"), "yes"),
    **dict.fromkeys(("no", "n", "false", "no contact", "none", "normal"), "no"),
    **dict.fromkeys(("not done", "no mri", "never"), "not done"),
    **dict.fromkeys(("unknown", "not known", "don't know", "dont know", "not sure"), "unknown"),
}  # fmt: skip

# BNI scores (Rogers et al. 2000, Int J Radiat Oncol Biol Phys 47:1013–1019). SPEC keeps the
# unsplit III because many reports use it.
_BNI_PAIN = {
    **dict.fromkeys(("I", "1"), "I"),
    **dict.fromkeys(("II", "2"), "II"),
    **dict.fromkeys(("III", "3"), "III"),
    **dict.fromkeys(("IIIA", "3A"), "IIIa"),
    **dict.fromkeys(("IIIB", "3B"), "IIIb"),
    **dict.fromkeys(("IV", "4"), "IV"),
    **dict.fromkeys(("V", "5"), "V"),
}
_BNI_NUMBNESS = {key: value for key, value in _BNI_PAIN.items() if value in {"I", "II", "IV"}}
_BNI_NUMBNESS.update({"III": "III", "3": "III"})
_BNI_PREFIXES = ("BNI", "PAIN", "NUMBNESS", "FACIAL", "INTENSITY", "SCORE", "GRADE", "CLASS")

_DIVISIONS = {
    **dict.fromkeys(("V1", "1", "OPHTHALMIC"), "V1"),
    **dict.fromkeys(("V2", "2", "MAXILLARY"), "V2"),
    **dict.fromkeys(("V3", "3", "MANDIBULAR"), "V3"),
}
_LIST_SEPARATORS = re.compile(r"[;,|/+&\n\-]+|\s+and\s+|\s+", re.IGNORECASE)
_INTEREST_SEPARATORS = re.compile(r"[;,|\n]+")
_SIDES = {"left": "left", "right": "right", "both": "both"}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.+\-Z]*)?$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_WHOLE_NUMBER = re.compile(r"^[+]?\d+(?:\.0+)?$")


@dataclass(frozen=True)
class Rejection:
    """Why an answer was dropped."""

    code: str
    """Stable issue code (see docs/questionnaires.md)."""
    reason: str
    """Plain-language reason, completing 'The answer was dropped: …'."""


Parsed = str | int | dt.date | tuple[str, ...]
"""A typed answer: text, an item score, a date or a list of texts."""


def answer_text(value: object) -> str | None:
    """Return an answer as text the way the user wrote it, ``None`` when blank."""
    if isinstance(value, str):
        return value.strip() or None
    return None if value is None else _as_text(value)


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a spreadsheet's 2019.0 was typed as 2019
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()  # a spreadsheet date cell
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse_answer(kind: ItemKind, value: object) -> Parsed | Rejection | None:
    """Read one answer of an item of ``kind``.

    Returns:
        The typed value; ``None`` when the answer is blank; a ``Rejection`` when it cannot be read.
    """
    if isinstance(value, dict) and kind is ItemKind.TOTAL:
        return parse_total(value)
    if isinstance(value, list) and kind is not ItemKind.DIVISIONS:
        return (
            Rejection("answer-invalid", "a list of answers where one is expected")
            if value
            else None
        )
    if kind in _VALUE_PARSERS:
        return _VALUE_PARSERS[kind](value)
    text = answer_text(value)
    return None if text is None else _TEXT_PARSERS[kind](text)


_NOT_A_SCORE = Rejection("answer-invalid", "not a whole number from 0 to 3 or a standard answer")


def parse_score(value: object) -> int | Rejection | None:
    """Read a PHQ-9/GAD-7 item: 0–3 as a number or one of the four standard answer words."""
    if isinstance(value, str):
        return _score_text(value)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _score_number(float(value))
    return _NOT_A_SCORE


def _score_text(text: str) -> int | Rejection | None:
    words = " ".join(text.lower().split())
    if not words:
        return None
    if _WHOLE_NUMBER.match(words):
        return _score_number(float(words))
    return SCORE_WORDS.get(words, _NOT_A_SCORE)


def _score_number(number: float) -> int | Rejection:
    if math.isfinite(number) and number.is_integer() and 0 <= number <= 3:
        return int(number)
    return _NOT_A_SCORE


def parse_date(value: object) -> dt.date | Rejection | None:
    """Read a date: ISO (yyyy-mm-dd), dd.mm.yyyy, or a slash date only when unambiguous."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = answer_text(value)
    if text is None:
        return None
    if match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DOTTED_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _SLASH_DATE.match(text):
        return _slash_date(*(int(part) for part in match.groups()))
    else:
        return Rejection(
            "answer-date-unreadable", "not a date (write it as yyyy-mm-dd or dd.mm.yyyy)"
        )
    return _calendar_date(year, month, day)


def _slash_date(first: int, second: int, year: int) -> dt.date | Rejection:
    # SPEC: a first part over 12 means day-first, a second part over 12 month-first. A single
    # date gives no other evidence, so anything else is not guessed.
    if first > 12 >= second or first == second:
        return _calendar_date(year, second, first)
    if second > 12 >= first:
        return _calendar_date(year, first, second)
    return Rejection(
        "answer-date-ambiguous",
        "the date could be day/month or month/day (write it as yyyy-mm-dd or dd.mm.yyyy)",
    )


def _calendar_date(year: int, month: int, day: int) -> dt.date | Rejection:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return Rejection("answer-date-unreadable", "no such day in the calendar")


def parse_divisions(value: object) -> tuple[str, ...] | Rejection | None:
    """Read trigeminal divisions ('V1', 'V2', 'V3', their numbers or names) into a sorted subset."""
    parts = value if isinstance(value, list) else [value]
    tokens = [
        token
        for part in parts
        for token in _LIST_SEPARATORS.split(answer_text(part) or "")
        if token and token.lower() != "and"
    ]
    if not tokens:
        return None
    divisions = {_DIVISIONS.get(token.upper()) for token in tokens}
    if None in divisions:
        return Rejection("answer-invalid", "divisions must be V1, V2 and/or V3")
    return tuple(sorted(division for division in divisions if division is not None))


def _bni(text: str, scale: dict[str, str], label: str) -> str | Rejection:
    key = normalise_header(text).upper()
    stripped = True
    while stripped:  # 'BNI pain score: grade IIIb' → 'IIIB'
        stripped = False
        for prefix in _BNI_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, stripped = key[len(prefix) :], True
    if key in scale:
        return scale[key]
    return Rejection("answer-invalid", f"not a BNI {label} score ({_BNI_RANGES[label]})")


_BNI_RANGES = {"pain": "I, II, III, IIIa, IIIb, IV or V", "numbness": "I, II, III or IV"}


def _side(text: str) -> str:
    return _SIDES.get(text.lower(), text)


def _interests(text: str) -> tuple[str, ...] | None:
    options = tuple(part.strip() for part in _INTEREST_SEPARATORS.split(text) if part.strip())
    return options or None


def parse_total(value: object) -> int | Rejection | None:
    """Read a total a file states itself: a whole number from 0 to 27."""
    text = answer_text(value)
    if text is None:
        return None
    if isinstance(value, dict):  # a FHIR valueQuantity {"value": 13, ...}
        text = answer_text(value.get("value"))
    if text is not None and _WHOLE_NUMBER.match(text) and 0 <= float(text) <= 27:
        return int(float(text))
    return Rejection("answer-invalid", "not a whole number from 0 to 27")


def _lookup_words(table: dict[str, str], reason: str) -> Callable[[str], str | Rejection]:
    def parse(text: str) -> str | Rejection:
        words = " ".join(text.casefold().replace("’", "'").split())
        return table.get(words, Rejection("answer-invalid", reason))

    return parse


_TEXT_PARSERS: dict[ItemKind, Callable[[str], Parsed | Rejection | None]] = {
    ItemKind.TEXT: lambda text: text,
    ItemKind.SIDE: _side,
    ItemKind.BNI_PAIN: lambda text: _bni(text, _BNI_PAIN, "pain"),
    ItemKind.BNI_NUMBNESS: lambda text: _bni(text, _BNI_NUMBNESS, "numbness"),
    ItemKind.QUESTION: lambda text: (text,),
    ItemKind.INTEREST: _interests,
    ItemKind.DIFFICULTY: _lookup_words(
        DIFFICULTY_WORDS, "not one of not difficult at all, somewhat, very or extremely difficult"
    ),
    ItemKind.YES_NO: _lookup_words(_YES_NO, "not yes or no"),
    ItemKind.MRI_CONTACT: _lookup_words(_MRI_CONTACT, "not yes, no, not done or unknown"),
}
_VALUE_PARSERS: dict[ItemKind, Callable[[object], Parsed | Rejection | None]] = {
    ItemKind.SCORE: parse_score,
    ItemKind.DATE: parse_date,
    ItemKind.DIVISIONS: parse_divisions,
    ItemKind.TOTAL: parse_total,
}

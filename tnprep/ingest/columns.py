"""Header matching: the documented alias table, header units, and the user's explicit mapping.

A header matches a field when its *key* — lower case, letters and digits only, a scale such as
``(0-10)`` and a unit such as ``(min)`` removed — is in the field's alias list. docs/formats.md
prints this table; ``tests/test_columns.py`` checks the two agree. Nothing is matched by guessing:
a header that is not in the table is listed as ignored, and a file whose headers give no date is
refused with the list of headers seen and fields needed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ALIASES: dict[str, tuple[str, ...]] = {
    "start": (
        "start", "starttime", "startdatetime", "started", "startedat", "timestamp", "datetime",
        "dateandtime", "attackstart", "begin", "began", "when",
    ),
    "date": ("date", "day", "datum", "attackdate", "dateofattack", "diarydate", "entrydate"),
    "time": ("time", "timeofday", "clock", "attacktime", "uhrzeit", "hour"),
    "duration": (
        "duration", "length", "lasted", "howlong", "attackduration", "durationofattack", "dauer",
    ),
    "intensity": (
        "intensity", "pain", "painlevel", "painscore", "painintensity", "severity", "nrs", "score",
        "level", "painrating", "rating", "vas",
    ),
    "side": ("side", "painside", "sideofface", "affectedside", "laterality"),
    "location": ("location", "painlocation", "painpositions", "painposition", "where", "area"),
    "division": (
        "division", "divisions", "branch", "branches", "trigeminalbranch", "nervebranch",
        "trigeminaldivision", "distribution",
    ),
    "triggers": (
        "triggers", "trigger", "potentialtriggers", "triggeredby", "cause", "causes", "provokedby",
    ),
    "pain_type": ("paintype", "type", "kindofpain", "painkind", "character", "painquality"),
    "rescue": (
        "rescue", "rescuemedication", "rescuemed", "rescuetreatment", "acutetreatment",
        "medication", "medications", "medicationdescription", "medicationtaken", "medicine",
        "treatment", "treatmen", "abortive", "abortivetreatment", "meds",
    ),
    "rescue_helped": (
        "treatmenthelped", "rescuehelped", "medicationhelped", "helped", "washelpful",
        "wasseverityreduced", "severityreduced", "relief", "effective",
    ),
    "end": ("end", "endtime", "ended", "endedat", "enddatetime", "finish", "finished", "stop",
            "stoptime", "attackend"),
    "notes": ("notes", "note", "comments", "comment", "remarks", "remark", "details"),
    "attacks": (
        "attacks", "attackcount", "numberofattacks", "noofattacks", "attacksperday", "count",
        "episodes", "numberofepisodes", "shocks", "anfalle",
    ),
    "worst_intensity": (
        "worstpain", "worstintensity", "maxpain", "maximumpain", "peakpain", "highestpain", "worst",
        "worstlevel", "worstscore",
    ),
    "background_pain": (
        "backgroundpain", "background", "constantpain", "continuouspain", "baselinepain",
        "dullpain", "achingpain",
    ),
    "medication_helpful": ("helpfulmedication",),
    "medication_somewhat": ("somewhathelpfulmedication",),
    "medication_unhelpful": ("unhelpfulmedication",),
    "medication_unsure": ("unsuremedication",),
}  # fmt: skip
"""Field → header keys that mean it. Keys are compared after ``header_key``."""

FIELDS: tuple[str, ...] = tuple(ALIASES)
"""Every field a diary column can be mapped to."""

UNIT_SECONDS: dict[str, float] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "sek"), 1.0),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60.0),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "std"), 3600.0),
    **dict.fromkeys(("d", "day", "days"), 86400.0),
}
"""Unit words (as written in headers and values) → seconds."""

_ALIAS_TO_FIELD = {alias: name for name, aliases in ALIASES.items() for alias in aliases}
_SCALE = re.compile(
    r"[(\[]?\s*(?:\d+(?:[.,]\d+)?\s*(?:-|–|to|/)|/|out\s+of)\s*\d+(?:[.,]\d+)?\s*[)\]]?"
)
_BRACKETED = re.compile(r"[(\[]([^)\]]*)[)\]]")
_TRAILING_UNIT = re.compile(r"^(.*?)(?:\s+in)?[\s_-]+([a-z]+)\s*$")


@dataclass(frozen=True)
class HeaderKey:
    """A header reduced for matching, with the unit it names (if any)."""

    key: str
    """Lower-case letters and digits of the header without scale and unit."""
    unit_seconds: float | None
    """Seconds per unit when the header names a time unit (``Duration (min)`` → 60)."""


@dataclass(frozen=True)
class ColumnMatch:
    """How a file's headers map to fields."""

    fields: dict[int, str]
    """Column position → field, for every matched column."""
    units: dict[int, float]
    """Column position → seconds per unit, where the header names one."""
    ignored: tuple[int, ...]
    """Positions of columns that match no field."""
    duplicated: tuple[tuple[int, str], ...]
    """Later columns that match a field an earlier column already took (not used)."""


def normalise_header(text: str) -> str:
    """Case-, space- and punctuation-insensitive form: 'Trigger(s)' → 'triggers'."""
    folded = re.sub(r"[^0-9a-zäöüß]+", "", text.casefold())
    return folded.replace("ä", "a").replace("ö", "o").replace("ü", "u")


def header_key(header: str) -> HeaderKey:
    """Reduce a header to its matching key, noting a time unit and dropping a 0–10 scale.

    A unit counts only on a duration header (``Duration (min)``, ``Length (sec)``,
    ``Duration in minutes``); elsewhere bracketed text stays part of the key (``Trigger(s)``).
    """
    text = _SCALE.sub(" ", header.casefold())
    base = normalise_header(_BRACKETED.sub(" ", text))
    if _ALIAS_TO_FIELD.get(base) == "duration":
        units = [UNIT_SECONDS.get(normalise_header(inner)) for inner in _BRACKETED.findall(text)]
        return HeaderKey(base, next((unit for unit in units if unit is not None), None))
    trailing = _TRAILING_UNIT.match(text.strip())
    if trailing and trailing.group(2) in UNIT_SECONDS:
        stem = normalise_header(trailing.group(1))
        if _ALIAS_TO_FIELD.get(stem) == "duration":
            return HeaderKey(stem, UNIT_SECONDS[trailing.group(2)])
    whole = normalise_header(text)
    # 'Trigger(s)' matches whole; 'Side (L/R)' and 'Time (24h)' match on the text before the note.
    return HeaderKey(
        whole if whole in _ALIAS_TO_FIELD or base not in _ALIAS_TO_FIELD else base, None
    )


def match_columns(header: Sequence[str], mapping: Mapping[str, str] | None = None) -> ColumnMatch:
    """Match each header to a field: the user's mapping first, then the alias table.

    Args:
        header: Header cells as written.
        mapping: Header as written (compared by ``normalise_header``) → field name or 'ignore'.
    """
    explicit = {normalise_header(name): field for name, field in (mapping or {}).items()}
    fields: dict[int, str] = {}
    units: dict[int, float] = {}
    ignored: list[int] = []
    duplicated: list[tuple[int, str]] = []
    for position, text in enumerate(header):
        key = header_key(text)
        field = explicit.get(normalise_header(text)) or _ALIAS_TO_FIELD.get(key.key)
        if field is None or field == "ignore":
            ignored.append(position)
        elif field in fields.values():
            duplicated.append((position, field))
        else:
            fields[position] = field
            if key.unit_seconds is not None:
                units[position] = key.unit_seconds
    return ColumnMatch(fields, units, tuple(ignored), tuple(duplicated))


def parse_mapping(pairs: Sequence[str]) -> dict[str, str]:
    """Parse ``--map "Header=field"`` arguments.

    Raises:
        ValueError: a pair has no '=' or names an unknown field (the message lists the fields).
    """
    mapping: dict[str, str] = {}
    for pair in pairs:
        header, separator, field = pair.rpartition("=")
        field = field.strip()
        if not separator or not header.strip():
            raise ValueError(f'--map {pair!r}: write it as "Header=field".')
        if field not in FIELDS and field != "ignore":
            known = ", ".join((*FIELDS, "ignore"))
            raise ValueError(f"--map {pair!r}: unknown field {field!r}; fields are: {known}.")
        mapping[header.strip()] = field
    return mapping

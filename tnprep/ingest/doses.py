"""Free-text doses → total mg per day, only where the text is unambiguous.

The dose is always kept as written beside the number; this module only adds the number, and
returns ``None`` rather than guess (docs/treatments.md lists the rules with examples):

* A dose is one or more *clauses*. A clause is an amount with a mass unit (``mg``, ``g``,
  ``mcg``/``µg``, converted to mg) and how often it is taken: ``once/twice/three times/four
  times daily``, ``od``, ``bd``/``bid``, ``tds``/``tid``, ``qds``/``qid``, ``x2/day``,
  ``2x daily``, ``every 8 hours``/``q8h``/``8-hourly``, ``per day``, ``/day``, ``daily``; or a time
  of day (``morning``/``mane``/``am``, ``midday``, ``evening``/``pm``, ``at night``/``nocte``).
  ``2 x 200 mg daily`` counts two doses of 200 mg.
* Clauses joined by ``,`` ``;`` ``+`` ``&`` or ``and`` are summed when each names a different time
  of day, with at most one clause giving a daily frequency (``200 mg bd + 100 mg nocte``).
* ``200-0-400 mg`` (morning-midday-evening[-night]) is summed; it needs a mass unit, because
  ``1-0-1`` usually counts tablets.
* ``None`` for ranges (``100-200 mg``, ``100 to 200 mg``), "as needed"/``prn``, "up to", units
  other than mass (tablets, ml, units), a dose without a frequency (``200 mg``), intervals that do
  not divide a day (``every 5 hours``), thousands commas (``1,200 mg``), and any word not listed
  here. A decimal comma with one or two digits (``1,5 g``) is read as a decimal.
"""

from __future__ import annotations

import re

MG_PER_UNIT: dict[str, float] = {
    "mg": 1.0, "mgs": 1.0, "milligram": 1.0, "milligrams": 1.0,
    "g": 1000.0, "gm": 1000.0, "gram": 1000.0, "grams": 1000.0,
    "mcg": 0.001, "ug": 0.001, "microgram": 0.001, "micrograms": 0.001,
}  # fmt: skip
"""Mass units → milligrams per unit (µg is read as 'ug')."""

TIMES_PER_DAY: dict[str, int] = {
    "od": 1, "qd": 1, "daily": 1, "once daily": 1, "once a day": 1, "a day": 1, "per day": 1,
    "/day": 1, "/d": 1, "each day": 1, "every day": 1, "/24h": 1, "per 24 hours": 1,
    "bd": 2, "bid": 2, "tds": 3, "tid": 3, "qds": 4, "qid": 4,
}  # fmt: skip
"""Frequency words (after normalising spaces) → doses per day."""

SLOTS: dict[str, str] = {
    "morning": "morning", "in the morning": "morning", "mane": "morning", "am": "morning",
    "midday": "midday", "at midday": "midday", "noon": "midday", "at noon": "midday",
    "lunchtime": "midday", "at lunchtime": "midday", "afternoon": "afternoon",
    "in the afternoon": "afternoon", "evening": "evening", "in the evening": "evening",
    "pm": "evening", "night": "night", "at night": "night", "nocte": "night",
    "bedtime": "night", "at bedtime": "night",
}  # fmt: skip
"""Times of day (each means one dose a day) → the slot, so two clauses cannot share one."""

COUNT_WORDS: dict[str, int] = {
    "once": 1,
    "twice": 2,
    "thrice": 3,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
}
"""Number words used in 'three times daily'."""

_IGNORED = re.compile(r"\b(?:total|orally|oral|by mouth|po|sr|cr|xr|xl|mr|retard)\b")
_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = "|".join(sorted(MG_PER_UNIT, key=len, reverse=True))
_PER_DAY = r"(?:daily|a day|per day|/ ?day|/ ?d|each day|every day)"
_COUNT = (
    rf"(?:x ?(?P<x_count>\d)|(?P<count_x>\d) ?x|(?P<times>\d|{'|'.join(COUNT_WORDS)})(?: times?)?)"
)
_INTERVAL = (
    r"(?:every (?P<every>\d+) ?(?:hours?|hrs?|h)|q ?(?P<q>\d+) ?h|(?P<hourly>\d+) ?-?hourly)"
)
_WORDS = "|".join(sorted([*TIMES_PER_DAY, *SLOTS], key=len, reverse=True))
_FREQUENCY = rf"(?:{_COUNT} ?{_PER_DAY}|{_INTERVAL}|(?P<word>{_WORDS}))"
_CLAUSE = re.compile(
    rf"(?:(?P<doses>\d) ?x ?)?(?P<amount>{_NUMBER}) ?(?P<unit>{_UNIT})\b ?(?:{_FREQUENCY})?"
)
_SEPARATOR = re.compile(r" ?(?:,|;|\+|&|\band\b) ?")
_SPLIT = re.compile(
    rf"(?P<parts>{_NUMBER}(?: ?(?:{_UNIT}))?(?: ?- ?{_NUMBER}(?: ?(?:{_UNIT}))?){{2,3}})"
    rf" ?(?P<unit>{_UNIT})?(?: ?{_PER_DAY})?"
)
_REFUSED = re.compile(r"\b(?:prn|as needed|when needed|as required|if needed|up to|max|or)\b")


def parse_daily_dose(text: str) -> float | None:
    """Return the total daily dose in mg a free-text dose states, or ``None`` when unclear.

    Args:
        text: The dose as written, e.g. ``'200 mg three times daily'`` (600), ``'900mg bd'``
            (1800), ``'10 mg tds'`` (30), ``'200 mg morning, 400 mg night'`` (600).

    Returns:
        mg/day rounded to 6 decimals, or ``None`` when the text does not say it unambiguously.
    """
    normalised = _normalise(text)
    if normalised is None or _REFUSED.search(normalised):
        return None
    split = _SPLIT.fullmatch(normalised)
    if split is not None:
        return _split_total(split)
    return _clauses_total(normalised)


def _normalise(text: str) -> str | None:
    """Lower-case, unify symbols and spacing; ``None`` for a thousands comma (1,200)."""
    lowered = text.casefold().replace("µ", "u").replace("μ", "u").replace("×", "x")
    lowered = re.sub(r"[‐-―−]", "-", lowered)  # every dash and minus sign is a hyphen
    if re.search(r"\d,\d{3}", lowered):
        return None
    lowered = re.sub(r"(\d),(\d{1,2})(?!\d)", r"\1.\2", lowered)  # 1,5 g is a decimal comma
    lowered = re.sub(r"(?<=[a-z])\.", "", lowered)  # b.i.d. → bid, mg. → mg
    lowered = _IGNORED.sub(" ", lowered)
    lowered = re.sub(r"\s*/\s*", "/", lowered)
    return " ".join(lowered.split()).strip(" ,;") or None


def _split_total(match: re.Match[str]) -> float | None:
    parts = match["parts"]
    units = set(re.findall(r"[a-z]+", parts)) | ({match["unit"]} if match["unit"] else set())
    if len(units) != 1:
        return None  # no unit (tablet counts?) or mixed units
    amounts = [float(number) for number in re.findall(_NUMBER, parts)]
    return round(sum(amounts) * MG_PER_UNIT[units.pop()], 6)


def _clauses_total(text: str) -> float | None:
    clauses: list[tuple[float, str | None]] = []
    position = 0
    while position < len(text):
        clause = _CLAUSE.match(text, position)
        if clause is None:
            return None
        parsed = _clause(clause)
        if parsed is None:
            return None
        clauses.append(parsed)
        position = clause.end()
        separator = _SEPARATOR.match(text, position)
        if position < len(text) and (separator is None or separator.end() == len(text)):
            return None
        position = separator.end() if separator is not None else position
    return _sum_clauses(clauses)


def _clause(match: re.Match[str]) -> tuple[float, str | None] | None:
    """Return (mg per day, time-of-day slot or None) for one clause, or None when unclear."""
    per_day, slot = _frequency(match)
    if per_day is None:
        return None
    doses = int(match["doses"]) if match["doses"] else 1
    amount = float(match["amount"]) * MG_PER_UNIT[match["unit"]]
    return amount * doses * per_day, slot


def _frequency(match: re.Match[str]) -> tuple[float | None, str | None]:
    word = match["word"]
    if word is not None:
        return (1.0, SLOTS[word]) if word in SLOTS else (float(TIMES_PER_DAY[word]), None)
    count = match["x_count"] or match["count_x"] or match["times"]
    if count is not None:
        return float(COUNT_WORDS.get(count) or int(count)), None
    hours = match["every"] or match["q"] or match["hourly"]
    if hours is not None and int(hours) > 0 and 24 % int(hours) == 0:
        return 24.0 / int(hours), None
    return None, None  # no frequency given, or an interval that does not divide a day


def _sum_clauses(clauses: list[tuple[float, str | None]]) -> float | None:
    slots = [slot for _, slot in clauses if slot is not None]
    unslotted = len(clauses) - len(slots)
    if len(clauses) > 1 and (unslotted > 1 or len(set(slots)) != len(slots)):
        return None  # '200 mg daily, 400 mg daily' may be a titration; not summed
    return round(sum(mg for mg, _ in clauses), 6)

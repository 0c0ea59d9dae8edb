"""Plain-text wording shared by the page sections: dates, numbers, ages, treatment cells.

Pure functions, no ReportLab. Dates are written ``5 Feb 2024`` (``tnprep.date_words``).
"""

from __future__ import annotations

import datetime as dt

from tnprep.date_words import day_words, partial_date_words
from tnprep.model import PartialDate, Treatment
from tnprep.sources import EAN_2019, NICE_CKS_CARBAMAZEPINE, PRACT_NEUROL_2021_TABLE_5
from tnprep.summary import DoseRange, TreatmentSummary

NOT_GIVEN = "not given"
"""What the page says for an unknown value (never a guess)."""

# PHQ-9 answer options as printed on the questionnaire (Kroenke et al., J Gen Intern Med
# 2001;16:606–613): 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.
PHQ9_ANSWERS = ("not at all", "several days", "more than half the days", "nearly every day")
"""PHQ-9 answer wording by item score 0–3."""


def day_text(date: dt.date | None) -> str:
    """Return ``5 Feb 2024``, or 'not given'."""
    return NOT_GIVEN if date is None else day_words(date)


def partial_date_text(date: PartialDate | None) -> str:
    """Return a partial date at its precision: '2019', 'Mar 2019' or '5 Feb 2024'."""
    return "?" if date is None else partial_date_words(date)


def number_text(value: float | None, unit: str = "") -> str:
    """Return a number without trailing zeros ('3.5', '4') plus ``unit``; '–' if unknown."""
    if value is None:
        return "–"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}{unit}"


def duration_text(seconds: float | None) -> str:
    """Return '40 s', '2 min 5 s' or '1 h 10 min'; '–' when unknown."""
    if seconds is None:
        return "–"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        minutes, rest = divmod(whole, 60)
        return f"{minutes} min" + (f" {rest} s" if rest else "")
    hours, rest = divmod(whole // 60, 60)
    return f"{hours} h" + (f" {rest} min" if rest else "")


def age_on(birth: dt.date | None, day: dt.date) -> int | None:
    """Return the age in whole years on ``day``; ``None`` without a birth date or if negative."""
    if birth is None:
        return None
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return age if age >= 0 else None


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """Return '1 attack' / '3 attacks'."""
    word = noun if count == 1 else (plural_noun or noun + "s")
    return f"{count} {word}"


def percent(part: int, whole: int) -> str:
    """Return 'part of whole (pp %)', or 'none recorded' when whole is 0.

    A share that is neither none nor all never rounds to '0 %' or '100 %' ('2 of 1500 (< 1 %)').
    """
    if whole == 0:
        return "none recorded"
    return f"{part} of {whole} ({share_text(part, whole)})"


def share_text(part: int, whole: int) -> str:
    """'37 %'; '< 1 %' / '> 99 %' for a share that rounds to none or all but is not (whole > 0)."""
    share = round(100 * part / whole)
    if share == 0 and part > 0:
        return "< 1 %"
    if share == 100 and part < whole:
        return "> 99 %"
    return f"{share} %"


def treatment_dates(treatment: Treatment) -> str:
    """Return 'Feb 2024 – now' (ongoing), 'Jun 2023 – 5 Feb 2024' or 'dates not given'."""
    start = treatment.start
    if treatment.ongoing:
        return "ongoing" if start is None else f"{partial_date_text(start)} – now"
    if start is None and treatment.end is None:
        return "dates not given"
    if start == treatment.end:
        return partial_date_text(start)
    return f"{partial_date_text(start)} – {partial_date_text(treatment.end)}"


def dose_text(summary: TreatmentSummary) -> str:
    """Return '1200 mg/day (600 mg twice daily)', flagging a dose outside a published range.

    The published range is shown only when the dose lies outside it; its source is the
    ``DoseRange.source`` the analysis cites (docs/page.md lists them).
    """
    treatment = summary.treatment
    parts = []
    if treatment.dose_mg_per_day is not None:
        parts.append(number_text(treatment.dose_mg_per_day, " mg/day"))
    if treatment.dose_text:
        parts.append(f"({treatment.dose_text})" if parts else treatment.dose_text)
    dose_range = summary.dose_range
    if summary.outside_range and dose_range is not None:
        parts.append(
            f"– outside published {number_text(dose_range.low_mg)}–"
            f"{number_text(dose_range.high_mg)} mg/day ({_short_range_source(dose_range)})"
        )
    return " ".join(parts) or "–"


def treatment_brief(summary: TreatmentSummary) -> str:
    """Return 'Gabapentin (Mar 2019 – Sep 2019; 900 mg/day; none; inefficacy; side effects: …)'.

    Side effects are printed in every line (issue 10: a safety history must never be left out).
    """
    treatment = summary.treatment
    details = [treatment_dates(treatment)]
    if treatment.dose_mg_per_day is not None:
        details.append(number_text(treatment.dose_mg_per_day, " mg/day"))
    if treatment.response is not None or treatment.relief_percent is not None:
        details.append(response_text(treatment))
    if treatment.stopped_because and treatment.stopped_because.strip().casefold() != (
        "side effects" if treatment.side_effects else ""
    ):
        details.append(treatment.stopped_because)
    if treatment.side_effects:
        details.append(f"side effects: {treatment.side_effects}")
    name = treatment.name_as_written or treatment.name
    return f"{name} ({'; '.join(details)})"


_SHORT_RANGE_SOURCES = {PRACT_NEUROL_2021_TABLE_5: "EAN 2019 table", EAN_2019: "EAN 2019"}
"""A range's source in a few words, beside the dose."""
_SHORT_RANGE_NOTES = {NICE_CKS_CARBAMAZEPINE: "NICE CKS up to 1600"}
"""A range's note in a few words, after its source."""


def _short_range_source(dose_range: DoseRange) -> str:
    """The range's source in a few words: 'EAN 2019 table; NICE CKS up to 1600'."""
    words = _SHORT_RANGE_SOURCES.get(dose_range.source)
    if words is None:
        return dose_range.citation
    note = dose_range.note
    return words if note is None else f"{words}; {_SHORT_RANGE_NOTES.get(note, note)}"


def response_text(treatment: Treatment) -> str:
    """Return the response word and/or relief percent, or '–'."""
    parts = []
    if treatment.response is not None:
        parts.append(treatment.response.value)
    if treatment.relief_percent is not None:
        parts.append(f"{number_text(treatment.relief_percent)} % relief")
    return ", ".join(parts) or "–"


def stopped_text(treatment: Treatment) -> str:
    """Return why it stopped and the side effects, or '–'."""
    reason, effects = treatment.stopped_because, treatment.side_effects
    if reason and effects and reason.strip().lower() == "side effects":
        return f"side effects: {effects}"  # not 'side effects; side effects: …'
    parts = [reason] if reason else []
    if effects:
        parts.append(f"side effects: {effects}")
    return "; ".join(parts) or "–"

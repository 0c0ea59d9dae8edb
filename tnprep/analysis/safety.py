"""Safety history: earlier adverse effects in a drug class the patient takes now or may be offered.

SPEC *The page* puts safety first: after PHQ-9 item 9, "earlier serious adverse effects of a drug
class the patient takes now or may be offered". A ``SafetyNote`` is made for each drug class
(``tnprep.catalogue.DrugClass``) in which the treatment history records a class-typical adverse
effect, with every course that recorded it (the words and any value as written, and the dates).

Both classes hold the first-line drugs (carbamazepine, oxcarbazepine), which may be discussed at
any TN visit, so a recorded class effect is always shown; the note names the class drugs taken
now. tnprep states the record; it never says what to do about it.

Sources (docs/figures.md *Safety history*; audit in docs/clinical-sources.md): hyponatraemia with
carbamazepine and oxcarbazepine — Lambru, Zakrzewska & Matharu, Pract Neurol 2021;21:392–402,
table 5 (verified; "adapted from" EAN 2019, whose own text was not reachable); eslicarbazepine —
its label (hyponatraemia warning). Serious skin reactions: HLA-B*15:02 with carbamazepine and
oxcarbazepine — CPIC 2017 update (Phillips et al., Clin Pharmacol Ther 2018;103:574–581); with
phenytoin/fosphenytoin — CPIC phenytoin 2020 update (Karnes et al., Clin Pharmacol Ther
2021;109:302–309); lamotrigine — boxed warning of its label; eslicarbazepine — its label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tnprep.catalogue import DrugClass, classes_of, members_of
from tnprep.model import Treatment
from tnprep.sources import EAN_2019_AND_PRACT_NEUROL_2021, SERIOUS_RASH_CLASS
from tnprep.summary import SafetyEvent, SafetyNote

SODIUM_SOURCE = EAN_2019_AND_PRACT_NEUROL_2021
"""Hyponatraemia as an adverse effect of carbamazepine and oxcarbazepine."""
RASH_SOURCE = SERIOUS_RASH_CLASS
"""Serious skin reactions for every class member: CPIC (carbamazepine, oxcarbazepine; phenytoin,
fosphenytoin) and the labels (lamotrigine, eslicarbazepine)."""

# Words that mark a recorded adverse effect as the class's own (case-insensitive, as written).
_CLASS_WORDS: dict[DrugClass, re.Pattern[str]] = {
    DrugClass.SODIUM_LOWERING: re.compile(
        r"sodium|hyponatr|\bna\+?\s*(?:of|was|=|:|at)?\s*\d{3}|siadh", re.IGNORECASE
    ),
    DrugClass.SERIOUS_RASH: re.compile(
        r"(?i:rash|stevens|johnson|epidermal necrolysis|blister|skin reaction|exanthem)"
        r"|\b(?:SJS|TEN|DRESS|HLA)\b"
    ),
}
"""Words that mark a recorded adverse effect as the class's own. Abbreviations are matched in
capitals only, so 'NA' (not applicable), 'ten days' or 'dressing' never count."""

_SOURCES = {DrugClass.SODIUM_LOWERING: SODIUM_SOURCE, DrugClass.SERIOUS_RASH: RASH_SOURCE}
_SODIUM_VALUE = re.compile(
    r"(?:sodium|\bna\+?)\s*(?:of|was|=|:|at)?\s*(\d{3}(?:[.,]\d)?)\s*(mmol\s*/\s*l)?", re.IGNORECASE
)


def safety_notes(history: Sequence[Treatment]) -> tuple[SafetyNote, ...]:
    """Return a note for each drug class with a recorded class adverse effect.

    A course counts when the treatment belongs to the class and its ``side_effects`` or
    ``stopped_because`` text names the class effect (sodium / hyponatraemia; rash, SJS/TEN,
    DRESS, HLA). Classes come in ``DrugClass`` order.
    """
    notes = []
    for drug_class in DrugClass:
        events = tuple(
            _event(treatment)
            for treatment in sorted(history, key=_start_order)
            if drug_class in classes_of(treatment) and _names_effect(treatment, drug_class)
        )
        if events:
            notes.append(
                SafetyNote(
                    drug_class=drug_class,
                    members=members_of(drug_class),
                    events=events,
                    taken_now=_taken_now(history, drug_class),
                    source=_SOURCES[drug_class],
                )
            )
    return tuple(notes)


def _names_effect(treatment: Treatment, drug_class: DrugClass) -> bool:
    return _CLASS_WORDS[drug_class].search(_recorded(treatment)) is not None


def _recorded(treatment: Treatment) -> str:
    parts = [treatment.side_effects or ""]
    reason = treatment.stopped_because or ""
    if reason and reason.strip().casefold() != "side effects":
        parts.append(reason)
    return "; ".join(part for part in parts if part)


def _event(treatment: Treatment) -> SafetyEvent:
    recorded = _recorded(treatment)
    found = _SODIUM_VALUE.search(recorded)
    value = None
    if found is not None:
        value = f"sodium {found.group(1)}" + (" mmol/L" if found.group(2) else "")
    return SafetyEvent(
        treatment=treatment.name_as_written or treatment.name,
        start=treatment.start.iso() if treatment.start else None,
        end=treatment.end.iso() if treatment.end else None,
        recorded=recorded,
        value=value,
    )


def _taken_now(history: Sequence[Treatment], drug_class: DrugClass) -> tuple[str, ...]:
    return tuple(
        sorted(
            {
                treatment.name
                for treatment in history
                if treatment.ongoing and drug_class in classes_of(treatment)
            }
        )
    )


def _start_order(treatment: Treatment) -> tuple[int, int]:
    try:
        return (0, treatment.start.first_day().toordinal()) if treatment.start else (1, 0)
    except ValueError:  # an impossible partial date (month 13) sorts last, as undated
        return (1, 0)

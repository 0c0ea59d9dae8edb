"""The built-in TN treatment catalogue: names, spellings and brands → canonical name and category.

The catalogue is data (``tnprep/data/treatment_catalogue.csv``), not code paths: one row per
treatment with its canonical name, SPEC category, a *role* the discussion rules use, and aliases
(brands, abbreviations, common misspellings) separated by ``|``. Matching ignores case, spacing,
punctuation and accents, and a name may carry formulation or dose words ("Tegretol Retard 200 mg")
or a parenthesised other name ("Tegretol (carbamazepine)"). docs/treatments.md lists the table.

Roles follow the EAN guideline on trigeminal neuralgia (Bendtsen et al., Eur J Neurol
2019;26:831–849): carbamazepine and oxcarbazepine are first-line; lamotrigine, gabapentin,
botulinum toxin A, pregabalin, baclofen and phenytoin are used alone or as add-on ("adjunct");
intravenous fosphenytoin and intravenous lidocaine are for acute exacerbations ("acute"); a
lidocaine plaster, spray or gel is local ("topical"), never "acute". Topiramate, amitriptyline,
nortriptyline and tramadol are known by name ("other medication") so they are never "other".

Drug *classes* (``DrugClass``) group drugs that share a serious adverse effect, so an earlier
reaction to one is put beside a current or likely drug of the same class
(``tnprep.analysis.safety``).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

from tnprep.model import Treatment, TreatmentCategory
from tnprep.sources import EAN_2019, TNPREP_OPTIONS_LIST

CATALOGUE_FILE = "treatment_catalogue.csv"
"""The catalogue's file name inside the ``tnprep.data`` package."""


class Role(StrEnum):
    """What part a treatment plays in TN care; compares equal to its text ('first-line')."""

    FIRST_LINE = "first-line"
    """Carbamazepine, oxcarbazepine (EAN 2019)."""
    ADJUNCT = "adjunct"
    """Other drugs or injections used alone or added on (EAN 2019)."""
    ACUTE = "acute"
    """Used for acute exacerbations (intravenous fosphenytoin, lidocaine; EAN 2019)."""
    TOPICAL = "topical"
    """Lidocaine as a plaster, spray or gel (local; not the intravenous acute treatment)."""
    OTHER_MEDICATION = "other medication"
    """Drugs used in facial pain outside the EAN 2019 TN list (topiramate, tricyclics, tramadol)."""
    SURGICAL = "surgical"
    """Microvascular decompression."""
    RADIOSURGERY = "radiosurgery"
    """Stereotactic radiosurgery (Gamma Knife, CyberKnife)."""
    PERCUTANEOUS = "percutaneous"
    """Percutaneous lesioning: balloon compression, glycerol, radiofrequency."""
    NERVE_BLOCK = "nerve block"
    """Local anaesthetic nerve or ganglion blocks."""
    COMPLEMENTARY = "complementary"
    """Acupuncture, physical therapy, biofeedback."""
    PSYCHOLOGICAL = "psychological"
    """Cognitive behavioural therapy and other psychological support."""
    NEUROMODULATION = "neuromodulation"
    """TMS, peripheral nerve stimulation, motor cortex stimulation."""
    CLINICAL_TRIAL = "clinical trial"
    """Taking part in a clinical trial."""


class DrugClass(StrEnum):
    """Drugs that share a serious adverse effect; compares equal to its text."""

    SODIUM_LOWERING = "sodium-lowering"
    """Carbamazepine, oxcarbazepine, eslicarbazepine: hyponatraemia (Lambru et al., Pract Neurol
    2021;21:392–402, table 5 lists hyponatraemia for both first-line drugs — verified; EAN 2019's
    own text not reached; eslicarbazepine is a dibenzazepine like them and its label warns of
    hyponatraemia — checked through summaries of the label, docs/clinical-sources.md)."""
    SERIOUS_RASH = "serious rash"
    """Antiepileptics with serious skin reactions: carbamazepine and oxcarbazepine (HLA-B*15:02,
    CPIC 2017 update, Phillips et al., Clin Pharmacol Ther 2018;103:574–581), phenytoin and its
    prodrug fosphenytoin (HLA-B*15:02, CPIC phenytoin 2020 update, Karnes et al., Clin Pharmacol
    Ther 2021;109:302–309), lamotrigine (boxed warning of its label; Pract Neurol 2021 table 5
    lists rash) and eslicarbazepine (its label)."""


@dataclass(frozen=True)
class CatalogueEntry:
    """One treatment the catalogue knows."""

    name: str
    """Canonical name, e.g. 'carbamazepine'."""
    category: TreatmentCategory
    """SPEC category, e.g. medication."""
    role: Role
    """Part in TN care, used by the discussion rules."""
    aliases: tuple[str, ...]
    """Brands, abbreviations and misspellings, as listed in the CSV."""
    classes: frozenset[DrugClass] = frozenset()
    """Drug classes sharing a serious adverse effect (sodium-lowering, serious rash)."""


@dataclass(frozen=True)
class ResistantOption:
    """An option commonly discussed for treatment-resistant TN."""

    name: str
    """How the option is named on the page, e.g. 'microvascular decompression'."""
    roles: frozenset[Role]
    """A history shows the option when one of its treatments has one of these roles."""
    source: str
    """Where the option is described."""


# Adjuncts, MVD, radiosurgery and psychological support are discussed in EAN 2019; complementary
# therapies, neuromodulation and clinical trials are options patients commonly ask about, listed by
# this product (EAN 2019 finds too little evidence to recommend for or against most of them).
OPTIONS_FOR_RESISTANT_TN: tuple[ResistantOption, ...] = (
    ResistantOption("add-on medication", frozenset({Role.ADJUNCT}), EAN_2019),
    ResistantOption("microvascular decompression", frozenset({Role.SURGICAL}), EAN_2019),
    ResistantOption("stereotactic radiosurgery", frozenset({Role.RADIOSURGERY}), EAN_2019),
    ResistantOption(
        "neuroablative procedures (balloon compression, glycerol rhizolysis, radiofrequency "
        "thermocoagulation)",
        frozenset({Role.PERCUTANEOUS}),
        EAN_2019,
    ),
    ResistantOption(
        "complementary therapies", frozenset({Role.COMPLEMENTARY}), TNPREP_OPTIONS_LIST
    ),
    ResistantOption(
        "cognitive behavioural therapy or psychological support",
        frozenset({Role.PSYCHOLOGICAL}),
        EAN_2019,
    ),
    ResistantOption("neuromodulation", frozenset({Role.NEUROMODULATION}), TNPREP_OPTIONS_LIST),
    ResistantOption("clinical trials", frozenset({Role.CLINICAL_TRIAL}), TNPREP_OPTIONS_LIST),
)
"""Options for resistant TN, in the order the page lists them."""

_ROLE_OF_CATEGORY = {
    TreatmentCategory.COMPLEMENTARY: Role.COMPLEMENTARY,
    TreatmentCategory.PSYCHOLOGICAL: Role.PSYCHOLOGICAL,
    TreatmentCategory.NEUROMODULATION: Role.NEUROMODULATION,
}
"""Categories that imply a role even for a name the catalogue does not know."""

# Words that describe the form or amount, not the treatment, so "Tegretol Retard 200 mg tablets"
# still finds carbamazepine. Route words (IV) are not here: "IV lidocaine" is an alias.
_FORMULATION_WORDS = frozenset({
    "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "retard", "cr", "xr",
    "xl", "sr", "er", "mr", "la", "prolonged", "modified", "slow", "extended", "controlled",
    "release", "oral", "liquid", "suspension", "syrup", "generic", "mg", "g", "mcg", "ug", "ml",
    "daily",
})  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?(?:mg|g|mcg|ug|ml)?")
_PARENTHESES = re.compile(r"\(([^()]*)\)")


def entries() -> tuple[CatalogueEntry, ...]:
    """Return every catalogue entry, in the CSV's order."""
    return _load()[0]


@lru_cache(maxsize=4096)
def lookup(name: str) -> CatalogueEntry | None:
    """Find the catalogue entry a treatment name means, or ``None`` when it is unknown.

    Remembered per name (entries are immutable; the bound keeps a long batch's memory flat): a
    summary asks about the same few names ~160 times (ledger, safety, discussion), ~20 µs each.

    Args:
        name: The name as written: any case, spacing or punctuation, a brand, a common
            misspelling, with formulation or dose words, or with another name in parentheses.

    Returns:
        The entry, or ``None`` when no candidate reading of the name is in the catalogue.
    """
    index = _load()[1]
    for candidate in _candidates(name):
        entry = index.get(match_key(candidate))
        if entry is not None:
            return entry
    return None


def match_key(text: str) -> str:
    """Return the case-, space-, punctuation- and accent-insensitive key used for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed.casefold() if char.isalnum())


def role_of(treatment: Treatment) -> Role | None:
    """Return a treatment's role: from the catalogue, else implied by its category, else None."""
    entry = lookup(treatment.name) or lookup(treatment.name_as_written)
    if entry is not None:
        return entry.role
    return _ROLE_OF_CATEGORY.get(treatment.category)


def classes_of(treatment: Treatment) -> frozenset[DrugClass]:
    """Return the drug classes of a treatment (empty when the catalogue does not know it)."""
    entry = lookup(treatment.name) or lookup(treatment.name_as_written)
    return entry.classes if entry is not None else frozenset()


def members_of(drug_class: DrugClass) -> tuple[str, ...]:
    """Return the canonical names of the drugs in ``drug_class``, in catalogue order."""
    return tuple(entry.name for entry in entries() if drug_class in entry.classes)


def options_not_in_history(treatments: Iterable[Treatment]) -> tuple[ResistantOption, ...]:
    """Return the options for resistant TN that no treatment in the history shows.

    Args:
        treatments: The treatment history (any order).

    Returns:
        Options from ``OPTIONS_FOR_RESISTANT_TN`` (in its order) with no treatment of their roles.
    """
    roles = {role_of(treatment) for treatment in treatments}
    return tuple(option for option in OPTIONS_FOR_RESISTANT_TN if not option.roles & roles)


def _candidates(name: str) -> list[str]:
    """Readings of a name to try in turn: as written, without parentheses, inside them, bare."""
    inside = _PARENTHESES.findall(name)
    outside = _PARENTHESES.sub(" ", name)
    readings = [name, outside, *inside]
    return readings + [_without_formulation(reading) for reading in readings]


def _without_formulation(text: str) -> str:
    words = re.findall(r"[^\W_]+(?:[.,]\d+)?", text.casefold())
    kept = [
        word for word in words if word not in _FORMULATION_WORDS and not _NUMBER.fullmatch(word)
    ]
    return " ".join(kept)


@cache
def _load() -> tuple[tuple[CatalogueEntry, ...], dict[str, CatalogueEntry]]:
    text = resources.files("tnprep.data").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    loaded = tuple(_entry(row) for row in csv.DictReader(io.StringIO(text)))
    index: dict[str, CatalogueEntry] = {}
    for entry in loaded:
        for spelling in (entry.name, *entry.aliases):
            index.setdefault(match_key(spelling), entry)
    return loaded, index


def _entry(row: dict[str, str]) -> CatalogueEntry:
    aliases = tuple(alias.strip() for alias in row["aliases"].split("|") if alias.strip())
    return CatalogueEntry(
        name=row["name"].strip(),
        category=TreatmentCategory(row["category"].strip()),
        role=Role(row["role"].strip()),
        aliases=aliases,
        classes=frozenset(
            DrugClass(name.strip()) for name in row.get("classes", "").split("|") if name.strip()
        ),
    )

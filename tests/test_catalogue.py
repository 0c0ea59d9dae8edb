"""The TN treatment catalogue: data integrity, lookup, and the resistant-TN options."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnprep.catalogue import (
    OPTIONS_FOR_RESISTANT_TN,
    DrugClass,
    Role,
    classes_of,
    entries,
    lookup,
    match_key,
    members_of,
    options_not_in_history,
    role_of,
)
from tnprep.model import Treatment, TreatmentCategory

ISSUE_LIST = [
    "carbamazepine", "oxcarbazepine", "eslicarbazepine", "lamotrigine", "baclofen", "gabapentin",
    "pregabalin", "phenytoin", "fosphenytoin", "topiramate", "amitriptyline", "nortriptyline",
    "tramadol", "botulinum toxin A", "intravenous lidocaine", "lidocaine plaster", "lidocaine",
    "microvascular decompression", "stereotactic radiosurgery", "percutaneous balloon compression",
    "glycerol rhizotomy", "radiofrequency thermocoagulation", "nerve block", "acupuncture",
    "physical therapy", "biofeedback", "cognitive behavioural therapy", "psychological support",
    "transcranial magnetic stimulation", "peripheral nerve stimulation", "motor cortex stimulation",
    "clinical trial",
]  # fmt: skip


def test_every_treatment_the_issue_names_is_in_the_catalogue() -> None:
    assert [entry.name for entry in entries()] == ISSUE_LIST


def test_no_spelling_means_two_treatments() -> None:
    owners: dict[str, str] = {}
    for entry in entries():
        for spelling in (entry.name, *entry.aliases):
            key = match_key(spelling)
            assert owners.setdefault(key, entry.name) == entry.name, spelling


@pytest.mark.parametrize(
    ("written", "name", "category", "role"),
    [
        ("Carbamazepine", "carbamazepine", TreatmentCategory.MEDICATION, Role.FIRST_LINE),
        ("  TEGRETOL ", "carbamazepine", TreatmentCategory.MEDICATION, Role.FIRST_LINE),
        ("Tegretol Retard 200 mg", "carbamazepine", TreatmentCategory.MEDICATION, Role.FIRST_LINE),
        ("Tegretol (carbamazepine)", "carbamazepine", TreatmentCategory.MEDICATION, "first-line"),
        ("carbamazapine", "carbamazepine", TreatmentCategory.MEDICATION, Role.FIRST_LINE),
        ("Trileptal", "oxcarbazepine", TreatmentCategory.MEDICATION, Role.FIRST_LINE),
        ("oxcarbazapine", "oxcarbazepine", TreatmentCategory.MEDICATION, Role.FIRST_LINE),
        ("Zebinix", "eslicarbazepine", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("Lamictal", "lamotrigine", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("Lioresal", "baclofen", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("Neurontin", "gabapentin", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("gabapentine", "gabapentin", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("LYRICA", "pregabalin", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("Dilantin", "phenytoin", TreatmentCategory.MEDICATION, Role.ADJUNCT),
        ("IV fosphenytoin", "fosphenytoin", TreatmentCategory.MEDICATION, Role.ACUTE),
        ("Botox", "botulinum toxin A", TreatmentCategory.INJECTION_OR_BLOCK, Role.ADJUNCT),
        # Issue 10 case 9: only intravenous lidocaine is "acute"; a plaster is topical.
        ("Lignocaine", "lidocaine", TreatmentCategory.MEDICATION, Role.TOPICAL),
        ("IV lidocaine", "intravenous lidocaine", TreatmentCategory.MEDICATION, Role.ACUTE),
        ("lidocaine infusion", "intravenous lidocaine", TreatmentCategory.MEDICATION, Role.ACUTE),
        ("Versatis", "lidocaine plaster", TreatmentCategory.MEDICATION, Role.TOPICAL),
        ("lidocaine 5% plaster", "lidocaine plaster", TreatmentCategory.MEDICATION, Role.TOPICAL),
        # Issue 10 case 6: known by name, never "other".
        ("Topamax", "topiramate", TreatmentCategory.MEDICATION, Role.OTHER_MEDICATION),
        (
            "amitriptyline 10 mg",
            "amitriptyline",
            TreatmentCategory.MEDICATION,
            Role.OTHER_MEDICATION,
        ),
        ("nortriptyline", "nortriptyline", TreatmentCategory.MEDICATION, Role.OTHER_MEDICATION),
        ("Tramadol 50mg", "tramadol", TreatmentCategory.MEDICATION, Role.OTHER_MEDICATION),
        ("MVD", "microvascular decompression", TreatmentCategory.PROCEDURE, Role.SURGICAL),
        (
            "Micro-vascular decompression",
            "microvascular decompression",
            TreatmentCategory.PROCEDURE,
            Role.SURGICAL,
        ),
        (
            "Gamma Knife",
            "stereotactic radiosurgery",
            TreatmentCategory.PROCEDURE,
            Role.RADIOSURGERY,
        ),
        ("gammaknife", "stereotactic radiosurgery", TreatmentCategory.PROCEDURE, Role.RADIOSURGERY),
        ("CyberKnife", "stereotactic radiosurgery", TreatmentCategory.PROCEDURE, Role.RADIOSURGERY),
        (
            "Balloon compression",
            "percutaneous balloon compression",
            TreatmentCategory.PROCEDURE,
            Role.PERCUTANEOUS,
        ),
        (
            "Glycerol rhizolysis",
            "glycerol rhizotomy",
            TreatmentCategory.PROCEDURE,
            Role.PERCUTANEOUS,
        ),
        (
            "RF rhizotomy",
            "radiofrequency thermocoagulation",
            TreatmentCategory.PROCEDURE,
            Role.PERCUTANEOUS,
        ),
        ("Nerve blocks", "nerve block", TreatmentCategory.INJECTION_OR_BLOCK, Role.NERVE_BLOCK),
        ("Acupuncture", "acupuncture", TreatmentCategory.COMPLEMENTARY, Role.COMPLEMENTARY),
        ("Physiotherapy", "physical therapy", TreatmentCategory.COMPLEMENTARY, Role.COMPLEMENTARY),
        ("Bio-feedback", "biofeedback", TreatmentCategory.COMPLEMENTARY, Role.COMPLEMENTARY),
        (
            "CBT",
            "cognitive behavioural therapy",
            TreatmentCategory.PSYCHOLOGICAL,
            Role.PSYCHOLOGICAL,
        ),
        (
            "Cognitive Behavioral Therapy",
            "cognitive behavioural therapy",
            TreatmentCategory.PSYCHOLOGICAL,
            Role.PSYCHOLOGICAL,
        ),
        (
            "Counselling",
            "psychological support",
            TreatmentCategory.PSYCHOLOGICAL,
            Role.PSYCHOLOGICAL,
        ),
        (
            "rTMS",
            "transcranial magnetic stimulation",
            TreatmentCategory.NEUROMODULATION,
            Role.NEUROMODULATION,
        ),
        (
            "PNS",
            "peripheral nerve stimulation",
            TreatmentCategory.NEUROMODULATION,
            Role.NEUROMODULATION,
        ),
        (
            "Motor cortex stimulation",
            "motor cortex stimulation",
            TreatmentCategory.NEUROMODULATION,
            Role.NEUROMODULATION,
        ),
        ("Clinical Trial", "clinical trial", TreatmentCategory.OTHER, Role.CLINICAL_TRIAL),
        ("Lidocaïne", "lidocaine", TreatmentCategory.MEDICATION, Role.TOPICAL),  # accents ignored
    ],
)
def test_lookup(written: str, name: str, category: TreatmentCategory, role: str) -> None:
    entry = lookup(written)
    assert entry is not None
    assert (entry.name, entry.category, entry.role) == (name, category, role)


@pytest.mark.parametrize(
    "written", ["", "   ", "Ibuprofen", "Paracetamol 500 mg", "carb", "200 mg", "nerve", "knife"]
)
def test_unknown_names(written: str) -> None:
    assert lookup(written) is None


def _treatment(name: str, category: TreatmentCategory = TreatmentCategory.OTHER) -> Treatment:
    entry = lookup(name)
    return Treatment(
        name=entry.name if entry else name,
        name_as_written=name,
        category=category if entry is None else entry.category,
        start=None,
        end=None,
        ongoing=True,
        dose_text=None,
        dose_mg_per_day=None,
        response=None,
        relief_percent=None,
        stopped_because=None,
        side_effects=None,
        notes=None,
    )


def _option_names(*treatments: Treatment) -> list[str]:
    return [option.name for option in options_not_in_history(treatments)]


def test_empty_history_shows_no_option() -> None:
    assert _option_names() == [option.name for option in OPTIONS_FOR_RESISTANT_TN]


def test_options_shown_by_the_history_are_left_out() -> None:
    names = _option_names(
        _treatment("Tegretol"), _treatment("Lyrica"), _treatment("MVD"), _treatment("CBT")
    )
    assert names == [
        "stereotactic radiosurgery",
        "neuroablative procedures (balloon compression, glycerol rhizolysis, radiofrequency "
        "thermocoagulation)",
        "complementary therapies",
        "neuromodulation",
        "clinical trials",
    ]


def test_first_line_alone_is_no_option() -> None:
    assert "add-on medication" in _option_names(_treatment("carbamazepine"))


@pytest.mark.parametrize(
    ("category", "role"),
    [
        (TreatmentCategory.NEUROMODULATION, Role.NEUROMODULATION),
        (TreatmentCategory.COMPLEMENTARY, Role.COMPLEMENTARY),
        (TreatmentCategory.PSYCHOLOGICAL, Role.PSYCHOLOGICAL),
        (TreatmentCategory.MEDICATION, None),
        (TreatmentCategory.OTHER, None),
    ],
)
def test_role_of_an_unknown_name_follows_its_category(
    category: TreatmentCategory, role: Role | None
) -> None:
    assert role_of(_treatment("Occipital stimulator trial device", category)) == role


def test_every_option_has_a_catalogue_treatment_and_a_source() -> None:
    roles = {entry.role for entry in entries()}
    for option in OPTIONS_FOR_RESISTANT_TN:
        assert option.roles <= roles
        assert option.source


DOCS = Path(__file__).resolve().parents[1] / "docs" / "treatments.md"


def _block(name: str) -> str:
    text = DOCS.read_text(encoding="utf-8")
    return text.split(f"<!-- {name}:start -->\n")[1].split(f"<!-- {name}:end -->")[0]


def test_docs_print_the_catalogue_as_the_csv_has_it() -> None:
    rows = [
        f"| {entry.name} | {entry.category.value} | {entry.role.value} | "
        f"{', '.join(sorted(entry.classes)) or '–'} | {', '.join(entry.aliases)} |"
        for entry in entries()
    ]
    expected = "\n".join(
        [
            "| Treatment | Category | Role | Classes | Also recognised |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    )
    assert _block("catalogue") == expected


def test_docs_list_every_resistant_tn_option() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for option in OPTIONS_FOR_RESISTANT_TN:
        assert f"| {option.name} |" in text


SPELLINGS = [
    (spelling, entry.name) for entry in entries() for spelling in (entry.name, *entry.aliases)
]


@pytest.mark.parametrize(("spelling", "name"), SPELLINGS)
def test_every_spelling_is_found_in_any_case_and_spacing(spelling: str, name: str) -> None:
    for variant in (
        spelling,
        spelling.upper(),
        f"  {spelling.lower()}.",
        spelling.replace(" ", "-"),
    ):
        entry = lookup(variant)
        assert entry is not None and entry.name == name, variant


@pytest.mark.parametrize(
    ("name", "classes"),
    [
        ("carbamazepine", {DrugClass.SODIUM_LOWERING, DrugClass.SERIOUS_RASH}),
        ("oxcarbazepine", {DrugClass.SODIUM_LOWERING, DrugClass.SERIOUS_RASH}),
        ("Zebinix", {DrugClass.SODIUM_LOWERING, DrugClass.SERIOUS_RASH}),  # issue 10 case 9
        ("Lamictal", {DrugClass.SERIOUS_RASH}),
        ("phenytoin", {DrugClass.SERIOUS_RASH}),
        ("pregabalin", set()),
        ("unknown herb", set()),
    ],
)
def test_drug_classes(name: str, classes: set[DrugClass]) -> None:
    assert classes_of(_treatment(name)) == classes


def test_sodium_class_members() -> None:
    assert members_of(DrugClass.SODIUM_LOWERING) == (
        "carbamazepine",
        "oxcarbazepine",
        "eslicarbazepine",
    )

"""The clinical numbers and citations as audited in docs/clinical-sources.md (2026-12-03).

Each value here was checked against a stored copy of its source; a change to one of them must
come with a new check of the source and an update of the audit table, so these tests pin them.
"""

from __future__ import annotations

from pathlib import Path

from tnprep import bni, sources
from tnprep.analysis import discussion, discussion_history, safety
from tnprep.analysis.before_after import AFTER_WINDOWS
from tnprep.analysis.features import SHORT_ATTACK_S
from tnprep.analysis.scores import GAD7_BANDS, PHQ9_BANDS
from tnprep.analysis.treatments import DOSE_RANGES
from tnprep.catalogue import DrugClass, members_of

AUDIT = Path(__file__).resolve().parents[1] / "docs" / "clinical-sources.md"

# Lambru, Zakrzewska & Matharu, Pract Neurol 2021, Table 5 (as published).
TABLE_5 = {
    "carbamazepine": (200.0, 1200.0),
    "oxcarbazepine": (300.0, 1800.0),
    "lamotrigine": (25.0, 400.0),
    "gabapentin": (300.0, 3600.0),
    "pregabalin": (150.0, 600.0),
    "baclofen": (15.0, 90.0),
    "botulinum toxin A": (25.0, 195.0),
}


def test_dose_ranges_are_table_5() -> None:
    assert {name: (r.low_mg, r.high_mg) for name, r in DOSE_RANGES.items()} == TABLE_5
    assert {r.source for r in DOSE_RANGES.values()} == {sources.PRACT_NEUROL_2021_TABLE_5}
    assert DOSE_RANGES["carbamazepine"].note == sources.NICE_CKS_CARBAMAZEPINE
    assert "1600" in sources.NICE_CKS_CARBAMAZEPINE


def test_score_bands_and_cut_points() -> None:
    # Kroenke 2001: 5, 10, 15, 20; Spitzer 2006: 5, 10, 15; both use 10 as the cut-point.
    assert [low for low, _ in PHQ9_BANDS] == [0, 5, 10, 15, 20]
    assert [low for low, _ in GAD7_BANDS] == [0, 5, 10, 15]
    assert discussion_history.MOOD_SCORE_THRESHOLD == 10


def test_thresholds() -> None:
    assert SHORT_ATTACK_S == 120  # ICHD-3 13.1.1 B.1: up to 2 minutes
    assert round(discussion.MEANINGFUL_FALL, 2) == 0.30  # IMMPACT 2008, pain intensity
    # Lamotrigine after-window starts once Table 5's titration reaches 200 mg (day 36).
    assert AFTER_WINDOWS["lamotrigine"][0] > 36
    # Radiosurgery: tnprep's own three months, past the median latency of the series cited.
    assert AFTER_WINDOWS["radiosurgery"] == (91, 180)


def test_bni_descriptors() -> None:
    assert list(bni.BNI_PAIN_WORDS) == ["I", "II", "III", "IIIa", "IIIb", "IV", "V"]
    assert bni.BNI_PAIN_WORDS["IIIb"].endswith("adequately controlled with medication")
    assert bni.BNI_PAIN_WORDS["IV"] == "some pain, not adequately controlled with medication"
    assert bni.BNI_PAIN_WORDS["V"] == "severe pain or no pain relief"
    assert list(bni.BNI_NUMBNESS_WORDS) == ["I", "II", "III", "IV"]


def test_every_serious_rash_drug_has_its_source() -> None:
    text = safety.RASH_SOURCE
    members = set(members_of(DrugClass.SERIOUS_RASH))
    assert members == {
        "carbamazepine", "oxcarbazepine", "eslicarbazepine", "lamotrigine", "phenytoin",
        "fosphenytoin",
    }  # fmt: skip
    assert sources.CPIC_2017 in text  # carbamazepine, oxcarbazepine
    assert sources.CPIC_PHENYTOIN_2020 in text  # phenytoin, fosphenytoin (prodrug)
    assert "lamotrigine" in text and "eslicarbazepine" in text  # their labels


def test_sodium_question_cites_the_verified_table() -> None:
    assert discussion_history.SODIUM_QUESTION_SOURCE == sources.PRACT_NEUROL_2021_TABLE_5


def test_the_audit_lists_what_could_not_be_verified() -> None:
    audit = AUDIT.read_text(encoding="utf-8")
    assert "## What could not be verified" in audit
    for needle in (
        "Rogers et al. 2000",
        "200–1200",
        "1600",
        "HLA-B\\*15:02",
        "IMMPACT",
        "Hjermstad",
    ):
        assert needle in audit, needle

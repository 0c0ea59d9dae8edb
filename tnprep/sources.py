"""The published sources tnprep cites, each written once.

A rule, a dose range, a safety note or a discussion option names its source with one of these
constants; the page's short forms ('EAN 2019') are looked up by the constant, never found by
searching the text for an author's name. The texts are exactly those earlier summaries carry.
"""

from __future__ import annotations

EAN_2019 = "EAN guideline on trigeminal neuralgia (Bendtsen et al., Eur J Neurol 2019;26:831–849)"
"""European Academy of Neurology guideline on TN: treatment roles and most discussion rules."""

PRACT_NEUROL_2021_TABLE_5 = (
    "Lambru, Zakrzewska, Matharu. Trigeminal neuralgia: a practical guide. Pract Neurol "
    "2021;21:392–402, Table 5 (adapted from Bendtsen et al.)"
)
"""Source of every published dose range tnprep prints (verified against the table's text)."""

PRACT_NEUROL_2021_TABLE_5_SHORT = (
    "Pract Neurol 2021;21:392–402, Table 5 (adapted from EAN 2019)"
)  # fmt: skip
"""The same table as the page's ranges note names it."""

NICE_CKS_CARBAMAZEPINE = "NICE CKS: carbamazepine up to 1600 mg/day"
"""NICE Clinical Knowledge Summary (trigeminal neuralgia): carbamazepine maximum 1600 mg daily."""

EAN_2019_AND_PRACT_NEUROL_2021 = (
    "EAN 2019 (Bendtsen et al., Eur J Neurol 2019;26:831–849); Lambru et al., Pract Neurol "
    "2021;21:392–402, table 5"
)
"""The two together, as the safety block cites them for hyponatraemia."""

CPIC_2017 = (
    "CPIC guideline for HLA genotype and carbamazepine and oxcarbazepine, 2017 update "
    "(Phillips et al., Clin Pharmacol Ther 2018;103:574–581)"
)
"""HLA-B*15:02 and SJS/TEN with carbamazepine and oxcarbazepine."""

CARBAMAZEPINE_LABEL = "Carbamazepine prescribing information, FDA boxed warning (HLA-B*1502)"
"""The carbamazepine label's boxed warning on HLA-B*1502 and serious skin reactions."""

PHQ9_KROENKE_2001 = "PHQ-9 (Kroenke et al., J Gen Intern Med 2001;16:606–613)"
"""The PHQ-9 and its bands."""

GAD7_SPITZER_2006 = "GAD-7 (Spitzer et al., Arch Intern Med 2006;166:1092–1097)"
"""The GAD-7 and its bands."""

BNI_ROGERS_2000 = (
    "BNI pain intensity score (Rogers et al., Int J Radiat Oncol Biol Phys 2000;47:1013–1019)"
)
"""The Barrow Neurological Institute pain and numbness scores."""

IMMPACT_2008 = "IMMPACT recommendations (Dworkin et al., J Pain 2008;9:105–121)"
"""A fall of 30 % or more in pain intensity is a moderately important improvement in trials."""

PRODUCT_RULE = "tnprep rule (docs/figures.md)"
"""A threshold chosen by this product, not a clinical criterion."""

TNPREP_OPTIONS_LIST = "tnprep list of options commonly discussed (docs/treatments.md)"
"""Options patients commonly ask about, listed by this product rather than by a guideline."""

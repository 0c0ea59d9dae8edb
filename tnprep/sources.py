"""The published sources tnprep cites, each written once.

A rule, a dose range, a safety note or a discussion option names its source with one of these
constants; the page's short forms ('EAN 2019') are looked up by the constant, never found by
searching the text for an author's name. The texts are exactly those earlier summaries carry.

Every constant was checked on 2026-12-03 against the stored public text named in its comment
(docs/clinical-sources.md has the full audit table: what was verified, against what, and what
could not be). "Not verified" in a comment means no primary text was reachable: the claim is
kept because nothing contradicts it, but it is not to be read as checked.
"""

from __future__ import annotations

# Verified: authors and title (research.regionh.dk, scribd copy of the article, 19 pages as in
# 831–849) and its abstract: carbamazepine or oxcarbazepine first choice; lamotrigine,
# gabapentin, botulinum toxin type A, pregabalin, baclofen and phenytoin alone or add-on; IV
# fosphenytoin or lidocaine in acute exacerbations (PubMed 30860637, doi:10.1111/ene.13950).
# MVD first-line surgery in classical TN, neuroablative treatments where MRI shows no contact,
# psychological and nursing support: Medscape's summary of the guideline (not the full text).
# Not verified: volume/pages 26:831–849 (not in the stored text); the full text's own words on
# hyponatraemia (only Table 5 of Lambru et al., "adapted from Bendtsen et al.", was read).
EAN_2019 = "EAN guideline on trigeminal neuralgia (Bendtsen et al., Eur J Neurol 2019;26:831–849)"
"""European Academy of Neurology guideline on TN: treatment roles and most discussion rules."""

PRACT_NEUROL_2021_TABLE_5 = (
    "Lambru, Zakrzewska, Matharu. Trigeminal neuralgia: a practical guide. Pract Neurol "
    "2021;21:392–402, Table 5 (adapted from Bendtsen et al.)"
)
"""Source of every published dose range tnprep prints (verified against the table's text)."""
# Verified 2026-12-03 against Table 5 as published (pn.bmj.com table expansion 148716): every
# range in tnprep.analysis.treatments.DOSE_RANGES, the titration steps (carbamazepine +200 mg and
# oxcarbazepine +300 mg every 3 days; lamotrigine 25 mg 2 weeks, 50 mg 1 week, then +50 mg a
# week), and the side effects hyponatraemia (carbamazepine, oxcarbazepine), skin reaction(s)
# (carbamazepine, oxcarbazepine) and rash (lamotrigine). The issue's "Bendtsen 2019 Practical
# Neurology" was wrong: the Practical Neurology table is Lambru, Zakrzewska & Matharu's.
# Not verified: volume/pages 21:392–402 (the stored copy shows doi:10.1136/practneurol-2020-
# 002782, first published 9 June 2021).

PRACT_NEUROL_2021_TABLE_5_SHORT = (
    "Pract Neurol 2021;21:392–402, Table 5 (adapted from EAN 2019)"
)  # fmt: skip
"""The same table as the page's ranges note names it."""

# Verified: cks.nice.org.uk/trigeminal-neuralgia, "200 mg three or four times a day ...
# (maximum dosage 1600 mg daily)"; a 2024 summary of the CKS topic gives the same maximum.
NICE_CKS_CARBAMAZEPINE = "NICE CKS: carbamazepine up to 1600 mg/day"
"""NICE Clinical Knowledge Summary (trigeminal neuralgia): carbamazepine maximum 1600 mg daily."""

EAN_2019_AND_PRACT_NEUROL_2021 = (
    "EAN 2019 (Bendtsen et al., Eur J Neurol 2019;26:831–849); Lambru et al., Pract Neurol "
    "2021;21:392–402, table 5"
)
"""The two together, as the safety block cites them for hyponatraemia.

Verified for Lambru et al. Table 5 (hyponatraemia listed for carbamazepine and oxcarbazepine);
EAN 2019's own wording on hyponatraemia was not reachable (see ``EAN_2019``). The text is kept
unchanged because earlier summaries carry it."""

CPIC_2017 = (
    "CPIC guideline for HLA genotype and carbamazepine and oxcarbazepine, 2017 update "
    "(Phillips et al., Clin Pharmacol Ther 2018;103:574–581)"
)
"""HLA-B*15:02 and SJS/TEN with carbamazepine and oxcarbazepine.

Verified: title, authors, Clin Pharmacol Ther 2018;103(4):574–581, doi:10.1002/cpt.1004, and the
abstract ("HLA-B*15:02 is strongly associated with greater risk of SJS and TEN in patients treated
with carbamazepine or oxcarbazepine"; HLA-A*31:01 with carbamazepine only)."""

CPIC_PHENYTOIN_2020 = (
    "CPIC guideline for CYP2C9 and HLA-B genotypes and phenytoin dosing, 2020 update "
    "(Karnes et al., Clin Pharmacol Ther 2021;109:302–309)"
)
"""HLA-B*15:02 and SJS/TEN with phenytoin (fosphenytoin is its prodrug).

Verified: PubMed 32779747 abstract, Clin Pharmacol Ther 2021;109(2):302–309, doi:10.1002/cpt.2008
("HLA-B*15:02 is associated with an increased risk of Stevens-Johnson syndrome and toxic epidermal
necrolysis in response to phenytoin"); the 2014 guideline (Caudle et al.) lists fosphenytoin
among its keywords."""

RASH_LABELS = (
    "lamotrigine prescribing information, boxed warning: serious skin rashes; eslicarbazepine "
    "prescribing information: serious dermatologic reactions"
)
"""Lamotrigine and eslicarbazepine labels (serious skin reactions).

Verified: lamotrigine — openFDA label text, boxed warning "SERIOUS SKIN RASHES ... including
Stevens-Johnson syndrome and toxic epidermal necrolysis" (and Lambru et al. Table 5 lists rash).
Eslicarbazepine — the FDA label's warnings as summarised by drugs.com, nursingcenter.com and
epilepsy.com (serious dermatologic reactions incl. SJS/TEN; hyponatraemia, sodium < 125 mmol/L);
the label text itself was not in the stored copies."""

SERIOUS_RASH_CLASS = f"{CPIC_2017}; {CPIC_PHENYTOIN_2020}; {RASH_LABELS}"
"""Every source of the serious-rash class, as the safety block cites it (one per member group)."""

CARBAMAZEPINE_LABEL = "Carbamazepine prescribing information, FDA boxed warning (HLA-B*1502)"
"""The carbamazepine label's boxed warning on HLA-B*1502 and serious skin reactions.

Verified: openFDA carbamazepine labels, boxed warning "SERIOUS DERMATOLOGIC REACTIONS AND
HLA-B*1502 ALLELE"; testing before starting is for patients with ancestry in populations in which
HLA-B*1502 may be present (not "Asian patients" in general)."""

PHQ9_KROENKE_2001 = "PHQ-9 (Kroenke et al., J Gen Intern Med 2001;16:606–613)"
"""The PHQ-9 and its bands.

Verified: the abstract (studylib copy of the article, "J GEN INTERN MED 2001;16:606–613"): items
scored 0 "not at all" to 3 "nearly every day"; "PHQ-9 scores of 5, 10, 15, and 20 represented
mild, moderate, moderately severe, and severe depression"; a score of 10 or more had 88 %
sensitivity and specificity for major depression. The word "minimal" for 0–4 is SPEC's."""

GAD7_SPITZER_2006 = "GAD-7 (Spitzer et al., Arch Intern Med 2006;166:1092–1097)"
"""The GAD-7 and its bands.

Verified: title, authors and Arch Intern Med 2006;166:1092–1097 (researchgate and tutorsonspot
copies of the article); the cut points 5, 10 and 15 for mild, moderate and severe anxiety as quoted
from the article by two secondary pages (mrcpsych.uk, promisekit.org), and the 0–4 reference
group in the article's Figure 2 legend (jamanetwork.com). The article's own sentence with the
cut points was not in the stored excerpts."""

BNI_ROGERS_2000 = (
    "BNI pain intensity score (Rogers et al., Int J Radiat Oncol Biol Phys 2000;47:1013–1019)"
)
"""The Barrow Neurological Institute pain and numbness scores.

Not verified: Rogers et al. 2000 itself (neither the article nor its abstract was reachable), so
neither its page numbers nor whether the IIIa/IIIb split is in it. The descriptors tnprep prints
were checked against: "Gamma Knife stereotactic radiosurgery for idiopathic trigeminal neuralgia",
J Neurosurg 112(4):758 (2010; abstract: BNI I–IIIb "adequate or better, with or without
medications", I–IIIa "significant pain relief", IIIb "pain adequately controlled with
medication"); Rashid et al., Radiat Oncol 2018 (I–IIIa "pain free with or without medication",
I–II "pain free without medication"); and a hospital's BNI intake form in a public repository
(I–V and numbness I–IV word for word as tnprep prints them). Secondary sources only."""

IMMPACT_2008 = "IMMPACT recommendations (Dworkin et al., J Pain 2008;9:105–121)"
"""A fall of 30 % or more in pain intensity is a moderately important improvement in trials.

Verified: J Pain 2008;9(2):105–121 (sciencedirect record) and the recommendations table as
reproduced by Bandolier: 0–10 NRS pain intensity, "moderately important: at least 30 % decrease",
"substantial: at least 50 % decrease". It concerns pain intensity, not attack frequency."""

PRODUCT_RULE = "tnprep rule (docs/figures.md)"
"""A threshold chosen by this product, not a clinical criterion."""

TNPREP_OPTIONS_LIST = "tnprep list of options commonly discussed (docs/treatments.md)"
"""Options patients commonly ask about, listed by this product rather than by a guideline."""

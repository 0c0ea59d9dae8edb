"""Session 5 page review, second pass: figures stated with more confidence than the files.

- the 'since the last visit' strip labelled asmith's pain "0–10" while the glance said "read as
  0–10 … no scale stated";
- asmith's 10 attacks against 5 printed "↑ +100 %" and a discussion point "rose 100 %";
- "PHQ-9 or GAD-7 at 10 or more" from a 2019 questionnaire did not say its date;
- time on a current drug was counted to the day the page was made, after the visit date;
- Migraine Buddy's one attack, recorded with "No medication": "rescue named in 0 of 1 attack".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from since_factory import earlier_document, with_earlier

from tnprep.analysis.discussion import describe
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.burden_lines import summary_burden_text
from tnprep.report.ledger_lines import drug_line
from tnprep.report.sections import build_glance
from tnprep.report.since import NBSP, build_since_strip
from tnprep.summary import FindingKind, Summary, TrendWithheld
from tnprep.summary_json import summary_to_json

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "real-exports"
REAL = ROOT / "tests" / "real_data"
SAMPLE = ROOT / "sample_data"
TODAY = dt.date(2026, 12, 3)
ASMITH = CORPUS / "asmith-headaches" / "headaches.csv"


def _summary(
    *diaries: Path,
    questionnaires: tuple[Path, ...] = (),
    treatments: Path | None = None,
    today: dt.date = TODAY,
) -> Summary:
    sources = Sources(
        diaries=[(path.name, path.read_bytes()) for path in diaries],
        questionnaires=[(path.name, path.read_bytes()) for path in questionnaires],
        treatments=[] if treatments is None else [(treatments.name, treatments.read_bytes())],
    )
    return summarise_patient(load_patient(sources), start=None, end=None, today=today)


def test_the_since_strip_labels_an_unstated_scale_as_the_glance_does() -> None:
    strip = build_since_strip(with_earlier(_summary(ASMITH), earlier_document()))
    assert strip is not None
    labels = [cell.label for cell in strip.cells]
    assert "Worst pain, read as 0–10 (no scale stated)" in labels
    assert "Median pain, read as 0–10 (no scale stated)" in labels
    assert not any(label.endswith("pain 0–10") for label in labels)
    since = summary_to_json(with_earlier(_summary(ASMITH), earlier_document()))["since_last_visit"]
    assert isinstance(since, dict)
    assert "Worst pain, read as 0–10 (no scale stated)" in str(since["figures"])


def test_a_stated_scale_keeps_the_strips_0_10_label() -> None:
    sample = _summary(SAMPLE / "attack_log.csv")
    strip = build_since_strip(with_earlier(sample, earlier_document()))
    assert strip is not None
    assert {"Worst pain 0–10", "Median pain 0–10"} <= {cell.label for cell in strip.cells}


def test_ten_attacks_against_five_is_not_a_percentage_change() -> None:
    summary = _summary(ASMITH)
    trend = summary.attacks.trend
    assert (trend.recent_attacks, trend.previous_attacks) == (10, 5)
    assert not trend.computed
    assert trend.reason is TrendWithheld.TOO_FEW_ATTACKS
    assert (trend.ratio, trend.change_percent) == (None, None)
    tile = next(
        figure for figure in build_glance(summary).figures if figure.label.startswith("Trend")
    )
    assert tile.value == "–"
    assert tile.detail == "not computed: too few attacks (10 vs 5)"
    assert not any(finding.kind is FindingKind.ATTACKS_RISING for finding in summary.findings)


def test_an_old_questionnaire_point_says_its_date() -> None:
    summary = _summary(
        REAL / "checkin_export.csv",
        questionnaires=(REAL / "hl7_sdc_phq9_answers.json", REAL / "hl7_sdc_adaptive_phq9.json"),
    )
    point = next(
        describe(finding)
        for finding in summary.findings
        if finding.kind is FindingKind.PSYCHOLOGICAL_SUPPORT
    )
    assert point.startswith(
        "PHQ-9 or GAD-7 at 10 or more (At a glance: PHQ-9 of 21 Aug 2019, over 7 years before "
        "this page was made); "
    )


def test_a_recent_questionnaire_point_is_unchanged() -> None:
    summary = _summary(
        SAMPLE / "attack_log.csv",
        questionnaires=(SAMPLE / "questionnaire.csv",),
        today=dt.date(2026, 11, 25),
    )
    points = [describe(f) for f in summary.findings if f.kind is FindingKind.PSYCHOLOGICAL_SUPPORT]
    assert all(point.startswith("PHQ-9 or GAD-7 at 10 or more (At a glance); ") for point in points)


def test_time_on_a_current_drug_counts_to_the_visit_date() -> None:
    # the sample's visit is 2 Nov 2026; the page made 25 Nov said "since 10 Sep 2026 (77 days)"
    summary = _summary(
        SAMPLE / "attack_log.csv",
        questionnaires=(SAMPLE / "questionnaire.csv",),
        treatments=SAMPLE / "treatments.csv",
        today=dt.date(2026, 11, 25),
    )
    assert summary.patient.visit_date == dt.date(2026, 11, 2)
    drug = next(drug for drug in summary.ledger.drugs if drug.name == "oxcarbazepine")
    assert drug.total is not None
    assert (drug.total.shortest_days, drug.total.longest_days) == (54, 54)  # 10 Sep – 2 Nov
    assert "77 days" not in drug_line(drug).text


def test_a_visit_after_the_page_is_made_counts_to_the_day_the_page_is_made() -> None:
    # a page made before the visit never counts days that have not happened yet
    summary = _summary(
        SAMPLE / "attack_log.csv",
        questionnaires=(SAMPLE / "questionnaire.csv",),
        treatments=SAMPLE / "treatments.csv",
        today=dt.date(2026, 10, 20),
    )
    drug = next(drug for drug in summary.ledger.drugs if drug.name == "oxcarbazepine")
    assert drug.total is not None
    assert drug.total.longest_days == 41  # 10 Sep – 20 Oct


def test_migraine_buddys_no_medication_attack_is_counted_as_none_named() -> None:
    # The export's "Unsure Medication" cell says "No medication" (its sentinel for none): the
    # attack records that no rescue was taken, so "0 of 1" is the file's own statement.
    summary = _summary(CORPUS / "mb-contributed" / "migraine_buddy_sample.csv")
    assert summary.rescue.attacks_with_record == 1
    assert summary.rescue.attacks_with_rescue == 0
    text = (summary_burden_text(summary, summary.ledger) or "").replace(NBSP, " ")
    assert "rescue named in 0 of 1 attack" in text

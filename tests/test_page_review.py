"""A facial-pain neurologist's two-minute read of the page on the real files (session 5 review).

Each test is one thing the page said with more confidence than the file supports, or said two
ways in two places (SPEC *Meaning of the figures*, *Pain scales*, *Clinical voice*):

- asmith's ``intensity`` states no scale: the pattern said "read as 0–10" while the glance
  label and the chart legend said plainly "Pain 0–10";
- yilativs' 1–5 pain (not converted) and Bearable's words left the glance at "–/–" under
  "Pain 0–10", as if no pain had been recorded;
- a diary with no trigger column printed "Triggered / spontaneous: 0 / 0", and a workbook's
  rows (file "name.xlsx [sheet]") were never matched to its trigger column ("12 / 0" of 1500);
- Pavia's median of 16 timed attacks printed to the second ("34 min 17 s") and touched the
  next tile;
- 2 of 1500 printed as "0 %", one timed attack as "12–18 h 100 %";
- two PHQ-9s of the same day: "an older PHQ-9 (21 Aug 2019 …)" beside a shown one of that day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.chart_content import build_chart
from tnprep.report.pattern_section import build_pattern
from tnprep.report.score_lines import questionnaire_notes
from tnprep.report.sections import Figure, build_footer, build_glance, build_header
from tnprep.report.wording import percent
from tnprep.summary import Summary
from tnprep.summary_json import attacks_json

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "real-exports"
REAL = ROOT / "tests" / "real_data"
TODAY = dt.date(2026, 12, 3)


def _summary(*diaries: Path, questionnaires: tuple[Path, ...] = ()) -> Summary:
    sources = Sources(
        diaries=[(path.name, path.read_bytes()) for path in diaries],
        questionnaires=[(path.name, path.read_bytes()) for path in questionnaires],
    )
    return summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)


def _pain(summary: Summary) -> Figure:
    figures = build_glance(summary).figures
    return next(figure for figure in figures if figure.label.startswith("Pain"))


def _field(summary: Summary, label: str) -> str:
    return next(field.value for field in build_pattern(summary).fields if field.label == label)


ASMITH = CORPUS / "asmith-headaches" / "headaches.csv"
YILATIVS = CORPUS / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
BEARABLE = CORPUS / "bearable-export" / "Bearable_Export_20210728.csv"
PAVIA = CORPUS / "gchrg-pavia-symptoms" / "Pavia-anfald-nobbism-Symptoms.head.csv"
PAVIA_XLSX = CORPUS / "gchrg-pavia-xlsx" / "Pavias-anfald-og-behandlinger.head.xlsx"


def test_an_unstated_scale_is_not_labelled_0_10_in_the_glance_or_the_chart() -> None:
    summary = _summary(ASMITH)
    pain = _pain(summary)
    assert pain.label == "Pain, read as 0–10"
    assert (pain.value, pain.detail) == ("2 / 7", "median / worst; no scale stated")
    assert "Line: worst pain, read as 0–10 (right)." in build_chart(summary).caption


def test_a_1_5_scale_not_converted_shows_its_own_figures_on_its_own_scale() -> None:
    pain = _pain(_summary(YILATIVS))
    assert (pain.label, pain.value, pain.detail) == (
        "Pain 1–5 (not converted)", "2 / 5", "median / worst"
    )  # fmt: skip


def test_pain_in_words_says_so_in_the_glance() -> None:
    pain = _pain(_summary(BEARABLE))
    assert (pain.label, pain.value) == ("Pain", "–")
    assert pain.detail == "recorded as words; not converted"


def test_a_stated_0_10_scale_keeps_its_label() -> None:
    sample = _summary(ROOT / "sample_data" / "attack_log.csv")
    assert (_pain(sample).label, _pain(sample).detail) == ("Pain 0–10", "median / worst")


def test_no_trigger_column_is_not_zero_spontaneous_attacks() -> None:
    assert _field(_summary(ASMITH), "Triggered / spontaneous / unknown") == "not recorded"


def test_a_workbooks_trigger_column_counts_for_its_sheets_rows() -> None:
    summary = _summary(PAVIA_XLSX)
    features = summary.features
    assert (features.triggered, features.spontaneous, features.trigger_unknown) == (12, 0, 1488)


def test_blank_trigger_cells_are_not_printed_as_spontaneous() -> None:
    """Pavia's 1,488 attacks with the trigger cell blank were printed '12 / 1488' (spontaneous)."""
    assert _field(_summary(PAVIA_XLSX), "Triggered / spontaneous / unknown") == "12 / 0 / 1488"


def test_a_long_median_duration_is_given_to_the_minute() -> None:
    figures = build_glance(_summary(PAVIA)).figures
    duration = next(figure for figure in figures if figure.label == "Median duration")
    assert duration.value == "34 min"
    assert duration.detail == "from 16 of 139 attacks"


def test_a_share_that_is_not_none_or_all_is_never_printed_as_0_or_100() -> None:
    assert percent(2, 1500) == "2 of 1500 (< 1 %)"
    assert percent(1499, 1500) == "1499 of 1500 (> 99 %)"
    assert percent(0, 3) == "0 of 3 (0 %)"
    assert percent(541, 552) == "541 of 552 (98 %)"


def test_a_few_timed_attacks_are_counted_not_given_as_shares() -> None:
    summary = _summary(CORPUS / "cht-export" / "sample_logs.csv")
    assert _field(summary, "Time of day") == "6–12 h 1, 12–18 h 1, 18–24 h 1 (of 3 timed)"


def test_two_administrations_of_one_day_are_not_called_older() -> None:
    summary = _summary(
        REAL / "checkin_export.csv",
        questionnaires=(REAL / "hl7_sdc_phq9_answers.json", REAL / "hl7_sdc_adaptive_phq9.json"),
    )
    notes = questionnaire_notes(summary) or ""
    assert "older" not in notes
    assert "another PHQ-9 of the same day (21 Aug 2019, hl7_sdc_phq9_answers.json) gave 11" in notes


def test_left_and_right_attacks_are_not_labelled_as_both_sides_recorded() -> None:
    # asmith: right 6, left 9, none on both sides at once; "Both sides recorded: … both 0" misread
    both = _field(_summary(ASMITH), "Left and right both recorded")
    assert both == "attack rows: right 6, left 9, both 0"


def test_a_chosen_periods_scale_line_says_its_figures_are_the_whole_files() -> None:
    # Pavia, 1–24 Nov 2019: the glance's worst is 4, the scale line's "values 2–9" the file's
    sources = Sources(diaries=[(PAVIA.name, PAVIA.read_bytes())])
    summary = summarise_patient(
        load_patient(sources), start=dt.date(2019, 11, 1), end=dt.date(2019, 11, 24), today=TODAY
    )
    assert _pain(summary).value == "3 / 4"
    assert _field(summary, "Pain scale").startswith(f"{PAVIA.name} (whole file): Intensity:")
    assert "(whole file)" not in _field(_summary(PAVIA), "Pain scale")


def test_the_headers_recorded_days_say_how_many_are_long_silences() -> None:
    period = build_header(_summary(YILATIVS)).period
    recorded = next(field.value for field in period if field.label == "Recorded days")
    assert recorded == "6212 of 6212, 5286 in silences"  # no thousands comma (session 6 review)


def test_a_converted_scale_says_so_beside_the_0_10_figures() -> None:
    sources = Sources(diaries=[(ASMITH.name, ASMITH.read_bytes())])
    patient = load_patient(sources, scales={"intensity": "0-7"})
    summary = summarise_patient(patient, start=None, end=None, today=TODAY)
    pain = _pain(summary)
    assert (pain.label, pain.detail) == ("Pain 0–10", "median / worst; converted from 0–7")


def test_the_footer_counts_one_row_as_one_row() -> None:
    # Migraine Buddy's one-attack export printed "Data: 1 rows read"
    quality = build_footer(
        _summary(CORPUS / "mb-contributed" / "migraine_buddy_sample.csv")
    ).quality
    assert quality.startswith("Data: 1 row read, 1 used,")
    assert "0 days without diary" in quality


def test_a_highest_count_many_days_share_is_not_given_one_day() -> None:
    """asmith's busiest 'day' had 1 attack, like 21 other days: the page named 15 Dec 2023 alone."""
    summary = _summary(ASMITH)
    figure = next(item for item in build_glance(summary).figures if item.label == "Most in a day")
    assert (figure.value, figure.detail) == ("1", "on 22 days, first 15 Dec 2023")
    assert attacks_json(summary.attacks)["max_days"] == 22

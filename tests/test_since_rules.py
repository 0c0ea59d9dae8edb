"""Since the last visit compares like with like: a figure made under other rules is not compared.

The earlier summary may come from an older tnprep that counted differently: rows of pain 0 as
attacks (median pain 0, six "attacks" for two days with pain), an event log's quiet days as
attack-free (Bearable: 254 "recorded" days, 242 attack-free), pain columns read without their
scale, days of pain 0 left unrecorded. The files in tests/old_summaries/ were written by those
commits (README there). Each figure so made is not compared, and the strip says which and why.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest

from tnprep.cli import main
from tnprep.figure_rules import FIGURE_RULES
from tnprep.ingest.previous import read_previous, read_previous_visits
from tnprep.pipeline import Sources, load_patient, summarise_patient
from tnprep.report.since import build_since_strip
from tnprep.summary import Summary

TESTS = Path(__file__).resolve().parent
OLD = TESTS / "old_summaries"
CHECKIN = TESTS / "real_data" / "checkin_export.csv"
SAMPLE = TESTS.parent / "sample_data"
SAMPLE_DIARIES = tuple(SAMPLE / name for name in ("attack_log.csv", "paper_diary.csv",
                                                  "migraine_buddy.csv"))  # fmt: skip
BEARABLE = TESTS.parent / "../shared/real-exports/bearable-export/Bearable_Export_20210728.csv"
DAY_FIGURES = ("per_recorded_day", "attack_free_percent")


def compared(diaries: tuple[Path, ...], previous: Path, *options: str) -> dict[str, dict]:
    """The JSON's ``since_last_visit`` figures by key, for ``diaries`` against ``previous``."""
    return {figure["key"]: figure for figure in since(diaries, previous, *options)["figures"]}


def since(diaries: tuple[Path, ...], previous: Path, *options: str) -> dict:
    """The JSON's ``since_last_visit`` object (the report written to a temporary folder)."""
    with tempfile.TemporaryDirectory() as folder:
        summary = Path(folder) / "s.json"
        arguments = ["report", *(part for diary in diaries for part in ("--diary", str(diary)))]
        arguments += ["--previous", str(previous), "--out", str(Path(folder) / "r.pdf")]
        assert main([*arguments, "--summary-json", str(summary), *options]) in (0, 1)
        written: dict = json.loads(summary.read_text(encoding="utf-8"))
    return dict(written["since_last_visit"])


def not_compared(figure: dict) -> bool:
    return figure["direction"] == "not comparable" and bool(figure["not_compared"])


def test_session_5_counted_pain_0_days_as_unrecorded() -> None:
    figures = compared((CHECKIN,), OLD / "checkin-a9dc9d2.summary.json")
    for key in DAY_FIGURES:  # 0.5 per recorded day over 4 days then; 0.33 over 6 now
        assert not_compared(figures[key])
        assert figures[key]["not_compared"] == [
            "the last summary did not count its days of pain 0 as recorded days"
        ]
    for key in ("intensity_median", "intensity_max"):  # the same attacks then and now
        assert figures[key]["not_compared"] == [] and figures[key]["direction"] == "same"


def test_session_4_counted_rows_of_pain_0_as_attacks() -> None:
    figures = compared((CHECKIN,), OLD / "checkin-e230a50.summary.json")
    for key in (*DAY_FIGURES, "intensity_median"):  # median pain 0 then: the rows of pain 0
        assert not_compared(figures[key])
        reason = figures[key]["not_compared"][0]
        assert "before rows of pain 0 stopped counting as attacks" in reason
    assert figures["intensity_max"]["direction"] == "same"


def test_an_event_log_counted_by_the_older_day_rule() -> None:
    figures = compared((BEARABLE,), OLD / "bearable-ccb4d6c.summary.json")
    reasons = figures["per_recorded_day"]["not_compared"]
    assert not_compared(figures["per_recorded_day"])  # 0.09 over 254 days then, 0.39 over 56 now
    assert "the last summary counted an event log's days by an older rule" in reasons
    assert figures["intensity_median"]["then"] is None  # pain in words: no median then or now
    assert figures["intensity_median"]["not_compared"] == []  # nothing to leave out, nothing said


def test_before_real_files_no_diary_figure_is_compared() -> None:
    figures = compared(SAMPLE_DIARIES, OLD / "sample-43526cc.summary.json")
    for key in (*DAY_FIGURES, "intensity_median", "intensity_max"):
        assert not_compared(figures[key]), key
    assert "before tnprep read pain scales" in " ".join(figures["intensity_max"]["not_compared"])


def test_the_same_rules_compare_everything() -> None:
    # Session 5 had every rule but the days of pain 0, and the sample has no row of pain 0
    figures = compared(SAMPLE_DIARIES, OLD / "sample-a9dc9d2.summary.json")
    assert all(figure["not_compared"] == [] for figure in figures.values())
    assert figures["per_recorded_day"]["direction"] in ("lower", "higher", "same")


def test_the_rules_are_read_from_the_keys_or_stated() -> None:
    rules = {
        name: read_previous((OLD / name).read_bytes(), name).rules
        for name in ("sample-43526cc.summary.json", "bearable-ccb4d6c.summary.json",
                     "checkin-e230a50.summary.json", "checkin-a9dc9d2.summary.json")
    }  # fmt: skip
    assert rules["sample-43526cc.summary.json"].rules == ()
    assert rules["bearable-ccb4d6c.summary.json"].rules == ("pain-scales",)
    assert rules["checkin-e230a50.summary.json"].rules == ("pain-scales", "event-log-days")
    session_5 = rules["checkin-a9dc9d2.summary.json"]
    assert session_5.rules == ("pain-scales", "event-log-days", "pain-0-not-attack")
    assert (session_5.stated, session_5.pain_zero_rows) == (False, True)


def test_a_summary_states_its_rules_and_compares_with_itself(tmp_path: Path) -> None:
    first = tmp_path / "first.summary.json"
    arguments = ["report", "--diary", str(CHECKIN), "--out", str(tmp_path / "r.pdf")]
    assert main([*arguments, "--summary-json", str(first)]) == 0
    written = json.loads(first.read_text(encoding="utf-8"))
    assert written["figure_rules"] == list(FIGURE_RULES)
    again = since((CHECKIN,), first)
    assert again["previous"]["figure_rules"] == list(FIGURE_RULES)
    assert again["previous"]["figure_rules_stated"] is True
    assert all(figure["not_compared"] == [] for figure in again["figures"])


def test_a_rule_tnprep_does_not_know_is_a_newer_tnprep(tmp_path: Path) -> None:
    document = json.loads((OLD / "checkin-a9dc9d2.summary.json").read_text(encoding="utf-8"))
    document["figure_rules"] = [*FIGURE_RULES, "a-rule-from-later"]
    newer = tmp_path / "newer.summary.json"
    newer.write_text(json.dumps(document), encoding="utf-8")
    figures = compared((CHECKIN,), newer)
    assert figures["intensity_max"]["not_compared"] == [
        "the last summary was made by a newer tnprep"
    ]
    assert figures["bni_pain"]["not_compared"] == []


SILENT_LOG = b"Start,Pain\n2026-01-01 08:00,6\n2026-01-02 08:00,5\n2026-03-01 08:00,7\n"


@pytest.mark.parametrize(("then", "now", "differs"), [
    ("unrecorded", "attack-free", True),
    ("attack-free", "unrecorded", True),
    ("unrecorded", "unrecorded", False),
])  # fmt: skip
def test_silences_counted_another_way(tmp_path: Path, then: str, now: str, differs: bool) -> None:
    diary = tmp_path / "log.csv"
    diary.write_bytes(SILENT_LOG)
    first = tmp_path / "first.summary.json"
    arguments = ["report", "--diary", str(diary), "--out", str(tmp_path / "r.pdf")]
    assert main([*arguments, "--summary-json", str(first), "--silences", then]) == 0
    figures = compared((diary,), first, "--silences", now)
    reasons = figures["per_recorded_day"]["not_compared"]
    assert reasons == ([f"silences counted {then} then, {now} now"] if differs else [])
    assert figures["intensity_max"]["not_compared"] == []


def strip_of(diaries: tuple[Path, ...], previous: Path) -> tuple[Summary, list[str]]:
    """The summary and the strip's lines as the page and the app draw them."""
    sources = Sources(diaries=[(path.name, path.read_bytes()) for path in diaries])
    reading = read_previous_visits([(previous.name, previous.read_bytes())])
    summary = summarise_patient(load_patient(sources), start=None, end=None,
                                today=dt.date(2026, 12, 3), previous=reading)  # fmt: skip
    strip = build_since_strip(summary)
    assert strip is not None
    return summary, [cell.label for cell in strip.cells] + list(strip.not_compared)


def test_the_strip_says_which_and_why() -> None:
    _, lines = strip_of((CHECKIN,), OLD / "checkin-e230a50.summary.json")
    assert "Attacks per recorded day" not in lines  # no cell 0.55 → 0.33 'lower'
    assert any(line.startswith("Worst pain") for line in lines)  # compared: 5 → 5
    line = [text for text in lines if text.startswith("Not compared")]
    assert line == [
        "Not compared — Attacks per recorded day; Attack-free days, % of recorded; "
        f"{median_label()}: the last summary was made before rows of pain 0 stopped counting "
        "as attacks."
    ]


def median_label() -> str:
    summary, _ = strip_of((CHECKIN,), OLD / "checkin-a9dc9d2.summary.json")
    assert summary.since is not None
    labels = {figure.key: figure.label for figure in summary.since.figures}
    return labels["intensity_median"]


def test_nothing_said_when_everything_is_compared() -> None:
    summary, lines = strip_of(SAMPLE_DIARIES, OLD / "sample-a9dc9d2.summary.json")
    assert not [line for line in lines if line.startswith("Not compared")]
    assert summary.since is not None
    recorded = [
        figure for figure in summary.since.figures if (figure.then, figure.now) != (None, None)
    ]
    neither = [line for line in lines if line.startswith("Recorded in neither summary: ")]
    assert len(lines) == len(recorded) + len(neither)  # the others named on that one line


def test_damaged_rules_leave_the_summary_out() -> None:
    document = json.loads((OLD / "checkin-a9dc9d2.summary.json").read_text(encoding="utf-8"))
    document["figure_rules"] = "pain-scales"
    reading = read_previous_visits([("bad.summary.json", json.dumps(document).encode())])
    assert reading.visits == ()
    assert reading.left_out[0].reason == (
        "damaged summary: 'figure_rules' is not a list of text; not compared."
    )


def test_figures_neither_summary_has_are_one_line_not_cells() -> None:
    """Bearable then and now: six '– → – not comparable' cells read like six findings."""
    sources = Sources(diaries=[(BEARABLE.name, BEARABLE.read_bytes())])
    previous = OLD / "bearable-ccb4d6c.summary.json"
    reading = read_previous_visits([(previous.name, previous.read_bytes())])
    summary = summarise_patient(load_patient(sources), start=None, end=None,
                                today=dt.date(2026, 12, 3), previous=reading)  # fmt: skip
    strip = build_since_strip(summary)
    assert strip is not None
    assert [cell.values for cell in strip.cells if cell.values == "– → –"] == []
    assert (
        "Recorded in neither summary: Worst pain 0–10; Median pain 0–10; BNI pain; BNI numbness; "
        "PHQ-9; GAD-7." in strip.not_compared
    )

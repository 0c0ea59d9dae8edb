"""Real public exports (../shared/real-exports, see each folder's provenance.txt).

Each is read as a careful human would read it, or refused with a reason a patient understands —
never a confident misreading.

One row per diary-type file (the FHIR questionnaires belong to tests/test_fhir.py). The corpus is
kept beside the checkout, not in it (licences vary); a missing corpus fails loudly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from tnprep.cli import main
from tnprep.ingest.diary import read_diary
from tnprep.ingest.recognise import InputKind, recognise
from tnprep.ingest.scales import NOT_STATED
from tnprep.issues import InputError, Severity
from tnprep.model import DiaryFile

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "real-exports"


@dataclass(frozen=True)
class Expected:
    """What a careful reader expects from one real file."""

    path: str
    kind: str
    """'attack log', 'event log', 'date-only log' … or 'refused'."""
    read: int = 0
    used: int = 0
    rejected: int = 0
    other: int = 0
    fields: tuple[str, ...] = ()
    """Fields that must be matched (header → field values)."""
    not_fields: tuple[str, ...] = ()
    """Fields that must NOT be matched (a misreading)."""
    scale: str | None = None
    """The pain scale's label when the file uses another than 0–10, or '0–10 not stated' when
    its pain column names no scale and 0–10 (the diary format's) was used."""
    first: str = ""
    last: str = ""
    refusal: str = ""
    max_issues: int = 30


CASES = [
    Expected("asmith-headaches/headaches.csv", "date-only log", 22, 22, 0, 0,
             ("date", "intensity", "side"), ("time",), "0–10 not stated",
             "2023-12-15", "2024-03-24"),
    Expected("bearable-export/Bearable_Export_20210728.csv", "event log", 1040, 22, 0, 1018,
             ("date", "time"), ("intensity",), "words", "2020-09-22", "2021-06-02"),
    Expected("cht-export/sample_logs.csv", "attack log", 3, 3, 0, 0,
             ("start", "end", "intensity", "rescue", "triggers", "notes"), (), "0–10 not stated",
             "2024-03-01", "2024-03-04", max_issues=0),
    Expected("daylio-sample/sample.csv", "refused",
             refusal="not a pain diary: it looks like a mood diary"),
    Expected("gchrg-pavia-symptoms/Pavia-anfald-nobbism-Symptoms.head.csv", "event log",
             1375, 139, 0, 1236, ("date", "time", "end", "intensity"),
             ("pain_type", "duration"), "0–10 not stated",
             "2019-07-21", "2019-11-24"),
    Expected("gchrg-pavia-xlsx/Pavias-anfald-og-behandlinger.head.xlsx", "attack log",
             2999, 1500, 0, 1499, ("start", "end", "intensity", "triggers"),
             # its medicines sheet (cut at other rows) names none of these attacks: no rescue
             ("pain_type", "location", "rescue"), "0–10 not stated", "2016-03-17", "2018-04-26"),
    Expected("gchrg-yilativs-tsv/yilativs-attacks.tsv", "attack log", 1059, 1039, 20, 0,
             ("date", "time", "duration", "intensity", "rescue", "rescue_helped"), (), "1–5",
             "2004-01-07", "2021-01-08"),
    Expected("mb-contributed/migraine_buddy_sample.csv", "attack log", 1, 1, 0, 0,
             ("start", "duration", "intensity", "triggers", "location"), (), None,
             "2024-11-16", "2024-11-16", max_issues=0),
]  # fmt: skip


def _read(case: Expected) -> DiaryFile:
    path = CORPUS / case.path
    assert path.exists(), f"the real-exports corpus is missing: {path}"
    return read_diary(path.read_bytes(), path.name)


@pytest.mark.parametrize("case", CASES, ids=[case.path.split("/")[0] for case in CASES])
def test_real_file_is_read_as_a_careful_human_would(case: Expected) -> None:
    if case.kind == "refused":
        with pytest.raises(InputError, match=case.refusal):
            _read(case)
        return
    diary_file = _read(case)
    used = len(diary_file.table)
    assert (diary_file.info.kind or diary_file.shape.value) == case.kind
    assert (diary_file.rows_read, used, diary_file.rows_rejected, diary_file.rows_other) == (
        case.read, case.used, case.rejected, case.other,
    )  # fmt: skip
    assert diary_file.rows_read == used + diary_file.rows_rejected + diary_file.rows_other
    fields = {name for _, name in diary_file.mapping}
    assert set(case.fields) <= fields
    assert not set(case.not_fields) & fields
    scale = diary_file.info.scale
    label = None if scale is None else scale.label
    if scale is not None and scale.source == NOT_STATED:
        label = f"{label} not stated"
    assert label == case.scale
    starts = diary_file.table["start"]
    assert (str(starts.min().date()), str(starts.max().date())) == (case.first, case.last)
    assert len(diary_file.issues) <= case.max_issues, "a column floods the issues"


def test_a_one_to_five_scale_is_never_shown_as_out_of_ten() -> None:
    diary_file = _read(CASES[6])
    assert diary_file.table["intensity"].isna().all()
    scale = diary_file.info.scale
    assert scale is not None and (scale.median, scale.maximum, scale.converted) == (2.0, 5.0, False)


def test_durations_come_from_start_and_end() -> None:
    assert _read(CASES[2]).table["duration_s"].tolist() == [9000.0, 8100.0, 8100.0]
    pavia = _read(CASES[5]).table["duration_s"]
    assert pavia.notna().mean() > 0.99 and 15 * 60 <= pavia.median() <= 45 * 60


def test_rescue_is_read_from_the_medication_column() -> None:
    assert _read(CASES[2]).table["rescue"].tolist() == [
        "Sumatriptan",
        "Oxygen",
        "Sumatriptan + Oxygen",
    ]
    yilativs = _read(CASES[6]).table
    assert yilativs["rescue"].str.casefold().str.contains("oxygen").sum() > 700


def test_event_log_counts_other_kinds_and_medicine_events() -> None:
    info = _read(CASES[4]).info
    kinds = dict(info.other_kinds)
    assert kinds["medicine"] == 481 + 70 and kinds["sport"] == 191  # medicine + altmedicine
    assert dict(info.medicine_events)["oxygen-demand-valve"] == 398


def test_date_only_log_has_no_hour_of_day() -> None:
    assert _read(CASES[0]).table["time_unknown"].all()


def test_mismatched_columns_are_one_notice_each_not_one_issue_per_row() -> None:
    issues = _read(CASES[5]).issues
    assert {issue.column for issue in issues if issue.code == "column-values-mismatch"} == {
        "Type", "Location"
    }  # fmt: skip
    assert not [issue for issue in issues if issue.severity is Severity.DROPPED]


def test_empty_headers_are_one_notice() -> None:
    unnamed = [issue for issue in _read(CASES[6]).issues if issue.code == "columns-unnamed"]
    assert len(unnamed) == 1 and unnamed[0].message.startswith("11 columns")


@pytest.mark.parametrize("case", CASES, ids=[case.path.split("/")[0] for case in CASES])
def test_batch_recognition_agrees_with_report(case: Expected) -> None:
    path = CORPUS / case.path
    assert recognise(path.read_bytes(), path.name) is InputKind.DIARY


@pytest.mark.parametrize(
    ("case", "status"),
    [(CASES[3], 2), (CASES[1], 0), (CASES[6], 0)],
    ids=["daylio", "bearable", "tsv"],
)
def test_check_exit_status(case: Expected, status: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--diary", str(CORPUS / case.path), "--json"]) == status
    if status == 0:
        account = json.loads(capsys.readouterr().out)["input"]
        assert account["rows_read"] == (
            account["rows_used"] + account["rows_rejected"] + account["duplicates"]
            + account["rows_other"]
        )  # fmt: skip


def test_check_exits_2_when_a_diary_has_no_usable_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diary = tmp_path / "unreadable_dates.csv"
    diary.write_text("Date,Time,Pain\nsomeday,08:00,5\nlater,09:00,6\n", encoding="utf-8")
    assert main(["check", "--diary", str(diary)]) == 2
    assert "no usable row" in capsys.readouterr().err


def test_scale_given_by_the_user(tmp_path: Path) -> None:
    diary = tmp_path / "scored.csv"
    diary.write_text("Start,Score\n2026-01-02 08:00,3\n2026-01-03 08:00,5\n", encoding="utf-8")
    scaled = read_diary(diary.read_bytes(), diary.name, scales={"Score": "1-5"})
    assert scaled.info.scale is not None and scaled.info.scale.source == "user"
    assert scaled.table["intensity"].isna().all()
    hundred = read_diary(b"Start,VAS (0-100)\n2026-01-02 08:00,35\n", "vas.csv")
    assert hundred.table["intensity"].tolist() == [3.5]


@dataclass(frozen=True)
class ExpectedCoverage:
    """Coverage a careful reader expects from `report` on one real diary (docs/figures.md)."""

    path: str
    days: int
    days_recorded: int
    attack_free_days: int


COVERAGE_CASES = [
    # Event logs cover only the days with a row of any kind: Bearable has rows on 56 of the
    # 254 days from its first to its last headache (12 of them headache days); the Pavia
    # symptom export has rows on 111 of 127 days. Days without any row are gaps.
    ExpectedCoverage("bearable-export/Bearable_Export_20210728.csv", 254, 56, 44),
    ExpectedCoverage("gchrg-pavia-symptoms/Pavia-anfald-nobbism-Symptoms.head.csv", 127, 111, 37),
    # An attack log still covers its span (a day without rows is attack-free).
    ExpectedCoverage("cht-export/sample_logs.csv", 4, 4, 1),
]  # fmt: skip


@pytest.mark.parametrize(
    "case", COVERAGE_CASES, ids=[case.path.split("/")[0] for case in COVERAGE_CASES]
)
def test_report_coverage_of_real_diaries(case: ExpectedCoverage, tmp_path: Path) -> None:
    summary = tmp_path / "summary.json"
    arguments = ["report", "--diary", str(CORPUS / case.path), "--out", str(tmp_path / "r.pdf")]
    assert main([*arguments, "--summary-json", str(summary)]) == 0
    written = json.loads(summary.read_text(encoding="utf-8"))
    figures = (written["period"]["days"], written["period"]["days_recorded"])
    assert (*figures, written["attacks"]["attack_free_days"]) == (
        case.days, case.days_recorded, case.attack_free_days,
    )  # fmt: skip

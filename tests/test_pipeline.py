"""The one recipe: per-file readers give a record or an ``Unreadable``; ``assemble`` joins them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tnprep import pipeline
from tnprep.issues import FILE_LEFT_OUT, InputError, Severity
from tnprep.model import DiaryFile
from tnprep.pipeline import (
    Readings,
    Sources,
    Unreadable,
    assemble,
    load_patient,
    read_diary_file,
    read_sources,
)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def sample(name: str) -> tuple[str, bytes]:
    return name, (SAMPLES / name).read_bytes()


def test_unreadable_carries_whatever_reason_the_reader_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(data: bytes, file: str, **options: object) -> DiaryFile:
        raise InputError(file, "is not a pain diary: a mood diary (columns date, mood).")

    monkeypatch.setattr(pipeline, "read_diary", refuse)
    assert read_diary_file(("mood.csv", b"date,mood\n")) == Unreadable(
        "mood.csv", "diary", "is not a pain diary: a mood diary (columns date, mood)."
    )


def test_each_kind_of_file_can_be_left_out_and_the_rest_is_read() -> None:
    broken = ("broken.csv", b"\x00\x01")
    readings = read_sources(
        Sources(
            diaries=[sample("attack_log.csv"), broken],
            treatments=[("history.csv", b"\x00")],
            questionnaires=[sample("questionnaire.csv"), ("answers.json", b"{not json")],
        )
    )
    assert [item.file for item in readings.diaries] == ["attack_log.csv"]
    assert [(item.file, item.role) for item in readings.unreadable] == [
        ("broken.csv", "diary"),
        ("history.csv", "treatment history"),
        ("answers.json", "questionnaire"),
    ]
    data = assemble(readings)
    left_out = [issue for issue in data.issues if issue.code == FILE_LEFT_OUT]
    assert [(issue.file, issue.row, issue.severity) for issue in left_out] == [
        ("broken.csv", None, Severity.REJECTED),
        ("history.csv", None, Severity.REJECTED),
        ("answers.json", None, Severity.REJECTED),
    ]
    assert data.answers.name  # the readable questionnaire was used
    assert data.diary.rows_used == 526


def test_a_map_applies_to_the_files_with_that_header_spelled_as_in_the_file() -> None:
    readings = read_sources(
        Sources(diaries=[sample("attack_log.csv"), sample("paper_diary.csv")]),
        mapping={"notes": "ignore", "Pain (0-10)": "intensity"},
    )
    assert readings.user_mappings == (
        ("attack_log.csv", (("Pain (0-10)", "intensity"), ("Notes", "ignore"))),
        ("paper_diary.csv", (("Notes", "ignore"),)),
    )
    assert assemble(readings).assumptions == (
        "attack_log.csv: column 'Pain (0-10)' read as intensity (set by the user)",
        "attack_log.csv: column 'Notes' not used (set by the user)",
        "paper_diary.csv: column 'Notes' not used (set by the user)",
    )


def test_load_patient_is_read_each_then_assemble() -> None:
    sources = Sources(diaries=[sample("attack_log.csv")], treatments=[sample("treatments.csv")])
    assert repr(load_patient(sources)) == repr(assemble(read_sources(sources)))


def test_nothing_at_all_assembles_to_empty_data() -> None:
    data = assemble(Readings())
    assert (data.diary.rows_read, data.treatments, data.issues, data.assumptions) == (0, (), (), ())

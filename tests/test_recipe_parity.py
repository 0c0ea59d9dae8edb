"""One recipe (STYLE habit 0): the app's path and the command line's give the same result.

The same files — with columns mapped by hand — go through the app (``AppTest``, the mapping
panel) and through ``tnprep report --map``: the summary JSON and the PDF must be equal, byte for
byte, including the assumption lines the hand mapping writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tnprep.app.tabs import KEY as TAB_KEY
from tnprep.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
ODD_DIARY = (
    b"When did it happen,How bad,Remarks,Weather\n"
    b"2026-10-02 08:00,5,after breakfast,sunny\n"
    b"2026-10-03 09:30,7,,rain\n"
    b"2026-10-03 21:10,4,brushing,rain\n"
)
"""No column the alias table knows as a date: unreadable until the user maps it."""
HAND_MAPPING = {"When did it happen": "start", "How bad": "intensity", "Remarks": "ignore"}
FILES = {
    "diaries": ["attack_log.csv", "paper_diary.csv"],
    "treatments": ["treatments.csv"],
    "questionnaires": ["questionnaire.csv", "phq9_fhir.json"],
}


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """File name → bytes of every download button of the latest run."""
    recorded: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        if filename is not None and isinstance(path_or_data, (bytes, str)):
            data = path_or_data.encode() if isinstance(path_or_data, str) else path_or_data
            recorded[filename] = data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return recorded


@pytest.fixture
def app() -> Iterator[AppTest]:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.session_state[TAB_KEY] = "Report"  # the page and the JSON are built while it is open
    yield app


def run(app: AppTest) -> None:
    app.run()
    assert not app.exception, [item.value for item in app.exception]


def app_outputs(app: AppTest, downloads: dict[str, bytes]) -> tuple[bytes, bytes]:
    """Upload the files, map the odd diary's columns in the panel; return (summary, PDF)."""
    run(app)
    for uploader, names in FILES.items():
        files = [(name, (SAMPLES / name).read_bytes(), "text/plain") for name in names]
        if uploader == "diaries":
            files.append(("odd.csv", ODD_DIARY, "text/csv"))
        app.file_uploader(key=uploader).set_value(files if uploader != "treatments" else files[0])
    run(app)
    key = next(item.key for item in app.data_editor if item.key and item.key.startswith("map-"))
    columns = list(app.data_editor(key=key).value["column"])
    edits = {
        columns.index(header): {"field": "(not used)" if field == "ignore" else field}
        for header, field in HAND_MAPPING.items()
    }
    app.session_state[key] = {"edited_rows": edits, "added_rows": [], "deleted_rows": []}
    run(app)
    run(app)  # the remembered mapping, as on any later run
    assert not app.error
    return downloads["tnprep-summary.json"], downloads["tnprep-report.pdf"]


def cli_outputs(tmp_path: Path) -> tuple[bytes, bytes]:
    odd = tmp_path / "odd.csv"
    odd.write_bytes(ODD_DIARY)
    arguments = ["report"]
    for name in FILES["diaries"]:
        arguments += ["--diary", str(SAMPLES / name)]
    arguments += ["--diary", str(odd), "--treatments", str(SAMPLES / "treatments.csv")]
    for name in FILES["questionnaires"]:
        arguments += ["--questionnaire", str(SAMPLES / name)]
    for header, field in HAND_MAPPING.items():
        arguments += ["--map", f"{header}={field}"]
    pdf, summary = tmp_path / "report.pdf", tmp_path / "summary.json"
    assert main([*arguments, "--out", str(pdf), "--summary-json", str(summary)]) == 0
    return summary.read_bytes(), pdf.read_bytes()


def test_the_app_and_the_command_line_give_the_same_summary_and_page(
    app: AppTest, downloads: dict[str, bytes], tmp_path: Path
) -> None:
    app_summary, app_pdf = app_outputs(app, downloads)
    cli_summary, cli_pdf = cli_outputs(tmp_path)
    document = json.loads(cli_summary)
    assert document["assumptions"] == [
        "odd.csv: column 'When did it happen' read as start (set by the user)",
        "odd.csv: column 'How bad' read as intensity (set by the user)",
        "odd.csv: column 'Remarks' not used (set by the user)",
    ]
    assert document["attacks"]["total"] > 3
    assert app_summary.decode() == cli_summary.decode()
    assert app_pdf == cli_pdf


def test_report_map_ignore_gives_the_assumption_line(tmp_path: Path) -> None:
    """The bug of issue 13: ``report --map "Notes=ignore"`` gave ``"assumptions": []``."""
    summary = tmp_path / "summary.json"
    diary, pdf = str(SAMPLES / "attack_log.csv"), str(tmp_path / "report.pdf")
    code = main(["report", "--diary", diary, "--map", "Notes=ignore", "--out", pdf,
                 "--summary-json", str(summary)])  # fmt: skip
    assert code == 0
    assert json.loads(summary.read_text(encoding="utf-8"))["assumptions"] == [
        "attack_log.csv: column 'Notes' not used (set by the user)"
    ]

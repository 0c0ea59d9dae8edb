"""The Streamlit app through ``streamlit.testing.v1.AppTest``: uploads, edits, messages, downloads.

Downloads are read back by recording what the app hands to Streamlit's in-memory media storage
(AppTest's runtime keeps it only for the length of a run).
"""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from tnprep.app.tabs import KEY as TAB_KEY

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_data"
REAL = ROOT.parent / "shared" / "real-exports"
TIMEOUT = 90


def sample(name: str) -> tuple[str, bytes, str]:
    return name, (SAMPLES / name).read_bytes(), "text/csv"


def real(folder: str, name: str) -> tuple[str, bytes, str]:
    """A real export read in place from ``../shared/real-exports``, as the uploader takes it."""
    path = REAL / folder / name
    assert path.is_file(), f"missing real export {path} (see COMMON.md: ../shared/real-exports)"
    return name, path.read_bytes(), "text/csv"


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """File name → bytes of every download button of the latest run."""
    recorded: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):  # type: ignore[no-untyped-def]
        if filename is not None and isinstance(path_or_data, bytes):
            recorded[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return recorded


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))


def on_report(app: AppTest) -> AppTest:
    """The app opened on the Report tab, so every run builds the page and its downloads."""
    app.session_state[TAB_KEY] = "Report"
    return app


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def metric(app: AppTest, label: str) -> str:
    return next(item.value for item in app.metric if item.label == label)


def texts(app: AppTest) -> list[str]:
    return [item.value for item in app.text]


def summary_json(downloads: dict[str, bytes]) -> dict[str, object]:
    return json.loads(downloads["tnprep-summary.json"].decode("utf-8"))  # type: ignore[no-any-return]


def editor(app: AppTest, prefix: str) -> str:
    return next(item.key for item in app.data_editor if item.key and item.key.startswith(prefix))


def edit(app: AppTest, key: str, **changes: object) -> None:
    state = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    state.update(changes)
    app.session_state[key] = state


# ---------------------------------------------------------------------------
# The sample path
# ---------------------------------------------------------------------------


def test_sample_path_shows_the_sample_patient(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    assert app.sidebar.toggle[0].value is True
    assert [tab.label for tab in app.tabs] == [
        "Overview", "Treatments", "Questionnaire", "Questions", "Data issues", "Report",
    ]  # fmt: skip
    assert metric(app, "Attacks") == "752"
    assert metric(app, "Recorded days") == "114 of 121"
    assert metric(app, "PHQ-9 / GAD-7") == "11 / 11"
    assert any(
        text.startswith("Rows read 600 = used 586 + rejected 0 + duplicates 14 + other rows 0")
        for text in texts(app)
    )
    assert not app.error
    data = summary_json(downloads)
    assert data["attacks"]["total"] == 752  # type: ignore[index]
    assert data["patient"]["name"] == "Alex Example"  # type: ignore[index]


def test_the_pdf_has_one_page_with_the_name(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    pdf = pypdf.PdfReader(io.BytesIO(downloads["tnprep-report.pdf"]))
    assert len(pdf.pages) == 1
    assert "Alex Example" in pdf.pages[0].extract_text()
    assert round(float(pdf.pages[0].mediabox.width)) == 595  # A4 by default


def test_letter_paper(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    app.radio(key="paper").set_value("Letter")
    run(app)
    pdf = pypdf.PdfReader(io.BytesIO(downloads["tnprep-report.pdf"]))
    assert round(float(pdf.pages[0].mediabox.width)) == 612


def test_the_report_tab_shows_a_preview(app: AppTest) -> None:
    run(app)
    assert len(app.get("image")) == 1


def test_sample_switch_off_shows_nothing(app: AppTest) -> None:
    run(app)
    app.sidebar.toggle[0].set_value(False)
    run(app)
    assert metric(app, "Attacks") == "0"
    assert not [item for item in app.info if "better off dead" in item.value]
    assert not [item for item in app.info if item.value.startswith("Sample data")]


def test_since_my_last_visit_sets_the_period_start(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    run(app)
    app.date_input(key="since").set_value(dt.date(2026, 10, 1))
    run(app)
    period = summary_json(downloads)["period"]
    assert period == {
        "start": "2026-10-01", "end": "2026-10-29", "days": 29, "days_recorded": 29,
        "chosen": True, "diary_start": "2026-07-01", "diary_end": "2026-10-29",
    }  # fmt: skip


# ---------------------------------------------------------------------------
# Uploads
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("uploader", "files", "label", "expected"),
    [
        ("diaries", [sample("attack_log.csv")], "Attacks", "526"),
        ("diaries", [sample("attack_log.csv"), sample("migraine_buddy.csv")], "Attacks", "552"),
        ("diaries", [sample("paper_diary.csv")], "Recorded days", "34 of 41"),
        ("questionnaires", [sample("questionnaire.csv"), sample("phq9_fhir.json")],
         "PHQ-9 / GAD-7", "11 / 11"),
        ("questionnaires", [sample("questionnaire.csv")], "PHQ-9 / GAD-7", "– / 11"),
    ],
)  # fmt: skip
def test_each_upload_kind(
    app: AppTest, uploader: str, files: list[tuple[str, bytes, str]], label: str, expected: str
) -> None:
    run(app)
    app.file_uploader(key=uploader).set_value(files)
    run(app)
    assert app.sidebar.toggle[0].value is False  # uploads replace the sample data
    assert metric(app, label) == expected


def test_treatment_upload_fills_the_table(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    app.file_uploader(key="treatments").set_value(sample("treatments.csv"))
    run(app)
    table = app.data_editor(key=editor(app, "treatments-")).value
    assert len(table) == 16
    assert list(table["treatment"][:3]) == ["Carbamazepine", "Carbamazepine", "Gabapentin"]
    assert len(summary_json(downloads)["treatments"]) == 16  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("uploader", "name", "data", "title"),
    [
        ("diaries", "broken.csv", b"\x00\x01\x02\x03binary", "A diary file could not be read"),
        ("diaries", "empty.csv", b"", "A diary file could not be read"),
        ("treatments", "history.csv", b"colour,size\nred,3\n", "The treatment history could not"),
        ("questionnaires", "answers.json", b"{not json", "A questionnaire could not be read"),
    ],
)
def test_a_bad_file_gives_a_message_not_a_traceback(
    app: AppTest, uploader: str, name: str, data: bytes, title: str
) -> None:
    run(app)
    app.file_uploader(key=uploader).set_value([(name, data, "text/csv")])
    run(app)
    assert any(item.value.startswith(title) for item in app.error)
    assert any(text.startswith(name) for text in texts(app))


def test_a_bad_diary_does_not_stop_the_good_one(app: AppTest) -> None:
    run(app)
    app.file_uploader(key="diaries").set_value(
        [sample("attack_log.csv"), ("broken.csv", b"\x00\x00", "text/csv")]
    )
    run(app)
    assert metric(app, "Attacks") == "526"
    assert len(app.error) == 1


def test_ambiguous_dates_are_asked_beside_that_file_only(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    run(app)
    app.file_uploader(key="diaries").set_value(
        [sample("ambiguous_dates.csv"), sample("messy_diary.csv")]
    )
    run(app)
    questions = [item for item in app.sidebar.radio if item.key and item.key.startswith("order-")]
    assert len(questions) == 1  # messy_diary.csv's order was decided by its own data
    assert questions[0].label == "How are the dates in ambiguous_dates.csv written?"
    assert questions[0].value is None  # asked, not answered: read day-first meanwhile
    assert (
        "ambiguous_dates.csv: dates read day-first (assumed — every date was ambiguous)"
        in texts(app)
    )
    rejected_before = summary_json(downloads)["input"]["rows_rejected"]  # type: ignore[index]
    questions[0].set_value("Month first (03/04/2026 is 4 March)")
    run(app)
    assert "ambiguous_dates.csv: dates read month-first (set by the user)" in texts(app)
    assert "messy_diary.csv: dates read month-first (set by the user)" not in texts(app)
    # Read month-first, 12/05/2026 is 5 December 2026, a date still to come until 4 December
    # 2026 (tests/test_future_dates.py): that rejection depends on the clock, not on the choice.
    document = summary_json(downloads)["input"]  # type: ignore[index]
    future = [item for item in document["issues"] if item["code"] == "date-in-future"]
    assert document["rows_rejected"] - len(future) == rejected_before


def test_ambiguous_dates_alone_can_be_read_month_first(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    run(app)
    app.file_uploader(key="diaries").set_value([sample("ambiguous_dates.csv")])
    run(app)
    assert summary_json(downloads)["period"]["start"] == "2026-05-01"  # type: ignore[index]
    app.radio(
        key=next(item.key for item in app.sidebar.radio if item.key.startswith("order-"))
    ).set_value("Month first (03/04/2026 is 4 March)")
    run(app)
    assert summary_json(downloads)["period"]["start"] == "2026-01-05"  # type: ignore[index]


def test_column_mapping_is_asked_for_and_remembered(
    app: AppTest, downloads: dict[str, bytes]
) -> None:
    data = (
        b"When did it happen,How bad,Weather\n2026-01-01 08:00,5,sunny\n2026-01-02 09:00,7,rain\n"
    )
    run(app)
    app.file_uploader(key="diaries").set_value([("odd.csv", data, "text/csv")])
    run(app)
    assert app.error  # no date column: the file cannot be read until mapped
    key = editor(app, "map-")
    assert list(app.data_editor(key=key).value["column"]) == [
        "When did it happen",
        "How bad",
        "Weather",
    ]
    edit(app, key, edited_rows={0: {"field": "start"}, 1: {"field": "intensity"}})
    run(app)
    assert not app.error
    assert metric(app, "Attacks") == "2"
    assert metric(app, "Pain, read as 0–10") == "6 / 7"  # no scale in the file (as on the page)
    assert "odd.csv: column 'How bad' read as intensity (set by the user)" in texts(app)
    assert (
        "odd.csv: column 'How bad' read as intensity (set by the user)"
        in summary_json(downloads)["assumptions"]
    )  # type: ignore[operator]
    run(app)  # remembered on the next run
    assert metric(app, "Attacks") == "2"


def test_well_matched_files_ask_for_no_mapping(app: AppTest) -> None:
    run(app)
    assert not [item for item in app.data_editor if item.key and item.key.startswith("map-")]


# ---------------------------------------------------------------------------
# Edits flow into the summary
# ---------------------------------------------------------------------------


def test_treatment_edits_change_the_summary(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    key = editor(app, "treatments-")
    edit(
        app,
        key,
        edited_rows={2: {"dose": "900 mg three times daily"}},
        added_rows=[{"treatment": "Erenumab", "category": "medication", "start": "2026"}],
        deleted_rows=[1],
    )
    run(app)
    data = summary_json(downloads)
    names = [item["name"] for item in data["treatments"]]  # type: ignore[union-attr, index]
    assert len(names) == 16  # 16 - 1 deleted + 1 added
    assert "Erenumab" in names
    gabapentin = next(t for t in data["treatments"] if t["name"] == "gabapentin")  # type: ignore[union-attr, index]
    assert gabapentin["dose"] == "900 mg three times daily"
    csv_text = downloads["treatments.csv"].decode("utf-8-sig")
    assert "Erenumab" in csv_text
    assert "hyponatraemia" not in csv_text  # the second carbamazepine row was removed


def test_an_unreadable_edit_becomes_an_issue(app: AppTest) -> None:
    run(app)
    edit(app, editor(app, "treatments-"), edited_rows={0: {"start": "sometime"}})
    run(app)
    issues = next(item.value for item in app.table if "What happened" in item.value.columns)
    assert ("treatment table \\(app\\)", "2", "start") in {  # Markdown-escaped cells
        (row.File, row.Row, row.Column) for row in issues.itertuples()
    }


def test_question_edits_reorder_and_add(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    before = summary_json(downloads)["questions"]
    assert isinstance(before, list) and len(before) == 5
    edit(
        app,
        editor(app, "questions-"),
        edited_rows={0: {"order": 9}},
        added_rows=[{"order": 0, "question": "Is there a trial near me?"}],
    )
    run(app)
    after = summary_json(downloads)["questions"]
    assert after == ["Is there a trial near me?", *before[1:], before[0]]


def test_form_edits_change_the_summary(app: AppTest, downloads: dict[str, bytes]) -> None:
    run(app)
    name_input = next(item for item in app.text_input if item.key and item.key.endswith("-name"))
    assert name_input.value == "Alex Example"  # filled from the upload
    name_input.set_value("Sam Other")
    run(app)
    assert summary_json(downloads)["patient"]["name"] == "Sam Other"  # type: ignore[index]
    answers = downloads["questionnaire.csv"].decode("utf-8-sig")
    assert "name,Sam Other" in answers
    phq9 = json.loads(downloads["phq9_fhir.json"])
    assert phq9["questionnaire"] == "http://loinc.org/q/44249-1"
    assert len(phq9["item"]) == 9


# ---------------------------------------------------------------------------
# Item 9 and user text
# ---------------------------------------------------------------------------


def care_messages(app: AppTest) -> list[str]:
    return [item.value for item in app.info if "emergency services" in item.value]


def test_the_sample_says_it_is_invented_and_never_speaks_to_you(app: AppTest) -> None:
    run(app)
    assert app.info[0].value.startswith("Sample data — an invented patient")
    assert care_messages(app) == []  # no "you" message for the invented patient's item 9
    assert any("invented sample patient answered this question" in item.value for item in app.info)


def test_item9_above_zero_shows_the_care_message_beside_the_item(app: AppTest) -> None:
    run(app)
    app.sidebar.toggle[0].set_value(False)
    run(app)
    app.selectbox(key="form-phq9-9").set_value(2)
    run(app)
    assert len(care_messages(app)) == 2  # above the tabs, and beside item 9 in the form
    app.selectbox(key="form-phq9-9").set_value(0)
    run(app)
    assert care_messages(app) == []


def test_item9_message_from_an_uploaded_questionnaire(app: AppTest) -> None:
    run(app)
    app.file_uploader(key="questionnaires").set_value(
        [("q.csv", b"item,answer\nphq9_9,2\n", "text/csv")]
    )
    run(app)
    assert len(care_messages(app)) == 2


def test_user_text_is_never_markdown(app: AppTest) -> None:
    hostile = "![x](http://tracker.invalid/pixel.png) **bold** <b>b</b> :red[x] $x$"
    questionnaire = f"item,answer\nname,{hostile}\nquestion,{hostile}\n".encode()
    diary = f"Date,Time,Pain,Notes\n2026-01-01,08:00,5,{hostile}\n".encode()
    run(app)
    app.file_uploader(key="questionnaires").set_value(
        [("![q](http://tracker.invalid/q).csv", questionnaire, "text/csv")]
    )
    app.file_uploader(key="diaries").set_value([("d.csv", diary, "text/csv")])
    run(app)
    rendered = [
        item.value
        for kind in ("markdown", "caption", "error", "warning", "info", "success", "title")
        for item in app.get(kind)
    ]
    assert not [value for value in rendered if "tracker.invalid" in str(value)]
    assert any(hostile in text for text in texts(app))  # shown, as plain text


# ---------------------------------------------------------------------------
# Privacy rules, checked in the source
# ---------------------------------------------------------------------------


APP_SOURCES = [ROOT / "app.py", *sorted((ROOT / "tnprep" / "app").glob("*.py"))]
"""Every module that may import Streamlit (tests/test_layers.py proves no other does)."""


def app_source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in APP_SOURCES)


def cache_decorators() -> list[ast.Call]:
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in APP_SOURCES]
    return [
        decorator
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
        if isinstance(decorator, ast.Call) and ast.unparse(decorator.func).startswith("st.cache")
    ]


def test_every_cache_is_per_session() -> None:
    decorators = cache_decorators()
    assert decorators  # the check sees the caches
    for decorator in decorators:
        assert ast.unparse(decorator.func) == "st.cache_data"
        scope = {keyword.arg: ast.unparse(keyword.value) for keyword in decorator.keywords}
        assert scope.get("scope") == "'session'", ast.unparse(decorator)


@pytest.mark.parametrize(
    "writer",
    [
        "open(",
        ".write_bytes(",
        ".write_text(",
        ".to_csv(",
        '.save("',
        "tempfile",
        "unsafe_allow_html",
    ],
)
def test_the_app_writes_no_files_and_renders_no_html(writer: str) -> None:
    assert writer not in app_source()

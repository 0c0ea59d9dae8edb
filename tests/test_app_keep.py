"""The app keeps the user's edits across every setting change and upload (issue 14, item 3),
and compares with an uploaded last visit's summary (issue 12, item 4). Through AppTest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import downloads, edit, editor, on_report, run, sample, summary_json, texts  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90
QUESTIONNAIRE = b"item,answer\nname,Robin File\nquestion,From the file?\n"


@pytest.fixture
def app() -> AppTest:
    return on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))


def treatment_names(downloads: dict[str, bytes]) -> list[str]:  # noqa: F811
    return [item["name"] for item in summary_json(downloads)["treatments"]]  # type: ignore[union-attr, index]


NEWER_TREATMENTS = ("newer.csv", b"treatment,start\nTopiramate,2026\n", "text/csv")


def own_files(app: AppTest) -> None:
    """The user's own diary and treatment history (the sample's edits stay with the sample)."""
    app.file_uploader(key="diaries").set_value([sample("attack_log.csv")])
    app.file_uploader(key="treatments").set_value(sample("treatments.csv"))
    run(app)


def edit_treatments(app: AppTest) -> None:
    edit(
        app,
        editor(app, "treatments-"),
        edited_rows={2: {"dose": "900 mg three times daily"}},
        added_rows=[{"treatment": "Erenumab", "category": "medication", "start": "2026"}],
    )
    run(app)


def test_treatment_edits_survive_every_setting(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    edit_treatments(app)
    app.radio(key="paper").set_value("Letter")
    run(app)
    app.date_input(key="since").set_value(dt.date(2026, 9, 1))
    run(app)
    app.toggle(key="show-json").set_value(True)
    run(app)
    assert "Erenumab" in treatment_names(downloads)
    gabapentin = next(
        item
        for item in summary_json(downloads)["treatments"]  # type: ignore[union-attr]
        if item["name"] == "gabapentin"  # type: ignore[index]
    )
    assert gabapentin["dose"] == "900 mg three times daily"  # type: ignore[index]
    assert not app.warning or all("treatment history" not in item.value for item in app.warning)


def test_an_upload_under_edited_treatments_asks_first(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    own_files(app)
    edit_treatments(app)
    app.file_uploader(key="treatments").set_value(NEWER_TREATMENTS)
    run(app)  # a newer history under the edited table
    asked = [item for item in app.warning if "you have changed the table" in item.value]
    assert len(asked) == 1
    assert "Erenumab" in treatment_names(downloads)  # nothing discarded while asking
    next(item for item in app.button if item.label == "Keep my table").click()
    run(app)
    assert not [item for item in app.warning if "you have changed the table" in item.value]
    assert "Erenumab" in treatment_names(downloads)
    assert len(treatment_names(downloads)) == 17


def test_the_user_may_choose_the_files_table(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    own_files(app)
    edit_treatments(app)
    app.file_uploader(key="treatments").set_value(NEWER_TREATMENTS)
    run(app)
    label = "Use the file's table (discard my changes)"
    next(item for item in app.button if item.label == label).click()
    run(app)
    assert treatment_names(downloads) == ["topiramate"]


def test_typed_answers_survive_an_upload(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    own_files(app)
    app.text_input(key="form-name").set_value("Sam Typed")
    app.text_area(key="form-goals").set_value("Eat without pain")
    run(app)
    app.file_uploader(key="questionnaires").set_value([("q.csv", QUESTIONNAIRE, "text/csv")])
    run(app)
    data = summary_json(downloads)
    assert data["patient"]["name"] == "Sam Typed"  # type: ignore[index]  # typed wins
    assert app.text_area(key="form-goals").value == "Eat without pain"
    assert "From the file?" in data["questions"]  # type: ignore[operator]


def test_untouched_fields_follow_the_files(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    app.file_uploader(key="questionnaires").set_value([("q.csv", QUESTIONNAIRE, "text/csv")])
    run(app)
    assert summary_json(downloads)["patient"]["name"] == "Robin File"  # type: ignore[index]


def test_questions_added_with_the_form_survive_an_upload(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    app.file_uploader(key="questionnaires").set_value([sample("questionnaire.csv")])
    run(app)
    app.text_input(key="new-question").set_value("Can I drive on this dose?")
    next(item for item in app.button if item.label == "Add question").click()
    run(app)
    questions = summary_json(downloads)["questions"]
    assert questions[-1] == "Can I drive on this dose?"  # type: ignore[index]
    assert len(questions) == 6  # type: ignore[arg-type]
    app.file_uploader(key="questionnaires").set_value([("q.csv", QUESTIONNAIRE, "text/csv")])
    run(app)
    after = summary_json(downloads)["questions"]
    assert "Can I drive on this dose?" in after  # type: ignore[operator]
    assert "From the file?" in after  # type: ignore[operator]


# ---------------------------------------------------------------------------
# Last visit's summary (issue 12, item 4)
# ---------------------------------------------------------------------------


def previous_summary() -> tuple[str, bytes, str]:
    path = ROOT / "sample_data" / "previous_visit.summary.json"
    return path.name, path.read_bytes(), "application/json"


def test_the_sample_shows_the_since_strip(app: AppTest) -> None:
    run(app)
    assert "Since 7 Sep 2026 — last visit's summary previous_visit.summary.json" in texts(app)
    strip = next(item.value for item in app.dataframe if "Then → now" in item.value.columns)
    assert "Attacks per recorded day" in " ".join(strip["Figure"])


def test_an_uploaded_last_visit_summary_is_compared(
    app: AppTest,
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    run(app)
    app.file_uploader(key="diaries").set_value(
        [sample("attack_log.csv"), sample("paper_diary.csv"), sample("migraine_buddy.csv")]
    )
    app.file_uploader(key="questionnaires").set_value(
        [sample("questionnaire.csv"), sample("phq9_fhir.json")]
    )
    run(app)
    assert summary_json(downloads)["since_last_visit"] is None
    app.file_uploader(key="previous").set_value([previous_summary()])
    run(app)
    since = summary_json(downloads)["since_last_visit"]
    assert since["previous"]["file"] == "previous_visit.summary.json"  # type: ignore[index]
    assert any(text.startswith("Since 7 Sep 2026") for text in texts(app))


def test_a_damaged_last_visit_summary_is_said_and_the_rest_still_works(app: AppTest) -> None:
    run(app)
    app.file_uploader(key="diaries").set_value([sample("attack_log.csv")])
    app.file_uploader(key="previous").set_value([("old.summary.json", b"{broken", "text/json")])
    run(app)
    assert any("left out" in item.value for item in app.warning)
    assert any(text.startswith("Left out: old.summary.json") for text in texts(app))


# ---------------------------------------------------------------------------
# The ledger beside the history (issue 11, item 8)
# ---------------------------------------------------------------------------


def ledger_line(app: AppTest, name: str) -> str:
    return next(text for text in texts(app) if text.startswith(name))


def test_the_ledger_follows_a_dose_edit_at_once(app: AppTest) -> None:
    run(app)
    assert "reached 1200 of 300–1800 mg/day" in ledger_line(app, "Oxcarbazepine (current):")
    key = editor(app, "treatments-")
    table = app.data_editor(key=key).value
    row = max(
        index for index, name in enumerate(table["treatment"]) if name.lower() == "oxcarbazepine"
    )
    edit(app, key, edited_rows={row: {"dose": "900 mg twice daily"}})
    run(app)
    assert "reached 1800 of 300–1800 mg/day" in ledger_line(app, "Oxcarbazepine (current):")

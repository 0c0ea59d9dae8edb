"""The app as a new user meets it (session 4): a file added twice, the sample left behind, the
pain scale and empty charts said in words, one run per edit. Through AppTest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_app import downloads, edit, editor, on_report, real, sample, summary_json  # noqa: F401

from tnprep.app import leave
from tnprep.app.main import TAB_NAMES
from tnprep.app.workspace_keys import SAMPLE, YOURS, workspace_key

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 90


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def run(app: AppTest) -> AppTest:
    app.run()
    assert not app.exception, [item.value for item in app.exception]
    return app


def texts(app: AppTest) -> list[str]:
    return [item.value for item in app.text]


# ---------------------------------------------------------------------------
# The same diary added twice
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "diary",
    [("asmith-headaches", "headaches.csv"), ("cht-export", "sample_logs.csv")],
    ids=["unused-columns", "plain"],
)
def test_the_same_diary_added_twice_is_said_and_counted_once(
    app: AppTest, diary: tuple[str, str]
) -> None:
    # Regression: a diary with unused columns added twice crashed the app (two mapping panels
    # with one key: StreamlitDuplicateElementKey).
    file = real(*diary)
    run(app)
    app.file_uploader(key="diaries").set_value([file, file])
    run(app)
    once = [text for text in texts(app) if text.startswith(f"{file[0]}: added twice")]
    assert len(once) == 1
    assert len([item for item in app.expander if item.label.startswith("Columns of")]) <= 1


# ---------------------------------------------------------------------------
# The sample's edits and the user's never mix
# ---------------------------------------------------------------------------


def change_everything(app: AppTest, workspace: str = YOURS) -> None:
    """Edit the treatments, add a question, rename, answer PHQ-9 item 9 and the goals."""
    added = {"treatment": "Erenumab", "category": "medication", "start": "2026"}
    dose = {2: {"dose": "900 mg three times daily"}}
    edit(app, editor(app, "treatments-"), edited_rows=dose, added_rows=[added])
    app.text_input(key="new-question").set_value("Can I drive on this dose?")
    next(item for item in app.button if item.label == "Add question").click()
    run(app)
    app.text_input(key=workspace_key("form-name", workspace)).set_value("Sam Typed")
    app.selectbox(key=workspace_key("form-phq9-9", workspace)).set_value(0)
    app.text_area(key=workspace_key("form-goals", workspace)).set_value("Eat without pain")
    run(app)


def record(downloads: dict[str, bytes]) -> dict[str, object]:  # noqa: F811
    data = summary_json(downloads)
    return {
        "name": data["patient"]["name"],  # type: ignore[index]
        "treatments": [item["name"] for item in data["treatments"]],  # type: ignore[attr-defined]
        "questions": data["questions"],
        "item9": (data["scores"]["phq9"] or {}).get("item9"),  # type: ignore[index]
    }


def test_edits_made_on_the_sample_never_reach_your_page(
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    # Regression: after an upload the invented patient's 16 treatments (with the user's dose
    # change), its 5 questions and a PHQ-9 item 9 set to 0 on the sample were on the user's page.
    app = on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))
    run(app)
    change_everything(app, SAMPLE)
    on_sample = record(downloads)
    assert "Erenumab" in on_sample["treatments"]  # type: ignore[operator]
    app.file_uploader(key="diaries").set_value([sample("attack_log.csv")])
    run(app)
    assert record(downloads) == {"name": None, "treatments": [], "questions": [], "item9": None}
    assert not [item for item in app.warning if "you have changed the table" in item.value]
    assert any("stay with the sample" in item.value for item in app.info)
    app.sidebar.toggle[0].set_value(True)  # back to the sample: its edits are back
    run(app)
    assert record(downloads) == on_sample


def test_your_edits_are_back_after_a_look_at_the_sample(
    downloads: dict[str, bytes],  # noqa: F811
) -> None:
    app = on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT))
    run(app)
    app.file_uploader(key="diaries").set_value([sample("attack_log.csv")])
    app.file_uploader(key="treatments").set_value(sample("treatments.csv"))
    run(app)
    change_everything(app)
    yours = record(downloads)
    assert yours["name"] == "Sam Typed" and "Erenumab" in yours["treatments"]  # type: ignore[operator]
    app.sidebar.toggle[0].set_value(True)
    run(app)
    on_sample = record(downloads)
    assert on_sample["name"] == "Alex Example"
    assert "Erenumab" not in on_sample["treatments"]  # type: ignore[operator]
    assert "Can I drive on this dose?" not in on_sample["questions"]  # type: ignore[operator]
    assert any("your changes to them are kept" in item.value for item in app.info)
    app.sidebar.toggle[0].set_value(False)
    run(app)
    assert record(downloads) == yours
    assert app.text_area(key="form-goals").value == "Eat without pain"


# ---------------------------------------------------------------------------
# One run per edit, and tab labels that never change (a new label redraws every tab)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "count"),
    [
        ("sample-form-name", "Sam Renamed", 19),  # the last visit: another patient's summary
        ("sample-form-birth", dt.date(1970, 1, 1), 19),
        ("sample-form-visit", dt.date(2026, 9, 1), 19),  # the last visit is dated after this one
        ("sample-form-clinician", "Dr Other", 18),
    ],
)
def test_an_edit_that_changes_the_issue_count_keeps_the_tabs_and_runs_once(
    app: AppTest, key: str, value: object, count: int
) -> None:
    # Regression: the count was in the Data issues tab's label. The first rename of the sample
    # ran the app twice to draw the label again, and the new label made a new tab widget: the
    # browser drew every tab again and dropped what the user was typing in another field.
    run(app)
    labels = [item.label for item in app.tabs]
    widget = (
        app.date_input(key=key)
        if key in {"sample-form-birth", "sample-form-visit"}
        else app.text_input(key=key)
    )
    widget.set_value(value)
    run(app)
    assert [item.label for item in app.tabs] == labels == list(TAB_NAMES)
    said = [item.value for item in app.warning if item.value.startswith("In your files:")]
    assert len(said) == 1
    notes = count - 14
    assert said[0].startswith(f"In your files: 14 duplicates counted once, {notes} notes.")


# ---------------------------------------------------------------------------
# The Overview says in words what it cannot draw, and which pain scale was left out
# ---------------------------------------------------------------------------


def charts_drawn(app: AppTest) -> int:
    return len(app.get("vega_lite_chart"))


def test_without_a_diary_the_charts_are_words(app: AppTest) -> None:
    # Regression: four empty charts were drawn (axe: svg-img-alt, serious, on their empty marks).
    run(app)
    assert charts_drawn(app) == 4
    form = ("intake.csv", b"item,answer\nname,Robin Nodiary\n", "text/csv")
    app.file_uploader(key="questionnaires").set_value([form])
    run(app)
    assert charts_drawn(app) == 0
    said = texts(app)
    for line in ("Triggers: none recorded.", "Attacks by hour of day: no attack times recorded."):
        assert line in said


def test_a_date_only_diary_draws_two_charts_and_says_the_others(app: AppTest) -> None:
    run(app)
    app.file_uploader(key="diaries").set_value([real("asmith-headaches", "headaches.csv")])
    run(app)
    assert charts_drawn(app) == 2  # attacks per day, worst pain per day
    for line in ("Triggers: none recorded.", "Attacks by hour of day: no attack times recorded."):
        assert line in texts(app)


def test_a_pain_scale_left_out_of_the_figures_is_said_on_the_overview(app: AppTest) -> None:
    # Regression: the page says the 1–5 scale was not converted; the app showed "– / –" or a
    # median of the other files' 0–10 pain and said nothing.
    run(app)
    app.file_uploader(key="diaries").set_value([real("gchrg-yilativs-tsv", "yilativs-attacks.tsv")])
    run(app)
    line = next(text for text in texts(app) if text.startswith("Pain scale: "))
    assert "yilativs-attacks.tsv" in line and "not converted to 0–10" in line


# ---------------------------------------------------------------------------
# A reload would lose everything: the browser asks first (the browser test proves it)
# ---------------------------------------------------------------------------


def test_the_only_script_is_the_fixed_leave_question() -> None:
    scripts = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "tnprep" / "app").glob("*.py"))
        if "unsafe_allow_javascript" in path.read_text(encoding="utf-8")
    ]
    assert scripts == ["tnprep/app/leave.py"]
    assert "{" not in leave.ASK.replace("{ event", "")  # no format field: no user text
    assert leave.DO_NOT_ASK == "<script>window.onbeforeunload = null;</script>"


def html_bodies(app: AppTest) -> list[str]:
    return [item.proto.body for item in app.get("html")]


def test_the_leave_question_is_set_only_for_your_own_files(app: AppTest) -> None:
    run(app)
    assert leave.DO_NOT_ASK in html_bodies(app) and leave.ASK not in html_bodies(app)
    app.file_uploader(key="diaries").set_value([real("asmith-headaches", "headaches.csv")])
    run(app)
    assert leave.ASK in html_bodies(app) and leave.DO_NOT_ASK not in html_bodies(app)


# ---------------------------------------------------------------------------
# A period that starts after the last diary day is said, not shown as "2030 to 2026"
# ---------------------------------------------------------------------------


def test_a_period_after_the_last_diary_day_is_said(app: AppTest) -> None:
    # Regression: "period 2026-10-20 to 2026-10-19 ... 0 of 0 days" and figures of zero, unsaid.
    run(app)
    app.date_input(key="since").set_value(dt.date(2026, 11, 1))  # the sample ends 2026-10-29
    run(app)
    said = [item.value for item in app.warning if item.value.startswith("“Since my last visit”")]
    assert said == [
        "“Since my last visit” (1 Nov 2026) is after the last diary day (29 Oct 2026): no diary "
        "day falls in the period. Choose an earlier day, or clear it to use every recorded day."
    ]
    assert not [text for text in texts(app) if "1 Nov 2026 to 29 Oct 2026" in text]


def test_no_discussion_point_is_said(app: AppTest) -> None:
    # Regression: "From your data, for the clinician:" stood alone, over nothing.
    run(app)
    app.file_uploader(key="diaries").set_value([real("cht-export", "sample_logs.csv")])
    run(app)
    assert "No discussion points from the rules." in texts(app)

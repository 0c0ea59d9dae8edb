"""What a new user met walking the app with real exports (session 5). Through AppTest."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-exports"


def test_columns_without_a_header_are_named_as_such_not_a_trailing_comma() -> None:
    # Regression: the yilativs log's eleven blank header cells were listed as '' — the line
    # read "not used: pain description, shadows remain, prevention treatment, ".
    path = REAL / "gchrg-yilativs-tsv" / "yilativs-attacks.tsv"
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    app.file_uploader(key="diaries").set_value([(path.name, path.read_bytes(), "text/csv")])
    app.run()
    assert not app.exception
    line = next(item.value for item in app.text if ": not used: " in item.value)
    assert line == (
        "yilativs-attacks.tsv: not used: pain description, shadows remain, prevention treatment, "
        "and 11 columns without a header"
    )


def test_the_samples_form_sent_back_by_a_late_browser_is_not_taken_as_typed() -> None:
    # Regression (seen in the browser suite under load): uploads in quick succession, and the
    # browser sent the sample's form values back with the next run; the sample's name and its
    # PHQ-9 (item 9 above 0) were kept as the user's own, with the care message about self-harm.
    # The sample's fields are widgets of their own ("sample-form-…"): what a late browser sends
    # back for them is not drawn in the user's run, and never reaches the user's form.
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    sample_name = app.text_input(key="sample-form-name").value
    sample_item9 = app.selectbox(key="sample-form-phq9-9").value
    assert sample_name == "Alex Example"
    assert sample_item9
    intake = ("intake.csv", b"item,answer\nname,Robin Late\n", "text/csv")
    app.file_uploader(key="questionnaires").set_value([intake])
    app.run()
    app.session_state["sample-form-name"] = sample_name  # the late browser's echo
    app.session_state["sample-form-phq9-9"] = sample_item9
    app.run()
    assert not app.exception
    assert app.text_input(key="form-name").value == "Robin Late"
    assert app.selectbox(key="form-phq9-9").value is None
    assert not [item for item in app.info if "emergency services" in item.value]


def test_your_answers_equal_to_the_samples_are_kept_across_a_look_at_the_sample() -> None:
    # Regression: the values the sample had shown counted as "not typed" in the user's form, so
    # side "right" or a PHQ-9 "Several days" — the invented patient's too — could not be chosen
    # after the first upload, and were put back to the files' value after a look at the sample.
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    intake = ("intake.csv", b"item,answer\nname,Robin Own\n", "text/csv")
    app.file_uploader(key="questionnaires").set_value([intake])
    app.run()
    given = {"form-side": "right", "form-phq9-2": 1, "form-gad7-1": 2, "form-bni-pain": "IV"}
    for key, value in given.items():
        app.selectbox(key=key).set_value(value)
    app.multiselect(key="form-divisions").set_value(["V2", "V3"])
    app.run()
    for look in range(3):
        app.sidebar.toggle[0].set_value(True)
        app.run()
        assert any(item.value.startswith("Alex Example · period") for item in app.text)
        app.sidebar.toggle[0].set_value(False)
        app.run()
        assert not app.exception
        shown = {key: app.selectbox(key=key).value for key in given}
        assert (look, shown) == (look, given)
        assert app.multiselect(key="form-divisions").value == ["V2", "V3"]
        assert app.text_input(key="form-name").value == "Robin Own"


def test_unused_columns_are_said_once_and_each_box_names_its_file() -> None:
    # Regression (five real exports at once): five warnings "Some diary columns were not
    # used. Open the box below …" above the tabs, each over a box of the same name.
    names = [
        ("asmith-headaches", "headaches.csv"),
        ("gchrg-yilativs-tsv", "yilativs-attacks.tsv"),
        ("bearable-export", "Bearable_Export_20210728.csv"),
    ]
    files = [(name, (REAL / folder / name).read_bytes(), "text/csv") for folder, name in names]
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    app.file_uploader(key="diaries").set_value(files)
    app.run()
    assert not app.exception
    said = [item.value for item in app.warning if "columns were not used" in item.value]
    assert len(said) == 1
    boxes = [item.label.replace("\\", "") for item in app.expander]
    assert [label for label in boxes if label.startswith("Columns of")] == [
        f"Columns of {name}" for _, name in names
    ]

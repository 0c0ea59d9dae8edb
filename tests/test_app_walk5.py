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
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    app.run()
    sample_name = app.text_input(key="form-name").value
    sample_item9 = app.selectbox(key="form-phq9-9").value
    assert sample_name == "Alex Example"
    assert sample_item9
    intake = ("intake.csv", b"item,answer\nname,Robin Late\n", "text/csv")
    app.file_uploader(key="questionnaires").set_value([intake])
    app.run()
    app.text_input(key="form-name").set_value(sample_name)  # the late browser's echo
    app.selectbox(key="form-phq9-9").set_value(sample_item9)
    app.run()
    assert not app.exception
    assert app.text_input(key="form-name").value == "Robin Late"
    assert app.selectbox(key="form-phq9-9").value is None
    assert not [item for item in app.info if "emergency services" in item.value]

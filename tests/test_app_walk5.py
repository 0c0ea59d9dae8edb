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

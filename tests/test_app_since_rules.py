"""The app's Overview says which since-the-last-visit figures are not compared, and why.

An earlier summary made by an older tnprep (tests/old_summaries/checkin-e230a50.summary.json
counted rows of pain 0 as attacks) is compared only in the figures made under the same rules;
the Overview names the others in one line, as the page does. Through AppTest.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from test_app import on_report, run, texts

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "tests" / "old_summaries" / "checkin-e230a50.summary.json"
CHECKIN = ROOT / "tests" / "real_data" / "checkin_export.csv"


def test_the_overview_names_the_figures_not_compared() -> None:
    app = on_report(AppTest.from_file(str(ROOT / "app.py"), default_timeout=90))
    run(app)
    app.file_uploader(key="diaries").set_value([(CHECKIN.name, CHECKIN.read_bytes(), "text/csv")])
    app.file_uploader(key="previous").set_value([(OLD.name, OLD.read_bytes(), "application/json")])
    run(app)
    assert any(text.startswith("Since ") for text in texts(app))
    said = [item.value for item in app.info if str(item.value).startswith("Not compared — ")]
    assert len(said) == 1
    assert "Attacks per recorded day" in said[0]
    assert "before rows of pain 0 stopped counting as attacks" in said[0]
    strip = next(item.value for item in app.dataframe if "Then → now" in item.value.columns)
    assert "Attacks per recorded day" not in " ".join(strip["Figure"])

"""The app as a new user meets it (session 4): a file added twice, the sample left behind, the
pain scale and empty charts said in words, one run per edit. Through AppTest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "real-exports"
TIMEOUT = 90


def real(folder: str, name: str) -> tuple[str, bytes, str]:
    path = REAL / folder / name
    assert path.is_file(), f"missing real export {path} (see COMMON.md: ../shared/real-exports)"
    return name, path.read_bytes(), "text/csv"


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
    assert len([item for item in app.expander if "diary columns" in item.label]) <= 1

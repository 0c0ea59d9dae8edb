"""A pain column whose file names no scale is read as 0–10 — and the page says so.

The real asmith-headaches log (``../shared/real-exports``) has a bare ``intensity`` column with
values 2–7: it could be 0–10, 1–7 or 1–10. SPEC fixes a diary's intensity as 0–10 and lists bare
headers (``Pain``, ``Severity``) as that field, so the values are read as 0–10; but the reader of
the page must not take the scale for something the file stated (docs/formats.md, "Pain scales").
"""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest

from tnprep.cli import main
from tnprep.diary_info import scale_sentence
from tnprep.ingest.diary import read_diary
from tnprep.ingest.scales import NOT_STATED

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "real-exports"
ASMITH = CORPUS / "asmith-headaches" / "headaches.csv"


def test_a_bare_pain_column_is_read_as_0_10_with_the_scale_marked_not_stated() -> None:
    diary_file = read_diary(ASMITH.read_bytes(), ASMITH.name)
    scale = diary_file.info.scale
    assert scale is not None
    assert (scale.column, scale.label, scale.source, scale.converted) == (
        "intensity", "0–10", NOT_STATED, False
    )  # fmt: skip
    assert (scale.minimum, scale.maximum, scale.median) == (2.0, 7.0, None)
    # the values themselves are kept as 0–10 figures (SPEC's diary contract)
    assert diary_file.table["intensity"].max() == 7.0


def test_the_sentence_says_the_scale_was_not_stated() -> None:
    scale = read_diary(ASMITH.read_bytes(), ASMITH.name).info.scale
    assert scale is not None
    assert scale_sentence(scale) == (
        "intensity: no scale stated in the file; read as 0–10 (values 2–7)"
    )


@pytest.mark.parametrize(
    "header", ["Pain (0-10)", "Pain /10", "NRS 0-10", "Pain (out of 10)"]
)  # fmt: skip
def test_a_header_that_states_0_10_needs_no_line(header: str) -> None:
    data = f"Start,{header}\n2026-01-02 08:00,3\n2026-01-03 08:00,5\n".encode()
    assert read_diary(data, "stated.csv").info.scale is None


def test_the_users_scale_wins_and_needs_no_line() -> None:
    data = b"Start,Pain\n2026-01-02 08:00,3\n2026-01-03 08:00,5\n"
    assert read_diary(data, "p.csv", scales={"Pain": "0-10"}).info.scale is None
    user = read_diary(data, "p.csv", scales={"Pain": "1-7"}).info.scale
    assert user is not None and (user.label, user.source) == ("1–7", "user")


def test_a_known_export_states_its_own_scale() -> None:
    # Migraine Buddy's Pain Level is the app's 0–10 scale (docs/formats.md, Migraine Buddy)
    path = CORPUS / "mb-contributed" / "migraine_buddy_sample.csv"
    assert read_diary(path.read_bytes(), path.name).info.scale is None


def test_an_empty_pain_column_says_nothing() -> None:
    data = b"Start,Pain,Notes\n2026-01-02 08:00,,a\n2026-01-03 08:00,,b\n"
    assert read_diary(data, "empty.csv").info.scale is None


def test_check_asks_for_the_scale(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--diary", str(ASMITH)]) == 0
    out = capsys.readouterr().out
    assert "pain scale: intensity: no scale stated in the file; read as 0–10" in out
    assert '--scale "intensity=1-5"' in out


def test_report_states_it_on_the_page_and_in_the_json(tmp_path: Path) -> None:
    pdf, summary = tmp_path / "r.pdf", tmp_path / "s.json"
    arguments = ["report", "--diary", str(ASMITH), "--out", str(pdf)]
    assert main([*arguments, "--summary-json", str(summary)]) == 0
    files = json.loads(summary.read_text(encoding="utf-8"))["input"]["files"]
    assert files[0]["scale"]["source"] == NOT_STATED
    assert files[0]["scale"]["scale"] == "0–10"
    text = " ".join((pypdf.PdfReader(str(pdf)).pages[0].extract_text() or "").split())
    assert "no scale stated in the file; read as 0–10" in text

"""The bundled fonts' shipped metrics give exactly the font ReportLab parses, and the same PDF."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from tnprep.report.pdf.font_faces import bundled_font, metrics_file, metrics_path
from tnprep.report.pdf.text import FONT_FILES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("font", FONT_FILES, ids=lambda font: font.name)
def test_the_committed_metrics_are_a_fresh_run_of_the_tool(font: Path) -> None:
    assert metrics_path(font).read_bytes() == metrics_file(font)


@pytest.mark.parametrize("font", FONT_FILES, ids=lambda font: font.name)
def test_the_metrics_name_the_font_file_they_were_made_from(font: Path) -> None:
    header = json.loads(metrics_path(font).read_bytes().partition(b"\n")[0])
    assert header["font"] == font.name
    assert header["sha256"] == hashlib.sha256(font.read_bytes()).hexdigest()


def same_values(loaded: dict[str, Any], parsed: dict[str, Any]) -> None:
    """Equal keys, values and value types, in the same order, down into the tables."""
    assert set(loaded) == set(parsed)
    for name, value in parsed.items():
        mine = loaded[name]
        if callable(value):  # _pdfScale: the same arithmetic
            assert all(mine(units) == value(units) for units in range(-4096, 4096)), name
            continue
        assert type(mine) is type(value), name
        assert mine == value, name
        if hasattr(value, "ustr"):  # a name-table string remembers its text
            assert mine.ustr == value.ustr, name
        if isinstance(value, dict):
            assert list(mine.items()) == list(value.items()), name
            assert list(map(type, mine.values())) == list(map(type, value.values())), name
        if name == "hmetrics":  # ints, then ReportLab's scaled floats
            assert [tuple(map(type, pair)) for pair in mine] == [
                tuple(map(type, pair)) for pair in value
            ]


@pytest.mark.parametrize("font", FONT_FILES, ids=lambda font: font.name)
def test_the_loaded_font_is_the_parsed_font_attribute_for_attribute(font: Path) -> None:
    loaded, parsed = bundled_font("Loaded", font), TTFont("Loaded", str(font))
    same_values(vars(loaded.face), vars(parsed.face))
    outer = ("face", "state", "encoding")
    same_values(
        {key: value for key, value in vars(loaded).items() if key not in outer},
        {key: value for key, value in vars(parsed).items() if key not in outer},
    )
    assert vars(loaded.encoding) == vars(parsed.encoding)
    assert dict(loaded.state) == dict(parsed.state) == {}


def test_a_font_file_that_changed_is_parsed_not_loaded(tmp_path: Path) -> None:
    font = tmp_path / "DejaVuSans.ttf"
    font.write_bytes(FONT_FILES[0].read_bytes() + b"\0")  # other bytes, same metrics file
    metrics_path(font).write_bytes(metrics_path(FONT_FILES[0]).read_bytes())
    loaded = bundled_font("Changed", font)
    assert loaded.face._ttf_data.endswith(b"\0")
    assert loaded.face.charToGlyph == TTFont("Changed", str(font)).face.charToGlyph


SAMPLE_PAGE = """
import sys
sys.path.insert(0, "tests")
from tnprep.report import build_page
from tnprep.report.pdf import font_faces
from test_golden_sample import sample_summary
if sys.argv[1] == "parsed":
    font_faces._metrics = lambda path: None  # every font parsed by ReportLab, as before
sys.stdout.buffer.write(build_page(sample_summary()))
"""


def test_the_sample_page_is_the_same_pdf_with_loaded_or_parsed_fonts() -> None:
    pages = [
        subprocess.run([sys.executable, "-c", SAMPLE_PAGE, how], cwd=ROOT, capture_output=True,
                       check=True).stdout
        for how in ("loaded", "parsed")
    ]  # fmt: skip
    assert pages[0].startswith(b"%PDF")
    assert pages[0] == pages[1]

"""The project's own checks run in the suite, so the README's one test command covers them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_code_checks_pass(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_has_no_ui() -> None:
    """STYLE habit 1: nothing under tnprep/ but tnprep/app/ imports streamlit (any line)."""
    app_folder = ROOT / "tnprep" / "app"
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tnprep").rglob("*.py")
        if app_folder not in path.parents
        and (
            "import streamlit" in path.read_text(encoding="utf-8")
            or "from streamlit" in path.read_text(encoding="utf-8")
        )
    ]
    assert offenders == []


def test_only_report_pdf_imports_reportlab() -> None:
    """Only the package tnprep/report/pdf/ may import ReportLab; no other module in tnprep may.

    That includes the pure page modules beside it (content.py, sections.py, wording.py,
    chart_content.py). Every import line counts, also one inside a function.
    """
    pdf_package = ROOT / "tnprep" / "report" / "pdf"
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tnprep").rglob("*.py")
        if pdf_package not in path.parents
        and any(
            line.lstrip().startswith(("import reportlab", "from reportlab"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []

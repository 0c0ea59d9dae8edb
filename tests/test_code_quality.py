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
    """STYLE habit 1: nothing under tnprep/ imports streamlit."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tnprep").rglob("*.py")
        if "import streamlit" in path.read_text(encoding="utf-8")
        or "from streamlit" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_only_report_pdf_imports_reportlab() -> None:
    """Only tnprep/report/pdf.py (and its font helper) may import ReportLab."""
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "tnprep").rglob("*.py")
        if "reportlab" in path.read_text(encoding="utf-8").replace("reportlab.graphics", "")
        and path.parent.name != "report"
    ]
    assert offenders == []

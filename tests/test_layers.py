"""The layers of STYLE habit 1: Streamlit only in ``app.py`` and ``tnprep/app/``."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_FOLDER = ROOT / "tnprep" / "app"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_only_the_app_imports_streamlit() -> None:
    outside = [
        path for path in sorted((ROOT / "tnprep").rglob("*.py")) if APP_FOLDER not in path.parents
    ]
    assert len(outside) > 40  # the check sees the package
    offenders = [
        str(path.relative_to(ROOT))
        for path in outside
        if any(name == "streamlit" or name.startswith("streamlit.")
               for name in imported_modules(path))
    ]  # fmt: skip
    assert offenders == []


def test_the_command_line_and_the_recipe_load_without_streamlit() -> None:
    code = (
        "import sys, tnprep.cli, tnprep.pipeline, tnprep.report, tnprep.charts; "
        "sys.exit('streamlit' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0

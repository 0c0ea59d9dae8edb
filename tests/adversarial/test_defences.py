"""Defences that are settings or habits rather than inputs: privacy config, logs, network, writes.

docs/security.md maps each defence to the test that proves it; these are the ones no hostile file
exercises directly.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from tnprep.cli import files as cli_files
from tnprep.cli import main

ROOT = Path(__file__).parents[2]
FILES = Path(__file__).parent / "files"
NETWORK_MODULES = frozenset(
    {"socket", "http", "urllib", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "telnetlib",
     "xmlrpc", "webbrowser", "ssl"}
)  # fmt: skip


def streamlit_config() -> dict[str, dict[str, object]]:
    return tomllib.loads((ROOT / ".streamlit/config.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("section", "option", "value"),
    [
        ("browser", "gatherUsageStats", False),  # no telemetry
        ("server", "address", "127.0.0.1"),  # loopback only: not reachable from the network
        ("server", "allowedHosts", ["localhost", "127.0.0.1"]),  # DNS rebinding
        ("server", "enableXsrfProtection", True),
        ("server", "maxUploadSize", 32),  # a ten-year diary is 14.6 MB (issue 14)
        ("client", "showErrorDetails", "none"),  # no traceback (with cell values) in the browser
        ("global", "developmentMode", False),
    ],
)
def test_streamlit_config_is_private(section: str, option: str, value: object) -> None:
    assert streamlit_config()[section][option] == value


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path",
    sorted([*ROOT.joinpath("tnprep").rglob("*.py"), ROOT / "app.py"]),
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_no_module_can_reach_the_network(path: Path) -> None:
    assert imported_modules(path) & NETWORK_MODULES == set()


def test_the_command_line_prints_counts_never_patient_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main([
        "report", "--diary", str(FILES / "markup_diary.csv"),
        "--treatments", str(FILES / "markup_treatments.csv"),
        "--questionnaire", str(FILES / "markup_questionnaire.json"),
        "--out", str(tmp_path / "page.pdf"), "--summary-json", str(tmp_path / "summary.json"),
    ])  # fmt: skip
    output = capsys.readouterr()
    assert status == 0
    printed = output.out + output.err
    for patient_text in ("passwd", "Markup", "carbamazepine", "script", "question one", "chewing"):
        assert patient_text not in printed


def test_a_failed_write_leaves_neither_a_half_file_nor_a_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.pdf"
    target.write_bytes(b"the previous page")

    def crash(source: str, destination: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(cli_files.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        cli_files.write_atomically(target, b"%PDF- new page")
    assert target.read_bytes() == b"the previous page"
    assert [path.name for path in tmp_path.iterdir()] == ["page.pdf"]

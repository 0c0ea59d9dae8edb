"""tnprep installs as a package: wheel, console command, package data, the app's settings.

The slow test builds the wheel from a copy of the sources, installs it in a fresh virtual
environment (system site-packages reused, so no dependency is downloaded again; the build backend
is fetched by pip's isolated build) and runs ``tnprep`` from another folder.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from tnprep.cli.app import config_flags

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SOURCES = ("pyproject.toml", "README.md", "requirements.txt", "tnprep", "sample_data")


def test_every_package_folder_is_listed() -> None:
    folders = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "tnprep").rglob("__init__.py")
    }
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    assert listed == folders | {"tnprep.sample_data"}


def test_the_packaged_app_settings_are_the_projects() -> None:
    packaged = ROOT / "tnprep" / "app" / "streamlit_config.toml"
    assert packaged.read_bytes() == (ROOT / ".streamlit" / "config.toml").read_bytes()


def test_the_app_command_passes_every_privacy_setting() -> None:
    flags = config_flags()
    pairs = list(zip(flags[::2], flags[1::2], strict=True))
    assert ("--server.address", "127.0.0.1") in pairs
    assert ("--browser.gatherUsageStats", "false") in pairs
    assert ("--client.showErrorDetails", "none") in pairs
    assert [value for flag, value in pairs if flag == "--server.allowedHosts"] == [
        "localhost",
        "127.0.0.1",
    ]


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the built wheel installed; returns its bin folder."""
    work = tmp_path_factory.mktemp("packaging")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copyfile
        copy(ROOT / name, source / name)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", work / "wheel", "."],
        source)  # fmt: skip
    wheel = next((work / "wheel").glob("tnprep-*.whl"))
    run([sys.executable, "-m", "venv", "--system-site-packages", work / "venv"], work)
    bin_folder = work / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    run([bin_folder / "python", "-m", "pip", "install", "-q", "--no-deps", wheel], work)
    return bin_folder


def test_the_installed_command_reports_from_another_folder(installed: Path, tmp_path: Path) -> None:
    code = "import tnprep.samples as s; print(s.sample_folder().joinpath('attack_log.csv'))"
    located = run([installed / "python", "-c", code], tmp_path)
    samples = Path(located.stdout.strip()).parent
    assert "site-packages" in str(samples)  # the installed copy, not this checkout
    result = run([installed / "tnprep", "report",
                  "--diary", samples / "attack_log.csv", "--diary", samples / "paper_diary.csv",
                  "--diary", samples / "migraine_buddy.csv",
                  "--treatments", samples / "treatments.csv",
                  "--questionnaire", samples / "questionnaire.csv",
                  "--questionnaire", samples / "phq9_fhir.json",
                  "--out", "report.pdf", "--summary-json", "summary.json"], tmp_path)  # fmt: skip
    assert result.stdout.startswith("Wrote report.pdf: 752 attacks over 114 recorded days")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["treatments"]  # the catalogue and the fonts came with the package
    check = run([installed / "tnprep", "check", "--diary", samples / "attack_log.csv"], tmp_path)
    assert check.stdout.startswith("attack_log.csv: attack log")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_installed_app_command_serves_on_loopback(installed: Path, tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(installed / "tnprep"), "app", "--port", str(port)], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as answer:
                    assert answer.read() == b"ok"
                    break
            except OSError:
                assert server.poll() is None, server.stdout.read() if server.stdout else ""
                assert time.monotonic() < deadline, "the app did not start"
                time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)

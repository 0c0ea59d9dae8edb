"""Start-up stays lean (issue 15): ``check`` never imports ReportLab, in a fresh interpreter.

Importing ``tnprep.cli`` imports no library (``run`` imports the commands with the collector
paused, then freezes them), so the collector cannot walk pandas' objects for a whole run.

Timings are benchmarks (benchmarks/run.py), never asserted here; only what is imported is.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import tnprep.cli as cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "attack_log.csv"

LOADED_AFTER_CHECK = """
import contextlib, io, sys
from tnprep.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(["check", "--diary", sys.argv[1]])
heavy = sorted(name for name in sys.modules
               if name.split(".")[0] in ("reportlab", "streamlit", "altair", "openpyxl"))
print(status, " ".join(heavy))
"""

# What only `report` and `batch` need: ``check`` reads and assembles, nothing more.
LOADED_FOR_THE_SUMMARY = ("tnprep.analysis", "tnprep.summary", "tnprep.summary_json",
                          "tnprep.ledger_model", "tnprep.report")  # fmt: skip


def test_check_never_imports_reportlab_streamlit_or_altair() -> None:
    result = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER_CHECK, str(SAMPLE)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    status, *loaded = result.stdout.split()
    assert status == "0"
    assert loaded == []


def test_check_loads_no_analysis_summary_or_page_module() -> None:
    code = LOADED_AFTER_CHECK.replace(
        'if name.split(".")[0] in ("reportlab", "streamlit", "altair", "openpyxl")',
        f"if name.startswith({LOADED_FOR_THE_SUMMARY!r})",
    )
    result = subprocess.run([sys.executable, "-c", code, str(SAMPLE)], cwd=ROOT,
                            capture_output=True, text=True, check=True)  # fmt: skip
    status, *loaded = result.stdout.split()
    assert status == "0"
    assert loaded == []


def _libraries_after_importing_the_cli(*libraries: str) -> str:
    """Which of ``libraries`` a fresh interpreter holds after ``import tnprep.cli`` (sorted)."""
    code = ("import sys, tnprep.cli; print(sorted(n for n in sys.modules if n.split('.')[0] in "
            f"{libraries!r}))")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)  # fmt: skip
    return result.stdout.strip()


def test_importing_the_command_line_loads_no_page_or_app_library() -> None:
    loaded = _libraries_after_importing_the_cli(
        "reportlab", "streamlit", "altair", "openpyxl", "charset_normalizer"
    )
    assert loaded == "[]"


def test_importing_the_command_line_package_loads_no_library_until_a_command_runs() -> None:
    assert _libraries_after_importing_the_cli("pandas", "numpy", "pyarrow", "reportlab") == "[]"


LONG_LIVED = """
import gc, sys
from tnprep.cli import long_lived_imports
if sys.argv[1] == "disabled":
    gc.disable()
with long_lived_imports():
    collecting = gc.isenabled()
    import pandas
print(collecting, gc.isenabled(), gc.get_freeze_count() > 10_000)
"""


def test_the_commands_are_imported_without_collections_then_frozen() -> None:
    """While importing the collector is off; afterwards it is on again, pandas' objects frozen."""
    result = subprocess.run([sys.executable, "-c", LONG_LIVED, "enabled"], cwd=ROOT,
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert result.stdout.split() == ["False", "True", "True"]


def test_a_collector_paused_by_the_caller_stays_paused() -> None:
    result = subprocess.run([sys.executable, "-c", LONG_LIVED, "disabled"], cwd=ROOT,
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert result.stdout.split() == ["False", "False", "True"]


def test_the_command_ends_at_once_with_everything_written_and_its_status(tmp_path: Path) -> None:
    """``run`` skips the interpreter's teardown: outputs, stdout and the status are all there."""
    pdf, summary = tmp_path / "report.pdf", tmp_path / "summary.json"
    command = [sys.executable, "-m", "tnprep", "report", "--diary", str(SAMPLE),
               "--out", str(pdf), "--summary-json", str(summary)]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Wrote {pdf}: ") and result.stdout.endswith(".\n")
    assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
    assert json.loads(summary.read_text(encoding="utf-8"))["schema"].startswith("tnprep.summary/")
    missing = subprocess.run([*command[:5], str(tmp_path / "absent.csv"), *command[6:]], cwd=ROOT,
                             capture_output=True, text=True, check=False)  # fmt: skip
    assert missing.returncode == 2
    assert missing.stderr == f"tnprep: error: {tmp_path / 'absent.csv'}: no such file.\n"


class _StoppedError(Exception):
    """Raised by a stand-in parser so ``run`` stops before any command."""


def test_run_asks_for_one_blas_thread_before_anything_imports_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str | None] = []

    def parser() -> None:
        seen.append(os.environ.get("OPENBLAS_NUM_THREADS"))
        raise _StoppedError

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setattr(cli, "_parser", parser)
    try:
        with pytest.raises(_StoppedError):
            cli.run()
    finally:
        gc.unfreeze()  # run() froze the test process's objects on its way out
    assert seen == ["1"]


def test_a_users_own_blas_thread_count_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    cli.one_blas_thread()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"

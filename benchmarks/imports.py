"""The report's import-time cost under the running interpreter, in fresh processes.

    python benchmarks/imports.py [--repeat 6]

Each run is a fresh process of the same interpreter (bytecode cached under a temporary
``PYTHONPYCACHEPREFIX``, OpenBLAS on one thread, the collector paused as ``tnprep.cli.run``
does). pandas, pyarrow and ReportLab are imported first and not counted; then the CPU time
(``time.process_time``) of importing what ``tnprep report`` imports (the commands' parser, the
page and the summary JSON) and, of it, the time spent creating dataclasses
(``dataclasses._process_class``, timed by wrapping it). Prints the medians and ranges. Run it
with each interpreter in turn, alternately, and state the machine's load (``uptime``) beside the
figures: docs/performance.md, "the same benchmarks under Python 3.12 and 3.13".
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = """
import dataclasses, gc, sys, time
gc.disable()
import pandas, pyarrow.csv, reportlab.platypus
spent = [0.0, 0]
original = dataclasses._process_class
def timed(*args, **kwargs):
    start = time.process_time()
    try:
        return original(*args, **kwargs)
    finally:
        spent[0] += time.process_time() - start
        spent[1] += 1
dataclasses._process_class = timed
start = time.process_time()
from tnprep.cli import _parser
_parser()
from tnprep.report import build_page
from tnprep.summary_json import dumps
total = time.process_time() - start
print(total, spent[0], spent[1], sum(1 for name in sys.modules if name.startswith("tnprep")))
"""


def one_run() -> tuple[float, float, int, int]:
    """Imports' CPU (s), dataclass creation's CPU (s), dataclasses made, tnprep modules loaded."""
    environment = {key: value for key, value in os.environ.items()
                   if key != "PYTHONDONTWRITEBYTECODE"}  # fmt: skip
    environment.update(
        PYTHONPATH=str(ROOT),
        OPENBLAS_NUM_THREADS="1",
        PYTHONPYCACHEPREFIX=str(Path(tempfile.gettempdir()) / "tnprep-bench-pycache"),
    )
    output = subprocess.run(
        [sys.executable, "-c", _CHILD], cwd=ROOT, check=True, capture_output=True, text=True,
        env=environment,
    ).stdout.split()  # fmt: skip
    return float(output[0]), float(output[1]), int(output[2]), int(output[3])


def _spread(values: list[float]) -> str:
    milliseconds = [value * 1000 for value in values]
    return (f"{statistics.median(milliseconds):.1f} ms "
            f"({min(milliseconds):.1f}–{max(milliseconds):.1f})")  # fmt: skip


def main() -> None:
    """Measure ``--repeat`` fresh processes after one warm-up run; print medians and ranges."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=6)
    arguments = parser.parse_args()
    one_run()
    runs = [one_run() for _ in range(arguments.repeat)]
    version = ".".join(str(part) for part in sys.version_info[:3])
    print(f"Python {version}, {arguments.repeat} fresh processes, load average "
          f"{os.getloadavg()[0]:.1f}: the report's imports {_spread([run[0] for run in runs])} "
          f"CPU, of which creating {runs[0][2]} dataclasses {_spread([run[1] for run in runs])}; "
          f"{runs[0][3]} tnprep modules")  # fmt: skip


if __name__ == "__main__":
    main()

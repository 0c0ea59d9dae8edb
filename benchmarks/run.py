"""Benchmark runner: each stage and each whole process beside its floor, measured in the same run.

    python benchmarks/run.py [--repeat N] [--only typical,heavy,check,clinic] [--clinic 1000]

Prints a Markdown table (copied into docs/performance.md). Workloads come from
benchmarks/generate.py, written to a temporary folder. Times are medians of N runs: wall clock,
and CPU time (user + system) beside it, which a shared machine disturbs far less; peak memory is
the child process's maximum resident set size. A whole process and its floor run alternately, so
both meet the same load. Child processes may write bytecode (to a temporary
``PYTHONPYCACHEPREFIX``, never into the repository), as an installed package has it: without it
every run would compile tnprep's ~100 modules from source (~0.2 s) while pandas and ReportLab,
installed, load theirs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import main as generate  # noqa: E402

TODAY = dt.date(2026, 11, 25)


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` runs, after one warm-up run."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def process(command: list[str], repeat: int) -> tuple[float, float, float]:
    """Median wall time (s), median CPU time (s) and peak RSS (MB) of a whole process."""
    runs = [_one_process(command) for _ in range(repeat)]
    return (statistics.median(run[0] for run in runs), statistics.median(run[1] for run in runs),
            max(run[2] for run in runs))  # fmt: skip


def side_by_side(
    command: list[str], floor: list[str], repeat: int
) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """``process`` for a command and its floor, run alternately (one warm-up run each)."""
    _one_process(command), _one_process(floor)
    pairs = [(_one_process(command), _one_process(floor)) for _ in range(repeat)]
    return _summary([pair[0] for pair in pairs]), _summary([pair[1] for pair in pairs])


def _summary(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return (statistics.median(run[0] for run in runs), statistics.median(run[1] for run in runs),
            max(run[2] for run in runs))  # fmt: skip


_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "elapsed = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
)
_BYTECODE = Path(tempfile.gettempdir()) / "tnprep-bench-pycache"


def _one_process(command: list[str]) -> tuple[float, float, float]:
    """Wall time (s), CPU time of it and its children (s), peak RSS of the largest (MB)."""
    environment = {key: value for key, value in os.environ.items()
                   if key != "PYTHONDONTWRITEBYTECODE"}  # fmt: skip
    environment["PYTHONPYCACHEPREFIX"] = str(_BYTECODE)
    output = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        cwd=ROOT, check=True, capture_output=True, text=True, env=environment,
    ).stdout.split()  # fmt: skip
    return float(output[0]), float(output[1]), int(output[2]) / 1024


def report_command(folder: Path, out: Path) -> list[str]:
    """``python -m tnprep report`` over every file of a workload folder."""
    command = [sys.executable, "-m", "tnprep", "report", "--out", str(out / "report.pdf"),
               "--summary-json", str(out / "summary.json")]  # fmt: skip
    for path in sorted(folder.iterdir()):
        option = {"treatments.csv": "--treatments", "questionnaire.csv": "--questionnaire",
                  "phq9_fhir.json": "--questionnaire"}.get(path.name, "--diary")  # fmt: skip
        command += [option, str(path)]
    return command


def stages(folder: Path, repeat: int) -> list[tuple[str, float, str, float]]:
    """In-process, warm: ingest, analysis and page, each with its floor."""
    import pandas as pd  # noqa: PLC0415 - timed imports stay out of module load

    from tnprep.pipeline import Sources, load_patient, summarise_patient  # noqa: PLC0415
    from tnprep.report import build_page  # noqa: PLC0415

    diary = folder / "diary.csv"
    files = {path.name: path.read_bytes() for path in folder.iterdir()}
    sources = Sources(
        diaries=[("diary.csv", files["diary.csv"])],
        treatments=[(name, files[name]) for name in ("treatments.csv",) if name in files],
        questionnaires=[(name, files[name]) for name in ("questionnaire.csv", "phq9_fhir.json")
                        if name in files],
    )  # fmt: skip
    data = load_patient(sources)
    summary = summarise_patient(data, start=None, end=None, today=TODAY)

    def read_floor() -> object:
        frame = pd.read_csv(diary, engine="pyarrow")
        return pd.to_datetime(frame["start"], format="%Y-%m-%d %H:%M")

    def analysis_floor() -> object:
        return data.diary.attacks.groupby(data.diary.attacks["start"].dt.normalize()).size()

    return [
        ("ingest", median_seconds(lambda: load_patient(sources), repeat),
         "pandas read_csv(pyarrow) + to_datetime(format)", median_seconds(read_floor, repeat)),
        ("analysis", median_seconds(
            lambda: summarise_patient(data, start=None, end=None, today=TODAY), repeat),
         "pandas group attacks by day", median_seconds(analysis_floor, repeat)),
        ("page", median_seconds(lambda: build_page(summary), repeat),
         "ReportLab: register font, one line, one page", median_seconds(_page_floor, repeat)),
    ]  # fmt: skip


def _page_floor() -> bytes:
    import io  # noqa: PLC0415

    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    font = ROOT / "tnprep" / "report" / "fonts" / "DejaVuSans.ttf"
    pdfmetrics.registerFont(TTFont("FloorSans", str(font)))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    page.setFont("FloorSans", 10)
    page.drawString(72, 720, "floor")
    page.showPage()
    page.save()
    return buffer.getvalue()


def main() -> None:
    """Generate the workloads, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="typical,heavy,check,clinic")
    parser.add_argument("--clinic", type=int, default=1000, help="patients in the big batch")
    arguments = parser.parse_args()
    chosen = set(arguments.only.split(","))
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        generate(work / "data", arguments.clinic)
        print(_machine())
        print(
            "| workload | measure | tnprep | floor | floor measure | ratio (wall) | ratio (CPU) |"
        )
        print("|---|---|---|---|---|---|---|")
        for name in ("typical", "heavy"):
            if name in chosen:
                _workload(name, work, arguments.repeat)
        if "check" in chosen:
            _check(work, arguments.repeat)
        if "clinic" in chosen:
            _clinic(work, arguments.clinic)


def _workload(name: str, work: Path, repeat: int) -> None:
    folder = work / "data" / name
    out = work / f"out-{name}"
    out.mkdir()
    for stage, seconds, floor_name, floor in stages(folder, repeat):
        _row(name, f"{stage} (warm, in-process)", seconds, floor, floor_name)
    if name == "typical":
        floor_command = [sys.executable, "-c", "import pandas, reportlab.platypus"]
        floor_name = 'python -c "import pandas, reportlab.platypus"'
    else:
        floor_command = [sys.executable, "-c",
                         "import pandas as pd; f = pd.read_csv(r'%s', engine='pyarrow'); "
                         "pd.to_datetime(f['start'], format='%%Y-%%m-%%d %%H:%%M')"
                         % (folder / "diary.csv")]  # fmt: skip
        floor_name = "python: pandas read_csv(pyarrow) + to_datetime(format)"
    report, floor = side_by_side(report_command(folder, out), floor_command, repeat)
    _process_rows(name, "whole `tnprep report` process", report, floor, floor_name)


def _check(work: Path, repeat: int) -> None:
    diary = work / "data" / "typical" / "diary.csv"
    command = [sys.executable, "-m", "tnprep", "check", "--diary", str(diary)]
    floor_command = [sys.executable, "-c",
                     f"import pandas; pandas.read_csv(r'{diary}', engine='pyarrow')"]  # fmt: skip
    floor_name = "python: import pandas + read_csv(pyarrow) of the diary"
    checked, floor = side_by_side(command, floor_command, repeat)
    _process_rows("typical", "whole `tnprep check` process", checked, floor, floor_name)


def _process_rows(
    name: str,
    measure: str,
    run: tuple[float, float, float],
    floor: tuple[float, float, float],
    floor_name: str,
) -> None:
    print(f"| {name} | {measure} | {_time(run[0])} wall, {_time(run[1])} CPU | "
          f"{_time(floor[0])} wall, {_time(floor[1])} CPU | {floor_name} | "
          f"{run[0] / floor[0]:.2f}× | {run[1] / floor[1]:.2f}× |")  # fmt: skip
    print(f"| {name} | {measure}: peak memory (MB) | {run[2]:.0f} | {floor[2]:.0f} | "
          f"{floor_name} | {run[2] / floor[2]:.2f}× | |")  # fmt: skip


def _clinic(work: Path, size: int) -> None:
    """``batch --jobs 2`` over the first 100 patient folders, then all of them (memory flat?)."""
    small = work / "data" / "clinic-100"
    small.mkdir()
    for folder in sorted((work / "data" / "clinic").iterdir())[:100]:
        (small / folder.name).symlink_to(folder, target_is_directory=True)
    for count, intake in ((100, small), (size, work / "data" / "clinic")):
        command = [sys.executable, "-m", "tnprep", "batch", str(intake),
                   "--out", str(work / f"out-clinic-{count}"), "--jobs", "2"]  # fmt: skip
        wall, cpu, memory = process(command, 1)
        print(f"| clinic | {count} patients, `batch --jobs 2` | {wall:.1f} s wall, {cpu:.1f} s "
              f"CPU | 60 s (goal, 1,000) | peak memory of the largest process {memory:.0f} MB "
              f"| {wall / 60 * 1000 / count:.2f}× of goal pro rata | |")  # fmt: skip


def _row(workload: str, measure: str, seconds: float, floor: float, floor_name: str) -> None:
    print(
        f"| {workload} | {measure} | {_time(seconds)} | {_time(floor)} | {floor_name} | "
        f"{seconds / floor:.2f}× | |"
    )


def _time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _machine() -> str:
    cores = len(__import__("os").sched_getaffinity(0))
    memory = resource.getpagesize() * __import__("os").sysconf("SC_PHYS_PAGES") / 2**30
    import pandas  # noqa: PLC0415
    import reportlab  # noqa: PLC0415

    return (f"Machine: {platform.processor() or platform.machine()}, {cores} cores, "
            f"{memory:.0f} GiB; Python {platform.python_version()}, pandas {pandas.__version__}, "
            f"ReportLab {reportlab.Version}; {dt.date.today().isoformat()}; load average "
            f"{os.getloadavg()[0]:.1f} at the start\n")  # fmt: skip


if __name__ == "__main__":
    main()

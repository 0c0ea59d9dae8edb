"""Benchmark runner: each stage and each whole process beside its floor, measured in the same run.

    python benchmarks/run.py [--repeat N] [--only typical,heavy,clinic]

Prints a Markdown table (copied into docs/performance.md). Workloads come from
benchmarks/generate.py, written to a temporary folder. Times are medians of N runs (wall clock);
peak memory is the child process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import datetime as dt
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


def process(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time (s) and peak RSS (MB) of a whole process, run from the repository root."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    runs = []
    for _ in range(repeat):
        output = subprocess.run(
            [sys.executable, "-c", wrapper, *command],
            cwd=ROOT, check=True, capture_output=True, text=True,
        ).stdout.split()  # fmt: skip
        runs.append((float(output[0]), int(output[1]) / 1024))
    return statistics.median(run[0] for run in runs), max(run[1] for run in runs)


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
    parser.add_argument("--only", default="typical,heavy,clinic")
    arguments = parser.parse_args()
    chosen = set(arguments.only.split(","))
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        generate(work / "data")
        print(_machine())
        print("| workload | measure | tnprep | floor | floor measure | ratio |")
        print("|---|---|---|---|---|---|")
        for name in ("typical", "heavy"):
            if name in chosen:
                _workload(name, work, arguments.repeat)
        if "clinic" in chosen:
            _clinic(work)


def _workload(name: str, work: Path, repeat: int) -> None:
    folder = work / "data" / name
    out = work / f"out-{name}"
    out.mkdir()
    for stage, seconds, floor_name, floor in stages(folder, repeat):
        _row(name, f"{stage} (warm, in-process)", seconds, floor, floor_name)
    report_seconds, report_memory = process(report_command(folder, out), max(1, repeat // 2))
    if name == "typical":
        floor_command = [sys.executable, "-c", "import pandas, reportlab.platypus"]
        floor_name = 'python -c "import pandas, reportlab.platypus"'
    else:
        floor_command = [sys.executable, "-c",
                         "import pandas as pd; f = pd.read_csv(r'%s', engine='pyarrow'); "
                         "pd.to_datetime(f['start'], format='%%Y-%%m-%%d %%H:%%M')"
                         % (folder / "diary.csv")]  # fmt: skip
        floor_name = "python: pandas read_csv(pyarrow) + to_datetime(format)"
    floor_seconds, floor_memory = process(floor_command, max(1, repeat // 2))
    _row(name, "whole `tnprep report` process", report_seconds, floor_seconds, floor_name)
    print(f"| {name} | peak memory (MB) | {report_memory:.0f} | {floor_memory:.0f} | "
          f"{floor_name} | {report_memory / floor_memory:.2f}× |")  # fmt: skip


def _clinic(work: Path) -> None:
    command = [sys.executable, "-m", "tnprep", "batch", str(work / "data" / "clinic"),
               "--out", str(work / "out-clinic"), "--jobs", "2"]  # fmt: skip
    seconds, memory = process(command, 1)
    print(
        f"| clinic | 100 patients, `batch --jobs 2` | {seconds:.1f} s | 30 s (goal) | "
        f"peak memory {memory:.0f} MB | {seconds / 30:.2f}× of goal |"
    )


def _row(workload: str, measure: str, seconds: float, floor: float, floor_name: str) -> None:
    print(
        f"| {workload} | {measure} | {_time(seconds)} | {_time(floor)} | {floor_name} | "
        f"{seconds / floor:.2f}× |"
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
            f"ReportLab {reportlab.Version}; {dt.date.today().isoformat()}\n")  # fmt: skip


if __name__ == "__main__":
    main()

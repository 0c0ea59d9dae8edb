"""The page alone: warm ``build_page`` CPU time for the sample and the typical workload.

    python benchmarks/page.py [--repeat 50] [--repo PATH]

Builds each summary once, then times ``build_page`` (A4 and Letter) ``--repeat`` times after two
warm-up builds and prints the median and least CPU time (``time.process_time``). ``--repo`` points
at another checkout (e.g. the read-only base) so before and after are measured by one script;
run the two alternately and state the machine's load (``uptime``) beside the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 11, 25)
DIARIES = ("attack_log.csv", "paper_diary.csv", "migraine_buddy.csv")
QUESTIONNAIRES = ("questionnaire.csv", "phq9_fhir.json")


def _files(folder: Path, names: tuple[str, ...]) -> list[tuple[str, bytes]]:
    return [(name, (folder / name).read_bytes()) for name in names]


def _summaries(repo: Path) -> dict[str, object]:
    """The sample (with its earlier visit, as the README's command) and the typical workload."""
    sys.path.insert(0, str(repo))
    from benchmarks.generate import write_patient  # noqa: PLC0415 - from the chosen checkout
    from tnprep.analysis.since import with_since  # noqa: PLC0415
    from tnprep.ingest.previous import read_previous_visits  # noqa: PLC0415
    from tnprep.pipeline import Sources, load_patient, summarise_patient  # noqa: PLC0415

    sample = repo / "sample_data"
    sources = Sources(
        _files(sample, DIARIES), _files(sample, ("treatments.csv",)), _files(sample, QUESTIONNAIRES)
    )
    summary = summarise_patient(load_patient(sources), start=None, end=None, today=TODAY)
    previous = read_previous_visits(_files(sample, ("previous_visit.summary.json",)))
    with tempfile.TemporaryDirectory() as folder:
        typical = Path(folder) / "typical"
        write_patient(typical, seed=1)
        typical_sources = Sources(
            _files(typical, ("diary.csv",)),
            _files(typical, ("treatments.csv",)),
            _files(typical, QUESTIONNAIRES),
        )
        typical_summary = summarise_patient(
            load_patient(typical_sources), start=None, end=None, today=TODAY
        )
    return {"sample": with_since(summary, previous), "typical": typical_summary}


def main() -> None:
    """Print one line per workload and paper: median and least CPU ms of ``build_page``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    arguments = parser.parse_args()
    summaries = _summaries(arguments.repo.resolve())
    from tnprep.report import build_page  # noqa: PLC0415 - after the checkout is on the path

    for name, summary in summaries.items():
        for paper in ("a4", "letter"):
            build_page(summary, paper)  # type: ignore[arg-type]
            build_page(summary, paper)  # type: ignore[arg-type]
            times = []
            for _ in range(arguments.repeat):
                start = time.process_time()
                build_page(summary, paper)  # type: ignore[arg-type]
                times.append(time.process_time() - start)
            print(
                f"{name:8s} {paper:6s} median {statistics.median(times) * 1000:5.1f} ms "
                f"least {min(times) * 1000:5.1f} ms CPU"
            )


if __name__ == "__main__":
    main()

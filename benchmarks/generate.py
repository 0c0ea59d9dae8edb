"""Generate the benchmark workloads (synthetic, deterministic): typical, heavy and clinic.

    python benchmarks/generate.py OUT_DIR

writes OUT_DIR/typical/ (90 days, ~5 attacks a day, treatments, questionnaires),
OUT_DIR/heavy/ (10 years, up to 200 attacks a day: ~365,000 rows, ~16 MB) and
OUT_DIR/clinic/ (``clinic_size`` patient folders shaped like typical: 100, or 1,000 with
``--clinic 1000``).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
TRIGGERS = ("chewing", "talking", "touch", "cold wind", "brushing teeth", "", "", "washing face")
HEADER = "start,duration,intensity,side,division,triggers\n"


def attack_rows(first: dt.date, days: int, mean_per_day: float, seed: int) -> list[str]:
    """Attack-log lines: ``mean_per_day`` on average (0 to twice that a day)."""
    chooser = random.Random(seed)
    lines = []
    for offset in range(days):
        day = dt.datetime.combine(first + dt.timedelta(days=offset), dt.time(6, 0))
        count = chooser.randint(0, round(2 * mean_per_day))
        for minute in sorted(chooser.sample(range(17 * 60), min(count, 17 * 60))):
            start = day + dt.timedelta(minutes=minute)
            lines.append(
                f"{start:%Y-%m-%d %H:%M},{chooser.randint(5, 120)}s,{chooser.randint(2, 10)},"
                f"right,V{chooser.choice('23')},{chooser.choice(TRIGGERS)}\n"
            )
    return lines


def write_patient(folder: Path, seed: int, days: int = 90, mean_per_day: float = 5) -> None:
    """A typical patient: a 90-day attack log plus the sample treatments and questionnaires."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = attack_rows(dt.date(2026, 8, 1), days, mean_per_day, seed)
    (folder / "diary.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    for name in ("treatments.csv", "questionnaire.csv", "phq9_fhir.json"):
        shutil.copyfile(SAMPLE / name, folder / name)


def main(out: Path, clinic_size: int = 100) -> None:
    """Write all three workloads under ``out``."""
    write_patient(out / "typical", seed=1)
    heavy = out / "heavy"
    heavy.mkdir(parents=True, exist_ok=True)
    rows = attack_rows(dt.date(2016, 11, 1), 3652, 100, seed=2)
    (heavy / "diary.csv").write_text(HEADER + "".join(rows), encoding="utf-8")
    for number in range(clinic_size):
        write_patient(out / "clinic" / f"patient-{number:04d}", seed=100 + number)


if __name__ == "__main__":
    size = int(sys.argv[sys.argv.index("--clinic") + 1]) if "--clinic" in sys.argv else 100
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/data"), size)

"""Treatment histories and diary rows for ledger tests (synthetic, written like patients write).

``row(...)`` makes one Treatment; ``attack_rows(...)`` an attack frame with the columns the
ledger reads; ``rich_ledger()`` a ledger where every optional object is present at least once
(titration with a lab value, an overlapping adjunct, an ongoing drug, a procedure with recurrence
and a complication with a lab value, rescues rated by Migraine Buddy).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd
from summary_factory import make_summary

from tnprep.analysis.ledger import build_ledger
from tnprep.ingest.doses import parse_daily_dose
from tnprep.ledger_model import Ledger
from tnprep.model import Answers, PartialDate, Treatment, TreatmentCategory

TODAY = dt.date(2024, 4, 8)
"""The summary day of the cases (ongoing courses run to it)."""


def partial(text: str | None) -> PartialDate | None:
    """'2019' / '2019-03' / '2019-03-14' → PartialDate."""
    if not text:
        return None
    parts = [int(part) for part in text.split("-")]
    return PartialDate(*parts)


def row(
    name: str,
    start: str | None,
    end: str | None,
    dose: str | None = None,
    *,
    category: TreatmentCategory = TreatmentCategory.MEDICATION,
    number: int = 2,
    **fields: Any,
) -> Treatment:
    """One history row; ``end=None`` is ongoing; the dose is read as the reader reads it."""
    values: dict[str, Any] = {
        "name": name,
        "name_as_written": name.capitalize(),
        "category": category,
        "start": partial(start),
        "end": partial(end),
        "ongoing": end is None,
        "dose_text": dose,
        "dose_mg_per_day": parse_daily_dose(dose) if dose else None,
        "response": None,
        "relief_percent": None,
        "stopped_because": None,
        "side_effects": None,
        "notes": None,
        "file": "history.csv",
        "row": number,
    }
    values.update(fields)
    return Treatment(**values)


def attack_rows(entries: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Attack rows with the columns the acute burden reads (missing values filled)."""
    columns: dict[str, list[Any]] = {
        "start": [], "pain_type": [], "rescue": [], "medication_helpful": [],
        "medication_somewhat": [], "medication_unhelpful": [], "medication_unsure": [],
    }  # fmt: skip
    for entry in entries:
        columns["start"].append(pd.Timestamp(entry.get("start", "2024-01-08 08:00")))
        columns["pain_type"].append(entry.get("pain_type", pd.NA))
        columns["rescue"].append(entry.get("rescue", pd.NA))
        for name in list(columns)[3:]:
            columns[name].append(tuple(entry.get(name, ())))
    frame = pd.DataFrame(columns)
    frame["pain_type"] = frame["pain_type"].astype("string")
    frame["rescue"] = frame["rescue"].astype("string")
    return frame


def rich_history() -> list[Treatment]:
    """Carbamazepine titrated then stopped (sodium), baclofen over it and oxcarbazepine, an MVD."""
    return [
        row("carbamazepine", "2023-06-01", "2023-06-14", "100 mg twice daily", number=2),
        row(
            "carbamazepine", "2023-06-15", "2024-02-05", "400 mg three times daily", number=3,
            stopped_because="side effects", side_effects="hyponatraemia, sodium 128 mmol/L",
        ),
        row("baclofen", "2023-09", "2024-03", "10 mg tds", number=4, relief_percent=20.0),
        row(
            "oxcarbazepine", "2024-02-06", None, "600 mg twice daily", number=5,
            side_effects="tiredness; sodium 131 on 2024-03-01",
        ),
        row(
            "microvascular decompression", "2021-03-18", "2021-03-18", number=6,
            category=TreatmentCategory.PROCEDURE, side="right", outcome="pain-free",
            recurrence=PartialDate(2022, 5), complications="wound bleed, Hb 95 g/L",
            notes="attacks returned May 2022",
        ),
    ]  # fmt: skip


def rich_ledger() -> Ledger:
    """A ledger with every optional object present (for the JSON key documentation test)."""
    summary = make_summary()
    attacks = attack_rows([
        {"pain_type": "paroxysmal", "rescue": "lidocaine spray",
         "medication_helpful": ("Lidocaine spray",)},
        {"pain_type": "continuous", "medication_unhelpful": ("Ibuprofen",)},
    ])  # fmt: skip
    return build_ledger(
        rich_history(),
        attacks=attacks,
        daily=summary.daily,
        figures=summary.attacks,
        features=summary.features,
        comparisons=summary.before_after,
        answers=Answers(emergency_visits="2", bni_numbness="II"),
        today=TODAY,
    )

"""Acute burden from the diary, intake items, and the recorded facts worth a question.

* **Rescue uses**: read from the summary's one rescue tally (``analysis.rescue.rescue_summary``:
  the ``rescue`` cell split as documented there, Migraine Buddy's rating columns; a name counts
  once per attack row), so the ledger and ``attacks.rescue`` always agree.
* **Longest attack-free run**: consecutive *recorded* days with no attack; a day without diary
  ends the run (a gap is never attack-free, SPEC *Coverage*).
* **Continuous pain**: attack rows typed continuous out of those typed at all, and daily-log days
  with background pain above 0 out of those that record it.
* **Facts** (SPEC *Clinical voice*: facts, never advice): attacks on both sides; BNI numbness
  above I with no procedure in the history; continuous pain recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from tnprep.analysis.rescue import rescue_from_rows
from tnprep.ledger_model import AcuteBurden, Fact, FactKind, IntakeItem
from tnprep.model import Answers
from tnprep.summary import AttackFigures, DayFigure, Features, RescueSummary


def acute_burden(
    attacks: pd.DataFrame,
    daily: Sequence[DayFigure],
    features: Features,
    rescue: RescueSummary | None = None,
) -> AcuteBurden:
    """Return the period's acute burden.

    Args:
        attacks: The period's attack rows (``model.ATTACK_COLUMNS``).
        daily: Every period day (``Summary.daily``), gaps with ``attacks`` ``None``.
        features: The period's TN features (background pain days come from there).
        rescue: The summary's one rescue tally (``analysis.rescue.rescue_summary``: only
            diaries that record rescue count, so a diary without a rescue column never reads
            "rescue named in 0 of N attacks"). ``None``: tallied from every row of ``attacks``.
    """
    tally = rescue_from_rows(attacks) if rescue is None else rescue
    run, run_start = _longest_attack_free_run(daily)
    pain_types = attacks["pain_type"].dropna() if "pain_type" in attacks else pd.Series([])
    return AcuteBurden(
        attacks=tally.attacks_with_record,
        attacks_with_rescue=tally.attacks_with_rescue,
        rescues=tally.uses,
        longest_attack_free_run=run,
        attack_free_run_start=run_start,
        typed_attacks=len(pain_types),
        continuous_attacks=int((pain_types == "continuous").sum()),
        background_pain_days=features.background_pain_days,
        background_pain_recorded_days=features.background_pain_recorded_days,
    )


def _longest_attack_free_run(daily: Sequence[DayFigure]) -> tuple[int | None, dt.date | None]:
    if not any(day.attacks is not None for day in daily):
        return None, None
    best, length = 0, 0
    best_start: dt.date | None = None
    start: dt.date | None = None
    for day in daily:
        if day.attacks == 0:
            start = start if length else day.date
            length += 1
            if length > best:
                best, best_start = length, start
        else:
            length = 0
    return best, best_start


INTAKE_ITEMS: tuple[tuple[str, str], ...] = (
    ("emergency_visits", "emergency visits"),
    ("iv_infusions", "IV infusions"),
    ("days_unable_to_eat", "days unable to eat"),
    ("weight_lost", "weight lost"),
    ("impact_work", "work"),
    ("driving", "driving"),
    ("age_at_onset", "age at onset"),
)
"""Questionnaire item → label, in the order the ledger shows them (docs/questionnaires.md)."""


def intake_items(answers: Answers) -> tuple[IntakeItem, ...]:
    """Return the ledger's intake answers as written; an unanswered item stays ``None``."""
    return tuple(IntakeItem(item, label, getattr(answers, item)) for item, label in INTAKE_ITEMS)


# BNI facial numbness (Rogers et al. 2000): I = no numbness; II–IV = numbness of rising bother.
_NUMBNESS = frozenset({"II", "III", "IV"})


def facts(
    figures: AttackFigures, burden: AcuteBurden, answers: Answers, *, procedure_done: bool
) -> tuple[Fact, ...]:
    """Return the recorded facts worth a question (never advice), in page order."""
    found: list[Fact] = []
    sides = figures.by_side
    if sides.both or (sides.left and sides.right):
        text = f"attack rows: right {sides.right}, left {sides.left}, both {sides.both}"
        found.append(Fact(FactKind.BOTH_SIDES, text))
    if answers.bni_numbness in _NUMBNESS and not procedure_done:
        text = f"BNI numbness {answers.bni_numbness} (self-rated); no procedure in the history"
        found.append(Fact(FactKind.NUMBNESS_NO_PROCEDURE, text))
    continuous = _continuous_text(burden)
    if continuous is not None:
        found.append(Fact(FactKind.CONTINUOUS_PAIN, continuous))
    return tuple(found)


def _continuous_text(burden: AcuteBurden) -> str | None:
    parts = []
    if burden.continuous_attacks:
        parts.append(
            f"{burden.continuous_attacks} of {burden.typed_attacks} typed attacks continuous"
        )
    if burden.background_pain_days:
        parts.append(
            f"background pain on {burden.background_pain_days} of "
            f"{burden.background_pain_recorded_days} daily-log days"
        )
    return "; ".join(parts) or None

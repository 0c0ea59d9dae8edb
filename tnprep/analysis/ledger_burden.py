"""Acute burden from the diary, intake items, and the recorded facts worth a question.

* **Rescue uses**: each attack row's ``rescue`` cell (split on ``;`` ``|`` ``,``, never inside
  entity-like text such as ``&amp;``, which prints as typed) and Migraine
  Buddy's helpful / somewhat helpful / unhelpful / unsure medication columns; a name counts once
  per attack row, case-insensitively, under its first spelling. "No medication" and "none" are
  not rescues.
* **Longest attack-free run**: consecutive *recorded* days with no attack; a day without diary
  ends the run (a gap is never attack-free, SPEC *Coverage*).
* **Continuous pain**: attack rows typed continuous out of those typed at all, and daily-log days
  with background pain above 0 out of those that record it.
* **Facts** (SPEC *Clinical voice*: facts, never advice): attacks on both sides; BNI numbness
  above I with no procedure in the history; continuous pain recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from tnprep.analysis.rescue import split_names
from tnprep.ledger_model import AcuteBurden, Fact, FactKind, IntakeItem, RescueUse
from tnprep.model import Answers
from tnprep.summary import AttackFigures, DayFigure, Features

_RATINGS = (
    ("medication_helpful", "helpful"),
    ("medication_somewhat", "somewhat"),
    ("medication_unhelpful", "unhelpful"),
    ("medication_unsure", "unsure"),
)
_NOT_A_RESCUE = frozenset({"nomedication", "none", "no", "nothing", "na", "n/a", "-"})
_SPLIT = re.compile(r"[;|,]")
_CELL_COLUMNS = ("rescue", *(column for column, _ in _RATINGS))


def acute_burden(
    attacks: pd.DataFrame,
    daily: Sequence[DayFigure],
    features: Features,
    rescue_attacks: pd.DataFrame | None = None,
) -> AcuteBurden:
    """Return the period's acute burden.

    Args:
        attacks: The period's attack rows (``model.ATTACK_COLUMNS``).
        daily: Every period day (``Summary.daily``), gaps with ``attacks`` ``None``.
        features: The period's TN features (background pain days come from there).
        rescue_attacks: The attack rows from diaries that record rescue at all (a rescue or
            rating column); the rescue figures count only these, so a diary without such a
            column never reads as "rescue named in 0 of N attacks". ``None``: all of ``attacks``.
    """
    recorded = attacks if rescue_attacks is None else rescue_attacks
    rescues, with_rescue = _rescues(recorded)
    run, run_start = _longest_attack_free_run(daily)
    pain_types = attacks["pain_type"].dropna() if "pain_type" in attacks else pd.Series([])
    return AcuteBurden(
        attacks=len(recorded),
        attacks_with_rescue=with_rescue,
        rescues=rescues,
        longest_attack_free_run=run,
        attack_free_run_start=run_start,
        typed_attacks=len(pain_types),
        continuous_attacks=int((pain_types == "continuous").sum()),
        background_pain_days=features.background_pain_days,
        background_pain_recorded_days=features.background_pain_recorded_days,
    )


def _rescues(attacks: pd.DataFrame) -> tuple[tuple[RescueUse, ...], int]:
    spelling: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = {}
    rows_with_rescue = 0
    # Each distinct row of rescue cells is named once and weighted by how often it occurs (a
    # ten-year diary has 365,000 rows but a few hundred distinct ones); ``Counter`` keeps the
    # order of first occurrence, so the first spelling still wins.
    for cells, occurrences in _distinct_rescue_cells(attacks).items():
        named = _named(cells)
        rows_with_rescue += occurrences if named else 0
        for key, (name, ratings) in named.items():
            spelling.setdefault(key, name)
            tally = counts.setdefault(key, {"uses": 0, "helpful": 0, "somewhat": 0, "unhelpful": 0})
            tally["uses"] += occurrences
            for rating in ratings & {"helpful", "somewhat", "unhelpful"}:
                tally[rating] += occurrences
    uses = [RescueUse(spelling[key], **tally) for key, tally in counts.items()]
    return tuple(sorted(uses, key=lambda use: (-use.uses, use.name.casefold()))), rows_with_rescue


def _distinct_rescue_cells(attacks: pd.DataFrame) -> Counter[tuple[object, ...]]:
    """Rows' (rescue, rating tuples …) cells → how many rows hold them; rows with none left out.

    A column the frame lacks reads as blank (no rescue, no ratings).
    """
    present = [column for column in _CELL_COLUMNS if column in attacks]
    if not present or not len(attacks):
        return Counter()
    filled = np.zeros(len(attacks), dtype=bool)
    for column in present:
        values = attacks[column]
        filled |= values.notna().to_numpy() if column == "rescue" else _non_empty(values)
    rows = attacks.loc[filled]
    count = int(filled.sum())
    blanks = (None, (), (), (), ())
    cells = [rows[column].tolist() if column in attacks else [blank] * count
             for column, blank in zip(_CELL_COLUMNS, blanks, strict=True)]  # fmt: skip
    return Counter(zip(*cells, strict=True))


def _non_empty(values: pd.Series) -> np.ndarray:
    """True where a cell of tuples holds anything (truth tested in C, no Python loop)."""
    return np.asarray(values.to_numpy(dtype=object).astype(bool), dtype=bool)


def _named(cells: tuple[object, ...]) -> dict[str, tuple[str, set[str]]]:
    """Rescue names in one row's (rescue, rating tuples …) cells → (first spelling, ratings)."""
    named: dict[str, tuple[str, set[str]]] = {}
    rescue, *rated = cells
    parts: list[tuple[str, str | None]] = []
    if isinstance(rescue, str):
        parts += [(part, None) for part in split_names(rescue, _SPLIT)]
    for values, (_, label) in zip(rated, _RATINGS, strict=True):
        parts += [(value, label) for value in values if isinstance(value, str)]  # type: ignore[attr-defined]
    for text, rating in parts:
        name = " ".join(text.split())
        key = name.casefold()
        if not name or key.replace(" ", "") in _NOT_A_RESCUE:
            continue
        entry = named.setdefault(key, (name, set()))
        if rating is not None:
            entry[1].add(rating)
    return named


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

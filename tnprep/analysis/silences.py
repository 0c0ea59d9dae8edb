"""Long silences in an attack log: found, named in a notice, and counted the way the user chose.

SPEC's attack-log rule makes every day between a log's first and last attack a recorded day, and
a day without rows attack-free. TN has real remissions, so a long silence may be attack-free *or*
simply unrecorded; the data cannot tell. tnprep does not guess silently: each silence of
``SILENCE_DAYS`` or more is named (an ``attack-log-silence`` notice, the page's attack pattern,
the app's question), and the user chooses how its days count (``SilenceRule``). docs/figures.md
*Long silences in an attack log* gives the rule and the threshold's reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tnprep.analysis.coverage import attack_log_file_spans
from tnprep.issues import Issue, IssueCode
from tnprep.model import SILENCE_DAYS, Diary, SilenceRule
from tnprep.summary import Silence, Silences

__all__ = ["find_silences", "silence_issues"]


def find_silences(table: pd.DataFrame, diary: Diary, rule: SilenceRule) -> Silences:
    """Return the runs of the day table's ``silent`` column, with the attack logs covering each.

    Args:
        table: The period's per-day table (``coverage.day_table``).
        diary: The diary, for each attack log's span.
        rule: How the silences' days were counted in ``table``.
    """
    silent = table["silent"].to_numpy(dtype=bool)
    if not silent.any():  # most diaries: the spans (~3 ms for ten years) are not needed
        return Silences(rule=rule, runs=())
    edges = np.flatnonzero(np.diff(np.concatenate(([0], silent.view("int8"), [0]))))
    spans = attack_log_file_spans(diary)
    runs = []
    for begin, after in zip(edges[::2], edges[1::2], strict=True):  # each run of silent days
        first, last = table.index[begin].date(), table.index[after - 1].date()
        files = sorted({file for file, start, end in spans if start <= first and last <= end})
        runs.append(Silence(first, last, tuple(files)))
    return Silences(rule=rule, runs=tuple(runs))


def silence_issues(silences: Silences) -> tuple[Issue, ...]:
    """One notice per attack log naming each of its silences (dates and days) and how they count."""
    return tuple(_issue(file, runs, silences.rule) for file, runs in silences.by_file())


def _issue(file: str, runs: tuple[Silence, ...], rule: SilenceRule) -> Issue:
    days = sum(run.days for run in runs)
    listed = "; ".join(f"{run.first} to {run.last} ({run.days} days)" for run in runs)
    return Issue(
        code=IssueCode.ATTACK_LOG_SILENCE,
        file=file,
        row=None,
        column=None,
        value=None,
        message=(
            f"{_count(len(runs))} of {SILENCE_DAYS} days or more without a row in any diary "
            f"({days} days): {listed}. {counted_text(rule)}"
        ),
    )


def _count(runs: int) -> str:
    return "1 silence" if runs == 1 else f"{runs} silences"


def counted_text(rule: SilenceRule) -> str:
    """How the silences' days were counted, and how to count them the other way."""
    if rule is SilenceRule.UNRECORDED:
        return (
            "Counted as not recorded (gaps), as chosen; the attack-log rule would count them "
            "attack-free."
        )
    return (
        "Counted as attack-free (the attack-log rule); if they were not recorded, choose "
        "'unrecorded' (report --silences unrecorded, or the app's question)."
    )

"""The acute-burden line in words: rescue use, the patient's intake answers, the longest run.

Pure, no ReportLab. Facts only (SPEC *Clinical voice*): how often a rescue was named and how it
was rated, as recorded; emergency visits and the other intake answers as written; the longest
attack-free run, with how many of its days are long silences counted attack-free.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnprep.ledger_model import AcuteBurden, IntakeItem
from tnprep.model import SilenceRule
from tnprep.report.wording import day_text, plural
from tnprep.summary import Silences

_BURDEN_ITEMS = ("emergency_visits", "iv_infusions", "days_unable_to_eat", "weight_lost", "driving")


def burden_text(
    burden: AcuteBurden, intake: Sequence[IntakeItem], silences: Silences | None = None
) -> str | None:
    """The acute-burden line: rescues, longest attack-free run, intake answers given.

    ``silences``: the period's long silences; a run that lies partly in silences counted
    attack-free says how many of its days are silent (no diary row at all).
    """
    parts = []
    if burden.attacks:
        parts.append(_rescue_text(burden))
    # the patient's answers (emergency visits, not eating, weight lost) before the diary's run:
    # on a crowded page the line is cut from its end
    answered = [item for item in intake if item.item in _BURDEN_ITEMS and item.answer]
    parts += [f"{item.label}: {item.answer}" for item in answered]
    if burden.longest_attack_free_run is not None:
        run = plural(burden.longest_attack_free_run, "recorded day")
        start = burden.attack_free_run_start
        when = [day_text(start)] if start else []
        silent = _silent_days(burden.longest_attack_free_run, start, silences)
        if silent:
            when.append(f"{silent:,} of them in silences")
        parts.append(f"longest attack-free run {run}" + (f" ({'; '.join(when)})" if when else ""))
    return "; ".join(parts) or None


def _silent_days(run: int, start: dt.date | None, silences: Silences | None) -> int:
    """Days of the run ``start`` … ``start + run − 1`` inside silences counted attack-free."""
    if start is None or silences is None or silences.rule is not SilenceRule.ATTACK_FREE:
        return 0
    last = start + dt.timedelta(days=run - 1)
    return sum(
        max(0, (min(last, silence.last) - max(start, silence.first)).days + 1)
        for silence in silences.runs
    )


def _rescue_text(burden: AcuteBurden) -> str:
    head = f"rescue named in {burden.attacks_with_rescue} of {plural(burden.attacks, 'attack')}"
    uses = [f"{use.name} {use.uses}" + _ratings(use.helpful, use.somewhat, use.unhelpful)
            for use in burden.rescues]  # fmt: skip
    return head + (" — " + ", ".join(uses) if uses else "")


def _ratings(helpful: int, somewhat: int, unhelpful: int) -> str:
    rated = [(helpful, "helpful"), (somewhat, "somewhat helpful"), (unhelpful, "unhelpful")]
    words = [f"{count} {label}" for count, label in rated if count]
    return f" ({', '.join(words)})" if words else ""

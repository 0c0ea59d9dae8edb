"""The line under the 'at a glance' figures naming what the attack count holds.

"Attacks by the name recorded: 139, of which cluster-headache 134, migraine 5." — printed only
when the period's attacks carry more than one name (``Summary.attacks.names``, grouped as
``analysis.attack_names`` says). Recorded names and counts only: no re-labelling, no judgement
of which attacks belong (SPEC *Clinical voice*).
"""

from __future__ import annotations

from tnprep.report.wording import plural
from tnprep.summary import Summary

NAMES_SHOWN = 6
"""Names printed before the rest are counted together ('4 under 2 other names'); every name
and count is in the summary JSON (``attacks.names``) and the event-log notice."""


def attack_names_text(summary: Summary) -> str | None:
    """The count by name; ``None`` with fewer than two names."""
    attacks = summary.attacks
    names = attacks.names
    if len(names) < 2:
        return None
    parts = [f"{name} {count}" for name, count in names[:NAMES_SHOWN]]
    rest = names[NAMES_SHOWN:]
    if rest:
        counted = sum(count for _, count in rest)
        parts.append(f"{counted} under {plural(len(rest), 'other name')}")
    from_days = attacks.total - sum(count for _, count in names)
    if from_days > 0:  # a daily log's higher count on some day (SPEC: the higher one is used)
        parts.append(f"{from_days} from a daily log's counts")
    return f"Attacks by the name recorded: {attacks.total}, of which {', '.join(parts)}."

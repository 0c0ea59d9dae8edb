"""Like with like: which since-the-last-visit figures were made under other rules, and why.

A figure is compared only when the earlier summary made it under the rules this tnprep applies
(``tnprep.figure_rules``). A rule the earlier summary lacked leaves the figures it changes
uncompared — unless that summary itself shows the rule could not have changed them (no event
log among its diaries; no row of pain 0). A rule it names that this tnprep does not know means
a newer tnprep made it: no diary figure is compared. Silences counted another way (``--silences``)
leave the per-day figures uncompared when either summary has silent days. docs/page.md.
"""

from __future__ import annotations

from dataclasses import replace

from tnprep.figure_rules import (
    AFFECTS,
    DAY_FIGURES,
    EVENT_LOG_DAYS,
    FIGURE_RULES,
    NEWER_WORDS,
    PAIN_FIGURES,
    PAIN_ZERO_DAY_RECORDED,
    PAIN_ZERO_NOT_ATTACK,
    WORDS,
)
from tnprep.summary import Summary
from tnprep.visits import Direction, FigureChange, PreviousRules, PreviousVisit

_PAIN_ROW_KINDS = frozenset({"attack log", "event log"})
"""Diary kinds whose rows carry a pain value (a daily log's count is not a row of pain 0)."""


def with_rules(
    figures: tuple[FigureChange, ...], visit: PreviousVisit, summary: Summary
) -> tuple[FigureChange, ...]:
    """``figures`` with each one made under other rules marked not comparable, with why.

    A figure neither summary has (``null`` then and now) needs no reason: nothing is compared.
    """
    reasons = not_compared(visit.rules, summary)
    return tuple(
        replace(figure, direction=Direction.NOT_COMPARABLE, not_compared=reasons[figure.key])
        if reasons.get(figure.key) and (figure.then, figure.now) != (None, None)
        else figure
        for figure in figures
    )


def not_compared(rules: PreviousRules, summary: Summary) -> dict[str, tuple[str, ...]]:
    """Each figure key not compared, with the reasons in the rules' order."""
    reasons: dict[str, list[str]] = {}
    for rule in FIGURE_RULES:
        if rule not in rules.rules and _could_matter(rule, rules):
            for key in AFFECTS[rule]:
                reasons.setdefault(key, []).append(WORDS[rule])
    if any(rule not in FIGURE_RULES for rule in rules.rules):
        for key in DAY_FIGURES | PAIN_FIGURES:
            reasons.setdefault(key, []).append(NEWER_WORDS)
    silences = _silences_words(rules, summary)
    if silences:
        for key in DAY_FIGURES:
            reasons.setdefault(key, []).append(silences)
    return {key: tuple(words) for key, words in reasons.items()}


def _could_matter(rule: str, rules: PreviousRules) -> bool:
    """Whether the earlier summary could hold a figure the missing ``rule`` would change.

    Only what that summary shows is used: its diaries' kinds and its rows of pain 0.
    """
    kinds = rules.file_kinds
    if rule == EVENT_LOG_DAYS:  # no files listed: made before an event log could be read
        return kinds is not None and "event log" in kinds
    if rule == PAIN_ZERO_NOT_ATTACK:
        return kinds is None or bool(_PAIN_ROW_KINDS & set(kinds))
    if rule == PAIN_ZERO_DAY_RECORDED:  # before rows of pain 0 were set aside, they were
        # attacks, so their days were recorded days anyway
        return PAIN_ZERO_NOT_ATTACK in rules.rules and rules.pain_zero_rows is not False
    return True


def _silences_words(rules: PreviousRules, summary: Summary) -> str | None:
    """Words when the two summaries counted silent days differently and either had any."""
    now = summary.silences
    if rules.silences == now.rule.value or (rules.silence_days == 0 and now.days == 0):
        return None
    return f"silences counted {rules.silences} then, {now.rule.value} now"

"""The counting rules a summary's figures were made under, by name (summary JSON ``figure_rules``).

tnprep's rules for counting attacks and recorded days have changed between versions, all under
the one schema ``tnprep.summary/1``. An earlier summary made by an older tnprep therefore may hold
a figure of the same name made under another definition: "attacks per recorded day" that counted
rows of pain 0 as attacks, or an event log's quiet days as attack-free. Since the last visit
compares a figure only when both summaries made it under the same rules (``analysis.since_rules``);
a summary states its rules in ``figure_rules``, and those of an older one are told from the keys
it has (``ingest.previous_rules``). docs/summary-json.md *Figure rules*.
"""

from __future__ import annotations

PAIN_SCALES = "pain-scales"
"""A pain column is read on its scale (1–5, 0–100, words), converted to 0–10 only by a documented
rule, never a 1–5 value as x/10 (SPEC *Pain scales*). Before it, every value was taken as 0–10."""
EVENT_LOG_DAYS = "event-log-days"
"""An event log covers only the days on which it has a row (docs/figures.md *Coverage*). Before
it, an event log covered its whole span and its quiet days were attack-free."""
PAIN_ZERO_NOT_ATTACK = "pain-0-not-attack"
"""A row recording pain 0 is not an attack (``ingest.no_pain``). Before it, it counted as one."""
PAIN_ZERO_DAY_RECORDED = "pain-0-day-recorded"
"""The day of a row recording pain 0 is a recorded day (docs/figures.md *Coverage*)."""

FIGURE_RULES = (PAIN_SCALES, EVENT_LOG_DAYS, PAIN_ZERO_NOT_ATTACK, PAIN_ZERO_DAY_RECORDED)
"""The rules this tnprep applies, in the order they came."""

DAY_FIGURES = frozenset({"per_recorded_day", "attack_free_percent"})
"""Since-the-last-visit figures made from attacks per recorded day."""
PAIN_FIGURES = frozenset({"intensity_max", "intensity_median"})
"""Since-the-last-visit figures made from pain values."""

AFFECTS: dict[str, frozenset[str]] = {
    PAIN_SCALES: PAIN_FIGURES,
    EVENT_LOG_DAYS: DAY_FIGURES,
    PAIN_ZERO_NOT_ATTACK: DAY_FIGURES | {"intensity_median"},
    PAIN_ZERO_DAY_RECORDED: DAY_FIGURES,
}
"""The since-the-last-visit figures (``FigureChange.key``) each rule changes."""

WORDS = {
    PAIN_SCALES: "the last summary was made before tnprep read pain scales",
    EVENT_LOG_DAYS: "the last summary counted an event log's days by an older rule",
    PAIN_ZERO_NOT_ATTACK: (
        "the last summary was made before rows of pain 0 stopped counting as attacks"
    ),
    PAIN_ZERO_DAY_RECORDED: "the last summary did not count its days of pain 0 as recorded days",
}
"""Why a figure is not compared when the earlier summary lacked the rule (the page's words)."""

NEWER_WORDS = "the last summary was made by a newer tnprep"
"""Why, when the earlier summary names a rule this tnprep does not know."""

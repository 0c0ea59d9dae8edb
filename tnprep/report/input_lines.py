"""Short page lines about how the diary was recorded: the pain scale, long silences, other rows.

Pure text from the ``Summary`` (recorded facts, no judgement): "Pain scale: … is on a 1–5 scale
(median 2, worst 5 of 5); not converted to 0–10" and "Silences: 5,286 days in 18 silences of 28
days or more without a row … counted as attack-free (attack-log rule); they may be unrecorded".
Rescue is stated once, on the ledger's acute-burden line (``burden_lines``).
"""

from __future__ import annotations

from collections import Counter

from tnprep.diary_info import scale_sentence
from tnprep.model import SILENCE_DAYS, SilenceRule
from tnprep.report.wording import day_text
from tnprep.summary import InputAccount, Silences, Summary


def scale_and_silences(summary: Summary) -> list[tuple[str, str]]:
    """(label, text) pairs for the top of the attack pattern; empty when nothing to say."""
    lines: list[tuple[str, str]] = []
    # a chosen period's figures are the period's; the scale's values and median are the file's
    whole = " (whole file)" if summary.period.chosen else ""
    scales = [
        f"{file}{whole}: {scale_sentence(info.scale)}"
        for file, info in summary.input.files
        if info.scale is not None
    ]
    if scales:
        lines.append(("Pain scale", "; ".join(scales)))
    if summary.silences.runs:
        lines.append(("Silences", silences_text(summary.silences)))
    return lines


def silences_text(silences: Silences) -> str:
    """How the days of an attack log's long silences were counted (docs/figures.md).

    How they were counted comes first: the field is clamped to three lines on a crowded page,
    and that is the part a reader of the figures must not lose.
    """
    runs = silences.runs
    longest = max(runs, key=lambda run: run.days)
    count = "1 silence" if len(runs) == 1 else f"{len(runs)} silences"
    if silences.rule is SilenceRule.UNRECORDED:
        counted = f"{silences.days} days counted as not recorded (gaps), as the user chose"
    else:
        counted = f"{silences.days} days counted attack-free (attack-log rule), may be unrecorded"
    return (
        f"{counted}: {count} of {SILENCE_DAYS}+ days without a diary row (longest "
        f"{longest.days} days, {day_text(longest.first)} – {day_text(longest.last)})"
    )


OTHER_KINDS_SHOWN = 3
"""Kinds of other rows the footer names; the rest are counted ('+2 kinds')."""


def other_kinds_text(account: InputAccount) -> str:
    """': medicine 551, symptom 443, sport 191, +2 kinds', or '' when the kinds do not add up.

    Session 6 review: "1499 other rows (not attacks)" hid that the Pavia workbook's rows were
    medicine entries (oxygen 1341) that no other line of the page names. Kinds are named only
    when every other row has one (rows of pain 0, counted by no kind, leave the words as they were).
    """
    kinds: Counter[str] = Counter()
    for _, info in account.files:
        kinds.update(dict(info.other_kinds))
    if not kinds or sum(kinds.values()) != account.rows_other:
        return ""
    ordered = kinds.most_common()
    named = [f"{kind} {count}" for kind, count in ordered[:OTHER_KINDS_SHOWN]]
    rest = len(ordered) - OTHER_KINDS_SHOWN
    return ": " + ", ".join(named + ([f"+{rest} kinds"] if rest > 0 else []))

"""The acute-burden line in words: rescue use, the patient's intake answers, the longest run.

Pure, no ReportLab. Facts only (SPEC *Clinical voice*): how often a rescue was named and how it
was rated, as recorded; emergency visits and the other intake answers as written; the longest
attack-free run, with how many of its days are long silences counted attack-free.

The page states rescue here only, in the ledger where acute treatment is read (the attack pattern
no longer repeats it): every figure of the one rescue tally (``Summary.rescue``) is on this line —
each name with its attack count and Migraine Buddy ratings, whether it helped as recorded (the
answers a per-name rating does not already state).

Medicine entries that a diary links to no attack (an event log's medicine rows, a workbook's
medicines sheet) are **not** on this line: Bearable's export lists lisdexamfetamine, clomipramine
and fluoxetine taken daily, and under "Acute burden" they read as acute use. They have a line of
their own (``medicine_entries_text``) that says only what the diary records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tnprep.ledger_model import AcuteBurden, IntakeItem, Ledger
from tnprep.model import SilenceRule
from tnprep.report.wording import day_text, plural
from tnprep.summary import RescueSummary, Silences, Summary

_BURDEN_ITEMS = ("emergency_visits", "iv_infusions", "days_unable_to_eat", "weight_lost", "driving")


def summary_burden_text(summary: Summary, ledger: Ledger) -> str | None:
    """The acute-burden line of ``summary``: the one the page prints and the app shows.

    Both call this, so the app's "Acute burden" says what the page says (the rescue tally's
    "helped, as recorded" answers included).
    """
    return burden_text(ledger.burden, ledger.intake, summary.silences, summary.rescue)


def burden_text(
    burden: AcuteBurden,
    intake: Sequence[IntakeItem],
    silences: Silences | None = None,
    rescue: RescueSummary | None = None,
) -> str | None:
    """The acute-burden line: rescues, longest attack-free run, intake answers given.

    ``silences``: the period's long silences; a run that lies partly in silences counted
    attack-free says how many of its days are silent (no diary row at all). ``rescue``: the
    summary's rescue tally, for whether it helped as recorded (the per-name counts and ratings
    are the burden's own).
    """
    rescue_text = _rescue_text(burden, rescue)
    parts = [rescue_text] if rescue_text else []
    # the patient's answers (emergency visits, not eating, weight lost) before the diary's run:
    # on a crowded page the line is cut from its end
    answered = [item for item in intake if item.item in _BURDEN_ITEMS and item.answer]
    parts += [f"{item.label}: {item.answer}" for item in answered]
    if burden.longest_attack_free_run == 0:  # it read "longest attack-free run 0 recorded days"
        parts.append("no attack-free recorded day")
    elif burden.longest_attack_free_run is not None:
        run = plural(burden.longest_attack_free_run, "recorded day")
        start = burden.attack_free_run_start
        when = [day_text(start)] if start else []
        silent = _silent_days(burden.longest_attack_free_run, start, silences)
        if silent:
            when.append(f"{silent} of them in silences")
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


def _rescue_text(burden: AcuteBurden, rescue: RescueSummary | None) -> str:
    """'rescue named in 868 of 1039 attacks (helped, as recorded: yes 808, no 41) — Oxygen 739'."""
    if not burden.attacks:
        return ""
    unnamed = rescue.attacks_rescue_unnamed if rescue else 0
    verb = "taken" if unnamed else "named"
    head = f"rescue {verb} in {burden.attacks_with_rescue} of {plural(burden.attacks, 'attack')}"
    if unnamed:  # a Yes/No column: "yes" says a rescue was taken, not which
        head += f" ({unnamed} with no name recorded)"
    helped = _helped_text(burden, rescue)
    if helped:
        head += f" (helped, as recorded: {helped})"
    uses = [f"{use.name} {use.uses}" + _ratings(use.helpful, use.somewhat, use.unhelpful)
            for use in burden.rescues]  # fmt: skip
    return head + (" — " + ", ".join(uses) if uses else "")


RATED_PER_NAME = {"helpful": "helpful", "somewhat helpful": "somewhat", "unhelpful": "unhelpful"}
"""Migraine Buddy's rating words in ``RescueSummary.helped`` → the ``RescueUse`` field that
counts them per name (``analysis.rescue``); 'unsure' has no per-name count."""
TOP_ANSWERS = 3
"""Whether-it-helped answers shown before '+N more answers' (the JSON has them all)."""


def _helped_text(burden: AcuteBurden, rescue: RescueSummary | None) -> str:
    """'yes 808, no 41, false / true 1, +1 more answer': the answers not stated per name.

    A rating word whose count equals the sum of its per-name counts is the same figure as the
    names' '(4 somewhat helpful)' and is not said twice.
    """
    if rescue is None:
        return ""
    answers = [
        (word, count)
        for word, count in rescue.helped
        if word not in RATED_PER_NAME
        or count != sum(getattr(use, RATED_PER_NAME[word]) for use in burden.rescues)
    ]
    shown = [f"{word} {count}" for word, count in answers[:TOP_ANSWERS]]
    hidden = len(answers) - TOP_ANSWERS
    if hidden > 0:
        shown.append(f"+{plural(hidden, 'more answer', 'more answers')}")
    return ", ".join(shown)


MEDICINE_ENTRIES_LABEL = "Medicine entries:"
"""The label of the line that counts a diary's medicine entries (page and app)."""


def medicine_entries_text(rescue: RescueSummary) -> str | None:
    """'linked to no attack; regular or as needed not recorded — oxygen 12, sumatriptan 3'.

    The period's medicine rows of event logs and medicines sheets by name. The diary does not
    say whether each was taken for an attack or as a regular dose, so the line says so rather
    than standing under "Acute burden" (first, so a cut line loses names, not the caveat).
    None when there are none.
    """
    if not rescue.medicine_events:
        return None
    named = ", ".join(f"{name} {count}" for name, count in rescue.medicine_events)
    return f"linked to no attack; regular or as needed not recorded — {named}"


def _ratings(helpful: int, somewhat: int, unhelpful: int) -> str:
    rated = [(helpful, "helpful"), (somewhat, "somewhat helpful"), (unhelpful, "unhelpful")]
    words = [f"{count} {label}" for count, label in rated if count]
    return f" ({', '.join(words)})" if words else ""

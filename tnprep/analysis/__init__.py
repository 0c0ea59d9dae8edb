"""The analysis: ``PatientData`` → ``Summary``, pure (no clock, no files).

``summarise`` is the recipe; each step lives in its own module: ``coverage`` (recorded
days, the per-day table), ``attacks`` (SPEC's attack figures), ``trend``, ``features``
(TN features as recorded), ``before_after`` (treatment changes), ``ledger`` (the
treatment-resistance ledger: courses, procedures, acute burden), ``discussion`` (the
typed discussion points and their words). docs/figures.md defines every figure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd

from tnprep.analysis.attack_names import attack_names
from tnprep.analysis.attacks import attack_figures
from tnprep.analysis.before_after import before_after
from tnprep.analysis.coverage import (
    attacks_in_period,
    day_figures,
    day_table,
    days_in_period,
    empty_day_table,
    no_pain_days,
)
from tnprep.analysis.discussion import findings
from tnprep.analysis.features import features, files_with_trigger_column
from tnprep.analysis.ledger import build_ledger
from tnprep.analysis.rescue import rescue_summary
from tnprep.analysis.safety import safety_notes
from tnprep.analysis.scores import score_answers
from tnprep.analysis.silences import find_silences, silence_issues
from tnprep.analysis.treatments import summarise_treatments, treatment_changes
from tnprep.analysis.triggers import trigger_names
from tnprep.issues import Issue
from tnprep.model import DateOrderSource, Diary, PatientData, SilenceRule
from tnprep.summary import InputAccount, Period, Summary

__all__ = ["assumptions", "input_account", "period_bounds", "summarise"]


def summarise(
    data: PatientData,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    today: dt.date,
    silences: SilenceRule = SilenceRule.ATTACK_FREE,
) -> Summary:
    """Return every figure of the page and the JSON for one patient.

    Args:
        data: Everything ingested for the patient.
        start: First day of the period (``--from``), inclusive; default the first diary day.
        end: Last day of the period (``--to``), inclusive; default the last diary day.
        today: The day the summary is made (never read from the clock here).
        silences: How the days of an attack log's long silences count (``--silences``).

    Returns:
        The Summary. Attacks outside the period count in no figure; with no diary rows and
        no dates the period is ``Period(None, None, 0, 0)`` and every count is zero.
    """
    span = diary_span(data.diary)  # once: the period's bounds and the Period's diary span
    first, last = _bounds(span, start, end)
    chosen = start is not None or end is not None
    table, attacks, days = period_rows(data.diary, first, last, silences)
    quiet = find_silences(table, data.diary, silences)
    names = trigger_names(attacks["triggers"])  # once: the figures and the features share it
    figures = dataclasses.replace(
        attack_figures(attacks, days, table, names),
        names=attack_names(attacks, data.diary.files),
    )
    treatments = summarise_treatments(data.treatments)
    changes = (
        () if first is None or last is None else treatment_changes(data.treatments, first, last)
    )
    comparisons = before_after(changes, attacks, table)
    scores = score_answers(data.answers)
    daily = day_figures(table)
    pattern = features(attacks, days, files_with_trigger_column(data.diary), names, figures.by_side)
    # the one tally: attacks.rescue and the ledger
    rescue = rescue_summary(data.diary, attacks, first, last)
    ledger = build_ledger(
        data.treatments,
        attacks=attacks,
        daily=daily,
        figures=figures,
        features=pattern,
        comparisons=comparisons,
        answers=data.answers,
        today=today,
        rescue=rescue,
    )
    return Summary(
        generated=today,
        patient=data.answers,
        period=Period(first, last, len(table), int(table["recorded"].sum()), chosen, *span),
        attacks=figures,
        daily=daily,
        features=pattern,
        treatments=treatments,
        before_after=comparisons,
        scores=scores,
        findings=findings(
            scores, treatments, figures.trend, comparisons, data.answers, today=today
        ),
        input=dataclasses.replace(
            input_account(data, silence_issues(quiet)),
            rows_outside_period=_rows_used(data.diary) - len(attacks) - len(days),
        ),
        assumptions=(*assumptions(data.diary), *data.assumptions),
        ledger=ledger,
        rescue=rescue,
        safety=safety_notes(data.treatments),
        silences=quiet,
    )


def period_bounds(
    diary: Diary, start: dt.date | None, end: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """Return the period's first and last day.

    A bound not given is the first (last) day of the used diary rows: attack starts and
    daily-log dates. With no diary rows it is the other bound given, else ``None``.
    """
    return _bounds(diary_span(diary), start, end)


def _bounds(
    span: tuple[dt.date | None, dt.date | None], start: dt.date | None, end: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """``period_bounds`` from the diaries' first and last day (``diary_span``)."""
    first_row, last_row = span
    return start or first_row or end, end or last_row or start


def diary_span(diary: Diary) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of the used diary rows (attack starts, daily-log dates).

    Rows recording pain 0 count too: not attacks, but records of a day (docs/figures.md *Period*).
    """
    # On numpy (a normalise and a concat of 364,606 starts took ~3 ms): a day's first and last
    # moments fall on the same date, so the earliest start's date is the earliest start day.
    values = np.concatenate([
        diary.attacks["start"].to_numpy(dtype="datetime64[ns]"),
        diary.days["date"].to_numpy(dtype="datetime64[ns]"),
        np.array(sorted(no_pain_days(diary)), dtype="datetime64[ns]"),
    ])  # fmt: skip
    known = values[~np.isnat(values)]
    if not len(known):
        return None, None
    return pd.Timestamp(known.min()).date(), pd.Timestamp(known.max()).date()


def _rows_used(diary: Diary) -> int:
    """The used rows as held: attack rows (duplicates removed) and daily-log rows."""
    return len(diary.attacks) + len(diary.days)


def period_rows(
    diary: Diary,
    first: dt.date | None,
    last: dt.date | None,
    silences: SilenceRule = SilenceRule.ATTACK_FREE,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the per-day table, attack rows and daily-log rows of the period.

    An unknown period, or one whose end is before its start, has no days and no rows.
    """
    if first is None or last is None or first > last:
        return empty_day_table(), diary.attacks.iloc[:0], diary.days.iloc[:0]
    return (
        day_table(diary, first, last, silences),
        attacks_in_period(diary.attacks, first, last),
        days_in_period(diary.days, first, last),
    )


def input_account(data: PatientData, found: tuple[Issue, ...] = ()) -> InputAccount:
    """Return SPEC's ``input`` object: the diary's row account and every issue, sorted.

    ``found`` are the analysis's own notices (long silences in an attack log).
    """
    diary = data.diary
    issues = sorted((*diary.issues, *data.issues, *found), key=Issue.sort_key)
    return InputAccount(
        rows_read=diary.rows_read,
        rows_used=diary.rows_used,
        rows_rejected=diary.rows_rejected,
        duplicates=diary.duplicates,
        issues=tuple(issues),
        rows_other=diary.rows_other,
        files=tuple((item.file, item.info) for item in diary.files),
    )


_ASSUMPTION_WORDS = {
    DateOrderSource.ASSUMED: "assumed — every date was ambiguous",
    DateOrderSource.USER: "set by the user",
}


def assumptions(diary: Diary) -> tuple[str, ...]:
    """Return one plain line per diary file whose date order was assumed or set by the user.

    Example: ``"diary.csv: dates read day-first (assumed — every date was ambiguous)"``.
    """
    return tuple(
        f"{diary_file.file}: dates read {diary_file.date_order.value} "
        f"({_ASSUMPTION_WORDS[diary_file.date_order_source]})"
        for diary_file in diary.files
        if diary_file.date_order is not None and diary_file.date_order_source in _ASSUMPTION_WORDS
    )

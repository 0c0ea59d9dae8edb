"""The page's fixed text sections (header, at a glance, footer) and the values all sections use.

Pure, no ReportLab, plain text only. The attack pattern is ``pattern_section``, the treatment
ledger ``treatment_section``; ``tnprep.report.content`` assembles them all into a
``PageContent``, and the renderer decides how much of each fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from tnprep.issue_counts import values_left_out
from tnprep.issues import FILE_LEFT_OUT
from tnprep.model import SilenceRule
from tnprep.report import wording
from tnprep.report.input_lines import other_kinds_text
from tnprep.report.name_lines import attack_names_text
from tnprep.report.pain_figure import pain_figure
from tnprep.report.safety import item9_alert
from tnprep.report.score_lines import bni_detail, score_value_detail
from tnprep.report.trend_words import trend_detail, trend_label, trend_value
from tnprep.report.wording import NOT_GIVEN, day_text, number_text, plural
from tnprep.summary import AttackFigures, Summary, Trend

SAMPLE_MARK = "SAMPLE — invented patient, not a real record"
"""Printed at the top of a page built from the built-in sample (``Summary.sample``, set from the
files' bytes by ``tnprep.samples.is_sample_data``), whatever name the sample was given."""


@dataclass(frozen=True)
class Field:
    """A label and its value, e.g. ('Visit', '10 Apr 2024')."""

    label: str
    value: str


@dataclass(frozen=True)
class Figure:
    """One 'at a glance' figure: a big value with its label and a small detail line."""

    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Header:
    """Who, which visit, and which period the page covers."""

    name: str
    fields: tuple[Field, ...]
    """Date of birth / age, visit, clinician, diagnosis as reported, onset, side and divisions."""
    period: tuple[Field, ...]
    """Period covered, recorded days, date generated."""
    left_out: str | None = None
    """Files that could not be read and were left out whole, named at the top (safety)."""
    sample: str | None = None
    """``SAMPLE_MARK`` on a page of the built-in invented patient, renamed or not; else None."""


@dataclass(frozen=True)
class Glance:
    """The figures a clinician reads first."""

    alert: str | None
    """PHQ-9 item 9 above 0 or unanswered (the same words as the safety block, which draws it;
    kept here for the app); ``None`` otherwise."""
    figures: tuple[Figure, ...]
    scores: tuple[Figure, ...]
    names: str | None = None
    """'Attacks by the name recorded: 139, of which cluster-headache 134, migraine 5.' under the
    figures when the period's attacks have more than one name (``attack_names_text``)."""


@dataclass(frozen=True)
class Footer:
    """What every page states about its data."""

    disclaimer: str
    quality: str
    """Rows read/used/rejected, duplicates, gaps, conflicts."""
    assumptions: tuple[str, ...]
    page: str


# ---------------------------------------------------------------------------
# Header
# ---------------------------------------------------------------------------


def build_header(summary: Summary) -> Header:
    """Return the header band's text."""
    patient, period = summary.patient, summary.period
    age = wording.age_on(patient.date_of_birth, patient.visit_date or summary.generated)
    birth = day_text(patient.date_of_birth)
    if age is not None:
        birth += f" (age {age})"
    sides = " ".join(part for part in (patient.side or "", ", ".join(patient.divisions)) if part)
    fields = (
        Field("Born", birth),
        Field("Visit", day_text(patient.visit_date)),
        Field("Clinician", patient.clinician or NOT_GIVEN),
        Field("Diagnosis as reported", patient.diagnosis or NOT_GIVEN),
        Field("Onset", _onset(patient.onset, patient.age_at_onset)),
        Field("Side, divisions", sides or NOT_GIVEN),
    )
    covered = "no diary data"
    if period.start is not None and period.end is not None:
        covered = (
            f"{day_text(period.start)} – {day_text(period.end)} ({plural(period.days, 'day')})"
        )
    return Header(
        name=patient.name or "Name not given",
        fields=fields,
        period=(
            Field("Period", covered),
            # the long silences counted attack-free are said here too: "6212 of 6212" alone
            # read as a diary kept every day for 17 years (yilativs; the glance says the same)
            Field(
                "Recorded days", f"{period.days_recorded} of {period.days}{_in_silences(summary)}"
            ),
            *_chosen_from(summary),
        ),
        left_out=left_out_text(summary),
        sample=SAMPLE_MARK if summary.sample else None,
    )


def _chosen_from(summary: Summary) -> tuple[Field, ...]:
    """'Chosen from: 21 Jul 2019 – 24 Nov 2019' (the diaries' first and last day), or nothing.

    Printed when the period was chosen (``--from`` / ``--to``, the app's "Since my last
    visit"; docs/page.md *Header*). The footer says how many used rows lie in the period and
    outside it; one header line has room for the dates only (A4).
    """
    period = summary.period
    if not period.chosen or period.diary_start is None or period.diary_end is None:
        return ()
    span = f"{day_text(period.diary_start)} – {day_text(period.diary_end)}"
    return (Field("Chosen from", span),)


def left_out_text(summary: Summary) -> str | None:
    """SPEC *Command line*: a file left out whole is named at the top of the page."""
    files = [issue for issue in summary.input.issues if issue.code == FILE_LEFT_OUT]
    if not files:
        return None
    named = ", ".join(issue.file for issue in files)
    return (
        f"Not on this page — could not be read, left out whole: {named}. "
        "The figures are from the other files; the reasons are in the issues."
    )


def _onset(onset: str | None, age: str | None) -> str:
    if age is None:
        return onset or NOT_GIVEN
    return f"{onset} (age {age})" if onset else f"age {age}"


# ---------------------------------------------------------------------------
# At a glance
# ---------------------------------------------------------------------------


def highest_day_text(attacks: AttackFigures) -> str:
    """'21 Aug 2026'; 'on 22 days, first 15 Dec 2023' when the highest count is not one day's.

    A diary whose busiest days all had one attack named the first of them alone, as if it stood
    out (asmith: 22 days with 1). No day at all when the highest count is 0.
    """
    if not attacks.max_per_day:
        return ""
    if attacks.max_days > 1:
        return f"on {attacks.max_days} days, first {day_text(attacks.max_day)}"
    return day_text(attacks.max_day)


def build_glance(summary: Summary) -> Glance:
    """Return the 'at a glance' figures, with the PHQ-9 item 9 alert when it is above 0."""
    attacks, period = summary.attacks, summary.period
    figures = (
        Figure(
            "Attacks per recorded day",
            number_text(attacks.per_recorded_day),
            f"{attacks.total} in {plural(period.days_recorded, 'day')}{_in_silences(summary)}",
        ),
        Figure("Attack-free days", str(attacks.attack_free_days), _attack_free_detail(summary)),
        Figure("Most in a day", number_text(attacks.max_per_day), highest_day_text(attacks)),
        Figure(*pain_figure(summary)),
        Figure(
            "Median duration",
            wording.duration_text(_to_the_minute(attacks.duration_median_s)),
            _duration_detail(summary),
        ),
        _trend_figure(attacks.trend),
    )
    scores = summary.scores
    score_figures = (
        Figure("PHQ-9", *score_value_detail(scores.phq9, 9)),
        Figure("GAD-7", *score_value_detail(scores.gad7, 7)),
        Figure(
            "BNI pain / numbness (self-rated)",
            f"{scores.bni_pain or '–'} / {scores.bni_numbness or '–'}",
            bni_detail(scores.bni_pain, scores.bni_numbness),
        ),
    )
    return Glance(
        alert=item9_alert(summary),
        figures=figures,
        scores=score_figures,
        names=attack_names_text(summary),
    )


TO_THE_MINUTE_S = 600
"""A median duration of 10 minutes or more is given to the minute: patients estimate long attacks
in minutes, and Pavia's '34 min 17 s' (a median of 16) claimed seconds and filled its tile."""


def _to_the_minute(seconds: float | None) -> float | None:
    if seconds is None or seconds < TO_THE_MINUTE_S:
        return seconds
    return 60.0 * round(seconds / 60)


def _duration_detail(summary: Summary) -> str:
    """'from 16 of 139 attacks' when only some attacks record a duration; else nothing.

    A median of the 16 timed attacks printed alone reads as the length of all 139 (Pavia).
    """
    timed, total = summary.features.with_duration, summary.attacks.total
    return f"from {timed} of {plural(total, 'attack')}" if 0 < timed < total else ""


def _attack_free_detail(summary: Summary) -> str:
    """'of 6212 recorded', and how many of them are long silences counted attack-free."""
    return f"of {summary.period.days_recorded} recorded{_in_silences(summary)}"


def _in_silences(summary: Summary) -> str:
    """', 5,286 in silences' when long silences were counted as attack-free recorded days."""
    silences = summary.silences
    if silences.runs and silences.rule is SilenceRule.ATTACK_FREE:
        return f", {silences.days} in silences"
    return ""


def _trend_figure(trend: Trend) -> Figure:
    return Figure(trend_label(trend), trend_value(trend), trend_detail(trend))


# ---------------------------------------------------------------------------
# Footer
# ---------------------------------------------------------------------------


def build_footer(summary: Summary) -> Footer:
    """Return the footer: disclaimer, data-quality line, assumptions, page number."""
    account, period = summary.input, summary.period
    dropped = values_left_out(account.issues)  # a column-level issue counts its rows
    # rows_other holds an event log's other kinds, a workbook's medicine sheet and rows of pain 0:
    # not all are an event log's, so the footer names them by what they are not — and by kind.
    other = (
        f"{plural(account.rows_other, 'other row')} (not attacks{other_kinds_text(account)}), "
        if account.rows_other
        else ""
    )
    used = period_rows_text(summary) or f"{account.rows_used} used"
    quality = (
        f"Data: {plural(account.rows_read, 'row')} read, {used}, "
        f"{account.rows_rejected} rejected, "
        f"{plural(account.duplicates, 'duplicate')} counted once, {other}"
        f"{plural(dropped, 'value')} left out; "
        f"{plural(period.days - period.days_recorded, 'day')} without diary; "
        f"{plural(len(summary.attacks.conflict_days), 'day')} where diaries disagreed "
        "(higher count used)."
    )
    return Footer(
        disclaimer="Patient-reported data — not a diagnosis.",
        quality=quality,
        assumptions=summary.assumptions,
        page=f"Generated {day_text(summary.generated)} — page 1 of 1",
    )


def period_rows_text(summary: Summary) -> str | None:
    """'139 used (5 dated in this page's period, 134 outside it)', or None when none lies outside.

    The page's footer and the app's Data issues tab say the same words. Every figure covers
    the period; ``rows_used`` counts the whole files (SPEC's row account), so a reader must see
    how many of them the figures are made from.
    """
    account = summary.input
    if not account.rows_outside_period:
        return None
    return (
        f"{account.rows_used} used ({account.rows_in_period} dated in this page's period, "
        f"{account.rows_outside_period} outside it)"
    )

"""Since the last visit: the current Summary against the latest earlier summary, pure.

``with_since`` is the one call the front doors make. Each earlier summary is first checked —
another patient (name or birth date differs) or dated after this period is refused and said —
then the latest usable one is compared figure by figure, *as each summary computed it*: the
two periods may overlap (the overlap is stated), and no figure of one is added to the other.
Treatment changes between the two visit dates are in ``since_treatments``.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

from tnprep.analysis.pain_reading import pain_label
from tnprep.analysis.since_rules import with_rules
from tnprep.analysis.since_treatments import treatment_changes_since
from tnprep.date_words import day_words
from tnprep.issues import Issue, IssueCode
from tnprep.summary import QuestionnaireScore, Summary
from tnprep.visits import (
    Direction,
    EarlierQuestion,
    FigureChange,
    LeftOut,
    Overlap,
    PreviousReading,
    PreviousScore,
    PreviousVisit,
    SinceLastVisit,
    SinceStatus,
    VisitPoint,
)

__all__ = ["compare_visits", "current_date", "left_out_issue", "with_since"]

# BNI pain intensity score (Rogers et al., Int J Radiat Oncol Biol Phys 2000;47:1013–1019):
# I no pain, no medication; II occasional pain, no medication; IIIa no pain, continued
# medication; IIIb persistent pain controlled with medication; IV some pain, not adequately
# controlled; V severe pain or no relief. III alone (unsplit, as many reports use it) is
# comparable with III only. BNI numbness I–IV: I none … IV very bothersome (same paper).
_BNI_ORDER = {"I": 1.0, "II": 2.0, "III": 3.0, "IIIa": 3.1, "IIIb": 3.2, "IV": 4.0, "V": 5.0}


def with_since(summary: Summary, reading: PreviousReading) -> Summary:
    """Return ``summary`` with ``since`` set; every file left out also becomes an input issue.

    With no earlier summary given the summary is returned unchanged (``since`` stays ``None``).
    """
    if not reading.visits and not reading.left_out:
        return summary
    since = compare_visits(summary, reading)
    issues = sorted(
        (*summary.input.issues, *(left_out_issue(item) for item in since.left_out)),
        key=Issue.sort_key,
    )
    return replace(summary, since=since, input=replace(summary.input, issues=tuple(issues)))


def left_out_issue(item: LeftOut) -> Issue:
    """The input issue for an earlier summary that was not used."""
    return Issue(
        code=IssueCode.PREVIOUS_LEFT_OUT,
        file=item.file,
        row=None,
        column=None,
        value=None,
        message=f"Last visit's summary left out: {item.reason}",
    )


def current_date(summary: Summary) -> dt.date:
    """The current visit's date: the visit date given, else the day the summary is made."""
    return summary.patient.visit_date or summary.generated


def compare_visits(summary: Summary, reading: PreviousReading) -> SinceLastVisit:
    """Compare ``summary`` with the latest usable earlier summary in ``reading``."""
    usable: list[PreviousVisit] = []
    left_out = list(reading.left_out)
    for visit in _distinct(reading.visits):
        reason = refusal(summary, visit)
        if reason is None:
            usable.append(visit)
        else:
            left_out.append(LeftOut(visit.file, reason))
    if not usable:
        return SinceLastVisit(SinceStatus.NOT_COMPARED, None, left_out=tuple(left_out))
    latest = max(usable, key=_order)
    figures = with_rules(figure_changes(latest, summary), latest, summary)
    changes = treatment_changes_since(latest, summary, current_date(summary))
    same = _same_period(latest, summary) and not changes
    same = same and all(
        figure.direction is Direction.SAME or figure.then == figure.now for figure in figures
    )
    return SinceLastVisit(
        status=SinceStatus.NO_CHANGE if same else SinceStatus.COMPARED,
        previous=latest,
        figures=figures,
        treatment_changes=changes,
        earlier_questions=earlier_questions(latest, summary.questions),
        overlap=overlap(latest, summary),
        identity_checked=_identity_checked(latest, summary),
        visits=visit_series(usable, summary),
        left_out=tuple(left_out),
    )


def _distinct(visits: tuple[PreviousVisit, ...]) -> list[PreviousVisit]:
    """The same summary passed twice (under two names) counts once."""
    seen: set[PreviousVisit] = set()
    kept = []
    for visit in visits:
        key = replace(visit, file="")
        if key not in seen:
            seen.add(key)
            kept.append(visit)
    return kept


def _order(visit: PreviousVisit) -> tuple[dt.date, dt.date]:
    return (visit.date or dt.date.min, visit.period_end or dt.date.min)


# ---------------------------------------------------------------------------
# Refusals
# ---------------------------------------------------------------------------


def refusal(summary: Summary, visit: PreviousVisit) -> str | None:
    """Why ``visit`` cannot be compared with ``summary``, or ``None`` when it can.

    The reason never quotes the name or birth date (it is printed on stderr and in logs).
    """
    patient = summary.patient
    if _differs(_name_key(visit.name), _name_key(patient.name)):
        return "another patient's summary (the name differs from this one's); not compared."
    if _differs(visit.date_of_birth, patient.date_of_birth):
        return "another patient's summary (the date of birth differs); not compared."
    if visit.visit_date and patient.visit_date and visit.visit_date > patient.visit_date:
        return f"dated after this visit ({day_words(visit.visit_date)}); not compared."
    end = summary.period.end
    if visit.period_end and end and visit.period_end > end:
        return (
            f"covers days after this period ends (to {day_words(visit.period_end)}); not compared."
        )
    return None


def _differs(then: object, now: object) -> bool:
    return then is not None and now is not None and then != now


def _name_key(name: str | None) -> str | None:
    """Names compare case-, accent-form- and spacing-insensitively ('alex  EXAMPLE')."""
    if not name or not name.strip():
        return None
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _identity_checked(visit: PreviousVisit, summary: Summary) -> bool:
    patient = summary.patient
    names = _name_key(visit.name) is not None and _name_key(patient.name) is not None
    births = visit.date_of_birth is not None and patient.date_of_birth is not None
    return names or births


# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------


def figure_changes(visit: PreviousVisit, summary: Summary) -> tuple[FigureChange, ...]:
    """Each figure then → now, as each summary stated it."""
    attacks, period, scores = summary.attacks, summary.period, summary.scores
    now_share = _share(attacks.attack_free_days, period.days_recorded)
    then_share = _share(visit.attack_free_days, visit.days_recorded)
    now = current_date(summary)
    return (
        _numeric(
            "per_recorded_day",
            "Attacks per recorded day",
            visit.per_recorded_day,
            attacks.per_recorded_day,
        ),
        _numeric("attack_free_percent", "Attack-free days, % of recorded", then_share, now_share),
        # labelled as the glance reads the diaries ('read as 0–10 (no scale stated)')
        _numeric(
            "intensity_max",
            pain_label(summary, "Worst"),
            visit.intensity_max,
            attacks.intensity_max,
        ),
        _numeric(
            "intensity_median",
            pain_label(summary, "Median"),
            visit.intensity_median,
            attacks.intensity_median,
        ),
        _bni("bni_pain", "BNI pain", visit.bni_pain, scores.bni_pain),
        _bni("bni_numbness", "BNI numbness", visit.bni_numbness, scores.bni_numbness),
        _score("phq9", "PHQ-9", visit.phq9, scores.phq9, now),
        _score("gad7", "GAD-7", visit.gad7, scores.gad7, now),
    )


def _share(part: int | None, whole: int | None) -> float | None:
    """A whole percent of recorded days; ``None`` with no recorded day."""
    if part is None or not whole:
        return None
    return float(round(100 * part / whole))


def _direction(then: float | None, now: float | None) -> Direction:
    if then is None or now is None:
        return Direction.NOT_COMPARABLE
    if round(now - then, 6) == 0:
        return Direction.SAME
    return Direction.HIGHER if now > then else Direction.LOWER


def _numeric(key: str, label: str, then: float | None, now: float | None) -> FigureChange:
    return FigureChange(key, label, then, now, _direction(then, now))


def _bni(key: str, label: str, then: str | None, now: str | None) -> FigureChange:
    then_rank = _BNI_ORDER.get(then or "")
    now_rank = _BNI_ORDER.get(now or "")
    unsplit = then != now and "III" in (then, now) and bool({then, now} & {"IIIa", "IIIb"})
    direction = Direction.NOT_COMPARABLE if unsplit else _direction(then_rank, now_rank)
    return FigureChange(key, label, then, now, direction)


def _score(
    key: str,
    label: str,
    then: PreviousScore | None,
    now: QuestionnaireScore | None,
    now_date: dt.date,
) -> FigureChange:
    """A total only: a floor (unanswered items) is not compared (SPEC *Scores*)."""
    then_total = then.score if then is not None else None
    now_total = now.score if now is not None else None
    return FigureChange(
        key,
        label,
        None if then_total is None else float(then_total),
        None if now_total is None else float(now_total),
        _direction(then_total, now_total),
        then_date=then.date if then is not None else None,
        now_date=now_date if now is not None else None,
    )


def _same_period(visit: PreviousVisit, summary: Summary) -> bool:
    period = summary.period
    return (visit.period_start, visit.period_end) == (period.start, period.end)


def overlap(visit: PreviousVisit, summary: Summary) -> Overlap | None:
    """The days both periods cover, or ``None`` when they do not overlap (or one is unknown)."""
    starts = (visit.period_start, summary.period.start)
    ends = (visit.period_end, summary.period.end)
    if starts[0] is None or starts[1] is None or ends[0] is None or ends[1] is None:
        return None
    first, last = max(starts[0], starts[1]), min(ends[0], ends[1])
    if first > last:
        return None
    return Overlap(first, last, (last - first).days + 1)


# ---------------------------------------------------------------------------
# Questions and the visit series
# ---------------------------------------------------------------------------


def question_key(question: str) -> str:
    """Questions match ignoring case, spacing and the closing punctuation."""
    return " ".join(unicodedata.normalize("NFKC", question).casefold().split()).rstrip("?.! ")


def earlier_questions(
    visit: PreviousVisit, questions: tuple[str, ...]
) -> tuple[EarlierQuestion, ...]:
    """Each earlier question, in its order, and whether it is asked again now."""
    now = {question_key(question) for question in questions}
    return tuple(EarlierQuestion(q, question_key(q) in now) for q in visit.questions)


def visit_series(visits: list[PreviousVisit], summary: Summary) -> tuple[VisitPoint, ...]:
    """One point per visit, oldest first, the current one last; a date appears once."""
    today = current_date(summary)
    phq9 = summary.scores.phq9
    points: dict[dt.date, VisitPoint] = {}
    for visit in visits:
        for point in visit.earlier_points:
            points.setdefault(point.date, point)
    for visit in visits:
        if visit.date is not None:
            points[visit.date] = VisitPoint(
                visit.date,
                visit.per_recorded_day,
                visit.intensity_max,
                visit.phq9.score if visit.phq9 else None,
                visit.file,
            )
    points[today] = VisitPoint(
        today,
        summary.attacks.per_recorded_day,
        summary.attacks.intensity_max,
        phq9.score if phq9 else None,
        None,
    )
    return tuple(point for date, point in sorted(points.items()) if date <= today)

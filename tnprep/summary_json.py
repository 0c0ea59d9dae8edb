"""Summary → ``tnprep.summary/1`` JSON: the machine-readable twin of the page.

Keys come in SPEC's order (*Summary JSON*), then the extra keys this product adds; every key is
documented in docs/summary-json.md, and a test checks the document and this module agree. Dates
are ISO strings, counts integers, unknowns ``null``; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import math

from tnprep.analysis.discussion import describe
from tnprep.diary_info import diary_info_json
from tnprep.figure_rules import FIGURE_RULES
from tnprep.issues import Issue
from tnprep.ledger_json import ledger_json
from tnprep.model import SILENCE_DAYS, Answers, PartialDate, Treatment
from tnprep.since_json import since_json
from tnprep.summary import (
    SCHEMA,
    AttackFigures,
    BeforeAfter,
    DayFigure,
    DoseRange,
    Features,
    Finding,
    InputAccount,
    Period,
    QuestionnaireScore,
    RescueSummary,
    Scores,
    Silences,
    Summary,
    TreatmentSummary,
    Trend,
    WindowFigures,
)
from tnprep.summary_json_clinical import (
    before_after_extras,
    patient_extras,
    safety_json,
    score_extras,
)

JsonObject = dict[str, object]
"""A JSON object ready for ``json.dumps``."""


def summary_to_json(summary: Summary) -> JsonObject:
    """Return the summary as a JSON-ready dict in the documented key order."""
    return {
        "schema": SCHEMA,
        "patient": patient_json(summary.patient),
        "period": period_json(summary.period),
        "attacks": {**attacks_json(summary.attacks), "rescue": rescue_json(summary.rescue)},
        "treatments": [treatment_json(item) for item in summary.treatments],
        "scores": scores_json(summary.scores),
        "questions": list(summary.questions),
        "discussion_points": _discussion_points(summary.findings),
        "input": input_json(summary.input),
        # Extra keys (not in SPEC's minimum), documented in docs/summary-json.md.
        "generated": summary.generated.isoformat(),
        "daily": [day_json(day) for day in summary.daily],
        "features": features_json(summary.features),
        "before_after": [before_after_json(item) for item in summary.before_after],
        "findings": [finding_json(finding) for finding in summary.findings],
        "assumptions": list(summary.assumptions),
        "since_last_visit": since_json(summary.since),
        "ledger": None
        if summary.ledger is None
        else ledger_json(summary.ledger, before_after_json),
        "safety": safety_json(summary.safety),
        "silences": silences_json(summary.silences),
        "sample": summary.sample,
        "figure_rules": list(FIGURE_RULES),
    }


def silences_json(silences: Silences) -> JsonObject:
    """Long silences in the attack logs and how their days were counted (docs/figures.md)."""
    return {
        "counted_as": silences.rule.value,
        "threshold_days": SILENCE_DAYS,
        "days": silences.days,
        "runs": [
            {
                "start": run.first.isoformat(),
                "end": run.last.isoformat(),
                "days": run.days,
                "files": list(run.files),
            }
            for run in silences.runs
        ],
    }


def dumps(summary: Summary) -> str:
    """Return the summary as JSON text: indent 2, characters as typed, a trailing newline."""
    text = json.dumps(summary_to_json(summary), indent=2, ensure_ascii=False, allow_nan=False)
    return text + "\n"


def patient_json(patient: Answers) -> JsonObject:
    """The person's details (questions and scores have their own top-level keys)."""
    return {
        "name": patient.name,
        "visit_date": _date(patient.visit_date),
        "date_of_birth": _date(patient.date_of_birth),
        "clinician": patient.clinician,
        "diagnosis": patient.diagnosis,
        "onset": patient.onset,
        "side": patient.side,
        "divisions": list(patient.divisions),
        "impact_eating": patient.impact_eating,
        "impact_sleep": patient.impact_sleep,
        "impact_work": patient.impact_work,
        "goals": patient.goals,
        "interested_in": list(patient.interested_in),
        "other": [{"item": item, "answer": answer} for item, answer in patient.other],
        **patient_extras(patient),
    }


def period_json(period: Period) -> JsonObject:
    """SPEC's ``period`` object, then whether it was chosen and the diaries' first and last day."""
    return {
        "start": _date(period.start),
        "end": _date(period.end),
        "days": int(period.days),
        "days_recorded": int(period.days_recorded),
        "chosen": bool(period.chosen),
        "diary_start": _date(period.diary_start),
        "diary_end": _date(period.diary_end),
    }


def attacks_json(attacks: AttackFigures) -> JsonObject:
    """SPEC's ``attacks`` object, then ``max_day``, ``conflict_days`` and ``names``."""
    side, division = attacks.by_side, attacks.by_division
    return {
        "total": int(attacks.total),
        "per_recorded_day": _float(attacks.per_recorded_day),
        "attack_free_days": int(attacks.attack_free_days),
        "max_per_day": _int(attacks.max_per_day),
        "intensity_median": _float(attacks.intensity_median),
        "intensity_max": _float(attacks.intensity_max),
        "duration_median_s": _float(attacks.duration_median_s),
        "by_side": {
            "left": int(side.left),
            "right": int(side.right),
            "both": int(side.both),
            "unknown": int(side.unknown),
        },
        "by_division": {"V1": int(division.V1), "V2": int(division.V2), "V3": int(division.V3)},
        "triggers": [{"name": item.name, "count": int(item.count)} for item in attacks.triggers],
        "by_hour": [int(count) for count in attacks.by_hour],
        "trend": trend_json(attacks.trend),
        "max_day": _date(attacks.max_day),
        "max_days": int(attacks.max_days),
        "conflict_days": [day.isoformat() for day in attacks.conflict_days],
        "names": [{"name": name, "count": int(count)} for name, count in attacks.names],
    }


def trend_json(trend: Trend) -> JsonObject:
    """The recent window against the one before it."""
    return {
        "window_days": int(trend.window_days),
        "recent_per_day": _float(trend.recent_per_day),
        "previous_per_day": _float(trend.previous_per_day),
        "recent_days_recorded": int(trend.recent_days_recorded),
        "previous_days_recorded": int(trend.previous_days_recorded),
        "recent_attacks": _int(trend.recent_attacks),
        "previous_attacks": _int(trend.previous_attacks),
        "ratio": _float(trend.ratio),
        "change_percent": _int(trend.change_percent),
        "computed": trend.computed,
        "reason": None if trend.reason is None else trend.reason.value,
    }


def treatment_json(item: TreatmentSummary) -> JsonObject:
    """One treatment: SPEC's keys, then dose and relief figures and the published dose range."""
    treatment: Treatment = item.treatment
    return {
        "name": treatment.name,
        "category": treatment.category.value,
        "start": _partial(treatment.start),
        "end": _partial(treatment.end),
        "ongoing": treatment.ongoing,
        "dose": treatment.dose_text,
        "response": None if treatment.response is None else treatment.response.value,
        "stopped_because": treatment.stopped_because,
        "side_effects": treatment.side_effects,
        "name_as_written": treatment.name_as_written,
        "notes": treatment.notes,
        "relief_percent": _float(treatment.relief_percent),
        "dose_mg_per_day": _float(treatment.dose_mg_per_day),
        "dose_range": _dose_range(item.dose_range),
        "outside_range": item.outside_range,
    }


def _dose_range(dose_range: DoseRange | None) -> JsonObject | None:
    # A range in other units (botulinum toxin, units per session) is not an mg/day range: it is
    # in ``ledger.drugs[].dose_range`` with its unit, never here under ``low_mg``.
    if dose_range is None or dose_range.unit != "mg/day":
        return None
    return {
        "low_mg": _float(dose_range.low_mg),
        "high_mg": _float(dose_range.high_mg),
        "source": dose_range.source,
    }


def scores_json(scores: Scores) -> JsonObject:
    """SPEC's ``scores`` object."""
    return {
        "phq9": _questionnaire(scores.phq9, with_item9=True),
        "gad7": _questionnaire(scores.gad7, with_item9=False),
        "bni_pain": scores.bni_pain,
        "bni_numbness": scores.bni_numbness,
    }


def _questionnaire(score: QuestionnaireScore | None, *, with_item9: bool) -> JsonObject | None:
    if score is None:
        return None
    result: JsonObject = {"score": _int(score.score), "band": score.band}
    if with_item9:
        result["item9"] = _int(score.item9)
    result["answered"] = int(score.answered)
    return result | score_extras(score, phq9=with_item9)


def _discussion_points(findings: tuple[Finding, ...]) -> list[str]:
    return [describe(finding) for finding in findings]


def rescue_json(rescue: RescueSummary) -> JsonObject:
    """Rescue use: attacks with a rescue record, with a rescue named, names, helped, events."""
    return {
        "attacks_with_record": rescue.attacks_with_record,
        "attacks_with_rescue": rescue.attacks_with_rescue,
        "attacks_rescue_unnamed": rescue.attacks_rescue_unnamed,
        "by_name": [{"name": name, "count": count} for name, count in rescue.by_name],
        "helped": [{"answer": answer, "count": count} for answer, count in rescue.helped],
        "medicine_events": [
            {"name": name, "count": count} for name, count in rescue.medicine_events
        ],
    }


def input_json(account: InputAccount) -> JsonObject:
    """SPEC's ``input`` object: every row accounted for, and every issue."""
    return {
        "rows_read": int(account.rows_read),
        "rows_used": int(account.rows_used),
        "rows_rejected": int(account.rows_rejected),
        "duplicates": int(account.duplicates),
        "rows_other": int(account.rows_other),
        "rows_in_period": int(account.rows_in_period),
        "rows_outside_period": int(account.rows_outside_period),
        "issues": [issue_json(issue) for issue in account.issues],
        "files": [{"file": file, **diary_info_json(info)} for file, info in account.files],
    }


def issue_json(issue: Issue) -> JsonObject:
    """One issue: SPEC's keys, then its code, severity and the value as written."""
    return {
        "file": issue.file,
        "row": _int(issue.row),
        "column": issue.column,
        "message": issue.message,
        "code": issue.code.value,
        "severity": issue.severity.value,
        "value": issue.value,
    }


def day_json(day: DayFigure) -> JsonObject:
    """One calendar day; ``attacks`` is ``null`` on an unrecorded day (a gap)."""
    return {
        "date": day.date.isoformat(),
        "attacks": _int(day.attacks),
        "worst_intensity": _float(day.worst_intensity),
        "conflict": day.conflict,
    }


def features_json(features: Features) -> JsonObject:
    """TN features as recorded (facts, never a diagnosis)."""
    return {
        "short_attacks": int(features.short_attacks),
        "with_duration": int(features.with_duration),
        "triggered": int(features.triggered),
        "spontaneous": int(features.spontaneous),
        "trigger_unknown": int(features.trigger_unknown),
        "sides_seen": list(features.sides_seen),
        "divisions_seen": list(features.divisions_seen),
        "unilateral": features.unilateral,
        "paroxysmal": int(features.paroxysmal),
        "continuous": int(features.continuous),
        "background_pain_days": int(features.background_pain_days),
        "background_pain_recorded_days": int(features.background_pain_recorded_days),
        "background_pain_median": _float(features.background_pain_median),
    }


def before_after_json(item: BeforeAfter) -> JsonObject:
    """Attacks before a treatment change against after it."""
    return {
        "treatment": item.treatment,
        "change": item.change.value,
        "date": item.date.isoformat(),
        "before": _window(item.before),
        "after": _window(item.after),
        "enough_data": item.enough_data,
        **before_after_extras(item),
    }


def _window(window: WindowFigures) -> JsonObject:
    return {
        "first_day": window.first_day.isoformat(),
        "last_day": window.last_day.isoformat(),
        "days_recorded": int(window.days_recorded),
        "per_recorded_day": _float(window.per_recorded_day),
        "intensity_median": _float(window.intensity_median),
    }


def finding_json(finding: Finding) -> JsonObject:
    """A discussion point as data: what the rule found, its evidence and its source."""
    return {
        "kind": finding.kind.value,
        "subject": finding.subject,
        "evidence": dict(finding.evidence),
        "source": finding.source,
    }


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _partial(value: PartialDate | None) -> str | None:
    return None if value is None else value.iso()


def _int(value: float | None) -> int | None:
    # int(): numpy integers are not JSON; change_percent is typed float but whole.
    if value is None or not math.isfinite(value):
        return None
    return round(value)


def _float(value: float | None) -> float | None:
    # A NaN or infinity would make invalid JSON; it can only mean "unknown".
    if value is None or not math.isfinite(value):
        return None
    return float(value)

"""The Questionnaire tab: the intake form, filled from the uploads, with its downloads.

Every field is filled from the files until the user changes it (``tnprep.app.keep.fill``): an
upload or a setting change never overwrites what was typed. Each scale says in a line what it
is; the care message for PHQ-9 item 9 appears right beside the item, for a real user only.

PHQ-9 or GAD-7 answers entered or changed here are one more administration, dated with the day
the user gives (today unless they change it, said in a line); the files' administrations keep
their own dates (SPEC *Scores*: each administration is scored as a unit, with its date).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from tnprep import editing
from tnprep.analysis.care import CARE_MESSAGE, dated_care_message
from tnprep.app.keep import fill
from tnprep.app.sidebar import one_date
from tnprep.app.words import DIVISION_WORDS, SAMPLE_ITEM9, SCALE_WORDS
from tnprep.app.workspace_keys import workspace_key
from tnprep.ingest.fhir import GAD7, PHQ9, Panel
from tnprep.ingest.forms import BNI_NUMBNESS, BNI_PAIN, SCALE_STEM, SCORE_TEXT, SIDES
from tnprep.model import Administration, Answers
from tnprep.report.wording import day_text

KEY = "form"
"""Prefix of the form's widget keys (fixed: the widgets outlive any upload)."""


def _key(name: str) -> str:
    """The session key of form field ``name`` in the workspace shown (sample or yours)."""
    return workspace_key(f"{KEY}-{name}")


def questionnaire_tab(base: Answers, sample: bool) -> Answers:
    """The intake form, filled from the uploads; returns the answers as edited."""
    st.header("About you", anchor=False)
    answers = _details(base)
    st.header("Pain and numbness (BNI scores)", anchor=False)
    st.markdown(SCALE_WORDS["bni"])
    answers = _bni(answers)
    line, answered = _answered_on()
    care = _Care(base, answers.visit_date or dt.date.today(), sample, answered)
    phq9 = _scale(PHQ9, base.phq9, care)
    answers = entered(answers, answered, phq9=phq9, gad7=_scale(GAD7, base.gad7, care))
    _say_the_day(line, answered, answers.administrations[len(base.administrations) :])
    st.header("Impact, goals and interests", anchor=False)
    answers = _impact(answers)
    if base.other:
        st.text("Other answers from your files (kept as they are):")
        st.dataframe(
            pd.DataFrame(list(base.other), columns=["Item", "Answer"]),
            hide_index=True,
            alt="Other answers from your files",
        )
    _answer_downloads(answers)
    return answers


def _details(base: Answers) -> Answers:
    left, right = st.columns(2)
    name = _text(left, "Name", base.name, "name")
    fill(_key("birth"), base.date_of_birth)
    birth = right.date_input(
        "Date of birth", min_value=dt.date(1900, 1, 1), max_value=dt.date.today(),
        format="YYYY-MM-DD", key=_key("birth"),
    )  # fmt: skip
    fill(_key("visit"), base.visit_date)
    visit = left.date_input(
        "Visit date", min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31),
        format="YYYY-MM-DD", key=_key("visit"),
    )  # fmt: skip
    clinician = _text(right, "Clinician", base.clinician, "clinician")
    diagnosis = _text(left, "Diagnosis (as told to you)", base.diagnosis, "diagnosis")
    onset = _text(right, "When it began", base.onset, "onset")
    sides = [None, *SIDES, *([base.side] if base.side and base.side not in SIDES else [])]
    fill(_key("side"), base.side)
    side = left.selectbox("Side of the face", sides, key=_key("side"), format_func=_or_blank)
    fill(_key("divisions"), list(base.divisions))
    divisions = right.multiselect(
        "Where the pain is (nerve branches)", ["V1", "V2", "V3"], key=_key("divisions"),
        format_func=lambda code: f"{code}: {DIVISION_WORDS[code]}",
        help="The three branches of the trigeminal nerve: V1 forehead and eye; V2 cheek, "
        "upper lip and upper teeth; V3 jaw, lower lip and lower teeth.",
    )  # fmt: skip
    return dataclasses.replace(
        base, name=editing.optional_text(name), date_of_birth=one_date(birth),
        visit_date=one_date(visit), clinician=editing.optional_text(clinician),
        diagnosis=editing.optional_text(diagnosis), onset=editing.optional_text(onset),
        side=side, divisions=tuple(divisions),
    )  # fmt: skip


def _text(box: st.delta_generator.DeltaGenerator, label: str, value: str | None, name: str) -> str:
    fill(_key(name), value or "")
    return str(box.text_input(label, key=_key(name)))


def _or_blank(value: str | None) -> str:
    return "(not answered)" if value is None else value


def _bni(answers: Answers) -> Answers:
    pain = _choice("BNI pain intensity", BNI_PAIN, answers.bni_pain, _key("bni-pain"))
    numbness = _choice(
        "BNI facial numbness", BNI_NUMBNESS, answers.bni_numbness, _key("bni-numbness")
    )
    return dataclasses.replace(answers, bni_pain=pain, bni_numbness=numbness)


def _choice(label: str, words: dict[str, str], value: str | None, key: str) -> str | None:
    options: list[str | None] = [None, *words]
    fill(key, value if value in options else None)
    return st.selectbox(
        label, options, key=key,
        format_func=lambda option: "(not answered)" if option is None else words[option],
    )  # fmt: skip


@dataclasses.dataclass(frozen=True)
class _Care:
    """What the message beside a PHQ-9 item 9 above 0 needs to say it as of its date."""

    base: Answers
    """The answers as the files give them."""
    reference: dt.date
    """The visit day (as in the form), else today."""
    sample: bool
    answered: dt.date
    """The day given for answers entered or changed here."""

    def message(self, phq9: tuple[int | None, ...]) -> str:
        """The invented patient's note, or the care message dated as the answer shown is.

        The files' answers as they are: the date of the file whose item 9 they hold. Answers
        changed here are one new administration: the day the user gave.
        """
        if self.sample:
            return SAMPLE_ITEM9
        answered = _item9_date(self.base) if phq9 == self.base.phq9 else self.answered
        if answered is None:
            return CARE_MESSAGE
        return dated_care_message(answered, self.reference)


def _item9_date(answers: Answers) -> dt.date | None:
    """The date of the file whose item 9 the merged answers hold (later files win)."""
    given = [
        item
        for item in answers.administrations
        if item.scale == "phq9" and len(item.items) == 9 and item.items[8] is not None
    ]
    return given[-1].date if given else None


def _scale(panel: Panel, values: tuple[int | None, ...], care: _Care) -> tuple[int | None, ...]:
    st.header("PHQ-9" if panel is PHQ9 else "GAD-7", anchor=False)
    st.markdown(SCALE_WORDS[panel.key])
    st.text(SCALE_STEM)
    options: list[int | None] = [None, 0, 1, 2, 3]
    chosen: list[int | None] = []
    for number, ((_, text), value) in enumerate(zip(panel.items, values, strict=True), start=1):
        key = _key(f"{panel.key}-{number}")
        fill(key, value)
        chosen.append(st.selectbox(
            f"{number}. {text}", options, key=key,
            format_func=lambda points: _or_blank(None if points is None else SCORE_TEXT[points]),
        ))  # fmt: skip
    if panel is PHQ9 and (chosen[8] or 0) > 0:
        # Beside item 9, where it was answered (SPEC Scores: item 9 above 0 is always flagged).
        st.info(care.message(tuple(chosen)))
    return tuple(chosen)


ANSWERED = "answered"
"""Name of the date field for answers entered or changed in the app (``_key``)."""


def _answered_on() -> tuple[st.delta_generator.DeltaGenerator, dt.date]:
    """Ask the day of the answers entered or changed here (today unless changed).

    Returns the slot above the field, where ``_say_the_day`` names the day once the form's
    answers are known, and the day.
    """
    today = dt.date.today()
    fill(_key(ANSWERED), today)
    line = st.empty()
    chosen = st.date_input(
        "Day you gave the PHQ-9 / GAD-7 answers you enter or change here", key=_key(ANSWERED),
        min_value=dt.date(2000, 1, 1), max_value=today, format="YYYY-MM-DD",
        help="Answers from your files keep their files' dates. Answers you change or add here "
        "are one new questionnaire, dated with this day.",
    )  # fmt: skip
    return line, one_date(chosen) or today


def entered(
    answers: Answers,
    answered: dt.date,
    *,
    phq9: tuple[int | None, ...],
    gad7: tuple[int | None, ...],
) -> Answers:
    """``answers`` with the form's PHQ-9 and GAD-7; a changed scale is a new administration.

    A scale whose answers differ from the files' (and is not left blank) is added as one more
    administration dated ``answered``, after the files' own; the questionnaire's date is then
    ``answered`` too (the answers CSV downloaded from here carries it).
    """
    changed = tuple(
        Administration(scale, "", answered, items)
        for scale, items, original in (("phq9", phq9, answers.phq9), ("gad7", gad7, answers.gad7))
        if items != original and any(value is not None for value in items)
    )
    if not changed:
        return dataclasses.replace(answers, phq9=phq9, gad7=gad7)
    return dataclasses.replace(
        answers, phq9=phq9, gad7=gad7, questionnaire_date=answered,
        administrations=(*answers.administrations, *changed),
    )  # fmt: skip


def _say_the_day(
    line: st.delta_generator.DeltaGenerator, answered: dt.date, changed: Sequence[Administration]
) -> None:
    """Name, above the date field, the day the changed answers get (or that none changed)."""
    day = day_text(answered)
    day = f"today, {day}" if answered == dt.date.today() else day
    if not changed:
        line.text(
            f"Answers you change or add below will be dated {day} (the day below); your files' "
            "answers keep their own dates."
        )
        return
    names = " and ".join("PHQ-9" if item.scale == "phq9" else "GAD-7" for item in changed)
    line.text(
        f"Your {names} answers as changed here are dated {day} (the day below). If you gave "
        "them on another day, set that day. Your files' answers keep their own dates."
    )


def _impact(answers: Answers) -> Answers:
    def area(label: str, value: str | None, name: str) -> str | None:
        fill(_key(name), value or "")
        return editing.optional_text(st.text_area(label, key=_key(name), height=80))

    fill(_key("interests"), "\n".join(answers.interested_in))

    return dataclasses.replace(
        answers,
        impact_eating=area("Impact on eating", answers.impact_eating, "eating"),
        impact_sleep=area("Impact on sleep", answers.impact_sleep, "sleep"),
        impact_work=area("Impact on work", answers.impact_work, "work"),
        goals=area("Your goals for the visit", answers.goals, "goals"),
        interested_in=editing.text_lines(st.text_area(
            "Options you would like to talk about (one per line, e.g. surgery, clinical trials)",
            key=_key("interests"), height=100,
        )),
    )  # fmt: skip


def _answer_downloads(answers: Answers) -> None:
    left, middle, right = st.columns(3)
    left.download_button(
        "Download the answers (CSV)", editing.answers_csv(answers),
        file_name="questionnaire.csv", mime="text/csv", on_click="ignore",
    )  # fmt: skip
    for column, panel in ((middle, PHQ9), (right, GAD7)):
        column.download_button(
            f"Download {'PHQ-9' if panel is PHQ9 else 'GAD-7'} (FHIR JSON)",
            editing.answers_fhir_json(answers, panel.key), file_name=f"{panel.key}_fhir.json",
            mime="application/fhir+json", on_click="ignore",
        )  # fmt: skip

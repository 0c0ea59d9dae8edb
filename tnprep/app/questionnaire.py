"""The Questionnaire tab: the intake form, filled from the uploads, with its downloads."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import streamlit as st

from tnprep import editing
from tnprep.app.sidebar import one_date
from tnprep.ingest.fhir import GAD7, PHQ9, Panel
from tnprep.ingest.forms import BNI_NUMBNESS, BNI_PAIN, SCALE_STEM, SCORE_TEXT, SIDES
from tnprep.model import Answers


def questionnaire_tab(base: Answers, key: str) -> Answers:
    """The intake form, filled from the uploads; returns the answers as edited."""
    st.subheader("About you")
    answers = _details(base, key)
    st.subheader("Pain and numbness (BNI scores)")
    answers = _bni(answers, key)
    answers = dataclasses.replace(
        answers, phq9=_scale(PHQ9, base.phq9, key), gad7=_scale(GAD7, base.gad7, key)
    )
    st.subheader("Impact, goals and interests")
    answers = _impact(answers, key)
    if base.other:
        st.text("Other answers from your files (kept as they are):")
        st.dataframe(pd.DataFrame(list(base.other), columns=["item", "answer"]), hide_index=True)
    _answer_downloads(answers)
    return answers


def _details(base: Answers, key: str) -> Answers:
    left, right = st.columns(2)
    name = left.text_input("Name", value=base.name or "", key=f"{key}-name")
    birth = right.date_input(
        "Date of birth", value=base.date_of_birth, min_value=dt.date(1900, 1, 1),
        max_value=dt.date.today(), format="YYYY-MM-DD", key=f"{key}-birth",
    )  # fmt: skip
    visit = left.date_input(
        "Visit date", value=base.visit_date, min_value=dt.date(2000, 1, 1),
        max_value=dt.date(2100, 12, 31), format="YYYY-MM-DD", key=f"{key}-visit",
    )  # fmt: skip
    clinician = right.text_input("Clinician", value=base.clinician or "", key=f"{key}-clinician")
    diagnosis = left.text_input(
        "Diagnosis (as told to you)", value=base.diagnosis or "", key=f"{key}-diagnosis"
    )
    onset = right.text_input("When it began", value=base.onset or "", key=f"{key}-onset")
    sides = [None, *SIDES, *([base.side] if base.side and base.side not in SIDES else [])]
    side = left.selectbox(
        "Side", sides, index=sides.index(base.side), key=f"{key}-side", format_func=_or_blank
    )
    divisions = right.multiselect(
        "Divisions", ["V1", "V2", "V3"], default=list(base.divisions), key=f"{key}-divisions"
    )
    return dataclasses.replace(
        base, name=editing.optional_text(name), date_of_birth=one_date(birth),
        visit_date=one_date(visit), clinician=editing.optional_text(clinician),
        diagnosis=editing.optional_text(diagnosis), onset=editing.optional_text(onset),
        side=side, divisions=tuple(divisions),
    )  # fmt: skip


def _or_blank(value: str | None) -> str:
    return "(not answered)" if value is None else value


def _bni(answers: Answers, key: str) -> Answers:
    pain = _choice("BNI pain intensity", BNI_PAIN, answers.bni_pain, f"{key}-bni-pain")
    numbness = _choice(
        "BNI facial numbness", BNI_NUMBNESS, answers.bni_numbness, f"{key}-bni-numbness"
    )
    return dataclasses.replace(answers, bni_pain=pain, bni_numbness=numbness)


def _choice(label: str, words: dict[str, str], value: str | None, key: str) -> str | None:
    options: list[str | None] = [None, *words]
    return st.selectbox(
        label, options, index=options.index(value) if value in options else 0, key=key,
        format_func=lambda option: "(not answered)" if option is None else words[option],
    )  # fmt: skip


def _scale(panel: Panel, values: tuple[int | None, ...], key: str) -> tuple[int | None, ...]:
    st.subheader("PHQ-9" if panel is PHQ9 else "GAD-7")
    st.text(SCALE_STEM)
    options: list[int | None] = [None, 0, 1, 2, 3]
    chosen = []
    for number, ((_, text), value) in enumerate(zip(panel.items, values, strict=True), start=1):
        chosen.append(st.selectbox(
            f"{number}. {text}", options, index=options.index(value),
            key=f"{key}-{panel.key}-{number}",
            format_func=lambda points: _or_blank(None if points is None else SCORE_TEXT[points]),
        ))  # fmt: skip
    return tuple(chosen)


def _impact(answers: Answers, key: str) -> Answers:
    def area(label: str, value: str | None, name: str) -> str | None:
        return editing.optional_text(
            st.text_area(label, value=value or "", key=f"{key}-{name}", height=80)
        )

    return dataclasses.replace(
        answers,
        impact_eating=area("Impact on eating", answers.impact_eating, "eating"),
        impact_sleep=area("Impact on sleep", answers.impact_sleep, "sleep"),
        impact_work=area("Impact on work", answers.impact_work, "work"),
        goals=area("Your goals for the visit", answers.goals, "goals"),
        interested_in=editing.text_lines(st.text_area(
            "Options you would like to talk about (one per line, e.g. surgery, clinical trials)",
            value="\n".join(answers.interested_in), key=f"{key}-interests", height=100,
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

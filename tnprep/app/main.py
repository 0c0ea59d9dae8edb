"""The app's script: page config and tab routing (``streamlit run app.py`` / ``tnprep app``).

Edits flow at once: the editing tabs are filled first (Streamlit lets a script fill tabs in any
order), then the recipe joins the files as edited (``tnprep.pipeline.assemble``, the same as the
command line's) and the summary, figures, charts and page follow.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import streamlit as st

from tnprep.analysis.care import care_message
from tnprep.analysis.discussion import describe
from tnprep.app.data_issues import issues_tab
from tnprep.app.files import read_files
from tnprep.app.overview import overview_tab
from tnprep.app.questionnaire import questionnaire_tab
from tnprep.app.questions import questions_tab
from tnprep.app.report import report_tab
from tnprep.app.sidebar import sidebar
from tnprep.app.state import sources_digest
from tnprep.app.treatments import treatments_tab
from tnprep.model import Answers
from tnprep.pipeline import assemble, summarise_patient, with_edits

TAB_NAMES = ["Overview", "Treatments", "Questionnaire", "Questions", "Data issues", "Report"]


def main() -> None:
    """One run of the app: sidebar, files, editing tabs, then figures, charts and page."""
    st.set_page_config(page_title="tnprep", layout="wide")
    st.title("tnprep — one page for your neurologist")
    choices = sidebar()
    care_box = st.container()
    readings = read_files(choices)
    tabs = dict(zip(TAB_NAMES, st.tabs(TAB_NAMES), strict=True))
    with tabs["Treatments"]:
        treatments = treatments_tab(
            readings.treatments, sources_digest(choices.treatments, str(choices.date_order))
        )
    answer_key = sources_digest(choices.questionnaires)
    base = readings.answers.records[0] if readings.answers.records else Answers()
    with tabs["Questionnaire"]:
        edited = questionnaire_tab(base, answer_key)
    with tabs["Questions"]:
        questions, points_box = questions_tab(edited.questions, answer_key)
    answers = dataclasses.replace(edited, questions=questions)
    data = assemble(with_edits(readings, treatments=treatments, answers=answers))
    summary = summarise_patient(data, start=choices.since, end=None, today=dt.date.today())
    message = care_message(summary.scores)
    if message is not None:
        care_box.info(message)
    for finding in summary.findings:
        points_box.text(f"• {describe(finding)}")
    with tabs["Overview"]:
        overview_tab(summary)
    with tabs["Data issues"]:
        issues_tab(summary, data.diary.files)
    with tabs["Report"]:
        report_tab(summary, choices.paper)


if __name__ == "__main__":  # run as a script by Streamlit (``tnprep app``)
    main()

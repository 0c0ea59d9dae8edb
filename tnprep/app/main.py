"""The app's script: page config and tab routing (``streamlit run app.py`` / ``tnprep app``).

Edits flow at once: the editing tabs are filled first (Streamlit lets a script fill tabs in any
order), then the recipe joins the files as edited (``tnprep.pipeline.assemble``, the same as the
command line's) and the summary, figures and charts follow. The page and its preview are built
only while the Report tab is open (``tnprep.app.tabs``), always from the summary of this run, so
an edit elsewhere costs no page and the page shown or downloaded is never an older one. Edits are
kept across every upload and setting change (``tnprep.app.keep``).
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from tnprep.analysis.care import item9_care_message
from tnprep.analysis.discussion import describe
from tnprep.app.data_issues import issues_tab, problem_counts
from tnprep.app.files import read_files
from tnprep.app.leave import ask_before_leaving
from tnprep.app.ledger import ledger_section
from tnprep.app.overview import overview_tab, period_warning, problems_section
from tnprep.app.questionnaire import questionnaire_tab
from tnprep.app.questions import questions_tab
from tnprep.app.record import record_summary
from tnprep.app.report import report_tab
from tnprep.app.sidebar import sidebar
from tnprep.app.silences import silence_rule
from tnprep.app.state import sources_digest
from tnprep.app.style import apply_style
from tnprep.app.tabs import draw_tabs
from tnprep.app.treatments import treatments_tab
from tnprep.app.words import SAMPLE_BANNER
from tnprep.app.workspace import enter, notice
from tnprep.model import Answers
from tnprep.pipeline import with_edits

TAB_NAMES = ["Overview", "Treatments", "Questionnaire", "Questions", "Data issues", "Report"]


def main() -> None:
    """One run of the app: sidebar, files, editing tabs, then figures, charts and page."""
    st.set_page_config(page_title="tnprep", layout="wide", initial_sidebar_state="auto")
    apply_style()
    st.title("tnprep — one page for your neurologist", anchor=False)
    choices, questions_box = sidebar()
    enter(choices.sample)  # the sample's edits and the user's never mix
    ask_before_leaving(not choices.sample)  # a reload would lose every upload and edit
    if choices.sample:
        st.info(SAMPLE_BANNER)
    set_aside = notice()
    if set_aside:
        st.info(set_aside)
    care_box = st.container()
    problems_box = st.container()  # above the tabs: the problems are seen from every tab
    readings = read_files(choices, questions_box)
    files_key = sources_digest(choices.diaries, repr([item.mapping for item in readings.diaries]))
    # Fixed labels: a label that changed (a count in it) made a new tab widget, and the browser
    # drew every tab again, dropping what the user was typing in a field at that moment.
    tabs = draw_tabs(TAB_NAMES, TAB_NAMES)
    with tabs["Treatments"]:
        treatments, ledger_box = treatments_tab(
            readings.treatments, sources_digest(choices.treatments)
        )
    base = readings.answers.records[0] if readings.answers.records else Answers()
    with tabs["Questionnaire"]:
        edited = questionnaire_tab(base, choices.sample)
    with tabs["Questions"]:
        questions, points_box = questions_tab(
            edited.questions, sources_digest(choices.questionnaires)
        )
    answers = dataclasses.replace(edited, questions=questions)
    edited_readings = with_edits(readings, treatments=treatments, answers=answers)
    summary = record_summary(edited_readings, files_key, choices.since, silence_rule())
    # the item 9 answer the page flags, the shown PHQ-9's or an earlier file's (analysis.item9)
    message = item9_care_message(summary, summary.patient.visit_date or summary.generated)
    if message is not None and not choices.sample:
        care_box.info(message)
    for finding in summary.findings:
        points_box.text(f"• {describe(finding)}")
    if not summary.findings:
        points_box.text("No discussion points from the rules.")  # as the page says it
    problems_section(problems_box, problem_counts(summary))
    period_warning(problems_box, summary)
    ledger_section(ledger_box, summary)
    with tabs["Overview"]:
        overview_tab(summary, charts_shown=bool(tabs["Overview"].open))
    with tabs["Data issues"]:
        issues_tab(summary, readings.diaries)
    if tabs["Report"].open:  # the page and its preview are built only when shown
        with tabs["Report"]:
            report_tab(summary, choices.paper)


if __name__ == "__main__":  # run as a script by Streamlit (``tnprep app``)
    main()

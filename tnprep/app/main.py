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

from tnprep.analysis.care import care_message
from tnprep.analysis.discussion import describe
from tnprep.app.counts import predicted_issue_count
from tnprep.app.data_issues import issues_tab, problem_counts
from tnprep.app.files import read_files
from tnprep.app.ledger import ledger_section
from tnprep.app.overview import overview_tab
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
_CORRECTION = "_issue_count_correction"
"""(predicted, actual) issue count when they differed; the label shows the actual one."""


def issues_label(count: int) -> str:
    """'Data issues (12)': the count of every issue, so problems are seen from any tab."""
    return f"Data issues ({count:,})"


def main() -> None:
    """One run of the app: sidebar, files, editing tabs, then figures, charts and page."""
    st.set_page_config(page_title="tnprep", layout="wide", initial_sidebar_state="auto")
    apply_style()
    st.title("tnprep — one page for your neurologist", anchor=False)
    choices, questions_box = sidebar()
    enter(choices.sample)  # the sample's edits and the user's never mix
    if choices.sample:
        st.info(SAMPLE_BANNER)
    set_aside = notice()
    if set_aside:
        st.info(set_aside)
    care_box = st.container()
    readings = read_files(choices, questions_box)
    files_key = sources_digest(choices.diaries, repr([item.mapping for item in readings.diaries]))
    expected = predicted_issue_count(readings, files_key, choices.since)
    correction = st.session_state.get(_CORRECTION)
    shown = correction[1] if correction and correction[0] == expected else expected
    labels = [*TAB_NAMES[:4], issues_label(shown), TAB_NAMES[5]]
    tabs = draw_tabs(TAB_NAMES, labels)
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
    message = care_message(summary.scores)
    if message is not None and not choices.sample:
        care_box.info(message)
    for finding in summary.findings:
        points_box.text(f"• {describe(finding)}")
    problems = problem_counts(summary)
    actual = sum(problems.values())
    if actual != shown:  # an edit the prediction missed: draw the label again, once
        st.session_state[_CORRECTION] = (expected, actual)
        st.rerun()
    ledger_section(ledger_box, summary)
    with tabs["Overview"]:
        overview_tab(summary, problems, charts_shown=bool(tabs["Overview"].open))
    with tabs["Data issues"]:
        issues_tab(summary, readings.diaries)
    if tabs["Report"].open:  # the page and its preview are built only when shown
        with tabs["Report"]:
            report_tab(summary, choices.paper)


if __name__ == "__main__":  # run as a script by Streamlit (``tnprep app``)
    main()

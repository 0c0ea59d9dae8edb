"""The app's own stylesheet: a compact header, a phone layout, chart toolbars out of the way.

Static CSS only (no user text ever goes into it), added with ``st.html``, which puts a
style-only block in the page without drawing anything. What it does and why:

- the title is one line, not a first screen; headings inside the tabs are modest;
- on a narrow screen (a phone, or 200 % zoom) the tab strip wraps onto two lines so "Data
  issues" and "Report" are never off-screen, the figures sit two by two, and the sidebar
  button says "Your files";
- each upload button names what it takes ("Upload diaries"), which is also its accessible
  name (CSS generated content is part of a button's name); only the upload button itself, not
  the remove and add buttons drawn once a file is in (they read "⊗ diaries" and "+ diaries",
  cut off); date fields' parts are 24 px
  targets (WCAG 2.2 SC 2.5.8).
- the Data issues table's cells wrap (a word longer than its cell is broken), so a cell's whole
  text is read; its last column, "What happened", takes nearly half the width; on a phone the
  table keeps to the screen's width and breaks words anywhere (a table wider than the screen
  scrolled in a region the keyboard could not reach: axe scrollable-region-focusable);
- Streamlit's element toolbar (fullscreen, …) above each chart and table is hidden: it takes a
  tab stop per chart for actions no patient needs, and hidden elements leave the tab order.
"""

from __future__ import annotations

import streamlit as st

STYLE = """
<style>
h1 { font-size: 1.6rem !important; padding: 0.25rem 0 0.5rem 0 !important; }
[data-testid="stMainBlockContainer"] { padding-top: 3rem !important; }
[data-testid="stSidebarUserContent"] { padding-top: 1rem !important; }
[data-testid="stMainBlockContainer"] h2 { font-size: 1.3rem !important; }
[data-testid="stSidebar"] h2 { font-size: 1.2rem !important; }
[data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stTable"] :is(td, th, td *, th *) {
  overflow-wrap: break-word !important; max-width: 100%; min-width: 0;
}
[data-testid="stTable"] th:last-child { width: 45%; }
[data-testid="stExpandSidebarButton"]::after {
  content: "Your files"; font-size: 0.95rem; font-weight: 600; margin-left: 0.35rem;
}
[data-testid="stExpandSidebarButton"] { width: auto !important; padding: 0 0.6rem !important; }
/* Each upload button says what it takes (its accessible name too): "Upload diaries". */
.st-key-diaries button[data-testid="stBaseButton-secondary"]::after {
  content: "diaries"; margin-left: 0.3em; font-size: 0.875rem;
}
.st-key-treatments button[data-testid="stBaseButton-secondary"]::after {
  content: "treatments"; margin-left: 0.3em; font-size: 0.875rem;
}
.st-key-questionnaires button[data-testid="stBaseButton-secondary"]::after {
  content: "questionnaires"; margin-left: 0.3em; font-size: 0.875rem;
}
.st-key-previous button[data-testid="stBaseButton-secondary"]::after {
  content: "last summary"; margin-left: 0.3em; font-size: 0.875rem;
}
/* Date fields: each day / month / year part a 24 px target (WCAG 2.2 SC 2.5.8). */
[role="spinbutton"][contenteditable="true"] {
  display: inline-block; min-width: 24px; min-height: 24px; text-align: center;
}
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 3.5rem 0.75rem 2rem 0.75rem !important; }
  h1 { font-size: 1.25rem !important; }
  [data-testid="stTabs"] [role="tablist"] {
    flex-wrap: wrap !important; overflow: visible !important; row-gap: 0.25rem;
  }
  [data-testid="stTabsScrollLeft"], [data-testid="stTabsScrollRight"] { display: none !important; }
  [data-testid="stTab"] { flex: 0 0 auto !important; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) { flex-wrap: wrap !important; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 1rem) !important; min-width: calc(50% - 1rem) !important;
  }
  [data-testid="stMetricValue"] { font-size: 1.6rem !important; }
  [data-testid="stTable"] table { table-layout: fixed; width: 100%; }
  [data-testid="stTable"] :is(td, th, td *, th *) { overflow-wrap: anywhere !important; }
  [data-testid="stTable"] td, [data-testid="stTable"] th {
    padding: 0.25rem !important; white-space: normal !important;
  }
}
</style>
"""


def apply_style() -> None:
    """Add the stylesheet to the page."""
    st.html(STYLE)

"""The app's own stylesheet: a compact header, a phone layout, chart toolbars out of the way.

Static CSS only (no user text ever goes into it), added with ``st.html``, which puts a
style-only block in the page without drawing anything. What it does and why:

- the title is one line, not a first screen; headings inside the tabs are modest;
- on a narrow screen (a phone, or 200 % zoom) the tab strip wraps onto two lines so "Data
  issues" and "Report" are never off-screen, and the sidebar button says "Your files";
- Streamlit's element toolbar (fullscreen, …) above each chart and table is hidden: it takes a
  tab stop per chart for actions no patient needs, and hidden elements leave the tab order.
"""

from __future__ import annotations

import streamlit as st

STYLE = """
<style>
h1 { font-size: 1.6rem !important; padding: 0.25rem 0 0.5rem 0 !important; }
[data-testid="stMainBlockContainer"] h2 { font-size: 1.3rem !important; }
[data-testid="stSidebar"] h2 { font-size: 1.2rem !important; }
[data-testid="stElementToolbar"] { display: none !important; }
[data-testid="stExpandSidebarButton"]::after {
  content: "Your files"; font-size: 0.95rem; font-weight: 600; margin-left: 0.35rem;
}
[data-testid="stExpandSidebarButton"] { width: auto !important; padding: 0 0.6rem !important; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 3.5rem 0.75rem 2rem 0.75rem !important; }
  h1 { font-size: 1.25rem !important; }
  [data-baseweb="tab-list"] { flex-wrap: wrap !important; row-gap: 0.25rem; }
  [data-baseweb="tab-highlight"], [data-baseweb="tab-border"] { display: none !important; }
  [data-baseweb="tab"][aria-selected="true"] { border-bottom: 3px solid #ff4b4b; }
}
</style>
"""


def apply_style() -> None:
    """Add the stylesheet to the page."""
    st.html(STYLE)

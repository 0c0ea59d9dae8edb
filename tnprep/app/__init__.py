"""tnprep's Streamlit app: one module per tab, the sidebar, the cached readers.

The only package folder that imports Streamlit (a test proves it). ``main.py`` is the script
(page config and tab routing); top-level ``app.py`` runs it for ``streamlit run app.py`` and
``tnprep app`` runs it from the installed package. Reading and joining the files is
``tnprep.pipeline``'s, exactly as for the command line. Privacy rules followed here:

- nothing is written to disk; uploads stay in this session's memory;
- caches are keyed on the upload bytes and scoped to the session (``scope="session"``), so one
  person's result can never be served to another; there is no module-level mutable state;
- text a user supplied (file names, notes, answers, questions) is never rendered as Markdown or
  HTML: it is shown with ``st.text``, in tables, or as widget values;
- a file that cannot be read gives a plain message beside the upload, never a traceback.
"""

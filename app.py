"""tnprep's Streamlit app: ``streamlit run app.py`` (or ``tnprep app`` once installed).

The page config and tab routing are ``tnprep/app/main.py``, one module per tab beside it, so the
installed package can run the same script; Streamlit is imported only there and here.
"""

from tnprep.app.main import main

main()

"""The interface's language in a Streamlit session, installed as etl.text.i18n's resolver.

The sidebar's language box keeps it in the session (``LANG_KEY``). Before that box exists (a
session's first run: the login, the local-mode notice), the link's ``?lang=en``, as
ui.filters.read_url reads it just after. Outside a Streamlit run (the command line, a test
calling a function): French. Importing any module of ui installs it (ui/__init__.py).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from etl.text import i18n

LANG_KEY = "lang"


def session_language() -> str:
    """The language of the Streamlit session running now (French outside one)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return i18n.DEFAULT
    if LANG_KEY in st.session_state:
        return st.session_state[LANG_KEY]
    linked = st.query_params.get(LANG_KEY)
    return linked if linked in i18n.LANGUAGES else i18n.DEFAULT


i18n.use(session_language)

"""Cadran: the router. Shared frame (filters, language, footer) in the sidebar, then the chosen page.

Run with `make run` (or `streamlit run dashboard.py`).
"""

import streamlit as st

from ui import auth, components, data, filters
from ui.i18n import t

st.set_page_config(page_title="Cadran", page_icon=":material/donut_large:", layout="wide")

# section -> pages as (file, title, icon); the file's name is the page's URL (/participation…).
PAGES = {
    "section.pilotage": [("pages/overview.py", "page.overview", ":material/dashboard:")],
    "section.network": [
        ("pages/participation.py", "page.participation", ":material/groups:"),
        ("pages/training.py", "page.training", ":material/school:"),
        ("pages/surveys.py", "page.surveys", ":material/forum:"),
        ("pages/actions.py", "page.actions", ":material/task_alt:"),
        ("pages/budget.py", "page.budget", ":material/euro:"),
    ],
    "section.quality": [("pages/data.py", "page.data", ":material/database:")],
    "section.admin": [("pages/admin.py", "page.admin", ":material/manage_accounts:")],
}
DEFAULT = "pages/overview.py"
auth.add_presentation(PAGES)
# the login (at every page's URL) when nobody allowed is signed in: it stops the run
user = auth.gate([path for section in PAGES.values() for path, *_ in section], DEFAULT)
# Only the pages of the user's role are registered: any other URL is not served at all.
PAGES = {s: [e for e in entries if e[0] in user.pages] for s, entries in PAGES.items()}
PAGES = {s: entries for s, entries in PAGES.items() if entries}
DEFAULT = DEFAULT if DEFAULT in user.pages else user.pages[0]

if not data.published():
    # Every page's URL answers with what to run, so a bookmark or a shared link meets no "Page not found".
    pages = [
        st.Page(
            components.no_database,
            title=t(title),
            icon=":material/database_off:",
            url_path=None if path == DEFAULT else path.removeprefix("pages/").removesuffix(".py"),
            default=path == DEFAULT,
        )
        for section in PAGES.values()
        for path, title, _ in section
    ]
    st.navigation(pages, position="hidden").run()
    st.stop()

filters.sidebar()
pages = {
    t(section): [
        st.Page(path, title=t(title), icon=icon, default=path == DEFAULT) for path, title, icon in entries
    ]
    for section, entries in PAGES.items()
}
with filters.frame_drawn():
    st.navigation(pages, position="hidden" if user.role == "presenter" else "sidebar").run()

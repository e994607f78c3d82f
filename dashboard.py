"""Cadran: the router. Shared frame (filters, language, footer) in the sidebar, then the chosen page.

Run with `make run` (or `streamlit run dashboard.py`).
"""

import streamlit as st

from ui import components, data, filters
from ui.i18n import t

st.set_page_config(page_title="Cadran", page_icon=":material/donut_large:", layout="wide")

if not data.published():
    page = st.Page(components.no_database, title="Cadran", icon=":material/database_off:")
    st.navigation([page], position="hidden").run()
    st.stop()

filters.sidebar()
pages = {
    t("section.pilotage"): [
        st.Page("pages/overview.py", title=t("page.overview"), icon=":material/dashboard:", default=True),
    ],
    t("section.network"): [
        st.Page("pages/participation.py", title=t("page.participation"), icon=":material/groups:"),
        st.Page("pages/training.py", title=t("page.training"), icon=":material/school:"),
        st.Page("pages/surveys.py", title=t("page.surveys"), icon=":material/forum:"),
        st.Page("pages/actions.py", title=t("page.actions"), icon=":material/task_alt:"),
        st.Page("pages/budget.py", title=t("page.budget"), icon=":material/euro:"),
    ],
    t("section.quality"): [
        st.Page("pages/data.py", title=t("page.data"), icon=":material/database:"),
    ],
}
with filters.frame_drawn():
    st.navigation(pages).run()

"""Placeholder: a colleague builds this page next."""

import streamlit as st

from ui import filters
from ui.i18n import t

filters.current()

st.title(t("page.surveys"))
st.info(t("soon"), icon=":material/construction:")

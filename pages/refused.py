"""What answers at the URL of a page the user's role does not open (a bookmark, a typed /data):
dashboard.py says above which page and why; nothing of that page is read here."""

import streamlit as st

from etl.text.i18n import t

st.caption(t("auth.not_for_role.help"))

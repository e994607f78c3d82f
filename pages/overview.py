"""Overview: the headline cards with their change over a year, and the network's growth."""

import streamlit as st

from etl.figures import people_charts
from etl.text.i18n import t
from ui import cards, components, downloads, filters, reads

f = filters.current()
st.title(t("page.overview"))
st.caption(f.caption())

cards.grid(f)

st.subheader(t("overview.growth"))
st.caption(t("overview.growth.help"))
growth = reads.network_growth(**f.series())
marks = reads.milestones(as_of=f.as_of, start=f.start)
components.chart(people_charts.growth(growth, marks, f.lang, f.presenter), growth, "croissance-reseau", f)

st.subheader(t("exports.title"))
st.caption(t("exports.help"))
left, middle, right = st.columns(3)
with left:
    downloads.summary_button(f)  # the Excel summary of these filters
with middle:
    downloads.slides_button(f)
with right:
    downloads.report_button(f)

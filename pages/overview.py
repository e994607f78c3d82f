"""Overview: the headline cards with their change over a year, and the network's growth."""

import streamlit as st

from ui import cards, charts, components, data, exports, filters
from ui.i18n import t

f = filters.current()
st.title(t("page.overview"))
st.caption(f.caption())

cards.grid(f)

st.subheader(t("overview.growth"))
st.caption(t("overview.growth.help"))
growth = data.network_growth(**f.series())
marks = data.milestones(as_of=f.as_of, start=f.start)
components.chart(charts.growth(growth, marks, f.lang, f.presenter), growth, "croissance-reseau", f)

st.subheader(t("exports.title"))
st.caption(t("exports.help"))
left, middle, right = st.columns(3)
with left:
    exports.summary_button(f)  # the Excel summary of these filters
with middle:
    exports.slides_button(f)
with right:
    exports.report_button(f)

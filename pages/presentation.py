"""The presenter's slideshow (/presentation): full-screen slides, one message each, no sidebar.

Opened by a link carrying the filters (``/presentation?as_of=2015-06-30&organisation=…&slide=2``);
next / previous by the buttons or the arrow keys. The slides are ui.slides.deck (the PowerPoint
export reads the same list).
"""

import streamlit as st

from ui import auth, components, exports, filters, slides, theme
from ui.i18n import t

f = filters.current()
deck = slides.deck(f)
position = components.slide_position(len(deck))
slide = deck[position]

components.slide_frame()
components.slide_header(slide, position, len(deck), f)
st.title(slide.title)
components.slide_body(slide)
fig = slides.figure(slide, f)
if fig is not None:
    fig.update_layout(height=300 if slide.figures else 400)
    st.plotly_chart(fig, width="stretch", key="slide-chart", config=theme.plotly_config(f"diapo-{slide.key}"))
components.slide_footer(slide)
components.slide_keys()
left, middle, right = st.columns(3)
with left:
    exports.slides_button(f)  # the same slides as a PowerPoint deck (etl.slides)
with middle:
    exports.report_button(f)  # and as one offline HTML file
if auth.can("viewer"):  # a presenter has no way back to the other pages
    with right:
        st.page_link(
            "pages/overview.py", label=t("slides.back"), icon=":material/close:", query_params=f.query()
        )

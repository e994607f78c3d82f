"""The presenter's slideshow (/presentation): full-screen slides, one message each, no sidebar.

Opened by a link carrying the filters (``/presentation?as_of=2015-06-30&organisation=…&slide=2``);
next / previous by the buttons or the arrow keys. The slides are etl.documents.slide_specs.slide_specs (through
ui.slideshow.deck): the PowerPoint deck and the offline report below are made of the same specs.
"""

import streamlit as st

from etl.figures import theme
from etl.text.i18n import t
from ui import auth, downloads, filters, slideshow

f = filters.current()
deck = slideshow.deck(f)
position = slideshow.slide_position(len(deck))
spec = deck[position]


def menu() -> None:
    """The presenter's menu: the same slides as files, and the way back to the pages."""
    st.caption(t("slides.files.help", f.lang))
    downloads.slides_button(f)  # the same slides as a PowerPoint deck (etl.documents.deck)
    downloads.report_button(f)  # and as one offline HTML file
    if auth.can("viewer"):  # a presenter has no way back to the other pages
        st.page_link(
            "pages/overview.py", label=t("slides.back"), icon=":material/close:", query_params=f.query()
        )


slideshow.slide_frame()
slideshow.slide_header(position, len(deck), f, menu)
st.title(spec.title)
slideshow.slide_body(spec)
fig = slideshow.figure(spec, f.lang)
if fig is not None:
    # the chart fills what the title, the message and the figures leave of a 720-pixel screen
    fig.update_layout(height=min(fig.layout.height or 400, 300 if spec.figures else 420))
    st.plotly_chart(
        fig, width="stretch", key="slide-chart", config=theme.plotly_config(f"diapo-{spec.key}", f.lang)
    )
slideshow.slide_footer(slideshow.footer(spec))
slideshow.slide_keys()

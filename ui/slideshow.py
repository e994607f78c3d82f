"""The presenter's slideshow as data: ``deck(f)`` gives the slides, in order, one message each.

The slides are etl.documents.slide_specs.slide_specs, read through ui.reads (cached on the published version):
the PowerPoint deck and the offline report are made of the very same specs, so a seminar's
slides say the same thing in the same order in the app, in the .pptx and in the .html file.
``figure(spec, lang)`` draws a slide's chart (etl.figures.document_charts.spec_chart) in presenter
size; ``footer`` is the reference date, the scope and the load the figures come from. No slide
carries a name.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import streamlit as st

from etl.documents.slide_specs import ORDER, SlideSpec
from etl.figures import document_charts
from etl.model.view import Filters
from etl.text.i18n import t
from ui import reads

__all__ = ["ORDER", "SlideSpec", "deck", "figure", "footer"]


def deck(f: Filters) -> list[SlideSpec]:
    """The slides for the filters ``f`` (date, organisation, direction, language), in ORDER; the
    survey slide only when a survey was opened by the date."""
    return reads.slide_specs(f.as_of, f.organisation, f.direction, f.lang)


def figure(spec: SlideSpec, lang: str) -> go.Figure | None:
    """The slide's chart in presenter size (None: the slide has no chart)."""
    return None if spec.chart is None else document_charts.spec_chart(spec.chart, lang, presenter=True)


def footer(spec: SlideSpec) -> str:
    return f"{spec.caption} · {spec.source}"


# --- the slideshow (pages/presentation.py): its position, frame and large type ------------------

SLIDE_KEY = "slide"
# Full screen: no sidebar nor its toggle, no toolbar; type read from the back of a room.
_SLIDE_CSS = """
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 1.2rem 2.5rem 0.5rem; max-width: 100%; }
h1 { font-size: 2.6rem !important; padding: 0 !important; }
.cadran-slide-message { font-size: 2.1rem; line-height: 1.25; font-weight: 600; color: #0b3d62; margin: 0.2rem 0 0.6rem; }
.cadran-slide-figures { display: flex; gap: 1.2rem; margin-bottom: 0.4rem; }
.cadran-slide-figure { flex: 1 1 0; min-width: 0; border: 1px solid #d6dde4; border-radius: 0.6rem; padding: 0.5rem 0.9rem; }
.cadran-slide-value { font-size: 2.6rem; font-weight: 700; white-space: nowrap; overflow: hidden; line-height: 1.2; }
.cadran-slide-label { font-size: 1.2rem; color: #4a4f57; }
.cadran-slide-footer { font-size: 1.25rem; color: #4a4f57; border-top: 1px solid #d6dde4; padding-top: 0.3rem; }
.cadran-slide-position { font-size: 1.2rem; color: #4a4f57; }
"""


def slide_position(count: int) -> int:
    """The slide shown (0-based): the link's ``slide`` (1-based) on a session's first run, then the
    buttons' and keys' moves; written back to the URL so the address bar opens this very slide."""
    if SLIDE_KEY not in st.session_state:
        try:
            st.session_state[SLIDE_KEY] = int(st.query_params.get(SLIDE_KEY, "1")) - 1
        except ValueError:
            st.session_state[SLIDE_KEY] = 0
    position = min(max(st.session_state[SLIDE_KEY], 0), count - 1)
    st.session_state[SLIDE_KEY] = position
    if st.query_params.get(SLIDE_KEY) != str(position + 1):
        st.query_params[SLIDE_KEY] = str(position + 1)
    return position


def _move(step: int, count: int) -> None:
    st.session_state[SLIDE_KEY] = min(max(st.session_state.get(SLIDE_KEY, 0) + step, 0), count - 1)


def slide_frame() -> None:
    st.html(f"<style>{_SLIDE_CSS}</style>")


def slide_header(position: int, count: int, f, menu=None) -> None:
    """Previous / position / next, as buttons the arrow keys press (streamlit-shortcuts); ``menu``
    draws the presenter's menu beside the position (the files, the way out), never under a slide."""
    left, middle, files, right = st.columns([1, 3.2, 0.8, 1], vertical_alignment="center")
    if menu is not None:
        with files:
            with st.popover(t("slides.files", f.lang), icon=":material/menu:", width="stretch"):
                menu()
    with left:
        st.button(
            t("slides.previous", f.lang),
            key="slide_previous",
            icon=":material/arrow_back:",
            on_click=_move,
            args=(-1, count),
            disabled=position == 0,
            width="stretch",
        )
    with middle:
        where = t("slides.position", f.lang, i=position + 1, n=count)
        st.html(f'<div class="cadran-slide-position">{where} · {t("slides.keys", f.lang)}</div>')
    with right:
        st.button(
            t("slides.next", f.lang),
            key="slide_next",
            icon=":material/arrow_forward:",
            on_click=_move,
            args=(1, count),
            disabled=position == count - 1,
            width="stretch",
        )


def slide_body(spec) -> None:
    """The slide's message and its large figures (etl.documents.slide_specs.Figure: text, label), as HTML text
    (escaped: data is never markup)."""
    parts = [f'<div class="cadran-slide-message">{html.escape(spec.message)}</div>']
    if spec.figures:
        boxes = "".join(
            f'<div class="cadran-slide-figure"><div class="cadran-slide-value">{html.escape(f.text)}</div>'
            f'<div class="cadran-slide-label">{html.escape(f.label)}</div></div>'
            for f in spec.figures
        )
        parts.append(f'<div class="cadran-slide-figures">{boxes}</div>')
    st.html("".join(parts))


def slide_footer(text: str) -> None:
    st.html(f'<div class="cadran-slide-footer">{html.escape(text)}</div>')


# ArrowRight / ArrowLeft press the Next / Previous buttons. Streamlit has no key events; the
# maintained package for this (streamlit-shortcuts) goes through st.components.v1.html, which
# Streamlit deprecates, so this is the same ten lines on st.html. A constant: no data in it.
_SLIDE_KEYS_JS = """<script>
(() => {
  if (window.__cadranSlideKeys) return;
  window.__cadranSlideKeys = true;
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const key = {ArrowRight: "slide_next", ArrowLeft: "slide_previous"}[e.key];
    const tag = (e.target && e.target.tagName) || "";
    if (!key || tag === "INPUT" || tag === "TEXTAREA") return;
    const button = document.querySelector(`.st-key-${key} button`);
    if (button && !button.disabled) { e.preventDefault(); button.click(); }
  });
})();
</script>"""


def slide_keys() -> None:
    st.html(_SLIDE_KEYS_JS, unsafe_allow_javascript=True)

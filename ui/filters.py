"""The shared filters: drawn once in the sidebar by dashboard.py, read by every page.

Widget keys are the state: ``as_of``, ``period``, ``organisation``, ``direction``,
``lang`` and ``presenter`` (tests set them by key). ``current()`` gives a page
the frozen ``Filters`` of this run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from ui import auth, data, i18n
from ui import format as fmt
from ui.i18n import t

PERIODS = ("all", "12m", "3y", "year")
ALL = ""  # the "Toutes" option: None would leave the box empty, showing Streamlit's English placeholder
CHOICES = ("period", "organisation", "direction")
STATE_KEY = "filters"
DRAWN_KEY = "_frame_drawn"
ROUTED_KEY = "_legacy_pages_rerouted"


@dataclass(frozen=True)
class Filters:
    as_of: dt.date
    period: str = "all"
    organisation: str | None = None
    direction: str | None = None
    lang: str = "fr"
    presenter: bool = False

    @property
    def start(self) -> dt.date | None:
        """First day of the chart period (None: since the start of the data)."""
        return period_start(self.period, self.as_of)

    @property
    def year_earlier(self) -> dt.date:
        """The same day one year before, for the cards' changes (29 February → 28)."""
        try:
            return self.as_of.replace(year=self.as_of.year - 1)
        except ValueError:
            return self.as_of.replace(year=self.as_of.year - 1, day=28)

    def scope(self) -> dict:
        """The arguments of a point-in-time query."""
        return {"as_of": self.as_of, "organisation": self.organisation, "direction": self.direction}

    def series(self) -> dict:
        """The arguments of a series over the period."""
        return {**self.scope(), "start": self.start}

    def scope_label(self) -> str:
        parts = [p for p in (self.organisation, self.direction) if p]
        return " · ".join(parts) if parts else t("scope.whole", self.lang)

    def caption(self) -> str:
        return t("scope.caption", self.lang, as_of=fmt.date(self.as_of, self.lang), scope=self.scope_label())


def period_start(period: str, as_of: dt.date) -> dt.date | None:
    """First day of a named period ending at ``as_of``; whole months, so monthly charts are complete."""
    months = {"12m": 11, "3y": 35}.get(period)
    if months is not None:
        index = as_of.year * 12 + as_of.month - 1 - months
        return dt.date(index // 12, index % 12 + 1, 1)
    if period == "year":
        return dt.date(as_of.year, 1, 1)
    return None


def sidebar() -> Filters:
    """Draw the shared filters in the sidebar and keep this run's ``Filters`` in session state."""
    bounds = data.bounds()
    with st.sidebar:
        lang = st.selectbox(
            t("filter.language"),
            list(i18n.LANGUAGES),
            format_func=i18n.LANGUAGES.get,
            key="lang",
            on_change=_keep_choices,
        )
        st.header(t("filters"))
        as_of = st.date_input(
            t("filter.as_of"),
            value=bounds["last_day"],
            min_value=bounds["first_day"],
            max_value=max(dt.date.today(), bounds["last_day"]),
            format="DD/MM/YYYY",
            help=t("filter.as_of.help"),
            key="as_of",
        )
        period = st.selectbox(
            t("filter.period"), PERIODS, format_func=lambda p: t(f"period.{p}", lang), key="period"
        )
        organisation, direction = _organisation_filters(lang)
        if auth.can("presenter"):  # the presenter role has no switch back
            presenter = True
        else:
            presenter = st.toggle(t("filter.presenter"), help=t("filter.presenter.help"), key="presenter")
        if presenter:
            _presenter_style()
        else:  # the server's path is for the team, not for a projector
            _footer()
    filters = Filters(as_of, period, organisation, direction, lang, presenter)
    st.session_state[STATE_KEY] = filters
    return filters


def _keep_choices() -> None:
    """On a change of language: pin the chosen codes, so no box keeps its old language's label."""
    for key in CHOICES:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _organisation_filters(lang: str) -> tuple[str | None, str | None]:
    pairs = data.organisations()
    organisations = [ALL, *sorted({o for o, _ in pairs})]
    organisation = _choice("filter.organisation", organisations, lang)
    directions = [ALL, *sorted({d for o, d in pairs if organisation in (ALL, o) and d})]
    direction = _choice("filter.direction", directions, lang)
    return organisation or None, direction or None


def _choice(label: str, options: list[str], lang: str) -> str:
    """A box whose first option is "Toutes": a value not (or no longer) among the options goes back to it."""
    key = label.removeprefix("filter.")
    if st.session_state.get(key) not in options:  # first run, None set by a test, or the organisation changed
        st.session_state[key] = ALL
    everyone = t("filter.all", lang)

    def shown(value) -> str:  # a format_func: AppTest calls it outside the run, so no session state
        return everyone if value == ALL else value

    return st.selectbox(t(label, lang), options, format_func=shown, placeholder=everyone, key=key)


# Presenter mode: headline cards readable from the back of the room (one rule, injected once per run).
_PRESENTER_CSS = """<style>
[data-testid="stMetricValue"] { font-size: 2.6rem; }
[data-testid="stMetricLabel"] p { font-size: 1.25rem; white-space: normal; }
[data-testid="stMetricLabel"] * { overflow: visible; text-overflow: clip; white-space: normal; }
[data-testid="stMetricDelta"] { font-size: 1.2rem; }
[data-testid="stCaptionContainer"] { font-size: 1.05rem; }
</style>"""


def _presenter_style() -> None:
    st.markdown(_PRESENTER_CSS, unsafe_allow_html=True)


def _footer() -> None:
    load = data.last_load()
    st.divider()
    if load is None:
        st.caption(t("footer.never"))
        return
    when = fmt.datetime(load["loaded_at"], i18n.current())
    st.caption(t("footer.loaded", when=when, source=load["source"]))


@contextmanager
def frame_drawn() -> Iterator[None]:
    """Around ``pg.run()`` in dashboard.py: tells the page the shared frame is already drawn."""
    st.session_state[DRAWN_KEY] = True
    try:
        yield
    finally:
        st.session_state[DRAWN_KEY] = False


def current() -> Filters:
    """The filters of this run, drawing the shared frame when the page runs without dashboard.py.

    With a ``pages/`` folder Streamlit runs a page file alone in two cases: a fresh
    server's first request on a page's URL, and every AppTest rerun after the first.
    """
    if st.session_state.get(DRAWN_KEY):
        return st.session_state[STATE_KEY]
    if PagesManager.uses_pages_directory and not st.session_state.get(ROUTED_KEY):
        # Streamlit's legacy mode for a pages/ folder ran this page alone. Turn it off (as
        # dashboard.py's st.navigation would) and rerun once: the router then serves this URL
        # with its titles and sections instead of a list of file names.
        PagesManager.uses_pages_directory = False
        st.session_state[ROUTED_KEY] = True
        st.rerun()
    from ui import components

    st.set_page_config(page_title="Cadran", layout="wide")
    auth.gate()  # a page run alone still needs a signed-in user (its own checks come after)
    if not data.published():
        components.no_database()
        st.stop()
    return sidebar()

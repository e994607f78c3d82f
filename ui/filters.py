"""The shared filters: drawn once in the sidebar by dashboard.py, read by every page.

Widget keys are the state: ``as_of``, ``period``, ``organisation``, ``direction``, ``service``,
``lang`` and ``presenter`` (tests set them by key). ``current()`` gives a page
the frozen ``Filters`` of this run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from etl.model.view import Filters
from etl.text import collate, i18n, plain, reject_words
from etl.text import format as fmt
from etl.text.i18n import t
from ui import auth, framework, language, reads, upload

PERIODS = ("all", "12m", "3y", "year")
ALL = ""  # the "Toutes" option: None would leave the box empty, showing Streamlit's English placeholder
CHOICES = ("period", "organisation", "direction", "service")
STATE_KEY = "filters"
DRAWN_KEY = "_frame_drawn"
ROUTED_KEY = "_legacy_pages_rerouted"
URL_READ_KEY = "_filters_from_url"
URL_KEYS = (
    "as_of",
    "period",
    "organisation",
    "direction",
    "service",
    "lang",
)  # ?as_of=2015-06-30&period=12m…


def sidebar(routed: bool = True) -> Filters:
    """Draw the shared filters in the sidebar and keep this run's ``Filters`` in session state.

    A session's first run reads the filters from the URL; every run writes them back to it, so
    the address bar can be shared or bookmarked (``?as_of=2015-06-30&organisation=…``).
    """
    bounds = reads.bounds()
    read_url(bounds)
    low, high = bounds["first_day"], max(dt.date.today(), bounds["last_day"])
    if st.session_state.get("as_of") is None:  # open on the data's reference date, not today
        st.session_state["as_of"] = bounds["reference_day"]
    elif not low <= st.session_state["as_of"] <= high:  # a date the picker does not offer (new data)
        st.session_state["as_of"] = min(max(st.session_state["as_of"], low), high)
    with st.sidebar:
        lang = st.selectbox(
            t("filter.language"),
            list(i18n.LANGUAGES),
            format_func=i18n.LANGUAGES.get,
            key=language.LANG_KEY,
            on_change=_keep_choices,
        )
        st.header(t("filters"))
        as_of = st.date_input(
            t("filter.as_of"),
            min_value=low,
            max_value=high,
            format="DD/MM/YYYY",
            help=t("filter.as_of.help"),
            key="as_of",
        )
        period = st.selectbox(
            t("filter.period"), PERIODS, format_func=lambda p: t(f"period.{p}", lang), key="period"
        )
        organisation, direction, service = _organisation_filters(lang)
        if auth.can("presenter"):  # the presenter role has no switch back
            presenter = True
        else:
            presenter = st.toggle(t("filter.presenter"), help=t("filter.presenter.help"), key="presenter")
        filters = Filters(as_of, period, organisation, direction, lang, presenter, service)
        if routed and auth.can("viewer"):  # a link needs the router's pages (not a page run alone)
            st.page_link(
                "pages/presentation.py",
                label=t("slides.open", lang),
                icon=":material/slideshow:",
                query_params=filters.query(),
            )
        if presenter:
            _presenter_style()
        else:  # the source's name is for the team, not for a projector
            _footer()
    _streamlit_texts(lang)
    st.session_state[STATE_KEY] = filters
    _to_url(filters)
    return filters


def read_url(bounds: dict | None = None) -> None:
    """Once per session: the filters a shared link carries, each checked (a wrong one is left out).

    dashboard.py calls it before it names the pages, so a link's ``lang`` titles the navigation too.
    """
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    bounds = bounds or reads.bounds()
    url = st.query_params
    if url.get("lang") in i18n.LANGUAGES:
        st.session_state[language.LANG_KEY] = url["lang"]
    try:
        day = dt.date.fromisoformat(url.get("as_of", ""))
    except ValueError:
        day = None
    if day is not None and bounds["first_day"] <= day <= max(dt.date.today(), bounds["last_day"]):
        st.session_state["as_of"] = day
    if url.get("period") in PERIODS:
        st.session_state["period"] = url["period"]
    pairs = reads.organisations()
    organisation = _matching(url.get("organisation"), {o for o, _ in pairs})
    if organisation:
        st.session_state["organisation"] = organisation
    directions = {d for o, d in pairs if d and organisation in (None, o)}
    direction = _matching(url.get("direction"), directions)
    if direction:
        st.session_state["direction"] = direction
    services = {s for o, d, s in reads.services() if d == direction and organisation in (None, o)}
    service = _matching(url.get("service"), services)
    if service:
        st.session_state["service"] = service


def _matching(wanted: str | None, options: set[str]) -> str | None:
    """The option ``wanted`` names, ignoring case and surrounding spaces (as the data's scope does)."""
    if not wanted:
        return None
    key = wanted.strip().casefold()
    return next((o for o in collate.sort(options) if o.strip().casefold() == key), None)


def _to_url(filters: Filters) -> None:
    """The address bar follows the filters (other parameters, such as the slide, are kept)."""
    wanted = filters.query()
    for key in URL_KEYS:
        if key not in wanted and key in st.query_params:
            del st.query_params[key]
    changed = {k: v for k, v in wanted.items() if st.query_params.get(k) != v}
    if changed:
        st.query_params.update(changed)


def _keep_choices() -> None:
    """On a change of language: pin the chosen codes, so no box keeps its old language's label."""
    for key in CHOICES:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def _organisation_filters(lang: str) -> tuple[str | None, str | None, str | None]:
    """Organisation, then its directions, then the chosen direction's services (drill-down)."""
    pairs = reads.organisations()
    organisations = [ALL, *collate.sort({o for o, _ in pairs})]
    organisation = _choice("filter.organisation", organisations, lang)
    directions = [ALL, *collate.sort({d for o, d in pairs if organisation in (ALL, o) and d})]
    direction = _choice("filter.direction", directions, lang)
    if not direction:
        st.session_state["service"] = ALL
        return organisation or None, None, None
    services = {s for o, d, s in reads.services() if d == direction and organisation in (ALL, o)}
    service = _choice("filter.service", [ALL, *collate.sort(services)], lang) if services else ALL
    return organisation or None, direction, service or None


def open_direction(label: str) -> None:
    """A click on a direction's bar: the filters narrow to that direction (its organisation too when
    the bar read « DRH (Agglo) ») and the chart below shows its services. Called before the rerun."""
    for organisation, direction in reads.organisations():
        if label in (direction, f"{direction} ({organisation})"):
            if label != direction:
                st.session_state["organisation"] = organisation
            st.session_state["direction"] = direction
            st.session_state["service"] = ALL
            # the dimension box starts again on its default: services, now a direction is chosen
            st.session_state.pop("participation_dimension", None)
            return


def open_service(label: str) -> None:
    """A click on a service's bar: the filters narrow to that service."""
    st.session_state["service"] = label


def _up_to(level: str) -> None:
    """The breadcrumb's step back: every filter under ``level`` back to « Toutes »."""
    below = ("organisation", "direction", "service")
    for key in below[below.index(level) + 1 :] if level in below else below:
        st.session_state[key] = ALL
    st.session_state.pop("participation_dimension", None)  # back on its default for this level


def breadcrumb(filters: Filters) -> None:
    """Where the page stands (all organisations › organisation › direction › service), each step a
    button that goes back up to it."""
    steps = [("whole", t("scope.whole", filters.lang))]
    steps += [
        (k, v)
        for k, v in (
            ("organisation", filters.organisation),
            ("direction", filters.direction),
            ("service", filters.service),
        )
        if v
    ]
    with st.container(horizontal=True, gap="small"):
        for i, (level, name) in enumerate(steps):
            last = i == len(steps) - 1
            st.button(
                plain.md(name),
                key=f"crumb-{level}",
                on_click=_up_to,
                args=(level,),
                disabled=last,
                type="tertiary",
                icon=":material/chevron_right:" if i else ":material/home:",
            )


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
/* large, but never wider than its card: « 14 556 h » whole at 1280 px with the sidebar open */
[data-testid="stMetricValue"] { font-size: clamp(2.25rem, 2.7vw, 2.8rem); }
[data-testid="stMetricValue"] > div { overflow: visible; text-overflow: clip; }
[data-testid="stMetricLabel"] p { font-size: 1.25rem; white-space: normal; }
[data-testid="stMetricLabel"] * { overflow: visible; text-overflow: clip; white-space: normal; }
[data-testid="stMetricDelta"] { font-size: 1.2rem; }
[data-testid="stCaptionContainer"] { font-size: 1.05rem; }
/* the room for the page: Streamlit's wide margins (5 rem a side) narrow it on a 1 280 px projector */
[data-testid="stMainBlockContainer"] { padding-left: 2rem; padding-right: 2rem; }
/* tables (ui.tables draws them as HTML tables here): projector type, headers wrapped, never cut */
[data-testid="stTable"] th, [data-testid="stTable"] td {
  font-size: 1.25rem !important; line-height: 1.35 !important;
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stTable"] th { font-weight: 600 !important; vertical-align: bottom; }
/* a page's tabs (surveys) named at projector type */
[data-testid="stTab"] p { font-size: 1.3rem; }
</style>"""


def _presenter_style() -> None:
    st.markdown(_PRESENTER_CSS, unsafe_allow_html=True)


def _streamlit_texts(lang: str) -> None:
    """Streamlit's own English in the uploader (« Drag and drop », « 50MB per file », « Upload »):
    hidden, and said in the interface's language instead (CSS, no data in it)."""
    limit = st.get_option("server.maxUploadSize")
    hint = t("uploader.hint", lang, mb=limit, types="CSV, TXT, XLSX")  # HR's exports (ui.upload)
    package = t("uploader.hint", lang, mb=limit, types="ZIP")  # a network's package (the Comparer)
    browse = t("uploader.browse", lang)
    st.html(
        "<style>"
        # a card's label wraps instead of being cut (« Dépensé dans l'a… »)
        '[data-testid="stMetricLabel"] * { white-space: normal !important; overflow: visible !important;'
        " text-overflow: clip !important; }"
        '[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }'
        f'[data-testid="stFileUploaderDropzone"]::before {{ content: "{hint}"; font-size: 0.9rem; color: #4a4f57; }}'
        f'.st-key-compare_upload [data-testid="stFileUploaderDropzone"]::before {{ content: "{package}"; }}'
        # the button's own icon and « Upload » label (children with their own font size) hidden
        '[data-testid="stFileUploaderDropzone"] button > * { display: none; }'
        f'[data-testid="stFileUploaderDropzone"] button::after {{ content: "{browse}"; font-size: 0.9rem; }}'
        "</style>"
    )


def _footer() -> None:
    load = reads.last_load()
    st.divider()
    if load is None:
        st.caption(t("footer.never"))
        return
    when = fmt.datetime(load["loaded_at"], i18n.current())
    st.caption(t("footer.loaded", when=when, source=plain.md(reject_words.source_words(load["source"]))))


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
    if framework.legacy_pages_mode() and not st.session_state.get(ROUTED_KEY):
        # Streamlit's legacy mode for a pages/ folder ran this page alone (ui/framework.py says
        # why): turn it off and rerun once, so the router serves this URL with its titles.
        framework.leave_legacy_pages_mode()
        st.session_state[ROUTED_KEY] = True
        st.rerun()
    st.set_page_config(page_title="Cadran", layout="wide")
    auth.gate()  # a page run alone still needs a signed-in user (its own checks come after)
    if not reads.published():
        upload.no_database()
        st.stop()
    return sidebar(routed=False)
